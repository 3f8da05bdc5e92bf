//! A report as a table of cells, whatever it was stored as: comma-separated
//! (RFC 4180 quoting), tab-separated (no quoting: a `"` is data) or `.xlsx`.
//! Text streams from disk through a UTF-8 check; a file that turns out not
//! to be UTF-8 can be reopened as Windows-1252. Importers look columns up by
//! normalised header and read typed cells.

mod matching;
mod workbook;

pub use workbook::XLSX_PART_LIMIT;

use std::fs::File;
use std::io::{self, Read};
use std::path::Path;

use calamine::Data;

use std::sync::atomic::AtomicU8;

use super::error::ImportError;
use super::header::normalize;
use super::pipeline::for_each_record;
use super::rows::{CellError, Cells, Row, RowStats};
use super::utf8_stream::{NotUtf8, Utf8Reader, as_not_utf8};
use crate::domain::words::Said;

/// How the table was stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TableFormat {
    /// Comma-separated, UTF-8.
    Csv,
    /// Tab-separated, UTF-8.
    Tsv,
    /// Comma- or tab-separated text in Windows-1252.
    Windows1252,
    Xlsx,
}

/// Why reading a table stopped: a located problem, or text that is not UTF-8
/// (which the caller may retry as Windows-1252).
#[derive(Debug)]
pub enum ReadError {
    Import(ImportError),
    NotUtf8(NotUtf8),
}

impl From<ImportError> for ReadError {
    fn from(error: ImportError) -> Self {
        ReadError::Import(error)
    }
}

/// Where the table's text comes from.
enum Source<'a> {
    /// UTF-8 text streamed from a file, after `skip` bytes of byte order mark.
    File { path: &'a Path, skip: u64 },
    /// UTF-8 text already in memory.
    Bytes(&'a [u8]),
    /// Windows-1252 text decoded into UTF-8.
    Decoded(Vec<u8>),
    Sheet {
        rows: Vec<Vec<Data>>,
        first_row: u64,
    },
}

/// A report file opened as a table: its header row, and its rows on demand.
pub struct Table<'a> {
    pub path: &'a Path,
    pub format: TableFormat,
    /// Header cells as written in the file.
    pub headers: Vec<String>,
    /// Header cells normalised for matching (see `header::normalize`).
    pub normalized: Vec<String>,
    delimiter: u8,
    /// Data rows expected, from the file size and the rows in its first bytes.
    estimated_rows: usize,
    source: Source<'a>,
}

const ZIP_MAGIC: &[u8] = b"PK\x03\x04";
const OLE_MAGIC: &[u8] = b"\xD0\xCF\x11\xE0";
const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";
const PEEK: usize = 64 * 1024;

impl<'a> Table<'a> {
    /// Opens the file at `path`, reading only its beginning for now.
    pub fn open(path: &'a Path) -> Result<Self, ReadError> {
        let unreadable = |error: io::Error| ImportError::unreadable(path, &error);
        let mut start = Vec::with_capacity(PEEK);
        File::open(path)
            .and_then(|file| file.take(PEEK as u64).read_to_end(&mut start))
            .map_err(unreadable)?;
        if start.starts_with(ZIP_MAGIC) {
            let bytes = std::fs::read(path).map_err(unreadable)?;
            return Ok(Self::open_xlsx(path, &bytes)?);
        }
        let skip = refuse_non_text(path, &start, start.len() < PEEK)?;
        let size = std::fs::metadata(path).map_or(0, |m| m.len());
        let mut table = Self::open_text(
            path,
            &start,
            Source::File {
                path,
                skip: skip as u64,
            },
        )?;
        table.estimated_rows = estimate_rows(&start, size);
        Ok(table)
    }

    /// Opens a table from bytes already in memory; `path` names it in messages.
    pub fn from_bytes(path: &'a Path, bytes: &'a [u8]) -> Result<Self, ReadError> {
        if bytes.starts_with(ZIP_MAGIC) {
            return Ok(Self::open_xlsx(path, bytes)?);
        }
        let skip = refuse_non_text(path, bytes, true)?;
        let start = &bytes[..bytes.len().min(PEEK)];
        let mut table = Self::open_text(path, start, Source::Bytes(&bytes[skip..]))?;
        table.estimated_rows = estimate_rows(start, bytes.len() as u64);
        Ok(table)
    }

    /// Opens the file at `path` as Windows-1252 text (Amazon's FBA flat files).
    pub fn open_windows_1252(path: &'a Path) -> Result<Self, ReadError> {
        let bytes = std::fs::read(path).map_err(|error| ImportError::unreadable(path, &error))?;
        Self::from_bytes_windows_1252(path, &bytes)
    }

    /// Opens bytes in memory as Windows-1252 text.
    pub fn from_bytes_windows_1252(path: &'a Path, bytes: &[u8]) -> Result<Self, ReadError> {
        let skip = refuse_non_text(path, bytes, true)?;
        let (text, _, _) = encoding_rs::WINDOWS_1252.decode(&bytes[skip..]);
        let decoded = text.into_owned().into_bytes();
        let start = decoded[..decoded.len().min(PEEK)].to_vec();
        let size = decoded.len() as u64;
        let mut table = Self::open_text(path, &start, Source::Decoded(decoded))?;
        table.format = TableFormat::Windows1252;
        table.estimated_rows = estimate_rows(&start, size);
        Ok(table)
    }

    fn open_text(path: &'a Path, start: &[u8], source: Source<'a>) -> Result<Self, ReadError> {
        let first_line = start.split(|&b| b == b'\n').next().unwrap_or_default();
        let tabs = memchr::memchr_iter(b'\t', first_line).count();
        let commas = memchr::memchr_iter(b',', first_line).count();
        let delimiter = if tabs > 0 && tabs >= commas {
            b'\t'
        } else {
            b','
        };
        let mut table = Self {
            path,
            format: if delimiter == b'\t' {
                TableFormat::Tsv
            } else {
                TableFormat::Csv
            },
            headers: Vec::new(),
            normalized: Vec::new(),
            delimiter,
            estimated_rows: 0,
            source,
        };
        let mut record = csv::ByteRecord::new();
        let read = table.csv_reader()?.read_byte_record(&mut record);
        match read {
            Ok(true) => {}
            Ok(false) => {
                return Err(ImportError::file(
                    path,
                    Said::both("the file has no header row", "文件没有表头行"),
                )
                .into());
            }
            Err(error) => return Err(table.parse_error(&error)),
        }
        table.headers = record
            .iter()
            .map(|f| String::from_utf8_lossy(f).into_owned())
            .collect();
        table.normalized = table.headers.iter().map(|h| normalize(h)).collect();
        Ok(table)
    }

    /// How many data rows the table probably has, for sizing what it is read into.
    pub fn estimated_rows(&self) -> usize {
        self.estimated_rows
    }

    fn csv_reader(&self) -> Result<csv::Reader<Utf8Reader<Box<dyn Read + Send + '_>>>, ReadError> {
        let input: Box<dyn Read + Send + '_> = match &self.source {
            Source::File { path, skip } => {
                let mut file =
                    File::open(path).map_err(|error| ImportError::unreadable(path, &error))?;
                io::copy(&mut (&mut file).take(*skip), &mut io::sink())
                    .map_err(|error| ImportError::unreadable(path, &error))?;
                Box::new(file)
            }
            Source::Bytes(bytes) => Box::new(*bytes),
            Source::Decoded(text) => Box::new(text.as_slice()),
            Source::Sheet { .. } => Box::new(io::empty()),
        };
        Ok(csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .delimiter(self.delimiter)
            .quoting(self.delimiter != b'\t')
            .buffer_capacity(256 * 1024)
            .from_reader(Utf8Reader::new(input)))
    }

    fn parse_error(&self, error: &csv::Error) -> ReadError {
        if let csv::ErrorKind::Io(io_error) = error.kind()
            && let Some(not_utf8) = as_not_utf8(io_error)
        {
            return ReadError::NotUtf8(not_utf8.clone());
        }
        let line = error.position().map_or(0, csv::Position::line);
        ImportError::at(
            self.path,
            line,
            None,
            Said::both(
                format!("cannot read this line: {error}"),
                format!("无法读取这一行：{error}"),
            ),
        )
        .into()
    }

    /// Calls `visit` with every data row, in order. The first error stops the reading.
    pub fn for_each_row(
        &self,
        mut visit: impl FnMut(&Row<'_>) -> Result<(), CellError>,
    ) -> Result<RowStats, ReadError> {
        self.for_each_prepared_row(|_| Ok(()), |row, ()| visit(row))
    }

    /// Like `for_each_row`, with a `prepare` step (typing a row's cells, a pure
    /// function of the row) that may run on the parsing thread ahead of `visit`
    /// (aggregating), to share the work between two cores.
    pub fn for_each_prepared_row<T: Send>(
        &self,
        prepare: impl Fn(&Row<'_>) -> Result<T, CellError> + Sync,
        mut visit: impl FnMut(&Row<'_>, T) -> Result<(), CellError>,
    ) -> Result<RowStats, ReadError> {
        let mut stats = RowStats::default();
        let width = self.headers.len();
        let headers = self.headers.as_slice();
        // What each column's cells have shown of their separators (`numbers::Separators`).
        let styles: Vec<AtomicU8> = headers.iter().map(|_| AtomicU8::new(0)).collect();
        let styles = styles.as_slice();
        let mut check = |row: &Row<'_>, prepared: Result<T, CellError>| -> Result<(), ReadError> {
            stats.rows += 1;
            if row.len() > width {
                stats.longer_than_header += 1;
            } else if row.len() < width {
                return Err(self.short_row(row, width).into());
            }
            prepared
                .and_then(|prepared| visit(row, prepared))
                .map_err(|error| {
                    ImportError::at(
                        self.path,
                        row.line,
                        Some(error.column as u64 + 1),
                        error.message,
                    )
                    .into()
                })
        };
        if let Source::Sheet { rows, first_row } = &self.source {
            for (offset, cells) in (0u64..).zip(rows) {
                if !cells.iter().all(|cell| matches!(cell, Data::Empty)) {
                    let row = Row {
                        line: first_row + offset,
                        cells: Cells::Sheet(cells),
                        headers,
                        styles,
                    };
                    check(&row, prepare(&row))?;
                }
            }
            return Ok(stats);
        }
        let mut reader = self.csv_reader()?;
        let mut header = csv::ByteRecord::new();
        reader
            .read_byte_record(&mut header)
            .map_err(|error| self.parse_error(&error))?;
        for_each_record(
            reader,
            |record| prepare(&record_row(record, headers, styles)),
            |record, prepared| check(&record_row(record, headers, styles), prepared),
            |error| self.parse_error(&error),
        )?;
        Ok(stats)
    }

    fn short_row(&self, row: &Row<'_>, width: usize) -> ImportError {
        ImportError::at(
            self.path,
            row.line,
            Some(row.len() as u64),
            Said::both(
                format!(
                    "this row has {} fields but the header has {width}: the file looks cut off \
                     or edited; download the report again",
                    row.len()
                ),
                format!(
                    "这一行有 {} 个字段，而表头有 {width} 个：文件似乎被截断或改动过；请重新下载报告",
                    row.len()
                ),
            ),
        )
    }
}

fn record_row<'r>(
    record: &'r csv::ByteRecord,
    headers: &'r [String],
    styles: &'r [AtomicU8],
) -> Row<'r> {
    let line = record.position().map_or(0, csv::Position::line);
    Row {
        line,
        cells: Cells::Record(record),
        headers,
        styles,
    }
}

/// Rows in a file of `size` bytes, judged by the line lengths of its first bytes.
fn estimate_rows(start: &[u8], size: u64) -> usize {
    let lines = memchr::memchr_iter(b'\n', start).count().max(1) as u64;
    let estimate = size.saturating_mul(lines) / (start.len().max(1) as u64);
    usize::try_from(estimate.min(50_000_000)).unwrap_or(0)
}

/// Refuses what cannot be a text report; returns the length of a UTF-8 BOM to skip.
fn refuse_non_text(path: &Path, start: &[u8], whole_file: bool) -> Result<usize, ImportError> {
    if whole_file && start.iter().all(u8::is_ascii_whitespace) {
        return Err(ImportError::file(
            path,
            Said::both(
                "the file is empty: expected a report with a header row; download it again",
                "文件是空的：应为带表头行的报告；请重新下载",
            ),
        ));
    }
    if start.starts_with(OLE_MAGIC) {
        return Err(ImportError::file(
            path,
            Said::both(
                "this is an old Excel .xls workbook: expected .xlsx, .csv or .txt; download the \
                 report again as .xlsx or .csv",
                "这是旧版 Excel .xls 工作簿：应为 .xlsx、.csv 或 .txt；请以 .xlsx 或 .csv 重新下载报告",
            ),
        ));
    }
    if start.starts_with(b"\xFF\xFE") || start.starts_with(b"\xFE\xFF") {
        return Err(ImportError::file(
            path,
            Said::both(
                "the file is UTF-16 text (Excel's \"Unicode Text\"), expected UTF-8 CSV or \
                 tab-separated text; download the report again from Amazon, or save it from \
                 Excel as \"CSV UTF-8\"",
                "文件是 UTF-16 文本（Excel 的“Unicode 文本”），应为 UTF-8 CSV 或制表符分隔文本；\
                 请从亚马逊重新下载报告，或在 Excel 中另存为“CSV UTF-8”",
            ),
        ));
    }
    if start[..start.len().min(8192)].contains(&0) {
        return Err(ImportError::file(
            path,
            Said::both(
                "this is a binary file, not a report: expected CSV, tab-separated text (.txt) or \
                 .xlsx as downloaded from Seller Central or the Ads console",
                "这是二进制文件，不是报告：应为从卖家平台或广告控制台下载的 CSV、制表符分隔文本（.txt）或 .xlsx",
            ),
        ));
    }
    Ok(if start.starts_with(UTF8_BOM) {
        UTF8_BOM.len()
    } else {
        0
    })
}

#[cfg(test)]
#[path = "table_tests.rs"]
mod tests;
