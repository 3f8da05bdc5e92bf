//! Where in `opsdeck.toml` a value stands, so an error names its line and column.

use std::path::Path;

use toml::Spanned;

use crate::domain::words::Said;
use crate::import::error::{ImportError, line_and_column};

/// Where in `opsdeck.toml` a value stands, for an error that names its line.
#[derive(Clone, Copy)]
pub(super) struct Place<'a> {
    pub(super) path: &'a Path,
    pub(super) text: &'a str,
}

impl Place<'_> {
    /// The error `message` at the line and column of `value`.
    pub(super) fn error<T>(self, value: &Spanned<T>, message: Said) -> ImportError {
        let (line, column) = line_and_column(self.text.as_bytes(), value.span().start);
        ImportError::at(self.path, line, Some(column), message)
    }
}
