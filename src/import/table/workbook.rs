//! An `.xlsx` workbook as a table: its first worksheet, the header the
//! first row with two cells or more, and no part unpacked beyond a limit.

use crate::domain::words::Said;
use std::io::Cursor;
use std::path::Path;

use calamine::{Data, Reader, Xlsx};

use super::{Source, Table, TableFormat};
use crate::import::error::{ImportError, quoted};
use crate::import::header::normalize;

impl<'a> Table<'a> {
    pub(super) fn open_xlsx(path: &'a Path, bytes: &[u8]) -> Result<Self, ImportError> {
        refuse_oversized_workbook(path, bytes)?;
        let unreadable = |error: &dyn std::fmt::Display| {
            ImportError::file(
                path,
                Said::both(
                    format!(
                        "cannot read this .xlsx workbook ({error}); it may be damaged or not a \
                         real workbook: download the report again from the Ads console"
                    ),
                    format!(
                        "无法读取这个 .xlsx 工作簿（{error}）；它可能已损坏或不是真正的工作簿：\
                         请从广告控制台重新下载报告"
                    ),
                ),
            )
        };
        let mut workbook: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).map_err(|e| unreadable(&e))?;
        let range = match workbook.worksheet_range_at(0) {
            Some(Ok(range)) => range,
            Some(Err(error)) => return Err(unreadable(&error)),
            None => {
                return Err(ImportError::file(
                    path,
                    Said::both("the workbook has no worksheet", "工作簿中没有工作表"),
                ));
            }
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
                        Said::both(
                            "the worksheet has no header row: expected the report's column names",
                            "工作表没有表头行：应为报告的列名",
                        ),
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
            delimiter: b',',
            estimated_rows: range.height(),
            source: Source::Sheet {
                rows: rows.collect(),
                first_row: top + skipped + 2,
            },
        })
    }
}

/// The most bytes one part of a workbook (a worksheet, its shared strings)
/// may unpack to: far above any real download (Excel's 1,048,576 rows of a
/// 20-column Ads report unpack to about 150 MB), and low enough that a
/// small file that unpacks to gigabytes cannot exhaust memory.
pub const XLSX_PART_LIMIT: u64 = 200 * 1024 * 1024;

/// Refuses a workbook one of whose parts unpacks to more than `XLSX_PART_LIMIT`,
/// reading only its directory.
pub(super) fn refuse_oversized_workbook(path: &Path, bytes: &[u8]) -> Result<(), ImportError> {
    let Ok(mut archive) = zip::ZipArchive::new(Cursor::new(bytes)) else {
        // Not readable as a zip: calamine says what is wrong.
        return Ok(());
    };
    for index in 0..archive.len() {
        let Ok(part) = archive.by_index_raw(index) else {
            continue;
        };
        if part.size() > XLSX_PART_LIMIT {
            return Err(ImportError::file(
                path,
                Said::both(
                    format!(
                        "the workbook's part {} unpacks to {} MB, more than the {} MB opsdeck \
                         reads: no Amazon download is that large; download the report again, or \
                         as .csv",
                        quoted(&part.name().unwrap_or_default(), 80),
                        part.size() / (1024 * 1024),
                        XLSX_PART_LIMIT / (1024 * 1024)
                    ),
                    format!(
                        "工作簿的部件 {} 解压后有 {} MB，超过 opsdeck 读取的上限 {} MB：亚马逊的\
                         下载不会这么大；请重新下载报告，或下载为 .csv",
                        quoted(&part.name().unwrap_or_default(), 80),
                        part.size() / (1024 * 1024),
                        XLSX_PART_LIMIT / (1024 * 1024)
                    ),
                ),
            ));
        }
    }
    Ok(())
}
