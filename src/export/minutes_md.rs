//! The minutes as the Markdown mail the team sends within 24 hours:
//! decisions, actions as a table (owner, due, SKU), follow-up verdicts, KPI
//! headlines, anomalies discussed, notes and time per section.

use std::fmt::Write as _;

use crate::domain::action::ActionItem;
use crate::domain::format;
use crate::domain::metric::Metric;
use crate::import::minutes::{MinutesFile, StoredMinutes};

use super::markdown::{escape, table};

/// The minutes file `stored` (with its raw `file` for the KPI snapshot) as Markdown.
pub fn to_markdown(stored: &StoredMinutes, file: &MinutesFile, currency: &str) -> String {
    let meeting = &stored.meeting;
    let mut out = format!(
        "# Weekly operations meeting — {} (reviews {})\n\n",
        meeting.week, meeting.reviewed_week
    );
    let ended = meeting.ended.map_or_else(
        || "still open".to_owned(),
        |t| t.format("%H:%M").to_string(),
    );
    let _ = writeln!(
        out,
        "{}, {}–{}{}{}\n",
        meeting.started.format("%A %-d %B %Y"),
        meeting.started.format("%H:%M"),
        ended,
        meeting
            .facilitator
            .as_deref()
            .map(|f| format!(" · facilitator {}", escape(f)))
            .unwrap_or_default(),
        if meeting.attendees.is_empty() {
            String::new()
        } else {
            format!(" · {}", escape(&meeting.attendees.join(", ")))
        }
    );
    out.push_str("## Decisions\n\n");
    if meeting.decisions.is_empty() {
        out.push_str("None.\n");
    }
    for decision in &meeting.decisions {
        let _ = writeln!(out, "- {} ({})", escape(&decision.text), decision.section);
    }
    out.push_str("\n## Action items\n\n");
    out.push_str(&actions_table(&meeting.actions));
    if !meeting.follow_ups.is_empty() {
        out.push_str("\n## Last meeting's actions\n\n");
        let rows: Vec<Vec<String>> = meeting
            .follow_ups
            .iter()
            .map(|a| {
                let verdict = match a.status.name() {
                    "open" => "no verdict".to_owned(),
                    other => other.to_owned(),
                };
                vec![
                    a.id.clone(),
                    a.title.clone(),
                    a.owner.clone().unwrap_or_default(),
                    verdict,
                    a.note.clone().unwrap_or_default(),
                ]
            })
            .collect();
        out.push_str(&table(&["Id", "Action", "Owner", "Verdict", "Note"], &rows));
    }
    headlines(&mut out, file, currency);
    if !file.anomalies.is_empty() {
        out.push_str("\n## Anomalies discussed\n\n");
        for anomaly in &file.anomalies {
            let who = anomaly.sku.as_deref().unwrap_or("account");
            let _ = writeln!(
                out,
                "- `{}` {who}: {}",
                anomaly.rule,
                escape(&anomaly.message)
            );
        }
    }
    if !meeting.notes.is_empty() {
        out.push_str("\n## Notes\n\n");
        for note in &meeting.notes {
            let _ = writeln!(out, "- {} ({})", escape(&note.text), note.section);
        }
    }
    out.push_str("\n## Time\n\n");
    let rows: Vec<Vec<String>> = stored
        .sections
        .iter()
        .map(|s| {
            vec![
                s.name.clone(),
                format!("{} min", s.planned_seconds / 60),
                format!("{} min", s.actual_seconds / 60),
            ]
        })
        .collect();
    out.push_str(&table(&["Section", "Planned", "Actual"], &rows));
    if !meeting.closing_gaps.is_empty() {
        out.push_str("\n## Closed with open gaps\n\n");
        for gap in &meeting.closing_gaps {
            let _ = writeln!(out, "- {}", escape(gap));
        }
    }
    out
}

/// Action items as a Markdown table.
pub fn actions_table(actions: &[ActionItem]) -> String {
    if actions.is_empty() {
        return "None.\n".to_owned();
    }
    let rows: Vec<Vec<String>> = actions
        .iter()
        .map(|a| {
            vec![
                a.id.clone(),
                a.title.clone(),
                a.owner.clone().unwrap_or_else(|| "—".to_owned()),
                a.due
                    .map_or_else(|| "—".to_owned(), |d| d.format("%a %-d %b").to_string()),
                a.sku.clone().unwrap_or_default(),
                a.priority.name().to_owned(),
                if a.weeks_carried > 0 {
                    format!("{} ({}× carried)", a.status, a.weeks_carried)
                } else {
                    a.status.name().to_owned()
                },
            ]
        })
        .collect();
    table(
        &["Id", "Action", "Owner", "Due", "SKU", "Priority", "Status"],
        &rows,
    )
}

fn headlines(out: &mut String, file: &MinutesFile, currency: &str) {
    let Some(kpis) = &file.kpis else { return };
    out.push_str("\n## KPI headlines\n\n");
    let parts: Vec<String> = Metric::ALL
        .iter()
        .filter_map(|metric| {
            let value = kpis.account.get(metric.name())?;
            Some(format!(
                "{} {}",
                metric.label(),
                format::value(*metric, *value, currency)
            ))
        })
        .collect();
    let _ = writeln!(out, "{}", parts.join(" · "));
}
