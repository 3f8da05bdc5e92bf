//! Untrusted text — product titles, customer comments, names and titles
//! typed into the minutes — made safe for every place it is shown: the
//! cockpit, tables, Markdown and CSV on stdout. Control characters (C0, DEL,
//! C1, so every escape sequence loses its ESC or CSI) and the bidi controls
//! that reorder what a reader sees are removed; line breaks and tabs become
//! spaces. Pure: std only.

use std::borrow::Cow;

/// Whether `c` never reaches a terminal: a control character (C0, DEL, C1)
/// or a bidi embedding, override or isolate (U+202A–U+202E, U+2066–U+2069).
pub fn is_unsafe(c: char) -> bool {
    c.is_control() || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// `text` without control or bidi characters; tabs and line breaks become spaces.
pub fn clean(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_unsafe) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        text.chars()
            .filter_map(|c| match c {
                '\t' | '\n' | '\r' => Some(' '),
                c if is_unsafe(c) => None,
                c => Some(c),
            })
            .collect(),
    )
}

/// A whole document (Markdown, a text table) made safe: like `clean`, but
/// the line breaks and tabs the document itself is made of are kept.
pub fn clean_document(text: &str) -> Cow<'_, str> {
    let keeps = |c: char| matches!(c, '\n' | '\t');
    if !text.chars().any(|c| is_unsafe(c) && !keeps(c)) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        text.chars()
            .filter(|&c| keeps(c) || !is_unsafe(c))
            .collect(),
    )
}

/// A CSV cell made safe: `clean`, and text a spreadsheet would run as a
/// formula (starting with `=`, `+`, `-` or `@`, and not a number) gets a
/// leading `'`.
pub fn csv_cell(text: &str) -> Cow<'_, str> {
    let cleaned = clean(text);
    let formula = cleaned.starts_with(['=', '+', '-', '@']) && cleaned.parse::<f64>().is_err();
    if formula {
        Cow::Owned(format!("'{cleaned}"))
    } else {
        cleaned
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_sequences_lose_their_introducer() {
        assert_eq!(clean("Mat\x1b[2J\x1b]0;pwned\x07 XL"), "Mat[2J]0;pwned XL");
        assert_eq!(
            clean("a\x1b]52;c;aGk=\x07b\x1b]8;;https://x\x1b\\link\x1b]8;;\x1b\\"),
            "a]52;c;aGk=b]8;;https://x\\link]8;;\\"
        );
    }

    #[test]
    fn every_class_of_control_is_removed() {
        // C0 (BEL, backspace, NUL), DEL and C1 (CSI U+009B, NEL U+0085).
        assert_eq!(clean("a\x07b\x08c\0d\x7fe\u{9b}31mf\u{85}g"), "abcde31mfg");
        // Bidi embeddings, overrides and isolates.
        assert_eq!(clean("x\u{202E}txt.exe\u{202C}y"), "xtxt.exey");
        assert_eq!(clean("\u{2066}a\u{2067}b\u{2068}c\u{2069}"), "abc");
        assert_eq!(clean("\u{202A}\u{202B}\u{202D}"), "");
    }

    #[test]
    fn line_breaks_and_tabs_become_spaces_in_values() {
        assert_eq!(clean("line\nbreak\ttab\r\nend"), "line break tab  end");
    }

    #[test]
    fn clean_text_is_borrowed_and_scripts_are_kept() {
        assert!(matches!(clean("硅胶铲 — Größe ✔"), Cow::Borrowed(_)));
        assert!(matches!(clean_document("| a |\n| b |\n"), Cow::Borrowed(_)));
    }

    #[test]
    fn documents_keep_their_own_line_breaks() {
        assert_eq!(clean_document("a\x1b[2J\nb\u{202E}\tc\r\n"), "a[2J\nb\tc\n");
    }

    #[test]
    fn spreadsheet_formulas_are_defused_but_numbers_are_not() {
        assert_eq!(csv_cell("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(csv_cell("+cmd"), "'+cmd");
        assert_eq!(csv_cell("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(csv_cell("-2+3"), "'-2+3");
        assert_eq!(csv_cell("-12.5"), "-12.5");
        assert_eq!(csv_cell("+3"), "+3");
        assert_eq!(csv_cell("Mat"), "Mat");
        assert_eq!(csv_cell("\x1b=1"), "'=1");
    }
}
