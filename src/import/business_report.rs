//! The Business Report (Detail Page Sales and Traffic): by child item with
//! SKU, by ASIN without SKU, the legacy 13-column layout and the device split.
//! Sales sum over SKU rows; traffic belongs to the child ASIN and counts once.

use crate::domain::facts::{AsinListing, BusinessFacts, ReportFacts, SkuSales};
use crate::domain::money::Money;
use crate::domain::words::Said;

use super::columns::business;
use super::error::ImportError;
use super::kind_read::{Detail, KindRead};
use super::rows::{CellError, Row};
use super::table::{ReadError, Table};
use crate::domain::keyed::{Keyed, hash_key};

/// Column positions, found by normalised header.
struct Columns {
    /// `None` when the detail asked for leaves it unread.
    parent: Option<usize>,
    child: usize,
    title: Option<usize>,
    sku: Option<usize>,
    sessions: usize,
    page_views: Option<usize>,
    buy_box: Option<usize>,
    units: usize,
    sales: usize,
    orders: Option<usize>,
}

impl Columns {
    fn find(table: &Table<'_>, detail: Detail) -> Result<Self, ImportError> {
        let detailed = |column| detail.detail_column(column);
        Ok(Self {
            parent: detailed(Some(table.need(&business::PARENT_ASIN)?)),
            child: table.need(&business::CHILD_ASIN)?,
            title: detailed(table.find(&business::TITLE)?),
            sku: table.find(&business::SKU)?,
            sessions: table.need(&business::SESSIONS)?,
            // Both feed the Buy Box trend: read in every detail.
            page_views: table.find(&business::PAGE_VIEWS)?,
            buy_box: table.find(&business::BUY_BOX)?,
            units: table.need(&business::UNITS)?,
            sales: table.need(&business::SALES)?,
            orders: detailed(table.find(&business::ORDERS)?),
        })
    }
}

/// Reads a Business Report into sales per SKU and a listing per child ASIN.
pub fn read(table: &Table<'_>, detail: Detail) -> Result<KindRead, ReadError> {
    let columns = Columns::find(table, detail)?;
    let rows = table.estimated_rows();
    let mut sales: Keyed<SkuSales> = Keyed::with_capacity(rows);
    let mut listings: Keyed<AsinListing> = Keyed::with_capacity(rows / 2);
    let mut currency = None;
    let mut blank_asins = 0usize;
    let prepare = |row: &Row<'_>| SaleFigures::read(row, &columns);
    let stats = table.for_each_prepared_row(prepare, |row, figures| {
        let child = row.text(columns.child);
        if child.is_empty() {
            blank_asins += 1;
            return Ok(());
        }
        let sku = row.text_of(columns.sku);
        currency = currency.or_else(|| row.currency(columns.sales));
        let (child, sku) = (child.as_ref(), sku.as_ref());
        let item = sales.entry(
            hash_key(&(child, sku)),
            |s| s.child_asin == child && s.sku.as_deref().unwrap_or("") == sku,
            |s| hash_key(&(s.child_asin.as_str(), s.sku.as_deref().unwrap_or(""))),
            || SkuSales {
                child_asin: child.to_owned(),
                sku: columns.sku.map(|_| sku.to_owned()),
                units: 0,
                sales: Money::ZERO,
                orders: 0,
            },
        );
        item.units += figures.units;
        item.sales += figures.sales;
        item.orders += figures.orders;
        let asin = listings.entry(
            hash_key(&child),
            |t| t.child_asin == child,
            |t| hash_key(&t.child_asin.as_str()),
            || AsinListing {
                child_asin: child.to_owned(),
                parent_asin: row.text_of(columns.parent).into_owned(),
                title: row.text_of(columns.title).into_owned(),
                sessions: 0,
                page_views: 0,
                buy_box: None,
            },
        );
        asin.sessions = asin.sessions.max(figures.sessions);
        asin.page_views = asin.page_views.max(figures.page_views);
        asin.buy_box = max_option(asin.buy_box, figures.buy_box);
        Ok(())
    })?;
    let mut warnings = Vec::new();
    if blank_asins > 0 {
        warnings.push(Said::new(
            format!("{blank_asins} rows without a child ASIN were skipped"),
            format!("{blank_asins} 行没有子 ASIN，已跳过"),
        ));
    }
    Ok(KindRead {
        facts: ReportFacts::Business(BusinessFacts {
            sales: sales.into_values(),
            listings: listings.into_values(),
        }),
        stats,
        currency: currency.map(str::to_owned),
        warnings,
        attribution_days: None,
    })
}

/// The figures of one row; missing counts are zero here because Business
/// Reports write zeros, never blanks, for a product without activity.
struct SaleFigures {
    units: i64,
    sales: Money,
    orders: i64,
    sessions: i64,
    page_views: i64,
    buy_box: Option<f64>,
}

impl SaleFigures {
    fn read(row: &Row<'_>, columns: &Columns) -> Result<Self, CellError> {
        Ok(Self {
            units: row.tally(columns.units)?.unwrap_or(0),
            sales: row.takings(columns.sales)?.unwrap_or(Money::ZERO),
            orders: row.tally_or_zero(columns.orders)?,
            sessions: row.tally(columns.sessions)?.unwrap_or(0),
            page_views: row.tally_or_zero(columns.page_views)?,
            buy_box: match columns.buy_box {
                Some(column) => row.ratio(column)?,
                None => None,
            },
        })
    }
}

fn max_option(a: Option<f64>, b: Option<f64>) -> Option<f64> {
    match (a, b) {
        (Some(a), Some(b)) => Some(a.max(b)),
        (a, b) => a.or(b),
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use crate::domain::report::ReportKind;
    use crate::import::report::read_report_bytes;

    use super::*;

    fn business(csv: &str) -> (BusinessFacts, crate::import::kind_read::ReportFile) {
        let file = read_report_bytes(Path::new("br.csv"), csv.as_bytes(), None).unwrap();
        assert_eq!(file.kind, ReportKind::BusinessReport);
        match &file.facts {
            ReportFacts::Business(facts) => (facts.clone(), file),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn negative_sales_and_units_are_refused_with_their_cell() {
        let header = "(Parent) ASIN,(Child) ASIN,Title,SKU,Sessions - Total,Units Ordered,Ordered Product Sales,Total Order Items\n";
        for (row, column) in [
            ("P,C,T,S,10,-5,$10.00,1", 6),
            ("P,C,T,S,10,5,\"$-1,234.56\",1", 7),
            ("P,C,T,S,10,5,\"(1,234.56)\",1", 7),
        ] {
            let csv = format!("{header}{row}\n");
            let error = read_report_bytes(Path::new("br.csv"), csv.as_bytes(), None).unwrap_err();
            assert_eq!(
                (error.line, error.column),
                (Some(2), Some(column)),
                "{row}: {error}"
            );
            assert!(error.message.en.contains("0 or more"), "{error}");
        }
    }

    #[test]
    fn a_german_column_decides_its_ambiguous_amounts() {
        // German headers, money without a currency sign: the first row's decimal
        // comma makes the second row's `2.500` two thousand five hundred.
        let csv = "(Übergeordnete) ASIN,(Untergeordnete) ASIN,SKU,Sitzungen – Summe,Bestellte Einheiten,Durch bestellte Produkte erzielter Umsatz\n\
            B0P,B0A,A-1,\"1,200\",10,\"1.234,56\"\n\
            B0P,B0B,B-1,300,5,\"2.500\"\n";
        let (_, file) = business(csv);
        let totals = file.facts.totals();
        assert_eq!(totals.sales.map(Money::cents), Some(373_456));
        assert_eq!(
            totals.sessions,
            Some(1500),
            "counts keep the comma as grouping"
        );
    }

    const UK_HEADER: &str = "\u{FEFF}(Parent) ASIN,(Child) ASIN,Title,SKU,Sessions – Total,Sessions – Total – B2B,Session percentage – Total,Session percentage – Total – B2B,Page views – Total,Page views – Total – B2B,Page views percentage – Total,Page views percentage – Total – B2B,Featured Offer (Buy Box) percentage,Featured Offer (Buy Box) percentage – B2B,Units ordered,Units ordered – B2B,Unit Session Percentage,Unit session percentage – B2B,Ordered Product Sales,Ordered product sales – B2B,Total order items,Total order items – B2B";

    #[test]
    fn uk_child_item_rows_sum_sales_and_count_sessions_once() {
        let csv = format!(
            "{UK_HEADER}\n\
             B0BGPMD867,B0BGPMD867,LA ESPAÑOLA Oil,OIL02H - 001,\"5,824\",75,2.64%,1.21%,\"7,448\",82,2.62%,0.98%,78.87%,6.82%,370,0,6.35%,0.00%,\"£12,897.84\",£0.00,349,0\n\
             B0BGPMD867,B0BGPMD867,LA ESPAÑOLA Oil,OIL02H - 001 Prime,\"5,824\",75,2.64%,1.21%,\"7,448\",82,2.62%,0.98%,78.87%,6.82%,70,0,1.20%,0.00%,\"£2,574.94\",£0.00,65,0\n\
             B0DZ2ZW2WZ,B0DZ2Z6586,Callebaut Callets,CAL03 - 010 Prime,978,32,0.44%,0.52%,\"1,279\",36,0.45%,0.43%,63.40%,61.54%,80,5,8.18%,15.63%,\"£2,940.02\",£182.45,77,4"
        );
        let (facts, file) = business(&csv);
        let totals = file.facts.totals();
        assert_eq!(totals.units, Some(520));
        assert_eq!(totals.sales, Some(Money::from_cents(1_841_280)));
        assert_eq!(totals.orders, Some(491));
        assert_eq!(totals.sessions, Some(5824 + 978));
        assert_eq!(totals.page_views, Some(7448 + 1279));
        assert_eq!(file.currency.as_deref(), Some("GBP"));
        assert_eq!((file.facts.skus(), file.facts.child_asins()), (3, 2));
        assert!((facts.listings[0].buy_box.unwrap() - 0.7887).abs() < 1e-9);
    }

    #[test]
    fn trend_detail_keeps_what_the_trends_draw() {
        let csv = format!(
            "{UK_HEADER}\n\
             B0BGPMD867,B0BGPMD867,LA ESPAÑOLA Oil,OIL02H - 001,\"5,824\",75,2.64%,1.21%,\"7,448\",82,2.62%,0.98%,78.87%,6.82%,370,0,6.35%,0.00%,\"£12,897.84\",£0.00,349,0"
        );
        let table = Table::from_bytes(Path::new("br.csv"), csv.as_bytes()).unwrap();
        let Ok(KindRead { facts, .. }) = read(&table, Detail::Trends) else {
            panic!("the report reads")
        };
        let totals = facts.totals();
        assert_eq!(
            (totals.units, totals.sales, totals.sessions),
            (Some(370), Some(Money::from_cents(1_289_784)), Some(5824))
        );
        assert_eq!((totals.orders, totals.page_views), (Some(0), Some(7448)));
        let ReportFacts::Business(business) = facts else {
            panic!("a Business Report")
        };
        assert_eq!(business.listings[0].title, "");
        assert!((business.listings[0].buy_box.unwrap() - 0.7887).abs() < 1e-9);
    }

    #[test]
    fn us_legacy_layout_all_quoted() {
        let csv = "\u{FEFF}\"(Parent) ASIN\",\"(Child) ASIN\",\"Title\",\"SKU\",\"Sessions\",\"Session Percentage\",\"Page Views\",\"Page Views Percentage\",\"Buy Box Percentage\",\"Units Ordered\",\"Unit Session Percentage\",\"Ordered Product Sales\",\"Total Order Items\"\n\
             \"B07JH5RJYF\",\"B07JJC4NTT\",\"Mat - 31\"\" x 19\"\"\",\"1-mc-18\",\"3,395\",\"4.51%\",\"4,488\",\"4.61%\",\"99%\",\"119\",\"3.51%\",\"$5,216.29\",\"107\"";
        let (facts, file) = business(csv);
        assert_eq!(facts.listings[0].title, "Mat - 31\" x 19\"");
        assert_eq!(file.facts.totals().sales, Some(Money::from_cents(521_629)));
        assert_eq!(file.facts.totals().sessions, Some(3395));
        assert_eq!(file.currency.as_deref(), Some("USD"));
    }

    #[test]
    fn by_asin_layout_has_no_sku_and_repeated_asins_count_traffic_once() {
        let csv = "(Parent) ASIN,(Child) ASIN,Title,Sessions - Total,Page Views - Total,Units Ordered,Ordered Product Sales,Total Order Items\n\
                   P1,C1,Honey,445,677,221,\"$4,761.29\",179\n\
                   P2,C1,Honey,445,677,1,$1.00,1\n";
        let (facts, file) = business(csv);
        assert_eq!(facts.sales[0].sku, None);
        assert_eq!(file.facts.skus(), 0);
        assert_eq!(file.facts.totals().sessions, Some(445));
        assert_eq!(file.facts.totals().units, Some(222));
    }

    #[test]
    fn differing_traffic_takes_the_largest() {
        let csv = "(Parent) ASIN,(Child) ASIN,SKU,Sessions - Total,Units Ordered,Ordered Product Sales\n\
                   P,C,S1,10,1,$1.00\nP,C,S2,12,1,$1.00\n";
        let (_, file) = business(csv);
        assert_eq!(file.facts.totals().sessions, Some(12));
    }

    #[test]
    fn device_split_layout_reads_the_totals() {
        let csv = "(Parent) ASIN,(Child) ASIN,Title,SKU,Sessions – Mobile app,Sessions – Mobile APP – B2B,Sessions – Browser,Sessions – Browser – B2B,Sessions – Total,Sessions – Total – B2B,Session percentage – Mobile App,Session percentage – Mobile APP – B2B,Session percentage – Browser,Session percentage – Browser – B2B,Session percentage – Total,Session percentage – Total – B2B,Page views – Mobile app,Page views – Mobile APP – B2B,Page views – Browser,Page views – Browser – B2B,Page views – Total,Page views – Total – B2B,Page views percentage – Mobile App,Page views percentage – Mobile app – B2B,Page views percentage – Browser,Page views percentage – Browser – B2B,Page views percentage – Total,Page views percentage – Total – B2B,Featured Offer (Buy Box) percentage,Featured Offer (Buy Box) percentage – B2B,Units ordered,Units ordered – B2B,Unit Session Percentage,Unit session percentage – B2B,Ordered Product Sales,Ordered product sales – B2B,Total order items,Total order items – B2B\n\
                   B0B46GGBBP,B0B46GGBBP,Parkers Poppadoms 1kg,ACC01 - 001,415,1,371,10,786,11,0.12%,0.02%,0.16%,0.06%,0.14%,0.05%,593,1,498,19,\"1,091\",20,0.13%,0.02%,0.16%,0.09%,0.15%,0.07%,98.35%,100.00%,312,9,39.69%,81.82%,\"£3,513.12\",£101.34,295,7\n";
        let (_, file) = business(csv);
        let totals = file.facts.totals();
        assert_eq!(
            (totals.sessions, totals.page_views),
            (Some(786), Some(1091))
        );
        assert_eq!((totals.units, totals.orders), (Some(312), Some(295)));
        assert_eq!(totals.sales, Some(Money::from_cents(351_312)));
    }

    #[test]
    fn b2b_columns_are_never_added() {
        let csv = "(Parent) ASIN,(Child) ASIN,SKU,Sessions - Total,Sessions - Total - B2B,Units Ordered,Units Ordered - B2B,Ordered Product Sales,Ordered Product Sales - B2B\n\
                   P,C,S,100,40,10,4,$100.00,$40.00\n";
        let (_, file) = business(csv);
        let totals = file.facts.totals();
        assert_eq!((totals.sessions, totals.units), (Some(100), Some(10)));
        assert_eq!(totals.sales, Some(Money::from_cents(10_000)));
    }

    #[test]
    fn a_bad_number_names_line_column_and_header() {
        let csv = "(Parent) ASIN,(Child) ASIN,SKU,Sessions - Total,Units Ordered,Ordered Product Sales\n\
                   P,C,S,10,1,$1.00\nP,C,S,ten,1,$1.00\n";
        let error = read_report_bytes(Path::new("br.csv"), csv.as_bytes(), None).unwrap_err();
        assert_eq!((error.line, error.column), (Some(3), Some(4)));
        assert!(error.message.en.contains("Sessions - Total"), "{error}");
        assert!(error.message.en.contains("`ten`"), "{error}");
    }
}
