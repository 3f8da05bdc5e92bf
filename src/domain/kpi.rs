//! The week's KPIs per SKU and for the account, computed from one week's
//! facts (and the week before, for turnover). Every ratio is recomputed from
//! summed parts; a ratio with a zero or missing part is `None`.
//! Pure: std only.

mod gathered;

use rustc_hash::FxHashMap as HashMap;

use gathered::{Gathered, Inputs};

use super::facts::{AdFigures, BusinessFacts, SkuCost, SkuStock};
use super::lookup::OrderedLookup;
use super::metric::{Metric, MetricValues, ratio};
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

fn sku_values(data: &WeekData, entry: &Inputs<'_>, previous_stock: Option<f64>) -> MetricValues {
    let mut v = MetricValues::default();
    v.set(Metric::Sales, entry.sales);
    v.set(Metric::Units, entry.units);
    v.set(Metric::Orders, entry.orders);
    if entry.absent_from_sales && entry.listing.is_none() {
        v.set(Metric::Sessions, Some(0.0));
        v.set(Metric::PageViews, Some(0.0));
    }
    if let (Some(business), Some(index)) = (&data.business, entry.listing) {
        let listing = &business.listings[index];
        v.set(Metric::Sessions, Some(f(listing.sessions)));
        v.set(Metric::PageViews, Some(f(listing.page_views)));
        // A share of no page views is undefined, whatever the file writes.
        v.set(
            Metric::BuyBox,
            listing.buy_box.filter(|_| listing.page_views > 0),
        );
    }
    v.set(
        Metric::Conversion,
        ratio(v.get(Metric::Units), v.get(Metric::Sessions)),
    );
    let ads = entry
        .ads
        .clone()
        .or_else(|| data.advertised.as_ref().map(|_| AdFigures::default()));
    set_ads(&mut v, ads.as_ref());
    if let Some(cost) = entry.cost {
        set_profit(&mut v, cost);
    }
    let stock = entry.stock.or_else(|| {
        entry
            .planning
            .map(|p| (f(p.available), p.inbound.map_or(0.0, f)))
    });
    set_inventory(
        &mut v,
        stock.map(|s| s.0),
        stock.map(|s| s.1),
        previous_stock,
    );
    if let Some(planning) = entry.planning {
        v.set(Metric::Aged181PlusUnits, Some(f(planning.aged_181_plus)));
        v.set(
            Metric::StorageSurcharge,
            planning.storage_surcharge.map(super::money::Money::to_f64),
        );
        v.set(Metric::Bsr, planning.sales_rank.map(f));
    }
    if data.returns.is_some() {
        v.set(Metric::ReturnedUnits, Some(entry.returned));
        v.set(
            Metric::ReturnRate,
            ratio(Some(entry.returned), v.get(Metric::Units)),
        );
    }
    if let (Some(figures), Some(identity)) = (&data.figures, entry.identity) {
        if let Some(rank) = figures.bsr.get(identity.asin) {
            v.set(Metric::Bsr, Some(f(*rank)));
        }
        v.set(Metric::Rating, figures.rating.get(identity.asin).copied());
    }
    v
}

fn set_ads(v: &mut MetricValues, ads: Option<&AdFigures>) {
    let Some(ads) = ads else { return };
    let (spend, sales) = (ads.spend.to_f64(), ads.sales.to_f64());
    v.set(Metric::AdSpend, Some(spend));
    v.set(Metric::AdSales, Some(sales));
    v.set(Metric::AdOrders, Some(f(ads.orders)));
    v.set(Metric::Impressions, Some(f(ads.impressions)));
    v.set(Metric::Clicks, Some(f(ads.clicks)));
    v.set(Metric::Acos, ratio(Some(spend), Some(sales)));
    v.set(Metric::Roas, ratio(Some(sales), Some(spend)));
    v.set(
        Metric::Ctr,
        ratio(Some(f(ads.clicks)), Some(f(ads.impressions))),
    );
    v.set(Metric::Cpc, ratio(Some(spend), Some(f(ads.clicks))));
    v.set(Metric::Tacos, ratio(Some(spend), v.get(Metric::Sales)));
}

fn set_profit(v: &mut MetricValues, cost: &SkuCost) {
    let (Some(sales), Some(units)) = (v.get(Metric::Sales), v.get(Metric::Units)) else {
        return;
    };
    let per_unit = (cost.unit_cost + cost.fba_fee).to_f64();
    let profit = sales - units * per_unit - sales * cost.referral_rate;
    v.set(Metric::GrossProfit, Some(profit));
    v.set(Metric::GrossMargin, ratio(Some(profit), Some(sales)));
}

fn set_inventory(
    v: &mut MetricValues,
    available: Option<f64>,
    inbound: Option<f64>,
    previous: Option<f64>,
) {
    v.set(Metric::AvailableUnits, available);
    v.set(Metric::InboundUnits, inbound);
    let daily = v.get(Metric::Units).map(|u| u / 7.0);
    v.set(Metric::DaysOfSupply, ratio(available, daily));
    let average = available.map(|a| previous.map_or(a, |p| f64::midpoint(a, p)));
    let annual = v.get(Metric::Units).map(|u| u * WEEKS_PER_YEAR);
    v.set(Metric::InventoryTurnover, ratio(annual, average));
}

/// Sums over SKUs of the metrics the account adds up, kept as they stream by.
#[derive(Default)]
struct AccountSums {
    sums: Vec<(Metric, f64, bool)>,
    /// Sales of the SKUs with costs, the base of the account's gross margin.
    costed_sales: f64,
}

const SUMMED: [Metric; 9] = [
    Metric::Sales,
    Metric::Units,
    Metric::Orders,
    Metric::GrossProfit,
    Metric::AvailableUnits,
    Metric::InboundUnits,
    Metric::Aged181PlusUnits,
    Metric::StorageSurcharge,
    Metric::ReturnedUnits,
];

impl AccountSums {
    fn add(&mut self, values: &MetricValues) {
        if self.sums.is_empty() {
            self.sums = SUMMED.iter().map(|m| (*m, 0.0, false)).collect();
        }
        for (metric, sum, seen) in &mut self.sums {
            if let Some(value) = values.get(*metric) {
                *sum += value;
                *seen = true;
            }
        }
        if values.get(Metric::GrossProfit).is_some() {
            self.costed_sales += values.get(Metric::Sales).unwrap_or(0.0);
        }
    }

    /// The sum of `metric` over the SKUs that have it; `None` when none has.
    fn get(&self, metric: Metric) -> Option<f64> {
        self.sums
            .iter()
            .find(|s| s.0 == metric)
            .and_then(|s| s.2.then_some(s.1))
    }
}

fn account_values(
    data: &WeekData,
    sums: &AccountSums,
    previous_stock: Option<f64>,
) -> MetricValues {
    let mut v = MetricValues::default();
    for metric in [Metric::Sales, Metric::Units, Metric::Orders] {
        v.set(metric, sums.get(metric));
    }
    if let Some(business) = &data.business {
        let sessions: i64 = business.listings.iter().map(|l| l.sessions).sum();
        let views: i64 = business.listings.iter().map(|l| l.page_views).sum();
        let weighted: f64 = business
            .listings
            .iter()
            .filter_map(|l| Some(l.buy_box? * f(l.page_views)))
            .sum();
        v.set(Metric::Sessions, Some(f(sessions)));
        v.set(Metric::PageViews, Some(f(views)));
        v.set(Metric::BuyBox, ratio(Some(weighted), Some(f(views))));
    }
    v.set(
        Metric::Conversion,
        ratio(v.get(Metric::Units), v.get(Metric::Sessions)),
    );
    let ads = account_ads(data);
    set_ads(&mut v, ads.as_ref());
    let profit = sums.get(Metric::GrossProfit);
    v.set(Metric::GrossProfit, profit);
    v.set(
        Metric::GrossMargin,
        ratio(profit, profit.map(|_| sums.costed_sales)),
    );
    set_inventory(
        &mut v,
        sums.get(Metric::AvailableUnits),
        sums.get(Metric::InboundUnits),
        previous_stock,
    );
    for metric in [
        Metric::Aged181PlusUnits,
        Metric::StorageSurcharge,
        Metric::ReturnedUnits,
    ] {
        v.set(metric, sums.get(metric));
    }
    if data.returns.is_some() {
        v.set(
            Metric::ReturnRate,
            ratio(v.get(Metric::ReturnedUnits), v.get(Metric::Units)),
        );
    }
    if let Some(figures) = &data.figures {
        v.set(Metric::Odr, figures.odr);
        v.set(Metric::Ipi, figures.ipi);
    }
    v
}

/// Account ads: the advertised-product report, or else the campaign report.
fn account_ads(data: &WeekData) -> Option<AdFigures> {
    let figures: Vec<&AdFigures> = match (&data.advertised, &data.campaigns) {
        (Some(products), _) => products.iter().map(|p| &p.figures).collect(),
        (None, Some(campaigns)) => campaigns.iter().map(|c| &c.figures).collect(),
        (None, None) => return None,
    };
    let mut total = AdFigures::default();
    for figure in figures {
        total.add(figure);
    }
    Some(total)
}

#[cfg(test)]
#[path = "kpi_tests.rs"]
mod tests;
