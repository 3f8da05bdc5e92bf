//! Action items and decisions of a meeting, and what happens to them at the
//! next one. Pure: std and chrono only.

use std::fmt;

use chrono::{DateTime, FixedOffset, NaiveDate};

use super::settings::Language;
use super::words::Words;

/// Where an action item stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ActionStatus {
    Open,
    Done,
    /// Not done, kept for the next meeting under the same id.
    Carried,
    Dropped,
}

impl ActionStatus {
    /// The status in `language`, as a list of actions shows it.
    pub fn name_in(self, language: Language) -> &'static str {
        let words = match self {
            ActionStatus::Open => Words::new("open", "进行中"),
            ActionStatus::Done => Words::new("done", "已完成"),
            ActionStatus::Carried => Words::new("carried", "已顺延"),
            ActionStatus::Dropped => Words::new("dropped", "已放弃"),
        };
        words.get(language)
    }

    /// The status as the meeting's verdict on a follow-up: an open one has none yet.
    pub fn verdict_in(self, language: Language) -> &'static str {
        match self {
            ActionStatus::Open => Words::new("no verdict yet", "尚无结论").get(language),
            other => other.name_in(language),
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            ActionStatus::Open => "open",
            ActionStatus::Done => "done",
            ActionStatus::Carried => "carried",
            ActionStatus::Dropped => "dropped",
        }
    }

    pub fn from_name(name: &str) -> Option<Self> {
        [
            ActionStatus::Open,
            ActionStatus::Done,
            ActionStatus::Carried,
            ActionStatus::Dropped,
        ]
        .into_iter()
        .find(|s| s.name() == name)
    }

    /// Whether the item still needs doing (open or carried).
    pub fn is_open(self) -> bool {
        matches!(self, ActionStatus::Open | ActionStatus::Carried)
    }
}

impl fmt::Display for ActionStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// How urgent an action item is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub enum Priority {
    Low,
    #[default]
    Normal,
    High,
}

impl Priority {
    /// The priority in `language`.
    pub fn name_in(self, language: Language) -> &'static str {
        let words = match self {
            Priority::Low => Words::new("low", "低"),
            Priority::Normal => Words::new("normal", "普通"),
            Priority::High => Words::new("high", "高"),
        };
        words.get(language)
    }

    pub fn name(self) -> &'static str {
        match self {
            Priority::Low => "low",
            Priority::Normal => "normal",
            Priority::High => "high",
        }
    }

    pub fn from_name(name: &str) -> Option<Self> {
        [Priority::Low, Priority::Normal, Priority::High]
            .into_iter()
            .find(|p| p.name() == name)
    }
}

/// One action item: who does what by when, for which SKU and KPI.
#[derive(Debug, Clone, PartialEq)]
pub struct ActionItem {
    /// Stable across meetings, e.g. `2026-W48-03`.
    pub id: String,
    pub title: String,
    pub owner: Option<String>,
    pub due: Option<NaiveDate>,
    pub sku: Option<String>,
    /// The KPI the action should move (a metric name).
    pub kpi: Option<String>,
    pub priority: Priority,
    pub status: ActionStatus,
    pub created: Option<DateTime<FixedOffset>>,
    /// The meeting it was carried from.
    pub carried_from: Option<String>,
    pub weeks_carried: u32,
    pub closed_at: Option<DateTime<FixedOffset>>,
    pub note: Option<String>,
    /// Lower-case words the plan groups actions by (`listing`, `promo`).
    pub tags: Vec<String>,
}

/// Whether two SKU names name the same SKU, in any case. A name without a
/// marketplace (`HK-1`, written before the workspace had marketplace
/// folders) names that SKU in every marketplace (`US:HK-1`, `DE:HK-1`).
pub fn same_sku(a: &str, b: &str) -> bool {
    use super::marketplace::split_key;
    if a.eq_ignore_ascii_case(b) {
        return true;
    }
    match (split_key(a), split_key(b)) {
        ((None, bare), (Some(_), sku)) | ((Some(_), sku), (None, bare)) => {
            bare.eq_ignore_ascii_case(sku)
        }
        _ => false,
    }
}

impl ActionItem {
    /// Whether it is open and covers a problem of `sku` (any case), or, for
    /// a problem of the whole account (`sku` none), moves its `kpi` without
    /// naming a SKU.
    pub fn covers(&self, sku: Option<&str>, kpi: &str) -> bool {
        self.status.is_open()
            && match (sku, self.sku.as_deref()) {
                (Some(wanted), Some(named)) => same_sku(wanted, named),
                (None, None) => self.kpi.as_deref() == Some(kpi),
                _ => false,
            }
    }

    /// The title followed by its tags: `Submit the deal +promo`.
    pub fn tagged_title(&self) -> String {
        self.tags
            .iter()
            .fold(self.title.clone(), |title, tag| format!("{title} +{tag}"))
    }

    /// Whether its due date has come (or it has none): a verdict is due,
    /// and it counts in the completion rate. Before that it is on track.
    pub fn is_due(&self, today: NaiveDate) -> bool {
        self.due.is_none_or(|due| due <= today)
    }

    /// Whether it is still open after its due date.
    pub fn is_overdue(&self, today: NaiveDate) -> bool {
        // A carried item goes on as a new action with its own date.
        self.status == ActionStatus::Open && self.due.is_some_and(|due| due < today)
    }
}

/// How the KPI an action should move has moved since it was created.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KpiMove {
    Right,
    Wrong,
    /// The same figure both weeks (or a KPI with no good direction).
    Unchanged,
}

impl KpiMove {
    /// Its mark where room is short.
    pub fn mark(self) -> &'static str {
        match self {
            KpiMove::Right => "✔",
            KpiMove::Wrong => "✖",
            KpiMove::Unchanged => "=",
        }
    }
}

/// A decision taken in the meeting.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decision {
    pub id: String,
    pub text: String,
    pub section: String,
    pub time: Option<DateTime<FixedOffset>>,
}

/// How tables head an action's fields, in every language: one name each,
/// for the mail, the text table, the pre-read and the workbook alike.
pub mod heading {
    use crate::domain::words::Words;

    pub const ACTION: Words = Words::new("Action", "行动项");
    pub const OWNER: Words = Words::new("Owner", "负责人");
    pub const DUE: Words = Words::new("Due", "截止");
    pub const PRIORITY: Words = Words::new("Priority", "优先级");
    pub const STATUS: Words = Words::new("Status", "状态");
}

#[cfg(test)]
mod tests {
    use super::same_sku;

    #[test]
    fn a_sku_without_a_marketplace_names_it_in_every_marketplace() {
        assert!(same_sku("HK-1", "hk-1"));
        assert!(same_sku("HK-1", "US:HK-1"));
        assert!(same_sku("de:hk-1", "HK-1"));
        assert!(!same_sku("US:HK-1", "DE:HK-1"));
        assert!(!same_sku("HK-1", "US:HK-2"));
        // A colon that is not a marketplace's is part of the SKU.
        assert!(!same_sku("XX:HK-1", "HK-1"));
    }
}
