//! `opsdeck kpis --format table`: the week at a glance for people — account
//! line, then a line per SKU, each figure with its status symbol and its
//! change arrow, coloured when the output is a terminal.

use std::fmt::Write as _;

use crate::domain::format;
use crate::domain::judgement::Status;
use crate::domain::metric::Metric;
use crate::domain::review::Figures;
use crate::domain::settings::{Language, Settings};
use crate::domain::sku_table::PRINTED;
use crate::domain::untrusted::clean;
use crate::domain::week_report::WeekReport;

use super::text_table::{Align, Column, TextCell, Tone, render, status_tone};

/// One judged figure as `value symbol arrow`, e.g. `8.9% ✖↓`.
pub fn figure_cell(
    figures: &Figures,
    metric: Metric,
    settings: &Settings,
    currency: &str,
) -> TextCell {
    let cell = figures.cell(metric, settings);
    let Some(value) = cell.value else {
        return TextCell::toned("—", Tone::Dim);
    };
    let arrow = format::arrow(cell.change);
    let text = format!(
        "{}{}{arrow}",
        format::value(metric, value, currency),
        cell.status.symbol()
    );
    let tone = match cell.status {
        Status::None => match cell.change.and_then(|c| metric.change_is_good(c)) {
            Some(true) => Tone::Good,
            Some(false) if cell.change.is_some_and(|c| c.abs() >= 0.15) => Tone::Bad,
            _ => Tone::Plain,
        },
        status => status_tone(status),
    };
    TextCell::toned(text, tone)
}

/// The KPI table as text.
pub fn to_table(report: &WeekReport, settings: &Settings, colour: bool) -> String {
    let review = &report.review;
    let mut columns = vec![
        Column {
            header: "SKU",
            align: Align::Left,
            max_width: 16,
        },
        Column {
            header: "Title",
            align: Align::Left,
            max_width: 26,
        },
    ];
    columns.extend(PRINTED.iter().map(|m| Column {
        header: m.label(),
        align: Align::Right,
        max_width: 14,
    }));
    let row = |key: &str, title: &str, figures: &Figures| {
        let mut cells = vec![TextCell::plain(key), TextCell::plain(title)];
        cells.extend(
            PRINTED
                .iter()
                .map(|m| figure_cell(figures, *m, settings, &review.currency)),
        );
        cells
    };
    let mut rows = vec![row("ACCOUNT", "all SKUs", &review.account)];
    rows.extend(
        review
            .skus
            .iter()
            .map(|s| row(s.sku.as_deref().unwrap_or(&s.key), &s.title, &s.figures)),
    );
    let mut out = format!(
        "{} — week {}{}\n\n",
        clean(&settings.title),
        review.week,
        review
            .previous_week
            .map(|w| format!(" (compared with {w})"))
            .unwrap_or_default()
    );
    for notice in &report.notices {
        let _ = writeln!(out, "⚠ {}", clean(notice));
    }
    if !report.notices.is_empty() {
        out.push('\n');
    }
    out.push_str(&render(&columns, &rows, colour));
    out.push_str(
        "\n✔ on target   ▲ watch   ✖ breach   ↑↓ change since last week   — missing input\n",
    );
    if !report.anomalies.is_empty() {
        let _ = writeln!(
            out,
            "\n{} anomalies, most money at stake first:",
            report.anomalies.len()
        );
        for anomaly in &report.anomalies {
            let who = anomaly.sku.as_deref().unwrap_or("account");
            let _ = writeln!(
                out,
                "  {} {} {}: {}",
                anomaly.severity.symbol(),
                anomaly.label(Language::English),
                clean(who),
                clean(&anomaly.message.en)
            );
        }
    }
    out.push_str(&super::supply::text(report, colour));
    if !report.voice.is_empty() {
        out.push_str("\nCustomer voice, most returned units first:\n");
        for point in report.voice.iter().take(6) {
            let _ = writeln!(
                out,
                "  {} — {} units: {}",
                clean(&point.reason_in(Language::English)),
                point.units,
                clean(&point.sku_summary(4))
            );
        }
    }
    out
}
