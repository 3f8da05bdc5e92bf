//! The week's KPIs per SKU and for the account, computed from one week's
//! facts (and the week before, for turnover). Every ratio is recomputed from
//! summed parts; a ratio with a zero or missing part is `None`.
//! Pure: std only.

mod account_values;
mod gathered;
mod sku_values;

use rustc_hash::FxHashMap as HashMap;

use account_values::{AccountSums, account_values};
use gathered::{Gathered, Inputs};
use sku_values::sku_values;

use super::facts::{AdFigures, BusinessFacts, SkuCost, SkuStock};
use super::lookup::OrderedLookup;
use super::metric::MetricValues;
use super::week_data::WeekData;

/// Who a row of the KPI table is, borrowed from the week's facts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SkuIdentity<'a> {
    /// The SKU, or the child ASIN when the Business Report has no SKUs.
    pub key: &'a str,
    pub sku: Option<&'a str>,
    pub asin: &'a str,
    pub parent_asin: &'a str,
    pub title: &'a str,
    /// Amazon product group (`gl_kitchen`), from the planning report.
    pub category: Option<&'a str>,
}

/// Weeks in a year, for annualising turnover.
const WEEKS_PER_YEAR: f64 = 52.0;

#[allow(clippy::cast_precision_loss)]
fn f(n: i64) -> f64 {
    n as f64
}

/// What a week's KPIs give besides each SKU's.
#[derive(Debug, Clone, PartialEq)]
pub struct WeekTotals {
    pub account: MetricValues,
    /// How many SKUs another report names that the present sales report
    /// leaves out: they count as having sold nothing (`count_absent_as_zero`).
    pub absent_from_sales: usize,
}

/// Computes the KPIs of `data`, handing each SKU's to `each` in the order the
/// reports name them; returns the account's. `previous` (the week before)
/// averages the stock for turnover; `costs` gives gross profit.
pub fn compute_week_with<'a>(
    data: &'a WeekData,
    previous: Option<&WeekData>,
    costs: &'a [SkuCost],
    mut each: impl FnMut(SkuIdentity<'a>, &MetricValues),
) -> WeekTotals {
    let by_sku = data.keyed_by_sku();
    let mut gathered = Gathered::with_capacity(data.sku_count_hint());
    if let Some(business) = &data.business {
        gather_sales(&mut gathered, business);
    }
    for product in data.advertised.iter().flatten() {
        let key = if by_sku { product.sku.as_deref() } else { None }
            .or(product.asin.as_deref())
            .unwrap_or("");
        let entry = gathered.slot(key);
        entry
            .ads
            .get_or_insert_with(AdFigures::default)
            .add(&product.figures);
        if entry.identity.is_none() {
            entry.identity = Some(identity(
                key,
                product.sku.as_deref(),
                product.asin.as_deref().unwrap_or(""),
                "",
            ));
        }
    }
    for stock in data.inventory.iter().flatten() {
        let entry = gathered.slot(if by_sku { &stock.sku } else { &stock.asin });
        let (available, inbound) = entry.stock.unwrap_or((0.0, 0.0));
        entry.stock = Some((available + f(stock.available), inbound + f(stock.inbound)));
        fill_identity(entry, stock_identity(stock, by_sku));
    }
    for item in data.planning.iter().flatten() {
        let entry = gathered.slot(if by_sku { &item.sku } else { &item.asin });
        entry.planning = Some(item);
        fill_identity(
            entry,
            identity(
                if by_sku { &item.sku } else { &item.asin },
                Some(&item.sku),
                &item.asin,
                &item.title,
            ),
        );
        if let Some(identity) = &mut entry.identity {
            identity.category = identity.category.or(item.product_group.as_deref());
        }
    }
    for line in data.returns.iter().flatten() {
        gathered
            .slot(if by_sku { &line.sku } else { &line.asin })
            .returned += f(line.quantity);
    }
    // A cost named `DE:SKU` is that marketplace's; a plain SKU's applies on every marketplace.
    for cost in costs {
        if let Some(inputs) = gathered.get_mut(&cost.sku) {
            inputs.cost = Some(cost);
        }
        for code in &data.marketplaces {
            if let Some(inputs) = gathered.get_mut(&format!("{code}:{}", cost.sku))
                && inputs.cost.is_none()
            {
                inputs.cost = Some(cost);
            }
        }
    }
    let mut inputs = gathered.into_inputs();
    let absent_from_sales = data
        .business
        .as_ref()
        .map_or(0, |business| count_absent_as_zero(&mut inputs, business));
    let previous_stock = previous.map(|p| stock_by_key(p, by_sku));
    let mut totals = AccountSums::default();
    for (_, entry) in &inputs {
        let Some(identity) = entry.identity else {
            continue;
        };
        let previous = previous_stock
            .as_ref()
            .and_then(|s| s.get(identity.key).copied());
        let values = sku_values(data, entry, previous);
        totals.add(&values);
        each(identity, &values);
    }
    WeekTotals {
        account: account_values(
            data,
            &totals,
            previous_stock.as_ref().map(|s| s.values().sum()),
        ),
        absent_from_sales,
    }
}

/// A SKU another report names (stock, ads) that the present sales report
/// leaves out sold nothing that week: 0 units, and the sessions of its
/// listing (another SKU's row may carry them), else 0. Amazon's reports by
/// SKU omit the SKUs without orders. Returns how many there were.
fn count_absent_as_zero(inputs: &mut [(&str, Inputs<'_>)], business: &BusinessFacts) -> usize {
    let mut listing_of = None;
    let mut absent = 0;
    for (_, entry) in inputs.iter_mut() {
        let Some(identity) = entry.identity else {
            continue;
        };
        if entry.units.is_some() {
            continue;
        }
        entry.units = Some(0.0);
        entry.sales = Some(0.0);
        entry.orders = Some(0.0);
        let listings = listing_of.get_or_insert_with(|| {
            business
                .listings
                .iter()
                .enumerate()
                .map(|(at, listing)| (listing.child_asin.as_str(), at))
                .collect::<HashMap<&str, usize>>()
        });
        entry.listing = listings.get(identity.asin).copied();
        entry.absent_from_sales = true;
        absent += 1;
    }
    absent
}

/// Sales and listings of the Business Report, by SKU.
fn gather_sales<'a>(gathered: &mut Gathered<'a>, business: &'a BusinessFacts) {
    let mut listing_of = OrderedLookup::new(&business.listings, |l| l.child_asin.as_str());
    for sale in &business.sales {
        let key = sale.sku.as_deref().unwrap_or(&sale.child_asin);
        let listing = listing_of.find(&sale.child_asin);
        let entry = gathered.slot(key);
        entry.units = Some(entry.units.unwrap_or(0.0) + f(sale.units));
        entry.sales = Some(entry.sales.unwrap_or(0.0) + sale.sales.to_f64());
        entry.orders = Some(entry.orders.unwrap_or(0.0) + f(sale.orders));
        entry.listing = listing;
        if entry.identity.is_none() {
            let listing = listing.map(|i| &business.listings[i]);
            entry.identity = Some(SkuIdentity {
                key,
                sku: sale.sku.as_deref(),
                asin: &sale.child_asin,
                parent_asin: listing.map_or("", |l| l.parent_asin.as_str()),
                title: listing.map_or("", |l| l.title.as_str()),
                category: None,
            });
        }
    }
}

fn identity<'a>(
    key: &'a str,
    sku: Option<&'a str>,
    asin: &'a str,
    title: &'a str,
) -> SkuIdentity<'a> {
    SkuIdentity {
        key,
        sku,
        asin,
        parent_asin: "",
        title,
        category: None,
    }
}

fn stock_identity(stock: &SkuStock, by_sku: bool) -> SkuIdentity<'_> {
    identity(
        if by_sku { &stock.sku } else { &stock.asin },
        Some(&stock.sku),
        &stock.asin,
        &stock.title,
    )
}

fn fill_identity<'a>(entry: &mut Inputs<'a>, identity: SkuIdentity<'a>) {
    match &mut entry.identity {
        Some(known) if known.title.is_empty() => known.title = identity.title,
        Some(_) => {}
        None => entry.identity = Some(identity),
    }
}

/// Available units by SKU key, from Manage FBA Inventory or else the planning report.
fn stock_by_key(data: &WeekData, by_sku: bool) -> HashMap<&str, f64> {
    let mut stock: HashMap<&str, f64> = HashMap::default();
    if let Some(inventory) = &data.inventory {
        for item in inventory {
            *stock
                .entry(if by_sku { &item.sku } else { &item.asin })
                .or_default() += f(item.available);
        }
    } else {
        for item in data.planning.iter().flatten() {
            *stock
                .entry(if by_sku { &item.sku } else { &item.asin })
                .or_default() += f(item.available);
        }
    }
    stock
}

#[cfg(test)]
#[path = "kpi_tests.rs"]
mod tests;
