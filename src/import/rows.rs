//! One data row of a table, whatever the file format: raw cells, text, and
//! the `CellError` an importer returns for a cell it cannot use.

use crate::domain::words::{Said, Words};
use std::borrow::Cow;

use super::error::quoted;

use calamine::Data;

/// One cell's content before it is typed.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Cell<'r> {
    Missing,
    Text(&'r [u8]),
    Number(f64),
}

/// A problem with one cell, before the table adds the file and line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CellError {
    /// 0-based field index.
    pub column: usize,
    pub message: Said,
}

/// Counts of what reading the rows saw.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RowStats {
    pub rows: usize,
    /// Rows with more fields than the header; the extra fields are ignored.
    pub longer_than_header: usize,
}

pub(super) enum Cells<'r> {
    Record(&'r csv::ByteRecord),
    Sheet(&'r [Data]),
}

/// One data row, with typed access to its cells.
pub struct Row<'r> {
    /// 1-based line in the file (row number in a spreadsheet).
    pub line: u64,
    pub(super) cells: Cells<'r>,
    pub(super) headers: &'r [String],
    /// Per column, the separators its cells have shown so far.
    pub(super) styles: &'r [std::sync::atomic::AtomicU8],
}

impl<'r> Row<'r> {
    pub fn len(&self) -> usize {
        match self.cells {
            Cells::Record(record) => record.len(),
            Cells::Sheet(cells) => cells.len(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The raw cell at `column`; missing when the row is shorter.
    pub fn cell(&self, column: usize) -> Cell<'r> {
        match self.cells {
            Cells::Record(record) => record.get(column).map_or(Cell::Missing, Cell::Text),
            Cells::Sheet(cells) => match cells.get(column) {
                Some(Data::String(text) | Data::DateTimeIso(text)) => Cell::Text(text.as_bytes()),
                Some(Data::Float(value)) => Cell::Number(*value),
                #[allow(clippy::cast_precision_loss)]
                Some(Data::Int(value)) => Cell::Number(*value as f64),
                Some(Data::DateTime(value)) => Cell::Number(value.as_f64()),
                _ => Cell::Missing,
            },
        }
    }

    /// The header of `column`, for messages.
    pub fn header(&self, column: usize) -> &str {
        self.headers.get(column).map_or("", |h| h.trim())
    }

    /// The cell as text, trimmed; numbers from a spreadsheet print without a needless `.0`.
    pub fn text(&self, column: usize) -> Cow<'r, str> {
        match self.cell(column) {
            Cell::Missing => Cow::Borrowed(""),
            Cell::Text(bytes) => {
                // Fields of streamed text are already checked UTF-8; the lossy path is a fallback.
                let bytes = bytes.trim_ascii();
                std::str::from_utf8(bytes).map_or_else(
                    |_| Cow::Owned(String::from_utf8_lossy(bytes).trim().to_owned()),
                    Cow::Borrowed,
                )
            }
            Cell::Number(value) => Cow::Owned(value.to_string()),
        }
    }

    /// The optional column's text, or `""` when the report has no such column.
    pub fn text_of(&self, column: Option<usize>) -> Cow<'r, str> {
        column.map_or(Cow::Borrowed(""), |c| self.text(c))
    }

    /// A problem with this row's `column`: found the cell's text, expected `expected`.
    pub fn error(&self, column: usize, expected: Words) -> CellError {
        let header = quoted(self.header(column), 60);
        let found = quoted(&self.text(column), 40);
        CellError {
            column,
            message: Said::both(
                format!(
                    "expected {} in `{header}`, found `{found}`; correct the cell or download \
                     the report again",
                    expected.en
                ),
                format!(
                    "`{header}` 应为{}，实际是 `{found}`；请更正该单元格或重新下载报告",
                    expected.zh
                ),
            ),
        }
    }
}
