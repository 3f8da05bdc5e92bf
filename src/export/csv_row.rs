//! Writing a CSV row whose cells may hold untrusted text: each cell is made
//! safe for the terminal and for a spreadsheet (no formula runs on opening).

use std::io::Write;

use crate::domain::untrusted::csv_cell;

/// Writes `cells` as one record, each through `csv_cell`.
pub fn write_row<W: Write>(writer: &mut csv::Writer<W>, cells: &[&str]) -> csv::Result<()> {
    for cell in cells {
        writer.write_field(csv_cell(cell).as_bytes())?;
    }
    writer.write_record(None::<&[u8]>)
}
