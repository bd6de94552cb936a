//! What each front matter key of a page is called in Vietnamese and how to fill it in, for
//! the browser editor's form (`serve --edit`). The keys themselves are read from
//! [`RawPage`], the struct the front matter parser uses, so this file only adds words: a
//! key added to `RawPage` appears in the form by itself, and the test below fails until it
//! gets its label here.

use serde::Deserialize;
use serde::de::{self, Deserializer, Visitor};

use super::raw::{RawDossierDoc, RawPage, RawSigner};

/// A key's Vietnamese label and help text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct KeyDoc {
    /// The label beside the field.
    pub label: &'static str,
    /// One sentence on what to write.
    pub help: &'static str,
}

/// The front matter keys of a page, in the order `RawPage` declares them.
pub fn page_keys() -> &'static [&'static str] {
    struct_keys::<RawPage>()
}

/// A key of a page whose value is a table, or a list of tables, of plain values (text or
/// numbers) that the editor's form shows field by field.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TableKey {
    /// The page's key (`signer`, `documents`).
    pub key: &'static str,
    /// A list of tables (`[[documents]]`) rather than one table (`signer = { … }`).
    pub many: bool,
    /// Its own keys, in the order the parser's struct declares them; the first is the one
    /// a table cannot be without (`name`).
    pub keys: &'static [&'static str],
}

/// The page keys shown as tables in the form, their own keys read from the structs the
/// parser uses (a key added to `RawSigner` or `RawDossierDoc` appears in the form by
/// itself). A plan's tasks are not here: the grid writes them as a Markdown table.
pub fn table_keys() -> [TableKey; 2] {
    [
        TableKey {
            key: "signer",
            many: false,
            keys: struct_keys::<RawSigner>(),
        },
        TableKey {
            key: "documents",
            many: true,
            keys: struct_keys::<RawDossierDoc>(),
        },
    ]
}

/// The field names of the struct `T`, in the order it declares them.
fn struct_keys<'de, T: Deserialize<'de>>() -> &'static [&'static str] {
    struct Names(Option<&'static [&'static str]>);
    #[derive(Debug)]
    struct Stop;
    impl std::fmt::Display for Stop {
        fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("stop")
        }
    }
    impl std::error::Error for Stop {}
    impl de::Error for Stop {
        fn custom<T: std::fmt::Display>(_: T) -> Self {
            Stop
        }
    }
    // serde hands a struct's field names to `deserialize_struct`; nothing is read.
    impl<'de> Deserializer<'de> for &mut Names {
        type Error = Stop;
        fn deserialize_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Stop> {
            Err(Stop)
        }
        fn deserialize_struct<V: Visitor<'de>>(
            self,
            _: &'static str,
            fields: &'static [&'static str],
            _: V,
        ) -> Result<V::Value, Stop> {
            self.0 = Some(fields);
            Err(Stop)
        }
        serde::forward_to_deserialize_any! {
            bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes
            byte_buf option unit unit_struct newtype_struct seq tuple tuple_struct map enum
            identifier ignored_any
        }
    }
    let mut names = Names(None);
    let _ = T::deserialize(&mut names);
    names.0.unwrap_or(&[])
}

/// The label and help of a page key; `None` for a key not described yet (the form then
/// shows the key's own name).
pub fn key_doc(key: &str) -> Option<KeyDoc> {
    let (label, help) = match key {
        "title" => (
            "Tiêu đề",
            "Tên của trang, hiện ở đầu trang và trong danh sách.",
        ),
        "description" => (
            "Mô tả ngắn",
            "Một hai câu tóm tắt, hiện trong danh sách và khi chia sẻ.",
        ),
        "date" => (
            "Ngày",
            "Ngày đăng hoặc ngày ban hành, dạng ngày/tháng/năm: 04/05/2026.",
        ),
        "updated" => (
            "Ngày cập nhật",
            "Ngày sửa gần nhất, dạng ngày/tháng/năm; để trống nếu chưa sửa.",
        ),
        "draft" => ("Bản nháp", "Đánh dấu để trang chưa được xuất bản."),
        "slug" => (
            "Tên trong địa chỉ",
            "Phần cuối của địa chỉ trang, chỉ chữ không dấu, số và gạch ngang; để trống thì lấy theo tên tệp.",
        ),
        "aliases" => (
            "Địa chỉ cũ",
            "Các địa chỉ cũ chuyển về trang này, cách nhau bằng dấu phẩy.",
        ),
        "weight" => (
            "Thứ tự",
            "Số nhỏ đứng trước khi chuyên mục xếp theo thứ tự.",
        ),
        "template" => (
            "Mẫu giao diện",
            "Tên mẫu riêng cho trang này; thường để trống.",
        ),
        "tags" => (
            "Thẻ",
            "Các chủ đề, cách nhau bằng dấu phẩy: Một cửa, Chuyển đổi số.",
        ),
        "fields" => ("Lĩnh vực", "Các lĩnh vực, cách nhau bằng dấu phẩy."),
        "image" => ("Ảnh đại diện", "Tên tệp ảnh nằm cạnh trang, ví dụ anh.jpg."),
        "image_alt" => (
            "Mô tả ảnh",
            "Ảnh cho thấy gì, cho người không xem được ảnh.",
        ),
        "extra" => ("Khóa riêng", "Các khóa riêng của giao diện ([extra])."),
        "author" => ("Người viết", "Tên người viết tin."),
        "source" => ("Nguồn", "Nơi lấy tin, nếu lấy từ nơi khác."),
        "number" => ("Số hiệu", "Số và ký hiệu văn bản: 12/KH-UBND."),
        "authority" => (
            "Cơ quan ban hành",
            "Tên cơ quan ban hành: UBND xã Thanh An.",
        ),
        "parent_authority" => (
            "Cơ quan cấp trên",
            "Cơ quan cấp trên của cơ quan ban hành, dòng đầu của phần đầu văn bản: UBND thành phố Cần Thơ.",
        ),
        "place" => (
            "Địa danh / Địa điểm",
            "Nơi ban hành, viết trước ngày: Thanh An; với sự kiện, nơi diễn ra.",
        ),
        "period" => (
            "Thời gian thực hiện",
            "Từ ngày đến ngày của kế hoạch; với bản tin, khoảng thời gian bản tin phản ánh.",
        ),
        "signer" => ("Người ký", "Tên và chức vụ người ký."),
        "signer.name" => ("Họ tên người ký", "Ví dụ: Thạch Thị Kim Ngân."),
        "signer.title" => ("Chức vụ người ký", "Ví dụ: Phó Chủ tịch."),
        "signer.sign_as" => (
            "Quyền hạn ký",
            "Dòng trên chức vụ, ví dụ: KT. CHỦ TỊCH hoặc TM. ỦY BAN NHÂN DÂN; để trống nếu ký chính.",
        ),
        "recipients" => ("Nơi nhận", "Các nơi nhận, cách nhau bằng dấu phẩy."),
        "attachments" => (
            "Tệp đính kèm",
            "Tên các tệp nằm cạnh trang, cách nhau bằng dấu phẩy; với bản tin, tệp PDF hoặc Word của bản tin.",
        ),
        "tasks" => ("Nhiệm vụ", "Các nhiệm vụ của kế hoạch."),
        "basis" => ("Căn cứ", "Các văn bản làm căn cứ, cách nhau bằng dấu phẩy."),
        "code" => (
            "Mã thủ tục",
            "Mã trên Cổng Dịch vụ công quốc gia: 1.001234.",
        ),
        "field" => (
            "Lĩnh vực",
            "Lĩnh vực của thủ tục hoặc của câu hỏi: Hộ tịch.",
        ),
        "agency" => (
            "Cơ quan thực hiện",
            "Nơi giải quyết thủ tục, hoặc cơ quan trả lời câu hỏi.",
        ),
        "level" => ("Cấp thực hiện", "Cấp xã, cấp huyện hoặc cấp tỉnh."),
        "online" => (
            "Dịch vụ công trực tuyến",
            "Mức trực tuyến: toàn trình hoặc một phần.",
        ),
        "online_url" => (
            "Địa chỉ nộp trực tuyến",
            "Địa chỉ trang nộp hồ sơ trực tuyến.",
        ),
        "ways" => (
            "Cách thực hiện",
            "Các cách nộp hồ sơ, cách nhau bằng dấu phẩy.",
        ),
        "processing_time" => ("Thời hạn giải quyết", "Ví dụ: 03 ngày làm việc."),
        "fee" => ("Phí, lệ phí", "Ví dụ: Không hoặc 8.000 đồng."),
        "subjects" => ("Đối tượng", "Ai làm thủ tục này, cách nhau bằng dấu phẩy."),
        "result" => ("Kết quả", "Giấy tờ người dân nhận được."),
        "legal_basis" => ("Căn cứ pháp lý", "Các văn bản, cách nhau bằng dấu phẩy."),
        "documents" => ("Thành phần hồ sơ", "Các giấy tờ phải nộp."),
        "documents.name" => ("Tên giấy tờ", "Ví dụ: Tờ khai đăng ký khai sinh."),
        "documents.originals" => ("Bản chính", "Số bản chính phải nộp, ví dụ 1."),
        "documents.copies" => ("Bản sao", "Số bản sao phải nộp, ví dụ 0."),
        "documents.form" => (
            "Mẫu đơn, tờ khai",
            "Tên tệp mẫu nằm cạnh trang; tải tệp lên ở cuối trang để congbo tự điền.",
        ),
        "requirements" => (
            "Yêu cầu, điều kiện",
            "Các điều kiện, cách nhau bằng dấu phẩy.",
        ),
        "dossier_sets" => ("Số bộ hồ sơ", "Số bộ phải nộp, ví dụ 1."),
        "receipt_place" => ("Nơi tiếp nhận", "Ví dụ: Bộ phận Một cửa UBND xã."),
        "receipt_hours" => ("Giờ tiếp nhận", "Ví dụ: Sáng thứ Hai đến sáng thứ Bảy."),
        "decision" => ("Quyết định công bố", "Số quyết định công bố thủ tục."),
        "status" => ("Tình trạng", "Còn hiệu lực, hoặc đã bãi bỏ, đã thay thế."),
        "replaced_by" => ("Thay bằng", "Mã thủ tục thay thế thủ tục này."),
        "question" => (
            "Câu hỏi",
            "Câu hỏi người dân gửi, chép nguyên văn; để trống thì tiêu đề là câu hỏi.",
        ),
        "asker" => (
            "Người hỏi",
            "Tên và nơi ở người hỏi; để trống thì ghi là Người dân.",
        ),
        "asked" => (
            "Ngày hỏi",
            "Ngày người dân gửi câu hỏi, dạng ngày/tháng/năm.",
        ),
        "time" => ("Giờ bắt đầu", "Giờ bắt đầu sự kiện, dạng \"08:00\"."),
        "end_time" => ("Giờ kết thúc", "Giờ kết thúc, sau giờ bắt đầu: \"11:00\"."),
        "presides" => ("Chủ trì", "Người hoặc cơ quan chủ trì sự kiện."),
        "attendees" => ("Thành phần tham dự", "Ai được mời hoặc được tham dự."),
        "event_type" => (
            "Loại sự kiện",
            "Tiếp công dân, đối thoại, hội nghị hoặc tập huấn.",
        ),
        "start" => (
            "Ngày bắt đầu",
            "Ngày đầu tiên người dân được tham gia khảo sát, cuộc thi.",
        ),
        "end" => (
            "Ngày kết thúc",
            "Ngày cuối cùng được tham gia, từ ngày bắt đầu trở đi; sau ngày này trang ghi \"Đã kết thúc\".",
        ),
        "participants" => ("Đối tượng tham gia", "Ai được tham gia khảo sát, cuộc thi."),
        "join_url" => (
            "Địa chỉ tham gia",
            "Địa chỉ trang khảo sát hoặc trang thi, bắt đầu bằng https://; nút Tham gia ẩn khi đã kết thúc.",
        ),
        "rules" => ("Thể lệ", "Tên tệp thể lệ nằm cạnh trang, ví dụ the-le.pdf."),
        "results" => (
            "Tệp kết quả",
            "Tên tệp kết quả nằm cạnh trang, ví dụ ket-qua.pdf, khi đã có.",
        ),
        "winners" => (
            "Người đoạt giải",
            "Tên và giải của từng người đoạt giải cuộc thi, khi đã có.",
        ),
        "series" => (
            "Tên bản tin",
            "Tên loạt bản tin; để trống thì là \"Bản tin CCHC\".",
        ),
        "issue" => (
            "Số bản tin",
            "Số thứ tự của bản tin trong năm: 3 (in ra là \"số 03\").",
        ),
        "year" => (
            "Năm",
            "Năm của số bản tin; để trống thì lấy năm của ngày phát hành.",
        ),
        "month" => (
            "Tháng",
            "Tháng bản tin phản ánh, dạng tháng/năm: 03/2025 (thay cho thời gian từ ngày đến ngày).",
        ),
        _ => return None,
    };
    Some(KeyDoc { label, help })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_come_from_the_parser_struct() {
        let keys = page_keys();
        assert_eq!(keys.first(), Some(&"title"));
        for k in ["date", "tags", "tasks", "replaced_by"] {
            assert!(keys.contains(&k), "{k}");
        }
    }

    #[test]
    fn every_key_of_the_contract_has_a_vietnamese_label() {
        let missing: Vec<&str> = page_keys()
            .iter()
            .copied()
            .filter(|k| key_doc(k).is_none())
            .collect();
        assert!(
            missing.is_empty(),
            "add a label in key_doc for: {missing:?}"
        );
    }

    #[test]
    fn table_keys_come_from_the_parser_structs_and_have_labels() {
        let [signer, documents] = table_keys();
        assert_eq!(signer.keys, ["name", "title", "sign_as"]);
        assert_eq!(documents.keys, ["name", "originals", "copies", "form"]);
        assert!(documents.many && !signer.many);
        for t in table_keys() {
            assert!(page_keys().contains(&t.key));
            for k in t.keys {
                let full = format!("{}.{k}", t.key);
                assert!(
                    key_doc(&full).is_some(),
                    "add a label in key_doc for {full}"
                );
            }
        }
    }
}
