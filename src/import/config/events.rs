//! `[[events]]` in `opsdeck.toml`: the promotions calendar, each event's
//! dates, kind and sales uplift checked against plausible ranges, an error
//! naming its line.

use crate::domain::words::Said;
use chrono::{Datelike, NaiveDate};
use serde::Deserialize;
use toml::Spanned;

use super::place::Place;
use crate::domain::calendar::{Event, EventKind};
use crate::import::error::ImportError;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct EventRow {
    name: String,
    start: Spanned<toml::Value>,
    end: Spanned<toml::Value>,
    submit_by: Option<Spanned<toml::Value>>,
    arrive_by: Option<Spanned<toml::Value>>,
    kind: Option<Spanned<String>>,
    #[serde(default)]
    skus: Vec<String>,
    uplift: Option<Spanned<f64>>,
}

/// The most an event may lift a day's sales: Prime Day at its best sells a
/// few times a normal day, never hundreds.
const MAX_UPLIFT: f64 = 20.0;
/// The longest an event lasts: a season, not the years a typo spans.
const MAX_EVENT_DAYS: i64 = 120;

/// `what` is wrong with the event of `row`, in every language.
fn of_event(row: &EventRow, what: &Said) -> Said {
    let name = &row.name;
    Said::both(
        format!("the event \"{name}\" in [[events]]: {}", what.en),
        format!("[[events]] 中的活动 \"{name}\"：{}", what.zh),
    )
}

/// One `[[events]]` entry, its dates checked.
pub(super) fn event(at: Place, row: &EventRow) -> Result<Event, ImportError> {
    let problem = |place: &Spanned<toml::Value>, what: Said| at.error(place, of_event(row, &what));
    let date = |value: &Spanned<toml::Value>, key: &str| {
        let text = match value.get_ref() {
            toml::Value::Datetime(datetime) => datetime.to_string(),
            toml::Value::String(text) => text.clone(),
            other => other.to_string(),
        };
        NaiveDate::parse_from_str(&text, "%Y-%m-%d").map_err(|_| {
            problem(
                value,
                Said::both(
                    format!("{key} = {text}: expected a date such as 2026-11-27"),
                    format!("{key} = {text}：应为日期，如 2026-11-27"),
                ),
            )
        })
    };
    let start = date(&row.start, "start")?;
    let end = date(&row.end, "end")?;
    let submit_by = row
        .submit_by
        .as_ref()
        .map(|value| date(value, "submit_by"))
        .transpose()?;
    let arrive_by = row
        .arrive_by
        .as_ref()
        .map(|value| date(value, "arrive_by"))
        .transpose()?;
    if end < start {
        return Err(problem(
            &row.end,
            Said::both(
                format!("it ends ({end}) before it starts ({start}); fix start or end"),
                format!("结束日（{end}）早于开始日（{start}）；请修改 start 或 end"),
            ),
        ));
    }
    let kind = match &row.kind {
        None => EventKind::Other,
        Some(name) => EventKind::from_name(name.get_ref()).ok_or_else(|| {
            let known: Vec<&str> = EventKind::ALL.iter().map(|k| k.name()).collect();
            let (kind, known) = (name.get_ref(), known.join(", "));
            let what = Said::both(
                format!("kind = \"{kind}\": expected one of {known}"),
                format!("kind = \"{kind}\"：应为以下之一：{known}"),
            );
            at.error(name, of_event(row, &what))
        })?,
    };
    let uplift = row.uplift.as_ref().map_or(1.0, |u| *u.get_ref());
    if let Some(place) = &row.uplift
        && !(uplift > 0.0 && uplift <= MAX_UPLIFT)
    {
        return Err(at.error(
            place,
            of_event(
                row,
                &Said::both(
                    format!(
                        "uplift = {uplift}: expected how many times a normal day's sales, above \
                         0 and at most {MAX_UPLIFT}, such as 1.5"
                    ),
                    format!("uplift = {uplift}：应为平日销量的倍数，大于 0 且不超过 {MAX_UPLIFT}，如 1.5"),
                ),
            ),
        ));
    }
    if (end - start).num_days() > MAX_EVENT_DAYS
        || [start, end]
            .iter()
            .any(|day| !(2000..=2100).contains(&day.year()))
    {
        return Err(problem(
            &row.start,
            Said::both(
                format!(
                    "{start} to {end}: expected an event of at most {MAX_EVENT_DAYS} days \
                     between the years 2000 and 2100; fix start or end"
                ),
                format!(
                    "{start} 至 {end}：活动最长 {MAX_EVENT_DAYS} 天，且在 2000 到 2100 年之间；\
                     请修改 start 或 end"
                ),
            ),
        ));
    }
    Ok(Event {
        name: row.name.clone(),
        start,
        end,
        submit_by,
        arrive_by,
        kind,
        skus: row.skus.clone(),
        uplift,
    })
}
