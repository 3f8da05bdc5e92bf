//! Header normalisation: the one rule that lets every spelling Amazon uses
//! (en dashes, case, trailing spaces, BOMs, no-break spaces, full-width
//! parentheses) match one expected name exactly.

/// Normalises a header cell: drops a BOM, trims, case-folds, maps every Unicode
/// dash to `-`, folds full-width ASCII forms (`（子）`) to ASCII and
/// collapses runs of whitespace (no-break spaces included) to one space.
pub fn normalize(header: &str) -> String {
    let mut out = String::with_capacity(header.len());
    let mut pending_space = false;
    for c in header.trim_start_matches('\u{FEFF}').chars() {
        if c.is_whitespace() {
            pending_space = !out.is_empty();
            continue;
        }
        if pending_space {
            out.push(' ');
            pending_space = false;
        }
        if is_dash(c) {
            out.push('-');
        } else {
            out.extend(half_width(c).to_lowercase());
        }
    }
    out
}

/// A full-width ASCII form (U+FF01–U+FF5E) as its ASCII character.
fn half_width(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(u32::from(c) - 0xFEE0).unwrap_or(c),
        other => other,
    }
}

fn is_dash(c: char) -> bool {
    matches!(
        c,
        '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{FE58}' | '\u{FE63}' | '\u{FF0D}'
    )
}

#[cfg(test)]
mod tests {
    use super::normalize;

    #[test]
    fn uk_us_and_ads_spellings_meet() {
        assert_eq!(normalize("Sessions – Total"), "sessions - total");
        assert_eq!(normalize("Sessions - Total"), "sessions - total");
        assert_eq!(normalize("\u{FEFF}(Parent) ASIN"), "(parent) asin");
        assert_eq!(normalize("7 Day Total Sales "), "7 day total sales");
        assert_eq!(
            normalize("Total Advertising Cost of Sales (ACoS) "),
            normalize("Total Advertising Cost of Sales (ACOS)")
        );
        assert_eq!(
            normalize("Units  ordered\u{00A0}–\tB2B"),
            "units ordered - b2b"
        );
        assert_eq!(normalize("Sessions − Total"), "sessions - total");
    }

    #[test]
    fn chinese_japanese_and_german_spellings_meet() {
        assert_eq!(normalize("（子）ASIN"), "(子)asin");
        assert_eq!(normalize("(子)ASIN"), "(子)asin");
        assert_eq!(normalize("会话次数 – 总计"), normalize("会话次数 - 总计"));
        assert_eq!(normalize("Sitzungen\u{00A0}– Summe"), "sitzungen - summe");
        assert_eq!(
            normalize("7\u{202F}Tage, Einheiten gesamt (#)"),
            "7 tage, einheiten gesamt (#)"
        );
        assert_eq!(normalize("点击率（CTR）"), "点击率(ctr)");
        assert_ne!(
            normalize("セッション数 - 合計 - B2B"),
            normalize("セッション数 - 合計")
        );
    }

    #[test]
    fn substrings_stay_distinct() {
        assert_ne!(
            normalize("Sessions – Total – B2B"),
            normalize("Sessions – Total")
        );
    }
}
