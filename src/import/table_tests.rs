//! Tests of `table`: formats, quoting, ragged rows, duplicate headers.

use super::workbook::refuse_oversized_workbook;
use super::*;
use crate::domain::words::Words;

fn rows(table: &Table<'_>) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    table
        .for_each_row(|row| {
            out.push((0..row.len()).map(|c| row.text(c).into_owned()).collect());
            Ok(())
        })
        .unwrap();
    out
}

fn open(text: &[u8]) -> Table<'_> {
    Table::from_bytes(Path::new("t.csv"), text).unwrap()
}

#[test]
fn csv_with_quotes_and_doubled_quotes() {
    let table = open(b"\"SKU\",\"Title\"\n\"A-1\",\"Mat 31\"\" x 19\"\"\"\n");
    assert_eq!(table.normalized, ["sku", "title"]);
    assert_eq!(rows(&table), [["A-1", "Mat 31\" x 19\""]]);
}

#[test]
fn tab_files_are_unquoted() {
    let table = open(b"sku\tproduct-name\nA-1\tFunko POP! 10\" Deluxe\nB-2\t\"quoted\" name\n");
    assert_eq!(table.format, TableFormat::Tsv);
    assert_eq!(
        rows(&table),
        [
            ["A-1", "Funko POP! 10\" Deluxe"],
            ["B-2", "\"quoted\" name"]
        ]
    );
}

#[test]
fn the_bom_is_not_part_of_the_first_header() {
    let table = open(b"\xEF\xBB\xBF(Parent) ASIN,SKU\n");
    assert_eq!(table.headers[0], "(Parent) ASIN");
}

#[test]
fn short_rows_are_errors_with_their_line() {
    let table = open(b"a,b,c\n1,2,3\n4,5\n");
    let Err(ReadError::Import(error)) = table.for_each_row(|_| Ok(())) else {
        panic!()
    };
    assert_eq!(error.line, Some(3));
    assert!(error.message.en.contains("has 2 fields"), "{error}");
}

#[test]
fn long_rows_are_counted_not_errors() {
    let stats = open(b"a,b\n1,2,3\n").for_each_row(|_| Ok(())).unwrap();
    assert_eq!(stats.longer_than_header, 1);
}

#[test]
fn duplicate_columns_are_ambiguous() {
    let table = open(b"SKU,Units,sku\n");
    let error = table.column(&["sku"]).unwrap_err();
    assert!(error.message.en.contains("appears twice"), "{error}");
    assert_eq!(table.column(&["units"]).unwrap(), Some(1));
}

#[test]
fn currency_suffix_matches_the_plain_name() {
    let table = open("14 Day Total Sales (₹)".as_bytes());
    assert_eq!(table.column(&["14 day total sales"]).unwrap(), Some(0));
    let orders = open(b"7 Day Total Orders (#)");
    assert_eq!(orders.column(&["7 day total orders"]).unwrap(), None);
}

#[test]
fn cell_errors_carry_line_column_and_header() {
    let table = Table::from_bytes(Path::new("w/r.csv"), b"SKU,Units\nA,x\n").unwrap();
    let Err(ReadError::Import(error)) =
        table.for_each_row(|row| Err(row.error(1, Words::new("a whole number", "整数"))))
    else {
        panic!()
    };
    assert_eq!(error.to_string().split(": ").next(), Some("w/r.csv:2:2"));
    assert!(error.message.en.contains("`Units`"), "{error}");
}

#[test]
fn empty_and_blank_files_are_refused() {
    assert!(Table::from_bytes(Path::new("e.csv"), b"").is_err());
    assert!(Table::from_bytes(Path::new("e.csv"), b"\n\n  ").is_err());
}

#[test]
fn windows_1252_text_is_noticed_then_read_on_request() {
    let bytes = b"sku,product-name\nA,Rug \x9663\" x 27\n";
    // The check runs ahead of the parser, so opening notices a bad byte on row 2.
    let Err(ReadError::NotUtf8(position)) = Table::from_bytes(Path::new("t.csv"), bytes) else {
        panic!()
    };
    assert_eq!((position.line, position.column), (2, 7));
    let table = Table::from_bytes_windows_1252(Path::new("t.csv"), bytes).unwrap();
    assert_eq!(table.format, TableFormat::Windows1252);
    assert_eq!(rows(&table), [["A", "Rug \u{2013}63\" x 27"]]);
}

#[test]
fn utf16_and_binary_are_refused() {
    let Err(ReadError::Import(utf16)) = Table::from_bytes(Path::new("u.txt"), b"\xFF\xFEa\0")
    else {
        panic!()
    };
    assert!(utf16.message.en.contains("UTF-16"), "{utf16}");
    let Err(ReadError::Import(binary)) = Table::from_bytes(Path::new("b.csv"), b"\x00\x01") else {
        panic!()
    };
    assert!(binary.message.en.contains("binary"), "{binary}");
}

#[test]
fn a_file_on_disk_streams_the_same_rows() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("r.csv");
    let text: String = std::iter::once("sku,units\n".to_owned())
        .chain((0..20_000).map(|n| format!("S{n},{n}\n")))
        .collect();
    std::fs::write(&path, format!("\u{FEFF}{text}")).unwrap();
    let table = Table::open(&path).unwrap();
    assert_eq!(table.headers, ["sku", "units"]);
    let all = rows(&table);
    assert_eq!(all.len(), 20_000);
    assert_eq!(all[19_999], ["S19999", "19999"]);
}

/// A real workbook whose directory claims its worksheet unpacks to `size` bytes.
fn workbook_claiming(size: u32) -> Vec<u8> {
    let mut workbook = rust_xlsxwriter::Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet.write_string(0, 0, "Date").unwrap();
    sheet.write_string(0, 1, "Spend").unwrap();
    let mut bytes = workbook.save_to_buffer().unwrap();
    let name = b"xl/worksheets/sheet1.xml";
    let entry = (0..bytes.len() - 46)
        .find(|&at| bytes[at..].starts_with(b"PK\x01\x02") && bytes[at + 46..].starts_with(name))
        .unwrap();
    bytes[entry + 24..entry + 28].copy_from_slice(&size.to_le_bytes());
    bytes
}

#[test]
fn a_workbook_that_unpacks_past_the_limit_is_refused_before_unpacking() {
    let error = Table::from_bytes(Path::new("bomb.xlsx"), &workbook_claiming(300 << 20))
        .err()
        .unwrap();
    let ReadError::Import(error) = error else {
        panic!("expected a located error");
    };
    assert!(
        error.message.en.contains("unpacks to 300 MB"),
        "{}",
        error.message.en
    );
    assert!(
        error.message.en.contains("xl/worksheets/sheet1.xml"),
        "{}",
        error.message.en
    );
    // A part just under the limit passes the check.
    let under = workbook_claiming(u32::try_from(XLSX_PART_LIMIT).unwrap());
    assert!(refuse_oversized_workbook(Path::new("ok.xlsx"), &under).is_ok());
}
