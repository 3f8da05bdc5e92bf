//! `supply.csv`: stock upstream of FBA (`sku,location,units,eta`) — at AWD,
//! in a third-party or overseas warehouse, in transit, or on order from the
//! supplier — that the replenishment schedule counts as supply. `eta` is
//! the day it is sellable at FBA; left empty, it arrives
//! `[replenishment] transfer_days` after the reviewed week.

use crate::domain::facts::{ReportFacts, UpstreamLocation, UpstreamStock};
use crate::domain::words::Words;

use super::dates::DateCache;
use super::kind_read::KindRead;
use super::table::{ReadError, Table};

/// Reads one line per batch of upstream stock; a SKU may have several.
pub fn read(table: &Table<'_>) -> Result<KindRead, ReadError> {
    let sku = table.require(&["sku"])?;
    let location = table.require(&["location"])?;
    let units = table.require(&["units"])?;
    let eta = table.column(&["eta"])?;
    let mut dates = DateCache::default();
    let mut stock = Vec::new();
    let stats = table.for_each_row(|row| {
        let name = row.text(sku).into_owned();
        if name.is_empty() {
            return Err(row.error(sku, Words::new("a SKU", "SKU")));
        }
        let place = UpstreamLocation::from_name(row.text(location).trim()).ok_or_else(|| {
            row.error(
                location,
                Words::new(
                    "awd, warehouse, in_transit or on_order",
                    "awd、warehouse、in_transit 或 on_order",
                ),
            )
        })?;
        let count = row.count(units)?.filter(|n| *n >= 0).ok_or_else(|| {
            row.error(
                units,
                Words::new("a number of units such as 1200", "件数，如 1200"),
            )
        })?;
        stock.push(UpstreamStock {
            sku: name,
            location: place,
            units: count,
            eta: eta.map(|c| row.date(c, &mut dates)).transpose()?.flatten(),
        });
        Ok(())
    })?;
    Ok(KindRead::plain(ReportFacts::Upstream(stock), stats))
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use crate::domain::facts::{ReportFacts, UpstreamLocation};
    use crate::import::report::read_report_bytes;

    #[test]
    fn locations_units_and_dates_are_read() {
        let csv =
            "sku,location,units,eta\nA,awd,600,\nA,on_order,2400,2026-12-28\nB,Warehouse,10,\n";
        let file = read_report_bytes(Path::new("supply.csv"), csv.as_bytes(), None).unwrap();
        let ReportFacts::Upstream(stock) = &file.facts else {
            panic!("{:?}", file.facts.kind())
        };
        assert_eq!(stock.len(), 3);
        assert_eq!(stock[0].location, UpstreamLocation::Awd);
        assert_eq!(stock[0].eta, None);
        assert_eq!(
            stock[1].eta.map(|d| d.to_string()).as_deref(),
            Some("2026-12-28")
        );
        assert_eq!(stock[2].location, UpstreamLocation::Warehouse);
    }

    #[test]
    fn an_unknown_location_names_its_cell_and_the_choices() {
        let csv = "sku,location,units,eta\nA,garage,600,\n";
        let error = read_report_bytes(Path::new("supply.csv"), csv.as_bytes(), None).unwrap_err();
        assert_eq!((error.line, error.column), (Some(2), Some(2)));
        assert!(error.message.en.contains("awd, warehouse"), "{error}");
    }
}
