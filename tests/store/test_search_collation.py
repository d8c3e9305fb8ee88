"""A PostgreSQL database whose ``lower`` folds ASCII only (``LC_CTYPE=C``) still finds Kazakh text
in any case: the sentence search and the document filter fold it otherwise (``folding``)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy.orm import Session

from annotator.core.schema import default_schema_path, load_schema
from annotator.services import search_index
from annotator.services.importing import import_paths
from annotator.store import Project, folding, open_project, paging, sentence_search
from annotator.store.tables import Sentence
from tests.conftest import postgres_database, write

pytestmark = pytest.mark.timeout(120)

LINES = ["ҚАЗАҚСТАН РЕСПУБЛИКАСЫ.", "Әлем мен Үкімет.", "ALMATY қаласы."]


@pytest.fixture(params=["table", "icu"])
def c_project(
    request: pytest.FixtureRequest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Project]:
    """A project in a PostgreSQL database made with ``LC_CTYPE=C``, its text folded by ICU or by
    the fixed table (a server without ICU)."""
    if request.param == "table":
        monkeypatch.setattr(folding, "ICU_ROOT", "no-such-collation")
    with postgres_database(ctype="C") as url:
        project, created = open_project(url, create=True, schema=load_schema(default_schema_path()))
        assert created
        import_paths(project, [write(tmp_path / "ҚАЗАҚ-ЖАҢАЛЫҚ.txt", "\n".join(LINES) + "\n")])
        search_index.index_waiting(project)
        try:
            yield project
        finally:
            project.close()


def probe(session: Session) -> str:
    return str(session.connection().exec_driver_sql("SELECT lower('ӘҚ')").scalar())


def test_the_database_lower_knows_no_cyrillic_and_the_search_still_finds_any_case(c_project: Project) -> None:
    with c_project.reading() as s:
        assert probe(s) == "ӘҚ", "the premise: this database's lower() leaves Cyrillic as it is"
        assert "lower(sentences.text)" not in str(folding.folded(s, Sentence.text)), "not the index's"
        for needle in ("қазақстан", "ҚАЗАҚСТАН", "әлем", "ҮКІМЕТ", "almaty", "Қаласы"):
            assert len(sentence_search.search(s, needle)) == 1, needle
        assert sentence_search.search(s, "жоқ") == []


def test_the_document_filter_finds_a_kazakh_name_in_any_case(c_project: Project) -> None:
    with c_project.reading() as s:
        for needle in ("қазақ-жаңалық", "ЖАҢАЛЫҚ", "Қазақ"):
            assert paging.count_matching(s, needle) == 1, needle
        assert paging.count_matching(s, "жоқ") == 0


def test_a_database_whose_lower_folds_cyrillic_uses_it_and_its_index(tmp_path: Path) -> None:
    with postgres_database() as url:
        project, _ = open_project(url, create=True, schema=load_schema(default_schema_path()))
        try:
            with project.reading() as s:
                if probe(s) != "әқ":
                    pytest.skip("this server's default character type folds no Cyrillic")
                assert "lower(sentences.text)" in str(folding.folded(s, Sentence.text))
        finally:
            project.close()
