//! `--format xlsx` of `kpis` and `actions`: a workbook a spreadsheet opens
//! with typed cells — numbers as numbers, money with two decimals, ratios as
//! percentages, dates as dates — a sheet per table, the header row frozen
//! and every column wide enough for its header. Headers speak the team's
//! language; text cells are cleaned as every output is.

use chrono::{Datelike, NaiveDate};
use rust_xlsxwriter::{ExcelDateTime, Format, FormatBorder, Workbook, Worksheet, XlsxError};

use crate::domain::action::heading;
use crate::domain::action_log::{LoggedAction, completion_by_owner};
use crate::domain::marketplace::split_key;
use crate::domain::metric::{Metric, Unit};
use crate::domain::settings::{Language, Settings};
use crate::domain::untrusted::clean;
use crate::domain::week_report::WeekReport;
use crate::domain::words::say;

/// One cell of a sheet, as its type.
pub enum Cell {
    Text(String),
    /// A count or a plain number.
    Number(f64),
    Money(f64),
    /// A fraction shown as a percentage.
    Ratio(f64),
    Date(NaiveDate),
    Empty,
}

impl Cell {
    /// A metric's value as its unit is written.
    fn metric(metric: Metric, value: Option<f64>) -> Self {
        match (value, metric.unit()) {
            (None, _) => Cell::Empty,
            (Some(v), _) if v.is_infinite() => Cell::Text("∞".to_owned()),
            (Some(v), Unit::Money) => Cell::Money(v),
            (Some(v), Unit::Ratio) => Cell::Ratio(v),
            (Some(v), Unit::Count | Unit::Number | Unit::Rank | Unit::Stars) => Cell::Number(v),
        }
    }

    fn text(text: &str) -> Self {
        Cell::Text(clean(text).into_owned())
    }
}

/// A sheet: its name, headers and rows.
pub struct Sheet {
    pub name: String,
    pub headers: Vec<&'static str>,
    pub rows: Vec<Vec<Cell>>,
}

/// The sheets as an xlsx file's bytes.
pub fn workbook(sheets: &[Sheet]) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    let header = Format::new()
        .set_bold()
        .set_border_bottom(FormatBorder::Thin);
    let formats = [
        Format::new().set_num_format("#,##0.##"),
        Format::new().set_num_format("#,##0.00"),
        Format::new().set_num_format("0.0%"),
        Format::new().set_num_format("yyyy-mm-dd"),
    ];
    for sheet in sheets {
        let page = book.add_worksheet();
        page.set_name(&sheet.name)?;
        write_sheet(page, sheet, &header, &formats)?;
    }
    book.save_to_buffer()
}

fn write_sheet(
    page: &mut Worksheet,
    sheet: &Sheet,
    header: &Format,
    [number, money, ratio, date]: &[Format; 4],
) -> Result<(), XlsxError> {
    let mut widths: Vec<usize> = sheet.headers.iter().map(|h| width(h)).collect();
    for (col, text) in (0u16..).zip(&sheet.headers) {
        page.write_string_with_format(0, col, *text, header)?;
    }
    for (row, cells) in (1u32..).zip(&sheet.rows) {
        for ((col, cell), wide) in (0u16..).zip(cells).zip(widths.iter_mut()) {
            let shown = match cell {
                Cell::Text(text) => {
                    page.write_string(row, col, text)?;
                    width(text)
                }
                Cell::Number(value) => {
                    page.write_number_with_format(row, col, *value, number)?;
                    12
                }
                Cell::Money(value) => {
                    page.write_number_with_format(row, col, *value, money)?;
                    14
                }
                Cell::Ratio(value) => {
                    page.write_number_with_format(row, col, *value, ratio)?;
                    9
                }
                Cell::Date(day) => {
                    let when = ExcelDateTime::from_ymd(
                        u16::try_from(day.year()).unwrap_or(1900),
                        u8::try_from(day.month()).unwrap_or(1),
                        u8::try_from(day.day()).unwrap_or(1),
                    )?;
                    page.write_datetime_with_format(row, col, &when, date)?;
                    11
                }
                Cell::Empty => 0,
            };
            *wide = (*wide).max(shown);
        }
    }
    for (col, wide) in (0u16..).zip(widths) {
        #[allow(clippy::cast_precision_loss)] // a few dozen characters
        page.set_column_width(col, (wide.min(60) + 2) as f64)?;
    }
    page.set_freeze_panes(1, 0)?;
    Ok(())
}

/// Display columns of `text` (a Chinese character is two).
fn width(text: &str) -> usize {
    unicode_width::UnicodeWidthStr::width(text)
}

/// The week's KPIs: the account and every SKU (a column per metric), the
/// anomalies, and the replenishment lines.
pub fn kpis_sheets(report: &WeekReport, settings: &Settings) -> Vec<Sheet> {
    let l = settings.language;
    let review = &report.review;
    let mut headers: Vec<&'static str> = vec![
        say(l, "Marketplace", "站点"),
        "SKU",
        "ASIN",
        say(l, "Title", "标题"),
    ];
    headers.extend(Metric::ALL.iter().map(|m| m.label_in(l)));
    let row = |market: &str,
               sku: &str,
               asin: &str,
               title: &str,
               figures: &crate::domain::review::Figures| {
        let mut cells = vec![
            Cell::text(market),
            Cell::text(sku),
            Cell::text(asin),
            Cell::text(title),
        ];
        cells.extend(
            Metric::ALL
                .iter()
                .map(|m| Cell::metric(*m, figures.current.get(*m))),
        );
        cells
    };
    let mut rows = vec![row("", say(l, "ACCOUNT", "账户"), "", "", &review.account)];
    rows.extend(review.skus.iter().map(|s| {
        row(
            review.marketplace_of(&s.key).unwrap_or_default(),
            s.sku.as_deref().unwrap_or(split_key(&s.key).1),
            &s.asin,
            &s.title,
            &s.figures,
        )
    }));
    let anomalies = Sheet {
        name: say(l, "Anomalies", "异常").to_owned(),
        headers: vec![
            say(l, "Problem", "问题"),
            "SKU",
            say(l, "What happened", "情况"),
            say(l, "At stake", "涉及金额"),
        ],
        rows: report
            .anomalies
            .iter()
            .map(|a| {
                vec![
                    Cell::text(a.label(l)),
                    Cell::text(a.sku.as_deref().unwrap_or(say(l, "account", "账户"))),
                    Cell::text(a.message.get(l)),
                    Cell::Money(a.at_stake),
                ]
            })
            .collect(),
    };
    vec![
        Sheet {
            name: format!("KPI {}", review.week),
            headers,
            rows,
        },
        anomalies,
        supply_sheet(report, l),
    ]
}

/// The replenishment lines: order by, units, air units, arrival.
#[allow(clippy::cast_precision_loss)] // unit counts
fn supply_sheet(report: &WeekReport, l: Language) -> Sheet {
    Sheet {
        name: say(l, "Replenishment", "补货").to_owned(),
        headers: vec![
            "SKU",
            *heading::STATUS.get(l),
            say(l, "Order by", "下单截止"),
            say(l, "Units", "数量"),
            say(l, "By air", "空运"),
            say(l, "Days of supply", "可售天数"),
            say(l, "Units a day", "日销"),
            say(l, "Sellable", "可上架"),
        ],
        rows: report
            .supply
            .iter()
            .map(|line| {
                vec![
                    Cell::text(&line.sku),
                    Cell::text(line.status.label().get(l)),
                    line.order_by.map_or(Cell::Empty, Cell::Date),
                    Cell::Number(line.suggested_units as f64),
                    Cell::Number(line.air_units as f64),
                    line.cover_days.map_or(Cell::Empty, Cell::Number),
                    Cell::Number(line.velocity),
                    line.arrives.map_or(Cell::Empty, Cell::Date),
                ]
            })
            .collect(),
    }
}

/// The actions and each owner's completion.
pub fn actions_sheets(
    actions: &[&LoggedAction],
    today: NaiveDate,
    language: Language,
) -> Vec<Sheet> {
    let l = language;
    let rows = actions
        .iter()
        .map(|logged| {
            let a = &logged.action;
            vec![
                Cell::text(&a.id),
                Cell::text(&logged.meeting.to_string()),
                Cell::text(&a.title),
                Cell::text(a.owner.as_deref().unwrap_or_default()),
                a.due.map_or(Cell::Empty, Cell::Date),
                Cell::text(a.sku.as_deref().unwrap_or_default()),
                Cell::text(a.kpi.as_deref().unwrap_or_default()),
                Cell::text(a.priority.name_in(l)),
                Cell::text(a.status.name_in(l)),
                Cell::Number(f64::from(a.weeks_carried)),
                Cell::text(&a.tags.join(" ")),
            ]
        })
        .collect();
    let completion = completion_by_owner(actions, today)
        .into_iter()
        .map(|(owner, rate)| vec![Cell::text(&owner), Cell::Ratio(rate)])
        .collect();
    vec![
        Sheet {
            name: say(l, "Actions", "行动项").to_owned(),
            headers: vec![
                "Id",
                say(l, "Meeting", "会议"),
                *heading::ACTION.get(l),
                *heading::OWNER.get(l),
                *heading::DUE.get(l),
                "SKU",
                "KPI",
                *heading::PRIORITY.get(l),
                *heading::STATUS.get(l),
                say(l, "Weeks carried", "顺延周数"),
                say(l, "Tags", "标签"),
            ],
            rows,
        },
        Sheet {
            name: say(l, "Completion", "完成率").to_owned(),
            headers: vec![*heading::OWNER.get(l), say(l, "Done of due", "完成率")],
            rows: completion,
        },
    ]
}
