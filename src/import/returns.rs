//! FBA customer returns: one row per returned unit group, dated by the day
//! the fulfilment centre processed it.

use crate::domain::facts::{ReportFacts, ReturnLine};
use crate::domain::words::Words;

use super::dates::DateCache;
use super::kind_read::{DateWindow, KindRead};
use super::table::{ReadError, Table};

/// Reads the returns dated inside the window.
pub fn read(table: &Table<'_>, window: &mut DateWindow) -> Result<KindRead, ReadError> {
    let date = table.require(&["return-date"])?;
    let order = table.column(&["order-id", "amazon-order-id"])?;
    let sku = table.require(&["sku"])?;
    let asin = table.column(&["asin"])?;
    let quantity = table.require(&["quantity"])?;
    let disposition = table.require(&["detailed-disposition"])?;
    let reason = table.require(&["reason"])?;
    let comment = table.column(&["customer-comments"])?;
    let mut dates = DateCache::default();
    let mut lines = Vec::new();
    let stats = table.for_each_row(|row| {
        let Some(day) = row.date(date, &mut dates)? else {
            return Err(row.error(
                date,
                Words::new("the date the return was processed", "退货处理日期"),
            ));
        };
        if !window.keep(Some(day)) {
            return Ok(());
        }
        lines.push(ReturnLine {
            date: day,
            order_id: row.text_of(order).into_owned(),
            sku: row.text(sku).into_owned(),
            asin: row.text_of(asin).into_owned(),
            quantity: row.tally(quantity)?.unwrap_or(1),
            disposition: row.text(disposition).into_owned(),
            reason: row.text(reason).into_owned(),
            comment: Some(row.text_of(comment).into_owned()).filter(|c| !c.is_empty()),
        });
        Ok(())
    })?;
    Ok(KindRead::plain(ReportFacts::Returns(lines), stats))
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use crate::domain::facts::ReportFacts;
    use crate::domain::week::WeekStart;
    use crate::import::kind_read::WeekFilter;
    use crate::import::report::read_report_bytes;

    const TSV: &str = "return-date\torder-id\tsku\tasin\tfnsku\tproduct-name\tquantity\tfulfillment-center-id\tdetailed-disposition\treason\tstatus\tlicense-plate-number\tcustomer-comments\n\
        2026-11-17T09:12:33+00:00\t114-1\tACME-CB-L\tB0C7654321\tX00A\tBoard\t1\tPHX7\tCUSTOMER_DAMAGED\tDEFECTIVE\tUnit returned to inventory\tLPN1\tCracked after 2 washes\n\
        2026-11-24T09:12:33+00:00\t114-2\tACME-CB-L\tB0C7654321\tX00A\tBoard\t2\tPHX7\tSELLABLE\tUNWANTED_ITEM\tUnit returned to inventory\tLPN2\t\n";

    #[test]
    fn returns_in_the_week_with_reasons_and_comments() {
        let filter = WeekFilter {
            week: "2026-W47".parse().unwrap(),
            start: WeekStart::Monday,
        };
        let file = read_report_bytes(Path::new("r.txt"), TSV.as_bytes(), Some(filter)).unwrap();
        let ReportFacts::Returns(lines) = &file.facts else {
            panic!()
        };
        assert_eq!(lines.len(), 1);
        assert_eq!(lines[0].reason, "DEFECTIVE");
        assert_eq!(lines[0].comment.as_deref(), Some("Cracked after 2 washes"));
        assert_eq!(file.facts.totals().returned_units, Some(1));
        assert_eq!(file.warnings.len(), 1);
    }

    #[test]
    fn a_single_file_is_never_date_filtered() {
        let file = read_report_bytes(Path::new("r.txt"), TSV.as_bytes(), None).unwrap();
        assert_eq!(file.facts.totals().returned_units, Some(3));
        assert!(file.warnings.is_empty());
    }
}
