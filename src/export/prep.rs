//! `opsdeck prep`: the pre-read the team reads before the meeting — agenda,
//! KPI dashboard, ads, inventory, customer voice, anomalies with their
//! checks, and the open action items of the last meeting — as Markdown that
//! reads well in mail and renders in Notion or Feishu.

use std::fmt::Write as _;

use chrono::NaiveDate;

use crate::domain::action::ActionItem;
use crate::domain::format;
use crate::domain::metric::Metric;
use crate::domain::review::SkuRow;
use crate::domain::settings::{Language, Settings};
use crate::domain::week::MeetingWeek;
use crate::domain::week_report::WeekReport;

use super::diagnosis_md::{anomalies, voice};
use super::kpis_md::{account_table, marketplaces_table, sku_table};
use super::markdown::{escape, figure, notices, table};

/// The pre-read for the meeting that reviews `report`'s week.
/// `open_actions` are last meeting's still open; `in_play` every open action
/// that can cover an anomaly, this meeting's included once it has begun.
pub fn to_prep(
    report: &WeekReport,
    settings: &Settings,
    open_actions: &[ActionItem],
    in_play: &[ActionItem],
    today: NaiveDate,
    all: bool,
) -> String {
    let review = &report.review;
    let limit = (!all).then_some(PREP_TOP);
    let mut out = format!(
        "# {} — pre-read for the meeting of {}\n\nReviews week {}{}. Read before the meeting; bring your answers to the open actions.\n\n",
        escape(&settings.title),
        MeetingWeek::reviewing(review.week).meeting,
        review.week,
        review
            .previous_week
            .map(|w| format!(", compared with {w}"))
            .unwrap_or_default()
    );
    out.push_str(&notices(&report.notices));
    agenda(&mut out, settings);
    out.push_str("## KPI dashboard\n\n");
    out.push_str(&account_table(report, settings));
    if !report.marketplaces.is_empty() {
        out.push_str("\n### By marketplace, each in its own currency\n\n");
        out.push_str(&marketplaces_table(&report.marketplaces, settings));
    }
    let problems = by_money_at_stake(report.problem_skus(), report);
    if !problems.is_empty() {
        out.push_str("\n### SKUs with problems, most money at stake first\n\n");
        let shown = limit.unwrap_or(problems.len()).min(problems.len());
        out.push_str(&sku_table(&problems[..shown], report, settings));
        more(&mut out, problems.len() - shown, "SKUs with problems");
    }
    ads(&mut out, report, settings);
    inventory(&mut out, report, settings);
    out.push_str(&super::supply::markdown(report));
    out.push_str(&super::supply::calendar_markdown(
        settings,
        MeetingWeek::reviewing(review.week).monday(),
    ));
    voice(&mut out, report);
    anomalies(&mut out, report, Some(in_play), limit);
    more(
        &mut out,
        report
            .anomalies
            .len()
            .saturating_sub(limit.unwrap_or(usize::MAX)),
        "anomalies",
    );
    actions(
        &mut out,
        open_actions,
        MeetingWeek::reviewing(review.week).day_held(today),
    );
    out.push_str(
        "\n---\n✔ on target · ▲ watch · ✖ breach · (change since last week) · — missing input\n",
    );
    out
}

fn agenda(out: &mut String, settings: &Settings) {
    let mut start = 0;
    let rows: Vec<Vec<String>> = settings
        .agenda
        .iter()
        .map(|section| {
            let row = vec![
                format!("+{}:{:02}", start / 60, start % 60),
                section.name.clone(),
                format!("{} min", section.minutes),
            ];
            start += section.minutes;
            row
        })
        .collect();
    let _ = write!(
        out,
        "## Agenda ({} minutes)\n\n{}\n",
        settings.planned_minutes(),
        table(&["Starts", "Section", "Time"], &rows)
    );
}

fn ads(out: &mut String, report: &WeekReport, settings: &Settings) {
    let review = &report.review;
    let account = &review.account;
    if account.current.get(Metric::AdSpend).is_none() {
        out.push_str("\n## Advertising\n\nNo ads report this week.\n");
        return;
    }
    let line: Vec<String> = [
        Metric::AdSpend,
        Metric::AdSales,
        Metric::Acos,
        Metric::Tacos,
        Metric::Roas,
        Metric::Ctr,
        Metric::Cpc,
    ]
    .iter()
    .map(|m| {
        format!(
            "{} {}",
            m.label(),
            figure(account, *m, settings, &review.currency)
        )
    })
    .collect();
    let _ = write!(out, "\n## Advertising\n\n{}\n\n", line.join(" · "));
    let mut spenders: Vec<&SkuRow> = review
        .skus
        .iter()
        .filter(|s| s.figures.current.get(Metric::AdSpend).unwrap_or(0.0) > 0.0)
        .collect();
    spenders.sort_by(|a, b| spend(b).total_cmp(&spend(a)));
    let rows: Vec<Vec<String>> = spenders
        .iter()
        .take(5)
        .map(|s| {
            let mut row = vec![name(s)];
            row.extend(
                [Metric::AdSpend, Metric::AdSales, Metric::Acos, Metric::Ctr]
                    .iter()
                    .map(|m| figure(&s.figures, *m, settings, &review.currency)),
            );
            row
        })
        .collect();
    out.push_str("Top spenders:\n\n");
    out.push_str(&table(
        &["SKU", "Ad spend", "Ad sales", "ACoS", "CTR"],
        &rows,
    ));
}

fn spend(row: &SkuRow) -> f64 {
    row.figures.current.get(Metric::AdSpend).unwrap_or(0.0)
}

fn name(row: &SkuRow) -> String {
    row.sku.clone().unwrap_or_else(|| row.key.clone())
}

fn inventory(out: &mut String, report: &WeekReport, settings: &Settings) {
    let review = &report.review;
    let account = &review.account;
    let _ = write!(
        out,
        "\n## Inventory\n\nAvailable {} · inbound {} · days of supply {} · turnover {} · aged 181+ {} · IPI {}\n\n",
        figure(account, Metric::AvailableUnits, settings, &review.currency),
        figure(account, Metric::InboundUnits, settings, &review.currency),
        figure(account, Metric::DaysOfSupply, settings, &review.currency),
        figure(
            account,
            Metric::InventoryTurnover,
            settings,
            &review.currency
        ),
        figure(
            account,
            Metric::Aged181PlusUnits,
            settings,
            &review.currency
        ),
        figure(account, Metric::Ipi, settings, &review.currency),
    );
    let lead = settings.targets.lead_time_days;
    let rows: Vec<Vec<String>> = review
        .skus
        .iter()
        .filter(|s| {
            let values = &s.figures.current;
            values.get(Metric::DaysOfSupply).is_some_and(|d| d < lead)
                || values.get(Metric::Aged181PlusUnits).unwrap_or(0.0) > 0.0
        })
        .map(|s| {
            let mut row = vec![name(s)];
            row.extend(
                [
                    Metric::AvailableUnits,
                    Metric::InboundUnits,
                    Metric::DaysOfSupply,
                    Metric::Aged181PlusUnits,
                    Metric::StorageSurcharge,
                ]
                .iter()
                .map(|m| figure(&s.figures, *m, settings, &review.currency)),
            );
            row
        })
        .collect();
    if !rows.is_empty() {
        let _ = write!(
            out,
            "Below the {lead:.0}-day lead time or aged past 181 days:\n\n"
        );
        out.push_str(&table(
            &[
                "SKU",
                "Available",
                "Inbound",
                "Days of supply",
                "Aged 181+",
                "Surcharge",
            ],
            &rows,
        ));
    }
}

/// How many problem SKUs and anomalies the pre-read lists, most money at
/// stake first; `--all` lists every one.
pub const PREP_TOP: usize = 25;

/// The line under a list cut to `PREP_TOP`: how many more, and how to see them.
fn more(out: &mut String, left: usize, what: &str) {
    if left > 0 {
        let _ = writeln!(
            out,
            "\n… and {left} more {what}, with less money at stake: `opsdeck prep --all` lists every one.\n"
        );
    }
}

/// Problem SKUs ordered by the money their anomalies put at stake, most first.
fn by_money_at_stake<'a>(skus: Vec<&'a SkuRow>, report: &WeekReport) -> Vec<&'a SkuRow> {
    let mut stake: std::collections::HashMap<&str, f64> = std::collections::HashMap::new();
    for anomaly in &report.anomalies {
        if let Some(sku) = anomaly.sku.as_deref() {
            *stake.entry(sku).or_default() += anomaly.at_stake;
        }
    }
    let money = |row: &SkuRow| {
        stake
            .get(row.sku.as_deref().unwrap_or(&row.key))
            .copied()
            .unwrap_or(0.0)
    };
    let mut skus = skus;
    skus.sort_by(|a, b| money(b).total_cmp(&money(a)));
    skus
}

fn actions(out: &mut String, open: &[ActionItem], today: NaiveDate) {
    out.push_str("\n## Open actions from the last meeting\n\n");
    if open.is_empty() {
        out.push_str("None.\n");
        return;
    }
    let rows: Vec<Vec<String>> = open
        .iter()
        .map(|a| {
            let due = a.due.map_or_else(
                || "—".to_owned(),
                |d| format::short_date(d, Language::English),
            );
            let overdue = if a.is_overdue(today) {
                " ✖ overdue"
            } else {
                ""
            };
            let carried = if a.weeks_carried > 0 {
                format!("carried {}×", a.weeks_carried)
            } else {
                String::new()
            };
            vec![
                a.id.clone(),
                a.title.clone(),
                a.owner.clone().unwrap_or_else(|| "—".to_owned()),
                format!("{due}{overdue}"),
                a.sku.clone().unwrap_or_default(),
                carried,
            ]
        })
        .collect();
    out.push_str(&table(&["Id", "Action", "Owner", "Due", "SKU", ""], &rows));
}

#[cfg(test)]
#[path = "prep_tests.rs"]
mod tests;
