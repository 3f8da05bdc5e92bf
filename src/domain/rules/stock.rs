//! The rules on stock: running out (before the lead time, during an
//! event), stock aged past 90 days, and units that vanished from FBA.

use super::subject::{Subject, as_f64};
use crate::domain::anomaly::Anomaly;
use crate::domain::format::{count, money};
use crate::domain::judgement::Status;
use crate::domain::metric::Metric;
use crate::domain::replenishment::SupplyLine;
use crate::domain::rule_book::Rule;
use crate::domain::words::Said;

pub(super) fn stockout_risk(s: &Subject<'_>, line: &SupplyLine) -> Option<Anomaly> {
    let days = line.cover_days?;
    let lead = line.lead_time_days();
    if days >= lead {
        return None;
    }
    let severity = if days < lead / 2.0 {
        Status::Breach
    } else {
        Status::Watch
    };
    let (stock, per_day) = (count(as_f64(line.stock())), line.velocity);
    let held = held_by(line);
    let message = Said::new(
        format!(
            "{days:.0} days of supply against a {lead:.0}-day lead time ({stock} units {}, {per_day:.1} sold a day)",
            held.en
        ),
        format!(
            "可售 {days:.0} 天，补货周期 {lead:.0} 天（{}共 {stock} 件，日销 {per_day:.1} 件）",
            held.zh
        ),
    );
    let mut anomaly = s.anomaly(
        Rule::StockoutRisk,
        severity,
        Metric::DaysOfSupply,
        message,
        line.units_short * s.unit_margin(),
    );
    anomaly.value = Some(days);
    Some(anomaly)
}

pub(super) fn stockout_during_event(s: &Subject<'_>, line: &SupplyLine) -> Option<Anomaly> {
    let shortfall = line.shortfall.as_ref()?;
    let (event, days) = (&shortfall.event, shortfall.days_short);
    let (stock, held) = (count(as_f64(line.stock())), held_by(line));
    let message = Said::new(
        format!(
            "runs out {days} days before {event} ends ({stock} units {}, {:.1} sold a day)",
            held.en, line.velocity
        ),
        format!(
            "在 {event} 结束前 {days} 天断货（{}共 {stock} 件，日销 {:.1} 件）",
            held.zh, line.velocity
        ),
    );
    Some(s.anomaly(
        Rule::StockoutDuringEvent,
        Status::Breach,
        Metric::DaysOfSupply,
        message,
        shortfall.units_short * s.unit_margin(),
    ))
}

/// Where a pool's stock is: "of HK-SB-BPA + HK-SB-BPA-R" for a pool of
/// several SKUs, "available and inbound" for one.
pub(super) fn held_by(line: &SupplyLine) -> Said {
    if line.is_pooled() {
        let skus = line.member_names();
        Said::new(format!("of {skus}"), format!("{skus} "))
    } else {
        Said::both("available and inbound", "可售和在途")
    }
}

pub(super) fn aged_inventory(s: &Subject<'_>) -> Option<Anomaly> {
    let aged = s.now(Metric::Aged181PlusUnits)?;
    let surcharge = s.now(Metric::StorageSurcharge).unwrap_or(0.0);
    if aged <= 0.0 && surcharge <= 0.0 {
        return None;
    }
    let (units, fee) = (count(aged), money(surcharge, s.currency));
    let message = Said::new(
        format!("{units} units aged 181+ days; estimated surcharge {fee}"),
        format!("{units} 件库龄超过 181 天；预计超龄费 {fee}"),
    );
    // The surcharge is estimated for the month ahead: the cost of doing nothing.
    Some(s.anomaly(
        Rule::AgedInventory,
        Status::Watch,
        Metric::Aged181PlusUnits,
        message,
        surcharge,
    ))
}

/// FBA units that fell by more than what explains it: units sold, less units
/// returned, plus units removed (no report opsdeck reads gives removals: 0),
/// less units received from inbound (at least last week's inbound less
/// this week's). Fires at 5 % of last week's units and at least 10 units.
pub(super) fn inventory_unaccounted(s: &Subject<'_>) -> Option<Anomaly> {
    let row = s.row?;
    let (now, before) = (row.stock.as_ref()?, row.stock_before.as_ref()?);
    let (units_now, units_before) = (now.fba_units?, before.fba_units?);
    let sold = s.now(Metric::Units)?;
    let returned = s.now(Metric::ReturnedUnits).unwrap_or(0.0);
    let received = as_f64((before.inbound - now.inbound).max(0));
    let explained = sold - returned - received;
    let missing = as_f64(units_before - units_now) - explained;
    if missing < (0.05 * as_f64(units_before)).max(10.0) {
        return None;
    }
    let (from, to, gone) = (
        count(as_f64(units_before)),
        count(as_f64(units_now)),
        count(missing),
    );
    let (sold, back) = (count(sold), count(returned));
    let message = Said::new(
        format!(
            "{gone} units unaccounted for: FBA units fell from {from} to {to} with {sold} sold and {back} returned"
        ),
        format!(
            "{gone} 件去向不明：FBA 库存从 {from} 件降到 {to} 件，售出 {sold} 件，退回 {back} 件"
        ),
    );
    // What the team paid for the units; unknown without costs.
    let unit_cost = s.cost.map_or(0.0, |c| c.unit_cost.to_f64());
    let mut anomaly = s.anomaly(
        Rule::InventoryUnaccounted,
        Status::Breach,
        Metric::AvailableUnits,
        message,
        missing * unit_cost,
    );
    anomaly.value = Some(missing);
    anomaly.previous = None;
    Some(anomaly)
}
