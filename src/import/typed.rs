//! Typed reading of a row's cells: counts, money, ratios, dates. Text cells
//! go through `numbers`/`dates`; spreadsheet cells are already numbers.

use crate::domain::words::Words;
use chrono::NaiveDate;

use crate::domain::money::Money;

use super::dates::{DateCache, from_excel_serial};
use std::sync::atomic::Ordering;

use super::numbers::{Decimal, Separators, currency_of, is_missing, parse_decimal_in};
use super::rows::{Cell, CellError, Row};

/// A numeric cell, read once: a spreadsheet number or parsed text.
enum Value {
    Missing,
    Number(f64),
    Decimal(Decimal),
}

/// What a negative sales, returns or ads figure is told.
const NOT_NEGATIVE: Words = Words::new(
    "a figure of 0 or more (sales, returns and ads reports have no negative figures: a refund \
     is not counted here; download the report again)",
    "0 或以上的数值（销售、退货和广告报告没有负数：退款不计在此；请重新下载报告）",
);

impl Row<'_> {
    fn value(&self, column: usize, expected: Words) -> Result<Value, CellError> {
        match self.cell(column) {
            Cell::Missing => Ok(Value::Missing),
            Cell::Number(value) => Ok(Value::Number(value)),
            Cell::Text(bytes) => {
                // What the column's earlier cells showed decides `1.234`; a decimal comma is kept.
                let style = self.styles.get(column);
                let known = || {
                    style.map_or(Separators::Unknown, |s| {
                        Separators::from_u8(s.load(Ordering::Relaxed))
                    })
                };
                match parse_decimal_in(bytes, known) {
                    Ok((decimal, shown)) => {
                        if let (Some(style), Separators::European) = (style, shown) {
                            style.store(shown as u8, Ordering::Relaxed);
                        }
                        Ok(decimal.map_or(Value::Missing, Value::Decimal))
                    }
                    Err(_) => Err(self.error(column, expected)),
                }
            }
        }
    }

    /// A whole number. Missing stays missing.
    pub fn count(&self, column: usize) -> Result<Option<i64>, CellError> {
        const EXPECTED: Words = Words::new("a whole number", "整数");
        let whole = match self.value(column, EXPECTED)? {
            Value::Missing => return Ok(None),
            Value::Number(value) => whole(value),
            Value::Decimal(decimal) => decimal.to_integer(),
        };
        whole.map(Some).ok_or_else(|| self.error(column, EXPECTED))
    }

    /// A count of what a sales, returns or ads report counts: never negative
    /// (a negative one is refused, not read as a refund).
    pub fn tally(&self, column: usize) -> Result<Option<i64>, CellError> {
        let count = self.count(column)?;
        if count.is_some_and(|n| n < 0) {
            return Err(self.error(column, NOT_NEGATIVE));
        }
        Ok(count)
    }

    /// `tally` where a missing cell (or column) means zero.
    pub fn tally_or_zero(&self, column: Option<usize>) -> Result<i64, CellError> {
        Ok(match column {
            Some(column) => self.tally(column)?.unwrap_or(0),
            None => 0,
        })
    }

    /// An amount a sales or ads report gives (sales, spend): never negative.
    pub fn takings(&self, column: usize) -> Result<Option<Money>, CellError> {
        let amount = self.money(column)?;
        if amount.is_some_and(|m| m < Money::ZERO) {
            return Err(self.error(column, NOT_NEGATIVE));
        }
        Ok(amount)
    }

    /// A count where a missing cell means zero (optional inventory buckets).
    pub fn count_or_zero(&self, column: Option<usize>) -> Result<i64, CellError> {
        Ok(match column {
            Some(column) => self.count(column)?.unwrap_or(0),
            None => 0,
        })
    }

    /// An amount of money, rounded to the cent.
    pub fn money(&self, column: usize) -> Result<Option<Money>, CellError> {
        const EXPECTED: Words =
            Words::new("an amount of money such as $1,234.56", "金额，如 $1,234.56");
        match self.value(column, EXPECTED)? {
            Value::Missing => Ok(None),
            Value::Number(value) => Ok(value.is_finite().then(|| Money::from_units_f64(value))),
            Value::Decimal(d) if d.percent => Err(self.error(column, EXPECTED)),
            Value::Decimal(d) => Ok(Some(Money::from_cents(d.round_to(2)))),
        }
    }

    /// A ratio as a fraction: `12.34%` and a spreadsheet's `0.1234` both give 0.1234.
    pub fn ratio(&self, column: usize) -> Result<Option<f64>, CellError> {
        self.fraction(
            column,
            Words::new("a percentage such as 12.34%", "百分比，如 12.34%"),
        )
    }

    /// A plain decimal number (days of supply); missing or `Infinite` is `None`.
    pub fn number(&self, column: usize) -> Result<Option<f64>, CellError> {
        self.fraction(column, Words::new("a number", "数字"))
    }

    fn fraction(&self, column: usize, expected: Words) -> Result<Option<f64>, CellError> {
        Ok(match self.value(column, expected)? {
            Value::Missing => None,
            Value::Number(value) => value.is_finite().then_some(value),
            Value::Decimal(decimal) => Some(decimal.to_f64()),
        })
    }

    /// A date in any of Amazon's formats; an unreadable date is an error.
    pub fn date(
        &self,
        column: usize,
        cache: &mut DateCache,
    ) -> Result<Option<NaiveDate>, CellError> {
        const EXPECTED: Words = Words::new(
            "a date such as Nov 16, 2026, 11/16/2026 or 2026-11-16",
            "日期，如 Nov 16, 2026、11/16/2026 或 2026-11-16",
        );
        match self.cell(column) {
            Cell::Missing => Ok(None),
            Cell::Number(serial) => from_excel_serial(serial)
                .map(Some)
                .ok_or_else(|| self.error(column, EXPECTED)),
            Cell::Text(bytes) if is_missing(bytes) => Ok(None),
            Cell::Text(_) => cache
                .parse(&self.text(column))
                .map(Some)
                .ok_or_else(|| self.error(column, EXPECTED)),
        }
    }

    /// The ISO currency named by a money cell's symbol, if it has one.
    pub fn currency(&self, column: usize) -> Option<&'static str> {
        match self.cell(column) {
            Cell::Text(bytes) => currency_of(bytes),
            Cell::Missing | Cell::Number(_) => None,
        }
    }
}

#[allow(clippy::cast_possible_truncation, clippy::float_cmp)]
fn whole(value: f64) -> Option<i64> {
    (value.is_finite() && value.fract() == 0.0 && value.abs() < 9e15).then_some(value as i64)
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::super::table::Table;
    use super::*;

    fn first_row<T>(csv: &str, mut read: impl FnMut(&Row<'_>) -> T) -> T {
        let table = Table::from_bytes(Path::new("t.csv"), csv.as_bytes()).unwrap();
        let mut out = None;
        table
            .for_each_row(|row| {
                out.get_or_insert_with(|| read(row));
                Ok(())
            })
            .unwrap();
        out.unwrap()
    }

    #[test]
    fn counts_money_and_ratios_from_text() {
        let csv = "units,sales,share\n\"1,091\",\"£12,897.84\",2.64%\n";
        assert_eq!(first_row(csv, |r| r.count(0)), Ok(Some(1091)));
        assert_eq!(
            first_row(csv, |r| r.money(1)),
            Ok(Some(Money::from_cents(1_289_784)))
        );
        assert_eq!(first_row(csv, |r| r.currency(1)), Some("GBP"));
        let share = first_row(csv, |r| r.ratio(2)).unwrap().unwrap();
        assert!((share - 0.0264).abs() < 1e-12);
    }

    #[test]
    fn fractional_units_are_errors() {
        let error = first_row("units\n4.5\n", |r| r.count(0)).unwrap_err();
        assert!(
            error.message.en.contains("whole number"),
            "{}",
            error.message.en
        );
    }

    #[test]
    fn a_percentage_is_not_money() {
        assert!(first_row("sales\n5%\n", |r| r.money(0)).is_err());
    }

    #[test]
    fn dates_and_missing_dates() {
        let mut cache = DateCache::default();
        let date = first_row("d\n\"Nov 16, 2018\"\n", |r| {
            r.date(0, &mut DateCache::default())
        });
        assert_eq!(date, Ok(NaiveDate::from_ymd_opt(2018, 11, 16)));
        assert_eq!(first_row("d,x\n,1\n", |r| r.date(0, &mut cache)), Ok(None));
        assert!(first_row("d\nsoon\n", |r| r.date(0, &mut DateCache::default())).is_err());
    }
}
