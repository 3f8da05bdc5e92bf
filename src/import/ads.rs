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
            // Both feed the CTR trend: read in every detail.
            impressions: Some(table.need(&ads::IMPRESSIONS)?),
            clicks: table.find(&ads::CLICKS)?,
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
#[path = "ads_tests.rs"]
mod tests;
