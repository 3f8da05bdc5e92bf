//! The minutes as the Markdown mail the team sends within 24 hours, ready to
//! go as it is: KPI headlines with their change since last week, decisions,
//! actions (owner, due, SKU, KPI, overdue), last meeting's verdicts and
//! whether their KPI moved, the anomalies the meeting saw or acted on with
//! the money at stake, the customer voice, the rating, notes, and the time
//! each section took, in the meeting's own time zone.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use chrono::{DateTime, FixedOffset};

use crate::domain::format;
use crate::domain::meeting::Meeting;
use crate::domain::metric::Metric;
use crate::domain::rule_book::Rule;
use crate::domain::settings::Language;
use crate::domain::week::MeetingWeek;
use crate::import::minutes::{MinutesFile, SectionRecord, StoredMinutes};

use super::actions_md::{actions_table, follow_ups};
use super::markdown::{escape, table};

/// The minutes file `stored` (with its raw `file` for the snapshot) as Markdown.
pub fn to_markdown(stored: &StoredMinutes, file: &MinutesFile, currency: &str) -> String {
    let meeting = &stored.meeting;
    let mut out = format!(
        "# Weekly operations meeting — {} (reviews {})\n\n",
        meeting.week, meeting.reviewed_week
    );
    out.push_str(&when_and_who(meeting));
    headlines(&mut out, file, currency);
    out.push_str("\n## Decisions\n\n");
    if meeting.decisions.is_empty() {
        out.push_str("None.\n");
    }
    for decision in &meeting.decisions {
        let _ = writeln!(out, "- {} ({})", escape(&decision.text), decision.section);
    }
    // The day the meeting was held, as the cockpit judged what was overdue.
    let today =
        MeetingWeek::reviewing(meeting.reviewed_week).day_held(meeting.started.date_naive());
    out.push_str("\n## Action items\n\n");
    out.push_str(&actions_table(&meeting.actions, today));
    follow_ups(&mut out, meeting, file, today);
    anomalies(&mut out, meeting, file, currency);
    replenishment(&mut out, file);
    if !file.voice.is_empty() {
        out.push_str("\n## Customer voice\n\n");
        for line in &file.voice {
            let _ = writeln!(
                out,
                "- {} units: {} ({})",
                line.units,
                escape(&line.reason),
                escape(&line.skus)
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
    out.push_str(&time_table(&stored.sections));
    if !meeting.closing_gaps.is_empty() {
        out.push_str("\n## Closed with open gaps\n\n");
        for gap in &meeting.closing_gaps {
            let _ = writeln!(out, "- {}", escape(gap));
        }
    }
    out
}

/// The date, times with their zone, facilitator, attendees and rating.
fn when_and_who(meeting: &Meeting) -> String {
    let ended = meeting.ended.map_or_else(
        || "still open".to_owned(),
        |t| t.format("%H:%M").to_string(),
    );
    let mut out = format!(
        "{}, {}–{} ({})",
        meeting.started.format("%A %-d %B %Y"),
        meeting.started.format("%H:%M"),
        ended,
        zone(&meeting.started)
    );
    if let Some(facilitator) = &meeting.facilitator {
        let _ = write!(out, " · facilitator {}", escape(facilitator));
    }
    if !meeting.attendees.is_empty() {
        let _ = write!(out, " · {}", escape(&meeting.attendees.join(", ")));
    }
    out.push_str("\n\n");
    if !meeting.ratings.is_empty() {
        let scores: Vec<String> = meeting
            .ratings
            .iter()
            .map(|(name, score)| format!("{} {score}", escape(name)))
            .collect();
        let total: u32 = meeting.ratings.values().map(|s| u32::from(*s)).sum();
        let count = u32::try_from(meeting.ratings.len()).unwrap_or(1);
        let _ = writeln!(
            out,
            "Meeting rating: {:.1} / 10 ({})\n",
            f64::from(total) / f64::from(count),
            scores.join(" · ")
        );
    }
    out
}

/// `UTC+08:00`, or `UTC`.
fn zone(time: &DateTime<FixedOffset>) -> String {
    if time.offset().local_minus_utc() == 0 {
        "UTC".to_owned()
    } else {
        format!("UTC{}", time.format("%:z"))
    }
}

/// The account's headline KPIs with their change since last week, and
/// each marketplace's in its own currency when the week merged several.
fn headlines(out: &mut String, file: &MinutesFile, currency: &str) {
    let Some(kpis) = &file.kpis else { return };
    let table = headline_table(&kpis.account, &kpis.account_previous, currency);
    if table.is_empty() {
        return;
    }
    out.push_str("## KPI headlines\n\n");
    out.push_str(&table);
    for (code, marketplace) in &kpis.marketplaces {
        let _ = write!(
            out,
            "\n### {} ({})\n\n",
            escape(code),
            escape(&marketplace.currency)
        );
        out.push_str(&headline_table(
            &marketplace.account,
            &marketplace.account_previous,
            &marketplace.currency,
        ));
    }
}

/// KPI, this week's value and the change since last week; empty without figures.
fn headline_table(
    account: &BTreeMap<String, f64>,
    previous: &BTreeMap<String, f64>,
    currency: &str,
) -> String {
    let rows: Vec<Vec<String>> = Metric::ALL
        .iter()
        .filter_map(|metric| {
            let now = *account.get(metric.name())?;
            let before = previous.get(metric.name()).copied();
            let change = metric.change(Some(now), before);
            let since = change.map_or_else(
                || "—".to_owned(),
                |c| format!("{} {}", format::arrow(Some(c)), format::change(*metric, c)),
            );
            Some(vec![
                metric.label().to_owned(),
                format::value(*metric, now, currency),
                since,
            ])
        })
        .collect();
    if rows.is_empty() {
        return String::new();
    }
    table(&["KPI", "Week", "Since last week"], &rows)
}

/// The anomalies the meeting saw or acted on, in plain words, most money first.
fn anomalies(out: &mut String, meeting: &Meeting, file: &MinutesFile, currency: &str) {
    if file.anomalies.is_empty() {
        return;
    }
    out.push_str("\n## Anomalies discussed\n\n");
    let mut rows: Vec<_> = file.anomalies.iter().collect();
    rows.sort_by(|a, b| b.at_stake.total_cmp(&a.at_stake));
    for anomaly in rows {
        let label = Rule::from_name(&anomaly.rule).map_or(anomaly.rule.as_str(), |rule| {
            rule.entry().label.get(Language::English)
        });
        let who = anomaly.sku.as_deref().unwrap_or("account");
        // This meeting's actions on the SKU, and last meeting's still open.
        let actions: Vec<&str> = anomaly.sku.as_deref().map_or_else(Vec::new, |sku| {
            let open_before = meeting.follow_ups.iter().filter(|a| a.status.is_open());
            meeting
                .actions
                .iter()
                .chain(open_before)
                .filter(|a| {
                    a.sku
                        .as_deref()
                        .is_some_and(|s| s.eq_ignore_ascii_case(sku))
                })
                .map(|a| a.id.as_str())
                .collect::<std::collections::BTreeSet<_>>()
                .into_iter()
                .collect()
        });
        let acted = if actions.is_empty() {
            "no action".to_owned()
        } else {
            format!("action {}", actions.join(", "))
        };
        let _ = writeln!(
            out,
            "- **{label}** · {} — {} — {} at stake — {acted}",
            escape(who),
            escape(&anomaly.message),
            format::money(anomaly.at_stake, currency)
        );
    }
}

/// Planned and actual minutes per section; a section that got no time was skipped.
fn time_table(sections: &[SectionRecord]) -> String {
    let rows: Vec<Vec<String>> = sections
        .iter()
        .map(|s| {
            let actual = if s.actual_seconds == 0 {
                "skipped".to_owned()
            } else {
                format!("{} min", s.actual_seconds.div_ceil(60))
            };
            vec![
                section_title(&s.name),
                format!("{} min", s.planned_seconds / 60),
                actual,
            ]
        })
        .collect();
    table(&["Section", "Planned", "Actual"], &rows)
}

/// A section's name with a capital: `review` → `Review`.
fn section_title(name: &str) -> String {
    let mut chars = name.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

/// The replenishment lines the meeting decided on: each stock pool with its
/// SKUs, its order and its warnings.
fn replenishment(out: &mut String, file: &MinutesFile) {
    if file.supply.is_empty() {
        return;
    }
    out.push_str("\n## Replenishment\n\n");
    for row in &file.supply {
        let status = row.status.replace('_', " ");
        let pool = if row.skus.len() > 1 {
            format!(" (one listing: {})", escape(&row.skus.join(" + ")))
        } else {
            String::new()
        };
        #[allow(clippy::cast_precision_loss)] // unit counts
        let order = match (row.units, row.air_units) {
            (0, _) => "nothing to order".to_owned(),
            (units, 0) => format!("{} units", format::count(units as f64)),
            (units, air) => format!(
                "{} units, {} of them by air",
                format::count(units as f64),
                format::count(air as f64)
            ),
        };
        let by = row
            .order_by
            .as_deref()
            .map(|day| format!(", order by {day}"))
            .unwrap_or_default();
        let arrives = row
            .arrives
            .as_deref()
            .filter(|_| row.units > 0)
            .map(|day| format!(", sellable {day}"))
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "- **{}**{pool} — {status}: {order}{by}{arrives}",
            escape(&row.sku)
        );
        for warning in &row.warnings {
            let _ = writeln!(out, "  - ⚠ {}", escape(warning));
        }
    }
}

#[cfg(test)]
#[path = "minutes_md_tests.rs"]
mod tests;
