"""Fixing a mixed-script token as a command: same length, one transaction, exact undo, and on
PostgreSQL only a manager's login may change the shared text (row-level security, 0004)."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.core.errors import AnnotatorError
from annotator.services import project as projects
from annotator.services.commands.text import token_fix
from annotator.services.importing import import_paths
from annotator.store import Project, queries, team
from annotator.store.texts import SHARED_TEXT
from tests.conftest import write

pytestmark = pytest.mark.timeout(60)


def first_sentence(project: Project) -> tuple[int, int, str, str]:
    with project.reading() as s:
        doc_id, _ = queries.find_document(s, "news") or (0, "")
        sentence = queries.document_sentences(s, doc_id)[0]
        document = queries.document_text(s, doc_id)
    return sentence.id, doc_id, sentence.text, document


def test_the_fix_changes_sentence_and_document_text_and_undo_restores_them(tmp_path: Path) -> None:
    project = projects.open_or_create(str(tmp_path / "p.sqlite"))
    import_paths(project, [write(tmp_path / "news.txt", "Алғы сөз.\nБүгін Қaзақстан.\n")])
    with project.reading() as s:
        doc_id, _ = queries.find_document(s, "news") or (0, "")
        second = queries.document_sentences(s, doc_id)[1]
    with project.transaction() as s:
        project.act_as(queries.ensure_annotator(s, "aida").id)  # alone on the document
    command, words = token_fix(second.id, doc_id, second.text, 6, 15)
    assert command is not None and [w.word for w in words] == ["Қaзақстан"]
    command.apply(project)
    with project.reading() as s:
        assert queries.sentence_text(s, second.id) == "Бүгін Қазақстан."
        assert queries.document_text(s, doc_id) == "Алғы сөз.\nБүгін Қазақстан.\n"
    command.revert(project)
    with project.reading() as s:
        assert queries.sentence_text(s, second.id) == "Бүгін Қaзақстан."
        assert queries.document_text(s, doc_id) == "Алғы сөз.\nБүгін Қaзақстан.\n"
    project.close()


@pytest.mark.parametrize(("role", "allowed"), [("annotator", False), ("reviewer", False), ("manager", True)])
def test_a_governed_login_must_be_a_manager_to_fix_shared_text(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, role: str, allowed: bool
) -> None:
    project = projects.open_or_create(str(tmp_path / "p.sqlite"))
    import_paths(project, [write(tmp_path / "news.txt", "Бүгін Қaзақстан.\n")])
    with project.transaction() as s:
        project.act_as(queries.add_annotator(s, "dana", role).id)
    # As PostgreSQL would say for a team login under row-level security.
    monkeypatch.setattr(team, "login", lambda session: team.Login("dana", True))
    sid, doc_id, text, _ = first_sentence(project)
    command, _ = token_fix(sid, doc_id, text, 6, 15)
    assert command is not None
    if allowed:
        command.apply(project)
        assert first_sentence(project)[2] == "Бүгін Қазақстан."
    else:
        with pytest.raises(AnnotatorError, match="only a manager may fix the text of a shared document"):
            command.apply(project)
        assert first_sentence(project)[2:] == ("Бүгін Қaзақстан.", "Бүгін Қaзақстан.\n")
    assert SHARED_TEXT.startswith("only a manager")
    project.close()


def test_on_sqlite_an_annotator_not_alone_on_the_document_may_not_fix_its_text(tmp_path: Path) -> None:
    """The text is everyone's: as for a correction of tokens, a reviewer fixes it, or the person
    alone on the document; bob may not change what aida annotated."""
    from annotator.services import commands as c

    project = projects.open_or_create(str(tmp_path / "p.sqlite"))
    import_paths(project, [write(tmp_path / "news.txt", "Бүгін Қaзақстан.\n")])
    sid, doc_id, text, _ = first_sentence(project)
    with project.transaction() as s:
        aida = queries.ensure_annotator(s, "aida").id
        bob = queries.ensure_annotator(s, "bob").id
        boss = queries.add_annotator(s, "boss", "reviewer").id
    project.act_as(aida)
    c.AddEntity(sid, aida, 1, 2, "GPE").apply(project)
    project.act_as(bob)
    command, _ = token_fix(sid, doc_id, text, 6, 15)
    assert command is not None
    with pytest.raises(AnnotatorError, match="only a reviewer may correct this document: aida annotated it"):
        command.apply(project)
    assert first_sentence(project)[2] == "Бүгін Қaзақстан."
    project.act_as(boss)
    command.apply(project)
    assert first_sentence(project)[2] == "Бүгін Қазақстан."
    project.close()
