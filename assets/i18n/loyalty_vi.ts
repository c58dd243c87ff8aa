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
    <name>AuditTab</name>
    <message>
        <source>Audit log</source>
        <translation>Nhật ký kiểm tra</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>Mọi người</translation>
    </message>
    <message>
        <source>All tills</source>
        <translation>Mọi quầy</translation>
    </message>
    <message>
        <source>All actions</source>
        <translation>Mọi thao tác</translation>
    </message>
    <message>
        <source>What was done at every till of {0}: this till, {1}, and the store&apos;s other tills as of their last sync (other stores&apos; tills are not shown). Choose a till to see only its lines.</source>
        <translation>Những việc đã làm tại mọi quầy của {0}: quầy này, {1}, và các quầy khác của cửa hàng tính đến lần đồng bộ gần nhất của chúng (không hiện quầy của cửa hàng khác). Chọn một quầy để chỉ xem các dòng của quầy đó.</translation>
    </message>
    <message>
        <source>What was done at this till, {0}. It is not paired with a server yet: once it is, its lines are sent there and the store&apos;s other tills&apos; lines show here too.</source>
        <translation>Những việc đã làm tại quầy {0}. Quầy chưa được ghép với máy chủ: khi đã ghép, các dòng nhật ký của quầy sẽ được gửi lên đó và nhật ký của các quầy khác trong cửa hàng cũng hiện ở đây.</translation>
    </message>
    <message>
        <source>{0} lines shown, newest first</source>
        <translation>Đang hiện {0} dòng, mới nhất trước</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Ai</translation>
    </message>
    <message>
        <source>shop set up</source>
        <translation>thiết lập cửa hàng</translation>
    </message>
    <message>
        <source>shop settings changed</source>
        <translation>đổi cài đặt cửa hàng</translation>
    </message>
    <message>
        <source>staff added</source>
        <translation>thêm nhân viên</translation>
    </message>
    <message>
        <source>role changed</source>
        <translation>đổi vai trò</translation>
    </message>
    <message>
        <source>staff disabled</source>
        <translation>khóa nhân viên</translation>
    </message>
    <message>
        <source>staff enabled</source>
        <translation>mở lại nhân viên</translation>
    </message>
    <message>
        <source>PIN reset</source>
        <translation>đặt lại mã PIN</translation>
    </message>
    <message>
        <source>staff renamed</source>
        <translation>đổi tên nhân viên</translation>
    </message>
    <message>
        <source>program published</source>
        <translation>công bố chương trình</translation>
    </message>
    <message>
        <source>program draft saved</source>
        <translation>lưu bản nháp chương trình</translation>
    </message>
    <message>
        <source>reward saved</source>
        <translation>lưu phần thưởng</translation>
    </message>
    <message>
        <source>member enrolled</source>
        <translation>đăng ký thành viên</translation>
    </message>
    <message>
        <source>member&apos;s details changed</source>
        <translation>sửa thông tin thành viên</translation>
    </message>
    <message>
        <source>member blocked</source>
        <translation>khóa thành viên</translation>
    </message>
    <message>
        <source>member unblocked</source>
        <translation>mở khóa thành viên</translation>
    </message>
    <message>
        <source>members merged</source>
        <translation>gộp thành viên</translation>
    </message>
    <message>
        <source>merge undone</source>
        <translation>hủy gộp thành viên</translation>
    </message>
    <message>
        <source>card replaced</source>
        <translation>thay thẻ</translation>
    </message>
    <message>
        <source>entry reversed</source>
        <translation>hủy giao dịch</translation>
    </message>
    <message>
        <source>sale undone</source>
        <translation>hoàn tác giao dịch</translation>
    </message>
    <message>
        <source>ticket resolved</source>
        <translation>giải quyết phản ánh</translation>
    </message>
    <message>
        <source>ticket changed</source>
        <translation>sửa phản ánh</translation>
    </message>
    <message>
        <source>voucher budget set</source>
        <translation>đặt ngân sách phiếu</translation>
    </message>
    <message>
        <source>flag closed</source>
        <translation>đóng cảnh báo</translation>
    </message>
    <message>
        <source>balance adjusted</source>
        <translation>điều chỉnh số dư</translation>
    </message>
    <message>
        <source>back office opened</source>
        <translation>mở trang quản lý</translation>
    </message>
    <message>
        <source>campaign list exported</source>
        <translation>xuất danh sách chiến dịch</translation>
    </message>
    <message>
        <source>segment exported</source>
        <translation>xuất nhóm khách hàng</translation>
    </message>
    <message>
        <source>&apos;lapsed&apos; days changed</source>
        <translation>đổi số ngày &apos;đã rời bỏ&apos;</translation>
    </message>
    <message>
        <source>wrong PIN</source>
        <translation>nhập sai mã PIN</translation>
    </message>
    <message>
        <source>PIN entry locked</source>
        <translation>khóa nhập mã PIN</translation>
    </message>
    <message>
        <source>receipt claimed</source>
        <translation>nhận hóa đơn</translation>
    </message>
    <message>
        <source>staff phone set</source>
        <translation>đặt số điện thoại nhân viên</translation>
    </message>
    <message>
        <source>ticket owners changed</source>
        <translation>đổi người phụ trách phiếu</translation>
    </message>
    <message>
        <source>name</source>
        <translation>tên</translation>
    </message>
    <message>
        <source>role</source>
        <translation>vai trò</translation>
    </message>
    <message>
        <source>working</source>
        <translation>làm việc</translation>
    </message>
    <message>
        <source>phone</source>
        <translation>số điện thoại</translation>
    </message>
    <message>
        <source>card</source>
        <translation>thẻ</translation>
    </message>
    <message>
        <source>reason</source>
        <translation>lý do</translation>
    </message>
    <message>
        <source>status</source>
        <translation>trạng thái</translation>
    </message>
    <message>
        <source>priority</source>
        <translation>ưu tiên</translation>
    </message>
    <message>
        <source>owner</source>
        <translation>người phụ trách</translation>
    </message>
    <message>
        <source>resolution</source>
        <translation>cách giải quyết</translation>
    </message>
    <message>
        <source>points</source>
        <translation>điểm</translation>
    </message>
    <message>
        <source>stamps</source>
        <translation>tem</translation>
    </message>
    <message>
        <source>wrong PINs in a row</source>
        <translation>số lần sai mã PIN liên tiếp</translation>
    </message>
    <message>
        <source>wait (seconds)</source>
        <translation>chờ (giây)</translation>
    </message>
    <message>
        <source>currency</source>
        <translation>đơn vị tiền</translation>
    </message>
    <message>
        <source>time zone</source>
        <translation>múi giờ</translation>
    </message>
    <message>
        <source>address</source>
        <translation>địa chỉ</translation>
    </message>
    <message>
        <source>shop name</source>
        <translation>tên cửa hàng</translation>
    </message>
    <message>
        <source>monthly budget</source>
        <translation>ngân sách tháng</translation>
    </message>
    <message>
        <source>file</source>
        <translation>tệp</translation>
    </message>
    <message>
        <source>members</source>
        <translation>thành viên</translation>
    </message>
    <message>
        <source>version</source>
        <translation>phiên bản</translation>
    </message>
    <message>
        <source>draft</source>
        <translation>bản nháp</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>có</translation>
    </message>
    <message>
        <source>no</source>
        <translation>không</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Khi nào</translation>
    </message>
    <message>
        <source>Till</source>
        <translation>Quầy</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Việc gì</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Đối tượng</translation>
    </message>
    <message>
        <source>Before → after</source>
        <translation>Trước → sau</translation>
    </message>
    <message>
        <source>(the system)</source>
        <translation>(hệ thống)</translation>
    </message>
    <message>
        <source>Dates</source>
        <translation>Ngày</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Xem</translation>
    </message>
    <message>
        <source>Older…</source>
        <translation>Cũ hơn…</translation>
    </message>
</context>
<context>
    <name>AwardController</name>
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
        <source>{0} is less than {1}, the smallest bill that earns points. Check the amount, or press Enter again to record it.</source>
        <translation>{0} nhỏ hơn {1}, mức hóa đơn nhỏ nhất được tích điểm. Hãy kiểm tra lại số tiền, hoặc nhấn Enter lần nữa để vẫn ghi nhận.</translation>
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
        <source>e.g. {0}</source>
        <translation>vd. {0}</translation>
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
    <name>BackOffice</name>
    <message>
        <source>That is not a manager PIN. Try again.</source>
        <translation>Đây không phải mã PIN của quản lý. Vui lòng thử lại.</translation>
    </message>
    <message>
        <source>Wrong PIN. Type a manager or owner PIN.</source>
        <translation>Sai mã PIN. Hãy nhập mã PIN của quản lý hoặc chủ cửa hàng.</translation>
    </message>
    <message>
        <source>{0} is a cashier: the back office opens only with a manager&apos;s or the owner&apos;s PIN.</source>
        <translation>{0} là thu ngân: trang quản lý chỉ mở bằng mã PIN của quản lý hoặc chủ cửa hàng.</translation>
    </message>
</context>
<context>
    <name>BackOfficeWindow</name>
    <message>
        <source>Loyalty — back office — {0}</source>
        <translation>Khách hàng thân thiết — quản lý — {0}</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Tệp</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Xem</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Ngôn ngữ</translation>
    </message>
    <message>
        <source>Export table to CSV…</source>
        <translation>Xuất bảng ra CSV…</translation>
    </message>
    <message>
        <source>Export table to Excel (.xlsx)…</source>
        <translation>Xuất bảng ra Excel (.xlsx)…</translation>
    </message>
    <message>
        <source>Print dashboard to PDF…</source>
        <translation>In bảng tổng quan ra PDF…</translation>
    </message>
    <message>
        <source>Close the back office</source>
        <translation>Đóng trang quản lý</translation>
    </message>
    <message>
        <source>Map a POS export…</source>
        <translation>Ánh xạ tệp xuất POS…</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Làm mới</translation>
    </message>
    <message>
        <source>Next tab</source>
        <translation>Thẻ tiếp theo</translation>
    </message>
    <message>
        <source>Previous tab</source>
        <translation>Thẻ trước</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>Đang xử lý…</translation>
    </message>
    <message>
        <source>Map a POS export&apos;s columns</source>
        <translation>Ánh xạ các cột của tệp xuất POS</translation>
    </message>
    <message>
        <source>POS profile saved: {0}. Exports of that shape are read with it from now on.</source>
        <translation>Đã lưu hồ sơ POS: {0}. Từ giờ các tệp xuất có dạng này được đọc theo hồ sơ đó.</translation>
    </message>
    <message>
        <source>1 store</source>
        <translation>1 cửa hàng</translation>
    </message>
    <message>
        <source>{0} stores</source>
        <translation>{0} cửa hàng</translation>
    </message>
    <message>
        <source>Showing: all stores this till holds ({0}) — the chain as of this till&apos;s last sync</source>
        <translation>Đang xem: mọi cửa hàng có dữ liệu trên máy này ({0}) — cả chuỗi tính đến lần đồng bộ gần nhất</translation>
    </message>
    <message>
        <source>Showing: the members of this store&apos;s region ({0}) — data held by this till</source>
        <translation>Đang xem: khách hàng của khu vực cửa hàng này ({0}) — dữ liệu trên máy này</translation>
    </message>
    <message>
        <source>Showing: this store ({0}) — data held by this till</source>
        <translation>Đang xem: cửa hàng này ({0}) — dữ liệu trên máy này</translation>
    </message>
    <message>
        <source>Figures are computed from this till&apos;s own database; it works offline. Stores: {0}</source>
        <translation>Số liệu được tính từ cơ sở dữ liệu của chính máy này, không cần mạng. Cửa hàng: {0}</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Tệp CSV (*.csv)</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Sổ tính Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>Export table</source>
        <translation>Xuất bảng</translation>
    </message>
    <message>
        <source>Could not save {0}: {1}</source>
        <translation>Không lưu được {0}: {1}</translation>
    </message>
    <message>
        <source>Saved {0} rows to {1}</source>
        <translation>Đã lưu {0} dòng vào {1}</translation>
    </message>
    <message>
        <source>Print dashboard</source>
        <translation>In bảng tổng quan</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Tệp PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Saved the dashboard to {0}</source>
        <translation>Đã lưu bảng tổng quan vào {0}</translation>
    </message>
</context>
<context>
    <name>CameraPicker</name>
    <message>
        <source>No camera</source>
        <translation>Không dùng camera</translation>
    </message>
    <message>
        <source>{0} (not plugged in)</source>
        <translation>{0} (chưa cắm)</translation>
    </message>
    <message>
        <source>the chosen camera</source>
        <translation>camera đã chọn</translation>
    </message>
    <message>
        <source>Camera support is not installed on this till (the camera extra, PySide6-Addons).</source>
        <translation>Máy này chưa cài phần hỗ trợ camera (gói camera, PySide6-Addons).</translation>
    </message>
    <message>
        <source>No camera is plugged into this till.</source>
        <translation>Chưa có camera nào được cắm vào máy này.</translation>
    </message>
    <message>
        <source>The webcam at the customer display: customers hold up their card or phone to it to be found.</source>
        <translation>Webcam ở màn hình khách: khách đưa thẻ hoặc điện thoại trước webcam để được nhận diện.</translation>
    </message>
    <message>
        <source>Saved. The cashier window uses this camera now.</source>
        <translation>Đã lưu. Màn hình thu ngân đang dùng camera này.</translation>
    </message>
    <message>
        <source>Saved: no camera. The cashier window has stopped it.</source>
        <translation>Đã lưu: không dùng camera. Màn hình thu ngân đã tắt camera.</translation>
    </message>
    <message>
        <source>Saved. The camera starts the next time the till program starts.</source>
        <translation>Đã lưu. Camera sẽ bật từ lần mở chương trình tiếp theo.</translation>
    </message>
    <message>
        <source>Saved: no camera. This takes effect the next time the till program starts.</source>
        <translation>Đã lưu: không dùng camera. Thay đổi có hiệu lực từ lần mở chương trình tiếp theo.</translation>
    </message>
    <message>
        <source>The camera choice could not be saved. Try again.</source>
        <translation>Chưa lưu được lựa chọn camera. Hãy thử lại.</translation>
    </message>
</context>
<context>
    <name>CameraStatusLabel</name>
    <message>
        <source>the customer camera</source>
        <translation>camera của khách</translation>
    </message>
    <message>
        <source>Camera not connected: scan cards at the till ({0}).</source>
        <translation>Camera chưa được cắm: hãy quét thẻ bằng máy quét ở quầy ({0}).</translation>
    </message>
    <message>
        <source>Camera unplugged: plug it back in, or scan cards at the till ({0}).</source>
        <translation>Camera đã bị rút ra: hãy cắm lại, hoặc quét thẻ bằng máy quét ở quầy ({0}).</translation>
    </message>
    <message>
        <source>Camera stopped working: unplug it and plug it back in ({0}).</source>
        <translation>Camera ngừng hoạt động: hãy rút ra rồi cắm lại ({0}).</translation>
    </message>
    <message>
        <source>This till cannot use a camera: camera support is not installed.</source>
        <translation>Máy này không dùng được camera: chưa cài phần hỗ trợ camera.</translation>
    </message>
</context>
<context>
    <name>CashierLauncher</name>
    <message>
        <source>Back office (manager)…</source>
        <translation>Trang quản lý (quản lý)…</translation>
    </message>
    <message>
        <source>Type a manager or owner PIN to open the back office.</source>
        <translation>Nhập mã PIN của quản lý hoặc chủ cửa hàng để mở trang quản lý.</translation>
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
        <source>Type amounts in thousands (125 means 125,000)</source>
        <translation>Nhập số tiền theo nghìn (125 là 125.000)</translation>
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
        <source>No sync server is set up: this till works offline.</source>
        <translation>Chưa cài đặt máy chủ đồng bộ: máy này đang làm việc ngoại tuyến.</translation>
    </message>
    <message>
        <source>Connecting to the sync server…</source>
        <translation>Đang kết nối máy chủ đồng bộ…</translation>
    </message>
    <message>
        <source>Synced with the server.</source>
        <translation>Đã đồng bộ với máy chủ.</translation>
    </message>
    <message>
        <source>The sync server cannot be reached. The till keeps working offline and sends everything later.</source>
        <translation>Không kết nối được máy chủ đồng bộ. Máy vẫn làm việc ngoại tuyến và sẽ gửi mọi giao dịch sau.</translation>
    </message>
    <message>
        <source>{0}★ from {1}: a ticket is open for the manager. A kind word now helps.</source>
        <translation>{0}★ từ {1}: đã mở phiếu phản ánh cho quản lý. Một lời xin lỗi lúc này sẽ có ích.</translation>
    </message>
    <message>
        <source>a guest</source>
        <translation>khách vãng lai</translation>
    </message>
</context>
<context>
    <name>CorrectionsController</name>
    <message>
        <source>There is nothing to undo.</source>
        <translation>Không có gì để hoàn tác.</translation>
    </message>
    <message>
        <source>{0}, at {1}.</source>
        <translation>{0}, lúc {1}.</translation>
    </message>
    <message>
        <source>Your last action was for {0}, not for {1} who is on screen. Press Esc to clear the screen, then undo.</source>
        <translation>Thao tác vừa rồi của bạn là cho {0}, không phải cho {1} đang hiện trên màn hình. Nhấn Esc để xóa màn hình, rồi hoàn tác.</translation>
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
        <source>Undo {0} for {1}</source>
        <translation>Hoàn tác {0} cho {1}</translation>
    </message>
    <message>
        <source>Undone for {0}: {1}.</source>
        <translation>Đã hoàn tác cho {0}: {1}.</translation>
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
    <message>
        <source>Scan a card or find a customer first.</source>
        <translation>Hãy quét thẻ hoặc tìm khách hàng trước.</translation>
    </message>
    <message>
        <source>A manager approves this correction. Reason: {0}</source>
        <translation>Quản lý duyệt điều chỉnh này. Lý do: {0}</translation>
    </message>
    <message>
        <source>{0} for {1}</source>
        <translation>{0} cho {1}</translation>
    </message>
    <message>
        <source>Corrected by {0}: {1}.</source>
        <translation>Đã điều chỉnh bởi {0}: {1}.</translation>
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
        <source>We are sorry we let you down. The manager will get in touch to make it right.</source>
        <translation>Chúng tôi rất tiếc vì đã làm bạn thất vọng. Quản lý sẽ liên hệ để khắc phục cho bạn.</translation>
    </message>
    <message>
        <source>Take a photo of this code: show it next time instead of the card.</source>
        <translation>Chụp ảnh mã này: lần sau đưa ra thay cho thẻ.</translation>
    </message>
</context>
<context>
    <name>CustomerPageDialog</name>
    <message>
        <source>Customer</source>
        <translation>Khách hàng</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Lịch sử</translation>
    </message>
    <message>
        <source>Ratings and tickets</source>
        <translation>Đánh giá và phiếu khiếu nại</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Lúc</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>Điểm</translation>
    </message>
    <message>
        <source>Stamps</source>
        <translation>Tem</translation>
    </message>
    <message>
        <source>What, where, who</source>
        <translation>Nội dung, nơi, người làm</translation>
    </message>
    <message>
        <source>Rating or ticket</source>
        <translation>Đánh giá hoặc khiếu nại</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Nhận xét</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <source>Manager actions</source>
        <translation>Thao tác của quản lý</translation>
    </message>
    <message>
        <source>Each needs a manager PIN and a reason; all are written to the audit log.</source>
        <translation>Mỗi thao tác cần PIN quản lý và lý do; tất cả được ghi vào nhật ký.</translation>
    </message>
    <message>
        <source>&amp;Action:</source>
        <translation>&amp;Thao tác:</translation>
    </message>
    <message>
        <source>Adjust the balance</source>
        <translation>Điều chỉnh số dư</translation>
    </message>
    <message>
        <source>Reverse the entry chosen in the history</source>
        <translation>Huỷ giao dịch đã chọn trong lịch sử</translation>
    </message>
    <message>
        <source>Block or unblock</source>
        <translation>Khoá hoặc mở khoá</translation>
    </message>
    <message>
        <source>Edit the profile</source>
        <translation>Sửa hồ sơ</translation>
    </message>
    <message>
        <source>Print a new card (the old one stops working)</source>
        <translation>In thẻ mới (thẻ cũ hết hiệu lực)</translation>
    </message>
    <message>
        <source>Merge another member into this one</source>
        <translation>Gộp một hội viên khác vào hội viên này</translation>
    </message>
    <message>
        <source>Undo a merge</source>
        <translation>Huỷ việc gộp</translation>
    </message>
    <message>
        <source>&amp;Points (+ or −):</source>
        <translation>Đ&amp;iểm (+ hoặc −):</translation>
    </message>
    <message>
        <source>S&amp;tamps (+ or −):</source>
        <translation>&amp;Tem (+ hoặc −):</translation>
    </message>
    <message>
        <source>Choose the entry in the history on the right; its reversal is a new entry, the original stays.</source>
        <translation>Chọn giao dịch trong lịch sử bên phải; việc huỷ là một giao dịch mới, giao dịch gốc vẫn được giữ.</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Họ tên:</translation>
    </message>
    <message>
        <source>P&amp;hone:</source>
        <translation>Số đ&amp;iện thoại:</translation>
    </message>
    <message>
        <source>&amp;Birthday (day/month[/year]):</source>
        <translation>&amp;Ngày sinh (ngày/tháng[/năm]):</translation>
    </message>
    <message>
        <source>&amp;Gender:</source>
        <translation>&amp;Giới tính:</translation>
    </message>
    <message>
        <source>A&amp;rea:</source>
        <translation>&amp;Khu vực:</translation>
    </message>
    <message>
        <source>Agrees to receive offers (marketing consent)</source>
        <translation>Đồng ý nhận ưu đãi (tiếp thị)</translation>
    </message>
    <message>
        <source>not given</source>
        <translation>không cho biết</translation>
    </message>
    <message>
        <source>female</source>
        <translation>nữ</translation>
    </message>
    <message>
        <source>male</source>
        <translation>nam</translation>
    </message>
    <message>
        <source>other</source>
        <translation>khác</translation>
    </message>
    <message>
        <source>A new card number and QR code; the old card is refused at every till with a sentence saying it was replaced.</source>
        <translation>Số thẻ và mã QR mới; thẻ cũ bị từ chối ở mọi quầy, kèm thông báo rằng thẻ đã được thay.</translation>
    </message>
    <message>
        <source>Find the other card (phone, card number or name). Its history is kept and its balance folds into this member; the merge can be undone.</source>
        <translation>Tìm thẻ còn lại (số điện thoại, số thẻ hoặc tên). Lịch sử của thẻ đó được giữ nguyên và số dư được cộng vào hội viên này; có thể huỷ việc gộp.</translation>
    </message>
    <message>
        <source>Phone, card number or name of the other member</source>
        <translation>Số điện thoại, số thẻ hoặc tên của hội viên kia</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>&amp;Tìm</translation>
    </message>
    <message>
        <source>Each member gets back the balance of their own entries.</source>
        <translation>Mỗi hội viên nhận lại số dư từ chính các giao dịch của mình.</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Lý do:</translation>
    </message>
    <message>
        <source>&amp;Approve with manager PIN…</source>
        <translation>&amp;Duyệt bằng PIN quản lý…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <source>Customer: {0}</source>
        <translation>Khách hàng: {0}</translation>
    </message>
    <message>
        <source>Active member</source>
        <translation>Hội viên đang hoạt động</translation>
    </message>
    <message>
        <source>Blocked</source>
        <translation>Đã khoá</translation>
    </message>
    <message>
        <source>Merged</source>
        <translation>Đã gộp</translation>
    </message>
    <message>
        <source>Merged into {0} (card {1}).</source>
        <translation>Đã gộp vào {0} (thẻ {1}).</translation>
    </message>
    <message>
        <source>Also holds the history of: {0}.</source>
        <translation>Giữ cả lịch sử của: {0}.</translation>
    </message>
    <message>
        <source>Sync flagged {0} (card {1}) as possibly the same person.</source>
        <translation>Đồng bộ báo {0} (thẻ {1}) có thể là cùng một người.</translation>
    </message>
    <message>
        <source>{0} points · {1} stamps · {2} · {3} visits</source>
        <translation>{0} điểm · {1} tem · {2} · {3} lượt ghé</translation>
    </message>
    <message>
        <source>Card: {0}</source>
        <translation>Thẻ: {0}</translation>
    </message>
    <message>
        <source>Phone: {0}</source>
        <translation>Điện thoại: {0}</translation>
    </message>
    <message>
        <source>Birthday: {0}</source>
        <translation>Ngày sinh: {0}</translation>
    </message>
    <message>
        <source>Gender: {0}</source>
        <translation>Giới tính: {0}</translation>
    </message>
    <message>
        <source>Area: {0}</source>
        <translation>Khu vực: {0}</translation>
    </message>
    <message>
        <source>Marketing consent: {0}</source>
        <translation>Đồng ý nhận ưu đãi: {0}</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>có</translation>
    </message>
    <message>
        <source>no</source>
        <translation>không</translation>
    </message>
    <message>
        <source>Enrolled: {0} at {1}</source>
        <translation>Đăng ký: {0} tại {1}</translation>
    </message>
    <message>
        <source>Lifetime spend: {0}</source>
        <translation>Tổng chi tiêu: {0}</translation>
    </message>
    <message>
        <source>Last visit: {0}</source>
        <translation>Lần ghé gần nhất: {0}</translation>
    </message>
    <message>
        <source>Referral code: {0}</source>
        <translation>Mã giới thiệu: {0}</translation>
    </message>
    <message>
        <source>at {0}, till {1}</source>
        <translation>tại {0}, quầy {1}</translation>
    </message>
    <message>
        <source>by {0}</source>
        <translation>bởi {0}</translation>
    </message>
    <message>
        <source>receipt {0}</source>
        <translation>hoá đơn {0}</translation>
    </message>
    <message>
        <source>Sale of {0}</source>
        <translation>Mua hàng {0}</translation>
    </message>
    <message>
        <source>Redeemed {0}</source>
        <translation>Đổi {0}</translation>
    </message>
    <message>
        <source>a reward</source>
        <translation>một phần thưởng</translation>
    </message>
    <message>
        <source>Welcome bonus</source>
        <translation>Quà chào mừng</translation>
    </message>
    <message>
        <source>Bonus: {0}</source>
        <translation>Thưởng: {0}</translation>
    </message>
    <message>
        <source>Adjusted by a manager: {0}</source>
        <translation>Quản lý điều chỉnh: {0}</translation>
    </message>
    <message>
        <source>Points expired</source>
        <translation>Điểm hết hạn</translation>
    </message>
    <message>
        <source>Reversal of an earlier entry: {0}</source>
        <translation>Huỷ một giao dịch trước: {0}</translation>
    </message>
    <message>
        <source>Tier changed to {0}</source>
        <translation>Đổi hạng thành {0}</translation>
    </message>
    <message>
        <source>(reversed)</source>
        <translation>(đã huỷ)</translation>
    </message>
    <message>
        <source>[on card {0}]</source>
        <translation>[trên thẻ {0}]</translation>
    </message>
    <message>
        <source>open</source>
        <translation>mở</translation>
    </message>
    <message>
        <source>in progress</source>
        <translation>đang xử lý</translation>
    </message>
    <message>
        <source>resolved</source>
        <translation>đã giải quyết</translation>
    </message>
    <message>
        <source>Ticket: {0}</source>
        <translation>Khiếu nại: {0}</translation>
    </message>
    <message>
        <source>Unblock {0}: the card earns and spends again.</source>
        <translation>Mở khoá {0}: thẻ lại được tích và dùng điểm.</translation>
    </message>
    <message>
        <source>Block {0}: the card is refused at every till until a manager unblocks it.</source>
        <translation>Khoá {0}: thẻ bị từ chối ở mọi quầy cho đến khi quản lý mở khoá.</translation>
    </message>
    <message>
        <source>No other member matches.</source>
        <translation>Không có hội viên nào khác khớp.</translation>
    </message>
    <message>
        <source>Adjust {0}: {1} points, {2} stamps. Reason: {3}</source>
        <translation>Điều chỉnh {0}: {1} điểm, {2} tem. Lý do: {3}</translation>
    </message>
    <message>
        <source>Adjusted.</source>
        <translation>Đã điều chỉnh.</translation>
    </message>
    <message>
        <source>Choose the entry to reverse in the history first.</source>
        <translation>Hãy chọn giao dịch cần huỷ trong lịch sử trước.</translation>
    </message>
    <message>
        <source>Reverse this entry of {0}: {1} ({2}). Reason: {3}</source>
        <translation>Huỷ giao dịch này của {0}: {1} ({2}). Lý do: {3}</translation>
    </message>
    <message>
        <source>Reversed.</source>
        <translation>Đã huỷ.</translation>
    </message>
    <message>
        <source>Block {0}. Reason: {1}</source>
        <translation>Khoá {0}. Lý do: {1}</translation>
    </message>
    <message>
        <source>Unblock {0}. Reason: {1}</source>
        <translation>Mở khoá {0}. Lý do: {1}</translation>
    </message>
    <message>
        <source>Blocked.</source>
        <translation>Đã khoá.</translation>
    </message>
    <message>
        <source>Unblocked.</source>
        <translation>Đã mở khoá.</translation>
    </message>
    <message>
        <source>Change the profile of {0}. Reason: {1}</source>
        <translation>Sửa hồ sơ của {0}. Lý do: {1}</translation>
    </message>
    <message>
        <source>Profile saved.</source>
        <translation>Đã lưu hồ sơ.</translation>
    </message>
    <message>
        <source>Print a new card for {0}; card {1} stops working. Reason: {2}</source>
        <translation>In thẻ mới cho {0}; thẻ {1} hết hiệu lực. Lý do: {2}</translation>
    </message>
    <message>
        <source>Find and choose the other member first.</source>
        <translation>Hãy tìm và chọn hội viên kia trước.</translation>
    </message>
    <message>
        <source>Merge {0} into {1}: one member, both histories kept, one balance. Reason: {2}</source>
        <translation>Gộp {0} vào {1}: một hội viên, giữ cả hai lịch sử, một số dư. Lý do: {2}</translation>
    </message>
    <message>
        <source>Merged.</source>
        <translation>Đã gộp.</translation>
    </message>
    <message>
        <source>No member is merged into this one.</source>
        <translation>Không có hội viên nào được gộp vào hội viên này.</translation>
    </message>
    <message>
        <source>Undo the merge of {0} into {1}. Reason: {2}</source>
        <translation>Huỷ việc gộp {0} vào {1}. Lý do: {2}</translation>
    </message>
    <message>
        <source>The merge is undone.</source>
        <translation>Đã huỷ việc gộp.</translation>
    </message>
    <message>
        <source>Not done: no manager approved it.</source>
        <translation>Chưa thực hiện: chưa có quản lý duyệt.</translation>
    </message>
    <message>
        <source>New card number: {0}</source>
        <translation>Số thẻ mới: {0}</translation>
    </message>
    <message>
        <source>New card {0}; card {1} no longer works.</source>
        <translation>Thẻ mới {0}; thẻ {1} không còn dùng được.</translation>
    </message>
</context>
<context>
    <name>CustomerTableModel</name>
    <message>
        <source>Name</source>
        <translation>Họ tên</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Điện thoại</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>Hạng</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>Điểm</translation>
    </message>
    <message>
        <source>Stamps</source>
        <translation>Tem</translation>
    </message>
    <message>
        <source>Visits</source>
        <translation>Lượt ghé</translation>
    </message>
    <message>
        <source>Last visit</source>
        <translation>Lần ghé gần nhất</translation>
    </message>
    <message>
        <source>Lifetime spend</source>
        <translation>Tổng chi tiêu</translation>
    </message>
    <message>
        <source>Segment</source>
        <translation>Nhóm</translation>
    </message>
    <message>
        <source>(blocked)</source>
        <translation>(đã khoá)</translation>
    </message>
    <message>
        <source>Card {0}</source>
        <translation>Thẻ {0}</translation>
    </message>
</context>
<context>
    <name>CustomersTab</name>
    <message>
        <source>Customers</source>
        <translation>Khách hàng</translation>
    </message>
    <message>
        <source>&amp;Search:</source>
        <translation>&amp;Tìm:</translation>
    </message>
    <message>
        <source>Phone, its last 4–6 digits, card number, or words of the name (no accents needed)</source>
        <translation>Số điện thoại, 4–6 số cuối, số thẻ hoặc các từ trong tên (không cần dấu)</translation>
    </message>
    <message>
        <source>&amp;Open customer</source>
        <translation>&amp;Mở hồ sơ khách</translation>
    </message>
    <message>
        <source>Members found: {0}</source>
        <translation>Tìm thấy {0} hội viên</translation>
    </message>
    <message>
        <source>Enrolled twice? Pairs flagged by sync: {0}. Review…</source>
        <translation>Đăng ký hai lần? Đồng bộ báo {0} cặp. Xem…</translation>
    </message>
</context>
<context>
    <name>DashboardTab</name>
    <message>
        <source>Dashboard</source>
        <translation>Tổng quan</translation>
    </message>
    <message>
        <source>The figures could not be computed: {0}</source>
        <translation>Không tính được số liệu: {0}</translation>
    </message>
    <message>
        <source>{0} in 90 days</source>
        <translation>{0} trong 90 ngày</translation>
    </message>
    <message>
        <source>by {0} members</source>
        <translation>của {0} thành viên</translation>
    </message>
    <message>
        <source>the program gives points no money value</source>
        <translation>chương trình chưa quy điểm ra tiền</translation>
    </message>
    <message>
        <source>{0} a point (pay with points)</source>
        <translation>{0} mỗi điểm (trả bằng điểm)</translation>
    </message>
    <message>
        <source>{0} a point (best fixed-discount reward)</source>
        <translation>{0} mỗi điểm (ưu đãi giảm giá cao nhất)</translation>
    </message>
    <message>
        <source>{0} bills</source>
        <translation>{0} hóa đơn</translation>
    </message>
    <message>
        <source>{0} of {1} members who spent</source>
        <translation>{0} trên {1} thành viên có chi tiêu</translation>
    </message>
    <message>
        <source>▲ {0}  ▼ {1}</source>
        <translation>▲ {0}  ▼ {1}</translation>
    </message>
    <message>
        <source>no redemption in this period</source>
        <translation>không có lượt đổi thưởng trong kỳ</translation>
    </message>
    <message>
        <source>no rating in this period</source>
        <translation>không có đánh giá trong kỳ</translation>
    </message>
    <message>
        <source>{0} before: {1}</source>
        <translation>{0} kỳ trước: {1}</translation>
    </message>
    <message>
        <source>{0} ratings</source>
        <translation>{0} đánh giá</translation>
    </message>
    <message>
        <source>Visits and new members per day</source>
        <translation>Lượt ghé và thành viên mới mỗi ngày</translation>
    </message>
    <message>
        <source>visits</source>
        <translation>lượt ghé</translation>
    </message>
    <message>
        <source>new members</source>
        <translation>thành viên mới</translation>
    </message>
    <message>
        <source>Points issued and redeemed per day</source>
        <translation>Điểm phát ra và điểm đã đổi mỗi ngày</translation>
    </message>
    <message>
        <source>issued</source>
        <translation>phát ra</translation>
    </message>
    <message>
        <source>redeemed</source>
        <translation>đã đổi</translation>
    </message>
    <message>
        <source>Spend per day: members and non-members (thousands)</source>
        <translation>Doanh thu mỗi ngày: thành viên và khách vãng lai (nghìn)</translation>
    </message>
    <message>
        <source>members</source>
        <translation>thành viên</translation>
    </message>
    <message>
        <source>non-members</source>
        <translation>khách vãng lai</translation>
    </message>
    <message>
        <source>Members per tier now</source>
        <translation>Số thành viên mỗi hạng hiện nay</translation>
    </message>
    <message>
        <source>Average rating per day</source>
        <translation>Điểm đánh giá trung bình mỗi ngày</translation>
    </message>
    <message>
        <source>&amp;Range:</source>
        <translation>&amp;Khoảng thời gian:</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Hôm nay</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>7 ngày qua</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>30 ngày qua</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>Tháng này</translation>
    </message>
    <message>
        <source>Custom…</source>
        <translation>Tùy chọn…</translation>
    </message>
    <message>
        <source>&amp;Store:</source>
        <translation>&amp;Cửa hàng:</translation>
    </message>
    <message>
        <source>All stores this till holds</source>
        <translation>Mọi cửa hàng có trên máy này</translation>
    </message>
    <message>
        <source>Refresh (F5)</source>
        <translation>Làm mới (F5)</translation>
    </message>
    <message>
        <source>Members and visits</source>
        <translation>Thành viên và lượt ghé</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>Điểm</translation>
    </message>
    <message>
        <source>The program&apos;s return: members and non-members (POS receipts)</source>
        <translation>Hiệu quả chương trình: thành viên và khách vãng lai (hóa đơn POS)</translation>
    </message>
    <message>
        <source>Tiers, rewards, ratings and tickets</source>
        <translation>Hạng, phần thưởng, đánh giá và phản ánh</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>Biểu đồ</translation>
    </message>
    <message>
        <source>A visit is a member&apos;s sale that earned, unless it was voided or refunded in full later.</source>
        <translation>Một lượt ghé là một lần mua của thành viên được tích điểm, trừ khi sau đó bị hủy hoặc hoàn tiền toàn bộ.</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Thành viên</translation>
    </message>
    <message>
        <source>Members enrolled by the end of the range (merged duplicates not counted). With a store chosen: members who enrolled there.</source>
        <translation>Thành viên đã đăng ký tính đến cuối kỳ (không tính thẻ trùng đã gộp). Khi chọn một cửa hàng: thành viên đăng ký tại cửa hàng đó.</translation>
    </message>
    <message>
        <source>New members</source>
        <translation>Thành viên mới</translation>
    </message>
    <message>
        <source>Members who enrolled during the range.</source>
        <translation>Thành viên đăng ký trong kỳ.</translation>
    </message>
    <message>
        <source>Active members (30 days)</source>
        <translation>Thành viên hoạt động (30 ngày)</translation>
    </message>
    <message>
        <source>Members with at least one visit in the 30 (and 90) days up to the end of the range. </source>
        <translation>Thành viên có ít nhất một lượt ghé trong 30 (và 90) ngày tính đến cuối kỳ. </translation>
    </message>
    <message>
        <source>Visits</source>
        <translation>Lượt ghé</translation>
    </message>
    <message>
        <source>Member visits during the range. </source>
        <translation>Lượt ghé của thành viên trong kỳ. </translation>
    </message>
    <message>
        <source>Repeat rate</source>
        <translation>Tỷ lệ quay lại</translation>
    </message>
    <message>
        <source>Share of the range&apos;s visits made by members who visited at least twice in the range.</source>
        <translation>Phần lượt ghé trong kỳ do các thành viên ghé từ hai lần trở lên trong kỳ.</translation>
    </message>
    <message>
        <source>Visits per active member</source>
        <translation>Lượt ghé mỗi thành viên hoạt động</translation>
    </message>
    <message>
        <source>Visits in the range divided by the members who visited in the range.</source>
        <translation>Số lượt ghé trong kỳ chia cho số thành viên đã ghé trong kỳ.</translation>
    </message>
    <message>
        <source>Points issued</source>
        <translation>Điểm phát ra</translation>
    </message>
    <message>
        <source>Points earned, bonuses and positive manager corrections in the range, less the points taken back by refunds and voids in the range.</source>
        <translation>Điểm tích lũy, điểm thưởng và điều chỉnh cộng của quản lý trong kỳ, trừ điểm bị thu hồi do hoàn tiền hoặc hủy trong kỳ.</translation>
    </message>
    <message>
        <source>Points redeemed</source>
        <translation>Điểm đã đổi</translation>
    </message>
    <message>
        <source>Points spent on rewards in the range, less redemptions that were undone.</source>
        <translation>Điểm dùng để đổi thưởng trong kỳ, trừ các lượt đổi đã được hoàn tác.</translation>
    </message>
    <message>
        <source>Points expired</source>
        <translation>Điểm hết hạn</translation>
    </message>
    <message>
        <source>Points that expired during the range.</source>
        <translation>Điểm hết hạn trong kỳ.</translation>
    </message>
    <message>
        <source>Redemption rate</source>
        <translation>Tỷ lệ đổi điểm</translation>
    </message>
    <message>
        <source>Points redeemed ÷ points issued, in the range.</source>
        <translation>Điểm đã đổi ÷ điểm phát ra, trong kỳ.</translation>
    </message>
    <message>
        <source>Outstanding points</source>
        <translation>Điểm chưa dùng</translation>
    </message>
    <message>
        <source>Every member&apos;s balance at the end of the range: the points the program still owes. With a store chosen: the balances of members who enrolled there.</source>
        <translation>Tổng số dư điểm của mọi thành viên vào cuối kỳ: số điểm chương trình còn nợ. Khi chọn một cửa hàng: số dư của thành viên đăng ký tại đó.</translation>
    </message>
    <message>
        <source>Liability</source>
        <translation>Nghĩa vụ phải trả</translation>
    </message>
    <message>
        <source>Outstanding points × what a point is worth: the pay-with-points value if the program has one, otherwise the most money a point buys through a fixed-discount reward.</source>
        <translation>Điểm chưa dùng × giá trị một điểm: giá trị khi trả bằng điểm nếu chương trình có, nếu không thì số tiền cao nhất một điểm đổi được qua ưu đãi giảm giá cố định.</translation>
    </message>
    <message>
        <source>Member spend</source>
        <translation>Doanh thu thành viên</translation>
    </message>
    <message>
        <source>POS sales in the range where a member was identified, less their refunds; voided sales and tips left out.</source>
        <translation>Doanh thu POS trong kỳ có nhận diện thành viên, trừ tiền hoàn; không tính hóa đơn bị hủy và tiền tip.</translation>
    </message>
    <message>
        <source>Non-member spend</source>
        <translation>Doanh thu khách vãng lai</translation>
    </message>
    <message>
        <source>POS sales in the range with no member (unclaimed, expired or ignored), less their refunds; voided sales and tips left out.</source>
        <translation>Doanh thu POS trong kỳ không gắn thành viên (chưa nhận, hết hạn hoặc bỏ qua), trừ tiền hoàn; không tính hóa đơn bị hủy và tiền tip.</translation>
    </message>
    <message>
        <source>Member bill (average)</source>
        <translation>Hóa đơn thành viên (trung bình)</translation>
    </message>
    <message>
        <source>Member spend ÷ member bills.</source>
        <translation>Doanh thu thành viên ÷ số hóa đơn thành viên.</translation>
    </message>
    <message>
        <source>Non-member bill (average)</source>
        <translation>Hóa đơn khách vãng lai (trung bình)</translation>
    </message>
    <message>
        <source>Non-member spend ÷ non-member bills.</source>
        <translation>Doanh thu khách vãng lai ÷ số hóa đơn khách vãng lai.</translation>
    </message>
    <message>
        <source>Members&apos; share of spend</source>
        <translation>Tỷ trọng doanh thu thành viên</translation>
    </message>
    <message>
        <source>Member spend ÷ all POS spend in the range.</source>
        <translation>Doanh thu thành viên ÷ toàn bộ doanh thu POS trong kỳ.</translation>
    </message>
    <message>
        <source>Top 20 % of members</source>
        <translation>20 % thành viên hàng đầu</translation>
    </message>
    <message>
        <source>Share of member revenue (bills on their visits, less refunds) from the fifth of the members who spent the most in the range.</source>
        <translation>Phần doanh thu thành viên (hóa đơn các lượt ghé, trừ tiền hoàn) đến từ một phần năm số thành viên chi tiêu nhiều nhất trong kỳ.</translation>
    </message>
    <message>
        <source>Tier moves (up / down)</source>
        <translation>Thay đổi hạng (lên / xuống)</translation>
    </message>
    <message>
        <source>Tier changes in the range, compared with the member&apos;s tier before; under it, how many members are in each tier now.</source>
        <translation>Các lần đổi hạng trong kỳ, so với hạng trước đó của thành viên; bên dưới là số thành viên ở mỗi hạng hiện nay.</translation>
    </message>
    <message>
        <source>Most redeemed rewards</source>
        <translation>Phần thưởng được đổi nhiều nhất</translation>
    </message>
    <message>
        <source>Rewards redeemed most often in the range (undone redemptions left out).</source>
        <translation>Các phần thưởng được đổi nhiều nhất trong kỳ (không tính lượt đổi đã hoàn tác).</translation>
    </message>
    <message>
        <source>Average rating</source>
        <translation>Đánh giá trung bình</translation>
    </message>
    <message>
        <source>Average of the 1–5 ratings given in the range, and the same for the period of the same length before it.</source>
        <translation>Trung bình các đánh giá 1–5 trong kỳ, và của kỳ cùng độ dài ngay trước đó.</translation>
    </message>
    <message>
        <source>Open tickets</source>
        <translation>Phản ánh đang mở</translation>
    </message>
    <message>
        <source>Tickets not resolved yet, whatever their date.</source>
        <translation>Các phản ánh chưa giải quyết, bất kể ngày tạo.</translation>
    </message>
    <message>
        <source>Complainants who came back</source>
        <translation>Khách phản ánh đã quay lại</translation>
    </message>
    <message>
        <source>Share of the members who complained in the range who visited again afterwards.</source>
        <translation>Tỷ lệ thành viên phản ánh trong kỳ đã quay lại sau đó.</translation>
    </message>
    <message>
        <source>Loyalty dashboard</source>
        <translation>Bảng tổng quan khách hàng thân thiết</translation>
    </message>
    <message>
        <source>cannot write {0}</source>
        <translation>không ghi được {0}</translation>
    </message>
    <message>
        <source>{0} to {1} · {2} · printed {3} by {4}</source>
        <translation>Từ {0} đến {1} · {2} · in lúc {3} bởi {4}</translation>
    </message>
    <message>
        <source>No figures yet.</source>
        <translation>Chưa có số liệu.</translation>
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
        <source>Your voucher: {0}</source>
        <translation>Phiếu quà tặng của bạn: {0}</translation>
    </message>
    <message>
        <source>Valid until {0}, once, at any of our shops.</source>
        <translation>Dùng một lần, đến hết ngày {0}, tại mọi cửa hàng của chúng tôi.</translation>
    </message>
    <message>
        <source>Take a photo of this code and show it when you pay.</source>
        <translation>Hãy chụp lại mã này và đưa ra khi thanh toán.</translation>
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
    <name>EnrollController</name>
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
        <source>Card for the
phone (PNG)</source>
        <translation>Thẻ cho điện
thoại (PNG)</translation>
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
        <source>This member is not on this till yet, so her balance is not known here: points cannot be spent until this till has synced with the server.</source>
        <translation>Khách này chưa có trên máy này nên ở đây chưa biết số dư của khách: chưa thể dùng điểm cho đến khi máy đồng bộ với máy chủ.</translation>
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
        <source>{0} belongs to another store: her store or the head office can block her.</source>
        <translation>{0} là thành viên của cửa hàng khác: chỉ cửa hàng đó hoặc văn phòng chính mới có thể khóa thành viên này.</translation>
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
        <source>Too many wrong PINs in a row: try again in {0} seconds.</source>
        <translation>Nhập sai mã PIN quá nhiều lần liên tiếp: vui lòng thử lại sau {0} giây.</translation>
    </message>
    <message>
        <source>Adjusting more than {0} points at once needs the owner&apos;s PIN.</source>
        <translation>Điều chỉnh hơn {0} điểm một lần cần mã PIN của chủ cửa hàng.</translation>
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
        <source>Type at least 4 digits of the phone number, the whole card number, or a name.</source>
        <translation>Hãy gõ ít nhất 4 chữ số của số điện thoại, cả số thẻ, hoặc tên.</translation>
    </message>
    <message>
        <source>That search is too long.</source>
        <translation>Nội dung tìm quá dài.</translation>
    </message>
    <message>
        <source>Say why.</source>
        <translation>Hãy ghi lý do.</translation>
    </message>
    <message>
        <source>Say why the entry is reversed.</source>
        <translation>Hãy ghi lý do huỷ giao dịch.</translation>
    </message>
    <message>
        <source>Reversing an entry needs a manager.</source>
        <translation>Huỷ giao dịch cần quản lý.</translation>
    </message>
    <message>
        <source>A reversal cannot itself be reversed; record a new entry instead.</source>
        <translation>Không thể huỷ một giao dịch huỷ; hãy ghi một giao dịch mới.</translation>
    </message>
    <message>
        <source>Only a manager can block or unblock a customer.</source>
        <translation>Chỉ quản lý mới được khoá hoặc mở khoá khách hàng.</translation>
    </message>
    <message>
        <source>Choose two different members: a member cannot be merged into itself.</source>
        <translation>Hãy chọn hai hội viên khác nhau: không thể gộp một hội viên vào chính mình.</translation>
    </message>
    <message>
        <source>{0} was merged into another member; keep that member instead.</source>
        <translation>{0} đã được gộp vào hội viên khác; hãy giữ hội viên đó.</translation>
    </message>
    <message>
        <source>{0} is already merged into another member.</source>
        <translation>{0} đã được gộp vào hội viên khác.</translation>
    </message>
    <message>
        <source>Merging members needs a manager.</source>
        <translation>Gộp hội viên cần quản lý.</translation>
    </message>
    <message>
        <source>Undoing a merge needs a manager.</source>
        <translation>Huỷ việc gộp cần quản lý.</translation>
    </message>
    <message>
        <source>This member is not merged into another one.</source>
        <translation>Hội viên này không được gộp vào hội viên nào.</translation>
    </message>
    <message>
        <source>The reason is too long (at most {0} characters).</source>
        <translation>Lý do quá dài (tối đa {0} ký tự).</translation>
    </message>
    <message>
        <source>Gender is female, male or other (or not given).</source>
        <translation>Giới tính là nữ, nam hoặc khác (hoặc không cho biết).</translation>
    </message>
    <message>
        <source>The area is too long (at most {0} characters).</source>
        <translation>Khu vực quá dài (tối đa {0} ký tự).</translation>
    </message>
    <message>
        <source>This member was merged into another one; edit that member instead.</source>
        <translation>Hội viên này đã được gộp vào hội viên khác; hãy sửa hội viên đó.</translation>
    </message>
    <message>
        <source>This member was merged into another one; print the card of that member.</source>
        <translation>Hội viên này đã được gộp vào hội viên khác; hãy in thẻ của hội viên đó.</translation>
    </message>
    <message>
        <source>Nothing was changed.</source>
        <translation>Không có gì thay đổi.</translation>
    </message>
    <message>
        <source>Editing a member&apos;s profile needs a manager.</source>
        <translation>Sửa hồ sơ hội viên cần quản lý.</translation>
    </message>
    <message>
        <source>Printing a new card needs a manager.</source>
        <translation>In thẻ mới cần quản lý.</translation>
    </message>
    <message>
        <source>Card {0} was replaced by a new card on {1}; it no longer works. Use the new card.</source>
        <translation>Thẻ {0} đã được thay bằng thẻ mới ngày {1}; thẻ này không còn dùng được. Hãy dùng thẻ mới.</translation>
    </message>
    <message>
        <source>Type the birthday as day/month, e.g. 24/11 (the year may follow: 24/11/1990).</source>
        <translation>Nhập ngày sinh theo ngày/tháng, ví dụ 24/11 (có thể thêm năm: 24/11/1990).</translation>
    </message>
    <message>
        <source>This voucher code is not valid for this shop (it may be forged or damaged).</source>
        <translation>Mã phiếu này không hợp lệ với cửa hàng (có thể bị làm giả hoặc hỏng).</translation>
    </message>
    <message>
        <source>This is not a voucher code.</source>
        <translation>Đây không phải mã phiếu quà tặng.</translation>
    </message>
    <message>
        <source>Voucher {0} is not known at this till yet. Scan its QR code: that works offline.</source>
        <translation>Quầy này chưa biết phiếu {0}. Hãy quét mã QR của phiếu: cách này dùng được cả khi mất mạng.</translation>
    </message>
    <message>
        <source>Voucher {0} expired on {1}.</source>
        <translation>Phiếu {0} đã hết hạn ngày {1}.</translation>
    </message>
    <message>
        <source>Voucher {0} was already used on {1} at {2}.</source>
        <translation>Phiếu {0} đã được dùng lúc {1} tại {2}.</translation>
    </message>
    <message>
        <source>Voucher {0} was cancelled: the reward it came from was taken back.</source>
        <translation>Phiếu {0} đã bị hủy: phần thưởng tạo ra nó đã được hoàn lại.</translation>
    </message>
    <message>
        <source>Voucher {0} from this reward was already used, so its points cannot be given back.</source>
        <translation>Phiếu {0} của phần thưởng này đã được dùng, nên không thể hoàn lại điểm.</translation>
    </message>
    <message>
        <source>The phone number is empty.</source>
        <translation>Chưa nhập số điện thoại.</translation>
    </message>
    <message>
        <source>{0} earned on {1}, whose phone is {0}&apos;s own.</source>
        <translation>{0} đã tích điểm cho {1}, nhưng số điện thoại đó là của chính {0}.</translation>
    </message>
    <message>
        <source>{0} earned more than {1} times today.</source>
        <translation>{0} đã tích điểm hơn {1} lần hôm nay.</translation>
    </message>
    <message>
        <source>Scan the customer&apos;s card first: a voucher is booked to a member&apos;s account.</source>
        <translation>Hãy quét thẻ của khách trước: phiếu được ghi vào tài khoản thành viên.</translation>
    </message>
    <message>
        <source>This voucher code does not match the voucher on record (altered?).</source>
        <translation>Mã phiếu này không khớp với phiếu đã lưu (bị sửa?).</translation>
    </message>
    <message>
        <source>A compensation voucher needs a manager&apos;s approval.</source>
        <translation>Phiếu bồi thường cần quản lý duyệt.</translation>
    </message>
    <message>
        <source>The compensation budget has {0} left this month ({1} of {2} used); the owner can raise it.</source>
        <translation>Ngân sách bồi thường tháng này còn {0} (đã dùng {1} trên {2}); chủ cửa hàng có thể tăng thêm.</translation>
    </message>
    <message>
        <source>Say how the complaint was resolved (a short note).</source>
        <translation>Hãy ghi ngắn gọn cách đã giải quyết phản ánh.</translation>
    </message>
    <message>
        <source>This ticket is already resolved.</source>
        <translation>Phản ánh này đã được giải quyết.</translation>
    </message>
    <message>
        <source>There is no such ticket.</source>
        <translation>Không có phản ánh này.</translation>
    </message>
    <message>
        <source>Only the owner sets the compensation budget.</source>
        <translation>Chỉ chủ cửa hàng mới đặt ngân sách bồi thường.</translation>
    </message>
    <message>
        <source>Only a manager can close a flag.</source>
        <translation>Chỉ quản lý mới đóng được cảnh báo.</translation>
    </message>
    <message>
        <source>The shop needs a name.</source>
        <translation>Cửa hàng cần có tên.</translation>
    </message>
    <message>
        <source>The owner needs a name.</source>
        <translation>Chủ cửa hàng cần có tên.</translation>
    </message>
    <message>
        <source>The two PINs differ.</source>
        <translation>Hai mã PIN không giống nhau.</translation>
    </message>
    <message>
        <source>{0} is not a time zone; use a name like Asia/Ho_Chi_Minh or America/New_York.</source>
        <translation>{0} không phải là múi giờ; hãy dùng tên như Asia/Ho_Chi_Minh hoặc America/New_York.</translation>
    </message>
    <message>
        <source>{0} is not a country code; use two letters like VN or US.</source>
        <translation>{0} không phải là mã quốc gia; hãy dùng hai chữ cái như VN hoặc US.</translation>
    </message>
    <message>
        <source>This till is already set up; change it in the back office.</source>
        <translation>Quầy này đã được thiết lập; hãy thay đổi trong phần quản lý.</translation>
    </message>
    <message>
        <source>Only a manager can manage the staff.</source>
        <translation>Chỉ quản lý mới được quản lý nhân viên.</translation>
    </message>
    <message>
        <source>Only an owner can make someone an owner or change an owner.</source>
        <translation>Chỉ chủ cửa hàng mới được cho ai làm chủ hoặc thay đổi một chủ cửa hàng.</translation>
    </message>
    <message>
        <source>You cannot disable yourself; ask another manager.</source>
        <translation>Bạn không thể tự khóa mình; hãy nhờ một quản lý khác.</translation>
    </message>
    <message>
        <source>The shop&apos;s only owner cannot be disabled; make someone else owner first.</source>
        <translation>Không thể khóa người chủ duy nhất của cửa hàng; hãy cho người khác làm chủ trước.</translation>
    </message>
    <message>
        <source>The shop&apos;s only owner cannot be demoted; make someone else owner first.</source>
        <translation>Không thể hạ vai trò người chủ duy nhất của cửa hàng; hãy cho người khác làm chủ trước.</translation>
    </message>
    <message>
        <source>That PIN is already used by someone else; choose another.</source>
        <translation>Mã PIN này đã có người dùng; hãy chọn mã khác.</translation>
    </message>
    <message>
        <source>A staff member needs a name.</source>
        <translation>Nhân viên cần có tên.</translation>
    </message>
    <message>
        <source>Only a manager can change the program.</source>
        <translation>Chỉ quản lý mới được thay đổi chương trình.</translation>
    </message>
    <message>
        <source>Only an owner can publish the program.</source>
        <translation>Chỉ chủ cửa hàng mới được công bố chương trình.</translation>
    </message>
    <message>
        <source>Only a manager can change the shop&apos;s settings.</source>
        <translation>Chỉ quản lý mới được đổi cài đặt cửa hàng.</translation>
    </message>
    <message>
        <source>That is not the owner&apos;s PIN.</source>
        <translation>Đó không phải mã PIN của chủ cửa hàng.</translation>
    </message>
    <message>
        <source>Program is not valid: {0}.</source>
        <translation>Chương trình không hợp lệ: {0}.</translation>
    </message>
    <message>
        <source>Sync could not start ({0}); the till works offline.</source>
        <translation>Không khởi động được đồng bộ ({0}); máy vẫn làm việc ngoại tuyến.</translation>
    </message>
    <message>
        <source>No POS reader recognises this file (installed: {0}).</source>
        <translation>Không có trình đọc POS nào nhận ra tệp này (đã cài: {0}).</translation>
    </message>
    <message>
        <source>No store was given for this export.</source>
        <translation>Tệp xuất này không cho biết cửa hàng nào.</translation>
    </message>
    <message>
        <source>The store&apos;s time zone {0} is not a known time zone.</source>
        <translation>Múi giờ {0} của cửa hàng không phải là múi giờ hợp lệ.</translation>
    </message>
    <message>
        <source>The store&apos;s currency {0} is not supported.</source>
        <translation>Chưa hỗ trợ đơn vị tiền {0} của cửa hàng.</translation>
    </message>
    <message>
        <source>The file is empty.</source>
        <translation>Tệp trống.</translation>
    </message>
    <message>
        <source>The file has no rows.</source>
        <translation>Tệp không có dòng nào.</translation>
    </message>
    <message>
        <source>The file says it is {0} but is damaged or cut short there.</source>
        <translation>Tệp ghi là {0} nhưng bị hỏng hoặc bị cắt ngang ở chỗ này.</translation>
    </message>
    <message>
        <source>The file looks like UTF-16 but is damaged or cut short there.</source>
        <translation>Tệp có vẻ là UTF-16 nhưng bị hỏng hoặc bị cắt ngang ở chỗ này.</translation>
    </message>
    <message>
        <source>The file is UTF-8 with damaged bytes (a broken copy or a cut-off download).</source>
        <translation>Tệp UTF-8 có byte bị hỏng (sao chép lỗi hoặc tải về không trọn).</translation>
    </message>
    <message>
        <source>The file is not text in UTF-8, UTF-16 or {0}.</source>
        <translation>Tệp không phải văn bản UTF-8, UTF-16 hay {0}.</translation>
    </message>
    <message>
        <source>The file contains binary data, not text (is it the right file?).</source>
        <translation>Tệp chứa dữ liệu nhị phân, không phải văn bản (có đúng tệp không?).</translation>
    </message>
    <message>
        <source>This is an old Excel .xls file; export again as .xlsx or CSV.</source>
        <translation>Đây là tệp Excel .xls cũ; hãy xuất lại dạng .xlsx hoặc CSV.</translation>
    </message>
    <message>
        <source>The file is {0} MB; that is not a POS export.</source>
        <translation>Tệp nặng {0} MB; đó không phải tệp xuất từ máy POS.</translation>
    </message>
    <message>
        <source>The file cannot be opened ({0}).</source>
        <translation>Không mở được tệp ({0}).</translation>
    </message>
    <message>
        <source>The file&apos;s quoting or layout is broken ({0}).</source>
        <translation>Dấu ngoặc kép hoặc bố cục của tệp bị lỗi ({0}).</translation>
    </message>
    <message>
        <source>The spreadsheet is damaged or not an .xlsx file ({0}).</source>
        <translation>Bảng tính bị hỏng hoặc không phải tệp .xlsx ({0}).</translation>
    </message>
    <message>
        <source>The spreadsheet is damaged ({0}).</source>
        <translation>Bảng tính bị hỏng ({0}).</translation>
    </message>
    <message>
        <source>The spreadsheet has no worksheet.</source>
        <translation>Bảng tính không có trang nào.</translation>
    </message>
    <message>
        <source>The file has no {0} column: it is not this POS&apos;s export, or its header row is damaged.</source>
        <translation>Tệp không có cột {0}: đây không phải tệp xuất của máy POS này, hoặc dòng tiêu đề bị hỏng.</translation>
    </message>
    <message>
        <source>The file has no {0} columns: it is not this POS&apos;s export, or its header row is damaged.</source>
        <translation>Tệp không có các cột {0}: đây không phải tệp xuất của máy POS này, hoặc dòng tiêu đề bị hỏng.</translation>
    </message>
    <message>
        <source>The file no longer matches the column profile {0}: {1} missing. Map the new export again.</source>
        <translation>Tệp không còn khớp với bảng ghép cột {0}: thiếu {1}. Hãy ghép cột lại cho tệp xuất mới.</translation>
    </message>
    <message>
        <source>Square item details cannot be read without the transactions file of the same export.</source>
        <translation>Không đọc được chi tiết món của Square nếu thiếu tệp giao dịch cùng lần xuất.</translation>
    </message>
    <message>
        <source>Toast item or check details cannot be read without OrderDetails.csv of the same day.</source>
        <translation>Không đọc được chi tiết món hoặc hóa đơn của Toast nếu thiếu OrderDetails.csv cùng ngày.</translation>
    </message>
    <message>
        <source>The JSON is broken: {0}.</source>
        <translation>JSON bị lỗi: {0}.</translation>
    </message>
    <message>
        <source>The JSON cannot be read ({0}).</source>
        <translation>Không đọc được JSON ({0}).</translation>
    </message>
    <message>
        <source>{0} is not a kind; write sale, refund or void.</source>
        <translation>{0} không phải loại giao dịch; hãy ghi sale, refund hoặc void.</translation>
    </message>
    <message>
        <source>{0} is missing.</source>
        <translation>Thiếu {0}.</translation>
    </message>
    <message>
        <source>The line {0} has neither a price nor an amount.</source>
        <translation>Dòng hàng {0} không có đơn giá cũng không có thành tiền.</translation>
    </message>
    <message>
        <source>The line {0} has an amount but a quantity of 0.</source>
        <translation>Dòng hàng {0} có thành tiền nhưng số lượng là 0.</translation>
    </message>
    <message>
        <source>The value is empty, but every row needs it.</source>
        <translation>Ô này trống, nhưng dòng nào cũng cần có.</translation>
    </message>
    <message>
        <source>The value is empty, but an amount is needed.</source>
        <translation>Ô này trống, nhưng cần có số tiền.</translation>
    </message>
    <message>
        <source>The value is empty, but a quantity is needed.</source>
        <translation>Ô này trống, nhưng cần có số lượng.</translation>
    </message>
    <message>
        <source>The value is empty, but the time of the sale is needed.</source>
        <translation>Ô này trống, nhưng cần có thời điểm bán.</translation>
    </message>
    <message>
        <source>{0} is not a quantity.</source>
        <translation>{0} không phải là số lượng.</translation>
    </message>
    <message>
        <source>{0} is not a plausible quantity.</source>
        <translation>{0} không phải là số lượng hợp lý.</translation>
    </message>
    <message>
        <source>{0} is not a date and time.</source>
        <translation>{0} không phải là ngày giờ.</translation>
    </message>
    <message>
        <source>{0} {1} is not a date and time.</source>
        <translation>{0} {1} không phải là ngày giờ.</translation>
    </message>
    <message>
        <source>{0} is not a date and time this export uses.</source>
        <translation>{0} không phải là kiểu ngày giờ tệp xuất này dùng.</translation>
    </message>
    <message>
        <source>{0} is not a time of day.</source>
        <translation>{0} không phải là giờ trong ngày.</translation>
    </message>
    <message>
        <source>{0} has an impossible hour.</source>
        <translation>{0} có giờ không thể có.</translation>
    </message>
    <message>
        <source>{0} is not a real date and time.</source>
        <translation>{0} không phải là ngày giờ có thật.</translation>
    </message>
    <message>
        <source>{0} has an impossible UTC offset.</source>
        <translation>{0} có độ lệch UTC không thể có.</translation>
    </message>
    <message>
        <source>{0} is out of range.</source>
        <translation>{0} nằm ngoài phạm vi cho phép.</translation>
    </message>
    <message>
        <source>The row is damaged: {0}.</source>
        <translation>Dòng này bị hỏng: {0}.</translation>
    </message>
    <message>
        <source>This row cannot be placed in a receipt: {0}.</source>
        <translation>Không xếp được dòng này vào hóa đơn nào: {0}.</translation>
    </message>
    <message>
        <source>This item row cannot be placed in a receipt: {0}.</source>
        <translation>Không xếp được dòng món này vào hóa đơn nào: {0}.</translation>
    </message>
    <message>
        <source>This item row cannot be placed in an order: {0}.</source>
        <translation>Không xếp được dòng món này vào đơn hàng nào: {0}.</translation>
    </message>
    <message>
        <source>{0} appears twice for the same event.</source>
        <translation>{0} xuất hiện hai lần cho cùng một giao dịch.</translation>
    </message>
    <message>
        <source>Order {0} appears twice.</source>
        <translation>Đơn hàng {0} xuất hiện hai lần.</translation>
    </message>
    <message>
        <source>Item row for transaction {0} has no matching row in the transactions file.</source>
        <translation>Dòng món của giao dịch {0} không có dòng tương ứng trong tệp giao dịch.</translation>
    </message>
    <message>
        <source>its Transaction ID is empty</source>
        <translation>ô Transaction ID của nó trống</translation>
    </message>
    <message>
        <source>Item row for order {0}, which is not in OrderDetails.csv.</source>
        <translation>Dòng món của đơn hàng {0}, đơn này không có trong OrderDetails.csv.</translation>
    </message>
    <message>
        <source>its Order Id is empty</source>
        <translation>ô Order Id của nó trống</translation>
    </message>
    <message>
        <source>the receipt number is empty</source>
        <translation>số hóa đơn trống</translation>
    </message>
    <message>
        <source>Receipt {0} has items but is not in the receipts export.</source>
        <translation>Hóa đơn {0} có món nhưng không có trong tệp xuất hóa đơn.</translation>
    </message>
    <message>
        <source>The value differs from line {0} of the same invoice {1}.</source>
        <translation>Giá trị này khác với dòng {0} của cùng hóa đơn {1}.</translation>
    </message>
    <message>
        <source>The value differs from line {0} of the same receipt {1}.</source>
        <translation>Giá trị này khác với dòng {0} của cùng hóa đơn {1}.</translation>
    </message>
    <message>
        <source>The value ({0}) is not the sum of the item lines ({1}).</source>
        <translation>Giá trị này ({0}) không bằng tổng các dòng món ({1}).</translation>
    </message>
    <message>
        <source>The value ({0}) is not the goods total less discounts plus other charges ({1}).</source>
        <translation>Giá trị này ({0}) không bằng tổng tiền hàng trừ giảm giá cộng thu khác ({1}).</translation>
    </message>
    <message>
        <source>The value {0} is not the store&apos;s currency {1}.</source>
        <translation>Giá trị {0} không phải đơn vị tiền của cửa hàng ({1}).</translation>
    </message>
    <message>
        <source>{0} is not the store&apos;s currency {1}.</source>
        <translation>{0} không phải đơn vị tiền của cửa hàng ({1}).</translation>
    </message>
    <message>
        <source>The lines add up to {0}, but the subtotal is {1}.</source>
        <translation>Các dòng món cộng lại là {0}, nhưng tạm tính là {1}.</translation>
    </message>
    <message>
        <source>The total {0} is not subtotal - discount + tax + tip ({1}).</source>
        <translation>Tổng {0} không bằng tạm tính - giảm giá + thuế + tiền boa ({1}).</translation>
    </message>
    <message>
        <source>{0} must be a single value, not a list or an object.</source>
        <translation>{0} phải là một giá trị đơn, không phải danh sách hay đối tượng.</translation>
    </message>
    <message>
        <source>No POS reader is called {0} (installed: {1}).</source>
        <translation>Không có trình đọc POS nào tên {0} (đã cài: {1}).</translation>
    </message>
    <message>
        <source>the row has {0} or more values but the header has {1} columns</source>
        <translation>dòng có từ {0} giá trị trở lên nhưng dòng tiêu đề chỉ có {1} cột</translation>
    </message>
    <message>
        <source>the row has {0} values but the header has {1} columns (cut short?)</source>
        <translation>dòng có {0} giá trị nhưng dòng tiêu đề có {1} cột (bị cắt mất?)</translation>
    </message>
    <message>
        <source>the file ends without a line break, so this row may be cut short</source>
        <translation>tệp kết thúc mà không xuống dòng, nên dòng này có thể bị cắt mất</translation>
    </message>
    <message>
        <source>The reader failed unexpectedly ({0}).</source>
        <translation>Trình đọc gặp lỗi bất ngờ ({0}).</translation>
    </message>
    <message>
        <source>A profile name is letters, digits, - and _ (not {0}).</source>
        <translation>Tên hồ sơ chỉ gồm chữ, số, - và _ (không phải {0}).</translation>
    </message>
    <message>
        <source>Not receipt fields: {0}.</source>
        <translation>Không phải trường của hóa đơn: {0}.</translation>
    </message>
    <message>
        <source>Map a column to {0}.</source>
        <translation>Hãy chọn cột cho {0}.</translation>
    </message>
    <message>
        <source>The date order is dmy or mdy; the decimal mark is &apos;,&apos;, &apos;.&apos; or none.</source>
        <translation>Thứ tự ngày là dmy hoặc mdy; dấu thập phân là &apos;,&apos;, &apos;.&apos; hoặc không có.</translation>
    </message>
    <message>
        <source>The JSON must be a list of receipts or {&quot;receipts&quot;: [...]}.</source>
        <translation>Tệp JSON phải là một danh sách hóa đơn hoặc {&quot;receipts&quot;: [...]}.</translation>
    </message>
    <message>
        <source>This entry is not a receipt object.</source>
        <translation>Mục này không phải một đối tượng hóa đơn.</translation>
    </message>
    <message>
        <source>receipt_id is missing.</source>
        <translation>Thiếu receipt_id.</translation>
    </message>
    <message>
        <source>lines must be a list.</source>
        <translation>lines phải là một danh sách.</translation>
    </message>
    <message>
        <source>This line is not an object.</source>
        <translation>Dòng này không phải một đối tượng.</translation>
    </message>
    <message>
        <source>The line has no name.</source>
        <translation>Dòng món không có tên.</translation>
    </message>
    <message>
        <source>Type the amount the customer paid.</source>
        <translation>Hãy nhập số tiền khách đã trả.</translation>
    </message>
    <message>
        <source>A bill cannot be negative. To take back a sale, use Undo (Ctrl+Z).</source>
        <translation>Hóa đơn không thể là số âm. Muốn lấy lại một giao dịch, hãy dùng Hoàn tác (Ctrl+Z).</translation>
    </message>
    <message>
        <source>{0} is not an amount: type the bill in whole {1}, for example {2}.</source>
        <translation>{0} không phải là số tiền hợp lệ: hãy nhập số {1} chẵn, ví dụ {2}.</translation>
    </message>
    <message>
        <source>Points and stamps are adjusted in whole numbers.</source>
        <translation>Điểm và tem chỉ điều chỉnh bằng số nguyên.</translation>
    </message>
    <message>
        <source>Receipt {0} can no longer be claimed (only within {1} days).</source>
        <translation>Hóa đơn {0} đã quá hạn, không gắn được nữa (chỉ trong vòng {1} ngày).</translation>
    </message>
    <message>
        <source>No receipt {0} from the POS is known here.</source>
        <translation>Máy này không có hóa đơn POS số {0}.</translation>
    </message>
    <message>
        <source>The whole bill was refunded.</source>
        <translation>Cả hóa đơn đã được hoàn tiền.</translation>
    </message>
    <message>
        <source>Give the receipt number.</source>
        <translation>Hãy nhập số hóa đơn.</translation>
    </message>
    <message>
        <source>No amount was given.</source>
        <translation>Không có số tiền.</translation>
    </message>
    <message>
        <source>{0} is too large to be a bill.</source>
        <translation>{0} quá lớn, không thể là một hóa đơn.</translation>
    </message>
    <message>
        <source>{0} is an amount in {1}, but the store counts {2}.</source>
        <translation>{0} là số tiền bằng {1}, nhưng cửa hàng tính bằng {2}.</translation>
    </message>
    <message>
        <source>{0} is not an amount (its digit groups are wrong).</source>
        <translation>{0} không phải là số tiền (các nhóm chữ số bị sai).</translation>
    </message>
    <message>
        <source>The bill amount must be a whole number of minor units.</source>
        <translation>Số tiền hóa đơn phải là số nguyên theo đơn vị nhỏ nhất của tiền tệ.</translation>
    </message>
    <message>
        <source>Unknown currency {0}.</source>
        <translation>Không có loại tiền {0}.</translation>
    </message>
    <message>
        <source>Cannot mix {0} and {1}.</source>
        <translation>Không thể cộng trừ {0} với {1}.</translation>
    </message>
    <message>
        <source>Entry {0}: {1} {2} is beyond what any sale can produce (at most {3}).</source>
        <translation>Giao dịch {0}: {1} {2} vượt quá mức một lần mua có thể tạo ra (tối đa {3}).</translation>
    </message>
    <message>
        <source>Entry {0} would take member {2}&apos;s {1} to {3}, beyond {4}.</source>
        <translation>Giao dịch {0} sẽ đưa {1} của thành viên {2} lên {3}, vượt quá {4}.</translation>
    </message>
    <message>
        <source>Terminal {0}: expected entry #{2}, found #{1}.</source>
        <translation>Quầy {0}: cần giao dịch số {2} nhưng lại thấy số {1}.</translation>
    </message>
    <message>
        <source>Terminal {0}: entry #{1} does not link to the one before (it was altered or one is missing).</source>
        <translation>Quầy {0}: giao dịch số {1} không khớp với giao dịch trước nó (đã bị sửa hoặc bị mất một giao dịch).</translation>
    </message>
    <message>
        <source>A custom range needs a first and a last day.</source>
        <translation>Khoảng thời gian tự chọn cần có ngày đầu và ngày cuối.</translation>
    </message>
    <message>
        <source>The last day of the range is before the first.</source>
        <translation>Ngày cuối của khoảng thời gian đứng trước ngày đầu.</translation>
    </message>
    <message>
        <source>A range can cover at most three years.</source>
        <translation>Một khoảng thời gian dài tối đa ba năm.</translation>
    </message>
    <message>
        <source>Unknown range {0}.</source>
        <translation>Không có khoảng thời gian {0}.</translation>
    </message>
    <message>
        <source>Program is not valid JSON: {0}.</source>
        <translation>Tệp chương trình không phải JSON hợp lệ: {0}.</translation>
    </message>
    <message>
        <source>Program has unknown settings: {0}.</source>
        <translation>Chương trình có thiết lập không xác định: {0}.</translation>
    </message>
    <message>
        <source>Unknown program template {0}; choose one of {1}.</source>
        <translation>Không có mẫu chương trình {0}; hãy chọn một trong: {1}.</translation>
    </message>
    <message>
        <source>Unknown program template {0}.</source>
        <translation>Không có mẫu chương trình {0}.</translation>
    </message>
    <message>
        <source>A reward needs a name.</source>
        <translation>Phần quà cần có tên.</translation>
    </message>
    <message>
        <source>The reward {0} needs a cost in points or a full stamp card.</source>
        <translation>Phần quà {0} cần có giá bằng điểm hoặc một thẻ tem đầy.</translation>
    </message>
    <message>
        <source>The reward {0}: a percent discount is between 1 and 100.</source>
        <translation>Phần quà {0}: phần trăm giảm giá phải từ 1 đến 100.</translation>
    </message>
    <message>
        <source>The reward {0} ends before it starts.</source>
        <translation>Phần quà {0} có ngày kết thúc trước ngày bắt đầu.</translation>
    </message>
    <message>
        <source>There is no such ledger entry.</source>
        <translation>Không có giao dịch này.</translation>
    </message>
    <message>
        <source>Only a sale can be partly refunded.</source>
        <translation>Chỉ có thể hoàn tiền một phần cho giao dịch mua hàng.</translation>
    </message>
    <message>
        <source>The refunded amount must be a whole number of minor units.</source>
        <translation>Số tiền hoàn phải là số nguyên theo đơn vị nhỏ nhất của tiền tệ.</translation>
    </message>
    <message>
        <source>The refunded amount must be more than zero.</source>
        <translation>Số tiền hoàn phải lớn hơn 0.</translation>
    </message>
    <message>
        <source>The comment is too long (at most {0} characters).</source>
        <translation>Nhận xét quá dài (tối đa {0} ký tự).</translation>
    </message>
    <message>
        <source>There is no such flag.</source>
        <translation>Không có cảnh báo này.</translation>
    </message>
    <message>
        <source>There is no draft {0}.</source>
        <translation>Không có bản nháp {0}.</translation>
    </message>
    <message>
        <source>The bill and the points to spend must be whole numbers.</source>
        <translation>Số tiền hóa đơn và số điểm muốn dùng phải là số nguyên.</translation>
    </message>
    <message>
        <source>Lapsed means no visit for 7 to 1000 days.</source>
        <translation>“Lâu không ghé” phải là từ 7 đến 1000 ngày không ghé.</translation>
    </message>
    <message>
        <source>Unknown campaign {0}; choose one of {1}.</source>
        <translation>Không có chiến dịch {0}; hãy chọn một trong: {1}.</translation>
    </message>
    <message>
        <source>This shop has sales already: amounts recorded before stay in {0} and times of past sales stay where they were. Confirm to change anyway.</source>
        <translation>Cửa hàng đã có giao dịch bán: các số tiền đã ghi vẫn tính bằng {0} và giờ của các giao dịch cũ vẫn giữ nguyên. Hãy xác nhận nếu vẫn muốn đổi.</translation>
    </message>
    <message>
        <source>Unknown currency {0}; choose one of {1}.</source>
        <translation>Không có loại tiền {0}; hãy chọn một trong: {1}.</translation>
    </message>
    <message>
        <source>Language must be one of {0}.</source>
        <translation>Ngôn ngữ phải là một trong: {0}.</translation>
    </message>
    <message>
        <source>Role must be one of {0}.</source>
        <translation>Vai trò phải là một trong: {0}.</translation>
    </message>
    <message>
        <source>Only a manager can add staff.</source>
        <translation>Chỉ quản lý mới được thêm nhân viên.</translation>
    </message>
    <message>
        <source>The first staff member must be the owner or a manager (who can then add cashiers).</source>
        <translation>Nhân viên đầu tiên phải là chủ cửa hàng hoặc quản lý (người này sẽ thêm thu ngân sau).</translation>
    </message>
    <message>
        <source>No such staff member.</source>
        <translation>Không có nhân viên này.</translation>
    </message>
    <message>
        <source>There is no such staff member.</source>
        <translation>Không có nhân viên này.</translation>
    </message>
    <message>
        <source>A ticket is resolved with a resolution (use resolve).</source>
        <translation>Muốn đóng phản ánh, hãy ghi cách giải quyết (dùng Giải quyết).</translation>
    </message>
    <message>
        <source>Unknown priority {0}.</source>
        <translation>Không có mức ưu tiên {0}.</translation>
    </message>
    <message>
        <source>Only a manager can change who answers complaints.</source>
        <translation>Chỉ quản lý mới được đổi người xử lý phản ánh.</translation>
    </message>
    <message>
        <source>The budget must be a whole amount, not negative.</source>
        <translation>Ngân sách phải là số tiền nguyên, không âm.</translation>
    </message>
    <message>
        <source>The note is too long (at most {0} characters).</source>
        <translation>Ghi chú quá dài (tối đa {0} ký tự).</translation>
    </message>
    <message>
        <source>The voucher&apos;s value must be a whole amount.</source>
        <translation>Giá trị phiếu phải là số tiền nguyên.</translation>
    </message>
    <message>
        <source>There is no such voucher.</source>
        <translation>Không có phiếu này.</translation>
    </message>
    <message>
        <source>The bill must be a whole amount, not negative.</source>
        <translation>Hóa đơn phải là số tiền nguyên, không âm.</translation>
    </message>
    <message>
        <source>A voucher&apos;s value must be a positive whole amount.</source>
        <translation>Giá trị phiếu phải là số tiền nguyên lớn hơn 0.</translation>
    </message>
    <message>
        <source>A voucher is valid for 1 day to 10 years.</source>
        <translation>Phiếu có hạn dùng từ 1 ngày đến 10 năm.</translation>
    </message>
    <message>
        <source>“{0}” is not a multiplier ({1}); write 1.5 or 2.</source>
        <translation>“{0}” không phải là hệ số ({1}); hãy viết 1.5 hoặc 2.</translation>
    </message>
    <message>
        <source>“{0}”: “{1}” is not a day; write it as 24/12/2026.</source>
        <translation>“{0}”: “{1}” không phải là ngày; hãy viết dạng 24/12/2026.</translation>
    </message>
    <message>
        <source>“{0}” is not a whole number ({1}).</source>
        <translation>“{0}” không phải là số nguyên ({1}).</translation>
    </message>
    <message>
        <source>“{0}”: times are HH:MM.</source>
        <translation>“{0}”: giờ viết dạng HH:MM.</translation>
    </message>
    <message>
        <source>“{0}” is not a day of the week (Mon … Sun, T2 … CN).</source>
        <translation>“{0}” không phải là một ngày trong tuần (T2 … T7, CN).</translation>
    </message>
    <message>
        <source>“{0}” is not a day or a range of days.</source>
        <translation>“{0}” không phải là một ngày hay một khoảng ngày.</translation>
    </message>
    <message>
        <source>“{0}”: the kind is one of {1}; the period one of {2}.</source>
        <translation>“{0}”: loại phải là một trong: {1}; chu kỳ là một trong: {2}.</translation>
    </message>
    <message>
        <source>A sample line is “sku, category, quantity, price”; lines are separated by “;”.</source>
        <translation>Mỗi dòng mẫu là “mã hàng, nhóm hàng, số lượng, giá”; các dòng cách nhau bằng “;”.</translation>
    </message>
    <message>
        <source>Check the draft: {0}</source>
        <translation>Hãy kiểm tra lại bản nháp: {0}</translation>
    </message>
    <message>
        <source>The points per step cannot be negative.</source>
        <translation>Số điểm mỗi bậc tiền không được âm.</translation>
    </message>
    <message>
        <source>Welcome points cannot be negative.</source>
        <translation>Điểm chào mừng không được âm.</translation>
    </message>
    <message>
        <source>Birthday points cannot be negative.</source>
        <translation>Điểm sinh nhật không được âm.</translation>
    </message>
    <message>
        <source>Referral referrer points cannot be negative.</source>
        <translation>Điểm thưởng cho người giới thiệu không được âm.</translation>
    </message>
    <message>
        <source>Referral new points cannot be negative.</source>
        <translation>Điểm thưởng cho người được giới thiệu không được âm.</translation>
    </message>
    <message>
        <source>Min minutes between earns cannot be negative.</source>
        <translation>Số phút tối thiểu giữa hai lần tích điểm không được âm.</translation>
    </message>
    <message>
        <source>Daily earn cap points cannot be negative.</source>
        <translation>Giới hạn điểm tích mỗi ngày không được âm.</translation>
    </message>
    <message>
        <source>Earns per day flag cannot be negative.</source>
        <translation>Ngưỡng cảnh báo số lần tích điểm mỗi ngày không được âm.</translation>
    </message>
    <message>
        <source>Offline daily redeem cap cannot be negative.</source>
        <translation>Giới hạn điểm đổi mỗi ngày khi mất mạng không được âm.</translation>
    </message>
    <message>
        <source>Point value cannot be negative.</source>
        <translation>Giá trị một điểm không được âm.</translation>
    </message>
    <message>
        <source>Expiry months cannot be negative.</source>
        <translation>Số tháng trước khi điểm hết hạn không được âm.</translation>
    </message>
    <message>
        <source>Downgrade grace days cannot be negative.</source>
        <translation>Số ngày gia hạn trước khi xuống hạng không được âm.</translation>
    </message>
    <message>
        <source>Tiers count the points of 1 to 36 months.</source>
        <translation>Hạng được xét theo điểm của 1 đến 36 tháng.</translation>
    </message>
    <message>
        <source>The yearly tier review is on a day 1–28 of a month 1–12.</source>
        <translation>Ngày xét hạng hằng năm phải là ngày 1–28 của tháng 1–12.</translation>
    </message>
    <message>
        <source>A stamp card has at most 50 slots.</source>
        <translation>Một thẻ tem có tối đa 50 ô.</translation>
    </message>
    <message>
        <source>The birthday bonus is for the birthday week or month.</source>
        <translation>Thưởng sinh nhật áp dụng cho tuần hoặc tháng sinh nhật.</translation>
    </message>
    <message>
        <source>“{0}” multiplies points by {1}: more than ×{2} is a typo.</source>
        <translation>“{0}” nhân điểm lên {1} lần: hơn ×{2} chắc là gõ nhầm.</translation>
    </message>
    <message>
        <source>“{0}” applies on no day of the week.</source>
        <translation>“{0}” không áp dụng vào ngày nào trong tuần.</translation>
    </message>
    <message>
        <source>“{0}” starts and ends at the same time.</source>
        <translation>“{0}” có giờ bắt đầu và giờ kết thúc trùng nhau.</translation>
    </message>
    <message>
        <source>Tier {0} multiplies points by {1}: more than ×{2} is a typo.</source>
        <translation>Hạng {0} nhân điểm lên {1} lần: hơn ×{2} chắc là gõ nhầm.</translation>
    </message>
    <message>
        <source>The bonus on {0} must multiply by more than 0 and at most ×{1}.</source>
        <translation>Hệ số thưởng cho {0} phải lớn hơn 0 và tối đa ×{1}.</translation>
    </message>
    <message>
        <source>Points spent as money would give back {0} of every bill; lower the points per step or the value of a point.</source>
        <translation>Dùng điểm thay tiền sẽ trả lại {0} mỗi hóa đơn; hãy giảm số điểm mỗi bậc tiền hoặc giá trị một điểm.</translation>
    </message>
    <message>
        <source>Two rewards are called “{0}”.</source>
        <translation>Có hai phần quà cùng tên “{0}”.</translation>
    </message>
    <message>
        <source>“{0}” is for tier {1}, which the program no longer has.</source>
        <translation>“{0}” dành cho hạng {1}, nhưng chương trình không còn hạng này.</translation>
    </message>
    <message>
        <source>“{0}” pays with points, but a point has no money value in the program.</source>
        <translation>“{0}” trả bằng điểm, nhưng trong chương trình một điểm chưa có giá trị tiền.</translation>
    </message>
    <message>
        <source>“{0}” gives a discount of nothing.</source>
        <translation>“{0}” không giảm được gì.</translation>
    </message>
    <message>
        <source>“{0}” has a negative cap or limit.</source>
        <translation>“{0}” có mức trần hoặc giới hạn bị âm.</translation>
    </message>
    <message>
        <source>the amount step must be positive and points per step not negative</source>
        <translation>bậc tiền phải lớn hơn 0 và số điểm mỗi bậc không được âm</translation>
    </message>
    <message>
        <source>the earns-per-day flag must not be negative</source>
        <translation>ngưỡng cảnh báo số lần tích điểm mỗi ngày không được âm</translation>
    </message>
    <message>
        <source>the adjustment limit must not be negative</source>
        <translation>giới hạn điều chỉnh không được âm</translation>
    </message>
    <message>
        <source>the stamp card needs at least one slot and fewer starter stamps than slots</source>
        <translation>thẻ tem cần ít nhất một ô và số tem tặng ban đầu phải ít hơn số ô</translation>
    </message>
    <message>
        <source>the first tier must start at 0</source>
        <translation>hạng đầu tiên phải bắt đầu từ 0</translation>
    </message>
    <message>
        <source>tier thresholds must rise</source>
        <translation>ngưỡng của các hạng phải tăng dần</translation>
    </message>
    <message>
        <source>multipliers must be positive</source>
        <translation>hệ số nhân phải lớn hơn 0</translation>
    </message>
    <message>
        <source>tier names must differ</source>
        <translation>tên các hạng không được trùng nhau</translation>
    </message>
    <message>
        <source>{0} wrong PINs in a row at this till: someone may be guessing staff PINs.</source>
        <translation>{0} lần nhập sai mã PIN liên tiếp tại quầy này: có thể có người đang đoán mã PIN của nhân viên.</translation>
    </message>
    <message>
        <source>{0} is at {1} points after a sale at till {2}: the same points were probably spent twice offline.</source>
        <translation>{0} còn {1} điểm sau một giao dịch tại quầy {2}: có lẽ cùng số điểm đã bị tiêu hai lần khi mất mạng.</translation>
    </message>
    <message>
        <source>{0} is at {1} stamps after a sale at till {2}: the same stamps were probably spent twice offline.</source>
        <translation>{0} còn {1} tem sau một giao dịch tại quầy {2}: có lẽ cùng số tem đã bị dùng hai lần khi mất mạng.</translation>
    </message>
    <message>
        <source>{0} and {1} have the same phone number {2}: probably one person with two cards.</source>
        <translation>{0} và {1} có cùng số điện thoại {2}: có lẽ là một người có hai thẻ.</translation>
    </message>
    <message>
        <source>{0} and {1} have the same card number {2}: probably one person with two cards.</source>
        <translation>{0} và {1} có cùng số thẻ {2}: có lẽ là một người có hai thẻ.</translation>
    </message>
    <message>
        <source>{0} and {1} have the same referral code {2}: probably one person with two cards.</source>
        <translation>{0} và {1} có cùng mã giới thiệu {2}: có lẽ là một người có hai thẻ.</translation>
    </message>
    <message>
        <source>Receipt {0} earned points more than once; reverse the extra earn.</source>
        <translation>Hóa đơn {0} đã được tích điểm nhiều lần; hãy hủy lần tích điểm thừa.</translation>
    </message>
    <message>
        <source>Voucher {0} was used {1} times, probably at two tills while offline.</source>
        <translation>Phiếu quà tặng {0} đã được dùng {1} lần, có lẽ tại hai quầy khi mất mạng.</translation>
    </message>
    <message>
        <source>Voucher {0} was used more than once, probably at two tills while offline.</source>
        <translation>Phiếu quà tặng {0} đã được dùng nhiều lần, có lẽ tại hai quầy khi mất mạng.</translation>
    </message>
    <message>
        <source>Till {0} sent its entries with some missing or out of order; the server refused them.</source>
        <translation>Quầy {0} gửi các giao dịch bị thiếu hoặc sai thứ tự; máy chủ đã từ chối.</translation>
    </message>
    <message>
        <source>Till {0} sent an entry that differs from the one the server holds; it was refused.</source>
        <translation>Quầy {0} gửi một giao dịch khác với giao dịch máy chủ đang giữ; giao dịch đã bị từ chối.</translation>
    </message>
    <message>
        <source>Till {0} tried to send entries as another till ({1}); they were refused.</source>
        <translation>Quầy {0} tìm cách gửi giao dịch dưới tên một quầy khác ({1}); đã bị từ chối.</translation>
    </message>
    <message>
        <source>Till {0} is quarantined: its entries are held for review and not counted.</source>
        <translation>Quầy {0} đang bị cách ly: các giao dịch của quầy được giữ lại để xem xét và chưa được tính.</translation>
    </message>
    <message>
        <source>Till {0} adjusted {1} by {2} points and {3} stamps: check it, and reverse it if it was not meant.</source>
        <translation>Quầy {0} đã điều chỉnh {1} {2} điểm và {3} tem: hãy kiểm tra, và hủy nếu không đúng.</translation>
    </message>
    <message>
        <source>Till {0} of another store changed {1}&apos;s profile; it was not applied.</source>
        <translation>Quầy {0} của cửa hàng khác đã sửa hồ sơ của {1}; thay đổi chưa được áp dụng.</translation>
    </message>
    <message>
        <source>Till {0} sent an entry beyond what its program can produce; the server holds it, not counted.</source>
        <translation>Quầy {0} gửi một giao dịch vượt quá mức chương trình có thể tạo ra; máy chủ giữ lại, không tính.</translation>
    </message>
    <message>
        <source>Till {0} reversed an entry the server holds; the reversal waits with it, not counted.</source>
        <translation>Quầy {0} hoàn một giao dịch đang bị máy chủ giữ lại; lệnh hoàn chờ cùng giao dịch đó, không tính.</translation>
    </message>
    <message>
        <source>Till {0} sent a batch the server&apos;s database could not store; it was refused.</source>
        <translation>Quầy {0} gửi một lô giao dịch mà cơ sở dữ liệu của máy chủ không lưu được; lô đó đã bị từ chối.</translation>
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
    <message>
        <source>tier threshold</source>
        <translation>ngưỡng hạng</translation>
    </message>
    <message>
        <source>tier</source>
        <translation>hạng</translation>
    </message>
    <message>
        <source>category</source>
        <translation>nhóm hàng</translation>
    </message>
    <message>
        <source>the daily earn cap was reached</source>
        <translation>đã chạm mức tích điểm tối đa trong ngày</translation>
    </message>
    <message>
        <source>a staff member earned on her own phone number</source>
        <translation>nhân viên tích điểm vào số điện thoại của chính mình</translation>
    </message>
    <message>
        <source>points were spent twice at offline tills</source>
        <translation>điểm bị dùng hai lần ở các quầy ngoại tuyến</translation>
    </message>
    <message>
        <source>this person may have two cards</source>
        <translation>người này có thể có hai thẻ</translation>
    </message>
    <message>
        <source>this member earned more times today than the program expects</source>
        <translation>thành viên này tích điểm trong hôm nay nhiều lần hơn chương trình cho phép</translation>
    </message>
    <message>
        <source>many wrong PINs in a row: someone may be guessing staff PINs</source>
        <translation>nhập sai mã PIN nhiều lần liên tiếp: có thể ai đó đang dò mã PIN của nhân viên</translation>
    </message>
</context>
<context>
    <name>HealthTab</name>
    <message>
        <source>Flags and health</source>
        <translation>Cảnh báo và tình trạng</translation>
    </message>
    <message>
        <source>Flags for the manager</source>
        <translation>Cảnh báo cho quản lý</translation>
    </message>
    <message>
        <source>Tills: sync and POS bridge</source>
        <translation>Các quầy: đồng bộ và kết nối POS</translation>
    </message>
    <message>
        <source>Mark as dealt with</source>
        <translation>Đánh dấu đã xử lý</translation>
    </message>
    <message>
        <source>No open flags: nothing needs a manager.</source>
        <translation>Không có cảnh báo: không việc gì cần quản lý.</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Lúc</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Loại</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Khách hàng</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Chi tiết</translation>
    </message>
    <message>
        <source>What to do</source>
        <translation>Cần làm gì</translation>
    </message>
    <message>
        <source>Till</source>
        <translation>Quầy</translation>
    </message>
    <message>
        <source>Last sync</source>
        <translation>Đồng bộ gần nhất</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Đang chờ</translation>
    </message>
    <message>
        <source>POS: last file</source>
        <translation>POS: tệp gần nhất</translation>
    </message>
    <message>
        <source>Quarantined</source>
        <translation>Bị cách ly</translation>
    </message>
    <message>
        <source>Points spent twice</source>
        <translation>Điểm bị tiêu hai lần</translation>
    </message>
    <message>
        <source>Duplicate member</source>
        <translation>Thành viên trùng</translation>
    </message>
    <message>
        <source>Receipt earned at two tills</source>
        <translation>Hoá đơn được tích điểm ở hai quầy</translation>
    </message>
    <message>
        <source>Voucher used twice</source>
        <translation>Phiếu bị dùng hai lần</translation>
    </message>
    <message>
        <source>Tamper: entries missing</source>
        <translation>Can thiệp: thiếu bút toán</translation>
    </message>
    <message>
        <source>Tamper: ledger altered</source>
        <translation>Can thiệp: sổ bị sửa</translation>
    </message>
    <message>
        <source>Tamper: ledger restored or altered</source>
        <translation>Can thiệp: sổ bị khôi phục hoặc sửa</translation>
    </message>
    <message>
        <source>Tamper: a till wrote as another</source>
        <translation>Can thiệp: một quầy ghi thay quầy khác</translation>
    </message>
    <message>
        <source>Daily earn cap reached</source>
        <translation>Đạt giới hạn tích điểm trong ngày</translation>
    </message>
    <message>
        <source>Staff earned on own card</source>
        <translation>Nhân viên tích điểm vào thẻ của mình</translation>
    </message>
    <message>
        <source>Many earns in one day</source>
        <translation>Tích điểm nhiều lần trong ngày</translation>
    </message>
    <message>
        <source>Wrong PINs</source>
        <translation>Nhập sai mã PIN</translation>
    </message>
    <message>
        <source>Unusual adjustment</source>
        <translation>Điều chỉnh bất thường</translation>
    </message>
    <message>
        <source>Till quarantined</source>
        <translation>Quầy bị cách ly</translation>
    </message>
    <message>
        <source>Profile change not applied</source>
        <translation>Sửa hồ sơ chưa được áp dụng</translation>
    </message>
    <message>
        <source>Entry beyond the limits</source>
        <translation>Giao dịch vượt giới hạn</translation>
    </message>
    <message>
        <source>Reversal of a held entry</source>
        <translation>Hoàn giao dịch đang bị giữ</translation>
    </message>
    <message>
        <source>Batch not stored</source>
        <translation>Lô giao dịch chưa được lưu</translation>
    </message>
    <message>
        <source>Do not wipe or restore that till. Note its name and call support: its ledger must be checked.</source>
        <translation>Đừng xoá hay khôi phục quầy đó. Ghi lại tên quầy và gọi hỗ trợ: cần kiểm tra sổ của quầy.</translation>
    </message>
    <message>
        <source>An amount no real sale reaches (a typo or a tampered till). Call support before that till syncs again.</source>
        <translation>Một số tiền không giao dịch thật nào đạt tới (gõ nhầm hoặc quầy bị can thiệp). Gọi bộ phận hỗ trợ trước khi quầy đó đồng bộ lại.</translation>
    </message>
    <message>
        <source>Two offline tills spent the same points. Talk to the member; a manager adjustment can settle it.</source>
        <translation>Hai quầy mất mạng đã tiêu cùng số điểm. Hãy trao đổi với khách; quản lý có thể điều chỉnh để cân lại.</translation>
    </message>
    <message>
        <source>One person has two cards. Merge them in the Customers tab.</source>
        <translation>Một người có hai thẻ. Hãy gộp chúng ở thẻ Khách hàng.</translation>
    </message>
    <message>
        <source>One receipt earned twice. Reverse the extra earn from the customer page.</source>
        <translation>Một hoá đơn được tích điểm hai lần. Hãy huỷ lần tích thừa ở trang khách hàng.</translation>
    </message>
    <message>
        <source>A voucher was taken at two tills while offline. Both sales stand: write the second discount off or ask the customer.</source>
        <translation>Một phiếu đã được dùng ở hai quầy khi mất mạng. Cả hai giao dịch vẫn giữ: ghi nhận khoản giảm thứ hai là chi phí hoặc trao đổi với khách.</translation>
    </message>
    <message>
        <source>Check this member&apos;s visits today; the extra was not credited.</source>
        <translation>Kiểm tra các lần ghé hôm nay của khách; phần vượt đã không được cộng.</translation>
    </message>
    <message>
        <source>Ask the cashier about these earns; reverse them if they were not real sales.</source>
        <translation>Hỏi thu ngân về các lần tích điểm này; huỷ nếu không phải giao dịch thật.</translation>
    </message>
    <message>
        <source>Check this member&apos;s sales today with the cashiers; reverse the ones that were not real sales.</source>
        <translation>Kiểm tra với thu ngân các lần tích điểm hôm nay của khách; huỷ những lần không phải giao dịch thật.</translation>
    </message>
    <message>
        <source>Ask who was at this till. If nobody forgot a PIN, reset the PINs of its staff in the Staff tab.</source>
        <translation>Hỏi xem ai đã ở quầy này. Nếu không ai quên mã PIN, hãy đặt lại mã PIN của nhân viên ở thẻ Nhân viên.</translation>
    </message>
    <message>
        <source>Ask the manager who made it why; reverse it from the customer page if it was not meant.</source>
        <translation>Hỏi quản lý đã điều chỉnh lý do; nếu không đúng, hãy hủy ở trang khách hàng.</translation>
    </message>
    <message>
        <source>That till&apos;s sales wait on the server. Call support to release or reject them once it is checked.</source>
        <translation>Các giao dịch của quầy đó đang chờ trên máy chủ. Gọi bộ phận hỗ trợ để duyệt hoặc từ chối sau khi kiểm tra.</translation>
    </message>
    <message>
        <source>The member belongs to another store: ask that store to make the change if it is right.</source>
        <translation>Khách hàng thuộc cửa hàng khác: nếu thay đổi là đúng, hãy nhờ cửa hàng đó sửa.</translation>
    </message>
    <message>
        <source>It is released or rejected with the entry it reverses: deal with that one.</source>
        <translation>Lệnh này được duyệt hoặc từ chối cùng giao dịch mà nó hoàn: hãy xử lý giao dịch đó.</translation>
    </message>
    <message>
        <source>That till&apos;s sales wait on it, safely. Call support: the server&apos;s database refused them.</source>
        <translation>Các giao dịch của quầy đó vẫn được giữ an toàn trên quầy. Gọi bộ phận hỗ trợ: cơ sở dữ liệu máy chủ đã từ chối chúng.</translation>
    </message>
    <message>
        <source>Look at it, act, then mark it as dealt with.</source>
        <translation>Xem xét, xử lý, rồi đánh dấu đã xử lý.</translation>
    </message>
    <message>
        <source>Never reported: check that the till is paired and can reach the server.</source>
        <translation>Chưa từng báo cáo: kiểm tra quầy đã ghép nối và kết nối được máy chủ.</translation>
    </message>
    <message>
        <source>Never synced: pair it with the server (setup) and check its network.</source>
        <translation>Chưa từng đồng bộ: ghép nối với máy chủ (cài đặt) và kiểm tra mạng.</translation>
    </message>
    <message>
        <source>No sync for over a day: check its network; its sales wait safely on the till.</source>
        <translation>Hơn một ngày chưa đồng bộ: kiểm tra mạng; giao dịch vẫn được giữ an toàn trên quầy.</translation>
    </message>
    <message>
        <source>Sync error: {0}</source>
        <translation>Lỗi đồng bộ: {0}</translation>
    </message>
    <message>
        <source>{0} POS file(s) quarantined: read the .reason.txt beside each in the quarantine folder, fix it, copy it back.</source>
        <translation>{0} tệp POS bị cách ly: đọc tệp .reason.txt bên cạnh mỗi tệp trong thư mục cách ly, sửa rồi chép lại.</translation>
    </message>
    <message>
        <source>No POS file for over a day: is the POS still exporting to the folder?</source>
        <translation>Hơn một ngày không có tệp POS: máy POS còn xuất tệp vào thư mục không?</translation>
    </message>
    <message>
        <source>{0} (this till)</source>
        <translation>{0} (quầy này)</translation>
    </message>
    <message>
        <source>not watching</source>
        <translation>không theo dõi</translation>
    </message>
    <message>
        <source>All well.</source>
        <translation>Mọi thứ ổn.</translation>
    </message>
    <message>
        <source>never</source>
        <translation>chưa bao giờ</translation>
    </message>
    <message>
        <source>Other tills: not heard from the server yet (offline, or not paired). This till is shown now.</source>
        <translation>Các quầy khác: chưa nhận được từ máy chủ (mất mạng hoặc chưa ghép nối). Quầy này hiển thị hiện tại.</translation>
    </message>
    <message>
        <source>This till now; the other tills as the server reported them at {0}.</source>
        <translation>Quầy này: hiện tại; các quầy khác: theo máy chủ báo lúc {0}.</translation>
    </message>
    <message>
        <source>Choose a flag in the list first.</source>
        <translation>Hãy chọn một cảnh báo trong danh sách trước.</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>Loyalty — back office</source>
        <translation>Khách hàng thân thiết — quản lý</translation>
    </message>
    <message>
        <source>Type a manager or owner PIN to open the back office.</source>
        <translation>Nhập mã PIN của quản lý hoặc chủ cửa hàng để mở trang quản lý.</translation>
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
    <name>LookupController</name>
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
        <source>Card verified — member not on this till yet. Points can be earned on this card now; they join her account at the next sync. Spending waits until then.</source>
        <translation>Thẻ hợp lệ — khách chưa có trên máy này. Vẫn tích điểm cho thẻ này được ngay; điểm sẽ vào tài khoản của khách ở lần đồng bộ tới. Dùng điểm thì phải chờ đến lúc đó.</translation>
    </message>
    <message>
        <source>A voucher is waiting for this member: {0}, {1} (until {2}). Type the code to use it.</source>
        <translation>Khách này có phiếu chưa dùng: {0}, {1} (đến {2}). Nhập mã để dùng phiếu.</translation>
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
    <name>OwnerPage</name>
    <message>
        <source>The owner</source>
        <translation>Chủ cửa hàng</translation>
    </message>
    <message>
        <source>You log in with this PIN, approve manager actions and add your staff.</source>
        <translation>Bạn đăng nhập bằng mã PIN này, duyệt các thao tác của quản lý và thêm nhân viên.</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>Tên của bạn</translation>
    </message>
    <message>
        <source>Your PIN (4-8 digits)</source>
        <translation>Mã PIN của bạn (4–8 chữ số)</translation>
    </message>
    <message>
        <source>The same PIN again</source>
        <translation>Nhập lại mã PIN</translation>
    </message>
    <message>
        <source>Keep the PIN to yourself: nobody can see it, not even in the database.</source>
        <translation>Hãy giữ kín mã PIN: không ai xem được, kể cả trong cơ sở dữ liệu.</translation>
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
        <source>What was wrong:</source>
        <translation>Lỗi gặp phải:</translation>
    </message>
    <message>
        <source>… and {0} more.</source>
        <translation>… và {0} lỗi khác.</translation>
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
    <message>
        <source>{0}: {1} {2} ({3}) is not a completed payment or refund.</source>
        <translation>{0}: {1} {2} ({3}) không phải một lần thanh toán hay hoàn tiền đã hoàn tất.</translation>
    </message>
    <message>
        <source>{0}: payment {1} of order {2} was voided and paid again; nothing to take back.</source>
        <translation>{0}: lần thanh toán {1} của đơn hàng {2} đã bị hủy và thanh toán lại; không có gì để thu hồi.</translation>
    </message>
    <message>
        <source>{0}: order {1} is not paid yet.</source>
        <translation>{0}: đơn hàng {1} chưa được thanh toán.</translation>
    </message>
    <message>
        <source>{0}: return {1} is “{2}”, not refunded.</source>
        <translation>{0}: phiếu trả hàng {1} đang ở trạng thái “{2}”, chưa hoàn tiền.</translation>
    </message>
    <message>
        <source>{0}: invoice {1} is “{2}”, not finished yet.</source>
        <translation>{0}: hóa đơn {1} đang ở trạng thái “{2}”, chưa hoàn thành.</translation>
    </message>
    <message>
        <source>line {0}</source>
        <translation>dòng {0}</translation>
    </message>
    <message>
        <source>column “{0}”</source>
        <translation>cột “{0}”</translation>
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
        <source>Alt+← → another receipt</source>
        <translation>Alt+← → chọn hóa đơn khác</translation>
    </message>
    <message>
        <source>POS receipts without a customer ({0})</source>
        <translation>Hóa đơn POS chưa có khách ({0})</translation>
    </message>
</context>
<context>
    <name>ProgramPage</name>
    <message>
        <source>Your loyalty program</source>
        <translation>Chương trình khách hàng thân thiết</translation>
    </message>
    <message>
        <source>Start from one of these; every rule can be changed later in the back office.</source>
        <translation>Bắt đầu từ một mẫu dưới đây; mọi quy tắc đều có thể đổi sau trong phần quản lý.</translation>
    </message>
    <message>
        <source>Café stamp card</source>
        <translation>Thẻ tích tem quán cà phê</translation>
    </message>
    <message>
        <source>A stamp per visit, 10 slots with 2 filled at the start; a full card is a free drink.</source>
        <translation>Mỗi lần ghé một tem, thẻ 10 ô có sẵn 2 tem; đủ thẻ được một đồ uống miễn phí.</translation>
    </message>
    <message>
        <source>Points and tiers</source>
        <translation>Điểm và hạng thành viên</translation>
    </message>
    <message>
        <source>A point per step of the bill; Gold at 300 points earns 1.5×; discounts for points.</source>
        <translation>Mỗi bậc hóa đơn được một điểm; hạng Gold từ 300 điểm được nhân 1,5; đổi điểm lấy giảm giá.</translation>
    </message>
    <message>
        <source>Points only</source>
        <translation>Chỉ tích điểm</translation>
    </message>
    <message>
        <source>A point per step of the bill, spent as a discount or as money off the bill.</source>
        <translation>Mỗi bậc hóa đơn được một điểm, dùng để giảm giá hoặc trừ tiền trên hóa đơn.</translation>
    </message>
</context>
<context>
    <name>ProgramTab</name>
    <message>
        <source>Only a manager can change the program, and only the owner can publish it.</source>
        <translation>Chỉ quản lý mới được sửa chương trình, và chỉ chủ cửa hàng mới được công bố.</translation>
    </message>
    <message>
        <source>Program &amp; rewards</source>
        <translation>Chương trình &amp; phần thưởng</translation>
    </message>
    <message>
        <source>In use: version {0}.</source>
        <translation>Đang dùng: phiên bản {0}.</translation>
    </message>
    <message>
        <source>Draft {0}, saved {1}, not published.</source>
        <translation>Bản nháp {0}, lưu lúc {1}, chưa công bố.</translation>
    </message>
    <message>
        <source>Draft {0}, approved {1}, waiting for the server: it is published at the next sync.</source>
        <translation>Bản nháp {0}, duyệt lúc {1}, đang chờ máy chủ: sẽ được công bố ở lần đồng bộ tới.</translation>
    </message>
    <message>
        <source>Draft {0}, published {1}.</source>
        <translation>Bản nháp {0}, công bố lúc {1}.</translation>
    </message>
    <message>
        <source>The server refused it: {0}</source>
        <translation>Máy chủ đã từ chối: {0}</translation>
    </message>
    <message>
        <source>Now: {0}</source>
        <translation>Hiện tại: {0}</translation>
    </message>
    <message>
        <source>Draft: {0}</source>
        <translation>Bản nháp: {0}</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>Đang đếm…</translation>
    </message>
    <message>
        <source>{0} of {1} members would move up, {2} down (at the yearly review).</source>
        <translation>{0} trên {1} thành viên sẽ lên hạng, {2} xuống hạng (khi xét hạng hằng năm).</translation>
    </message>
    <message>
        <source>Draft {0} saved. Nothing changes at the tills until it is published.</source>
        <translation>Đã lưu bản nháp {0}. Các quầy không thay đổi gì cho đến khi công bố.</translation>
    </message>
    <message>
        <source>Publish the program to every till: the owner&apos;s PIN</source>
        <translation>Công bố chương trình tới mọi quầy: mã PIN của chủ cửa hàng</translation>
    </message>
    <message>
        <source>Published: every till takes the new program at its next sync.</source>
        <translation>Đã công bố: mỗi quầy nhận chương trình mới ở lần đồng bộ tới.</translation>
    </message>
    <message>
        <source>The server cannot be reached: the publication waits and goes at the next sync.</source>
        <translation>Không kết nối được máy chủ: việc công bố sẽ chờ và gửi đi ở lần đồng bộ tới.</translation>
    </message>
    <message>
        <source>Published on this till (it is not paired with a server).</source>
        <translation>Đã áp dụng trên quầy này (quầy chưa kết nối với máy chủ).</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>Điểm</translation>
    </message>
    <message>
        <source>Stamp card</source>
        <translation>Thẻ tích tem</translation>
    </message>
    <message>
        <source>Happy hours and multipliers (days: Mon–Fri, Sat, Sun)</source>
        <translation>Giờ vàng và hệ số nhân (ngày: T2–T6, T7, CN)</translation>
    </message>
    <message>
        <source>Tiers (lowest first; the first starts at 0)</source>
        <translation>Hạng thành viên (thấp nhất trước; hạng đầu bắt đầu từ 0)</translation>
    </message>
    <message>
        <source>Expiry and bonuses</source>
        <translation>Hết hạn và điểm thưởng</translation>
    </message>
    <message>
        <source>Abuse limits (0 = off)</source>
        <translation>Giới hạn chống gian lận (0 = tắt)</translation>
    </message>
    <message>
        <source>Rewards</source>
        <translation>Phần thưởng</translation>
    </message>
    <message>
        <source>Name of the points</source>
        <translation>Tên gọi của điểm</translation>
    </message>
    <message>
        <source>Points per step</source>
        <translation>Số điểm mỗi bậc</translation>
    </message>
    <message>
        <source>Step of the bill</source>
        <translation>Bậc hóa đơn</translation>
    </message>
    <message>
        <source>Tax counts toward points</source>
        <translation>Thuế được tính điểm</translation>
    </message>
    <message>
        <source>Categories that never earn (comma-separated)</source>
        <translation>Nhóm hàng không được tích điểm (cách nhau bằng dấu phẩy)</translation>
    </message>
    <message>
        <source>Value of a point spent as money (0 = off)</source>
        <translation>Giá trị một điểm khi trả tiền (0 = tắt)</translation>
    </message>
    <message>
        <source>Slots on the card</source>
        <translation>Số ô trên thẻ</translation>
    </message>
    <message>
        <source>Stamps given at enrolment</source>
        <translation>Số tem tặng khi đăng ký</translation>
    </message>
    <message>
        <source>A stamp for</source>
        <translation>Một tem cho</translation>
    </message>
    <message>
        <source>Smallest bill for a stamp</source>
        <translation>Hóa đơn tối thiểu để được tem</translation>
    </message>
    <message>
        <source>Items that stamp (SKUs, comma-separated)</source>
        <translation>Món được tem (mã SKU, cách nhau bằng dấu phẩy)</translation>
    </message>
    <message>
        <source>Categories that stamp</source>
        <translation>Nhóm hàng được tem</translation>
    </message>
    <message>
        <source>Category bonuses</source>
        <translation>Thưởng theo nhóm hàng</translation>
    </message>
    <message>
        <source>Months counted for tiers</source>
        <translation>Số tháng tính hạng</translation>
    </message>
    <message>
        <source>Yearly review: month</source>
        <translation>Xét hạng hằng năm: tháng</translation>
    </message>
    <message>
        <source>Yearly review: day</source>
        <translation>Xét hạng hằng năm: ngày</translation>
    </message>
    <message>
        <source>No downgrade within this many days of a visit</source>
        <translation>Không hạ hạng trong số ngày này sau lần ghé</translation>
    </message>
    <message>
        <source>Points expire after months without a visit (0 = never)</source>
        <translation>Điểm hết hạn sau số tháng không ghé (0 = không bao giờ)</translation>
    </message>
    <message>
        <source>Welcome points</source>
        <translation>Điểm chào mừng</translation>
    </message>
    <message>
        <source>Birthday points</source>
        <translation>Điểm sinh nhật</translation>
    </message>
    <message>
        <source>Birthday bonus during the birthday</source>
        <translation>Thưởng sinh nhật trong</translation>
    </message>
    <message>
        <source>Referral: points for the member who refers</source>
        <translation>Giới thiệu: điểm cho người giới thiệu</translation>
    </message>
    <message>
        <source>Referral: points for the new member</source>
        <translation>Giới thiệu: điểm cho thành viên mới</translation>
    </message>
    <message>
        <source>Minutes between two earns of a member</source>
        <translation>Số phút giữa hai lần tích điểm của một thành viên</translation>
    </message>
    <message>
        <source>Most points a member earns per day</source>
        <translation>Số điểm tối đa một thành viên tích mỗi ngày</translation>
    </message>
    <message>
        <source>Offline: most points a member spends per day</source>
        <translation>Khi mất mạng: số điểm tối đa một thành viên dùng mỗi ngày</translation>
    </message>
    <message>
        <source>Flag for the manager a member earning more times a day than</source>
        <translation>Báo quản lý khi một thành viên tích điểm nhiều hơn số lần này mỗi ngày</translation>
    </message>
    <message>
        <source>A sale that earns nothing counts as a visit</source>
        <translation>Giao dịch không được điểm nào vẫn tính là một lần ghé</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>có</translation>
    </message>
    <message>
        <source>each visit over the smallest bill</source>
        <translation>mỗi lần ghé từ hóa đơn tối thiểu</translation>
    </message>
    <message>
        <source>each qualifying item</source>
        <translation>mỗi món được tính</translation>
    </message>
    <message>
        <source>nothing (no stamp card)</source>
        <translation>không gì (không dùng thẻ tem)</translation>
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
        <source>Tier</source>
        <translation>Hạng</translation>
    </message>
    <message>
        <source>Threshold</source>
        <translation>Ngưỡng</translation>
    </message>
    <message>
        <source>Multiplier</source>
        <translation>Hệ số</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Tên</translation>
    </message>
    <message>
        <source>Days</source>
        <translation>Ngày</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Từ</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Đến</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Nhóm hàng</translation>
    </message>
    <message>
        <source>Reward</source>
        <translation>Phần thưởng</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Loại</translation>
    </message>
    <message>
        <source>Cost (points)</source>
        <translation>Giá (điểm)</translation>
    </message>
    <message>
        <source>Full card</source>
        <translation>Đủ thẻ</translation>
    </message>
    <message>
        <source>Value / %</source>
        <translation>Giá trị / %</translation>
    </message>
    <message>
        <source>Cap</source>
        <translation>Tối đa</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Món</translation>
    </message>
    <message>
        <source>Limit</source>
        <translation>Giới hạn</translation>
    </message>
    <message>
        <source>Per</source>
        <translation>Mỗi</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Đang dùng</translation>
    </message>
    <message>
        <source>From (day)</source>
        <translation>Từ ngày</translation>
    </message>
    <message>
        <source>Until (day)</source>
        <translation>Đến ngày</translation>
    </message>
    <message>
        <source>Kinds: free_item, fixed_discount, percent_discount, voucher, points_payment. Per: day, week, month, year.</source>
        <translation>Loại: free_item (món miễn phí), fixed_discount (giảm tiền), percent_discount (giảm %), voucher (phiếu), points_payment (trả bằng điểm). Mỗi: day, week, month, year.</translation>
    </message>
    <message>
        <source>Add a tier</source>
        <translation>Thêm hạng</translation>
    </message>
    <message>
        <source>Add a happy hour</source>
        <translation>Thêm giờ vàng</translation>
    </message>
    <message>
        <source>Add a category bonus</source>
        <translation>Thêm thưởng nhóm hàng</translation>
    </message>
    <message>
        <source>Add a reward</source>
        <translation>Thêm phần thưởng</translation>
    </message>
    <message>
        <source>Withdraw the reward</source>
        <translation>Ngừng phần thưởng</translation>
    </message>
    <message>
        <source>Preview: a sample bill</source>
        <translation>Xem trước: một hóa đơn mẫu</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Số tiền</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Thời gian</translation>
    </message>
    <message>
        <source>Member&apos;s tier</source>
        <translation>Hạng thành viên</translation>
    </message>
    <message>
        <source>Lines (sku, category, qty, price; …)</source>
        <translation>Dòng hàng (sku, nhóm, số lượng, giá; …)</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Xem trước</translation>
    </message>
    <message>
        <source>Who would change tier?</source>
        <translation>Ai sẽ đổi hạng?</translation>
    </message>
    <message>
        <source>Save draft</source>
        <translation>Lưu nháp</translation>
    </message>
    <message>
        <source>Publish…</source>
        <translation>Công bố…</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>Tải lại</translation>
    </message>
</context>
<context>
    <name>RedeemController</name>
    <message>
        <source>Scan a card or find a customer first.</source>
        <translation>Hãy quét thẻ hoặc tìm khách hàng trước.</translation>
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
        <source>Voucher {0} used: take {1} off the bill.</source>
        <translation>Đã dùng phiếu {0}: trừ {1} vào hoá đơn.</translation>
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
    <name>SegmentMembersModel</name>
    <message>
        <source>Name</source>
        <translation>Họ tên</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Điện thoại</translation>
    </message>
    <message>
        <source>Marketing consent</source>
        <translation>Đồng ý nhận tiếp thị</translation>
    </message>
    <message>
        <source>Segments</source>
        <translation>Nhóm</translation>
    </message>
    <message>
        <source>Visits</source>
        <translation>Lượt ghé</translation>
    </message>
    <message>
        <source>Last visit</source>
        <translation>Lần ghé gần nhất</translation>
    </message>
    <message>
        <source>Spend, 12 months</source>
        <translation>Chi tiêu 12 tháng</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>có</translation>
    </message>
    <message>
        <source>no</source>
        <translation>không</translation>
    </message>
</context>
<context>
    <name>Segments</name>
    <message>
        <source>new</source>
        <translation>mới</translation>
    </message>
    <message>
        <source>regular</source>
        <translation>thường xuyên</translation>
    </message>
    <message>
        <source>VIP</source>
        <translation>VIP</translation>
    </message>
    <message>
        <source>at risk</source>
        <translation>có nguy cơ rời bỏ</translation>
    </message>
    <message>
        <source>lapsed</source>
        <translation>đã lâu không ghé</translation>
    </message>
    <message>
        <source>big first purchase</source>
        <translation>lần đầu mua lớn</translation>
    </message>
    <message>
        <source>birthday this month</source>
        <translation>sinh nhật tháng này</translation>
    </message>
    <message>
        <source>First visit in the last 30 days.</source>
        <translation>Lần ghé đầu tiên trong 30 ngày qua.</translation>
    </message>
    <message>
        <source>Not new, and 2 visits or more in the last 90 days.</source>
        <translation>Không phải khách mới, và ghé từ 2 lần trở lên trong 90 ngày qua.</translation>
    </message>
    <message>
        <source>Top 20 % of the members by spend over the last 12 months.</source>
        <translation>20 % thành viên chi tiêu nhiều nhất trong 12 tháng qua.</translation>
    </message>
    <message>
        <source>No visit for more than twice their usual interval between visits (not lapsed yet).</source>
        <translation>Không ghé lâu hơn gấp đôi khoảng cách thường lệ giữa các lần ghé (chưa tính là lâu không ghé).</translation>
    </message>
    <message>
        <source>No visit (or, never visited, no enrolment) in the last {0} days.</source>
        <translation>Không ghé (hoặc, nếu chưa ghé lần nào, không đăng ký) trong {0} ngày qua.</translation>
    </message>
    <message>
        <source>First bill in the top tenth of all members&apos; first bills.</source>
        <translation>Hóa đơn đầu tiên thuộc nhóm 10 % hóa đơn đầu tiên lớn nhất.</translation>
    </message>
    <message>
        <source>Birthday in this month.</source>
        <translation>Sinh nhật trong tháng này.</translation>
    </message>
    <message>
        <source>new — welcome them and explain how the card fills up</source>
        <translation>khách mới — chào đón và giải thích cách tích thẻ</translation>
    </message>
    <message>
        <source>regular — thank them by name</source>
        <translation>khách quen — cảm ơn khách bằng tên</translation>
    </message>
    <message>
        <source>VIP — thank them and mention the VIP reward</source>
        <translation>VIP — cảm ơn khách và giới thiệu ưu đãi VIP</translation>
    </message>
    <message>
        <source>at risk — offer the win-back reward</source>
        <translation>có nguy cơ rời bỏ — mời dùng ưu đãi quay lại</translation>
    </message>
    <message>
        <source>lapsed — welcome them back and offer the win-back reward</source>
        <translation>đã lâu không ghé — chào mừng khách quay lại và mời dùng ưu đãi quay lại</translation>
    </message>
    <message>
        <source>big first purchase — invite them back with a second-visit offer</source>
        <translation>lần đầu mua lớn — mời khách quay lại với ưu đãi lần ghé thứ hai</translation>
    </message>
    <message>
        <source>birthday this month — wish them a happy birthday and offer the birthday reward</source>
        <translation>sinh nhật tháng này — chúc mừng sinh nhật và mời dùng quà sinh nhật</translation>
    </message>
</context>
<context>
    <name>SegmentsTab</name>
    <message>
        <source>Segments</source>
        <translation>Nhóm khách</translation>
    </message>
    <message>
        <source>Computing the segments…</source>
        <translation>Đang phân nhóm khách…</translation>
    </message>
    <message>
        <source>The segments could not be computed: {0}</source>
        <translation>Không phân nhóm được: {0}</translation>
    </message>
    <message>
        <source>{0} active members match the filters.</source>
        <translation>{0} thành viên đang hoạt động khớp bộ lọc.</translation>
    </message>
    <message>
        <source>{0}: {1} members</source>
        <translation>{0}: {1} thành viên</translation>
    </message>
    <message>
        <source>Export list</source>
        <translation>Xuất danh sách</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Tệp CSV (*.csv)</translation>
    </message>
    <message>
        <source>Saved {0} members to {1}</source>
        <translation>Đã lưu {0} thành viên vào {1}</translation>
    </message>
    <message>
        <source>Could not export: {0}</source>
        <translation>Không xuất được: {0}</translation>
    </message>
    <message>
        <source>&amp;Age:</source>
        <translation>&amp;Tuổi:</translation>
    </message>
    <message>
        <source>any</source>
        <translation>tất cả</translation>
    </message>
    <message>
        <source>under 25</source>
        <translation>dưới 25</translation>
    </message>
    <message>
        <source>25–34</source>
        <translation>25–34</translation>
    </message>
    <message>
        <source>35–44</source>
        <translation>35–44</translation>
    </message>
    <message>
        <source>45–54</source>
        <translation>45–54</translation>
    </message>
    <message>
        <source>55 and over</source>
        <translation>từ 55 trở lên</translation>
    </message>
    <message>
        <source>&amp;Gender:</source>
        <translation>&amp;Giới tính:</translation>
    </message>
    <message>
        <source>female</source>
        <translation>nữ</translation>
    </message>
    <message>
        <source>male</source>
        <translation>nam</translation>
    </message>
    <message>
        <source>other</source>
        <translation>khác</translation>
    </message>
    <message>
        <source>A&amp;rea:</source>
        <translation>&amp;Khu vực:</translation>
    </message>
    <message>
        <source>any area</source>
        <translation>mọi khu vực</translation>
    </message>
    <message>
        <source>&amp;Lapsed after (days):</source>
        <translation>Lâu không &amp;ghé sau (ngày):</translation>
    </message>
    <message>
        <source>Campaign lists (members who agreed to marketing)</source>
        <translation>Danh sách chiến dịch (thành viên đồng ý nhận tiếp thị)</translation>
    </message>
    <message>
        <source>Birthday this month…</source>
        <translation>Sinh nhật tháng này…</translation>
    </message>
    <message>
        <source>Win-back…</source>
        <translation>Mời quay lại…</translation>
    </message>
    <message>
        <source>Members at risk or lapsed</source>
        <translation>Thành viên có nguy cơ rời bỏ hoặc đã lâu không ghé</translation>
    </message>
    <message>
        <source>Members whose birthday is this month</source>
        <translation>Thành viên có sinh nhật trong tháng này</translation>
    </message>
    <message>
        <source>The top 20 % by spend over 12 months</source>
        <translation>20 % thành viên chi tiêu nhiều nhất trong 12 tháng</translation>
    </message>
    <message>
        <source>VIP…</source>
        <translation>VIP…</translation>
    </message>
    <message>
        <source>Export this segment (CSV)…</source>
        <translation>Xuất nhóm này (CSV)…</translation>
    </message>
</context>
<context>
    <name>ServerPage</name>
    <message>
        <source>Type the server&apos;s address and the pairing code.</source>
        <translation>Nhập địa chỉ máy chủ và mã ghép nối.</translation>
    </message>
    <message>
        <source>Give both the server&apos;s address and the pairing code, or neither.</source>
        <translation>Nhập cả địa chỉ máy chủ và mã ghép nối, hoặc để trống cả hai.</translation>
    </message>
    <message>
        <source>Join your chain</source>
        <translation>Tham gia chuỗi cửa hàng</translation>
    </message>
    <message>
        <source>Ask the chain&apos;s manager for a pairing code for this store. It works once.</source>
        <translation>Hãy xin quản lý chuỗi một mã ghép nối cho cửa hàng này. Mã chỉ dùng được một lần.</translation>
    </message>
    <message>
        <source>Central server (optional)</source>
        <translation>Máy chủ trung tâm (không bắt buộc)</translation>
    </message>
    <message>
        <source>With a central server, several tills share members and the program. Leave this empty to run on this till alone; you can pair later.</source>
        <translation>Với máy chủ trung tâm, nhiều quầy dùng chung thành viên và chương trình. Để trống nếu chỉ dùng một quầy này; bạn có thể ghép nối sau.</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>Địa chỉ máy chủ</translation>
    </message>
    <message>
        <source>Pairing code</source>
        <translation>Mã ghép nối</translation>
    </message>
    <message>
        <source>Name of this till</source>
        <translation>Tên quầy này</translation>
    </message>
    <message>
        <source>e.g. Till 2</source>
        <translation>vd. Quầy 2</translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <source>New till</source>
        <translation>Quầy mới</translation>
    </message>
    <message>
        <source>&lt; Back</source>
        <translation>&lt; Quay lại</translation>
    </message>
    <message>
        <source>Next &gt;</source>
        <translation>Tiếp &gt;</translation>
    </message>
    <message>
        <source>Finish</source>
        <translation>Hoàn tất</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <source>Connecting to the server…</source>
        <translation>Đang kết nối máy chủ…</translation>
    </message>
    <message>
        <source>Setting up the shop…</source>
        <translation>Đang thiết lập cửa hàng…</translation>
    </message>
    <message>
        <source>The shop is set up, but pairing failed: {0} Fix the address or code, or empty both to skip.</source>
        <translation>Cửa hàng đã được thiết lập, nhưng ghép nối thất bại: {0} Hãy sửa địa chỉ hoặc mã, hoặc để trống cả hai để bỏ qua.</translation>
    </message>
</context>
<context>
    <name>ShopPage</name>
    <message>
        <source>the time there now is {0}</source>
        <translation>giờ ở đó hiện là {0}</translation>
    </message>
    <message>
        <source>not a time zone yet</source>
        <translation>chưa phải múi giờ</translation>
    </message>
    <message>
        <source>Phones typed without a country code are read as {0} numbers, like {1}.</source>
        <translation>Số điện thoại nhập không có mã quốc gia được hiểu là số của {0}, ví dụ {1}.</translation>
    </message>
    <message>
        <source>A bill is written {0}; {1}.</source>
        <translation>Hóa đơn được ghi là {0}; {1}.</translation>
    </message>
    <message>
        <source>Your shop</source>
        <translation>Cửa hàng của bạn</translation>
    </message>
    <message>
        <source>Times are shown in the shop&apos;s time zone, amounts in its currency, phones as its country writes them. A manager can change them later.</source>
        <translation>Giờ được hiển thị theo múi giờ của cửa hàng, số tiền theo đơn vị tiền của cửa hàng, số điện thoại theo cách viết của quốc gia cửa hàng. Quản lý có thể đổi sau.</translation>
    </message>
    <message>
        <source>Shop name</source>
        <translation>Tên cửa hàng</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Địa chỉ</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Đơn vị tiền</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>Múi giờ</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Quốc gia</translation>
    </message>
    <message>
        <source>e.g. Cà Phê Sáng</source>
        <translation>vd. Cà Phê Sáng</translation>
    </message>
</context>
<context>
    <name>ShopSettingsBox</name>
    <message>
        <source>Tick the box to confirm you understand what changes.</source>
        <translation>Hãy đánh dấu ô để xác nhận bạn hiểu điều gì sẽ thay đổi.</translation>
    </message>
    <message>
        <source>Change the shop&apos;s settings</source>
        <translation>Đổi cài đặt cửa hàng</translation>
    </message>
    <message>
        <source>Saved. Times are now shown in {0}, amounts in {1}.</source>
        <translation>Đã lưu. Giờ nay hiển thị theo {0}, số tiền theo {1}.</translation>
    </message>
    <message>
        <source>Phones without a country code are now read as {0} numbers.</source>
        <translation>Từ nay số điện thoại không có mã quốc gia được hiểu là số của {0}.</translation>
    </message>
    <message>
        <source>The shop</source>
        <translation>Cửa hàng</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Tên</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Địa chỉ</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Đơn vị tiền</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>Múi giờ</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Quốc gia</translation>
    </message>
    <message>
        <source>Phones typed without a country code are read as this country&apos;s.</source>
        <translation>Số điện thoại nhập không có mã quốc gia được hiểu là số của quốc gia này.</translation>
    </message>
    <message>
        <source>This shop has sales already. Amounts recorded so far stay in the old currency, and the times of past sales do not move: reports mixing the two will look wrong. Change only to correct a mistake.</source>
        <translation>Cửa hàng đã có giao dịch. Số tiền đã ghi vẫn theo đơn vị tiền cũ, và giờ của các giao dịch cũ không đổi: báo cáo trộn lẫn hai loại sẽ sai lệch. Chỉ đổi để sửa một nhầm lẫn.</translation>
    </message>
    <message>
        <source>Customer camera</source>
        <translation>Camera cho khách</translation>
    </message>
    <message>
        <source>At this till, amounts are typed in thousands (125 means 125,000)</source>
        <translation>Ở quầy này, số tiền được nhập theo nghìn (125 là 125.000)</translation>
    </message>
    <message>
        <source>I understand</source>
        <translation>Tôi đã hiểu</translation>
    </message>
    <message>
        <source>Save shop settings…</source>
        <translation>Lưu cài đặt cửa hàng…</translation>
    </message>
</context>
<context>
    <name>StaffTab</name>
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
        <translation>chủ cửa hàng</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>Từ ngày</translation>
    </message>
    <message>
        <source>active</source>
        <translation>đang làm</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>đã khóa</translation>
    </message>
    <message>
        <source>Only a manager or the owner can manage the staff.</source>
        <translation>Chỉ quản lý hoặc chủ cửa hàng mới được quản lý nhân viên.</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>Nhân viên</translation>
    </message>
    <message>
        <source>Select someone in the list</source>
        <translation>Chọn một người trong danh sách</translation>
    </message>
    <message>
        <source>Type the new person&apos;s name.</source>
        <translation>Nhập tên người mới.</translation>
    </message>
    <message>
        <source>Type the same PIN twice (4 to 8 digits).</source>
        <translation>Nhập cùng một mã PIN hai lần (4 đến 8 chữ số).</translation>
    </message>
    <message>
        <source>Add {0} as {1}</source>
        <translation>Thêm {0} làm {1}</translation>
    </message>
    <message>
        <source>{0} was added as {1}.</source>
        <translation>Đã thêm {0} làm {1}.</translation>
    </message>
    <message>
        <source>Make {0} {1}</source>
        <translation>Cho {0} làm {1}</translation>
    </message>
    <message>
        <source>{0} is now {1}.</source>
        <translation>{0} giờ là {1}.</translation>
    </message>
    <message>
        <source>Enable {0}</source>
        <translation>Mở lại {0}</translation>
    </message>
    <message>
        <source>Disable {0}: their PIN will open nothing</source>
        <translation>Khóa {0}: mã PIN của người này sẽ không mở được gì</translation>
    </message>
    <message>
        <source>{0} can work again.</source>
        <translation>{0} có thể làm việc lại.</translation>
    </message>
    <message>
        <source>{0} is disabled.</source>
        <translation>{0} đã bị khóa.</translation>
    </message>
    <message>
        <source>New PIN for {0}</source>
        <translation>Mã PIN mới cho {0}</translation>
    </message>
    <message>
        <source>{0} has a new PIN.</source>
        <translation>{0} đã có mã PIN mới.</translation>
    </message>
    <message>
        <source>Set the phone of {0} to {1}</source>
        <translation>Đặt số điện thoại của {0} là {1}</translation>
    </message>
    <message>
        <source>Remove the phone of {0}</source>
        <translation>Xoá số điện thoại của {0}</translation>
    </message>
    <message>
        <source>{0}&apos;s phone is saved: earning on a member with it is flagged for the manager.</source>
        <translation>Đã lưu số điện thoại của {0}: tích điểm cho thành viên có số này sẽ được báo cho quản lý.</translation>
    </message>
    <message>
        <source>Enable</source>
        <translation>Mở lại</translation>
    </message>
    <message>
        <source>Disable</source>
        <translation>Khóa</translation>
    </message>
    <message>
        <source>Change role</source>
        <translation>Đổi vai trò</translation>
    </message>
    <message>
        <source>Reset PIN</source>
        <translation>Đặt lại mã PIN</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Vai trò</translation>
    </message>
    <message>
        <source>Save phone</source>
        <translation>Lưu số điện thoại</translation>
    </message>
    <message>
        <source>Their own phone (optional)</source>
        <translation>Số điện thoại riêng của nhân viên (không bắt buộc)</translation>
    </message>
    <message>
        <source>New PIN</source>
        <translation>Mã PIN mới</translation>
    </message>
    <message>
        <source>New PIN again</source>
        <translation>Nhập lại mã PIN mới</translation>
    </message>
    <message>
        <source>Own phone</source>
        <translation>Số điện thoại riêng</translation>
    </message>
    <message>
        <source>Add someone</source>
        <translation>Thêm người</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Tên</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>Mã PIN</translation>
    </message>
    <message>
        <source>PIN again</source>
        <translation>Nhập lại mã PIN</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Thêm</translation>
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
        <source>1 full card waiting</source>
        <translation>1 thẻ đầy đang chờ</translation>
    </message>
    <message>
        <source>{0} full cards waiting</source>
        <translation>{0} thẻ đầy đang chờ</translation>
    </message>
    <message>
        <source>{0} of {1} on the new card</source>
        <translation>thẻ mới: {0}/{1} tem</translation>
    </message>
    <message>
        <source>FREE</source>
        <translation>QUÀ</translation>
    </message>
</context>
<context>
    <name>StatusBarView</name>
    <message>
        <source>● Connecting…</source>
        <translation>● Đang kết nối…</translation>
    </message>
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
        <source>The sync server cannot be reached; the till keeps working offline.</source>
        <translation>Không kết nối được máy chủ đồng bộ; máy vẫn làm việc ngoại tuyến.</translation>
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
    <name>TicketRulesDialog</name>
    <message>
        <source>Who answers complaints</source>
        <translation>Ai phụ trách phản ánh</translation>
    </message>
    <message>
        <source>The first rule that matches a new ticket names its owner. When none matches, the store&apos;s manager owns it.</source>
        <translation>Quy tắc đầu tiên khớp với phản ánh mới sẽ chỉ định người phụ trách. Nếu không quy tắc nào khớp, quản lý cửa hàng phụ trách.</translation>
    </message>
    <message>
        <source>any store</source>
        <translation>mọi cửa hàng</translation>
    </message>
    <message>
        <source>any priority</source>
        <translation>mọi mức ưu tiên</translation>
    </message>
    <message>
        <source>Add rule</source>
        <translation>Thêm quy tắc</translation>
    </message>
    <message>
        <source>Remove the chosen rule</source>
        <translation>Xoá quy tắc đã chọn</translation>
    </message>
    <message>
        <source>{0}, {1} → {2}</source>
        <translation>{0}, {1} → {2}</translation>
    </message>
</context>
<context>
    <name>Tickets</name>
    <message>
        <source>High</source>
        <translation>Cao</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>Thường</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>Thấp</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Mới mở</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>Đang xử lý</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Đã giải quyết</translation>
    </message>
    <message>
        <source>guest: no card to follow</source>
        <translation>khách vãng lai: không có thẻ để theo dõi</translation>
    </message>
    <message>
        <source>not yet</source>
        <translation>chưa</translation>
    </message>
    <message>
        <source>yes, {0}</source>
        <translation>có, {0}</translation>
    </message>
    <message>
        <source>yes, {0}; {1} since</source>
        <translation>có, {0}; đã chi {1} từ đó</translation>
    </message>
</context>
<context>
    <name>TicketsModel</name>
    <message>
        <source>Due</source>
        <translation>Hạn</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Ưu tiên</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Khách hàng</translation>
    </message>
    <message>
        <source>Rating</source>
        <translation>Đánh giá</translation>
    </message>
    <message>
        <source>Complaint</source>
        <translation>Phản ánh</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Người phụ trách</translation>
    </message>
    <message>
        <source>Came back</source>
        <translation>Đã quay lại</translation>
    </message>
    <message>
        <source>done {0}</source>
        <translation>xong {0}</translation>
    </message>
    <message>
        <source>{0} (late)</source>
        <translation>{0} (trễ)</translation>
    </message>
    <message>
        <source>a guest</source>
        <translation>khách vãng lai</translation>
    </message>
    <message>
        <source>(no comment)</source>
        <translation>(không ghi chú)</translation>
    </message>
    <message>
        <source>nobody</source>
        <translation>chưa có ai</translation>
    </message>
</context>
<context>
    <name>TicketsTab</name>
    <message>
        <source>Tickets</source>
        <translation>Phản ánh</translation>
    </message>
    <message>
        <source>Show resolved tickets</source>
        <translation>Hiện cả phản ánh đã giải quyết</translation>
    </message>
    <message>
        <source>Set monthly budget…</source>
        <translation>Đặt ngân sách tháng…</translation>
    </message>
    <message>
        <source>Who answers…</source>
        <translation>Ai phụ trách…</translation>
    </message>
    <message>
        <source>Ticket</source>
        <translation>Phản ánh</translation>
    </message>
    <message>
        <source>Take it (in progress)</source>
        <translation>Nhận xử lý</translation>
    </message>
    <message>
        <source>Resolve</source>
        <translation>Giải quyết</translation>
    </message>
    <message>
        <source>What was done: called the customer, apologised…</source>
        <translation>Đã làm gì: gọi điện cho khách, xin lỗi…</translation>
    </message>
    <message>
        <source>Compensation voucher (amount, optional)</source>
        <translation>Phiếu bồi thường (số tiền, không bắt buộc)</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Người phụ trách</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>Cách giải quyết</translation>
    </message>
    <message>
        <source>Voucher</source>
        <translation>Phiếu</translation>
    </message>
    <message>
        <source>No complaints. A 1★ or 2★ rating at a till opens one here.</source>
        <translation>Không có phản ánh. Đánh giá 1★ hoặc 2★ tại quầy sẽ mở phản ánh ở đây.</translation>
    </message>
    <message>
        <source>No compensation budget set for this month.</source>
        <translation>Chưa đặt ngân sách bồi thường cho tháng này.</translation>
    </message>
    <message>
        <source>Compensation budget {0}: {1} left of {2}</source>
        <translation>Ngân sách bồi thường {0}: còn {1} trên {2}</translation>
    </message>
    <message>
        <source>Choose a ticket in the list.</source>
        <translation>Hãy chọn một phản ánh trong danh sách.</translation>
    </message>
    <message>
        <source>{0}★ from {1}: {2}</source>
        <translation>{0}★ từ {1}: {2}</translation>
    </message>
    <message>
        <source>{0}★ from {1}</source>
        <translation>{0}★ từ {1}</translation>
    </message>
    <message>
        <source>Opened {0}, due {1}; priority {2}; {3}.</source>
        <translation>Mở lúc {0}, hạn {1}; ưu tiên {2}; {3}.</translation>
    </message>
    <message>
        <source>Customer: {0}. Came back: {1}.</source>
        <translation>Khách hàng: {0}. Đã quay lại: {1}.</translation>
    </message>
    <message>
        <source>a guest</source>
        <translation>khách vãng lai</translation>
    </message>
    <message>
        <source>Resolved: {0}</source>
        <translation>Đã giải quyết: {0}</translation>
    </message>
    <message>
        <source>The voucher&apos;s amount is not an amount: {0}</source>
        <translation>Giá trị phiếu không phải số tiền: {0}</translation>
    </message>
    <message>
        <source>Say how the complaint was resolved (a short note).</source>
        <translation>Hãy ghi ngắn gọn cách đã giải quyết phản ánh.</translation>
    </message>
    <message>
        <source>That is more than the {0} left in this month&apos;s compensation budget.</source>
        <translation>Vượt quá {0} còn lại trong ngân sách bồi thường tháng này.</translation>
    </message>
    <message>
        <source>Approve a compensation voucher of {0} for {1}?</source>
        <translation>Duyệt phiếu bồi thường {0} cho {1}?</translation>
    </message>
    <message>
        <source>No voucher without a manager&apos;s approval; nothing was changed.</source>
        <translation>Không có phiếu nếu quản lý chưa duyệt; chưa thay đổi gì.</translation>
    </message>
    <message>
        <source>Resolved; the voucher is ready to hand over.</source>
        <translation>Đã giải quyết; phiếu sẵn sàng để trao cho khách.</translation>
    </message>
    <message>
        <source>Resolved.</source>
        <translation>Đã giải quyết.</translation>
    </message>
    <message>
        <source>Voucher {0}</source>
        <translation>Phiếu {0}</translation>
    </message>
    <message>
        <source>Voucher {0}: {1}, valid until {2}. Any till takes it once.</source>
        <translation>Phiếu {0}: {1}, dùng đến {2}. Dùng một lần tại bất kỳ quầy nào.</translation>
    </message>
    <message>
        <source>Saved: new tickets follow these rules.</source>
        <translation>Đã lưu: phản ánh mới sẽ theo các quy tắc này.</translation>
    </message>
    <message>
        <source>Compensation budget</source>
        <translation>Ngân sách bồi thường</translation>
    </message>
    <message>
        <source>How much may this store give in compensation vouchers a month?</source>
        <translation>Mỗi tháng cửa hàng này được tặng phiếu bồi thường tối đa bao nhiêu?</translation>
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
<context>
    <name>WelcomePage</name>
    <message>
        <source>Welcome to the loyalty till</source>
        <translation>Chào mừng đến với quầy khách hàng thân thiết</translation>
    </message>
    <message>
        <source>This till is new. What would you like to do?</source>
        <translation>Quầy này còn mới. Bạn muốn làm gì?</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Ngôn ngữ</translation>
    </message>
    <message>
        <source>Try the demo café</source>
        <translation>Dùng thử quán cà phê mẫu</translation>
    </message>
    <message>
        <source>A café with 40 members, rewards and sample sales. Demo PINs: cashier 1111, owner 1234.</source>
        <translation>Một quán cà phê với 40 thành viên, phần thưởng và giao dịch mẫu. Mã PIN mẫu: thu ngân 1111, chủ 1234.</translation>
    </message>
    <message>
        <source>Set up my shop</source>
        <translation>Thiết lập cửa hàng của tôi</translation>
    </message>
    <message>
        <source>Your shop&apos;s name, currency and time zone, your own owner PIN and a program to start from.</source>
        <translation>Tên, đơn vị tiền và múi giờ của cửa hàng, mã PIN chủ của riêng bạn và một chương trình để bắt đầu.</translation>
    </message>
    <message>
        <source>Join my chain&apos;s server</source>
        <translation>Tham gia máy chủ của chuỗi</translation>
    </message>
    <message>
        <source>Another till of your chain is already running: the store, program and staff come from the server.</source>
        <translation>Chuỗi của bạn đã có quầy khác đang chạy: cửa hàng, chương trình và nhân viên được lấy từ máy chủ.</translation>
    </message>
</context>
</TS>
