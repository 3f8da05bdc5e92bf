//! `costs.csv`: what each SKU costs (`sku,unit_cost,fba_fee,referral_rate`),
//! for gross margin. The referral rate is a fraction (`0.15`) or a percentage
//! (`15%`). Optional columns tell how it is bought, for the replenishment
//! schedule: `lead_time_days` (or its legs `production_days`,
//! `freight_days`, `checkin_days`, with `air_freight_days` for a bridge),
//! `case_pack`, `moq`, and `reorder_sku` (the SKU a stock pool orders as).

use crate::domain::facts::{LeadTimeLegs, ReportFacts, SkuCost};
use crate::domain::words::{Said, Words};

use super::kind_read::KindRead;
use super::table::{ReadError, Table};

/// The longest lead time or leg, in days: two years.
const MAX_DAYS: f64 = 730.0;
/// The largest case pack or MOQ, in units.
const MAX_UNITS: i64 = 1_000_000;

/// What a cost line's cells are expected to hold, for its errors.
const A_SKU: Words = Words::new("a SKU", "SKU");
const AN_AMOUNT: Words = Words::new("an amount such as 4.20", "金额，如 4.20");
const A_REFERRAL_RATE: Words = Words::new(
    "a referral rate such as 0.15 or 15%",
    "佣金比例，如 0.15 或 15%",
);
const DAYS: Words = Words::new(
    "a number of days from 0 to 730, such as 35",
    "0 到 730 之间的天数，如 35",
);
const CASE_PACK: Words = Words::new(
    "units per case from 1 to 1,000,000, such as 24",
    "每箱件数，1 到 1,000,000，如 24",
);
const MOQ: Words = Words::new(
    "a minimum order quantity from 1 to 1,000,000, such as 500",
    "最小起订量，1 到 1,000,000，如 500",
);

/// Reads one cost line per SKU; a SKU listed twice is an error.
pub fn read(table: &Table<'_>) -> Result<KindRead, ReadError> {
    let sku = table.require(&["sku"])?;
    let unit_cost = table.require(&["unit_cost"])?;
    let fba_fee = table.require(&["fba_fee"])?;
    let referral = table.require(&["referral_rate"])?;
    let lead_time = table.column(&["lead_time_days"])?;
    let case_pack = table.column(&["case_pack"])?;
    let moq = table.column(&["moq"])?;
    let production = table.column(&["production_days"])?;
    let freight = table.column(&["freight_days"])?;
    let checkin = table.column(&["checkin_days"])?;
    let air_freight = table.column(&["air_freight_days"])?;
    let reorder_sku = table.column(&["reorder_sku"])?;
    let mut costs: Vec<SkuCost> = Vec::new();
    let mut seen = rustc_hash::FxHashMap::default();
    let stats = table.for_each_row(|row| {
        let name = row.text(sku).into_owned();
        if name.is_empty() {
            return Err(row.error(sku, A_SKU));
        }
        if let Some(first) = seen.insert(name.clone(), row.line) {
            let mut error = row.error(sku, Words::new("each SKU once", "每个 SKU 只出现一次"));
            error.message = Said::both(
                format!(
                    "the SKU `{name}` is already listed on line {first}: expected each SKU once; \
                     remove one of the lines"
                ),
                format!(
                    "SKU `{name}` 已在第 {first} 行列出：每个 SKU 只应出现一次；请删除其中一行"
                ),
            );
            return Err(error);
        }
        let money = |column| {
            row.money(column)?
                .ok_or_else(|| row.error(column, AN_AMOUNT))
        };
        let rate = row
            .ratio(referral)?
            .filter(|rate| (0.0..1.0).contains(rate))
            .ok_or_else(|| row.error(referral, A_REFERRAL_RATE))?;
        let days = |column: Option<usize>| match column {
            Some(column) => row
                .number(column)?
                .map(|days| {
                    (0.0..=MAX_DAYS)
                        .contains(&days)
                        .then_some(days)
                        .ok_or_else(|| row.error(column, DAYS))
                })
                .transpose(),
            None => Ok(None),
        };
        let whole = |column: Option<usize>, what: Words| match column {
            Some(column) => row
                .count(column)?
                .map(|n| {
                    (1..=MAX_UNITS)
                        .contains(&n)
                        .then_some(n)
                        .ok_or_else(|| row.error(column, what))
                })
                .transpose(),
            None => Ok(None),
        };
        costs.push(SkuCost {
            sku: name,
            unit_cost: money(unit_cost)?,
            fba_fee: money(fba_fee)?,
            referral_rate: rate,
            lead_time_days: days(lead_time)?,
            case_pack: whole(case_pack, CASE_PACK)?,
            moq: whole(moq, MOQ)?,
            legs: LeadTimeLegs {
                production: days(production)?,
                freight: days(freight)?,
                checkin: days(checkin)?,
                air_freight: days(air_freight)?,
            },
            reorder_sku: Some(row.text_of(reorder_sku).into_owned()).filter(|s| !s.is_empty()),
        });
        Ok(())
    })?;
    Ok(KindRead::plain(ReportFacts::Costs(costs), stats))
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use crate::domain::facts::ReportFacts;
    use crate::domain::money::Money;
    use crate::import::report::read_report_bytes;

    #[test]
    fn rates_as_fractions_or_percentages() {
        let csv = "sku,unit_cost,fba_fee,referral_rate\nA,4.20,$5.10,0.15\nB,3,2.5,8%\n";
        let file = read_report_bytes(Path::new("costs.csv"), csv.as_bytes(), None).unwrap();
        let ReportFacts::Costs(costs) = &file.facts else {
            panic!()
        };
        assert_eq!(costs[0].unit_cost, Money::from_cents(420));
        assert_eq!(costs[0].fba_fee, Money::from_cents(510));
        assert!((costs[1].referral_rate - 0.08).abs() < 1e-12);
    }

    #[test]
    fn lead_time_case_pack_and_moq_are_read_when_present() {
        let csv = "sku,unit_cost,fba_fee,referral_rate,lead_time_days,case_pack,moq\n\
                   A,4.20,5.10,0.15,42,24,500\nB,3,2.5,8%,,,\n";
        let file = read_report_bytes(Path::new("costs.csv"), csv.as_bytes(), None).unwrap();
        let ReportFacts::Costs(costs) = &file.facts else {
            panic!()
        };
        assert_eq!(costs[0].lead_time_days, Some(42.0));
        assert_eq!((costs[0].case_pack, costs[0].moq), (Some(24), Some(500)));
        assert_eq!((costs[1].lead_time_days, costs[1].case_pack), (None, None));
        assert_eq!(costs[0].legs.sea_total(), None);
        let bad = "sku,unit_cost,fba_fee,referral_rate,case_pack\nA,1,1,0.1,0\n";
        let error = read_report_bytes(Path::new("costs.csv"), bad.as_bytes(), None).unwrap_err();
        assert_eq!((error.line, error.column), (Some(2), Some(5)));
    }

    #[test]
    fn implausible_case_packs_moqs_and_lead_times_are_refused() {
        for (column, value) in [
            ("moq", "1000000000000"),
            ("case_pack", "0"),
            ("lead_time_days", "9999"),
        ] {
            let csv = format!("sku,unit_cost,fba_fee,referral_rate,{column}\nA,1,1,0.1,{value}\n");
            let error =
                read_report_bytes(Path::new("costs.csv"), csv.as_bytes(), None).unwrap_err();
            assert_eq!(
                (error.line, error.column),
                (Some(2), Some(5)),
                "{column}: {error}"
            );
        }
    }

    #[test]
    fn a_rate_of_fifteen_is_ambiguous() {
        let csv = "sku,unit_cost,fba_fee,referral_rate\nA,4.20,5.10,15\n";
        let error = read_report_bytes(Path::new("costs.csv"), csv.as_bytes(), None).unwrap_err();
        assert_eq!((error.line, error.column), (Some(2), Some(4)));
    }

    #[test]
    fn duplicate_skus_are_errors() {
        let csv = "sku,unit_cost,fba_fee,referral_rate\nA,1,1,0.1\nA,1,1,0.1\n";
        let error = read_report_bytes(Path::new("costs.csv"), csv.as_bytes(), None).unwrap_err();
        assert!(error.message.en.contains("line 2"), "{error}");
    }

    #[test]
    fn lead_time_legs_and_the_reorder_sku_are_read_when_present() {
        let csv = "sku,unit_cost,fba_fee,referral_rate,production_days,freight_days,checkin_days,air_freight_days,reorder_sku\n\
                   A,4.20,5.10,0.15,20,30,7,6,A-R\nB,3,2.5,8%,,,,,\n";
        let file = read_report_bytes(Path::new("costs.csv"), csv.as_bytes(), None).unwrap();
        let ReportFacts::Costs(costs) = &file.facts else {
            panic!()
        };
        assert_eq!(costs[0].legs.sea_total(), Some(57.0));
        assert_eq!(costs[0].legs.air_freight, Some(6.0));
        assert_eq!(costs[0].reorder_sku.as_deref(), Some("A-R"));
        assert_eq!(
            (costs[1].legs.sea_total(), &costs[1].reorder_sku),
            (None, &None)
        );
        let bad = "sku,unit_cost,fba_fee,referral_rate,freight_days\nA,1,1,0.1,-3\n";
        let error = read_report_bytes(Path::new("costs.csv"), bad.as_bytes(), None).unwrap_err();
        assert_eq!((error.line, error.column), (Some(2), Some(5)));
    }
}
