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
    <name>AuditTab</name>
    <message>
        <source>Audit log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All tills</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All actions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What was done at every till of {0}: this till, {1}, and the store&apos;s other tills as of their last sync (other stores&apos; tills are not shown). Choose a till to see only its lines.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What was done at this till, {0}. It is not paired with a server yet: once it is, its lines are sent there and the store&apos;s other tills&apos; lines show here too.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} lines shown, newest first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>shop set up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>shop settings changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>staff added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>role changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>staff disabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>staff enabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PIN reset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>staff renamed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>program published</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>program draft saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reward saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>member enrolled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>member&apos;s details changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>member blocked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>member unblocked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>members merged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>merge undone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>card replaced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>entry reversed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sale undone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ticket resolved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ticket changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>voucher budget set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>flag closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>balance adjusted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>back office opened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>campaign list exported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>segment exported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;lapsed&apos; days changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>wrong PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PIN entry locked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>receipt claimed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>staff phone set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ticket owners changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>working</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>priority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>owner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>resolution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>points</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stamps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>wrong PINs in a row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>wait (seconds)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>currency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>time zone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>shop name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>monthly budget</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>members</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Till</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Before → after</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(the system)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Older…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AwardController</name>
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
        <source>{0} is less than {1}, the smallest bill that earns points. Check the amount, or press Enter again to record it.</source>
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
        <source>e.g. {0}</source>
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
    <name>BackOffice</name>
    <message>
        <source>That is not a manager PIN. Try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrong PIN. Type a manager or owner PIN.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} is a cashier: the back office opens only with a manager&apos;s or the owner&apos;s PIN.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BackOfficeWindow</name>
    <message>
        <source>Loyalty — back office — {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export table to CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export table to Excel (.xlsx)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print dashboard to PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close the back office</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Map a POS export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next tab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous tab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Working…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Map a POS export&apos;s columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>POS profile saved: {0}. Exports of that shape are read with it from now on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} stores</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Showing: all stores this till holds ({0}) — the chain as of this till&apos;s last sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Showing: the members of this store&apos;s region ({0}) — data held by this till</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Showing: this store ({0}) — data held by this till</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Figures are computed from this till&apos;s own database; it works offline. Stores: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not save {0}: {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved {0} rows to {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print dashboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved the dashboard to {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CameraPicker</name>
    <message>
        <source>No camera</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} (not plugged in)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the chosen camera</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Camera support is not installed on this till (the camera extra, PySide6-Addons).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No camera is plugged into this till.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The webcam at the customer display: customers hold up their card or phone to it to be found.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved. The cashier window uses this camera now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved: no camera. The cashier window has stopped it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved. The camera starts the next time the till program starts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved: no camera. This takes effect the next time the till program starts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The camera choice could not be saved. Try again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CameraStatusLabel</name>
    <message>
        <source>the customer camera</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Camera not connected: scan cards at the till ({0}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Camera unplugged: plug it back in, or scan cards at the till ({0}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Camera stopped working: unplug it and plug it back in ({0}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This till cannot use a camera: camera support is not installed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CashierLauncher</name>
    <message>
        <source>Back office (manager)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type a manager or owner PIN to open the back office.</source>
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
        <source>Type amounts in thousands (125 means 125,000)</source>
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
        <source>No sync server is set up: this till works offline.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting to the sync server…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Synced with the server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sync server cannot be reached. The till keeps working offline and sends everything later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}★ from {1}: a ticket is open for the manager. A kind word now helps.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a guest</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CorrectionsController</name>
    <message>
        <source>There is nothing to undo.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}, at {1}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your last action was for {0}, not for {1} who is on screen. Press Esc to clear the screen, then undo.</source>
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
        <source>Undo {0} for {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undone for {0}: {1}.</source>
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
    <message>
        <source>Scan a card or find a customer first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A manager approves this correction. Reason: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} for {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Corrected by {0}: {1}.</source>
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
        <source>We are sorry we let you down. The manager will get in touch to make it right.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take a photo of this code: show it next time instead of the card.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CustomerPageDialog</name>
    <message>
        <source>Customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ratings and tickets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Points</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stamps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What, where, who</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rating or ticket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Manager actions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each needs a manager PIN and a reason; all are written to the audit log.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Action:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adjust the balance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reverse the entry chosen in the history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Block or unblock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit the profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print a new card (the old one stops working)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merge another member into this one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo a merge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Points (+ or −):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;tamps (+ or −):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the entry in the history on the right; its reversal is a new entry, the original stays.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P&amp;hone:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Birthday (day/month[/year]):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Gender:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A&amp;rea:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agrees to receive offers (marketing consent)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>female</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>male</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A new card number and QR code; the old card is refused at every till with a sentence saying it was replaced.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find the other card (phone, card number or name). Its history is kept and its balance folds into this member; the merge can be undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone, card number or name of the other member</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each member gets back the balance of their own entries.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Approve with manager PIN…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active member</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blocked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merged into {0} (card {1}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also holds the history of: {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync flagged {0} (card {1}) as possibly the same person.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} points · {1} stamps · {2} · {3} visits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Card: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Birthday: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gender: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Area: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Marketing consent: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enrolled: {0} at {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lifetime spend: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last visit: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Referral code: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>at {0}, till {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>by {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>receipt {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sale of {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redeemed {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a reward</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Welcome bonus</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bonus: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adjusted by a manager: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Points expired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reversal of an earlier entry: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tier changed to {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(reversed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>[on card {0}]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>resolved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ticket: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unblock {0}: the card earns and spends again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Block {0}: the card is refused at every till until a manager unblocks it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No other member matches.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adjust {0}: {1} points, {2} stamps. Reason: {3}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adjusted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the entry to reverse in the history first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reverse this entry of {0}: {1} ({2}). Reason: {3}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reversed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Block {0}. Reason: {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unblock {0}. Reason: {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blocked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unblocked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change the profile of {0}. Reason: {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print a new card for {0}; card {1} stops working. Reason: {2}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find and choose the other member first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merge {0} into {1}: one member, both histories kept, one balance. Reason: {2}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No member is merged into this one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo the merge of {0} into {1}. Reason: {2}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The merge is undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not done: no manager approved it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New card number: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New card {0}; card {1} no longer works.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CustomerTableModel</name>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Points</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stamps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last visit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lifetime spend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Segment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(blocked)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Card {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CustomersTab</name>
    <message>
        <source>Customers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Search:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone, its last 4–6 digits, card number, or words of the name (no accents needed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Members found: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enrolled twice? Pairs flagged by sync: {0}. Review…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DashboardTab</name>
    <message>
        <source>Dashboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The figures could not be computed: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} in 90 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>by {0} members</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the program gives points no money value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} a point (pay with points)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} a point (best fixed-discount reward)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} bills</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} of {1} members who spent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>▲ {0}  ▼ {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no redemption in this period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no rating in this period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} before: {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} ratings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visits and new members per day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>visits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>new members</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Points issued and redeemed per day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>issued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>redeemed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spend per day: members and non-members (thousands)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>members</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>non-members</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Members per tier now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Average rating per day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Range:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custom…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Store:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All stores this till holds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh (F5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Members and visits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Points</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The program&apos;s return: members and non-members (POS receipts)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tiers, rewards, ratings and tickets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Charts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A visit is a member&apos;s sale that earned, unless it was voided or refunded in full later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Members</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Members enrolled by the end of the range (merged duplicates not counted). With a store chosen: members who enrolled there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New members</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Members who enrolled during the range.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active members (30 days)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Members with at least one visit in the 30 (and 90) days up to the end of the range. </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Member visits during the range. </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repeat rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share of the range&apos;s visits made by members who visited at least twice in the range.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visits per active member</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visits in the range divided by the members who visited in the range.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Points issued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Points earned, bonuses and positive manager corrections in the range, less the points taken back by refunds and voids in the range.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Points redeemed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Points spent on rewards in the range, less redemptions that were undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Points expired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Points that expired during the range.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redemption rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Points redeemed ÷ points issued, in the range.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outstanding points</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every member&apos;s balance at the end of the range: the points the program still owes. With a store chosen: the balances of members who enrolled there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Liability</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outstanding points × what a point is worth: the pay-with-points value if the program has one, otherwise the most money a point buys through a fixed-discount reward.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Member spend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>POS sales in the range where a member was identified, less their refunds; voided sales and tips left out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Non-member spend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>POS sales in the range with no member (unclaimed, expired or ignored), less their refunds; voided sales and tips left out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Member bill (average)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Member spend ÷ member bills.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Non-member bill (average)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Non-member spend ÷ non-member bills.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Members&apos; share of spend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Member spend ÷ all POS spend in the range.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Top 20 % of members</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share of member revenue (bills on their visits, less refunds) from the fifth of the members who spent the most in the range.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tier moves (up / down)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tier changes in the range, compared with the member&apos;s tier before; under it, how many members are in each tier now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Most redeemed rewards</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rewards redeemed most often in the range (undone redemptions left out).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Average rating</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Average of the 1–5 ratings given in the range, and the same for the period of the same length before it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open tickets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tickets not resolved yet, whatever their date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Complainants who came back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share of the members who complained in the range who visited again afterwards.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loyalty dashboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot write {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} to {1} · {2} · printed {3} by {4}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No figures yet.</source>
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
        <source>Your voucher: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Valid until {0}, once, at any of our shops.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take a photo of this code and show it when you pay.</source>
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
    <name>EnrollController</name>
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
        <source>Card for the
phone (PNG)</source>
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
        <source>This member is not on this till yet, so her balance is not known here: points cannot be spent until this till has synced with the server.</source>
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
        <source>{0} belongs to another store: her store or the head office can block her.</source>
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
        <source>Too many wrong PINs in a row: try again in {0} seconds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adjusting more than {0} points at once needs the owner&apos;s PIN.</source>
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
        <source>Type at least 4 digits of the phone number, the whole card number, or a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That search is too long.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Say why.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Say why the entry is reversed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reversing an entry needs a manager.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A reversal cannot itself be reversed; record a new entry instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only a manager can block or unblock a customer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose two different members: a member cannot be merged into itself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} was merged into another member; keep that member instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} is already merged into another member.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merging members needs a manager.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undoing a merge needs a manager.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This member is not merged into another one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The reason is too long (at most {0} characters).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gender is female, male or other (or not given).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The area is too long (at most {0} characters).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This member was merged into another one; edit that member instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This member was merged into another one; print the card of that member.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Editing a member&apos;s profile needs a manager.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Printing a new card needs a manager.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Card {0} was replaced by a new card on {1}; it no longer works. Use the new card.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the birthday as day/month, e.g. 24/11 (the year may follow: 24/11/1990).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This voucher code is not valid for this shop (it may be forged or damaged).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is not a voucher code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Voucher {0} is not known at this till yet. Scan its QR code: that works offline.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Voucher {0} expired on {1}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Voucher {0} was already used on {1} at {2}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Voucher {0} was cancelled: the reward it came from was taken back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Voucher {0} from this reward was already used, so its points cannot be given back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The phone number is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} earned on {1}, whose phone is {0}&apos;s own.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} earned more than {1} times today.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan the customer&apos;s card first: a voucher is booked to a member&apos;s account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This voucher code does not match the voucher on record (altered?).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A compensation voucher needs a manager&apos;s approval.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The compensation budget has {0} left this month ({1} of {2} used); the owner can raise it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Say how the complaint was resolved (a short note).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This ticket is already resolved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no such ticket.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only the owner sets the compensation budget.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only a manager can close a flag.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The shop needs a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The owner needs a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The two PINs differ.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} is not a time zone; use a name like Asia/Ho_Chi_Minh or America/New_York.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} is not a country code; use two letters like VN or US.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This till is already set up; change it in the back office.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only a manager can manage the staff.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only an owner can make someone an owner or change an owner.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You cannot disable yourself; ask another manager.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The shop&apos;s only owner cannot be disabled; make someone else owner first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The shop&apos;s only owner cannot be demoted; make someone else owner first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That PIN is already used by someone else; choose another.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A staff member needs a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only a manager can change the program.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only an owner can publish the program.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only a manager can change the shop&apos;s settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That is not the owner&apos;s PIN.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Program is not valid: {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync could not start ({0}); the till works offline.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No POS reader recognises this file (installed: {0}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No store was given for this export.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The store&apos;s time zone {0} is not a known time zone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The store&apos;s currency {0} is not supported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file has no rows.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file says it is {0} but is damaged or cut short there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file looks like UTF-16 but is damaged or cut short there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file is UTF-8 with damaged bytes (a broken copy or a cut-off download).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file is not text in UTF-8, UTF-16 or {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file contains binary data, not text (is it the right file?).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is an old Excel .xls file; export again as .xlsx or CSV.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file is {0} MB; that is not a POS export.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file cannot be opened ({0}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file&apos;s quoting or layout is broken ({0}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The spreadsheet is damaged or not an .xlsx file ({0}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The spreadsheet is damaged ({0}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The spreadsheet has no worksheet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file has no {0} column: it is not this POS&apos;s export, or its header row is damaged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file has no {0} columns: it is not this POS&apos;s export, or its header row is damaged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file no longer matches the column profile {0}: {1} missing. Map the new export again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Square item details cannot be read without the transactions file of the same export.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Toast item or check details cannot be read without OrderDetails.csv of the same day.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The JSON is broken: {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The JSON cannot be read ({0}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} is not a kind; write sale, refund or void.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} is missing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The line {0} has neither a price nor an amount.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The line {0} has an amount but a quantity of 0.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The value is empty, but every row needs it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The value is empty, but an amount is needed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The value is empty, but a quantity is needed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The value is empty, but the time of the sale is needed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} is not a quantity.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} is not a plausible quantity.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} is not a date and time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} {1} is not a date and time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} is not a date and time this export uses.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} is not a time of day.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} has an impossible hour.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} is not a real date and time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} has an impossible UTC offset.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} is out of range.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The row is damaged: {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This row cannot be placed in a receipt: {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This item row cannot be placed in a receipt: {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This item row cannot be placed in an order: {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} appears twice for the same event.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order {0} appears twice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Item row for transaction {0} has no matching row in the transactions file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its Transaction ID is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Item row for order {0}, which is not in OrderDetails.csv.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its Order Id is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the receipt number is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receipt {0} has items but is not in the receipts export.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The value differs from line {0} of the same invoice {1}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The value differs from line {0} of the same receipt {1}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The value ({0}) is not the sum of the item lines ({1}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The value ({0}) is not the goods total less discounts plus other charges ({1}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The value {0} is not the store&apos;s currency {1}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} is not the store&apos;s currency {1}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The lines add up to {0}, but the subtotal is {1}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The total {0} is not subtotal - discount + tax + tip ({1}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} must be a single value, not a list or an object.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No POS reader is called {0} (installed: {1}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the row has {0} or more values but the header has {1} columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the row has {0} values but the header has {1} columns (cut short?)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file ends without a line break, so this row may be cut short</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The reader failed unexpectedly ({0}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A profile name is letters, digits, - and _ (not {0}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not receipt fields: {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Map a column to {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The date order is dmy or mdy; the decimal mark is &apos;,&apos;, &apos;.&apos; or none.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The JSON must be a list of receipts or {&quot;receipts&quot;: [...]}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This entry is not a receipt object.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>receipt_id is missing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lines must be a list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This line is not an object.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The line has no name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the amount the customer paid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A bill cannot be negative. To take back a sale, use Undo (Ctrl+Z).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} is not an amount: type the bill in whole {1}, for example {2}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Points and stamps are adjusted in whole numbers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receipt {0} can no longer be claimed (only within {1} days).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No receipt {0} from the POS is known here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The whole bill was refunded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the receipt number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No amount was given.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} is too large to be a bill.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} is an amount in {1}, but the store counts {2}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} is not an amount (its digit groups are wrong).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The bill amount must be a whole number of minor units.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown currency {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot mix {0} and {1}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entry {0}: {1} {2} is beyond what any sale can produce (at most {3}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entry {0} would take member {2}&apos;s {1} to {3}, beyond {4}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Terminal {0}: expected entry #{2}, found #{1}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Terminal {0}: entry #{1} does not link to the one before (it was altered or one is missing).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A custom range needs a first and a last day.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The last day of the range is before the first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A range can cover at most three years.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown range {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Program is not valid JSON: {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Program has unknown settings: {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown program template {0}; choose one of {1}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown program template {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A reward needs a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The reward {0} needs a cost in points or a full stamp card.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The reward {0}: a percent discount is between 1 and 100.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The reward {0} ends before it starts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no such ledger entry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only a sale can be partly refunded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The refunded amount must be a whole number of minor units.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The refunded amount must be more than zero.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The comment is too long (at most {0} characters).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no such flag.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no draft {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The bill and the points to spend must be whole numbers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lapsed means no visit for 7 to 1000 days.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown campaign {0}; choose one of {1}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This shop has sales already: amounts recorded before stay in {0} and times of past sales stay where they were. Confirm to change anyway.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown currency {0}; choose one of {1}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language must be one of {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role must be one of {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only a manager can add staff.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The first staff member must be the owner or a manager (who can then add cashiers).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No such staff member.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no such staff member.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A ticket is resolved with a resolution (use resolve).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown priority {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only a manager can change who answers complaints.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The budget must be a whole amount, not negative.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The note is too long (at most {0} characters).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The voucher&apos;s value must be a whole amount.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no such voucher.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The bill must be a whole amount, not negative.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A voucher&apos;s value must be a positive whole amount.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A voucher is valid for 1 day to 10 years.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{0}” is not a multiplier ({1}); write 1.5 or 2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{0}”: “{1}” is not a day; write it as 24/12/2026.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{0}” is not a whole number ({1}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{0}”: times are HH:MM.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{0}” is not a day of the week (Mon … Sun, T2 … CN).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{0}” is not a day or a range of days.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{0}”: the kind is one of {1}; the period one of {2}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A sample line is “sku, category, quantity, price”; lines are separated by “;”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the draft: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The points per step cannot be negative.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Welcome points cannot be negative.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Birthday points cannot be negative.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Referral referrer points cannot be negative.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Referral new points cannot be negative.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Min minutes between earns cannot be negative.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Daily earn cap points cannot be negative.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Earns per day flag cannot be negative.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline daily redeem cap cannot be negative.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Point value cannot be negative.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expiry months cannot be negative.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Downgrade grace days cannot be negative.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tiers count the points of 1 to 36 months.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The yearly tier review is on a day 1–28 of a month 1–12.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A stamp card has at most 50 slots.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The birthday bonus is for the birthday week or month.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{0}” multiplies points by {1}: more than ×{2} is a typo.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{0}” applies on no day of the week.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{0}” starts and ends at the same time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tier {0} multiplies points by {1}: more than ×{2} is a typo.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The bonus on {0} must multiply by more than 0 and at most ×{1}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Points spent as money would give back {0} of every bill; lower the points per step or the value of a point.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Two rewards are called “{0}”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{0}” is for tier {1}, which the program no longer has.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{0}” pays with points, but a point has no money value in the program.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{0}” gives a discount of nothing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{0}” has a negative cap or limit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the amount step must be positive and points per step not negative</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the earns-per-day flag must not be negative</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the adjustment limit must not be negative</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the stamp card needs at least one slot and fewer starter stamps than slots</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the first tier must start at 0</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tier thresholds must rise</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>multipliers must be positive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tier names must differ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} wrong PINs in a row at this till: someone may be guessing staff PINs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} is at {1} points after a sale at till {2}: the same points were probably spent twice offline.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} is at {1} stamps after a sale at till {2}: the same stamps were probably spent twice offline.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} and {1} have the same phone number {2}: probably one person with two cards.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} and {1} have the same card number {2}: probably one person with two cards.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} and {1} have the same referral code {2}: probably one person with two cards.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receipt {0} earned points more than once; reverse the extra earn.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Voucher {0} was used {1} times, probably at two tills while offline.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Voucher {0} was used more than once, probably at two tills while offline.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Till {0} sent its entries with some missing or out of order; the server refused them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Till {0} sent an entry that differs from the one the server holds; it was refused.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Till {0} tried to send entries as another till ({1}); they were refused.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Till {0} is quarantined: its entries are held for review and not counted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Till {0} adjusted {1} by {2} points and {3} stamps: check it, and reverse it if it was not meant.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Till {0} of another store changed {1}&apos;s profile; it was not applied.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Till {0} sent an entry beyond what its program can produce; the server holds it, not counted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Till {0} reversed an entry the server holds; the reversal waits with it, not counted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Till {0} sent a batch the server&apos;s database could not store; it was refused.</source>
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
    <message>
        <source>tier threshold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the daily earn cap was reached</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a staff member earned on her own phone number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>points were spent twice at offline tills</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this person may have two cards</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this member earned more times today than the program expects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>many wrong PINs in a row: someone may be guessing staff PINs</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HealthTab</name>
    <message>
        <source>Flags and health</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flags for the manager</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tills: sync and POS bridge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark as dealt with</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No open flags: nothing needs a manager.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What to do</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Till</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>POS: last file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quarantined</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Points spent twice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duplicate member</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receipt earned at two tills</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Voucher used twice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tamper: entries missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tamper: ledger altered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tamper: ledger restored or altered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tamper: a till wrote as another</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Daily earn cap reached</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Staff earned on own card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Many earns in one day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrong PINs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unusual adjustment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Till quarantined</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile change not applied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entry beyond the limits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reversal of a held entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Batch not stored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Do not wipe or restore that till. Note its name and call support: its ledger must be checked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An amount no real sale reaches (a typo or a tampered till). Call support before that till syncs again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Two offline tills spent the same points. Talk to the member; a manager adjustment can settle it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One person has two cards. Merge them in the Customers tab.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One receipt earned twice. Reverse the extra earn from the customer page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A voucher was taken at two tills while offline. Both sales stand: write the second discount off or ask the customer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check this member&apos;s visits today; the extra was not credited.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask the cashier about these earns; reverse them if they were not real sales.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check this member&apos;s sales today with the cashiers; reverse the ones that were not real sales.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask who was at this till. If nobody forgot a PIN, reset the PINs of its staff in the Staff tab.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask the manager who made it why; reverse it from the customer page if it was not meant.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That till&apos;s sales wait on the server. Call support to release or reject them once it is checked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The member belongs to another store: ask that store to make the change if it is right.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It is released or rejected with the entry it reverses: deal with that one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That till&apos;s sales wait on it, safely. Call support: the server&apos;s database refused them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Look at it, act, then mark it as dealt with.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Never reported: check that the till is paired and can reach the server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Never synced: pair it with the server (setup) and check its network.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No sync for over a day: check its network; its sales wait safely on the till.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync error: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} POS file(s) quarantined: read the .reason.txt beside each in the quarantine folder, fix it, copy it back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No POS file for over a day: is the POS still exporting to the folder?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} (this till)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not watching</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All well.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other tills: not heard from the server yet (offline, or not paired). This till is shown now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This till now; the other tills as the server reported them at {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a flag in the list first.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>Loyalty — back office</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type a manager or owner PIN to open the back office.</source>
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
    <name>LookupController</name>
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
        <source>Card verified — member not on this till yet. Points can be earned on this card now; they join her account at the next sync. Spending waits until then.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A voucher is waiting for this member: {0}, {1} (until {2}). Type the code to use it.</source>
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
    <name>OwnerPage</name>
    <message>
        <source>The owner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You log in with this PIN, approve manager actions and add your staff.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your PIN (4-8 digits)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The same PIN again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep the PIN to yourself: nobody can see it, not even in the database.</source>
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
        <source>What was wrong:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>… and {0} more.</source>
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
    <message>
        <source>{0}: {1} {2} ({3}) is not a completed payment or refund.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}: payment {1} of order {2} was voided and paid again; nothing to take back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}: order {1} is not paid yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}: return {1} is “{2}”, not refunded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}: invoice {1} is “{2}”, not finished yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>line {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>column “{0}”</source>
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
        <source>Alt+← → another receipt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>POS receipts without a customer ({0})</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProgramPage</name>
    <message>
        <source>Your loyalty program</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start from one of these; every rule can be changed later in the back office.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Café stamp card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A stamp per visit, 10 slots with 2 filled at the start; a full card is a free drink.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Points and tiers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A point per step of the bill; Gold at 300 points earns 1.5×; discounts for points.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Points only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A point per step of the bill, spent as a discount or as money off the bill.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProgramTab</name>
    <message>
        <source>Only a manager can change the program, and only the owner can publish it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Program &amp; rewards</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In use: version {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draft {0}, saved {1}, not published.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draft {0}, approved {1}, waiting for the server: it is published at the next sync.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draft {0}, published {1}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server refused it: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Now: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draft: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} of {1} members would move up, {2} down (at the yearly review).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draft {0} saved. Nothing changes at the tills until it is published.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Publish the program to every till: the owner&apos;s PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Published: every till takes the new program at its next sync.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server cannot be reached: the publication waits and goes at the next sync.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Published on this till (it is not paired with a server).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Points</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stamp card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Happy hours and multipliers (days: Mon–Fri, Sat, Sun)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tiers (lowest first; the first starts at 0)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expiry and bonuses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Abuse limits (0 = off)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rewards</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name of the points</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Points per step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step of the bill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tax counts toward points</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Categories that never earn (comma-separated)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value of a point spent as money (0 = off)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Slots on the card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stamps given at enrolment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A stamp for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Smallest bill for a stamp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Items that stamp (SKUs, comma-separated)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Categories that stamp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Category bonuses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Months counted for tiers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yearly review: month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yearly review: day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No downgrade within this many days of a visit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Points expire after months without a visit (0 = never)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Welcome points</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Birthday points</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Birthday bonus during the birthday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Referral: points for the member who refers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Referral: points for the new member</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Minutes between two earns of a member</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Most points a member earns per day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline: most points a member spends per day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flag for the manager a member earning more times a day than</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A sale that earns nothing counts as a visit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>each visit over the smallest bill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>each qualifying item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nothing (no stamp card)</source>
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
        <source>Tier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Threshold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Multiplier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reward</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cost (points)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Full card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value / %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cap</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Per</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From (day)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Until (day)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kinds: free_item, fixed_discount, percent_discount, voucher, points_payment. Per: day, week, month, year.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a tier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a happy hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a category bonus</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a reward</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Withdraw the reward</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview: a sample bill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Member&apos;s tier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lines (sku, category, qty, price; …)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who would change tier?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Publish…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reload</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RedeemController</name>
    <message>
        <source>Scan a card or find a customer first.</source>
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
        <source>Voucher {0} used: take {1} off the bill.</source>
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
    <name>SegmentMembersModel</name>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Marketing consent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Segments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last visit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spend, 12 months</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Segments</name>
    <message>
        <source>new</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>regular</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>VIP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>at risk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lapsed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>big first purchase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>birthday this month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First visit in the last 30 days.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not new, and 2 visits or more in the last 90 days.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Top 20 % of the members by spend over the last 12 months.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No visit for more than twice their usual interval between visits (not lapsed yet).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No visit (or, never visited, no enrolment) in the last {0} days.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First bill in the top tenth of all members&apos; first bills.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Birthday in this month.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>new — welcome them and explain how the card fills up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>regular — thank them by name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>VIP — thank them and mention the VIP reward</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>at risk — offer the win-back reward</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lapsed — welcome them back and offer the win-back reward</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>big first purchase — invite them back with a second-visit offer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>birthday this month — wish them a happy birthday and offer the birthday reward</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SegmentsTab</name>
    <message>
        <source>Segments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Computing the segments…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The segments could not be computed: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} active members match the filters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}: {1} members</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved {0} members to {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not export: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Age:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>any</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>under 25</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>25–34</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>35–44</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>45–54</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>55 and over</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Gender:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>female</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>male</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A&amp;rea:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>any area</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Lapsed after (days):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Campaign lists (members who agreed to marketing)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Birthday this month…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Win-back…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Members at risk or lapsed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Members whose birthday is this month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The top 20 % by spend over 12 months</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>VIP…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export this segment (CSV)…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ServerPage</name>
    <message>
        <source>Type the server&apos;s address and the pairing code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give both the server&apos;s address and the pairing code, or neither.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Join your chain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask the chain&apos;s manager for a pairing code for this store. It works once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Central server (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With a central server, several tills share members and the program. Leave this empty to run on this till alone; you can pair later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pairing code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name of this till</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. Till 2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <source>New till</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt; Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next &gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finish</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting to the server…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Setting up the shop…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The shop is set up, but pairing failed: {0} Fix the address or code, or empty both to skip.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ShopPage</name>
    <message>
        <source>the time there now is {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not a time zone yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phones typed without a country code are read as {0} numbers, like {1}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A bill is written {0}; {1}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your shop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Times are shown in the shop&apos;s time zone, amounts in its currency, phones as its country writes them. A manager can change them later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shop name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Currency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Country</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. Cà Phê Sáng</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ShopSettingsBox</name>
    <message>
        <source>Tick the box to confirm you understand what changes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change the shop&apos;s settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved. Times are now shown in {0}, amounts in {1}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phones without a country code are now read as {0} numbers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The shop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Currency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Country</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phones typed without a country code are read as this country&apos;s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This shop has sales already. Amounts recorded so far stay in the old currency, and the times of past sales do not move: reports mixing the two will look wrong. Change only to correct a mistake.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer camera</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At this till, amounts are typed in thousands (125 means 125,000)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I understand</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save shop settings…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StaffTab</name>
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
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Since</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>disabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only a manager or the owner can manage the staff.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Staff</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select someone in the list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the new person&apos;s name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the same PIN twice (4 to 8 digits).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add {0} as {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} was added as {1}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make {0} {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} is now {1}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enable {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disable {0}: their PIN will open nothing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} can work again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} is disabled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New PIN for {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} has a new PIN.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set the phone of {0} to {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the phone of {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}&apos;s phone is saved: earning on a member with it is flagged for the manager.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Their own phone (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New PIN again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Own phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add someone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PIN again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add</source>
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
        <source>1 full card waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} full cards waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} of {1} on the new card</source>
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
        <source>● Connecting…</source>
        <translation type="unfinished"></translation>
    </message>
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
        <source>The sync server cannot be reached; the till keeps working offline.</source>
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
    <name>TicketRulesDialog</name>
    <message>
        <source>Who answers complaints</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The first rule that matches a new ticket names its owner. When none matches, the store&apos;s manager owns it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>any store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>any priority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the chosen rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}, {1} → {2}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tickets</name>
    <message>
        <source>High</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Normal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Low</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>guest: no card to follow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yes, {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yes, {0}; {1} since</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TicketsModel</name>
    <message>
        <source>Due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Priority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rating</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Complaint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Owner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Came back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>done {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} (late)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a guest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no comment)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nobody</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TicketsTab</name>
    <message>
        <source>Tickets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show resolved tickets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set monthly budget…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who answers…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ticket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take it (in progress)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resolve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What was done: called the customer, apologised…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compensation voucher (amount, optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Owner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Voucher</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No complaints. A 1★ or 2★ rating at a till opens one here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No compensation budget set for this month.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compensation budget {0}: {1} left of {2}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a ticket in the list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}★ from {1}: {2}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}★ from {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opened {0}, due {1}; priority {2}; {3}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer: {0}. Came back: {1}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a guest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resolved: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The voucher&apos;s amount is not an amount: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Say how the complaint was resolved (a short note).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That is more than the {0} left in this month&apos;s compensation budget.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approve a compensation voucher of {0} for {1}?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No voucher without a manager&apos;s approval; nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resolved; the voucher is ready to hand over.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resolved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Voucher {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Voucher {0}: {1}, valid until {2}. Any till takes it once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved: new tickets follow these rules.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compensation budget</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How much may this store give in compensation vouchers a month?</source>
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
<context>
    <name>WelcomePage</name>
    <message>
        <source>Welcome to the loyalty till</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This till is new. What would you like to do?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try the demo café</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A café with 40 members, rewards and sample sales. Demo PINs: cashier 1111, owner 1234.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set up my shop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your shop&apos;s name, currency and time zone, your own owner PIN and a program to start from.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Join my chain&apos;s server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another till of your chain is already running: the store, program and staff come from the server.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
