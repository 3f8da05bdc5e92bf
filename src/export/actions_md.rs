//! The mail's action items (owner, due — `**overdue**` once past — SKU,
//! KPI, priority, status) and last meeting's actions with their verdicts,
//! the tally of what was due and done, and whether each one's KPI moved.

use std::fmt::Write as _;

use chrono::NaiveDate;

use crate::domain::action::heading;
use crate::domain::action::{ActionItem, ActionStatus};
use crate::domain::action_log::Tally;
use crate::domain::format;
use crate::domain::meeting::Meeting;
use crate::domain::metric::Metric;
use crate::domain::settings::Language;
use crate::domain::words::say;
use crate::import::minutes::MinutesFile;

use super::markdown::table;

/// A due date as the mail shows it, marked when it has passed on `today`.
fn due_text(action: &ActionItem, today: NaiveDate, language: Language) -> String {
    let Some(due) = action.due else {
        return "—".to_owned();
    };
    let date = format::short_date(due, language);
    if action.is_overdue(today) {
        format!("{date} **{}**", say(language, "overdue", "已逾期"))
    } else {
        date
    }
}

/// Action items as a Markdown table; due dates past on `today` are marked.
pub(super) fn actions_table(
    actions: &[ActionItem],
    today: NaiveDate,
    language: Language,
) -> String {
    let l = language;
    if actions.is_empty() {
        return format!("{}\n", say(l, "None.", "无。"));
    }
    let rows: Vec<Vec<String>> = actions
        .iter()
        .map(|a| {
            vec![
                a.id.clone(),
                a.tagged_title(),
                a.owner.clone().unwrap_or_else(|| "—".to_owned()),
                due_text(a, today, l),
                a.sku.clone().unwrap_or_default(),
                kpi_label(a.kpi.as_deref(), l),
                a.priority.name_in(l).to_owned(),
                carried_status(a, l),
            ]
        })
        .collect();
    table(
        &[
            "Id",
            *heading::ACTION.get(l),
            *heading::OWNER.get(l),
            *heading::DUE.get(l),
            "SKU",
            "KPI",
            *heading::PRIORITY.get(l),
            *heading::STATUS.get(l),
        ],
        &rows,
    )
}

/// An action's status with how often it was carried: `carried 2×`, `done (carried 1×)`.
fn carried_status(action: &ActionItem, language: Language) -> String {
    let status = action.status.name_in(language);
    let carried = action.status == ActionStatus::Carried;
    match (action.weeks_carried, carried, language) {
        (0, _, _) => status.to_owned(),
        (weeks, true, Language::English) => format!("{status} {weeks}×"),
        (weeks, false, Language::English) => format!("{status} (carried {weeks}×)"),
        (weeks, true, Language::Chinese) => format!("{status} {weeks} 次"),
        (weeks, false, Language::Chinese) => format!("{status}（曾顺延 {weeks} 次）"),
    }
}

/// A KPI's name in the mail: its label, or the name as typed.
fn kpi_label(kpi: Option<&str>, language: Language) -> String {
    kpi.map_or_else(String::new, |name| {
        Metric::from_name(name).map_or_else(|| name.to_owned(), |m| m.label_in(language).to_owned())
    })
}

/// Last meeting's actions: the verdict given, and whether their KPI moved.
pub(super) fn follow_ups(
    out: &mut String,
    meeting: &Meeting,
    file: &MinutesFile,
    today: NaiveDate,
    language: Language,
) {
    if meeting.follow_ups.is_empty() {
        return;
    }
    let l = language;
    let _ = write!(
        out,
        "\n## {}\n\n",
        say(l, "Last meeting's actions", "上次会议的行动项")
    );
    let tally = Tally::of(&meeting.follow_ups, today);
    let rate = tally
        .rate()
        .map(|rate| format!(" ({:.0} %)", rate * 100.0))
        .unwrap_or_default();
    let _ = match l {
        Language::English => write!(out, "Done: {} of {} due{rate}", tally.done, tally.due),
        Language::Chinese => write!(
            out,
            "完成：到期 {} 项中完成 {} 项{rate}",
            tally.due, tally.done
        ),
    };
    if tally.on_track > 0 {
        let _ = match l {
            Language::English => write!(out, " · {} on track, not due yet", tally.on_track),
            Language::Chinese => write!(out, " · {} 项按计划进行，尚未到期", tally.on_track),
        };
    }
    out.push_str("\n\n");
    let rows: Vec<Vec<String>> = meeting
        .follow_ups
        .iter()
        .map(|a| {
            let verdict = a.status.verdict_in(l).to_owned();
            let row = file.follow_ups.iter().find(|row| row.id == a.id);
            let unchanged = row.is_some_and(|row| row.kpi_unchanged);
            let kpi = kpi_label(a.kpi.as_deref(), l);
            let moved = match row.and_then(|row| row.kpi_moved) {
                Some(true) => format!("{kpi} ✔ {}", say(l, "moved the right way", "方向正确")),
                Some(false) => format!("{kpi} ✖ {}", say(l, "moved the wrong way", "方向错误")),
                None if kpi.is_empty() => "—".to_owned(),
                None if unchanged => format!("{kpi} = {}", say(l, "no change", "没有变化")),
                None => format!("{kpi}: {}", say(l, "not measured", "未测量")),
            };
            vec![
                a.id.clone(),
                a.title.clone(),
                a.owner.clone().unwrap_or_default(),
                due_text(a, today, l),
                verdict,
                moved,
                a.note.clone().unwrap_or_default(),
            ]
        })
        .collect();
    out.push_str(&table(
        &[
            "Id",
            *heading::ACTION.get(l),
            *heading::OWNER.get(l),
            *heading::DUE.get(l),
            say(l, "Verdict", "结论"),
            "KPI",
            say(l, "Note", "备注"),
        ],
        &rows,
    ));
}
