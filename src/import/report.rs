//! Reading one Amazon report file: open it as a table, recognise its kind
//! from the header, and hand it to the importer of that kind.

use std::path::Path;

use chrono::NaiveDate;

use crate::domain::report::{Form, ReportKind};
use crate::domain::words::{Said, Words};

use super::columns::{HeaderLanguage, LANGUAGES};
use super::error::{ImportError, quoted};
use super::kind_read::{DateWindow, Detail, KindRead, ReportFile, WeekFilter, finish};
use super::report_book;
use super::rows::RowStats;
use super::sniff::{Detection, detect};
use super::table::{ReadError, Table};
use super::text::looks_like_gbk;
use super::utf8_stream::NotUtf8;

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
            Said::both(
                "the file is not valid text in any encoding Amazon uses; download it again",
                "文件不是亚马逊所用任何编码的有效文本；请重新下载",
            ),
        ),
    })
}

fn read_kind(
    table: &Table<'_>,
    kind: ReportKind,
    mut window: DateWindow,
    detail: Detail,
) -> Result<(KindRead, DateWindow), ReadError> {
    let title = kind.title();
    let not_a_table = match kind.form() {
        Form::Table => None,
        Form::Json => Some(Said::both(
            format!("a {title} is JSON, not a table"),
            format!("{title} 是 JSON，不是表格"),
        )),
        Form::Toml => Some(Said::both(
            format!("{title} is a TOML file, not a table"),
            format!("{title} 是 TOML 文件，不是表格"),
        )),
    };
    let entry = report_book::entry(kind).filter(|_| not_a_table.is_none());
    let Some(entry) = entry else {
        let why = not_a_table.unwrap_or_else(|| {
            Said::both(
                format!("no reader for a {title}"),
                format!("没有读取 {title} 的程序"),
            )
        });
        return Err(ImportError::file(table.path, why).into());
    };
    let mut read = (entry.read)(table, kind, &mut window, detail)?;
    read.warnings.extend(row_warnings(read.stats));
    Ok((read, window))
}

/// Whether Amazon may have written a file of `kind` in Windows-1252.
fn accepts_windows_1252(kind: ReportKind) -> bool {
    report_book::entry(kind).is_some_and(|entry| entry.windows_1252)
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
    let (written, written_zh) = match language {
        HeaderLanguage::English => (String::new(), String::new()),
        other => (
            format!(" whose headers are {}", other.name().en),
            format!("（表头为{}）", other.name().zh),
        ),
    };
    let header = header_excerpt(table);
    let closest = closest.title();
    let lacking = missing
        .iter()
        .map(|m| format!("`{m}`"))
        .collect::<Vec<_>>()
        .join(", ");
    ImportError::at(
        path,
        1,
        None,
        Said::both(
            format!(
                "not a report opsdeck knows: the header ({header}) comes closest to a \
                 {closest}{written} but lacks {lacking}; download that report from Amazon as it \
                 is, or move this file out of the week folder"
            ),
            format!(
                "不是 opsdeck 认识的报告：表头（{header}）最接近 {closest}{written_zh}，但缺少 \
                 {lacking}；请从亚马逊原样下载该报告，或把这个文件移出周文件夹"
            ),
        ),
    )
}

/// A header none of whose columns opsdeck knows in any language it reads.
fn unknown_language(path: &Path, table: &Table<'_>) -> ImportError {
    ImportError::at(
        path,
        1,
        None,
        Said::both(
            format!(
                "not a report opsdeck knows: no column of the header ({}) is one opsdeck reads \
                 in {}. If this is an Amazon report in another language, please send the file \
                 so its language can be added; meanwhile download it with Seller Central or the \
                 Ads console set to English, or move this file out of the week folder",
                header_excerpt(table),
                LANGUAGES.en
            ),
            format!(
                "不是 opsdeck 认识的报告：表头（{}）中没有一列是 opsdeck 能读的（支持{}）。\
                 如果这是其他语言的亚马逊报告，请把文件发给我们以便加入该语言；在此之前，请把\
                 卖家平台或广告控制台设为英文后下载，或把这个文件移出周文件夹",
                header_excerpt(table),
                LANGUAGES.zh
            ),
        ),
    )
}

/// A report Amazon writes in UTF-8 that is not: re-saved by a spreadsheet in a local encoding.
fn resaved(path: &Path, kind: ReportKind, position: &NotUtf8) -> ImportError {
    let encoding = if looks_like_gbk(&position.sample) {
        Words::new(
            "GBK (a Chinese Windows setting)",
            "GBK（中文 Windows 的设置）",
        )
    } else {
        Words::new("a local Windows encoding", "本地 Windows 编码")
    };
    let title = kind.title();
    ImportError::at(
        path,
        position.line,
        Some(position.column),
        Said::both(
            format!(
                "this {title} is not UTF-8 here: it looks re-saved by Excel in {}. Amazon writes \
                 it in UTF-8; download it again from Amazon and drop it in unopened (or save it \
                 from Excel as \"CSV UTF-8\")",
                encoding.en
            ),
            format!(
                "这份 {title} 在此处不是 UTF-8：看起来被 Excel 以{}另存过。亚马逊以 UTF-8 写出；\
                 请从亚马逊重新下载，不要打开直接放入（或在 Excel 中另存为“CSV UTF-8”）",
                encoding.zh
            ),
        ),
    )
}

fn row_warnings(stats: RowStats) -> Vec<Said> {
    let mut warnings = Vec::new();
    if stats.rows == 0 {
        warnings.push(Said::both(
            "the file has a header but no data rows",
            "文件只有表头，没有数据行",
        ));
    }
    if stats.longer_than_header > 0 {
        let rows = stats.longer_than_header;
        warnings.push(Said::new(
            format!("{rows} rows have more fields than the header; the extra fields were ignored"),
            format!("{rows} 行的字段比表头多；多出的字段已忽略"),
        ));
    }
    warnings
}
