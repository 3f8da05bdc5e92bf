//! Tests of the diagnosis rules on small hand-made weeks: each rule fires on
//! its case, stays quiet on healthy figures and on missing inputs.

use chrono::Days;

use crate::domain::anomaly::DIAGNOSIS_LOOKBACK;
use crate::domain::facts::{
    AdFigures, AdvertisedProduct, AsinListing, BusinessFacts, ReturnLine, SkuCost, SkuPlanning,
    SkuSales, WeekFigures,
};
use crate::domain::judgement::Status;
use crate::domain::money::Money;
use crate::domain::review::build_review;
use crate::domain::rule_book::Rule;
use crate::domain::settings::Settings;
use crate::domain::week::IsoWeek;
use crate::domain::week_data::WeekData;
use crate::domain::week_report::WeekReport;

/// One SKU's week; `None` leaves that report out of the week.
#[derive(Clone)]
struct Week {
    units: i64,
    sessions: i64,
    buy_box: f64,
    ads: Option<(i64, i64, i64, i64)>,
    returned: Option<i64>,
    stock: Option<(i64, i64)>,
    bsr: Option<i64>,
    odr: Option<f64>,
}

fn healthy() -> Week {
    Week {
        units: 100,
        sessions: 1000,
        buy_box: 0.99,
        ads: Some((100_000, 500, 40_000, 200_000)),
        returned: Some(2),
        stock: Some((2000, 0)),
        bsr: Some(1000),
        odr: Some(0.003),
    }
}

fn data(week: IsoWeek, w: &Week) -> WeekData {
    let mut data = WeekData::new(week);
    data.business = Some(BusinessFacts {
        sales: vec![SkuSales {
            child_asin: "A1".into(),
            sku: Some("S1".into()),
            units: w.units,
            sales: Money::from_cents(w.units * 2000),
            orders: w.units,
        }],
        listings: vec![AsinListing {
            child_asin: "A1".into(),
            parent_asin: "P".into(),
            title: "Bath mat".into(),
            sessions: w.sessions,
            page_views: w.sessions,
            buy_box: Some(w.buy_box),
        }],
    });
    data.advertised = w.ads.map(|(impressions, clicks, spend, sales)| {
        vec![AdvertisedProduct {
            sku: Some("S1".into()),
            asin: Some("A1".into()),
            figures: AdFigures {
                impressions,
                clicks,
                spend: Money::from_cents(spend),
                sales: Money::from_cents(sales),
                orders: 5,
                units: 5,
            },
        }]
    });
    data.returns = w.returned.map(|n| {
        (0..n)
            .map(|i| ReturnLine {
                date: week.monday() + Days::new(1),
                order_id: format!("o{i}"),
                sku: "S1".into(),
                asin: "A1".into(),
                quantity: 1,
                disposition: "SELLABLE".into(),
                reason: "NOT_AS_DESCRIBED".into(),
                comment: Some("Too small for the room".into()),
            })
            .collect()
    });
    data.planning = w.stock.map(|(available, aged)| {
        vec![SkuPlanning {
            sku: "S1".into(),
            asin: "A1".into(),
            title: String::new(),
            snapshot: None,
            available,
            inbound: Some(0),
            aged_181_plus: aged,
            storage_surcharge: None,
            sales_rank: w.bsr,
            product_group: None,
            days_of_supply: None,
            new_condition: true,
            fc_transfer: None,
            fc_processing: None,
            recommended_units: None,
            recommended_date: None,
        }]
    });
    data.figures = w.odr.map(|odr| WeekFigures {
        odr: Some(odr),
        ipi: Some(600.0),
        ..WeekFigures::default()
    });
    data
}

/// Diagnoses five weeks: four of `history`, then `now`.
fn rules_for(history: &Week, now: &Week) -> Vec<(Rule, Status)> {
    let mut weeks = vec![history.clone(); 4];
    weeks.push(now.clone());
    rules_over(&weeks)
}

/// Diagnoses consecutive weeks, the last one reviewed.
fn rules_over(weeks: &[Week]) -> Vec<(Rule, Status)> {
    let newest: IsoWeek = "2026-W47".parse().unwrap();
    let weeks: Vec<WeekData> = (0..weeks.len() as u64)
        .rev()
        .zip(weeks)
        .map(|(back, week)| {
            data(
                IsoWeek::containing(newest.monday() - Days::new(7 * back)),
                week,
            )
        })
        .collect();
    let costs = [SkuCost {
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
    let settings = Settings::default();
    let review = build_review(&weeks, &costs, &settings).unwrap();
    let returns = weeks.last().and_then(|w| w.returns.clone());
    WeekReport::diagnosed(review, returns.as_deref(), &costs, &[], &settings)
        .anomalies
        .into_iter()
        .map(|a| (a.rule, a.severity))
        .collect()
}

fn fired(history: &Week, now: &Week) -> Vec<Rule> {
    rules_for(history, now)
        .into_iter()
        .map(|(rule, _)| rule)
        .collect()
}

#[test]
fn a_healthy_week_fires_nothing() {
    assert_eq!(fired(&healthy(), &healthy()), []);
}

#[test]
fn conversion_drop_of_twenty_percent_fires_but_a_ten_percent_dip_does_not() {
    let drop = Week {
        units: 80,
        ..healthy()
    };
    assert!(fired(&healthy(), &drop).contains(&Rule::ConversionDrop));
    let dip = Week {
        units: 90,
        ..healthy()
    };
    assert!(!fired(&healthy(), &dip).contains(&Rule::ConversionDrop));
    let few_sessions = Week {
        sessions: 90,
        units: 10,
        ..healthy()
    };
    let fewer = Week {
        sessions: 90,
        units: 5,
        ..healthy()
    };
    assert!(!fired(&few_sessions, &fewer).contains(&Rule::ConversionDrop));
}

#[test]
fn ad_spend_spike_without_matching_sales() {
    let spike = Week {
        ads: Some((150_000, 1000, 80_000, 208_000)),
        ..healthy()
    };
    assert!(rules_for(&healthy(), &spike).contains(&(Rule::AdSpendSpike, Status::Breach)));
    let growth = Week {
        ads: Some((150_000, 1000, 80_000, 400_000)),
        ..healthy()
    };
    assert!(!fired(&healthy(), &growth).contains(&Rule::AdSpendSpike));
}

#[test]
fn acos_over_target_and_low_ctr() {
    let costly = Week {
        ads: Some((100_000, 500, 50_000, 125_000)),
        ..healthy()
    };
    assert!(rules_for(&healthy(), &costly).contains(&(Rule::AcosOverTarget, Status::Breach)));
    // Spend that sold nothing is the worst ACoS, never a missing one.
    let unsold = Week {
        ads: Some((100_000, 500, 40_000, 0)),
        ..healthy()
    };
    assert!(rules_for(&healthy(), &unsold).contains(&(Rule::AcosOverTarget, Status::Breach)));
    let unclicked = Week {
        ads: Some((1_000_000, 500, 40_000, 200_000)),
        ..healthy()
    };
    assert!(fired(&healthy(), &unclicked).contains(&Rule::LowCtr));
}

#[test]
fn return_spike_against_the_trailing_average() {
    let spike = Week {
        returned: Some(8),
        ..healthy()
    };
    assert!(fired(&healthy(), &spike).contains(&Rule::ReturnSpike));
    let few = Week {
        returned: Some(2),
        units: 20,
        sessions: 200,
        ..healthy()
    };
    assert!(
        !fired(
            &Week {
                returned: Some(0),
                ..healthy()
            },
            &few
        )
        .contains(&Rule::ReturnSpike),
        "under 3 units"
    );
    let no_history = Week {
        returned: None,
        ..healthy()
    };
    let high = Week {
        returned: Some(12),
        ..healthy()
    };
    assert!(
        fired(&no_history, &high).contains(&Rule::ReturnSpike),
        "12 % with no history"
    );
}

#[test]
fn the_trailing_average_looks_back_exactly_the_diagnosis_lookback() {
    let spike = Week {
        returned: Some(8),
        ..healthy()
    };
    let heavy = Week {
        returned: Some(50),
        ..healthy()
    };
    let spiked = |weeks: &[Week]| {
        rules_over(weeks)
            .iter()
            .any(|(rule, _)| *rule == Rule::ReturnSpike)
    };
    let mut inside = vec![heavy.clone()];
    inside.extend(vec![healthy(); DIAGNOSIS_LOOKBACK - 1]);
    inside.push(spike.clone());
    assert!(
        !spiked(&inside),
        "heavy returns inside the lookback raise the average"
    );
    let mut outside = vec![heavy];
    outside.extend(vec![healthy(); DIAGNOSIS_LOOKBACK]);
    outside.push(spike);
    assert!(
        spiked(&outside),
        "a week before the lookback is not looked at"
    );
}

#[test]
fn stock_rules() {
    let low = Week {
        stock: Some((100, 0)),
        ..healthy()
    };
    assert!(rules_for(&healthy(), &low).contains(&(Rule::StockoutRisk, Status::Breach)));
    let aged = Week {
        stock: Some((2000, 300)),
        ..healthy()
    };
    assert!(fired(&healthy(), &aged).contains(&Rule::AgedInventory));
}

#[test]
fn listing_buy_box_bsr_and_account_rules() {
    let gone = Week {
        sessions: 0,
        units: 0,
        ..healthy()
    };
    assert!(fired(&healthy(), &gone).contains(&Rule::ListingInactive));
    let lost_box = Week {
        buy_box: 0.8,
        ..healthy()
    };
    assert!(fired(&healthy(), &lost_box).contains(&Rule::BuyBoxLoss));
    let worse = Week {
        bsr: Some(1500),
        ..healthy()
    };
    assert!(fired(&healthy(), &worse).contains(&Rule::BsrWorsening));
    let defects = Week {
        odr: Some(0.012),
        ..healthy()
    };
    assert!(rules_for(&healthy(), &defects).contains(&(Rule::OdrOverTarget, Status::Breach)));
}

#[test]
fn no_rule_fires_on_a_missing_input() {
    let bare = Week {
        ads: None,
        returned: None,
        stock: None,
        bsr: None,
        odr: None,
        units: 0,
        sessions: 0,
        buy_box: 0.0,
    };
    assert_eq!(fired(&bare, &bare), []);
    let no_ads_now = Week {
        ads: None,
        ..healthy()
    };
    assert!(
        !fired(&healthy(), &no_ads_now)
            .iter()
            .any(|r| matches!(r, Rule::AdSpendSpike | Rule::AcosOverTarget | Rule::LowCtr))
    );
}

#[test]
fn anomalies_rank_by_money_at_stake() {
    let trouble = Week {
        units: 60,
        returned: Some(20),
        stock: Some((2000, 10)),
        ..healthy()
    };
    // Over four weeks, at $9 of gross profit a unit ($20 less $8 of costs and
    // a 15 % referral fee): 40 units of lost conversion ($1,440), 18.8 returns
    // above the usual 2 % ($677), ad share 8 points over on $1,200 ($384);
    // aged units without a surcharge estimate cost nothing yet ($0).
    assert_eq!(
        fired(&healthy(), &trouble),
        [
            Rule::ConversionDrop,
            Rule::ReturnSpike,
            Rule::AdShareOutOfBand,
            Rule::AgedInventory
        ]
    );
}
