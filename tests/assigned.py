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
