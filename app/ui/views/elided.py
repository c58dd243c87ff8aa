"""A one-line label that never pushes its neighbours or wraps: too long, it is cut with "…" and a tooltip.

On a 1024-pixel till a wrapped name or a long POS line takes a second and third
line from the stamp card below it (or widens the window past the screen). This
label keeps its line: optionally it first steps its type down to ``min_px``,
then elides — by default in the middle, so a Vietnamese name keeps both the
family name and the given name the cashier calls the customer by
("Nguyễn…Ánh"). ``text()`` is always the whole text; the tooltip says it whole
when the label shows it cut.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import QFrame, QLabel, QSizePolicy, QWidget


class ElidedLabel(QLabel):
    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        mode: Qt.TextElideMode = Qt.TextElideMode.ElideRight,
        min_px: int | None = None,
    ) -> None:
        super().__init__(parent)
        self._full = ""
        self._mode = mode
        self._min_px = min_px
        self._own_tooltip = ""
        self._elided = False
        self._shrunk_px: int | None = None  # the type size stepped down to, if it was
        self.setWordWrap(False)
        # One line: never taller than it (spare height goes to the stamp card, not gaps between lines).
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.setMinimumWidth(1)

    # -- the whole text in, the fitting text shown ----------------------------------------------
    def setText(self, text: str) -> None:  # type: ignore[override]
        self._full = text or ""
        self._refit()

    def text(self) -> str:  # type: ignore[override]
        return self._full

    def shown_text(self) -> str:
        """What the label draws: the whole text, or it cut with "…"."""
        return super().text()

    def is_elided(self) -> bool:
        return self._elided

    def setToolTip(self, tip: str) -> None:  # type: ignore[override]
        """A tooltip of the caller's own (a reason, a path) wins; otherwise the whole text when cut."""
        self._own_tooltip = tip or ""
        self._apply_tooltip()

    def shown_font(self) -> QFont:
        """The font the text is drawn in (smaller than the style's when the label shrank it)."""
        font = QFont(self.font())
        if self._shrunk_px is not None:
            font.setPixelSize(self._shrunk_px)
        return font

    # -- fitting ------------------------------------------------------------------------------------
    def _room(self) -> int:
        return max(self.contentsRect().width() - 2 * max(self.margin(), 0) - max(self.indent(), 0), 1)

    def _refit(self) -> None:
        room = self._room()
        base = QFont(self.font())
        shrunk: int | None = None
        if self._min_px is not None and base.pixelSize() > 0:
            px = base.pixelSize()
            while px > self._min_px and QFontMetrics(_sized(base, px)).horizontalAdvance(self._full) > room:
                px -= 1
            if px != base.pixelSize():
                shrunk = px
        self._shrunk_px = shrunk
        metrics = QFontMetrics(self.shown_font())
        shown = metrics.elidedText(self._full, self._mode, room)
        self._elided = shown != self._full
        super().setText(shown)
        self._apply_tooltip()

    def _apply_tooltip(self) -> None:
        tip = self._own_tooltip or (self._full if self._elided else "")
        super().setToolTip(tip)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._refit()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._refit()

    def paintEvent(self, event: QPaintEvent) -> None:
        if self._shrunk_px is None:
            super().paintEvent(event)
            return
        # Stepped-down type is drawn here, not set as the widget's font: the style sheet
        # (``#CustomerName`` at the window's size) stays the one source of the normal size.
        QFrame.paintEvent(self, event)
        p = QPainter(self)
        p.setFont(self.shown_font())
        p.setPen(self.palette().color(self.foregroundRole()))
        p.drawText(self.contentsRect(), int(self.alignment()), self.shown_text())
        p.end()

    def sizeHint(self) -> QSize:
        """The whole text's width (with the style's padding): what the label asks for when there is room."""
        hint = super().sizeHint()
        margins = self.contentsMargins()
        frame = margins.left() + margins.right() + 2 * max(self.margin(), 0) + max(self.indent(), 0)
        return QSize(QFontMetrics(self.font()).horizontalAdvance(self._full) + frame + 4, hint.height())

    def minimumSizeHint(self) -> QSize:
        return QSize(QFontMetrics(self.font()).horizontalAdvance("W…W"), super().minimumSizeHint().height())


def _sized(font: QFont, px: int) -> QFont:
    f = QFont(font)
    f.setPixelSize(px)
    return f
