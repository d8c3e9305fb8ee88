"""The sentence search through its index finds what reading every sentence finds, in the same
order, a page at a time, on SQLite (FTS5 trigrams) and PostgreSQL (pg_trgm)."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text

from annotator.services import search_index
from annotator.services.importing import import_paths
from annotator.store import Project, assignments, queries, sentence_search
from annotator.store.sentence_search import Hit
from annotator.store.tables import Document, Sentence
from tests.conftest import write

pytestmark = pytest.mark.timeout(120)

# Kazakh capitals and small letters, Latin, LIKE's and FTS5's special characters.
DOCS = {
    "b-news": [
        "ҚАЗАҚСТАН Республикасы.",
        "Әлем мен Үкімет.",
        "Іле өңірі, Ұлытау, Һарун, Ғалым.",
        "100% және a_b ережесі.",
        'Ол "тырнақша" деді.',
    ],
    "a-news": ["Қазақстан мен Астана.", "Almaty QALASY, ALMATY.", "ңөұ ҢӨҰ."],
    "c-news": ["Бүгін қазақстанда жаңбыр.", "Ешнәрсе жоқ."],
}
NEEDLES = [
    "қазақстан",
    "ҚАЗАҚСТАН",
    "Қазақстан",
    "ӘЛЕМ",
    "үкімет",
    "ІЛЕ",
    "ұлытау",
    "ҺАРУН",
    "ғалым",
    "ӨҢІР",
    "ңөұ",
    "almaty",
    "QaLa",
    "100%",
    "a_b",
    "%",
    "_",
    '"тыр',
    "мен А",
    "қ",
    "ме",
    "жоқ",
    "  астана ",
    "табылмайды",
    "Straße",
]


def reference(project: Project, needle: str, assigned_to: int | None = None) -> list[Hit]:
    """Today's search before the index: every sentence in corpus order, casefolded."""
    folded = needle.casefold().strip()
    out = []
    with project.reading() as s:
        docs = s.query(Document).order_by(Document.name, Document.id).all()
        for doc in docs:
            if assigned_to is not None and doc.id not in assignments.assigned_document_ids(s, assigned_to):
                continue
            rows = s.query(Sentence).filter_by(document_id=doc.id).order_by(Sentence.position).all()
            for ordinal, row in enumerate(rows):
                if folded and folded in row.text.casefold():
                    out.append((row.id, doc.name, ordinal, row.text))
    return out


def found(project: Project, needle: str, limit: int = 200, **kw: int | None) -> list[Hit]:
    with project.reading() as s:
        return sentence_search.search(s, needle, limit, **kw)


@pytest.fixture
def corpus(project: Project, tmp_path: Path) -> Project:
    paths = [write(tmp_path / f"{name}.txt", "\n".join(lines) + "\n") for name, lines in DOCS.items()]
    import_paths(project, paths)
    search_index.index_waiting(project)  # what the window's upkeep does after an import
    return project


def test_the_index_finds_what_reading_every_sentence_finds(corpus: Project) -> None:
    for needle in NEEDLES:
        assert found(corpus, needle) == reference(corpus, needle), needle
    assert [hit[1] for hit in found(corpus, "ҚАЗАҚСТАН")] == ["a-news", "b-news", "c-news"]
    assert [hit[2] for hit in found(corpus, "ғалым")] == [2]


def test_kazakh_capitals_and_small_letters_find_each_other(corpus: Project) -> None:
    for upper, lower in zip("ҚӘҮІҢӨҰҺҒ", "қәүіңөұһғ", strict=True):
        assert indexed(upper + "а" + upper) and indexed(lower + "а" + lower)
    assert len(found(corpus, "ҢӨҰ")) == len(found(corpus, "ңөұ")) == 1


def indexed(needle: str) -> bool:
    return sentence_search.indexable(needle)


def test_pages_follow_one_another_without_gaps_or_repeats(corpus: Project) -> None:
    whole = reference(corpus, "е")  # a one-letter needle reads the sentences in order
    assert len(whole) >= 6
    for needle in ("е", "мен", "ан"):
        pages: list[Hit] = []
        after = None
        for _ in range(20):
            page = found(corpus, needle, 2, after=after)
            pages += page
            if len(page) < 2:
                break
            after = page[-1][0]
        assert pages == reference(corpus, needle), needle


def test_a_page_ends_at_the_limit(corpus: Project) -> None:
    assert found(corpus, "ан", 1) == reference(corpus, "ан")[:1]
    assert found(corpus, "ан", 0) == []
    assert found(corpus, "   ") == []


def test_only_the_documents_assigned_are_searched(corpus: Project) -> None:
    with corpus.transaction() as s:
        person = queries.ensure_annotator(s, "aida").id
        doc_id, _ = queries.find_document(s, "c-news") or (0, "")
        assignments.add(s, [(doc_id, person)])
    hits = found(corpus, "қазақстан", assigned_to=person)
    assert [hit[1] for hit in hits] == ["c-news"]
    assert hits == reference(corpus, "қазақстан", person)


def test_long_and_short_needles_go_through_the_index_only_when_it_can_answer(
    corpus: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Three letters or more: the index answers, no sentence is read one by one; fewer, or a
    letter that folds to two (ß): every sentence is read, as before."""
    read: list[str] = []

    def counted(session, rows, needle, limit):  # type: ignore[no-untyped-def]
        read.append(needle)
        return scan(session, rows, needle, limit)

    scan = sentence_search._scan
    monkeypatch.setattr(sentence_search, "_scan", counted)
    assert found(corpus, "ҚАЗАҚ") and found(corpus, "лытау") and not found(corpus, "табылмайды")
    assert read == []
    found(corpus, "ме")
    found(corpus, "Straße")
    assert read == ["ме", "strasse"]


def test_an_index_that_is_missing_means_reading_every_sentence(corpus: Project) -> None:
    """A SQLite without FTS5 gets no table (revision 0008): the search still answers, by reading."""
    if corpus.engine.dialect.name != "sqlite":
        with corpus.engine.begin() as conn:
            conn.execute(text("DROP INDEX sentences_text_search"))
    else:
        with corpus.engine.begin() as conn:
            for trigger in ("insert", "delete", "update"):
                conn.execute(text(f"DROP TRIGGER sentences_search_{trigger}"))
            conn.execute(text("DROP TABLE sentence_search"))
    for needle in NEEDLES:
        assert found(corpus, needle) == reference(corpus, needle), needle


def test_a_common_needle_is_read_in_corpus_order_with_the_same_hits(
    corpus: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    """More candidates than ``DENSE``: reading in order finds the first page sooner than sorting."""
    monkeypatch.setattr(sentence_search, "DENSE", 1)
    read: list[str] = []
    scan = sentence_search._scan

    def counted(session, rows, needle, limit):  # type: ignore[no-untyped-def]
        read.append(needle)
        return scan(session, rows, needle, limit)

    monkeypatch.setattr(sentence_search, "_scan", counted)
    for needle in ("қазақстан", "ұлытау", "мен"):
        assert found(corpus, needle) == reference(corpus, needle), needle
    expected = ["қазақстан", "мен"] if corpus.engine.dialect.name == "sqlite" else []
    assert read == expected  # ұлытау is in one sentence only
