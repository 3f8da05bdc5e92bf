//! The KPIs opsdeck computes: their names (part of the JSON contract), which
//! direction is good, and how a change is measured. Pure: std only.

use std::fmt;

use super::settings::Language;

/// What kind of quantity a metric is, for formatting and for measuring change.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    Money,
    Count,
    /// A fraction shown as a percentage; its change is in points.
    Ratio,
    /// A plain number (days, turns per year, an index score).
    Number,
    /// A rank where 1 is best.
    Rank,
    /// Stars from 1 to 5.
    Stars,
}

/// Which way is good.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    HigherIsBetter,
    LowerIsBetter,
    /// Neither way is good or bad by itself (ad spend, inbound units).
    Neutral,
}

macro_rules! metrics {
    ($($variant:ident => $name:literal, $unit:ident, $direction:ident, $label:literal, $zh:literal;)*) => {
        /// A KPI. `Metric::ALL` lists them in display order.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Metric { $($variant),* }

        impl Metric {
            pub const ALL: [Metric; [$(Metric::$variant),*].len()] = [$(Metric::$variant),*];
            pub const COUNT: usize = Self::ALL.len();

            /// The machine name used in JSON and CSV.
            pub fn name(self) -> &'static str {
                match self { $(Metric::$variant => $name),* }
            }

            pub fn unit(self) -> Unit {
                match self { $(Metric::$variant => Unit::$unit),* }
            }

            pub fn direction(self) -> Direction {
                match self { $(Metric::$variant => Direction::$direction),* }
            }

            /// A short English label for tables.
            pub fn label(self) -> &'static str {
                match self { $(Metric::$variant => $label),* }
            }

            /// The label in `language`.
            pub fn label_in(self, language: Language) -> &'static str {
                match language {
                    Language::English => self.label(),
                    Language::Chinese => match self { $(Metric::$variant => $zh),* },
                }
            }
        }
    };
}

metrics! {
    Sales => "sales", Money, HigherIsBetter, "Sales", "销售额";
    Units => "units", Count, HigherIsBetter, "Units", "销量";
    Orders => "orders", Count, HigherIsBetter, "Orders", "订单";
    Sessions => "sessions", Count, HigherIsBetter, "Sessions", "访问量";
    PageViews => "page_views", Count, HigherIsBetter, "Page views", "浏览量";
    Conversion => "conversion", Ratio, HigherIsBetter, "Conversion", "转化率";
    BuyBox => "buy_box", Ratio, HigherIsBetter, "Buy Box", "购物车";
    AdSpend => "ad_spend", Money, Neutral, "Ad spend", "广告花费";
    AdSales => "ad_sales", Money, HigherIsBetter, "Ad sales", "广告销售";
    AdOrders => "ad_orders", Count, HigherIsBetter, "Ad orders", "广告订单";
    Impressions => "impressions", Count, HigherIsBetter, "Impressions", "曝光";
    Clicks => "clicks", Count, HigherIsBetter, "Clicks", "点击";
    Acos => "acos", Ratio, LowerIsBetter, "ACoS", "ACoS";
    Roas => "roas", Number, HigherIsBetter, "ROAS", "ROAS";
    Ctr => "ctr", Ratio, HigherIsBetter, "CTR", "点击率";
    Cpc => "cpc", Money, LowerIsBetter, "CPC", "CPC";
    Tacos => "tacos", Ratio, LowerIsBetter, "Ad share", "广告占比";
    GrossProfit => "gross_profit", Money, HigherIsBetter, "Gross profit", "毛利";
    GrossMargin => "gross_margin", Ratio, HigherIsBetter, "Gross margin", "毛利率";
    AvailableUnits => "available_units", Count, Neutral, "Available", "可售库存";
    InboundUnits => "inbound_units", Count, Neutral, "Inbound", "在途";
    DaysOfSupply => "days_of_supply", Number, HigherIsBetter, "Days of supply", "可售天数";
    InventoryTurnover => "inventory_turnover", Number, HigherIsBetter, "Turnover", "周转";
    Aged181PlusUnits => "aged_181_plus_units", Count, LowerIsBetter, "Aged 181+", "库龄181+";
    StorageSurcharge => "storage_surcharge", Money, LowerIsBetter, "Aged surcharge", "超龄费";
    ReturnedUnits => "returned_units", Count, LowerIsBetter, "Returned", "退货数";
    ReturnRate => "return_rate", Ratio, LowerIsBetter, "Return rate", "退货率";
    Odr => "odr", Ratio, LowerIsBetter, "ODR", "ODR";
    Ipi => "ipi", Number, HigherIsBetter, "IPI", "IPI";
    Bsr => "bsr", Rank, LowerIsBetter, "BSR", "BSR";
    Rating => "rating", Stars, HigherIsBetter, "Rating", "评分";
}

impl Metric {
    /// A label of at most 11 characters, for table headers.
    pub fn short_label(self) -> &'static str {
        match self {
            Metric::Conversion => "Conv.",
            Metric::DaysOfSupply => "Days supply",
            Metric::ReturnRate => "Returns",
            Metric::InventoryTurnover => "Turnover",
            Metric::Aged181PlusUnits => "Aged 181+",
            Metric::StorageSurcharge => "Surcharge",
            Metric::GrossProfit => "Profit",
            Metric::GrossMargin => "Margin",
            other => other.label(),
        }
    }

    /// Position in `Metric::ALL`, for fixed-size per-metric arrays.
    pub fn index(self) -> usize {
        self as usize
    }

    /// The metric named `name`, as in JSON.
    pub fn from_name(name: &str) -> Option<Metric> {
        Self::ALL.into_iter().find(|m| m.name() == name)
    }

    /// Week-over-week change: relative for amounts and counts (0.1 = +10 %),
    /// in points for ratios (0.02 = +2 points). `None` without a base.
    pub fn change(self, value: Option<f64>, previous: Option<f64>) -> Option<f64> {
        let (value, previous) = (value?, previous?);
        if value.is_infinite() || previous.is_infinite() {
            return None;
        }
        match self.unit() {
            Unit::Ratio | Unit::Stars => Some(value - previous),
            Unit::Money | Unit::Count | Unit::Number | Unit::Rank => {
                (previous != 0.0).then(|| value / previous - 1.0)
            }
        }
    }

    /// Whether a change is good, bad or neither for this metric.
    pub fn change_is_good(self, change: f64) -> Option<bool> {
        if change == 0.0 {
            return None;
        }
        match self.direction() {
            Direction::HigherIsBetter => Some(change > 0.0),
            Direction::LowerIsBetter => Some(change < 0.0),
            Direction::Neutral => None,
        }
    }
}

impl fmt::Display for Metric {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// One value per metric; `None` where an input is missing or a ratio undefined.
/// Stored as NaN-for-missing floats: half the size of `Option<f64>`, which
/// matters with a hundred thousand SKUs.
#[derive(Debug, Clone)]
pub struct MetricValues([f64; Metric::COUNT]);

impl Default for MetricValues {
    fn default() -> Self {
        Self([f64::NAN; Metric::COUNT])
    }
}

impl PartialEq for MetricValues {
    fn eq(&self, other: &Self) -> bool {
        Metric::ALL.iter().all(|&m| self.get(m) == other.get(m))
    }
}

impl MetricValues {
    pub fn get(&self, metric: Metric) -> Option<f64> {
        let value = self.0[metric.index()];
        (!value.is_nan()).then_some(value)
    }

    /// Sets a value; infinities and NaN count as missing. Money is rounded
    /// to the cent here, once, where every figure is made: a sum of many
    /// prices never shows as `119810.41000000002` in JSON, CSV or a sheet.
    /// `ACoS` alone may be infinite: ad spend that sold nothing is the worst
    /// `ACoS` there is, never a missing one.
    pub fn set(&mut self, metric: Metric, value: Option<f64>) {
        let unbounded = |v: &f64| metric == Metric::Acos && *v == f64::INFINITY;
        let value = value
            .filter(|v| v.is_finite() || unbounded(v))
            .map(|v| match metric.unit() {
                Unit::Money => (v * 100.0).round() / 100.0,
                _ => v,
            });
        self.0[metric.index()] = value.unwrap_or(f64::NAN);
    }
}

/// `part ÷ whole`, or `None` when either is missing or the whole is zero.
pub fn ratio(part: Option<f64>, whole: Option<f64>) -> Option<f64> {
    let (part, whole) = (part?, whole?);
    (whole != 0.0).then(|| part / whole)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_stable_and_unique() {
        let mut names: Vec<&str> = Metric::ALL.iter().map(|m| m.name()).collect();
        assert_eq!(Metric::from_name("acos"), Some(Metric::Acos));
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), Metric::COUNT);
    }

    #[test]
    fn changes_are_relative_for_amounts_and_points_for_ratios() {
        let sales = Metric::Sales.change(Some(110.0), Some(100.0)).unwrap();
        assert!((sales - 0.1).abs() < 1e-12);
        let acos = Metric::Acos.change(Some(0.30), Some(0.25)).unwrap();
        assert!((acos - 0.05).abs() < 1e-12);
        assert_eq!(Metric::Sales.change(Some(5.0), Some(0.0)), None);
        assert_eq!(Metric::Sales.change(None, Some(1.0)), None);
    }

    #[test]
    fn a_rising_acos_is_bad_and_rising_sales_good() {
        assert_eq!(Metric::Acos.change_is_good(0.02), Some(false));
        assert_eq!(Metric::Sales.change_is_good(0.02), Some(true));
        assert_eq!(Metric::Bsr.change_is_good(0.5), Some(false));
        assert_eq!(Metric::AdSpend.change_is_good(0.5), None);
    }

    #[test]
    fn ratios_of_nothing_are_missing_not_zero_or_infinite() {
        assert_eq!(ratio(Some(5.0), Some(0.0)), None);
        assert_eq!(ratio(None, Some(2.0)), None);
        assert_eq!(ratio(Some(1.0), Some(4.0)), Some(0.25));
        let mut values = MetricValues::default();
        values.set(Metric::Roas, Some(f64::INFINITY));
        assert_eq!(values.get(Metric::Roas), None);
        // Spend that sold nothing: the worst ACoS, not a missing one.
        values.set(Metric::Acos, Some(f64::INFINITY));
        assert_eq!(values.get(Metric::Acos), Some(f64::INFINITY));
        assert_eq!(Metric::Acos.change(Some(f64::INFINITY), Some(0.2)), None);
    }
}
