"""A damaged stored model in the real window: suggestions are said to be off, the window opens and
works on (crfsuite never sees the bytes), and Ctrl+T mends it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select, update

from annotator.core.suggestions import ENTITY_MODEL
from annotator.gui.main_window import AnnotationWindow
from annotator.services import training_run
from annotator.store import Project
from annotator.store.tables import ModelRow
from tests.gui.conftest import press
from tests.suggest_corpus import load, rest_ids

pytestmark = pytest.mark.timeout(300)
Opener = Callable[[Project, str], AnnotationWindow]


def test_a_damaged_model_turns_suggestions_off_and_the_window_works_on(
    project: Project, tmp_path: Path, window_on: Opener, qtbot: QtBot
) -> None:
    load(project, tmp_path)
    training_run.train_here(project, ["a"], iterations=5)
    entity = ModelRow.kind == ENTITY_MODEL
    with project.transaction() as s:  # cut in half behind the digest's back: crfsuite crashes on it
        data = s.scalars(select(ModelRow.data).where(entity)).one()
        s.execute(update(ModelRow).where(entity).values(data=data[: len(data) // 2]))
    window = window_on(project, "a")
    message = window.statusBar().currentMessage()
    assert message.endswith(
        "suggestions are off: the stored entities model is damaged: retrain (Ctrl+T or annotator train)"
    )
    assert window.session.assist.shown == ()
    assert window.tokens.view is not None
    first = window.tokens.view.id
    window.session.go_to(first + 1)  # and the window works on
    assert window.tokens.view.id == first + 1
    rest = rest_ids(project)
    window.session.go_to(rest[0])
    press(window.tokens, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)  # retrain, as the message says
    qtbot.waitUntil(lambda: not window.session.assist.training, timeout=240_000)
    window.assisting.poll()
    assert window.session.assist.shown  # mended: the person's own models now suggest
