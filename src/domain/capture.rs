//! The quick-add line: `Update main image size marks @lina due:fri #B0C1234567
//! !high kpi:return_rate`. Tokens fill owner, due date, SKU, priority and KPI;
//! the rest is the title. Every token is located so the line can be
//! highlighted as it is typed. Pure: std and chrono only.

use std::ops::Range;

use chrono::{Datelike, Days, Months, NaiveDate, Weekday};

use super::action::Priority;
use super::metric::Metric;

/// What a piece of the line is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    Text,
    /// `@owner`; `known` when the name is an attendee.
    Owner {
        known: bool,
    },
    Due,
    /// `#SKU` or `#ASIN`; `known` when the week names it.
    Sku {
        known: bool,
    },
    Priority,
    Kpi,
    /// A token that means something but does not parse (`due:2026-02-30`).
    Invalid,
}

/// One token: where it is in the line (bytes) and what it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    pub range: Range<usize>,
    pub kind: TokenKind,
}

/// The line, understood.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct QuickAdd {
    pub title: String,
    pub owner: Option<String>,
    pub due: Option<NaiveDate>,
    pub sku: Option<String>,
    pub priority: Option<Priority>,
    pub kpi: Option<String>,
    pub tokens: Vec<Token>,
    /// What is wrong with the line, for the person typing it.
    pub problems: Vec<String>,
}

/// What the parser may check names against.
pub struct Known<'a> {
    pub attendees: &'a [String],
    pub is_sku: &'a dyn Fn(&str) -> bool,
}

/// Parses a quick-add line typed on `today`.
pub fn parse_quick_add(line: &str, today: NaiveDate, known: &Known<'_>) -> QuickAdd {
    let mut parsed = QuickAdd::default();
    let mut title_words: Vec<&str> = Vec::new();
    for (start, word) in words(line) {
        let range = start..start + word.len();
        let kind = classify(word, today, known, &mut parsed);
        if kind == TokenKind::Text {
            title_words.push(word);
        }
        parsed.tokens.push(Token { range, kind });
    }
    parsed.title = title_words.join(" ");
    parsed
}

fn classify(word: &str, today: NaiveDate, known: &Known<'_>, parsed: &mut QuickAdd) -> TokenKind {
    if let Some(name) = word.strip_prefix('@').filter(|n| !n.is_empty()) {
        let canonical = known
            .attendees
            .iter()
            .find(|a| a.eq_ignore_ascii_case(name));
        parsed.owner = Some(canonical.cloned().unwrap_or_else(|| name.to_owned()));
        return TokenKind::Owner {
            known: canonical.is_some(),
        };
    }
    if let Some(sku) = word.strip_prefix('#').filter(|s| !s.is_empty()) {
        parsed.sku = Some(sku.to_owned());
        return TokenKind::Sku {
            known: (known.is_sku)(sku),
        };
    }
    if let Some(text) = word.strip_prefix("due:") {
        if let Some(date) = parse_due(text, today) {
            parsed.due = Some(date);
            return TokenKind::Due;
        }
        parsed.problems.push(format!(
            "`{word}` is not a date: write due:2026-12-05, due:12-05, due:fri or due:+3d"
        ));
        return TokenKind::Invalid;
    }
    if let Some(level) = word.strip_prefix('!') {
        return match Priority::from_name(&level.to_lowercase()) {
            Some(priority) => {
                parsed.priority = Some(priority);
                TokenKind::Priority
            }
            None if level.is_empty() => TokenKind::Text,
            None => {
                parsed.problems.push(format!(
                    "`{word}` is not a priority: write !high, !normal or !low"
                ));
                TokenKind::Invalid
            }
        };
    }
    if let Some(name) = word.strip_prefix("kpi:") {
        if let Some(metric) = Metric::from_name(name) {
            parsed.kpi = Some(metric.name().to_owned());
            return TokenKind::Kpi;
        }
        parsed.problems.push(format!(
            "`{name}` is not a KPI: use a name such as conversion, acos, return_rate"
        ));
        return TokenKind::Invalid;
    }
    TokenKind::Text
}

/// The words of the line with their byte offsets.
fn words(line: &str) -> impl Iterator<Item = (usize, &str)> {
    line.split_whitespace()
        .map(move |word| (word.as_ptr() as usize - line.as_ptr() as usize, word))
}

/// `2026-12-05`, `12-05` (the next such day), `fri` (the next Friday), `+3d`, `+2w`, `today`, `tomorrow`.
pub fn parse_due(text: &str, today: NaiveDate) -> Option<NaiveDate> {
    let text = text.to_lowercase();
    match text.as_str() {
        "today" => return Some(today),
        "tomorrow" => return today.checked_add_days(Days::new(1)),
        _ => {}
    }
    if let Some(offset) = text.strip_prefix('+') {
        let (number, unit) = offset.split_at(offset.len().saturating_sub(1));
        let n: u64 = number.parse().ok()?;
        return match unit {
            "d" => today.checked_add_days(Days::new(n)),
            "w" => today.checked_add_days(Days::new(n * 7)),
            "m" => today.checked_add_months(Months::new(u32::try_from(n).ok()?)),
            _ => None,
        };
    }
    if let Some(weekday) = weekday(&text) {
        let ahead =
            (7 + weekday.num_days_from_monday() - today.weekday().num_days_from_monday()) % 7;
        return today.checked_add_days(Days::new(u64::from(if ahead == 0 { 7 } else { ahead })));
    }
    if let Ok(date) = NaiveDate::parse_from_str(&text, "%Y-%m-%d") {
        return Some(date);
    }
    let (month, day) = text.split_once('-')?;
    let (month, day): (u32, u32) = (month.parse().ok()?, day.parse().ok()?);
    let this_year = NaiveDate::from_ymd_opt(today.year(), month, day);
    match this_year {
        Some(date) if date >= today => Some(date),
        _ => NaiveDate::from_ymd_opt(today.year() + 1, month, day),
    }
}

fn weekday(text: &str) -> Option<Weekday> {
    Some(match text {
        "mon" | "monday" => Weekday::Mon,
        "tue" | "tuesday" => Weekday::Tue,
        "wed" | "wednesday" => Weekday::Wed,
        "thu" | "thursday" => Weekday::Thu,
        "fri" | "friday" => Weekday::Fri,
        "sat" | "saturday" => Weekday::Sat,
        "sun" | "sunday" => Weekday::Sun,
        _ => return None,
    })
}

/// The completion of the word being typed at the end of `line`: an attendee
/// for `@li`, a SKU for `#HK-S`. Returns the new line.
pub fn complete(line: &str, attendees: &[String], skus: &[&str]) -> Option<String> {
    let start = line.rfind(char::is_whitespace).map_or(0, |i| i + 1);
    let word = &line[start..];
    let (prefix, candidates): (char, Vec<&str>) = if let Some(partial) = word.strip_prefix('@') {
        (
            '@',
            attendees
                .iter()
                .map(String::as_str)
                .filter(|a| a.to_lowercase().starts_with(&partial.to_lowercase()))
                .collect(),
        )
    } else if let Some(partial) = word.strip_prefix('#') {
        (
            '#',
            skus.iter()
                .copied()
                .filter(|s| s.to_lowercase().starts_with(&partial.to_lowercase()))
                .collect(),
        )
    } else {
        return None;
    };
    let first = candidates.first()?;
    Some(format!("{}{prefix}{first} ", &line[..start]))
}

#[cfg(test)]
#[path = "capture_tests.rs"]
mod tests;
