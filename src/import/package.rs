//! The zip layer of a `.docx` or `.odt`, read with limits: a Word file comes from outside
//! (e-mail, a USB stick), so a crafted one must not fill the memory (a zip bomb), hide
//! thousands of entries, or name a path that leaves the page's folder.

use std::cell::Cell;
use std::io::{Cursor, Read};
use std::path::Path;

use crate::error::Diagnostic;

/// At most this many entries: Word writes a few dozen, a document with many images a few
/// hundred.
pub(crate) const MAX_ENTRIES: usize = 5_000;
/// At most this many bytes decompressed in all: a 40-page plan with photos is a few MB.
pub(crate) const MAX_TOTAL: u64 = 256 * 1024 * 1024;

/// An opened zip whose entry names were all checked.
pub(crate) struct Package<'a> {
    zip: zip::ZipArchive<Cursor<&'a [u8]>>,
    file: &'a Path,
    /// Bytes still allowed to be decompressed.
    budget: Cell<u64>,
}

/// Whether a zip entry name leaves the package (absolute, a drive, `..`, a backslash).
pub(crate) fn unsafe_entry(name: &str) -> bool {
    name.starts_with('/')
        || name.contains('\\')
        || name.contains('\0')
        || name.as_bytes().get(1) == Some(&b':')
        || name.split('/').any(|p| p == "..")
}

impl<'a> Package<'a> {
    /// Opens `bytes` (the content of `file`) as a zip; refuses a corrupt one, too many
    /// entries, or a name that leaves the package.
    pub(crate) fn open(file: &'a Path, bytes: &'a [u8]) -> Result<Self, Diagnostic> {
        let zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| {
            Diagnostic::file(
                file,
                crate::tr!(
                    en: "this file is not a readable Word/OpenDocument file (a zip): {e}; open it in Word or LibreOffice and save it again",
                    vi: "tệp này không đọc được như tệp Word/OpenDocument (một tệp zip): {e}; hãy mở bằng Word hoặc LibreOffice rồi lưu lại",
                ),
            )
        })?;
        if zip.len() > MAX_ENTRIES {
            let n = zip.len();
            return Err(Diagnostic::file(
                file,
                crate::tr!(
                    en: "this file holds {n} parts, more than the {MAX_ENTRIES} a document has: refused as unsafe",
                    vi: "tệp này có {n} phần, nhiều hơn {MAX_ENTRIES} phần của một văn bản: từ chối vì không an toàn",
                ),
            ));
        }
        for name in zip.file_names() {
            let name = name.map_err(|e| {
                Diagnostic::file(
                    file,
                    crate::tr!(
                        en: "this file has a part whose name cannot be read ({e}): refused",
                        vi: "tệp này có một phần có tên không đọc được ({e}): từ chối",
                    ),
                )
            })?;
            if unsafe_entry(&name) {
                return Err(Diagnostic::file(
                    file,
                    crate::tr!(
                        en: "this file holds a part named \"{name}\", which points outside the document: refused as unsafe",
                        vi: "tệp này có một phần tên \"{name}\", trỏ ra ngoài văn bản: từ chối vì không an toàn",
                    ),
                ));
            }
        }
        Ok(Package {
            zip,
            file,
            budget: Cell::new(MAX_TOTAL),
        })
    }

    /// The decompressed bytes of entry `name`, `None` when there is none; counts them
    /// against the whole file's limit, whatever the entry's header claims.
    pub(crate) fn read(&mut self, name: &str) -> Result<Option<Vec<u8>>, Diagnostic> {
        let file = self.file;
        let corrupt = |e: &dyn std::fmt::Display| {
            Diagnostic::file(
                file,
                crate::tr!(
                    en: "the part \"{name}\" of this file cannot be read ({e}); open it in Word or LibreOffice and save it again",
                    vi: "không đọc được phần \"{name}\" của tệp này ({e}); hãy mở bằng Word hoặc LibreOffice rồi lưu lại",
                ),
            )
        };
        let entry = match self.zip.by_name(name) {
            Ok(e) => e,
            Err(zip::result::ZipError::FileNotFound) => return Ok(None),
            Err(e) => return Err(corrupt(&e)),
        };
        let budget = self.budget.get();
        let mut out = Vec::new();
        entry
            .take(budget + 1)
            .read_to_end(&mut out)
            .map_err(|e| corrupt(&e))?;
        let used = out.len() as u64;
        if used > budget {
            let mb = MAX_TOTAL / (1024 * 1024);
            return Err(Diagnostic::file(
                file,
                crate::tr!(
                    en: "this file unpacks to more than {mb} MB (a \"zip bomb\" or a document far too large): refused",
                    vi: "tệp này giải nén ra hơn {mb} MB (một \"bom zip\" hoặc văn bản quá lớn): từ chối",
                ),
            ));
        }
        self.budget.set(budget - used);
        Ok(Some(out))
    }

    /// Entry `name` as UTF-8 text.
    pub(crate) fn text(&mut self, name: &str) -> Result<Option<String>, Diagnostic> {
        let Some(bytes) = self.read(name)? else {
            return Ok(None);
        };
        String::from_utf8(bytes).map(Some).map_err(|_| {
            Diagnostic::file(
                self.file,
                crate::tr!(
                    en: "the part \"{name}\" of this file is not UTF-8 text; open it in Word or LibreOffice and save it again",
                    vi: "phần \"{name}\" của tệp này không phải văn bản UTF-8; hãy mở bằng Word hoặc LibreOffice rồi lưu lại",
                ),
            )
        })
    }
}

/// Parses XML text, refusing a DTD (entity declarations: the "billion laughs" expansion
/// and external entities), which Word and LibreOffice never write.
pub(crate) fn parse_xml<'t>(
    file: &Path,
    part: &str,
    text: &'t str,
) -> Result<roxmltree::Document<'t>, Diagnostic> {
    let opts = roxmltree::ParsingOptions {
        allow_dtd: false,
        nodes_limit: 5_000_000,
        ..roxmltree::ParsingOptions::default()
    };
    roxmltree::Document::parse_with_options(text, opts).map_err(|e| {
        let msg = if matches!(e, roxmltree::Error::DtdDetected) {
            crate::tr!(
                en: "the part \"{part}\" of this file declares a DTD or entities, which Word never writes: refused as unsafe",
                vi: "phần \"{part}\" của tệp này khai báo DTD hoặc thực thể (entity), điều Word không bao giờ ghi: từ chối vì không an toàn",
            )
        } else {
            crate::tr!(
                en: "the part \"{part}\" of this file is not well-formed XML ({e}); open it in Word or LibreOffice and save it again",
                vi: "phần \"{part}\" của tệp này không phải XML hợp lệ ({e}); hãy mở bằng Word hoặc LibreOffice rồi lưu lại",
            )
        };
        Diagnostic::file(file, msg)
    })
}
