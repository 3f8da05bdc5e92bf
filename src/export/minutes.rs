//! Writing minutes: the meeting with its sections' times, the KPI snapshot
//! and anomalies it discussed, as TOML with a stable order that diffs
//! cleanly in git — saved atomically, so a crash leaves the old or the new
//! file, never half of one.

use std::collections::{BTreeMap, HashSet};
use std::io;
use std::path::Path;

use crate::domain::action::{ActionItem, Decision, KpiMove};
use crate::domain::agenda::Agenda;
use crate::domain::metric::Metric;
use crate::domain::settings::Language;
use crate::domain::timing::Now;
use crate::domain::week_report::WeekReport;
use crate::import::minutes::{
    ActionRow, AnomalyRow, DecisionRow, KpiSnapshot, MarketplaceSnapshot, MinutesFile, NoteRow,
    SectionRecord, SentRow, SupplyRow, VoiceRow,
};

use super::kpis_md::ACCOUNT_METRICS;
use crate::domain::meeting::Meeting;
use crate::domain::replenishment::{SupplyLine, SupplyStatus};
use crate::domain::supply_notes::warnings;
use crate::fs::atomic::write_atomically;

/// The customer-voice lines the minutes keep.
const VOICE_LINES: usize = 3;

/// The replenishment lines to decide on the minutes keep, soonest order first.
const SUPPLY_LINES: usize = 10;

/// The metrics kept in the minutes' KPI snapshot: those of the dashboard.
const SNAPSHOT: &[Metric] = &ACCOUNT_METRICS;

/// The minutes as the TOML text of schema 1.
pub fn to_toml(meeting: &Meeting, agenda: &Agenda, report: &WeekReport, now: Now) -> String {
    as_text(&to_file(meeting, agenda, report, now))
}

/// The TOML text of minutes made by `to_file`: the slow half of a save,
/// which the cockpit does off the screen's thread.
pub fn as_text(file: &MinutesFile) -> String {
    let body = toml::to_string(file).unwrap_or_default();
    format!("# Minutes of the weekly operations meeting, written by opsdeck.\n{body}")
}

/// The minutes as the rows of schema 1, copied out of the meeting.
pub fn to_file(meeting: &Meeting, agenda: &Agenda, report: &WeekReport, now: Now) -> MinutesFile {
    let anomalies = discussed(meeting, report);
    let kept: HashSet<&str> = anomalies.iter().filter_map(|a| a.sku.as_deref()).collect();
    MinutesFile {
        schema: 1,
        week: meeting.week.to_string(),
        reviewed_week: Some(meeting.reviewed_week.to_string()),
        date: Some(meeting.started.date_naive().to_string()),
        started: meeting.started.to_rfc3339(),
        ended: meeting.ended.map(|t| t.to_rfc3339()),
        facilitator: meeting.facilitator.clone(),
        attendees: meeting.attendees.clone(),
        current_section: agenda.current_index(),
        sections: agenda
            .sections()
            .iter()
            .map(|s| SectionRecord {
                name: s.name.clone(),
                planned_seconds: s.planned.as_secs(),
                actual_seconds: s.timer.elapsed(now.instant).as_secs(),
            })
            .collect(),
        kpis: Some(snapshot(report, &kept)),
        anomalies,
        decisions: meeting.decisions.iter().map(decision_row).collect(),
        notes: meeting
            .notes
            .iter()
            .map(|n| NoteRow {
                text: n.text.clone(),
                section: n.section.clone(),
                time: n.time.to_rfc3339(),
            })
            .collect(),
        actions: meeting.actions.iter().map(action_row).collect(),
        follow_ups: meeting
            .follow_ups
            .iter()
            .map(|a| {
                let moved = report.review.action_progress(a);
                ActionRow {
                    kpi_moved: moved.and_then(|m| match m {
                        KpiMove::Right => Some(true),
                        KpiMove::Wrong => Some(false),
                        KpiMove::Unchanged => None,
                    }),
                    kpi_unchanged: moved == Some(KpiMove::Unchanged),
                    ..action_row(a)
                }
            })
            .collect(),
        ratings: meeting.ratings.clone(),
        closing_gaps: meeting.closing_gaps.clone(),
        voice: report
            .voice
            .iter()
            .take(VOICE_LINES)
            .map(|point| VoiceRow {
                reason: point.reason_in(Language::English),
                units: point.units,
                skus: point.sku_summary(3),
            })
            .collect(),
        supply: report
            .supply
            .iter()
            .filter(|line| line.status != SupplyStatus::Ok)
            .take(SUPPLY_LINES)
            .map(supply_row)
            .collect(),
        actions_issued: meeting.actions_issued,
        sent: meeting.sent.iter().map(SentRow::from).collect(),
    }
}

/// A line of the schedule as the minutes keep it, in English like the rest.
fn supply_row(line: &SupplyLine) -> SupplyRow {
    SupplyRow {
        sku: line.sku.clone(),
        skus: line.members.iter().map(|m| m.sku.clone()).collect(),
        status: line.status.name().to_owned(),
        order_by: line.order_by.map(|day| day.to_string()),
        units: line.suggested_units,
        air_units: line.air_units,
        arrives: line.arrives.map(|day| day.to_string()),
        warnings: warnings(line, Language::English),
    }
}

/// The most anomalies the minutes keep for having been seen (the first, most
/// money at stake): a meeting that pages through a whole catalogue's
/// diagnosis still writes minutes of a bounded size.
pub const SEEN_KEPT: usize = 100;

/// What the meeting saw in the diagnosis (up to `SEEN_KEPT`) or acted on;
/// not the whole catalogue. Only the anomalies of a SKU the meeting saw or
/// named in an action are looked at closely, so a save costs one hash
/// lookup per anomaly.
fn discussed(meeting: &Meeting, report: &WeekReport) -> Vec<AnomalyRow> {
    // A SKU named without its marketplace names it in every marketplace: its bare name counts.
    let lower = |sku: &str| {
        crate::domain::marketplace::split_key(sku)
            .1
            .to_ascii_lowercase()
    };
    let named: HashSet<String> = meeting
        .seen_anomalies
        .iter()
        .filter_map(|key| key.split_once(':').map(|(_, sku)| lower(sku)))
        .chain(
            meeting
                .actions
                .iter()
                .chain(&meeting.follow_ups)
                .filter_map(|a| a.sku.as_deref().map(lower)),
        )
        .collect();
    let mut buffer = String::new();
    report
        .anomalies
        .iter()
        .filter(|a| {
            let Some(sku) = a.sku.as_deref() else {
                return true;
            };
            buffer.clear();
            let bare = crate::domain::marketplace::split_key(sku).1;
            buffer.extend(bare.chars().map(|c| c.to_ascii_lowercase()));
            named.contains(buffer.as_str())
        })
        .scan(0, |seen_kept, a| {
            let seen = *seen_kept < SEEN_KEPT && meeting.seen_anomalies.contains(&a.key());
            *seen_kept += usize::from(seen);
            Some((a, seen))
        })
        .filter_map(|(a, seen)| {
            let acted = meeting.has_action_for(a.sku.as_deref(), a.metric.name());
            (seen || acted).then(|| AnomalyRow {
                rule: a.rule.name().to_owned(),
                severity: a.severity.name().to_owned(),
                sku: a.sku.clone(),
                message: a.message.en.clone(),
                at_stake: a.at_stake,
                seen,
            })
        })
        .collect()
}

/// Saves the minutes to `path` atomically.
pub fn save(
    path: &Path,
    meeting: &Meeting,
    agenda: &Agenda,
    report: &WeekReport,
    now: Now,
) -> io::Result<()> {
    write(path, &to_toml(meeting, agenda, report, now))
}

/// Writes minutes already turned into text to `path` atomically, making
/// its folder — but not the folders above it: a workspace deleted during the
/// meeting is not recreated around its minutes (the save fails, and the
/// recovery copy keeps them).
pub fn write(path: &Path, text: &str) -> io::Result<()> {
    if let Some(folder) = path.parent().filter(|f| !f.as_os_str().is_empty()) {
        match std::fs::create_dir(folder) {
            Err(error) if error.kind() == io::ErrorKind::NotFound => {
                return Err(io::Error::new(
                    io::ErrorKind::NotFound,
                    format!(
                        "{} is gone (the workspace was moved or deleted)",
                        folder.parent().unwrap_or(folder).display()
                    ),
                ));
            }
            Err(error) if error.kind() != io::ErrorKind::AlreadyExists => return Err(error),
            _ => {}
        }
    }
    write_atomically(path, text.as_bytes())
}

/// The KPI snapshot: the account, each marketplace, and the SKUs in `kept`.
fn snapshot(report: &WeekReport, kept: &HashSet<&str>) -> KpiSnapshot {
    let values = |values: &crate::domain::metric::MetricValues| -> BTreeMap<String, f64> {
        SNAPSHOT
            .iter()
            .filter_map(|m| Some((m.name().to_owned(), round(values.get(*m)?))))
            .collect()
    };
    KpiSnapshot {
        account: values(&report.review.account.current),
        account_previous: values(&report.review.account.previous),
        marketplaces: report
            .marketplaces
            .iter()
            .map(|m| {
                let snapshot = MarketplaceSnapshot {
                    currency: m.currency.clone(),
                    account: values(&m.account.current),
                    account_previous: values(&m.account.previous),
                };
                (m.code.clone(), snapshot)
            })
            .collect(),
        // Only the SKUs of the anomalies the minutes keep: their size does not
        // grow with the catalogue.
        skus: report
            .review
            .skus
            .iter()
            .filter(|row| kept.contains(row.sku.as_deref().unwrap_or(&row.key)))
            .map(|row| {
                (
                    row.sku.clone().unwrap_or_else(|| row.key.clone()),
                    values(&row.figures.current),
                )
            })
            .collect(),
    }
}

/// Six significant decimals are plenty for a snapshot and keep the file readable.
fn round(value: f64) -> f64 {
    (value * 1e6).round() / 1e6
}

fn decision_row(decision: &Decision) -> DecisionRow {
    DecisionRow {
        id: decision.id.clone(),
        text: decision.text.clone(),
        section: decision.section.clone(),
        time: decision.time.map(|t| t.to_rfc3339()),
    }
}

fn action_row(action: &ActionItem) -> ActionRow {
    ActionRow {
        id: action.id.clone(),
        title: action.title.clone(),
        owner: action.owner.clone(),
        due: action.due.map(|d| d.to_string()),
        sku: action.sku.clone(),
        kpi: action.kpi.clone(),
        priority: Some(action.priority.name().to_owned()),
        status: action.status.name().to_owned(),
        created: action.created.map(|t| t.to_rfc3339()),
        carried_from: action.carried_from.clone(),
        weeks_carried: action.weeks_carried,
        closed_at: action.closed_at.map(|t| t.to_rfc3339()),
        note: action.note.clone(),
        tags: action.tags.clone(),
        kpi_moved: None,
        kpi_unchanged: false,
    }
}

#[cfg(test)]
#[path = "minutes_tests.rs"]
mod tests;
