//! The diagnosis rules, one function each: when a rule fires, on what
//! evidence, how severe, and how much money is at stake — the money the
//! team stands to lose over the next four weeks if nothing is done: lost
//! gross profit (sales where costs are unknown) for sales problems, the fee
//! or the spend for cost problems, never the retail value of stock.
//! Pure: std only.

use super::anomaly::{Anomaly, DIAGNOSIS_LOOKBACK};
use super::facts::{ReturnLine, SkuCost};
use super::format::{change, count, money, percent, value};
use super::judgement::Status;
use super::metric::Metric;
use super::replenishment::{AT_STAKE_DAYS, SupplyLine};
use super::review::{Figures, MetricCell, Review, SkuRow, TREND_WEEKS};
use super::rule_book::Rule;
use super::settings::{Language, Settings};
use super::voice::pain_points;
use super::words::Said;

/// What a rule looks at: one row (a SKU or the account) and the settings.
struct Subject<'a> {
    row: Option<&'a SkuRow>,
    figures: &'a Figures,
    settings: &'a Settings,
    currency: &'a str,
    /// The SKU's costs, when `costs.csv` gives them.
    cost: Option<&'a SkuCost>,
}

/// Weeks in the four weeks money at stake is counted over.
const AT_STAKE_WEEKS: f64 = AT_STAKE_DAYS / 7.0;

impl<'a> Subject<'a> {
    /// A SKU row of the review as a rule sees it.
    fn of_row(
        row: &'a SkuRow,
        review: &'a Review,
        settings: &'a Settings,
        cost: Option<&'a SkuCost>,
    ) -> Self {
        Subject {
            row: Some(row),
            figures: &row.figures,
            settings,
            currency: &review.currency,
            cost,
        }
    }

    fn cell(&self, metric: Metric) -> MetricCell {
        self.figures.cell(metric, self.settings)
    }

    fn now(&self, metric: Metric) -> Option<f64> {
        self.figures.current.get(metric)
    }

    fn before(&self, metric: Metric) -> Option<f64> {
        self.figures.previous.get(metric)
    }

    /// Average selling price this week (or last week when nothing sold).
    fn price(&self) -> f64 {
        let price = |values: &super::metric::MetricValues| {
            super::metric::ratio(values.get(Metric::Sales), values.get(Metric::Units))
        };
        price(&self.figures.current)
            .or_else(|| price(&self.figures.previous))
            .unwrap_or(0.0)
    }

    /// Gross profit of one unit sold at `price()`: price less unit cost, FBA
    /// fee and referral fee; the price itself where costs are unknown.
    fn unit_margin(&self) -> f64 {
        let price = self.price();
        match self.cost {
            Some(cost) => {
                (price - (cost.unit_cost + cost.fba_fee).to_f64() - price * cost.referral_rate)
                    .max(0.0)
            }
            None => price,
        }
    }

    /// Gross profit of `values` (a week's), or its sales where costs are unknown.
    fn profit_or_sales(values: &super::metric::MetricValues) -> f64 {
        values
            .get(Metric::GrossProfit)
            .or_else(|| values.get(Metric::Sales))
            .unwrap_or(0.0)
    }

    fn show(&self, metric: Metric, figure: f64) -> String {
        value(metric, figure, self.currency)
    }

    fn anomaly(
        &self,
        rule: Rule,
        severity: Status,
        metric: Metric,
        message: Said,
        at_stake: f64,
    ) -> Anomaly {
        Anomaly {
            rule,
            severity,
            sku: self
                .row
                .map(|r| r.sku.clone().unwrap_or_else(|| r.key.clone())),
            asin: self.row.map(|r| r.asin.clone()),
            title: self.row.map(|r| r.title.clone()),
            metric,
            value: self.now(metric),
            previous: self.before(metric),
            message,
            evidence: Vec::new(),
            at_stake: at_stake.max(0.0),
        }
    }

    /// Fires `rule` when `metric` misses its target.
    fn off_target(
        &self,
        rule: Rule,
        metric: Metric,
        at_stake: impl Fn(f64, f64) -> f64,
    ) -> Option<Anomaly> {
        let cell = self.cell(metric);
        let (Some(now), Some(target)) = (cell.value, cell.target) else {
            return None;
        };
        if !matches!(cell.status, Status::Watch | Status::Breach) {
            return None;
        }
        let (shown, goal) = (self.show(metric, now), self.show(metric, target.headline()));
        let message = Said::new(
            format!("{} is {shown} against a target of {goal}", metric.label()),
            format!(
                "{}为 {shown}，目标 {goal}",
                metric.label_in(Language::Chinese)
            ),
        );
        Some(self.anomaly(
            rule,
            cell.status,
            metric,
            message,
            at_stake(now, target.headline()),
        ))
    }
}

/// A threshold count as a float; thresholds are small, far from 2^52.
#[allow(clippy::cast_precision_loss)]
fn as_f64(count: i64) -> f64 {
    count as f64
}

/// Rules about the whole account.
pub fn account_rules(review: &Review, settings: &Settings) -> Vec<Anomaly> {
    let subject = Subject {
        row: None,
        figures: &review.account,
        settings,
        currency: &review.currency,
        cost: None,
    };
    let sales = subject.now(Metric::Sales).unwrap_or(0.0);
    let profit = Subject::profit_or_sales(&review.account.current);
    [
        // The spend beyond the band, or the ad-driven sales below it, for four weeks.
        subject.off_target(Rule::AdShareOutOfBand, Metric::Tacos, |now, _| {
            let t = &settings.targets;
            let edge = if now > t.ad_share_max {
                t.ad_share_max
            } else {
                t.ad_share_min
            };
            (now - edge).abs() * sales * AT_STAKE_WEEKS
        }),
        // The whole account's gross profit is at stake when its health slips.
        subject.off_target(Rule::OdrOverTarget, Metric::Odr, |_, _| {
            profit * AT_STAKE_WEEKS
        }),
        // Storage limits and fees below the threshold: 5 % of the gross profit.
        subject.off_target(Rule::IpiBelowThreshold, Metric::Ipi, |_, _| {
            profit * 0.05 * AT_STAKE_WEEKS
        }),
    ]
    .into_iter()
    .flatten()
    .collect()
}

/// Rules about one SKU's own figures (the supply plan's are `pool_rules`).
pub fn sku_rules(
    row: &SkuRow,
    review: &Review,
    returns: Option<&[ReturnLine]>,
    settings: &Settings,
    cost: Option<&SkuCost>,
) -> Vec<Anomaly> {
    let subject = Subject::of_row(row, review, settings, cost);
    let sales = subject.now(Metric::Sales).unwrap_or(0.0);
    let units = subject.now(Metric::Units).unwrap_or(0.0);
    let mut fired = vec![
        conversion_drop(&subject),
        ad_spend_spike(&subject),
        // The spend beyond what the target ACoS allows, for four weeks.
        subject.off_target(Rule::AcosOverTarget, Metric::Acos, |now, target| {
            subject.now(Metric::AdSales).unwrap_or(0.0) * (now - target) * AT_STAKE_WEEKS
        }),
        low_ctr(&subject),
        return_spike(&subject, returns),
        aged_inventory(&subject),
        listing_inactive(&subject),
        inventory_unaccounted(&subject),
        // The units the missing share of the Buy Box would have sold, for four weeks.
        subject.off_target(Rule::BuyBoxLoss, Metric::BuyBox, |now, target| {
            let lost = if now > 0.0 {
                units * (target - now) / now
            } else {
                0.0
            };
            lost * subject.unit_margin() * AT_STAKE_WEEKS
        }),
        // The gross profit below the target margin, for four weeks.
        subject.off_target(
            Rule::MarginBelowTarget,
            Metric::GrossMargin,
            |now, target| sales * (target - now) * AT_STAKE_WEEKS,
        ),
        bsr_worsening(&subject),
    ];
    fired.retain(Option::is_some);
    fired.into_iter().flatten().collect()
}

/// Rules about a stock pool, on the row of the SKU it orders as.
pub fn pool_rules(
    row: &SkuRow,
    line: &SupplyLine,
    review: &Review,
    settings: &Settings,
    cost: Option<&SkuCost>,
) -> Vec<Anomaly> {
    let subject = Subject::of_row(row, review, settings, cost);
    [
        stockout_risk(&subject, line),
        stockout_during_event(&subject, line),
    ]
    .into_iter()
    .flatten()
    .collect()
}

fn conversion_drop(s: &Subject<'_>) -> Option<Anomaly> {
    let t = &s.settings.thresholds;
    let (now, before) = (s.now(Metric::Conversion)?, s.before(Metric::Conversion)?);
    let sessions = s.now(Metric::Sessions)?;
    if before <= 0.0 || sessions < as_f64(t.conversion_min_sessions) {
        return None;
    }
    let drop = (before - now) / before;
    if drop < t.conversion_drop {
        return None;
    }
    let severity = if drop >= 2.0 * t.conversion_drop {
        Status::Breach
    } else {
        Status::Watch
    };
    let (from, to, sessions_seen) = (percent(before), percent(now), count(sessions));
    let message = Said::new(
        format!(
            "Conversion fell from {from} to {to} (−{:.0}%) on {sessions_seen} sessions",
            drop * 100.0
        ),
        format!(
            "转化率从 {from} 降到 {to}（−{:.0}%），访问量 {sessions_seen}",
            drop * 100.0
        ),
    );
    let lost_units = (before - now) * sessions;
    Some(s.anomaly(
        Rule::ConversionDrop,
        severity,
        Metric::Conversion,
        message,
        lost_units * s.unit_margin() * AT_STAKE_WEEKS,
    ))
}

fn ad_spend_spike(s: &Subject<'_>) -> Option<Anomaly> {
    let (spend, spend_before) = (s.now(Metric::AdSpend)?, s.before(Metric::AdSpend)?);
    let (sales, sales_before) = (s.now(Metric::AdSales)?, s.before(Metric::AdSales)?);
    if spend_before <= 0.0 {
        return None;
    }
    let growth = spend / spend_before - 1.0;
    let sales_growth = if sales_before > 0.0 {
        sales / sales_before - 1.0
    } else {
        f64::INFINITY
    };
    if growth < s.settings.thresholds.ad_spend_spike || sales_growth >= growth / 2.0 {
        return None;
    }
    let severity = if growth >= 1.0 {
        Status::Breach
    } else {
        Status::Watch
    };
    let rise = change(Metric::AdSpend, growth);
    let (from, to) = (money(spend_before, s.currency), money(spend, s.currency));
    let message = if sales_before > 0.0 {
        let sales_change = change(Metric::AdSales, sales_growth);
        Said::new(
            format!("Ad spend rose {rise} ({from} → {to}) while ad sales changed {sales_change}"),
            format!("广告花费增长 {rise}（{from} → {to}），广告销售额只变化 {sales_change}"),
        )
    } else {
        Said::new(
            format!("Ad spend rose {rise} ({from} → {to}) while ad sales changed from nothing"),
            format!("广告花费增长 {rise}（{from} → {to}），而上周没有广告销售额"),
        )
    };
    Some(s.anomaly(
        Rule::AdSpendSpike,
        severity,
        Metric::AdSpend,
        message,
        (spend - spend_before) * AT_STAKE_WEEKS,
    ))
}

fn low_ctr(s: &Subject<'_>) -> Option<Anomaly> {
    let t = &s.settings.thresholds;
    let (ctr, impressions) = (s.now(Metric::Ctr)?, s.now(Metric::Impressions)?);
    if impressions < as_f64(t.low_ctr_min_impressions) || ctr >= t.low_ctr {
        return None;
    }
    let (rate, seen, floor) = (ctr * 100.0, count(impressions), t.low_ctr * 100.0);
    let message = Said::new(
        format!(
            "CTR is {rate:.2}% on {seen} impressions (below {floor:.2}%): exposure that does not earn clicks"
        ),
        format!("点击率 {rate:.2}%，曝光 {seen} 次（低于 {floor:.2}%）：有曝光却没有点击"),
    );
    let spend = s.now(Metric::AdSpend).unwrap_or(0.0);
    Some(s.anomaly(
        Rule::LowCtr,
        Status::Watch,
        Metric::Ctr,
        message,
        spend * AT_STAKE_WEEKS,
    ))
}

fn return_spike(s: &Subject<'_>, returns: Option<&[ReturnLine]>) -> Option<Anomaly> {
    let t = &s.settings.thresholds;
    let (rate, returned) = (s.now(Metric::ReturnRate)?, s.now(Metric::ReturnedUnits)?);
    if returned < as_f64(t.return_min_units) {
        return None;
    }
    let trailing = trailing_return_rate(s.figures);
    let fires = match trailing {
        Some(average) => rate >= t.return_spike_factor * average,
        None => rate > t.return_rate_without_history,
    };
    if !fires {
        return None;
    }
    let (shown, back, sold) = (
        percent(rate),
        count(returned),
        count(s.now(Metric::Units).unwrap_or(0.0)),
    );
    let message = match trailing {
        Some(average) => Said::new(
            format!(
                "Return rate is {shown} ({back} of {sold} units) against a 4-week average of {}",
                percent(average)
            ),
            format!(
                "退货率 {shown}（{sold} 件中退回 {back} 件），前 4 周平均 {}",
                percent(average)
            ),
        ),
        None => Said::new(
            format!(
                "Return rate is {shown} ({back} of {sold} units) against no history to compare with"
            ),
            format!("退货率 {shown}（{sold} 件中退回 {back} 件），没有历史可比"),
        ),
    };
    // The returns above the usual rate, each a sale's gross profit refunded, for four weeks.
    let usual = trailing.unwrap_or(0.0) * s.now(Metric::Units).unwrap_or(0.0);
    let mut anomaly = s.anomaly(
        Rule::ReturnSpike,
        Status::Breach,
        Metric::ReturnRate,
        message,
        (returned - usual).max(0.0) * s.unit_margin() * AT_STAKE_WEEKS,
    );
    anomaly.evidence = return_evidence(s, returns);
    Some(anomaly)
}

/// Returned ÷ sold over the weeks of the lookback, from summed parts.
fn trailing_return_rate(figures: &Figures) -> Option<f64> {
    trailing_ratio(figures, Metric::ReturnedUnits, Metric::Units)
}

/// `part` ÷ `whole` over the weeks of the lookback that have both, from summed parts.
fn trailing_ratio(figures: &Figures, part: Metric, whole: Metric) -> Option<f64> {
    let weeks = TREND_WEEKS - 1 - DIAGNOSIS_LOOKBACK..TREND_WEEKS - 1;
    let (parts, wholes) = weeks
        .filter_map(|w| {
            Some((
                figures.trend_value(part, w)?,
                figures.trend_value(whole, w)?,
            ))
        })
        .fold((0.0, 0.0), |(p, w), (part, whole)| (p + part, w + whole));
    (wholes > 0.0).then(|| parts / wholes)
}

fn return_evidence(s: &Subject<'_>, returns: Option<&[ReturnLine]>) -> Vec<Said> {
    let Some(row) = s.row else { return Vec::new() };
    let own: Vec<ReturnLine> = returns
        .unwrap_or_default()
        .iter()
        .filter(|line| {
            row.sku
                .as_deref()
                .map_or(line.asin == row.asin, |sku| line.sku == sku)
        })
        .cloned()
        .collect();
    let mut evidence = Vec::new();
    for point in pain_points(&own).iter().take(3) {
        evidence.push(Said::new(
            format!(
                "{} units: {}",
                point.units,
                point.reason_in(Language::English)
            ),
            format!("{} 件：{}", point.units, point.reason_in(Language::Chinese)),
        ));
        evidence.extend(
            point
                .comments
                .iter()
                .take(2)
                .map(|c| Said::same(format!("  “{c}”"))),
        );
    }
    evidence
}

fn stockout_risk(s: &Subject<'_>, line: &SupplyLine) -> Option<Anomaly> {
    let days = line.cover_days?;
    let lead = line.lead_time_days();
    if days >= lead {
        return None;
    }
    let severity = if days < lead / 2.0 {
        Status::Breach
    } else {
        Status::Watch
    };
    let (stock, per_day) = (count(as_f64(line.stock())), line.velocity);
    let held = held_by(line);
    let message = Said::new(
        format!(
            "{days:.0} days of supply against a {lead:.0}-day lead time ({stock} units {}, {per_day:.1} sold a day)",
            held.en
        ),
        format!(
            "可售 {days:.0} 天，补货周期 {lead:.0} 天（{}共 {stock} 件，日销 {per_day:.1} 件）",
            held.zh
        ),
    );
    let mut anomaly = s.anomaly(
        Rule::StockoutRisk,
        severity,
        Metric::DaysOfSupply,
        message,
        line.units_short * s.unit_margin(),
    );
    anomaly.value = Some(days);
    Some(anomaly)
}

fn stockout_during_event(s: &Subject<'_>, line: &SupplyLine) -> Option<Anomaly> {
    let shortfall = line.shortfall.as_ref()?;
    let (event, days) = (&shortfall.event, shortfall.days_short);
    let (stock, held) = (count(as_f64(line.stock())), held_by(line));
    let message = Said::new(
        format!(
            "runs out {days} days before {event} ends ({stock} units {}, {:.1} sold a day)",
            held.en, line.velocity
        ),
        format!(
            "在 {event} 结束前 {days} 天断货（{}共 {stock} 件，日销 {:.1} 件）",
            held.zh, line.velocity
        ),
    );
    Some(s.anomaly(
        Rule::StockoutDuringEvent,
        Status::Breach,
        Metric::DaysOfSupply,
        message,
        shortfall.units_short * s.unit_margin(),
    ))
}

/// Where a pool's stock is: "of HK-SB-BPA + HK-SB-BPA-R" for a pool of
/// several SKUs, "available and inbound" for one.
fn held_by(line: &SupplyLine) -> Said {
    if line.is_pooled() {
        let skus = line.member_names();
        Said::new(format!("of {skus}"), format!("{skus} "))
    } else {
        Said::new("available and inbound".to_owned(), "可售和在途".to_owned())
    }
}

fn aged_inventory(s: &Subject<'_>) -> Option<Anomaly> {
    let aged = s.now(Metric::Aged181PlusUnits)?;
    let surcharge = s.now(Metric::StorageSurcharge).unwrap_or(0.0);
    if aged <= 0.0 && surcharge <= 0.0 {
        return None;
    }
    let (units, fee) = (count(aged), money(surcharge, s.currency));
    let message = Said::new(
        format!("{units} units aged 181+ days; estimated surcharge {fee}"),
        format!("{units} 件库龄超过 181 天；预计超龄费 {fee}"),
    );
    // The surcharge is estimated for the month ahead: the cost of doing nothing.
    Some(s.anomaly(
        Rule::AgedInventory,
        Status::Watch,
        Metric::Aged181PlusUnits,
        message,
        surcharge,
    ))
}

fn listing_inactive(s: &Subject<'_>) -> Option<Anomaly> {
    let (now, before) = (s.now(Metric::Sessions)?, s.before(Metric::Sessions)?);
    if now > 0.0 || before <= 0.0 {
        return None;
    }
    let message = Said::new(
        format!("No sessions this week ({} the week before)", count(before)),
        format!("本周没有访问（上周 {} 次）", count(before)),
    );
    let lost = Subject::profit_or_sales(&s.figures.previous) * AT_STAKE_WEEKS;
    Some(s.anomaly(
        Rule::ListingInactive,
        Status::Breach,
        Metric::Sessions,
        message,
        lost,
    ))
}

fn bsr_worsening(s: &Subject<'_>) -> Option<Anomaly> {
    let (now, before) = (s.now(Metric::Bsr)?, s.before(Metric::Bsr)?);
    if before <= 0.0 {
        return None;
    }
    let worse = now / before - 1.0;
    if worse < s.settings.thresholds.bsr_worsening {
        return None;
    }
    let (fall, from, to) = (change(Metric::Bsr, worse), count(before), count(now));
    let message = Said::new(
        format!("Best Sellers Rank worsened {fall} (#{from} → #{to})"),
        format!("畅销排名下滑 {fall}（#{from} → #{to}）"),
    );
    // Half the rank's fall as lost units, at the unit's gross profit, for four weeks.
    let units = s.now(Metric::Units).unwrap_or(0.0);
    Some(s.anomaly(
        Rule::BsrWorsening,
        Status::Watch,
        Metric::Bsr,
        message,
        units * worse.min(1.0) * 0.5 * s.unit_margin() * AT_STAKE_WEEKS,
    ))
}

/// FBA units that fell by more than what explains it: units sold, less units
/// returned, plus units removed (no report opsdeck reads gives removals: 0),
/// less units received from inbound (at least last week's inbound less
/// this week's). Fires at 5 % of last week's units and at least 10 units.
fn inventory_unaccounted(s: &Subject<'_>) -> Option<Anomaly> {
    let row = s.row?;
    let (now, before) = (row.stock.as_ref()?, row.stock_before.as_ref()?);
    let (units_now, units_before) = (now.fba_units?, before.fba_units?);
    let sold = s.now(Metric::Units)?;
    let returned = s.now(Metric::ReturnedUnits).unwrap_or(0.0);
    let received = as_f64((before.inbound - now.inbound).max(0));
    let explained = sold - returned - received;
    let missing = as_f64(units_before - units_now) - explained;
    if missing < (0.05 * as_f64(units_before)).max(10.0) {
        return None;
    }
    let (from, to, gone) = (
        count(as_f64(units_before)),
        count(as_f64(units_now)),
        count(missing),
    );
    let (sold, back) = (count(sold), count(returned));
    let message = Said::new(
        format!(
            "{gone} units unaccounted for: FBA units fell from {from} to {to} with {sold} sold and {back} returned"
        ),
        format!(
            "{gone} 件去向不明：FBA 库存从 {from} 件降到 {to} 件，售出 {sold} 件，退回 {back} 件"
        ),
    );
    // What the team paid for the units; unknown without costs.
    let unit_cost = s.cost.map_or(0.0, |c| c.unit_cost.to_f64());
    let mut anomaly = s.anomaly(
        Rule::InventoryUnaccounted,
        Status::Breach,
        Metric::AvailableUnits,
        message,
        missing * unit_cost,
    );
    anomaly.value = Some(missing);
    anomaly.previous = None;
    Some(anomaly)
}

/// A star rating in tenths: 4.5 → 45, so that comparisons are exact.
#[allow(clippy::cast_possible_truncation)] // ratings of 1 to 5
fn tenths(stars: f64) -> i64 {
    (stars * 10.0).round() as i64
}

/// The rating of a child ASIN fell by 0.3 or more since last week, or below
/// 4.0. `rows` are the ASIN's SKUs, most sold first; the money is the
/// conversion lost against the four weeks before on this week's sessions.
pub fn rating_drop(
    rows: &[&SkuRow],
    review: &Review,
    settings: &Settings,
    cost: Option<&SkuCost>,
) -> Option<Anomaly> {
    let first = *rows.first()?;
    let (now, before) = (
        first.figures.current.get(Metric::Rating)?,
        first.figures.previous.get(Metric::Rating),
    );
    let fell = before.is_some_and(|b| tenths(b) - tenths(now) >= 3);
    let low = tenths(now) < 40 && before.is_none_or(|b| tenths(b) >= 40);
    if !fell && !low {
        return None;
    }
    let subject = Subject::of_row(first, review, settings, cost);
    let skus: Vec<&str> = rows
        .iter()
        .map(|r| r.sku.as_deref().unwrap_or(&r.key))
        .collect();
    let names = skus.join(", ");
    let message = match before {
        Some(b) => Said::new(
            format!(
                "Rating fell from {b:.1} to {now:.1} stars on {} ({names})",
                first.asin
            ),
            format!("{} 评分从 {b:.1} 星降到 {now:.1} 星（{names}）", first.asin),
        ),
        None => Said::new(
            format!(
                "Rating is {now:.1} stars on {}, under 4.0 ({names})",
                first.asin
            ),
            format!("{} 评分为 {now:.1} 星，低于 4.0（{names}）", first.asin),
        ),
    };
    let lost_units: f64 = rows
        .iter()
        .filter_map(|row| {
            let conversion = row.figures.current.get(Metric::Conversion)?;
            let sessions = row.figures.current.get(Metric::Sessions)?;
            let usual = trailing_ratio(&row.figures, Metric::Units, Metric::Sessions)?;
            Some((usual - conversion).max(0.0) * sessions)
        })
        .sum();
    let severity = if tenths(now) < 40 {
        Status::Breach
    } else {
        Status::Watch
    };
    Some(subject.anomaly(
        Rule::RatingDrop,
        severity,
        Metric::Rating,
        message,
        lost_units * subject.unit_margin() * AT_STAKE_WEEKS,
    ))
}

#[cfg(test)]
#[path = "rules_tests.rs"]
mod tests;
