//! The kinds of file a workspace holds and the per-file totals `check` shows.
//! Pure: std only.

use std::fmt;

use super::money::Money;

/// Declares `ReportKind` and `ReportKind::ALL` from one list, so what is
/// kept per kind (the import's report book) is checked against every kind
/// when it compiles.
macro_rules! report_kinds {
    ($($(#[$doc:meta])* $kind:ident,)+) => {
        /// What a file was recognised as. The names are part of the JSON contract.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum ReportKind {
            $($(#[$doc])* $kind,)+
        }

        impl ReportKind {
            /// Every kind, in declaration order.
            pub const ALL: &'static [ReportKind] = &[$(ReportKind::$kind,)+];
        }
    };
}

report_kinds! {
    /// Detail Page Sales and Traffic (by child item, by ASIN, legacy, device split).
    BusinessReport,
    /// Detail Page Sales and Traffic by Date: the account's days.
    BusinessReportByDate,
    /// Sponsored Products advertised product report (per SKU/ASIN).
    AdsAdvertisedProduct,
    /// Sponsored Products campaign report (account level).
    AdsCampaign,
    /// Sponsored Products search term report.
    AdsSearchTerm,
    /// Sponsored Products targeting report.
    AdsTargeting,
    /// Manage FBA Inventory.
    FbaInventory,
    /// Amazon-fulfilled Inventory (`GET_AFN_INVENTORY_DATA`).
    AfnInventory,
    /// FBA Inventory (planning) and its older form, Inventory Health.
    FbaInventoryPlanning,
    /// FBA customer returns.
    FbaReturns,
    /// Seller feedback.
    SellerFeedback,
    /// The SP-API's `GET_SALES_AND_TRAFFIC_REPORT` document (JSON): a
    /// Business Report by SKU and the account's days in one file.
    SpApiSalesAndTraffic,
    /// The Amazon Ads API's `spAdvertisedProduct` report (JSON array).
    AdsApiAdvertisedProduct,
    /// A week's `week.toml` with account-level figures.
    WeekFile,
    /// The workspace's `costs.csv`.
    Costs,
    /// The workspace's `supply.csv`: stock upstream of FBA.
    Supply,
    /// The workspace's `opsdeck.toml`.
    Config,
    /// A meeting's minutes, `minutes/<week>.toml`.
    Minutes,
}

/// How a kind's files are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// A table (CSV, tab-separated, a workbook): read through the report book.
    Table,
    /// A JSON document fetched from an API.
    Json,
    /// One of opsdeck's own TOML files.
    Toml,
}

impl ReportKind {
    /// The stable machine name used in JSON output.
    pub fn name(self) -> &'static str {
        match self {
            ReportKind::BusinessReport => "business_report",
            ReportKind::BusinessReportByDate => "business_report_by_date",
            ReportKind::AdsTargeting => "ads_targeting",
            ReportKind::AfnInventory => "afn_inventory",
            ReportKind::AdsAdvertisedProduct => "ads_advertised_product",
            ReportKind::AdsCampaign => "ads_campaign",
            ReportKind::AdsSearchTerm => "ads_search_term",
            ReportKind::FbaInventory => "fba_inventory",
            ReportKind::FbaInventoryPlanning => "fba_inventory_planning",
            ReportKind::FbaReturns => "fba_returns",
            ReportKind::SellerFeedback => "seller_feedback",
            ReportKind::SpApiSalesAndTraffic => "sp_api_sales_and_traffic",
            ReportKind::AdsApiAdvertisedProduct => "ads_api_advertised_product",
            ReportKind::WeekFile => "week_toml",
            ReportKind::Costs => "costs_csv",
            ReportKind::Supply => "supply_csv",
            ReportKind::Config => "opsdeck_toml",
            ReportKind::Minutes => "minutes_toml",
        }
    }

    /// How Amazon names the report, for messages to people.
    pub fn title(self) -> &'static str {
        match self {
            ReportKind::BusinessReport => "Business Report (Detail Page Sales and Traffic)",
            ReportKind::BusinessReportByDate => "Business Report by Date (Sales and Traffic)",
            ReportKind::AdsTargeting => "Sponsored Products targeting report",
            ReportKind::AfnInventory => "Amazon-fulfilled Inventory report",
            ReportKind::AdsAdvertisedProduct => "Sponsored Products advertised product report",
            ReportKind::AdsCampaign => "Sponsored Products campaign report",
            ReportKind::AdsSearchTerm => "Sponsored Products search term report",
            ReportKind::FbaInventory => "Manage FBA Inventory report",
            ReportKind::FbaInventoryPlanning => {
                "FBA Inventory (planning / inventory health) report"
            }
            ReportKind::FbaReturns => "FBA customer returns report",
            ReportKind::SellerFeedback => "seller feedback report",
            ReportKind::SpApiSalesAndTraffic => "Sales and Traffic report from the SP-API (JSON)",
            ReportKind::AdsApiAdvertisedProduct => {
                "advertised product report from the Amazon Ads API (JSON)"
            }
            ReportKind::WeekFile => "week.toml",
            ReportKind::Costs => "costs.csv",
            ReportKind::Supply => "supply.csv",
            ReportKind::Config => "opsdeck.toml",
            ReportKind::Minutes => "minutes file",
        }
    }
}

impl ReportKind {
    /// How files of this kind are written.
    pub const fn form(self) -> Form {
        match self {
            ReportKind::BusinessReport
            | ReportKind::BusinessReportByDate
            | ReportKind::AdsAdvertisedProduct
            | ReportKind::AdsCampaign
            | ReportKind::AdsSearchTerm
            | ReportKind::AdsTargeting
            | ReportKind::FbaInventory
            | ReportKind::AfnInventory
            | ReportKind::FbaInventoryPlanning
            | ReportKind::FbaReturns
            | ReportKind::SellerFeedback
            | ReportKind::Costs
            | ReportKind::Supply => Form::Table,
            ReportKind::SpApiSalesAndTraffic | ReportKind::AdsApiAdvertisedProduct => Form::Json,
            ReportKind::WeekFile | ReportKind::Config | ReportKind::Minutes => Form::Toml,
        }
    }

    /// The downloaded report whose data a report fetched from an API holds:
    /// the two are the same facts, counted once.
    #[must_use]
    pub fn data_kind(self) -> ReportKind {
        match self {
            ReportKind::SpApiSalesAndTraffic => ReportKind::BusinessReport,
            ReportKind::AdsApiAdvertisedProduct => ReportKind::AdsAdvertisedProduct,
            other => other,
        }
    }
}

impl fmt::Display for ReportKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Sums over the rows a file contributes. A figure the kind does not carry is `None`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Totals {
    pub units: Option<i64>,
    pub sales: Option<Money>,
    pub orders: Option<i64>,
    pub sessions: Option<i64>,
    pub page_views: Option<i64>,
    pub ad_spend: Option<Money>,
    pub ad_sales: Option<Money>,
    pub impressions: Option<i64>,
    pub clicks: Option<i64>,
    pub available_units: Option<i64>,
    pub inbound_units: Option<i64>,
    pub returned_units: Option<i64>,
}
