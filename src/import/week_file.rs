//! A week's optional `week.toml`: account-level figures that have no
//! download (ODR, IPI) and per-ASIN BSR and star ratings.

use crate::domain::words::Said;
use std::collections::BTreeMap;
use std::path::Path;

use serde::Deserialize;

use crate::domain::facts::WeekFigures;

use super::error::ImportError;
use super::toml_file::{parse_toml, read_text};

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct WeekFile {
    odr: Option<f64>,
    ipi: Option<f64>,
    #[serde(default)]
    bsr: BTreeMap<String, i64>,
    #[serde(default)]
    rating: BTreeMap<String, f64>,
    /// This week's exchange rates, overriding `opsdeck.toml`'s `[fx]`.
    #[serde(default)]
    fx: BTreeMap<String, f64>,
}

/// Reads and validates a `week.toml`.
pub fn read_week_file(path: &Path) -> Result<WeekFigures, ImportError> {
    parse_week_file(path, &read_text(path)?)
}

/// Parses the text of a `week.toml`.
pub fn parse_week_file(path: &Path, text: &str) -> Result<WeekFigures, ImportError> {
    let file: WeekFile = parse_toml(path, text)?;
    if file.odr.is_some_and(|odr| !(0.0..=1.0).contains(&odr)) {
        return Err(ImportError::file(
            path,
            Said::both(
                "`odr` must be a fraction such as 0.004 (0.4 %); fix the value",
                "`odr` 必须是小数，如 0.004（0.4%）；请修改数值",
            ),
        ));
    }
    if let Some((asin, _)) = file.rating.iter().find(|(_, r)| !(1.0..=5.0).contains(*r)) {
        return Err(ImportError::file(
            path,
            Said::both(
                format!("the rating of {asin} must be between 1 and 5 stars; fix the value"),
                format!("{asin} 的评分必须在 1 到 5 星之间；请修改数值"),
            ),
        ));
    }
    check_rates(path, &file.fx)?;
    Ok(WeekFigures {
        odr: file.odr,
        ipi: file.ipi,
        bsr: file.bsr,
        rating: file.rating,
        fx: file.fx,
    })
}

/// Every rate of an `[fx]` table is a positive number.
pub fn check_rates(path: &Path, rates: &BTreeMap<String, f64>) -> Result<(), ImportError> {
    match rates
        .iter()
        .find(|(_, rate)| !(rate.is_finite() && **rate > 0.0))
    {
        Some((currency, rate)) => Err(ImportError::file(
            path,
            Said::both(
                format!(
                    "[fx] {currency} = {rate}: a rate is the value of one {currency} in the \
                     reporting currency, a number above 0; fix the value"
                ),
                format!(
                    "[fx] {currency} = {rate}：汇率是 1 {currency} 折合多少报告货币，必须大于 0；\
                     请修改数值"
                ),
            ),
        )),
        None => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_account_figures_and_tables() {
        let text = "odr = 0.004\nipi = 550\n[bsr]\nB0C1234567 = 3120\n[rating]\nB0C1234567 = 4.4\n";
        let figures = parse_week_file(Path::new("week.toml"), text).unwrap();
        assert_eq!(figures.ipi, Some(550.0));
        assert_eq!(figures.bsr["B0C1234567"], 3120);
    }

    #[test]
    fn a_weeks_rates_are_read_and_checked() {
        let figures = parse_week_file(Path::new("week.toml"), "[fx]\nEUR = 1.08\n").unwrap();
        assert!((figures.fx["EUR"] - 1.08).abs() < f64::EPSILON);
        assert!(parse_week_file(Path::new("week.toml"), "[fx]\nEUR = 0\n").is_err());
    }

    #[test]
    fn a_percentage_odr_is_refused() {
        assert!(parse_week_file(Path::new("week.toml"), "odr = 4\n").is_err());
    }

    #[test]
    fn unknown_keys_name_their_line() {
        let error = parse_week_file(Path::new("week.toml"), "odr = 0.1\nipl = 3\n").unwrap_err();
        assert_eq!(error.line, Some(2));
    }
}
