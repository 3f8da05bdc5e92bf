//! Tests of `kpi`: every definition on small hand-made weeks.

use super::*;
use crate::domain::facts::{
    AdvertisedProduct, AsinListing, BusinessFacts, ReturnLine, SkuSales, WeekFigures,
};
use crate::domain::metric::Metric;
use crate::domain::money::Money;
use crate::domain::week::IsoWeek;

/// One SKU's KPIs for a week.
struct SkuKpis<'a> {
    identity: SkuIdentity<'a>,
    values: MetricValues,
}

/// A week's KPIs: the account, then every SKU in the order the reports name them.
struct WeekKpis<'a> {
    account: MetricValues,
    skus: Vec<SkuKpis<'a>>,
}

/// Every KPI of `data`, kept.
fn compute_week<'a>(
    data: &'a WeekData,
    previous: Option<&WeekData>,
    costs: &'a [SkuCost],
) -> WeekKpis<'a> {
    let mut skus = Vec::new();
    let account = compute_week_with(data, previous, costs, |identity, values| {
        skus.push(SkuKpis {
            identity,
            values: values.clone(),
        });
    })
    .account;
    WeekKpis { account, skus }
}

fn week() -> IsoWeek {
    "2026-W47".parse().unwrap()
}

fn sale(asin: &str, sku: &str, units: i64, dollars: i64) -> SkuSales {
    SkuSales {
        child_asin: asin.into(),
        sku: Some(sku.into()),
        units,
        sales: Money::from_cents(dollars * 100),
        orders: units,
    }
}

fn listing(asin: &str, sessions: i64, page_views: i64, buy_box: f64) -> AsinListing {
    AsinListing {
        child_asin: asin.into(),
        parent_asin: "P".into(),
        title: format!("Title of {asin}"),
        sessions,
        page_views,
        buy_box: Some(buy_box),
    }
}

fn base() -> WeekData {
    let mut data = WeekData::new(week());
    data.business = Some(BusinessFacts {
        sales: vec![
            sale("A1", "S1", 30, 600),
            sale("A1", "S2", 10, 200),
            sale("A2", "S3", 5, 100),
        ],
        listings: vec![listing("A1", 400, 500, 1.0), listing("A2", 100, 500, 0.8)],
    });
    data
}

fn sku<'a>(kpis: &'a WeekKpis<'_>, key: &str) -> &'a MetricValues {
    &kpis
        .skus
        .iter()
        .find(|s| s.identity.key == key)
        .unwrap()
        .values
}

fn close(a: Option<f64>, b: f64) -> bool {
    a.is_some_and(|a| (a - b).abs() < 1e-9)
}

#[test]
fn sku_rows_show_their_asins_traffic_and_convert_on_it() {
    let data = base();
    let kpis = compute_week(&data, None, &[]);
    assert_eq!(sku(&kpis, "S2").get(Metric::Sessions), Some(400.0));
    assert!(close(
        sku(&kpis, "S1").get(Metric::Conversion),
        30.0 / 400.0
    ));
    assert!(close(
        sku(&kpis, "S2").get(Metric::Conversion),
        10.0 / 400.0
    ));
    assert_eq!(kpis.skus[0].identity.title, "Title of A1");
}

#[test]
fn account_counts_each_asin_once_and_weights_buy_box_by_page_views() {
    let data = base();
    let account = compute_week(&data, None, &[]).account;
    assert_eq!(account.get(Metric::Sessions), Some(500.0));
    assert_eq!(account.get(Metric::Units), Some(45.0));
    assert!(close(account.get(Metric::Conversion), 45.0 / 500.0));
    assert!(close(account.get(Metric::BuyBox), 0.9));
}

#[test]
fn ads_ratios_come_from_summed_parts() {
    let mut data = base();
    let figures = |impressions, clicks, spend, sales| AdFigures {
        impressions,
        clicks,
        spend: Money::from_cents(spend),
        sales: Money::from_cents(sales),
        orders: 1,
        units: 1,
    };
    data.advertised = Some(vec![
        AdvertisedProduct {
            sku: Some("S1".into()),
            asin: Some("A1".into()),
            figures: figures(1000, 10, 5000, 20000),
        },
        AdvertisedProduct {
            sku: Some("S1".into()),
            asin: Some("A1".into()),
            figures: figures(1000, 30, 3000, 0),
        },
    ]);
    let kpis = compute_week(&data, None, &[]);
    let s1 = sku(&kpis, "S1");
    assert!(close(s1.get(Metric::Acos), 80.0 / 200.0));
    assert!(close(s1.get(Metric::Roas), 200.0 / 80.0));
    assert!(close(s1.get(Metric::Ctr), 40.0 / 2000.0));
    assert!(close(s1.get(Metric::Cpc), 80.0 / 40.0));
    assert!(close(s1.get(Metric::Tacos), 80.0 / 600.0));
    let s3 = sku(&kpis, "S3");
    assert_eq!(
        s3.get(Metric::AdSpend),
        Some(0.0),
        "not advertised: no spend"
    );
    assert_eq!(s3.get(Metric::Acos), None, "0 ÷ 0 is missing, not zero");
    assert!(close(kpis.account.get(Metric::Tacos), 80.0 / 900.0));
}

#[test]
fn a_week_with_only_the_report_by_date_still_has_the_accounts_sales() {
    let mut data = WeekData::new(week());
    let monday = week().monday();
    data.days = Some(
        (0..7)
            .map(|d| crate::domain::facts::DaySales {
                date: monday + chrono::Days::new(d),
                sales: crate::domain::money::Money::from_cents(10_050),
                units: 4,
                orders: 3,
                sessions: 40,
                page_views: 50,
            })
            .collect(),
    );
    let kpis = compute_week(&data, None, &[]);
    assert_eq!(kpis.account.get(Metric::Sales), Some(703.5));
    assert_eq!(kpis.account.get(Metric::Units), Some(28.0));
    assert_eq!(kpis.account.get(Metric::Sessions), Some(280.0));
    assert!(close(kpis.account.get(Metric::Conversion), 0.1));
    // With a report by child item, that one gives the account's figures.
    let mut both = base();
    both.days = data.days.clone();
    let kpis = compute_week(&both, None, &[]);
    assert_eq!(kpis.account.get(Metric::Sessions), Some(500.0));
}

#[test]
fn without_an_ads_report_ad_figures_are_missing_not_zero() {
    let data = base();
    let kpis = compute_week(&data, None, &[]);
    assert_eq!(sku(&kpis, "S1").get(Metric::AdSpend), None);
    assert_eq!(kpis.account.get(Metric::Acos), None);
}

#[test]
fn gross_profit_takes_off_costs_fees_and_referral() {
    let data = base();
    let costs = vec![SkuCost {
        sku: "S1".into(),
        unit_cost: Money::from_cents(500),
        fba_fee: Money::from_cents(300),
        referral_rate: 0.15,
        lead_time_days: None,
        case_pack: None,
        moq: None,
        legs: crate::domain::facts::LeadTimeLegs::default(),
        reorder_sku: None,
    }];
    let kpis = compute_week(&data, None, &costs);
    let profit = 600.0 - 30.0 * 8.0 - 600.0 * 0.15;
    assert!(close(sku(&kpis, "S1").get(Metric::GrossProfit), profit));
    assert!(close(
        sku(&kpis, "S1").get(Metric::GrossMargin),
        profit / 600.0
    ));
    assert_eq!(sku(&kpis, "S2").get(Metric::GrossProfit), None);
    assert!(close(kpis.account.get(Metric::GrossMargin), profit / 600.0));
}

#[test]
fn days_of_supply_and_turnover_average_last_weeks_stock() {
    let stock = |available| SkuStock {
        sku: "S1".into(),
        fnsku: "X".into(),
        asin: "A1".into(),
        title: String::new(),
        available,
        inbound: 50,
        reserved: 0,
        unsellable: 0,
        new_condition: true,
        unit_volume: None,
    };
    let mut previous = base();
    previous.inventory = Some(vec![stock(300)]);
    let mut data = base();
    data.inventory = Some(vec![stock(100)]);
    let kpis = compute_week(&data, Some(&previous), &[]);
    let s1 = sku(&kpis, "S1");
    assert!(close(s1.get(Metric::DaysOfSupply), 100.0 / (30.0 / 7.0)));
    assert!(close(
        s1.get(Metric::InventoryTurnover),
        30.0 * 52.0 / 200.0
    ));
    let alone = compute_week(&data, None, &[]);
    assert!(close(
        sku(&alone, "S1").get(Metric::InventoryTurnover),
        30.0 * 52.0 / 100.0
    ));
    assert_eq!(sku(&alone, "S1").get(Metric::InboundUnits), Some(50.0));
    assert_eq!(sku(&alone, "S2").get(Metric::DaysOfSupply), None);
}

#[test]
fn return_rate_needs_units_and_a_returns_report() {
    let mut data = base();
    assert_eq!(
        sku(&compute_week(&data, None, &[]), "S1").get(Metric::ReturnRate),
        None
    );
    let line = ReturnLine {
        date: week().monday(),
        order_id: String::new(),
        sku: "S1".into(),
        asin: "A1".into(),
        quantity: 3,
        disposition: "SELLABLE".into(),
        reason: "DEFECTIVE".into(),
        comment: None,
    };
    data.returns = Some(vec![line]);
    let kpis = compute_week(&data, None, &[]);
    assert!(close(sku(&kpis, "S1").get(Metric::ReturnRate), 0.1));
    assert_eq!(sku(&kpis, "S2").get(Metric::ReturnRate), Some(0.0));
    assert!(close(kpis.account.get(Metric::ReturnRate), 3.0 / 45.0));
}

#[test]
fn week_file_gives_odr_ipi_bsr_and_rating() {
    let mut data = base();
    let mut figures = WeekFigures {
        odr: Some(0.004),
        ipi: Some(550.0),
        ..WeekFigures::default()
    };
    figures.bsr.insert("A1".into(), 3120);
    figures.rating.insert("A1".into(), 4.4);
    data.figures = Some(figures);
    let kpis = compute_week(&data, None, &[]);
    assert_eq!(kpis.account.get(Metric::Odr), Some(0.004));
    assert_eq!(kpis.account.get(Metric::Ipi), Some(550.0));
    assert_eq!(sku(&kpis, "S2").get(Metric::Bsr), Some(3120.0));
    assert_eq!(sku(&kpis, "S1").get(Metric::Rating), Some(4.4));
    assert_eq!(sku(&kpis, "S3").get(Metric::Bsr), None);
}
