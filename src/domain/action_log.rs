//! Action items across all meetings: the latest word on each id (carried
//! items keep theirs), and completion rates overall and by owner — the L10
//! practice aims at 90 % or more. Pure: std and chrono only.

use std::collections::BTreeMap;

use chrono::{DateTime, FixedOffset, NaiveDate};

use super::action::{ActionItem, ActionStatus};
use super::meeting::Meeting;
use super::week::IsoWeek;

/// An action item with the meeting that last spoke of it.
#[derive(Debug, Clone, PartialEq)]
pub struct LoggedAction {
    pub meeting: IsoWeek,
    pub action: ActionItem,
    /// How many times a later meeting's minutes changed it (0: as made).
    pub revision: u32,
    /// When it last changed: the start of the meeting that changed it, or
    /// its verdict's time, whichever is later.
    pub changed: Option<DateTime<FixedOffset>>,
}

/// Every action id once, at its latest state, oldest meeting first.
pub fn action_log(meetings: &[Meeting]) -> Vec<LoggedAction> {
    let mut latest: BTreeMap<String, LoggedAction> = BTreeMap::new();
    let mut order: Vec<String> = Vec::new();
    let mut sorted: Vec<&Meeting> = meetings.iter().collect();
    sorted.sort_by_key(|m| m.week);
    for meeting in sorted {
        let verdicts = meeting
            .follow_ups
            .iter()
            .filter(|f| f.status != ActionStatus::Carried);
        for action in meeting.actions.iter().chain(verdicts) {
            let before = latest.get(&action.id);
            if before.is_none() {
                order.push(action.id.clone());
            }
            let (revision, changed) = match before {
                Some(before) if before.action == *action => (before.revision, before.changed),
                Some(before) => (before.revision + 1, Some(meeting.started)),
                None => (0, action.created.or(Some(meeting.started))),
            };
            let changed = changed.max(action.closed_at);
            latest.insert(
                action.id.clone(),
                LoggedAction {
                    meeting: meeting.week,
                    action: action.clone(),
                    revision,
                    changed,
                },
            );
        }
    }
    order
        .into_iter()
        .filter_map(|id| latest.remove(&id))
        .collect()
}

/// How a set of actions stands on a day: done, due (done early or with
/// its date come, not dropped), and on track (open, not due yet).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Tally {
    pub done: usize,
    pub due: usize,
    pub on_track: usize,
}

impl Tally {
    pub fn of<'a>(actions: impl IntoIterator<Item = &'a ActionItem>, today: NaiveDate) -> Self {
        let mut tally = Tally::default();
        for action in actions {
            match action.status {
                ActionStatus::Dropped => {}
                ActionStatus::Done => {
                    tally.done += 1;
                    tally.due += 1;
                }
                _ if action.is_due(today) => tally.due += 1,
                _ => tally.on_track += 1,
            }
        }
        tally
    }

    /// Done ÷ due; `None` when nothing is due. An action not due yet is on
    /// track, not a miss.
    pub fn rate(self) -> Option<f64> {
        #[allow(clippy::cast_precision_loss)] // action counts
        (self.due > 0).then(|| self.done as f64 / self.due as f64)
    }
}

/// The completion rate of `actions` on `today` (`Tally::rate`).
pub fn completion(actions: &[&LoggedAction], today: NaiveDate) -> Option<f64> {
    Tally::of(actions.iter().map(|a| &a.action), today).rate()
}

/// Completion by owner (actions without one under `?`).
pub fn completion_by_owner(actions: &[&LoggedAction], today: NaiveDate) -> BTreeMap<String, f64> {
    let mut owners: BTreeMap<String, Vec<&LoggedAction>> = BTreeMap::new();
    for action in actions {
        owners
            .entry(
                action
                    .action
                    .owner
                    .clone()
                    .unwrap_or_else(|| "?".to_owned()),
            )
            .or_default()
            .push(action);
    }
    owners
        .into_iter()
        .filter_map(|(owner, list)| Some((owner, completion(&list, today)?)))
        .collect()
}

#[cfg(test)]
mod tests {
    use chrono::DateTime;

    use super::*;
    use crate::domain::capture::{Known, parse_quick_add};
    use crate::domain::meeting::Verdict;

    fn meeting_with(week: &str, lines: &[&str]) -> Meeting {
        let at = DateTime::parse_from_rfc3339("2026-11-16T09:00:00-08:00").unwrap();
        let reviewed: IsoWeek = week.parse::<IsoWeek>().unwrap().previous();
        let mut meeting = Meeting::new(reviewed, at, Vec::new());
        let attendees = vec!["Lina".to_owned(), "Wei".to_owned()];
        for line in lines {
            let parsed = parse_quick_add(
                line,
                at.date_naive(),
                &Known {
                    attendees: &attendees,
                    sku: &|s: &str| Some(s.to_owned()),
                },
            );
            meeting.add_action(&parsed, at);
        }
        meeting
    }

    #[test]
    fn the_latest_word_on_each_action_counts() {
        let first = meeting_with(
            "2026-W47",
            &[
                "Book shipment @Wei due:fri",
                "Fix photos @Lina due:fri",
                "Old idea @Lina",
            ],
        );
        let at = DateTime::parse_from_rfc3339("2026-11-23T09:00:00-08:00").unwrap();
        let mut second = Meeting::new("2026-W47".parse().unwrap(), at, first.actions.clone());
        second.follow_up("2026-W47-01", Verdict::Done, None, at);
        second.follow_up("2026-W47-02", Verdict::Carried, None, at);
        second.follow_up("2026-W47-03", Verdict::Dropped, Some("obsolete".into()), at);
        let log = action_log(&[second, first]);
        let statuses: Vec<(&str, ActionStatus, u32)> = log
            .iter()
            .map(|l| {
                (
                    l.action.id.as_str(),
                    l.action.status,
                    l.action.weeks_carried,
                )
            })
            .collect();
        assert_eq!(
            statuses,
            [
                ("2026-W47-01", ActionStatus::Done, 0),
                ("2026-W47-02", ActionStatus::Open, 1),
                ("2026-W47-03", ActionStatus::Dropped, 0)
            ]
        );
        let all: Vec<&LoggedAction> = log.iter().collect();
        let today = at.date_naive();
        assert_eq!(completion(&all, today), Some(0.5));
        let by_owner = completion_by_owner(&all, today);
        assert!((by_owner["Wei"] - 1.0).abs() < 1e-12);
        assert!(by_owner["Lina"].abs() < 1e-12);
    }

    #[test]
    fn an_action_not_due_yet_is_not_a_miss() {
        let meeting = meeting_with(
            "2026-W48",
            &[
                "Book shipment @Wei due:2026-12-04",
                "Fix photos @Lina due:2026-12-18",
            ],
        );
        let mut done = meeting.clone();
        let at = DateTime::parse_from_rfc3339("2026-11-30T09:00:00-08:00").unwrap();
        done.close_action("2026-W48-01", ActionStatus::Done, None, at);
        let log = action_log(&[done]);
        let all: Vec<&LoggedAction> = log.iter().collect();
        let before_either = "2026-12-01".parse().unwrap();
        assert_eq!(
            completion(&all, before_either),
            Some(1.0),
            "done early counts"
        );
        let by_owner = completion_by_owner(&all, before_either);
        assert!(!by_owner.contains_key("Lina"), "nothing of Lina's is due");
        let after_both = "2026-12-21".parse().unwrap();
        assert_eq!(completion(&all, after_both), Some(0.5));
    }
}
