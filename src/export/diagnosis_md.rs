//! The week's diagnosis and customer voice as Markdown sections, shared by
//! the pre-read (`prep`) and `kpis --format md`. What customers and the
//! diagnosis quote is escaped.

use std::fmt::Write as _;

use crate::domain::action::ActionItem;
use crate::domain::format;
use crate::domain::settings::Language;
use crate::domain::week_report::WeekReport;

use super::markdown::escape;

/// The customer-voice section: pain points with their SKUs and comments.
pub fn voice(out: &mut String, report: &WeekReport) {
    out.push_str("\n## Customer voice\n\n");
    if report.voice.is_empty() {
        out.push_str("No returns report this week, or no returns.\n");
        return;
    }
    for point in report.voice.iter().take(6) {
        let _ = writeln!(
            out,
            "- **{}** — {} units: {}",
            escape(&point.reason_in(Language::English)),
            point.units,
            escape(&point.sku_summary(4))
        );
        for comment in point.comments.iter().take(2) {
            let _ = writeln!(out, "  - “{}”", escape(comment));
        }
    }
}

/// The diagnosis section: anomalies with evidence and first checks; with
/// `in_play`, each anomaly says which actions cover it.
/// The anomalies, most money at stake first, at most `limit` of them.
pub fn anomalies(
    out: &mut String,
    report: &WeekReport,
    in_play: Option<&[ActionItem]>,
    limit: Option<usize>,
) {
    out.push_str("\n## Diagnosis\n\n");
    if report.anomalies.is_empty() {
        out.push_str("No anomalies this week.\n");
        return;
    }
    let shown = limit.unwrap_or(usize::MAX);
    for (i, anomaly) in report.anomalies.iter().take(shown).enumerate() {
        let who = anomaly.sku.as_deref().unwrap_or("Account");
        let _ = writeln!(
            out,
            "{}. {} **{who}** {} — {} (at stake ≈ {})",
            i + 1,
            anomaly.severity.symbol(),
            anomaly.label(Language::English),
            escape(&anomaly.message.en),
            format::money(anomaly.at_stake, &report.review.currency)
        );
        for line in &anomaly.evidence {
            let _ = writeln!(out, "   - {}", escape(line.en.trim()));
        }
        let _ = writeln!(
            out,
            "   - Checks: {}",
            anomaly.checks(Language::English).join("; ")
        );
        if let Some(actions) = in_play {
            let covering: Vec<String> = actions
                .iter()
                .filter(|a| a.covers(anomaly.sku.as_deref(), anomaly.metric.name()))
                .map(|a| {
                    let owner = a
                        .owner
                        .as_deref()
                        .map(|o| format!(" @{o}"))
                        .unwrap_or_default();
                    format!("{}{}", a.id, escape(&owner))
                })
                .collect();
            if covering.is_empty() {
                out.push_str("   - No action yet\n");
            } else {
                let _ = writeln!(out, "   - Action: {}", covering.join(", "));
            }
        }
    }
}
