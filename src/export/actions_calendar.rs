//! `opsdeck actions --format ics`: the open actions as an iCalendar file
//! (RFC 5545) of to-dos, one `VTODO` per action — its id and the
//! workspace's as `UID` (two teams' `2026-W47-01` never meet), `SEQUENCE`
//! and `LAST-MODIFIED` from its changes across the minutes (a re-import
//! updates it), its title as `SUMMARY`, its due date as a `DUE` date,
//! owner, SKU, KPI and meeting in `DESCRIPTION`, its tags as `CATEGORIES` —
//! with CRLF line ends and long lines folded. `--format ics-events` writes
//! each as an all-day `VEVENT` on its due date instead, for calendars that
//! import events only. Every value is cleaned of control characters.

use chrono::{Days, NaiveTime, TimeZone, Utc};
use icalendar::{Calendar, Component, Event, EventLike, Property, Todo, TodoStatus};

use crate::domain::action::Priority;
use crate::domain::action_log::LoggedAction;
use crate::domain::untrusted::clean;

/// What an action becomes in a calendar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CalendarItem {
    /// A to-do with a due date.
    Todo,
    /// An all-day event on the due date (actions without one are left out).
    Event,
}

/// The calendar of the open actions among `actions`, named `name`, of the
/// workspace `workspace` (its id, in every `UID`).
pub fn to_ics(
    actions: &[&LoggedAction],
    name: &str,
    workspace: &str,
    item: CalendarItem,
) -> String {
    let mut calendar = Calendar::empty();
    for (key, value) in [
        ("VERSION", "2.0"),
        (
            "PRODID",
            "-//opsdeck//weekly operations meeting actions//EN",
        ),
        ("CALSCALE", "GREGORIAN"),
    ] {
        calendar.append_property(Property::new(key, value));
    }
    calendar.name(&clean(name));
    for logged in actions.iter().filter(|l| l.action.status.is_open()) {
        match item {
            CalendarItem::Todo => {
                calendar.push(todo(logged, workspace));
            }
            CalendarItem::Event => {
                if let Some(event) = event(logged, workspace) {
                    calendar.push(event);
                }
            }
        }
    }
    calendar.done().to_string()
}

/// `2026-W47-01.3f9a1c2b7d10@opsdeck`: the action in this workspace.
fn uid(logged: &LoggedAction, workspace: &str) -> String {
    format!("{}.{}@opsdeck", clean(&logged.action.id), clean(workspace))
}

/// When the action was made or last changed, not when the file was: the
/// same minutes give the same file.
fn changed_at(logged: &LoggedAction) -> chrono::DateTime<Utc> {
    let made = logged.action.created.map_or_else(
        || Utc.from_utc_datetime(&logged.meeting.monday().and_time(NaiveTime::MIN)),
        |created| created.with_timezone(&Utc),
    );
    let changed = logged.changed.map_or(made, |at| at.with_timezone(&Utc));
    changed.max(made)
}

/// An all-day event on the action's due date; none without one.
fn event(logged: &LoggedAction, workspace: &str) -> Option<Event> {
    let action = &logged.action;
    let due = action.due?;
    let changed = changed_at(logged);
    let mut event = Event::new();
    event
        .uid(&uid(logged, workspace))
        .summary(&clean(&action.title))
        .description(&description(logged))
        .starts(due)
        .ends(due.checked_add_days(Days::new(1)).unwrap_or(due))
        .sequence(logged.revision)
        .last_modified(changed)
        .timestamp(changed);
    Some(event.done())
}

fn todo(logged: &LoggedAction, workspace: &str) -> Todo {
    let action = &logged.action;
    let mut todo = Todo::new();
    todo.uid(&uid(logged, workspace))
        .summary(&clean(&action.title))
        .description(&description(logged))
        .status(TodoStatus::NeedsAction)
        .priority(match action.priority {
            Priority::High => 1,
            Priority::Normal => 5,
            Priority::Low => 9,
        });
    let changed = changed_at(logged);
    todo.timestamp(changed)
        .sequence(logged.revision)
        .last_modified(changed);
    if let Some(due) = action.due {
        todo.due(due);
    }
    let tags: Vec<String> = action
        .tags
        .iter()
        .map(|tag| clean(tag).replace([',', ';', '\\'], " "))
        .collect();
    if !tags.is_empty() {
        todo.add_property("CATEGORIES", tags.join(","));
    }
    todo.done()
}

/// `Owner: Wei · SKU: HK-SP-SIL-5 · KPI: days_of_supply · Meeting: 2026-W48`, a line each.
fn description(logged: &LoggedAction) -> String {
    let action = &logged.action;
    [
        ("Owner", action.owner.as_deref()),
        ("SKU", action.sku.as_deref()),
        ("KPI", action.kpi.as_deref()),
    ]
    .into_iter()
    .filter_map(|(label, value)| Some(format!("{label}: {}", clean(value?))))
    .chain(std::iter::once(format!(
        "Meeting: {} (opsdeck, action {})",
        logged.meeting, action.id
    )))
    .collect::<Vec<_>>()
    .join("\n")
}
