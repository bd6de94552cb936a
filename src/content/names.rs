//! Output names that work everywhere: the output may be copied to IIS on Windows, where
//! device names (`CON`, `NUL`, `COM1` …), reserved characters and a trailing dot or space
//! cannot be file or folder names. A slug or a bundle file's name that would break there is
//! an error, named with its file, before anything is written.

/// Why a path component cannot be an output name, or `None` if it can.
pub fn unsafe_name(part: &str) -> Option<String> {
    if part.is_empty() {
        return None;
    }
    if let Some(c) = part
        .chars()
        .find(|c| matches!(c, '<' | '>' | ':' | '"' | '|' | '?' | '*' | '\\') || c.is_control())
    {
        return Some(crate::tr!(
            en: "\"{part}\" has the character {c:?}, which Windows servers do not allow in file names",
            vi: "\"{part}\" có ký tự {c:?}, máy chủ Windows không cho phép ký tự này trong tên tệp",
        ));
    }
    if part.ends_with('.') || part.ends_with(' ') {
        return Some(crate::tr!(
            en: "\"{part}\" ends with a dot or a space, which Windows servers drop",
            vi: "\"{part}\" kết thúc bằng dấu chấm hoặc dấu cách, máy chủ Windows sẽ tự bỏ đi",
        ));
    }
    let stem = part.split('.').next().unwrap_or(part).to_ascii_uppercase();
    let device = matches!(stem.as_str(), "CON" | "PRN" | "AUX" | "NUL")
        || (stem.len() == 4
            && (stem.starts_with("COM") || stem.starts_with("LPT"))
            && stem.as_bytes()[3].is_ascii_digit()
            && stem.as_bytes()[3] != b'0');
    device.then(|| {
        crate::tr!(
            en: "\"{part}\" is a device name on Windows servers (like CON, NUL, COM1) and cannot be a file or folder",
            vi: "\"{part}\" là tên thiết bị trên máy chủ Windows (như CON, NUL, COM1), không dùng được làm tên tệp hay thư mục",
        )
    })
}

/// The first unsafe component of a site path (`/tin-tuc/con/`), explained.
pub fn unsafe_path(path: &str) -> Option<String> {
    path.split('/').find_map(unsafe_name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_names() {
        for bad in [
            "con",
            "CON.html",
            "nul",
            "Aux.pdf",
            "com1",
            "LPT9.txt",
            "a:b",
            "hỏi?.docx",
            "x*",
            "tab\t",
            "cuối.",
            "cuối ",
        ] {
            assert!(unsafe_name(bad).is_some(), "{bad}");
        }
        for good in [
            "console",
            "com",
            "com0",
            "lpt",
            "index.html",
            "to-khai.docx",
            "anh đại diện.jpg",
            "contact",
        ] {
            assert_eq!(unsafe_name(good), None, "{good}");
        }
        assert!(unsafe_path("/tin-tuc/con/").is_some());
        assert_eq!(unsafe_path("/tin-tuc/le-ra-mat/"), None);
    }
}
