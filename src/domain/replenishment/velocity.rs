//! How fast a pool sells when it can: units a day over its last four weeks
//! that remain once the weeks it ran out of stock and the days of its
//! events are left out, up to eight weeks back.
//!
//! - A week is a stockout when the pool ended it with no fulfillable
//!   units, or sold under 30 % of its average week while its stock at the
//!   start could not cover an average week. The average is over the weeks
//!   of the eight that did not end empty. The whole week is left out: no
//!   report opsdeck reads gives a SKU's stock day by day.
//! - A week holding days of an event the pool is in is left out too, so a
//!   deal does not inflate the next order; when the account's Business
//!   Report by Date covers those days, only their share of the week's units
//!   (the account's units on those days over its week) and the days
//!   themselves are left out instead.
//! - With nothing left, the velocity is the uncleaned one.

use chrono::NaiveDate;

use crate::domain::calendar::Event;
use crate::domain::metric::Metric;
use crate::domain::review::{Review, SkuRow, TREND_WEEKS};
use crate::domain::week::{IsoWeek, WeekStart};

/// Weeks of sales the velocity is taken over.
pub const VELOCITY_WEEKS: usize = 4;
/// How far back the velocity looks for weeks to take.
pub const LOOKBACK_WEEKS: usize = 8;
/// A week selling under this share of the average, from a short stock, ran out.
const STOCKOUT_SHARE: f64 = 0.3;

/// Why a week or some days were left out of a pool's velocity.
#[derive(Debug, Clone, PartialEq)]
pub enum ExclusionReason {
    Stockout,
    /// The named event's days.
    Event(String),
}

/// A week, or some of its days, left out of a pool's velocity.
#[derive(Debug, Clone, PartialEq)]
pub struct Exclusion {
    pub week: IsoWeek,
    /// The days left out, when not the whole week.
    pub days: Option<(NaiveDate, NaiveDate)>,
    pub reason: ExclusionReason,
}

/// A pool's velocity, cleaned and not.
#[derive(Debug, Clone, PartialEq)]
pub struct Velocity {
    /// Units a day, stockouts and events left out.
    pub cleaned: f64,
    /// Units a day over the last four weeks with sales, as they were.
    pub uncleaned: f64,
    pub excluded: Vec<Exclusion>,
}

/// One week of a pool: its units and the stock it ended with.
#[derive(Debug, Clone, Copy)]
struct PoolWeek {
    slot: usize,
    units: Option<f64>,
    ended_with: Option<f64>,
}

/// The velocity of the pool of `members`, whose events are `events`.
pub fn velocity(
    members: &[&SkuRow],
    events: &[&Event],
    review: &Review,
    week_start: WeekStart,
) -> Velocity {
    let sum = |metric: Metric, slot: usize| {
        members
            .iter()
            .filter_map(|row| row.figures.trend_value(metric, slot))
            .fold(None, |total: Option<f64>, v| Some(total.unwrap_or(0.0) + v))
    };
    let weeks: Vec<PoolWeek> = (0..TREND_WEEKS)
        .map(|slot| PoolWeek {
            slot,
            units: sum(Metric::Units, slot),
            ended_with: sum(Metric::AvailableUnits, slot),
        })
        .collect();
    let recent = &weeks[TREND_WEEKS - LOOKBACK_WEEKS..];
    let uncleaned = per_day(
        recent
            .iter()
            .rev()
            .filter_map(|w| w.units.map(|u| (u, 7.0)))
            .take(VELOCITY_WEEKS),
    );
    let average = average_week(recent);
    let mut excluded = Vec::new();
    let mut kept = Vec::new();
    for week in recent.iter().rev() {
        if kept.len() == VELOCITY_WEEKS {
            break;
        }
        let Some(units) = week.units else { continue };
        let iso = review.trend_weeks[week.slot];
        let started_with = week
            .slot
            .checked_sub(1)
            .and_then(|slot| weeks[slot].ended_with);
        if ran_out(units, week.ended_with, started_with, average) {
            excluded.push(Exclusion {
                week: iso,
                days: None,
                reason: ExclusionReason::Stockout,
            });
            continue;
        }
        let (first, last) = iso.days(week_start);
        let Some(event) = events.iter().find(|e| e.start <= last && e.end >= first) else {
            kept.push((units, 7.0));
            continue;
        };
        let (from, to) = (event.start.max(first), event.end.min(last));
        match event_share(review, first, last, from, to) {
            Some(share) => {
                #[allow(clippy::cast_precision_loss)] // days of a week
                let days = (to - from).num_days() as f64 + 1.0;
                kept.push((units * (1.0 - share), 7.0 - days));
                excluded.push(Exclusion {
                    week: iso,
                    days: Some((from, to)),
                    reason: ExclusionReason::Event(event.name.clone()),
                });
            }
            None => excluded.push(Exclusion {
                week: iso,
                days: None,
                reason: ExclusionReason::Event(event.name.clone()),
            }),
        }
    }
    let cleaned = if kept.is_empty() {
        uncleaned
    } else {
        per_day(kept.into_iter())
    };
    Velocity {
        cleaned,
        uncleaned,
        excluded,
    }
}

/// Units a day over weeks given as (units, days).
fn per_day(weeks: impl Iterator<Item = (f64, f64)>) -> f64 {
    let (units, days) = weeks.fold((0.0, 0.0), |(u, d), (units, days)| (u + units, d + days));
    if days > 0.0 { units / days } else { 0.0 }
}

/// The average week of the weeks that did not end with the shelf empty.
fn average_week(weeks: &[PoolWeek]) -> f64 {
    let selling: Vec<f64> = weeks
        .iter()
        .filter(|w| w.ended_with != Some(0.0))
        .filter_map(|w| w.units)
        .collect();
    if selling.is_empty() {
        return 0.0;
    }
    #[allow(clippy::cast_precision_loss)] // at most eight weeks
    let count = selling.len() as f64;
    selling.iter().sum::<f64>() / count
}

/// Whether a week with `units` sold ran out of stock.
fn ran_out(units: f64, ended_with: Option<f64>, started_with: Option<f64>, average: f64) -> bool {
    ended_with == Some(0.0)
        || (units < STOCKOUT_SHARE * average && started_with.is_some_and(|s| s < average))
}

/// The share of the account's units of the week `first..=last` sold on
/// the days `from..=to`, when the Business Report by Date gives every day of the week.
fn event_share(
    review: &Review,
    first: NaiveDate,
    last: NaiveDate,
    from: NaiveDate,
    to: NaiveDate,
) -> Option<f64> {
    let days: Vec<&(NaiveDate, f64)> = review
        .daily_units
        .iter()
        .filter(|(day, _)| (first..=last).contains(day))
        .collect();
    if days.len() < 7 {
        return None;
    }
    let week: f64 = days.iter().map(|(_, units)| units).sum();
    let event: f64 = days
        .iter()
        .filter(|(day, _)| (from..=to).contains(day))
        .map(|(_, units)| units)
        .sum();
    (week > 0.0).then(|| event / week)
}
