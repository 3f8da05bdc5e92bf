//! `opsdeck actions --format ics` and `--format asana` on the sample's
//! minutes with a tagged action added, read back: the calendar by an
//! independent iCalendar parser (the `ical` crate), the Asana file as CSV.

#![allow(clippy::unwrap_used)]

use std::fs;
use std::io::BufReader;
use std::path::Path;
use std::process::Command;

/// A copy of the sample with one more open action: tagged, long, with a
/// comma, a semicolon and Chinese in its title; and one done action.
fn workspace() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-data");
    copy(&sample, dir.path());
    let minutes = dir.path().join("minutes/2026-W47.toml");
    let mut text = fs::read_to_string(&minutes).unwrap();
    text.push_str(
        r#"
[[actions]]
id = "2026-W47-04"
title = "Submit the Lightning Deal for 硅胶厨房铲套装, 5 pieces; check the deal price against the lowest price of the last 30 days"
owner = "Sam"
due = "2026-11-27"
sku = "HK-SP-SIL-5"
priority = "low"
status = "open"
created = "2026-11-16T10:09:00-08:00"
weeks_carried = 0
tags = ["promo", "replenishment"]

[[actions]]
id = "2026-W47-05"
title = "Already done"
owner = "Lina"
status = "done"
weeks_carried = 0
"#,
    );
    fs::write(&minutes, text).unwrap();
    fs::write(
        dir.path().join("opsdeck.toml"),
        fs::read_to_string(dir.path().join("opsdeck.toml")).unwrap()
            + "\n[emails]\nSam = \"sam@example.com\"\n",
    )
    .unwrap();
    dir
}

fn copy(from: &Path, to: &Path) {
    for entry in fs::read_dir(from).unwrap() {
        let path = entry.unwrap().path();
        let target = to.join(path.file_name().unwrap());
        if path.is_dir() {
            fs::create_dir_all(&target).unwrap();
            copy(&path, &target);
        } else {
            fs::copy(&path, &target).unwrap();
        }
    }
}

fn actions(root: &Path, format: &str) -> String {
    let output = Command::new(env!("CARGO_BIN_EXE_opsdeck"))
        .args(["actions", root.to_str().unwrap(), "--format", format])
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

#[test]
fn the_calendar_reads_back_with_an_independent_parser() {
    let dir = workspace();
    let ics = actions(dir.path(), "ics");
    // CRLF line ends, no line longer than 75 octets.
    assert!(ics.ends_with("END:VCALENDAR\r\n"), "{ics}");
    for line in ics.split("\r\n") {
        assert!(!line.contains('\n'), "a bare LF in {line:?}");
        assert!(line.len() <= 75, "an unfolded line: {line:?}");
    }
    let calendars: Vec<_> = ical::IcalParser::new(BufReader::new(ics.as_bytes()))
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(calendars.len(), 1);
    let todos = &calendars[0].todos;
    // The sample's four open actions and the one added; not the done one.
    assert_eq!(todos.len(), 5);
    let value = |todo: &ical::parser::ical::component::IcalTodo, name: &str| {
        todo.properties
            .iter()
            .find(|p| p.name == name)
            .and_then(|p| p.value.clone())
            .unwrap_or_default()
    };
    let added = todos
        .iter()
        .find(|t| value(t, "UID") == "2026-W47-04@opsdeck")
        .unwrap();
    assert_eq!(
        value(added, "SUMMARY"),
        "Submit the Lightning Deal for 硅胶厨房铲套装\\, 5 pieces\\; check the deal price \
         against the lowest price of the last 30 days"
    );
    let due = added.properties.iter().find(|p| p.name == "DUE").unwrap();
    assert_eq!(due.value.as_deref(), Some("20261127"));
    assert!(
        due.params
            .as_ref()
            .unwrap()
            .iter()
            .any(|(k, v)| k == "VALUE" && v == &vec!["DATE".to_owned()])
    );
    let description = value(added, "DESCRIPTION");
    assert!(
        description.starts_with("Owner: Sam\\nSKU: HK-SP-SIL-5\\nMeeting: 2026-W47"),
        "{description}"
    );
    assert_eq!(value(added, "STATUS"), "NEEDS-ACTION");
    assert_eq!(value(added, "CATEGORIES"), "promo,replenishment");
    assert_eq!(value(added, "PRIORITY"), "9");
    // The same minutes give the same file.
    assert_eq!(actions(dir.path(), "ics"), ics);
}

#[test]
fn the_asana_file_has_the_importers_columns_and_dates() {
    let dir = workspace();
    let csv = actions(dir.path(), "asana");
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_owned)
        .collect();
    assert_eq!(
        header,
        [
            "Name",
            "Assignee",
            "Due Date",
            "Description",
            "Section",
            "Tags"
        ]
    );
    let rows: Vec<csv::StringRecord> = reader.records().collect::<Result<_, _>>().unwrap();
    assert_eq!(rows.len(), 5, "the open actions");
    let added = rows
        .iter()
        .find(|r| r[0].starts_with("Submit the Lightning Deal"))
        .unwrap();
    assert_eq!(&added[1], "sam@example.com");
    assert_eq!(&added[2], "11/27/2026");
    assert!(added[3].contains("SKU: HK-SP-SIL-5") && added[3].contains("2026-W47-04"));
    assert_eq!(&added[4], "promo");
    assert_eq!(&added[5], "promo,replenishment");
    let untagged = rows
        .iter()
        .find(|r| r[0].starts_with("Book the December"))
        .unwrap();
    assert_eq!(
        (&untagged[1], &untagged[4]),
        ("", "Meeting 2026-W47"),
        "Asana assigns by address: a name alone is left out"
    );
    let warned = Command::new(env!("CARGO_BIN_EXE_opsdeck"))
        .args(["actions", dir.path().to_str().unwrap(), "--format", "asana"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&warned.stderr);
    assert!(
        stderr.contains("Wei has no e-mail address") && stderr.contains("[people.Wei]"),
        "{stderr}"
    );
    assert_eq!(stderr.matches("Wei has no").count(), 1, "each owner once");
}
