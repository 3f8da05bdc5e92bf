//! `opsdeck check` output: a plain-text summary for people and a JSON
//! document whose field names are a contract for scripts.

use std::fmt::Write as _;

use serde::Serialize;

use crate::domain::format::date_span;
use crate::domain::money::{Money, currency_symbol};
use crate::domain::settings::Language;
use crate::domain::words::{ERROR, WARNING, say};
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
    /// The first and last day the rows are dated (`YYYY-MM-DD`).
    #[serde(skip_serializing_if = "Option::is_none")]
    first_day: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    last_day: Option<String>,
    warnings: Vec<&'a str>,
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
                message: error.message.en.clone(),
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
        first_day: file.span.map(|(first, _)| first.to_string()),
        last_day: file.span.map(|(_, last)| last.to_string()),
        warnings: file.warnings.iter().map(|w| w.en.as_str()).collect(),
    }
}

/// The check report's files as text for stdout, a block per file.
pub fn to_text(report: &CheckReport, language: Language) -> String {
    let mut out = String::new();
    for file in &report.files {
        write_file(&mut out, file, language);
    }
    out
}

/// The one-line verdict that ends the text report.
pub fn verdict(report: &CheckReport, language: Language) -> String {
    let mut out = String::new();
    let read = report.files.len();
    let _ = match (report.errors.len(), language) {
        (0, Language::English) => writeln!(out, "{} read, no errors.", plural(read, "file")),
        (errors, Language::English) => writeln!(
            out,
            "{} read, {}.",
            plural(read, "file"),
            plural(errors, "error")
        ),
        (0, Language::Chinese) => writeln!(out, "读取 {read} 个文件，没有错误。"),
        (errors, Language::Chinese) => writeln!(out, "读取 {read} 个文件，{errors} 个错误。"),
    };
    out
}

/// The errors as text for stderr, one paragraph each.
pub fn errors_text(report: &CheckReport, language: Language) -> String {
    let mut out = String::new();
    for error in &report.errors {
        let _ = writeln!(
            out,
            "{}{}",
            ERROR.get(language),
            error.in_language(language)
        );
    }
    out
}

fn write_file(out: &mut String, file: &FileCheck, language: Language) {
    let _ = writeln!(out, "{}", file.path.display());
    let counted = |n: usize, en: &str, zh: &str| match language {
        Language::English => plural(n, en),
        Language::Chinese => format!("{} {zh}", grouped(i64::try_from(n).unwrap_or(i64::MAX))),
    };
    let mut facts = vec![file.kind.name().to_owned(), counted(file.rows, "row", "行")];
    if file.skus > 0 {
        facts.push(counted(file.skus, "SKU", "个 SKU"));
    }
    if file.child_asins > 0 {
        facts.push(counted(file.child_asins, "child ASIN", "个子 ASIN"));
    }
    facts.extend(file.currency.clone());
    let _ = writeln!(out, "  {}", facts.join(" · "));
    let totals = totals_line(file, language);
    if !totals.is_empty() {
        let _ = writeln!(out, "  {totals}");
    }
    if let Some((first, last)) = file.span {
        let days = (last - first).num_days() + 1;
        let span = date_span(first, last, language);
        let _ = match language {
            Language::English => writeln!(out, "  dates {span} ({days} days)"),
            Language::Chinese => writeln!(out, "  日期 {span}（{days} 天）"),
        };
    }
    for warning in &file.warnings {
        let _ = writeln!(out, "  {}{}", WARNING.get(language), warning.get(language));
    }
    out.push('\n');
}

fn totals_line(file: &FileCheck, language: Language) -> String {
    let t = &file.totals;
    let l = language;
    let symbol = currency_symbol(file.currency.as_deref().unwrap_or("USD"));
    let money = |label: &str, amount: Option<Money>| amount.map(|m| format!("{label} {symbol}{m}"));
    let count = |label: &str, n: Option<i64>| n.map(|n| format!("{label} {}", grouped(n)));
    let ad_sales = match (file.attribution_days, l) {
        (None, _) => say(l, "ad sales", "广告销售额").to_owned(),
        (Some(days), Language::English) => format!("ad sales ({days}-day)"),
        (Some(days), Language::Chinese) => format!("广告销售额（{days} 天归因）"),
    };
    [
        count(say(l, "units", "销量"), t.units),
        money(say(l, "sales", "销售额"), t.sales),
        count(say(l, "orders", "订单"), t.orders),
        count(say(l, "sessions", "访问量"), t.sessions),
        count(say(l, "page views", "页面浏览"), t.page_views),
        money(say(l, "ad spend", "广告花费"), t.ad_spend),
        money(&ad_sales, t.ad_sales),
        count(say(l, "impressions", "曝光"), t.impressions),
        count(say(l, "clicks", "点击"), t.clicks),
        count(say(l, "available", "可售"), t.available_units),
        count(say(l, "inbound", "在途"), t.inbound_units),
        count(say(l, "returned", "退货"), t.returned_units),
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
    use crate::domain::words::Said;
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
                span: None,
                warnings: vec![Said::both("1 rows dated outside", "1 行日期不在")],
            }],
            errors: vec![ImportError::at(
                &PathBuf::from("x.csv"),
                2,
                Some(3),
                crate::domain::words::Said::both("bad", "坏"),
            )],
            language: None,
            fx: None,
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
        let text = to_text(&report(), Language::English) + &verdict(&report(), Language::English);
        assert!(
            text.contains("business_report · 3 rows · 3 SKUs · 2 child ASINs · USD"),
            "{text}"
        );
        assert!(
            text.contains("units 1,234 · sales $1,234.56 · sessions 10"),
            "{text}"
        );
        assert!(text.ends_with("1 file read, 1 error.\n"), "{text}");
        assert_eq!(
            errors_text(&report(), Language::English),
            "error: x.csv:2:3: bad\n"
        );
        assert_eq!(
            errors_text(&report(), Language::Chinese),
            "错误：x.csv:2:3: 坏\n"
        );
    }
}
