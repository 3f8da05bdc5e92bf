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
use crate::domain::words::say;

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
    let l = settings.language;
    let mut columns = vec![
        Column {
            header: "SKU",
            align: Align::Left,
            max_width: 16,
        },
        Column {
            header: say(l, "Title", "标题"),
            align: Align::Left,
            max_width: 26,
        },
    ];
    columns.extend(PRINTED.iter().map(|m| Column {
        header: m.label_in(l),
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
    let mut rows = vec![row(
        say(l, "ACCOUNT", "账户"),
        say(l, "all SKUs", "全部 SKU"),
        &review.account,
    )];
    rows.extend(
        review
            .skus
            .iter()
            .map(|s| row(s.sku.as_deref().unwrap_or(&s.key), &s.title, &s.figures)),
    );
    let compared = review
        .previous_week
        .map(|w| match l {
            Language::English => format!(" (compared with {w})"),
            Language::Chinese => format!("（对比 {w}）"),
        })
        .unwrap_or_default();
    let mut out = match l {
        Language::English => format!(
            "{} — week {}{compared}\n\n",
            clean(&settings.title),
            review.week
        ),
        Language::Chinese => format!(
            "{} — {} 周{compared}\n\n",
            clean(&settings.title),
            review.week
        ),
    };
    for notice in &report.notices {
        let _ = writeln!(out, "⚠ {}", clean(notice.get(l)));
    }
    if !report.notices.is_empty() {
        out.push('\n');
    }
    out.push_str(&render(&columns, &rows, colour));
    let _ = writeln!(
        out,
        "\n{}",
        say(
            l,
            "✔ on target   ▲ watch   ✖ breach   ↑↓ change since last week   — missing input",
            "✔ 达标   ▲ 关注   ✖ 超标   ↑↓ 较上周变化   — 缺少数据"
        )
    );
    anomalies(&mut out, report, l);
    out.push_str(&super::supply::text(report, colour, l));
    voice(&mut out, report, l);
    out
}

/// The anomalies, most money at stake first.
fn anomalies(out: &mut String, report: &WeekReport, l: Language) {
    if !report.anomalies.is_empty() {
        let count = report.anomalies.len();
        let _ = match l {
            Language::English => writeln!(out, "\n{count} anomalies, most money at stake first:"),
            Language::Chinese => writeln!(out, "\n{count} 个异常，涉及金额最多的在前："),
        };
        for anomaly in &report.anomalies {
            let who = anomaly.sku.as_deref().unwrap_or(say(l, "account", "账户"));
            let _ = writeln!(
                out,
                "  {} {} {}: {}",
                anomaly.severity.symbol(),
                anomaly.label(l),
                clean(who),
                clean(anomaly.message.get(l))
            );
        }
    }
}

/// The customer voice: the pain points with most returned units.
fn voice(out: &mut String, report: &WeekReport, l: Language) {
    if !report.voice.is_empty() {
        let _ = writeln!(
            out,
            "\n{}",
            say(
                l,
                "Customer voice, most returned units first:",
                "客户之声（退货件数最多的在前）："
            )
        );
        for point in report.voice.iter().take(6) {
            let _ = writeln!(
                out,
                "  {} — {} {}: {}",
                clean(&point.reason_in(l)),
                point.units,
                say(l, "units", "件"),
                clean(&point.sku_summary(4))
            );
        }
    }
}
