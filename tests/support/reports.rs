//! What the tests of real downloads share: where the downloads are (never
//! in the repository), `opsdeck check`'s JSON of a file, and figures read by
//! hand from the files' text, independently of the importer.

#![allow(clippy::cast_possible_truncation, clippy::unwrap_used)]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

/// `../shared/<name>`. The tests that read it are `#[ignore]`d, so a clone
/// without it reports them as ignored; asked to run them anyway
/// (`--include-ignored`), a missing folder fails them rather than passing
/// them unseen.
pub fn shared_dir(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared")
        .join(name);
    assert!(
        dir.is_dir(),
        "{} is absent: the real downloads are never in the repository; run these tests \
         where ../shared/ is beside the clone",
        dir.display()
    );
    dir
}

/// The JSON `opsdeck check --format json FILE` prints for one file, which
/// must be read without error.
pub fn check(path: &Path) -> Value {
    check_all(&[path.to_path_buf()])["files"][0].clone()
}

/// The JSON `opsdeck check --format json FILE…` prints for `paths` together,
/// every one of which must be read without error.
pub fn check_all(paths: &[PathBuf]) -> Value {
    let output = Command::new(env!("CARGO_BIN_EXE_opsdeck"))
        .args(["check", "--format", "json"])
        .args(paths)
        .output()
        .unwrap();
    let json: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert!(output.status.success(), "{json:#}");
    assert_eq!(json["errors"].as_array().unwrap().len(), 0, "{json:#}");
    json
}

/// Cents of `"£12,897.84"`, `"$0.5566667000000001"` or `"59.99"`: digits only, rounded.
pub fn cents(text: &str) -> i64 {
    let digits: String = text
        .chars()
        .filter(|c| c.is_ascii_digit() || *c == '.')
        .collect();
    if digits.is_empty() {
        return 0;
    }
    let (whole, fraction) = digits.split_once('.').unwrap_or((&digits, ""));
    let fraction = format!("{fraction:0<3}");
    let mut value = whole.parse::<i64>().unwrap() * 100 + fraction[..2].parse::<i64>().unwrap();
    if fraction.as_bytes()[2] >= b'5' {
        value += 1;
    }
    value
}

pub fn int(text: &str) -> i64 {
    let digits: String = text.chars().filter(char::is_ascii_digit).collect();
    if digits.is_empty() {
        0
    } else {
        digits.parse().unwrap()
    }
}

pub fn money(json: &Value) -> i64 {
    (json.as_f64().unwrap() * 100.0).round() as i64
}

/// Rows of a CSV file as header → value maps; bytes decoded leniently (the
/// numeric columns are ASCII in every encoding Amazon uses).
pub fn csv_rows(path: &Path) -> Vec<BTreeMap<String, String>> {
    let bytes = std::fs::read(path).unwrap();
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
    let mut reader = csv::ReaderBuilder::new().flexible(true).from_reader(bytes);
    let headers: Vec<String> = reader
        .byte_headers()
        .unwrap()
        .iter()
        .map(|h| String::from_utf8_lossy(h).into_owned())
        .collect();
    reader
        .byte_records()
        .map(|record| {
            let record = record.unwrap();
            headers
                .iter()
                .zip(record.iter())
                .map(|(h, v)| (h.clone(), String::from_utf8_lossy(v).into_owned()))
                .collect()
        })
        .collect()
}
