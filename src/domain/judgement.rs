//! Judging a KPI against its target: `ok`, `watch` or `breach`, or `none`
//! when it has no target. Pure: std only.

use std::fmt;

use super::metric::Metric;
use super::settings::Targets;

/// How a value stands against its target.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Status {
    /// No target for this metric (or no value to judge).
    None,
    Ok,
    Watch,
    Breach,
}

impl Status {
    /// The machine name used in JSON.
    pub fn name(self) -> &'static str {
        match self {
            Status::None => "none",
            Status::Ok => "ok",
            Status::Watch => "watch",
            Status::Breach => "breach",
        }
    }

    /// The symbol shown beside a value, so status reads without colour.
    pub fn symbol(self) -> &'static str {
        match self {
            Status::None => " ",
            Status::Ok => "✔",
            Status::Watch => "▲",
            Status::Breach => "✖",
        }
    }
}

impl fmt::Display for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A target a value is judged against.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Target {
    /// At or above `0`; within `WATCH_MARGIN` below it is `watch`.
    AtLeast(f64),
    /// At or below `0`; within `WATCH_MARGIN` above it is `watch`.
    AtMost(f64),
    /// Strictly below `0`; from 80 % of it up is `watch`, at or above it `breach`.
    Below(f64),
    /// Within `min..=max` is ok; outside is `watch`; above `max + breach_margin`
    /// or below `min - breach_margin` is `breach`.
    Band {
        min: f64,
        max: f64,
        breach_margin: f64,
    },
}

/// How far (relative) a value may miss an at-least / at-most target and only be `watch`.
pub const WATCH_MARGIN: f64 = 0.2;

impl Target {
    /// The status of `value` against this target.
    pub fn judge(self, value: f64) -> Status {
        match self {
            Target::AtLeast(target) if value >= target => Status::Ok,
            Target::AtLeast(target) if value >= target * (1.0 - WATCH_MARGIN) => Status::Watch,
            Target::AtMost(target) if value <= target => Status::Ok,
            Target::AtMost(target) if value <= target * (1.0 + WATCH_MARGIN) => Status::Watch,
            Target::AtLeast(_) | Target::AtMost(_) => Status::Breach,
            Target::Below(limit) if value >= limit => Status::Breach,
            Target::Below(limit) if value >= limit * 0.8 => Status::Watch,
            Target::Below(_) => Status::Ok,
            Target::Band { min, max, .. } if (min..=max).contains(&value) => Status::Ok,
            Target::Band {
                min,
                max,
                breach_margin,
            } => {
                if value > max + breach_margin || value < min - breach_margin {
                    Status::Breach
                } else {
                    Status::Watch
                }
            }
        }
    }

    /// The figure a report shows as "the target": the bound, or the band's upper edge.
    pub fn headline(self) -> f64 {
        match self {
            Target::AtLeast(t) | Target::AtMost(t) | Target::Below(t) => t,
            Target::Band { max, .. } => max,
        }
    }
}

/// The playbook target of `metric`, where it has one. `conversion_target` is
/// the category mean that applies to the row (the account uses the default).
pub fn target_of(metric: Metric, targets: &Targets, conversion_target: f64) -> Option<Target> {
    Some(match metric {
        Metric::Acos => Target::AtMost(targets.acos),
        Metric::Tacos => Target::Band {
            min: targets.ad_share_min,
            max: targets.ad_share_max,
            breach_margin: targets.ad_share_breach_margin,
        },
        Metric::InventoryTurnover => Target::AtLeast(targets.inventory_turnover),
        Metric::Odr => Target::Below(targets.odr),
        Metric::Conversion => Target::AtLeast(conversion_target),
        Metric::BuyBox => Target::AtLeast(targets.buy_box),
        Metric::Ipi => Target::AtLeast(targets.ipi),
        Metric::GrossMargin => Target::AtLeast(targets.gross_margin),
        Metric::ReturnRate => Target::AtMost(targets.return_rate),
        Metric::DaysOfSupply => Target::AtLeast(targets.lead_time_days),
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn at_most_targets() {
        let acos = Target::AtMost(0.25);
        assert_eq!(acos.judge(0.25), Status::Ok);
        assert_eq!(acos.judge(0.29), Status::Watch);
        assert_eq!(acos.judge(0.31), Status::Breach);
    }

    #[test]
    fn at_least_targets() {
        let buy_box = Target::AtLeast(0.95);
        assert_eq!(buy_box.judge(0.97), Status::Ok);
        assert_eq!(buy_box.judge(0.80), Status::Watch);
        assert_eq!(buy_box.judge(0.70), Status::Breach);
    }

    #[test]
    fn ad_share_band_watch_outside_breach_five_points_above() {
        let band = Target::Band {
            min: 0.15,
            max: 0.25,
            breach_margin: 0.05,
        };
        assert_eq!(band.judge(0.20), Status::Ok);
        assert_eq!(band.judge(0.12), Status::Watch);
        assert_eq!(band.judge(0.28), Status::Watch);
        assert_eq!(band.judge(0.31), Status::Breach);
        assert_eq!(band.judge(0.05), Status::Breach);
    }

    #[test]
    fn odr_must_stay_below_one_percent() {
        let odr = Target::Below(0.01);
        assert_eq!(odr.judge(0.004), Status::Ok);
        assert_eq!(odr.judge(0.009), Status::Watch);
        assert_eq!(odr.judge(0.01), Status::Breach);
    }

    #[test]
    fn only_targeted_metrics_have_targets() {
        let targets = Targets::default();
        assert_eq!(target_of(Metric::Sales, &targets, 0.1), None);
        assert_eq!(
            target_of(Metric::Conversion, &targets, 0.12),
            Some(Target::AtLeast(0.12))
        );
        assert_eq!(
            target_of(Metric::DaysOfSupply, &targets, 0.1),
            Some(Target::AtLeast(35.0))
        );
    }
}
