//! Styled lines wrapped by display width: at a space, or between two wide
//! characters (Chinese may break between any two, but never before its
//! closing punctuation), a word wider than a line cut where the line ends.
//! No line comes out wider than asked: ratatui's own wrapping can leave a
//! wide character half past the edge (ratatui issue 2679), and a terminal
//! then pushes it onto the next row, over what is drawn there.

use ratatui::style::Style;
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthChar;

/// Punctuation that closes what comes before it: it stays on that line.
const CLOSING: &str = "，。、；：！？）】》」』”’…";

/// `lines` wrapped to `width` columns, every character keeping its style.
pub fn wrap_lines(lines: &[Line<'_>], width: usize) -> Vec<Line<'static>> {
    let width = width.max(1);
    let mut wrapped = Vec::new();
    for line in lines {
        let styled: Vec<(char, Style)> = line
            .spans
            .iter()
            .flat_map(|span| {
                let style = line.style.patch(span.style);
                span.content.chars().map(move |c| (c, style))
            })
            .collect();
        let mut rows: Vec<Vec<(char, Style)>> = Vec::new();
        let mut row: Vec<(char, Style)> = Vec::new();
        let mut used = 0;
        for unit in units(&styled) {
            let unit_width: usize = unit.iter().map(|(c, _)| cells(*c)).sum();
            if used + unit_width <= width {
                row.extend_from_slice(unit);
                used += unit_width;
            } else if unit.iter().all(|(c, _)| *c == ' ') {
                // A space where the line breaks is the break.
                rows.push(std::mem::take(&mut row));
                used = 0;
            } else if unit_width <= width {
                rows.push(std::mem::replace(&mut row, unit.to_vec()));
                used = unit_width;
            } else {
                for &(c, style) in unit {
                    if used + cells(c) > width && used > 0 {
                        rows.push(std::mem::take(&mut row));
                        used = 0;
                    }
                    row.push((c, style));
                    used += cells(c);
                }
            }
        }
        rows.push(row);
        wrapped.extend(rows.iter().map(|row| as_line(row)));
    }
    wrapped
}

/// The columns a character takes.
fn cells(c: char) -> usize {
    c.width().unwrap_or(0)
}

/// The pieces a line may break between: a space, a run of narrow
/// characters (a Latin word, a number), or a wide character with the
/// closing punctuation after it.
fn units(styled: &[(char, Style)]) -> Vec<&[(char, Style)]> {
    let mut units = Vec::new();
    let mut start = 0;
    for (at, &(c, _)) in styled.iter().enumerate().skip(1) {
        let (before, _) = styled[at - 1];
        let joined = if c == ' ' || before == ' ' {
            false
        } else if CLOSING.contains(c) {
            true
        } else {
            cells(c) < 2 && cells(before) < 2
        };
        if !joined {
            units.push(&styled[start..at]);
            start = at;
        }
    }
    if start < styled.len() {
        units.push(&styled[start..]);
    }
    units
}

/// A row of styled characters as a line of spans, one per run of a style,
/// without the spaces it ends with.
fn as_line(row: &[(char, Style)]) -> Line<'static> {
    let end = row
        .iter()
        .rposition(|(c, _)| *c != ' ')
        .map_or(0, |last| last + 1);
    let row = &row[..end];
    let mut spans: Vec<Span<'static>> = Vec::new();
    let mut text = String::new();
    let mut current: Option<Style> = None;
    for &(c, style) in row {
        if current.is_some_and(|s| s != style) {
            spans.push(Span::styled(
                std::mem::take(&mut text),
                current.unwrap_or_default(),
            ));
        }
        current = Some(style);
        text.push(c);
    }
    if !text.is_empty() {
        spans.push(Span::styled(text, current.unwrap_or_default()));
    }
    Line::from(spans)
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_width::UnicodeWidthStr;

    fn texts(lines: &[Line<'_>]) -> Vec<String> {
        lines.iter().map(ToString::to_string).collect()
    }

    #[test]
    fn a_wide_character_never_reaches_past_the_edge() {
        // ratatui's wrap leaves the last 件 half outside 35 columns.
        let text = "2,667 件去向不明：FBA 库存从 2,984 件降到 65 件，售出 257 件，退回 5 件";
        let wrapped = wrap_lines(&[Line::from(text)], 35);
        for line in texts(&wrapped) {
            assert!(line.width() <= 35, "{line:?} is {} wide", line.width());
        }
        assert_eq!(
            texts(&wrapped).concat().replace(' ', ""),
            text.replace(' ', "")
        );
    }

    #[test]
    fn chinese_breaks_between_characters_and_latin_at_spaces() {
        let wrapped = wrap_lines(&[Line::from("会议纪要 minutes 已保存，请查看")], 12);
        assert_eq!(texts(&wrapped), ["会议纪要", "minutes 已保", "存，请查看"]);
        let wrapped = wrap_lines(&[Line::from("review the supplier quote today")], 12);
        assert_eq!(texts(&wrapped), ["review the", "supplier", "quote today"]);
    }

    #[test]
    fn closing_punctuation_stays_with_what_it_closes() {
        let wrapped = wrap_lines(&[Line::from("一二三四，五六")], 8);
        assert_eq!(texts(&wrapped), ["一二三", "四，五六"]);
    }

    #[test]
    fn a_word_wider_than_a_line_is_cut_and_styles_are_kept() {
        let bold = Style::new().bold();
        let line = Line::from(vec![Span::styled("B0M0X4UD2B", bold), Span::raw(" ok")]);
        let wrapped = wrap_lines(&[line], 4);
        assert_eq!(texts(&wrapped), ["B0M0", "X4UD", "2B", "ok"]);
        assert_eq!(wrapped[0].spans[0].style, bold);
        assert_eq!(wrapped[3].spans[0].style, Style::default());
        assert_eq!(texts(&wrap_lines(&[Line::from("")], 10)), [""]);
    }
}
