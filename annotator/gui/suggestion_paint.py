"""How suggestions are drawn on the sentence: dashed, lighter and with their score, so that they can
never be taken for annotations. Entity suggestions sit under the tokens like entities, trigger
suggestions above them like events; the focused suggestion is drawn bolder.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPen

from annotator.core.suggestions import ENTITY, TRIGGER, Suggestion

if TYPE_CHECKING:
    from annotator.gui.token_view import TokenView

TRIGGER_COLOR = QColor("#c62828")


def caption(suggestion: Suggestion) -> str:
    """``LOC 0.82``: the label and the score, as drawn beside a suggestion."""
    return f"{suggestion.label} {suggestion.score:.2f}"


def paint_suggestions(view: TokenView, painter: QPainter) -> None:
    """Draw the view's entity and trigger suggestions (stance ones are listed under the sentence)."""
    if view.view is None or not view.boxes:
        return
    n = len(view.boxes)
    font = QFont(view.font_small)
    font.setItalic(True)
    for suggestion in view.suggestions:
        if (
            suggestion.kind not in (ENTITY, TRIGGER)
            or not 0 <= suggestion.token_start < suggestion.token_end <= n
        ):
            continue
        focused = suggestion == view.focused
        rects = view.span_rects(suggestion.token_start, suggestion.token_end)
        if suggestion.kind == ENTITY:
            base = view.colors.get(suggestion.label, QColor("#9e9e9e"))
            fill = QColor(base)
            fill.setAlpha(70 if focused else 45)
            painter.setPen(QPen(base.darker(170), 2.5 if focused else 1.4, Qt.PenStyle.DashLine))
            painter.setBrush(fill)
            for rect in rects:
                painter.drawRoundedRect(rect.adjusted(1, 1, -1, -1), 4, 4)
            painter.setFont(font)
            painter.setPen(base.darker(200) if focused else base.darker(140))
            painter.drawText(QPointF(rects[0].left() + 2, rects[0].bottom() + 13), caption(suggestion))
        else:
            painter.setPen(QPen(TRIGGER_COLOR.lighter(130), 2.5 if focused else 1.2, Qt.PenStyle.DotLine))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            for rect in rects:
                painter.drawRect(rect.adjusted(-4, -4, 4, 4))
            painter.setFont(font)
            painter.setPen(TRIGGER_COLOR.lighter(120))
            painter.drawText(QPointF(rects[0].left(), rects[0].top() - 6), caption(suggestion))
