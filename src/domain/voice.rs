//! The customer-voice board: return reasons and comments grouped into pain
//! points, with how many units and which SKUs each touches. Review
//! complaints can join later in the same shape. Pure: std only.

use std::collections::BTreeMap;

use super::facts::ReturnLine;
use super::reasons::{comment_theme, plain_reason, theme_name};
use super::settings::Language;

/// One pain point of the week.
#[derive(Debug, Clone, PartialEq)]
pub struct PainPoint {
    /// Amazon's reason code.
    pub code: String,
    pub theme: Option<&'static str>,
    pub units: i64,
    /// Units per SKU, most first.
    pub skus: Vec<(String, i64)>,
    /// Distinct customer comments, most frequent first.
    pub comments: Vec<String>,
}

impl PainPoint {
    /// The pain point in plain words in `language`: `not as described — size`.
    pub fn reason_in(&self, language: Language) -> String {
        let reason = plain_reason(&self.code, language);
        match self.theme {
            Some(theme) => format!("{reason} — {}", theme_name(theme, language)),
            None => reason,
        }
    }

    /// The first `count` SKUs with their units: `HK-BM-NV-2032 (30), HK-CB-BAM-L (3)`.
    pub fn sku_summary(&self, count: usize) -> String {
        self.skus
            .iter()
            .take(count)
            .map(|(sku, units)| format!("{sku} ({units})"))
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// Groups returns by reason and comment theme, biggest pain first.
pub fn pain_points(returns: &[ReturnLine]) -> Vec<PainPoint> {
    #[derive(Default)]
    struct Group {
        units: i64,
        skus: BTreeMap<String, i64>,
        comments: BTreeMap<String, i64>,
    }
    let mut groups: BTreeMap<(String, Option<&'static str>), Group> = BTreeMap::new();
    for line in returns {
        let theme = line.comment.as_deref().and_then(comment_theme);
        let group = groups.entry((line.reason.clone(), theme)).or_default();
        group.units += line.quantity;
        *group.skus.entry(line.sku.clone()).or_default() += line.quantity;
        if let Some(comment) = &line.comment {
            *group.comments.entry(comment.clone()).or_default() += 1;
        }
    }
    let mut points: Vec<PainPoint> = groups
        .into_iter()
        .map(|((code, theme), group)| PainPoint {
            code,
            theme,
            units: group.units,
            skus: most_first(group.skus),
            comments: most_first(group.comments)
                .into_iter()
                .map(|(c, _)| c)
                .collect(),
        })
        .collect();
    points.sort_by(|a, b| {
        b.units
            .cmp(&a.units)
            .then_with(|| a.code.cmp(&b.code))
            .then_with(|| a.theme.cmp(&b.theme))
    });
    points
}

fn most_first(counts: BTreeMap<String, i64>) -> Vec<(String, i64)> {
    let mut counts: Vec<(String, i64)> = counts.into_iter().collect();
    counts.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    counts
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn line(sku: &str, reason: &str, comment: &str) -> ReturnLine {
        ReturnLine {
            date: NaiveDate::from_ymd_opt(2026, 11, 18).unwrap(),
            order_id: String::new(),
            sku: sku.into(),
            asin: String::new(),
            quantity: 1,
            disposition: "SELLABLE".into(),
            reason: reason.into(),
            comment: (!comment.is_empty()).then(|| comment.into()),
        }
    }

    #[test]
    fn size_complaints_become_one_pain_point() {
        let returns = [
            line(
                "MAT",
                "NOT_AS_DESCRIBED",
                "Much smaller than the listing says",
            ),
            line("MAT", "NOT_AS_DESCRIBED", "Too small for my bathroom"),
            line("MAT2", "NOT_AS_DESCRIBED", "smaller than pictured"),
            line("MAT", "NOT_AS_DESCRIBED", "Color is off"),
            line("MAT", "UNWANTED_ITEM", ""),
        ];
        let points = pain_points(&returns);
        assert_eq!(
            points[0].reason_in(Language::English),
            "not as described — size"
        );
        assert_eq!(points[0].reason_in(Language::Chinese), "与描述不符 — 尺寸");
        assert_eq!(points[0].units, 3);
        assert_eq!(
            points[0].skus,
            [("MAT".to_owned(), 2), ("MAT2".to_owned(), 1)]
        );
        assert_eq!(points[0].comments.len(), 3);
        assert_eq!(points.len(), 3);
    }
}
