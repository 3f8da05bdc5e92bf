//! The columns the replenishment schedule is shown in — in the cockpit,
//! `kpis` and `prep` alike: each with its header in both languages and the
//! text of a line's cell, declared once.

use super::replenishment::SupplyLine;
use super::settings::Language;
use super::words::Words;

/// One column of the schedule.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SupplyColumn {
    Sku,
    Status,
    OrderBy,
    Units,
    Available,
    Inbound,
    PerDay,
    Cover,
    LeadTime,
}

/// The columns in the order shown; the first ones stay when space runs out.
pub const SUPPLY_COLUMNS: [SupplyColumn; 9] = [
    SupplyColumn::Sku,
    SupplyColumn::Status,
    SupplyColumn::OrderBy,
    SupplyColumn::Units,
    SupplyColumn::Cover,
    SupplyColumn::PerDay,
    SupplyColumn::Available,
    SupplyColumn::Inbound,
    SupplyColumn::LeadTime,
];

impl SupplyColumn {
    pub fn header(self) -> Words {
        match self {
            SupplyColumn::Sku => Words::new("SKU", "SKU"),
            SupplyColumn::Status => Words::new("Status", "状态"),
            SupplyColumn::OrderBy => Words::new("Order by", "下单截止"),
            SupplyColumn::Units => Words::new("Order units", "建议数量"),
            SupplyColumn::Available => Words::new("Available", "可售"),
            SupplyColumn::Inbound => Words::new("Inbound", "在途"),
            SupplyColumn::PerDay => Words::new("Sold/day", "日销"),
            SupplyColumn::Cover => Words::new("Cover", "可售天数"),
            SupplyColumn::LeadTime => Words::new("Lead time", "补货周期"),
        }
    }

    /// Whether the column holds figures (aligned right).
    pub fn is_figure(self) -> bool {
        !matches!(self, SupplyColumn::Sku | SupplyColumn::Status)
    }

    /// The cell of `line` in this column.
    pub fn text(self, line: &SupplyLine, language: Language) -> String {
        let days = |days: f64| match language {
            Language::English => format!("{days:.0} d"),
            Language::Chinese => format!("{days:.0} 天"),
        };
        match self {
            SupplyColumn::Sku => match &line.marketplace {
                Some(code) => format!("{code}:{}", line.sku),
                None => line.sku.clone(),
            },
            SupplyColumn::Status => format!(
                "{} {}",
                line.status.symbol(),
                line.status.label().get(language)
            ),
            // With its year: an order date can lie months behind or ahead.
            SupplyColumn::OrderBy => line.order_by.map_or_else(
                || "—".to_owned(),
                |day| match language {
                    Language::English => day.format("%-d %b %Y").to_string(),
                    Language::Chinese => day.format("%Y年%-m月%-d日").to_string(),
                },
            ),
            SupplyColumn::Units if line.suggested_units == 0 => "—".to_owned(),
            SupplyColumn::Units => grouped(line.suggested_units),
            SupplyColumn::Available => grouped(line.available),
            SupplyColumn::Inbound => grouped(line.inbound),
            SupplyColumn::PerDay => format!("{:.1}", line.velocity),
            SupplyColumn::Cover => line.cover_days.map_or_else(
                || Words::new("no sales", "无销量").get(language).to_owned(),
                days,
            ),
            SupplyColumn::LeadTime => days(line.lead_time_days),
        }
    }
}

/// `12,400`.
fn grouped(n: i64) -> String {
    #[allow(clippy::cast_precision_loss)] // unit counts
    super::format::count(n as f64)
}

/// What a line says about an event it runs short for, in `language`.
pub fn shortfall_note(line: &SupplyLine, language: Language) -> Option<String> {
    let short = line.shortfall.as_ref()?;
    Some(match language {
        Language::English => format!(
            "{} runs out {} days before {} ends",
            line.sku, short.days_short, short.event
        ),
        Language::Chinese => format!(
            "{} 会在 {} 结束前 {} 天断货",
            line.sku, short.event, short.days_short
        ),
    })
}
