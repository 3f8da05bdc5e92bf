//! The reports a week needs from Amazon, and what each is: its name in the
//! manifest, Amazon's report type, the file it lands in, how it is asked for.

use chrono::NaiveDate;

use crate::domain::report::ReportKind;
use crate::domain::week::IsoWeek;

/// The reports a week needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReportPlan {
    SalesAndTraffic,
    FbaInventory,
    FbaInventoryPlanning,
    FbaReturns,
    AdsAdvertisedProduct,
}

impl ReportPlan {
    pub const ALL: [ReportPlan; 5] = [
        ReportPlan::SalesAndTraffic,
        ReportPlan::FbaInventory,
        ReportPlan::FbaInventoryPlanning,
        ReportPlan::FbaReturns,
        ReportPlan::AdsAdvertisedProduct,
    ];

    /// The name in the manifest and the start of the file's name.
    pub fn name(self) -> &'static str {
        match self {
            ReportPlan::SalesAndTraffic => "sp-api-sales-and-traffic",
            ReportPlan::FbaInventory => "sp-api-fba-inventory",
            ReportPlan::FbaInventoryPlanning => "sp-api-fba-inventory-planning",
            ReportPlan::FbaReturns => "sp-api-fba-returns",
            ReportPlan::AdsAdvertisedProduct => "ads-api-sp-advertised-product",
        }
    }

    /// The kind the import recognises its file as: the report book's entry
    /// (or the API document's reader) that reads what this plan fetched.
    pub const fn kind(self) -> ReportKind {
        match self {
            ReportPlan::SalesAndTraffic => ReportKind::SpApiSalesAndTraffic,
            ReportPlan::FbaInventory => ReportKind::FbaInventory,
            ReportPlan::FbaInventoryPlanning => ReportKind::FbaInventoryPlanning,
            ReportPlan::FbaReturns => ReportKind::FbaReturns,
            ReportPlan::AdsAdvertisedProduct => ReportKind::AdsApiAdvertisedProduct,
        }
    }

    /// How people call it.
    pub fn title(self) -> &'static str {
        match self {
            ReportPlan::SalesAndTraffic => "Sales and Traffic",
            ReportPlan::FbaInventory => "FBA inventory",
            ReportPlan::FbaInventoryPlanning => "FBA inventory planning",
            ReportPlan::FbaReturns => "FBA returns",
            ReportPlan::AdsAdvertisedProduct => "Ads advertised products",
        }
    }

    /// Amazon's report type.
    pub fn report_type(self) -> &'static str {
        match self {
            ReportPlan::SalesAndTraffic => "GET_SALES_AND_TRAFFIC_REPORT",
            ReportPlan::FbaInventory => "GET_FBA_MYI_UNSUPPRESSED_INVENTORY_DATA",
            ReportPlan::FbaInventoryPlanning => "GET_FBA_INVENTORY_PLANNING_DATA",
            ReportPlan::FbaReturns => "GET_FBA_FULFILLMENT_CUSTOMER_RETURNS_DATA",
            ReportPlan::AdsAdvertisedProduct => "spAdvertisedProduct",
        }
    }

    /// The file it is written to: a snapshot is named by the day it was
    /// taken, a week's report by its week.
    pub fn file_name(self, week: IsoWeek, today: NaiveDate) -> String {
        match self {
            ReportPlan::FbaInventory | ReportPlan::FbaInventoryPlanning => {
                format!("{}-{today}.txt", self.name())
            }
            ReportPlan::FbaReturns => format!("{}-{week}.txt", self.name()),
            ReportPlan::SalesAndTraffic | ReportPlan::AdsAdvertisedProduct => {
                format!("{}-{week}.json", self.name())
            }
        }
    }

    /// Whether `file` is a name this plan gives its file for `week`.
    pub fn names(self, file: &str, week: IsoWeek) -> bool {
        let snapshot = file
            .strip_prefix(self.name())
            .and_then(|rest| rest.strip_prefix('-'))
            .and_then(|rest| rest.strip_suffix(".txt"))
            .is_some_and(|day| NaiveDate::parse_from_str(day, "%Y-%m-%d").is_ok());
        match self {
            ReportPlan::FbaInventory | ReportPlan::FbaInventoryPlanning => snapshot,
            _ => file == self.file_name(week, NaiveDate::MIN),
        }
    }

    pub fn is_ads(self) -> bool {
        self == ReportPlan::AdsAdvertisedProduct
    }

    /// Amazon lets FBA reports be asked for only so often and cancels the
    /// rest: the latest one it finished stands in.
    pub(super) fn falls_back(self) -> bool {
        matches!(
            self,
            ReportPlan::FbaInventory | ReportPlan::FbaInventoryPlanning | ReportPlan::FbaReturns
        )
    }

    pub(super) fn options(self) -> &'static [(&'static str, &'static str)] {
        match self {
            ReportPlan::SalesAndTraffic => {
                &[("dateGranularity", "DAY"), ("asinGranularity", "SKU")]
            }
            _ => &[],
        }
    }
}
