//! `congbo init`: a new working site with one page of each kind and the default theme,
//! which is embedded in the binary so an installed `congbo` needs nothing else.

use std::path::Path;

use include_dir::{Dir, include_dir};

use crate::error::Diagnostic;

/// The default theme, as shipped in `themes/cong-thong-tin/`.
pub static DEFAULT_THEME: Dir<'_> = include_dir!("$CARGO_MANIFEST_DIR/themes/cong-thong-tin");

const SITE_TOML: &str = r#"title = "Cổng thông tin cải cách hành chính xã Mới"
description = "Thông tin cải cách hành chính, thủ tục hành chính và kế hoạch của xã Mới"
base_url = "https://xa-moi.example.gov.vn/"
language = "vi"
theme = "cong-thong-tin"
authority = "Ủy ban nhân dân xã Mới"
parent_authority = "Tỉnh Mới"
paginate_by = 10

[contact]
address = "Trụ sở UBND xã Mới"
phone = "0200 000 000"
email = "ubnd@xa-moi.example.gov.vn"
hotline = "0200 000 001"

[[menu]]
name = "Trang chủ"
url = "/"

[[menu]]
name = "Tin tức"
url = "/tin-tuc/"

[[menu]]
name = "Kế hoạch"
url = "/ke-hoach/"

[[menu]]
name = "Thủ tục hành chính"
url = "/thu-tuc/"

[[menu]]
name = "Văn bản"
url = "/van-ban/"

[legal]
resolver = "https://vbpl.vn/tim-kiem?q={number}"
"#;

const FILES: &[(&str, &str)] = &[
    (
        "content/_index.md",
        "+++\ntitle = \"Trang chủ\"\ndescription = \"Cổng thông tin cải cách hành chính xã Mới\"\n+++\n\nChào mừng bạn đến với Cổng thông tin cải cách hành chính của xã.\n",
    ),
    (
        "content/gioi-thieu.md",
        "+++\ntitle = \"Giới thiệu\"\n+++\n\nViết phần giới thiệu về xã ở đây.\n",
    ),
    (
        "content/tin-tuc/_index.md",
        "+++\ntitle = \"Tin tức\"\nkind = \"news\"\n+++\n",
    ),
    (
        "content/tin-tuc/ra-mat-cong-thong-tin.md",
        "+++\ntitle = \"Ra mắt Cổng thông tin cải cách hành chính\"\ndate = 2026-01-05\ndescription = \"Xã Mới ra mắt trang thông tin cải cách hành chính.\"\ntags = [\"Chuyển đổi số\"]\nfields = [\"Cải cách hành chính\"]\n+++\n\nNội dung bài viết.\n",
    ),
    (
        "content/ke-hoach/_index.md",
        "+++\ntitle = \"Kế hoạch\"\nkind = \"plan\"\n+++\n",
    ),
    (
        "content/ke-hoach/ke-hoach-tuyen-truyen-cchc.md",
        "+++\ntitle = \"Kế hoạch thông tin, tuyên truyền cải cách hành chính năm 2026\"\nnumber = \"01/KH-UBND\"\nauthority = \"UBND xã Mới\"\nplace = \"Mới\"\ndate = 2026-01-05\nperiod = { start = 2026-01-01, end = 2026-12-31 }\nsigner = { name = \"Nguyễn Văn A\", title = \"Phó Chủ tịch\", sign_as = \"KT. CHỦ TỊCH\" }\nrecipients = [\"UBND tỉnh\", \"Lưu: VT\"]\nfields = [\"Cải cách hành chính\"]\n\n[[tasks]]\nname = \"Cập nhật chuyên mục cải cách hành chính\"\nlead = \"Văn phòng HĐND và UBND xã\"\ndue = \"Thường xuyên\"\n+++\n\nThực hiện Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ, UBND xã ban hành Kế hoạch như sau:\n\n## I. MỤC ĐÍCH, YÊU CẦU\n\nNội dung.\n",
    ),
    (
        "content/thu-tuc/_index.md",
        "+++\ntitle = \"Thủ tục hành chính\"\nkind = \"procedure\"\n+++\n",
    ),
    (
        "content/thu-tuc/dang-ky-khai-sinh.md",
        "+++\ntitle = \"Đăng ký khai sinh\"\ncode = \"1.001193\"\nfield = \"Hộ tịch\"\nagency = \"UBND cấp xã\"\nlevel = \"Cấp xã\"\nonline = \"toàn trình\"\nonline_url = \"https://dichvucong.gov.vn/\"\nways = [\"Trực tiếp\", \"Trực tuyến\"]\nprocessing_time = \"Ngay trong ngày làm việc\"\nfee = \"Miễn lệ phí\"\nsubjects = [\"Công dân Việt Nam\"]\nresult = \"Giấy khai sinh\"\nlegal_basis = [\"Luật Hộ tịch số 60/2014/QH13\"]\nfields = [\"Hộ tịch\"]\n\n[[documents]]\nname = \"Tờ khai đăng ký khai sinh\"\noriginals = 1\ncopies = 0\n+++\n\n## Trình tự thực hiện\n\n1. Nộp hồ sơ.\n2. Nhận kết quả.\n",
    ),
    (
        "content/van-ban/_index.md",
        "+++\ntitle = \"Văn bản\"\nkind = \"document\"\n+++\n",
    ),
    (
        "content/van-ban/nghi-quyet-76-nq-cp.md",
        "+++\ntitle = \"Nghị quyết ban hành Chương trình tổng thể cải cách hành chính nhà nước giai đoạn 2021 - 2030\"\n\
         number = \"76/NQ-CP\"\nauthority = \"Chính phủ\"\ndate = 2021-07-15\n+++\n\nTóm tắt nội dung văn bản.\n",
    ),
    (
        "content/hoi-dap/_index.md",
        "+++\ntitle = \"Hỏi đáp\"\nkind = \"question\"\n+++\n",
    ),
    (
        "content/hoi-dap/khai-sinh-o-dau.md",
        "+++\ntitle = \"Đăng ký khai sinh cho con ở đâu?\"\n\
         question = \"Tôi muốn đăng ký khai sinh cho con thì nộp hồ sơ ở đâu?\"\nasker = \"\"\n\
         field = \"Hộ tịch\"\nagency = \"UBND xã Mới\"\nasked = 2026-01-02\ndate = 2026-01-05\n\
         fields = [\"Hộ tịch\"]\n+++\n\nViết câu trả lời ở đây.\n",
    ),
    (
        "content/lich/_index.md",
        "+++\ntitle = \"Lịch công tác\"\nkind = \"event\"\n+++\n",
    ),
    (
        "content/lich/tiep-cong-dan.md",
        "+++\ntitle = \"Lịch tiếp công dân định kỳ\"\ndate = 2026-01-15\ntime = \"07:30\"\n\
         end_time = \"11:00\"\nplace = \"Trụ sở UBND xã Mới\"\npresides = \"Chủ tịch UBND xã\"\n\
         attendees = \"Mọi người dân\"\nevent_type = \"tiếp công dân\"\n+++\n\nViết nội dung ở đây.\n",
    ),
    (
        "content/khao-sat/_index.md",
        "+++\ntitle = \"Khảo sát\"\nkind = \"survey\"\n+++\n",
    ),
    (
        "content/khao-sat/sipas.md",
        "+++\ntitle = \"Khảo sát sự hài lòng của người dân, tổ chức (SIPAS)\"\n\
         start = 2026-01-01\nend = 2026-12-31\n\
         participants = \"Người dân, tổ chức đã làm thủ tục tại Bộ phận Một cửa\"\n\
         join_url = \"https://dichvucong.gov.vn/\"\n+++\n\nViết nội dung ở đây.\n",
    ),
    (
        "content/cuoc-thi/_index.md",
        "+++\ntitle = \"Cuộc thi\"\nkind = \"contest\"\n+++\n",
    ),
    (
        "content/cuoc-thi/tim-hieu-cchc.md",
        "+++\ntitle = \"Cuộc thi tìm hiểu cải cách hành chính\"\n\
         start = 2026-05-01\nend = 2026-05-31\nparticipants = \"Mọi người dân\"\n\n\
         [[winners]]\nname = \"Nguyễn Văn A\"\nprize = \"Giải Nhất\"\n+++\n\nViết nội dung ở đây.\n",
    ),
    (
        "content/ban-tin/_index.md",
        "+++\ntitle = \"Bản tin\"\nkind = \"bulletin\"\n+++\n",
    ),
    (
        "content/ban-tin/so-01.md",
        "+++\ntitle = \"Bản tin cải cách hành chính tháng 1\"\ndate = 2026-02-02\nissue = 1\n\
         month = \"01/2026\"\ndescription = \"Tóm tắt nội dung số này.\"\n+++\n\n\
         Đặt tệp PDF của bản tin cạnh trang (tạo bản tin bằng --bundle) và ghi tên tệp ở attachments.\n",
    ),
];

/// Writes a new site into `dir`, which must not exist or be empty.
pub fn init(dir: &Path) -> Result<(), Diagnostic> {
    if dir.exists()
        && std::fs::read_dir(dir)
            .map(|mut d| d.next().is_some())
            .unwrap_or(true)
    {
        return Err(Diagnostic::file(
            dir,
            crate::tr!(
                en: "this folder is not empty: choose a new folder name for the site",
                vi: "thư mục này không trống: hãy chọn tên thư mục mới cho trang",
            ),
        ));
    }
    let write = |rel: &str, bytes: &[u8]| -> Result<(), Diagnostic> {
        let path = dir.join(rel);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)
                .map_err(|e| Diagnostic::io(parent, "create a folder", &e))?;
        }
        std::fs::write(&path, bytes).map_err(|e| Diagnostic::io(&path, "write", &e))
    };
    write("site.toml", SITE_TOML.as_bytes())?;
    for (rel, text) in FILES {
        write(rel, text.as_bytes())?;
    }
    write_theme(&DEFAULT_THEME, &dir.join("themes/cong-thong-tin"))
}

fn write_theme(d: &Dir<'_>, to: &Path) -> Result<(), Diagnostic> {
    for f in d.files() {
        let path = to.join(f.path());
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)
                .map_err(|e| Diagnostic::io(parent, "create a folder", &e))?;
        }
        std::fs::write(&path, f.contents()).map_err(|e| Diagnostic::io(&path, "write", &e))?;
    }
    for sub in d.dirs() {
        write_theme(sub, to)?;
    }
    Ok(())
}
