//! The quick-add line: `Update main image size marks @lina due:fri #B0C1234567
//! !high kpi:return_rate +listing`. Tokens fill owner, due date, SKU (quoted
//! when it holds spaces: `#"SV 38 8-11 MS"`), priority, KPI and tags
//! (`+word`, any number); the rest is the title. Each field but the tags is
//! written once: a second is an error. Every token is located so the line
//! can be highlighted as it is typed. Pure: std and chrono only.

use std::ops::Range;

use chrono::{Datelike, Days, Months, NaiveDate, Weekday};

use super::action::Priority;
use super::metric::Metric;
use super::words::{Said, Words};

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
    /// `+tag`: a word the plan groups actions by (`+listing`, `+promo`).
    Tag,
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
    /// Lower-case, each once, in the order typed.
    pub tags: Vec<String>,
    pub tokens: Vec<Token>,
    /// What is wrong with the line, for the person typing it.
    pub problems: Vec<Said>,
}

/// What the parser may check names against.
pub struct Known<'a> {
    pub attendees: &'a [String],
    /// The catalogue's spelling of a SKU or ASIN typed in any case, if it has it.
    pub sku: &'a dyn Fn(&str) -> Option<String>,
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

/// The fields a line holds once, with the token that starts each and what
/// it is called in an error.
const ONCE: [(&str, Words); 5] = [
    ("@", Words::new("an owner", "负责人")),
    ("due:", Words::new("a due date", "截止日期")),
    ("#", Words::new("a SKU", "SKU")),
    ("!", Words::new("a priority", "优先级")),
    ("kpi:", Words::new("a KPI", "KPI")),
];

fn classify(word: &str, today: NaiveDate, known: &Known<'_>, parsed: &mut QuickAdd) -> TokenKind {
    if let Some((start, field)) = ONCE
        .iter()
        .find(|(start, _)| word.len() > start.len() && word.starts_with(start))
    {
        let already = match *start {
            "@" => parsed.owner.is_some(),
            "due:" => parsed.due.is_some(),
            "#" => parsed.sku.is_some(),
            "!" => parsed.priority.is_some(),
            _ => parsed.kpi.is_some(),
        };
        if already {
            parsed.problems.push(Said::new(
                format!(
                    "`{word}`: the line already has {}; an action has one, so remove one of them",
                    field.en
                ),
                format!(
                    "`{word}`：这一行已经有{}，每个行动项只有一个，请删掉其中一个",
                    field.zh
                ),
            ));
            return TokenKind::Invalid;
        }
    }
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
    if let Some(sku) = word
        .strip_prefix('#')
        .map(unquote)
        .filter(|s| !s.is_empty())
    {
        let spelled = (known.sku)(sku);
        let known = spelled.is_some();
        parsed.sku = Some(spelled.unwrap_or_else(|| sku.to_owned()));
        return TokenKind::Sku { known };
    }
    if let Some(text) = word.strip_prefix("due:") {
        if let Some(date) = parse_due(text, today) {
            parsed.due = Some(date);
            return TokenKind::Due;
        }
        parsed.problems.push(Said::new(
            format!("`{word}` is not a date: write due:2026-12-05, due:12-05, due:fri or due:+3d"),
            format!(
                "`{word}` 不是日期：请写 due:2026-12-05、due:12-05、due:周五、due:明天 或 due:+3d"
            ),
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
                parsed.problems.push(Said::new(
                    format!("`{word}` is not a priority: write !high, !normal or !low"),
                    format!("`{word}` 不是优先级：请写 !high、!normal 或 !low"),
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
        parsed.problems.push(Said::new(
            format!("`{name}` is not a KPI: use a name such as conversion, acos, return_rate"),
            format!("`{name}` 不是 KPI：请用 conversion、acos、return_rate 等名称"),
        ));
        return TokenKind::Invalid;
    }
    // A tag starts with a letter: `+50%` stays text.
    if let Some(tag) = word
        .strip_prefix('+')
        .filter(|t| t.chars().next().is_some_and(char::is_alphabetic))
    {
        let tag = tag.to_lowercase();
        if !parsed.tags.contains(&tag) {
            parsed.tags.push(tag);
        }
        return TokenKind::Tag;
    }
    TokenKind::Text
}

/// The words of the line with their byte offsets; `#"…"` is one word,
/// spaces and all, up to its closing quote (or the end of the line).
fn words(line: &str) -> Vec<(usize, &str)> {
    let mut words = Vec::new();
    let mut at = 0;
    while let Some(skipped) = line[at..].find(|c: char| !c.is_whitespace()) {
        let start = at + skipped;
        let rest = &line[start..];
        let len = if let Some(quoted) = rest.strip_prefix("#\"") {
            quoted.find('"').map_or(rest.len(), |close| close + 3)
        } else {
            rest.find(char::is_whitespace).unwrap_or(rest.len())
        };
        words.push((start, &rest[..len]));
        at = start + len;
    }
    words
}

/// A SKU without the quotes that hold its spaces.
fn unquote(sku: &str) -> &str {
    sku.strip_prefix('"')
        .map_or(sku, |inner| inner.strip_suffix('"').unwrap_or(inner))
}

/// How a SKU is written on the quick-add line: `#HK-1`, or `#"SV 38 8-11 MS"`
/// when it holds a space.
pub fn sku_token(sku: &str) -> String {
    if sku.contains(char::is_whitespace) {
        format!("#\"{sku}\"")
    } else {
        format!("#{sku}")
    }
}

/// `2026-12-05`, `12-05` (the next such day), `fri` (the next Friday), `+3d`,
/// `+2w`, `today`, `tomorrow`; in Chinese `今天`, `明天`, `后天`, `周五`,
/// `下周一`, `12月18日`.
pub fn parse_due(text: &str, today: NaiveDate) -> Option<NaiveDate> {
    let text = text.to_lowercase();
    match text.as_str() {
        "today" | "今天" => return Some(today),
        "tomorrow" | "明天" => return today.checked_add_days(Days::new(1)),
        "后天" => return today.checked_add_days(Days::new(2)),
        _ => {}
    }
    if let Some(date) = chinese_due(&text, today) {
        return Some(date);
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
        return next_weekday(weekday, today);
    }
    if let Ok(date) = NaiveDate::parse_from_str(&text, "%Y-%m-%d") {
        return Some(date);
    }
    let (month, day) = text.split_once('-')?;
    next_month_day(month.parse().ok()?, day.parse().ok()?, today)
}

/// `周五`, `星期五` (the next Friday), `下周一` (Monday of next week),
/// `12月18日` or `12月18号` (the next such day).
fn chinese_due(text: &str, today: NaiveDate) -> Option<NaiveDate> {
    if let Some(rest) = text.strip_prefix('下') {
        let day = chinese_weekday(rest)?;
        let next_monday = today.checked_add_days(Days::new(u64::from(
            7 - today.weekday().num_days_from_monday(),
        )))?;
        return next_monday.checked_add_days(Days::new(u64::from(day.num_days_from_monday())));
    }
    if let Some(day) = chinese_weekday(text) {
        return next_weekday(day, today);
    }
    let (month, day) = text.split_once('月')?;
    let day = day.strip_suffix('日').or_else(|| day.strip_suffix('号'))?;
    next_month_day(month.parse().ok()?, day.parse().ok()?, today)
}

/// `周五`, `星期五`, `礼拜五` (and `日`/`天` for Sunday).
fn chinese_weekday(text: &str) -> Option<Weekday> {
    let day = ["周", "星期", "礼拜"]
        .iter()
        .find_map(|p| text.strip_prefix(p))?;
    Some(match day {
        "一" => Weekday::Mon,
        "二" => Weekday::Tue,
        "三" => Weekday::Wed,
        "四" => Weekday::Thu,
        "五" => Weekday::Fri,
        "六" => Weekday::Sat,
        "日" | "天" => Weekday::Sun,
        _ => return None,
    })
}

/// The first `weekday` after `today` (a week ahead when today is one).
fn next_weekday(weekday: Weekday, today: NaiveDate) -> Option<NaiveDate> {
    let ahead = (7 + weekday.num_days_from_monday() - today.weekday().num_days_from_monday()) % 7;
    today.checked_add_days(Days::new(u64::from(if ahead == 0 { 7 } else { ahead })))
}

/// `month`/`day` this year if not past, else next year.
fn next_month_day(month: u32, day: u32, today: NaiveDate) -> Option<NaiveDate> {
    match NaiveDate::from_ymd_opt(today.year(), month, day) {
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

/// What Tab made of the word being typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Completion {
    /// The line with the word completed (as far as the candidates agree).
    pub line: String,
    /// The candidates when more than one fits, to choose from by typing on.
    pub candidates: Vec<String>,
}

/// The completion of the word being typed at the end of `line`: an attendee
/// for `@li`, a SKU for `#HK-S`. One candidate completes the word; several
/// complete it as far as they agree and are listed.
pub fn complete(line: &str, attendees: &[String], skus: &[&str]) -> Option<Completion> {
    // The word being typed: an open `#"…` with its spaces, else the last word.
    let start = words(line)
        .last()
        .filter(|(start, word)| word.starts_with("#\"") && start + word.len() == line.len())
        .map_or_else(
            || line.rfind(char::is_whitespace).map_or(0, |i| i + 1),
            |(start, _)| *start,
        );
    let word = &line[start..];
    let fits = |partial: &str, name: &str| name.to_lowercase().starts_with(&partial.to_lowercase());
    let (prefix, candidates): (char, Vec<&str>) = if let Some(partial) = word.strip_prefix('@') {
        let names = attendees.iter().map(String::as_str);
        ('@', names.filter(|a| fits(partial, a)).collect())
    } else if let Some(partial) = word.strip_prefix('#').map(unquote) {
        (
            '#',
            skus.iter().copied().filter(|s| fits(partial, s)).collect(),
        )
    } else {
        return None;
    };
    let (first, rest) = candidates.split_first()?;
    if rest.is_empty() {
        let token = if prefix == '#' {
            sku_token(first)
        } else {
            format!("{prefix}{first}")
        };
        return Some(Completion {
            line: format!("{}{token} ", &line[..start]),
            candidates: Vec::new(),
        });
    }
    let agreed = rest.iter().fold(first.chars().count(), |agreed, other| {
        first
            .chars()
            .zip(other.chars())
            .take(agreed)
            .take_while(|(a, b)| a.to_lowercase().eq(b.to_lowercase()))
            .count()
    });
    let common: String = first.chars().take(agreed).collect();
    // Candidates with spaces are typed on inside an open quote.
    let quote = if prefix == '#' && candidates.iter().any(|c| c.contains(char::is_whitespace)) {
        "\""
    } else {
        ""
    };
    Some(Completion {
        line: format!("{}{prefix}{quote}{common}", &line[..start]),
        candidates: candidates.iter().map(|c| (*c).to_owned()).collect(),
    })
}

#[cfg(test)]
#[path = "capture_tests.rs"]
mod tests;
