//! `opsdeck kpis --format csv`: one line per row and metric (long format),
//! ready for a spreadsheet's pivot table. Ratios are fractions.

use crate::domain::metric::Metric;
use crate::domain::review::Figures;
use crate::domain::settings::Settings;
use crate::domain::week_report::WeekReport;

use super::csv_row::write_row;

/// The KPIs as CSV: `week,sku,asin,metric,value,previous,change,target,status`.
pub fn to_csv(report: &WeekReport, settings: &Settings) -> String {
    let review = &report.review;
    let mut writer = csv::Writer::from_writer(Vec::new());
    let _ = writer.write_record([
        "week", "sku", "asin", "metric", "value", "previous", "change", "target", "status",
    ]);
    let week = review.week.to_string();
    let mut write = |sku: &str, asin: &str, figures: &Figures| {
        for metric in Metric::ALL {
            let cell = figures.cell(metric, settings);
            let number = |v: Option<f64>| v.map(|v| v.to_string()).unwrap_or_default();
            let _ = write_row(
                &mut writer,
                &[
                    week.as_str(),
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
    write("", "", &review.account);
    for row in &review.skus {
        write(
            row.sku.as_deref().unwrap_or(&row.key),
            &row.asin,
            &row.figures,
        );
    }
    writer
        .into_inner()
        .map(|bytes| String::from_utf8_lossy(&bytes).into_owned())
        .unwrap_or_default()
}
