//! Untrusted text (titles, customer comments) made safe for the terminal:
//! control characters and escape sequences never reach it.

use std::borrow::Cow;

/// `text` without control characters (an ESC starting a sequence included);
/// tabs and line breaks become spaces.
pub fn clean(text: &str) -> Cow<'_, str> {
    if !text.chars().any(char::is_control) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        text.chars()
            .filter_map(|c| match c {
                '\t' | '\n' | '\r' => Some(' '),
                c if c.is_control() => None,
                c => Some(c),
            })
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_and_controls_are_removed() {
        assert_eq!(clean("Mat\x1b[2J\x1b]0;pwned\x07 XL"), "Mat[2J]0;pwned XL");
        assert_eq!(clean("line\nbreak\ttab"), "line break tab");
        assert!(matches!(clean("硅胶铲"), Cow::Borrowed(_)));
        assert_eq!(clean("\u{9b}31m"), "31m");
    }
}
