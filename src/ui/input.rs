//! A one-line input on screen: the part of the text that fits, scrolled so
//! the cursor is always in view, each stretch in its own style.

use std::ops::Range;

use ratatui::style::Style;
use ratatui::text::Span;
use unicode_width::UnicodeWidthChar;

use crate::domain::untrusted::clean;

/// The bytes of `text` shown in `width` columns with the cursor (at byte
/// `cursor`) in view, and the cursor's column within them.
pub fn visible_range(text: &str, cursor: usize, width: usize) -> (Range<usize>, usize) {
    let width = width.max(1);
    let columns = |s: &str| s.chars().map(|c| c.width().unwrap_or(0)).sum::<usize>();
    // Scroll just far enough that the cursor stands on the last column at most.
    let mut start = 0;
    while columns(&text[start..cursor]) >= width {
        start += text[start..].chars().next().map_or(1, char::len_utf8);
    }
    let mut end = cursor;
    let mut used = columns(&text[start..cursor]);
    for c in text[cursor..].chars() {
        let w = c.width().unwrap_or(0);
        if used + w > width {
            break;
        }
        used += w;
        end += c.len_utf8();
    }
    (start..end, columns(&text[start..cursor]))
}

/// The spans of `text` within `shown`, each stretch of `styled` (byte
/// ranges, in order) in its style and the rest in `plain`.
pub fn styled_spans(
    text: &str,
    shown: &Range<usize>,
    styled: &[(Range<usize>, Style)],
    plain: Style,
) -> Vec<Span<'static>> {
    let mut spans = Vec::new();
    let mut push = |range: Range<usize>, style: Style| {
        let (from, to) = (range.start.max(shown.start), range.end.min(shown.end));
        if from < to {
            spans.push(Span::styled(clean(&text[from..to]).into_owned(), style));
        }
    };
    let mut at = 0;
    for (range, style) in styled {
        push(at..range.start, plain);
        push(range.clone(), *style);
        at = range.end;
    }
    push(at..text.len(), plain);
    spans
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_short_line_shows_whole() {
        assert_eq!(visible_range("abc", 3, 10), (0..3, 3));
        assert_eq!(visible_range("abc", 1, 10), (0..3, 1));
    }

    #[test]
    fn a_long_line_scrolls_to_keep_the_cursor_in_view() {
        let line = "Replenish HK-SP-SIL-5 @Wei due:+3d";
        let (range, column) = visible_range(line, line.len(), 10);
        // The cursor after the last character takes a column of its own.
        assert_eq!(&line[range], "i due:+3d");
        assert_eq!(column, 9);
        let (range, column) = visible_range(line, 0, 10);
        assert_eq!(&line[range], "Replenish ");
        assert_eq!(column, 0);
    }

    #[test]
    fn wide_characters_count_two_columns() {
        let line = "硅胶厨房铲";
        let (range, column) = visible_range(line, line.len(), 5);
        assert_eq!(&line[range], "房铲");
        assert_eq!(column, 4);
    }
}
