"""The POS bridge in the cashier window: the unclaimed receipts, Attach (F7), and the status line.

A sale the POS recorded without a member waits as *unclaimed*. The cashier
scans the customer who is standing there, picks the receipt (the newest is
already chosen) and presses F7: ``app.services.receipts.claim`` awards it in one
local transaction, and the card updates exactly as after a typed award.

The bridge reports each export it handled from its own thread; the listener
here only counts what waits in quarantine (file-system work, kept off the GUI
thread) and emits a signal, queued to the GUI thread, which redraws the list
and the status line. The list is a local query (an index on the receipt state),
cheap enough to run after every action.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from app.core.errors import LoyaltyError
from app.services import staff
from app.services.pos_bridge import PosBridge
from app.services.receipts import BridgeNotes, bridge_notes, claim, expire_unclaimed, unclaimed
from app.services.till import Till
from app.ui.controllers.checkout import CheckoutController
from app.ui.controllers.screen import till_home
from app.ui.errors import error_text
from app.ui.format import Formatter
from app.ui.i18n import Translations
from app.ui.pos_mapping import PosMappingDialog
from app.ui.pos_models import UnclaimedReceiptModel
from app.ui.tasks import BackgroundOps
from app.ui.views.cashier_window import CashierWindow
from app.ui.views.pos_notes import PosNotesDialog, problem_text
from pos_bridge.watcher import QUARANTINE, FileOutcome, FileReport

LIST_LIMIT = 20
REASON_SUFFIX = ".reason.txt"
TOOLTIP_REASON_LINES = 12

def quarantined_files(folders: list[Path]) -> list[Path]:
    """The exports waiting in quarantine (their reason files aside). Touches the disk: not on the GUI thread."""
    found: list[Path] = []
    for folder in folders:
        try:
            found += [
                p
                for p in (folder / QUARANTINE).rglob("*")
                if p.is_file() and not p.name.endswith(REASON_SUFFIX)
            ]
        except OSError:  # the share went away; the next report counts again
            continue
    return sorted(found)


class PosController(QObject):
    """Wires the POS strip, the F7 action and the status line to the bridge and ``claim``."""

    receipts_changed = Signal(int)  # how many are listed
    attached = Signal(str)  # the receipt number
    refused = Signal(str)  # the sentence shown
    report_shown = Signal(object)  # FileReport, once the status line says it
    notes_shown = Signal(object)  # the PosNotesDialog, once it shows the notes
    mapping_opened = Signal(object)  # the PosMappingDialog, once a manager opened it
    _from_bridge = Signal(object, object)  # FileReport, list[Path] in quarantine

    def __init__(
        self,
        till: Till,
        window: CashierWindow,
        checkout: CheckoutController,
        translations: Translations,
        fmt: Formatter,
        tasks: BackgroundOps,
        bridge: PosBridge | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.till, self.window, self.checkout, self.fmt, self.bridge = till, window, checkout, fmt, bridge
        self.tasks = tasks
        self.notes_dialog: PosNotesDialog | None = None
        self.panel = window.pos_panel
        self.model = UnclaimedReceiptModel(fmt)
        self.panel.set_model(self.model)
        self.last_report: FileReport | None = None
        self._last_at: datetime | None = None  # when the last report arrived, on the till's clock
        self._quarantined: list[Path] = []
        self._closed = False
        # The newest receipt is chosen for each new customer (most often theirs), but not again
        # after an attach: a second F7 must not credit the next customer's sale to this one.
        self._choose_newest = True
        self._customer_id: str | None = None
        self.panel.chosen.connect(self._update_ready)
        window.attach_action.triggered.connect(self.attach)
        checkout.customer_changed.connect(self._customer_changed)
        checkout.action_done.connect(lambda _: self.refresh())
        translations.changed.connect(lambda _: self._retranslate())
        self._from_bridge.connect(self._received)
        window.status_bar.pos_clicked.connect(self.show_notes)
        window.map_pos_action.triggered.connect(lambda: self.map_export())
        self.mapping_dialog: PosMappingDialog | None = None
        self.refresh()
        # Sales older than the claim window leave the list as "expired" (still in the reports); once
        # per start, off the GUI thread: a till that was off for a week has a backlog to mark.
        tasks.run(
            lambda: expire_unclaimed(till), on_done=lambda n: self.refresh() if n else None, on_error=lambda _: None
        )
        if bridge is not None:
            bridge.add_listener(self._listener)
            self._render_status()
            folders = list(bridge.folders)
            tasks.run(lambda: quarantined_files(folders), on_done=self._counted, on_error=lambda _: None)

    # -- from the bridge ----------------------------------------------------------------------------
    def _listener(self, report: FileReport) -> None:
        """Called on the bridge's thread: count the quarantine there, then hop to the GUI thread."""
        if self._closed or self.bridge is None:
            return
        waiting = quarantined_files(list(self.bridge.folders))
        try:
            self._from_bridge.emit(report, waiting)
        except RuntimeError:  # the window is gone (shutting down); nothing to show it on
            pass

    def _received(self, report: FileReport, waiting: list[Path]) -> None:
        if self._closed:
            return
        self.last_report, self._last_at, self._quarantined = report, self.till.clock(), waiting
        self.refresh()
        self._render_status()
        self.report_shown.emit(report)

    def _counted(self, waiting: list[Path]) -> None:
        if not self._closed and self.last_report is None:
            self._quarantined = waiting
            self._render_status()

    def stop(self) -> None:
        """The windows close: reports still arriving from the bridge's thread are dropped."""
        self._closed = True

    # -- the list -----------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Re-read the unclaimed sales, keeping the chosen one chosen (else the newest, if due)."""
        if self._closed:
            return
        row = self.panel.selected_row()
        chosen = self.model.receipt_at(row).id if row is not None else None
        self.model.set_receipts(unclaimed(self.till, limit=LIST_LIMIT), self.till.clock())
        count = self.model.rowCount()
        self.panel.show_count(count)
        again = self.model.row_of(chosen) if chosen else None
        if again is not None:
            self.panel.select_row(again)
        elif count and self._choose_newest:
            self.panel.select_row(0)
        self._update_ready()
        self.receipts_changed.emit(count)

    def _customer_changed(self, customer: object) -> None:
        customer_id = getattr(customer, "id", None)
        if customer_id != self._customer_id:
            self._customer_id = customer_id
            self._choose_newest = True
            if self.panel.selected_row() is None and self.model.rowCount():
                self.panel.select_row(0)
        self._update_ready()

    def _update_ready(self) -> None:
        c, count, row = self.checkout.customer, self.model.rowCount(), self.panel.selected_row()
        if count == 0:
            self.panel.set_ready(False, self.tr("Sales the POS records without a member appear here."))
        elif c is None:
            self.panel.set_ready(
                False, self.tr("Scan the card or find the customer, then attach their receipt.")
            )
        elif c.blocked:
            self.panel.set_ready(False, self.tr("This card is blocked: it cannot earn."))
        elif row is None:
            self.panel.set_ready(False, self.tr("Choose the customer's receipt."))
        else:
            number = self.model.receipt_at(row).external_id
            self.panel.set_ready(True, self.tr("F7 credits {0} to {1}.").format(number, c.name))

    # -- attach ---------------------------------------------------------------------------------------
    def attach(self) -> None:
        c, staff = self.checkout.customer, self.checkout.staff
        if staff is None:
            return
        if c is None:
            self._refuse(self.tr("Scan the card or find the customer first, then attach the receipt."))
            return
        row = self.panel.selected_row()
        if row is None:
            self._refuse(self.tr("Choose a receipt in the POS list first."))
            return
        receipt = self.model.receipt_at(row)
        try:
            result = claim(self.till, c.id, receipt_id=receipt.id, staff=staff)
        except LoyaltyError as err:
            self._refuse(error_text(err))
            self.refresh()  # claimed or expired meanwhile: it leaves the list
            return
        self._choose_newest = False
        self.checkout.show_awarded(c, result, receipt=receipt.external_id)  # its action_done refreshes
        self.attached.emit(receipt.external_id)

    def _refuse(self, text: str) -> None:
        self.window.show_banner("error", text)
        self.refused.emit(text)

    # -- mapping an unknown POS export ------------------------------------------------------------------
    def map_export(self, path: Path | None = None) -> None:
        """A manager (PIN) maps a sample export's columns to a profile the bridge reads from then on."""
        self.checkout.ask_manager(
            self.tr("A manager maps the POS export's columns."), lambda pin: self._map_approved(pin, path)
        )

    def _map_approved(self, pin: str, path: Path | None) -> None:
        staff.require_manager(self.till, pin)  # a wrong PIN keeps the dialog open, with the sentence
        program = self.till.program()
        dialog = PosMappingDialog(
            till_home(self.till),
            path,
            self.window,
            tz=program.timezone,
            currency=program.currency,
            locale=self.fmt.language,
        )
        dialog.saved.connect(self._profile_saved)
        dialog.finished.connect(lambda _: setattr(self, "mapping_dialog", None))
        self.mapping_dialog = dialog
        dialog.open()
        self.mapping_opened.emit(dialog)

    def _profile_saved(self, target: Path) -> None:
        if self.bridge is not None:
            self.bridge.reload_profiles()
        self.window.show_banner("ok", self.tr("POS profile saved: {0}").format(target.name))

    # -- the bridge's notes ----------------------------------------------------------------------------
    def show_notes(self) -> None:
        """Every refund or void the bridge ignored, and why: read off the GUI thread, then shown."""
        if self.notes_dialog is None:
            self.notes_dialog = PosNotesDialog(self.fmt.datetime, self.window)
        till = self.till
        self.tasks.run(lambda: bridge_notes(till), on_done=self._notes_loaded, on_error=lambda _: None)

    def _notes_loaded(self, notes: list[BridgeNotes]) -> None:
        if self._closed or self.notes_dialog is None:
            return
        self.notes_dialog.show_notes(notes)
        self.notes_dialog.show()
        self.notes_dialog.raise_()
        self.notes_shown.emit(self.notes_dialog)

    # -- the status line ------------------------------------------------------------------------------
    def _retranslate(self) -> None:
        self.model.retranslate()
        self._update_ready()
        if self.bridge is not None:
            self._render_status()

    def _where(self, path: Path) -> str:
        """A folder as the manager finds it: below the till's home, relative to it; else in full."""
        try:
            return str(path.relative_to(till_home(self.till)))
        except ValueError:
            return str(path)

    def _render_status(self) -> None:
        assert self.bridge is not None
        folders = list(self.bridge.folders)
        r, level = self.last_report, ""
        if r is None:
            main = (
                self.tr("watching 1 folder")
                if len(folders) == 1
                else self.tr("watching {0} folders").format(len(folders))
            )
        else:
            main = self._report_text(r)
            level = "warning" if r.outcome is FileOutcome.PARTIAL else ""
        tooltip = [self.tr("Export folders:")] + [f"  {f}" for f in folders]
        tooltip += ["", self.tr("Click to read what the bridge left out (refunds and voids that took nothing back).")]
        if r is not None and r.problems:  # the readers' sentences in the UI's language, where they are
            tooltip += ["", self.tr("What was wrong:")]
            tooltip += [f"  - {problem_text(p)}" for p in r.problems[:TOOLTIP_REASON_LINES]]
            if len(r.problems) > TOOLTIP_REASON_LINES:
                tooltip.append("  " + self.tr("… and {0} more.").format(len(r.problems) - TOOLTIP_REASON_LINES))
        elif r is not None and r.reason.strip():
            tooltip += ["", *r.reason.strip().splitlines()[:TOOLTIP_REASON_LINES]]
        if self._quarantined:
            n = len(self._quarantined)
            where = self._where(self._quarantined[-1].parent if r is None else self._quarantine_of(r))
            warn = (
                self.tr("1 file quarantined — see {0}").format(where)
                if n == 1
                else self.tr("{0} files quarantined — see {1}").format(n, where)
            )
            if r is not None and r.outcome is FileOutcome.QUARANTINED:
                main, level = warn, "error"
            else:
                main, level = (f"{main} · {warn}" if r is not None else warn), "warning"
        self.window.set_pos_status(main, level, "\n".join(tooltip))

    def _quarantine_of(self, r: FileReport) -> Path:
        return r.quarantined[0].parent if r.quarantined else r.folder / QUARANTINE

    def _report_text(self, r: FileReport) -> str:
        when = self.fmt.time(self._last_at) if self._last_at is not None else ""
        name = ", ".join(p.name for p in r.files)
        s = r.summary
        if r.outcome is FileOutcome.DUPLICATE:
            return self.tr("{0} {1}: read before, nothing counted twice").format(when, name)
        if r.outcome is FileOutcome.QUARANTINED:
            return self.tr("{0} {1}: quarantined").format(when, name)
        if r.outcome is FileOutcome.NOT_RECEIPTS:
            return self.tr("{0} {1}: not receipts, archived").format(when, name)
        if s is None:
            return self.tr("{0} {1}: no sales in it").format(when, name)
        text = self.tr("{0} {1}: {2} read, {3} awarded, {4} unclaimed").format(
            when, name, r.applied, s.awarded, s.unclaimed
        )
        if r.outcome is FileOutcome.PARTIAL:
            text += " · " + self.tr("{0} bad lines set aside").format(len(r.problems))
        if r.notes:
            text += " · " + self.tr("{0} notes").format(len(r.notes))
        return text
