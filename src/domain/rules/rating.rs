//! The rating-drop rule, once per child ASIN whatever its SKUs.

use super::returns::trailing_ratio;
use super::subject::{AT_STAKE_WEEKS, Subject};
use crate::domain::anomaly::Anomaly;
use crate::domain::facts::SkuCost;
use crate::domain::judgement::Status;
use crate::domain::metric::Metric;
use crate::domain::review::{Review, SkuRow};
use crate::domain::rule_book::Rule;
use crate::domain::settings::Settings;
use crate::domain::words::Said;

/// A star rating in tenths: 4.5 → 45, so that comparisons are exact.
#[allow(clippy::cast_possible_truncation)] // ratings of 1 to 5
fn tenths(stars: f64) -> i64 {
    (stars * 10.0).round() as i64
}

/// The rating of a child ASIN fell by 0.3 or more since last week, or below
/// 4.0. `rows` are the ASIN's SKUs, most sold first; the money is the
/// conversion lost against the four weeks before on this week's sessions.
pub fn rating_drop(
    rows: &[&SkuRow],
    review: &Review,
    settings: &Settings,
    cost: Option<&SkuCost>,
) -> Option<Anomaly> {
    let first = *rows.first()?;
    let (now, before) = (
        first.figures.current.get(Metric::Rating)?,
        first.figures.previous.get(Metric::Rating),
    );
    let fell = before.is_some_and(|b| tenths(b) - tenths(now) >= 3);
    let low = tenths(now) < 40 && before.is_none_or(|b| tenths(b) >= 40);
    if !fell && !low {
        return None;
    }
    let subject = Subject::of_row(first, review, settings, cost);
    let skus: Vec<&str> = rows
        .iter()
        .map(|r| r.sku.as_deref().unwrap_or(&r.key))
        .collect();
    let names = skus.join(", ");
    let message = match before {
        Some(b) => Said::new(
            format!(
                "Rating fell from {b:.1} to {now:.1} stars on {} ({names})",
                first.asin
            ),
            format!("{} 评分从 {b:.1} 星降到 {now:.1} 星（{names}）", first.asin),
        ),
        None => Said::new(
            format!(
                "Rating is {now:.1} stars on {}, under 4.0 ({names})",
                first.asin
            ),
            format!("{} 评分为 {now:.1} 星，低于 4.0（{names}）", first.asin),
        ),
    };
    let lost_units: f64 = rows
        .iter()
        .filter_map(|row| {
            let conversion = row.figures.current.get(Metric::Conversion)?;
            let sessions = row.figures.current.get(Metric::Sessions)?;
            let usual = trailing_ratio(&row.figures, Metric::Units, Metric::Sessions)?;
            Some((usual - conversion).max(0.0) * sessions)
        })
        .sum();
    let severity = if tenths(now) < 40 {
        Status::Breach
    } else {
        Status::Watch
    };
    Some(subject.anomaly(
        Rule::RatingDrop,
        severity,
        Metric::Rating,
        message,
        lost_units * subject.unit_margin() * AT_STAKE_WEEKS,
    ))
}
