//! The week's diagnosis and customer voice as Markdown sections, shared by
//! the pre-read (`prep`) and `kpis --format md`. What customers and the
//! diagnosis quote is escaped.

use std::fmt::Write as _;

use crate::domain::action::ActionItem;
use crate::domain::format;
use crate::domain::settings::Language;
use crate::domain::week_report::WeekReport;
use crate::domain::words::say;

use super::markdown::escape;

/// The customer-voice section: pain points with their SKUs and comments.
pub fn voice(out: &mut String, report: &WeekReport, language: Language) {
    let _ = write!(
        out,
        "\n## {}\n\n",
        say(language, "Customer voice", "客户之声")
    );
    if report.voice.is_empty() {
        let _ = writeln!(
            out,
            "{}",
            say(
                language,
                "No returns report this week, or no returns.",
                "本周没有退货报告，或没有退货。"
            )
        );
        return;
    }
    for point in report.voice.iter().take(6) {
        let _ = writeln!(
            out,
            "- **{}** — {} {}: {}",
            escape(&point.reason_in(language)),
            point.units,
            say(language, "units", "件"),
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
    language: Language,
) {
    let _ = write!(out, "\n## {}\n\n", say(language, "Diagnosis", "诊断"));
    if report.anomalies.is_empty() {
        let _ = writeln!(
            out,
            "{}",
            say(language, "No anomalies this week.", "本周没有异常。")
        );
        return;
    }
    let shown = limit.unwrap_or(usize::MAX);
    for (i, anomaly) in report.anomalies.iter().take(shown).enumerate() {
        let who = anomaly
            .sku
            .as_deref()
            .unwrap_or(say(language, "Account", "账户"));
        let _ = writeln!(
            out,
            "{}. {} **{who}** {} — {} ({} ≈ {})",
            i + 1,
            anomaly.severity.symbol(),
            anomaly.label(language),
            escape(anomaly.message.get(language)),
            say(language, "at stake", "涉及金额"),
            format::money(anomaly.at_stake, &report.review.currency)
        );
        for line in &anomaly.evidence {
            let _ = writeln!(out, "   - {}", escape(line.get(language).trim()));
        }
        let _ = writeln!(
            out,
            "   - {}: {}",
            say(language, "Checks", "检查"),
            anomaly.checks(language).join("; ")
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
                let _ = writeln!(out, "   - {}", say(language, "No action yet", "尚无行动"));
            } else {
                let _ = writeln!(
                    out,
                    "   - {}: {}",
                    say(language, "Action", "行动"),
                    covering.join(", ")
                );
            }
        }
    }
}
