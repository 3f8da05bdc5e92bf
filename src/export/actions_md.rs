//! The mail's action items (owner, due — `**overdue**` once past — SKU,
//! KPI, priority, status) and last meeting's actions with their verdicts,
//! the tally of what was due and done, and whether each one's KPI moved.

use std::fmt::Write as _;

use chrono::NaiveDate;

use crate::domain::action::ActionItem;
use crate::domain::action_log::Tally;
use crate::domain::format;
use crate::domain::meeting::Meeting;
use crate::domain::metric::Metric;
use crate::domain::settings::Language;
use crate::import::minutes::MinutesFile;

use super::markdown::table;

/// A due date as the mail shows it, marked when it has passed on `today`.
fn due_text(action: &ActionItem, today: NaiveDate) -> String {
    let Some(due) = action.due else {
        return "—".to_owned();
    };
    let date = format::short_date(due, Language::English);
    if action.is_overdue(today) {
        format!("{date} **overdue**")
    } else {
        date
    }
}

/// Action items as a Markdown table; due dates past on `today` are marked.
pub(super) fn actions_table(actions: &[ActionItem], today: NaiveDate) -> String {
    if actions.is_empty() {
        return "None.\n".to_owned();
    }
    let rows: Vec<Vec<String>> = actions
        .iter()
        .map(|a| {
            vec![
                a.id.clone(),
                a.tagged_title(),
                a.owner.clone().unwrap_or_else(|| "—".to_owned()),
                due_text(a, today),
                a.sku.clone().unwrap_or_default(),
                kpi_label(a.kpi.as_deref()),
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
        &[
            "Id", "Action", "Owner", "Due", "SKU", "KPI", "Priority", "Status",
        ],
        &rows,
    )
}

/// A KPI's name in the mail: its label, or the name as typed.
fn kpi_label(kpi: Option<&str>) -> String {
    kpi.map_or_else(String::new, |name| {
        Metric::from_name(name).map_or_else(|| name.to_owned(), |m| m.label().to_owned())
    })
}

/// Last meeting's actions: the verdict given, and whether their KPI moved.
pub(super) fn follow_ups(
    out: &mut String,
    meeting: &Meeting,
    file: &MinutesFile,
    today: NaiveDate,
) {
    if meeting.follow_ups.is_empty() {
        return;
    }
    out.push_str("\n## Last meeting's actions\n\n");
    let tally = Tally::of(&meeting.follow_ups, today);
    let _ = writeln!(
        out,
        "Done: {} of {} due{}{}\n",
        tally.done,
        tally.due,
        tally
            .rate()
            .map(|rate| format!(" ({:.0} %)", rate * 100.0))
            .unwrap_or_default(),
        if tally.on_track > 0 {
            format!(" · {} on track, not due yet", tally.on_track)
        } else {
            String::new()
        }
    );
    let rows: Vec<Vec<String>> = meeting
        .follow_ups
        .iter()
        .map(|a| {
            let verdict = match a.status.name() {
                "open" => "no verdict".to_owned(),
                other => other.to_owned(),
            };
            let row = file.follow_ups.iter().find(|row| row.id == a.id);
            let unchanged = row.is_some_and(|row| row.kpi_unchanged);
            let kpi = kpi_label(a.kpi.as_deref());
            let moved = match row.and_then(|row| row.kpi_moved) {
                Some(true) => format!("{kpi} ✔ moved the right way"),
                Some(false) => format!("{kpi} ✖ moved the wrong way"),
                None if kpi.is_empty() => "—".to_owned(),
                None if unchanged => format!("{kpi} = no change"),
                None => format!("{kpi}: not measured"),
            };
            vec![
                a.id.clone(),
                a.title.clone(),
                a.owner.clone().unwrap_or_default(),
                due_text(a, today),
                verdict,
                moved,
                a.note.clone().unwrap_or_default(),
            ]
        })
        .collect();
    out.push_str(&table(
        &["Id", "Action", "Owner", "Due", "Verdict", "KPI", "Note"],
        &rows,
    ));
}
