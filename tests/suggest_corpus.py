"""A tiny synthetic Kazakh corpus the recommenders learn quickly: cities (GPE) and people (PERSON)."""

from __future__ import annotations

from pathlib import Path

from annotator.services.importing import ImportOptions, import_paths
from annotator.store import Project
from tests.conftest import write

CITIES = ["Алматы", "Астана", "Шымкент", "Қарағанды", "Ақтөбе", "Атырау", "Павлодар"]
PEOPLE = [("Асқар", "Оспанов"), ("Мұрат", "Әлиев"), ("Дина", "Серікова"), ("Ерлан", "Қасымов")]
TEMPLATES = [
    ("{c}", "қаласында", "{p}", "сөз", "сөйледі", "."),
    ("{p}", "{c}", "қаласына", "барды", "."),
    ("Кеше", "{c}", "қаласында", "{p}", "жиналыс", "өткізді", "."),
]


def _sentence(i: int, labelled: bool) -> list[tuple[str, str]]:
    city, (first, last) = CITIES[i % len(CITIES)], PEOPLE[i % len(PEOPLE)]
    rows: list[tuple[str, str]] = []
    for part in TEMPLATES[i % len(TEMPLATES)]:
        if part == "{c}":
            rows.append((city, "B-GPE" if labelled else "O"))
        elif part == "{p}":
            rows += [(first, "B-PERSON" if labelled else "O"), (last, "I-PERSON" if labelled else "O")]
        else:
            rows.append((part, "O"))
    return rows


def conll(sentences: range, labelled: bool, document: str) -> str:
    """CoNLL text of the sentences numbered ``sentences`` (labelled, or all O) as one document."""
    blocks = ["\n".join(f"{w}\t{t}" for w, t in _sentence(i, labelled)) for i in sentences]
    return f"-DOCSTART-\t{document}\n\n" + "\n\n".join(blocks) + "\n"


def load(project: Project, where: Path, done: int = 24, todo: int = 8, name: str = "a") -> None:
    """``done`` labelled sentences done by ``name`` (document ``train``), ``todo`` unlabelled ones
    not done (document ``rest``)."""
    first = write(where / "train.conll", conll(range(done), True, "train"))
    import_paths(project, [first], ImportOptions(annotator=name, status="done"))
    second = write(where / "rest.conll", conll(range(done, done + todo), False, "rest"))
    import_paths(project, [second], ImportOptions(annotator=name, status="todo"))


def rest_ids(project: Project) -> list[int]:
    """The sentence ids of document ``rest`` (the not-done one), in order."""
    from annotator.store import queries

    with project.reading() as s:
        doc = next(d for d in queries.documents_overview(s) if d.name.startswith("rest"))
        return [x.id for x in queries.document_sentences(s, doc.id)]
