//! Turning a file's bytes into UTF-8 text: BOM, strict UTF-8, Windows-1252
//! (FBA flat files), and a clear refusal of everything else.

use std::borrow::Cow;
use std::path::Path;

use super::error::{ImportError, line_and_column};

/// How a text file was encoded on disk.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextEncoding {
    Utf8,
    Utf8WithBom,
    /// Amazon's legacy encoding for FBA flat files.
    Windows1252,
}

/// UTF-8 text decoded from a file, and how it was stored.
#[derive(Debug)]
pub struct DecodedText<'a> {
    pub text: Cow<'a, [u8]>,
    pub encoding: TextEncoding,
    /// Where the first byte that is not UTF-8 was, when the file was read as Windows-1252.
    pub first_non_utf8: Option<(u64, u64)>,
}

const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// Decodes `bytes`: a UTF-8 BOM means UTF-8, valid UTF-8 is UTF-8, anything else
/// is read as Windows-1252. UTF-16 and binary files are refused.
pub fn decode<'a>(bytes: &'a [u8], path: &Path) -> Result<DecodedText<'a>, ImportError> {
    if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        return Err(ImportError::file(
            path,
            "the file is UTF-16 text (Excel's \"Unicode Text\"), expected UTF-8 CSV or tab-separated text; \
             re-download the report from Amazon, or save it from Excel as \"CSV UTF-8\"",
        ));
    }
    if let Some(rest) = bytes.strip_prefix(UTF8_BOM) {
        return match std::str::from_utf8(rest) {
            Ok(_) => Ok(DecodedText {
                text: Cow::Borrowed(rest),
                encoding: TextEncoding::Utf8WithBom,
                first_non_utf8: None,
            }),
            Err(error) => {
                let (line, column) = line_and_column(rest, error.valid_up_to());
                Err(ImportError::at(
                    path,
                    line,
                    Some(column),
                    "the file starts with a UTF-8 byte order mark but is not valid UTF-8 here; \
                     it was damaged or edited; re-download it from Amazon",
                ))
            }
        };
    }
    if looks_binary(bytes) {
        return Err(ImportError::file(
            path,
            "this is a binary file, not a report: expected CSV, tab-separated text (.txt) or .xlsx \
             as downloaded from Seller Central or the Ads console",
        ));
    }
    match std::str::from_utf8(bytes) {
        Ok(_) => Ok(DecodedText {
            text: Cow::Borrowed(bytes),
            encoding: TextEncoding::Utf8,
            first_non_utf8: None,
        }),
        Err(error) => {
            let (text, _, _) = encoding_rs::WINDOWS_1252.decode(bytes);
            Ok(DecodedText {
                text: Cow::Owned(text.into_owned().into_bytes()),
                encoding: TextEncoding::Windows1252,
                first_non_utf8: Some(line_and_column(bytes, error.valid_up_to())),
            })
        }
    }
}

/// Whether the bytes read as GBK/GB18030 (a Chinese Windows locale) with Chinese
/// characters in them: the usual result of re-saving a report in Excel in China.
pub fn looks_like_gbk(bytes: &[u8]) -> bool {
    let (text, had_errors) = encoding_rs::GBK.decode_without_bom_handling(bytes);
    !had_errors && text.chars().any(|c| ('\u{4E00}'..='\u{9FFF}').contains(&c))
}

fn looks_binary(bytes: &[u8]) -> bool {
    bytes[..bytes.len().min(8192)].contains(&0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn path() -> &'static Path {
        Path::new("r.csv")
    }

    #[test]
    fn strips_the_bom() {
        let decoded = decode(b"\xEF\xBB\xBFa,b\n", path()).unwrap();
        assert_eq!(&*decoded.text, b"a,b\n");
        assert_eq!(decoded.encoding, TextEncoding::Utf8WithBom);
    }

    #[test]
    fn plain_utf8_is_borrowed() {
        let decoded = decode("Sessions – Total".as_bytes(), path()).unwrap();
        assert!(matches!(decoded.text, Cow::Borrowed(_)));
        assert_eq!(decoded.encoding, TextEncoding::Utf8);
    }

    #[test]
    fn windows_1252_en_dash_and_curly_quote_decode() {
        let decoded = decode(b"Rug \x9663\" x 27\nit\x92s", path()).unwrap();
        assert_eq!(decoded.encoding, TextEncoding::Windows1252);
        assert_eq!(
            std::str::from_utf8(&decoded.text).unwrap(),
            "Rug \u{2013}63\" x 27\nit\u{2019}s"
        );
        assert_eq!(decoded.first_non_utf8, Some((1, 5)));
    }

    #[test]
    fn refuses_utf16_and_binary() {
        let utf16 = decode(b"\xFF\xFEa\0", path()).unwrap_err();
        assert!(utf16.message.contains("UTF-16"), "{utf16}");
        let binary = decode(b"\x00\x01\x02", path()).unwrap_err();
        assert!(binary.message.contains("binary"), "{binary}");
    }

    #[test]
    fn broken_utf8_after_a_bom_names_the_line() {
        let error = decode(b"\xEF\xBB\xBFa\nb\xFF", path()).unwrap_err();
        assert_eq!((error.line, error.column), (Some(2), Some(2)));
    }

    #[test]
    fn recognises_gbk_text() {
        let (gbk, _, _) = encoding_rs::GBK.encode("标题,销量");
        assert!(looks_like_gbk(&gbk));
        assert!(!looks_like_gbk(b"plain ascii"));
    }
}
