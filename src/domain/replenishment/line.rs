//! A line of the replenishment schedule: a stock pool, its members, its
//! cover and velocity, the order it needs and by when, and where it stands.

use chrono::{Days, NaiveDate};

use super::{AmazonRecommendation, Exclusion, LeadTime, OVERSTOCK_DAYS};
use crate::domain::judgement::Status;
use crate::domain::words::Words;

/// Where a pool's stock stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum SupplyStatus {
    OrderNow,
    OrderSoon,
    Overstock,
    Ok,
}

impl SupplyStatus {
    /// Order now when `order_by` is on or before the meeting's Monday, order
    /// soon within the 7 days after, overstock when the stock lasts over 180
    /// days or does not sell, else ok.
    pub(super) fn of(
        order_by: Option<NaiveDate>,
        cover_days: Option<f64>,
        stock: f64,
        meeting_monday: NaiveDate,
    ) -> Self {
        match (order_by, cover_days) {
            (Some(date), _) if date <= meeting_monday => SupplyStatus::OrderNow,
            (Some(date), _) if date <= meeting_monday + Days::new(7) => SupplyStatus::OrderSoon,
            (_, Some(cover)) if cover > OVERSTOCK_DAYS => SupplyStatus::Overstock,
            (_, None) if stock > 0.0 => SupplyStatus::Overstock,
            _ => SupplyStatus::Ok,
        }
    }

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

    /// Every status.
    pub const ALL: [SupplyStatus; 4] = [
        SupplyStatus::OrderNow,
        SupplyStatus::OrderSoon,
        SupplyStatus::Overstock,
        SupplyStatus::Ok,
    ];

    /// The status of a name used in JSON, CSV and the minutes.
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|status| status.name() == name)
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
    /// Units the pool would have sold in those days, the event's uplift included.
    pub units_short: f64,
}

/// An order placed at the meeting that arrives after an event needs it.
#[derive(Debug, Clone, PartialEq)]
pub struct LateForEvent {
    pub event: String,
    /// The event's `arrive_by`, else its first day.
    pub needed_by: NaiveDate,
    /// When an order placed at the meeting is sellable, the usual way.
    pub arrives: NaiveDate,
    /// When it is sellable flown, where air freight is known.
    pub arrives_by_air: Option<NaiveDate>,
}

/// One SKU of a pool, with its own stock and sales.
#[derive(Debug, Clone, PartialEq)]
pub struct PoolMember {
    /// The review row's key (`DE:HK-1` when the week merges marketplaces).
    pub key: String,
    /// The SKU as the catalogue names it.
    pub sku: String,
    pub available: i64,
    pub inbound: i64,
    /// Units sold in the reviewed week.
    pub units: i64,
}

/// One pool's line of the schedule.
#[derive(Debug, Clone, PartialEq)]
pub struct SupplyLine {
    /// The child ASIN the pool sells (with its marketplace, `DE:B0…`, where
    /// the week merges several), or the SKU's key for a SKU alone.
    pub pool: String,
    /// The SKU the pool orders as (without its marketplace).
    pub sku: String,
    /// That SKU's review row key.
    pub key: String,
    /// Every SKU of the pool, most sold first.
    pub members: Vec<PoolMember>,
    pub marketplace: Option<String>,
    pub available: i64,
    /// Reserved for FC transfer or FC processing: sellable again soon.
    pub reserved: i64,
    pub inbound: i64,
    /// At AWD, in a warehouse, in transit or on order (`supply.csv`).
    pub upstream: i64,
    /// Units a day, stockouts and events left out.
    pub velocity: f64,
    pub velocity_uncleaned: f64,
    pub excluded: Vec<Exclusion>,
    pub cover_days: Option<f64>,
    pub lead_time: LeadTime,
    pub order_by: Option<NaiveDate>,
    /// When an order placed on the order-by date (today, when that has passed) ships.
    pub ship_by: Option<NaiveDate>,
    /// When it is sellable at FBA.
    pub arrives: Option<NaiveDate>,
    /// The whole order, air units included.
    pub suggested_units: i64,
    /// Of them, the units to fly so the pool lasts until the sea freight arrives.
    pub air_units: i64,
    pub status: SupplyStatus,
    pub shortfall: Option<EventShortfall>,
    pub late_for_event: Option<LateForEvent>,
    pub amazon: Option<AmazonRecommendation>,
    /// Cubic feet per unit.
    pub unit_volume: Option<f64>,
    /// Units the pool cannot sell over the next four weeks if nothing is done.
    pub units_short: f64,
}

impl SupplyLine {
    pub fn lead_time_days(&self) -> f64 {
        self.lead_time.total
    }

    /// Available, reserved for transfer and inbound units.
    pub fn stock(&self) -> i64 {
        self.available + self.reserved + self.inbound
    }

    /// Whether the line pools several SKUs.
    pub fn is_pooled(&self) -> bool {
        self.members.len() > 1
    }

    /// The SKUs shown on child rows under the line: a pool's, none for a SKU alone.
    pub fn children(&self) -> &[PoolMember] {
        if self.is_pooled() { &self.members } else { &[] }
    }

    /// The pool's SKUs as people name it: `HK-SB-BPA + HK-SB-BPA-R`.
    pub fn member_names(&self) -> String {
        let skus: Vec<&str> = self.members.iter().map(|m| m.sku.as_str()).collect();
        skus.join(" + ")
    }

    /// The SKUs with nothing available while the pool has stock to sell.
    pub fn empty_members(&self) -> impl Iterator<Item = &PoolMember> {
        self.children()
            .iter()
            .filter(move |m| m.available == 0 && self.available > 0)
    }

    /// The pool's member that holds the most available units.
    pub fn fullest_member(&self) -> Option<&PoolMember> {
        self.members.iter().max_by_key(|m| m.available)
    }
}
