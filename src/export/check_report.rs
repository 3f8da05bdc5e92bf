//! `opsdeck check` output: a plain-text summary for people and a JSON
//! document whose field names are a contract for scripts.

use std::fmt::Write as _;

use serde::Serialize;

use crate::domain::money::{Money, currency_symbol};
use crate::import::check::{CheckReport, FileCheck};

#[derive(Serialize)]
struct ReportJson<'a> {
    files: Vec<FileJson<'a>>,
    errors: Vec<ErrorJson>,
}

#[derive(Serialize)]
struct FileJson<'a> {
    path: String,
    kind: &'static str,
    rows: usize,
    skus: usize,
    child_asins: usize,
    currency: Option<&'a str>,
    /// The days after a click an ads report attributes its sales to (7 or 14).
    #[serde(skip_serializing_if = "Option::is_none")]
    ad_attribution_days: Option<u8>,
    totals: TotalsJson,
    warnings: &'a [String],
}

#[derive(Serialize)]
struct TotalsJson {
    units: Option<i64>,
    sales: Option<f64>,
    orders: Option<i64>,
    sessions: Option<i64>,
    page_views: Option<i64>,
    ad_spend: Option<f64>,
    ad_sales: Option<f64>,
    impressions: Option<i64>,
    clicks: Option<i64>,
    available_units: Option<i64>,
    inbound_units: Option<i64>,
    returned_units: Option<i64>,
}

#[derive(Serialize)]
struct ErrorJson {
    path: String,
    line: Option<u64>,
    column: Option<u64>,
    message: String,
}

/// The check report as pretty-printed JSON.
pub fn to_json(report: &CheckReport) -> String {
    let json = ReportJson {
        files: report.files.iter().map(file_json).collect(),
        errors: report
            .errors
            .iter()
            .map(|error| ErrorJson {
                path: error.path.display().to_string(),
                line: error.line,
                column: error.column,
                message: error.message.clone(),
            })
            .collect(),
    };
    serde_json::to_string_pretty(&json).unwrap_or_default() + "\n"
}

fn file_json(file: &FileCheck) -> FileJson<'_> {
    let totals = &file.totals;
    let money = |amount: Option<Money>| amount.map(Money::to_f64);
    FileJson {
        path: file.path.display().to_string(),
        kind: file.kind.name(),
        rows: file.rows,
        skus: file.skus,
        child_asins: file.child_asins,
        currency: file.currency.as_deref(),
        ad_attribution_days: file.attribution_days,
        totals: TotalsJson {
            units: totals.units,
            sales: money(totals.sales),
            orders: totals.orders,
            sessions: totals.sessions,
            page_views: totals.page_views,
            ad_spend: money(totals.ad_spend),
            ad_sales: money(totals.ad_sales),
            impressions: totals.impressions,
            clicks: totals.clicks,
            available_units: totals.available_units,
            inbound_units: totals.inbound_units,
            returned_units: totals.returned_units,
        },
        warnings: &file.warnings,
    }
}

/// The check report's files as text for stdout, a block per file.
pub fn to_text(report: &CheckReport) -> String {
    let mut out = String::new();
    for file in &report.files {
        write_file(&mut out, file);
    }
    out
}

/// The one-line verdict that ends the text report.
pub fn verdict(report: &CheckReport) -> String {
    let mut out = String::new();
    let files = plural(report.files.len(), "file");
    let _ = match report.errors.len() {
        0 => writeln!(out, "{files} read, no errors."),
        errors => writeln!(out, "{files} read, {}.", plural(errors, "error")),
    };
    out
}

/// The errors as text for stderr, one paragraph each.
pub fn errors_text(report: &CheckReport) -> String {
    let mut out = String::new();
    for error in &report.errors {
        let _ = writeln!(out, "error: {error}");
    }
    out
}

fn write_file(out: &mut String, file: &FileCheck) {
    let _ = writeln!(out, "{}", file.path.display());
    let mut facts = vec![file.kind.name().to_owned(), plural(file.rows, "row")];
    if file.skus > 0 {
        facts.push(plural(file.skus, "SKU"));
    }
    if file.child_asins > 0 {
        facts.push(plural(file.child_asins, "child ASIN"));
    }
    facts.extend(file.currency.clone());
    let _ = writeln!(out, "  {}", facts.join(" · "));
    let totals = totals_line(file);
    if !totals.is_empty() {
        let _ = writeln!(out, "  {totals}");
    }
    for warning in &file.warnings {
        let _ = writeln!(out, "  warning: {warning}");
    }
    out.push('\n');
}

fn totals_line(file: &FileCheck) -> String {
    let t = &file.totals;
    let symbol = currency_symbol(file.currency.as_deref().unwrap_or("USD"));
    let money = |label: &str, amount: Option<Money>| amount.map(|m| format!("{label} {symbol}{m}"));
    let count = |label: &str, n: Option<i64>| n.map(|n| format!("{label} {}", grouped(n)));
    [
        count("units", t.units),
        money("sales", t.sales),
        count("orders", t.orders),
        count("sessions", t.sessions),
        count("page views", t.page_views),
        money("ad spend", t.ad_spend),
        money(
            &file.attribution_days.map_or_else(
                || "ad sales".to_owned(),
                |days| format!("ad sales ({days}-day)"),
            ),
            t.ad_sales,
        ),
        count("impressions", t.impressions),
        count("clicks", t.clicks),
        count("available", t.available_units),
        count("inbound", t.inbound_units),
        count("returned", t.returned_units),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(" · ")
}

fn plural(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{} {noun}s", grouped(i64::try_from(n).unwrap_or(i64::MAX)))
    }
}

/// `1234567` → `1,234,567`.
pub fn grouped(n: i64) -> String {
    let text = Money::from_cents(n.saturating_mul(100)).to_string();
    text.trim_end_matches(".00").to_owned()
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use super::*;
    use crate::domain::report::{ReportKind, Totals};
    use crate::import::error::ImportError;

    fn report() -> CheckReport {
        CheckReport {
            files: vec![FileCheck {
                path: PathBuf::from("weeks/2026-W47/br.csv"),
                kind: ReportKind::BusinessReport,
                rows: 3,
                skus: 3,
                child_asins: 2,
                currency: Some("USD".into()),
                totals: Totals {
                    units: Some(1234),
                    sales: Some(Money::from_cents(123_456)),
                    sessions: Some(10),
                    ..Totals::default()
                },
                attribution_days: None,
                warnings: vec!["1 rows dated outside".into()],
            }],
            errors: vec![ImportError::at(&PathBuf::from("x.csv"), 2, Some(3), "bad")],
        }
    }

    #[test]
    fn json_has_every_contract_field() {
        let json: serde_json::Value = serde_json::from_str(&to_json(&report())).unwrap();
        let file = &json["files"][0];
        assert_eq!(file["kind"], "business_report");
        assert_eq!(file["totals"]["sales"], 1234.56);
        assert!(file["totals"]["ad_spend"].is_null());
        assert_eq!(json["errors"][0]["line"], 2);
        assert_eq!(json["errors"][0]["column"], 3);
    }

    #[test]
    fn text_reads_as_a_summary() {
        let text = to_text(&report()) + &verdict(&report());
        assert!(
            text.contains("business_report · 3 rows · 3 SKUs · 2 child ASINs · USD"),
            "{text}"
        );
        assert!(
            text.contains("units 1,234 · sales $1,234.56 · sessions 10"),
            "{text}"
        );
        assert!(text.ends_with("1 file read, 1 error.\n"), "{text}");
        assert_eq!(errors_text(&report()), "error: x.csv:2:3: bad\n");
    }
}
