//! The replenishment schedule in `kpis --format json`: one entry per stock
//! pool, with its SKUs, its cleaned velocity and what was left out of it,
//! the legs of its lead time, its dates and its event flags. Field names
//! are a contract (see the README).

use serde::Serialize;

use crate::domain::replenishment::{ExclusionReason, SupplyLine};
use crate::domain::week_report::WeekReport;

#[derive(Serialize)]
struct SupplyJson<'a> {
    /// The child ASIN, with its marketplace where the week merges several.
    pool: &'a str,
    /// Every SKU of the pool, most sold first.
    skus: Vec<&'a str>,
    /// The SKU the pool orders as.
    sku: &'a str,
    members: Vec<MemberJson<'a>>,
    marketplace: Option<&'a str>,
    available: i64,
    reserved: i64,
    inbound: i64,
    upstream: i64,
    /// Units a day, stockouts and events left out.
    velocity: f64,
    velocity_uncleaned: f64,
    excluded: Vec<ExcludedJson<'a>>,
    /// `null` when the pool did not sell.
    cover_days: Option<f64>,
    lead_time_days: f64,
    lead_time: LegsJson,
    order_by: Option<String>,
    ship_by: Option<String>,
    arrives: Option<String>,
    suggested_units: i64,
    air_units: i64,
    status: &'static str,
    amazon_recommended_units: Option<i64>,
    amazon_recommended_ship_by: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    runs_out_before_event_ends: Option<ShortfallJson<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    late_for_event: Option<LateJson<'a>>,
}

#[derive(Serialize)]
struct MemberJson<'a> {
    sku: &'a str,
    available: i64,
    inbound: i64,
    units: i64,
}

#[derive(Serialize)]
struct ExcludedJson<'a> {
    week: String,
    /// The first and last day left out, when not the whole week.
    #[serde(skip_serializing_if = "Option::is_none")]
    from: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    to: Option<String>,
    /// `stockout` or `event`.
    reason: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    event: Option<&'a str>,
}

#[derive(Serialize)]
#[allow(clippy::struct_field_names)] // the JSON contract's names
struct LegsJson {
    production_days: Option<f64>,
    freight_days: Option<f64>,
    checkin_days: Option<f64>,
    air_freight_days: Option<f64>,
}

#[derive(Serialize)]
struct ShortfallJson<'a> {
    event: &'a str,
    days_short: u64,
    units_short: f64,
}

#[derive(Serialize)]
struct LateJson<'a> {
    event: &'a str,
    needed_by: String,
    arrives: String,
    arrives_by_air: Option<String>,
}

/// The replenishment schedule, serialised one pool at a time.
pub struct SupplyRows<'a>(pub &'a WeekReport);

fn round(value: f64, places: i32) -> f64 {
    let scale = 10f64.powi(places);
    (value * scale).round() / scale
}

impl Serialize for SupplyRows<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.0.supply.iter().map(line_json))
    }
}

fn line_json(line: &SupplyLine) -> SupplyJson<'_> {
    let date = |day: Option<chrono::NaiveDate>| day.map(|d| d.to_string());
    SupplyJson {
        pool: &line.pool,
        skus: line.members.iter().map(|m| m.sku.as_str()).collect(),
        sku: &line.sku,
        members: line
            .members
            .iter()
            .map(|m| MemberJson {
                sku: &m.sku,
                available: m.available,
                inbound: m.inbound,
                units: m.units,
            })
            .collect(),
        marketplace: line.marketplace.as_deref(),
        available: line.available,
        reserved: line.reserved,
        inbound: line.inbound,
        upstream: line.upstream,
        velocity: round(line.velocity, 3),
        velocity_uncleaned: round(line.velocity_uncleaned, 3),
        excluded: line
            .excluded
            .iter()
            .map(|e| ExcludedJson {
                week: e.week.to_string(),
                from: e.days.map(|(from, _)| from.to_string()),
                to: e.days.map(|(_, to)| to.to_string()),
                reason: match e.reason {
                    ExclusionReason::Stockout => "stockout",
                    ExclusionReason::Event(_) => "event",
                },
                event: match &e.reason {
                    ExclusionReason::Event(name) => Some(name),
                    ExclusionReason::Stockout => None,
                },
            })
            .collect(),
        cover_days: line.cover_days.map(|days| round(days, 1)),
        lead_time_days: line.lead_time_days(),
        lead_time: LegsJson {
            production_days: line.lead_time.production,
            freight_days: line.lead_time.freight,
            checkin_days: line.lead_time.checkin,
            air_freight_days: line.lead_time.air_freight,
        },
        order_by: date(line.order_by),
        ship_by: date(line.ship_by),
        arrives: date(line.arrives),
        suggested_units: line.suggested_units,
        air_units: line.air_units,
        status: line.status.name(),
        amazon_recommended_units: line.amazon.map(|a| a.units),
        amazon_recommended_ship_by: date(line.amazon.and_then(|a| a.ship_by)),
        runs_out_before_event_ends: line.shortfall.as_ref().map(|s| ShortfallJson {
            event: &s.event,
            days_short: s.days_short,
            units_short: round(s.units_short, 1),
        }),
        late_for_event: line.late_for_event.as_ref().map(|late| LateJson {
            event: &late.event,
            needed_by: late.needed_by.to_string(),
            arrives: late.arrives.to_string(),
            arrives_by_air: date(late.arrives_by_air),
        }),
    }
}
