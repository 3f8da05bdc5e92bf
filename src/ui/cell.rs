//! Text fitted to the screen by display width, so Chinese and Latin labels
//! line up alike: padded cells, and items packed into lines that break
//! between items, never inside one.

use ratatui::style::Style;
use ratatui::text::{Line, Span};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use crate::domain::text_width::truncate;

/// `text` cut with `…` or padded with spaces to exactly `width` columns.
pub fn pad(text: &str, width: usize) -> String {
    let mut out = truncate(text, width);
    let room = width.saturating_sub(out.width());
    out.extend(std::iter::repeat_n(' ', room));
    out
}

/// `text` as a column of `width`: cut to leave at least one space after it.
pub fn column(text: &str, width: usize) -> String {
    if width == 0 {
        return String::new();
    }
    pad(&truncate(text, width - 1), width)
}

/// `items` packed into lines of `width` columns, `separator` between two
/// items of a line; an item wider than a line gets a line of its own.
pub fn pack<'a>(items: Vec<Vec<Span<'a>>>, separator: &Span<'a>, width: usize) -> Vec<Line<'a>> {
    let span_width = |spans: &[Span]| spans.iter().map(Span::width).sum::<usize>();
    let mut lines = Vec::new();
    let mut line: Vec<Span> = Vec::new();
    for item in items {
        let needed = span_width(&item)
            + if line.is_empty() {
                0
            } else {
                separator.width()
            };
        if !line.is_empty() && span_width(&line) + needed > width {
            lines.push(Line::from(std::mem::take(&mut line)));
        }
        if !line.is_empty() {
            line.push(separator.clone());
        }
        line.extend(item);
    }
    if !line.is_empty() {
        lines.push(Line::from(line));
    }
    lines
}

/// `text` wrapped into lines of `width` columns at spaces; a word wider
/// than a line (Chinese runs unbroken) is cut where the line ends.
pub fn wrap(text: &str, style: Style, width: usize) -> Vec<Line<'static>> {
    let width = width.max(1);
    let mut words: Vec<Vec<Span<'static>>> = Vec::new();
    for word in text.split(' ').filter(|w| !w.is_empty()) {
        let mut piece = String::new();
        for c in word.chars() {
            if piece.width() + c.width().unwrap_or(0) > width {
                words.push(item(std::mem::take(&mut piece), style));
            }
            piece.push(c);
        }
        words.push(item(piece, style));
    }
    pack(words, &Span::styled(" ", style), width)
}

/// A span of `text` in `style`; for building items to `pack`.
pub fn item(text: impl Into<String>, style: Style) -> Vec<Span<'static>> {
    vec![Span::styled(text.into(), style)]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pads_and_cuts_by_display_width() {
        assert_eq!(pad("断货风险", 10), "断货风险  ");
        assert_eq!(pad("Stockout risk", 8), "Stockou…");
        assert_eq!(pad("ok", 4), "ok  ");
        assert_eq!(column("Conversion drop", 8), "Conver… ");
        assert_eq!(column("", 0), "");
    }

    #[test]
    fn packed_lines_break_between_items() {
        let items = ["销售额 $101,251", "购物车 96.7%", "ACoS 23.0%"]
            .into_iter()
            .map(|text| item(text, Style::new()))
            .collect();
        let lines: Vec<String> = pack(items, &Span::raw(" · "), 30)
            .iter()
            .map(ToString::to_string)
            .collect();
        assert_eq!(lines, ["销售额 $101,251 · 购物车 96.7%", "ACoS 23.0%"]);
    }
}
