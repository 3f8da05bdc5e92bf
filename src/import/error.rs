//! The one error type of reading a workspace: where (file, line, column),
//! what was expected, and what to do about it, in every language.

use std::fmt;
use std::path::{Path, PathBuf};

use crate::domain::settings::Language;
use crate::domain::untrusted::clean;
use crate::domain::words::Said;

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
    pub message: Said,
}

impl ImportError {
    /// A problem with the file as a whole.
    pub fn file(path: &Path, message: Said) -> Self {
        Self {
            path: path.to_path_buf(),
            line: None,
            column: None,
            message,
        }
    }

    /// A problem at a line and, when known, a column.
    pub fn at(path: &Path, line: u64, column: Option<u64>, message: Said) -> Self {
        Self {
            path: path.to_path_buf(),
            line: Some(line),
            column,
            message,
        }
    }

    /// `path:line:column: message` in `language`, cleaned for a terminal.
    pub fn in_language(&self, language: Language) -> String {
        format!(
            "{}: {}",
            clean(&self.location()),
            clean(self.message.get(language))
        )
    }

    /// `path:line:column: message` in every language.
    pub fn said(&self) -> Said {
        Said::both(
            self.in_language(Language::English),
            self.in_language(Language::Chinese),
        )
    }

    /// A file that cannot be read at all (missing, no permission, a disk error).
    pub fn unreadable(path: &Path, error: &std::io::Error) -> Self {
        Self::file(
            path,
            Said::both(
                format!("cannot read the file: {error}"),
                format!("无法读取文件：{error}"),
            ),
        )
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
        f.write_str(&self.in_language(Language::English))
    }
}

/// Where to turn after a workspace's problems: `opsdeck check` lists them all.
pub fn whole_picture(workspace: &Path, language: Language) -> String {
    let shown = workspace.display();
    match language {
        Language::English => format!("Run `opsdeck check {shown}` for the whole picture."),
        Language::Chinese => format!("运行 `opsdeck check {shown}` 查看全部问题。"),
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
        let bad = Said::both("bad", "坏");
        let error = ImportError::at(Path::new("weeks/a.csv"), 3, Some(7), bad.clone());
        assert_eq!(error.to_string(), "weeks/a.csv:3:7: bad");
        assert_eq!(error.in_language(Language::Chinese), "weeks/a.csv:3:7: 坏");
        assert_eq!(ImportError::file(Path::new("x"), bad).to_string(), "x: bad");
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
