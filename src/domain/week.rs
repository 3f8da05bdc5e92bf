//! ISO weeks (`2026-W47`) and which days belong to a reporting week.
//! Pure: std and chrono only.

use std::fmt;
use std::str::FromStr;

use chrono::{Datelike, Days, NaiveDate, Weekday};

/// An ISO 8601 week, the unit a workspace's `weeks/` folders are named by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct IsoWeek {
    year: i32,
    week: u32,
}

/// Which day a team's reporting week starts on. ISO weeks start on Monday;
/// Amazon's own weekly reports start on Sunday, the day before.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum WeekStart {
    #[default]
    Monday,
    Sunday,
}

impl IsoWeek {
    /// A week after every week a workspace names: "before LAST" is "any".
    pub const LAST: IsoWeek = IsoWeek {
        year: i32::MAX,
        week: 53,
    };

    /// The week numbered `week` of ISO year `year`, if that week exists.
    pub fn new(year: i32, week: u32) -> Option<Self> {
        NaiveDate::from_isoywd_opt(year, week, Weekday::Mon).map(|_| Self { year, week })
    }

    /// The ISO week that contains `date`.
    pub fn containing(date: NaiveDate) -> Self {
        let iso = date.iso_week();
        Self {
            year: iso.year(),
            week: iso.week(),
        }
    }

    pub fn year(self) -> i32 {
        self.year
    }

    pub fn week(self) -> u32 {
        self.week
    }

    /// The Monday that starts this ISO week.
    pub fn monday(self) -> NaiveDate {
        NaiveDate::from_isoywd_opt(self.year, self.week, Weekday::Mon).unwrap_or(NaiveDate::MIN)
    }

    /// First and last day (inclusive) of the reporting week.
    pub fn days(self, start: WeekStart) -> (NaiveDate, NaiveDate) {
        let monday = self.monday();
        let first = match start {
            WeekStart::Monday => monday,
            WeekStart::Sunday => monday - Days::new(1),
        };
        (first, first + Days::new(6))
    }

    /// Whether `date` falls inside the reporting week.
    pub fn contains(self, date: NaiveDate, start: WeekStart) -> bool {
        let (first, last) = self.days(start);
        first <= date && date <= last
    }

    /// The week before this one.
    #[must_use]
    pub fn previous(self) -> Self {
        Self::containing(self.monday() - Days::new(7))
    }

    /// The week after this one.
    #[must_use]
    pub fn next(self) -> Self {
        Self::containing(self.monday() + Days::new(7))
    }
}

/// A weekly meeting and the week it reviews: the meeting is held in the
/// week after the one it reviews. The one place that pairing is made.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MeetingWeek {
    /// The week whose reports the meeting reviews.
    pub reviewed: IsoWeek,
    /// The week the meeting is held in, which names its minutes.
    pub meeting: IsoWeek,
}

impl MeetingWeek {
    /// The meeting that reviews `reviewed`.
    pub fn reviewing(reviewed: IsoWeek) -> Self {
        Self {
            reviewed,
            meeting: reviewed.next(),
        }
    }

    /// The Monday of the meeting's week: the day a pre-read is written for.
    pub fn monday(self) -> NaiveDate {
        self.meeting.monday()
    }

    /// The day the meeting is held, as its judgements see it (overdue, due,
    /// on track): `today` within the meeting's week; its Monday before it
    /// (a pre-read), its Sunday after it (a past week looked at again).
    pub fn day_held(self, today: NaiveDate) -> NaiveDate {
        let monday = self.monday();
        today.clamp(monday, monday + chrono::Days::new(6))
    }
}

impl fmt::Display for IsoWeek {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}-W{:02}", self.year, self.week)
    }
}

/// Why a text is not an ISO week name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WeekParseError(pub String);

impl fmt::Display for WeekParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "`{}` is not an ISO week: expected YYYY-Www such as 2026-W47",
            self.0
        )
    }
}

impl std::error::Error for WeekParseError {}

impl FromStr for IsoWeek {
    type Err = WeekParseError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let error = || WeekParseError(text.to_owned());
        let (year, week) = text.split_once(['-']).ok_or_else(error)?;
        let week = week
            .strip_prefix('W')
            .or_else(|| week.strip_prefix('w'))
            .ok_or_else(error)?;
        if year.len() != 4 || week.len() != 2 {
            return Err(error());
        }
        let year = year.parse().map_err(|_| error())?;
        let week = week.parse().map_err(|_| error())?;
        Self::new(year, week).ok_or_else(error)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn the_day_held_falls_in_the_meetings_week() {
        let meeting = MeetingWeek::reviewing("2026-W47".parse().unwrap());
        let day = |d: u32| NaiveDate::from_ymd_opt(2026, 11, d).unwrap();
        assert_eq!(meeting.monday(), day(23));
        assert_eq!(meeting.day_held(day(20)), day(23), "a pre-read: its Monday");
        assert_eq!(meeting.day_held(day(28)), day(28), "held on Saturday");
        assert_eq!(
            meeting.day_held(NaiveDate::from_ymd_opt(2026, 12, 5).unwrap()),
            day(29),
            "looked at again later: its Sunday"
        );
    }

    #[test]
    fn parses_and_prints_week_names() {
        let week: IsoWeek = "2026-W47".parse().unwrap();
        assert_eq!(week.to_string(), "2026-W47");
        assert_eq!(week.monday(), date(2026, 11, 16));
    }

    #[test]
    fn rejects_weeks_that_do_not_exist() {
        assert!("2025-W53".parse::<IsoWeek>().is_err());
        assert!("2026-W53".parse::<IsoWeek>().is_ok());
        assert!("2026-47".parse::<IsoWeek>().is_err());
        assert!("2026-W7".parse::<IsoWeek>().is_err());
        assert!("".parse::<IsoWeek>().is_err());
    }

    #[test]
    fn monday_weeks_run_monday_to_sunday() {
        let week: IsoWeek = "2026-W47".parse().unwrap();
        assert!(week.contains(date(2026, 11, 16), WeekStart::Monday));
        assert!(week.contains(date(2026, 11, 22), WeekStart::Monday));
        assert!(!week.contains(date(2026, 11, 15), WeekStart::Monday));
        assert!(!week.contains(date(2026, 11, 23), WeekStart::Monday));
    }

    #[test]
    fn sunday_weeks_start_the_day_before() {
        let week: IsoWeek = "2026-W47".parse().unwrap();
        assert!(week.contains(date(2026, 11, 15), WeekStart::Sunday));
        assert!(!week.contains(date(2026, 11, 22), WeekStart::Sunday));
    }

    #[test]
    fn neighbours_cross_year_ends() {
        let first: IsoWeek = "2027-W01".parse().unwrap();
        assert_eq!(first.previous().to_string(), "2026-W53");
        assert_eq!(first.previous().next(), first);
        assert_eq!(
            IsoWeek::containing(date(2027, 1, 1)).to_string(),
            "2026-W53"
        );
    }
}
