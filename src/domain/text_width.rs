//! Text measured as a terminal shows it — a Chinese character takes two
//! columns — and cut to fit, for the cockpit's cells and the text tables.

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// `text` cut to `max` display columns, ending in `…` when cut.
pub fn truncate(text: &str, max: usize) -> String {
    if text.width() <= max {
        return text.to_owned();
    }
    let mut out = String::new();
    let mut width = 0;
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if width + w + 1 > max {
            break;
        }
        out.push(c);
        width += w;
    }
    out.push('…');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wide_characters_count_twice_and_a_cut_ends_in_an_ellipsis() {
        assert_eq!(truncate("硅胶厨房铲套装", 7), "硅胶厨…");
        assert_eq!(truncate("Mat", 3), "Mat");
        assert_eq!(truncate("Bath mat", 5), "Bath…");
    }
}
