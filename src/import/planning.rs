//! FBA Inventory planning report (the 2023 and 2025 layouts) and its older
//! form, Inventory Health: stock, aged units, surcharge risk and sales rank.

use crate::domain::facts::{ReportFacts, SkuPlanning};
use crate::domain::money::Money;

use super::dates::DateCache;
use super::error::ImportError;
use super::kind_read::KindRead;
use super::rows::{CellError, Row};
use super::table::{ReadError, Table};

/// Aged-181+ buckets: the older layout ends in `365-plus`, the newer splits it.
const AGED_181_PLUS: [&str; 5] = [
    "inv-age-181-to-270-days",
    "inv-age-271-to-365-days",
    "inv-age-365-plus-days",
    "inv-age-366-to-455-days",
    "inv-age-456-plus-days",
];

/// Fee estimates, newest first; the first group the file has is used.
const SURCHARGE_GROUPS: [&[&str]; 3] = [
    &[
        "estimated-ais-181-210-days",
        "estimated-ais-211-240-days",
        "estimated-ais-241-270-days",
        "estimated-ais-271-300-days",
        "estimated-ais-301-330-days",
        "estimated-ais-331-365-days",
        "estimated-ais-366-455-days",
        "estimated-ais-456-plus-days",
    ],
    &["estimated-ltsf-next-charge"],
    &["projected-ltsf-12-mo", "projected-ltsf-6-mo"],
];

struct Columns {
    snapshot: usize,
    sku: usize,
    asin: Option<usize>,
    title: Option<usize>,
    available: usize,
    inbound: Option<usize>,
    aged: Vec<usize>,
    surcharge: Vec<usize>,
    sales_rank: Option<usize>,
    product_group: Option<usize>,
    days_of_supply: Option<usize>,
    currency: Option<usize>,
    condition: Option<usize>,
    fc_transfer: Option<usize>,
    fc_processing: Option<usize>,
    recommended_units: Option<usize>,
    recommended_date: Option<usize>,
}

impl Columns {
    fn find(table: &Table<'_>) -> Result<Self, ImportError> {
        let mut aged = Vec::new();
        for name in AGED_181_PLUS {
            aged.extend(table.column(&[name])?);
        }
        let mut surcharge = Vec::new();
        for group in SURCHARGE_GROUPS {
            for name in group {
                surcharge.extend(table.column(&[name])?);
            }
            if !surcharge.is_empty() {
                break;
            }
        }
        Ok(Self {
            snapshot: table.require(&["snapshot-date"])?,
            sku: table.require(&["sku"])?,
            asin: table.column(&["asin"])?,
            title: table.column(&["product-name"])?,
            available: table.require(&["available", "sellable-quantity"])?,
            inbound: table.column(&["inbound-quantity", "in-bound-quantity"])?,
            aged,
            surcharge,
            sales_rank: table.column(&["sales-rank"])?,
            product_group: table.column(&["product-group"])?,
            days_of_supply: table.column(&["days-of-supply"])?,
            currency: table.column(&["currency"])?,
            condition: table.column(&["condition"])?,
            fc_transfer: table.column(&["fc-transfer", "reserved-fc-transfers"])?,
            fc_processing: table.column(&["reserved fc processing", "reserved-fc-processing"])?,
            recommended_units: table.column(&["recommended ship-in quantity"])?,
            recommended_date: table.column(&["recommended ship-in date"])?,
        })
    }

    fn item(&self, row: &Row<'_>, dates: &mut DateCache) -> Result<SkuPlanning, CellError> {
        let mut aged = 0;
        for &column in &self.aged {
            aged += row.count(column)?.unwrap_or(0);
        }
        let mut surcharge: Option<Money> = None;
        for &column in &self.surcharge {
            if let Some(fee) = row.money(column)? {
                surcharge = Some(surcharge.unwrap_or(Money::ZERO) + fee);
            }
        }
        Ok(SkuPlanning {
            sku: row.text(self.sku).into_owned(),
            asin: row.text_of(self.asin).into_owned(),
            title: row.text_of(self.title).into_owned(),
            snapshot: row.date(self.snapshot, dates)?,
            available: row.count(self.available)?.unwrap_or(0),
            inbound: match self.inbound {
                Some(column) => Some(row.count(column)?.unwrap_or(0)),
                None => None,
            },
            aged_181_plus: aged,
            storage_surcharge: surcharge,
            sales_rank: match self.sales_rank {
                Some(column) => row.count(column)?.filter(|rank| *rank > 0),
                None => None,
            },
            product_group: Some(row.text_of(self.product_group).into_owned())
                .filter(|g| !g.is_empty()),
            days_of_supply: match self.days_of_supply {
                Some(column) => row.number(column)?,
                None => None,
            },
            new_condition: super::inventory::is_new(&row.text_of(self.condition)),
            fc_transfer: self
                .fc_transfer
                .map(|c| row.count(c))
                .transpose()?
                .flatten(),
            fc_processing: self
                .fc_processing
                .map(|c| row.count(c))
                .transpose()?
                .flatten(),
            recommended_units: self
                .recommended_units
                .map(|c| row.count(c))
                .transpose()?
                .flatten(),
            recommended_date: self
                .recommended_date
                .map(|c| row.date(c, dates))
                .transpose()?
                .flatten(),
        })
    }
}

/// Reads one planning row per SKU.
pub fn read(table: &Table<'_>) -> Result<KindRead, ReadError> {
    let columns = Columns::find(table)?;
    let mut dates = DateCache::default();
    let mut items = Vec::new();
    let mut currency = None;
    let stats = table.for_each_row(|row| {
        items.push(columns.item(row, &mut dates)?);
        if currency.is_none() {
            currency = Some(row.text_of(columns.currency).into_owned()).filter(|c| !c.is_empty());
        }
        Ok(())
    })?;
    Ok(KindRead {
        facts: ReportFacts::Planning(items),
        stats,
        currency,
        warnings: Vec::new(),
        attribution_days: None,
    })
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use crate::domain::facts::ReportFacts;
    use crate::domain::money::Money;
    use crate::import::report::read_report_bytes;

    #[test]
    fn new_layout_with_surcharge_and_rank() {
        let text = "snapshot-date\tsku\tfnsku\tasin\tproduct-name\tcondition\tavailable\tinv-age-0-to-90-days\tinv-age-91-to-180-days\tinv-age-181-to-270-days\tinv-age-271-to-365-days\tinv-age-366-to-455-days\tinv-age-456-plus-days\tcurrency\tsales-rank\tproduct-group\tdays-of-supply\testimated-ais-181-210-days\testimated-ais-456-plus-days\tinbound-quantity\n\
                    2026-11-23\tSKU-1\tX1\tB1\tMat\tNew\t412\t300\t40\t50\t12\t5\t5\tUSD\t3120\tgl_kitchen\t38\t1.50\t2.25\t600\n";
        let file = read_report_bytes(Path::new("p.txt"), text.as_bytes(), None).unwrap();
        let ReportFacts::Planning(items) = &file.facts else {
            panic!()
        };
        assert_eq!(items[0].aged_181_plus, 72);
        assert_eq!(items[0].storage_surcharge, Some(Money::from_cents(375)));
        assert_eq!(items[0].sales_rank, Some(3120));
        assert_eq!(items[0].inbound, Some(600));
        assert_eq!(file.currency.as_deref(), Some("USD"));
        assert_eq!(file.facts.totals().available_units, Some(412));
    }

    #[test]
    fn old_inventory_health_with_infinite_cover() {
        let text = "\"snapshot-date\",\"sku\",\"asin\",\"sales-rank\",\"product-group\",\"total-quantity\",\"sellable-quantity\",\"inv-age-0-to-90-days\",\"inv-age-365-plus-days\",\"weeks-of-cover-t7\"\n\
                    \"2019-12-16T08:00:00+00:00\",\"XP-1\",\"B07\",\"0\",\"gl_kitchen\",\"20\",\"20\",\"3\",\"2\",\"Infinite\"\n";
        let file = read_report_bytes(Path::new("h.csv"), text.as_bytes(), None).unwrap();
        let ReportFacts::Planning(items) = &file.facts else {
            panic!()
        };
        assert_eq!(items[0].available, 20);
        assert_eq!(items[0].aged_181_plus, 2);
        assert_eq!(items[0].sales_rank, None);
        assert_eq!(items[0].inbound, None);
        assert_eq!(file.facts.totals().inbound_units, None);
    }
}
