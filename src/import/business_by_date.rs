//! The Business Report by Date (Sales and Traffic): one row per day for the
//! whole account. Its dates are read in the order the file itself shows (a
//! day above 12), else its marketplace's; B2B columns are never added.

use crate::domain::facts::{DaySales, ReportFacts};
use crate::domain::money::Money;
use crate::domain::words::Said;

use super::columns::business;
use super::dates::{SlashOrder, parse_date_in};
use super::error::ImportError;
use super::kind_read::{DateWindow, KindRead};
use super::table::{ReadError, Table};

/// One row as read, before its date is known to be day or month first.
struct DayRow {
    line: u64,
    date: String,
    sales: Money,
    units: i64,
    orders: i64,
    sessions: i64,
    page_views: i64,
}

/// Reads the account's days that fall in the week.
pub fn read(table: &Table<'_>, window: &mut DateWindow) -> Result<KindRead, ReadError> {
    let date = table.need(&business::DATE)?;
    let sales = table.need(&business::SALES)?;
    let units = table.need(&business::UNITS)?;
    let orders = table.find(&business::ORDERS)?;
    let sessions = table.need(&business::SESSIONS)?;
    let page_views = table.find(&business::PAGE_VIEWS)?;
    let mut rows = Vec::new();
    let mut currency: Option<&'static str> = None;
    let stats = table.for_each_row(|row| {
        if currency.is_none() {
            currency = row.currency(sales);
        }
        rows.push(DayRow {
            line: row.line,
            date: row.text(date).into_owned(),
            sales: row.takings(sales)?.unwrap_or(Money::ZERO),
            units: row.tally(units)?.unwrap_or(0),
            orders: row.tally_or_zero(orders)?,
            sessions: row.tally(sessions)?.unwrap_or(0),
            page_views: row.tally_or_zero(page_views)?,
        });
        Ok(())
    })?;
    let texts: Vec<&str> = rows.iter().map(|r| r.date.as_str()).collect();
    let order = SlashOrder::of(&texts, currency).map_err(|why| {
        ImportError::at(
            table.path,
            2,
            Some(date as u64 + 1),
            Said::both(
                format!(
                    "the dates cannot be read: {why}; download the report again from the \
                     marketplace it belongs to"
                ),
                format!("无法读取日期：{why}；请从报告所属站点重新下载"),
            ),
        )
    })?;
    let mut days = Vec::with_capacity(rows.len());
    for row in rows {
        let Some(day) = parse_date_in(&row.date, order) else {
            return Err(ImportError::at(
                table.path,
                row.line,
                Some(date as u64 + 1),
                Said::both(
                    format!(
                        "`{}` is not a date: expected a date such as 11/16/2026, 16/11/2026 or \
                         2026/11/16; download the report again without editing it",
                        row.date
                    ),
                    format!(
                        "`{}` 不是日期：应为 11/16/2026、16/11/2026 或 2026/11/16 这样的日期；\
                         请重新下载报告，不要编辑",
                        row.date
                    ),
                ),
            )
            .into());
        };
        if window.keep(Some(day)) {
            days.push(DaySales {
                date: day,
                sales: row.sales,
                units: row.units,
                orders: row.orders,
                sessions: row.sessions,
                page_views: row.page_views,
            });
        }
    }
    Ok(KindRead {
        facts: ReportFacts::Days(days),
        stats,
        currency: currency.map(str::to_owned),
        warnings: Vec::new(),
        attribution_days: None,
    })
}
