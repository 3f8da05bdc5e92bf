//! A report as a table of cells, whatever it was stored as: comma-separated
//! (RFC 4180 quoting), tab-separated (no quoting: a `"` is data) or `.xlsx`.
//! Importers look columns up by normalised header and read typed cells.

use std::borrow::Cow;
use std::io::Cursor;
use std::path::Path;

use calamine::{Data, Reader, Xlsx};

use super::error::ImportError;
use super::header::normalize;
use super::text::{DecodedText, TextEncoding, decode};

/// How the table was stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TableFormat {
    Csv(TextEncoding),
    Tsv(TextEncoding),
    Xlsx,
}

/// A report file opened as a table: its header row and its data rows.
pub struct Table<'a> {
    pub path: &'a Path,
    pub format: TableFormat,
    /// Header cells as written in the file.
    pub headers: Vec<String>,
    /// Header cells normalised for matching (see `header::normalize`).
    pub normalized: Vec<String>,
    /// Line and column of the first byte that was not UTF-8, for text read as Windows-1252.
    pub first_non_utf8: Option<(u64, u64)>,
    body: Body<'a>,
}

enum Body<'a> {
    Delimited {
        text: Cow<'a, [u8]>,
        delimiter: u8,
    },
    Sheet {
        rows: Vec<Vec<Data>>,
        /// Spreadsheet row number of the first data row.
        first_row: u64,
    },
}

/// One cell's content before it is typed.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Cell<'r> {
    Missing,
    Text(&'r [u8]),
    Number(f64),
}

/// Counts of what reading the rows saw.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RowStats {
    pub rows: usize,
    /// Rows with more fields than the header; the extra fields are ignored.
    pub longer_than_header: usize,
}

const ZIP_MAGIC: &[u8] = b"PK\x03\x04";
const OLE_MAGIC: &[u8] = b"\xD0\xCF\x11\xE0";

impl<'a> Table<'a> {
    /// Opens `bytes` (the content of `path`) as a table.
    pub fn open(path: &'a Path, bytes: &'a [u8]) -> Result<Self, ImportError> {
        if bytes.iter().all(u8::is_ascii_whitespace) {
            return Err(ImportError::file(
                path,
                "the file is empty: expected a report with a header row; download it again",
            ));
        }
        if bytes.starts_with(ZIP_MAGIC) {
            return Self::open_xlsx(path, bytes);
        }
        if bytes.starts_with(OLE_MAGIC) {
            return Err(ImportError::file(
                path,
                "this is an old Excel .xls workbook: expected .xlsx, .csv or .txt; \
                 download the report again as .xlsx or .csv",
            ));
        }
        Self::open_delimited(path, decode(bytes, path)?)
    }

    fn open_delimited(path: &'a Path, decoded: DecodedText<'a>) -> Result<Self, ImportError> {
        let first_line = decoded
            .text
            .split(|&b| b == b'\n')
            .next()
            .unwrap_or_default();
        let tabs = memchr::memchr_iter(b'\t', first_line).count();
        let commas = memchr::memchr_iter(b',', first_line).count();
        let delimiter = if tabs > 0 && tabs >= commas {
            b'\t'
        } else {
            b','
        };
        let mut reader = delimited_reader(&decoded.text, delimiter);
        let mut record = csv::ByteRecord::new();
        let read = reader
            .read_byte_record(&mut record)
            .map_err(|error| ImportError::file(path, format!("cannot read the header: {error}")))?;
        if !read {
            return Err(ImportError::file(path, "the file has no header row"));
        }
        let headers: Vec<String> = record
            .iter()
            .map(|field| String::from_utf8_lossy(field).into_owned())
            .collect();
        let format = if delimiter == b'\t' {
            TableFormat::Tsv(decoded.encoding)
        } else {
            TableFormat::Csv(decoded.encoding)
        };
        Ok(Self {
            path,
            format,
            normalized: headers.iter().map(|h| normalize(h)).collect(),
            headers,
            first_non_utf8: decoded.first_non_utf8,
            body: Body::Delimited {
                text: decoded.text,
                delimiter,
            },
        })
    }

    fn open_xlsx(path: &'a Path, bytes: &'a [u8]) -> Result<Self, ImportError> {
        let unreadable = |error: &dyn std::fmt::Display| {
            ImportError::file(
                path,
                format!(
                    "cannot read this .xlsx workbook ({error}); it may be damaged or not a real \
                     workbook: download the report again from the Ads console"
                ),
            )
        };
        let mut workbook: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).map_err(|e| unreadable(&e))?;
        let range = match workbook.worksheet_range_at(0) {
            Some(Ok(range)) => range,
            Some(Err(error)) => return Err(unreadable(&error)),
            None => return Err(ImportError::file(path, "the workbook has no worksheet")),
        };
        let top = u64::from(range.start().map_or(0, |(row, _)| row));
        let mut rows = range.rows().map(<[Data]>::to_vec);
        let mut skipped = 0u64;
        let header = loop {
            match rows.next() {
                Some(row) if row.iter().filter(|c| !matches!(c, Data::Empty)).count() >= 2 => {
                    break row;
                }
                Some(_) => skipped += 1,
                None => {
                    return Err(ImportError::file(
                        path,
                        "the worksheet has no header row: expected the report's column names",
                    ));
                }
            }
        };
        let headers: Vec<String> = header.iter().map(ToString::to_string).collect();
        Ok(Self {
            path,
            format: TableFormat::Xlsx,
            normalized: headers.iter().map(|h| normalize(h)).collect(),
            headers,
            first_non_utf8: None,
            body: Body::Sheet {
                rows: rows.collect(),
                first_row: top + skipped + 2,
            },
        })
    }

    /// The column whose normalised header is one of `names` (first name first).
    /// A name that appears twice is an error: the value would be ambiguous.
    pub fn column(&self, names: &[&str]) -> Result<Option<usize>, ImportError> {
        for name in names {
            let mut matches = self
                .normalized
                .iter()
                .enumerate()
                .filter(|(_, header)| header.as_str() == *name || strip_currency(header) == *name)
                .map(|(index, _)| index);
            if let Some(first) = matches.next() {
                if let Some(second) = matches.next() {
                    return Err(ImportError::at(
                        self.path,
                        1,
                        Some(second as u64 + 1),
                        format!(
                            "the column `{}` appears twice (columns {} and {}): expected each \
                             column once; download the report again without editing it",
                            self.headers[first],
                            first + 1,
                            second + 1
                        ),
                    ));
                }
                return Ok(Some(first));
            }
        }
        Ok(None)
    }

    /// Like `column`, but the column must exist.
    pub fn require(&self, names: &[&str]) -> Result<usize, ImportError> {
        self.column(names)?.ok_or_else(|| {
            ImportError::at(
                self.path,
                1,
                None,
                format!(
                    "the header has no `{}` column, which this report needs; download the report \
                     again with all columns selected",
                    names[0]
                ),
            )
        })
    }

    /// Calls `visit` with every data row, in order. The first error stops the reading.
    pub fn for_each_row(
        &self,
        mut visit: impl FnMut(&Row<'_>) -> Result<(), CellError>,
    ) -> Result<RowStats, ImportError> {
        let mut stats = RowStats::default();
        let width = self.headers.len();
        let mut check = |row: &Row<'_>, stats: &mut RowStats| {
            stats.rows += 1;
            if row.len() > width {
                stats.longer_than_header += 1;
            } else if row.len() < width {
                return Err(ImportError::at(
                    self.path,
                    row.line,
                    Some(row.len() as u64),
                    format!(
                        "this row has {} fields but the header has {width}: the file looks cut \
                         off or edited; download the report again",
                        row.len()
                    ),
                ));
            }
            visit(row).map_err(|error| {
                ImportError::at(
                    self.path,
                    row.line,
                    Some(error.column as u64 + 1),
                    error.message,
                )
            })
        };
        match &self.body {
            Body::Delimited { text, delimiter } => {
                let mut reader = delimited_reader(text, *delimiter);
                let mut record = csv::ByteRecord::new();
                let mut header_seen = false;
                loop {
                    match reader.read_byte_record(&mut record) {
                        Ok(false) => break,
                        Ok(true) if !header_seen => header_seen = true,
                        Ok(true) => {
                            let line = record.position().map_or(0, csv::Position::line);
                            let row = Row {
                                line,
                                cells: Cells::Record(&record),
                                headers: &self.headers,
                            };
                            check(&row, &mut stats)?;
                        }
                        Err(error) => {
                            let line = error.position().map_or(0, csv::Position::line);
                            return Err(ImportError::at(
                                self.path,
                                line,
                                None,
                                format!("cannot read this line: {error}"),
                            ));
                        }
                    }
                }
            }
            Body::Sheet { rows, first_row } => {
                for (offset, cells) in (0u64..).zip(rows) {
                    if cells.iter().all(|cell| matches!(cell, Data::Empty)) {
                        continue;
                    }
                    let row = Row {
                        line: first_row + offset,
                        cells: Cells::Sheet(cells),
                        headers: &self.headers,
                    };
                    check(&row, &mut stats)?;
                }
            }
        }
        Ok(stats)
    }
}

fn delimited_reader(text: &[u8], delimiter: u8) -> csv::Reader<&[u8]> {
    csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .quoting(delimiter != b'\t')
        .from_reader(text)
}

/// `14 day total sales (₹)` → `14 day total sales`: a currency in brackets is not part of the name.
fn strip_currency(header: &str) -> &str {
    header
        .strip_suffix(')')
        .and_then(|rest| rest.rsplit_once(" ("))
        .filter(|(_, currency)| {
            !currency.is_empty()
                && currency.chars().count() <= 3
                && currency.chars().all(|c| !c.is_ascii() || c == '$')
        })
        .map_or(header, |(name, _)| name)
}

/// A problem with one cell, before the table adds the file and line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CellError {
    /// 0-based field index.
    pub column: usize,
    pub message: String,
}

enum Cells<'r> {
    Record(&'r csv::ByteRecord),
    Sheet(&'r [Data]),
}

/// One data row, with typed access to its cells.
pub struct Row<'r> {
    /// 1-based line in the file (row number in a spreadsheet).
    pub line: u64,
    cells: Cells<'r>,
    headers: &'r [String],
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
            Cell::Text(bytes) => match String::from_utf8_lossy(bytes) {
                Cow::Borrowed(text) => Cow::Borrowed(text.trim()),
                Cow::Owned(text) => Cow::Owned(text.trim().to_owned()),
            },
            Cell::Number(value) => Cow::Owned(value.to_string()),
        }
    }

    /// The optional column's text, or `""` when the report has no such column.
    pub fn text_of(&self, column: Option<usize>) -> Cow<'r, str> {
        column.map_or(Cow::Borrowed(""), |c| self.text(c))
    }

    /// A problem with this row's `column`: found `cell`, expected `what`.
    pub fn error(&self, column: usize, expected: &str) -> CellError {
        let found = self.text(column);
        let shown: String = found.chars().take(40).collect();
        let ellipsis = if found.chars().count() > 40 {
            "…"
        } else {
            ""
        };
        CellError {
            column,
            message: format!(
                "expected {expected} in `{}`, found `{shown}{ellipsis}`; correct the cell or \
                 download the report again",
                self.header(column)
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(table: &Table<'_>) -> Vec<Vec<String>> {
        let mut out = Vec::new();
        table
            .for_each_row(|row| {
                out.push((0..row.len()).map(|c| row.text(c).into_owned()).collect());
                Ok(())
            })
            .unwrap();
        out
    }

    #[test]
    fn csv_with_quotes_and_doubled_quotes() {
        let text = "\"SKU\",\"Title\"\n\"A-1\",\"Mat 31\"\" x 19\"\"\"\n";
        let table = Table::open(Path::new("t.csv"), text.as_bytes()).unwrap();
        assert_eq!(table.normalized, ["sku", "title"]);
        assert_eq!(rows(&table), [["A-1", "Mat 31\" x 19\""]]);
    }

    #[test]
    fn tab_files_are_unquoted() {
        let text = "sku\tproduct-name\nA-1\tFunko POP! 10\" Deluxe\nB-2\t\"quoted\" name\n";
        let table = Table::open(Path::new("t.txt"), text.as_bytes()).unwrap();
        assert!(matches!(table.format, TableFormat::Tsv(_)));
        assert_eq!(
            rows(&table),
            [
                ["A-1", "Funko POP! 10\" Deluxe"],
                ["B-2", "\"quoted\" name"]
            ]
        );
    }

    #[test]
    fn short_rows_are_errors_with_their_line() {
        let text = "a,b,c\n1,2,3\n4,5\n";
        let table = Table::open(Path::new("t.csv"), text.as_bytes()).unwrap();
        let error = table.for_each_row(|_| Ok(())).unwrap_err();
        assert_eq!(error.line, Some(3));
        assert!(error.message.contains("has 2 fields"), "{error}");
    }

    #[test]
    fn long_rows_are_counted_not_errors() {
        let text = "a,b\n1,2,3\n";
        let table = Table::open(Path::new("t.csv"), text.as_bytes()).unwrap();
        let stats = table.for_each_row(|_| Ok(())).unwrap();
        assert_eq!(stats.longer_than_header, 1);
    }

    #[test]
    fn duplicate_columns_are_ambiguous() {
        let table = Table::open(Path::new("t.csv"), b"SKU,Units,sku\n").unwrap();
        let error = table.column(&["sku"]).unwrap_err();
        assert!(error.message.contains("appears twice"), "{error}");
        assert_eq!(table.column(&["units"]).unwrap(), Some(1));
    }

    #[test]
    fn currency_suffix_matches_the_plain_name() {
        let table = Table::open(Path::new("t.csv"), "14 Day Total Sales (₹)".as_bytes()).unwrap();
        assert_eq!(table.column(&["14 day total sales"]).unwrap(), Some(0));
        let orders = Table::open(Path::new("t.csv"), b"7 Day Total Orders (#)").unwrap();
        assert_eq!(orders.column(&["7 day total orders"]).unwrap(), None);
    }

    #[test]
    fn cell_errors_carry_line_column_and_header() {
        let table = Table::open(Path::new("w/r.csv"), b"SKU,Units\nA,x\n").unwrap();
        let error = table
            .for_each_row(|row| Err(row.error(1, "a whole number")))
            .unwrap_err();
        assert_eq!(error.to_string().split(": ").next(), Some("w/r.csv:2:2"));
        assert!(error.message.contains("`Units`"), "{error}");
    }

    #[test]
    fn empty_and_blank_files_are_refused() {
        assert!(Table::open(Path::new("e.csv"), b"").is_err());
        assert!(Table::open(Path::new("e.csv"), b"\n\n  ").is_err());
    }
}
