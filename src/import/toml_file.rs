//! Reading opsdeck's own TOML files with errors that point at the line and
//! column, so a typo in `opsdeck.toml` or `week.toml` is found at once.

use std::path::Path;

use serde::de::DeserializeOwned;

use crate::domain::words::Said;

use super::error::{ImportError, line_and_column};

/// Parses `text` (the content of `path`) into `T`; unknown keys are errors when `T` says so.
pub fn parse_toml<T: DeserializeOwned>(path: &Path, text: &str) -> Result<T, ImportError> {
    if let Some((line, marker)) = conflict_marker(text) {
        return Err(ImportError::at(
            path,
            line,
            Some(1),
            Said::both(
                format!(
                    "a merge conflict marker (`{marker}`) left by git: keep the lines of one \
                     side (or both, with distinct ids), delete the markers, and save"
                ),
                format!(
                    "git 留下的合并冲突标记（`{marker}`）：保留其中一方的行（或两方都保留，id \
                     不同），删除标记后保存"
                ),
            ),
        ));
    }
    toml::from_str(text).map_err(|error| {
        let found = error.message().trim_end_matches('\n');
        let message = Said::both(
            format!("{found}; fix the file (see `opsdeck init` for a commented example)"),
            format!("{found}；请修改文件（`opsdeck init` 写出带注释的示例）"),
        );
        match error.span() {
            Some(span) => {
                let (line, column) = line_and_column(text.as_bytes(), span.start);
                ImportError::at(path, line, Some(column), message)
            }
            None => ImportError::file(path, message),
        }
    })
}

/// The first line (1-based) that is a merge conflict marker git writes, and the marker.
pub fn conflict_marker(text: &str) -> Option<(u64, &'static str)> {
    text.lines().zip(1u64..).find_map(|(line, number)| {
        ["<<<<<<<", "=======", ">>>>>>>", "|||||||"]
            .into_iter()
            .find(|marker| {
                line.strip_prefix(marker)
                    .is_some_and(|rest| rest.is_empty() || rest.starts_with(' '))
            })
            .map(|marker| (number, marker))
    })
}

/// Reads a TOML file as UTF-8 text.
pub fn read_text(path: &Path) -> Result<String, ImportError> {
    let bytes = std::fs::read(path).map_err(|error| ImportError::unreadable(path, &error))?;
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
    String::from_utf8(bytes.to_vec()).map_err(|error| {
        let (line, column) = line_and_column(bytes, error.utf8_error().valid_up_to());
        ImportError::at(
            path,
            line,
            Some(column),
            Said::both(
                "the file is not UTF-8 text; save it as UTF-8",
                "文件不是 UTF-8 文本；请以 UTF-8 保存",
            ),
        )
    })
}
