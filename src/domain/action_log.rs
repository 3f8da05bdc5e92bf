//! Action items across all meetings: the latest word on each id (carried
//! items keep theirs), and completion rates overall and by owner — the L10
//! practice aims at 90 % or more. Pure: std and chrono only.

use std::collections::BTreeMap;

use super::action::{ActionItem, ActionStatus};
use super::meeting::Meeting;
use super::week::IsoWeek;

/// An action item with the meeting that last spoke of it.
#[derive(Debug, Clone, PartialEq)]
pub struct LoggedAction {
    pub meeting: IsoWeek,
    pub action: ActionItem,
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
            if !latest.contains_key(&action.id) {
                order.push(action.id.clone());
            }
            latest.insert(
                action.id.clone(),
                LoggedAction {
                    meeting: meeting.week,
                    action: action.clone(),
                },
            );
        }
    }
    order
        .into_iter()
        .filter_map(|id| latest.remove(&id))
        .collect()
}

/// Done ÷ all that were not dropped; `None` when there are none.
pub fn completion(actions: &[&LoggedAction]) -> Option<f64> {
    let counted: Vec<_> = actions
        .iter()
        .filter(|a| a.action.status != ActionStatus::Dropped)
        .collect();
    let done = counted
        .iter()
        .filter(|a| a.action.status == ActionStatus::Done)
        .count();
    #[allow(clippy::cast_precision_loss)]
    (!counted.is_empty()).then(|| done as f64 / counted.len() as f64)
}

/// Completion by owner (actions without one under `?`).
pub fn completion_by_owner(actions: &[&LoggedAction]) -> BTreeMap<String, f64> {
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
        .filter_map(|(owner, list)| Some((owner, completion(&list)?)))
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
        assert_eq!(completion(&all), Some(0.5));
        let by_owner = completion_by_owner(&all);
        assert!((by_owner["Wei"] - 1.0).abs() < 1e-12);
        assert!(by_owner["Lina"].abs() < 1e-12);
    }
}
