//! A purchase order's way to FBA: production, freight and check-in — their
//! sum is the lead time when `costs.csv` gives them, else `lead_time_days`,
//! else the workspace's target — and the dates it gives an order placed on
//! a day: shipped when production ends, sellable when checked in.

use chrono::{Days, NaiveDate};

use crate::domain::facts::SkuCost;

/// The lead time of a pool's orders, in days, with its legs where known.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LeadTime {
    /// From purchase order to sellable at FBA by sea (or the usual way).
    pub total: f64,
    pub production: Option<f64>,
    pub freight: Option<f64>,
    pub checkin: Option<f64>,
    /// Air freight in place of `freight`, for a bridge order.
    pub air_freight: Option<f64>,
}

impl LeadTime {
    /// The lead time `cost` gives, or `default_days` when it gives none.
    pub fn of(cost: Option<&SkuCost>, default_days: f64) -> Self {
        let legs = cost.map(|c| c.legs).unwrap_or_default();
        let total = legs
            .sea_total()
            .or_else(|| cost.and_then(|c| c.lead_time_days))
            .unwrap_or(default_days);
        Self {
            total,
            production: legs.production,
            freight: legs.freight,
            checkin: legs.checkin,
            air_freight: legs.air_freight,
        }
    }

    /// The day an order placed on `ordered` leaves the factory, when production is known.
    pub fn ships(&self, ordered: NaiveDate) -> Option<NaiveDate> {
        self.production.map(|days| after(ordered, days))
    }

    /// The day an order placed on `ordered` is sellable at FBA.
    pub fn arrives(&self, ordered: NaiveDate) -> NaiveDate {
        after(ordered, self.total)
    }

    /// The day an order placed on `ordered` and flown is sellable, when air freight is known.
    pub fn arrives_by_air(&self, ordered: NaiveDate) -> Option<NaiveDate> {
        let air = self.air_freight?;
        let days = self.production.unwrap_or(0.0) + air + self.checkin.unwrap_or(0.0);
        Some(after(ordered, days))
    }
}

/// `day` plus a number of days, rounded up to whole days.
pub fn after(day: NaiveDate, days: f64) -> NaiveDate {
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)] // a lead time in days
    let whole = days.max(0.0).ceil() as u64;
    day + Days::new(whole)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::facts::LeadTimeLegs;
    use crate::domain::money::Money;

    fn cost(lead_time_days: Option<f64>, legs: LeadTimeLegs) -> SkuCost {
        SkuCost {
            sku: "A".into(),
            unit_cost: Money::from_cents(100),
            fba_fee: Money::from_cents(100),
            referral_rate: 0.15,
            lead_time_days,
            case_pack: None,
            moq: None,
            legs,
            reorder_sku: None,
        }
    }

    #[test]
    fn legs_add_up_to_the_lead_time_and_date_the_order() {
        let legs = LeadTimeLegs {
            production: Some(20.0),
            freight: Some(30.0),
            checkin: Some(7.0),
            air_freight: Some(6.0),
        };
        let lead = LeadTime::of(Some(&cost(Some(35.0), legs)), 35.0);
        assert!((lead.total - 57.0).abs() < 1e-12);
        let po = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        assert_eq!(
            lead.ships(po).map(|d| d.to_string()).as_deref(),
            Some("2026-12-13")
        );
        assert_eq!(lead.arrives(po).to_string(), "2027-01-19");
        assert_eq!(
            lead.arrives_by_air(po).map(|d| d.to_string()).as_deref(),
            Some("2026-12-26")
        );
    }

    #[test]
    fn a_total_alone_dates_the_arrival_but_not_the_shipment() {
        let lead = LeadTime::of(Some(&cost(Some(21.0), LeadTimeLegs::default())), 35.0);
        assert!((lead.total - 21.0).abs() < 1e-12);
        let po = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        assert_eq!(lead.ships(po), None);
        assert_eq!(lead.arrives(po).to_string(), "2026-12-14");
        assert!((LeadTime::of(None, 35.0).total - 35.0).abs() < 1e-12);
    }
}
