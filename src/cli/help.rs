//! The command line's help in Vietnamese: clap reads the English doc comments of
//! [`super::Cli`]; for a Vietnamese run each text is replaced here, so the two languages
//! are kept side by side in one place.

use crate::lang::Lang;

/// The command line's help in the messages' language: clap reads the English doc comments
/// above; in Vietnamese each text is replaced.
pub(super) fn command() -> clap::Command {
    use clap::CommandFactory;
    let cmd = super::Cli::command();
    if crate::lang::current() != Lang::Vi {
        return cmd;
    }
    let arg_help = |a: clap::Arg| {
        let help = match a.get_id().as_str() {
            "root" => "Thư mục của trang, chứa site.toml.",
            "output_dir" => "Nơi ghi trang (mặc định: public/ trong thư mục của trang).",
            "base_url" => {
                "Dùng địa chỉ gốc này thay cho địa chỉ trong site.toml (ví dụ https://host/xa-thanh-an/)."
            }
            "drafts" => "Dựng cả các trang có draft = true.",
            "port" => "Cổng để lắng nghe (0: một cổng bất kỳ còn trống).",
            "bind" => "Địa chỉ để lắng nghe; mặc định chỉ máy này vào được.",
            "open" => "Mở trang trong trình duyệt.",
            "dir" => "Thư mục cần tạo (phải trống hoặc chưa có).",
            "files" => "Các tệp cần nhập.",
            "kind" => {
                "Loại trang (plan, document, news, procedure, page); mặc định: theo tên loại văn bản (KẾ HOẠCH → plan, QUYẾT ĐỊNH → document)."
            }
            "section" => "Thư mục chuyên mục trong content/ (mặc định: theo loại trang).",
            "dry_run" => "Chỉ cho biết sẽ ghi (hoặc gửi) gì, không ghi.",
            "target" => {
                "Nơi triển khai: một TÊN của [deploy.TÊN] trong site.toml (mặc định: nơi đầu tiên)."
            }
            "yes" => "Không hỏi lại trước khi gửi.",
            "no_build" => "Gửi public/ như lần dựng trước để lại, không dựng lại.",
            "jobs" => {
                "Số tệp gửi cùng lúc, mỗi tệp trên một kết nối riêng (1 đến 16; mặc định: jobs của nơi triển khai, nếu không thì 4)."
            }
            "lang" => {
                "Ngôn ngữ của các thông báo: vi hoặc en (mặc định: tiếng Việt với trang tiếng Việt, nếu không thì theo ngôn ngữ của máy; cũng có thể đặt CONGBO_LANG)."
            }
            "clean_output" => {
                "Thay toàn bộ thư mục ghi trang, kể cả các tệp không do congbo ghi (nếu không có tuỳ chọn này, các tệp đó được giữ lại, và thư mục congbo chưa từng dựng vào bị từ chối)."
            }
            "external" => {
                "Hỏi cả mọi liên kết ngoài (http, https) xem còn hoạt động không: nhiều liên kết một lúc, mỗi liên kết tối đa 10 giây, kết quả tốt được nhớ một ngày trong .congbo-cache/links.json."
            }
            _ => return a,
        };
        a.help(help)
    };
    let about = |name: &str| match name {
        "build" => "Dựng trang trong thư mục hiện tại (hoặc --root) vào public/.",
        "serve" => {
            "Dựng trang trong bộ nhớ, phục vụ nó, rồi dựng lại và tải lại trình duyệt mỗi khi có thay đổi."
        }
        "check" => {
            "Dựng trang trong bộ nhớ (không ghi gì) và báo các liên kết, neo, ảnh và tệp không dẫn đến đâu, kèm tệp và dòng; mã thoát là 1 nếu có lỗi."
        }
        "deploy" => {
            "Dựng trang rồi đưa nó lên một nơi triển khai trong site.toml ([deploy.TÊN]), chỉ gửi những gì thay đổi: congbo deploy, hoặc congbo deploy TÊN."
        }
        "init" => "Tạo một trang mới trong DIR: site.toml, nội dung mỗi loại, giao diện mặc định.",
        "user" => {
            "Tài khoản của trình soạn thảo trên trình duyệt (serve --edit): congbo user add lan --role publisher."
        }
        "import" => {
            "Chuyển tệp Word (.docx) hoặc chữ chép từ PDF (.txt) thành trang, giữ tệp gốc bên cạnh: congbo import ke-hoach.docx."
        }
        _ => "",
    };
    let names: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    let mut cmd =
        cmd.about("congbo: trang tĩnh cho cổng thông tin cải cách hành chính của xã, phường.");
    for name in names {
        let text = about(&name);
        cmd = cmd.mut_subcommand(&name, |s| {
            let ids: Vec<String> = s.get_arguments().map(|a| a.get_id().to_string()).collect();
            let mut s = if text.is_empty() { s } else { s.about(text) };
            for id in ids {
                // `new` takes a kind or a section, where `import`'s `section` is only a
                // folder. Each argument is changed once, in order: clap moves a changed
                // argument to the end, which would swap the positionals.
                s = if name == "new" && id == "section" {
                    s.mut_arg(&id, |a| {
                        a.help(
                            "Loại trang (plan, news, procedure, document, question, event, survey, contest, bulletin, page) hoặc thư mục chuyên mục trong content/ (tin-tuc, ke-hoach, thu-tuc/ho-tich …).",
                        )
                    })
                } else {
                    s.mut_arg(&id, arg_help)
                };
            }
            s
        });
    }
    cmd
}
