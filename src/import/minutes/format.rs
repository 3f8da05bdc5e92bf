//! The minutes file's format, schema 1: every table and key as the file
//! holds them. Reading (`import::minutes`) and writing (`export::minutes`)
//! both use these rows, so the format is declared once.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::domain::channel::Sent;

/// One agenda section's planned and actual time, in seconds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SectionRecord {
    pub name: String,
    pub planned_seconds: u64,
    pub actual_seconds: u64,
}

/// The minutes file format, schema 1.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MinutesFile {
    pub schema: u32,
    pub week: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reviewed_week: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    pub started: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ended: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub facilitator: Option<String>,
    #[serde(default)]
    pub attendees: Vec<String>,
    #[serde(default)]
    pub current_section: usize,
    #[serde(default)]
    pub sections: Vec<SectionRecord>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kpis: Option<KpiSnapshot>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub anomalies: Vec<AnomalyRow>,
    #[serde(default)]
    pub decisions: Vec<DecisionRow>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<NoteRow>,
    #[serde(default)]
    pub actions: Vec<ActionRow>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub follow_ups: Vec<ActionRow>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub ratings: BTreeMap<String, u8>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub closing_gaps: Vec<String>,
    /// The week's top customer-voice lines, as the meeting saw them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub voice: Vec<VoiceRow>,
    /// The replenishment lines to decide on, as the meeting saw them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub supply: Vec<SupplyRow>,
    /// The highest action number given out (an undone action's id is never reused).
    #[serde(default, skip_serializing_if = "is_zero")]
    pub actions_issued: u32,
    /// What `opsdeck send` delivered of this meeting, and where.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sent: Vec<SentRow>,
}

/// One message sent of this meeting.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct SentRow {
    pub channel: String,
    pub what: String,
    pub at: String,
    pub digest: String,
}

impl From<&SentRow> for Sent {
    fn from(row: &SentRow) -> Self {
        Sent {
            channel: row.channel.clone(),
            what: row.what.clone(),
            at: row.at.clone(),
            digest: row.digest.clone(),
        }
    }
}

impl From<&Sent> for SentRow {
    fn from(sent: &Sent) -> Self {
        SentRow {
            channel: sent.channel.clone(),
            what: sent.what.clone(),
            at: sent.at.clone(),
            digest: sent.digest.clone(),
        }
    }
}

#[allow(clippy::trivially_copy_pass_by_ref)] // serde's skip_serializing_if passes a reference
fn is_zero(number: &u32) -> bool {
    *number == 0
}

/// The KPIs the meeting discussed: the account and the SKUs with anomalies.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KpiSnapshot {
    pub account: BTreeMap<String, f64>,
    /// The account the week before, for the change since last week.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub account_previous: BTreeMap<String, f64>,
    /// Each marketplace's account in its own currency, when the week merged several.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub marketplaces: BTreeMap<String, MarketplaceSnapshot>,
    #[serde(default)]
    pub skus: BTreeMap<String, BTreeMap<String, f64>>,
}

/// One marketplace's account in the KPI snapshot.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MarketplaceSnapshot {
    pub currency: String,
    pub account: BTreeMap<String, f64>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub account_previous: BTreeMap<String, f64>,
}

/// An anomaly the meeting saw in the diagnosis or acted on.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AnomalyRow {
    pub rule: String,
    pub severity: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sku: Option<String>,
    pub message: String,
    /// Money at stake that week, in the account's currency.
    #[serde(default)]
    pub at_stake: f64,
    /// Listed on screen while the diagnosis view was open (else acted on only).
    #[serde(default)]
    pub seen: bool,
}

/// A customer-voice line: a pain point, its returned units and the SKUs it touches.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VoiceRow {
    pub reason: String,
    pub units: i64,
    pub skus: String,
}

/// A replenishment line to decide on: a stock pool, the SKU it orders as,
/// its order and the warnings the room saw.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SupplyRow {
    pub sku: String,
    /// Every SKU of the pool, most sold first.
    pub skus: Vec<String>,
    pub status: String,
    pub order_by: Option<String>,
    pub units: i64,
    #[serde(default, skip_serializing_if = "is_zero_units")]
    pub air_units: i64,
    pub arrives: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<String>,
}

#[allow(clippy::trivially_copy_pass_by_ref)] // serde's skip_serializing_if passes a reference
fn is_zero_units(units: &i64) -> bool {
    *units == 0
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DecisionRow {
    pub id: String,
    pub text: String,
    #[serde(default)]
    pub section: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NoteRow {
    pub text: String,
    #[serde(default)]
    pub section: String,
    pub time: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ActionRow {
    pub id: String,
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sku: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kpi: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub priority: Option<String>,
    pub status: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub carried_from: Option<String>,
    #[serde(default)]
    pub weeks_carried: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub closed_at: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    /// For last meeting's actions: whether their KPI moved the right way since.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kpi_moved: Option<bool>,
    /// For last meeting's actions: their KPI was measured and did not move.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub kpi_unchanged: bool,
}
