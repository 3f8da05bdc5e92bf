//! The replenishment schedule and the promotions calendar for people: as a
//! text table for `kpis` and as Markdown for `kpis --format md` and `prep`.
//! The lines that need a decision are listed; the ones that are fine are
//! counted.

use std::fmt::Write as _;

use chrono::NaiveDate;

use crate::domain::calendar::{EventKind, upcoming};
use crate::domain::format;
use crate::domain::replenishment::{SupplyLine, SupplyStatus};
use crate::domain::settings::{Language, Settings};
use crate::domain::supply_columns::SUPPLY_COLUMNS;
use crate::domain::supply_notes::{capacity_note, facts, warnings};
use crate::domain::untrusted::clean;
use crate::domain::week_report::WeekReport;
use crate::domain::words::{Words, say};

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
fn left_out(report: &WeekReport, listed: usize, more: usize, language: Language) -> String {
    let fine = report.supply.len() - listed - more;
    let mut out = String::new();
    if more > 0 {
        let _ = match language {
            Language::English => writeln!(
                out,
                "{more} more lines to decide on: `opsdeck kpis --format csv` lists every one."
            ),
            Language::Chinese => writeln!(
                out,
                "另有 {more} 行待决定：`opsdeck kpis --format csv` 列出全部。"
            ),
        };
    }
    if fine > 0 {
        let _ = match language {
            Language::English => writeln!(
                out,
                "{fine} more lines have stock for longer than their lead time and safety days."
            ),
            Language::Chinese => writeln!(out, "另有 {fine} 行的库存可撑过交货期与安全天数。"),
        };
    }
    out
}

/// The cells of a line and of its SKUs' child rows when it pools several.
fn rows_of(line: &SupplyLine, language: Language) -> Vec<Vec<String>> {
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
fn notes(report: &WeekReport, lines: &[&SupplyLine], language: Language) -> Vec<(bool, String)> {
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
pub fn text(report: &WeekReport, colour: bool, language: Language) -> String {
    if report.supply.is_empty() {
        return String::new();
    }
    let (lines, more) = to_decide(report);
    let columns: Vec<Column> = SUPPLY_COLUMNS
        .iter()
        .map(|column| Column {
            header: column.header().get(language),
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
            rows_of(line, language).into_iter().map(move |cells| {
                cells
                    .into_iter()
                    .map(|text| TextCell::toned(clean(&text).into_owned(), tone))
                    .collect()
            })
        })
        .collect();
    let mut out = format!(
        "\n{}\n",
        Words::new(
            "Replenishment, soonest order first:",
            "补货（最早下单在前）："
        )
        .get(language)
    );
    out.push_str(&render(&columns, &rows, colour));
    out.push_str(&left_out(report, lines.len(), more, language));
    for (warning, note) in notes(report, &lines, language) {
        let mark = if warning { "⚠" } else { "·" };
        let _ = writeln!(out, "{mark} {}", clean(&note));
    }
    out
}

/// The schedule as a Markdown section.
pub fn markdown(report: &WeekReport, language: Language) -> String {
    if report.supply.is_empty() {
        return String::new();
    }
    let (lines, more) = to_decide(report);
    let headers: Vec<&str> = SUPPLY_COLUMNS
        .iter()
        .map(|c| *c.header().get(language))
        .collect();
    let rows: Vec<Vec<String>> = lines
        .iter()
        .flat_map(|line| rows_of(line, language))
        .collect();
    let mut out = format!("\n## {}\n\n", say(language, "Replenishment", "补货"));
    if lines.is_empty() {
        let _ = writeln!(
            out,
            "{}",
            say(
                language,
                "Every SKU has stock for longer than its lead time and safety days.",
                "每个 SKU 的库存都能撑过交货期与安全天数。"
            )
        );
    } else {
        out.push_str(&table(&headers, &rows));
        out.push('\n');
        out.push_str(&left_out(report, lines.len(), more, language));
    }
    for (warning, note) in notes(report, &lines, language) {
        let mark = if warning { "> ⚠ " } else { "- " };
        let _ = writeln!(out, "\n{mark}{}", super::markdown::escape(&note));
    }
    out
}

/// A kind of event in words, in every language.
fn kind_label(kind: EventKind) -> Words {
    match kind {
        EventKind::Deal => Words::new("deal", "促销"),
        EventKind::PrimeDay => Words::new("Prime Day", "Prime 会员日"),
        EventKind::Holiday => Words::new("holiday", "节假日"),
        EventKind::Listing => Words::new("listing", "上架"),
        EventKind::Other => Words::new("other", "其他"),
    }
}

/// The events of the next eight weeks as a Markdown section, seen from `today`.
pub fn calendar_markdown(settings: &Settings, today: NaiveDate) -> String {
    let coming = upcoming(&settings.events, today);
    if coming.is_empty() {
        return String::new();
    }
    let language = settings.language;
    let date = |day: NaiveDate| format::short_date(day, language);
    let in_days = |days: i64| match language {
        Language::English => format!("in {days} days"),
        Language::Chinese => format!("{days} 天后"),
    };
    let rows: Vec<Vec<String>> = coming
        .iter()
        .map(|event| {
            let submit_by = event.submit_by.map(date).unwrap_or_default();
            let submit = match event.days_to_submit(today) {
                Some(days) if days < 0 => {
                    format!("{} {submit_by}", say(language, "closed", "已截止"))
                }
                Some(days) => format!("{} ({submit_by})", in_days(days)),
                None => "—".to_owned(),
            };
            let starts = match event.days_to_start(today) {
                days if days <= 0 => say(language, "under way", "进行中").to_owned(),
                days => in_days(days),
            };
            vec![
                event.name.clone(),
                (*kind_label(event.kind).get(language)).to_owned(),
                format!("{} – {}", date(event.start), date(event.end)),
                submit,
                starts,
            ]
        })
        .collect();
    let mut out = format!(
        "\n## {}\n\n",
        say(
            language,
            "Promotions calendar (next 8 weeks)",
            "促销日历（未来 8 周）"
        )
    );
    out.push_str(&table(
        &[
            say(language, "Event", "活动"),
            say(language, "Kind", "类型"),
            say(language, "Dates", "日期"),
            say(language, "Deal submission", "报名截止"),
            say(language, "Starts", "开始"),
        ],
        &rows,
    ));
    out
}
