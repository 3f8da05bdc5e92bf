//! The replenishment schedule and the promotions calendar for people: as a
//! text table for `kpis` and as Markdown for `kpis --format md` and `prep`.
//! The lines that need a decision are listed; the ones that are fine are
//! counted.

use std::fmt::Write as _;

use chrono::NaiveDate;

use crate::domain::calendar::upcoming;
use crate::domain::replenishment::{SupplyLine, SupplyStatus};
use crate::domain::settings::{Language, Settings};
use crate::domain::supply_columns::SUPPLY_COLUMNS;
use crate::domain::supply_notes::{capacity_note, facts, warnings};
use crate::domain::untrusted::clean;
use crate::domain::week_report::WeekReport;

use super::markdown::table;
use super::text_table::{Align, Column, TextCell, render, status_tone};

/// The most lines a table for people lists: the soonest orders of a large
/// catalogue; `kpis --format json` or `csv` has every one.
const LISTED: usize = 50;

/// The lines a meeting must decide on (every status but ok), the soonest
/// `LISTED` of them, and how many more there are.
fn to_decide(report: &WeekReport) -> (Vec<&SupplyLine>, usize) {
    let mut lines: Vec<&SupplyLine> = report
        .supply
        .iter()
        .filter(|line| line.status != SupplyStatus::Ok)
        .collect();
    let more = lines.len().saturating_sub(LISTED);
    lines.truncate(LISTED);
    (lines, more)
}

/// What a table leaves out, said after it: lines to decide past the first
/// `LISTED`, and lines that are fine.
fn left_out(report: &WeekReport, listed: usize, more: usize) -> String {
    let fine = report.supply.len() - listed - more;
    let mut out = String::new();
    if more > 0 {
        let _ = writeln!(
            out,
            "{more} more lines to decide on: `opsdeck kpis --format csv` lists every one."
        );
    }
    if fine > 0 {
        let _ = writeln!(
            out,
            "{fine} more lines have stock for longer than their lead time and safety days."
        );
    }
    out
}

/// The cells of a line and of its SKUs' child rows when it pools several.
fn rows_of(line: &SupplyLine) -> Vec<Vec<String>> {
    let language = Language::English;
    let mut rows = vec![
        SUPPLY_COLUMNS
            .iter()
            .map(|column| column.text(line, language))
            .collect(),
    ];
    rows.extend(line.children().iter().map(|member| {
        SUPPLY_COLUMNS
            .iter()
            .map(|column| column.member_text(member, line, language))
            .collect()
    }));
    rows
}

/// What the schedule says in words under its table: the lines' warnings (the
/// first `LISTED`), the facts of the lines listed, and the storage the orders need.
fn notes(report: &WeekReport, lines: &[&SupplyLine]) -> Vec<(bool, String)> {
    let language = Language::English;
    let mut notes: Vec<(bool, String)> = report
        .supply
        .iter()
        .flat_map(|line| warnings(line, language))
        .take(LISTED)
        .map(|note| (true, note))
        .collect();
    for line in lines {
        let facts = facts(line, language);
        if !facts.is_empty() {
            notes.push((false, format!("{}: {}", line.sku, facts.join("; "))));
        }
    }
    if let Some(capacity) = &report.capacity {
        notes.push((capacity.exceeded(), capacity_note(capacity, language)));
    }
    notes
}

/// The schedule as a text table, with its notes under it.
pub fn text(report: &WeekReport, colour: bool) -> String {
    if report.supply.is_empty() {
        return String::new();
    }
    let (lines, more) = to_decide(report);
    let columns: Vec<Column> = SUPPLY_COLUMNS
        .iter()
        .map(|column| Column {
            header: column.header().en,
            align: if column.is_figure() {
                Align::Right
            } else {
                Align::Left
            },
            max_width: 18,
        })
        .collect();
    let rows: Vec<Vec<TextCell>> = lines
        .iter()
        .flat_map(|line| {
            let tone = status_tone(line.status.severity());
            rows_of(line).into_iter().map(move |cells| {
                cells
                    .into_iter()
                    .map(|text| TextCell::toned(clean(&text).into_owned(), tone))
                    .collect()
            })
        })
        .collect();
    let mut out = String::from("\nReplenishment, soonest order first:\n");
    out.push_str(&render(&columns, &rows, colour));
    out.push_str(&left_out(report, lines.len(), more));
    for (warning, note) in notes(report, &lines) {
        let mark = if warning { "⚠" } else { "·" };
        let _ = writeln!(out, "{mark} {}", clean(&note));
    }
    out
}

/// The schedule as a Markdown section.
pub fn markdown(report: &WeekReport) -> String {
    if report.supply.is_empty() {
        return String::new();
    }
    let (lines, more) = to_decide(report);
    let headers: Vec<&str> = SUPPLY_COLUMNS.iter().map(|c| c.header().en).collect();
    let rows: Vec<Vec<String>> = lines.iter().flat_map(|line| rows_of(line)).collect();
    let mut out = String::from("\n## Replenishment\n\n");
    if lines.is_empty() {
        out.push_str("Every SKU has stock for longer than its lead time and safety days.\n");
    } else {
        out.push_str(&table(&headers, &rows));
        out.push('\n');
        out.push_str(&left_out(report, lines.len(), more));
    }
    for (warning, note) in notes(report, &lines) {
        let mark = if warning { "> ⚠ " } else { "- " };
        let _ = writeln!(out, "\n{mark}{}", super::markdown::escape(&note));
    }
    out
}

/// The events of the next eight weeks as a Markdown section, seen from `today`.
pub fn calendar_markdown(settings: &Settings, today: NaiveDate) -> String {
    let coming = upcoming(&settings.events, today);
    if coming.is_empty() {
        return String::new();
    }
    let rows: Vec<Vec<String>> = coming
        .iter()
        .map(|event| {
            let submit = match event.days_to_submit(today) {
                Some(days) if days < 0 => format!(
                    "closed {}",
                    event.submit_by.map(|d| d.to_string()).unwrap_or_default()
                ),
                Some(days) => format!(
                    "in {days} days ({})",
                    event.submit_by.map(|d| d.to_string()).unwrap_or_default()
                ),
                None => "—".to_owned(),
            };
            let starts = match event.days_to_start(today) {
                days if days <= 0 => "under way".to_owned(),
                days => format!("in {days} days"),
            };
            vec![
                event.name.clone(),
                event.kind.name().to_owned(),
                format!("{} – {}", event.start, event.end),
                submit,
                starts,
            ]
        })
        .collect();
    let mut out = String::from("\n## Promotions calendar (next 8 weeks)\n\n");
    out.push_str(&table(
        &["Event", "Kind", "Dates", "Deal submission", "Starts"],
        &rows,
    ));
    out
}
