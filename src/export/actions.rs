//! `opsdeck actions`: action items across all minutes as a table, JSON or
//! CSV, with completion rates overall and by owner (and, in JSON, whether
//! each meeting's minutes went out within 24 hours). The calendar and Asana
//! exports live in `actions_calendar` and `asana`.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use serde::Serialize;

use crate::domain::action::heading;
use crate::domain::action_log::{LoggedAction, completion, completion_by_owner};
use crate::domain::meeting::Meeting;
use crate::domain::settings::Language;

use super::csv_row::write_row;
use super::text_table::{Align, Column, TextCell, Tone, render};
use crate::domain::untrusted::clean;

#[derive(Serialize)]
struct ActionsJson<'a> {
    actions: Vec<ActionJson<'a>>,
    completion: CompletionJson,
    meetings: Vec<MeetingJson<'a>>,
}

/// Whether each meeting's minutes reached the team.
#[derive(Serialize)]
struct MeetingJson<'a> {
    week: String,
    ended: Option<String>,
    /// Where and when the minutes were sent.
    minutes_sent: Vec<SentJson<'a>>,
    /// Within 24 hours of the meeting's end; `null` while it is open.
    sent_within_24_hours: Option<bool>,
}

#[derive(Serialize)]
struct SentJson<'a> {
    channel: &'a str,
    at: &'a str,
}

#[derive(Serialize)]
struct ActionJson<'a> {
    id: &'a str,
    meeting: String,
    title: &'a str,
    owner: Option<&'a str>,
    due: Option<String>,
    sku: Option<&'a str>,
    kpi: Option<&'a str>,
    priority: &'static str,
    status: &'static str,
    weeks_carried: u32,
    tags: &'a [String],
}

#[derive(Serialize)]
struct CompletionJson {
    overall: Option<f64>,
    by_owner: BTreeMap<String, f64>,
}

pub fn to_json(
    actions: &[&LoggedAction],
    today: chrono::NaiveDate,
    meetings: &[Meeting],
) -> String {
    let json = ActionsJson {
        actions: actions
            .iter()
            .map(|l| ActionJson {
                id: &l.action.id,
                meeting: l.meeting.to_string(),
                title: &l.action.title,
                owner: l.action.owner.as_deref(),
                due: l.action.due.map(|d| d.to_string()),
                sku: l.action.sku.as_deref(),
                kpi: l.action.kpi.as_deref(),
                priority: l.action.priority.name(),
                status: l.action.status.name(),
                weeks_carried: l.action.weeks_carried,
                tags: &l.action.tags,
            })
            .collect(),
        completion: CompletionJson {
            overall: completion(actions, today),
            by_owner: completion_by_owner(actions, today),
        },
        meetings: meetings
            .iter()
            .map(|m| MeetingJson {
                week: m.week.to_string(),
                ended: m.ended.map(|t| t.to_rfc3339()),
                minutes_sent: m
                    .sent
                    .iter()
                    .filter(|s| s.what == "minutes")
                    .map(|s| SentJson {
                        channel: &s.channel,
                        at: &s.at,
                    })
                    .collect(),
                sent_within_24_hours: m.minutes_sent_in_time(),
            })
            .collect(),
    };
    serde_json::to_string_pretty(&json).unwrap_or_default() + "\n"
}

pub fn to_csv(actions: &[&LoggedAction]) -> String {
    let mut writer = csv::Writer::from_writer(Vec::new());
    let _ = writer.write_record([
        "id",
        "meeting",
        "title",
        "owner",
        "due",
        "sku",
        "kpi",
        "priority",
        "status",
        "weeks_carried",
        "tags",
    ]);
    for l in actions {
        let a = &l.action;
        let _ = write_row(
            &mut writer,
            &[
                a.id.as_str(),
                &l.meeting.to_string(),
                &a.title,
                a.owner.as_deref().unwrap_or(""),
                &a.due.map(|d| d.to_string()).unwrap_or_default(),
                a.sku.as_deref().unwrap_or(""),
                a.kpi.as_deref().unwrap_or(""),
                a.priority.name(),
                a.status.name(),
                &a.weeks_carried.to_string(),
                &a.tags.join(" "),
            ],
        );
    }
    writer
        .into_inner()
        .map(|b| String::from_utf8_lossy(&b).into_owned())
        .unwrap_or_default()
}

/// The actions as an aligned table, then the completion rates.
pub fn to_table(
    actions: &[&LoggedAction],
    today: chrono::NaiveDate,
    colour: bool,
    language: Language,
) -> String {
    let columns = [
        Column {
            header: "Id",
            align: Align::Left,
            max_width: 12,
        },
        Column {
            header: heading::ACTION.get(language),
            align: Align::Left,
            max_width: 48,
        },
        Column {
            header: heading::OWNER.get(language),
            align: Align::Left,
            max_width: 12,
        },
        Column {
            header: heading::DUE.get(language),
            align: Align::Left,
            max_width: 10,
        },
        Column {
            header: "SKU",
            align: Align::Left,
            max_width: 16,
        },
        Column {
            header: heading::STATUS.get(language),
            align: Align::Left,
            max_width: 16,
        },
    ];
    let rows: Vec<Vec<TextCell>> = actions
        .iter()
        .map(|l| {
            let a = &l.action;
            let overdue = a.is_overdue(today);
            let status = if a.weeks_carried > 0 {
                format!("{} ({}×)", a.status.name_in(language), a.weeks_carried)
            } else {
                a.status.name_in(language).to_owned()
            };
            vec![
                TextCell::plain(&a.id),
                TextCell::plain(a.tagged_title()),
                TextCell::plain(a.owner.as_deref().unwrap_or("—")),
                TextCell::toned(
                    a.due.map_or_else(|| "—".to_owned(), |d| d.to_string()),
                    if overdue { Tone::Bad } else { Tone::Plain },
                ),
                TextCell::plain(a.sku.as_deref().unwrap_or("")),
                TextCell::toned(status, if overdue { Tone::Bad } else { Tone::Plain }),
            ]
        })
        .collect();
    let mut out = render(&columns, &rows, colour);
    let rate = |r: f64| format!("{:.0}%", r * 100.0);
    let overall = completion(actions, today).map_or_else(|| "—".to_owned(), rate);
    let _ = match language {
        Language::English => write!(
            out,
            "\nCompletion: {overall} overall (the L10 practice aims at 90 % or more)"
        ),
        Language::Chinese => write!(
            out,
            "\n完成率：总体 {overall}（L10 会议法的目标是 90% 以上）"
        ),
    };
    for (owner, r) in completion_by_owner(actions, today) {
        let _ = write!(out, " · {} {}", clean(&owner), rate(r));
    }
    out.push('\n');
    out
}
