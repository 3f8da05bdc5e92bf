//! Reading one week folder into its `WeekData`, each fact counted once: a
//! file with the same bytes as another is skipped, a report whose rows all
//! fall outside the week counts as missing (not as zero), the days a second
//! ads report of the same kind repeats are left out of it, and repeated
//! snapshot, return and feedback rows count once — each with a warning that
//! names the files.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use crate::domain::report::ReportKind;
use crate::domain::week::WeekStart;
use crate::domain::week_data::WeekData;
use crate::domain::words::{InEach, Said};

use super::error::ImportError;
use super::kind_read::{Detail, ReportFile, WeekFilter};
use super::progress::ReadProgress;
use super::report::read_report_with;
use super::week_file::read_week_file;
use super::workspace::{WEEK_FILE, WeekFolder, utf8_name, visible_entries};

/// One folder read: what it gave and its warnings.
pub type FolderRead<T> = Result<(T, Vec<Said>), Vec<ImportError>>;

/// Reads every file of one week folder, to `detail`, into its `WeekData`.
pub fn read_week_folder(
    folder: &WeekFolder,
    start: WeekStart,
    detail: Detail,
    progress: &ReadProgress,
) -> FolderRead<WeekData> {
    let entries = visible_entries(&folder.path).map_err(|error| vec![error])?;
    // Marketplace subfolders are read by `marketplaces::read_week`.
    let files: Vec<&PathBuf> = entries.iter().filter(|p| p.is_file()).collect();
    let copies = identical_files(&files);
    let filter = WeekFilter {
        week: folder.week,
        start,
    };
    let mut reader = FolderReader {
        filter,
        detail,
        data: WeekData::new(folder.week),
        first_of_kind: HashMap::new(),
        warnings: Vec::new(),
        errors: Vec::new(),
    };
    // What is neither a file nor a marketplace's folder is said, not read:
    // a pipe would block the read, a device never end it.
    for other in entries.iter().filter(|p| !p.is_file()) {
        let marketplace = other.is_dir()
            && other
                .file_name()
                .and_then(|n| n.to_str())
                .and_then(crate::domain::marketplace::marketplace_code)
                .is_some();
        if !marketplace {
            let shown = other.display();
            reader.warnings.push(Said::new(
                format!(
                    "{shown}: not a report file (a folder, a pipe or a device): skipped — move it \
                     out of the week folder"
                ),
                format!("{shown}：不是报告文件（文件夹、管道或设备）：已跳过 — 请移出周文件夹"),
            ));
        }
    }
    for (at, path) in files.iter().enumerate() {
        if let Some(original) = copies.get(&at) {
            let (shown, first) = (path.display(), files[*original].display());
            reader.warnings.push(Said::new(
                format!("{shown}: the same bytes as {first}: counted once — delete one of the two"),
                format!("{shown}：与 {first} 内容完全相同：只计一次 — 请删除其中一个"),
            ));
        } else {
            reader.read(path);
        }
        progress.file_read(std::fs::metadata(path).map_or(0, |m| m.len()));
    }
    // Named like a file's warning, so the week's notices show it.
    reader
        .warnings
        .extend(cross_check(&reader.data).map(|warning| {
            warning.map(|text| {
                format!(
                    "{}{}{text}",
                    folder.path.display(),
                    std::path::MAIN_SEPARATOR
                )
            })
        }));
    if reader.errors.is_empty() {
        Ok((reader.data, reader.warnings))
    } else {
        Err(reader.errors)
    }
}

/// The Business Report by Date and the one by child item describe the same
/// week's sales: a difference above 1 % is worth a look (a download for other
/// dates, a missing day).
fn cross_check(data: &WeekData) -> Option<Said> {
    let (business, days) = (data.business.as_ref()?, data.days.as_ref()?);
    let by_item: i64 = business.sales.iter().map(|s| s.sales.cents()).sum();
    let by_date: i64 = days.iter().map(|d| d.sales.cents()).sum();
    let larger = by_item.abs().max(by_date.abs());
    // A difference of more than 1 %, in integer cents: 100 × |a − b| > max(|a|, |b|).
    (larger > 0 && 100 * (by_item - by_date).abs() > larger).then(|| {
        let (dated, itemised) = (to_units(by_date), to_units(by_item));
        Said::new(
            format!(
                "the Business Report by Date gives sales of {dated:.2} for the week, the one by \
                 child item {itemised:.2}: more than 1 % apart — check both were downloaded for the \
                 same dates"
            ),
            format!(
                "按日期的业务报告本周销售额为 {dated:.2}，按子商品的为 {itemised:.2}：相差超过 1% — \
                 请检查两份报告是否下载自同一日期范围"
            ),
        )
    })
}

#[allow(clippy::cast_precision_loss)]
fn to_units(cents: i64) -> f64 {
    cents as f64 / 100.0
}

struct FolderReader {
    filter: WeekFilter,
    detail: Detail,
    data: WeekData,
    /// The first file of each kind, with the days the files of that kind gave.
    first_of_kind: HashMap<ReportKind, (PathBuf, Vec<NaiveDate>)>,
    warnings: Vec<Said>,
    errors: Vec<ImportError>,
}

impl FolderReader {
    fn read(&mut self, path: &Path) {
        let name = match utf8_name(path) {
            Ok(name) => name,
            Err(error) => return self.errors.push(error),
        };
        if name == WEEK_FILE {
            match read_week_file(path) {
                Ok(figures) => self.data.figures = Some(figures),
                Err(error) => self.errors.push(error),
            }
            return;
        }
        match self.read_once(path) {
            Ok(file) => self.add(path, file),
            Err(error) => self.errors.push(error),
        }
    }

    /// Reads a report; an ads report is read again without the days
    /// another file of its kind already gave (its rows are summed by key).
    fn read_once(&self, path: &Path) -> Result<ReportFile, ImportError> {
        let file = read_report_with(path, Some(self.filter), self.detail, &[])?;
        // A report fetched from an API and its download are one kind of data.
        let kind = file.kind.data_kind();
        match self.first_of_kind.get(&kind) {
            Some((_, covered))
                if is_ads(kind) && file.days.iter().any(|day| covered.contains(day)) =>
            {
                read_report_with(path, Some(self.filter), self.detail, covered)
            }
            _ => Ok(file),
        }
    }

    fn add(&mut self, path: &Path, file: ReportFile) {
        let shown = path.display();
        self.warnings.extend(
            file.warnings
                .iter()
                .map(|w| InEach::new(format!("{shown}: {}", w.en), format!("{shown}：{}", w.zh))),
        );
        if file.rows > 0 && file.left_out == file.rows {
            // Every row was dated outside the week: missing, not zero.
            return;
        }
        let kind = file.kind.data_kind();
        let first = self.first_of_kind.get(&kind).map(|(p, _)| p.clone());
        if let Some(first) = &first {
            if file.repeated > 0 {
                let (rows, first) = (file.repeated, first.display());
                self.warnings.push(Said::new(
                    format!(
                        "{shown}: {rows} rows on days {first} already gives were left out \
                         (counted once)"
                    ),
                    format!("{shown}：{rows} 行的日期 {first} 已经覆盖，已略去（只计一次）"),
                ));
            }
            if file.days.is_empty() && is_ads(kind) {
                let (title, first) = (kind.title(), first.display());
                self.warnings.push(Said::new(
                    format!(
                        "{shown}: a second {title} with undated rows; its rows were added to \
                         those of {first} — remove one if it is the same download twice"
                    ),
                    format!(
                        "{shown}：第二份没有日期的 {title}；其行已加到 {first} 的行中 — \
                         如果是同一份下载请删除一份"
                    ),
                ));
            }
        }
        self.data.currency = self.data.currency.take().or(file.currency);
        self.data.ad_attribution_days = self.data.ad_attribution_days.or(file.attribution_days);
        let repeated = self.data.add(file.facts);
        if let (Some(first), true) = (&first, repeated > 0) {
            let first = first.display();
            self.warnings.push(Said::new(
                format!("{shown}: {repeated} rows repeat rows of {first} and were counted once"),
                format!("{shown}：{repeated} 行与 {first} 的行重复，只计一次"),
            ));
        }
        self.first_of_kind
            .entry(kind)
            .or_insert_with(|| (path.to_owned(), Vec::new()))
            .1
            .extend(file.days);
    }
}

fn is_ads(kind: ReportKind) -> bool {
    matches!(
        kind,
        ReportKind::AdsAdvertisedProduct
            | ReportKind::AdsCampaign
            | ReportKind::AdsSearchTerm
            | ReportKind::AdsTargeting
    )
}

/// Files with the same bytes as an earlier file of the list: index → the earlier one's index.
fn identical_files(files: &[&PathBuf]) -> HashMap<usize, usize> {
    let mut by_size: HashMap<u64, Vec<usize>> = HashMap::new();
    for (at, path) in files.iter().enumerate() {
        if let Ok(meta) = std::fs::metadata(path) {
            by_size.entry(meta.len()).or_default().push(at);
        }
    }
    let mut copies = HashMap::new();
    for group in by_size.values().filter(|g| g.len() > 1) {
        let contents: Vec<Option<Vec<u8>>> = group
            .iter()
            .map(|&at| std::fs::read(files[at]).ok())
            .collect();
        for (i, &at) in group.iter().enumerate() {
            let original = (0..i).find(|&j| {
                contents[j].is_some()
                    && contents[j] == contents[i]
                    && !copies.contains_key(&group[j])
            });
            if let Some(j) = original {
                copies.insert(at, group[j]);
            }
        }
    }
    copies
}

#[cfg(test)]
#[path = "week_folder_tests.rs"]
mod tests;
