//! The one error type of reading a workspace: where (file, line, column),
//! what was expected, and what to do about it.

use std::fmt;
use std::path::{Path, PathBuf};

use crate::domain::untrusted::clean;

/// The most characters of a file's own text an error quotes.
pub const QUOTE_LIMIT: usize = 200;

/// A problem with an input file, phrased for the person who dropped it in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportError {
    pub path: PathBuf,
    /// 1-based line (or spreadsheet row), when the problem has one.
    pub line: Option<u64>,
    /// 1-based column (field number in a table, character in a text line).
    pub column: Option<u64>,
    /// What was found, what was expected, and what to do.
    pub message: String,
}

impl ImportError {
    /// A problem with the file as a whole.
    pub fn file(path: &Path, message: impl Into<String>) -> Self {
        Self {
            path: path.to_path_buf(),
            line: None,
            column: None,
            message: message.into(),
        }
    }

    /// A problem at a line and, when known, a column.
    pub fn at(path: &Path, line: u64, column: Option<u64>, message: impl Into<String>) -> Self {
        Self {
            path: path.to_path_buf(),
            line: Some(line),
            column,
            message: message.into(),
        }
    }

    /// Where the problem is, as `path:line:column`.
    pub fn location(&self) -> String {
        match (self.line, self.column) {
            (Some(line), Some(column)) => format!("{}:{line}:{column}", self.path.display()),
            (Some(line), None) => format!("{}:{line}", self.path.display()),
            (None, _) => self.path.display().to_string(),
        }
    }
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", clean(&self.location()), clean(&self.message))
    }
}

/// A file's own text as an error quotes it: cleaned of control characters
/// and cut to `max` characters (at most `QUOTE_LIMIT`), with `…` when cut.
pub fn quoted(text: &str, max: usize) -> String {
    let max = max.min(QUOTE_LIMIT);
    let text = clean(text.trim());
    match text.char_indices().nth(max) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text.into_owned(),
    }
}

impl std::error::Error for ImportError {}

/// Line and column (1-based, the column in characters) of byte `offset` in `text`.
pub fn line_and_column(text: &[u8], offset: usize) -> (u64, u64) {
    let offset = offset.min(text.len());
    let before = &text[..offset];
    let line = memchr::memchr_iter(b'\n', before).count() + 1;
    let line_start = memchr::memrchr(b'\n', before).map_or(0, |i| i + 1);
    let column = String::from_utf8_lossy(&before[line_start..])
        .chars()
        .count()
        + 1;
    (line as u64, column as u64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locations_read_like_compiler_messages() {
        let error = ImportError::at(Path::new("weeks/a.csv"), 3, Some(7), "bad");
        assert_eq!(error.to_string(), "weeks/a.csv:3:7: bad");
        assert_eq!(
            ImportError::file(Path::new("x"), "empty").to_string(),
            "x: empty"
        );
    }

    #[test]
    fn finds_line_and_character_column_of_a_byte() {
        let text = "ab\nc–d\ne".as_bytes();
        assert_eq!(line_and_column(text, 0), (1, 1));
        assert_eq!(line_and_column(text, 3), (2, 1));
        assert_eq!(line_and_column(text, 7), (2, 3));
        assert_eq!(line_and_column(text, 99), (3, 2));
    }
}
