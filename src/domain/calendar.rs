//! The promotions calendar of `opsdeck.toml`: deals, Prime Day, holidays,
//! listing launches — with their dates, the deal submission deadline, the
//! SKUs they concern (none: every SKU) and how much they lift sales.

use chrono::NaiveDate;

/// What kind of event it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EventKind {
    Deal,
    PrimeDay,
    Holiday,
    Listing,
    Other,
}

impl EventKind {
    pub const ALL: [EventKind; 5] = [
        EventKind::Deal,
        EventKind::PrimeDay,
        EventKind::Holiday,
        EventKind::Listing,
        EventKind::Other,
    ];

    /// The name used in `opsdeck.toml`.
    pub fn name(self) -> &'static str {
        match self {
            EventKind::Deal => "deal",
            EventKind::PrimeDay => "prime_day",
            EventKind::Holiday => "holiday",
            EventKind::Listing => "listing",
            EventKind::Other => "other",
        }
    }

    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|kind| kind.name() == name)
    }
}

/// One event of the calendar.
#[derive(Debug, Clone, PartialEq)]
pub struct Event {
    pub name: String,
    pub start: NaiveDate,
    /// The last day of the event (inclusive).
    pub end: NaiveDate,
    /// The deal submission deadline, when there is one.
    pub submit_by: Option<NaiveDate>,
    /// Amazon's inventory cut-off for the event: stock must be sellable by then.
    pub arrive_by: Option<NaiveDate>,
    pub kind: EventKind,
    /// The SKUs it concerns; empty: every SKU.
    pub skus: Vec<String>,
    /// Sales during the event, as a multiple of a normal day's (1.0: no lift).
    pub uplift: f64,
}

/// How far ahead the plan looks at the calendar.
pub const PLAN_WEEKS: u64 = 8;

/// The events that have not ended by `today` and start within `PLAN_WEEKS`, soonest first.
pub fn upcoming(events: &[Event], today: NaiveDate) -> Vec<&Event> {
    let horizon = today + chrono::Days::new(7 * PLAN_WEEKS);
    let mut coming: Vec<&Event> = events
        .iter()
        .filter(|e| e.end >= today && e.start <= horizon)
        .collect();
    coming.sort_by_key(|e| (e.start, e.end));
    coming
}

impl Event {
    /// Days from `today` to the submission deadline (negative: passed).
    pub fn days_to_submit(&self, today: NaiveDate) -> Option<i64> {
        self.submit_by.map(|day| (day - today).num_days())
    }

    /// Days from `today` to the first day (negative: it has begun).
    pub fn days_to_start(&self, today: NaiveDate) -> i64 {
        (self.start - today).num_days()
    }

    /// Whether the event concerns `sku` (any case).
    pub fn concerns(&self, sku: &str) -> bool {
        self.skus.is_empty() || self.skus.iter().any(|s| s.eq_ignore_ascii_case(sku))
    }

    /// A deal of every SKU, for tests: `name` from `start` to `end`, selling
    /// `uplift` normal days a day.
    #[cfg(test)]
    pub fn deal(name: &str, start: NaiveDate, end: NaiveDate, uplift: f64) -> Self {
        Self {
            name: name.to_owned(),
            start,
            end,
            submit_by: None,
            arrive_by: None,
            kind: EventKind::Deal,
            skus: Vec::new(),
            uplift,
        }
    }

    /// Whether `day` falls within the event.
    pub fn is_on(&self, day: NaiveDate) -> bool {
        (self.start..=self.end).contains(&day)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_event_without_skus_concerns_every_sku_and_its_days_are_inclusive() {
        let day = |d| NaiveDate::from_ymd_opt(2026, 11, d).unwrap();
        let mut event = Event {
            name: "Black Friday".into(),
            start: day(27),
            end: day(30),
            submit_by: Some(day(2)),
            arrive_by: None,
            kind: EventKind::Deal,
            skus: Vec::new(),
            uplift: 2.0,
        };
        assert!(event.concerns("HK-SP-SIL-5"));
        assert!(event.is_on(day(27)) && event.is_on(day(30)) && !event.is_on(day(26)));
        event.skus = vec!["hk-sp-sil-5".into()];
        assert!(event.concerns("HK-SP-SIL-5") && !event.concerns("HK-VB-20PK"));
        assert_eq!(EventKind::from_name("prime_day"), Some(EventKind::PrimeDay));
        assert_eq!(event.days_to_submit(day(1)), Some(1));
        assert_eq!(event.days_to_start(day(23)), 4);
    }

    #[test]
    fn the_plan_looks_eight_weeks_ahead_at_events_not_yet_over() {
        let on = |start, end| Event {
            name: format!("{start}"),
            start,
            end,
            submit_by: None,
            arrive_by: None,
            kind: EventKind::Other,
            skus: Vec::new(),
            uplift: 1.0,
        };
        let d = |m, d| NaiveDate::from_ymd_opt(2026, m, d).unwrap();
        let events = [
            on(d(12, 14), d(12, 20)),
            on(d(11, 27), d(11, 30)),
            on(d(11, 1), d(11, 2)),
            on(d(3, 1), d(3, 2)),
        ];
        let coming: Vec<NaiveDate> = upcoming(&events, d(11, 23))
            .iter()
            .map(|e| e.start)
            .collect();
        assert_eq!(coming, vec![d(11, 27), d(12, 14)]);
    }
}
