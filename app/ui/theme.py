"""Look and feel: big targets, large type, colours that mean one thing each.

A cashier works at arm's length, in a hurry, often standing: buttons are at
least 56 px high, the customer's name and points are readable from a step back,
green means done, red means stop (blocked, flagged, refused). The bundled
DejaVu fonts carry every Vietnamese diacritic on any till, whatever fonts
Windows happens to have.
"""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtGui import QColor, QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

FONTS_DIR = Path(__file__).resolve().parents[2] / "assets" / "fonts"

COFFEE = QColor("#6f4e37")
COFFEE_LIGHT = QColor("#e9dfd3")
CREAM = QColor("#faf7f2")
GOLD = QColor("#c9962b")
# Gold as text or behind white text: #c9962b on cream is 2.5:1, under WCAG 2's 4.5:1 for normal text
# (https://www.w3.org/TR/WCAG21/#contrast-minimum); this darker gold is 5.1:1 on cream, 5.5:1 under white.
GOLD_TEXT = QColor("#8a6212")
GREEN = QColor("#2e7d32")
RED = QColor("#c62828")
INK = QColor("#2b2118")
MUTED = QColor("#7a6e64")

STYLE = """
QWidget { color: #2b2118; font-size: 17px; }
QMainWindow, QDialog, #DisplayRoot { background: #faf7f2; }
QMenuBar { font-size: 16px; }
QLineEdit { padding: 6px 10px; border: 2px solid #c8b9a6; border-radius: 8px; background: white;
            min-height: 36px; font-size: 20px; }
QLineEdit:focus { border-color: #6f4e37; }
#SearchField { font-size: 24px; min-height: 48px; }
QPushButton { padding: 8px 16px; border-radius: 10px; border: 2px solid #c8b9a6; background: white;
              min-height: 40px; font-size: 18px; }
QPushButton:hover { border-color: #6f4e37; }
QPushButton:disabled { color: #b3a89e; border-color: #e4dcd2; background: #f5f1eb; }
QPushButton[role="primary"] { background: #2e7d32; color: white; border-color: #2e7d32; font-weight: bold;
                              min-height: 56px; font-size: 21px; }
QPushButton[role="primary"]:disabled { background: #a5c8a7; border-color: #a5c8a7; color: #eef5ee; }
QPushButton[role="danger"] { background: #c62828; color: white; border-color: #c62828; font-weight: bold;
                             min-height: 56px; font-size: 21px; }
QPushButton[role="danger"]:disabled { background: #e8c4c4; border-color: #e8c4c4; color: #fbeeee; }
QPushButton[role="action"] { min-height: 62px; font-size: 18px; font-weight: bold; padding: 4px 8px; }
QPushButton[role="action"]:checked { background: #6f4e37; color: white; border-color: #6f4e37; }
QPushButton[role="reward"] { text-align: left; padding: 8px 14px; min-height: 62px; font-size: 19px; }
QPushButton[role="reward"]:checked { background: #e3f1e4; border: 3px solid #2e7d32; font-weight: bold; }
QPushButton[role="key"] { min-height: 64px; min-width: 84px; font-size: 26px; font-weight: bold; }
QPushButton[role="rating"] { min-height: 96px; min-width: 96px; font-size: 40px; font-weight: bold;
                             border-radius: 48px; border-width: 3px; }
#Banner { padding: 10px 16px; border-radius: 10px; font-size: 20px; font-weight: bold; }
#Banner[kind="ok"] { background: #e3f1e4; color: #1b5e20; border: 2px solid #2e7d32; }
#Banner[kind="error"] { background: #fdecea; color: #b71c1c; border: 2px solid #c62828; }
#Banner[kind="info"] { background: #efe7dc; color: #4e3526; border: 2px solid #c8b9a6; }
#Card { background: white; border: 2px solid #e4dcd2; border-radius: 14px; }
#CustomerName { font-size: 30px; font-weight: bold; }
#TierBadge { background: #6f4e37; color: white; border-radius: 8px; padding: 3px 12px; font-size: 17px;
             font-weight: bold; }
#TierBadge[tier="gold"] { background: #8a6212; }
#Figure { font-size: 46px; font-weight: bold; color: #6f4e37; }
#FigureCaption { font-size: 16px; color: #7a6e64; }
#Muted { color: #7a6e64; }
#Warning { background: #fdecea; color: #b71c1c; border: 2px solid #c62828; border-radius: 8px;
           padding: 8px 12px; font-weight: bold; font-size: 18px; }
#Birthday { background: #fff4d6; color: #7a5200; border: 2px solid #c9962b; border-radius: 8px;
            padding: 6px 12px; font-weight: bold; }
#PanelTitle { font-size: 22px; font-weight: bold; }
#Preview { font-size: 24px; font-weight: bold; color: #2e7d32; }
#Hint { color: #7a6e64; font-size: 16px; }
QStatusBar { background: #efe7dc; font-size: 16px; }
QStatusBar QLabel { padding: 2px 10px; font-size: 16px; }
#SyncOnline { color: #1b5e20; font-weight: bold; }
#SyncOffline { color: #b71c1c; font-weight: bold; }
QListView { font-size: 20px; border: 2px solid #c8b9a6; border-radius: 8px; background: white; }
QListView::item { padding: 10px; }
QListView::item:selected { background: #6f4e37; color: white; }
#AmountField { font-size: 30px; min-height: 56px; }
#Currency { font-size: 26px; font-weight: bold; }
#EnrollDone { font-size: 19px; }
#PosPanel { background: white; border: 2px solid #e4dcd2; border-radius: 12px; }
#PosPanel QListView { font-size: 18px; }
#PosPanel QListView::item { padding: 6px 12px; margin: 3px; border: 1px solid #c8b9a6; border-radius: 6px; }
#PosPanel QListView::item:selected { background: #6f4e37; color: white; border-color: #6f4e37; }
#PosTitle { font-size: 18px; font-weight: bold; }
#PosAttach { min-height: 44px; font-size: 18px; padding: 4px 18px; }
"""

# The cashier window's type and targets follow its size (see ``CashierWindow.size_scale``): a
# 1024-pixel till needs them smaller to keep five action buttons and four rewards in view, and a
# 1920×1080 monitor read from a step back needs them larger.
_SCALED = re.compile(r"(font-size|min-height|min-width): (\d+)px")


def style(scale: float = 1.0) -> str:
    """``STYLE`` with its type sizes and minimum heights/widths times ``scale``."""
    if scale == 1.0:
        return STYLE
    return _SCALED.sub(lambda m: f"{m.group(1)}: {max(round(int(m.group(2)) * scale), 8)}px", STYLE)


def load_fonts() -> str:
    """Register the bundled fonts; returns the family to use."""
    family = ""
    for name in ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf"):
        path = FONTS_DIR / name
        if path.exists():
            font_id = QFontDatabase.addApplicationFont(str(path))
            families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
            family = family or (families[0] if families else "")
    return family


_family: str | None = None


def apply(app: QApplication) -> None:
    global _family
    if _family is None:
        _family = load_fonts()
    family = _family
    if family:
        app.setFont(QFont(family, 12))
    app.setStyleSheet(STYLE)


def repolish(widget: object) -> None:
    """Re-apply the stylesheet after a dynamic property (``kind``, ``role``) changed."""
    style = widget.style()  # type: ignore[attr-defined]
    style.unpolish(widget)
    style.polish(widget)
