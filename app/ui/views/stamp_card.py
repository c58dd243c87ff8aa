"""The stamp card, drawn: filled and empty slots, the reward slot, and full cards waiting.

A full card is shown full (all slots stamped) until it is redeemed — that is the
moment a customer should see — and the next stamp starts a fresh card, with a
gold "1 full card waiting" badge on the caption line: the customer sees 1–2
cups on the new card and, beside them, that the reward is still hers (never
"card full" under a card with one cup). ``fill`` is the number of stamps as a
float so a sale can animate the new stamps pressing in one by one.

The caption's type follows the widget's height, so it reads the same on a
1024×768 and a 1920×1080 screen.
"""

from __future__ import annotations

import math

from PySide6.QtCore import (
    Property,
    QEasingCurve,
    QEvent,
    QPointF,
    QPropertyAnimation,
    QRectF,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPaintEvent, QPen, QPixmap
from PySide6.QtWidgets import QSizePolicy, QWidget

from app.ui import theme


def shown_on_card(stamps: float, card_size: int) -> tuple[float, int]:
    """(stamps drawn on the card, full cards beyond it): 10 of 10 shows a full card, 11 shows 1 + a badge."""
    if stamps <= 0:
        return 0.0, 0
    earlier = max(math.ceil(stamps / card_size) - 1, 0)
    return stamps - earlier * card_size, earlier


class StampCardWidget(QWidget):
    animation_finished = Signal()

    def __init__(self, parent: QWidget | None = None, *, large: bool = False, caption: bool = True) -> None:
        super().__init__(parent)
        self._caption = caption
        self._caption_top = 0.0
        self._drawn_caption = ""  # what the last paint wrote under the slots (cut with "…" if it had to be)
        self._slots: dict[tuple[int, bool, bool, int], QPixmap] = {}
        self._card_size = 10
        self._fill = 0.0
        self._large = large
        self._animation = QPropertyAnimation(self, b"fill", self)
        self._animation.setEasingCurve(QEasingCurve.Type.InOutCubic)
        self._animation.finished.connect(self.animation_finished)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setMinimumHeight(180 if large else 130)

    # -- data ----------------------------------------------------------------------------------
    def set_stamps(self, stamps: int, card_size: int, *, animate_from: int | None = None) -> None:
        """Show ``stamps`` (a count, not money) on cards of ``card_size``; animate from ``animate_from`` if given."""
        self._card_size = max(card_size, 1)
        self._animation.stop()
        if animate_from is None or animate_from == stamps:
            self.set_fill(float(stamps))
            return
        self.set_fill(float(animate_from))
        steps = abs(stamps - animate_from)
        self._animation.setDuration(min(500 + 450 * steps, 2600))  # a visible press per stamp, never slow
        self._animation.setStartValue(float(animate_from))
        self._animation.setEndValue(float(stamps))
        self._animation.start()

    def stamps(self) -> int:
        """The stamps the card will show once any animation ends."""
        if self.animating():
            return round(self._animation.endValue())
        return round(self._fill)

    def card_size(self) -> int:
        return self._card_size

    def animating(self) -> bool:
        return self._animation.state() == QPropertyAnimation.State.Running

    def get_fill(self) -> float:
        return self._fill

    def set_fill(self, value: float) -> None:
        self._fill = max(float(value), 0.0)
        self.update()

    fill = Property(float, get_fill, set_fill)

    # -- painting ------------------------------------------------------------------------------
    def sizeHint(self) -> QSize:
        return QSize(620, 260) if self._large else QSize(460, 170)

    def _grid(self) -> tuple[int, int]:
        size = self._card_size
        rows = 1 if size <= 6 else 2 if size <= 14 else 3
        return rows, math.ceil(size / rows)

    def paintEvent(self, _event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        on_card, waiting = shown_on_card(self._fill, self._card_size)
        badge_h = self._caption_height() if self._caption else 0
        rows, cols = self._grid()
        area = QRectF(self.rect()).adjusted(6, 6, -6, -6 - badge_h)
        pitch = min(area.width() / cols, area.height() / rows)
        diameter = pitch * 0.82
        left = area.left() + (area.width() - pitch * cols) / 2
        # The slots and their caption stay together, centred in whatever height the layout gives.
        top = area.top() + (area.height() - pitch * rows) / 2
        self._caption_top = top + pitch * rows
        for i in range(self._card_size):
            r, c = divmod(i, cols)
            centre = QPointF(left + pitch * (c + 0.5), top + pitch * (r + 0.5))
            fill = min(max(on_card - i, 0.0), 1.0)
            last = i == self._card_size - 1
            if fill in (0.0, 1.0):  # at rest: a cached picture (antialiased dashes are slow to draw)
                pixmap = self._slot_pixmap(i, diameter, full=fill == 1.0, last=last)
                side = pixmap.width() / pixmap.devicePixelRatio()
                p.drawPixmap(QPointF(centre.x() - side / 2, centre.y() - side / 2), pixmap)
            else:
                self._draw_slot(p, centre, diameter, i, fill, last=last)
        if self._caption:
            self._draw_caption(p, on_card, waiting, badge_h)
        p.end()

    def _caption_height(self) -> int:
        """The caption line's height: a share of the widget's, within what stays readable."""
        low, high = (30, 60) if self._large else (24, 36)
        return int(min(max(self.height() * 0.13, low), high))

    def drawn_caption(self) -> str:
        """The caption as last painted: equal to ``caption_text()`` unless the width forced a cut."""
        return self._drawn_caption

    def caption_text(self) -> str:
        """The caption as the customer reads it (the badge's words, then the rest)."""
        on_card, waiting = shown_on_card(self.stamps(), self._card_size)
        return " ".join(t for t in self._caption_parts(on_card, waiting) if t)

    def _slot_pixmap(self, index: int, diameter: float, *, full: bool, last: bool) -> QPixmap:
        # Room for the ring's pen (5 % of the diameter, half of it outside the circle) on every
        # side: a fixed +4 px clipped the empty rings flat once a slot passed 80 px (1366, 1920).
        side = math.ceil(diameter * 1.08) + 4
        key = (-1 if full else index, full, last, side)
        pixmap = self._slots.get(key)
        if pixmap is None:
            if len(self._slots) > 64:  # sizes changed (a resize): start over
                self._slots.clear()
            ratio = self.devicePixelRatioF()
            pixmap = QPixmap(int(side * ratio), int(side * ratio))
            pixmap.setDevicePixelRatio(ratio)
            pixmap.fill(Qt.GlobalColor.transparent)
            painter = QPainter(pixmap)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            self._draw_slot(
                painter, QPointF(side / 2, side / 2), diameter, index, 1.0 if full else 0.0, last=last
            )
            painter.end()
            self._slots[key] = pixmap
        return pixmap

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._slots.clear()  # the reward slot's label is a word
        super().changeEvent(event)

    def _caption_parts(self, on_card: float, waiting: int) -> tuple[str, str]:
        """(the gold badge's words or "", the caption's words) for this many stamps."""
        if on_card >= self._card_size:  # the drawn card is full: it and any others are ready
            full = waiting + 1
            ready = (
                self.tr("Card full — the reward is ready!")
                if full == 1
                else self.tr("{0} full cards — rewards ready!").format(full)
            )
            return "", ready
        progress = self.tr("{0} of {1} stamps — {2} more for the reward").format(
            int(on_card), self._card_size, self._card_size - int(on_card)
        )
        if not waiting:
            return "", progress
        badge = (
            self.tr("1 full card waiting") if waiting == 1 else self.tr("{0} full cards waiting").format(waiting)
        )
        return badge, self.tr("{0} of {1} on the new card").format(int(on_card), self._card_size)

    def _draw_caption(self, p: QPainter, on_card: float, waiting: int, badge_h: int) -> None:
        badge, text = self._caption_parts(on_card, waiting)
        font = QFont(self.font())
        font.setBold(True)
        # As large as the line allows, stepped down until the words fit the width ("…" is the last resort).
        px = max(int(badge_h * 0.62), 12)
        while True:
            font.setPixelSize(px)
            metrics = QFontMetricsF(font)
            pill_extra = badge_h * 1.15 if badge else 0.0  # the pill's padding and the gap after it
            needed = metrics.horizontalAdvance(f"{badge}{text}") + pill_extra
            if px <= 12 or needed <= self.width() - 8:
                break
            px -= 1
        p.setFont(font)
        line = QRectF(0, self._caption_top, self.width(), badge_h)
        if not badge:
            p.setPen(theme.GREEN if on_card >= self._card_size else theme.MUTED)
            shown = metrics.elidedText(text, Qt.TextElideMode.ElideRight, line.width() - 8)
            p.drawText(line, Qt.AlignmentFlag.AlignCenter, shown)
            self._drawn_caption = shown
            return
        # A gold pill with the full cards held, then the new card's progress, centred together.
        pad, gap = badge_h * 0.4, badge_h * 0.35
        pill_w = metrics.horizontalAdvance(badge) + 2 * pad
        room = line.width() - 8 - pill_w - gap
        shown = metrics.elidedText(text, Qt.TextElideMode.ElideRight, max(room, 0))
        total = pill_w + gap + metrics.horizontalAdvance(shown)
        x = max((line.width() - total) / 2, 4)
        pill = QRectF(x, line.top() + badge_h * 0.08, pill_w, badge_h * 0.84)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(theme.GOLD_TEXT)
        p.drawRoundedRect(pill, pill.height() / 2, pill.height() / 2)
        p.setPen(QColor("white"))
        p.drawText(pill, Qt.AlignmentFlag.AlignCenter, badge)
        p.setPen(theme.MUTED)
        rest = QRectF(pill.right() + gap, line.top(), line.right() - pill.right() - gap, badge_h)
        p.drawText(rest, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, shown)
        self._drawn_caption = f"{badge} {shown}"

    def _draw_slot(
        self, p: QPainter, centre: QPointF, diameter: float, index: int, fill: float, *, last: bool
    ) -> None:
        radius = diameter / 2
        ring = theme.GOLD if last else theme.COFFEE
        pen = QPen(ring, max(diameter * 0.05, 2.0))
        if fill < 1:
            pen.setStyle(Qt.PenStyle.DashLine)
            p.setPen(pen)
            p.setBrush(QColor("#fffdf9"))
            p.drawEllipse(centre, radius, radius)
            font = QFont(self.font())
            font.setPixelSize(max(int(diameter * (0.24 if last else 0.3)), 9))
            font.setBold(last)
            p.setFont(font)
            p.setPen(theme.GOLD_TEXT if last else theme.MUTED)
            label = self.tr("FREE") if last else str(index + 1)
            p.drawText(
                QRectF(centre.x() - radius, centre.y() - radius, diameter, diameter),
                Qt.AlignmentFlag.AlignCenter,
                label,
            )
        if fill > 0:
            # A stamp pressing in: it grows to full size as ``fill`` goes to 1.
            r = radius * (0.35 + 0.65 * fill)
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(ring)
            p.drawEllipse(centre, r, r)
            self._draw_cup(p, centre, r)

    @staticmethod
    def _draw_cup(p: QPainter, centre: QPointF, r: float) -> None:
        """A small white coffee cup: the café's stamp."""
        w, h = r * 0.9, r * 0.7
        x, y = centre.x() - w / 2 - r * 0.08, centre.y() - h / 2 + r * 0.1
        body = QPainterPath()
        body.moveTo(x, y)
        body.lineTo(x + w, y)
        body.lineTo(x + w * 0.85, y + h)
        body.lineTo(x + w * 0.15, y + h)
        body.closeSubpath()
        p.setBrush(QColor("white"))
        p.drawPath(body)
        pen = QPen(QColor("white"), max(r * 0.12, 1.5))
        p.setPen(pen)
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawArc(QRectF(x + w * 0.78, y + h * 0.1, w * 0.42, h * 0.55), -90 * 16, 180 * 16)
        for dx in (0.3, 0.6):
            p.drawLine(QPointF(x + w * dx, y - r * 0.12), QPointF(x + w * dx, y - r * 0.32))
