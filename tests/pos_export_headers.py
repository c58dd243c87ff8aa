"""The column lists of the real POS exports, in one place for the golden fixtures and the golden tests.

``tests/pos_bridge/fixtures/make_fixtures.py`` (the committed fixture files) and
``tests/pos_apply/realexports.py`` (the exports the golden and cron tests write) both take their
headers from here, so a correction to a real format is made once (issue 10's audit). Where each
list was established:

* **Square** — the transactions and item details CSVs of the Seller Dashboard, as the verbatim
  headers quoted by public projects that parse real exports (a Square-to-ERP integration's
  ``CsvExamples`` test data; public export-to-spreadsheet scripts; a public CSV schema that types
  ``Date`` as ``%Y-%m-%d``, ``Time`` as ``%H:%M:%S`` and the money columns as dollars). Later
  exports added ``Free Processing Applied``, ``Channel`` and ``Unattributed Tips`` at the end.
* **Toast** — the nightly data export: Toast's "Data export field reference" (doc.toasttab.com:
  OrderDetails.csv, CheckDetails.csv, ItemSelectionDetails.csv, PaymentDetails.csv with Refunded,
  Refund Date, Refund Amount, Refund Tip Amount, Void User, Void Approver, Void Date, Status; and
  the files that hold no receipts: AllItemsReport.csv, CashEntries.csv, KitchenTimings.csv,
  ModifiersSelectionDetails.csv, TimeEntries.csv).
* **Loyverse** — the back office's "Receipts" and "Receipts by item" CSVs, the headers found in
  public projects importing real Loyverse exports; and its "Sales by item" report, which holds no
  receipts.
"""

from __future__ import annotations

# ---------------------------------------------------------------- Square

SQUARE_TRANSACTIONS = [
    "Date", "Time", "Time Zone", "Gross Sales", "Discounts", "Service Charges", "Net Sales",
    "Gift Card Sales", "Tax", "Tip", "Partial Refunds", "Total Collected", "Source", "Card",
    "Card Entry Methods", "Cash", "Square Gift Card", "Other Tender", "Other Tender Type",
    "Other Tender Note", "Fees", "Net Total", "Transaction ID", "Payment ID", "Card Brand",
    "PAN Suffix", "Device Name", "Staff Name", "Staff ID", "Details", "Description", "Event Type",
    "Location", "Dining Option", "Customer ID", "Customer Name", "Customer Reference ID",
    "Device Nickname", "Third Party Fees", "Deposit ID", "Deposit Date", "Deposit Details",
    "Fee Percentage Rate", "Fee Fixed Rate", "Refund Reason", "Discount Name", "Transaction Status",
    "Cash App", "Order Reference ID", "Fulfillment Note", "Free Processing Applied", "Channel",
    "Unattributed Tips",
]  # fmt: skip
SQUARE_ITEMS = [
    "Date", "Time", "Time Zone", "Category", "Item", "Qty", "Price Point Name", "SKU",
    "Modifiers Applied", "Gross Sales", "Discounts", "Net Sales", "Tax", "Transaction ID",
    "Payment ID", "Device Name", "Notes", "Details", "Event Type", "Location", "Dining Option",
    "Customer ID", "Customer Name", "Customer Reference ID", "Unit", "Count", "Itemization Type",
    "Fulfillment Note", "Channel", "Token", "Card Brand", "PAN Suffix",
]  # fmt: skip

# ---------------------------------------------------------------- Toast

TOAST_ORDERS = [
    "Location", "Order Id", "Order #", "Checks", "Opened", "# of Guests", "Tab Names", "Server",
    "Table", "Revenue Center", "Dining Area", "Service", "Dining Options", "Discount Amount",
    "Amount", "Tax", "Tip", "Gratuity", "Total", "Voided", "Paid", "Closed",
    "Duration (Opened to Paid)", "Order Source",
]  # fmt: skip
TOAST_CHECKS = [
    "Customer Id", "Customer", "Customer Phone", "Customer Email", "Location Code", "Opened Date",
    "Opened Time", "Item Description", "Server", "Tax", "Tender", "Check Id", "Check #", "Total",
    "Customer Family", "Table Size", "Discount", "Reason of Discount", "Link",
]  # fmt: skip
TOAST_ITEMS = [
    "Location", "Order Id", "Order #", "Sent Date", "Order Date", "Check Id", "Server", "Table",
    "Dining Area", "Service", "Dining Option", "Item Selection Id", "Item Id", "Master Id", "SKU",
    "PLU", "Menu Item", "Menu Subgroup(s)", "Menu Group", "Menu", "Sales Category", "Gross Price",
    "Discount", "Net Price", "Qty", "Tax", "Void?", "Deferred", "Tax Exempt",
    "Tax Inclusion Option", "Dining Option Tax", "Tab Name",
]  # fmt: skip
# PaymentDetails.csv, field by field as the data export field reference lists it.
TOAST_PAYMENTS = [
    "Location", "Payment Id", "Order Id", "Order #", "Paid Date", "Order Date", "Check Id", "Check #",
    "Tab Name", "Server", "Table", "Dining Area", "Service", "Dining Option", "House Acct #", "Amount",
    "Tip", "Gratuity", "Total", "Swiped Card Amount", "Keyed Card Amount", "Amount Tendered", "Refunded",
    "Refund Date", "Refund Amount", "Refund Tip Amount", "Void User", "Void Approver", "Void Date", "Status",
    "Type", "Cash Drawer", "Card Type", "Other Type", "Email", "Phone", "Last 4 Card Digits", "V/MC/D Fees",
    "Room Info", "Receipt", "Source",
]  # fmt: skip
# The rest of the nightly drop (same reference): never receipts, archived quietly.
TOAST_NOT_RECEIPTS = {
    "AllItemsReport.csv": "Master ID,Item ID,Parent ID,Menu Name,Menu Group,Subgroup,Menu Item,Avg Price\r\n",
    "CashEntries.csv": "Location,Entry Id,Created Date,Action,Amount,Cash Drawer,Payout Reason,No Sale Reason\r\n",
    "KitchenTimings.csv": "Location,ID,Server,Check #,Table,Station,Expediter Level,Fired Date,Fulfilled Date\r\n",
    "ModifiersSelectionDetails.csv": "Location,Order Id,Order #,Sent Date,Order Date,Check Id,Server,Modifier\r\n",
    "TimeEntries.csv": "Location,Id,GUID,Employee Id,Employee GUID,Employee External Id,Employee,Job Id\r\n",
}

# ---------------------------------------------------------------- Loyverse

LOYVERSE_RECEIPTS = [
    "Date", "Receipt number", "Receipt type", "Gross sales", "Discounts", "Net sales", "Taxes",
    "Total collected", "Cost of goods", "Gross profit", "Payment type", "Description",
    "Dining option", "POS", "Store", "Cashier name", "Customer name", "Customer contacts", "Status",
]  # fmt: skip
LOYVERSE_ITEMS = [
    "Date", "Receipt number", "Receipt type", "Category", "SKU", "Item", "Variant",
    "Modifiers applied", "Quantity", "Gross sales", "Discounts", "Net sales", "Cost of goods",
    "Gross profit", "Taxes", "POS", "Store", "Cashier name", "Customer name", "Customer contacts",
    "Comment", "Status",
]  # fmt: skip
# The back office's "Sales by item" report, exported beside the receipts: no receipts in it
# (header as a public importer of real Loyverse exports pairs it with the receipts export).
LOYVERSE_SALES_BY_ITEM = [
    "Item name", "SKU", "Category", "Items sold", "Gross sales", "Items refunded", "Refunds", "Discounts",
    "Net sales", "Cost of goods", "Gross profit", "Margin", "Taxes",
]  # fmt: skip
