//! The minutes as the Markdown mail the team sends within 24 hours, ready to
//! go as it is: KPI headlines with their change since last week, decisions,
//! actions (owner, due, SKU, KPI, overdue), last meeting's verdicts and
//! whether their KPI moved, the anomalies the meeting saw or acted on with
//! the money at stake, the customer voice, the rating, notes, and the time
//! each section took, in the meeting's own time zone.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use chrono::{DateTime, FixedOffset};

use crate::domain::agenda::section_name;
use crate::domain::format;
use crate::domain::meeting::Meeting;
use crate::domain::metric::Metric;
use crate::domain::replenishment::SupplyStatus;
use crate::domain::rule_book::Rule;
use crate::domain::settings::Language;
use crate::domain::week::MeetingWeek;
use crate::domain::words::say;
use crate::import::minutes::{MinutesFile, SectionRecord, StoredMinutes};

use super::actions_md::{actions_table, follow_ups};
use super::markdown::{escape, table};

/// The minutes file `stored` (with its raw `file` for the snapshot) as
/// Markdown in `language`.
pub fn to_markdown(
    stored: &StoredMinutes,
    file: &MinutesFile,
    currency: &str,
    language: Language,
) -> String {
    let meeting = &stored.meeting;
    let mut out = match language {
        Language::English => format!(
            "# Weekly operations meeting — {} (reviews {})\n\n",
            meeting.week, meeting.reviewed_week
        ),
        Language::Chinese => format!(
            "# 每周运营会议 — {}（复盘 {}）\n\n",
            meeting.week, meeting.reviewed_week
        ),
    };
    let l = language;
    out.push_str(&when_and_who(meeting, language));
    headlines(&mut out, file, currency, language);
    let _ = write!(out, "\n## {}\n\n", say(l, "Decisions", "决定"));
    if meeting.decisions.is_empty() {
        let _ = writeln!(out, "{}", say(l, "None.", "无。"));
    }
    for decision in &meeting.decisions {
        let _ = writeln!(
            out,
            "- {} ({})",
            escape(&decision.text),
            section_name(&decision.section, l)
        );
    }
    // The day the meeting was held, as the cockpit judged what was overdue.
    let today =
        MeetingWeek::reviewing(meeting.reviewed_week).day_held(meeting.started.date_naive());
    let _ = write!(out, "\n## {}\n\n", say(l, "Action items", "行动项"));
    out.push_str(&actions_table(&meeting.actions, today, l));
    follow_ups(&mut out, meeting, file, today, l);
    anomalies(&mut out, meeting, file, currency, l);
    replenishment(&mut out, file, l);
    if !file.voice.is_empty() {
        let _ = write!(out, "\n## {}\n\n", say(l, "Customer voice", "客户之声"));
        for line in &file.voice {
            let _ = writeln!(
                out,
                "- {} {}: {} ({})",
                line.units,
                say(l, "units", "件"),
                escape(&line.reason),
                escape(&line.skus)
            );
        }
    }
    if !meeting.notes.is_empty() {
        let _ = write!(out, "\n## {}\n\n", say(l, "Notes", "备注"));
        for note in &meeting.notes {
            let _ = writeln!(
                out,
                "- {} ({})",
                escape(&note.text),
                section_name(&note.section, l)
            );
        }
    }
    let _ = write!(out, "\n## {}\n\n", say(l, "Time", "用时"));
    out.push_str(&time_table(&stored.sections, l));
    if !meeting.closing_gaps.is_empty() {
        let _ = write!(
            out,
            "\n## {}\n\n",
            say(l, "Closed with open gaps", "结束时仍有缺口")
        );
        for gap in &meeting.closing_gaps {
            let _ = writeln!(out, "- {}", escape(gap));
        }
    }
    out
}

/// The date, times with their zone, facilitator, attendees and rating.
fn when_and_who(meeting: &Meeting, language: Language) -> String {
    let l = language;
    let ended = meeting.ended.map_or_else(
        || say(l, "still open", "尚未结束").to_owned(),
        |t| t.format("%H:%M").to_string(),
    );
    let day = match l {
        Language::English => meeting.started.format("%A %-d %B %Y").to_string(),
        Language::Chinese => format!(
            "{}年{}",
            meeting.started.format("%Y"),
            format::short_date(meeting.started.date_naive(), l)
        ),
    };
    let comma = say(l, ", ", " ");
    let mut out = format!(
        "{day}{comma}{}–{} ({})",
        meeting.started.format("%H:%M"),
        ended,
        zone(&meeting.started)
    );
    if let Some(facilitator) = &meeting.facilitator {
        let _ = write!(
            out,
            " · {} {}",
            say(l, "facilitator", "主持人"),
            escape(facilitator)
        );
    }
    if !meeting.attendees.is_empty() {
        let _ = write!(out, " · {}", escape(&meeting.attendees.join(", ")));
    }
    out.push_str("\n\n");
    if !meeting.ratings.is_empty() {
        let scores: Vec<String> = meeting
            .ratings
            .iter()
            .map(|(name, score)| format!("{} {score}", escape(name)))
            .collect();
        let total: u32 = meeting.ratings.values().map(|s| u32::from(*s)).sum();
        let count = u32::try_from(meeting.ratings.len()).unwrap_or(1);
        let _ = writeln!(
            out,
            "{}: {:.1} / 10 ({})\n",
            say(l, "Meeting rating", "会议评分"),
            f64::from(total) / f64::from(count),
            scores.join(" · ")
        );
    }
    out
}

/// `UTC+08:00`, or `UTC`.
fn zone(time: &DateTime<FixedOffset>) -> String {
    if time.offset().local_minus_utc() == 0 {
        "UTC".to_owned()
    } else {
        format!("UTC{}", time.format("%:z"))
    }
}

/// The account's headline KPIs with their change since last week, and
/// each marketplace's in its own currency when the week merged several.
fn headlines(out: &mut String, file: &MinutesFile, currency: &str, language: Language) {
    let Some(kpis) = &file.kpis else { return };
    let table = headline_table(&kpis.account, &kpis.account_previous, currency, language);
    if table.is_empty() {
        return;
    }
    let _ = write!(out, "## {}\n\n", say(language, "KPI headlines", "KPI 概览"));
    out.push_str(&table);
    for (code, marketplace) in &kpis.marketplaces {
        let _ = write!(
            out,
            "\n### {} ({})\n\n",
            escape(code),
            escape(&marketplace.currency)
        );
        out.push_str(&headline_table(
            &marketplace.account,
            &marketplace.account_previous,
            &marketplace.currency,
            language,
        ));
    }
}

/// KPI, this week's value and the change since last week; empty without figures.
fn headline_table(
    account: &BTreeMap<String, f64>,
    previous: &BTreeMap<String, f64>,
    currency: &str,
    language: Language,
) -> String {
    let rows: Vec<Vec<String>> = Metric::ALL
        .iter()
        .filter_map(|metric| {
            let now = *account.get(metric.name())?;
            let before = previous.get(metric.name()).copied();
            let change = metric.change(Some(now), before);
            let since = change.map_or_else(
                || "—".to_owned(),
                |c| {
                    format!(
                        "{} {}",
                        format::arrow(Some(c)),
                        format::change_in(*metric, c, language)
                    )
                },
            );
            Some(vec![
                metric.label_in(language).to_owned(),
                format::value(*metric, now, currency),
                since,
            ])
        })
        .collect();
    if rows.is_empty() {
        return String::new();
    }
    let l = language;
    table(
        &[
            "KPI",
            say(l, "Week", "本周"),
            say(l, "Since last week", "较上周"),
        ],
        &rows,
    )
}

/// The anomalies the meeting saw or acted on, in plain words, most money first.
fn anomalies(
    out: &mut String,
    meeting: &Meeting,
    file: &MinutesFile,
    currency: &str,
    language: Language,
) {
    if file.anomalies.is_empty() {
        return;
    }
    let l = language;
    let _ = write!(
        out,
        "\n## {}\n\n",
        say(l, "Anomalies discussed", "讨论的异常")
    );
    let mut rows: Vec<_> = file.anomalies.iter().collect();
    rows.sort_by(|a, b| b.at_stake.total_cmp(&a.at_stake));
    for anomaly in rows {
        let label = Rule::from_name(&anomaly.rule)
            .map_or(anomaly.rule.as_str(), |rule| rule.entry().label.get(l));
        let who = anomaly.sku.as_deref().unwrap_or(say(l, "account", "账户"));
        // This meeting's actions on the SKU, and last meeting's still open.
        let actions: Vec<&str> = anomaly.sku.as_deref().map_or_else(Vec::new, |sku| {
            let open_before = meeting.follow_ups.iter().filter(|a| a.status.is_open());
            meeting
                .actions
                .iter()
                .chain(open_before)
                .filter(|a| {
                    a.sku
                        .as_deref()
                        .is_some_and(|s| s.eq_ignore_ascii_case(sku))
                })
                .map(|a| a.id.as_str())
                .collect::<std::collections::BTreeSet<_>>()
                .into_iter()
                .collect()
        });
        let acted = if actions.is_empty() {
            say(l, "no action", "无行动").to_owned()
        } else {
            format!("{} {}", say(l, "action", "行动"), actions.join(", "))
        };
        let money = format::money(anomaly.at_stake, currency);
        let at_stake = match l {
            Language::English => format!("{money} at stake"),
            Language::Chinese => format!("涉及金额 {money}"),
        };
        let _ = writeln!(
            out,
            "- **{label}** · {} — {} — {at_stake} — {acted}",
            escape(who),
            escape(&anomaly.message),
        );
    }
}

/// Planned and actual minutes per section; a section that got no time was skipped.
fn time_table(sections: &[SectionRecord], language: Language) -> String {
    let l = language;
    let minutes = say(l, "min", "分钟");
    let rows: Vec<Vec<String>> = sections
        .iter()
        .map(|s| {
            let actual = if s.actual_seconds == 0 {
                say(l, "skipped", "跳过").to_owned()
            } else {
                format!("{} {minutes}", s.actual_seconds.div_ceil(60))
            };
            vec![
                section_title(section_name(&s.name, l)),
                format!("{} {minutes}", s.planned_seconds / 60),
                actual,
            ]
        })
        .collect();
    table(
        &[
            say(l, "Section", "环节"),
            say(l, "Planned", "计划"),
            say(l, "Actual", "实际"),
        ],
        &rows,
    )
}

/// A section's name with a capital: `review` → `Review`.
fn section_title(name: &str) -> String {
    let mut chars = name.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

/// The replenishment lines the meeting decided on: each stock pool with its
/// SKUs, its order and its warnings.
fn replenishment(out: &mut String, file: &MinutesFile, language: Language) {
    if file.supply.is_empty() {
        return;
    }
    let l = language;
    let _ = write!(out, "\n## {}\n\n", say(l, "Replenishment", "补货"));
    for row in &file.supply {
        let status = supply_status(&row.status, l);
        let pool = if row.skus.len() > 1 {
            format!(
                " ({}: {})",
                say(l, "one listing", "同一listing"),
                escape(&row.skus.join(" + "))
            )
        } else {
            String::new()
        };
        #[allow(clippy::cast_precision_loss)] // unit counts
        let (units, air) = (
            format::count(row.units as f64),
            format::count(row.air_units as f64),
        );
        let order = match (row.units, row.air_units, l) {
            (0, _, _) => say(l, "nothing to order", "无需下单").to_owned(),
            (_, 0, Language::English) => format!("{units} units"),
            (_, 0, Language::Chinese) => format!("{units} 件"),
            (_, _, Language::English) => format!("{units} units, {air} of them by air"),
            (_, _, Language::Chinese) => format!("{units} 件，其中 {air} 件空运"),
        };
        let by = row
            .order_by
            .as_deref()
            .map(|day| format!(", {} {day}", say(l, "order by", "下单截止")))
            .unwrap_or_default();
        let arrives = row
            .arrives
            .as_deref()
            .filter(|_| row.units > 0)
            .map(|day| format!(", {} {day}", say(l, "sellable", "可售")))
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "- **{}**{pool} — {status}: {order}{by}{arrives}",
            escape(&row.sku)
        );
        for warning in &row.warnings {
            let _ = writeln!(out, "  - ⚠ {}", escape(warning));
        }
    }
}

/// A supply line's status as stored (`order_now`) in `language`.
fn supply_status(status: &str, language: Language) -> String {
    SupplyStatus::from_name(status).map_or_else(
        || status.replace('_', " "),
        |status| (*status.label().get(language)).to_owned(),
    )
}

#[cfg(test)]
#[path = "minutes_md_tests.rs"]
mod tests;
