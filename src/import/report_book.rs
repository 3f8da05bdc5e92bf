//! Every kind of report opsdeck reads as a table, in one book: the headers
//! that recognise it (in every language `columns` knows), whether Amazon
//! also writes it in Windows-1252, whether it is one of Amazon's downloads
//! (or one of the team's own files), and its reader. Detection tries the
//! entries in the book's order; the dispatcher reads a file with its
//! entry's reader. A table kind without its entry does not compile.
//!
//! Adding a kind: a `ReportKind` variant (with its `form`, `name` and
//! `title`), a reader in a module of its own, one entry here.

use crate::domain::report::{Form, ReportKind};

use super::columns::{self, Column, afn, business, column};
use super::kind_read::{DateWindow, Detail, KindRead};
use super::table::{ReadError, Table};
use super::{
    ads, afn_inventory, business_by_date, business_report, costs, feedback, inventory, planning,
    returns, upstream,
};

/// How a kind's table is read: every reader through the same door.
pub type ReadTable =
    fn(&Table<'_>, ReportKind, &mut DateWindow, Detail) -> Result<KindRead, ReadError>;

/// What opsdeck knows about one kind of table.
pub struct ReportEntry {
    pub kind: ReportKind,
    /// Columns a file of this kind must have, in any language opsdeck reads.
    pub required: &'static [Column],
    /// Whether Amazon writes it in Windows-1252 as well as UTF-8 (FBA flat
    /// files, feedback, the team's own CSV); Business Reports and Ads
    /// reports only in UTF-8.
    pub windows_1252: bool,
    /// Whether it is one of Amazon's downloads (not one of the team's files).
    pub from_amazon: bool,
    pub read: ReadTable,
}

/// Kinds in the order detection tries them: an advertised-product report
/// also has a campaign name, a search-term report a targeting column.
pub const REPORT_BOOK: [ReportEntry; 13] = [
    ReportEntry {
        kind: ReportKind::BusinessReport,
        required: &[
            business::PARENT_ASIN,
            business::CHILD_ASIN,
            business::SESSIONS,
            business::UNITS,
            business::SALES,
        ],
        windows_1252: false,
        from_amazon: true,
        read: |table, _, _, detail| business_report::read(table, detail),
    },
    ReportEntry {
        kind: ReportKind::BusinessReportByDate,
        required: &[
            business::DATE,
            business::SESSIONS,
            business::UNITS,
            business::SALES,
        ],
        windows_1252: true,
        from_amazon: true,
        read: |table, _, window, _| business_by_date::read(table, window),
    },
    ReportEntry {
        kind: ReportKind::AdsAdvertisedProduct,
        required: &[
            columns::ads::ADVERTISED_ASIN,
            columns::ads::IMPRESSIONS,
            columns::ads::SPEND,
        ],
        windows_1252: false,
        from_amazon: true,
        read: ads::read,
    },
    ReportEntry {
        kind: ReportKind::AdsSearchTerm,
        required: &[
            columns::ads::SEARCH_TERM,
            columns::ads::IMPRESSIONS,
            columns::ads::SPEND,
        ],
        windows_1252: false,
        from_amazon: true,
        read: ads::read,
    },
    ReportEntry {
        kind: ReportKind::AdsTargeting,
        required: &[
            columns::ads::CAMPAIGN,
            columns::ads::TARGETING,
            columns::ads::IMPRESSIONS,
            columns::ads::SPEND,
        ],
        windows_1252: true,
        from_amazon: true,
        read: ads::read,
    },
    ReportEntry {
        kind: ReportKind::AdsCampaign,
        required: &[
            columns::ads::CAMPAIGN,
            columns::ads::IMPRESSIONS,
            columns::ads::SPEND,
        ],
        windows_1252: false,
        from_amazon: true,
        read: ads::read,
    },
    ReportEntry {
        kind: ReportKind::FbaInventory,
        required: &[
            column!(English "sku"),
            column!(English "fnsku"),
            column!(English "afn-fulfillable-quantity"),
            column!(English "afn-total-quantity"),
        ],
        windows_1252: true,
        from_amazon: true,
        read: |table, _, _, _| inventory::read(table),
    },
    ReportEntry {
        kind: ReportKind::AfnInventory,
        required: &[afn::SELLER_SKU, afn::WAREHOUSE_CONDITION, afn::QUANTITY],
        windows_1252: true,
        from_amazon: true,
        read: |table, _, _, _| afn_inventory::read(table),
    },
    ReportEntry {
        kind: ReportKind::FbaInventoryPlanning,
        required: &[
            column!(English "snapshot-date"),
            column!(English "sku"),
            column!(English "available", English "sellable-quantity"),
            column!(English "inv-age-0-to-90-days"),
        ],
        windows_1252: true,
        from_amazon: true,
        read: |table, _, _, _| planning::read(table),
    },
    ReportEntry {
        kind: ReportKind::FbaReturns,
        required: &[
            column!(English "return-date"),
            column!(English "sku"),
            column!(English "quantity"),
            column!(English "detailed-disposition"),
            column!(English "reason"),
        ],
        windows_1252: true,
        from_amazon: true,
        read: |table, _, window, _| returns::read(table, window),
    },
    ReportEntry {
        kind: ReportKind::SellerFeedback,
        required: &[
            column!(English "date"),
            column!(English "rating"),
            column!(English "comments"),
            column!(English "order id"),
        ],
        windows_1252: true,
        from_amazon: true,
        read: |table, _, window, _| feedback::read(table, window),
    },
    ReportEntry {
        kind: ReportKind::Costs,
        required: &[
            column!(English "sku"),
            column!(English "unit_cost"),
            column!(English "fba_fee"),
            column!(English "referral_rate"),
        ],
        windows_1252: true,
        from_amazon: false,
        read: |table, _, _, _| costs::read(table),
    },
    ReportEntry {
        kind: ReportKind::Supply,
        required: &[
            column!(English "sku"),
            column!(English "location"),
            column!(English "units"),
        ],
        windows_1252: true,
        from_amazon: false,
        read: |table, _, _, _| upstream::read(table),
    },
];

/// The entry of `kind`, when it is read as a table.
pub fn entry(kind: ReportKind) -> Option<&'static ReportEntry> {
    REPORT_BOOK.iter().find(|entry| entry.kind == kind)
}

// Every table kind has exactly one entry, and no other kind has one.
const _: () = {
    let mut at = 0;
    while at < ReportKind::ALL.len() {
        let kind = ReportKind::ALL[at];
        let mut entries = 0;
        let mut look = 0;
        while look < REPORT_BOOK.len() {
            if REPORT_BOOK[look].kind as usize == kind as usize {
                entries += 1;
            }
            look += 1;
        }
        let table = matches!(kind.form(), Form::Table);
        assert!(
            entries == if table { 1 } else { 0 },
            "every table kind has one entry in REPORT_BOOK, and no other kind has one"
        );
        at += 1;
    }
};
