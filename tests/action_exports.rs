//! `opsdeck actions --format ics`, `ics-events` and `asana` on the sample's
//! minutes with a tagged action added, read back: the calendars by an
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
        .find(|t| value(t, "UID").starts_with("2026-W47-04."))
        .unwrap();
    assert!(value(added, "UID").ends_with("@opsdeck"));
    assert_eq!(value(added, "SEQUENCE"), "0", "as made");
    assert_eq!(value(added, "LAST-MODIFIED"), "20261116T180900Z");
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

/// The calendar's items, parsed by the `ical` crate: each one's properties by name.
fn calendar_items(ics: &str) -> Vec<std::collections::BTreeMap<String, String>> {
    let calendars: Vec<_> = ical::IcalParser::new(BufReader::new(ics.as_bytes()))
        .collect::<Result<_, _>>()
        .unwrap();
    let of = |properties: &[ical::property::Property]| {
        properties
            .iter()
            .map(|p| (p.name.clone(), p.value.clone().unwrap_or_default()))
            .collect()
    };
    calendars[0]
        .todos
        .iter()
        .map(|t| of(&t.properties))
        .chain(calendars[0].events.iter().map(|e| of(&e.properties)))
        .collect()
}

#[test]
fn two_workspaces_never_share_a_uid_and_a_change_raises_the_sequence() {
    let first = workspace();
    let second = workspace();
    fs::write(
        second.path().join("opsdeck.toml"),
        fs::read_to_string(second.path().join("opsdeck.toml"))
            .unwrap()
            .replacen("title", "workspace_id = \"store-two\"\ntitle", 1),
    )
    .unwrap();
    let uids = |dir: &Path| -> std::collections::BTreeSet<String> {
        calendar_items(&actions(dir, "ics"))
            .into_iter()
            .map(|item| item["UID"].clone())
            .collect()
    };
    let (a, b) = (uids(first.path()), uids(second.path()));
    assert_eq!(a.len(), 5);
    assert!(a.is_disjoint(&b), "{a:?} and {b:?}");
    // The next meeting carries the added action to a new date.
    fs::write(
        first.path().join("minutes/2026-W48.toml"),
        r#"schema = 1
week = "2026-W48"
reviewed_week = "2026-W47"
date = "2026-11-23"
started = "2026-11-23T09:00:00-08:00"

[[actions]]
id = "2026-W47-04"
title = "Submit the Lightning Deal for 硅胶厨房铲套装, 5 pieces; check the deal price against the lowest price of the last 30 days"
owner = "Sam"
due = "2026-12-04"
sku = "HK-SP-SIL-5"
priority = "low"
status = "open"
created = "2026-11-16T10:09:00-08:00"
carried_from = "2026-W47"
weeks_carried = 1
tags = ["promo", "replenishment"]
"#,
    )
    .unwrap();
    let carried = calendar_items(&actions(first.path(), "ics"))
        .into_iter()
        .find(|item| item["UID"].starts_with("2026-W47-04."))
        .unwrap();
    assert_eq!(carried["SEQUENCE"], "1", "{carried:?}");
    assert_eq!(carried["LAST-MODIFIED"], "20261123T170000Z");
    assert_eq!(carried["DUE"], "20261204");
    assert!(a.contains(&carried["UID"]), "the same to-do, updated");
}

#[test]
fn calendars_that_import_events_only_get_all_day_events_on_the_due_dates() {
    let dir = workspace();
    let ics = actions(dir.path(), "ics-events");
    let items = calendar_items(&ics);
    assert_eq!(items.len(), 5, "every open action has a due date");
    let added = items
        .iter()
        .find(|item| item["UID"].starts_with("2026-W47-04."))
        .unwrap();
    assert_eq!(added["DTSTART"], "20261127");
    assert_eq!(
        added["DTEND"], "20261128",
        "the day after: an all-day event"
    );
    assert!(ics.contains("DTSTART;VALUE=DATE:20261127"), "{ics}");
    assert!(!ics.contains("VTODO"));
}

#[test]
fn init_gives_each_workspace_an_id_of_its_own() {
    let dir = tempfile::tempdir().unwrap();
    let id = |name: &str| {
        let output = Command::new(env!("CARGO_BIN_EXE_opsdeck"))
            .args(["init", dir.path().join(name).to_str().unwrap()])
            .output()
            .unwrap();
        assert!(output.status.success());
        let config = fs::read_to_string(dir.path().join(name).join("opsdeck.toml")).unwrap();
        config
            .lines()
            .find_map(|line| line.strip_prefix("workspace_id = \""))
            .map(|rest| rest[..rest.find('"').unwrap()].to_owned())
            .unwrap()
    };
    let (a, b) = (id("one"), id("two"));
    assert_eq!(a.len(), 12);
    assert_ne!(a, b);
}
