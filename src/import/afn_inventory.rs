//! The Amazon-fulfilled Inventory report (`GET_AFN_INVENTORY_DATA`): one row
//! per SKU and warehouse condition. The SELLABLE rows are the available
//! units; the others (UNSELLABLE) are counted apart.

use crate::domain::facts::{ReportFacts, SkuStock};

use super::columns::afn;
use super::kind_read::KindRead;
use super::table::{ReadError, Table};
use crate::domain::keyed::{Keyed, hash_key};

/// Reads stock per seller SKU.
pub fn read(table: &Table<'_>) -> Result<KindRead, ReadError> {
    let sku = table.need(&afn::SELLER_SKU)?;
    let fnsku = table.find(&afn::FULFILLMENT_SKU)?;
    let asin = table.find(&afn::ASIN)?;
    let condition = table.need(&afn::WAREHOUSE_CONDITION)?;
    let quantity = table.need(&afn::QUANTITY)?;
    let mut stock: Keyed<SkuStock> = Keyed::with_capacity(table.estimated_rows());
    let stats = table.for_each_row(|row| {
        let seller_sku = row.text(sku);
        let units = row.count(quantity)?.unwrap_or(0);
        let sellable = row.text(condition).eq_ignore_ascii_case("SELLABLE");
        let item = stock.entry(
            hash_key(&seller_sku.as_ref()),
            |s| s.sku == seller_sku.as_ref(),
            |s| hash_key(&s.sku.as_str()),
            || SkuStock {
                sku: seller_sku.to_string(),
                fnsku: row.text_of(fnsku).into_owned(),
                asin: row.text_of(asin).into_owned(),
                title: String::new(),
                available: 0,
                inbound: 0,
                reserved: 0,
                unsellable: 0,
                new_condition: true,
                unit_volume: None,
            },
        );
        if sellable {
            item.available += units;
        } else {
            item.unsellable += units;
        }
        Ok(())
    })?;
    Ok(KindRead::plain(
        ReportFacts::Inventory(stock.into_values()),
        stats,
    ))
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use crate::domain::report::ReportKind;
    use crate::import::report::read_report_bytes;

    #[test]
    fn sellable_rows_are_the_available_units() {
        let csv = "\"seller-sku\",\"fulfillment-channel-sku\",\"asin\",\"condition-type\",\"Warehouse-Condition-code\",\"Quantity Available\"\n\
            \"A-1\",\"X001\",\"B001\",\"NewItem\",\"SELLABLE\",\"18\"\n\
            \"A-1\",\"X001\",\"B001\",\"NewItem\",\"UNSELLABLE\",\"1\"\n\
            \"B-2\",\"X002\",\"B002\",\"NewItem\",\"SELLABLE\",\"0\"\n";
        let file = read_report_bytes(Path::new("inventory.csv"), csv.as_bytes(), None).unwrap();
        assert_eq!(file.kind, ReportKind::AfnInventory);
        let totals = file.facts.totals();
        assert_eq!(totals.available_units, Some(18));
        assert_eq!(file.facts.skus(), 2);
    }
}
