//! The FBA replenishment schedule, one line per stock pool (the SKUs of one
//! marketplace sharing a child ASIN and selling as new; see `pools`): how
//! fast the pool sells when it can (`velocity`), how long its stock lasts
//! with events lifting sales on their days and upstream stock arriving
//! (`clock`), by when a purchase order must go out, when it ships and
//! arrives (`legs`), and for how many units. Every formula is in the README.
//!
//! - stock: available + reserved for FC transfer and processing + inbound;
//!   upstream stock (`supply.csv`) joins on its `eta`, or `transfer_days`
//!   after the reviewed week;
//! - `cover_days`: days after the reviewed week until the stock first runs out;
//! - `order_by`: the reviewed week's last day + ⌊cover − lead time − safety days⌋;
//! - `suggested_units`: the units the pool sells over lead time + target
//!   cover from today, events lifted, less its stock and upstream stock,
//!   rounded up to the case pack, at least the MOQ, 0 when negative;
//! - `status`: order now when `order_by` is on or before the meeting's
//!   Monday, order soon within the 7 days after, overstock when the stock
//!   lasts over 180 days (or does not sell), else ok.

mod capacity;
mod clock;
mod legs;
mod line;
mod pools;
mod velocity;

use std::collections::HashMap;

use chrono::{Days, NaiveDate};

pub use capacity::{Capacity, capacity};
pub use clock::Clock;
pub use legs::LeadTime;
pub use line::{EventShortfall, LateForEvent, PoolMember, SupplyLine, SupplyStatus};
pub use velocity::{Exclusion, ExclusionReason, LOOKBACK_WEEKS, VELOCITY_WEEKS};

use super::calendar::Event;
use super::cost_book::CostBook;
use super::facts::{SkuCost, UpstreamStock};
use super::metric::Metric;
use super::review::{Review, SkuRow};
use super::settings::Settings;
pub use super::stock::AmazonRecommendation;

/// Stock that lasts longer than this many days is at risk of aged-inventory fees.
pub const OVERSTOCK_DAYS: f64 = 180.0;
/// How far ahead an event counts for a stockout before it ends (the plan's eight weeks and one).
const EVENT_HORIZON_DAYS: u64 = 63;
/// The days over which money at stake is counted.
pub const AT_STAKE_DAYS: f64 = 28.0;

/// The schedule of every pool with stock figures, soonest order first.
pub fn plan_supply(
    review: &Review,
    costs: &[SkuCost],
    upstream: &[UpstreamStock],
    settings: &Settings,
) -> Vec<SupplyLine> {
    let (_, last_day) = review.week.days(settings.week_start);
    let costs = CostBook::new(costs);
    let mut waiting = Upstream::new(upstream);
    let plan = PoolPlan {
        review,
        settings,
        last_day,
        costs: &costs,
    };
    let mut lines: Vec<SupplyLine> = pools::pools(review)
        .iter()
        .map(|pool| plan.line(pool, &mut waiting))
        .collect();
    lines.sort_by(|a, b| {
        (a.order_by.is_none(), a.order_by, &a.key).cmp(&(b.order_by.is_none(), b.order_by, &b.key))
    });
    lines
}

/// `supply.csv`'s rows by lower-case SKU, not yet given to a pool: a row
/// goes to the first pool holding its SKU (`DE:SKU` names one marketplace's).
struct Upstream<'a> {
    by_sku: HashMap<String, Vec<&'a UpstreamStock>>,
}

impl<'a> Upstream<'a> {
    fn new(rows: &'a [UpstreamStock]) -> Self {
        let mut by_sku: HashMap<String, Vec<&'a UpstreamStock>> = HashMap::new();
        for row in rows {
            by_sku.entry(row.sku.to_lowercase()).or_default().push(row);
        }
        Self { by_sku }
    }

    /// The rows naming a SKU of `members`, taken.
    fn take(&mut self, members: &[&SkuRow]) -> Vec<&'a UpstreamStock> {
        if self.by_sku.is_empty() {
            return Vec::new();
        }
        members
            .iter()
            .flat_map(|m| [m.key.to_lowercase(), sku_of(m).to_lowercase()])
            .filter_map(|name| self.by_sku.remove(&name))
            .flatten()
            .collect()
    }
}

/// A row's SKU without its marketplace.
fn sku_of(row: &SkuRow) -> &str {
    super::marketplace::split_key(row.sku.as_deref().unwrap_or(&row.key)).1
}

#[allow(clippy::cast_possible_truncation)] // unit counts
fn units(value: Option<f64>) -> i64 {
    value.unwrap_or(0.0).round() as i64
}

#[allow(clippy::cast_precision_loss)] // unit counts
fn float(units: i64) -> f64 {
    units as f64
}

/// What planning one pool needs to know.
struct PoolPlan<'a> {
    review: &'a Review,
    settings: &'a Settings,
    last_day: NaiveDate,
    costs: &'a CostBook<'a>,
}

impl PoolPlan<'_> {
    fn cost(&self, row: &SkuRow) -> Option<&SkuCost> {
        self.costs.of(&row.key)
    }

    /// The member the pool orders as: one a member's `reorder_sku` names, else the most sold.
    fn reorder_row<'r>(&self, members: &[&'r SkuRow]) -> &'r SkuRow {
        members
            .iter()
            .filter_map(|row| self.cost(row)?.reorder_sku.as_deref())
            .find_map(|named| {
                members.iter().copied().find(|m| {
                    m.key.eq_ignore_ascii_case(named) || sku_of(m).eq_ignore_ascii_case(named)
                })
            })
            .unwrap_or(members[0])
    }

    fn line(&self, pool: &pools::Pool<'_>, waiting: &mut Upstream<'_>) -> SupplyLine {
        let members = &pool.members;
        let reorder = self.reorder_row(members);
        let cost = self.cost(reorder);
        let lead_time = LeadTime::of(cost, self.settings.targets.lead_time_days);
        let current = |metric: Metric| {
            members
                .iter()
                .map(|row| units(row.figures.current.get(metric)))
                .sum::<i64>()
        };
        let (available, inbound) = (
            current(Metric::AvailableUnits),
            current(Metric::InboundUnits),
        );
        let reserved: i64 = members
            .iter()
            .filter_map(|row| row.stock.as_ref())
            .map(|s| s.fc_reserved)
            .sum();
        let events: Vec<&Event> = self
            .settings
            .events
            .iter()
            .filter(|e| members.iter().any(|m| e.concerns(sku_of(m))))
            .collect();
        let speed = velocity::velocity(members, &events, self.review, self.settings.week_start);
        let clock = Clock::new(speed.cleaned, &events, self.last_day);
        let upstream_rows = waiting.take(members);
        let arrivals: Vec<(f64, f64)> = upstream_rows
            .iter()
            .map(|row| {
                let at = row
                    .eta
                    .map_or(self.settings.replenishment.transfer_days, |eta| {
                        clock::day_end(eta, self.last_day)
                    });
                (at, float(row.units))
            })
            .collect();
        let upstream: i64 = upstream_rows.iter().map(|row| row.units).sum();
        let stock = float(available + reserved + inbound);
        let cover_days = clock.runs_out(stock, &arrivals);
        let plan = &self.settings.replenishment;
        let order_by = cover_days.map(|cover| {
            #[allow(clippy::cast_possible_truncation)] // days
            let days = (cover - lead_time.total - plan.safety_days).floor() as i64;
            offset(self.last_day, days)
        });
        let meeting_monday = self.last_day + Days::new(1);
        let status = SupplyStatus::of(order_by, cover_days, stock, meeting_monday);
        let position = stock + float(upstream);
        let needed = clock.demand(0.0, lead_time.total + plan.target_cover_days) - position;
        let suggested_units = suggested(needed, cost);
        let ordered = order_by.map(|day| day.max(meeting_monday));
        let short = cover_days.and_then(|cover| self.shortfall(cover, &events, &clock));
        let late_for_event = short
            .as_ref()
            .and_then(|(event, _)| late(event, &lead_time, meeting_monday));
        let shortfall = short.map(|(_, shortfall)| shortfall);
        let bridge = Bridge {
            clock: &clock,
            stock,
            arrivals: &arrivals,
            last_day: self.last_day,
        };
        let air_units = late_for_event.as_ref().map_or(0, |late| {
            bridge.air_units(late, cost).min(suggested_units.max(0))
        });
        let units_short = cover_days.map_or(0.0, |cover| {
            clock.demand(cover, lead_time.total.min(AT_STAKE_DAYS))
        });
        SupplyLine {
            pool: pool.name.clone(),
            sku: sku_of(reorder).to_owned(),
            key: reorder.key.clone(),
            members: members.iter().map(|row| member(row)).collect(),
            marketplace: self.review.marketplace_of(&reorder.key).map(str::to_owned),
            available,
            reserved,
            inbound,
            upstream,
            velocity: speed.cleaned,
            velocity_uncleaned: speed.uncleaned,
            excluded: speed.excluded,
            cover_days,
            lead_time,
            order_by,
            ship_by: ordered.and_then(|day| lead_time.ships(day)),
            arrives: ordered.map(|day| lead_time.arrives(day)),
            suggested_units,
            air_units,
            status,
            shortfall,
            late_for_event,
            amazon: amazon(members),
            unit_volume: unit_volume(reorder)
                .or_else(|| members.iter().find_map(|m| unit_volume(m))),
            units_short,
        }
    }

    /// The first event the pool is in whose end the stock does not reach, and how short.
    fn shortfall<'e>(
        &self,
        cover: f64,
        events: &[&'e Event],
        clock: &Clock,
    ) -> Option<(&'e Event, EventShortfall)> {
        let horizon = self.last_day + Days::new(EVENT_HORIZON_DAYS);
        events
            .iter()
            .filter(|e| e.end > self.last_day && e.start <= horizon)
            .find_map(|e| {
                let end = clock::day_end(e.end, self.last_day);
                #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
                // a positive count of days
                let days_short = (end - cover).ceil() as u64;
                (cover < end).then(|| {
                    let shortfall = EventShortfall {
                        event: e.name.clone(),
                        days_short: days_short.max(1),
                        units_short: clock.demand(cover, end),
                    };
                    (*e, shortfall)
                })
            })
    }
}

/// Whether an order placed at the meeting (`today`) arrives after `event`,
/// which the pool runs short for, needs it.
fn late(event: &Event, lead_time: &LeadTime, today: NaiveDate) -> Option<LateForEvent> {
    let needed_by = event.arrive_by.unwrap_or(event.start);
    let arrives = lead_time.arrives(today);
    (arrives > needed_by).then(|| LateForEvent {
        event: event.name.clone(),
        needed_by,
        arrives,
        arrives_by_air: lead_time.arrives_by_air(today),
    })
}

/// One SKU of a pool, from its review row.
fn member(row: &SkuRow) -> PoolMember {
    PoolMember {
        key: row.key.clone(),
        sku: sku_of(row).to_owned(),
        available: units(row.figures.current.get(Metric::AvailableUnits)),
        inbound: units(row.figures.current.get(Metric::InboundUnits)),
        units: units(row.figures.current.get(Metric::Units)),
    }
}

fn unit_volume(row: &SkuRow) -> Option<f64> {
    row.stock.as_ref().and_then(|s| s.unit_volume)
}

/// Amazon's recommendations for the pool's SKUs: their units, the earliest date.
fn amazon(members: &[&SkuRow]) -> Option<AmazonRecommendation> {
    members
        .iter()
        .filter_map(|row| row.stock.as_ref()?.amazon)
        .reduce(AmazonRecommendation::merged)
}

/// What sizing an air bridge needs: the pool's clock, stock and arrivals.
struct Bridge<'a> {
    clock: &'a Clock,
    stock: f64,
    arrivals: &'a [(f64, f64)],
    last_day: NaiveDate,
}

impl Bridge<'_> {
    /// Units to fly when flying makes the event the sea freight misses: what
    /// the pool sells until the sea freight arrives, less its stock and the
    /// upstream stock arriving before then, in whole cases (no MOQ: it is
    /// part of the order); none when flying is not in time either.
    fn air_units(&self, late: &LateForEvent, cost: Option<&SkuCost>) -> i64 {
        if late.arrives_by_air.is_none_or(|air| air > late.needed_by) {
            return 0;
        }
        let sea = clock::day_end(late.arrives, self.last_day);
        let before_sea: f64 = self
            .arrivals
            .iter()
            .filter(|(at, _)| *at <= sea)
            .map(|(_, units)| units)
            .sum();
        let needed = self.clock.demand(0.0, sea) - self.stock - before_sea;
        let cases = cost.map(|c| SkuCost {
            moq: None,
            ..c.clone()
        });
        suggested(needed, cases.as_ref())
    }
}

/// Units to order: `needed` rounded up to whole cases, at least the MOQ; none when nothing is needed.
fn suggested(needed: f64, cost: Option<&SkuCost>) -> i64 {
    if needed <= 0.0 {
        return 0;
    }
    #[allow(clippy::cast_possible_truncation)] // units
    let units = needed.ceil() as i64;
    let case = cost.and_then(|c| c.case_pack).unwrap_or(1).max(1);
    let cased = (units + case - 1) / case * case;
    cased.max(cost.and_then(|c| c.moq).unwrap_or(0))
}

fn offset(day: NaiveDate, days: i64) -> NaiveDate {
    if days >= 0 {
        day + Days::new(days.unsigned_abs())
    } else {
        day - Days::new(days.unsigned_abs())
    }
}

#[cfg(test)]
#[path = "replenishment_tests.rs"]
mod tests;
