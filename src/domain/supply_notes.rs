//! What a pool's line says in words beside its figures, in both languages:
//! the warnings the room must see (an event it runs short for, an order
//! that cannot arrive in time and the air freight that would, a SKU empty
//! while its twin sells) and the facts behind its figures (what the
//! velocity left out, stock reserved or upstream, when an order ships and
//! arrives, what Amazon recommends). Pure: std and chrono only.

use super::replenishment::{Capacity, ExclusionReason, SupplyLine};
use super::settings::Language;
use super::supply_columns::{grouped, short_day};

/// The warnings of a line, most urgent first: its event warning, then the
/// SKUs empty while their pool sells.
pub fn warnings(line: &SupplyLine, language: Language) -> Vec<String> {
    event_warning(line, language)
        .into_iter()
        .chain(empty_warnings(line, language))
        .collect()
}

/// An event the pool runs short for, and when an order placed at the meeting would
/// be sellable — by sea, and by air where that makes it in time.
pub fn event_warning(line: &SupplyLine, language: Language) -> Option<String> {
    let short = line.shortfall.as_ref()?;
    let runs_out = match language {
        Language::English => format!(
            "{} runs out {} days before {} ends",
            line.sku, short.days_short, short.event
        ),
        Language::Chinese => format!(
            "{} 会在 {} 结束前 {} 天断货",
            line.sku, short.event, short.days_short
        ),
    };
    let Some(late) = &line.late_for_event else {
        return Some(runs_out);
    };
    let (arrives, needed) = (
        short_day(late.arrives, language),
        short_day(late.needed_by, language),
    );
    let air = late
        .arrives_by_air
        .filter(|air| *air <= late.needed_by && line.air_units > 0)
        .map(|air| (grouped(line.air_units), short_day(air, language)));
    Some(match (language, air) {
        (Language::English, Some((units, air))) => format!(
            "{runs_out}: a PO placed at this meeting is sellable {arrives}, after the {needed} cut-off; \
             fly {units} units (sellable {air}) and ship the rest"
        ),
        (Language::English, None) => format!(
            "{runs_out}: a PO placed at this meeting is sellable {arrives}, after the {needed} cut-off"
        ),
        (Language::Chinese, Some((units, air))) => format!(
            "{runs_out}：本次会议下单 {arrives} 才能上架，晚于 {needed} 的备货截止；\
             空运 {units} 件（{air} 上架），其余海运"
        ),
        (Language::Chinese, None) => {
            format!("{runs_out}：本次会议下单 {arrives} 才能上架，晚于 {needed} 的备货截止")
        }
    })
}

/// The SKUs empty while their pool has stock to sell, and where it sells from.
pub fn empty_warnings(line: &SupplyLine, language: Language) -> Vec<String> {
    let Some(fullest) = line.fullest_member() else {
        return Vec::new();
    };
    let units = grouped(fullest.available);
    line.empty_members()
        .map(|empty| match language {
            Language::English => format!(
                "{} empty — the listing sells from {}, {units} units",
                empty.sku, fullest.sku
            ),
            Language::Chinese => format!(
                "{} 已断货 — 该商品由 {} 继续销售，库存 {units} 件",
                empty.sku, fullest.sku
            ),
        })
        .collect()
}

/// The facts behind a line's figures, one phrase each.
pub fn facts(line: &SupplyLine, language: Language) -> Vec<String> {
    let mut facts = Vec::new();
    if !line.excluded.is_empty() {
        let left_out: Vec<String> = line
            .excluded
            .iter()
            .map(|e| {
                let when = e.days.map_or_else(
                    || e.week.to_string(),
                    |(from, to)| {
                        format!("{}–{}", short_day(from, language), short_day(to, language))
                    },
                );
                let why = match (&e.reason, language) {
                    (ExclusionReason::Stockout, Language::English) => "stockout".to_owned(),
                    (ExclusionReason::Stockout, Language::Chinese) => "断货".to_owned(),
                    (ExclusionReason::Event(name), _) => name.clone(),
                };
                format!("{when} ({why})")
            })
            .collect();
        let (cleaned, raw) = (line.velocity, line.velocity_uncleaned);
        facts.push(match language {
            Language::English => format!(
                "{cleaned:.1} a day without {} ({raw:.1} with)",
                left_out.join(", ")
            ),
            Language::Chinese => format!(
                "日销 {cleaned:.1}，不含 {}（含则 {raw:.1}）",
                left_out.join("、")
            ),
        });
    }
    if line.is_pooled() {
        let skus = line.member_names();
        facts.push(match language {
            Language::English => format!("pool of {skus} orders as {}", line.sku),
            Language::Chinese => format!("{skus} 合并计算，按 {} 下单", line.sku),
        });
    }
    if line.reserved > 0 {
        let units = grouped(line.reserved);
        facts.push(match language {
            Language::English => format!("{units} reserved for FC transfer and processing"),
            Language::Chinese => format!("{units} 件调仓或处理中"),
        });
    }
    if line.upstream > 0 {
        let units = grouped(line.upstream);
        facts.push(match language {
            Language::English => format!("{units} upstream (supply.csv)"),
            Language::Chinese => format!("{units} 件在海外仓或在途（supply.csv）"),
        });
    }
    if line.suggested_units > 0 {
        let arrives = line.arrives.map(|day| short_day(day, language));
        let ships = line.ship_by.map(|day| short_day(day, language));
        match (ships, arrives, language) {
            (Some(ships), Some(arrives), Language::English) => {
                facts.push(format!("ships {ships}, sellable {arrives}"));
            }
            (Some(ships), Some(arrives), Language::Chinese) => {
                facts.push(format!("{ships} 发货，{arrives} 上架"));
            }
            (None, Some(arrives), Language::English) => facts.push(format!("sellable {arrives}")),
            (None, Some(arrives), Language::Chinese) => facts.push(format!("{arrives} 上架")),
            (_, None, _) => {}
        }
    }
    if let Some(amazon) = line.amazon {
        let units = grouped(amazon.units);
        let by = amazon.ship_by.map(|day| short_day(day, language));
        facts.push(match (by, language) {
            (Some(by), Language::English) => {
                format!("Amazon recommends shipping in {units} by {by}")
            }
            (None, Language::English) => format!("Amazon recommends shipping in {units}"),
            (Some(by), Language::Chinese) => format!("亚马逊建议 {by} 前补货 {units} 件"),
            (None, Language::Chinese) => format!("亚马逊建议补货 {units} 件"),
        });
    }
    facts
}

/// What the plan says of the storage the suggested orders need.
pub fn capacity_note(capacity: &Capacity, language: Language) -> String {
    let (ordered, total) = (grouped_feet(capacity.ordered), grouped_feet(capacity.total));
    match (capacity.limit, language) {
        (Some(limit), Language::English) if capacity.exceeded() => format!(
            "The suggested orders add {ordered} cu ft: with the stock, {total} cu ft — over the \
             {} cu ft limit",
            grouped_feet(limit)
        ),
        (Some(limit), Language::Chinese) if capacity.exceeded() => format!(
            "建议订单共 {ordered} 立方英尺：加上现有库存为 {total} 立方英尺，超过 {} 立方英尺的库容上限",
            grouped_feet(limit)
        ),
        (Some(limit), Language::English) => format!(
            "The suggested orders add {ordered} cu ft: with the stock, {total} of {} cu ft",
            grouped_feet(limit)
        ),
        (Some(limit), Language::Chinese) => format!(
            "建议订单共 {ordered} 立方英尺：加上现有库存为 {total} 立方英尺（上限 {}）",
            grouped_feet(limit)
        ),
        (None, Language::English) => {
            format!("The suggested orders add {ordered} cu ft: with the stock, {total} cu ft")
        }
        (None, Language::Chinese) => {
            format!("建议订单共 {ordered} 立方英尺：加上现有库存为 {total} 立方英尺")
        }
    }
}

#[allow(clippy::cast_possible_truncation)] // cubic feet
fn grouped_feet(feet: f64) -> String {
    grouped(feet.round() as i64)
}
