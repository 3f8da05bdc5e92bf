//! The team's settings: meeting, agenda, targets and diagnosis thresholds,
//! with the playbook defaults that apply when `opsdeck.toml` is silent.
//! Pure: std only.

use std::collections::BTreeMap;

use super::week::WeekStart;

/// Which language the labels use.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Language {
    #[default]
    English,
    Chinese,
}

/// The cockpit's colour theme.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ThemeName {
    #[default]
    Dark,
    Light,
    /// Strong contrast for projectors and low-quality video.
    HighContrast,
}

/// One timed section of the meeting.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AgendaSection {
    pub name: String,
    pub minutes: u32,
}

/// Targets from the team's playbook. Ratios are fractions (`0.25` is 25 %).
#[derive(Debug, Clone, PartialEq)]
pub struct Targets {
    /// `ACoS` at or below this is on target.
    pub acos: f64,
    /// Ad spend ÷ sales (`TACoS`) should stay within `ad_share_min..=ad_share_max`.
    pub ad_share_min: f64,
    pub ad_share_max: f64,
    /// Above `ad_share_max` by more than this (in fraction points) is a breach.
    pub ad_share_breach_margin: f64,
    /// Annualised inventory turnover at or above this.
    pub inventory_turnover: f64,
    /// Order defect rate below this.
    pub odr: f64,
    /// Buy Box share of page views at or above this.
    pub buy_box: f64,
    /// Amazon's Inventory Performance Index at or above this.
    pub ipi: f64,
    /// Gross margin at or above this.
    pub gross_margin: f64,
    /// Returned units ÷ units ordered at or below this.
    pub return_rate: f64,
    /// Replenishment lead time: days of supply below it is a stockout risk.
    pub lead_time_days: f64,
    /// Conversion (units ÷ sessions) at or above this category mean.
    pub conversion: f64,
    /// Category means by Amazon product group (e.g. `gl_kitchen`), overriding `conversion`.
    pub conversion_by_category: BTreeMap<String, f64>,
}

impl Default for Targets {
    fn default() -> Self {
        Self {
            acos: 0.25,
            ad_share_min: 0.15,
            ad_share_max: 0.25,
            ad_share_breach_margin: 0.05,
            inventory_turnover: 4.0,
            odr: 0.01,
            buy_box: 0.95,
            ipi: 400.0,
            gross_margin: 0.30,
            return_rate: 0.05,
            lead_time_days: 35.0,
            conversion: 0.10,
            conversion_by_category: BTreeMap::new(),
        }
    }
}

/// Declares `Thresholds` from one list — each threshold's key in
/// `[thresholds]`, its type, its default as written and what it means — with
/// its `Default`, `Thresholds::KEYS` (which the config template, the README
/// and their tests read) and `Thresholds::set` (which the config reader uses).
macro_rules! thresholds {
    ($($(#[$doc:meta])* $key:ident: $kind:ident = $default:literal,)+) => {
        /// When a diagnosis rule fires.
        #[derive(Debug, Clone, PartialEq)]
        pub struct Thresholds {
            $($(#[$doc])* pub $key: $kind,)+
        }

        impl Default for Thresholds {
            fn default() -> Self {
                Self {
                    $($key: $default,)+
                }
            }
        }

        impl Thresholds {
            /// Every threshold's key in `[thresholds]` and its default as written there.
            pub const KEYS: &'static [(&'static str, &'static str)] =
                &[$((stringify!($key), stringify!($default)),)+];

            /// Sets the threshold named `key` to `number`; what was expected when it cannot.
            pub fn set(&mut self, key: &str, number: f64) -> Result<(), ThresholdProblem> {
                match key {
                    $(stringify!($key) => {
                        self.$key = <$kind as ThresholdNumber>::from_number(number)?;
                        Ok(())
                    })+
                    _ => Err(ThresholdProblem::UnknownKey),
                }
            }
        }
    };
}

/// Why a threshold cannot be set as written.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum ThresholdProblem {
    /// No threshold has that key (`Thresholds::KEYS` lists them).
    UnknownKey,
    /// The threshold counts whole things; the number is not whole.
    NotWhole(f64),
}

/// A threshold's value from a number of the config file.
trait ThresholdNumber: Sized {
    fn from_number(number: f64) -> Result<Self, ThresholdProblem>;
}

impl ThresholdNumber for f64 {
    fn from_number(number: f64) -> Result<Self, ThresholdProblem> {
        Ok(number)
    }
}

impl ThresholdNumber for i64 {
    #[allow(clippy::cast_possible_truncation)] // a whole number, checked
    fn from_number(number: f64) -> Result<Self, ThresholdProblem> {
        if number.fract() == 0.0 && number.abs() < 1e15 {
            Ok(number as i64)
        } else {
            Err(ThresholdProblem::NotWhole(number))
        }
    }
}

thresholds! {
    /// Conversion falling by this fraction week over week…
    conversion_drop: f64 = 0.15,
    /// …on at least this many sessions.
    conversion_min_sessions: i64 = 100,
    /// Ad spend rising by this fraction while ad sales rise less than half as much.
    ad_spend_spike: f64 = 0.50,
    /// CTR below this on at least `low_ctr_min_impressions` impressions.
    low_ctr: f64 = 0.002,
    low_ctr_min_impressions: i64 = 1000,
    /// Return rate at this multiple of its trailing 4-week average…
    return_spike_factor: f64 = 2.0,
    /// …with at least this many returned units.
    return_min_units: i64 = 3,
    /// Return rate above this when there is no history.
    return_rate_without_history: f64 = 0.10,
    /// BSR worsening (rising) by this fraction week over week.
    bsr_worsening: f64 = 0.20,
}

/// Everything `opsdeck.toml` configures.
#[derive(Debug, Clone, PartialEq)]
pub struct Settings {
    pub title: String,
    /// The workspace's own id, written once by `opsdeck init`: it keeps two
    /// teams' (or stores') calendar entries apart.
    pub workspace_id: Option<String>,
    pub facilitator: Option<String>,
    pub attendees: Vec<String>,
    /// ISO 4217 code of the currency the account is shown in, e.g. `USD`:
    /// the marketplace's, or the reporting currency of several marketplaces.
    pub currency: String,
    /// Exchange rates for several marketplaces: one unit of each currency
    /// in `currency` (`EUR = 1.10`).
    pub fx: std::collections::BTreeMap<String, f64>,
    pub language: Language,
    pub week_start: WeekStart,
    pub agenda: Vec<AgendaSection>,
    pub targets: Targets,
    pub thresholds: Thresholds,
    pub theme: ThemeName,
    /// Ring the terminal bell once when a section runs over.
    pub bell: bool,
    pub replenishment: Replenishment,
    pub roles: Roles,
    /// The promotions calendar.
    pub events: Vec<super::calendar::Event>,
    pub fetch: FetchSettings,
    /// The chat channels the meeting is sent to (`[[channels]]`).
    pub channels: Vec<super::channel::Channel>,
    /// How each person is mentioned on each kind of channel (`[people.X]`).
    pub people: super::channel::People,
    /// The channels the minutes go to when the meeting closes (`[send] on_close`).
    pub send_on_close: Vec<String>,
}

/// What `opsdeck fetch` fetches by default (`[fetch]`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FetchSettings {
    /// Marketplace codes (`US`, `DE`); none: `US`.
    pub marketplaces: Vec<String>,
    /// Ads profiles by marketplace code, where the profile list is not to be asked.
    pub profiles: std::collections::BTreeMap<String, u64>,
    /// The largest report document `fetch` accepts, sent or decompressed, in MB.
    pub max_document_mb: u64,
}

/// A year of a 100,000-SKU catalogue's largest report is far below it.
pub const MAX_DOCUMENT_MB: u64 = 1024;

impl Default for FetchSettings {
    fn default() -> Self {
        Self {
            marketplaces: Vec::new(),
            profiles: std::collections::BTreeMap::new(),
            max_document_mb: MAX_DOCUMENT_MB,
        }
    }
}

/// How much stock the replenishment schedule plans for.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Replenishment {
    /// Days of stock kept in hand beyond the lead time.
    pub safety_days: f64,
    /// Days of sales an order is sized to cover once it arrives.
    pub target_cover_days: f64,
    /// Days stock upstream (AWD, a warehouse) takes to be sellable at FBA
    /// when `supply.csv` gives it no date.
    pub transfer_days: f64,
    /// The cubic feet of FBA storage the account may use, when set.
    pub capacity_cubic_feet: Option<f64>,
}

impl Default for Replenishment {
    fn default() -> Self {
        Self {
            safety_days: 14.0,
            target_cover_days: 60.0,
            transfer_days: 14.0,
            capacity_cubic_feet: None,
        }
    }
}

/// Who on the team does what, for the owner of the actions opsdeck proposes.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Roles {
    /// Who sends purchase orders.
    pub purchasing: Option<String>,
    /// Each owner's e-mail address, for trackers that assign by address (`[emails]`).
    pub emails: std::collections::BTreeMap<String, String>,
}

impl Settings {
    /// Planned length of the whole meeting.
    pub fn planned_minutes(&self) -> u32 {
        self.agenda.iter().map(|s| s.minutes).sum()
    }
}

/// The playbook's agenda: review 25, diagnosis 25, plan 20 minutes.
pub fn default_agenda() -> Vec<AgendaSection> {
    [("review", 25), ("diagnosis", 25), ("plan", 20)]
        .into_iter()
        .map(|(name, minutes)| AgendaSection {
            name: name.to_owned(),
            minutes,
        })
        .collect()
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            title: "Weekly operations meeting".to_owned(),
            workspace_id: None,
            facilitator: None,
            attendees: Vec::new(),
            currency: "USD".to_owned(),
            fx: std::collections::BTreeMap::new(),
            language: Language::English,
            week_start: WeekStart::Monday,
            agenda: default_agenda(),
            targets: Targets::default(),
            thresholds: Thresholds::default(),
            theme: ThemeName::Dark,
            bell: false,
            replenishment: Replenishment::default(),
            roles: Roles::default(),
            events: Vec::new(),
            fetch: FetchSettings::default(),
            channels: Vec::new(),
            people: super::channel::People::new(),
            send_on_close: Vec::new(),
        }
    }
}
