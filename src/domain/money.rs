//! Amounts of money as exact integer cents, so sums over thousands of rows
//! match the files to the cent. Pure: std only.

use std::fmt;
use std::iter::Sum;
use std::ops::{Add, AddAssign, Sub};

/// An amount in minor units (cents, pence, paise; whole yen count as
/// hundredths as well, so every currency shares one scale).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Money(i64);

impl Money {
    pub const ZERO: Money = Money(0);

    /// An amount given in hundredths of the currency unit.
    pub const fn from_cents(cents: i64) -> Self {
        Money(cents)
    }

    /// An amount given as a float (a spreadsheet cell), rounded to the cent.
    #[allow(clippy::cast_possible_truncation)]
    pub fn from_units_f64(units: f64) -> Self {
        Money((units * 100.0).round() as i64)
    }

    pub const fn cents(self) -> i64 {
        self.0
    }

    /// The amount in currency units, for ratios and JSON output.
    #[allow(clippy::cast_precision_loss)]
    pub fn to_f64(self) -> f64 {
        self.0 as f64 / 100.0
    }
}

impl Add for Money {
    type Output = Money;
    fn add(self, other: Money) -> Money {
        Money(self.0.saturating_add(other.0))
    }
}

impl Sub for Money {
    type Output = Money;
    fn sub(self, other: Money) -> Money {
        Money(self.0.saturating_sub(other.0))
    }
}

impl AddAssign for Money {
    fn add_assign(&mut self, other: Money) {
        *self = *self + other;
    }
}

impl Sum for Money {
    fn sum<I: Iterator<Item = Money>>(iter: I) -> Money {
        iter.fold(Money::ZERO, Add::add)
    }
}

impl fmt::Display for Money {
    /// `1234.5` dollars prints as `1,234.50`; the currency symbol is the caller's.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sign = if self.0 < 0 { "-" } else { "" };
        let cents = self.0.unsigned_abs();
        let units = (cents / 100).to_string();
        let mut grouped = String::with_capacity(units.len() + units.len() / 3);
        for (i, digit) in units.chars().enumerate() {
            if i > 0 && (units.len() - i).is_multiple_of(3) {
                grouped.push(',');
            }
            grouped.push(digit);
        }
        write!(f, "{sign}{grouped}.{:02}", cents % 100)
    }
}

/// The symbol people expect before an amount in `currency` (an ISO code);
/// an unknown code is shown as itself with a space.
pub fn currency_symbol(currency: &str) -> String {
    match currency {
        "USD" => "$".to_owned(),
        "GBP" => "£".to_owned(),
        "EUR" => "€".to_owned(),
        "JPY" | "CNY" => "¥".to_owned(),
        "INR" => "₹".to_owned(),
        "CAD" => "C$".to_owned(),
        "AUD" => "A$".to_owned(),
        other => format!("{other} "),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prints_with_grouping_and_two_decimals() {
        assert_eq!(Money::from_cents(123_456_789).to_string(), "1,234,567.89");
        assert_eq!(Money::from_cents(-5).to_string(), "-0.05");
        assert_eq!(Money::from_cents(100_000).to_string(), "1,000.00");
    }

    #[test]
    fn rounds_floats_to_the_cent() {
        assert_eq!(Money::from_units_f64(0.556_666_7).cents(), 56);
        assert_eq!(Money::from_units_f64(16.12).cents(), 1612);
    }
}
