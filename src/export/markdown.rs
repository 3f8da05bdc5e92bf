//! Markdown building blocks shared by the KPI export and the pre-read:
//! tables that render in mail, Notion and Feishu, and safe cell text.

use std::fmt::Write as _;

use crate::domain::format;
use crate::domain::metric::Metric;
use crate::domain::review::Figures;
use crate::domain::settings::Settings;
use crate::domain::untrusted::clean;

/// A Markdown table.
pub fn table(headers: &[&str], rows: &[Vec<String>]) -> String {
    let mut out = format!("| {} |\n|", headers.join(" | "));
    out.push_str(&"---|".repeat(headers.len()));
    out.push('\n');
    for row in rows {
        let cells: Vec<String> = row.iter().map(|c| escape(c)).collect();
        let _ = writeln!(out, "| {} |", cells.join(" | "));
    }
    out
}

/// Cell text that cannot break a table or reach a terminal raw: cleaned
/// of control characters (line breaks folded), pipes escaped.
pub fn escape(text: &str) -> String {
    clean(text).replace('|', "\\|")
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
        let _ = write!(text, " ({})", format::change(metric, change));
    }
    text
}

/// The report's notices as a Markdown block of warnings (nothing when there are none).
pub fn notices(notices: &[String]) -> String {
    notices
        .iter()
        .map(|notice| format!("> ⚠ {}\n", escape(notice)))
        .chain((!notices.is_empty()).then(|| "\n".to_owned()))
        .collect()
}
