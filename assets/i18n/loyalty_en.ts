<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AdjustPanel</name>
    <message>
        <source>Correct a balance (manager)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A manager PIN is asked for; the change and its reason go to the audit log.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Points (+/−):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stamps (+/−):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. the coffee machine broke, goodwill stamp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correct with manager PIN</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AwardPanel</name>
    <message>
        <source>Award a sale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount the customer paid:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. 125.000</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Award  (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan a card or find a customer first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This card is blocked: it cannot earn.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the bill, check what it earns, press Enter.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CashierWindow</name>
    <message>
        <source>Loyalty — cashier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Award</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redeem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enroll</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo last</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Actions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Map a POS export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correct a balance (manager)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attach the chosen POS receipt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correct</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan the card, or type a phone, card number or name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next customer (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan the customer&apos;s card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>or type a phone number, card number or name and press Enter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New customer? Press F4 to enroll.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Several customers match — choose one (↑ ↓ Enter):</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CheckoutController</name>
    <message>
        <source>Log in with your PIN before scanning.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only the first {0} are shown: type more of the name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No customer found for “{0}”. Press F4 to enroll them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bill {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} {1} × {2}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan a card or find a customer first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receipt {0} attached: {1} to {2} for a bill of {3}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Awarded {0} to {1} for a bill of {2}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Now {0}!</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>−{0} stamps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redeemed {0} for {1} ({2}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take {0} off the bill.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Voucher code: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the birthday as day/month, e.g. 24/11 (the year may follow: 24/11/1990).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;{0}&lt;/b&gt; is a member. Card number &lt;b&gt;{1}&lt;/b&gt;, referral code &lt;b&gt;{2}&lt;/b&gt;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Welcome {0}: enrolled with {1} starter stamps.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preparing the card…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Card saved: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The card could not be saved: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is nothing to undo.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}, {1} for {2}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>More than 2 minutes ago: a manager PIN is needed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undoing an action older than 2 minutes needs a manager PIN.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undone for {0}: {1}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A manager approves this correction for {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Corrected by {0}: {1}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No sync server is set up: this till works offline.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sale of {0}: {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reward {0}: {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>welcome bonus: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>correction: {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CustomerCardView</name>
    <message>
        <source>Birthday this week!</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Card {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>member since {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>BLOCKED: this card may not earn or redeem. Ask a manager.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flagged: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stamps (+{0} full)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>visits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Can redeem now:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No reward to redeem yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next reward: {0} — {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Card scanned: points may be spent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Found without the card: earning only. Scan the card to redeem.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CustomerDisplayWindow</name>
    <message>
        <source>Loyalty — customer display</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Collect points and stamps on every visit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How was your visit today?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bad</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Poor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Good</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Great</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Okay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thank you for telling us!</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take a photo of this code: show it next time instead of the card.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DisplayController</name>
    <message>
        <source>{0} {1} for every {2}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A card of {0} stamps: the first {1} are on us</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A card of {0} stamps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan to join</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask the cashier for a free card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Welcome, {0}!</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your first {0} stamps are already on your card.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hello, {0}!</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} to go: {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yours now: {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EnrollPanel</name>
    <message>
        <source>Enroll a new member</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Birthday:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Referral code:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Full name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>day/month, optional</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>optional</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enroll  (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print card
(PDF)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Card image
(PNG)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the QR on the customer display</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enroll another</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved: {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>Type a phone number, card number or name, or scan the card.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That is too long to be a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type at least two letters of the name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is not a loyalty card QR code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This card&apos;s QR code is not valid for this store (it may be forged or damaged).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was scanned. Please scan the card&apos;s QR code again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This card&apos;s QR code was made by a newer version of the loyalty program. Please update this terminal, or type the card number instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No card number was entered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The card number {0} is mistyped (a card number has only digits).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The card number {0} is mistyped (it has {1} digits; a card number has {2}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} starts with 0, so it looks like a phone number, not a card number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The card number {0} is mistyped (check digit does not match).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That is not a card.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No member has this card.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} is not a Vietnamese phone number (expected 10 digits like 0912 345 678).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} is not a phone number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No such customer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The customer&apos;s name is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The name is too long (at most {0} characters).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The name contains control characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The phone number {0} already belongs to a member.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No member has the referral code {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} is not an amount.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} has more decimals than {1} allows.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The bill amount must be more than zero.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} is too large for one bill.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}&apos;s membership is {1}; a manager can tell why.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This member earned less than {0} minutes ago; try again in {1} min.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receipt {0} has already earned points.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Daily earn cap of {0} reached: {1} points not given.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To spend points, scan the customer&apos;s card (a phone number or name is not enough).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}&apos;s membership is {1}: rewards cannot be redeemed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no such reward.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The reward {0} is no longer offered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} is for {1} members and above.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} can be redeemed {1}× per {2}; this customer has reached the limit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paying with points is not enabled in this program.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Say how many points to spend.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paying with points needs the bill amount.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The bill is smaller than the value of one point.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The customer has {0} {1}; {2} are needed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The stamp card is not full yet: {0} of {1} stamps.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} costs {1} {2}; the customer has {3}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline, a member may spend at most {0} {1} a day at this till ({2} already today). Try again when the till is back online.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amounts cannot be negative.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is nothing to undo.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This entry has already been reversed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An adjustment needs a reason.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The adjustment changes nothing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That adjustment is too large; check the number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The balance would go below zero ({0} points, {1} stamps now).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adjusting a balance needs a manager.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrong PIN.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A manager PIN is needed for this.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That is not a manager PIN.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A PIN is 4 to 8 digits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A rating is a whole number from 1 to 5.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This visit has already been rated.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>blocked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>merged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>year</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LoginPage</name>
    <message>
        <source>Type your staff PIN to start</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ManagerPinDialog</name>
    <message>
        <source>Manager PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PinPad</name>
    <message>
        <source>OK</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PosController</name>
    <message>
        <source>Sales the POS records without a member appear here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This card is blocked: it cannot earn.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the customer&apos;s receipt.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>F7 credits {0} to {1}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan the card or find the customer, then attach their receipt.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan the card or find the customer first, then attach the receipt.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a receipt in the POS list first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A manager maps the POS export&apos;s columns.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>POS profile saved: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>watching 1 folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>watching {0} folders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export folders:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click to read what the bridge left out (refunds and voids that took nothing back).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 file quarantined — see {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} files quarantined — see {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} {1}: read before, nothing counted twice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} {1}: quarantined</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} {1}: not receipts, archived</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} {1}: no sales in it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} {1}: {2} read, {3} awarded, {4} unclaimed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} bad lines set aside</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} notes</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PosErrors</name>
    <message>
        <source>Receipt {0} can no longer be claimed (only within {1} days).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No receipt {0} from the POS is known here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the whole bill was refunded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the receipt number.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PosMappingDialog</name>
    <message>
        <source>Receipt number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date and time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total paid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loyalty card number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sale / refund / void</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refund of receipt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tip or service charge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Item name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Item code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Item group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unit price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Map a POS export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a sample export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Its columns and first rows:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Day first (31/12/2025)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Month first (12/31/2025)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Work it out per value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comma (1.250,50)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Point (1,250.50)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decimal mark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>— not in this export —</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No sample chosen yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sample: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a sample export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>POS exports (*.xlsx *.csv *.txt)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This file cannot be read: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the column of: {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not yet: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sample reads as {0} receipt(s); {1} row(s) cannot be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no member</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First: {0}, {1}, {2} ({3}).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PosNotes</name>
    <message>
        <source>Receipt {0}: not awarded automatically — {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refund {0}: its sale {1} was never seen here, so there is nothing to take back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Void {0}: its sale {1} was never seen here, so there is nothing to take back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Void {0}: its sale {1} had earned nothing; it can no longer be claimed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refund {0}: its sale {1} had earned nothing, so nothing was taken back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refund {0}: {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Void {0}: {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refund {0}: no sale of the last {1} days matches its customer, items and amount, so nothing was taken back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refund {0}: matched to the most recent fitting sale {1}; {2} fit as well. Check it with the POS.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the whole bill was refunded</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PosNotesDialog</name>
    <message>
        <source>POS bridge notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the POS bridge did not apply, export by export: refunds and voids that took nothing back, sales that did not earn, rows left for a later export.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was left out: every refund and void found its sale.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PosReceiptsPanel</name>
    <message>
        <source>Attach  (F7)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>POS receipts without a customer ({0})</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RedeemPanel</name>
    <message>
        <source>Redeem a reward</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bill (for discounts):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Points to spend:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redeem  (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan a card or find a customer first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This card is blocked: rewards cannot be redeemed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To spend points, scan the customer&apos;s card: a phone number or a name is not enough.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to redeem yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the reward:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StampCardWidget</name>
    <message>
        <source>Card full — the reward is ready!</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} full cards — rewards ready!</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} of {1} stamps — {2} more for the reward</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FREE</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StatusBarView</name>
    <message>
        <source>● Online</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>● Offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} waiting to sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>all synced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>last sync {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>POS: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not logged in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cashier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>manager</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>owner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Staff: {0} ({1})</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Texts</name>
    <message>
        <source>a full card ({0} stamps)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 {0} = {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} more {1}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UndoPanel</name>
    <message>
        <source>Undo my last action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Within 2 minutes you may undo it yourself; after that a manager PIN is needed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo  (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Units</name>
    <message>
        <source>point</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>points</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stamp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stamps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Member</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gold</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
