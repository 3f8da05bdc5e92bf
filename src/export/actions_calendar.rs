//! `opsdeck actions --format ics`: the open actions as an iCalendar file
//! (RFC 5545) of to-dos, one `VTODO` per action — its id as `UID`, its
//! title as `SUMMARY`, its due date as a `DUE` date, owner, SKU, KPI and
//! meeting in `DESCRIPTION`, its tags as `CATEGORIES` — with CRLF line ends
//! and long lines folded, for Google Calendar, Outlook or Feishu/Lark.
//! Every value is cleaned of control characters before it goes in.

use chrono::{NaiveTime, TimeZone, Utc};
use icalendar::{Calendar, Component, Property, Todo, TodoStatus};

use crate::domain::action::Priority;
use crate::domain::action_log::LoggedAction;
use crate::domain::untrusted::clean;

/// The calendar of the open actions among `actions`, named `name`.
pub fn to_ics(actions: &[&LoggedAction], name: &str) -> String {
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
        calendar.push(todo(logged));
    }
    calendar.done().to_string()
}

fn todo(logged: &LoggedAction) -> Todo {
    let action = &logged.action;
    let mut todo = Todo::new();
    todo.uid(&format!("{}@opsdeck", clean(&action.id)))
        .summary(&clean(&action.title))
        .description(&description(logged))
        .status(TodoStatus::NeedsAction)
        .priority(match action.priority {
            Priority::High => 1,
            Priority::Normal => 5,
            Priority::Low => 9,
        });
    // When the action was made, not when the file was: the same minutes give the same file.
    let stamp = action.created.map_or_else(
        || Utc.from_utc_datetime(&logged.meeting.monday().and_time(NaiveTime::MIN)),
        |created| created.with_timezone(&Utc),
    );
    todo.timestamp(stamp);
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
