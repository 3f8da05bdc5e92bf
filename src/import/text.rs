//! Recognising the encoding of text that is not UTF-8, to tell the user
//! what happened to their file.

/// Whether the bytes read as GBK/GB18030 (a Chinese Windows locale) with Chinese
/// characters in them: the usual result of re-saving a report in Excel in China.
/// The sample may end inside a two-byte character, so that last byte may be dropped.
pub fn looks_like_gbk(bytes: &[u8]) -> bool {
    let clean_gbk = |bytes: &[u8]| {
        let (text, had_errors) = encoding_rs::GBK.decode_without_bom_handling(bytes);
        !had_errors && text.chars().any(|c| ('\u{4E00}'..='\u{9FFF}').contains(&c))
    };
    clean_gbk(bytes) || bytes.split_last().is_some_and(|(_, rest)| clean_gbk(rest))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises_gbk_text() {
        let (gbk, _, _) = encoding_rs::GBK.encode("标题,销量");
        assert!(looks_like_gbk(&gbk));
        assert!(!looks_like_gbk(b"plain ascii"));
        assert!(!looks_like_gbk(b"caf\xE9"));
    }
}
