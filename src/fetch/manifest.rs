//! `fetch.toml`: what `opsdeck fetch` asked Amazon for in a folder and what
//! came of it — each report's kind, marketplace, ids, times, dates, file
//! and SHA-256 — written atomically after every change, so a fetch that is
//! stopped resumes from its report ids instead of asking again.

use crate::domain::words::Said;
use std::path::Path;

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::fs::atomic::write_atomically;
use crate::import::error::ImportError;

/// The manifest's file name in each folder reports land in.
pub const MANIFEST: &str = crate::import::workspace::FETCH_MANIFEST;

/// How a fetched report stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Standing {
    Requested,
    Done,
    Failed,
}

/// One report asked for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    /// What it is (`sp-api-sales-and-traffic`, `ads-api-sp-advertised-product`, …).
    pub report: String,
    pub marketplace: String,
    /// Amazon's report type (`GET_SALES_AND_TRAFFIC_REPORT`, `spAdvertisedProduct`).
    pub report_type: String,
    pub report_id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub document_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub profile_id: Option<u64>,
    pub start: String,
    pub end: String,
    pub requested_at: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub completed_at: Option<String>,
    pub file: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sha256: Option<String>,
    pub standing: Standing,
    /// Why it failed, or how it was got (`the latest earlier report`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Manifest {
    #[serde(default)]
    pub reports: Vec<Entry>,
}

impl Manifest {
    /// The manifest of `folder`, empty when it has none.
    pub fn read(folder: &Path) -> Result<Self, ImportError> {
        let path = folder.join(MANIFEST);
        if !path.exists() {
            return Ok(Self::default());
        }
        let text = std::fs::read_to_string(&path)
            .map_err(|error| ImportError::unreadable(&path, &error))?;
        let manifest: Self = toml::from_str(&text).map_err(|error| {
            let found = error.message();
            ImportError::file(
                &path,
                Said::both(
                    format!(
                        "{found}: opsdeck writes this file; delete it to fetch every report afresh"
                    ),
                    format!("{found}：此文件由 opsdeck 写入；删除它即可重新获取全部报告"),
                ),
            )
        })?;
        // A file name is a plain name in the folder: never a path out of it.
        if let Some(entry) = manifest.reports.iter().find(|e| !is_plain_name(&e.file)) {
            let line = text
                .lines()
                .position(|line| {
                    line.trim_start().starts_with("file") && line.contains(&entry.file)
                })
                .map_or(1, |at| at as u64 + 1);
            return Err(ImportError::at(
                &path,
                line,
                None,
                Said::both(
                    "a report's `file` must be a plain file name in this folder (no folder, no \
                     `..`, no leading dot): opsdeck writes this file; delete it to fetch every \
                     report afresh",
                    "报告的 `file` 必须是本文件夹中的普通文件名（不含文件夹、`..` 或开头的点）：\
                     此文件由 opsdeck 写入；删除它即可重新获取全部报告",
                ),
            ));
        }
        Ok(manifest)
    }

    /// Writes the manifest into `folder`, atomically.
    pub fn write(&self, folder: &Path) -> std::io::Result<()> {
        std::fs::create_dir_all(folder)?;
        let text = toml::to_string(self).map_err(std::io::Error::other)?;
        let text = format!(
            "# Reports fetched by `opsdeck fetch`. A rerun resumes from these report ids.\n{text}"
        );
        write_atomically(&folder.join(MANIFEST), text.as_bytes())
    }

    /// The entry of `report` on `marketplace` for `start`–`end`.
    pub fn find(&self, report: &str, marketplace: &str, start: &str, end: &str) -> Option<&Entry> {
        self.reports.iter().find(|e| {
            e.report == report && e.marketplace == marketplace && e.start == start && e.end == end
        })
    }

    /// Puts `entry` in place of the one for the same report, or adds it.
    pub fn put(&mut self, entry: Entry) {
        match self.reports.iter_mut().find(|e| {
            e.report == entry.report
                && e.marketplace == entry.marketplace
                && e.start == entry.start
                && e.end == entry.end
        }) {
            Some(slot) => *slot = entry,
            None => self.reports.push(entry),
        }
    }

    /// Whether `file` was written by a fetch (a file not listed is the user's).
    /// The SHA-256 the manifest records for the file it names `file`.
    pub fn sha256_of(&self, file: &str) -> Option<&str> {
        self.reports
            .iter()
            .find(|e| e.file == file)
            .and_then(|e| e.sha256.as_deref())
    }
}

/// Whether `file` is a plain name opsdeck could have given a fetched file:
/// letters, digits, `-`, `_` and `.`, not starting with a dot.
pub fn is_plain_name(file: &str) -> bool {
    !file.is_empty()
        && !file.starts_with('.')
        && file
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
}

/// The SHA-256 of `bytes`, in hex.
pub fn sha256(bytes: &[u8]) -> String {
    use std::fmt::Write as _;
    Sha256::digest(bytes)
        .iter()
        .fold(String::with_capacity(64), |mut hex, b| {
            let _ = write!(hex, "{b:02x}");
            hex
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(report: &str) -> Entry {
        Entry {
            report: report.into(),
            marketplace: "US".into(),
            report_type: "GET_SALES_AND_TRAFFIC_REPORT".into(),
            report_id: "ID323".into(),
            document_id: None,
            profile_id: None,
            start: "2026-11-16".into(),
            end: "2026-11-22".into(),
            requested_at: "2026-11-23T08:00:00Z".into(),
            completed_at: None,
            file: "sp-api-sales-and-traffic-2026-W47.json".into(),
            sha256: None,
            standing: Standing::Requested,
            note: None,
        }
    }

    #[test]
    fn the_manifest_round_trips_and_an_entry_is_replaced_in_place() {
        let dir = tempfile::tempdir().unwrap();
        let mut manifest = Manifest::default();
        manifest.put(entry("sp-api-sales-and-traffic"));
        let mut done = entry("sp-api-sales-and-traffic");
        done.standing = Standing::Done;
        done.sha256 = Some(sha256(b"abc"));
        manifest.put(done.clone());
        manifest.write(dir.path()).unwrap();
        let read = Manifest::read(dir.path()).unwrap();
        assert_eq!(read.reports, vec![done]);
        assert!(
            read.find("sp-api-sales-and-traffic", "US", "2026-11-16", "2026-11-22")
                .is_some()
        );
        assert_eq!(
            read.sha256_of("sp-api-sales-and-traffic-2026-W47.json"),
            Some(sha256(b"abc").as_str())
        );
        assert_eq!(
            sha256(b"abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }

    #[test]
    fn a_file_name_that_leaves_the_folder_is_refused_with_its_line() {
        let dir = tempfile::tempdir().unwrap();
        for planted in ["../../opsdeck.toml", "/etc/passwd", ".hidden", "a/b.json"] {
            let mut bad = entry("sp-api-sales-and-traffic");
            bad.file = planted.into();
            let mut manifest = Manifest::default();
            manifest.put(entry("sp-api-fba-returns"));
            manifest.put(bad);
            manifest.write(dir.path()).unwrap();
            let error = Manifest::read(dir.path()).unwrap_err();
            let text = std::fs::read_to_string(dir.path().join(MANIFEST)).unwrap();
            let line = text.lines().position(|l| l.contains(planted)).unwrap() + 1;
            assert_eq!(error.line, Some(line as u64), "{planted}: {error}");
            assert!(error.message.en.contains("plain file name"), "{error}");
        }
    }
}
