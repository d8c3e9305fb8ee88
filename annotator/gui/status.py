"""The annotation window's status bar (who annotates, where, how far, teammates, the saved
indicator) and small widget helpers."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QStatusBar, QWidget

from annotator.core.records import TeamMember
from annotator.gui.language import number, translate
from annotator.services.annotation_session import Screen

TEAMMATES_SHOWN = 4  # teammates named in the status bar (the busiest)


def plain_label(text: str = "") -> QLabel:
    """A label that shows text as it is (article text is never markup)."""
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


def scrolling(widget: QWidget) -> QScrollArea:
    """``widget`` in a frameless scroll area that never takes the keyboard."""
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    area.setWidget(widget)
    return area


class StatusLine:
    """The labels of the status bar, filled from the session's screen and the team's progress."""

    def __init__(self, bar: QStatusBar, person: str, saved: QLabel):
        self.person = plain_label(translate("Status", "annotator: {name}").format(name=person))
        self.position = plain_label()
        self.progress = plain_label()
        self.team = plain_label()
        for w in (self.person, self.position, self.progress, self.team):
            bar.addWidget(w)
        bar.addPermanentWidget(saved)

    def show_screen(self, screen: Screen) -> None:
        """Where the shown sentence is and how far this person is."""
        view, p = screen.view, screen.progress
        where = translate("Status", "sentence {number} of {count}")
        self.position.setText(where.format(number=number(view.ordinal + 1), count=number(view.count)))
        progress = translate(
            "Status", "document {done}/{total} done · corpus {corpus_done}/{corpus_total} done"
        )
        self.progress.setText(
            progress.format(
                done=number(p.document_done),
                total=number(p.document_total),
                corpus_done=number(p.corpus_done),
                corpus_total=number(p.corpus_total),
            )
        )

    def show_team(self, members: list[TeamMember] | None) -> None:
        """Teammates' done sentences and how long ago each last edited (None: could not be read)."""
        if members is None:
            self.team.setText(translate("Status", "team: the project cannot be read just now"))
            return
        done = translate("Status", "{name} {done} done")
        parts = [
            done.format(name=m.name, done=number(m.done)) + ago(m.last_edit_at)
            for m in members[:TEAMMATES_SHOWN]
        ]
        self.team.setText(
            translate("Status", "team: {people}").format(people=" · ".join(parts)) if parts else ""
        )


def ago(when: datetime | None) -> str:
    """`` (5 min ago)`` for a timestamp, or nothing."""
    if when is None:
        return ""
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    seconds = max(0, int((datetime.now(UTC) - when).total_seconds()))
    if seconds < 60:
        return translate("Status", " (just now)")
    if seconds < 3600:
        return translate("Status", " ({n} min ago)").format(n=seconds // 60)
    if seconds < 86400:
        return translate("Status", " ({n} h ago)").format(n=seconds // 3600)
    return translate("Status", " ({n} d ago)").format(n=seconds // 86400)
