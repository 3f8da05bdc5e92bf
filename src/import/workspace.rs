//! A workspace on disk: `opsdeck.toml` (optional), `costs.csv` (optional),
//! `weeks/<YYYY-Www>/` folders of downloads, and `minutes/`.

use std::path::{Path, PathBuf};

use crate::domain::settings::Settings;
use crate::domain::week::IsoWeek;
use crate::domain::words::Said;

use super::config::read_config;
use super::error::ImportError;

/// The file `opsdeck fetch` keeps in a week folder: what it asked Amazon
/// for. Not a report.
pub const FETCH_MANIFEST: &str = "fetch.toml";

/// The file names opsdeck gives meaning to inside a workspace.
pub const CONFIG_FILE: &str = "opsdeck.toml";
pub const COSTS_FILE: &str = "costs.csv";
/// Stock upstream of FBA: at AWD, in a warehouse, in transit, on order.
pub const SUPPLY_FILE: &str = "supply.csv";
pub const WEEK_FILE: &str = "week.toml";
pub const WEEKS_DIR: &str = "weeks";
pub const MINUTES_DIR: &str = "minutes";

/// A workspace folder with its settings and week folders (oldest first).
#[derive(Debug, Clone)]
pub struct Workspace {
    pub root: PathBuf,
    /// `Some` when the workspace has an `opsdeck.toml`.
    pub config_path: Option<PathBuf>,
    pub settings: Settings,
    pub config_warnings: Vec<Said>,
    pub weeks: Vec<WeekFolder>,
    /// Folders in `weeks/` whose names are not ISO weeks.
    pub stray_folders: Vec<PathBuf>,
}

/// One `weeks/<YYYY-Www>` folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WeekFolder {
    pub week: IsoWeek,
    pub path: PathBuf,
}

/// Whether `dir` looks like a workspace: it has an `opsdeck.toml` or a `weeks/` folder.
pub fn is_workspace(dir: &Path) -> bool {
    dir.join(CONFIG_FILE).is_file() || dir.join(WEEKS_DIR).is_dir()
}

/// Opens the workspace at `root`, reading and validating its `opsdeck.toml`.
pub fn open_workspace(root: &Path) -> Result<Workspace, ImportError> {
    if !is_workspace(root) {
        return Err(ImportError::file(
            root,
            Said::both(
                "not an opsdeck workspace: expected an opsdeck.toml or a weeks/ folder inside; \
                 run `opsdeck init` there to start one",
                "不是 opsdeck 工作区：里面应有 opsdeck.toml 或 weeks/ 文件夹；在那里运行 \
                 `opsdeck init` 即可新建一个",
            ),
        ));
    }
    let config_path = root.join(CONFIG_FILE);
    let (config_path, settings, config_warnings) = if config_path.is_file() {
        let read = read_config(&config_path)?;
        (Some(config_path), read.settings, read.warnings)
    } else {
        (None, Settings::default(), Vec::new())
    };
    let (weeks, stray_folders) = list_weeks(&root.join(WEEKS_DIR))?;
    Ok(Workspace {
        root: root.to_path_buf(),
        config_path,
        settings,
        config_warnings,
        weeks,
        stray_folders,
    })
}

impl Workspace {
    /// The workspace's `costs.csv`, if it has one.
    pub fn costs_path(&self) -> Option<PathBuf> {
        Some(self.root.join(COSTS_FILE)).filter(|path| path.is_file())
    }

    /// The workspace's `supply.csv`, when there is one.
    pub fn supply_path(&self) -> Option<PathBuf> {
        Some(self.root.join(SUPPLY_FILE)).filter(|path| path.is_file())
    }

    /// The newest week folder.
    pub fn newest_week(&self) -> Option<&WeekFolder> {
        self.weeks.last()
    }
}

/// The ISO week a folder stands for, from its name (`2026-W47`).
pub fn week_of_folder(dir: &Path) -> Option<IsoWeek> {
    dir.file_name()?.to_str()?.parse().ok()
}

/// The week folders of `weeks_dir` (oldest first) and the folders not named like a week.
pub fn list_weeks(weeks_dir: &Path) -> Result<(Vec<WeekFolder>, Vec<PathBuf>), ImportError> {
    if !weeks_dir.is_dir() {
        return Ok((Vec::new(), Vec::new()));
    }
    let mut weeks = Vec::new();
    let mut strays = Vec::new();
    for path in visible_entries(weeks_dir)? {
        if !path.is_dir() {
            continue;
        }
        match week_of_folder(&path) {
            Some(week) => weeks.push(WeekFolder { week, path }),
            None => strays.push(path),
        }
    }
    weeks.sort_by_key(|folder| folder.week);
    Ok((weeks, strays))
}

/// The file's name when it is valid UTF-8; else the error that reports it
/// (shown with replacement characters), since such a file is never skipped.
pub fn utf8_name(path: &Path) -> Result<&str, ImportError> {
    path.file_name()
        .and_then(|name| name.to_str())
        .ok_or_else(|| {
            ImportError::file(
                path,
                Said::both(
                    "the file name is not valid UTF-8 (shown with replacement characters): \
                     rename the file, or move it out of the workspace",
                    "文件名不是有效的 UTF-8（以替换字符显示）：请重命名文件，或把它移出工作区",
                ),
            )
        })
}

/// The entries of `dir` sorted by name, without hidden ones (`.DS_Store`, `.git`).
pub fn visible_entries(dir: &Path) -> Result<Vec<PathBuf>, ImportError> {
    let entries = std::fs::read_dir(dir).map_err(|error| {
        ImportError::file(
            dir,
            Said::both(
                format!("cannot list the folder: {error}"),
                format!("无法列出文件夹内容：{error}"),
            ),
        )
    })?;
    let mut paths: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        // Names that are not valid UTF-8 are kept: the reader reports them.
        // Hidden files, Office's lock files and the fetch's manifest are not reports.
        .filter(|path| {
            path.file_name().is_some_and(|name| {
                let name = name.as_encoded_bytes();
                !name.starts_with(b".")
                    && !name.starts_with(b"~$")
                    && name != FETCH_MANIFEST.as_bytes()
            })
        })
        .collect();
    paths.sort();
    Ok(paths)
}
