//! Text fitted to a column of the screen by display width, so Chinese and
//! Latin labels line up alike.

use unicode_width::UnicodeWidthStr;

use crate::export::text_table::truncate;

/// `text` cut with `…` or padded with spaces to exactly `width` columns.
pub fn pad(text: &str, width: usize) -> String {
    let mut out = truncate(text, width);
    let room = width.saturating_sub(out.width());
    out.extend(std::iter::repeat_n(' ', room));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pads_and_cuts_by_display_width() {
        assert_eq!(pad("断货风险", 10), "断货风险  ");
        assert_eq!(pad("Stockout risk", 8), "Stockou…");
        assert_eq!(pad("ok", 4), "ok  ");
    }
}
