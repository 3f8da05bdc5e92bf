//! A downloaded report document made into text as Amazon meant it:
//! decompressed when gzip (whether or not Amazon said so: the magic bytes
//! tell), decoded by the charset of the download's `Content-Type`, else as
//! UTF-8 when it is, else as Windows-1252 (Amazon's flat files).

use std::io::Read;

use encoding_rs::{Encoding, UTF_8, WINDOWS_1252};

/// The text of a downloaded document, at most `limit` bytes once decompressed.
pub fn document_text(
    body: &[u8],
    content_type: Option<&str>,
    limit: u64,
) -> Result<String, String> {
    let bytes = if body.starts_with(&[0x1f, 0x8b]) {
        let mut out = Vec::new();
        flate2::read::MultiGzDecoder::new(body)
            .take(limit.saturating_add(1))
            .read_to_end(&mut out)
            .map_err(|error| format!("the gzip file is broken ({error})"))?;
        if out.len() as u64 > limit {
            return Err(format!(
                "it decompresses to more than the limit of {} MB: it is not a report",
                limit / (1024 * 1024)
            ));
        }
        out
    } else {
        body.to_vec()
    };
    let declared = content_type
        .and_then(|ct| {
            ct.split(';')
                .find_map(|part| part.trim().strip_prefix("charset="))
        })
        .map(|label| label.trim_matches('"'))
        .and_then(|label| Encoding::for_label(label.as_bytes()));
    let encoding = match declared {
        Some(encoding) => encoding,
        None if std::str::from_utf8(&bytes).is_ok() => UTF_8,
        None => WINDOWS_1252,
    };
    let (text, _, had_errors) = encoding.decode(&bytes);
    if had_errors && encoding == UTF_8 {
        return Err("the document says it is UTF-8 but is not".to_owned());
    }
    Ok(text.into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fetch::scripted::gzip;

    const LIMIT: u64 = 1024 * 1024;

    #[test]
    fn gzip_is_undone_and_the_declared_charset_decides() {
        let tsv = "sku\tproduct-name\nHK-1\tCafé mat\n";
        assert_eq!(
            document_text(&gzip(tsv.as_bytes()), None, LIMIT).unwrap(),
            tsv
        );
        let (cp1252, _, _) = WINDOWS_1252.encode(tsv);
        assert_eq!(
            document_text(&cp1252, Some("text/plain; charset=Cp1252"), LIMIT).unwrap(),
            tsv
        );
        // No charset: UTF-8 when it is, else Windows-1252.
        assert_eq!(document_text(&cp1252, None, LIMIT).unwrap(), tsv);
        let (sjis, _, _) = encoding_rs::SHIFT_JIS.encode("シリコン");
        assert_eq!(
            document_text(&sjis, Some("text/plain;charset=windows-31j"), LIMIT).unwrap(),
            "シリコン"
        );
        assert!(document_text(&cp1252, Some("application/json; charset=UTF-8"), LIMIT).is_err());
    }

    #[test]
    fn a_gzip_bomb_stops_at_the_limit() {
        let zeros = vec![0u8; 4 * 1024 * 1024];
        let bomb = gzip(&zeros);
        assert!(bomb.len() < 64 * 1024, "{}", bomb.len());
        let error = document_text(&bomb, None, LIMIT).unwrap_err();
        assert!(error.contains("more than the limit of 1 MB"), "{error}");
    }
}
