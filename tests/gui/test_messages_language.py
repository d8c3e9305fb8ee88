"""The messages built below the gui, in Kazakh and Russian: undo-step names in Edit → Undo/Redo and
the refusals the status bar shows, translated with their data (labels, names, token text) intact;
``str`` of each stays the English text the CLI and the logs read. Real keys, real window."""

from __future__ import annotations

import pickle
from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import Qt

from annotator.core.errors import StoreError
from annotator.core.messages import message, text_of
from annotator.gui import language
from annotator.gui.main_window import AnnotationWindow
from tests.conftest import dump
from tests.gui.conftest import press

pytestmark = pytest.mark.timeout(120)

CTRL = Qt.KeyboardModifier.ControlModifier
UNDO = {
    "en": "&Undo tag ORGANISATION",
    "kk": "&Болдырмау: ORGANISATION деп белгілеу",
    "ru": "&Отменить: пометить как ORGANISATION",
}
REDO = {
    "en": "&Redo tag ORGANISATION",
    "kk": "&Қайталау: ORGANISATION деп белгілеу",
    "ru": "&Повторить: пометить как ORGANISATION",
}


@pytest.fixture
def shown_in() -> Iterator[Callable[[str], None]]:
    """Install a language's translators for the test; English again afterwards."""
    yield lambda code: (language.install(code), None)[1]
    language.install(language.ENGLISH)


@pytest.mark.parametrize("code", ["en", "kk", "ru"])
def test_the_undo_and_redo_entries_name_the_step_in_the_interface_language(
    code: str, open_window: Callable[[str], AnnotationWindow], shown_in: Callable[[str], None]
) -> None:
    shown_in(code)
    w = open_window("a")
    before = dump(w.project)
    press(w.tokens, Qt.Key.Key_2)  # the second label of the palette: ORGANISATION
    assert w.undo_action.text() == UNDO[code]
    step = w.history.next_undo
    assert step is not None and str(step.text) == "tag ORGANISATION"  # below the gui: English
    press(w.tokens, Qt.Key.Key_Z, CTRL)
    assert w.redo_action.text() == REDO[code]
    assert dump(w.project) == before  # the undo is stored


def test_a_message_is_its_english_text_and_keeps_its_template() -> None:
    said = message("relabel as {label}", label="PERSON")
    assert said == "relabel as PERSON" and str(StoreError(said)) == "relabel as PERSON"
    assert text_of(StoreError(said)) is said and text_of(StoreError("plain")) is None
    again = pickle.loads(pickle.dumps(said))
    assert (
        again == said and again.template == "relabel as {label}" and again.arguments() == {"label": "PERSON"}
    )


def test_shown_translates_nested_messages_and_vocabulary_but_not_data(
    shown_in: Callable[[str], None],
) -> None:
    shown_in("ru")
    inner = message("mark {status}", status="done")
    assert language.shown(message("undo “{what}”", what=inner)) == "отменить «статус: готово»"
    assert language.shown(StoreError(message("tag {label}", label="{PER}"))) == "пометить как {PER}"
    assert language.shown("not a message {x}") == "not a message {x}"
