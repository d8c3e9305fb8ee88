"""Every write of a sentence's text keeps the search index in step: after it the search finds the
new text and not the old (import, split and merge, the mixed-script fix, retokenizing, restore,
a document's deletion). On SQLite FTS5's own integrity check compares the index with the text."""

from __future__ import annotations

import re
import threading
from pathlib import Path

import pytest
from sqlalchemy import text

from annotator.core.errors import AnnotatorError
from annotator.core.model import Token
from annotator.services import project as projects
from annotator.services import retokenize as retokenizing
from annotator.services import search_index
from annotator.services.annotate import Navigator
from annotator.services.commands.corrections import MergeSentences, SplitSentence
from annotator.services.commands.text import token_fix
from annotator.services.importing import import_paths
from annotator.store import Project, queries, sentence_search
from tests.conftest import write

pytestmark = pytest.mark.timeout(120)

FIRST = "Қазақстан Республикасы Астанада, жиналыс өтті. Президент сөз сөйледі."
SECOND = "Жиналысқа мыңдаған адам келді."
INTEGRITY_CHECK = "INSERT INTO sentence_search(sentence_search, rank) VALUES ('integrity-check', 1)"


def hits(project: Project, needle: str) -> list[tuple[int, str, int, str]]:
    """The search's hits once the window's upkeep indexed what an import left waiting, after the
    index was checked against the sentences' text."""
    search_index.index_waiting(project)
    in_step(project)
    with project.reading() as s:
        return sentence_search.search(s, needle)


def in_step(project: Project) -> None:
    """FTS5's integrity check with the text (rank 1): raises when the index misses a write."""
    if project.engine.dialect.name == "sqlite":
        with project.engine.begin() as conn:
            conn.execute(text(INTEGRITY_CHECK))


@pytest.fixture
def news(project: Project, tmp_path: Path) -> Project:
    import_paths(project, [write(tmp_path / "news.txt", f"{FIRST}\n{SECOND}\n")])
    with project.transaction() as s:
        project.act_as(queries.add_annotator(s, "boss", "reviewer").id)
    return project


def sentences(project: Project) -> list[int]:
    navigator = Navigator(project)
    return navigator.sentences(navigator.documents[0])


def test_imported_sentences_are_found_the_next_import_too(news: Project, tmp_path: Path) -> None:
    assert [h[3] for h in hits(news, "ЖИНАЛЫСҚА")] == [SECOND]
    assert hits(news, "ақпан айы") == []
    import_paths(news, [write(tmp_path / "later.txt", "Ақпан айы келді.\n")])
    assert [(h[1], h[2]) for h in hits(news, "ақпан айы")] == [("later", 0)]


def test_an_import_that_fails_leaves_the_index_as_it_was(news: Project, tmp_path: Path) -> None:
    """An import leaves its sentences waiting (store ``defer``): a refused file rolls everything
    back, the mark included, and later writes are indexed at once again."""
    search_index.index_waiting(news)
    bad = write(tmp_path / "bad.jsonl", '{"document": "x", "text": "Ақпан айы."}\n{"document": \n')
    with pytest.raises(AnnotatorError):
        import_paths(news, [bad])
    with news.reading() as s:
        assert s.execute(text("SELECT count(*) FROM project_meta WHERE key LIKE 'search:%'")).scalar() == 0
    assert hits(news, "ақпан айы") == [] and len(hits(news, "мыңдаған")) == 1
    first, _ = sentences(news)
    SplitSentence(first, token=7).apply(news)
    assert len(hits(news, "президент")) == 1


def test_a_split_and_a_merge_are_found_as_the_sentences_they_make(news: Project) -> None:
    first, second = sentences(news)
    split = SplitSentence(first, token=7)
    split.apply(news)
    _, new, _ = sentences(news)
    assert [(h[0], h[2], h[3]) for h in hits(news, "президент")] == [(new, 1, "Президент сөз сөйледі.")]
    split.revert(news)
    assert [(h[0], h[2]) for h in hits(news, "президент")] == [(first, 0)]
    assert [(h[0], h[3]) for h in hits(news, "мыңдаған")] == [(second, SECOND)]
    MergeSentences(first).apply(news)
    [(sid, _, _, merged)] = hits(news, "мыңдаған")  # the second sentence is gone
    assert sid == first and merged.startswith(FIRST) and merged.endswith(SECOND)
    assert second not in sentences(news)


def test_a_deleted_document_is_no_longer_found(news: Project) -> None:
    assert hits(news, "мыңдаған")
    with news.engine.begin() as conn:
        conn.execute(text("DELETE FROM documents WHERE name = 'news'"))  # its sentences go by cascade
    assert hits(news, "мыңдаған") == [] and hits(news, "қазақстан") == []


def test_the_mixed_script_fix_is_found_by_its_new_letters(tmp_path: Path) -> None:
    project = projects.open_or_create(str(tmp_path / "p.sqlite"))
    import_paths(project, [write(tmp_path / "news.txt", "Бүгін Қaзақстан.\n")])  # a Latin a
    with project.transaction() as s:
        project.act_as(queries.ensure_annotator(s, "aida").id)
        doc_id, _ = queries.find_document(s, "news") or (0, "")
        sentence = queries.document_sentences(s, doc_id)[0]
    assert hits(project, "қазақстан") == [] and len(hits(project, "қaзақ")) == 1
    command, _ = token_fix(sentence.id, doc_id, sentence.text, 6, 15)
    assert command is not None
    command.apply(project)
    assert [h[3] for h in hits(project, "ҚАЗАҚСТАН")] == ["Бүгін Қазақстан."]
    assert hits(project, "қaзақ") == []
    command.revert(project)
    assert hits(project, "қазақстан") == [] and len(hits(project, "қaзақ")) == 1
    project.close()


def by_white_space(line: str) -> list[Token]:
    return [Token(m.group(), m.start(), m.end()) for m in re.finditer(r"\S+", line)]


def test_retokenized_sentences_are_still_found(
    project: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    projects.set_tokenizer_version(project, 1)
    import_paths(project, [write(tmp_path / "news.txt", f"{FIRST}\n{SECOND}\n")])
    real = retokenizing.tokenizer
    monkeypatch.setattr(retokenizing, "tokenizer", lambda v: by_white_space if v == 2 else real(v))
    done = retokenizing.retokenize(project, 2, backup=False)
    assert done.changed == 2
    assert [h[3] for h in hits(project, "астанада,")] == [FIRST]
    assert len(hits(project, "адам")) == 1


def test_a_restored_backup_is_found_as_it_was(tmp_path: Path) -> None:
    path = tmp_path / "p.sqlite"
    project = projects.open_or_create(str(path))
    import_paths(project, [write(tmp_path / "news.txt", "Бүгін Қaзақстан.\n")])
    backup = projects.backup(str(path))
    import_paths(project, [write(tmp_path / "later.txt", "Ақпан айы келді.\n")])
    project.close()
    projects.restore(str(path), backup)
    project = projects.open_existing(str(path))
    assert hits(project, "ақпан") == [] and len(hits(project, "қaзақ")) == 1
    project.close()


def test_an_import_costs_no_indexing_and_its_sentences_are_found_meanwhile(
    news: Project, tmp_path: Path
) -> None:
    """Issue 19: filling the trigram index costs more than the import, so the import leaves its
    sentences waiting; the search reads them meanwhile (same hits), the upkeep's blocks index them."""
    search_index.index_waiting(news)
    lines = "".join(f"Ақпан айының {i}-күні жиналыс болды.\n" for i in range(30))
    import_paths(news, [write(tmp_path / "later.txt", lines)])
    if news.engine.dialect.name != "sqlite":
        # PostgreSQL's GIN index takes the rows into its pending list, merged at the import's end:
        # nothing waits, the import's sentences are found at once.
        assert not search_index.waiting(news) and search_index.index_waiting(news) == 0
        with news.reading() as s:
            assert [h[2] for h in sentence_search.search(s, "АҚПАН АЙЫНЫҢ 2")] == [2, *range(20, 30)]
        return
    with news.reading() as s:
        assert sentence_search.waiting(s) and not sentence_search.has_index(s)
        indexed = s.execute(text("SELECT count(*) FROM sentence_search WHERE sentence_search MATCH 'ақп'"))
        assert indexed.scalar() == 0, "the import indexed nothing"
        meanwhile = sentence_search.search(s, "АҚПАН АЙЫНЫҢ 2")
    assert [h[2] for h in meanwhile] == [2, *range(20, 30)]
    assert search_index.index_waiting(news, block=7) == 5  # 30 sentences, blocks of 7: the 5th ends it
    with news.reading() as s:
        assert not sentence_search.waiting(s) and sentence_search.has_index(s)
        assert sentence_search.search(s, "АҚПАН АЙЫНЫҢ 2") == meanwhile
    in_step(news)


def test_a_stopped_indexing_goes_on_where_it_stopped(news: Project, tmp_path: Path) -> None:
    if news.engine.dialect.name != "sqlite":
        pytest.skip("PostgreSQL indexes an import's sentences within it: nothing waits to be stopped")
    search_index.index_waiting(news)
    import_paths(news, [write(tmp_path / "later.txt", "".join(f"Жол {i} салынды.\n" for i in range(10)))])
    stop = threading.Event()
    stop.set()
    assert search_index.index_waiting(news, stop) == 0  # the window closed before the first block
    assert search_index.waiting(news)
    assert search_index.index_waiting(news, block=4) == 3 and not search_index.waiting(news)
    assert [h[2] for h in hits(news, "жол 9")] == [9]
