//! The FBA replenishment schedule: per SKU with stock figures, how fast it
//! sells, how long its stock lasts (events lifting sales on their days),
//! by when a purchase order must go out and for how many units.
//!
//! - `velocity`: units of the last four weeks that have sales figures ÷ (7 × those weeks);
//! - `cover_days`: (available + inbound) ÷ velocity, from the end of the
//!   reviewed week, an event's days consuming `uplift` times as fast;
//!   none without sales;
//! - `order_by`: the reviewed week's last day + ⌊cover − lead time − safety days⌋;
//! - `suggested_units`: velocity × (lead time + target cover) − available −
//!   inbound, rounded up to the case pack, at least the MOQ, 0 when negative;
//! - `status`: order now when `order_by` is on or before the meeting's
//!   Monday, order soon within the 7 days after, overstock when the stock
//!   lasts over 180 days (or does not sell), else ok.

use std::collections::HashMap;

use chrono::{Days, NaiveDate};

use super::calendar::Event;
use super::facts::SkuCost;
use super::judgement::Status;
use super::metric::Metric;
use super::review::{Review, SkuRow, TREND_WEEKS};
use super::settings::Settings;
use super::words::Words;

/// Weeks of sales the velocity is taken over.
const VELOCITY_WEEKS: usize = 4;
/// Stock that lasts longer than this many days is at risk of aged-inventory fees.
pub const OVERSTOCK_DAYS: f64 = 180.0;
/// How far ahead an event counts for a stockout before it ends (the plan's eight weeks and one).
const EVENT_HORIZON_DAYS: u64 = 63;

/// Where a SKU's stock stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum SupplyStatus {
    OrderNow,
    OrderSoon,
    Overstock,
    Ok,
}

impl SupplyStatus {
    /// The status in plain words.
    pub fn label(self) -> Words {
        match self {
            SupplyStatus::OrderNow => Words::new("order now", "立即下单"),
            SupplyStatus::OrderSoon => Words::new("order soon", "即将下单"),
            SupplyStatus::Overstock => Words::new("overstock", "库存过多"),
            SupplyStatus::Ok => Words::new("ok", "正常"),
        }
    }

    /// How grave it is, as figures judged against targets are: order now is
    /// a breach, order soon and overstock a watch.
    pub fn severity(self) -> Status {
        match self {
            SupplyStatus::OrderNow => Status::Breach,
            SupplyStatus::OrderSoon | SupplyStatus::Overstock => Status::Watch,
            SupplyStatus::Ok => Status::Ok,
        }
    }

    /// The symbol shown before the label, also without colour.
    pub fn symbol(self) -> &'static str {
        match self {
            SupplyStatus::OrderNow => "✖",
            SupplyStatus::OrderSoon => "▲",
            SupplyStatus::Overstock => "◆",
            SupplyStatus::Ok => "✔",
        }
    }

    /// The name used in JSON and CSV.
    pub fn name(self) -> &'static str {
        match self {
            SupplyStatus::OrderNow => "order_now",
            SupplyStatus::OrderSoon => "order_soon",
            SupplyStatus::Overstock => "overstock",
            SupplyStatus::Ok => "ok",
        }
    }
}

/// A stock that runs out before an event it is in ends.
#[derive(Debug, Clone, PartialEq)]
pub struct EventShortfall {
    pub event: String,
    /// Days between the stock running out and the event's end.
    pub days_short: u64,
}

/// One SKU's line of the schedule.
#[derive(Debug, Clone, PartialEq)]
pub struct SupplyLine {
    /// The SKU as the catalogue names it (without its marketplace).
    pub sku: String,
    /// The review row's key (`DE:HK-1` when the week merges marketplaces).
    pub key: String,
    pub marketplace: Option<String>,
    pub available: i64,
    pub inbound: i64,
    /// Units a day.
    pub velocity: f64,
    pub cover_days: Option<f64>,
    pub lead_time_days: f64,
    pub order_by: Option<NaiveDate>,
    pub suggested_units: i64,
    pub status: SupplyStatus,
    pub shortfall: Option<EventShortfall>,
}

/// The schedule of every SKU with stock figures, soonest order first.
pub fn plan_supply(review: &Review, costs: &[SkuCost], settings: &Settings) -> Vec<SupplyLine> {
    let (_, last_day) = review.week.days(settings.week_start);
    // Looked up once per SKU: a cost named `DE:SKU` is that marketplace's, a plain SKU's any.
    let costs: HashMap<String, &SkuCost> = costs
        .iter()
        .map(|cost| (cost.sku.to_lowercase(), cost))
        .collect();
    let mut lines: Vec<SupplyLine> = review
        .skus
        .iter()
        .filter_map(|row| supply_line(row, review, &costs, settings, last_day))
        .collect();
    lines.sort_by(|a, b| {
        (a.order_by.is_none(), a.order_by, &a.key).cmp(&(b.order_by.is_none(), b.order_by, &b.key))
    });
    lines
}

fn supply_line(
    row: &SkuRow,
    review: &Review,
    costs: &HashMap<String, &SkuCost>,
    settings: &Settings,
    last_day: NaiveDate,
) -> Option<SupplyLine> {
    let current = &row.figures.current;
    let (available, inbound) = (
        current.get(Metric::AvailableUnits),
        current.get(Metric::InboundUnits),
    );
    if available.is_none() && inbound.is_none() {
        return None;
    }
    #[allow(clippy::cast_possible_truncation)] // unit counts
    let (available, inbound) = (
        available.unwrap_or(0.0).round() as i64,
        inbound.unwrap_or(0.0).round() as i64,
    );
    let sku = super::marketplace::split_key(row.sku.as_deref().unwrap_or(&row.key)).1;
    let cost = costs
        .get(&row.key.to_lowercase())
        .or_else(|| costs.get(&sku.to_lowercase()))
        .copied();
    let lead_time_days = cost
        .and_then(|c| c.lead_time_days)
        .unwrap_or(settings.targets.lead_time_days);
    let velocity = velocity(row);
    let events: Vec<&Event> = settings.events.iter().filter(|e| e.concerns(sku)).collect();
    #[allow(clippy::cast_precision_loss)] // unit counts
    let stock = (available + inbound) as f64;
    let cover_days = (velocity > 0.0).then(|| cover(stock, velocity, &events, last_day));
    let plan = &settings.replenishment;
    let order_by = cover_days.map(|cover| {
        let days = (cover - lead_time_days - plan.safety_days).floor();
        #[allow(clippy::cast_possible_truncation)] // days
        let days = days as i64;
        offset(last_day, days)
    });
    let meeting_monday = last_day + Days::new(1);
    let status = match (order_by, cover_days) {
        (Some(date), _) if date <= meeting_monday => SupplyStatus::OrderNow,
        (Some(date), _) if date <= meeting_monday + Days::new(7) => SupplyStatus::OrderSoon,
        (_, Some(cover)) if cover > OVERSTOCK_DAYS => SupplyStatus::Overstock,
        (_, None) if stock > 0.0 => SupplyStatus::Overstock,
        _ => SupplyStatus::Ok,
    };
    let needed = velocity * (lead_time_days + plan.target_cover_days) - stock;
    let suggested_units = suggested(needed, cost);
    let shortfall = cover_days.and_then(|cover| shortfall(cover, &events, last_day));
    Some(SupplyLine {
        sku: sku.to_owned(),
        key: row.key.clone(),
        marketplace: review.marketplace_of(&row.key).map(str::to_owned),
        available,
        inbound,
        velocity,
        cover_days,
        lead_time_days,
        order_by,
        suggested_units,
        status,
        shortfall,
    })
}

/// Units a day over the last weeks that have sales figures.
fn velocity(row: &SkuRow) -> f64 {
    let weeks: Vec<f64> = (0..TREND_WEEKS)
        .rev()
        .filter_map(|week| row.figures.trend_value(Metric::Units, week))
        .take(VELOCITY_WEEKS)
        .collect();
    if weeks.is_empty() {
        return 0.0;
    }
    #[allow(clippy::cast_precision_loss)] // at most four weeks
    let days = 7.0 * weeks.len() as f64;
    weeks.iter().sum::<f64>() / days
}

/// Days after `last_day` until `stock` is sold at `velocity` a day, each
/// event's days selling `uplift` times as fast.
fn cover(stock: f64, velocity: f64, events: &[&Event], last_day: NaiveDate) -> f64 {
    // Day k after `last_day` is the span [k − 1, k) of the clock.
    let span = |event: &Event| {
        let from = (event.start - last_day).num_days() - 1;
        let to = (event.end - last_day).num_days();
        #[allow(clippy::cast_precision_loss)] // days
        (from.max(0) as f64, to as f64)
    };
    let mut edges: Vec<f64> = events
        .iter()
        .flat_map(|e| {
            let (from, to) = span(e);
            [from, to]
        })
        .filter(|t| *t > 0.0)
        .collect();
    edges.sort_by(f64::total_cmp);
    edges.dedup();
    let (mut left, mut at) = (stock, 0.0);
    for edge in edges {
        let rate = velocity * lift(events, at, &span);
        let sold = rate * (edge - at);
        if sold >= left {
            return at + left / rate;
        }
        left -= sold;
        at = edge;
    }
    at + left / (velocity * lift(events, at, &span))
}

/// How many times a normal day's sales the day starting at clock time `at` sells.
fn lift(events: &[&Event], at: f64, span: &impl Fn(&Event) -> (f64, f64)) -> f64 {
    events
        .iter()
        .filter(|e| {
            let (from, to) = span(e);
            (from..to).contains(&at)
        })
        .map(|e| e.uplift)
        .fold(1.0, f64::max)
}

/// The first event the SKU is in whose end the stock does not reach.
fn shortfall(cover: f64, events: &[&Event], last_day: NaiveDate) -> Option<EventShortfall> {
    let horizon = last_day + Days::new(EVENT_HORIZON_DAYS);
    events
        .iter()
        .filter(|e| e.end > last_day && e.start <= horizon)
        .find_map(|e| {
            #[allow(clippy::cast_precision_loss)] // days
            let end = (e.end - last_day).num_days() as f64;
            #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
            // a positive count of days
            let days_short = (end - cover).ceil() as u64;
            (cover < end).then(|| EventShortfall {
                event: e.name.clone(),
                days_short: days_short.max(1),
            })
        })
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
