//! The editors' guide (`docs/editors/`, an mdBook) against the code it describes, so that it
//! stays true: every front matter key the code accepts is documented, the task-table headers
//! the guide lists are read as the columns it says, and every error line the guide quotes is
//! one congbo prints (in Vietnamese, as editors see it) for the same mistake. The setup
//! part's `docs/setup/site-toml.md` documents every key of `site.toml` and no other, and its
//! examples are read by congbo. A key, header or message changed in the code without the
//! guide fails here.

mod common;

use std::collections::BTreeSet;

use common::{TestSite, repo_root};
use congbo::content::raw::{RawPage, RawSection};
use congbo::lang::{self, Lang};
use congbo::markdown::tasks::{Column, classify};

/// Every page of the editors' part: (file name, text).
fn guide() -> Vec<(String, String)> {
    let dir = repo_root().join("docs/editors");
    let mut pages: Vec<(String, String)> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "md"))
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().to_string();
            (name, std::fs::read_to_string(&p).unwrap())
        })
        .collect();
    pages.sort();
    assert!(pages.len() >= 10, "the editors' guide has its pages");
    pages
}

fn guide_text() -> String {
    guide()
        .into_iter()
        .map(|(_, t)| t)
        .collect::<Vec<_>>()
        .join("\n")
}

/// The keys serde lists for an unknown one in `front`: what the struct behind it accepts.
fn accepted_keys<T: serde::de::DeserializeOwned + std::fmt::Debug>(front: &str) -> Vec<String> {
    let e = toml::from_str::<T>(front).expect_err("an unknown key is refused");
    let m = e.message().to_string();
    // "expected one of `a`, `b`", "expected `a` or `b`", "expected `a`".
    let list = m
        .split_once(", expected ")
        .unwrap_or_else(|| panic!("serde lists the keys: {m}"))
        .1;
    list.split('`')
        .skip(1)
        .step_by(2)
        .map(str::to_string)
        .collect()
}

#[test]
fn every_front_matter_key_is_in_the_guide() {
    let text = guide_text();
    let mut keys: BTreeSet<String> = BTreeSet::new();
    keys.extend(accepted_keys::<RawPage>("zz_unknown = 1"));
    keys.extend(accepted_keys::<RawSection>("zz_unknown = 1"));
    keys.extend(accepted_keys::<RawPage>(
        "[[tasks]]\nname = \"a\"\nzz_unknown = 1",
    ));
    keys.extend(accepted_keys::<RawPage>(
        "[[documents]]\nname = \"a\"\nzz_unknown = 1",
    ));
    keys.extend(accepted_keys::<RawPage>(
        "signer = { name = \"a\", zz_unknown = 1 }",
    ));
    keys.extend(accepted_keys::<RawPage>(
        "period = { start = 2024-01-01, end = 2024-12-31, zz_unknown = 1 }",
    ));
    // The lists are real: the page, section, task, dossier, signer and period keys.
    for k in [
        "title",
        "code",
        "sort_by",
        "lead",
        "originals",
        "sign_as",
        "start",
    ] {
        assert!(keys.contains(k), "{k} in {keys:?}");
    }
    let missing: Vec<&String> = keys
        .iter()
        .filter(|k| {
            ![
                format!("`{k}`"),
                format!("`[{k}]`"),
                format!("`[[{k}]]`"),
                format!("`{k} = "),
            ]
            .iter()
            .any(|form| text.contains(form.as_str()))
        })
        .collect();
    assert!(
        missing.is_empty(),
        "front matter keys the guide (docs/editors/) does not name: {missing:?}"
    );
}

#[test]
fn task_headers_in_the_guide_are_the_ones_congbo_reads() {
    let (_, page) = guide()
        .into_iter()
        .find(|(n, _)| n == "nhiem-vu.md")
        .expect("docs/editors/nhiem-vu.md");
    let table = page
        .split_once("{#cac-cot}")
        .expect("the headers table under {#cac-cot}")
        .1;
    let columns = [
        ("thứ tự", Column::Order),
        ("tên nhiệm vụ", Column::What),
        ("số lượng", Column::Quantity),
        ("cơ quan chủ trì", Column::Lead),
        ("cơ quan phối hợp", Column::Partners),
        ("thời gian", Column::Time),
    ];
    let mut seen = Vec::new();
    for row in table
        .lines()
        .skip_while(|l| !l.starts_with('|'))
        .take_while(|l| l.starts_with('|'))
        .skip(2)
    {
        let cells: Vec<&str> = row.split('|').map(str::trim).collect();
        let (label, headers) = (cells[1], cells[2]);
        let (_, column) = columns
            .iter()
            .find(|(name, _)| label.starts_with(name))
            .unwrap_or_else(|| panic!("a column the test knows: {label}"));
        let written: Vec<&str> = headers.split('`').skip(1).step_by(2).collect();
        assert!(!written.is_empty(), "{label}: headers in backticks");
        for h in written {
            assert_eq!(
                classify(h),
                Some(*column),
                "the guide lists {h:?} as {label}"
            );
        }
        seen.push(*column);
    }
    assert_eq!(
        seen,
        columns.map(|(_, c)| c),
        "one row per column, in order"
    );
}

/// A fixture site's error lines, as `congbo build` prints them in Vietnamese.
fn errors_of(site: &TestSite) -> Vec<String> {
    let errors = site.build().expect_err("the fixture has mistakes");
    errors.0.iter().map(ToString::to_string).collect()
}

/// Whether `printed` is `quoted`, where `…` in `quoted` stands for any text.
fn matches(quoted: &str, printed: &str) -> bool {
    let mut rest = printed;
    let parts: Vec<&str> = quoted.split('…').collect();
    for (i, part) in parts.iter().enumerate() {
        if i == 0 {
            match rest.strip_prefix(part) {
                Some(r) => rest = r,
                None => return false,
            }
        } else if i == parts.len() - 1 {
            return rest.ends_with(part);
        } else {
            match rest.find(part) {
                Some(at) => rest = &rest[at + part.len()..],
                None => return false,
            }
        }
    }
    rest.is_empty()
}

/// Files whose text cannot be read: an encoding the content stage refuses before any other.
fn unreadable_site() -> TestSite {
    let site = TestSite::new();
    let mut utf16 = vec![0xFF, 0xFE];
    for u in "+++\ntitle = \"Tin\"\n+++\n".encode_utf16() {
        utf16.extend(u.to_le_bytes());
    }
    std::fs::create_dir_all(site.root().join("content/tin-tuc")).unwrap();
    std::fs::write(site.root().join("content/tin-tuc/ban-word.md"), utf16).unwrap();
    // "Tin tức" in TCVN3 bytes on line 2.
    let mut tcvn = b"+++\ntitle = \"Tin t".to_vec();
    tcvn.extend([0xF8, 0x63]);
    tcvn.extend(b"\"\n+++\n");
    std::fs::write(site.root().join("content/tin-tuc/ban-tcvn3.md"), tcvn).unwrap();
    site
}

/// Front matter mistakes: every one the content stage finds, in one build.
fn front_matter_site() -> TestSite {
    let site = TestSite::new();
    site.write(
        "content/tin-tuc/le-ra-mat.md",
        "+++\ndate = 2026-03-15\ndescription = \"Lễ ra mắt Tổ công nghệ số\"\ntitel = \"Lễ ra mắt Tổ công nghệ số\"\n+++\n",
    )
    .write(
        "content/thu-tuc/khai-sinh.md",
        "+++\ntitle = \"Đăng ký khai sinh\"\ndate = \"30/02/2026\"\n+++\n",
    )
    .write(
        "content/tin-tuc/hop-bao.md",
        "+++\ntitle = \"Họp báo\"\ndate = \"03/15/2026\"\n+++\n",
    )
    .write(
        "content/tin-tuc/hoi-nghi.md",
        "+++\ntitle = \"Hội nghị\"\ndate = \"15 tháng 3\"\n+++\n",
    )
    .write("content/gioi-thieu.md", "---\ntitle: Giới thiệu\n---\n")
    .write("content/lien-he.md", "# Liên hệ\n\nĐiện thoại: 0299 3812 456\n")
    .write("content/so-do.md", "+++\ntitle = \"Sơ đồ tổ chức\"\n\nNội dung\n")
    .write("content/tin-tuc/tap-huan.md", "+++\ndate = 2026-03-15\n+++\n")
    .write("content/tin-tuc/ra-quan.md", "+++\ntitle = \"Ra quân\"\n+++\n")
    .write(
        "content/tin-tuc/dien-tap.md",
        "+++\ntitle = \"Diễn tập\"\ndate = 2026-03-15\n+++\n",
    )
    .write(
        "content/tin-tuc/khai-truong.md",
        "+++\ntitle = \"Khai trương\"\ndate = 2026-03-15\ncode = \"1.001193\"\n+++\n",
    )
    .write(
        "content/tin-tuc/doi-thoai.md",
        "+++\ntitle = \"Đối thoại\"\ndate = 2026-03-15\nimage = \"anh-dai-dien.jpg\"\n+++\n",
    )
    .write(
        "content/tin-tuc/bai-moi.md",
        "+++\ntitle = \"Bài mới\"\ndate = 2026-03-15\naliases = [\"https://xa.gov.vn/tin-cu\"]\n+++\n",
    )
    .write(
        "content/tin-tuc/nhay-cong.md",
        "+++\ntitle = “Tin mới”\ndate = 2026-03-15\n+++\n",
    )
    .write(
        "content/tin-tuc/thieu-nhay.md",
        "+++\ntitle = Tin mới\ndate = 2026-03-15\n+++\n",
    )
    .write(
        "content/tin-tuc/trung.md",
        "+++\ntitle = \"Tin trùng\"\ndate = 2026-03-15\nslug = \"dien-tap\"\n+++\n",
    )
    .write(
        "content/tin-tuc/ky-hieu.md",
        "+++\ntitle = \"Ký hiệu\"\ndate = 2026-03-15\nslug = \"!!!\"\n+++\n",
    )
    .write("content/con.md", "+++\ntitle = \"Con đường\"\n+++\n")
    .write(
        "content/ke-hoach/ke-hoach-2026.md",
        "+++\ntitle = \"Kế hoạch CCHC năm 2026\"\nperiod = { start = 2026-12-31, end = 2026-01-01 }\n+++\n",
    )
    .write(
        "content/ke-hoach/tuyen-truyen.md",
        "+++\ntitle = \"Kế hoạch tuyên truyền\"\n\n[[tasks]]\nlead = \"Phòng Văn hóa - Xã hội\"\n+++\n",
    )
    .write(
        "content/thu-tuc/chung-thuc.md",
        "+++\ntitle = \"Chứng thực bản sao\"\nonline = \"có\"\nonline_url = \"dichvucong.gov.vn\"\n+++\n",
    )
    .write(
        "content/hoi-dap/_index.md",
        "+++\ntitle = \"Hỏi đáp\"\nkind = \"faq\"\nsort_by = \"ngay\"\npaginate_by = 0\n+++\n",
    )
    .write(
        "content/hoi-dap/a.md",
        "+++\ntitle = \"Hỏi\"\nasked = 2025-05-02\ndate = 2025-05-01\n+++\n",
    );
    site
}

/// Links, anchors, images, alt text and files: the check every build runs.
fn links_site() -> TestSite {
    let site = TestSite::new();
    site.write(
        "content/tin-tuc/hoi-nghi.md",
        "+++\ntitle = \"Hội nghị\"\ndate = 2026-03-15\n+++\n\
         \n\
         Xem [thủ tục khai sinh](@/thu-tuc/khai-sinh.md) và [trang liên hệ](/lien-he/).\n\
         \n\
         Chi tiết ở [mục II](#ii-noi-dung).\n\
         \n\
         ![](anh-hoi-nghi.jpg)\n\
         \n\
         <img src=\"/anh/logo.png\">\n",
    )
    .write(
        "content/thu-tuc/dang-ky-khai-tu/index.md",
        "+++\ntitle = \"Đăng ký khai tử\"\n\n[[documents]]\nname = \"Tờ khai\"\noriginals = 1\nform = \"to-khai.docx\"\n+++\n",
    );
    site
}

#[test]
fn every_error_the_guide_quotes_is_what_congbo_prints() {
    lang::init(Lang::Vi);
    let mut printed = Vec::new();
    for site in [unreadable_site(), front_matter_site(), links_site()] {
        printed.extend(errors_of(&site));
    }
    let mut quoted = Vec::new();
    for (name, text) in guide() {
        let mut in_text_block = false;
        for line in text.lines() {
            let t = line.trim();
            if t.starts_with("```") {
                in_text_block = !in_text_block && t == "```text";
                continue;
            }
            if in_text_block && t.contains(": lỗi: ") {
                quoted.push((name.clone(), t.to_string()));
            }
        }
    }
    assert!(
        quoted.len() >= 20,
        "the guide quotes the errors: {quoted:?}\n\ncongbo prints:\n{}",
        printed.join("\n")
    );
    let wrong: Vec<String> = quoted
        .iter()
        .filter(|(_, q)| !printed.iter().any(|p| matches(q, p)))
        .map(|(n, q)| format!("{n}: {q}"))
        .collect();
    assert!(
        wrong.is_empty(),
        "error lines in the guide that congbo does not print:\n{}\n\ncongbo prints:\n{}",
        wrong.join("\n"),
        printed.join("\n")
    );
}

#[test]
fn quoted_lines_match_with_ellipsis() {
    assert!(matches("a: lỗi: x … y", "a: lỗi: x 1 2 y"));
    assert!(matches(
        "a: lỗi: x…",
        "a: lỗi: x (các khóa được dùng: `title`)"
    ));
    assert!(!matches("a: lỗi: x … y", "a: lỗi: x 1 2 z"));
    assert!(!matches("a: lỗi: x", "a: lỗi: x y"));
    assert!(!matches("b: lỗi: x", "a: lỗi: x"));
}

#[path = "guide/book.rs"]
mod book;
#[path = "guide/site_toml.rs"]
mod site_toml;
