//! The return-spike rule and the trailing return rate it compares against,
//! with the reasons and comments that explain a spike.

use super::subject::{AT_STAKE_WEEKS, Subject, as_f64};
use crate::domain::anomaly::{Anomaly, DIAGNOSIS_LOOKBACK};
use crate::domain::facts::ReturnLine;
use crate::domain::format::{count, percent};
use crate::domain::judgement::Status;
use crate::domain::metric::Metric;
use crate::domain::review::{Figures, TREND_WEEKS};
use crate::domain::rule_book::Rule;
use crate::domain::settings::Language;
use crate::domain::voice::pain_points;
use crate::domain::words::Said;

pub(super) fn return_spike(s: &Subject<'_>, returns: Option<&[ReturnLine]>) -> Option<Anomaly> {
    let t = &s.settings.thresholds;
    let (rate, returned) = (s.now(Metric::ReturnRate)?, s.now(Metric::ReturnedUnits)?);
    if returned < as_f64(t.return_min_units) {
        return None;
    }
    let trailing = trailing_return_rate(s.figures);
    let fires = match trailing {
        Some(average) => rate >= t.return_spike_factor * average,
        None => rate > t.return_rate_without_history,
    };
    if !fires {
        return None;
    }
    let (shown, back, sold) = (
        percent(rate),
        count(returned),
        count(s.now(Metric::Units).unwrap_or(0.0)),
    );
    let message = match trailing {
        Some(average) => Said::new(
            format!(
                "Return rate is {shown} ({back} of {sold} units) against a 4-week average of {}",
                percent(average)
            ),
            format!(
                "退货率 {shown}（{sold} 件中退回 {back} 件），前 4 周平均 {}",
                percent(average)
            ),
        ),
        None => Said::new(
            format!(
                "Return rate is {shown} ({back} of {sold} units) against no history to compare with"
            ),
            format!("退货率 {shown}（{sold} 件中退回 {back} 件），没有历史可比"),
        ),
    };
    // The returns above the usual rate, each a sale's gross profit refunded, for four weeks.
    let usual = trailing.unwrap_or(0.0) * s.now(Metric::Units).unwrap_or(0.0);
    let mut anomaly = s.anomaly(
        Rule::ReturnSpike,
        Status::Breach,
        Metric::ReturnRate,
        message,
        (returned - usual).max(0.0) * s.unit_margin() * AT_STAKE_WEEKS,
    );
    anomaly.evidence = return_evidence(s, returns);
    Some(anomaly)
}

/// Returned ÷ sold over the weeks of the lookback, from summed parts.
pub(super) fn trailing_return_rate(figures: &Figures) -> Option<f64> {
    trailing_ratio(figures, Metric::ReturnedUnits, Metric::Units)
}

/// `part` ÷ `whole` over the weeks of the lookback that have both, from summed parts.
pub(super) fn trailing_ratio(figures: &Figures, part: Metric, whole: Metric) -> Option<f64> {
    let weeks = TREND_WEEKS - 1 - DIAGNOSIS_LOOKBACK..TREND_WEEKS - 1;
    let (parts, wholes) = weeks
        .filter_map(|w| {
            Some((
                figures.trend_value(part, w)?,
                figures.trend_value(whole, w)?,
            ))
        })
        .fold((0.0, 0.0), |(p, w), (part, whole)| (p + part, w + whole));
    (wholes > 0.0).then(|| parts / wholes)
}

pub(super) fn return_evidence(s: &Subject<'_>, returns: Option<&[ReturnLine]>) -> Vec<Said> {
    let Some(row) = s.row else { return Vec::new() };
    let own: Vec<ReturnLine> = returns
        .unwrap_or_default()
        .iter()
        .filter(|line| {
            row.sku
                .as_deref()
                .map_or(line.asin == row.asin, |sku| line.sku == sku)
        })
        .cloned()
        .collect();
    let mut evidence = Vec::new();
    for point in pain_points(&own).iter().take(3) {
        evidence.push(Said::new(
            format!(
                "{} units: {}",
                point.units,
                point.reason_in(Language::English)
            ),
            format!("{} 件：{}", point.units, point.reason_in(Language::Chinese)),
        ));
        evidence.extend(
            point
                .comments
                .iter()
                .take(2)
                .map(|c| Said::same(format!("  “{c}”"))),
        );
    }
    evidence
}
