//! The columns the replenishment schedule is shown in — in the cockpit,
//! `kpis` and `prep` alike: each with its header in both languages and the
//! text of a pool's cell and of its SKUs' child rows, declared once.

use super::replenishment::{PoolMember, SupplyLine};
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
    Upstream,
    PerDay,
    Cover,
    LeadTime,
    Arrives,
    Amazon,
}

/// The columns in the order shown; the first ones stay when space runs out.
pub const SUPPLY_COLUMNS: [SupplyColumn; 12] = [
    SupplyColumn::Sku,
    SupplyColumn::Status,
    SupplyColumn::OrderBy,
    SupplyColumn::Units,
    SupplyColumn::Cover,
    SupplyColumn::PerDay,
    SupplyColumn::Available,
    SupplyColumn::Inbound,
    SupplyColumn::Upstream,
    SupplyColumn::LeadTime,
    SupplyColumn::Arrives,
    SupplyColumn::Amazon,
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
            SupplyColumn::Upstream => Words::new("Upstream", "海外仓/在途"),
            SupplyColumn::LeadTime => Words::new("Lead time", "补货周期"),
            SupplyColumn::Arrives => Words::new("Arrives", "到货"),
            SupplyColumn::Amazon => Words::new("Amazon says", "亚马逊建议"),
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
            SupplyColumn::OrderBy => dated(line.order_by, language),
            SupplyColumn::Arrives => dated(line.arrives, language),
            SupplyColumn::Units if line.suggested_units == 0 => "—".to_owned(),
            SupplyColumn::Units if line.air_units > 0 => match language {
                Language::English => format!(
                    "{} ({} air)",
                    grouped(line.suggested_units),
                    grouped(line.air_units)
                ),
                Language::Chinese => format!(
                    "{}（空运 {}）",
                    grouped(line.suggested_units),
                    grouped(line.air_units)
                ),
            },
            SupplyColumn::Units => grouped(line.suggested_units),
            SupplyColumn::Available => grouped(line.available),
            SupplyColumn::Inbound => grouped(line.inbound),
            SupplyColumn::Upstream if line.upstream == 0 => "—".to_owned(),
            SupplyColumn::Upstream => grouped(line.upstream),
            SupplyColumn::Amazon => line.amazon.map_or_else(
                || "—".to_owned(),
                |a| match a.ship_by {
                    Some(day) => format!("{} · {}", grouped(a.units), short_day(day, language)),
                    None => grouped(a.units),
                },
            ),
            SupplyColumn::PerDay => format!("{:.1}", line.velocity),
            SupplyColumn::Cover => line.cover_days.map_or_else(
                || Words::new("no sales", "无销量").get(language).to_string(),
                days,
            ),
            SupplyColumn::LeadTime => days(line.lead_time_days()),
        }
    }

    /// The cell of one SKU of a pool, on its child row under the pool's line.
    pub fn member_text(self, member: &PoolMember, line: &SupplyLine, language: Language) -> String {
        match self {
            SupplyColumn::Sku => format!("  ↳ {}", member.sku),
            SupplyColumn::Status if line.empty_members().any(|m| m.key == member.key) => {
                Words::new("empty", "已断货").get(language).to_string()
            }
            // Its own stock where a narrow screen has no room for the columns that say it.
            SupplyColumn::Status => match language {
                Language::English => format!("{} avail.", grouped(member.available)),
                Language::Chinese => format!("可售 {}", grouped(member.available)),
            },
            SupplyColumn::Available => grouped(member.available),
            SupplyColumn::Inbound => grouped(member.inbound),
            #[allow(clippy::cast_precision_loss)] // a week's units
            SupplyColumn::PerDay => format!("{:.1}", member.units as f64 / 7.0),
            _ => String::new(),
        }
    }
}

/// A date with its year, or a dash.
fn dated(day: Option<chrono::NaiveDate>, language: Language) -> String {
    day.map_or_else(
        || "—".to_owned(),
        |day| match language {
            Language::English => day.format("%-d %b %Y").to_string(),
            Language::Chinese => day.format("%Y年%-m月%-d日").to_string(),
        },
    )
}

/// A date without its year: `29 Nov`, `11月29日`.
pub fn short_day(day: chrono::NaiveDate, language: Language) -> String {
    match language {
        Language::English => day.format("%-d %b").to_string(),
        Language::Chinese => day.format("%-m月%-d日").to_string(),
    }
}

/// `12,400`.
pub fn grouped(n: i64) -> String {
    #[allow(clippy::cast_precision_loss)] // unit counts
    super::format::count(n as f64)
}
