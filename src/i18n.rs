//! Interface texts in both languages (Vietnamese first). Kept out of the UI module so a native
//! test can check that every text has both versions.

use crate::engine::text::Lang;

/// A fixed interface text: (Vietnamese, English).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Tx(pub &'static str, pub &'static str);

impl Tx {
    pub fn get(self, lang: Lang) -> &'static str {
        match lang {
            Lang::Vi => self.0,
            Lang::En => self.1,
        }
    }
}

macro_rules! texts {
    ($($name:ident = ($vi:expr, $en:expr);)*) => {
        $(pub const $name: Tx = Tx($vi, $en);)*
        /// Every interface text, for the completeness test.
        pub const ALL: &[(&str, Tx)] = &[$((stringify!($name), $name)),*];
    };
}

texts! {
    APP_NAME = ("Hồ sơ", "Hồ sơ");
    APP_TAGLINE = ("Chuẩn bị hồ sơ thủ tục hành chính cấp xã: đúng giấy tờ, điền tờ khai, kiểm tra ngay trên điện thoại, không cần mạng.",
                   "Prepare your commune-level application: the right documents, the declaration filled and checked on your phone, no network needed.");
    SWITCH_LANG = ("English", "Tiếng Việt");
    SWITCH_LANG_LABEL = ("Switch to English", "Chuyển sang tiếng Việt");
    CONTINUE = ("Tiếp tục", "Continue");
    BACK = ("Quay lại", "Back");
    START_CHOOSE = ("Bạn cần làm thủ tục gì?", "What do you need to do?");
    SEARCH_LABEL = ("Tìm thủ tục", "Find a procedure");
    SEARCH_HINT = ("Gõ vài chữ, không cần dấu, ví dụ “khai sinh”, “khai tu”.", "Type a few words, accents optional, e.g. “khai sinh”, “death”.");
    SEARCH_NONE = ("Không tìm thấy thủ tục nào. Hãy thử từ khác.", "No procedure found. Try other words.");
    PRIVACY_NOTE = ("Thông tin bạn nhập chỉ lưu trên thiết bị này. hoso không gửi dữ liệu đi đâu; bạn tự tải gói hồ sơ về và nộp.",
                    "What you enter stays on this device. hoso sends nothing anywhere; you download the package and submit it yourself.");
    DELETE_ALL = ("Xóa mọi dữ liệu của tôi trên thiết bị này", "Delete all my data on this device");
    DELETE_ALL_Q = ("Xóa hết câu trả lời và tệp đã đính kèm của mọi thủ tục trên thiết bị này? Không thể khôi phục.", "Delete every answer and attached file for every procedure on this device? This cannot be undone.");
    DELETE_ALL_YES = ("Xóa hết", "Delete everything");
    DELETE_ALL_NO = ("Không xóa", "Keep my data");
    DELETE_ALL_DONE = ("Đã xóa mọi dữ liệu của bạn trên thiết bị này.", "All your data on this device has been deleted.");
    STORAGE_FILES = ("Thiết bị không cho lưu thêm tệp (bộ nhớ đầy hoặc bị chặn). Các tệp vẫn dùng được đến khi bạn đóng trang; câu trả lời đã được lưu. Hãy giải phóng bộ nhớ hoặc tạo gói hồ sơ ngay.", "This device refused to store more files (storage full or blocked). The files work until you close the page; your answers are saved. Free some space or make the package now.");
    BUILDING = ("Đang tạo gói hồ sơ…", "Making your package…");
    FOR_STAFF = ("Dành cho cán bộ: kiểm tra gói hồ sơ", "For staff: check a package");
    STAFF_TITLE = ("Kiểm tra gói hồ sơ", "Check a package");
    STAFF_INTRO = ("Mở gói hồ sơ (.zip) người dân gửi: hoso kiểm tra gói có đủ, còn nguyên vẹn và hợp lệ theo cùng quy định không. Tệp chỉ được đọc trên máy này, không gửi đi đâu.", "Open the package (.zip) a resident sent: hoso checks that it is complete, untouched and valid under the same rules. The file is read on this computer only and sent nowhere.");
    STAFF_CHOOSE = ("Chọn gói hồ sơ (.zip)", "Choose a package (.zip)");
    STAFF_DROP = ("Hoặc kéo thả tệp vào đây.", "Or drag and drop the file here.");
    STAFF_READING = ("Đang kiểm tra", "Checking");
    STAFF_UNREADABLE = ("Không mở được: đây không phải gói hồ sơ đọc được", "Cannot open: this is not a readable package");
    STAFF_UNKNOWN_PROCEDURE = ("Gói thuộc thủ tục mà phiên bản hoso này không biết, hoặc không tải được quy định của thủ tục.", "The package is for a procedure this hoso does not know, or its rules could not be loaded.");
    STAFF_OK = ("Đầy đủ, nguyên vẹn và hợp lệ", "Complete, intact and valid");
    STAFF_PROBLEMS = ("Có vấn đề cần xem", "Problems found");
    STAFF_REFERENCE = ("Mã tham chiếu", "Reference");
    STAFF_FILE = ("Tệp", "File");
    STAFF_PROCEDURE = ("Thủ tục", "Procedure");
    STAFF_COMMUNE = ("Nơi nhận hồ sơ", "Receiving commune");
    STAFF_CREATED = ("Ngày tạo gói", "Package made on");
    STAFF_PACKAGE_ID = ("Mã gói", "Package id");
    STAFF_CATALOG = ("Phiên bản danh mục", "Catalog version");
    STAFF_REF_LABEL = ("Đối chiếu mã tham chiếu", "Check a reference");
    STAFF_REF_HINT = ("Nhập hoặc quét mã người dân đưa, ví dụ HS-AV9X-8S3P.", "Type or scan the code the resident gives you, e.g. HS-AV9X-8S3P.");
    STAFF_REF_MATCH = ("Khớp: mã này đúng là của gói đang mở.", "Match: this code belongs to the open package.");
    STAFF_REF_NO_MATCH = ("Không khớp: mã này không phải của gói đang mở.", "No match: this code is not the open package's.");
    STAFF_DECLARATION = ("Tờ khai", "Declaration");
    STAFF_CHECKLIST = ("Giấy tờ", "Documents");
    STAFF_DOC_PRESENT = ("Có:", "Attached:");
    STAFF_DOC_MISSING = ("Thiếu", "Missing");
    STAFF_DOC_SHOW = ("Xuất trình bản chính tại trung tâm", "Shown in original at the centre");
    STAFF_ATTACHMENTS = ("Tệp đính kèm", "Attachments");
    STAFF_IMAGE_OF = ("Ảnh", "Image");
    STAFF_OPEN_PDF = ("Mở tệp PDF", "Open the PDF");
    STAFF_PRINT = ("In trang này", "Print this page");
    BY_EVENT = ("Theo việc trong đời", "By life event");
    BY_DOMAIN = ("Theo lĩnh vực", "By field");
    GROUPING = ("Xem thủ tục", "Show procedures");
    SAME_PERSON = ("Cùng một người?", "The same person?");
    SAME_PERSON_Q = ("đã được nhập ở phần", "was entered as");
    SAME_PERSON_FILL = ("Điền sẵn thông tin của", "Fill in the details of");
    SAME_PERSON_AS = ("vào phần", "as");
    SAME_PERSON_DONE = ("Đã điền sẵn. Hãy kiểm tra lại từng ô.", "Filled in. Check each box.");
    PAGE_UNVERIFIED = ("Danh sách ô trên trang này chưa đối chiếu được với mẫu tờ khai chính thức; trung tâm có thể hỏi thêm.", "The boxes on this page could not be checked against the official form; the centre may ask for more.");
    NATIONAL_CODE = ("Mã thủ tục", "Procedure code");
    WHO_MAY_FILE = ("Ai được nộp", "Who may file");
    AGENCY = ("Cơ quan giải quyết", "Deciding authority");
    LEGAL_BASIS = ("Căn cứ pháp lý", "Legal basis");
    WHAT_TO_BRING = ("Giấy tờ có thể cần", "Documents you may need");
    WHAT_TO_BRING_NOTE = ("Vài câu hỏi tiếp theo sẽ cho biết chính xác giấy tờ nào bạn cần.", "A few questions next will tell you exactly which ones you need.");
    SOURCES = ("Nguồn", "Sources");
    RULES_FROM = ("Quy định áp dụng từ", "Rules apply from");
    UNVERIFIED = ("Chưa xác minh — hãy hỏi lại trung tâm", "Not verified — confirm at the centre");
    ERROR_SUMMARY_TITLE = ("Có thông tin cần sửa", "There is a problem");
    WARNING_TITLE = ("Lưu ý", "Please note");
    WARNING_CONTINUE = ("Bạn vẫn có thể bấm Tiếp tục.", "You can still press Continue.");
    ERROR_PREFIX = ("Lỗi:", "Error:");
    WARNING_PREFIX = ("Lưu ý:", "Note:");
    OPTIONAL = ("(không bắt buộc)", "(optional)");
    CHOOSE = ("— Chọn —", "— Choose —");
    PLACE_SEARCH_HINT = ("Gõ ít nhất 2 chữ để tìm.", "Type at least 2 letters to search.");
    PLACE_LOADING = ("Đang tải danh sách xã, phường…", "Loading the list of communes and wards…");
    PLACE_LOAD_FAILED = ("Không tải được danh sách xã, phường. Hãy tải lại trang khi có mạng.", "Could not load the list of communes and wards. Reload the page when you are online.");
    PLACE_SELECTED = ("Đã chọn:", "Selected:");
    PLACE_RESULTS = ("kết quả", "results");
    PLACE_NONE = ("Không tìm thấy xã, phường nào. Hãy thử viết khác, ví dụ bỏ chữ “phường”.", "No commune or ward found. Try another spelling, e.g. without “phường”.");
    CHECKLIST_TITLE = ("Giấy tờ bạn cần chuẩn bị", "Documents you need");
    CHECKLIST_INTRO = ("Theo câu trả lời của bạn, hồ sơ gồm các giấy tờ dưới đây. Tiếp theo, bạn điền tờ khai.", "Based on your answers, your application needs the documents below. Next you fill in the declaration.");
    WHY = ("Vì sao cần", "Why");
    FORM = ("Loại", "Form");
    COUNT = ("Số lượng", "How many");
    ACTION_SUBMIT = ("Nộp (có thể đính kèm ảnh chụp)", "Submit (you can attach a photo)");
    ACTION_SHOW = ("Mang theo để xuất trình, không cần đính kèm", "Bring it to show; no upload needed");
    ACTION_GENERATED = ("hoso điền sẵn từ câu trả lời", "hoso fills it in from your answers");
    ATTACH_TITLE = ("Đính kèm ảnh chụp hoặc bản quét", "Attach photos or scans");
    ATTACH_INTRO = ("Chụp rõ nét, đủ các góc, hoặc chọn tệp PDF. Mỗi tệp tối đa 10 MB. Bạn có thể bỏ qua và mang bản giấy đến trung tâm.",
                    "Take sharp photos showing the whole page, or choose a PDF. Up to 10 MB per file. You can skip this and bring the paper to the centre.");
    ATTACH_CHOOSE = ("Chọn ảnh hoặc tệp PDF", "Choose photos or a PDF");
    ATTACH_NONE = ("Chưa có tệp nào.", "No file yet.");
    ATTACH_REMOVE = ("Xóa", "Remove");
    ATTACH_NOT_NEEDED = ("Không cần đính kèm:", "No upload needed:");
    ATTACH_TAKE_PHOTO = ("Chụp ảnh", "Take a photo");
    ATTACH_PAGE = ("Trang", "Page");
    ATTACH_UP = ("Lên", "Up");
    ATTACH_DOWN = ("Xuống", "Down");
    ATTACH_MOVE_UP = ("Chuyển lên trước:", "Move earlier:");
    ATTACH_MOVE_DOWN = ("Chuyển xuống sau:", "Move later:");
    ATTACH_WORKING = ("Đang xử lý ảnh…", "Processing photos…");
    ATTACH_ADDED = ("Đã thêm trang.", "Page added.");
    ATTACH_PHOTOS_NOTE = ("Ảnh lớn được thu nhỏ còn tối đa 2000 điểm ảnh mỗi cạnh, đúng chiều, và bỏ thông tin vị trí (GPS) trước khi lưu.",
                          "Large photos are reduced to at most 2000 pixels on the longer side, kept upright, and stripped of location (GPS) data before they are stored.");
    STORAGE_ANSWERS = ("Thiết bị không cho lưu câu trả lời (bộ nhớ đầy hoặc bị chặn, ví dụ chế độ ẩn danh). Đừng đóng trang này: hãy tạo gói hồ sơ ngay, hoặc lưu bản nháp ra tệp ở trang đầu.",
                       "This device refused to save your answers (storage full or blocked, e.g. private browsing). Do not close this page: make the package now, or save the draft to a file on the start page.");
    SETTINGS_CHECK = ("Kiểm tra cấu hình của trang (dành cho người quản trị)", "Settings check (for the site's maintainer)");
    SETTINGS_OK = ("Cấu hình hợp lệ.", "The settings are valid.");
    CENTRE_TITLE = ("Nơi nộp hồ sơ", "Where to submit");
    CENTRE_PHONE = ("Điện thoại:", "Phone:");
    CENTRE_HOURS = ("Giờ làm việc:", "Opening hours:");
    PORTAL_LINK = ("Nộp trực tuyến trên Cổng dịch vụ công", "Submit online on the public service portal");
    DRAFTS_TITLE = ("Hồ sơ đang làm dở", "Your unfinished applications");
    DRAFT_NO_NAME = ("Chưa nhập tên", "No name yet");
    DRAFT_CHANGED = ("Sửa lần cuối", "Last changed");
    DRAFT_AT = ("lúc", "at");
    DRAFT_FILES = ("tệp đính kèm", "attached files");
    DRAFT_CONTINUE = ("Tiếp tục", "Continue");
    DRAFT_EXPORT = ("Lưu ra tệp", "Save to a file");
    DRAFT_EXPORT_HINT = ("Để làm tiếp trên máy khác: lưu bản nháp ra tệp, gửi tệp sang máy kia (Zalo, thư điện tử, USB) rồi mở bằng “Mở bản nháp từ tệp”. Tệp chứa thông tin cá nhân: chỉ gửi cho người bạn tin.",
                         "To continue on another device: save the draft to a file, send it over (Zalo, e-mail, USB) and open it there with “Open a draft from a file”. The file holds personal data: only send it to people you trust.");
    DRAFT_DELETE = ("Xóa", "Delete");
    DRAFT_DELETE_Q = ("Xóa bản nháp này cùng các tệp đã đính kèm? Không thể khôi phục.", "Delete this draft and its attached files? This cannot be undone.");
    DRAFT_DELETE_YES = ("Xóa bản nháp", "Delete the draft");
    DRAFT_DELETE_NO = ("Không xóa", "Keep it");
    DRAFT_DELETED = ("Đã xóa bản nháp.", "The draft was deleted.");
    DRAFT_IMPORT = ("Mở bản nháp từ tệp", "Open a draft from a file");
    DRAFT_IMPORT_HINT = ("Chọn tệp .hoso đã lưu trên máy khác. Nếu máy này đã có bản nháp của cùng thủ tục, bản nháp đó được thay bằng bản trong tệp.",
                         "Choose the .hoso file saved on another device. If this device already has a draft of the same procedure, it is replaced by the one in the file.");
    DRAFT_IMPORTED = ("Đã mở bản nháp:", "Draft opened:");
    DRAFT_IMPORT_OFFLINE = ("Chưa tải được thủ tục của bản nháp này. Hãy kết nối mạng rồi thử lại. Bản nháp trên máy này không thay đổi.",
                            "The procedure of this draft could not be loaded. Connect to the network and try again. Nothing on this device was changed.");
    REVIEW_TITLE = ("Kiểm tra lại câu trả lời", "Check your answers");
    REVIEW_INTRO = ("Xem lại trước khi tạo gói hồ sơ. Bấm “Sửa” để thay đổi.", "Look through them before the package is made. Press “Change” to edit.");
    CHANGE = ("Sửa", "Change");
    NOT_ANSWERED = ("Chưa trả lời", "Not answered");
    ATTACHMENTS = ("Tệp đính kèm", "Attachments");
    FILES = ("tệp", "files");
    NO_FILE_BRING_PAPER = ("chưa có tệp — mang bản giấy", "no file — bring the paper");
    BUILD_FAILED = ("Chưa tạo được gói hồ sơ", "The package could not be made");
    DONE_TITLE = ("Gói hồ sơ đã sẵn sàng", "Your package is ready");
    DONE_REFERENCE = ("Mã tham chiếu gói hồ sơ", "Package reference");
    DOWNLOAD = ("Tải gói hồ sơ (.zip)", "Download the package (.zip)");
    DOWNLOAD_NOTE = ("Gói gồm tờ khai (answers.json), các tệp đính kèm và bản kê (manifest.json) có mã kiểm tra từng tệp.", "It holds the declaration (answers.json), your attachments and a manifest (manifest.json) with a checksum for each file.");
    NEXT_STEPS = ("Việc cần làm tiếp theo", "What to do next");
    NO_PACKAGE = ("Chưa có gói hồ sơ. Hãy hoàn tất các bước trước.", "There is no package yet. Finish the earlier steps first.");
    TO_REVIEW = ("Về trang kiểm tra", "Go to check your answers");
    NOT_FOUND_TITLE = ("Không tìm thấy trang", "Page not found");
    NOT_FOUND_BODY = ("Địa chỉ này không có trong hoso.", "This address is not part of hoso.");
    HOME = ("Trang đầu", "Start page");
    STEP_QUESTIONS = ("Câu hỏi", "Questions");
    STEP_DECLARATION = ("Tờ khai", "Declaration");
    FOOTER = ("hoso chạy hoàn toàn trên thiết bị của bạn. Thông tin thủ tục lấy từ Cổng Dịch vụ công quốc gia và văn bản pháp luật; khi có thay đổi, quy định của cơ quan giải quyết là căn cứ.",
              "hoso runs entirely on your device. Procedure facts come from the National Public Service Portal and legal texts; if anything changed, the authority's rules prevail.");
    LOADING = ("Đang tải…", "Loading…");
    LOAD_FAILED_TITLE = ("Chưa tải được thủ tục", "The procedure could not be loaded");
    LOAD_FAILED_BODY = ("Hãy kiểm tra kết nối mạng rồi tải lại trang. Câu trả lời của bạn vẫn được giữ trên thiết bị.", "Check your connection and reload the page. Your answers are still kept on this device.");
    SKIP_TO_CONTENT = ("Chuyển đến nội dung chính", "Skip to main content");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::text::is_nfc;

    #[test]
    fn every_interface_text_has_both_languages_in_nfc() {
        for (name, t) in ALL {
            assert!(
                !t.0.trim().is_empty() && !t.1.trim().is_empty(),
                "{name} lacks a language"
            );
            assert!(is_nfc(t.0) && is_nfc(t.1), "{name} is not NFC");
        }
        assert!(ALL.len() > 40);
    }
}
