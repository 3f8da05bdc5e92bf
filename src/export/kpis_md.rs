//! `opsdeck kpis --format md`: the KPI dashboard as Markdown tables.

use crate::domain::metric::Metric;
use crate::domain::review::SkuRow;
use std::fmt::Write as _;

use crate::domain::settings::{Language, Settings};
use crate::domain::sku_table::PRINTED;
use crate::domain::week::MeetingWeek;
use crate::domain::week_report::{MarketplaceAccount, WeekReport};
use crate::domain::words::{Words, say};

use super::markdown::{figure, notices, table};

/// The account metrics the dashboard opens with.
pub const ACCOUNT_METRICS: [Metric; 14] = [
    Metric::Sales,
    Metric::Units,
    Metric::Sessions,
    Metric::Conversion,
    Metric::BuyBox,
    Metric::AdSpend,
    Metric::Acos,
    Metric::Tacos,
    Metric::GrossMargin,
    Metric::DaysOfSupply,
    Metric::InventoryTurnover,
    Metric::ReturnRate,
    Metric::Odr,
    Metric::Ipi,
];

/// The account's KPIs as a two-column table.
pub fn account_table(report: &WeekReport, settings: &Settings) -> String {
    let review = &report.review;
    let rows: Vec<Vec<String>> = ACCOUNT_METRICS
        .iter()
        .map(|m| {
            vec![
                m.label_in(settings.language).to_owned(),
                figure(&review.account, *m, settings, &review.currency),
            ]
        })
        .collect();
    table(&["KPI", review.week.to_string().as_str()], &rows)
}

/// Each marketplace's account side by side, each in its own currency.
pub fn marketplaces_table(marketplaces: &[MarketplaceAccount], settings: &Settings) -> String {
    let headers: Vec<String> = std::iter::once("KPI".to_owned())
        .chain(
            marketplaces
                .iter()
                .map(|m| format!("{} ({})", m.code, m.currency)),
        )
        .collect();
    let rows: Vec<Vec<String>> = ACCOUNT_METRICS
        .iter()
        .map(|metric| {
            std::iter::once(metric.label_in(settings.language).to_owned())
                .chain(
                    marketplaces
                        .iter()
                        .map(|m| figure(&m.account, *metric, settings, &m.currency)),
                )
                .collect()
        })
        .collect();
    let headers: Vec<&str> = headers.iter().map(String::as_str).collect();
    table(&headers, &rows)
}

/// A table of `skus` with the main metrics.
pub fn sku_table(skus: &[&SkuRow], report: &WeekReport, settings: &Settings) -> String {
    let language = settings.language;
    let mut headers = vec!["SKU", *Words::new("Title", "标题").get(language)];
    headers.extend(PRINTED.iter().map(|m| m.label_in(language)));
    let rows: Vec<Vec<String>> = skus
        .iter()
        .map(|row| {
            let mut cells = vec![
                row.sku.clone().unwrap_or_else(|| row.key.clone()),
                short(&row.title),
            ];
            cells.extend(
                PRINTED
                    .iter()
                    .map(|m| figure(&row.figures, *m, settings, &report.review.currency)),
            );
            cells
        })
        .collect();
    table(&headers, &rows)
}

fn short(title: &str) -> String {
    crate::domain::text_width::truncate(title, 40)
}

/// The whole KPI dashboard: account, then every SKU, then the anomalies.
pub fn to_markdown(report: &WeekReport, settings: &Settings) -> String {
    let review = &report.review;
    let language = settings.language;
    let skus: Vec<&SkuRow> = review.skus.iter().collect();
    let mut out = format!("# {} — {}\n\n", say(language, "KPIs", "KPI"), review.week);
    out.push_str(&notices(&report.notices, language));
    out.push_str(&account_table(report, settings));
    let _ = write!(out, "\n## {}\n\n", say(language, "SKUs", "SKU"));
    out.push_str(&sku_table(&skus, report, settings));
    let _ = writeln!(out, "\n{}", legend(language));
    super::diagnosis_md::anomalies(&mut out, report, None, None, language);
    out.push_str(&super::supply::markdown(report, language));
    out.push_str(&super::supply::calendar_markdown(
        settings,
        MeetingWeek::reviewing(review.week).monday(),
    ));
    super::diagnosis_md::voice(&mut out, report, language);
    out
}

/// What the marks in a Markdown table mean.
pub fn legend(language: Language) -> &'static str {
    Words::new(
        "✔ on target · ▲ watch · ✖ breach · (change since last week) · — missing input",
        "✔ 达标 · ▲ 关注 · ✖ 超标 · （较上周变化） · — 缺少数据",
    )
    .get(language)
}
