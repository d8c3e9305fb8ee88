"""Mixed-script words in the window: marked on the token, fixed by its key, undone and redone with
real key events; the text in the database is read after every step. And the import option."""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import closing
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from annotator.core.keymap import key_of
from annotator.gui import mixed_script
from annotator.gui.main_window import AnnotationWindow
from annotator.services import project as projects
from annotator.services.importing import import_paths
from annotator.store import Project
from tests import stored
from tests.conftest import write
from tests.gui.conftest import press

pytestmark = pytest.mark.timeout(120)

TEXT = "Бүгін Қaзақстан мен Қzақ туралы.\nЕкінші жол.\n"
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def mixed_project(tmp_path: Path) -> Iterator[Project]:
    project = projects.open_or_create(str(tmp_path / "p.sqlite"))
    import_paths(project, [write(tmp_path / "news.txt", TEXT)])
    yield project
    project.close()


def texts(project: Project) -> tuple[str, str, str]:
    """The first sentence's text, the document's text and its content hash, as the file holds them."""
    with closing(sqlite3.connect(project.url.removeprefix("sqlite:///"))) as con:
        [sentence] = con.execute("SELECT text FROM sentences ORDER BY position LIMIT 1").fetchone()
        document, digest = con.execute("SELECT text, content_hash FROM documents ORDER BY id").fetchone()
    return sentence, document, digest


def sentences(project: Project) -> list[str]:
    with closing(sqlite3.connect(project.url.removeprefix("sqlite:///"))) as con:
        return [r[0] for r in con.execute("SELECT text FROM sentences ORDER BY document_id, position")]


def sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def test_the_key_is_in_the_keymap() -> None:
    assert key_of("fix_script") == "Ctrl+Shift+H"


def test_a_mixed_token_is_marked_and_its_key_fixes_it_undo_and_redo(
    mixed_project: Project, window_on: Callable[[Project, str], AnnotationWindow]
) -> None:
    w = window_on(mixed_project, "a")
    view = w.tokens
    assert sorted(view.mixed) == [1, 3]  # Қaзақстан (Latin a) and Қzақ (Latin z)
    assert mixed_script.tooltip(view.mixed[1]).splitlines() == [
        "mixed Latin and Cyrillic letters: Қaзақстан → Қазақстан",
        "    Latin a (U+0061) → Cyrillic а (U+0430)",
    ]
    assert "not fixable" in mixed_script.tooltip(view.mixed[3])
    press(view, Qt.Key.Key_Right)
    press(view, Qt.Key.Key_1)  # an entity on the word: it stays where it is through the fix
    before = stored.entities(mixed_project, "a")
    assert len(before) == 1
    press(view, Qt.Key.Key_H, CTRL_SHIFT)
    fixed = TEXT.replace("Қaзақстан", "Қазақстан")
    assert texts(mixed_project) == (fixed.split("\n")[0], fixed, sha(fixed))
    assert sorted(w.tokens.mixed) == [3]  # repainted: only the unfixable word is marked
    assert w.session.view is not None and w.session.view.text == fixed.split("\n")[0]
    assert stored.entities(mixed_project, "a") == before
    press(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert texts(mixed_project) == (TEXT.split("\n")[0], TEXT, sha(TEXT))  # exactly the old text
    assert sorted(w.tokens.mixed) == [1, 3]
    press(view, Qt.Key.Key_Z, CTRL_SHIFT)
    assert texts(mixed_project) == (fixed.split("\n")[0], fixed, sha(fixed))
    assert stored.entities(mixed_project, "a") == before


def test_a_token_that_cannot_be_fixed_or_is_not_mixed_says_so_and_changes_nothing(
    mixed_project: Project, window_on: Callable[[Project, str], AnnotationWindow]
) -> None:
    w = window_on(mixed_project, "a")
    press(w.tokens, Qt.Key.Key_H, CTRL_SHIFT)  # on Бүгін
    assert w.statusBar().currentMessage() == mixed_script.NOT_MIXED
    press(w.tokens, Qt.Key.Key_Right, times=3)  # on Қzақ
    press(w.tokens, Qt.Key.Key_H, CTRL_SHIFT)
    assert "Қzақ cannot be fixed" in w.statusBar().currentMessage()
    assert texts(mixed_project) == (TEXT.split("\n")[0], TEXT, sha(TEXT))
    assert w.history.next_undo is None


def test_the_import_option_is_remembered_and_fixes_what_the_window_imports(
    mixed_project: Project,
    window_on: Callable[[Project, str], AnnotationWindow],
    qtbot: QtBot,
    tmp_path: Path,
) -> None:
    w = window_on(mixed_project, "a")
    option = w.named_actions["fix_on_import"]
    assert not option.isChecked()
    option.trigger()
    assert w.settings.value(mixed_script.SETTING) == "true"
    more = write(tmp_path / "more.txt", "Eуропа мен Aзия.\n")
    w.import_files([str(more)])
    qtbot.waitUntil(lambda: w.transfer.mixed_report is not None, timeout=10_000)
    box = w.transfer.mixed_report
    assert box is not None
    assert "2 words mix Latin and Cyrillic letters" in box.text()
    assert "fixed 2 mixed-script words" in box.text()
    assert box.detailedText().splitlines()[0] == (
        f"{more}:1:1: mixed Latin and Cyrillic letters in 'Eуропа' (fixed: 'Еуропа')"
    )
    assert sentences(mixed_project)[-1] == "Еуропа мен Азия."
    box.close()


def test_the_whole_article_shows_the_fixed_word_at_once(
    mixed_project: Project, window_on: Callable[[Project, str], AnnotationWindow]
) -> None:
    """V shows the article; a fix (and its undo) is read into it at once, not at the next document."""
    w = window_on(mixed_project, "a")
    press(w.tokens, Qt.Key.Key_V)
    assert w.article.isVisible() and "Қaзақстан" in w.article.toPlainText()
    press(w.tokens, Qt.Key.Key_Right)
    press(w.tokens, Qt.Key.Key_H, CTRL_SHIFT)
    assert "Қазақстан" in w.article.toPlainText() and "Қaзақстан" not in w.article.toPlainText()
    press(w.tokens, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert "Қaзақстан" in w.article.toPlainText()
