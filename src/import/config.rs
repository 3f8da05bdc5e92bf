//! `opsdeck.toml`: the team, the agenda, targets and thresholds, the
//! replenishment plan, the team's roles and the promotions calendar. Every
//! key is optional (missing sections take the playbook defaults); unknown
//! keys are errors with their line, so a typo never silently changes a target.

use std::collections::BTreeMap;
use std::path::Path;

use serde::Deserialize;
use toml::Spanned;

use crate::domain::settings::{
    AgendaSection, FetchSettings, Language, MAX_DOCUMENT_MB, Replenishment, Roles, Settings,
    Targets, ThemeName,
};
use crate::domain::week::WeekStart;
use crate::domain::words::Said;

use super::error::ImportError;
use super::toml_file::{parse_toml, read_text};

mod channels;
mod events;
mod place;
mod thresholds;

use events::{EventRow, event};
use place::Place;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ConfigFile {
    title: Option<String>,
    workspace_id: Option<String>,
    facilitator: Option<String>,
    #[serde(default)]
    attendees: Vec<String>,
    currency: Option<String>,
    /// The currency several marketplaces are consolidated in (same as `currency`).
    reporting_currency: Option<String>,
    #[serde(default)]
    fx: BTreeMap<String, f64>,
    language: Option<LanguageField>,
    week_start: Option<WeekStartField>,
    theme: Option<ThemeField>,
    bell: Option<bool>,
    agenda: Option<Vec<AgendaRow>>,
    #[serde(default)]
    targets: TargetsTable,
    /// Checked against `Thresholds::KEYS`, each value with its place for an error.
    #[serde(default)]
    thresholds: BTreeMap<String, Spanned<toml::Value>>,
    #[serde(default)]
    replenishment: ReplenishmentTable,
    #[serde(default)]
    roles: RolesTable,
    #[serde(default)]
    emails: BTreeMap<String, String>,
    #[serde(default)]
    fetch: FetchTable,
    #[serde(default)]
    events: Vec<EventRow>,
    #[serde(default)]
    channels: Vec<channels::ChannelRow>,
    #[serde(default)]
    people: BTreeMap<String, BTreeMap<String, Spanned<String>>>,
    #[serde(default)]
    send: channels::SendTable,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct ReplenishmentTable {
    safety_days: Option<Spanned<f64>>,
    target_cover_days: Option<Spanned<f64>>,
    transfer_days: Option<Spanned<f64>>,
    capacity_cubic_feet: Option<Spanned<f64>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct FetchTable {
    #[serde(default)]
    marketplaces: Vec<String>,
    #[serde(default)]
    profiles: BTreeMap<String, u64>,
    max_document_mb: Option<Spanned<u64>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RolesTable {
    purchasing: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "lowercase")]
enum LanguageField {
    En,
    Zh,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "lowercase")]
enum WeekStartField {
    Monday,
    Sunday,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "kebab-case")]
enum ThemeField {
    Dark,
    Light,
    HighContrast,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct AgendaRow {
    name: String,
    minutes: u32,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct TargetsTable {
    acos: Option<f64>,
    ad_share_min: Option<f64>,
    ad_share_max: Option<f64>,
    ad_share_breach_margin: Option<f64>,
    inventory_turnover: Option<f64>,
    odr: Option<f64>,
    buy_box: Option<f64>,
    ipi: Option<f64>,
    gross_margin: Option<f64>,
    return_rate: Option<f64>,
    lead_time_days: Option<f64>,
    conversion: Option<f64>,
    #[serde(default)]
    conversion_by_category: BTreeMap<String, f64>,
}

/// Settings read from a config file, with warnings about legal but doubtful values.
#[derive(Debug, Clone, PartialEq)]
pub struct ConfigRead {
    pub settings: Settings,
    pub warnings: Vec<Said>,
}

/// The language `opsdeck.toml` at `path` asks for, read even when the rest
/// of the file is wrong, so that its error is told in the team's language.
pub fn stated_language(path: &Path) -> Option<Language> {
    #[derive(Deserialize)]
    struct Stated {
        language: Option<LanguageField>,
    }
    let text = std::fs::read_to_string(path).ok()?;
    let field = match toml::from_str::<Stated>(&text) {
        Ok(stated) => stated.language?,
        // A file TOML cannot read: its `language = "…"` line, before any table.
        Err(_) => {
            text.lines()
                .map(str::trim)
                .take_while(|line| !line.starts_with('['))
                .filter_map(|line| {
                    line.strip_prefix("language")?
                        .trim_start()
                        .strip_prefix('=')
                })
                .find_map(|value| toml::from_str::<Stated>(&format!("language ={value}")).ok())?
                .language?
        }
    };
    Some(match field {
        LanguageField::Zh => Language::Chinese,
        LanguageField::En => Language::English,
    })
}

/// Reads and validates `opsdeck.toml` at `path`.
pub fn read_config(path: &Path) -> Result<ConfigRead, ImportError> {
    parse_config(path, &read_text(path)?)
}

/// Parses the text of an `opsdeck.toml`.
pub fn parse_config(path: &Path, text: &str) -> Result<ConfigRead, ImportError> {
    let file: ConfigFile = parse_toml(path, text)?;
    let at = Place { path, text };
    let defaults = Settings::default();
    let agenda = match file.agenda {
        Some(rows) => rows
            .into_iter()
            .map(|row| AgendaSection {
                name: row.name,
                minutes: row.minutes,
            })
            .collect(),
        None => defaults.agenda,
    };
    if agenda.is_empty()
        || agenda
            .iter()
            .any(|s| s.minutes == 0 || s.name.trim().is_empty())
    {
        return Err(ImportError::file(
            path,
            Said::both(
                "the agenda needs at least one section, each with a name and at least 1 minute; \
                 fix the [[agenda]] entries",
                "议程至少需要一个环节，每个环节都要有名称且至少 1 分钟；请修改 [[agenda]] 条目",
            ),
        ));
    }
    if let (Some(currency), Some(reporting)) = (&file.currency, &file.reporting_currency)
        && !currency.eq_ignore_ascii_case(reporting)
    {
        return Err(ImportError::file(
            path,
            Said::both(
                format!(
                    "`currency = \"{currency}\"` and `reporting_currency = \"{reporting}\"` \
                     differ: the account is shown in one currency; keep one of the two keys"
                ),
                format!(
                    "`currency = \"{currency}\"` 与 `reporting_currency = \"{reporting}\"` \
                     不一致：账户只用一种货币显示；请保留其中一个键"
                ),
            ),
        ));
    }
    super::week_file::check_rates(path, &file.fx)?;
    let settings = Settings {
        title: file.title.unwrap_or(defaults.title),
        workspace_id: file
            .workspace_id
            .map(|id| id.trim().to_owned())
            .filter(|id| !id.is_empty()),
        facilitator: file.facilitator,
        attendees: file.attendees,
        currency: file
            .reporting_currency
            .or(file.currency)
            .unwrap_or(defaults.currency),
        fx: file.fx,
        language: match file.language {
            Some(LanguageField::Zh) => Language::Chinese,
            Some(LanguageField::En) | None => Language::English,
        },
        week_start: match file.week_start {
            Some(WeekStartField::Sunday) => WeekStart::Sunday,
            Some(WeekStartField::Monday) | None => WeekStart::Monday,
        },
        agenda,
        theme: match file.theme {
            Some(ThemeField::Light) => ThemeName::Light,
            Some(ThemeField::HighContrast) => ThemeName::HighContrast,
            Some(ThemeField::Dark) | None => ThemeName::Dark,
        },
        bell: file.bell.unwrap_or(false),
        targets: targets(file.targets),
        thresholds: thresholds::thresholds(at, &file.thresholds)?,
        replenishment: replenishment(at, &file.replenishment)?,
        roles: Roles {
            purchasing: file.roles.purchasing,
            emails: file.emails,
        },
        events: file
            .events
            .into_iter()
            .map(|row| event(at, &row))
            .collect::<Result<_, _>>()?,
        send_on_close: channels::on_close(&at, &file.send, &file.channels)?,
        channels: channels::channels(&at, &file.channels)?,
        people: channels::people(&at, &file.people)?,
        fetch: fetch_settings(at, file.fetch)?,
    };
    let mut warnings = Vec::new();
    let total = settings.planned_minutes();
    if !(60..=90).contains(&total) {
        warnings.push(Said::new(
            format!("the agenda plans {total} minutes; the playbook recommends 60–90"),
            format!("议程共 {total} 分钟；建议 60–90 分钟"),
        ));
    }
    Ok(ConfigRead { settings, warnings })
}

fn replenishment(at: Place, table: &ReplenishmentTable) -> Result<Replenishment, ImportError> {
    let defaults = Replenishment::default();
    let days = |value: &Option<Spanned<f64>>, default: f64, key: &str| match value {
        Some(days) if *days.get_ref() >= 0.0 && days.get_ref().is_finite() => Ok(*days.get_ref()),
        Some(days) => Err(at.error(
            days,
            Said::both(
                format!(
                    "[replenishment] {key} = {}: expected a number of days, 0 or more",
                    days.get_ref()
                ),
                format!(
                    "[replenishment] {key} = {}：应为天数，0 或以上",
                    days.get_ref()
                ),
            ),
        )),
        None => Ok(default),
    };
    Ok(Replenishment {
        safety_days: days(&table.safety_days, defaults.safety_days, "safety_days")?,
        target_cover_days: days(
            &table.target_cover_days,
            defaults.target_cover_days,
            "target_cover_days",
        )?,
        transfer_days: days(
            &table.transfer_days,
            defaults.transfer_days,
            "transfer_days",
        )?,
        capacity_cubic_feet: match &table.capacity_cubic_feet {
            Some(feet) if *feet.get_ref() > 0.0 && feet.get_ref().is_finite() => {
                Some(*feet.get_ref())
            }
            Some(feet) => {
                return Err(at.error(
                    feet,
                    Said::both(
                        format!(
                            "[replenishment] capacity_cubic_feet = {}: expected the cubic feet \
                             Amazon lets you store, such as 12000",
                            feet.get_ref()
                        ),
                        format!(
                            "[replenishment] capacity_cubic_feet = {}：应为亚马逊允许的库容\
                             （立方英尺），如 12000",
                            feet.get_ref()
                        ),
                    ),
                ));
            }
            None => None,
        },
    })
}

fn targets(table: TargetsTable) -> Targets {
    let d = Targets::default();
    Targets {
        acos: table.acos.unwrap_or(d.acos),
        ad_share_min: table.ad_share_min.unwrap_or(d.ad_share_min),
        ad_share_max: table.ad_share_max.unwrap_or(d.ad_share_max),
        ad_share_breach_margin: table
            .ad_share_breach_margin
            .unwrap_or(d.ad_share_breach_margin),
        inventory_turnover: table.inventory_turnover.unwrap_or(d.inventory_turnover),
        odr: table.odr.unwrap_or(d.odr),
        buy_box: table.buy_box.unwrap_or(d.buy_box),
        ipi: table.ipi.unwrap_or(d.ipi),
        gross_margin: table.gross_margin.unwrap_or(d.gross_margin),
        return_rate: table.return_rate.unwrap_or(d.return_rate),
        lead_time_days: table.lead_time_days.unwrap_or(d.lead_time_days),
        conversion: table.conversion.unwrap_or(d.conversion),
        conversion_by_category: table.conversion_by_category,
    }
}

/// `[fetch]`: the marketplaces, the Ads profiles and the largest document.
fn fetch_settings(at: Place<'_>, fetch: FetchTable) -> Result<FetchSettings, ImportError> {
    Ok(FetchSettings {
        marketplaces: fetch.marketplaces,
        profiles: fetch.profiles,
        max_document_mb: match fetch.max_document_mb {
            None => MAX_DOCUMENT_MB,
            Some(mb) if (1..=65_536).contains(mb.get_ref()) => *mb.get_ref(),
            Some(mb) => {
                return Err(at.error(
                    &mb,
                    Said::both(
                        format!(
                            "[fetch] max_document_mb = {}: expected a size in MB from 1 to 65536",
                            mb.get_ref()
                        ),
                        format!(
                            "[fetch] max_document_mb = {}：应为 1 到 65536 之间的 MB 数",
                            mb.get_ref()
                        ),
                    ),
                ));
            }
        },
    })
}

#[cfg(test)]
#[path = "config_tests.rs"]
mod tests;
