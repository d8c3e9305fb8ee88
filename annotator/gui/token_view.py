"""The current sentence as selectable tokens, with entities, triggers and argument arcs drawn on it.

Text is painted with ``drawText``, never interpreted as markup. The widget owns the token cursor
and selection; edits are asked for through signals and actions, never written from here.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEvent, QPoint, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
)
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from annotator.core.schema import Schema
from annotator.core.scripts import MixedWord
from annotator.core.suggestions import Suggestion
from annotator.core.views import SentenceView
from annotator.gui.mixed_script import marks, paint_marks, tooltip
from annotator.gui.suggestion_paint import paint_suggestions

MARGIN = 14
TOP_BAND = 30  # event types and argument arcs
BOTTOM_BAND = 18  # entity label names
ROW_GAP = 4
PAD = 5


@dataclass
class _Box:
    rect: QRectF
    row: int


class TokenView(QWidget):
    """Shows one sentence; Left/Right/Shift/Home/End move the cursor and selection."""

    selectionChanged = Signal()
    annotationClicked = Signal(str, int)  # kind ("entity" or "event"), id

    def __init__(self, schema: Schema, parent: QWidget | None = None):
        super().__init__(parent)
        self.schema = schema
        self.colors = {lab.name: QColor(lab.color) for lab in schema.labels}
        self.view: SentenceView | None = None
        self.caret = 0
        self.anchor: int | None = None
        self.selected: tuple[str, int] | None = None
        self.differs: set[tuple[int, int, str]] = set()  # review mode: spans not everyone has
        self.suggestions: tuple[Suggestion, ...] = ()  # drawn dashed and lighter: not annotations
        self.focused: Suggestion | None = None
        self.mixed: dict[int, list[MixedWord]] = {}  # tokens mixing Latin and Cyrillic letters
        self.boxes: list[_Box] = []
        self.font_big = QFont(self.font())
        self.font_big.setPointSize(18)
        self.font_small = QFont(self.font())
        self.font_small.setPointSize(9)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)
        self.setMouseTracking(False)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self._dragging = False

    # -- state ---------------------------------------------------------------------------------
    def show_sentence(self, view: SentenceView, keep_cursor: bool = False) -> None:
        """Show ``view``; the cursor starts on the first token unless ``keep_cursor``."""
        same = self.view is not None and self.view.id == view.id
        self.view = view
        self.mixed = marks(view)
        n = len(view.tokens)
        if not (keep_cursor and same):
            self.caret, self.anchor, self.selected = 0, None, None
        self.caret = min(self.caret, n - 1)
        if self.anchor is not None:
            self.anchor = min(self.anchor, n - 1)
        if self.selected is not None and not self._exists(*self.selected):
            self.selected = None
        self._layout()
        self.update()
        self.selectionChanged.emit()

    def show_suggestions(self, suggestions: tuple[Suggestion, ...], focused: Suggestion | None) -> None:
        """Draw these suggestions (``focused`` stands out); they are not annotations."""
        self.suggestions, self.focused = suggestions, focused
        self.update()

    def _exists(self, kind: str, ident: int) -> bool:
        assert self.view is not None
        items = self.view.entities if kind == "entity" else self.view.events
        return any(x.id == ident for x in items)

    def selection(self) -> tuple[int, int]:
        """The selected tokens ``(start, end)``, end exclusive; without a selection, the caret's token."""
        if self.anchor is None:
            return self.caret, self.caret + 1
        return min(self.anchor, self.caret), max(self.anchor, self.caret) + 1

    @property
    def has_explicit_selection(self) -> bool:
        """True when Shift or a drag made a selection."""
        return self.anchor is not None

    def select_span(self, start: int, end: int, annotation: tuple[str, int] | None = None) -> None:
        """Select tokens ``start..end`` (e.g. an annotation picked in a panel)."""
        self.anchor, self.caret = start, end - 1
        if start == end - 1:
            self.anchor = None
        self.selected = annotation
        self.update()
        self.selectionChanged.emit()

    def move_caret(self, position: int, extend: bool) -> None:
        """Move the cursor to ``position``; with ``extend`` grow the selection from where it was."""
        if self.view is None:
            return
        position = max(0, min(position, len(self.view.tokens) - 1))
        if extend:
            if self.anchor is None:
                self.anchor = self.caret
        else:
            self.anchor = None
        self.caret = position
        self.selected = None
        self.update()
        self.selectionChanged.emit()

    # -- keys and mouse ------------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Cursor keys; everything else goes to the window's actions."""
        if self.view is None:
            super().keyPressEvent(event)
            return
        key = Qt.Key(event.key())
        shift = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        last = len(self.view.tokens) - 1
        moves = {
            Qt.Key.Key_Left: self.caret - 1,
            Qt.Key.Key_Right: self.caret + 1,
            Qt.Key.Key_Home: 0,
            Qt.Key.Key_End: last,
        }
        if key in moves:
            self.move_caret(moves[key], shift)
        elif key == Qt.Key.Key_Escape:
            self.anchor, self.selected = None, None
            self.update()
            self.selectionChanged.emit()
        else:
            super().keyPressEvent(event)

    def event(self, event: QEvent) -> bool:
        """A tooltip over a token that mixes scripts says so and what the fix makes of it."""
        if event.type() == QEvent.Type.ToolTip:
            pos = event.pos()  # type: ignore[attr-defined]
            i = self.token_at(pos)
            if i is not None and i in self.mixed:
                QToolTip.showText(event.globalPos(), tooltip(self.mixed[i]), self)  # type: ignore[attr-defined]
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().event(event)

    def token_at(self, point: QPoint | QPointF) -> int | None:
        """The token under a point, if any."""
        p = QPointF(point)
        for i, box in enumerate(self.boxes):
            if box.rect.adjusted(-3, -4, 3, BOTTOM_BAND).contains(p):
                return i
        return None

    def mousePressEvent(self, event: QMouseEvent) -> None:
        """Click selects a token (and the annotation on it); drag extends the selection."""
        self.setFocus()
        if event.button() != Qt.MouseButton.LeftButton:
            return
        i = self.token_at(event.position())
        if i is None:
            return
        self.anchor, self.caret = i, i
        self._dragging = True
        self.update()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        """Drag over tokens to select them."""
        if self._dragging:
            i = self.token_at(event.position())
            if i is not None and i != self.caret:
                self.caret = i
                self.update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        """End a drag; a plain click selects the annotation under the token."""
        if not self._dragging:
            return
        self._dragging = False
        if self.anchor == self.caret:
            self.anchor = None
            hit = self.annotation_at(self.caret)
            self.selected = hit
            if hit is not None:
                self.annotationClicked.emit(*hit)
        self.update()
        self.selectionChanged.emit()

    def annotation_at(self, token: int) -> tuple[str, int] | None:
        """The entity covering a token, else the event whose trigger covers it."""
        if self.view is None:
            return None
        for ent in self.view.entities:
            if ent.token_start <= token < ent.token_end:
                return ("entity", ent.id)
        for ev in self.view.events:
            if ev.token_start <= token < ev.token_end:
                return ("event", ev.id)
        return None

    # -- layout and painting -------------------------------------------------------------------
    def sizeHint(self) -> QSize:
        """Wide enough for a sentence line, as tall as the wrapped tokens need."""
        return QSize(700, self.minimumHeight())

    def resizeEvent(self, event: object) -> None:
        """Wrap the tokens again for the new width."""
        self._layout()

    def _layout(self) -> None:
        self.boxes = []
        if self.view is None:
            return
        fm = QFontMetricsF(self.font_big)
        line_h = fm.height() + 2 * PAD
        row_h = TOP_BAND + line_h + BOTTOM_BAND + ROW_GAP
        width = max(200, self.width() - 2 * MARGIN)
        x, row = 0.0, 0
        text = self.view.text
        for i, (start, end) in enumerate(self.view.tokens):
            w = fm.horizontalAdvance(text[start:end]) + 2 * PAD
            if x > 0 and x + w > width:
                x, row = 0.0, row + 1
            rect = QRectF(MARGIN + x, MARGIN + row * row_h + TOP_BAND, w, line_h)
            self.boxes.append(_Box(rect, row))
            nxt = self.view.tokens[i + 1][0] if i + 1 < len(self.view.tokens) else end
            x += w + (fm.horizontalAdvance(" ") if nxt > end else 2)
        self.setMinimumHeight(int(MARGIN * 2 + (row + 1) * row_h))

    def span_rects(self, start: int, end: int) -> list[QRectF]:
        """The rectangles of tokens ``start..end`` (end exclusive), one per wrapped row."""
        rects: list[QRectF] = []
        for i in range(start, end):
            box = self.boxes[i]
            if rects and self.boxes[i - 1].row == box.row:
                rects[-1] = rects[-1].united(box.rect)
            else:
                rects.append(QRectF(box.rect))
        return rects

    def paintEvent(self, event: QPaintEvent) -> None:
        """Entities as coloured spans with their label, triggers framed with their type, arcs to arguments."""
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), self.palette().base())
        view = self.view
        if view is None or not self.boxes:
            return
        selected = self.selected
        for ent in view.entities:
            color = self.colors.get(ent.label, QColor("#dddddd"))
            differs = (ent.token_start, ent.token_end, ent.label) in self.differs
            for n, rect in enumerate(self.span_rects(ent.token_start, ent.token_end)):
                if differs:
                    painter.setPen(QPen(QColor("#d50000"), 3, Qt.PenStyle.DashDotLine))
                else:
                    painter.setPen(QPen(color.darker(150), 2.5 if selected == ("entity", ent.id) else 1))
                painter.setBrush(color)
                painter.drawRoundedRect(rect, 4, 4)
                if n == 0:
                    painter.setFont(self.font_small)
                    painter.setPen(color.darker(220))
                    painter.drawText(QPointF(rect.left() + 2, rect.bottom() + 13), ent.label)
        paint_suggestions(self, painter)
        start, end = self.selection()
        for rect in self.span_rects(start, end):
            painter.setPen(QPen(QColor("#1565c0"), 2))
            painter.setBrush(QColor(21, 101, 192, 40))
            painter.drawRect(rect.adjusted(-2, -2, 2, 2))
        painter.setFont(self.font_big)
        painter.setPen(self.palette().text().color())
        for (a, b), box in zip(view.tokens, self.boxes, strict=True):
            painter.drawText(box.rect, Qt.AlignmentFlag.AlignCenter, view.text[a:b])
        paint_marks(self, painter)
        cur = self.boxes[self.caret].rect
        painter.setPen(QPen(QColor("#0d47a1"), 3))
        painter.drawLine(QPointF(cur.left(), cur.bottom() + 2), QPointF(cur.right(), cur.bottom() + 2))
        self._paint_events(painter, view)
        painter.end()

    def _paint_events(self, painter: QPainter, view: SentenceView) -> None:
        for ev in view.events:
            rects = self.span_rects(ev.token_start, ev.token_end)
            bold = self.selected == ("event", ev.id)
            pen = QPen(QColor("#b71c1c"), 3 if bold else 2, Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            for rect in rects:
                painter.drawRect(rect.adjusted(-3, -3, 3, 3))
            font = QFont(self.font_small)
            font.setBold(True)
            font.setItalic(True)
            painter.setFont(font)
            painter.setPen(QColor("#b71c1c"))
            painter.drawText(QPointF(rects[0].left(), rects[0].top() - 6), ev.type)
            for arg in ev.arguments:
                ent = view.entity(arg.entity_id)
                if ent is None:
                    continue
                target = self.span_rects(ent.token_start, ent.token_end)[0]
                a = QPointF(rects[0].center().x(), rects[0].top() - 3)
                b = QPointF(target.center().x(), target.top() - 3)
                lift = TOP_BAND - 10
                path = QPainterPath(a)
                mid = QPointF((a.x() + b.x()) / 2, min(a.y(), b.y()) - lift)
                path.quadTo(mid, b)
                painter.setPen(QPen(QColor("#6a1b9a"), 1.5))
                painter.drawPath(path)
                painter.drawEllipse(b, 3, 3)
                painter.setFont(self.font_small)
                painter.drawText(QPointF(mid.x() - 12, mid.y() + lift / 2 - 2), arg.role)
