//! The pre-read as a message people read in a chat: the account's headline
//! KPIs, the problems with most money at stake, the orders to decide, the
//! deal deadlines of the next 14 days, last meeting's open actions (each
//! for its owner), and where the full pre-read is.

use chrono::{Days, NaiveDate};

use crate::domain::action::ActionItem;
use crate::domain::calendar::upcoming;
use crate::domain::format::{change_in, money, short_date, value};
use crate::domain::metric::Metric;
use crate::domain::settings::{Language, Settings};
use crate::domain::week::MeetingWeek;
use crate::domain::week_report::WeekReport;
use crate::domain::words::Words;

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
const DEADLINE_DAYS: i64 = 14;

/// The pre-read of `report` for the meeting that reviews it.
pub fn prep_message(
    report: &WeekReport,
    settings: &Settings,
    open: &[ActionItem],
    full: &str,
) -> Message {
    let language = settings.language;
    let review = &report.review;
    let monday = MeetingWeek::reviewing(review.week).monday();
    let currency = &review.currency;
    let text = |text: String| Line { text, owner: None };
    let headlines = headlines(report, settings);
    let problems = report
        .anomalies
        .iter()
        .take(TOP)
        .map(|a| {
            let who = a
                .sku
                .as_deref()
                .unwrap_or(Words::new("account", "账户").get(language));
            let stake = money(a.at_stake, currency);
            text(match language {
                Language::English => format!("{} · {who} · {stake} at stake", a.label(language)),
                Language::Chinese => format!("{} · {who} · 涉及 {stake}", a.label(language)),
            })
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
                .map(|d| short_date(d.max(monday), language))
                .unwrap_or_default();
            let units = line.suggested_units;
            text(match language {
                Language::English => format!("{}: order {units} units by {by}", line.sku),
                Language::Chinese => format!("{}：{by} 前下单 {units} 件", line.sku),
            })
        })
        .collect();
    let deadlines = deal_deadlines(settings, monday, language)
        .into_iter()
        .map(text)
        .collect();
    let today = MeetingWeek::reviewing(review.week).day_held(monday);
    let actions = open
        .iter()
        .map(|a| action_line(a, today, language))
        .collect();
    let sections = [
        (Words::new("The account", "账户"), headlines),
        (
            Words::new("Problems with most money at stake", "涉及金额最大的问题"),
            problems,
        ),
        (Words::new("Orders to decide", "待决定的补货订单"), orders),
        (
            Words::new("Deal deadlines, next 14 days", "未来 14 天的活动截止日"),
            deadlines,
        ),
        (
            Words::new("Last meeting's open actions", "上次会议未完成的行动项"),
            actions,
        ),
    ]
    .into_iter()
    .filter(|(_, lines): &(Words, Vec<Line>)| !lines.is_empty())
    .map(|(heading, lines)| Section {
        heading: (*heading.get(language)).to_owned(),
        lines,
    })
    .collect();
    let meeting = MeetingWeek::reviewing(review.week).meeting;
    Message {
        language,
        title: match language {
            Language::English => {
                format!("{} — pre-read for the meeting of {meeting}", settings.title)
            }
            Language::Chinese => format!("{} — {meeting} 会议预读", settings.title),
        },
        sections,
        full: full.to_owned(),
        document: None,
    }
}

/// Each event whose submission closes or which starts within 14 days of `monday`.
fn deal_deadlines(settings: &Settings, monday: NaiveDate, language: Language) -> Vec<String> {
    let soon = |days: i64| (0..=DEADLINE_DAYS).contains(&days);
    upcoming(&settings.events, monday)
        .into_iter()
        .filter_map(|e| {
            let submit = e
                .submit_by
                .filter(|_| e.days_to_submit(monday).is_some_and(soon));
            let starts = soon(e.days_to_start(monday)).then_some(e.start);
            match (submit, starts) {
                (Some(by), _) => Some(match language {
                    Language::English => {
                        format!("{}: submit by {}", e.name, short_date(by, language))
                    }
                    Language::Chinese => format!("{}：{} 前提报", e.name, short_date(by, language)),
                }),
                (None, Some(start)) => Some(match language {
                    Language::English => {
                        format!("{}: starts {}", e.name, short_date(start, language))
                    }
                    Language::Chinese => {
                        format!("{}：{} 开始", e.name, short_date(start, language))
                    }
                }),
                (None, None) => None,
            }
        })
        .collect()
}

/// The account's headline KPIs with their change since last week.
fn headlines(report: &WeekReport, settings: &Settings) -> Vec<Line> {
    let (language, review) = (settings.language, &report.review);
    let currency = &review.currency;
    HEADLINES
        .iter()
        .filter_map(|&metric| {
            let cell = review.account.cell(metric, settings);
            let now = cell.value?;
            let moved = cell
                .change
                .map(|c| format!(" ({})", change_in(metric, c, language)))
                .unwrap_or_default();
            Some(Line {
                owner: None,
                text: format!(
                    "{} {}{moved}",
                    metric.label_in(language),
                    value(metric, now, currency)
                ),
            })
        })
        .collect()
}
