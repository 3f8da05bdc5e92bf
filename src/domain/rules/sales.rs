//! The rules on how a SKU sells and is advertised: conversion, ad spend,
//! click-through, an inactive listing, a falling sales rank.

use super::subject::{AT_STAKE_WEEKS, Subject, as_f64};
use crate::domain::anomaly::Anomaly;
use crate::domain::format::{change, count, money, percent};
use crate::domain::judgement::Status;
use crate::domain::metric::Metric;
use crate::domain::rule_book::Rule;
use crate::domain::words::Said;

pub(super) fn conversion_drop(s: &Subject<'_>) -> Option<Anomaly> {
    let t = &s.settings.thresholds;
    let (now, before) = (s.now(Metric::Conversion)?, s.before(Metric::Conversion)?);
    let sessions = s.now(Metric::Sessions)?;
    if before <= 0.0 || sessions < as_f64(t.conversion_min_sessions) {
        return None;
    }
    let drop = (before - now) / before;
    if drop < t.conversion_drop {
        return None;
    }
    let severity = if drop >= 2.0 * t.conversion_drop {
        Status::Breach
    } else {
        Status::Watch
    };
    let (from, to, sessions_seen) = (percent(before), percent(now), count(sessions));
    let message = Said::new(
        format!(
            "Conversion fell from {from} to {to} (−{:.0}%) on {sessions_seen} sessions",
            drop * 100.0
        ),
        format!(
            "转化率从 {from} 降到 {to}（−{:.0}%），访问量 {sessions_seen}",
            drop * 100.0
        ),
    );
    let lost_units = (before - now) * sessions;
    Some(s.anomaly(
        Rule::ConversionDrop,
        severity,
        Metric::Conversion,
        message,
        lost_units * s.unit_margin() * AT_STAKE_WEEKS,
    ))
}

pub(super) fn ad_spend_spike(s: &Subject<'_>) -> Option<Anomaly> {
    let (spend, spend_before) = (s.now(Metric::AdSpend)?, s.before(Metric::AdSpend)?);
    let (sales, sales_before) = (s.now(Metric::AdSales)?, s.before(Metric::AdSales)?);
    if spend_before <= 0.0 {
        return None;
    }
    let growth = spend / spend_before - 1.0;
    let sales_growth = if sales_before > 0.0 {
        sales / sales_before - 1.0
    } else {
        f64::INFINITY
    };
    if growth < s.settings.thresholds.ad_spend_spike || sales_growth >= growth / 2.0 {
        return None;
    }
    let severity = if growth >= 1.0 {
        Status::Breach
    } else {
        Status::Watch
    };
    let rise = change(Metric::AdSpend, growth);
    let (from, to) = (money(spend_before, s.currency), money(spend, s.currency));
    let message = if sales_before > 0.0 {
        let sales_change = change(Metric::AdSales, sales_growth);
        Said::new(
            format!("Ad spend rose {rise} ({from} → {to}) while ad sales changed {sales_change}"),
            format!("广告花费增长 {rise}（{from} → {to}），广告销售额只变化 {sales_change}"),
        )
    } else {
        Said::new(
            format!("Ad spend rose {rise} ({from} → {to}) while ad sales changed from nothing"),
            format!("广告花费增长 {rise}（{from} → {to}），而上周没有广告销售额"),
        )
    };
    Some(s.anomaly(
        Rule::AdSpendSpike,
        severity,
        Metric::AdSpend,
        message,
        (spend - spend_before) * AT_STAKE_WEEKS,
    ))
}

pub(super) fn low_ctr(s: &Subject<'_>) -> Option<Anomaly> {
    let t = &s.settings.thresholds;
    let (ctr, impressions) = (s.now(Metric::Ctr)?, s.now(Metric::Impressions)?);
    if impressions < as_f64(t.low_ctr_min_impressions) || ctr >= t.low_ctr {
        return None;
    }
    let (rate, seen, floor) = (ctr * 100.0, count(impressions), t.low_ctr * 100.0);
    let message = Said::new(
        format!(
            "CTR is {rate:.2}% on {seen} impressions (below {floor:.2}%): exposure that does not earn clicks"
        ),
        format!("点击率 {rate:.2}%，曝光 {seen} 次（低于 {floor:.2}%）：有曝光却没有点击"),
    );
    let spend = s.now(Metric::AdSpend).unwrap_or(0.0);
    Some(s.anomaly(
        Rule::LowCtr,
        Status::Watch,
        Metric::Ctr,
        message,
        spend * AT_STAKE_WEEKS,
    ))
}

pub(super) fn listing_inactive(s: &Subject<'_>) -> Option<Anomaly> {
    let (now, before) = (s.now(Metric::Sessions)?, s.before(Metric::Sessions)?);
    if now > 0.0 || before <= 0.0 {
        return None;
    }
    let message = Said::new(
        format!("No sessions this week ({} the week before)", count(before)),
        format!("本周没有访问（上周 {} 次）", count(before)),
    );
    let lost = Subject::profit_or_sales(&s.figures.previous) * AT_STAKE_WEEKS;
    Some(s.anomaly(
        Rule::ListingInactive,
        Status::Breach,
        Metric::Sessions,
        message,
        lost,
    ))
}

pub(super) fn bsr_worsening(s: &Subject<'_>) -> Option<Anomaly> {
    let (now, before) = (s.now(Metric::Bsr)?, s.before(Metric::Bsr)?);
    if before <= 0.0 {
        return None;
    }
    let worse = now / before - 1.0;
    if worse < s.settings.thresholds.bsr_worsening {
        return None;
    }
    let (fall, from, to) = (change(Metric::Bsr, worse), count(before), count(now));
    let message = Said::new(
        format!("Best Sellers Rank worsened {fall} (#{from} → #{to})"),
        format!("畅销排名下滑 {fall}（#{from} → #{to}）"),
    );
    // Half the rank's fall as lost units, at the unit's gross profit, for four weeks.
    let units = s.now(Metric::Units).unwrap_or(0.0);
    Some(s.anomaly(
        Rule::BsrWorsening,
        Status::Watch,
        Metric::Bsr,
        message,
        units * worse.min(1.0) * 0.5 * s.unit_margin() * AT_STAKE_WEEKS,
    ))
}
