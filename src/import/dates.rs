//! Dates as Amazon writes them: `Nov 16, 2018`, `MM/DD/YYYY`, `M/D/YY`,
//! ISO 8601 with a time and offset, `07-Sep-2019`, and Excel serial numbers.

use chrono::{Days, NaiveDate};

/// Formats tried in order after the ISO and slashed fast paths.
const FORMATS: [&str; 4] = ["%b %d, %Y", "%b %d %Y", "%d-%b-%Y", "%d.%m.%Y"];

/// Parses a date cell's text. An ISO date-time keeps the date as written in its
/// own offset (the marketplace's day), without converting to another zone.
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    let text = text.trim();
    if let Some(date) = parse_iso(text).or_else(|| parse_us_slashed(text)) {
        return Some(date);
    }
    FORMATS
        .iter()
        .find_map(|format| NaiveDate::parse_from_str(text, format).ok())
}

fn parse_iso(text: &str) -> Option<NaiveDate> {
    let bytes = text.as_bytes();
    if bytes.len() < 10 || bytes[4] != b'-' || bytes[7] != b'-' {
        return None;
    }
    if bytes.len() > 10 && !matches!(bytes[10], b'T' | b' ') {
        return None;
    }
    let year = text.get(..4)?.parse().ok()?;
    let month = text.get(5..7)?.parse().ok()?;
    let day = text.get(8..10)?.parse().ok()?;
    NaiveDate::from_ymd_opt(year, month, day)
}

/// `MM/DD/YYYY` or `M/D/YY` (amazon.com order); a two-digit year is 20YY.
fn parse_us_slashed(text: &str) -> Option<NaiveDate> {
    let mut parts = text.split('/');
    let (month, day, year) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() || month.len() > 2 || day.len() > 2 {
        return None;
    }
    let year: i32 = match year.len() {
        2 => 2000 + year.parse::<i32>().ok()?,
        4 => year.parse().ok()?,
        _ => return None,
    };
    NaiveDate::from_ymd_opt(year, month.parse().ok()?, day.parse().ok()?)
}

/// The date of an Excel serial number (days since 1899-12-30, the 1900 date system).
#[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
pub fn from_excel_serial(serial: f64) -> Option<NaiveDate> {
    if !(1.0..2_958_466.0).contains(&serial) {
        return None;
    }
    NaiveDate::from_ymd_opt(1899, 12, 30)?.checked_add_days(Days::new(serial.floor() as u64))
}

/// Remembers the last date text parsed: report rows come in runs of one date,
/// so most rows skip parsing entirely.
#[derive(Debug, Default)]
pub struct DateCache {
    last: Option<(String, Option<NaiveDate>)>,
}

impl DateCache {
    pub fn parse(&mut self, text: &str) -> Option<NaiveDate> {
        match &self.last {
            Some((seen, date)) if seen == text => *date,
            _ => {
                let date = parse_date(text);
                self.last = Some((text.to_owned(), date));
                date
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, d)
    }

    #[test]
    fn reads_every_amazon_date_format() {
        assert_eq!(parse_date("Nov 16, 2018"), ymd(2018, 11, 16));
        assert_eq!(parse_date("Dec 1, 2019"), ymd(2019, 12, 1));
        assert_eq!(parse_date("Jul 03 2025"), ymd(2025, 7, 3));
        assert_eq!(parse_date("01/06/2019"), ymd(2019, 1, 6));
        assert_eq!(parse_date("10/20/23"), ymd(2023, 10, 20));
        assert_eq!(parse_date("2019-12-19T12:52:44+00:00"), ymd(2019, 12, 19));
        assert_eq!(parse_date("2026-11-22T23:30:00-08:00"), ymd(2026, 11, 22));
        assert_eq!(parse_date("2026-06-16"), ymd(2026, 6, 16));
        assert_eq!(parse_date("07-Sep-2019"), ymd(2019, 9, 7));
    }

    #[test]
    fn rejects_non_dates() {
        for text in ["", "soon", "2019-13-01", "13/45/2019", "2019-12-19X"] {
            assert_eq!(parse_date(text), None, "{text}");
        }
    }

    #[test]
    fn excel_serials() {
        assert_eq!(from_excel_serial(43_800.0), ymd(2019, 12, 1));
        assert_eq!(from_excel_serial(43_800.75), ymd(2019, 12, 1));
        assert_eq!(from_excel_serial(-1.0), None);
        assert_eq!(from_excel_serial(f64::NAN), None);
    }

    #[test]
    fn cache_returns_the_same_answers() {
        let mut cache = DateCache::default();
        assert_eq!(cache.parse("Nov 16, 2018"), ymd(2018, 11, 16));
        assert_eq!(cache.parse("Nov 16, 2018"), ymd(2018, 11, 16));
        assert_eq!(cache.parse("bad"), None);
        assert_eq!(cache.parse("Nov 17, 2018"), ymd(2018, 11, 17));
    }
}
