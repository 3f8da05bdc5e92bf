//! The days ahead as a pool sells them: a normal day sells the velocity, a
//! day of an event the pool is in sells `uplift` times as much, and stock
//! upstream joins on the day it arrives. Time is in days after the reviewed
//! week's last day; day k is the span [k − 1, k).

use chrono::NaiveDate;

use crate::domain::calendar::Event;

/// A pool's selling rate over the days ahead.
#[derive(Debug, Clone, PartialEq)]
pub struct Clock {
    velocity: f64,
    /// Each event's span on the clock and its uplift.
    events: Vec<(f64, f64, f64)>,
}

/// Where `day` falls on a clock that starts after `last_day`: the start of its span.
pub fn day_start(day: NaiveDate, last_day: NaiveDate) -> f64 {
    #[allow(clippy::cast_precision_loss)] // days
    let days = (day - last_day).num_days() as f64;
    days - 1.0
}

/// Where `day` ends on a clock that starts after `last_day`: stock that
/// arrives that day, or an event that ends then, counts from here.
pub fn day_end(day: NaiveDate, last_day: NaiveDate) -> f64 {
    day_start(day, last_day) + 1.0
}

impl Clock {
    pub fn new(velocity: f64, events: &[&Event], last_day: NaiveDate) -> Self {
        let events = events
            .iter()
            .map(|e| {
                let from = day_start(e.start, last_day).max(0.0);
                let to = day_end(e.end, last_day);
                (from, to, e.uplift)
            })
            .filter(|(from, to, _)| to > from)
            .collect();
        Self { velocity, events }
    }

    /// Units a day at clock time `at`.
    fn rate(&self, at: f64) -> f64 {
        let lift = self
            .events
            .iter()
            .filter(|(from, to, _)| (*from..*to).contains(&at))
            .map(|(_, _, uplift)| *uplift)
            .fold(1.0, f64::max);
        self.velocity * lift
    }

    /// The times the rate may change, after `from` and before `to`, in order.
    fn edges(&self, from: f64, to: f64) -> Vec<f64> {
        let mut edges: Vec<f64> = self
            .events
            .iter()
            .flat_map(|(start, end, _)| [*start, *end])
            .filter(|t| *t > from && *t < to)
            .collect();
        edges.sort_by(f64::total_cmp);
        edges.dedup();
        edges
    }

    /// Units sold between clock times `from` and `to`.
    pub fn demand(&self, from: f64, to: f64) -> f64 {
        if to <= from {
            return 0.0;
        }
        let mut at = from;
        let mut sold = 0.0;
        for edge in self.edges(from, to).into_iter().chain([to]) {
            sold += self.rate(at) * (edge - at);
            at = edge;
        }
        sold
    }

    /// When `stock` first runs out, stock in `arrivals` (clock time, units)
    /// joining at its time; `None` when nothing sells.
    pub fn runs_out(&self, stock: f64, arrivals: &[(f64, f64)]) -> Option<f64> {
        if self.velocity <= 0.0 {
            return None;
        }
        let mut arrivals: Vec<(f64, f64)> = arrivals.to_vec();
        arrivals.sort_by(|a, b| a.0.total_cmp(&b.0));
        let mut left = stock
            + arrivals
                .iter()
                .filter(|(at, _)| *at <= 0.0)
                .map(|(_, units)| units)
                .sum::<f64>();
        let mut at = 0.0;
        let later: Vec<(f64, f64)> = arrivals.into_iter().filter(|(t, _)| *t > 0.0).collect();
        let mut next_arrival = later.iter().peekable();
        loop {
            let until = next_arrival.peek().map_or(f64::INFINITY, |(t, _)| *t);
            let edges = self.edges(at, until);
            for edge in edges.into_iter().chain([until]) {
                let rate = self.rate(at);
                if edge.is_infinite() {
                    return Some(at + left / rate);
                }
                let sold = rate * (edge - at);
                if sold >= left {
                    return Some(at + left / rate);
                }
                left -= sold;
                at = edge;
            }
            if let Some((_, units)) = next_arrival.next() {
                left += units;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(month: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, month, day).unwrap()
    }

    fn event(start: NaiveDate, end: NaiveDate, uplift: f64) -> Event {
        Event::deal("Black Friday", start, end, uplift)
    }

    #[test]
    fn without_events_the_stock_lasts_stock_over_velocity() {
        let clock = Clock::new(10.0, &[], day(11, 22));
        assert_eq!(clock.runs_out(300.0, &[]), Some(30.0));
        assert!((clock.demand(0.0, 95.0) - 950.0).abs() < 1e-9);
        assert_eq!(Clock::new(0.0, &[], day(11, 22)).runs_out(300.0, &[]), None);
    }

    #[test]
    fn an_event_sells_faster_on_its_days_for_cover_and_demand_alike() {
        // Days 5 to 8 after Sunday 22 November sell three times as fast: 8 extra days' worth.
        let friday = event(day(11, 27), day(11, 30), 3.0);
        let clock = Clock::new(10.0, &[&friday], day(11, 22));
        assert!((clock.runs_out(300.0, &[]).unwrap() - 22.0).abs() < 1e-9);
        assert!((clock.demand(0.0, 30.0) - 380.0).abs() < 1e-9);
        // Running out inside the event: 40 units last 4 days, then 2 event days at 30 a day.
        assert!((clock.runs_out(100.0, &[]).unwrap() - 6.0).abs() < 1e-9);
        // An event after the stock is gone changes nothing.
        let later = event(day(12, 28), day(12, 31), 3.0);
        let clock = Clock::new(10.0, &[&later], day(11, 22));
        assert!((clock.runs_out(300.0, &[]).unwrap() - 30.0).abs() < 1e-9);
    }

    #[test]
    fn stock_arriving_before_the_shelf_is_empty_extends_the_cover() {
        let clock = Clock::new(10.0, &[], day(11, 22));
        // 100 units last 10 days; 200 more on day 5 make 30.
        assert!((clock.runs_out(100.0, &[(5.0, 200.0)]).unwrap() - 30.0).abs() < 1e-9);
        // Arriving on day 12, after the shelf emptied on day 10: the cover is still 10.
        assert!((clock.runs_out(100.0, &[(12.0, 200.0)]).unwrap() - 10.0).abs() < 1e-9);
    }
}
