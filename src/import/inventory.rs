//! Manage FBA Inventory (`.txt` tab-separated or the quoted Windows-1252 `.csv`).
//! Stock belongs to the FNSKU: when several rows share one, it counts once.

use rustc_hash::FxHashSet;

use crate::domain::facts::{ReportFacts, SkuStock};
use crate::domain::words::Said;

use super::kind_read::KindRead;
use super::table::{ReadError, Table};

/// Reads stock per SKU.
pub fn read(table: &Table<'_>) -> Result<KindRead, ReadError> {
    let sku = table.require(&["sku"])?;
    let fnsku = table.require(&["fnsku"])?;
    let asin = table.column(&["asin"])?;
    let title = table.column(&["product-name"])?;
    let available = table.require(&["afn-fulfillable-quantity"])?;
    let reserved = table.column(&["afn-reserved-quantity"])?;
    let unsellable = table.column(&["afn-unsellable-quantity"])?;
    let condition = table.column(&["condition"])?;
    let volume = table.column(&["per-unit-volume"])?;
    let inbound = [
        table.column(&["afn-inbound-working-quantity"])?,
        table.column(&["afn-inbound-shipped-quantity"])?,
        table.column(&["afn-inbound-receiving-quantity"])?,
    ];
    let mut seen_fnskus = FxHashSet::default();
    let mut shared = 0usize;
    let mut stock = Vec::new();
    let stats = table.for_each_row(|row| {
        let fnsku_text = row.text(fnsku);
        let first_of_fnsku = fnsku_text.is_empty() || seen_fnskus.insert(fnsku_text.to_string());
        let mut item = SkuStock {
            sku: row.text(sku).into_owned(),
            fnsku: fnsku_text.into_owned(),
            asin: row.text_of(asin).into_owned(),
            title: row.text_of(title).into_owned(),
            available: 0,
            inbound: 0,
            reserved: 0,
            unsellable: 0,
            new_condition: is_new(&row.text_of(condition)),
            unit_volume: match volume {
                Some(column) => row.number(column)?.filter(|v| *v > 0.0),
                None => None,
            },
        };
        if first_of_fnsku {
            item.available = row.count(available)?.unwrap_or(0);
            item.reserved = row.count_or_zero(reserved)?;
            item.unsellable = row.count_or_zero(unsellable)?;
            for column in inbound {
                item.inbound += row.count_or_zero(column)?;
            }
        } else {
            shared += 1;
        }
        stock.push(item);
        Ok(())
    })?;
    let mut warnings = Vec::new();
    if shared > 0 {
        warnings.push(Said::new(
            format!(
                "{shared} rows share an FNSKU with an earlier row; their stock was counted once"
            ),
            format!("{shared} 行与前面的行 FNSKU 相同；库存只计一次"),
        ));
    }
    Ok(KindRead {
        facts: ReportFacts::Inventory(stock),
        stats,
        currency: None,
        warnings,
        attribution_days: None,
    })
}

/// Whether a `condition` cell says new: `New`, `NewItem` or nothing at all.
pub fn is_new(condition: &str) -> bool {
    let condition = condition.trim();
    condition.is_empty() || condition.to_ascii_lowercase().starts_with("new")
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use crate::import::report::read_report_bytes;

    const HEADER: &str = "sku\tfnsku\tasin\tproduct-name\tcondition\tyour-price\tmfn-listing-exists\tmfn-fulfillable-quantity\tafn-listing-exists\tafn-warehouse-quantity\tafn-fulfillable-quantity\tafn-unsellable-quantity\tafn-reserved-quantity\tafn-total-quantity\tper-unit-volume\tafn-inbound-working-quantity\tafn-inbound-shipped-quantity\tafn-inbound-receiving-quantity\tafn-researching-quantity\tafn-reserved-future-supply\tafn-future-supply-buyable";

    #[test]
    fn tab_file_with_a_literal_quote_in_the_title() {
        let text = format!(
            "{HEADER}\nA-1\tX001\tB01\tFunko POP! 10\" Deluxe\tNew\t59.99\tNo\t\tYes\t19\t19\t0\t0\t29\t0.45\t10\t0\t0\t0\t0\t0\n"
        );
        let file = read_report_bytes(Path::new("inv.txt"), text.as_bytes(), None).unwrap();
        let totals = file.facts.totals();
        assert_eq!(totals.available_units, Some(19));
        assert_eq!(totals.inbound_units, Some(10));
        assert_eq!(file.facts.skus(), 1);
    }

    #[test]
    fn windows_1252_csv_with_a_shared_fnsku() {
        let mut bytes = b"\"sku\",\"fnsku\",\"asin\",\"product-name\",\"afn-fulfillable-quantity\",\"afn-total-quantity\",\"afn-inbound-shipped-quantity\"\n".to_vec();
        bytes.extend_from_slice(
            b"\"A\",\"X1\",\"B1\",\"Rug \x9663\"\" x 27\",\"19\",\"29\",\"10\"\n",
        );
        bytes.extend_from_slice(b"\"A-old\",\"X1\",\"B1\",\"Rug\",\"19\",\"29\",\"10\"\n");
        let file = read_report_bytes(Path::new("inv.csv"), &bytes, None).unwrap();
        assert_eq!(file.facts.totals().available_units, Some(19));
        assert_eq!(file.facts.totals().inbound_units, Some(10));
        assert!(
            file.warnings[0].en.contains("share an FNSKU"),
            "{:?}",
            file.warnings
        );
        let crate::domain::facts::ReportFacts::Inventory(stock) = &file.facts else {
            panic!()
        };
        assert_eq!(stock[0].title, "Rug \u{2013}63\" x 27");
    }
}
