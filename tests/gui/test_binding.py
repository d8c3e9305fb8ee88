"""The Qt binding must keep None's reference count: a broken one is refused before anything opens."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from annotator.core.errors import AnnotatorError
from annotator.gui import app, binding


def test_the_installed_binding_keeps_the_count_of_none() -> None:
    assert binding.none_drift() == 0
    assert binding.binding_problem() is None


def test_a_binding_that_loses_references_is_refused_with_the_fix(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(binding, "none_drift", lambda calls=300: -300)
    shown: list[str] = []
    monkeypatch.setattr(app.QMessageBox, "critical", lambda parent, title, text: shown.append(text))
    with pytest.raises(AnnotatorError) as info:
        app.run(None, "Айгерім")
    message = str(info.value)
    assert "\n" not in message and shown == [message]
    assert "loses a reference to None on every call (300 in 300 calls)" in message
    assert "pip install 'PySide6-Essentials>=6.8,<6.12'" in message
