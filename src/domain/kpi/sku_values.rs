//! One SKU's KPIs for the week: sales and traffic, ads, profit, inventory.

use super::gathered::Inputs;
use super::{WEEKS_PER_YEAR, f};
use crate::domain::facts::{AdFigures, SkuCost};
use crate::domain::metric::{Metric, MetricValues, ratio};
use crate::domain::week_data::WeekData;

pub(super) fn sku_values(
    data: &WeekData,
    entry: &Inputs<'_>,
    previous_stock: Option<f64>,
) -> MetricValues {
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
            planning
                .storage_surcharge
                .map(crate::domain::money::Money::to_f64),
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

pub(super) fn set_ads(v: &mut MetricValues, ads: Option<&AdFigures>) {
    let Some(ads) = ads else { return };
    let (spend, sales) = (ads.spend.to_f64(), ads.sales.to_f64());
    v.set(Metric::AdSpend, Some(spend));
    v.set(Metric::AdSales, Some(sales));
    v.set(Metric::AdOrders, Some(f(ads.orders)));
    v.set(Metric::Impressions, Some(f(ads.impressions)));
    v.set(Metric::Clicks, Some(f(ads.clicks)));
    // Spend that sold nothing is an infinite ACoS: the worst, never missing.
    let acos = if sales == 0.0 && spend > 0.0 {
        Some(f64::INFINITY)
    } else {
        ratio(Some(spend), Some(sales))
    };
    v.set(Metric::Acos, acos);
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

pub(super) fn set_inventory(
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
