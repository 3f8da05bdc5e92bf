//! Reading one Amazon report file: open it as a table, recognise its kind
//! from the header, and hand it to the importer of that kind.

use std::path::Path;

use chrono::NaiveDate;

use crate::domain::facts::ReportFacts;
use crate::domain::report::ReportKind;
use crate::domain::week::{IsoWeek, WeekStart};

use super::columns::{HeaderLanguage, LANGUAGES};
use super::error::{ImportError, quoted};
use super::rows::RowStats;
use super::sniff::{Detection, detect};
use super::table::{ReadError, Table};
use super::text::looks_like_gbk;
use super::utf8_stream::NotUtf8;
use super::{
    ads, afn_inventory, business_by_date, business_report, costs, feedback, inventory, planning,
    returns, upstream,
};

/// One report file, read.
#[derive(Debug, Clone, PartialEq)]
pub struct ReportFile {
    pub kind: ReportKind,
    /// Data rows in the file (including any left out for their date).
    pub rows: usize,
    /// Rows left out because they are dated outside the week.
    pub left_out: usize,
    /// Rows left out because another file of the same kind already gave their day.
    pub repeated: usize,
    /// The days of the week the file's dated rows cover (empty for undated reports).
    pub days: Vec<NaiveDate>,
    pub facts: ReportFacts,
    /// ISO code of the currency the file states or its money cells show.
    pub currency: Option<String>,
    /// The days after a click an ads report attributes sales to (7 or 14).
    pub attribution_days: Option<u8>,
    pub warnings: Vec<String>,
}

/// The week a week folder stands for: rows dated outside it are left out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WeekFilter {
    pub week: IsoWeek,
    pub start: WeekStart,
}

/// How much of a report to read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Detail {
    /// Every column opsdeck uses.
    Full,
    /// Only what the trend series need (sales, units, sessions, ad spend and
    /// ad sales): titles, page views, Buy Box, impressions, clicks and ad
    /// orders are left unread, so a week of history reads faster.
    Trends,
}

impl Detail {
    /// `column`, when this detail reads it: a detail column is kept only in `Full`.
    pub fn detail_column(self, column: Option<usize>) -> Option<usize> {
        column.filter(|_| self == Detail::Full)
    }
}

/// Reads and recognises the report at `path`, streaming it from disk.
pub fn read_report(path: &Path, filter: Option<WeekFilter>) -> Result<ReportFile, ImportError> {
    read_report_with(path, filter, Detail::Full, &[])
}

/// Like `read_report`, reading only the columns `detail` asks for and
/// leaving out the dated rows of the days in `repeated_days` (days another
/// file of the same kind already gave).
pub fn read_report_with(
    path: &Path,
    filter: Option<WeekFilter>,
    detail: Detail,
    repeated_days: &[NaiveDate],
) -> Result<ReportFile, ImportError> {
    let window = || DateWindow::new(filter).excluding(repeated_days);
    if super::api_json::is_json(path) {
        return super::api_json::read(path, window());
    }
    read_with(
        path,
        window,
        detail,
        || Table::open(path),
        || Table::open_windows_1252(path),
    )
}

/// Reads a report from bytes already in memory; `path` names it in messages.
pub fn read_report_bytes(
    path: &Path,
    bytes: &[u8],
    filter: Option<WeekFilter>,
) -> Result<ReportFile, ImportError> {
    read_with(
        path,
        || DateWindow::new(filter),
        Detail::Full,
        || Table::from_bytes(path, bytes),
        || Table::from_bytes_windows_1252(path, bytes),
    )
}

/// Opens the table as UTF-8, falling back to Windows-1252 where Amazon uses it,
/// then recognises the kind and reads it.
fn read_with<'a>(
    path: &'a Path,
    window: impl Fn() -> DateWindow,
    detail: Detail,
    open: impl Fn() -> Result<Table<'a>, ReadError>,
    open_windows_1252: impl Fn() -> Result<Table<'a>, ReadError>,
) -> Result<ReportFile, ImportError> {
    let (table, header_not_utf8) = match open() {
        Ok(table) => (table, None),
        Err(ReadError::NotUtf8(position)) => (imported(path, open_windows_1252())?, Some(position)),
        Err(ReadError::Import(error)) => return Err(error),
    };
    let kind = match detect(&table.normalized) {
        Detection::Recognised(kind) => kind,
        Detection::Unrecognised {
            closest,
            language,
            missing,
        } => {
            return Err(unrecognised(path, &table, closest, language, &missing));
        }
        Detection::UnknownLanguage => return Err(unknown_language(path, &table)),
    };
    if let Some(position) = header_not_utf8.filter(|_| !accepts_windows_1252(kind)) {
        return Err(resaved(path, kind, &position));
    }
    let (read, window) = match read_kind(&table, kind, window(), detail) {
        Err(ReadError::NotUtf8(_)) if accepts_windows_1252(kind) => imported(
            path,
            read_kind(
                &imported(path, open_windows_1252())?,
                kind,
                window(),
                detail,
            ),
        )?,
        Err(ReadError::NotUtf8(position)) => return Err(resaved(path, kind, &position)),
        other => imported(path, other)?,
    };
    Ok(finish(kind, read, window))
}

/// The located error of a read; text decoded from Windows-1252 is always valid,
/// so a `NotUtf8` here is only reported, never retried.
fn imported<T>(path: &Path, result: Result<T, ReadError>) -> Result<T, ImportError> {
    result.map_err(|error| match error {
        ReadError::Import(error) => error,
        ReadError::NotUtf8(position) => ImportError::at(
            path,
            position.line,
            Some(position.column),
            "the file is not valid text in any encoding Amazon uses; download it again",
        ),
    })
}

fn read_kind(
    table: &Table<'_>,
    kind: ReportKind,
    mut window: DateWindow,
    detail: Detail,
) -> Result<(KindRead, DateWindow), ReadError> {
    let mut read = match kind {
        ReportKind::BusinessReport => business_report::read(table, detail)?,
        ReportKind::AdsAdvertisedProduct
        | ReportKind::AdsCampaign
        | ReportKind::AdsSearchTerm
        | ReportKind::AdsTargeting => ads::read(table, kind, &mut window, detail)?,
        ReportKind::BusinessReportByDate => business_by_date::read(table, &mut window)?,
        ReportKind::FbaInventory => inventory::read(table)?,
        ReportKind::AfnInventory => afn_inventory::read(table)?,
        ReportKind::FbaInventoryPlanning => planning::read(table)?,
        ReportKind::FbaReturns => returns::read(table, &mut window)?,
        ReportKind::SellerFeedback => feedback::read(table, &mut window)?,
        ReportKind::Costs => costs::read(table)?,
        ReportKind::Supply => upstream::read(table)?,
        ReportKind::SpApiSalesAndTraffic | ReportKind::AdsApiAdvertisedProduct => {
            return Err(ImportError::file(
                table.path,
                format!("a {} is JSON, not a table", kind.title()),
            )
            .into());
        }
        ReportKind::WeekFile | ReportKind::Config | ReportKind::Minutes => {
            return Err(ImportError::file(
                table.path,
                format!("{} is a TOML file, not a table", kind.title()),
            )
            .into());
        }
    };
    read.warnings.extend(row_warnings(read.stats));
    Ok((read, window))
}

/// The file a kind's read makes, with what its date window left out said
/// as warnings (a table's read or a JSON document's alike).
pub fn finish(kind: ReportKind, mut read: KindRead, window: DateWindow) -> ReportFile {
    read.warnings.extend(window.warning(read.stats.rows));
    ReportFile {
        kind,
        rows: read.stats.rows,
        left_out: window.left_out,
        repeated: window.repeated,
        days: window.days,
        facts: read.facts,
        currency: read.currency,
        attribution_days: read.attribution_days,
        warnings: read.warnings,
    }
}

/// What a kind's importer returns.
pub struct KindRead {
    pub facts: ReportFacts,
    pub stats: RowStats,
    pub currency: Option<String>,
    pub warnings: Vec<String>,
    /// The days after a click an ads report attributes sales to.
    pub attribution_days: Option<u8>,
}

impl KindRead {
    /// Facts with no currency and no warnings of the importer's own.
    pub fn plain(facts: ReportFacts, stats: RowStats) -> Self {
        Self {
            facts,
            stats,
            currency: None,
            warnings: Vec::new(),
            attribution_days: None,
        }
    }
}

/// Amazon writes FBA flat files, feedback and opsdeck's own CSV in Windows-1252
/// or UTF-8; Business Reports and Ads reports only in UTF-8.
fn accepts_windows_1252(kind: ReportKind) -> bool {
    !matches!(
        kind,
        ReportKind::BusinessReport
            | ReportKind::AdsAdvertisedProduct
            | ReportKind::AdsCampaign
            | ReportKind::AdsSearchTerm
    )
}

/// The first header cells, for a message.
fn header_excerpt(table: &Table<'_>) -> String {
    let shown: Vec<String> = table
        .headers
        .iter()
        .take(6)
        .map(|h| quoted(h, 30))
        .collect();
    let more = if table.headers.len() > 6 { ", …" } else { "" };
    format!("{}{more}", shown.join(", "))
}

fn unrecognised(
    path: &Path,
    table: &Table<'_>,
    closest: ReportKind,
    language: HeaderLanguage,
    missing: &[&str],
) -> ImportError {
    let written = match language {
        HeaderLanguage::English => String::new(),
        other => format!(" whose headers are {}", other.name()),
    };
    ImportError::at(
        path,
        1,
        None,
        format!(
            "not a report opsdeck knows: the header ({}) comes closest to a {}{written} but lacks \
             {}; download that report from Amazon as it is, or move this file out of the week \
             folder",
            header_excerpt(table),
            closest.title(),
            missing
                .iter()
                .map(|m| format!("`{m}`"))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    )
}

/// A header none of whose columns opsdeck knows in any language it reads.
fn unknown_language(path: &Path, table: &Table<'_>) -> ImportError {
    ImportError::at(
        path,
        1,
        None,
        format!(
            "not a report opsdeck knows: no column of the header ({}) is one opsdeck reads in \
             {LANGUAGES}. If this is an Amazon report in another language, please send the file \
             so its language can be added; meanwhile download it with Seller Central or the Ads \
             console set to English, or move this file out of the week folder",
            header_excerpt(table)
        ),
    )
}

/// A report Amazon writes in UTF-8 that is not: re-saved by a spreadsheet in a local encoding.
fn resaved(path: &Path, kind: ReportKind, position: &NotUtf8) -> ImportError {
    let encoding = if looks_like_gbk(&position.sample) {
        "GBK (a Chinese Windows setting)"
    } else {
        "a local Windows encoding"
    };
    ImportError::at(
        path,
        position.line,
        Some(position.column),
        format!(
            "this {} is not UTF-8 here: it looks re-saved by Excel in {encoding}. Amazon writes \
             it in UTF-8; download it again from Amazon and drop it in unopened (or save it from \
             Excel as \"CSV UTF-8\")",
            kind.title()
        ),
    )
}

fn row_warnings(stats: RowStats) -> Vec<String> {
    let mut warnings = Vec::new();
    if stats.rows == 0 {
        warnings.push("the file has a header but no data rows".to_owned());
    }
    if stats.longer_than_header > 0 {
        warnings.push(format!(
            "{} rows have more fields than the header; the extra fields were ignored",
            stats.longer_than_header
        ));
    }
    warnings
}

/// Keeps the rows dated inside the filter's week and counts the others;
/// rows of days another file of the same kind already gave are left out too.
#[derive(Debug)]
pub struct DateWindow {
    filter: Option<WeekFilter>,
    left_out: usize,
    outside_range: usize,
    /// Days whose rows another file already gave.
    excluded: Vec<NaiveDate>,
    repeated: usize,
    /// The days of the rows kept, in the order first seen.
    days: Vec<NaiveDate>,
}

impl DateWindow {
    pub fn new(filter: Option<WeekFilter>) -> Self {
        Self {
            filter,
            left_out: 0,
            outside_range: 0,
            excluded: Vec::new(),
            repeated: 0,
            days: Vec::new(),
        }
    }

    /// Also leaves out the rows dated on `days`.
    #[must_use]
    pub fn excluding(mut self, days: &[NaiveDate]) -> Self {
        self.excluded = days.to_vec();
        self
    }

    /// Whether a row dated `date` belongs to the week (undated rows always do).
    pub fn keep(&mut self, date: Option<NaiveDate>) -> bool {
        let (Some(filter), Some(date)) = (self.filter, date) else {
            return true;
        };
        if !filter.week.contains(date, filter.start) {
            self.left_out += 1;
            return false;
        }
        if self.excluded.contains(&date) {
            self.repeated += 1;
            return false;
        }
        if self.days.last() != Some(&date) && !self.days.contains(&date) {
            self.days.push(date);
        }
        true
    }

    /// Whether a summary row active from `first` to `last` belongs to the
    /// week: it does when its range lies inside the week. A row whose range
    /// straddles the week is left out and reported, never split by guess.
    pub fn keep_range(&mut self, first: Option<NaiveDate>, last: Option<NaiveDate>) -> bool {
        let (Some(filter), Some(first)) = (self.filter, first) else {
            return true;
        };
        let last = last.unwrap_or(first);
        let (monday, sunday) = filter.week.days(filter.start);
        if last < monday || first > sunday {
            self.left_out += 1;
            return false;
        }
        if first < monday || last > sunday {
            self.left_out += 1;
            self.outside_range += 1;
            return false;
        }
        true
    }

    /// What a reader must know about the rows left out of a file of `rows` rows.
    fn warning(&self, rows: usize) -> Vec<String> {
        let Some(filter) = self.filter else {
            return Vec::new();
        };
        let (first, last) = filter.week.days(filter.start);
        let range = format!(
            "{} – {}",
            first.format("%a %-d %b"),
            last.format("%a %-d %b %Y")
        );
        let mut warnings = Vec::new();
        if self.left_out > 0 && self.left_out == rows {
            warnings.push(format!(
                "all {} rows are dated outside {}: the report counts as missing — download it \
                 again for {range}",
                self.left_out, filter.week
            ));
        } else if self.left_out > self.outside_range {
            warnings.push(format!(
                "{} rows dated outside {} ({range}) left out — check the download range",
                self.left_out - self.outside_range,
                filter.week
            ));
        }
        if self.outside_range > 0 {
            warnings.push(format!(
                "{} summary rows span days outside {} ({range}): they were left out, not split \
                 by guess — download a Daily report, or a Summary report for exactly this week",
                self.outside_range, filter.week
            ));
        }
        warnings
    }
}
