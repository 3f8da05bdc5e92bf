//! `opsdeck prep`: the pre-read the team reads before the meeting — agenda,
//! KPI dashboard, ads, inventory, customer voice, anomalies with their
//! checks, and the open action items of the last meeting — as Markdown that
//! reads well in mail and renders in Notion or Feishu.

use std::fmt::Write as _;

use chrono::NaiveDate;

use crate::domain::action::ActionItem;
use crate::domain::action::heading;
use crate::domain::agenda::section_name;
use crate::domain::format;
use crate::domain::metric::Metric;
use crate::domain::review::{Figures, SkuRow};
use crate::domain::settings::{Language, Settings};
use crate::domain::week::MeetingWeek;
use crate::domain::week_report::WeekReport;
use crate::domain::words::say;

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
    let l = settings.language;
    let limit = (!all).then_some(PREP_TOP);
    let meeting_week = MeetingWeek::reviewing(review.week);
    let meeting = meeting_week.meeting;
    let (title, week) = (escape(&settings.title), review.week);
    let compared = review.previous_week.map(|w| match l {
        Language::English => format!(", compared with {w}"),
        Language::Chinese => format!("，对比 {w}"),
    });
    let compared = compared.unwrap_or_default();
    let mut out = match l {
        Language::English => format!(
            "# {title} — pre-read for the meeting of {meeting}\n\nReviews week {week}{compared}. \
             Read before the meeting; bring your answers to the open actions.\n\n"
        ),
        Language::Chinese => format!(
            "# {title} — {meeting} 会议预读\n\n复盘 {week} 周{compared}。\
             请会前阅读，并带着对未完成行动项的答复参会。\n\n"
        ),
    };
    out.push_str(&notices(&report.notices, l));
    agenda(&mut out, settings);
    let _ = write!(out, "## {}\n\n", say(l, "KPI dashboard", "KPI 看板"));
    out.push_str(&account_table(report, settings));
    if !report.marketplaces.is_empty() {
        let _ = write!(
            out,
            "\n### {}\n\n",
            say(
                l,
                "By marketplace, each in its own currency",
                "按站点（各用本币）"
            )
        );
        out.push_str(&marketplaces_table(&report.marketplaces, settings));
    }
    let problems = by_money_at_stake(report.problem_skus(), report);
    if !problems.is_empty() {
        let _ = write!(
            out,
            "\n### {}\n\n",
            say(
                l,
                "SKUs with problems, most money at stake first",
                "有问题的 SKU（涉及金额最多的在前）"
            )
        );
        let shown = limit.unwrap_or(problems.len()).min(problems.len());
        out.push_str(&sku_table(&problems[..shown], report, settings));
        more(
            &mut out,
            problems.len() - shown,
            say(l, "SKUs with problems", "个有问题的 SKU"),
            l,
        );
    }
    ads(&mut out, report, settings);
    inventory(&mut out, report, settings);
    out.push_str(&super::supply::markdown(report, l));
    out.push_str(&super::supply::calendar_markdown(
        settings,
        meeting_week.monday(),
    ));
    voice(&mut out, report, l);
    anomalies(&mut out, report, Some(in_play), limit, l);
    more(
        &mut out,
        report
            .anomalies
            .len()
            .saturating_sub(limit.unwrap_or(usize::MAX)),
        say(l, "anomalies", "个异常"),
        l,
    );
    actions(&mut out, open_actions, meeting_week.day_held(today), l);
    let _ = writeln!(out, "\n---\n{}", super::kpis_md::legend(l));
    out
}

fn agenda(out: &mut String, settings: &Settings) {
    let l = settings.language;
    let mut start = 0;
    let rows: Vec<Vec<String>> = settings
        .agenda
        .iter()
        .map(|section| {
            let row = vec![
                format!("+{}:{:02}", start / 60, start % 60),
                section_name(&section.name, l).to_owned(),
                format!("{} {}", section.minutes, say(l, "min", "分钟")),
            ];
            start += section.minutes;
            row
        })
        .collect();
    let _ = write!(
        out,
        "## {} ({} {})\n\n{}\n",
        say(l, "Agenda", "议程"),
        settings.planned_minutes(),
        say(l, "minutes", "分钟"),
        table(
            &[
                say(l, "Starts", "开始"),
                say(l, "Section", "环节"),
                say(l, "Time", "时长")
            ],
            &rows
        )
    );
}

fn ads(out: &mut String, report: &WeekReport, settings: &Settings) {
    let review = &report.review;
    let account = &review.account;
    let l = settings.language;
    if account.current.get(Metric::AdSpend).is_none() {
        let _ = write!(
            out,
            "\n## {}\n\n{}\n",
            say(l, "Advertising", "广告"),
            say(l, "No ads report this week.", "本周没有广告报告。")
        );
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
    .into_iter()
    .map(|m| labelled(m, account, settings, &review.currency))
    .collect();
    let _ = write!(
        out,
        "\n## {}\n\n{}\n\n",
        say(l, "Advertising", "广告"),
        line.join(" · ")
    );
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
    let _ = write!(out, "{}\n\n", say(l, "Top spenders:", "广告花费最多："));
    let mut headers = vec!["SKU"];
    headers.extend(
        [Metric::AdSpend, Metric::AdSales, Metric::Acos, Metric::Ctr].map(|m| m.label_in(l)),
    );
    out.push_str(&table(&headers, &rows));
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
    let l = settings.language;
    let summary: Vec<String> = [
        Metric::AvailableUnits,
        Metric::InboundUnits,
        Metric::DaysOfSupply,
        Metric::InventoryTurnover,
        Metric::Aged181PlusUnits,
        Metric::Ipi,
    ]
    .into_iter()
    .map(|m| labelled(m, account, settings, &review.currency))
    .collect();
    let _ = write!(
        out,
        "\n## {}\n\n{}\n\n",
        say(l, "Inventory", "库存"),
        summary.join(" · ")
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
        let _ = match l {
            Language::English => write!(
                out,
                "Below the {lead:.0}-day lead time or aged past 181 days:\n\n"
            ),
            Language::Chinese => write!(out, "低于 {lead:.0} 天交货期或库龄超过 181 天：\n\n"),
        };
        let mut headers = vec!["SKU"];
        headers.extend(
            [
                Metric::AvailableUnits,
                Metric::InboundUnits,
                Metric::DaysOfSupply,
                Metric::Aged181PlusUnits,
                Metric::StorageSurcharge,
            ]
            .map(|m| m.label_in(l)),
        );
        out.push_str(&table(&headers, &rows));
    }
}

/// `Ad spend $19,552 (+6%)`: a figure after its label, in the team's language.
fn labelled(metric: Metric, figures: &Figures, settings: &Settings, currency: &str) -> String {
    format!(
        "{} {}",
        metric.label_in(settings.language),
        figure(figures, metric, settings, currency)
    )
}

/// How many problem SKUs and anomalies the pre-read lists, most money at
/// stake first; `--all` lists every one.
pub const PREP_TOP: usize = 25;

/// The line under a list cut to `PREP_TOP`: how many more, and how to see them.
fn more(out: &mut String, left: usize, what: &str, language: Language) {
    if left > 0 {
        let _ = match language {
            Language::English => writeln!(
                out,
                "\n… and {left} more {what}, with less money at stake: `opsdeck prep --all` lists every one.\n"
            ),
            Language::Chinese => writeln!(
                out,
                "\n……另有 {left} {what}，涉及金额较少：`opsdeck prep --all` 列出全部。\n"
            ),
        };
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

fn actions(out: &mut String, open: &[ActionItem], today: NaiveDate, language: Language) {
    let l = language;
    let _ = write!(
        out,
        "\n## {}\n\n",
        say(
            l,
            "Open actions from the last meeting",
            "上次会议未完成的行动项"
        )
    );
    if open.is_empty() {
        let _ = writeln!(out, "{}", say(l, "None.", "无。"));
        return;
    }
    let rows: Vec<Vec<String>> = open
        .iter()
        .map(|a| {
            let due = a
                .due
                .map_or_else(|| "—".to_owned(), |d| format::short_date(d, l));
            let overdue = if a.is_overdue(today) {
                say(l, " ✖ overdue", " ✖ 已逾期")
            } else {
                ""
            };
            let carried = match (a.weeks_carried, l) {
                (0, _) => String::new(),
                (weeks, Language::English) => format!("carried {weeks}×"),
                (weeks, Language::Chinese) => format!("已顺延 {weeks} 次"),
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
    out.push_str(&table(
        &[
            "Id",
            *heading::ACTION.get(l),
            *heading::OWNER.get(l),
            *heading::DUE.get(l),
            "SKU",
            "",
        ],
        &rows,
    ));
}

#[cfg(test)]
#[path = "prep_tests.rs"]
mod tests;
