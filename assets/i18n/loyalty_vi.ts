<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN">
<context>
    <name>AdjustPanel</name>
    <message>
        <source>Correct a balance (manager)</source>
        <translation>Điều chỉnh số dư (quản lý)</translation>
    </message>
    <message>
        <source>A manager PIN is asked for; the change and its reason go to the audit log.</source>
        <translation>Cần mã PIN của quản lý; thay đổi và lý do được ghi vào nhật ký kiểm tra.</translation>
    </message>
    <message>
        <source>Points (+/−):</source>
        <translation>Điểm (+/−):</translation>
    </message>
    <message>
        <source>Stamps (+/−):</source>
        <translation>Tem (+/−):</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>Lý do:</translation>
    </message>
    <message>
        <source>e.g. the coffee machine broke, goodwill stamp</source>
        <translation>vd. máy pha hỏng, tặng tem xin lỗi</translation>
    </message>
    <message>
        <source>Correct with manager PIN</source>
        <translation>Điều chỉnh (cần PIN quản lý)</translation>
    </message>
</context>
<context>
    <name>AwardPanel</name>
    <message>
        <source>Award a sale</source>
        <translation>Tích điểm cho hóa đơn</translation>
    </message>
    <message>
        <source>Amount the customer paid:</source>
        <translation>Số tiền khách đã trả:</translation>
    </message>
    <message>
        <source>e.g. 125.000</source>
        <translation>vd. 125.000</translation>
    </message>
    <message>
        <source>Award  (Enter)</source>
        <translation>Tích điểm  (Enter)</translation>
    </message>
    <message>
        <source>Scan a card or find a customer first.</source>
        <translation>Hãy quét thẻ hoặc tìm khách hàng trước.</translation>
    </message>
    <message>
        <source>This card is blocked: it cannot earn.</source>
        <translation>Thẻ này đã bị khóa: không được tích điểm.</translation>
    </message>
    <message>
        <source>Type the bill, check what it earns, press Enter.</source>
        <translation>Nhập số tiền, xem điểm được cộng, rồi nhấn Enter.</translation>
    </message>
</context>
<context>
    <name>CashierWindow</name>
    <message>
        <source>Loyalty — cashier</source>
        <translation>Khách hàng thân thiết — thu ngân</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>&amp;Cài đặt</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Ngôn ngữ</translation>
    </message>
    <message>
        <source>Log out</source>
        <translation>Đăng xuất</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Đồng bộ ngay</translation>
    </message>
    <message>
        <source>Award</source>
        <translation>Tích điểm</translation>
    </message>
    <message>
        <source>Redeem</source>
        <translation>Đổi quà</translation>
    </message>
    <message>
        <source>Enroll</source>
        <translation>Đăng ký</translation>
    </message>
    <message>
        <source>Undo last</source>
        <translation>Hoàn tác thao tác vừa rồi</translation>
    </message>
    <message>
        <source>&amp;Actions</source>
        <translation>&amp;Thao tác</translation>
    </message>
    <message>
        <source>Map a POS export…</source>
        <translation>Ánh xạ tệp xuất POS…</translation>
    </message>
    <message>
        <source>Correct a balance (manager)</source>
        <translation>Điều chỉnh số dư (quản lý)</translation>
    </message>
    <message>
        <source>Attach the chosen POS receipt</source>
        <translation>Gắn hóa đơn POS đã chọn cho khách</translation>
    </message>
    <message>
        <source>Next customer</source>
        <translation>Khách tiếp theo</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Hoàn tác</translation>
    </message>
    <message>
        <source>Correct</source>
        <translation>Điều chỉnh</translation>
    </message>
    <message>
        <source>Scan the card, or type a phone, card number or name</source>
        <translation>Quét thẻ, hoặc nhập số điện thoại, số thẻ hay tên</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>Tìm</translation>
    </message>
    <message>
        <source>Next customer (Esc)</source>
        <translation>Khách tiếp theo (Esc)</translation>
    </message>
    <message>
        <source>Scan the customer&apos;s card</source>
        <translation>Quét thẻ của khách</translation>
    </message>
    <message>
        <source>or type a phone number, card number or name and press Enter</source>
        <translation>hoặc nhập số điện thoại, số thẻ hay tên rồi nhấn Enter</translation>
    </message>
    <message>
        <source>New customer? Press F4 to enroll.</source>
        <translation>Khách mới? Nhấn F4 để đăng ký.</translation>
    </message>
    <message>
        <source>Several customers match — choose one (↑ ↓ Enter):</source>
        <translation>Có nhiều khách phù hợp — chọn một (↑ ↓ Enter):</translation>
    </message>
</context>
<context>
    <name>CheckoutController</name>
    <message>
        <source>Log in with your PIN before scanning.</source>
        <translation>Hãy đăng nhập bằng mã PIN trước khi quét thẻ.</translation>
    </message>
    <message>
        <source>Only the first {0} are shown: type more of the name.</source>
        <translation>Chỉ hiện {0} khách đầu tiên: hãy nhập thêm tên.</translation>
    </message>
    <message>
        <source>No customer found for “{0}”. Press F4 to enroll them.</source>
        <translation>Không tìm thấy khách hàng “{0}”. Nhấn F4 để đăng ký.</translation>
    </message>
    <message>
        <source>Bill {0}</source>
        <translation>Hóa đơn {0}</translation>
    </message>
    <message>
        <source>{0} {1} × {2}</source>
        <translation>{0} {1} × {2}</translation>
    </message>
    <message>
        <source>Scan a card or find a customer first.</source>
        <translation>Hãy quét thẻ hoặc tìm khách hàng trước.</translation>
    </message>
    <message>
        <source>Receipt {0} attached: {1} to {2} for a bill of {3}.</source>
        <translation>Đã gắn hóa đơn {0} cho {2}: tích {1} ({3}).</translation>
    </message>
    <message>
        <source>Awarded {0} to {1} for a bill of {2}.</source>
        <translation>Đã tích {0} cho {1} (hóa đơn {2}).</translation>
    </message>
    <message>
        <source>Now {0}!</source>
        <translation>Lên hạng {0}!</translation>
    </message>
    <message>
        <source>−{0} stamps</source>
        <translation>−{0} tem</translation>
    </message>
    <message>
        <source>Redeemed {0} for {1} ({2}).</source>
        <translation>Đã đổi {0} cho {1} ({2}).</translation>
    </message>
    <message>
        <source>Take {0} off the bill.</source>
        <translation>Trừ {0} vào hóa đơn.</translation>
    </message>
    <message>
        <source>Voucher code: {0}</source>
        <translation>Mã phiếu quà tặng: {0}</translation>
    </message>
    <message>
        <source>Type the birthday as day/month, e.g. 24/11 (the year may follow: 24/11/1990).</source>
        <translation>Nhập ngày sinh theo dạng ngày/tháng, vd. 24/11 (có thể thêm năm: 24/11/1990).</translation>
    </message>
    <message>
        <source>&lt;b&gt;{0}&lt;/b&gt; is a member. Card number &lt;b&gt;{1}&lt;/b&gt;, referral code &lt;b&gt;{2}&lt;/b&gt;.</source>
        <translation>&lt;b&gt;{0}&lt;/b&gt; đã là thành viên. Số thẻ &lt;b&gt;{1}&lt;/b&gt;, mã giới thiệu &lt;b&gt;{2}&lt;/b&gt;.</translation>
    </message>
    <message>
        <source>Welcome {0}: enrolled with {1} starter stamps.</source>
        <translation>Chào mừng {0}: đã đăng ký, tặng {1} tem đầu tiên.</translation>
    </message>
    <message>
        <source>Preparing the card…</source>
        <translation>Đang tạo thẻ…</translation>
    </message>
    <message>
        <source>Card saved: {0}</source>
        <translation>Đã lưu thẻ: {0}</translation>
    </message>
    <message>
        <source>The card could not be saved: {0}</source>
        <translation>Không lưu được thẻ: {0}</translation>
    </message>
    <message>
        <source>There is nothing to undo.</source>
        <translation>Không có gì để hoàn tác.</translation>
    </message>
    <message>
        <source>{0}, {1} for {2}.</source>
        <translation>Lúc {0}: {1} cho {2}.</translation>
    </message>
    <message>
        <source>More than 2 minutes ago: a manager PIN is needed.</source>
        <translation>Đã quá 2 phút: cần mã PIN của quản lý.</translation>
    </message>
    <message>
        <source>Undoing an action older than 2 minutes needs a manager PIN.</source>
        <translation>Hoàn tác thao tác đã quá 2 phút cần mã PIN của quản lý.</translation>
    </message>
    <message>
        <source>Undone for {0}: {1}.</source>
        <translation>Đã hoàn tác cho {0}: {1}.</translation>
    </message>
    <message>
        <source>A manager approves this correction for {0}.</source>
        <translation>Quản lý duyệt điều chỉnh này cho {0}.</translation>
    </message>
    <message>
        <source>Corrected by {0}: {1}.</source>
        <translation>Đã điều chỉnh bởi {0}: {1}.</translation>
    </message>
    <message>
        <source>No sync server is set up: this till works offline.</source>
        <translation>Chưa cài đặt máy chủ đồng bộ: máy này đang làm việc ngoại tuyến.</translation>
    </message>
    <message>
        <source>sale of {0}: {1}</source>
        <translation>hóa đơn {0}: {1}</translation>
    </message>
    <message>
        <source>reward {0}: {1}</source>
        <translation>đổi quà {0}: {1}</translation>
    </message>
    <message>
        <source>welcome bonus: {0}</source>
        <translation>quà chào mừng: {0}</translation>
    </message>
    <message>
        <source>correction: {0}</source>
        <translation>điều chỉnh: {0}</translation>
    </message>
</context>
<context>
    <name>CustomerCardView</name>
    <message>
        <source>Birthday this week!</source>
        <translation>Sinh nhật tuần này!</translation>
    </message>
    <message>
        <source>Card {0}</source>
        <translation>Thẻ {0}</translation>
    </message>
    <message>
        <source>member since {0}</source>
        <translation>thành viên từ {0}</translation>
    </message>
    <message>
        <source>BLOCKED: this card may not earn or redeem. Ask a manager.</source>
        <translation>ĐÃ KHÓA: thẻ này không được tích điểm hay đổi quà. Hãy hỏi quản lý.</translation>
    </message>
    <message>
        <source>Flagged: {0}</source>
        <translation>Cần kiểm tra: {0}</translation>
    </message>
    <message>
        <source>stamps (+{0} full)</source>
        <translation>tem (+{0} thẻ đầy)</translation>
    </message>
    <message>
        <source>visits</source>
        <translation>lần ghé</translation>
    </message>
    <message>
        <source>Can redeem now:</source>
        <translation>Đổi được ngay:</translation>
    </message>
    <message>
        <source>No reward to redeem yet.</source>
        <translation>Chưa có quà nào đổi được.</translation>
    </message>
    <message>
        <source>Next reward: {0} — {1}</source>
        <translation>Quà kế tiếp: {0} — {1}</translation>
    </message>
    <message>
        <source>Card scanned: points may be spent.</source>
        <translation>Đã quét thẻ: được dùng điểm.</translation>
    </message>
    <message>
        <source>Found without the card: earning only. Scan the card to redeem.</source>
        <translation>Tìm không qua thẻ: chỉ được tích điểm. Quét thẻ để đổi quà.</translation>
    </message>
</context>
<context>
    <name>CustomerDisplayWindow</name>
    <message>
        <source>Loyalty — customer display</source>
        <translation>Khách hàng thân thiết — màn hình khách</translation>
    </message>
    <message>
        <source>Collect points and stamps on every visit</source>
        <translation>Tích điểm và tem mỗi lần ghé quán</translation>
    </message>
    <message>
        <source>How was your visit today?</source>
        <translation>Hôm nay bạn thấy thế nào?</translation>
    </message>
    <message>
        <source>Bad</source>
        <translation>Rất tệ</translation>
    </message>
    <message>
        <source>Poor</source>
        <translation>Chưa tốt</translation>
    </message>
    <message>
        <source>Good</source>
        <translation>Tốt</translation>
    </message>
    <message>
        <source>Great</source>
        <translation>Tuyệt vời</translation>
    </message>
    <message>
        <source>Okay</source>
        <translation>Bình thường</translation>
    </message>
    <message>
        <source>Thank you for telling us!</source>
        <translation>Cảm ơn bạn đã góp ý!</translation>
    </message>
    <message>
        <source>Take a photo of this code: show it next time instead of the card.</source>
        <translation>Chụp ảnh mã này: lần sau đưa ra thay cho thẻ.</translation>
    </message>
</context>
<context>
    <name>DisplayController</name>
    <message>
        <source>{0} {1} for every {2}</source>
        <translation>{0} {1} cho mỗi {2}</translation>
    </message>
    <message>
        <source>A card of {0} stamps: the first {1} are on us</source>
        <translation>Thẻ {0} tem: tặng ngay {1} tem đầu tiên</translation>
    </message>
    <message>
        <source>A card of {0} stamps</source>
        <translation>Thẻ {0} tem</translation>
    </message>
    <message>
        <source>Scan to join</source>
        <translation>Quét mã để tham gia</translation>
    </message>
    <message>
        <source>Ask the cashier for a free card</source>
        <translation>Hỏi thu ngân để nhận thẻ miễn phí</translation>
    </message>
    <message>
        <source>Welcome, {0}!</source>
        <translation>Chào mừng {0}!</translation>
    </message>
    <message>
        <source>Your first {0} stamps are already on your card.</source>
        <translation>Thẻ của bạn đã có sẵn {0} tem đầu tiên.</translation>
    </message>
    <message>
        <source>Hello, {0}!</source>
        <translation>Xin chào, {0}!</translation>
    </message>
    <message>
        <source>{0} to go: {1}</source>
        <translation>{1}: {0}</translation>
    </message>
    <message>
        <source>Yours now: {0}</source>
        <translation>Bạn đổi được ngay: {0}</translation>
    </message>
</context>
<context>
    <name>EnrollPanel</name>
    <message>
        <source>Enroll a new member</source>
        <translation>Đăng ký thành viên mới</translation>
    </message>
    <message>
        <source>Phone:</source>
        <translation>Điện thoại:</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Họ tên:</translation>
    </message>
    <message>
        <source>Birthday:</source>
        <translation>Sinh nhật:</translation>
    </message>
    <message>
        <source>Referral code:</source>
        <translation>Mã giới thiệu:</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <source>day/month, optional</source>
        <translation>ngày/tháng, không bắt buộc</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>không bắt buộc</translation>
    </message>
    <message>
        <source>Enroll  (Enter)</source>
        <translation>Đăng ký  (Enter)</translation>
    </message>
    <message>
        <source>Print card
(PDF)</source>
        <translation>In thẻ
(PDF)</translation>
    </message>
    <message>
        <source>Card image
(PNG)</source>
        <translation>Ảnh thẻ
(PNG)</translation>
    </message>
    <message>
        <source>Show the QR on the customer display</source>
        <translation>Hiện mã QR trên màn hình khách</translation>
    </message>
    <message>
        <source>Open the file</source>
        <translation>Mở tệp</translation>
    </message>
    <message>
        <source>Enroll another</source>
        <translation>Đăng ký khách khác</translation>
    </message>
    <message>
        <source>Saved: {0}</source>
        <translation>Đã lưu: {0}</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>Type a phone number, card number or name, or scan the card.</source>
        <translation>Hãy nhập số điện thoại, số thẻ hoặc tên, hoặc quét thẻ.</translation>
    </message>
    <message>
        <source>That is too long to be a name.</source>
        <translation>Quá dài để là một cái tên.</translation>
    </message>
    <message>
        <source>Type at least two letters of the name.</source>
        <translation>Hãy nhập ít nhất hai chữ cái của tên.</translation>
    </message>
    <message>
        <source>This is not a loyalty card QR code.</source>
        <translation>Đây không phải mã QR của thẻ thành viên.</translation>
    </message>
    <message>
        <source>This card&apos;s QR code is not valid for this store (it may be forged or damaged).</source>
        <translation>Mã QR của thẻ này không hợp lệ với cửa hàng (có thể là thẻ giả hoặc bị hỏng).</translation>
    </message>
    <message>
        <source>Nothing was scanned. Please scan the card&apos;s QR code again.</source>
        <translation>Chưa quét được gì. Hãy quét lại mã QR của thẻ.</translation>
    </message>
    <message>
        <source>This card&apos;s QR code was made by a newer version of the loyalty program. Please update this terminal, or type the card number instead.</source>
        <translation>Mã QR của thẻ này được tạo bởi phiên bản mới hơn của chương trình. Hãy cập nhật máy này, hoặc nhập số thẻ.</translation>
    </message>
    <message>
        <source>No card number was entered.</source>
        <translation>Chưa nhập số thẻ.</translation>
    </message>
    <message>
        <source>The card number {0} is mistyped (a card number has only digits).</source>
        <translation>Số thẻ {0} bị nhập sai (số thẻ chỉ gồm chữ số).</translation>
    </message>
    <message>
        <source>The card number {0} is mistyped (it has {1} digits; a card number has {2}).</source>
        <translation>Số thẻ {0} bị nhập sai (có {1} chữ số; số thẻ có {2}).</translation>
    </message>
    <message>
        <source>{0} starts with 0, so it looks like a phone number, not a card number.</source>
        <translation>{0} bắt đầu bằng 0 nên giống số điện thoại, không phải số thẻ.</translation>
    </message>
    <message>
        <source>The card number {0} is mistyped (check digit does not match).</source>
        <translation>Số thẻ {0} bị nhập sai (số kiểm tra không khớp).</translation>
    </message>
    <message>
        <source>That is not a card.</source>
        <translation>Đây không phải thẻ.</translation>
    </message>
    <message>
        <source>No member has this card.</source>
        <translation>Không có thành viên nào giữ thẻ này.</translation>
    </message>
    <message>
        <source>{0} is not a Vietnamese phone number (expected 10 digits like 0912 345 678).</source>
        <translation>{0} không phải số điện thoại Việt Nam (cần 10 chữ số, vd. 0912 345 678).</translation>
    </message>
    <message>
        <source>{0} is not a phone number.</source>
        <translation>{0} không phải số điện thoại.</translation>
    </message>
    <message>
        <source>No such customer.</source>
        <translation>Không có khách hàng này.</translation>
    </message>
    <message>
        <source>The customer&apos;s name is empty.</source>
        <translation>Chưa nhập tên khách hàng.</translation>
    </message>
    <message>
        <source>The name is too long (at most {0} characters).</source>
        <translation>Tên quá dài (tối đa {0} ký tự).</translation>
    </message>
    <message>
        <source>The name contains control characters.</source>
        <translation>Tên chứa ký tự điều khiển.</translation>
    </message>
    <message>
        <source>The phone number {0} already belongs to a member.</source>
        <translation>Số điện thoại {0} đã thuộc về một thành viên.</translation>
    </message>
    <message>
        <source>No member has the referral code {0}.</source>
        <translation>Không có thành viên nào có mã giới thiệu {0}.</translation>
    </message>
    <message>
        <source>{0} is not an amount.</source>
        <translation>{0} không phải là số tiền.</translation>
    </message>
    <message>
        <source>{0} has more decimals than {1} allows.</source>
        <translation>{0} có nhiều chữ số thập phân hơn {1} cho phép.</translation>
    </message>
    <message>
        <source>The bill amount must be more than zero.</source>
        <translation>Số tiền hóa đơn phải lớn hơn 0.</translation>
    </message>
    <message>
        <source>{0} is too large for one bill.</source>
        <translation>{0} quá lớn cho một hóa đơn.</translation>
    </message>
    <message>
        <source>{0}&apos;s membership is {1}; a manager can tell why.</source>
        <translation>Thẻ thành viên của {0} đang bị {1}; quản lý sẽ cho biết lý do.</translation>
    </message>
    <message>
        <source>This member earned less than {0} minutes ago; try again in {1} min.</source>
        <translation>Thành viên này vừa tích điểm chưa đến {0} phút; hãy thử lại sau {1} phút.</translation>
    </message>
    <message>
        <source>Receipt {0} has already earned points.</source>
        <translation>Hóa đơn {0} đã được tích điểm rồi.</translation>
    </message>
    <message>
        <source>Daily earn cap of {0} reached: {1} points not given.</source>
        <translation>Đã đạt giới hạn {0} điểm mỗi ngày: {1} điểm không được cộng.</translation>
    </message>
    <message>
        <source>To spend points, scan the customer&apos;s card (a phone number or name is not enough).</source>
        <translation>Muốn dùng điểm, hãy quét thẻ của khách (số điện thoại hay tên là chưa đủ).</translation>
    </message>
    <message>
        <source>{0}&apos;s membership is {1}: rewards cannot be redeemed.</source>
        <translation>Thẻ thành viên của {0} đang bị {1}: không thể đổi quà.</translation>
    </message>
    <message>
        <source>There is no such reward.</source>
        <translation>Không có phần quà này.</translation>
    </message>
    <message>
        <source>The reward {0} is no longer offered.</source>
        <translation>Phần quà {0} không còn áp dụng.</translation>
    </message>
    <message>
        <source>{0} is for {1} members and above.</source>
        <translation>{0} dành cho thành viên hạng {1} trở lên.</translation>
    </message>
    <message>
        <source>{0} can be redeemed {1}× per {2}; this customer has reached the limit.</source>
        <translation>{0} chỉ đổi được {1} lần mỗi {2}; khách này đã đổi đủ.</translation>
    </message>
    <message>
        <source>Paying with points is not enabled in this program.</source>
        <translation>Chương trình này chưa cho phép dùng điểm để trả tiền.</translation>
    </message>
    <message>
        <source>Say how many points to spend.</source>
        <translation>Hãy nhập số điểm muốn dùng.</translation>
    </message>
    <message>
        <source>Paying with points needs the bill amount.</source>
        <translation>Dùng điểm trả tiền cần có số tiền hóa đơn.</translation>
    </message>
    <message>
        <source>The bill is smaller than the value of one point.</source>
        <translation>Hóa đơn nhỏ hơn giá trị của một điểm.</translation>
    </message>
    <message>
        <source>The customer has {0} {1}; {2} are needed.</source>
        <translation>Khách có {0} {1}; cần {2}.</translation>
    </message>
    <message>
        <source>The stamp card is not full yet: {0} of {1} stamps.</source>
        <translation>Thẻ tem chưa đầy: mới có {0}/{1} tem.</translation>
    </message>
    <message>
        <source>{0} costs {1} {2}; the customer has {3}.</source>
        <translation>{0} cần {1} {2}; khách đang có {3}.</translation>
    </message>
    <message>
        <source>Offline, a member may spend at most {0} {1} a day at this till ({2} already today). Try again when the till is back online.</source>
        <translation>Khi mất mạng, mỗi thành viên chỉ được dùng tối đa {0} {1} mỗi ngày tại máy này (hôm nay đã dùng {2}). Hãy thử lại khi có mạng.</translation>
    </message>
    <message>
        <source>Amounts cannot be negative.</source>
        <translation>Số tiền không được âm.</translation>
    </message>
    <message>
        <source>There is nothing to undo.</source>
        <translation>Không có gì để hoàn tác.</translation>
    </message>
    <message>
        <source>This entry has already been reversed.</source>
        <translation>Giao dịch này đã được hủy rồi.</translation>
    </message>
    <message>
        <source>An adjustment needs a reason.</source>
        <translation>Điều chỉnh cần có lý do.</translation>
    </message>
    <message>
        <source>The adjustment changes nothing.</source>
        <translation>Điều chỉnh này không thay đổi gì.</translation>
    </message>
    <message>
        <source>That adjustment is too large; check the number.</source>
        <translation>Mức điều chỉnh quá lớn; hãy kiểm tra lại số.</translation>
    </message>
    <message>
        <source>The balance would go below zero ({0} points, {1} stamps now).</source>
        <translation>Số dư sẽ bị âm (hiện có {0} điểm, {1} tem).</translation>
    </message>
    <message>
        <source>Adjusting a balance needs a manager.</source>
        <translation>Điều chỉnh số dư cần quản lý.</translation>
    </message>
    <message>
        <source>Wrong PIN.</source>
        <translation>Sai mã PIN.</translation>
    </message>
    <message>
        <source>A manager PIN is needed for this.</source>
        <translation>Việc này cần mã PIN của quản lý.</translation>
    </message>
    <message>
        <source>That is not a manager PIN.</source>
        <translation>Đó không phải mã PIN của quản lý.</translation>
    </message>
    <message>
        <source>A PIN is 4 to 8 digits.</source>
        <translation>Mã PIN gồm 4 đến 8 chữ số.</translation>
    </message>
    <message>
        <source>A rating is a whole number from 1 to 5.</source>
        <translation>Điểm đánh giá là số nguyên từ 1 đến 5.</translation>
    </message>
    <message>
        <source>This visit has already been rated.</source>
        <translation>Lần ghé này đã được đánh giá rồi.</translation>
    </message>
    <message>
        <source>blocked</source>
        <translation>khóa</translation>
    </message>
    <message>
        <source>merged</source>
        <translation>gộp</translation>
    </message>
    <message>
        <source>day</source>
        <translation>ngày</translation>
    </message>
    <message>
        <source>week</source>
        <translation>tuần</translation>
    </message>
    <message>
        <source>month</source>
        <translation>tháng</translation>
    </message>
    <message>
        <source>year</source>
        <translation>năm</translation>
    </message>
</context>
<context>
    <name>LoginPage</name>
    <message>
        <source>Type your staff PIN to start</source>
        <translation>Nhập mã PIN nhân viên để bắt đầu</translation>
    </message>
</context>
<context>
    <name>ManagerPinDialog</name>
    <message>
        <source>Manager PIN</source>
        <translation>Mã PIN quản lý</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
</context>
<context>
    <name>PinPad</name>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
</context>
<context>
    <name>PosController</name>
    <message>
        <source>Sales the POS records without a member appear here.</source>
        <translation>Hóa đơn POS chưa có khách hàng sẽ hiện ở đây.</translation>
    </message>
    <message>
        <source>This card is blocked: it cannot earn.</source>
        <translation>Thẻ này đã bị khóa: không được tích điểm.</translation>
    </message>
    <message>
        <source>Choose the customer&apos;s receipt.</source>
        <translation>Chọn hóa đơn của khách.</translation>
    </message>
    <message>
        <source>F7 credits {0} to {1}.</source>
        <translation>Nhấn F7 để tích hóa đơn {0} cho {1}.</translation>
    </message>
    <message>
        <source>Scan the card or find the customer, then attach their receipt.</source>
        <translation>Quét thẻ hoặc tìm khách hàng, rồi gắn hóa đơn của họ.</translation>
    </message>
    <message>
        <source>Scan the card or find the customer first, then attach the receipt.</source>
        <translation>Hãy quét thẻ hoặc tìm khách hàng trước, rồi mới gắn hóa đơn.</translation>
    </message>
    <message>
        <source>Choose a receipt in the POS list first.</source>
        <translation>Hãy chọn một hóa đơn trong danh sách POS trước.</translation>
    </message>
    <message>
        <source>A manager maps the POS export&apos;s columns.</source>
        <translation>Quản lý ánh xạ các cột của tệp xuất POS.</translation>
    </message>
    <message>
        <source>POS profile saved: {0}</source>
        <translation>Đã lưu hồ sơ POS: {0}</translation>
    </message>
    <message>
        <source>watching 1 folder</source>
        <translation>đang theo dõi 1 thư mục</translation>
    </message>
    <message>
        <source>watching {0} folders</source>
        <translation>đang theo dõi {0} thư mục</translation>
    </message>
    <message>
        <source>Export folders:</source>
        <translation>Thư mục hóa đơn xuất từ POS:</translation>
    </message>
    <message>
        <source>Click to read what the bridge left out (refunds and voids that took nothing back).</source>
        <translation>Bấm để xem những gì cầu nối bỏ qua (các lần hoàn tiền và hủy không thu hồi được gì).</translation>
    </message>
    <message>
        <source>1 file quarantined — see {0}</source>
        <translation>1 tệp bị cách ly — xem {0}</translation>
    </message>
    <message>
        <source>{0} files quarantined — see {1}</source>
        <translation>{0} tệp bị cách ly — xem {1}</translation>
    </message>
    <message>
        <source>{0} {1}: read before, nothing counted twice</source>
        <translation>{0} {1}: đã đọc trước đây, không tính hai lần</translation>
    </message>
    <message>
        <source>{0} {1}: quarantined</source>
        <translation>{0} {1}: bị cách ly</translation>
    </message>
    <message>
        <source>{0} {1}: not receipts, archived</source>
        <translation>{0} {1}: không phải hóa đơn, đã lưu trữ</translation>
    </message>
    <message>
        <source>{0} {1}: no sales in it</source>
        <translation>{0} {1}: không có hóa đơn bán</translation>
    </message>
    <message>
        <source>{0} {1}: {2} read, {3} awarded, {4} unclaimed</source>
        <translation>{0} {1}: đọc {2}, tự tích {3}, chờ gắn khách {4}</translation>
    </message>
    <message>
        <source>{0} bad lines set aside</source>
        <translation>{0} dòng lỗi để riêng</translation>
    </message>
    <message>
        <source>{0} notes</source>
        <translation>{0} ghi chú</translation>
    </message>
</context>
<context>
    <name>PosErrors</name>
    <message>
        <source>Receipt {0} can no longer be claimed (only within {1} days).</source>
        <translation>Hóa đơn {0} đã quá hạn, không gắn được nữa (chỉ trong vòng {1} ngày).</translation>
    </message>
    <message>
        <source>No receipt {0} from the POS is known here.</source>
        <translation>Máy này không có hóa đơn POS số {0}.</translation>
    </message>
    <message>
        <source>the whole bill was refunded</source>
        <translation>hóa đơn này đã được hoàn tiền toàn bộ</translation>
    </message>
    <message>
        <source>Give the receipt number.</source>
        <translation>Hãy nhập số hóa đơn.</translation>
    </message>
</context>
<context>
    <name>PosMappingDialog</name>
    <message>
        <source>Receipt number</source>
        <translation>Số hóa đơn</translation>
    </message>
    <message>
        <source>Date and time</source>
        <translation>Ngày giờ</translation>
    </message>
    <message>
        <source>Total paid</source>
        <translation>Tổng khách trả</translation>
    </message>
    <message>
        <source>Customer phone</source>
        <translation>Điện thoại khách</translation>
    </message>
    <message>
        <source>Loyalty card number</source>
        <translation>Số thẻ thành viên</translation>
    </message>
    <message>
        <source>Sale / refund / void</source>
        <translation>Bán / hoàn tiền / hủy</translation>
    </message>
    <message>
        <source>Refund of receipt</source>
        <translation>Hoàn tiền cho hóa đơn</translation>
    </message>
    <message>
        <source>Tip or service charge</source>
        <translation>Tiền boa hoặc phí dịch vụ</translation>
    </message>
    <message>
        <source>Item name</source>
        <translation>Tên món</translation>
    </message>
    <message>
        <source>Item code</source>
        <translation>Mã hàng</translation>
    </message>
    <message>
        <source>Item group</source>
        <translation>Nhóm hàng</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Số lượng</translation>
    </message>
    <message>
        <source>Unit price</source>
        <translation>Đơn giá</translation>
    </message>
    <message>
        <source>Line amount</source>
        <translation>Thành tiền dòng</translation>
    </message>
    <message>
        <source>Map a POS export</source>
        <translation>Ánh xạ tệp xuất POS</translation>
    </message>
    <message>
        <source>Save the profile</source>
        <translation>Lưu hồ sơ</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy bỏ</translation>
    </message>
    <message>
        <source>Choose a sample export…</source>
        <translation>Chọn tệp xuất mẫu…</translation>
    </message>
    <message>
        <source>Its columns and first rows:</source>
        <translation>Các cột và những dòng đầu:</translation>
    </message>
    <message>
        <source>Day first (31/12/2025)</source>
        <translation>Ngày trước (31/12/2025)</translation>
    </message>
    <message>
        <source>Month first (12/31/2025)</source>
        <translation>Tháng trước (12/31/2025)</translation>
    </message>
    <message>
        <source>Work it out per value</source>
        <translation>Tự nhận theo từng giá trị</translation>
    </message>
    <message>
        <source>Comma (1.250,50)</source>
        <translation>Dấu phẩy (1.250,50)</translation>
    </message>
    <message>
        <source>Point (1,250.50)</source>
        <translation>Dấu chấm (1,250.50)</translation>
    </message>
    <message>
        <source>Dates</source>
        <translation>Ngày tháng</translation>
    </message>
    <message>
        <source>Decimal mark</source>
        <translation>Dấu thập phân</translation>
    </message>
    <message>
        <source>Profile name</source>
        <translation>Tên hồ sơ</translation>
    </message>
    <message>
        <source>— not in this export —</source>
        <translation>— không có trong tệp này —</translation>
    </message>
    <message>
        <source>No sample chosen yet.</source>
        <translation>Chưa chọn tệp mẫu.</translation>
    </message>
    <message>
        <source>Sample: {0}</source>
        <translation>Tệp mẫu: {0}</translation>
    </message>
    <message>
        <source>Choose a sample export</source>
        <translation>Chọn tệp xuất mẫu</translation>
    </message>
    <message>
        <source>POS exports (*.xlsx *.csv *.txt)</source>
        <translation>Tệp xuất POS (*.xlsx *.csv *.txt)</translation>
    </message>
    <message>
        <source>This file cannot be read: {0}</source>
        <translation>Không đọc được tệp này: {0}</translation>
    </message>
    <message>
        <source>Choose the column of: {0}.</source>
        <translation>Hãy chọn cột cho: {0}.</translation>
    </message>
    <message>
        <source>Not yet: {0}</source>
        <translation>Chưa được: {0}</translation>
    </message>
    <message>
        <source>The sample reads as {0} receipt(s); {1} row(s) cannot be read.</source>
        <translation>Tệp mẫu đọc được {0} hóa đơn; {1} dòng không đọc được.</translation>
    </message>
    <message>
        <source>no member</source>
        <translation>không có thành viên</translation>
    </message>
    <message>
        <source>First: {0}, {1}, {2} ({3}).</source>
        <translation>Đầu tiên: {0}, {1}, {2} ({3}).</translation>
    </message>
</context>
<context>
    <name>PosNotes</name>
    <message>
        <source>Receipt {0}: not awarded automatically — {1}</source>
        <translation>Hóa đơn {0}: không được tích điểm tự động — {1}</translation>
    </message>
    <message>
        <source>Refund {0}: its sale {1} was never seen here, so there is nothing to take back.</source>
        <translation>Hoàn tiền {0}: hóa đơn bán {1} chưa từng được ghi nhận ở đây, nên không có gì để thu hồi.</translation>
    </message>
    <message>
        <source>Void {0}: its sale {1} was never seen here, so there is nothing to take back.</source>
        <translation>Hủy {0}: hóa đơn bán {1} chưa từng được ghi nhận ở đây, nên không có gì để thu hồi.</translation>
    </message>
    <message>
        <source>Void {0}: its sale {1} had earned nothing; it can no longer be claimed.</source>
        <translation>Hủy {0}: hóa đơn bán {1} chưa được tích điểm; giờ không thể nhận điểm cho hóa đơn này nữa.</translation>
    </message>
    <message>
        <source>Refund {0}: its sale {1} had earned nothing, so nothing was taken back.</source>
        <translation>Hoàn tiền {0}: hóa đơn bán {1} chưa được tích điểm, nên không thu hồi gì.</translation>
    </message>
    <message>
        <source>Refund {0}: {1}</source>
        <translation>Hoàn tiền {0}: {1}</translation>
    </message>
    <message>
        <source>Void {0}: {1}</source>
        <translation>Hủy {0}: {1}</translation>
    </message>
    <message>
        <source>Refund {0}: no sale of the last {1} days matches its customer, items and amount, so nothing was taken back.</source>
        <translation>Hoàn tiền {0}: không có hóa đơn bán nào trong {1} ngày qua khớp khách hàng, món và số tiền, nên không thu hồi gì.</translation>
    </message>
    <message>
        <source>Refund {0}: matched to the most recent fitting sale {1}; {2} fit as well. Check it with the POS.</source>
        <translation>Hoàn tiền {0}: đã ghép với hóa đơn bán khớp gần nhất {1}; {2} cũng khớp. Hãy kiểm tra lại trên máy POS.</translation>
    </message>
    <message>
        <source>the whole bill was refunded</source>
        <translation>cả hóa đơn đã được hoàn tiền</translation>
    </message>
</context>
<context>
    <name>PosNotesDialog</name>
    <message>
        <source>POS bridge notes</source>
        <translation>Ghi chú của cầu nối POS</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <source>What the POS bridge did not apply, export by export: refunds and voids that took nothing back, sales that did not earn, rows left for a later export.</source>
        <translation>Những gì cầu nối POS chưa áp dụng, theo từng tệp xuất: lần hoàn tiền và hủy không thu hồi được gì, hóa đơn bán không được tích điểm, các dòng để lại cho lần xuất sau.</translation>
    </message>
    <message>
        <source>Nothing was left out: every refund and void found its sale.</source>
        <translation>Không có gì bị bỏ sót: mọi lần hoàn tiền và hủy đều tìm thấy hóa đơn bán.</translation>
    </message>
</context>
<context>
    <name>PosReceiptsPanel</name>
    <message>
        <source>Attach  (F7)</source>
        <translation>Gắn cho khách  (F7)</translation>
    </message>
    <message>
        <source>POS receipts without a customer ({0})</source>
        <translation>Hóa đơn POS chưa có khách ({0})</translation>
    </message>
</context>
<context>
    <name>RedeemPanel</name>
    <message>
        <source>Redeem a reward</source>
        <translation>Đổi quà</translation>
    </message>
    <message>
        <source>Bill (for discounts):</source>
        <translation>Hóa đơn (để giảm giá):</translation>
    </message>
    <message>
        <source>Points to spend:</source>
        <translation>Số điểm dùng:</translation>
    </message>
    <message>
        <source>Redeem  (Enter)</source>
        <translation>Đổi quà  (Enter)</translation>
    </message>
    <message>
        <source>Scan a card or find a customer first.</source>
        <translation>Hãy quét thẻ hoặc tìm khách hàng trước.</translation>
    </message>
    <message>
        <source>This card is blocked: rewards cannot be redeemed.</source>
        <translation>Thẻ này đã bị khóa: không thể đổi quà.</translation>
    </message>
    <message>
        <source>To spend points, scan the customer&apos;s card: a phone number or a name is not enough.</source>
        <translation>Muốn dùng điểm, hãy quét thẻ của khách: số điện thoại hay tên là chưa đủ.</translation>
    </message>
    <message>
        <source>Nothing to redeem yet.</source>
        <translation>Chưa có quà nào đổi được.</translation>
    </message>
    <message>
        <source>Choose the reward:</source>
        <translation>Chọn quà:</translation>
    </message>
</context>
<context>
    <name>StampCardWidget</name>
    <message>
        <source>Card full — the reward is ready!</source>
        <translation>Đủ tem — quà đã sẵn sàng!</translation>
    </message>
    <message>
        <source>{0} full cards — rewards ready!</source>
        <translation>{0} thẻ đầy — quà đã sẵn sàng!</translation>
    </message>
    <message>
        <source>{0} of {1} stamps — {2} more for the reward</source>
        <translation>{0}/{1} tem — thêm {2} tem là có quà</translation>
    </message>
    <message>
        <source>FREE</source>
        <translation>QUÀ</translation>
    </message>
</context>
<context>
    <name>StatusBarView</name>
    <message>
        <source>● Online</source>
        <translation>● Trực tuyến</translation>
    </message>
    <message>
        <source>● Offline</source>
        <translation>● Ngoại tuyến</translation>
    </message>
    <message>
        <source>{0} waiting to sync</source>
        <translation>{0} giao dịch chờ đồng bộ</translation>
    </message>
    <message>
        <source>all synced</source>
        <translation>đã đồng bộ hết</translation>
    </message>
    <message>
        <source>last sync {0}</source>
        <translation>đồng bộ lần cuối {0}</translation>
    </message>
    <message>
        <source>POS: {0}</source>
        <translation>POS: {0}</translation>
    </message>
    <message>
        <source>Not logged in</source>
        <translation>Chưa đăng nhập</translation>
    </message>
    <message>
        <source>cashier</source>
        <translation>thu ngân</translation>
    </message>
    <message>
        <source>manager</source>
        <translation>quản lý</translation>
    </message>
    <message>
        <source>owner</source>
        <translation>chủ quán</translation>
    </message>
    <message>
        <source>Staff: {0} ({1})</source>
        <translation>Nhân viên: {0} ({1})</translation>
    </message>
</context>
<context>
    <name>Texts</name>
    <message>
        <source>a full card ({0} stamps)</source>
        <translation>1 thẻ đầy ({0} tem)</translation>
    </message>
    <message>
        <source>1 {0} = {1}</source>
        <translation>1 {0} = {1}</translation>
    </message>
    <message>
        <source>{0} more {1}</source>
        <translation>còn thiếu {0} {1}</translation>
    </message>
</context>
<context>
    <name>UndoPanel</name>
    <message>
        <source>Undo my last action</source>
        <translation>Hoàn tác thao tác vừa rồi</translation>
    </message>
    <message>
        <source>Within 2 minutes you may undo it yourself; after that a manager PIN is needed.</source>
        <translation>Trong vòng 2 phút bạn có thể tự hoàn tác; sau đó cần mã PIN của quản lý.</translation>
    </message>
    <message>
        <source>Undo  (Enter)</source>
        <translation>Hoàn tác  (Enter)</translation>
    </message>
</context>
<context>
    <name>Units</name>
    <message>
        <source>point</source>
        <translation>điểm</translation>
    </message>
    <message>
        <source>points</source>
        <translation>điểm</translation>
    </message>
    <message>
        <source>stamp</source>
        <translation>tem</translation>
    </message>
    <message>
        <source>stamps</source>
        <translation>tem</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>Thành viên</translation>
    </message>
    <message>
        <source>Gold</source>
        <translation>Vàng</translation>
    </message>
</context>
</TS>
