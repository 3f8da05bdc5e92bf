//! Reading minutes files (`minutes/<YYYY-Www>.toml`, schema 1): the
//! decisions and action items of past meetings. A file that does not parse
//! is reported with its line and column and left untouched.

use crate::domain::words::{Said, Words};
use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset, NaiveDate};

use crate::domain::action::{ActionItem, ActionStatus, Decision, Priority};
use crate::domain::channel::Sent;
use crate::domain::meeting::{Meeting, Note};
use crate::domain::week::{IsoWeek, WeekParseError};

mod format;

pub use format::{
    ActionRow, AnomalyRow, DecisionRow, KpiSnapshot, MarketplaceSnapshot, MinutesFile, NoteRow,
    SectionRecord, SentRow, SupplyRow, VoiceRow,
};

use super::error::ImportError;
use super::toml_file::{parse_toml, read_text};
use super::workspace::{MINUTES_DIR, visible_entries};

/// A minutes file as read: the meeting and its sections' times.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredMinutes {
    pub path: PathBuf,
    pub meeting: Meeting,
    pub sections: Vec<SectionRecord>,
    /// The section the meeting was in when last saved.
    pub current_section: usize,
}

impl StoredMinutes {
    pub fn week(&self) -> IsoWeek {
        self.meeting.week
    }

    /// Action items still to do at the end of that meeting.
    /// The actions the next meeting follows up: this meeting's still open,
    /// and last meeting's left open because they were not due yet.
    pub fn open_actions(&self) -> Vec<ActionItem> {
        let mut open: Vec<ActionItem> = self
            .meeting
            .actions
            .iter()
            .filter(|a| a.status.is_open())
            .cloned()
            .collect();
        let on_track = self
            .meeting
            .follow_ups
            .iter()
            .filter(|f| f.status == ActionStatus::Open && !open.iter().any(|a| a.id == f.id));
        open.extend(on_track.cloned().collect::<Vec<_>>());
        open
    }
}

/// Reads one minutes file.
pub fn read_minutes(path: &Path) -> Result<StoredMinutes, ImportError> {
    read_minutes_file(path).map(|(stored, _)| stored)
}

/// Reads one minutes file, keeping its raw form (KPI snapshot, anomalies) too.
pub fn read_minutes_file(path: &Path) -> Result<(StoredMinutes, MinutesFile), ImportError> {
    let text = read_text(path)?;
    let file: MinutesFile = parse_toml(path, &text)?;
    // A carried follow-up's copy keeps its id: each list is checked on its own.
    refuse_duplicate_ids(path, &text, file.actions.iter().map(|a| a.id.as_str()))?;
    refuse_duplicate_ids(path, &text, file.follow_ups.iter().map(|a| a.id.as_str()))?;
    refuse_duplicate_ids(path, &text, file.decisions.iter().map(|d| d.id.as_str()))?;
    let stored = stored_minutes(path, file.clone())?;
    Ok((stored, file))
}

/// Each action and decision id once: two of one id (a merge that kept both
/// sides) would let a verdict land on the wrong one. The error names the
/// lines of the first id written twice.
fn refuse_duplicate_ids<'a>(
    path: &Path,
    text: &str,
    ids: impl Iterator<Item = &'a str>,
) -> Result<(), ImportError> {
    let mut seen = std::collections::HashSet::new();
    let Some(twice) = ids.into_iter().find(|id| !seen.insert(*id)) else {
        return Ok(());
    };
    let quoted = format!("\"{twice}\"");
    let lines: Vec<u64> = text
        .lines()
        .zip(1u64..)
        .filter(|(line, _)| line.trim_start().starts_with("id") && line.contains(&quoted))
        .map(|(_, number)| number)
        .collect();
    let listed: Vec<String> = lines.iter().map(u64::to_string).collect();
    Err(ImportError::at(
        path,
        lines.get(1).or(lines.first()).copied().unwrap_or(1),
        None,
        Said::both(
            format!(
                "the id {twice} is given twice (lines {}): give one of them a new id, or \
                 delete the copy a merge kept",
                listed.join(" and ")
            ),
            format!(
                "id {twice} 出现了两次（第 {} 行）：给其中一个新的 id，或删除合并时留下的副本",
                listed.join("、")
            ),
        ),
    ))
}

/// Every minutes file of a workspace, oldest meeting first.
pub fn read_all_minutes(workspace_root: &Path) -> Result<Vec<StoredMinutes>, ImportError> {
    let dir = workspace_root.join(MINUTES_DIR);
    if !dir.is_dir() {
        return Ok(Vec::new());
    }
    let mut all = Vec::new();
    for path in visible_entries(&dir)? {
        let is_minutes = path.extension().is_some_and(|e| e == "toml")
            && path
                .file_stem()
                .and_then(|s| s.to_str())
                .is_some_and(|s| s.parse::<IsoWeek>().is_ok());
        if is_minutes {
            all.push(read_minutes(&path)?);
        }
    }
    all.sort_by_key(StoredMinutes::week);
    Ok(all)
}

/// Why a minutes file's week does not read, in every language.
fn not_a_week(error: &WeekParseError) -> Said {
    Said::both(
        error.to_string(),
        format!("`{}` 不是 ISO 周：应为 YYYY-Www，如 2026-W47", error.0),
    )
}

fn stored_minutes(path: &Path, file: MinutesFile) -> Result<StoredMinutes, ImportError> {
    if file.schema != 1 {
        return Err(ImportError::file(
            path,
            Said::both(
                format!(
                    "minutes schema {} is newer than this opsdeck understands (1); update opsdeck",
                    file.schema
                ),
                format!(
                    "纪要格式版本 {} 比这个 opsdeck 能读的（1）更新；请更新 opsdeck",
                    file.schema
                ),
            ),
        ));
    }
    let week: IsoWeek = file
        .week
        .parse()
        .map_err(|e| ImportError::file(path, not_a_week(&e)))?;
    let reviewed_week = match &file.reviewed_week {
        Some(text) => text
            .parse()
            .map_err(|e| ImportError::file(path, not_a_week(&e)))?,
        None => week.previous(),
    };
    let started = timestamp(&file.started).ok_or_else(|| {
        ImportError::file(
            path,
            Said::both(
                format!(
                    "`started = {}` is not an RFC 3339 time such as 2026-11-23T09:00:00-08:00",
                    file.started
                ),
                format!(
                    "`started = {}` 不是 RFC 3339 时间，应形如 2026-11-23T09:00:00-08:00",
                    file.started
                ),
            ),
        )
    })?;
    let actions = file
        .actions
        .into_iter()
        .map(|row| action(path, row))
        .collect::<Result<_, _>>()?;
    let follow_ups = file
        .follow_ups
        .into_iter()
        .map(|row| action(path, row))
        .collect::<Result<_, _>>()?;
    let decisions = file
        .decisions
        .into_iter()
        .map(|row| Decision {
            id: row.id,
            text: row.text,
            section: row.section,
            time: row.time.as_deref().and_then(timestamp),
        })
        .collect();
    let notes = file
        .notes
        .into_iter()
        .filter_map(|row| {
            Some(Note {
                text: row.text,
                section: row.section,
                time: timestamp(&row.time)?,
            })
        })
        .collect();
    let meeting = Meeting {
        week,
        reviewed_week,
        started,
        ended: file.ended.as_deref().and_then(timestamp),
        facilitator: file.facilitator,
        attendees: file.attendees,
        decisions,
        notes,
        actions,
        follow_ups,
        ratings: file.ratings,
        closing_gaps: file.closing_gaps,
        actions_issued: file.actions_issued,
        seen_anomalies: file
            .anomalies
            .iter()
            .filter(|row| row.seen)
            .map(|row| format!("{}:{}", row.rule, row.sku.as_deref().unwrap_or("account")))
            .collect(),
        sent: file.sent.iter().map(Sent::from).collect(),
    };
    Ok(StoredMinutes {
        path: path.to_path_buf(),
        meeting,
        sections: file.sections,
        current_section: file.current_section,
    })
}

fn action(path: &Path, row: ActionRow) -> Result<ActionItem, ImportError> {
    let invalid = |what: Words, value: &str| {
        ImportError::file(
            path,
            Said::both(
                format!(
                    "action {}: `{value}` is not a valid {}; fix the minutes file",
                    row.id, what.en
                ),
                format!(
                    "行动项 {}：`{value}` 不是有效的{}；请修改纪要文件",
                    row.id, what.zh
                ),
            ),
        )
    };
    let status = ActionStatus::from_name(&row.status).ok_or_else(|| {
        invalid(
            Words::new(
                "status (open, done, carried, dropped)",
                "状态（open、done、carried、dropped）",
            ),
            &row.status,
        )
    })?;
    let priority = match row.priority.as_deref() {
        Some(p) => Priority::from_name(p).ok_or_else(|| {
            invalid(
                Words::new(
                    "priority (low, normal, high)",
                    "优先级（low、normal、high）",
                ),
                p,
            )
        })?,
        None => Priority::Normal,
    };
    let due = match row.due.as_deref() {
        Some(d) => Some(NaiveDate::parse_from_str(d, "%Y-%m-%d").map_err(|_| {
            invalid(
                Words::new("due date (YYYY-MM-DD)", "截止日期（YYYY-MM-DD）"),
                d,
            )
        })?),
        None => None,
    };
    Ok(ActionItem {
        id: row.id.clone(),
        title: row.title,
        owner: row.owner,
        due,
        sku: row.sku,
        kpi: row.kpi,
        priority,
        status,
        created: row.created.as_deref().and_then(timestamp),
        carried_from: row.carried_from,
        weeks_carried: row.weeks_carried,
        closed_at: row.closed_at.as_deref().and_then(timestamp),
        note: row.note,
        tags: row.tags,
    })
}

fn timestamp(text: &str) -> Option<DateTime<FixedOffset>> {
    DateTime::parse_from_rfc3339(text).ok()
}

/// The newest minutes of a meeting held before `meeting_week`, if any.
pub fn previous_minutes(
    workspace_root: &Path,
    meeting_week: IsoWeek,
) -> Result<Option<StoredMinutes>, ImportError> {
    let dir = workspace_root.join(MINUTES_DIR);
    if !dir.is_dir() {
        return Ok(None);
    }
    let mut newest: Option<(IsoWeek, PathBuf)> = None;
    for path in visible_entries(&dir)? {
        let week = path
            .file_stem()
            .and_then(|s| s.to_str())
            .and_then(|s| s.parse::<IsoWeek>().ok())
            .filter(|_| path.extension().is_some_and(|e| e == "toml"));
        if let Some(week) = week.filter(|w| *w < meeting_week)
            && newest.as_ref().is_none_or(|(best, _)| week > *best)
        {
            newest = Some((week, path));
        }
    }
    newest.map(|(_, path)| read_minutes(&path)).transpose()
}

/// The minutes file of the meeting held in `meeting_week`.
pub fn minutes_path(workspace_root: &Path, meeting_week: IsoWeek) -> PathBuf {
    workspace_root
        .join(MINUTES_DIR)
        .join(format!("{meeting_week}.toml"))
}

#[cfg(test)]
#[path = "minutes_tests.rs"]
mod tests;
