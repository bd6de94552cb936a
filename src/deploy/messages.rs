//! What `congbo deploy` says, in both languages.

use super::DeployReport;
use super::run::Failure;
use crate::tr;

/// `site.toml` has no target.
pub(super) fn no_targets() -> String {
    tr!(
        en: "site.toml names no place to deploy to; add one, e.g. [deploy.host] with url = \"sftp://user@host/var/www/site\" (or url = \"file:///path/to/folder\")",
        vi: "site.toml chưa khai báo nơi triển khai; hãy thêm một mục, ví dụ [deploy.host] với url = \"sftp://tài-khoản@máy-chủ/var/www/site\" (hoặc url = \"file:///đường/dẫn/thư-mục\")",
    )
}

/// The command line names a target `site.toml` does not have.
pub(super) fn unknown_target(name: &str, names: &[&str]) -> String {
    let names = names.join(", ");
    tr!(
        en: "site.toml has no target \"{name}\"; its targets are: {names} (write congbo deploy NAME, or nothing for the first)",
        vi: "site.toml không có nơi triển khai \"{name}\"; các nơi đã khai báo: {names} (hãy viết congbo deploy TÊN, hoặc bỏ trống để dùng nơi đầu tiên)",
    )
}

/// The question before sending.
pub(super) fn question(target: &str) -> String {
    tr!(
        en: "Deploy to {target}? [y/N] ",
        vi: "Triển khai lên {target}? [c/K] ",
    )
}

/// What stopped a deploy: the file, what congbo was doing, the server's reply.
pub(super) fn failure(target: &str, f: &Failure) -> crate::error::Diagnostic {
    let (path, reply) = (&f.path, &f.reply);
    let message = match f.doing {
        "read" => tr!(
            en: "could not read this file: {reply}",
            vi: "không đọc được tệp này: {reply}",
        ),
        "fetch" => tr!(
            en: "could not read this file on the target: the server replied: {reply}",
            vi: "không đọc được tệp này trên nơi triển khai: máy chủ trả lời: {reply}",
        ),
        "rename" => tr!(
            en: "the file was sent, but could not be put in place (renamed over the old one): the server replied: {reply}; the old file is still there, and the next deploy tries again",
            vi: "tệp đã được gửi nhưng không đặt được vào chỗ (đổi tên đè lên tệp cũ): máy chủ trả lời: {reply}; tệp cũ vẫn còn nguyên, lần triển khai sau sẽ thử lại",
        ),
        "remove" => tr!(
            en: "could not remove this file the site no longer has: the server replied: {reply}",
            vi: "không xoá được tệp mà trang không còn dùng: máy chủ trả lời: {reply}",
        ),
        _ => tr!(
            en: "could not send this file: the server replied: {reply}; what was sent before it is in place, and the next deploy goes on from there",
            vi: "không gửi được tệp này: máy chủ trả lời: {reply}; các tệp gửi trước đó đã vào chỗ, và lần triển khai sau sẽ làm tiếp từ đó",
        ),
    };
    let file = if f.doing == "read" {
        path.clone()
    } else {
        format!("{}/{path}", target.trim_end_matches('/'))
    };
    crate::error::Diagnostic::file(file, message)
}

/// The line a deploy ends with, like the build's.
pub fn done_summary(r: &DeployReport) -> String {
    let (target, secs) = (&r.target, r.seconds);
    let unchanged = r.plan.unchanged;
    match r.done {
        Some(d) => {
            let (up, removed) = (d.uploaded, d.removed);
            let mb = super::plan::megabytes(d.bytes);
            tr!(
                en: "Deployed to {target} in {secs:.2} s: {up} files sent ({mb} MB), {unchanged} unchanged, {removed} removed",
                vi: "Đã triển khai lên {target} trong {secs:.2} giây: {up} tệp gửi đi ({mb} MB), {unchanged} tệp giữ nguyên, {removed} tệp xoá",
            )
        }
        None if r.declined => tr!(
            en: "Nothing was sent to {target}.",
            vi: "Không gửi gì lên {target}.",
        ),
        None if r.plan.is_empty() => tr!(
            en: "{target} already has this site: {unchanged} files, nothing to send.",
            vi: "{target} đã có đúng trang này: {unchanged} tệp, không cần gửi gì.",
        ),
        None => {
            let plan = r.plan.summary();
            tr!(
                en: "Dry run: would deploy to {target}: {plan}; nothing was sent.",
                vi: "Chạy thử: sẽ triển khai lên {target}: {plan}; chưa gửi gì.",
            )
        }
    }
}
