//! Reading minutes files (`minutes/<YYYY-Www>.toml`, schema 1): the
//! decisions and action items of past meetings. A file that does not parse
//! is reported with its line and column and left untouched.

use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::Deserialize;

use crate::domain::action::{ActionItem, ActionStatus, Decision, Priority};
use crate::domain::week::IsoWeek;

use super::error::ImportError;
use super::toml_file::{parse_toml, read_text};
use super::workspace::{MINUTES_DIR, visible_entries};

/// The parts of a minutes file that later meetings read.
#[derive(Debug, Clone, PartialEq)]
pub struct PastMinutes {
    pub path: PathBuf,
    pub week: IsoWeek,
    pub decisions: Vec<Decision>,
    pub actions: Vec<ActionItem>,
}

#[derive(Debug, Deserialize)]
struct MinutesHead {
    schema: u32,
    week: String,
    #[serde(default)]
    decisions: Vec<DecisionRow>,
    #[serde(default)]
    actions: Vec<ActionRow>,
}

#[derive(Debug, Deserialize)]
struct DecisionRow {
    id: String,
    text: String,
    #[serde(default)]
    section: String,
    time: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ActionRow {
    id: String,
    title: String,
    owner: Option<String>,
    due: Option<String>,
    sku: Option<String>,
    kpi: Option<String>,
    priority: Option<String>,
    status: String,
    created: Option<String>,
    carried_from: Option<String>,
    #[serde(default)]
    weeks_carried: u32,
    closed_at: Option<String>,
    note: Option<String>,
}

/// Reads one minutes file.
pub fn read_minutes(path: &Path) -> Result<PastMinutes, ImportError> {
    let text = read_text(path)?;
    let head: MinutesHead = parse_toml(path, &text)?;
    if head.schema != 1 {
        return Err(ImportError::file(
            path,
            format!(
                "minutes schema {} is newer than this opsdeck understands (1); update opsdeck",
                head.schema
            ),
        ));
    }
    let week = head
        .week
        .parse()
        .map_err(|e| ImportError::file(path, format!("{e}")))?;
    let actions = head
        .actions
        .into_iter()
        .map(|row| action(path, row))
        .collect::<Result<_, _>>()?;
    let decisions = head
        .decisions
        .into_iter()
        .map(|row| Decision {
            id: row.id,
            text: row.text,
            section: row.section,
            time: row.time.as_deref().and_then(timestamp),
        })
        .collect();
    Ok(PastMinutes {
        path: path.to_path_buf(),
        week,
        decisions,
        actions,
    })
}

fn action(path: &Path, row: ActionRow) -> Result<ActionItem, ImportError> {
    let invalid = |what: &str, value: &str| {
        ImportError::file(
            path,
            format!(
                "action {}: `{value}` is not a valid {what}; fix the minutes file",
                row.id
            ),
        )
    };
    let status = ActionStatus::from_name(&row.status)
        .ok_or_else(|| invalid("status (open, done, carried, dropped)", &row.status))?;
    let priority = match row.priority.as_deref() {
        Some(p) => {
            Priority::from_name(p).ok_or_else(|| invalid("priority (low, normal, high)", p))?
        }
        None => Priority::Normal,
    };
    let due = match row.due.as_deref() {
        Some(d) => Some(
            NaiveDate::parse_from_str(d, "%Y-%m-%d")
                .map_err(|_| invalid("due date (YYYY-MM-DD)", d))?,
        ),
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
    })
}

fn timestamp(text: &str) -> Option<DateTime<FixedOffset>> {
    DateTime::parse_from_rfc3339(text).ok()
}

/// The newest minutes of a meeting held before `meeting_week`, if any.
pub fn previous_minutes(
    workspace_root: &Path,
    meeting_week: IsoWeek,
) -> Result<Option<PastMinutes>, ImportError> {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_sample_minutes() {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-data/minutes/2026-W47.toml");
        let minutes = read_minutes(&path).unwrap();
        assert_eq!(minutes.week.to_string(), "2026-W47");
        let open: Vec<&str> = minutes
            .actions
            .iter()
            .filter(|a| a.status.is_open())
            .map(|a| a.id.as_str())
            .collect();
        assert_eq!(
            open,
            ["2026-W47-01", "2026-W47-02", "2026-W45-03", "2026-W47-03"]
        );
        assert_eq!(minutes.actions[2].weeks_carried, 2);
        assert_eq!(minutes.decisions.len(), 2);
    }

    #[test]
    fn a_broken_file_names_line_and_column() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("2026-W47.toml");
        std::fs::write(
            &path,
            "schema = 1\nweek = \"2026-W47\"\n[[actions]]\nid = \"x\"\ntitle = \n",
        )
        .unwrap();
        let error = read_minutes(&path).unwrap_err();
        assert_eq!(error.line, Some(5));
        assert_eq!(
            std::fs::read_to_string(&path).unwrap().lines().count(),
            5,
            "left untouched"
        );
    }

    #[test]
    fn finds_the_last_meeting_before_this_one() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-data");
        let found = previous_minutes(&root, "2026-W48".parse().unwrap())
            .unwrap()
            .unwrap();
        assert_eq!(found.week.to_string(), "2026-W47");
        assert!(
            previous_minutes(&root, "2026-W47".parse().unwrap())
                .unwrap()
                .is_none()
        );
    }
}
