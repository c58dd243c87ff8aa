"""One member's page: profile, the full history in words, ratings and tickets, and the manager's actions.

Layout and wiring only. The page's data is ``app.services.customer_page.profile``
(read off the GUI thread). Each action is a form on the page, checked before a
manager is asked (Vorta's ``prepare()``), then approved with a manager PIN
(``ctx.ask_manager`` says what is being approved) and done by one service call:
``corrections`` adjust/reverse, ``customers`` block, ``profiles`` edit and new
card, ``merges`` merge and undo.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.core.errors import InvalidInput, LoyaltyError
from app.core.lifecycle import Birthday, parse_birthday
from app.services import corrections, customer_list, customer_page, customers, merges, profiles
from app.services.customer_page import CustomerProfile, HistoryLine
from app.services.staff import StaffMember
from app.ui.backoffice.context import BackOfficeContext
from app.ui.backoffice.guard import while_alive
from app.ui.backoffice.tickets_tab import qr_pixmap
from app.ui.errors import error_text
from app.ui.format import tier_label

ACTIONS = ("adjust", "reverse", "block", "edit", "new_card", "merge", "unmerge")


@dataclass(frozen=True)
class Prepared:
    """A checked action: what the manager is asked to approve, and the call that does it."""

    what: str
    do: Callable[[StaffMember], str]  # returns the sentence shown when done


class CustomerPageDialog(QDialog):
    loaded = Signal()
    done = Signal(str)  # the action just done (tests wait for it)

    def __init__(self, ctx: BackOfficeContext, customer_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("CustomerPage")
        self.ctx, self.customer_id = ctx, customer_id
        self.profile: CustomerProfile | None = None
        self.setWindowFlag(Qt.WindowType.Window)
        self.resize(1100, 700)

        self.name_label = QLabel()
        self.name_label.setStyleSheet("font-size: 22px; font-weight: bold;")
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        self.facts = QLabel()
        self.facts.setWordWrap(True)
        self.facts.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.balance_label = QLabel()
        self.balance_label.setStyleSheet("font-size: 16px;")
        self.balance_label.setWordWrap(True)

        self.history = QTableWidget(0, 4)
        self.history.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.history.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.history.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.history.verticalHeader().hide()
        self.history.setWordWrap(True)
        header = self.history.horizontalHeader()
        for column in (0, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        # Wrapped lines need new heights when the widths change (once the resize is done).
        self._fit_timer = QTimer(self)
        self._fit_timer.setSingleShot(True)
        self._fit_timer.setInterval(0)
        self._fit_timer.timeout.connect(self._fit_rows)
        header.sectionResized.connect(lambda *_: self._fit_timer.start())
        self.feedback = QTableWidget(0, 4)
        self.feedback.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.feedback.verticalHeader().hide()
        self.feedback.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.history, "")
        self.tabs.addTab(self.feedback, "")

        self._build_actions()
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.close_button = QPushButton()
        self.close_button.setAutoDefault(False)
        self.close_button.clicked.connect(self.close)

        left = QVBoxLayout()
        left.addWidget(self.name_label)
        left.addWidget(self.status_label)
        left.addWidget(self.balance_label)
        left.addWidget(self.facts)
        left.addWidget(self.actions_box, 1)
        left.addWidget(self.message)
        left.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignRight)
        left_widget = QWidget()
        left_widget.setLayout(left)
        left_widget.setMinimumWidth(360)
        left_widget.setMaximumWidth(440)
        row = QHBoxLayout(self)
        row.addWidget(left_widget)
        row.addWidget(self.tabs, 1)
        QShortcut(QKeySequence("Ctrl+H"), self, self.history.setFocus)
        self.retranslate()
        self.reload()

    # -- the actions panel ------------------------------------------------------------------------

    def _build_actions(self) -> None:
        self.actions_box = QGroupBox()
        self.action_combo = QComboBox()
        self.action_label = QLabel()
        self.action_label.setBuddy(self.action_combo)
        self.forms = QStackedWidget()

        self.points_spin = QSpinBox()
        self.points_spin.setRange(-corrections.MAX_ADJUST, corrections.MAX_ADJUST)
        self.stamps_spin = QSpinBox()
        self.stamps_spin.setRange(-1000, 1000)
        adjust = QWidget()
        self.points_label, self.stamps_label = QLabel(), QLabel()
        f = QFormLayout(adjust)
        f.addRow(self.points_label, self.points_spin)
        f.addRow(self.stamps_label, self.stamps_spin)
        self.points_label.setBuddy(self.points_spin)
        self.stamps_label.setBuddy(self.stamps_spin)

        self.reverse_hint = QLabel()
        self.reverse_hint.setWordWrap(True)
        self.block_hint = QLabel()
        self.block_hint.setWordWrap(True)

        edit = QWidget()
        self.edit_name, self.edit_phone, self.edit_birthday, self.edit_area = (QLineEdit() for _ in range(4))
        self.edit_gender = QComboBox()
        self.edit_consent = QCheckBox()
        self.edit_labels = [QLabel() for _ in range(5)]
        g = QFormLayout(edit)
        for label, field in zip(
            self.edit_labels,
            (self.edit_name, self.edit_phone, self.edit_birthday, self.edit_gender, self.edit_area),
            strict=True,
        ):
            label.setBuddy(field)
            g.addRow(label, field)
        g.addRow("", self.edit_consent)

        self.card_hint = QLabel()
        self.card_hint.setWordWrap(True)
        self.card_qr = QLabel()
        self.card_number_label = QLabel()
        self.card_number_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        card = QWidget()
        c = QVBoxLayout(card)
        c.addWidget(self.card_hint)
        c.addWidget(self.card_qr)
        c.addWidget(self.card_number_label)
        c.addStretch(1)

        merge = QWidget()
        self.merge_hint = QLabel()
        self.merge_hint.setWordWrap(True)
        self.merge_search = QLineEdit()
        self.merge_search.returnPressed.connect(self.find_other)
        self.merge_find = QPushButton()
        self.merge_find.setAutoDefault(False)
        self.merge_find.clicked.connect(self.find_other)
        self.merge_choice = QComboBox()
        m = QVBoxLayout(merge)
        m.addWidget(self.merge_hint)
        find_row = QHBoxLayout()
        find_row.addWidget(self.merge_search, 1)
        find_row.addWidget(self.merge_find)
        m.addLayout(find_row)
        m.addWidget(self.merge_choice)
        m.addStretch(1)

        unmerge = QWidget()
        self.unmerge_hint = QLabel()
        self.unmerge_hint.setWordWrap(True)
        self.unmerge_choice = QComboBox()
        u = QVBoxLayout(unmerge)
        u.addWidget(self.unmerge_hint)
        u.addWidget(self.unmerge_choice)
        u.addStretch(1)

        for widget in (adjust, self.reverse_hint, self.block_hint, edit, card, merge, unmerge):
            self.forms.addWidget(widget)
        self.reason_label = QLabel()
        self.reason_edit = QLineEdit()
        self.reason_label.setBuddy(self.reason_edit)
        self.approve_button = QPushButton()
        self.approve_button.setAutoDefault(False)
        self.approve_button.clicked.connect(self.approve)
        self.reason_edit.returnPressed.connect(self.approve)

        self.actions_hint = QLabel()
        self.actions_hint.setWordWrap(True)
        grid = QGridLayout(self.actions_box)
        grid.addWidget(self.actions_hint, 0, 0, 1, 2)
        grid.addWidget(self.action_label, 1, 0)
        grid.addWidget(self.action_combo, 1, 1)
        grid.addWidget(self.forms, 2, 0, 1, 2)
        grid.addWidget(self.reason_label, 3, 0)
        grid.addWidget(self.reason_edit, 3, 1)
        grid.addWidget(self.approve_button, 4, 1)
        self.action_combo.currentIndexChanged.connect(self.forms.setCurrentIndex)
        self.action_combo.currentIndexChanged.connect(lambda _: self.message.clear())

    def choose_action(self, action: str) -> None:
        self.action_combo.setCurrentIndex(ACTIONS.index(action))

    @property
    def action(self) -> str:
        return ACTIONS[self.action_combo.currentIndex()]

    # -- texts --------------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Customer"))
        self.tabs.setTabText(0, self.tr("History"))
        self.tabs.setTabText(1, self.tr("Ratings and tickets"))
        self.history.setHorizontalHeaderLabels(
            [self.tr("When"), self.tr("What, where, who"), self.tr("Points"), self.tr("Stamps")]
        )  # fmt: skip
        self.feedback.setHorizontalHeaderLabels([self.tr("When"), self.tr("Rating or ticket"), self.tr("Comment"),
                                                 self.tr("State")])  # fmt: skip
        self.actions_box.setTitle(self.tr("Manager actions"))
        self.actions_hint.setText(self.tr("Each needs a manager PIN and a reason; all are written to the audit log."))
        self.action_label.setText(self.tr("&Action:"))
        current = max(self.action_combo.currentIndex(), 0)
        self.action_combo.blockSignals(True)
        self.action_combo.clear()
        self.action_combo.addItems(
            [
                self.tr("Adjust the balance"),
                self.tr("Reverse the entry chosen in the history"),
                self.tr("Block or unblock"),
                self.tr("Edit the profile"),
                self.tr("Print a new card (the old one stops working)"),
                self.tr("Merge another member into this one"),
                self.tr("Undo a merge"),
            ]
        )
        self.action_combo.setCurrentIndex(current)
        self.action_combo.blockSignals(False)
        self.points_label.setText(self.tr("&Points (+ or −):"))
        self.stamps_label.setText(self.tr("S&tamps (+ or −):"))
        self.reverse_hint.setText(
            self.tr("Choose the entry in the history on the right; its reversal is a new entry, the original stays.")
        )
        for label, text in zip(
            self.edit_labels,
            (self.tr("&Name:"), self.tr("P&hone:"), self.tr("&Birthday (day/month[/year]):"), self.tr("&Gender:"),
             self.tr("A&rea:")),
            strict=True,
        ):  # fmt: skip
            label.setText(text)
        self.edit_consent.setText(self.tr("Agrees to receive offers (marketing consent)"))
        gender = self.edit_gender.currentIndex()
        self.edit_gender.clear()
        self.edit_gender.addItems([self.tr("not given"), self.tr("female"), self.tr("male"), self.tr("other")])
        self.edit_gender.setCurrentIndex(max(gender, 0))
        self.card_hint.setText(
            self.tr("A new card number and QR code; the old card is refused at every till with a sentence saying it was replaced.")  # noqa: E501
        )  # fmt: skip
        self.merge_hint.setText(
            self.tr("Find the other card (phone, card number or name). Its history is kept and its balance folds into this member; the merge can be undone.")  # noqa: E501
        )  # fmt: skip
        self.merge_search.setPlaceholderText(self.tr("Phone, card number or name of the other member"))
        self.merge_find.setText(self.tr("&Find"))
        self.unmerge_hint.setText(self.tr("Each member gets back the balance of their own entries."))
        self.reason_label.setText(self.tr("&Reason:"))
        self.approve_button.setText(self.tr("&Approve with manager PIN…"))
        self.close_button.setText(self.tr("Close"))
        if self.profile is not None:
            self._show(self.profile)

    # -- loading ------------------------------------------------------------------------------------

    def reload(self) -> None:
        till, cid = self.ctx.till, self.customer_id
        self.ctx.ops.run(
            lambda: customer_page.profile(till, cid),
            on_done=while_alive(self, self._loaded),
            on_error=while_alive(self, self._load_failed),
        )

    def _loaded(self, p: CustomerProfile) -> None:
        self.profile = p
        self._show(p)
        self.loaded.emit()

    def _load_failed(self, exc: Exception) -> None:
        self.message.setText(error_text(exc) if isinstance(exc, LoyaltyError) else str(exc))

    def _show(self, p: CustomerProfile) -> None:
        fmt = self.ctx.fmt
        self.setWindowTitle(self.tr("Customer: {0}").format(p.name))
        self.name_label.setText(p.name)
        status = {"active": self.tr("Active member"), "blocked": self.tr("Blocked"), "merged": self.tr("Merged")}
        lines = [status.get(p.status, p.status)]
        if p.merged_into:
            lines.append(self.tr("Merged into {0} (card {1}).").format(p.merged_into.name, p.merged_into.card_number))
        if p.merged_in:
            lines.append(
                self.tr("Also holds the history of: {0}.").format(
                    ", ".join(f"{m.name} ({m.card_number})" for m in p.merged_in)
                )
            )
        for d in p.duplicates:
            lines.append(
                self.tr("Sync flagged {0} (card {1}) as possibly the same person.").format(d.name, d.card_number)
            )
        self.status_label.setText("\n".join(lines))
        b = p.balance
        self.balance_label.setText(
            self.tr("{0} points · {1} stamps · {2} · {3} visits").format(
                fmt.number(b.points), fmt.number(b.stamps), tier_label(p.tier), fmt.number(b.visits)
            )
        )
        gender = {"female": self.tr("female"), "male": self.tr("male"), "other": self.tr("other")}
        facts = [
            self.tr("Card: {0}").format(p.card_number),
            self.tr("Phone: {0}").format(p.phone or "—"),
            self.tr("Birthday: {0}").format(p.birthday or "—"),
            self.tr("Gender: {0}").format(gender.get(p.gender or "", "—")),
            self.tr("Area: {0}").format(p.area or "—"),
            self.tr("Marketing consent: {0}").format(self.tr("yes") if p.marketing_consent else self.tr("no")),
            self.tr("Enrolled: {0} at {1}").format(fmt.date(p.enrolled_at), p.enrolled_store),
            self.tr("Lifetime spend: {0}").format(fmt.money(b.lifetime_spend)),
            self.tr("Last visit: {0}").format(fmt.date(b.last_visit_at) if b.last_visit_at else "—"),
            self.tr("Referral code: {0}").format(p.referral_code),
        ]
        self.facts.setText("\n".join(facts))
        self._fill_history(p)
        self._fill_feedback(p)
        self._fill_forms(p)

    def _fill_history(self, p: CustomerProfile) -> None:
        fmt = self.ctx.fmt
        self.history.setRowCount(len(p.history))
        for i, h in enumerate(p.history):
            text = self.entry_text(h, p) + "\n" + self.where_text(h)
            cells = [fmt.datetime(h.at), text, fmt.signed(h.points), fmt.signed(h.stamps)]
            for col, value in enumerate(cells):
                item = QTableWidgetItem(value)
                item.setData(Qt.ItemDataRole.UserRole, h.id)
                if col == 1:
                    item.setToolTip(text)
                if col in (2, 3):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.history.setItem(i, col, item)
        self.history.resizeRowsToContents()

    def _fit_rows(self, *_: object) -> None:
        if self.history.rowCount() <= 2000:  # beyond that, rows keep their height (cost grows with rows)
            self.history.resizeRowsToContents()

    def where_text(self, h: HistoryLine) -> str:
        """Where, by whom and for which receipt an entry was made, in words."""
        parts = [self.tr("at {0}, till {1}").format(h.store, h.till)]
        if h.staff:
            parts.append(self.tr("by {0}").format(h.staff))
        if h.receipt:
            parts.append(self.tr("receipt {0}").format(h.receipt))
        return " · ".join(parts)

    def entry_text(self, h: HistoryLine, p: CustomerProfile) -> str:
        """One ledger entry in words."""
        fmt = self.ctx.fmt
        if h.kind == "earn":
            text = self.tr("Sale of {0}").format(fmt.money(h.amount or 0))
        elif h.kind == "redeem":
            text = self.tr("Redeemed {0}").format(h.reward or self.tr("a reward"))
        elif h.kind == "bonus":
            text = self.tr("Welcome bonus") if h.reason == "welcome" else self.tr("Bonus: {0}").format(h.reason)
        elif h.kind == "adjust":
            text = self.tr("Adjusted by a manager: {0}").format(h.reason)
        elif h.kind == "expire":
            text = self.tr("Points expired")
        elif h.kind == "reverse":
            text = self.tr("Reversal of an earlier entry: {0}").format(h.reason)
        elif h.kind == "tier":
            text = self.tr("Tier changed to {0}").format(tier_label(self.ctx.till.program().tier(h.tier).name))
        else:
            text = h.kind
        if h.reversed:
            text += " " + self.tr("(reversed)")
        if h.card and h.card != p.card_number:
            text += " " + self.tr("[on card {0}]").format(h.card)
        return text

    def _fill_feedback(self, p: CustomerProfile) -> None:
        fmt = self.ctx.fmt
        states = {"open": self.tr("open"), "in_progress": self.tr("in progress"), "resolved": self.tr("resolved")}
        rows = [(r.at, "★" * r.rating, r.comment, r.store) for r in p.ratings]
        rows += [(t.at, self.tr("Ticket: {0}").format(t.subject), t.resolution, states.get(t.status, t.status))
                 for t in p.tickets]  # fmt: skip
        rows.sort(key=lambda r: r[0], reverse=True)
        self.feedback.setRowCount(len(rows))
        for i, (at, what, comment, state) in enumerate(rows):
            for col, text in enumerate((fmt.datetime(at), what, comment, state)):
                self.feedback.setItem(i, col, QTableWidgetItem(text))

    def _fill_forms(self, p: CustomerProfile) -> None:
        self.block_hint.setText(
            self.tr("Unblock {0}: the card earns and spends again.").format(p.name)
            if p.status == "blocked"
            else self.tr("Block {0}: the card is refused at every till until a manager unblocks it.").format(p.name)
        )
        self.edit_name.setText(p.name)
        self.edit_phone.setText(p.phone)
        self.edit_birthday.setText(p.birthday)
        self.edit_area.setText(p.area or "")
        self.edit_gender.setCurrentIndex({"female": 1, "male": 2, "other": 3}.get(p.gender or "", 0))
        self.edit_consent.setChecked(p.marketing_consent)
        self.unmerge_choice.clear()
        for m in p.merged_in:
            self.unmerge_choice.addItem(f"{m.name} · {m.card_number}", m.id)
        if self.merge_choice.count() == 0:
            for d in p.duplicates:
                self.merge_choice.addItem(f"{d.name} · {d.card_number}", d.id)

    # -- finding the other member of a merge --------------------------------------------------------

    def find_other(self) -> None:
        self.message.clear()
        try:
            rows = customer_list.customer_page(self.ctx.till, self.merge_search.text(), limit=20)
        except LoyaltyError as exc:
            self.message.setText(error_text(exc))
            return
        self.merge_choice.clear()
        for r in rows:
            if r.id != self.customer_id:
                self.merge_choice.addItem(f"{r.name} · {r.phone or '—'} · {r.card_number}", r.id)
        if self.merge_choice.count() == 0:
            self.message.setText(self.tr("No other member matches."))

    def offer_merge_with(self, other_id: str) -> None:
        """Open on the merge form with ``other_id`` chosen (the sync's duplicate flags lead here)."""
        self.choose_action("merge")
        self.merge_choice.clear()
        try:
            other = customer_page.profile(self.ctx.till, other_id)
        except LoyaltyError:
            return
        self.merge_choice.addItem(f"{other.name} · {other.phone or '—'} · {other.card_number}", other.id)

    # -- approving and doing ------------------------------------------------------------------------

    def prepare(self) -> Prepared:
        """Check the chosen action and say what the manager approves; raises LoyaltyError. No side effects."""
        p = self.profile
        if p is None:
            raise InvalidInput("No such customer.")
        till, cid, fmt = self.ctx.till, self.customer_id, self.ctx.fmt
        reason = self.reason_edit.text().strip()
        if not reason:
            raise InvalidInput("Say why.")
        action = self.action
        if action == "adjust":
            points, stamps = self.points_spin.value(), self.stamps_spin.value()
            corrections.check_adjust(points=points, stamps=stamps, reason=reason)
            if p.balance.points + points < 0 or p.balance.stamps + stamps < 0:
                raise InvalidInput(
                    "The balance would go below zero ({0} points, {1} stamps now).",
                    points=p.balance.points,
                    stamps=p.balance.stamps,
                )
            return Prepared(
                self.tr("Adjust {0}: {1} points, {2} stamps. Reason: {3}").format(
                    p.name, fmt.signed(points), fmt.signed(stamps), reason
                ),
                lambda m: self._done_text(
                    corrections.adjust(till, cid, points=points, stamps=stamps, reason=reason, manager=m),
                    self.tr("Adjusted."),
                ),
            )
        if action == "reverse":
            chosen = self.history.selectionModel().selectedRows()
            if not chosen:
                raise InvalidInput(self.tr("Choose the entry to reverse in the history first."))
            line = p.history[chosen[0].row()]
            if line.kind == "reverse":
                raise InvalidInput("A reversal cannot itself be reversed; record a new entry instead.")
            return Prepared(
                self.tr("Reverse this entry of {0}: {1} ({2}). Reason: {3}").format(
                    p.name, self.entry_text(line, p), fmt.datetime(line.at), reason
                ),
                lambda m: self._done_text(
                    corrections.reverse(till, line.id, manager=m, reason=reason), self.tr("Reversed.")
                ),
            )
        if action == "block":
            block = p.status != "blocked"
            what = self.tr("Block {0}. Reason: {1}") if block else self.tr("Unblock {0}. Reason: {1}")
            return Prepared(
                what.format(p.name, reason),
                lambda m: self._done_text(
                    customers.set_blocked(till, cid, block, manager=m, reason=reason),
                    self.tr("Blocked.") if block else self.tr("Unblocked."),
                ),
            )
        if action == "edit":
            edit = profiles.ProfileEdit(
                name=self.edit_name.text(),
                phone=self.edit_phone.text(),
                birthday=self._birthday(),
                gender=(None, "female", "male", "other")[self.edit_gender.currentIndex()],
                area=self.edit_area.text(),
                marketing_consent=self.edit_consent.isChecked(),
            )
            profiles.check_profile(edit, self.ctx.till.country())
            return Prepared(
                self.tr("Change the profile of {0}. Reason: {1}").format(p.name, reason),
                lambda m: self._done_text(
                    profiles.edit_profile(till, cid, edit, manager=m, reason=reason), self.tr("Profile saved.")
                ),
            )
        if action == "new_card":
            return Prepared(
                self.tr("Print a new card for {0}; card {1} stops working. Reason: {2}").format(
                    p.name, p.card_number, reason
                ),
                lambda m: self._new_card(profiles.replace_card(till, cid, manager=m, reason=reason)),
            )
        if action == "merge":
            other_id = self.merge_choice.currentData()
            if not other_id:
                raise InvalidInput(self.tr("Find and choose the other member first."))
            merges.check_merge(till, cid, other_id)
            other = self.merge_choice.currentText()
            return Prepared(
                self.tr("Merge {0} into {1}: one member, both histories kept, one balance. Reason: {2}").format(
                    other, p.name, reason
                ),
                lambda m: self._done_text(
                    merges.merge(till, cid, other_id, manager=m, reason=reason), self.tr("Merged.")
                ),
            )
        dup_id = self.unmerge_choice.currentData()
        if not dup_id:
            raise InvalidInput(self.tr("No member is merged into this one."))
        return Prepared(
            self.tr("Undo the merge of {0} into {1}. Reason: {2}").format(
                self.unmerge_choice.currentText(), p.name, reason
            ),
            lambda m: self._done_text(
                merges.unmerge(till, dup_id, manager=m, reason=reason), self.tr("The merge is undone.")
            ),
        )

    def _birthday(self) -> Birthday | None:
        return parse_birthday(self.edit_birthday.text())

    def approve(self) -> None:
        self.message.clear()
        try:
            prepared = self.prepare()
        except LoyaltyError as exc:
            self.message.setText(error_text(exc))
            return
        manager = self.ctx.ask_manager(self, prepared.what)
        if manager is None:
            self.message.setText(self.tr("Not done: no manager approved it."))
            return
        try:
            text = prepared.do(manager)
        except LoyaltyError as exc:
            self.message.setText(error_text(exc))
            return
        action = self.action
        self.message.setText(text)
        self.reason_edit.clear()
        self.points_spin.setValue(0)
        self.stamps_spin.setValue(0)
        self.ctx.events.data_changed.emit("customers")
        self.reload()
        self.done.emit(action)

    def _done_text(self, _result: object, text: str) -> str:
        return text

    def _new_card(self, card: profiles.NewCard) -> str:
        self.card_qr.setPixmap(qr_pixmap(card.payload, 160))
        self.card_number_label.setText(self.tr("New card number: {0}").format(card.card_number))
        return self.tr("New card {0}; card {1} no longer works.").format(card.card_number, card.old_number)
