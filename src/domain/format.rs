//! How figures read to people: `$1,234`, `12.3%`, `+4.5 pts`, `1,091`.
//! Dates as people say them. Shared by messages, tables, Markdown and the
//! cockpit. Pure: std and chrono only.

use super::metric::{Metric, Unit};
use super::money::currency_symbol;
use super::settings::Language;

/// A date as people say it in a meeting: `Fri 4 Dec`, or `12月4日 周五`.
pub fn short_date(date: chrono::NaiveDate, language: Language) -> String {
    use chrono::Datelike;
    match language {
        Language::English => date.format("%a %-d %b").to_string(),
        Language::Chinese => {
            const WEEKDAYS: [&str; 7] = ["周一", "周二", "周三", "周四", "周五", "周六", "周日"];
            let weekday = WEEKDAYS[date.weekday().num_days_from_monday() as usize];
            format!("{}月{}日 {weekday}", date.month(), date.day())
        }
    }
}

/// The days from `first` to `last` with their year: once at the end (at the
/// start in Chinese) when both fall in one year, on each date when not —
/// `Sat 21 Sep 2024 – Sat 15 Feb 2025`, `2024年9月21日 周六 – 2025年2月15日 周六`.
pub fn date_span(first: chrono::NaiveDate, last: chrono::NaiveDate, language: Language) -> String {
    use chrono::Datelike;
    let (from, to) = (short_date(first, language), short_date(last, language));
    let (y1, y2) = (first.year(), last.year());
    match (language, y1 == y2) {
        (Language::English, true) => format!("{from} – {to} {y2}"),
        (Language::English, false) => format!("{from} {y1} – {to} {y2}"),
        (Language::Chinese, true) => format!("{y1}年{from} – {to}"),
        (Language::Chinese, false) => format!("{y1}年{from} – {y2}年{to}"),
    }
}

/// `1234567.8` → `1,234,568`.
#[allow(clippy::cast_possible_truncation)]
pub fn count(value: f64) -> String {
    let rounded = value.round() as i64;
    let digits = rounded.unsigned_abs().to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 1);
    if rounded < 0 {
        out.push('-');
    }
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(digit);
    }
    out
}

/// Money with its symbol; cents only below 1,000 (`$12.34`, `$1,234`).
pub fn money(value: f64, currency: &str) -> String {
    let symbol = currency_symbol(currency);
    let sign = if value < 0.0 { "-" } else { "" };
    let amount = value.abs();
    if amount < 1000.0 {
        format!("{sign}{symbol}{amount:.2}")
    } else {
        format!("{sign}{symbol}{}", count(amount))
    }
}

/// A fraction as a percentage with one decimal (two below 1 %, where CTR
/// and ODR live): `0.1234` → `12.3%`, `0.0042` → `0.42%`.
pub fn percent(fraction: f64) -> String {
    if fraction.is_infinite() {
        return "∞".to_owned();
    }
    if fraction != 0.0 && fraction.abs() < 0.01 {
        format!("{:.2}%", fraction * 100.0)
    } else {
        format!("{:.1}%", fraction * 100.0)
    }
}

/// A metric's value as people read it.
pub fn value(metric: Metric, value: f64, currency: &str) -> String {
    match metric.unit() {
        Unit::Money => money(value, currency),
        Unit::Count | Unit::Rank => count(value),
        Unit::Ratio => percent(value),
        Unit::Number => format!("{value:.1}"),
        Unit::Stars => format!("{value:.1}★"),
    }
}

/// A week-over-week change: `+12%` for amounts, `-2.1 pts` for ratios.
pub fn change(metric: Metric, change: f64) -> String {
    change_in(metric, change, Language::English)
}

/// A change in `language`: rates move by points (`+1.5 pts`, `+1.5 个百分点`).
pub fn change_in(metric: Metric, change: f64, language: Language) -> String {
    let points = match language {
        Language::English => "pts",
        Language::Chinese => "个百分点",
    };
    match metric.unit() {
        // Small rates (ODR) move by hundredths of a point.
        Unit::Ratio if (change * 100.0).abs() < 0.1 => format!("{:+.2} {points}", change * 100.0),
        Unit::Ratio => format!("{:+.1} {points}", change * 100.0),
        Unit::Stars => format!("{change:+.1}"),
        Unit::Money | Unit::Count | Unit::Number | Unit::Rank => {
            format!("{:+.0}%", change * 100.0)
        }
    }
}

/// The arrow of a week-over-week change: `↑`, `↓`, or a space when flat or unknown.
pub fn arrow(change: Option<f64>) -> &'static str {
    match change.filter(|c| c.abs() > 1e-9) {
        Some(change) if change > 0.0 => "↑",
        Some(_) => "↓",
        None => " ",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_span_over_new_year_gives_both_years() {
        let day = |y, m, d| chrono::NaiveDate::from_ymd_opt(y, m, d).unwrap();
        for (first, last, english, chinese) in [
            (
                day(2024, 9, 21),
                day(2025, 2, 15),
                "Sat 21 Sep 2024 – Sat 15 Feb 2025",
                "2024年9月21日 周六 – 2025年2月15日 周六",
            ),
            (
                day(2020, 2, 2),
                day(2020, 2, 14),
                "Sun 2 Feb – Fri 14 Feb 2020",
                "2020年2月2日 周日 – 2月14日 周五",
            ),
        ] {
            assert_eq!(date_span(first, last, Language::English), english);
            assert_eq!(date_span(first, last, Language::Chinese), chinese);
        }
    }

    #[test]
    fn dates_read_as_people_say_them() {
        let friday = chrono::NaiveDate::from_ymd_opt(2026, 12, 4).unwrap();
        assert_eq!(short_date(friday, Language::English), "Fri 4 Dec");
        assert_eq!(short_date(friday, Language::Chinese), "12月4日 周五");
    }

    #[test]
    fn figures_read_as_people_write_them() {
        assert_eq!(count(1_234_567.4), "1,234,567");
        assert_eq!(count(-1234.0), "-1,234");
        assert_eq!(money(12.345, "USD"), "$12.35");
        assert_eq!(money(15_370.45, "USD"), "$15,370");
        assert_eq!(money(-5.0, "GBP"), "-£5.00");
        assert_eq!(percent(0.1234), "12.3%");
        assert_eq!(percent(0.0042), "0.42%");
        assert_eq!(percent(0.0), "0.0%");
        assert_eq!(value(Metric::Acos, 0.38, "USD"), "38.0%");
        assert_eq!(value(Metric::DaysOfSupply, 4.25, "USD"), "4.2");
        assert_eq!(change(Metric::Conversion, -0.021), "-2.1 pts");
        assert_eq!(change(Metric::Sales, 0.124), "+12%");
    }
}
