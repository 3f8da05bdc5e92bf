//! Markdown building blocks shared by the KPI export and the pre-read:
//! tables that render in mail, Notion and Feishu, and safe cell text.

use std::fmt::Write as _;

use crate::domain::format;
use crate::domain::metric::Metric;
use crate::domain::review::Figures;
use crate::domain::settings::{Language, Settings};
use crate::domain::untrusted::clean;
use crate::domain::words::Said;

/// A Markdown table.
pub fn table(headers: &[&str], rows: &[Vec<String>]) -> String {
    let mut out = format!("| {} |\n|", headers.join(" | "));
    out.push_str(&"---|".repeat(headers.len()));
    out.push('\n');
    for row in rows {
        let cells: Vec<String> = row.iter().map(|c| escape_cell(c)).collect();
        let _ = writeln!(out, "| {} |", cells.join(" | "));
    }
    out
}

/// The characters Markdown gives a meaning: each is escaped in quoted text,
/// so no link, image, HTML, code or emphasis from a title or a customer is live.
const SPECIAL: [char; 11] = ['\\', '<', '>', '[', ']', '!', '`', '*', '_', '#', '|'];

/// Those that make a link, an image, HTML or code, or break a table: a
/// table's cells may hold opsdeck's own emphasis (`**overdue**`), never these.
const LIVE_IN_CELL: [char; 8] = ['\\', '<', '>', '[', ']', '!', '`', '|'];

/// Quoted text that cannot break a table, make Markdown or reach a terminal
/// raw: cleaned of control characters (line breaks folded), every Markdown
/// special escaped.
pub fn escape(text: &str) -> String {
    escaped(text, &SPECIAL)
}

/// A table cell's text: cleaned, its link, image, HTML and code makers and
/// its pipes escaped.
fn escape_cell(text: &str) -> String {
    escaped(text, &LIVE_IN_CELL)
}

fn escaped(text: &str, special: &[char]) -> String {
    let clean = clean(text);
    let mut out = String::with_capacity(clean.len());
    for c in clean.chars() {
        if special.contains(&c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// A judged figure for Markdown: `8.9% ✖ (-3.5 pts)`.
pub fn figure(figures: &Figures, metric: Metric, settings: &Settings, currency: &str) -> String {
    let cell = figures.cell(metric, settings);
    let Some(value) = cell.value else {
        return "—".to_owned();
    };
    let mut text = format::value(metric, value, currency);
    let symbol = cell.status.symbol().trim();
    if !symbol.is_empty() {
        text.push(' ');
        text.push_str(symbol);
    }
    if let Some(change) = cell.change {
        let _ = write!(
            text,
            " ({})",
            format::change_in(metric, change, settings.language)
        );
    }
    text
}

/// The report's notices as a Markdown block of warnings (nothing when there are none).
pub fn notices(notices: &[Said], language: Language) -> String {
    notices
        .iter()
        .map(|notice| format!("> ⚠ {}\n", escape(notice.get(language))))
        .chain((!notices.is_empty()).then(|| "\n".to_owned()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Whether every `special` of `text` is escaped with a backslash.
    fn all_escaped(text: &str, special: &[char]) -> bool {
        let chars: Vec<char> = text.chars().collect();
        chars
            .iter()
            .enumerate()
            .filter(|(_, c)| special.contains(c) && **c != '\\')
            .all(|(at, _)| at > 0 && chars[at - 1] == '\\')
    }

    #[test]
    fn quoted_text_makes_no_link_image_or_html() {
        let payload = "Great [click](http://evil.example) ![x](http://t.example/p.png) <img src=x> `code` *bold* _it_ # head | pipe";
        assert!(
            all_escaped(&escape(payload), &SPECIAL),
            "{}",
            escape(payload)
        );
        let cell = table(&["Title"], &[vec![payload.to_owned()]]);
        let row = cell.lines().nth(2).unwrap();
        let inside = &row[2..row.len() - 2];
        assert!(all_escaped(inside, &LIVE_IN_CELL), "{cell}");
        // opsdeck's own emphasis in a cell stays.
        assert!(table(&["Due"], &[vec!["Fri **overdue**".to_owned()]]).contains("**overdue**"));
    }
}
