//! The account's KPIs for the week, from its SKUs' summed parts — ratios
//! recomputed from sums, never averaged.

use super::f;
use super::sku_values::{set_ads, set_inventory};
use crate::domain::facts::AdFigures;
use crate::domain::metric::{Metric, MetricValues, ratio};
use crate::domain::week_data::WeekData;

/// Sums over SKUs of the metrics the account adds up, kept as they stream by.
#[derive(Default)]
pub(super) struct AccountSums {
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
    pub(super) fn add(&mut self, values: &MetricValues) {
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

pub(super) fn account_values(
    data: &WeekData,
    sums: &AccountSums,
    previous_stock: Option<f64>,
) -> MetricValues {
    let mut v = MetricValues::default();
    for metric in [Metric::Sales, Metric::Units, Metric::Orders] {
        v.set(metric, sums.get(metric));
    }
    // Without a report by child item, the report by date still gives the
    // account's sales, units, orders and traffic (a marketplace downloaded so).
    if let (None, Some(days)) = (&data.business, data.days.as_ref().filter(|d| !d.is_empty())) {
        let total = |of: fn(&crate::domain::facts::DaySales) -> i64| f(days.iter().map(of).sum());
        let sales: i64 = days.iter().map(|d| d.sales.cents()).sum();
        #[allow(clippy::cast_precision_loss)] // cents of a week's sales
        v.set(Metric::Sales, Some(sales as f64 / 100.0));
        v.set(Metric::Units, Some(total(|d| d.units)));
        v.set(Metric::Orders, Some(total(|d| d.orders)));
        v.set(Metric::Sessions, Some(total(|d| d.sessions)));
        v.set(Metric::PageViews, Some(total(|d| d.page_views)));
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
pub(super) fn account_ads(data: &WeekData) -> Option<AdFigures> {
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
