//! Sponsored Products reports from the Ads console (CSV or XLSX): advertised
//! product (per SKU/ASIN), campaign and search term. Ratios in the files are
//! ignored: they are recomputed later from the summed parts.

use chrono::NaiveDate;

use crate::domain::facts::{
    AdFigures, AdvertisedProduct, CampaignAds, ReportFacts, SearchTermAds, TargetAds,
};
use crate::domain::money::Money;
use crate::domain::report::ReportKind;

use super::columns::ads;
use super::dates::DateCache;
use super::error::ImportError;
use super::kind_read::{DateWindow, Detail, KindRead};
use super::rows::{CellError, Row};
use super::table::{ReadError, Table};
use crate::domain::keyed::{Keyed, hash_key};

/// Where an ads report says when a row happened.
enum Dating {
    /// A Daily report: one `Date` per row.
    Daily(usize),
    /// A Summary report: the first and last day the row had activity.
    Summary(usize, Option<usize>),
    Undated,
}

struct Columns {
    dating: Dating,
    currency: Option<usize>,
    /// The two columns of the key; the second is absent for campaigns.
    keys: [Option<usize>; 2],
    /// `None` when the detail asked for leaves it unread.
    impressions: Option<usize>,
    clicks: Option<usize>,
    spend: usize,
    sales: Option<usize>,
    orders: Option<usize>,
    units: Option<usize>,
    /// 7 or 14: which attribution window the sales column counts.
    attribution_days: Option<u8>,
}

impl Columns {
    fn find(table: &Table<'_>, kind: ReportKind, detail: Detail) -> Result<Self, ImportError> {
        let detailed = |column| detail.detail_column(column);
        let dating = match (
            table.find(&ads::DATE)?,
            table.find(&ads::START_DATE)?,
            table.find(&ads::END_DATE)?,
        ) {
            (Some(date), _, _) => Dating::Daily(date),
            (None, Some(start), end) => Dating::Summary(start, end),
            (None, None, _) => Dating::Undated,
        };
        let keys = match kind {
            ReportKind::AdsAdvertisedProduct => [
                table.find(&ads::ADVERTISED_SKU)?,
                Some(table.need(&ads::ADVERTISED_ASIN)?),
            ],
            ReportKind::AdsSearchTerm => [
                Some(table.need(&ads::CAMPAIGN)?),
                Some(table.need(&ads::SEARCH_TERM)?),
            ],
            ReportKind::AdsTargeting => [
                Some(table.need(&ads::CAMPAIGN)?),
                Some(table.need(&ads::TARGETING)?),
            ],
            _ => [Some(table.need(&ads::CAMPAIGN)?), None],
        };
        let (sales_7_day, sales_14_day) = (
            table.find(&ads::SALES_7_DAY)?,
            table.find(&ads::SALES_14_DAY)?,
        );
        Ok(Self {
            dating,
            currency: table.find(&ads::CURRENCY)?,
            keys,
            impressions: detailed(Some(table.need(&ads::IMPRESSIONS)?)),
            clicks: detailed(table.find(&ads::CLICKS)?),
            spend: table.need(&ads::SPEND)?,
            sales: either(sales_7_day, sales_14_day),
            attribution_days: match (sales_7_day, sales_14_day) {
                (Some(_), _) => Some(7),
                (None, Some(_)) => Some(14),
                (None, None) => None,
            },
            orders: detailed(either(
                table.find(&ads::ORDERS_7_DAY)?,
                table.find(&ads::ORDERS_14_DAY)?,
            )),
            units: detailed(either(
                table.find(&ads::UNITS_7_DAY)?,
                table.find(&ads::UNITS_14_DAY)?,
            )),
        })
    }

    fn figures(&self, row: &Row<'_>) -> Result<AdFigures, CellError> {
        Ok(AdFigures {
            impressions: row.tally_or_zero(self.impressions)?,
            clicks: row.tally_or_zero(self.clicks)?,
            spend: row.takings(self.spend)?.unwrap_or(Money::ZERO),
            sales: match self.sales {
                Some(column) => row.takings(column)?.unwrap_or(Money::ZERO),
                None => Money::ZERO,
            },
            orders: row.tally_or_zero(self.orders)?,
            units: row.tally_or_zero(self.units)?,
        })
    }

    /// The row's first and last day (the same day in a Daily report).
    fn days(&self, row: &Row<'_>, dates: &mut DateCache) -> Result<Days, CellError> {
        Ok(match self.dating {
            Dating::Daily(date) => Days::Daily(row.date(date, dates)?),
            Dating::Summary(start, end) => Days::Summary(
                row.date(start, dates)?,
                match end {
                    Some(end) => row.date(end, dates)?,
                    None => None,
                },
            ),
            Dating::Undated => Days::Daily(None),
        })
    }
}

/// The 7-day attribution column where the report has it, else the 14-day one.
fn either(seven_day: Option<usize>, fourteen_day: Option<usize>) -> Option<usize> {
    seven_day.or(fourteen_day)
}

/// When one row happened.
enum Days {
    Daily(Option<NaiveDate>),
    Summary(Option<NaiveDate>, Option<NaiveDate>),
}

impl Days {
    fn in_week(&self, window: &mut DateWindow) -> bool {
        match *self {
            Days::Daily(day) => window.keep(day),
            Days::Summary(first, last) => window.keep_range(first, last),
        }
    }
}

/// Reads an ads report of `kind`, summing figures per product, campaign or search term.
pub fn read(
    table: &Table<'_>,
    kind: ReportKind,
    window: &mut DateWindow,
    detail: Detail,
) -> Result<KindRead, ReadError> {
    let columns = Columns::find(table, kind, detail)?;
    // A Daily report repeats each product once a day with activity: a few rows per key.
    let mut sums: Keyed<(Key, AdFigures)> = Keyed::with_capacity(table.estimated_rows() / 2);
    let mut dates = DateCache::default();
    let mut currency: Option<String> = None;
    let prepare = |row: &Row<'_>| columns.figures(row);
    let stats = table.for_each_prepared_row(prepare, |row, figures| {
        if currency.is_none() {
            currency = columns
                .currency
                .map(|c| row.text(c).into_owned())
                .filter(|c| !c.is_empty())
                .or_else(|| row.currency(columns.spend).map(str::to_owned));
            // The marketplace's currency decides dates such as 03/04/2025.
            if let Some(currency) = &currency {
                dates.set_currency(currency);
            }
        }
        if !columns.days(row, &mut dates)?.in_week(window) {
            return Ok(());
        }
        let [first, second] = columns.keys.map(|c| row.text_of(c));
        let (first, second) = (first.as_ref(), second.as_ref());
        let entry = sums.entry(
            hash_key(&(first, second)),
            |(key, _)| key.0 == first && key.1 == second,
            |(key, _)| hash_key(&(key.0.as_str(), key.1.as_str())),
            || {
                (
                    Key(first.to_owned(), second.to_owned()),
                    AdFigures::default(),
                )
            },
        );
        entry.1.add(&figures);
        Ok(())
    })?;
    Ok(KindRead {
        facts: into_facts(kind, sums.into_values()),
        stats,
        currency,
        warnings: Vec::new(),
        attribution_days: columns.attribution_days,
    })
}

/// What ads figures are summed by: (SKU, ASIN), (campaign, search term) or (campaign, "").
struct Key(String, String);

fn into_facts(kind: ReportKind, sums: Vec<(Key, AdFigures)>) -> ReportFacts {
    let non_empty = |text: String| (!text.is_empty()).then_some(text);
    match kind {
        ReportKind::AdsAdvertisedProduct => ReportFacts::AdvertisedProducts(
            sums.into_iter()
                .map(|(Key(sku, asin), figures)| AdvertisedProduct {
                    sku: non_empty(sku),
                    asin: non_empty(asin),
                    figures,
                })
                .collect(),
        ),
        ReportKind::AdsSearchTerm => ReportFacts::SearchTerms(
            sums.into_iter()
                .map(|(Key(campaign, search_term), figures)| SearchTermAds {
                    campaign,
                    search_term,
                    figures,
                })
                .collect(),
        ),
        ReportKind::AdsTargeting => ReportFacts::Targets(
            sums.into_iter()
                .map(|(Key(campaign, targeting), figures)| TargetAds {
                    campaign,
                    targeting,
                    figures,
                })
                .collect(),
        ),
        _ => ReportFacts::Campaigns(
            sums.into_iter()
                .map(|(Key(campaign, _), figures)| CampaignAds { campaign, figures })
                .collect(),
        ),
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use crate::domain::week::WeekStart;
    use crate::import::kind_read::{ReportFile, WeekFilter};
    use crate::import::report::read_report_bytes;

    use super::*;

    fn read_csv(csv: &str, filter: Option<WeekFilter>) -> ReportFile {
        read_report_bytes(Path::new("ads.csv"), csv.as_bytes(), filter).unwrap()
    }

    const CAMPAIGN: &str = "\u{FEFF}Date,Start Date,End Date,Portfolio name,Campaign Type,Campaign Name,Status,Currency,Budget,Targeting Type,Bidding strategy,Impressions,Clicks,Click-Thru Rate (CTR),Spend,Cost Per Click (CPC),7 Day Total Orders (#),\"Total Advertising Cost of Sales (ACoS) \",\"7 Day Total Sales \"\r\n\
        \"Nov 16, 2018\",\"Nov 15, 2018\",,No Portfolio,Sponsored Products,B07JMT389Q,PAUSED,USD,$1.0,Manual targeting,Dynamic bids - down only,4971,25,0.50%,$16.12,$0.6448,0,0.00%,$0.0\r\n\
        \"Nov 17, 2018\",\"Nov 15, 2018\",,No Portfolio,Sponsored Products,B07JMT389Q,PAUSED,USD,$1.0,Manual targeting,Dynamic bids - down only,100,3,3.00%,$2.00,$0.5566667000000001,1,10.00%,$20.00\r\n\
        \"Dec 1, 2019\",\"Nov 6, 2019\",,No Portfolio,Sponsored Products,\"31\\\"\" x 19\\\"\"  - key words 1 manual\",ARCHIVED,USD,$3.0,Automatic targeting,Dynamic bids - down only,974,6,0.62%,$3.34,$0.5566667000000001,0,0.00%,$0.0\r\n";

    #[test]
    fn campaign_csv_sums_per_campaign() {
        let file = read_csv(CAMPAIGN, None);
        assert_eq!(file.kind, ReportKind::AdsCampaign);
        assert_eq!(file.rows, 3);
        let totals = file.facts.totals();
        assert_eq!(totals.impressions, Some(6045));
        assert_eq!(totals.clicks, Some(34));
        assert_eq!(totals.ad_spend, Some(Money::from_cents(2146)));
        assert_eq!(totals.ad_sales, Some(Money::from_cents(2000)));
        assert_eq!(file.currency.as_deref(), Some("USD"));
        let ReportFacts::Campaigns(campaigns) = &file.facts else {
            panic!()
        };
        assert_eq!(campaigns.len(), 2);
        assert_eq!(
            campaigns[1].campaign,
            "31\\\" x 19\\\"  - key words 1 manual"
        );
    }

    #[test]
    fn a_summary_row_straddling_the_week_is_reported_not_split() {
        // A German summary search-term report: rows dated by their first and last day.
        let csv = "Startdatum,Enddatum,Kampagnen-Name,Suchbegriff des Kunden,Impressionen,Klicks,Ausgaben,\"7 Tage, Umsatz gesamt (€)\"\n\
            \"Mar 10, 2025\",\"Mar 16, 2025\",Kampagne A,tasse,100,5,€2.50,€10.00\n\
            \"Mar 12, 2025\",\"Mar 18, 2025\",Kampagne A,becher,50,2,€1.00,€0.00\n";
        let filter = WeekFilter {
            week: "2025-W11".parse().unwrap(),
            start: WeekStart::Monday,
        };
        let file = read_csv(csv, Some(filter));
        assert_eq!(file.kind, ReportKind::AdsSearchTerm);
        assert_eq!(
            file.facts.totals().impressions,
            Some(100),
            "the straddling row is not counted"
        );
        assert!(
            file.warnings
                .iter()
                .any(|w| w.contains("1 summary rows span days outside 2025-W11")),
            "{:?}",
            file.warnings
        );
    }

    #[test]
    fn daily_rows_outside_the_week_are_left_out_with_a_warning() {
        let filter = WeekFilter {
            week: "2018-W46".parse().unwrap(),
            start: WeekStart::Monday,
        };
        let file = read_csv(CAMPAIGN, Some(filter));
        assert_eq!(file.rows, 3);
        assert_eq!(file.facts.totals().impressions, Some(5071));
        assert!(
            file.warnings[0].starts_with("1 rows dated outside 2018-W46"),
            "{:?}",
            file.warnings
        );
    }

    #[test]
    fn advertised_product_sums_per_sku_and_asin() {
        let csv = "Date,Currency,Campaign Name,Ad Group Name,Advertised SKU,Advertised ASIN,Impressions,Clicks,Spend,7 Day Total Sales ,7 Day Total Orders (#),7 Day Total Units (#)\n\
                   \"Nov 16, 2026\",USD,C1,G1,SKU-1,B01,1000,10,$5.00,$50.00,2,3\n\
                   \"Nov 16, 2026\",USD,C2,G2,SKU-1,B01,500,5,$2.50,$0.00,0,0\n\
                   \"Nov 17, 2026\",USD,C1,G1,SKU-2,B02,10,0,$0.00,,0,0\n";
        let file = read_csv(csv, None);
        assert_eq!(file.kind, ReportKind::AdsAdvertisedProduct);
        let ReportFacts::AdvertisedProducts(products) = &file.facts else {
            panic!()
        };
        assert_eq!(products.len(), 2);
        assert_eq!(products[0].sku.as_deref(), Some("SKU-1"));
        assert_eq!(products[0].figures.impressions, 1500);
        assert_eq!(products[0].figures.spend, Money::from_cents(750));
        assert_eq!(products[0].figures.units, 3);
        assert_eq!((file.facts.skus(), file.facts.child_asins()), (2, 2));
    }

    #[test]
    fn vendor_style_report_without_sku_and_rupee_columns() {
        let csv = "Date,Currency,Campaign Name,Ad Group Name,Advertised ASIN,Impressions,Clicks,Spend,14 Day Total Sales (₹),14 Day Total Orders (#)\n\
                   \"Feb 01, 2020\",INR,C,G,B0X,100,4,Rs.201.68,\"Rs.1,000.00\",1\n";
        let file = read_csv(csv, None);
        let ReportFacts::AdvertisedProducts(products) = &file.facts else {
            panic!()
        };
        assert_eq!(products[0].sku, None);
        assert_eq!(products[0].figures.sales, Money::from_cents(100_000));
        assert_eq!(products[0].figures.spend, Money::from_cents(20_168));
    }

    #[test]
    fn xlsx_with_serial_dates_fractions_and_absent_ratios() {
        let mut workbook = rust_xlsxwriter::Workbook::new();
        let sheet = workbook.add_worksheet();
        let headers = [
            "Date",
            "Portfolio name",
            "Currency",
            "Campaign Name",
            "Ad Group Name",
            "Advertised SKU",
            "Advertised ASIN",
            "Impressions",
            "Clicks",
            "Click-Thru Rate (CTR)",
            "Cost Per Click (CPC)",
            "Spend",
            "7 Day Total Sales ",
            "Total Advertising Cost of Sales (ACoS) ",
            "7 Day Total Orders (#)",
        ];
        for (column, header) in (0u16..).zip(headers) {
            sheet.write_string(0, column, header).unwrap();
        }
        let date = rust_xlsxwriter::Format::new().set_num_format("mmm dd, yyyy");
        for (row, (serial, impressions, clicks, spend, sales)) in [
            (43_800.0, 1000.0, 10.0, 5.0, 50.0),
            (43_800.0, 0.0, 1.0, 0.45, 0.0),
            (43_801.0, 9.0, 0.0, 0.0, 0.0),
        ]
        .into_iter()
        .enumerate()
        {
            let row = u32::try_from(row).unwrap() + 1;
            sheet
                .write_number_with_format(row, 0, serial, &date)
                .unwrap();
            for (column, text) in [
                (1, "Not grouped"),
                (2, "USD"),
                (3, "C1"),
                (4, "G1"),
                (5, "SKU-1"),
                (6, "B01"),
            ] {
                sheet.write_string(row, column, text).unwrap();
            }
            for (column, value) in [
                (7, impressions),
                (8, clicks),
                (11, spend),
                (12, sales),
                (14, 0.0),
            ] {
                sheet.write_number(row, column, value).unwrap();
            }
            if impressions > 0.0 {
                sheet.write_number(row, 9, clicks / impressions).unwrap();
            }
            if sales > 0.0 {
                sheet.write_number(row, 13, spend / sales).unwrap();
            }
        }
        let bytes = workbook.save_to_buffer().unwrap();
        let filter = WeekFilter {
            week: "2019-W48".parse().unwrap(),
            start: WeekStart::Monday,
        };
        let file = read_report_bytes(Path::new("ads.xlsx"), &bytes, Some(filter)).unwrap();
        assert_eq!(file.kind, ReportKind::AdsAdvertisedProduct);
        assert_eq!(file.rows, 3);
        let totals = file.facts.totals();
        assert_eq!(totals.impressions, Some(1000));
        assert_eq!(totals.clicks, Some(11));
        assert_eq!(totals.ad_spend, Some(Money::from_cents(545)));
        assert_eq!(totals.ad_sales, Some(Money::from_cents(5000)));
        assert_eq!(file.currency.as_deref(), Some("USD"));
        assert!(
            file.warnings[0].starts_with("1 rows dated outside 2019-W48"),
            "{:?}",
            file.warnings
        );
    }

    #[test]
    fn search_terms_key_on_campaign_and_term() {
        let csv = "Start Date,End Date,Currency,Campaign Name,Ad Group Name,Targeting,Match Type,Customer Search Term,Impressions,Clicks,Spend,7 Day Total Sales \n\
                   \"Jul 03, 2025\",\"Jul 03, 2025\",USD,C,G,k,BROAD,bath mat,10,1,$1.21,$0.00\n\
                   \"Jul 04, 2025\",\"Jul 05, 2025\",USD,C,G,k,BROAD,bath mat,5,0,$0.00,$0.00\n";
        let file = read_csv(csv, None);
        let ReportFacts::SearchTerms(terms) = &file.facts else {
            panic!()
        };
        assert_eq!(terms.len(), 1);
        assert_eq!(terms[0].search_term, "bath mat");
        assert_eq!(terms[0].figures.impressions, 15);
    }
}
