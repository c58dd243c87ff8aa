"""The action panels beside the customer card: Award, Redeem, Enroll, Undo last, Adjust.

Layout and signals only; the checkout controller calls the services. Each panel
has one big confirm button, and Enter in its fields does the same, so the usual
checkout is: scan, type the amount, Enter.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QEvent, QLocale, QRegularExpression, Qt, QTimer, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent, QKeySequence, QRegularExpressionValidator
from PySide6.QtWidgets import (
    QButtonGroup,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.core.program import Program
from app.core.rewards import RewardKind
from app.services.customers import RewardOption
from app.ui.format import Formatter
from app.ui.views.texts import missing_text, reward_cost

# Lets through what a finger may slip into an amount ("-", a comma) so the controller refuses it
# with a sentence instead of the field dropping it silently ("-5000" became 5.000 ₫); "*"/"k" is
# the thousands key (125* → 125.000).
AMOUNT_CHARS = QRegularExpression(r"[-−0-9.,\s*kK]{0,20}")


class TillLineEdit(QLineEdit):
    """A line edit that leaves Ctrl+Z to the window ("Undo last" is the till's undo, not the field's)."""

    def event(self, e: QEvent) -> bool:
        if (
            e.type() == QEvent.Type.ShortcutOverride
            and isinstance(e, QKeyEvent)
            and e.matches(QKeySequence.StandardKey.Undo)
        ):
            e.ignore()
            return False
        return super().event(e)


class TillSpinBox(QSpinBox):
    """A spin box that selects its number when it takes the focus: typing 5 gives 5, not 05 or 50."""

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.selectAll()
        QTimer.singleShot(0, self.selectAll)  # a mouse click places the cursor after the focus event


def _button(role: str) -> QPushButton:
    b = QPushButton()
    b.setProperty("role", role)
    b.setAutoDefault(False)
    return b


def _title() -> QLabel:
    label = QLabel()
    label.setObjectName("PanelTitle")
    return label


def _hint() -> QLabel:
    label = QLabel()
    label.setObjectName("Hint")
    label.setWordWrap(True)
    return label


class _Panel(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.box = QVBoxLayout(self)
        self.box.setContentsMargins(4, 8, 4, 8)
        self.box.setSpacing(10)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:  # each panel sets its texts here
        raise NotImplementedError


class AwardPanel(_Panel):
    amount_edited = Signal(str)
    confirmed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = _title()
        self.amount_label = QLabel()
        self.amount_edit = TillLineEdit()
        self.amount_edit.setObjectName("AmountField")
        self.amount_edit.setValidator(QRegularExpressionValidator(AMOUNT_CHARS, self.amount_edit))
        self.amount_edit.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.currency_label = QLabel("₫")
        self.currency_label.setObjectName("Currency")  # sizes in app.ui.theme, scaled with the window
        self.preview_label = QLabel()
        self.preview_label.setObjectName("Preview")
        self.preview_label.setWordWrap(True)
        self.detail_label = _hint()
        self.confirm_button = _button("primary")
        self.hint_label = _hint()
        row = QHBoxLayout()
        row.addWidget(self.amount_edit, 1)
        row.addWidget(self.currency_label)
        for w in (self.title, self.amount_label):
            self.box.addWidget(w)
        self.box.addLayout(row)
        for w in (self.preview_label, self.detail_label, self.confirm_button, self.hint_label):
            self.box.addWidget(w)
        self.box.addStretch(1)
        self.amount_edit.textEdited.connect(self.amount_edited)
        self.amount_edit.returnPressed.connect(lambda: self.confirmed.emit(self.amount_edit.text()))
        self.confirm_button.clicked.connect(lambda: self.confirmed.emit(self.amount_edit.text()))
        self.retranslate()
        self.set_ready(False)

    def retranslate(self) -> None:
        self.title.setText(self.tr("Award a sale"))
        self.amount_label.setText(self.tr("Amount the customer paid:"))
        # The example in the UI's grouping (125,000 in English): the default QLocale follows the language.
        example = 125 if getattr(self, "_thousands", False) else 125_000  # typed in thousands: "125"
        self.amount_edit.setPlaceholderText(self.tr("e.g. {0}").format(QLocale().toString(example)))
        self.confirm_button.setText(self.tr("Award  (Enter)"))

    def set_ready(self, has_customer: bool, *, blocked: bool = False) -> None:
        self.amount_edit.setEnabled(has_customer and not blocked)
        self.confirm_button.setEnabled(has_customer and not blocked)
        if not has_customer:
            self.hint_label.setText(self.tr("Scan a card or find a customer first."))
        elif blocked:
            self.hint_label.setText(self.tr("This card is blocked: it cannot earn."))
        else:
            self.hint_label.setText(self.tr("Type the bill, check what it earns, press Enter."))

    def show_preview(self, headline: str, detail: str = "") -> None:
        self.preview_label.setStyleSheet("")
        self.preview_label.setText(headline)
        self.detail_label.setText(detail)

    def show_problem(self, text: str) -> None:
        self.preview_label.setStyleSheet("color: #c62828; font-size: 19px;")
        self.preview_label.setText(text)
        self.detail_label.setText("")

    def clear(self) -> None:
        self.amount_edit.clear()
        self.preview_label.clear()
        self.detail_label.clear()

    def amount_text(self) -> str:
        return self.amount_edit.text()

    def focus_amount(self) -> None:
        self.amount_edit.setFocus()
        self.amount_edit.selectAll()

    def set_currency(self, symbol: str, *, thousands: bool = False) -> None:
        """The unit after the field ("₫", or ".000 ₫" when amounts are typed in thousands)."""
        self.currency_label.setText(symbol)
        self._thousands = thousands
        self.retranslate()

    def set_amount(self, text: str) -> None:
        """Rewrite the amount (regrouped as typed), keeping the same digits right of the cursor."""
        edit = self.amount_edit
        old = edit.text()
        after = sum(ch.isdigit() for ch in old[edit.cursorPosition() :])
        edit.setText(text)
        position, seen = len(text), 0
        while seen < after and position > 0:
            position -= 1
            seen += text[position].isdigit()
        edit.setCursorPosition(position)


class RedeemPanel(_Panel):
    confirmed = Signal(str, str, str)  # reward id, bill text, points text

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = _title()
        self.notice_label = QLabel()
        self.notice_label.setWordWrap(True)
        self.list_host = QWidget()
        self.list_box = QVBoxLayout(self.list_host)
        self.list_box.setContentsMargins(0, 0, 0, 0)
        self.list_box.setSpacing(6)
        self.list_box.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(self.list_host)
        self.reward_scroll = scroll
        self._compact = False
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        self.reward_buttons: dict[str, QPushButton] = {}
        self.bill_label = QLabel()
        self.bill_edit = TillLineEdit()
        self.bill_edit.setValidator(QRegularExpressionValidator(AMOUNT_CHARS, self.bill_edit))
        self.points_label = QLabel()
        self.points_edit = TillLineEdit()
        self.points_edit.setValidator(
            QRegularExpressionValidator(QRegularExpression(r"[0-9]{0,7}"), self.points_edit)
        )
        form = QFormLayout()
        form.addRow(self.bill_label, self.bill_edit)
        form.addRow(self.points_label, self.points_edit)
        self.confirm_button = _button("primary")
        self.box.addWidget(self.title)
        self.box.addWidget(self.notice_label)
        self.box.addWidget(scroll, 1)
        self.box.addLayout(form)
        self.box.addWidget(self.confirm_button)
        self._options: list[RewardOption] = []
        self._kinds: dict[str, RewardKind] = {}
        self._state: tuple[Program, Formatter, bool, bool] | None = None
        self.confirm_button.clicked.connect(self._confirm)
        self.bill_edit.returnPressed.connect(self._confirm)
        self.points_edit.returnPressed.connect(self._confirm)
        self.group.idToggled.connect(lambda *_: self._selection_changed())
        self.retranslate()
        self.set_options([], None, None, identified=False, blocked=False)

    def retranslate(self) -> None:
        self.title.setText(self.tr("Redeem a reward"))
        self.bill_label.setText(self.tr("Bill (for discounts):"))
        self.points_label.setText(self.tr("Points to spend:"))
        self.confirm_button.setText(self.tr("Redeem  (Enter)"))
        if self._state is not None:
            program, fmt, identified, blocked = self._state
            self.set_options(self._options, program, fmt, identified=identified, blocked=blocked)

    def set_options(
        self,
        options: list[RewardOption],
        program: Program | None,
        fmt: Formatter | None,
        *,
        identified: bool,
        blocked: bool,
        has_customer: bool = True,
    ) -> None:
        self._options = options
        self._state = (program, fmt, identified, blocked) if program and fmt else None
        for b in self.reward_buttons.values():
            self.group.removeButton(b)
            self.list_box.removeWidget(b)
            b.hide()
            b.deleteLater()
        self.reward_buttons = {}
        usable = identified and not blocked
        if program is None or fmt is None or not has_customer:
            self.notice_label.setText(self.tr("Scan a card or find a customer first."))
            self.notice_label.setStyleSheet("color: #7a6e64;")
        elif blocked:
            self.notice_label.setText(self.tr("This card is blocked: rewards cannot be redeemed."))
            self.notice_label.setStyleSheet("color: #c62828; font-weight: bold;")
        elif not identified:
            self.notice_label.setText(
                self.tr("To spend points, scan the customer's card: a phone number or a name is not enough.")
            )
            self.notice_label.setStyleSheet("color: #c62828; font-weight: bold;")
        elif not any(o.affordable for o in options):
            self.notice_label.setText(self.tr("Nothing to redeem yet."))
            self.notice_label.setStyleSheet("color: #7a6e64;")
        else:
            self.notice_label.setText(self.tr("Choose the reward:"))
            self.notice_label.setStyleSheet("")
        # What can be had now first; paying with points last (it is a way to pay, not a gift).
        ordered = sorted(
            options,
            key=lambda o: (not o.affordable, o.reward.kind is RewardKind.POINTS_PAYMENT, o.missing),
        )
        for option in ordered if program and fmt else []:
            b = _button("reward")
            b.setCheckable(True)
            cost = reward_cost(option.reward, program, fmt)
            if option.affordable:
                b.setText(f"{option.reward.name}\n{cost}")
            else:
                b.setText(f"{option.reward.name}\n{cost} · {missing_text(option, program, fmt)}")
            b.setEnabled(usable and option.affordable)
            self.group.addButton(b)
            self.list_box.insertWidget(self.list_box.count() - 1, b)
            if self.isVisible():
                b.show()  # now, not at the next event loop pass: it may get the focus at once
            self.reward_buttons[option.reward.id] = b
            self._kinds[option.reward.id] = option.reward.kind
        first = next((b for b in self.reward_buttons.values() if b.isEnabled()), None)
        if first is not None:
            first.setChecked(True)
        self._selection_changed()

    def bill_text(self) -> str:
        return self.bill_edit.text()

    def prefill_bill(self, text: str) -> None:
        self.bill_edit.setText(text)

    def clear_inputs(self) -> None:
        self.bill_edit.clear()
        self.points_edit.clear()

    def focus_selected(self) -> bool:
        """The focus on the chosen reward (or its first empty field, for paying with points)."""
        button = self.reward_buttons.get(self.selected_reward() or "")
        if button is None:
            return False
        if not self._focus_payment_fields():
            button.setFocus()
        return True

    def _focus_payment_fields(self) -> bool:
        """Paying with points needs the bill and the points: the first empty one takes the focus."""
        if self._kinds.get(self.selected_reward() or "") is not RewardKind.POINTS_PAYMENT:
            return False
        (self.points_edit if self.bill_edit.text().strip() else self.bill_edit).setFocus()
        return True

    def set_compact(self, compact: bool) -> None:
        """A short till (768–800 px): no title (the checked F3 button says it), so four rewards are in view."""
        if compact == self._compact:
            return
        self._compact = compact
        self.title.setVisible(not compact)
        # Closer than the window's style, so it wins: two lines of type and little else.
        self.setStyleSheet(
            'QPushButton[role="reward"] { min-height: 42px; padding: 4px 12px; }' if compact else ""
        )

    def selected_reward(self) -> str | None:
        for rid, b in self.reward_buttons.items():
            if b.isChecked():
                return rid
        return None

    def select(self, reward_id: str) -> None:
        self.reward_buttons[reward_id].setChecked(True)

    def _selection_changed(self) -> None:
        rid = self.selected_reward()
        kind = self._kinds.get(rid or "")
        self.points_label.setVisible(kind is RewardKind.POINTS_PAYMENT)
        self.points_edit.setVisible(kind is RewardKind.POINTS_PAYMENT)
        needs_bill = kind in (
            RewardKind.FIXED_DISCOUNT,
            RewardKind.PERCENT_DISCOUNT,
            RewardKind.POINTS_PAYMENT,
        )
        self.bill_label.setVisible(needs_bill)
        self.bill_edit.setVisible(needs_bill)
        self.confirm_button.setEnabled(rid is not None)

    def _confirm(self) -> None:
        rid = self.selected_reward()
        if rid is not None:
            self.confirmed.emit(rid, self.bill_edit.text(), self.points_edit.text())

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """↑ ↓ choose among the rewards that can be had, Enter redeems: no mouse needed."""
        usable = [b for b in self.reward_buttons.values() if b.isEnabled()]
        if event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down) and usable:
            current = next((i for i, b in enumerate(usable) if b.isChecked()), 0)
            step = 1 if event.key() == Qt.Key.Key_Down else -1
            chosen = usable[(current + step) % len(usable)]
            chosen.setChecked(True)
            self.reward_scroll.ensureWidgetVisible(chosen, 0, 0)  # the chosen reward never sits half cut
            if not self._focus_payment_fields():
                chosen.setFocus()
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            # Nothing to redeem: Enter does nothing (it used to reach the window and clear the customer).
            if self.confirm_button.isEnabled():
                self._confirm()
            event.accept()
            return
        super().keyPressEvent(event)


class EnrollPanel(_Panel):
    confirmed = Signal(str, str, str, str)  # phone, name, birthday text, referral code
    save_pdf = Signal()
    save_png = Signal()
    show_qr = Signal()
    open_file = Signal()
    start_over = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = _title()
        self.form_host = QWidget()
        form = QFormLayout(self.form_host)
        form.setContentsMargins(0, 0, 0, 0)
        form.setVerticalSpacing(10)
        self.phone_label, self.name_label = QLabel(), QLabel()
        self.birthday_label, self.referral_label = QLabel(), QLabel()
        self.phone_edit, self.name_edit = TillLineEdit(), TillLineEdit()
        self.birthday_edit, self.referral_edit = TillLineEdit(), TillLineEdit()
        self.referral_edit.setMaxLength(12)
        for label, edit in (
            (self.phone_label, self.phone_edit),
            (self.name_label, self.name_edit),
            (self.birthday_label, self.birthday_edit),
            (self.referral_label, self.referral_edit),
        ):
            form.addRow(label, edit)
            edit.returnPressed.connect(self._confirm)
        self.confirm_button = _button("primary")
        self.confirm_button.clicked.connect(self._confirm)
        self.done_host = QWidget()
        done = QVBoxLayout(self.done_host)
        done.setContentsMargins(0, 0, 0, 0)
        self.done_label = QLabel()
        self.done_label.setWordWrap(True)
        self.done_label.setObjectName("EnrollDone")  # its size in app.ui.theme, scaled with the window
        self.pdf_button, self.png_button = _button("action"), _button("action")
        self.qr_button = _button("action")
        self.open_button, self.again_button = _button(""), _button("")
        self.file_label = _hint()
        self.file_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        row = QHBoxLayout()
        row.addWidget(self.pdf_button)
        row.addWidget(self.png_button)
        done.addWidget(self.done_label)
        done.addLayout(row)
        done.addWidget(self.qr_button)
        done.addWidget(self.file_label)
        row2 = QHBoxLayout()
        row2.addWidget(self.open_button)
        row2.addStretch(1)
        row2.addWidget(self.again_button)
        done.addLayout(row2)
        self.pdf_button.clicked.connect(self.save_pdf)
        self.png_button.clicked.connect(self.save_png)
        self.qr_button.clicked.connect(self.show_qr)
        self.open_button.clicked.connect(self.open_file)
        self.again_button.clicked.connect(self.start_over)
        for w in (self.title, self.form_host, self.confirm_button, self.done_host):
            self.box.addWidget(w)
        self.box.addStretch(1)
        self.retranslate()
        self.show_form()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Enroll a new member"))
        self.phone_label.setText(self.tr("Phone:"))
        self.name_label.setText(self.tr("Name:"))
        self.birthday_label.setText(self.tr("Birthday:"))
        self.referral_label.setText(self.tr("Referral code:"))
        self.phone_edit.setPlaceholderText("0912 345 678")
        self.name_edit.setPlaceholderText(self.tr("Full name"))
        self.birthday_edit.setPlaceholderText(self.tr("day/month, optional"))
        self.referral_edit.setPlaceholderText(self.tr("optional"))
        self.confirm_button.setText(self.tr("Enroll  (Enter)"))
        self.pdf_button.setText(self.tr("Print card\n(PDF)"))
        self.png_button.setText(self.tr("Card for the\nphone (PNG)"))
        self.qr_button.setText(self.tr("Show the QR on the customer display"))
        self.open_button.setText(self.tr("Open the file"))
        self.again_button.setText(self.tr("Enroll another"))

    def show_form(self, *, phone: str = "", name: str = "") -> None:
        for edit in (self.phone_edit, self.name_edit, self.birthday_edit, self.referral_edit):
            edit.clear()
        self.phone_edit.setText(phone)
        self.name_edit.setText(name)
        self.form_host.setVisible(True)
        self.confirm_button.setVisible(True)
        self.done_host.setVisible(False)
        self.file_label.clear()
        self.open_button.setVisible(False)

    def show_done(self, html: str) -> None:
        self.form_host.setVisible(False)
        self.confirm_button.setVisible(False)
        self.done_host.setVisible(True)
        self.done_label.setText(html)

    def show_file(self, path_text: str) -> None:
        self.file_label.setText(self.tr("Saved: {0}").format(escape(path_text)))
        self.open_button.setVisible(True)

    def showing_form(self) -> bool:
        return self.form_host.isVisible()

    def focus_card_buttons(self) -> None:
        """After enrolling, the next thing is the card: print it, or save it as an image."""
        self.pdf_button.setFocus()

    def focus_birthday(self) -> None:
        self.birthday_edit.setFocus()
        self.birthday_edit.selectAll()

    def focus_first_empty(self) -> None:
        for edit in (self.phone_edit, self.name_edit):
            if not edit.text():
                edit.setFocus()
                return
        self.birthday_edit.setFocus()

    def _confirm(self) -> None:
        self.confirmed.emit(
            self.phone_edit.text(),
            self.name_edit.text(),
            self.birthday_edit.text(),
            self.referral_edit.text(),
        )


class UndoPanel(_Panel):
    confirmed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = _title()
        self.what_label = QLabel()
        self.what_label.setWordWrap(True)
        self.what_label.setStyleSheet("font-size: 20px;")
        self.rule_label = _hint()
        self.confirm_button = _button("danger")
        self.confirm_button.clicked.connect(self.confirmed)
        for w in (self.title, self.what_label, self.rule_label, self.confirm_button):
            self.box.addWidget(w)
        self.box.addStretch(1)
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Undo my last action"))
        self.rule_label.setText(
            self.tr("Within 2 minutes you may undo it yourself; after that a manager PIN is needed.")
        )
        self.confirm_button.setText(self.tr("Undo  (Enter)"))

    def show_action(self, text: str, *, possible: bool) -> None:
        self.what_label.setText(text)
        self.confirm_button.setEnabled(possible)

    def focus_confirm(self) -> None:
        self.confirm_button.setFocus()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.confirm_button.isEnabled():
            self.confirmed.emit()
            return
        super().keyPressEvent(event)


class AdjustPanel(_Panel):
    confirmed = Signal(int, int, str)  # points, stamps, reason

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = _title()
        self.rule_label = _hint()
        self.points_label, self.stamps_label, self.reason_label = QLabel(), QLabel(), QLabel()
        self.points_spin, self.stamps_spin = TillSpinBox(), TillSpinBox()
        for spin in (self.points_spin, self.stamps_spin):
            spin.setRange(-100_000, 100_000)
            spin.setStyleSheet("font-size: 22px; min-height: 44px;")
        self.reason_edit = TillLineEdit()
        form = QFormLayout()
        form.addRow(self.points_label, self.points_spin)
        form.addRow(self.stamps_label, self.stamps_spin)
        form.addRow(self.reason_label, self.reason_edit)
        self.confirm_button = _button("primary")
        self.confirm_button.clicked.connect(self._confirm)
        self.reason_edit.returnPressed.connect(self._confirm)
        self.box.addWidget(self.title)
        self.box.addWidget(self.rule_label)
        self.box.addLayout(form)
        self.box.addWidget(self.confirm_button)
        self.box.addStretch(1)
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Correct a balance (manager)"))
        self.rule_label.setText(
            self.tr("A manager PIN is asked for; the change and its reason go to the audit log.")
        )
        self.points_label.setText(self.tr("Points (+/−):"))
        self.stamps_label.setText(self.tr("Stamps (+/−):"))
        self.reason_label.setText(self.tr("Reason:"))
        self.reason_edit.setPlaceholderText(self.tr("e.g. the coffee machine broke, goodwill stamp"))
        self.confirm_button.setText(self.tr("Correct with manager PIN"))

    def set_ready(self, has_customer: bool) -> None:
        for w in (self.points_spin, self.stamps_spin, self.reason_edit, self.confirm_button):
            w.setEnabled(has_customer)

    def focus_points(self) -> None:
        self.points_spin.setFocus()
        self.points_spin.selectAll()

    def clear(self) -> None:
        self.points_spin.setValue(0)
        self.stamps_spin.setValue(0)
        self.reason_edit.clear()

    def _confirm(self) -> None:
        self.confirmed.emit(self.points_spin.value(), self.stamps_spin.value(), self.reason_edit.text())
