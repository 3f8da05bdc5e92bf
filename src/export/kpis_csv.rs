//! `opsdeck kpis --format csv`: one line per row and metric (long format),
//! ready for a spreadsheet's pivot table. Ratios are fractions. The
//! replenishment schedule follows as `replenishment_*` lines, one group per
//! stock pool named by the SKU it orders as and the pool's ASIN, its status
//! in the status column, `replenishment_order_by` and `replenishment_arrives` dates.

use crate::domain::marketplace::split_key;
use crate::domain::metric::Metric;
use crate::domain::replenishment::SupplyLine;
use crate::domain::review::Figures;
use crate::domain::settings::Settings;
use crate::domain::week_report::WeekReport;

use super::csv_row::write_row;

/// The KPIs as CSV:
/// `week,marketplace,sku,asin,metric,value,previous,change,target,status`
/// (the account's lines have no marketplace, SKU or ASIN).
pub fn to_csv(report: &WeekReport, settings: &Settings) -> String {
    let review = &report.review;
    let mut writer = csv::Writer::from_writer(Vec::new());
    let _ = writer.write_record([
        "week",
        "marketplace",
        "sku",
        "asin",
        "metric",
        "value",
        "previous",
        "change",
        "target",
        "status",
    ]);
    let week = review.week.to_string();
    let marketplace = |key: &str| review.marketplace_of(key).unwrap_or_default();
    let mut write = |market: &str, sku: &str, asin: &str, figures: &Figures| {
        for metric in Metric::ALL {
            let cell = figures.cell(metric, settings);
            let _ = write_row(
                &mut writer,
                &[
                    week.as_str(),
                    market,
                    sku,
                    asin,
                    metric.name(),
                    &number(cell.value),
                    &number(cell.previous),
                    &number(cell.change),
                    &number(cell.target.map(crate::domain::judgement::Target::headline)),
                    cell.status.name(),
                ],
            );
        }
    };
    write("", "", "", &review.account);
    for row in &review.skus {
        write(
            marketplace(&row.key),
            row.sku.as_deref().unwrap_or(split_key(&row.key).1),
            &row.asin,
            &row.figures,
        );
    }
    // A line is named as its SKU's row is, with the row's ASIN.
    let rows: std::collections::HashMap<&str, (&str, &str)> = review
        .skus
        .iter()
        .map(|row| {
            let name = row.sku.as_deref().unwrap_or(split_key(&row.key).1);
            (row.key.as_str(), (name, row.asin.as_str()))
        })
        .collect();
    for line in &report.supply {
        let (sku, asin) = rows.get(line.key.as_str()).copied().unwrap_or(("", ""));
        let figures = supply_figures(line);
        for (name, value) in figures {
            let _ = write_row(
                &mut writer,
                &[
                    week.as_str(),
                    marketplace(&line.key),
                    sku,
                    asin,
                    name,
                    &value,
                    "",
                    "",
                    "",
                    line.status.name(),
                ],
            );
        }
    }
    writer
        .into_inner()
        .map(|bytes| String::from_utf8_lossy(&bytes).into_owned())
        .unwrap_or_default()
}

/// A supply line's figures, each with its `replenishment_*` name.
#[allow(clippy::cast_precision_loss)] // unit counts
fn supply_figures(line: &SupplyLine) -> [(&'static str, String); 12] {
    [
        (
            "replenishment_available",
            number(Some(line.available as f64)),
        ),
        ("replenishment_reserved", number(Some(line.reserved as f64))),
        ("replenishment_inbound", number(Some(line.inbound as f64))),
        ("replenishment_upstream", number(Some(line.upstream as f64))),
        ("replenishment_velocity", number(Some(line.velocity))),
        (
            "replenishment_velocity_uncleaned",
            number(Some(line.velocity_uncleaned)),
        ),
        ("replenishment_cover_days", number(line.cover_days)),
        (
            "replenishment_lead_time_days",
            number(Some(line.lead_time_days())),
        ),
        (
            "replenishment_order_by",
            line.order_by.map(|d| d.to_string()).unwrap_or_default(),
        ),
        (
            "replenishment_suggested_units",
            number(Some(line.suggested_units as f64)),
        ),
        (
            "replenishment_air_units",
            number(Some(line.air_units as f64)),
        ),
        (
            "replenishment_arrives",
            line.arrives.map(|d| d.to_string()).unwrap_or_default(),
        ),
    ]
}

/// A figure as the CSV writes it: empty when missing.
fn number(value: Option<f64>) -> String {
    value.map(|v| v.to_string()).unwrap_or_default()
}
