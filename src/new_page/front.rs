//! The text of a new page: front matter for its kind, then a hint where the body goes.
//! Keys with values congbo knows (title, date, the site's authority for a plan) are
//! written as keys; keys only the editor can fill in are TOML comments showing an example,
//! so the file builds as it is and publishes nothing made up.

use crate::content::Kind;
use crate::text::date::Date;

/// The whole file for a new page.
pub fn front_matter(
    kind: Kind,
    title: &str,
    date: Date,
    draft: bool,
    authority: Option<&str>,
) -> String {
    let mut t = String::from("+++\n");
    t.push_str(&format!("title = {}\n", quote(title)));
    t.push_str(&format!("date = {}{}\n", date.iso(), date_note(kind)));
    if draft {
        t.push_str("draft = true                # bản nháp: xoá dòng này để đăng\n");
    }
    t.push_str(
        "# Các dòng bắt đầu bằng # là gợi ý: xoá dấu # ở đầu dòng và sửa nội dung để dùng.\n",
    );
    match kind {
        Kind::News => t.push_str(NEWS),
        Kind::Plan => t.push_str(&plan(date, authority)),
        Kind::Procedure => t.push_str(PROCEDURE),
        Kind::Document => t.push_str(&document(authority)),
        Kind::Question => t.push_str(QUESTION),
        Kind::Event => t.push_str(EVENT),
        Kind::Survey => t.push_str(&survey(date, false)),
        Kind::Contest => t.push_str(&survey(date, true)),
        Kind::Bulletin => t.push_str(&bulletin(date)),
        Kind::Page => t.push_str(PAGE),
    }
    t.push_str("+++\n\n");
    t.push_str(body_hint(kind));
    t
}

/// A TOML basic string: quotes, backslashes and control characters escaped.
fn quote(s: &str) -> String {
    toml::Value::String(s.to_string()).to_string()
}

fn date_note(kind: Kind) -> &'static str {
    match kind {
        Kind::Plan | Kind::Document => "           # ngày ban hành",
        Kind::Question => "           # ngày trả lời",
        Kind::Event => "           # ngày diễn ra",
        Kind::Survey | Kind::Contest => "           # ngày đăng",
        Kind::Bulletin => "           # ngày phát hành",
        _ => "",
    }
}

const NEWS: &str = r#"# description = "Tóm tắt bài viết trong một, hai câu"
# author = "Tên người viết"
# source = "Nguồn tin"
# tags = ["Chuyển đổi số"]
# fields = ["Cải cách hành chính"]
# image = "anh-dai-dien.jpg"     # ảnh đặt cùng thư mục với bài (tạo bài bằng --bundle)
# image_alt = "Mô tả ảnh cho người không nhìn thấy"
"#;

fn plan(date: Date, authority: Option<&str>) -> String {
    let year = date.iso()[..4].to_string();
    let authority_line = match authority {
        Some(a) => format!("authority = {}          # cơ quan ban hành\n", quote(a)),
        None => "# authority = \"UBND xã …\"       # cơ quan ban hành\n".to_string(),
    };
    format!(
        r#"{authority_line}# number = "01/KH-UBND"            # số, ký hiệu
# place = "Tên xã"                 # địa danh ở dòng ngày tháng
# period = {{ start = {year}-01-01, end = {year}-12-31 }}   # thời gian thực hiện
# signer = {{ name = "Họ và tên", title = "Phó Chủ tịch", sign_as = "KT. CHỦ TỊCH" }}
# recipients = ["UBND tỉnh", "Lưu: VT"]   # nơi nhận
# attachments = ["ke-hoach.pdf"]   # tệp đặt cùng thư mục với bài (tạo bài bằng --bundle)
# fields = ["Cải cách hành chính"]
#
# Nhiệm vụ: viết trong bảng ở nội dung (cột "Cơ quan chủ trì"), hoặc ở đây, mỗi nhiệm vụ một khối:
# [[tasks]]
# name = "Tên nhiệm vụ"
# lead = "Cơ quan chủ trì"
# partners = ["Cơ quan phối hợp"]
# due = "Quý III/{year}"
"#
    )
}

const PROCEDURE: &str = r#"# code = "1.001193"                # mã thủ tục
# field = "Hộ tịch"                # lĩnh vực
# agency = "UBND cấp xã"           # cơ quan thực hiện
# level = "Cấp xã"
# online = "toàn trình"            # "toàn trình", "một phần" hoặc ""
# online_url = "https://dichvucong.gov.vn/"
# ways = ["Trực tiếp", "Trực tuyến", "Bưu chính công ích"]
# processing_time = "Ngay trong ngày làm việc"
# fee = "Miễn lệ phí"
# subjects = ["Công dân Việt Nam"]
# result = "Giấy khai sinh"
# legal_basis = ["Luật Hộ tịch số 60/2014/QH13"]
# fields = ["Hộ tịch"]
#
# Thành phần hồ sơ, mỗi giấy tờ một khối:
# [[documents]]
# name = "Tờ khai theo mẫu"
# originals = 1
# copies = 0
# form = "to-khai.docx"            # mẫu đơn đặt cùng thư mục với bài (tạo bài bằng --bundle)
"#;

fn document(authority: Option<&str>) -> String {
    format!(
        r#"# number = "76/NQ-CP"              # số, ký hiệu: trang khác trích dẫn số này sẽ dẫn đến đây
# authority = {}         # cơ quan ban hành
# signer = {{ name = "Họ và tên", title = "Chủ tịch" }}
# attachments = ["van-ban.pdf"]    # tệp đặt cùng thư mục với bài (tạo bài bằng --bundle)
# fields = ["Cải cách hành chính"]
"#,
        quote(authority.unwrap_or("Chính phủ"))
    )
}

const QUESTION: &str = r#"# question = "Câu hỏi người dân gửi, chép nguyên văn"   # để trống thì tiêu đề là câu hỏi
# asker = "Nguyễn Văn A, ấp Tân Lập"   # người hỏi; để trống thì ghi là Người dân
# asked = 2025-03-02               # ngày hỏi
# field = "Hộ tịch"                # lĩnh vực
# agency = "UBND xã"               # cơ quan trả lời
"#;

const EVENT: &str = r#"# time = "08:00"                  # giờ bắt đầu; bỏ trống nếu cả ngày
# end_time = "11:00"              # giờ kết thúc
# place = "Hội trường UBND xã"     # địa điểm
# presides = "Chủ tịch UBND xã"    # chủ trì
# attendees = "Mọi người dân"      # thành phần tham dự
# event_type = "tiếp công dân"     # tiếp công dân, đối thoại, hội nghị hoặc tập huấn
"#;

/// A survey's or contest's keys: open for a month from `date` (the editor corrects
/// both), and a contest's winners to fill in once it has closed.
fn survey(date: Date, contest: bool) -> String {
    let end = date.add_days(30);
    let mut t = format!(
        r#"start = {}                 # ngày bắt đầu
end = {}                   # ngày kết thúc (từ ngày bắt đầu trở đi)
# participants = "Người dân, tổ chức đã giao dịch tại Bộ phận Một cửa"  # đối tượng tham gia
# join_url = "https://..."         # địa chỉ tham gia (trang khảo sát, biểu mẫu trực tuyến)
# rules = "the-le.pdf"             # thể lệ: tệp đặt cùng thư mục với bài (tạo bài bằng --bundle)
# results = "ket-qua.pdf"          # kết quả, khi đã có
"#,
        date.iso(),
        end.iso()
    );
    if contest {
        t.push_str(
            r#"# [[winners]]                     # người đoạt giải, khi đã có; mỗi người một mục
# name = "Nguyễn Văn A"
# prize = "Giải Nhất"
"#,
        );
    }
    t
}

/// A bulletin's keys; `issue` is written out, since a bulletin without a number is an
/// error: the editor corrects the number, not a commented line.
fn bulletin(date: Date) -> String {
    let month = format!("{:02}/{}", date.month, date.year);
    format!(
        r#"issue = 1                        # số bản tin trong năm: sửa cho đúng (1 là "số 01")
# series = "Bản tin CCHC"          # tên bản tin; bỏ trống là "Bản tin CCHC"
# year = {year}                      # năm của số bản tin; bỏ trống là năm của ngày phát hành
# month = "{month}"                # tháng bản tin phản ánh (hoặc period = {{ start = …, end = … }})
# description = "Tóm tắt nội dung bản tin trong một, hai câu"
# image = "bia.jpg"                # ảnh bìa đặt cùng thư mục với bài (tạo bài bằng --bundle)
# image_alt = "Bìa bản tin"
# attachments = ["ban-tin.pdf"]    # tệp PDF hoặc Word của bản tin, đặt cùng thư mục với bài
"#,
        year = date.year
    )
}

const PAGE: &str = r#"# description = "Một câu giới thiệu trang"
# weight = 10                      # thứ tự trong mục (số nhỏ đứng trước)
"#;

fn body_hint(kind: Kind) -> &'static str {
    match kind {
        Kind::Procedure => "<!-- Viết trình tự thực hiện ở đây (Markdown), rồi xoá dòng này. -->\n",
        Kind::Question => "<!-- Viết câu trả lời ở đây (Markdown), rồi xoá dòng này. -->\n",
        Kind::Event => {
            "<!-- Viết nội dung, chương trình sự kiện ở đây (Markdown), rồi xoá dòng này. -->\n"
        }
        Kind::Survey | Kind::Contest => {
            "<!-- Viết mục đích, nội dung, cách tham gia ở đây (Markdown); khi kết thúc, thêm tóm tắt kết quả; rồi xoá dòng này. -->\n"
        }
        Kind::Bulletin => {
            "<!-- Có thể để trống: tệp bản tin và tóm tắt là đủ. Muốn thì viết nội dung chính ở đây (Markdown), rồi xoá dòng này. -->\n"
        }
        Kind::Plan => {
            "<!-- Viết nội dung kế hoạch ở đây (Markdown): căn cứ, mục đích, yêu cầu, nhiệm vụ; rồi xoá dòng này. -->\n"
        }
        _ => "<!-- Viết nội dung ở đây (Markdown), rồi xoá dòng này. -->\n",
    }
}
