//! The storage the schedule's stock and suggested orders take, against the
//! limit Amazon sets (`[replenishment] capacity_cubic_feet`).

use super::{SupplyLine, float};
use crate::domain::settings::Settings;

/// What the suggested orders add to the stock's volume, and whether it fits.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Capacity {
    /// Cubic feet of the suggested orders.
    pub ordered: f64,
    /// Cubic feet of on-hand, reserved, inbound and suggested units together.
    pub total: f64,
    /// `[replenishment] capacity_cubic_feet`, when set.
    pub limit: Option<f64>,
}

impl Capacity {
    /// Whether the stock with the suggested orders would exceed the limit.
    pub fn exceeded(&self) -> bool {
        self.limit.is_some_and(|limit| self.total > limit)
    }
}

/// The volume of the schedule's stock and suggested orders, from the lines
/// whose unit volume a report gives; `None` when none does.
pub fn capacity(lines: &[SupplyLine], settings: &Settings) -> Option<Capacity> {
    let sized: Vec<(&SupplyLine, f64)> = lines
        .iter()
        .filter_map(|line| Some((line, line.unit_volume?)))
        .collect();
    if sized.is_empty() {
        return None;
    }
    let ordered = sized
        .iter()
        .map(|(line, volume)| float(line.suggested_units) * volume)
        .sum();
    let held: f64 = sized
        .iter()
        .map(|(line, volume)| float(line.stock()) * volume)
        .sum();
    Some(Capacity {
        ordered,
        total: held + ordered,
        limit: settings.replenishment.capacity_cubic_feet,
    })
}
