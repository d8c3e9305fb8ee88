"""A small project for the assignment tests: four documents of a few sentences, one per line.

``d1`` … ``d4`` (2, 3, 2 and 3 sentences); each sentence names its document, so a search shows
where a hit lies.
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from sqlalchemy import update

from annotator.core.records import AnnotatorInfo
from annotator.services.importing import import_paths
from annotator.store import Project, queries
from annotator.store import assignments as rows
from annotator.store.tables import Assignment, utcnow
from tests.conftest import write

SIZES = {"d1": 2, "d2": 3, "d3": 2, "d4": 3}


def four_documents(project: Project, where: Path) -> dict[str, int]:
    """Import d1 … d4 into the project; document name → id."""
    paths = [
        write(where / f"{name}.txt", "".join(f"Сөйлем {i + 1} {name} құжатында.\n" for i in range(n)))
        for name, n in SIZES.items()
    ]
    import_paths(project, paths)
    with project.reading() as s:
        return {name: i for i, name, _n in rows.document_sizes(s)}


def person(project: Project, name: str, role: str = "annotator") -> AnnotatorInfo:
    """Add a person to the project."""
    with project.transaction() as s:
        return queries.add_annotator(s, name, role)


def give(project: Project, pairs: list[tuple[int, int]], dynamic: bool = False) -> None:
    """Assign documents to people, ``(document_id, person_id)``, straight through the store."""
    with project.transaction() as s:
        rows.add(s, pairs, dynamic=dynamic)


def left_alone(project: Project, person_id: int, document_id: int, minutes: int) -> None:
    """Make a person's assignment look untouched for ``minutes`` (as if their window was left)."""
    with project.transaction() as s:
        s.execute(
            update(Assignment)
            .where(Assignment.annotator_id == person_id, Assignment.document_id == document_id)
            .values(touched_at=utcnow() - timedelta(minutes=minutes))
        )


def assignments(project: Project) -> list[tuple[str, str, bool]]:
    """Every assignment as ``(document, person, dynamic)``."""
    with project.reading() as s:
        return rows.assignment_rows(s)


def known_team(project: Project, where: Path) -> dict[str, AnnotatorInfo]:
    """A small team with known figures (the dashboard tests).

    Айгерім has d1 and d2, Болат d2 and d3, Дәурен nothing; d4 is nobody's. Айгерім marked d2 and
    the first sentence of d1 done (144 active seconds over those 4 sentences: 100 per hour), Болат
    d2. On d2 Айгерім tagged the first token PERSON in each sentence and Болат did the same but
    GPE in the last: 2 spans agree of 3 each, F1 = 2·2 / (2·2 + 1 + 1) = 0.67. Ready: d2 only.
    """
    from annotator.services import commands as c
    from annotator.store import active_time

    docs = four_documents(project, where)
    people = {n: person(project, n) for n in ("Айгерім", "Болат", "Дәурен")}
    a, b = people["Айгерім"].id, people["Болат"].id
    give(project, [(docs["d1"], a), (docs["d2"], a), (docs["d2"], b), (docs["d3"], b)])
    with project.reading() as s:
        ids = {name: [x.id for x in queries.document_sentences(s, d)] for name, d in docs.items()}
    for who, sentences in ((a, ids["d1"][:1] + ids["d2"]), (b, ids["d2"])):
        project.act_as(who)
        for sid in sentences:
            label = "GPE" if who == b and sid == ids["d2"][-1] else "PERSON"
            if sid in ids["d2"]:
                c.AddEntity(sid, who, 0, 1, label).apply(project)
            c.SetStatus(sid, who, "done").apply(project)
    project.act_as(None)
    with project.transaction() as s:
        active_time.add_seconds(s, a, dict.fromkeys(ids["d1"][:1] + ids["d2"], 36.0))
    return people
