//! The pre-read as a message people read in a chat: the account's headline
//! KPIs, the problems with most money at stake, the orders to decide, the
//! deal deadlines of the next 14 days, last meeting's open actions (each
//! for its owner), and where the full pre-read is.

use chrono::{Days, NaiveDate};

use crate::domain::action::ActionItem;
use crate::domain::format::{change, money, short_date, value};
use crate::domain::metric::Metric;
use crate::domain::settings::{Language, Settings};
use crate::domain::week::MeetingWeek;
use crate::domain::week_report::WeekReport;

use super::message::{Line, Message, Section, action_line};

/// The account figures a pre-read message leads with.
const HEADLINES: [Metric; 6] = [
    Metric::Sales,
    Metric::Units,
    Metric::Conversion,
    Metric::Acos,
    Metric::DaysOfSupply,
    Metric::ReturnRate,
];

/// How many problems and orders the message names; the full pre-read has all.
pub const TOP: usize = 5;

/// How far ahead a deal's deadline is worth a line.
const DEADLINE_DAYS: u64 = 14;

/// The pre-read of `report` for the meeting that reviews it.
pub fn prep_message(
    report: &WeekReport,
    settings: &Settings,
    open: &[ActionItem],
    full: &str,
) -> Message {
    let review = &report.review;
    let monday = MeetingWeek::reviewing(review.week).monday();
    let currency = &review.currency;
    let text = |text: String| Line { text, owner: None };
    let headlines = HEADLINES
        .iter()
        .filter_map(|&metric| {
            let cell = review.account.cell(metric, settings);
            let now = cell.value?;
            let moved = cell
                .change
                .map(|c| format!(" ({})", change(metric, c)))
                .unwrap_or_default();
            Some(text(format!(
                "{} {}{moved}",
                metric.label(),
                value(metric, now, currency)
            )))
        })
        .collect();
    let problems = report
        .anomalies
        .iter()
        .take(TOP)
        .map(|a| {
            text(format!(
                "{} · {} · {} at stake",
                a.label(Language::English),
                a.sku.as_deref().unwrap_or("account"),
                money(a.at_stake, currency)
            ))
        })
        .collect();
    let orders = report
        .supply
        .iter()
        .filter(|line| {
            line.suggested_units > 0 && line.order_by.is_some_and(|by| by <= monday + Days::new(7))
        })
        .take(TOP)
        .map(|line| {
            let by = line
                .order_by
                .map(|d| short_date(d.max(monday), Language::English))
                .unwrap_or_default();
            text(format!(
                "{}: order {} units by {by}",
                line.sku, line.suggested_units
            ))
        })
        .collect();
    let deadlines = deal_deadlines(settings, monday)
        .into_iter()
        .map(text)
        .collect();
    let today = MeetingWeek::reviewing(review.week).day_held(monday);
    let actions = open.iter().map(|a| action_line(a, today)).collect();
    let sections = [
        ("The account", headlines),
        ("Problems with most money at stake", problems),
        ("Orders to decide", orders),
        ("Deal deadlines, next 14 days", deadlines),
        ("Last meeting's open actions", actions),
    ]
    .into_iter()
    .filter(|(_, lines): &(&str, Vec<Line>)| !lines.is_empty())
    .map(|(heading, lines)| Section {
        heading: heading.to_owned(),
        lines,
    })
    .collect();
    Message {
        title: format!(
            "{} — pre-read for the meeting of {}",
            settings.title,
            MeetingWeek::reviewing(review.week).meeting
        ),
        sections,
        full: full.to_owned(),
    }
}

/// Each event whose submission closes or which starts within 14 days of `monday`.
fn deal_deadlines(settings: &Settings, monday: NaiveDate) -> Vec<String> {
    let horizon = monday + Days::new(DEADLINE_DAYS);
    settings
        .events
        .iter()
        .filter(|e| e.end >= monday)
        .filter_map(|e| {
            let submit = e.submit_by.filter(|d| (monday..=horizon).contains(d));
            let starts = (monday..=horizon).contains(&e.start).then_some(e.start);
            match (submit, starts) {
                (Some(by), _) => Some(format!(
                    "{}: submit by {}",
                    e.name,
                    short_date(by, Language::English)
                )),
                (None, Some(start)) => Some(format!(
                    "{}: starts {}",
                    e.name,
                    short_date(start, Language::English)
                )),
                (None, None) => None,
            }
        })
        .collect()
}
