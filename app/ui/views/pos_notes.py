"""The manager's view of the POS bridge's notes: every refund or void that took nothing back,
every sale that did not earn and why, every row left for a later export.

Layout only: the POS controller loads the notes off the GUI thread (``receipts.bridge_notes``)
and hands them here. Opened by clicking the POS line of the status bar. A manager who only ever
sees "3 refunds/voids applied" cannot tell that a fourth one found no sale; here it is listed.
The notes themselves are the bridge's own sentences (as in the quarantine's reason files).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from html import escape

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QTextBrowser, QVBoxLayout, QWidget

from app.services.receipts import BridgeNotes
from app.ui.errors import translate_message
from pos_bridge.readers.base import Problem

CONTEXT = "PosNotes"
# The bridge's notes (app.services.receipts), translated here at the edge from their templates.
NOTE_TEMPLATES = frozenset(
    (
        QT_TRANSLATE_NOOP("PosNotes", "Receipt {0}: not awarded automatically — {1}"),
        QT_TRANSLATE_NOOP("PosNotes", "Refund {0}: its sale {1} was never seen here, so there is nothing to take back."),  # noqa: E501
        QT_TRANSLATE_NOOP("PosNotes", "Void {0}: its sale {1} was never seen here, so there is nothing to take back."),
        QT_TRANSLATE_NOOP("PosNotes", "Void {0}: its sale {1} had earned nothing; it can no longer be claimed."),
        QT_TRANSLATE_NOOP("PosNotes", "Refund {0}: its sale {1} had earned nothing, so nothing was taken back."),
        QT_TRANSLATE_NOOP("PosNotes", "Refund {0}: {1}"),
        QT_TRANSLATE_NOOP("PosNotes", "Void {0}: {1}"),
        QT_TRANSLATE_NOOP("PosNotes", "Refund {0}: no sale of the last {1} days matches its customer, items and amount, so nothing was taken back."),  # noqa: E501
        QT_TRANSLATE_NOOP("PosNotes", "Refund {0}: matched to the most recent fitting sale {1}; {2} fit as well. Check it with the POS."),  # noqa: E501
        QT_TRANSLATE_NOOP("PosNotes", "the whole bill was refunded"),
        # rows a reader left for a later export, or left out on purpose (pos_bridge/readers, ReadResult.skipped)
        QT_TRANSLATE_NOOP("PosNotes", "{0}: {1} {2} ({3}) is not a completed payment or refund."),
        QT_TRANSLATE_NOOP("PosNotes", "{0}: payment {1} of order {2} was voided and paid again; nothing to take back."),
        QT_TRANSLATE_NOOP("PosNotes", "{0}: order {1} is not paid yet."),
        QT_TRANSLATE_NOOP("PosNotes", "{0}: return {1} is “{2}”, not refunded."),
        QT_TRANSLATE_NOOP("PosNotes", "{0}: invoice {1} is “{2}”, not finished yet."),
    )
)  # fmt: skip


def note_text(note: str) -> str:
    """A note in the current language: its template translated, its values put back in."""
    template = getattr(note, "template", None)
    if template not in NOTE_TEMPLATES:
        return str(note)
    values = [_value(v) for v in getattr(note, "values", ())]
    return QCoreApplication.translate(CONTEXT, template).format(*values)


def problem_text(problem: Problem) -> str:
    """A reader's problem in the current language: where it is (file, line, column), then what is wrong.

    The readers keep each sentence as a template with its details (``Problem.message`` is a Notice);
    the quarantine's reason file prints the English, the till says it in the manager's language.
    """
    where = [problem.file] if problem.file else []
    if problem.line is not None:
        where.append(QCoreApplication.translate(CONTEXT, "line {0}").format(problem.line))
    if problem.column:
        where.append(QCoreApplication.translate(CONTEXT, "column “{0}”").format(problem.column))
    sentence = translate_message(problem.message)
    return f"{', '.join(where)}: {sentence}" if where else sentence


PLACES = (QT_TRANSLATE_NOOP("PosNotes", "line {0}"), QT_TRANSLATE_NOOP("PosNotes", "column “{0}”"))


def _value(value: str) -> str:
    if value in NOTE_TEMPLATES:
        return QCoreApplication.translate(CONTEXT, value)
    return translate_message(value)


class PosNotesDialog(QDialog):
    def __init__(self, show_time: Callable[[datetime], str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("PosNotesDialog")
        self.resize(860, 480)
        self._show_time = show_time
        self._notes: list[BridgeNotes] = []
        box = QVBoxLayout(self)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.view = QTextBrowser()  # long sentences wrap; the manager can select and copy them
        self.view.setOpenLinks(False)
        self._lines: list[str] = []
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        box.addWidget(self.intro)
        box.addWidget(self.view, 1)
        box.addWidget(self.buttons)
        self.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("POS bridge notes"))
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        self.intro.setText(
            self.tr(
                "What the POS bridge did not apply, export by export: refunds and voids that took nothing "
                "back, sales that did not earn, rows left for a later export."
            )
        )
        self.show_notes(self._notes)

    def show_notes(self, notes: Sequence[BridgeNotes]) -> None:
        self._notes = list(notes)
        self._lines = []
        if not self._notes:
            self._lines.append(self.tr("Nothing was left out: every refund and void found its sale."))
            self.view.setHtml(f"<p>{escape(self._lines[0])}</p>")
            return
        html = []
        for export in self._notes:
            head = f"{export.file} — {self._show_time(export.seen_at)}"
            items = [note_text(n) for n in export.notes]
            self._lines += [head, *items]
            html.append(f"<p><b>{escape(head)}</b></p><ul>")
            html += [f"<li>{escape(item)}</li>" for item in items]
            html.append("</ul>")
        self.view.setHtml("".join(html))

    def lines(self) -> list[str]:
        """What the dialog shows, line by line: each export, then its notes."""
        return list(self._lines)

    def note_count(self) -> int:
        return sum(len(n.notes) for n in self._notes)
