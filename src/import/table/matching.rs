//! Which column of a table holds a field: its header matched by name (in
//! any language the field has), a name found twice an error.

use super::Table;
use crate::domain::words::Said;
use crate::import::columns::{Column, names_column};
use crate::import::error::{ImportError, quoted};

impl Table<'_> {
    /// The column whose normalised header is one of `names` (first name first).
    /// A name that appears twice is an error: the value would be ambiguous.
    pub fn column(&self, names: &[&str]) -> Result<Option<usize>, ImportError> {
        self.first_named(names.iter().copied())
    }

    /// The position of `column` under any of its names, in any language.
    pub fn find(&self, column: &Column) -> Result<Option<usize>, ImportError> {
        self.first_named(column.names.iter().map(|(_, name)| *name))
    }

    /// Like `find`, but the column must exist.
    pub fn need(&self, column: &Column) -> Result<usize, ImportError> {
        self.find(column)?
            .ok_or_else(|| self.missing_column(column.name()))
    }

    /// The first of `names` the header has; a name found twice is an error.
    pub(super) fn first_named<'n>(
        &self,
        names: impl Iterator<Item = &'n str>,
    ) -> Result<Option<usize>, ImportError> {
        for name in names {
            let mut matches = self
                .normalized
                .iter()
                .enumerate()
                .filter(|(_, header)| names_column(header, name))
                .map(|(index, _)| index);
            if let Some(first) = matches.next() {
                if let Some(second) = matches.next() {
                    return Err(ImportError::at(
                        self.path,
                        1,
                        Some(second as u64 + 1),
                        Said::both(
                            format!(
                                "the column `{}` appears twice (columns {} and {}): expected \
                                 each column once; download the report again without editing it",
                                quoted(&self.headers[first], 60),
                                first + 1,
                                second + 1
                            ),
                            format!(
                                "列 `{}` 出现了两次（第 {} 列和第 {} 列）：每列只应出现一次；\
                                 请重新下载报告，不要编辑",
                                quoted(&self.headers[first], 60),
                                first + 1,
                                second + 1
                            ),
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
        self.column(names)?
            .ok_or_else(|| self.missing_column(names[0]))
    }

    pub(super) fn missing_column(&self, name: &str) -> ImportError {
        ImportError::at(
            self.path,
            1,
            None,
            Said::both(
                format!(
                    "the header has no `{name}` column, which this report needs; download the \
                     report again with all columns selected"
                ),
                format!("表头中没有这份报告需要的 `{name}` 列；请勾选全部列后重新下载报告"),
            ),
        )
    }
}
