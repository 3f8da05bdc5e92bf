//! `opsdeck kpis --format json`: the week's KPIs, anomalies, customer voice
//! and replenishment schedule. Field names are a contract; ratios are
//! fractions (0.25), not percent.

use std::collections::BTreeMap;
use std::io::{self, Write};

use serde::Serialize;

use crate::domain::metric::Metric;
use crate::domain::review::{Figures, MetricCell};
use crate::domain::settings::{Language, Settings};
use crate::domain::week_report::WeekReport;

use super::supply_json::SupplyRows;

#[derive(Serialize)]
struct KpisJson<'a> {
    schema: u32,
    week: String,
    previous_week: Option<String>,
    currency: &'a str,
    /// The days after a click the ads reports attribute sales to (7 or 14).
    ad_attribution_days: Option<u8>,
    /// What a reader of these figures must know (rows left out, files counted once).
    notices: Vec<&'a str>,
    account: BTreeMap<&'static str, CellJson>,
    skus: SkuRows<'a>,
    anomalies: AnomalyRows<'a>,
    voice: Vec<VoiceJson<'a>>,
    replenishment: SupplyRows<'a>,
    /// Each marketplace's account in its own currency, when the week merges several.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    marketplaces: BTreeMap<&'a str, MarketplaceJson<'a>>,
}

#[derive(Serialize)]
struct MarketplaceJson<'a> {
    currency: &'a str,
    account: BTreeMap<&'static str, CellJson>,
}

#[derive(Serialize)]
struct CellJson {
    value: Option<f64>,
    previous: Option<f64>,
    change: Option<f64>,
    target: Option<f64>,
    status: &'static str,
}

#[derive(Serialize)]
struct SkuJson<'a> {
    sku: &'a str,
    marketplace: Option<&'a str>,
    asin: &'a str,
    parent_asin: &'a str,
    title: &'a str,
    metrics: BTreeMap<&'static str, CellJson>,
}

#[derive(Serialize)]
struct AnomalyJson<'a> {
    rule: &'static str,
    severity: &'static str,
    sku: Option<&'a str>,
    asin: Option<&'a str>,
    metric: &'static str,
    value: Option<f64>,
    previous: Option<f64>,
    message: &'a str,
    evidence: Vec<&'a str>,
    checks: Vec<&'static str>,
    at_stake: f64,
}

#[derive(Serialize)]
struct VoiceJson<'a> {
    reason: String,
    code: &'a str,
    units: i64,
    skus: Vec<VoiceSkuJson<'a>>,
    comments: &'a [String],
}

#[derive(Serialize)]
struct VoiceSkuJson<'a> {
    sku: &'a str,
    units: i64,
}

/// Writes the report as pretty-printed JSON to `out` as it goes: a SKU row
/// or an anomaly is built when its turn comes and let go, so memory does
/// not hold the document.
pub fn write_json(
    report: &WeekReport,
    settings: &Settings,
    out: &mut impl Write,
) -> io::Result<()> {
    let review = &report.review;
    let json = KpisJson {
        schema: 1,
        week: review.week.to_string(),
        previous_week: review.previous_week.map(|w| w.to_string()),
        currency: &review.currency,
        ad_attribution_days: review.ad_attribution_days,
        notices: report.notices.iter().map(|n| n.en.as_str()).collect(),
        account: metrics(&review.account, settings),
        skus: SkuRows { report, settings },
        anomalies: AnomalyRows(report),
        voice: report
            .voice
            .iter()
            .map(|p| VoiceJson {
                reason: p.reason_in(Language::English),
                code: &p.code,
                units: p.units,
                skus: p
                    .skus
                    .iter()
                    .map(|(sku, units)| VoiceSkuJson { sku, units: *units })
                    .collect(),
                comments: &p.comments,
            })
            .collect(),
        replenishment: SupplyRows(report),
        marketplaces: report
            .marketplaces
            .iter()
            .map(|marketplace| {
                let json = MarketplaceJson {
                    currency: &marketplace.currency,
                    account: metrics(&marketplace.account, settings),
                };
                (marketplace.code.as_str(), json)
            })
            .collect(),
    };
    serde_json::to_writer_pretty(&mut *out, &json)?;
    out.write_all(b"\n")
}

/// The SKU rows, serialised one at a time.
struct SkuRows<'a> {
    report: &'a WeekReport,
    settings: &'a Settings,
}

impl Serialize for SkuRows<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let review = &self.report.review;
        serializer.collect_seq(review.skus.iter().map(|row| {
            SkuJson {
                sku: row
                    .sku
                    .as_deref()
                    .unwrap_or(crate::domain::marketplace::split_key(&row.key).1),
                marketplace: review.marketplace_of(&row.key),
                asin: &row.asin,
                parent_asin: &row.parent_asin,
                title: &row.title,
                metrics: metrics(&row.figures, self.settings),
            }
        }))
    }
}

/// The anomalies, serialised one at a time.
struct AnomalyRows<'a>(&'a WeekReport);

impl Serialize for AnomalyRows<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.0.anomalies.iter().map(|a| AnomalyJson {
            rule: a.rule.name(),
            severity: a.severity.name(),
            sku: a.sku.as_deref(),
            asin: a.asin.as_deref(),
            metric: a.metric.name(),
            value: a.value,
            previous: a.previous,
            message: &a.message.en,
            evidence: a.evidence.iter().map(|e| e.en.as_str()).collect(),
            checks: a.checks(Language::English),
            at_stake: a.at_stake,
        }))
    }
}

fn metrics(figures: &Figures, settings: &Settings) -> BTreeMap<&'static str, CellJson> {
    Metric::ALL
        .iter()
        .map(|&metric| (metric.name(), cell_json(figures.cell(metric, settings))))
        .collect()
}

fn cell_json(cell: MetricCell) -> CellJson {
    CellJson {
        value: cell.value,
        previous: cell.previous,
        change: cell.change,
        target: cell.target.map(crate::domain::judgement::Target::headline),
        status: cell.status.name(),
    }
}
