//! A week folder that holds one subfolder per marketplace (`US/`, `DE/`, …,
//! any case): each is read as a week folder of its own, its money converted
//! to the reporting currency with the `[fx]` rates (a week's `week.toml`
//! overrides `opsdeck.toml`), its SKUs and ASINs named `DE:SKU`, then all
//! are merged into the week. A folder without such subfolders is read as it is.

use crate::domain::words::Said;
use std::path::PathBuf;
use std::sync::Arc;

use crate::domain::marketplace::{Rates, in_marketplace, marketplace_code, merge, rate};
use crate::domain::week::WeekStart;
use crate::domain::week_data::WeekData;

use super::error::ImportError;
use super::kind_read::Detail;
use super::progress::ReadProgress;
use super::report_book::REPORT_BOOK;
use super::week_folder::{FolderRead, read_week_folder};
use super::workspace::{WeekFolder, utf8_name, visible_entries};

/// How the week folders of a workspace are read.
#[derive(Debug, Clone)]
pub struct FolderOptions {
    pub start: WeekStart,
    /// The currency the account is shown in.
    pub currency: String,
    pub rates: Rates,
    /// Only this marketplace, in its own currency and with its own names.
    pub only: Option<&'static str>,
    /// Where the files read are counted.
    pub progress: Arc<ReadProgress>,
}

impl FolderOptions {
    pub fn of(settings: &crate::domain::settings::Settings) -> Self {
        Self {
            start: settings.week_start,
            currency: settings.currency.clone(),
            rates: settings.fx.clone(),
            only: None,
            progress: Arc::default(),
        }
    }

    /// The files and bytes reading `folder` takes with these options.
    pub fn size_of(&self, folder: &WeekFolder) -> (u64, u64) {
        let mut folders = vec![folder.path.clone()];
        folders.extend(
            marketplace_folders(folder)
                .unwrap_or_default()
                .into_iter()
                .filter(|(code, _)| self.only.is_none_or(|only| only == *code))
                .map(|(_, path)| path),
        );
        folders
            .iter()
            .flat_map(|path| visible_entries(path).unwrap_or_default())
            .filter_map(|path| {
                std::fs::metadata(path)
                    .ok()
                    .filter(std::fs::Metadata::is_file)
            })
            .fold((0, 0), |(files, bytes), meta| {
                (files + 1, bytes + meta.len())
            })
    }
}

/// The marketplace subfolders of a week folder, in the order of `MARKETPLACES`.
pub fn marketplace_folders(
    folder: &WeekFolder,
) -> Result<Vec<(&'static str, PathBuf)>, ImportError> {
    let mut found: Vec<(&'static str, PathBuf)> = visible_entries(&folder.path)?
        .into_iter()
        .filter(|path| path.is_dir())
        .filter_map(|path| {
            let code = utf8_name(&path).ok().and_then(marketplace_code)?;
            Some((code, path))
        })
        .collect();
    found.sort_by_key(|(code, _)| {
        crate::domain::marketplace::MARKETPLACES
            .iter()
            .position(|known| known == code)
    });
    Ok(found)
}

/// Reads one week, merging its marketplaces when it has subfolders for them.
pub fn read_week(
    folder: &WeekFolder,
    options: &FolderOptions,
    detail: Detail,
) -> FolderRead<WeekData> {
    let subfolders = marketplace_folders(folder).map_err(|error| vec![error])?;
    let (root, mut warnings) = read_week_folder(folder, options.start, detail, &options.progress)?;
    if subfolders.is_empty() {
        return Ok((root, warnings));
    }
    if let Some(kind) = REPORT_BOOK
        .iter()
        .filter(|entry| entry.from_amazon)
        .map(|entry| entry.kind)
        .find(|kind| root.has(*kind))
    {
        return Err(vec![ImportError::file(
            &folder.path,
            Said::both(
                format!(
                    "a {} lies at the top of a week folder with marketplace subfolders: move it \
                     into the subfolder of its marketplace",
                    kind.title()
                ),
                format!(
                    "{} 放在了有站点子文件夹的周文件夹顶层：请把它移到所属站点的子文件夹中",
                    kind.title()
                ),
            ),
        )]);
    }
    let mut rates = options.rates.clone();
    if let Some(figures) = &root.figures {
        rates.extend(figures.fx.clone());
    }
    let wanted: Vec<(&'static str, PathBuf)> = subfolders
        .into_iter()
        .filter(|(code, _)| options.only.is_none_or(|only| only == *code))
        .collect();
    // Keys are named by marketplace whenever a week uses subfolders, so a
    // week with one marketplace lines up with weeks that have several.
    let named = options.only.is_none();
    let mut merged = WeekData::new(folder.week);
    merged.figures = root.figures;
    let mut errors = Vec::new();
    for (code, path) in wanted {
        let part_folder = WeekFolder {
            week: folder.week,
            path: path.clone(),
        };
        let (part, part_warnings) =
            match read_week_folder(&part_folder, options.start, detail, &options.progress) {
                Ok(read) => read,
                Err(part_errors) => {
                    errors.extend(part_errors);
                    continue;
                }
            };
        warnings.extend(part_warnings);
        let currency = part.currency.clone();
        let part = if options.only.is_some() {
            in_marketplace(part, code, 1.0, false)
        } else {
            let currency = currency.as_deref().unwrap_or(&options.currency);
            match rate(currency, &options.currency, &rates) {
                Ok(rate) => in_marketplace(part, code, rate, named),
                Err(why) => {
                    errors.push(ImportError::file(&path, why));
                    continue;
                }
            }
        };
        merged.currency = if options.only.is_some() {
            currency
        } else {
            Some(options.currency.clone())
        };
        merge(&mut merged, part);
    }
    if errors.is_empty() {
        Ok((merged, warnings))
    } else {
        Err(errors)
    }
}
