//! Several marketplaces in one meeting: each marketplace's facts, their
//! SKUs and ASINs named `DE:SKU` so the same SKU on two marketplaces is two
//! rows, their money converted to the reporting currency, merged into one
//! week. Pure: std only.

use super::words::Said;
use std::collections::BTreeMap;

use super::facts::AdFigures;
use super::money::Money;
use super::week_data::WeekData;

/// Amazon's marketplaces, by the code a week folder's subfolder is named with.
pub const MARKETPLACES: [&str; 21] = [
    "US", "CA", "MX", "BR", "UK", "DE", "FR", "IT", "ES", "NL", "SE", "PL", "BE", "TR", "AE", "SA",
    "EG", "IN", "JP", "AU", "SG",
];

/// The marketplace a folder name stands for, in any case (`de` → `DE`).
pub fn marketplace_code(name: &str) -> Option<&'static str> {
    MARKETPLACES
        .iter()
        .copied()
        .find(|code| code.eq_ignore_ascii_case(name))
}

/// A key's marketplace and the key within it: `DE:HK-1` → (`DE`, `HK-1`).
pub fn split_key(key: &str) -> (Option<&'static str>, &str) {
    match key.split_once(':') {
        Some((code, rest)) => match marketplace_code(code) {
            Some(code) => (Some(code), rest),
            None => (None, key),
        },
        None => (None, key),
    }
}

/// What one currency unit is worth in the reporting currency.
pub type Rates = BTreeMap<String, f64>;

/// The rate that turns `currency` into `reporting`, or what to add to get one.
pub fn rate(currency: &str, reporting: &str, rates: &Rates) -> Result<f64, Said> {
    if currency.eq_ignore_ascii_case(reporting) {
        return Ok(1.0);
    }
    rates
        .iter()
        .find(|(code, _)| code.eq_ignore_ascii_case(currency))
        .map(|(_, rate)| *rate)
        .ok_or_else(|| {
            Said::both(
                format!(
                    "the reports are in {currency} but opsdeck.toml has no rate for it: add \
                     `{currency} = …` (the value of one {currency} in {reporting}) to its [fx] \
                     table"
                ),
                format!(
                    "报告以 {currency} 计价，但 opsdeck.toml 没有它的汇率：请在 [fx] 表中加上 \
                     `{currency} = …`（1 {currency} 折合多少 {reporting}）"
                ),
            )
        })
}

/// `data` as one marketplace of a merged week: money × `rate` and, when
/// `named`, keys named `code:…` (needed once several marketplaces merge).
pub fn in_marketplace(mut data: WeekData, code: &str, rate: f64, named: bool) -> WeekData {
    let name = |key: &mut String| {
        if named && !key.is_empty() {
            *key = format!("{code}:{key}");
        }
    };
    let convert = |money: &mut Money| *money = convert_money(*money, rate);
    let convert_ads = |figures: &mut AdFigures| {
        convert(&mut figures.spend);
        convert(&mut figures.sales);
    };
    if let Some(business) = &mut data.business {
        for sale in &mut business.sales {
            name(&mut sale.child_asin);
            if let Some(sku) = &mut sale.sku {
                name(sku);
            }
            convert(&mut sale.sales);
        }
        for listing in &mut business.listings {
            name(&mut listing.child_asin);
            name(&mut listing.parent_asin);
        }
    }
    for product in data.advertised.iter_mut().flatten() {
        if let Some(sku) = &mut product.sku {
            name(sku);
        }
        if let Some(asin) = &mut product.asin {
            name(asin);
        }
        convert_ads(&mut product.figures);
    }
    for campaign in data.campaigns.iter_mut().flatten() {
        name(&mut campaign.campaign);
        convert_ads(&mut campaign.figures);
    }
    for term in data.search_terms.iter_mut().flatten() {
        name(&mut term.campaign);
        convert_ads(&mut term.figures);
    }
    for target in data.targets.iter_mut().flatten() {
        name(&mut target.campaign);
        convert_ads(&mut target.figures);
    }
    for day in data.days.iter_mut().flatten() {
        convert(&mut day.sales);
    }
    for stock in data.inventory.iter_mut().flatten() {
        name(&mut stock.sku);
        name(&mut stock.asin);
    }
    for item in data.planning.iter_mut().flatten() {
        name(&mut item.sku);
        name(&mut item.asin);
        if let Some(surcharge) = &mut item.storage_surcharge {
            convert(surcharge);
        }
    }
    for line in data.returns.iter_mut().flatten() {
        name(&mut line.sku);
        name(&mut line.asin);
    }
    data.marketplaces = vec![code.to_owned()];
    data
}

#[allow(clippy::cast_possible_truncation, clippy::cast_precision_loss)]
fn convert_money(money: Money, rate: f64) -> Money {
    if (rate - 1.0).abs() < f64::EPSILON {
        return money;
    }
    Money::from_cents((money.cents() as f64 * rate).round() as i64)
}

/// Merges the marketplaces of one week into `into`: every list is joined,
/// a kind missing in one marketplace stays what the others give.
pub fn merge(into: &mut WeekData, other: WeekData) {
    fn join<T>(slot: &mut Option<Vec<T>>, other: Option<Vec<T>>) {
        match (slot.as_mut(), other) {
            (Some(existing), Some(new)) => existing.extend(new),
            (None, Some(new)) => *slot = Some(new),
            (_, None) => {}
        }
    }
    match (into.business.as_mut(), other.business) {
        (Some(existing), Some(new)) => {
            existing.sales.extend(new.sales);
            existing.listings.extend(new.listings);
        }
        (None, Some(new)) => into.business = Some(new),
        (_, None) => {}
    }
    join(&mut into.advertised, other.advertised);
    join(&mut into.campaigns, other.campaigns);
    join(&mut into.search_terms, other.search_terms);
    join(&mut into.targets, other.targets);
    join(&mut into.days, other.days);
    join(&mut into.inventory, other.inventory);
    join(&mut into.planning, other.planning);
    join(&mut into.returns, other.returns);
    join(&mut into.feedback, other.feedback);
    if into.figures.is_none() {
        into.figures = other.figures;
    }
    into.marketplaces.extend(other.marketplaces);
    into.ad_attribution_days = into.ad_attribution_days.or(other.ad_attribution_days);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::facts::{AsinListing, BusinessFacts, SkuSales};

    fn week_with_sale(cents: i64) -> WeekData {
        let mut data = WeekData::new("2026-W47".parse().unwrap());
        data.business = Some(BusinessFacts {
            sales: vec![SkuSales {
                child_asin: "B001".into(),
                sku: Some("HK-1".into()),
                units: 2,
                sales: Money::from_cents(cents),
                orders: 2,
            }],
            listings: vec![AsinListing {
                child_asin: "B001".into(),
                parent_asin: "B000".into(),
                title: "Mug".into(),
                sessions: 10,
                page_views: 12,
                buy_box: None,
            }],
        });
        data
    }

    #[test]
    fn the_same_sku_on_two_marketplaces_is_two_rows_in_one_currency() {
        let mut merged = in_marketplace(week_with_sale(1000), "US", 1.0, true);
        merge(
            &mut merged,
            in_marketplace(week_with_sale(1000), "DE", 1.10, true),
        );
        let business = merged.business.unwrap();
        let skus: Vec<_> = business
            .sales
            .iter()
            .map(|s| s.sku.clone().unwrap())
            .collect();
        assert_eq!(skus, ["US:HK-1", "DE:HK-1"]);
        assert_eq!(business.sales[1].sales, Money::from_cents(1100));
        assert_eq!(merged.marketplaces, ["US", "DE"]);
    }

    #[test]
    fn a_currency_without_a_rate_names_the_key_to_add() {
        let rates: Rates = [("EUR".to_owned(), 1.1)].into();
        assert_eq!(rate("eur", "USD", &rates), Ok(1.1));
        assert_eq!(rate("USD", "USD", &rates), Ok(1.0));
        let missing = rate("JPY", "USD", &rates).unwrap_err();
        assert!(
            missing.en.contains("`JPY = …`") && missing.en.contains("[fx]"),
            "{missing:?}"
        );
        assert!(missing.zh.contains("`JPY = …`"), "{missing:?}");
    }

    #[test]
    fn keys_say_their_marketplace() {
        assert_eq!(split_key("DE:HK-1"), (Some("DE"), "HK-1"));
        assert_eq!(split_key("de:HK-1"), (Some("DE"), "HK-1"));
        assert_eq!(split_key("HK-1"), (None, "HK-1"));
        assert_eq!(split_key("ABC:1"), (None, "ABC:1"));
        assert_eq!(marketplace_code("uk"), Some("UK"));
    }
}
