//! What every kind's reader shares with the dispatcher that calls it: the
//! report file a read makes, how much of it to read, the week it is read
//! for, and the date window that keeps a week's rows. The readers import
//! this, never the dispatcher (`report`).

use chrono::NaiveDate;

use crate::domain::facts::ReportFacts;
use crate::domain::format::short_date;
use crate::domain::report::ReportKind;
use crate::domain::settings::Language;
use crate::domain::week::{IsoWeek, WeekStart};
use crate::domain::words::Said;

use super::rows::RowStats;

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
    /// The first and last day any of its rows is dated, kept or not.
    pub span: Option<(NaiveDate, NaiveDate)>,
    pub facts: ReportFacts,
    /// ISO code of the currency the file states or its money cells show.
    pub currency: Option<String>,
    /// The days after a click an ads report attributes sales to (7 or 14).
    pub attribution_days: Option<u8>,
    pub warnings: Vec<Said>,
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
    /// Only what the trend series need (sales, units, sessions, page views
    /// and Buy Box, ad spend, ad sales, impressions and clicks): titles,
    /// parent ASINs, orders and ad orders are left unread, so a week of
    /// history reads faster.
    Trends,
}

impl Detail {
    /// `column`, when this detail reads it: a detail column is kept only in `Full`.
    pub fn detail_column(self, column: Option<usize>) -> Option<usize> {
        column.filter(|_| self == Detail::Full)
    }
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
        span: window.span,
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
    pub warnings: Vec<Said>,
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
    /// The first and last day of every row seen.
    span: Option<(NaiveDate, NaiveDate)>,
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
            span: None,
        }
    }

    /// Widens the span of the file's dates to `first`..=`last`.
    fn saw(&mut self, first: NaiveDate, last: NaiveDate) {
        self.span = Some(match self.span {
            Some((from, to)) => (from.min(first), to.max(last)),
            None => (first, last),
        });
    }

    /// Also leaves out the rows dated on `days`.
    #[must_use]
    pub fn excluding(mut self, days: &[NaiveDate]) -> Self {
        self.excluded = days.to_vec();
        self
    }

    /// Whether a row dated `date` belongs to the week (undated rows always do).
    pub fn keep(&mut self, date: Option<NaiveDate>) -> bool {
        if let Some(date) = date {
            self.saw(date, date);
        }
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
        if let Some(first) = first {
            self.saw(first, last.unwrap_or(first));
        }
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
    pub(super) fn warning(&self, rows: usize) -> Vec<Said> {
        let Some(filter) = self.filter else {
            return Vec::new();
        };
        let (first, last) = filter.week.days(filter.start);
        let range = format!(
            "{} – {}",
            first.format("%a %-d %b"),
            last.format("%a %-d %b %Y")
        );
        let range_zh = format!(
            "{} – {}",
            short_date(first, Language::Chinese),
            short_date(last, Language::Chinese)
        );
        let week = filter.week;
        let mut warnings = Vec::new();
        if self.left_out > 0 && self.left_out == rows {
            let all = self.left_out;
            warnings.push(Said::new(
                format!(
                    "all {all} rows are dated outside {week}: the report counts as missing — \
                     download it again for {range}"
                ),
                format!("全部 {all} 行的日期都不在 {week} 内：该报告按缺失处理 — 请重新下载 {range_zh} 的数据"),
            ));
        } else if self.left_out > self.outside_range {
            let left = self.left_out - self.outside_range;
            warnings.push(Said::new(
                format!(
                    "{left} rows dated outside {week} ({range}) left out — check the download range"
                ),
                format!("{left} 行日期不在 {week}（{range_zh}）内，已略去 — 请检查下载的日期范围"),
            ));
        }
        if self.outside_range > 0 {
            let rows = self.outside_range;
            warnings.push(Said::new(
                format!(
                    "{rows} summary rows span days outside {week} ({range}): they were left out, \
                     not split by guess — download a Daily report, or a Summary report for \
                     exactly this week"
                ),
                format!(
                    "{rows} 行汇总数据跨越 {week}（{range_zh}）以外的日期：已略去，不做猜测拆分 — \
                     请下载按日报告，或正好覆盖本周的汇总报告"
                ),
            ));
        }
        warnings
    }
}
