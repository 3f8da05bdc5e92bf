//! Aligned plain-text tables for the terminal and for mail: CJK-aware widths,
//! colour only when asked for (a terminal), so pipes and files stay clean.

use std::fmt::Write as _;

use unicode_width::UnicodeWidthStr;

use crate::domain::judgement::Status;
use crate::domain::text_width::truncate;
use crate::domain::untrusted::clean;

/// The meaning of a cell's colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    Plain,
    Good,
    Warning,
    Bad,
    Dim,
}

impl Tone {
    fn ansi(self) -> &'static str {
        match self {
            Tone::Plain => "",
            Tone::Good => "\x1b[32m",
            Tone::Warning => "\x1b[33m",
            Tone::Bad => "\x1b[31m",
            Tone::Dim => "\x1b[2m",
        }
    }
}

/// One cell: text, and how it is coloured.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextCell {
    pub text: String,
    pub tone: Tone,
}

impl TextCell {
    pub fn plain(text: impl Into<String>) -> Self {
        Self {
            text: text.into(),
            tone: Tone::Plain,
        }
    }

    pub fn toned(text: impl Into<String>, tone: Tone) -> Self {
        Self {
            text: text.into(),
            tone,
        }
    }
}

/// How a column lines up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Left,
    Right,
}

/// A column: header, alignment, and the widest it may get (longer text is cut with `…`).
#[derive(Debug, Clone, Copy)]
pub struct Column {
    pub header: &'static str,
    pub align: Align,
    pub max_width: usize,
}

/// The tone a status is shown in.
pub fn status_tone(status: Status) -> Tone {
    match status {
        Status::None => Tone::Plain,
        Status::Ok => Tone::Good,
        Status::Watch => Tone::Warning,
        Status::Breach => Tone::Bad,
    }
}

/// Renders `rows` under `columns`; `colour` adds ANSI colours.
pub fn render(columns: &[Column], rows: &[Vec<TextCell>], colour: bool) -> String {
    let cells: Vec<Vec<(String, Tone)>> = rows
        .iter()
        .map(|row| {
            columns
                .iter()
                .zip(row)
                .map(|(column, cell)| (truncate(&clean(&cell.text), column.max_width), cell.tone))
                .collect()
        })
        .collect();
    let widths: Vec<usize> = columns
        .iter()
        .enumerate()
        .map(|(i, column)| {
            cells
                .iter()
                .filter_map(|row| row.get(i).map(|(text, _)| text.width()))
                .chain(std::iter::once(column.header.width()))
                .max()
                .unwrap_or(0)
        })
        .collect();
    let mut out = String::new();
    let header: Vec<(String, Tone)> = columns
        .iter()
        .map(|c| (c.header.to_owned(), Tone::Plain))
        .collect();
    push_line(&mut out, columns, &widths, &header, false);
    let rule: Vec<(String, Tone)> = widths
        .iter()
        .map(|w| ("─".repeat(*w), Tone::Plain))
        .collect();
    push_line(&mut out, columns, &widths, &rule, false);
    for row in &cells {
        push_line(&mut out, columns, &widths, row, colour);
    }
    out
}

fn push_line(
    out: &mut String,
    columns: &[Column],
    widths: &[usize],
    cells: &[(String, Tone)],
    colour: bool,
) {
    let mut line = String::new();
    for ((column, width), (text, tone)) in columns.iter().zip(widths).zip(cells) {
        let pad = " ".repeat(width.saturating_sub(text.width()));
        let styled = if colour && *tone != Tone::Plain {
            format!("{}{text}\x1b[0m", tone.ansi())
        } else {
            text.clone()
        };
        let _ = match column.align {
            Align::Left => write!(line, "{styled}{pad}  "),
            Align::Right => write!(line, "{pad}{styled}  "),
        };
    }
    out.push_str(line.trim_end());
    out.push('\n');
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aligns_wide_characters_by_display_width() {
        let columns = [
            Column {
                header: "Title",
                align: Align::Left,
                max_width: 10,
            },
            Column {
                header: "Units",
                align: Align::Right,
                max_width: 10,
            },
        ];
        let rows = vec![
            vec![TextCell::plain("硅胶铲"), TextCell::plain("5")],
            vec![TextCell::plain("Mat"), TextCell::plain("1,234")],
        ];
        let text = render(&columns, &rows, false);
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines[2], "硅胶铲      5");
        assert_eq!(lines[3], "Mat     1,234");
    }

    #[test]
    fn cuts_long_text_and_colours_only_when_asked() {
        assert_eq!(truncate("硅胶厨房铲套装", 7), "硅胶厨…");
        let columns = [Column {
            header: "S",
            align: Align::Left,
            max_width: 5,
        }];
        let rows = vec![vec![TextCell::toned("bad", Tone::Bad)]];
        assert!(!render(&columns, &rows, false).contains('\x1b'));
        assert!(render(&columns, &rows, true).contains("\x1b[31mbad\x1b[0m"));
    }
}
