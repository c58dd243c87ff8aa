"""Domain errors as sentences in the cashier's language.

The services raise ``LoyaltyError`` with an English template and its details
(``app.core.errors``). Here, at the edge, the template is looked up in the
translations and the details are put back in, written the UI's way: an amount
in the UI's grouping ("999.999.999.999 ₫" in Vietnamese), a membership state or a
period in the UI's language. Nothing parses the English sentence. A template we
do not list is shown as its English sentence: readable English beats a code.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from app.core.errors import LoyaltyError, Notice, Sentences
from app.core.money import Money
from app.ui.format import money_text, number_text

CONTEXT = "Errors"

# The English templates must read exactly like the services' messages.
TEMPLATES: tuple[str, ...] = (
    # finding customers, card codes, phone numbers
    QT_TRANSLATE_NOOP("Errors", "Type a phone number, card number or name, or scan the card."),
    QT_TRANSLATE_NOOP("Errors", "That is too long to be a name."),
    QT_TRANSLATE_NOOP("Errors", "Type at least two letters of the name."),
    QT_TRANSLATE_NOOP("Errors", "This is not a loyalty card QR code."),
    QT_TRANSLATE_NOOP(
        "Errors", "This card's QR code is not valid for this store (it may be forged or damaged)."
    ),
    QT_TRANSLATE_NOOP("Errors", "Nothing was scanned. Please scan the card's QR code again."),
    QT_TRANSLATE_NOOP(
        "Errors",
        "This card's QR code was made by a newer version of the loyalty program. "
        "Please update this terminal, or type the card number instead.",
    ),
    QT_TRANSLATE_NOOP("Errors", "No card number was entered."),
    QT_TRANSLATE_NOOP("Errors", "The card number {0} is mistyped (a card number has only digits)."),
    QT_TRANSLATE_NOOP(
        "Errors", "The card number {0} is mistyped (it has {1} digits; a card number has {2})."
    ),
    QT_TRANSLATE_NOOP("Errors", "{0} starts with 0, so it looks like a phone number, not a card number."),
    QT_TRANSLATE_NOOP("Errors", "The card number {0} is mistyped (check digit does not match)."),
    QT_TRANSLATE_NOOP("Errors", "That is not a card."),
    QT_TRANSLATE_NOOP("Errors", "No member has this card."),
    QT_TRANSLATE_NOOP(
        "Errors", "{0} is not a Vietnamese phone number (expected 10 digits like 0912 345 678)."
    ),
    QT_TRANSLATE_NOOP("Errors", "{0} is not a phone number."),
    QT_TRANSLATE_NOOP("Errors", "No such customer."),
    QT_TRANSLATE_NOOP(
        "Errors",
        "This member is not on this till yet, so her balance is not known here: points cannot be spent "
        "until this till has synced with the server.",
    ),
    # enrolling
    QT_TRANSLATE_NOOP("Errors", "The customer's name is empty."),
    QT_TRANSLATE_NOOP("Errors", "The name is too long (at most {0} characters)."),
    QT_TRANSLATE_NOOP("Errors", "The name contains control characters."),
    QT_TRANSLATE_NOOP("Errors", "The phone number {0} already belongs to a member."),
    QT_TRANSLATE_NOOP("Errors", "No member has the referral code {0}."),
    # amounts and awarding
    QT_TRANSLATE_NOOP("Errors", "{0} is not an amount."),
    QT_TRANSLATE_NOOP("Errors", "{0} has more decimals than {1} allows."),
    QT_TRANSLATE_NOOP("Errors", "The bill amount must be more than zero."),
    QT_TRANSLATE_NOOP("Errors", "{0} is too large for one bill."),
    QT_TRANSLATE_NOOP("Errors", "{0}'s membership is {1}; a manager can tell why."),
    QT_TRANSLATE_NOOP("Errors", "{0} belongs to another store: her store or the head office can block her."),
    QT_TRANSLATE_NOOP("Errors", "This member earned less than {0} minutes ago; try again in {1} min."),
    QT_TRANSLATE_NOOP("Errors", "Receipt {0} has already earned points."),
    QT_TRANSLATE_NOOP("Errors", "Daily earn cap of {0} reached: {1} points not given."),
    # redeeming
    QT_TRANSLATE_NOOP(
        "Errors", "To spend points, scan the customer's card (a phone number or name is not enough)."
    ),
    QT_TRANSLATE_NOOP("Errors", "{0}'s membership is {1}: rewards cannot be redeemed."),
    QT_TRANSLATE_NOOP("Errors", "There is no such reward."),
    QT_TRANSLATE_NOOP("Errors", "The reward {0} is no longer offered."),
    QT_TRANSLATE_NOOP("Errors", "{0} is for {1} members and above."),
    QT_TRANSLATE_NOOP("Errors", "{0} can be redeemed {1}× per {2}; this customer has reached the limit."),
    QT_TRANSLATE_NOOP("Errors", "Paying with points is not enabled in this program."),
    QT_TRANSLATE_NOOP("Errors", "Say how many points to spend."),
    QT_TRANSLATE_NOOP("Errors", "Paying with points needs the bill amount."),
    QT_TRANSLATE_NOOP("Errors", "The bill is smaller than the value of one point."),
    QT_TRANSLATE_NOOP("Errors", "The customer has {0} {1}; {2} are needed."),
    QT_TRANSLATE_NOOP("Errors", "The stamp card is not full yet: {0} of {1} stamps."),
    QT_TRANSLATE_NOOP("Errors", "{0} costs {1} {2}; the customer has {3}."),
    QT_TRANSLATE_NOOP(
        "Errors",
        "Offline, a member may spend at most {0} {1} a day at this till ({2} already today). "
        "Try again when the till is back online.",
    ),
    QT_TRANSLATE_NOOP("Errors", "Amounts cannot be negative."),
    # corrections and staff
    QT_TRANSLATE_NOOP("Errors", "There is nothing to undo."),
    QT_TRANSLATE_NOOP("Errors", "This entry has already been reversed."),
    QT_TRANSLATE_NOOP("Errors", "An adjustment needs a reason."),
    QT_TRANSLATE_NOOP("Errors", "The adjustment changes nothing."),
    QT_TRANSLATE_NOOP("Errors", "That adjustment is too large; check the number."),
    QT_TRANSLATE_NOOP("Errors", "The balance would go below zero ({0} points, {1} stamps now)."),
    QT_TRANSLATE_NOOP("Errors", "Adjusting a balance needs a manager."),
    QT_TRANSLATE_NOOP("Errors", "Wrong PIN."),
    QT_TRANSLATE_NOOP("Errors", "Too many wrong PINs in a row: try again in {0} seconds."),
    QT_TRANSLATE_NOOP("Errors", "Adjusting more than {0} points at once needs the owner's PIN."),
    QT_TRANSLATE_NOOP("Errors", "A manager PIN is needed for this."),
    QT_TRANSLATE_NOOP("Errors", "That is not a manager PIN."),
    QT_TRANSLATE_NOOP("Errors", "A PIN is 4 to 8 digits."),
    # feedback
    QT_TRANSLATE_NOOP("Errors", "A rating is a whole number from 1 to 5."),
    QT_TRANSLATE_NOOP("Errors", "This visit has already been rated."),
    # the back office's customers: search, the manager's changes, merges
    QT_TRANSLATE_NOOP("Errors", "Type at least 4 digits of the phone number, the whole card number, or a name."),
    QT_TRANSLATE_NOOP("Errors", "That search is too long."),
    QT_TRANSLATE_NOOP("Errors", "Say why."),
    QT_TRANSLATE_NOOP("Errors", "Say why the entry is reversed."),
    QT_TRANSLATE_NOOP("Errors", "Reversing an entry needs a manager."),
    QT_TRANSLATE_NOOP("Errors", "A reversal cannot itself be reversed; record a new entry instead."),
    QT_TRANSLATE_NOOP("Errors", "Only a manager can block or unblock a customer."),
    QT_TRANSLATE_NOOP("Errors", "Choose two different members: a member cannot be merged into itself."),
    QT_TRANSLATE_NOOP("Errors", "{0} was merged into another member; keep that member instead."),
    QT_TRANSLATE_NOOP("Errors", "{0} is already merged into another member."),
    QT_TRANSLATE_NOOP("Errors", "Merging members needs a manager."),
    QT_TRANSLATE_NOOP("Errors", "Undoing a merge needs a manager."),
    QT_TRANSLATE_NOOP("Errors", "This member is not merged into another one."),
    QT_TRANSLATE_NOOP("Errors", "The reason is too long (at most {0} characters)."),
    QT_TRANSLATE_NOOP("Errors", "Gender is female, male or other (or not given)."),
    QT_TRANSLATE_NOOP("Errors", "The area is too long (at most {0} characters)."),
    QT_TRANSLATE_NOOP("Errors", "This member was merged into another one; edit that member instead."),
    QT_TRANSLATE_NOOP("Errors", "This member was merged into another one; print the card of that member."),
    QT_TRANSLATE_NOOP("Errors", "Nothing was changed."),
    QT_TRANSLATE_NOOP("Errors", "Editing a member's profile needs a manager."),
    QT_TRANSLATE_NOOP("Errors", "Printing a new card needs a manager."),
    QT_TRANSLATE_NOOP("Errors", "Card {0} was replaced by a new card on {1}; it no longer works. Use the new card."),
    QT_TRANSLATE_NOOP("Errors", "Type the birthday as day/month, e.g. 24/11 (the year may follow: 24/11/1990)."),
    # vouchers and complaint tickets
    QT_TRANSLATE_NOOP("Errors", "This voucher code is not valid for this shop (it may be forged or damaged)."),
    QT_TRANSLATE_NOOP("Errors", "This is not a voucher code."),
    QT_TRANSLATE_NOOP("Errors", "Voucher {0} is not known at this till yet. Scan its QR code: that works offline."),
    QT_TRANSLATE_NOOP("Errors", "Voucher {0} expired on {1}."),
    QT_TRANSLATE_NOOP("Errors", "Voucher {0} was already used on {1} at {2}."),
    QT_TRANSLATE_NOOP("Errors", "Voucher {0} was cancelled: the reward it came from was taken back."),
    QT_TRANSLATE_NOOP(
        "Errors", "Voucher {0} from this reward was already used, so its points cannot be given back."
    ),
    QT_TRANSLATE_NOOP("Errors", "The phone number is empty."),
    # flags on a sale (notices for the manager; the sale went through)
    QT_TRANSLATE_NOOP("Errors", "{0} earned on {1}, whose phone is {0}'s own."),
    QT_TRANSLATE_NOOP("Errors", "{0} earned more than {1} times today."),
    QT_TRANSLATE_NOOP("Errors", "Scan the customer's card first: a voucher is booked to a member's account."),
    QT_TRANSLATE_NOOP("Errors", "This voucher code does not match the voucher on record (altered?)."),
    QT_TRANSLATE_NOOP("Errors", "A compensation voucher needs a manager's approval."),
    QT_TRANSLATE_NOOP(
        "Errors", "The compensation budget has {0} left this month ({1} of {2} used); the owner can raise it."
    ),
    QT_TRANSLATE_NOOP("Errors", "Say how the complaint was resolved (a short note)."),
    QT_TRANSLATE_NOOP("Errors", "This ticket is already resolved."),
    QT_TRANSLATE_NOOP("Errors", "There is no such ticket."),
    QT_TRANSLATE_NOOP("Errors", "Only the owner sets the compensation budget."),
    QT_TRANSLATE_NOOP("Errors", "Only a manager can close a flag."),
    # setting up a shop, staff, the program (issue 9)
    QT_TRANSLATE_NOOP("Errors", "The shop needs a name."),
    QT_TRANSLATE_NOOP("Errors", "The owner needs a name."),
    QT_TRANSLATE_NOOP("Errors", "The two PINs differ."),
    QT_TRANSLATE_NOOP("Errors", "{0} is not a time zone; use a name like Asia/Ho_Chi_Minh or America/New_York."),
    QT_TRANSLATE_NOOP("Errors", "{0} is not a country code; use two letters like VN or US."),
    QT_TRANSLATE_NOOP("Errors", "This till is already set up; change it in the back office."),
    QT_TRANSLATE_NOOP("Errors", "Only a manager can manage the staff."),
    QT_TRANSLATE_NOOP("Errors", "Only an owner can make someone an owner or change an owner."),
    QT_TRANSLATE_NOOP("Errors", "You cannot disable yourself; ask another manager."),
    QT_TRANSLATE_NOOP("Errors", "The shop's only owner cannot be disabled; make someone else owner first."),
    QT_TRANSLATE_NOOP("Errors", "The shop's only owner cannot be demoted; make someone else owner first."),
    QT_TRANSLATE_NOOP("Errors", "That PIN is already used by someone else; choose another."),
    QT_TRANSLATE_NOOP("Errors", "A staff member needs a name."),
    QT_TRANSLATE_NOOP("Errors", "Only a manager can change the program."),
    QT_TRANSLATE_NOOP("Errors", "Only an owner can publish the program."),
    QT_TRANSLATE_NOOP("Errors", "Only a manager can change the shop's settings."),
    QT_TRANSLATE_NOOP("Errors", "That is not the owner's PIN."),
    QT_TRANSLATE_NOOP("Errors", "Program is not valid: {0}."),
    # sync that could not start at all (app/services/late_sync.py); the detail is the technical cause
    QT_TRANSLATE_NOOP("Errors", "Sync could not start ({0}); the till works offline."),
    # the POS bridge's readers (pos_bridge/readers): why an export or one of its rows cannot be read
    QT_TRANSLATE_NOOP("Errors", "No POS reader recognises this file (installed: {0})."),
    QT_TRANSLATE_NOOP("Errors", "No store was given for this export."),
    QT_TRANSLATE_NOOP("Errors", "The store's time zone {0} is not a known time zone."),
    QT_TRANSLATE_NOOP("Errors", "The store's currency {0} is not supported."),
    QT_TRANSLATE_NOOP("Errors", "The file is empty."),
    QT_TRANSLATE_NOOP("Errors", "The file has no rows."),
    QT_TRANSLATE_NOOP("Errors", "The file says it is {0} but is damaged or cut short there."),
    QT_TRANSLATE_NOOP("Errors", "The file looks like UTF-16 but is damaged or cut short there."),
    QT_TRANSLATE_NOOP("Errors", "The file is UTF-8 with damaged bytes (a broken copy or a cut-off download)."),
    QT_TRANSLATE_NOOP("Errors", "The file is not text in UTF-8, UTF-16 or {0}."),
    QT_TRANSLATE_NOOP("Errors", "The file contains binary data, not text (is it the right file?)."),
    QT_TRANSLATE_NOOP("Errors", "This is an old Excel .xls file; export again as .xlsx or CSV."),
    QT_TRANSLATE_NOOP("Errors", "The file is {0} MB; that is not a POS export."),
    QT_TRANSLATE_NOOP("Errors", "The file cannot be opened ({0})."),
    QT_TRANSLATE_NOOP("Errors", "The file's quoting or layout is broken ({0})."),
    QT_TRANSLATE_NOOP("Errors", "The spreadsheet is damaged or not an .xlsx file ({0})."),
    QT_TRANSLATE_NOOP("Errors", "The spreadsheet is damaged ({0})."),
    QT_TRANSLATE_NOOP("Errors", "The spreadsheet has no worksheet."),
    QT_TRANSLATE_NOOP(
        "Errors", "The file has no {0} column: it is not this POS's export, or its header row is damaged."
    ),
    QT_TRANSLATE_NOOP(
        "Errors", "The file has no {0} columns: it is not this POS's export, or its header row is damaged."
    ),
    QT_TRANSLATE_NOOP(
        "Errors", "The file no longer matches the column profile {0}: {1} missing. Map the new export again."
    ),
    QT_TRANSLATE_NOOP(
        "Errors", "Square item details cannot be read without the transactions file of the same export."
    ),
    QT_TRANSLATE_NOOP(
        "Errors", "Toast item or check details cannot be read without OrderDetails.csv of the same day."
    ),
    QT_TRANSLATE_NOOP("Errors", "The JSON is broken: {0}."),
    QT_TRANSLATE_NOOP("Errors", "The JSON cannot be read ({0})."),
    QT_TRANSLATE_NOOP("Errors", "{0} is not a kind; write sale, refund or void."),
    QT_TRANSLATE_NOOP("Errors", "{0} is missing."),
    QT_TRANSLATE_NOOP("Errors", "The line {0} has neither a price nor an amount."),
    QT_TRANSLATE_NOOP("Errors", "The line {0} has an amount but a quantity of 0."),
    QT_TRANSLATE_NOOP("Errors", "The value is empty, but every row needs it."),
    QT_TRANSLATE_NOOP("Errors", "The value is empty, but an amount is needed."),
    QT_TRANSLATE_NOOP("Errors", "The value is empty, but a quantity is needed."),
    QT_TRANSLATE_NOOP("Errors", "The value is empty, but the time of the sale is needed."),
    QT_TRANSLATE_NOOP("Errors", "{0} is not a quantity."),
    QT_TRANSLATE_NOOP("Errors", "{0} is not a plausible quantity."),
    QT_TRANSLATE_NOOP("Errors", "{0} is not a date and time."),
    QT_TRANSLATE_NOOP("Errors", "{0} {1} is not a date and time."),
    QT_TRANSLATE_NOOP("Errors", "{0} is not a date and time this export uses."),
    QT_TRANSLATE_NOOP("Errors", "{0} is not a time of day."),
    QT_TRANSLATE_NOOP("Errors", "{0} has an impossible hour."),
    QT_TRANSLATE_NOOP("Errors", "{0} is not a real date and time."),
    QT_TRANSLATE_NOOP("Errors", "{0} has an impossible UTC offset."),
    QT_TRANSLATE_NOOP("Errors", "{0} is out of range."),
    QT_TRANSLATE_NOOP("Errors", "The row is damaged: {0}."),
    QT_TRANSLATE_NOOP("Errors", "This row cannot be placed in a receipt: {0}."),
    QT_TRANSLATE_NOOP("Errors", "This item row cannot be placed in a receipt: {0}."),
    QT_TRANSLATE_NOOP("Errors", "This item row cannot be placed in an order: {0}."),
    QT_TRANSLATE_NOOP("Errors", "{0} appears twice for the same event."),
    QT_TRANSLATE_NOOP("Errors", "Order {0} appears twice."),
    # issue 10's audit: the readers' sentences that were still built with f-strings
    QT_TRANSLATE_NOOP("Errors", "Item row for transaction {0} has no matching row in the transactions file."),
    QT_TRANSLATE_NOOP("Errors", "its Transaction ID is empty"),
    QT_TRANSLATE_NOOP("Errors", "Item row for order {0}, which is not in OrderDetails.csv."),
    QT_TRANSLATE_NOOP("Errors", "its Order Id is empty"),
    QT_TRANSLATE_NOOP("Errors", "the receipt number is empty"),
    QT_TRANSLATE_NOOP("Errors", "Receipt {0} has items but is not in the receipts export."),
    QT_TRANSLATE_NOOP("Errors", "The value differs from line {0} of the same invoice {1}."),
    QT_TRANSLATE_NOOP("Errors", "The value differs from line {0} of the same receipt {1}."),
    QT_TRANSLATE_NOOP("Errors", "The value ({0}) is not the sum of the item lines ({1})."),
    QT_TRANSLATE_NOOP("Errors", "The value ({0}) is not the goods total less discounts plus other charges ({1})."),
    QT_TRANSLATE_NOOP("Errors", "The value {0} is not the store's currency {1}."),
    QT_TRANSLATE_NOOP("Errors", "{0} is not the store's currency {1}."),
    QT_TRANSLATE_NOOP("Errors", "The lines add up to {0}, but the subtotal is {1}."),
    QT_TRANSLATE_NOOP("Errors", "The total {0} is not subtotal - discount + tax + tip ({1})."),
    QT_TRANSLATE_NOOP("Errors", "{0} must be a single value, not a list or an object."),
    QT_TRANSLATE_NOOP("Errors", "No POS reader is called {0} (installed: {1})."),
    QT_TRANSLATE_NOOP("Errors", "the row has {0} or more values but the header has {1} columns"),
    QT_TRANSLATE_NOOP("Errors", "the row has {0} values but the header has {1} columns (cut short?)"),
    QT_TRANSLATE_NOOP("Errors", "the file ends without a line break, so this row may be cut short"),
    QT_TRANSLATE_NOOP("Errors", "The reader failed unexpectedly ({0})."),
    QT_TRANSLATE_NOOP("Errors", "A profile name is letters, digits, - and _ (not {0})."),
    QT_TRANSLATE_NOOP("Errors", "Not receipt fields: {0}."),
    QT_TRANSLATE_NOOP("Errors", "Map a column to {0}."),
    QT_TRANSLATE_NOOP("Errors", "The date order is dmy or mdy; the decimal mark is ',', '.' or none."),
    QT_TRANSLATE_NOOP("Errors", 'The JSON must be a list of receipts or {"receipts": [...]}.'),
    QT_TRANSLATE_NOOP("Errors", "This entry is not a receipt object."),
    QT_TRANSLATE_NOOP("Errors", "receipt_id is missing."),
    QT_TRANSLATE_NOOP("Errors", "lines must be a list."),
    QT_TRANSLATE_NOOP("Errors", "This line is not an object."),
    QT_TRANSLATE_NOOP("Errors", "The line has no name."),
    # the till's amount field (slips of the finger) and the POS receipts
    QT_TRANSLATE_NOOP("Errors", "Type the amount the customer paid."),
    QT_TRANSLATE_NOOP("Errors", "A bill cannot be negative. To take back a sale, use Undo (Ctrl+Z)."),
    QT_TRANSLATE_NOOP("Errors", "{0} is not an amount: type the bill in whole {1}, for example {2}."),
    QT_TRANSLATE_NOOP("Errors", "Points and stamps are adjusted in whole numbers."),
    QT_TRANSLATE_NOOP("Errors", "Receipt {0} can no longer be claimed (only within {1} days)."),
    QT_TRANSLATE_NOOP("Errors", "No receipt {0} from the POS is known here."),
    QT_TRANSLATE_NOOP("Errors", "The whole bill was refunded."),
    QT_TRANSLATE_NOOP("Errors", "Give the receipt number."),
    # issue 11: sentences that were built with f-strings, and raised ones never listed
    QT_TRANSLATE_NOOP("Errors", "No amount was given."),
    QT_TRANSLATE_NOOP("Errors", "{0} is too large to be a bill."),
    QT_TRANSLATE_NOOP("Errors", "{0} is an amount in {1}, but the store counts {2}."),
    QT_TRANSLATE_NOOP("Errors", "{0} is not an amount (its digit groups are wrong)."),
    QT_TRANSLATE_NOOP("Errors", "The bill amount must be a whole number of minor units."),
    QT_TRANSLATE_NOOP("Errors", "Unknown currency {0}."),
    QT_TRANSLATE_NOOP("Errors", "Cannot mix {0} and {1}."),
    QT_TRANSLATE_NOOP("Errors", "Entry {0}: {1} {2} is beyond what any sale can produce (at most {3})."),
    QT_TRANSLATE_NOOP("Errors", "Entry {0} would take member {2}'s {1} to {3}, beyond {4}."),
    QT_TRANSLATE_NOOP("Errors", "Terminal {0}: expected entry #{2}, found #{1}."),
    QT_TRANSLATE_NOOP(
        "Errors", "Terminal {0}: entry #{1} does not link to the one before (it was altered or one is missing)."
    ),
    QT_TRANSLATE_NOOP("Errors", "A custom range needs a first and a last day."),
    QT_TRANSLATE_NOOP("Errors", "The last day of the range is before the first."),
    QT_TRANSLATE_NOOP("Errors", "A range can cover at most three years."),
    QT_TRANSLATE_NOOP("Errors", "Unknown range {0}."),
    QT_TRANSLATE_NOOP("Errors", "Program is not valid JSON: {0}."),
    QT_TRANSLATE_NOOP("Errors", "Program has unknown settings: {0}."),
    QT_TRANSLATE_NOOP("Errors", "Unknown program template {0}; choose one of {1}."),
    QT_TRANSLATE_NOOP("Errors", "Unknown program template {0}."),
    QT_TRANSLATE_NOOP("Errors", "A reward needs a name."),
    QT_TRANSLATE_NOOP("Errors", "The reward {0} needs a cost in points or a full stamp card."),
    QT_TRANSLATE_NOOP("Errors", "The reward {0}: a percent discount is between 1 and 100."),
    QT_TRANSLATE_NOOP("Errors", "The reward {0} ends before it starts."),
    QT_TRANSLATE_NOOP("Errors", "There is no such ledger entry."),
    QT_TRANSLATE_NOOP("Errors", "Only a sale can be partly refunded."),
    QT_TRANSLATE_NOOP("Errors", "The refunded amount must be a whole number of minor units."),
    QT_TRANSLATE_NOOP("Errors", "The refunded amount must be more than zero."),
    QT_TRANSLATE_NOOP("Errors", "The comment is too long (at most {0} characters)."),
    QT_TRANSLATE_NOOP("Errors", "There is no such flag."),
    QT_TRANSLATE_NOOP("Errors", "There is no draft {0}."),
    QT_TRANSLATE_NOOP("Errors", "The bill and the points to spend must be whole numbers."),
    QT_TRANSLATE_NOOP("Errors", "Lapsed means no visit for 7 to 1000 days."),
    QT_TRANSLATE_NOOP("Errors", "Unknown campaign {0}; choose one of {1}."),
    QT_TRANSLATE_NOOP(
        "Errors",
        "This shop has sales already: amounts recorded before stay in {0} and times of past sales "
        "stay where they were. Confirm to change anyway.",
    ),
    QT_TRANSLATE_NOOP("Errors", "Unknown currency {0}; choose one of {1}."),
    QT_TRANSLATE_NOOP("Errors", "Language must be one of {0}."),
    QT_TRANSLATE_NOOP("Errors", "Role must be one of {0}."),
    QT_TRANSLATE_NOOP("Errors", "Only a manager can add staff."),
    QT_TRANSLATE_NOOP(
        "Errors", "The first staff member must be the owner or a manager (who can then add cashiers)."
    ),
    QT_TRANSLATE_NOOP("Errors", "No such staff member."),
    QT_TRANSLATE_NOOP("Errors", "There is no such staff member."),
    QT_TRANSLATE_NOOP("Errors", "A ticket is resolved with a resolution (use resolve)."),
    QT_TRANSLATE_NOOP("Errors", "Unknown priority {0}."),
    QT_TRANSLATE_NOOP("Errors", "Only a manager can change who answers complaints."),
    QT_TRANSLATE_NOOP("Errors", "The budget must be a whole amount, not negative."),
    QT_TRANSLATE_NOOP("Errors", "The note is too long (at most {0} characters)."),
    QT_TRANSLATE_NOOP("Errors", "The voucher's value must be a whole amount."),
    QT_TRANSLATE_NOOP("Errors", "There is no such voucher."),
    QT_TRANSLATE_NOOP("Errors", "The bill must be a whole amount, not negative."),
    QT_TRANSLATE_NOOP("Errors", "A voucher's value must be a positive whole amount."),
    QT_TRANSLATE_NOOP("Errors", "A voucher is valid for 1 day to 10 years."),
    # the back office's program editor (the table cells a manager types)
    QT_TRANSLATE_NOOP("Errors", "“{0}” is not a multiplier ({1}); write 1.5 or 2."),
    QT_TRANSLATE_NOOP("Errors", "“{0}”: “{1}” is not a day; write it as 24/12/2026."),
    QT_TRANSLATE_NOOP("Errors", "“{0}” is not a whole number ({1})."),
    QT_TRANSLATE_NOOP("Errors", "“{0}”: times are HH:MM."),
    QT_TRANSLATE_NOOP("Errors", "“{0}” is not a day of the week (Mon … Sun, T2 … CN)."),
    QT_TRANSLATE_NOOP("Errors", "“{0}” is not a day or a range of days."),
    QT_TRANSLATE_NOOP("Errors", "“{0}”: the kind is one of {1}; the period one of {2}."),
    QT_TRANSLATE_NOOP("Errors", "A sample line is “sku, category, quantity, price”; lines are separated by “;”."),
    # a draft program's problems (app/core/program_checks.py), each translated on its own
    QT_TRANSLATE_NOOP("Errors", "Check the draft: {0}"),
    QT_TRANSLATE_NOOP("Errors", "The points per step cannot be negative."),
    QT_TRANSLATE_NOOP("Errors", "Welcome points cannot be negative."),
    QT_TRANSLATE_NOOP("Errors", "Birthday points cannot be negative."),
    QT_TRANSLATE_NOOP("Errors", "Referral referrer points cannot be negative."),
    QT_TRANSLATE_NOOP("Errors", "Referral new points cannot be negative."),
    QT_TRANSLATE_NOOP("Errors", "Min minutes between earns cannot be negative."),
    QT_TRANSLATE_NOOP("Errors", "Daily earn cap points cannot be negative."),
    QT_TRANSLATE_NOOP("Errors", "Earns per day flag cannot be negative."),
    QT_TRANSLATE_NOOP("Errors", "Offline daily redeem cap cannot be negative."),
    QT_TRANSLATE_NOOP("Errors", "Point value cannot be negative."),
    QT_TRANSLATE_NOOP("Errors", "Expiry months cannot be negative."),
    QT_TRANSLATE_NOOP("Errors", "Downgrade grace days cannot be negative."),
    QT_TRANSLATE_NOOP("Errors", "Tiers count the points of 1 to 36 months."),
    QT_TRANSLATE_NOOP("Errors", "The yearly tier review is on a day 1–28 of a month 1–12."),
    QT_TRANSLATE_NOOP("Errors", "A stamp card has at most 50 slots."),
    QT_TRANSLATE_NOOP("Errors", "The birthday bonus is for the birthday week or month."),
    QT_TRANSLATE_NOOP("Errors", "“{0}” multiplies points by {1}: more than ×{2} is a typo."),
    QT_TRANSLATE_NOOP("Errors", "“{0}” applies on no day of the week."),
    QT_TRANSLATE_NOOP("Errors", "“{0}” starts and ends at the same time."),
    QT_TRANSLATE_NOOP("Errors", "Tier {0} multiplies points by {1}: more than ×{2} is a typo."),
    QT_TRANSLATE_NOOP("Errors", "The bonus on {0} must multiply by more than 0 and at most ×{1}."),
    QT_TRANSLATE_NOOP(
        "Errors",
        "Points spent as money would give back {0} of every bill; lower the points per step or the value of a point.",
    ),
    QT_TRANSLATE_NOOP("Errors", "Two rewards are called “{0}”."),
    QT_TRANSLATE_NOOP("Errors", "“{0}” is for tier {1}, which the program no longer has."),
    QT_TRANSLATE_NOOP("Errors", "“{0}” pays with points, but a point has no money value in the program."),
    QT_TRANSLATE_NOOP("Errors", "“{0}” gives a discount of nothing."),
    QT_TRANSLATE_NOOP("Errors", "“{0}” has a negative cap or limit."),
    # a program that cannot work (app/core/program.py), joined with "; " after "Program is not valid:"
    QT_TRANSLATE_NOOP("Errors", "the amount step must be positive and points per step not negative"),
    QT_TRANSLATE_NOOP("Errors", "the earns-per-day flag must not be negative"),
    QT_TRANSLATE_NOOP("Errors", "the adjustment limit must not be negative"),
    QT_TRANSLATE_NOOP("Errors", "the stamp card needs at least one slot and fewer starter stamps than slots"),
    QT_TRANSLATE_NOOP("Errors", "the first tier must start at 0"),
    QT_TRANSLATE_NOOP("Errors", "tier thresholds must rise"),
    QT_TRANSLATE_NOOP("Errors", "multipliers must be positive"),
    QT_TRANSLATE_NOOP("Errors", "tier names must differ"),
    # flags, read back from their stored sentence (app/services/flag_texts.py)
    QT_TRANSLATE_NOOP("Errors", "{0} wrong PINs in a row at this till: someone may be guessing staff PINs."),
    QT_TRANSLATE_NOOP(
        "Errors",
        "{0} is at {1} points after a sale at till {2}: the same points were probably spent twice offline.",
    ),
    QT_TRANSLATE_NOOP(
        "Errors",
        "{0} is at {1} stamps after a sale at till {2}: the same stamps were probably spent twice offline.",
    ),
    QT_TRANSLATE_NOOP("Errors", "{0} and {1} have the same phone number {2}: probably one person with two cards."),
    QT_TRANSLATE_NOOP("Errors", "{0} and {1} have the same card number {2}: probably one person with two cards."),
    QT_TRANSLATE_NOOP("Errors", "{0} and {1} have the same referral code {2}: probably one person with two cards."),
    QT_TRANSLATE_NOOP("Errors", "Receipt {0} earned points more than once; reverse the extra earn."),
    QT_TRANSLATE_NOOP("Errors", "Voucher {0} was used {1} times, probably at two tills while offline."),
    QT_TRANSLATE_NOOP("Errors", "Voucher {0} was used more than once, probably at two tills while offline."),
    QT_TRANSLATE_NOOP(
        "Errors",
        "Till {0} sent its entries with some missing or out of order; the server refused them.",
    ),
    QT_TRANSLATE_NOOP("Errors", "Till {0} sent an entry that differs from the one the server holds; it was refused."),
    QT_TRANSLATE_NOOP("Errors", "Till {0} tried to send entries as another till ({1}); they were refused."),
    QT_TRANSLATE_NOOP("Errors", "Till {0} is quarantined: its entries are held for review and not counted."),
    QT_TRANSLATE_NOOP(
        "Errors",
        "Till {0} adjusted {1} by {2} points and {3} stamps: check it, and reverse it if it was not meant.",
    ),
    QT_TRANSLATE_NOOP("Errors", "Till {0} of another store changed {1}'s profile; it was not applied."),
    QT_TRANSLATE_NOOP(
        "Errors", "Till {0} sent an entry beyond what its program can produce; the server holds it, not counted."
    ),
    QT_TRANSLATE_NOOP(
        "Errors", "Till {0} reversed an entry the server holds; the reversal waits with it, not counted."
    ),
    QT_TRANSLATE_NOOP("Errors", "Till {0} sent a batch the server's database could not store; it was refused."),
)

# Words that appear inside templates: membership states and limit periods.
WORDS: tuple[str, ...] = (
    QT_TRANSLATE_NOOP("Errors", "blocked"),
    QT_TRANSLATE_NOOP("Errors", "merged"),
    QT_TRANSLATE_NOOP("Errors", "day"),
    QT_TRANSLATE_NOOP("Errors", "week"),
    QT_TRANSLATE_NOOP("Errors", "month"),
    QT_TRANSLATE_NOOP("Errors", "year"),
    # what a program-editor cell is, in "… is not a whole number (tier threshold)."
    QT_TRANSLATE_NOOP("Errors", "tier threshold"),
    QT_TRANSLATE_NOOP("Errors", "tier"),
    QT_TRANSLATE_NOOP("Errors", "category"),
)


# What a flag on a member is, for the till's card: the stored sentence is English, written
# once at the flag's creation; its kind is the part a cashier's language can name.
FLAG_KINDS: dict[str, str] = {
    "daily_cap": QT_TRANSLATE_NOOP("Errors", "the daily earn cap was reached"),
    "self_earn": QT_TRANSLATE_NOOP("Errors", "a staff member earned on her own phone number"),
    "negative_balance": QT_TRANSLATE_NOOP("Errors", "points were spent twice at offline tills"),
    "duplicate_member": QT_TRANSLATE_NOOP("Errors", "this person may have two cards"),
    "earns_per_day": QT_TRANSLATE_NOOP("Errors", "this member earned more times today than the program expects"),
    "pin_failures": QT_TRANSLATE_NOOP("Errors", "many wrong PINs in a row: someone may be guessing staff PINs"),
}


def flag_text(kind: str, message: str) -> str:
    """A flag in the UI's language: its kind when we can name it, else its sentence."""
    if kind in FLAG_KINDS:
        return QCoreApplication.translate(CONTEXT, FLAG_KINDS[kind])
    return translate_message(message)


def template_text(template: str, details: dict[str, Any]) -> str:
    """``template`` in the current language with ``details`` filled in the UI's way."""
    values = [_value(v) for v in details.values()]
    text = QCoreApplication.translate(CONTEXT, template)
    try:  # "{0}" takes the first detail, "{name}" the named one, both written the UI's way
        return text.format(*values, **dict(zip(details, values, strict=True)))
    except (IndexError, KeyError, ValueError):  # a translation that lost a placeholder: English
        return template.format(*values, **details) if details else template


def error_text(error: LoyaltyError) -> str:
    return template_text(error.template, error.details)


def translate_message(message: str) -> str:
    """A sentence that arrives as text (a flag, a note): its template when it kept one, else itself."""
    if isinstance(message, Notice):
        return template_text(message.template, message.details)
    return QCoreApplication.translate(CONTEXT, message)


translate_flag = translate_message


def _value(value: object) -> str:
    if isinstance(value, Sentences):  # a draft's problems: each one in the UI's language
        return value.sep.join(translate_message(v) for v in value)
    if isinstance(value, Notice):  # a sentence inside a sentence (a POS row's why): translated too
        return translate_message(value)
    if isinstance(value, Money):
        return money_text(value.minor, value.currency)
    if isinstance(value, int) and not isinstance(value, bool):
        return number_text(value)
    text = str(value)
    return QCoreApplication.translate(CONTEXT, text) if text in WORDS else text
