//! Dates as Amazon writes them: `Nov 16, 2018`, `MM/DD/YYYY`, `M/D/YY`,
//! `DD/MM/YYYY` (decided per file, `SlashOrder`), `2026/11/16`,
//! `2026年11月16日`, `16.11.2026`, ISO 8601 with a time and offset,
//! `07-Sep-2019`, and Excel serial numbers.

use chrono::{Days, NaiveDate};

/// Formats tried in order after the ISO and slashed fast paths.
const FORMATS: [&str; 6] = [
    "%b %d, %Y",
    "%b %d %Y",
    "%d-%b-%Y",
    "%d.%m.%Y",
    "%Y/%m/%d",
    "%Y年%m月%d日",
];

/// Which part of `a/b/year` is the day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SlashOrder {
    /// `11/16/2026`, as amazon.com writes.
    #[default]
    MonthFirst,
    /// `16/11/2026`, as amazon.ae and most marketplaces outside the US write.
    DayFirst,
}

impl SlashOrder {
    /// The order of a file's slashed dates: a first part above 12 means day
    /// first, a second part above 12 month first; when every date could be
    /// either, the currency's marketplace decides (USD month first, AED, GBP,
    /// EUR, INR and the others day first); `None` when nothing tells.
    pub fn of(dates: &[&str], currency: Option<&str>) -> Result<SlashOrder, String> {
        let parts = |text: &str| -> Option<(u32, u32)> {
            let mut parts = text.trim().split('/');
            let (a, b, year) = (parts.next()?, parts.next()?, parts.next()?);
            (parts.next().is_none() && year.len() >= 2 && a.len() <= 2)
                .then(|| Some((a.parse().ok()?, b.parse().ok()?)))
                .flatten()
        };
        let slashed: Vec<(u32, u32)> = dates.iter().filter_map(|d| parts(d)).collect();
        let day_first = slashed.iter().any(|(a, _)| *a > 12);
        let month_first = slashed.iter().any(|(_, b)| *b > 12);
        match (day_first, month_first) {
            (true, true) => Err("the dates mix day-first and month-first forms".to_owned()),
            (true, false) => Ok(SlashOrder::DayFirst),
            (false, true) => Ok(SlashOrder::MonthFirst),
            (false, false) if slashed.is_empty() => Ok(SlashOrder::MonthFirst),
            (false, false) => match currency {
                Some("USD") => Ok(SlashOrder::MonthFirst),
                Some(_) => Ok(SlashOrder::DayFirst),
                None => Err(
                    "no date has a day above 12 and the file names no currency, so it cannot \
                     tell 03/04 from 04/03"
                        .to_owned(),
                ),
            },
        }
    }
}

/// Parses a date cell's text. An ISO date-time keeps the date as written in its
/// own offset (the marketplace's day), without converting to another zone.
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    parse_date_in(text, SlashOrder::MonthFirst)
}

/// Like `parse_date`, with slashed dates read in `order`.
pub fn parse_date_in(text: &str, order: SlashOrder) -> Option<NaiveDate> {
    let text = text.trim();
    if let Some(date) = parse_iso(text).or_else(|| parse_slashed(text, order)) {
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

/// `MM/DD/YYYY` or `M/D/YY` (or day first); a two-digit year is 20YY.
fn parse_slashed(text: &str, order: SlashOrder) -> Option<NaiveDate> {
    let mut parts = text.split('/');
    let (first, second, year) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() || first.len() > 2 || second.len() > 2 {
        return None;
    }
    let (month, day) = match order {
        SlashOrder::MonthFirst => (first, second),
        SlashOrder::DayFirst => (second, first),
    };
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

/// Remembers the last date text parsed (report rows come in runs of one
/// date, so most rows skip parsing) and the order of the file's slashed
/// dates: the first one with a part above 12 decides it, else the file's
/// currency (`set_currency`: USD month first, others day first), else
/// month first. A later date that does not fit that order is not a date.
#[derive(Debug, Default)]
pub struct DateCache {
    last: Option<(String, Option<NaiveDate>)>,
    order: Option<SlashOrder>,
    currency: Option<String>,
}

impl DateCache {
    /// The file's currency, which decides the order when no date can.
    pub fn set_currency(&mut self, currency: &str) {
        if self.currency.is_none() {
            self.currency = Some(currency.to_owned());
        }
    }

    pub fn parse(&mut self, text: &str) -> Option<NaiveDate> {
        match &self.last {
            Some((seen, date)) if seen == text => *date,
            _ => {
                let order = self.order_for(text);
                let date = parse_date_in(text, order);
                self.last = Some((text.to_owned(), date));
                date
            }
        }
    }

    /// The order slashed dates are read in, decided by the first that tells.
    fn order_for(&mut self, text: &str) -> SlashOrder {
        if let Some(order) = self.order {
            return order;
        }
        if !text.contains('/') {
            return SlashOrder::MonthFirst;
        }
        let decided = match SlashOrder::of(&[text], None) {
            Ok(order) if text_tells(text) => order,
            _ => match self.currency.as_deref() {
                Some("USD") | None => SlashOrder::MonthFirst,
                Some(_) => SlashOrder::DayFirst,
            },
        };
        self.order = Some(decided);
        decided
    }
}

/// Whether a slashed date has a part above 12, so it can only be read one way.
fn text_tells(text: &str) -> bool {
    let mut parts = text.trim().split('/');
    let part = |p: Option<&str>| p.and_then(|p| p.parse::<u32>().ok()).unwrap_or(0);
    let (a, b) = (part(parts.next()), part(parts.next()));
    a > 12 || b > 12
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
    fn asian_and_european_forms() {
        assert_eq!(parse_date("2026/11/16"), ymd(2026, 11, 16));
        assert_eq!(parse_date("2026年11月16日"), ymd(2026, 11, 16));
        assert_eq!(parse_date("16.11.2026"), ymd(2026, 11, 16));
        assert_eq!(
            parse_date_in("24/09/2022", SlashOrder::DayFirst),
            ymd(2022, 9, 24)
        );
        assert_eq!(
            parse_date_in("9/21/24", SlashOrder::MonthFirst),
            ymd(2024, 9, 21)
        );
    }

    #[test]
    fn a_files_own_dates_decide_the_order_else_its_marketplace() {
        assert_eq!(
            SlashOrder::of(&["24/09/2022", "01/10/2022"], None),
            Ok(SlashOrder::DayFirst)
        );
        assert_eq!(
            SlashOrder::of(&["9/21/24", "10/1/24"], None),
            Ok(SlashOrder::MonthFirst)
        );
        assert_eq!(
            SlashOrder::of(&["03/04/2024"], Some("AED")),
            Ok(SlashOrder::DayFirst)
        );
        assert_eq!(
            SlashOrder::of(&["03/04/2024"], Some("USD")),
            Ok(SlashOrder::MonthFirst)
        );
        assert!(
            SlashOrder::of(&["03/04/2024"], None).is_err(),
            "cannot tell"
        );
        assert!(SlashOrder::of(&["13/04/2024", "04/13/2024"], None).is_err());
        assert_eq!(
            SlashOrder::of(&["Nov 16, 2018"], None),
            Ok(SlashOrder::MonthFirst)
        );
    }

    #[test]
    fn a_files_first_telling_date_or_its_currency_sets_the_order_of_the_rest() {
        let mut cache = DateCache::default();
        assert_eq!(cache.parse("24/09/2022"), ymd(2022, 9, 24));
        assert_eq!(
            cache.parse("03/10/2022"),
            ymd(2022, 10, 3),
            "day first from then on"
        );
        let mut cache = DateCache::default();
        cache.set_currency("AED");
        assert_eq!(
            cache.parse("03/10/2022"),
            ymd(2022, 10, 3),
            "AED: day first"
        );
        let mut cache = DateCache::default();
        cache.set_currency("USD");
        assert_eq!(
            cache.parse("03/10/2022"),
            ymd(2022, 3, 10),
            "USD: month first"
        );
        assert_eq!(
            cache.parse("24/09/2022"),
            None,
            "a date that does not fit the order"
        );
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
