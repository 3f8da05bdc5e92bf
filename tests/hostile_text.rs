//! Text written by strangers — product titles, customer return comments —
//! and typed into the minutes reaches stdout without a single control
//! character, escape sequence or bidi override, in every command and format.

#![allow(clippy::unwrap_used)]

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

/// A clipboard write (OSC 52), a screen clear, a C1 CSI and a bidi override.
const HOSTILE_TITLE: &str = "Bamboo\x1b]52;c;aGk=\x07 Board\x1b[2J\u{9b}31m\u{202e}evil";
/// An OSC 8 link, backspace, bell and DEL, as a customer might type them.
const HOSTILE_COMMENT: &str = "Broke\x1b]8;;http://evil\x1b\\ after\x08\x08 uses\x07\x7f";

fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for entry in fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), &target).unwrap();
        }
    }
}

fn replace_in(path: &Path, from: &str, to: &str) {
    let text = fs::read_to_string(path).unwrap();
    assert!(text.contains(from), "{} lacks {from}", path.display());
    fs::write(path, text.replace(from, to)).unwrap();
}

/// The sample workspace with hostile text in a title, a comment, the minutes and the config.
fn hostile_workspace() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("ws");
    copy_dir(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-data"),
        &root,
    );
    let week = root.join("weeks/2026-W47");
    let report = fs::read_dir(&week)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.to_string_lossy().contains("BusinessReport"))
        .unwrap();
    replace_in(
        &report,
        "\"Bamboo Cutting Board with Juice Groove, Large 18\"\" x 12\"\"\"",
        &format!("\"{HOSTILE_TITLE}\""),
    );
    for entry in fs::read_dir(&week).unwrap() {
        let path = entry.unwrap().path();
        if fs::read_to_string(&path).is_ok_and(|t| t.contains("Broke after a few uses")) {
            replace_in(&path, "Broke after a few uses", HOSTILE_COMMENT);
        }
    }
    let minutes = root.join("minutes/2026-W47.toml");
    replace_in(
        &minutes,
        "title = \"Book the December sea shipment for spatula sets\"",
        "title = \"=HYPERLINK(\\\"http://x\\\") \\u001b]52;c;aGk=\\u0007 \\u202e\"",
    );
    replace_in(&minutes, "\"Marco\"", "\"Mar\\u001b[31mco\\u009b\"");
    (dir, root)
}

/// Every byte a terminal could act on: C0 but line feed, DEL, C1, bidi controls.
fn unsafe_characters(text: &str) -> Vec<char> {
    text.chars()
        .filter(|&c| {
            (c.is_control() && c != '\n')
                || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
        })
        .collect()
}

#[test]
fn no_command_prints_a_control_character() {
    let (_dir, root) = hostile_workspace();
    let ws = root.to_str().unwrap();
    let minutes = root.join("minutes/2026-W47.toml");
    let runs: Vec<Vec<&str>> = vec![
        vec!["kpis", ws, "--format", "table"],
        vec!["kpis", ws, "--format", "md"],
        vec!["kpis", ws, "--format", "csv"],
        vec!["kpis", ws, "--format", "json"],
        vec!["prep", ws],
        vec!["actions", ws, "--format", "table"],
        vec!["actions", ws, "--format", "csv"],
        vec!["actions", ws, "--format", "json"],
        vec!["minutes", minutes.to_str().unwrap(), "--format", "md"],
        vec!["minutes", minutes.to_str().unwrap(), "--format", "json"],
        vec!["check", ws],
    ];
    let mut seen_hostile = 0;
    for args in &runs {
        let output = Command::new(env!("CARGO_BIN_EXE_opsdeck"))
            .args(args)
            .output()
            .unwrap();
        let stdout = String::from_utf8(output.stdout).unwrap();
        let stderr = String::from_utf8(output.stderr).unwrap();
        assert!(output.status.success(), "{args:?}: {stderr}");
        assert_eq!(unsafe_characters(&stdout), Vec::<char>::new(), "{args:?}");
        assert_eq!(unsafe_characters(&stderr), Vec::<char>::new(), "{args:?}");
        // The text itself is still there, only defused.
        if [
            "Bamboo]52;c;aGk= Board",
            "Broke]8;;http",
            "Mar[31mco",
            "]52;c;aGk=",
        ]
        .iter()
        .any(|shown| stdout.contains(shown))
        {
            seen_hostile += 1;
        }
    }
    assert!(
        seen_hostile >= 8,
        "the hostile text reached only {seen_hostile} outputs"
    );
}

#[test]
fn csv_cells_never_run_as_spreadsheet_formulas() {
    let (_dir, root) = hostile_workspace();
    let output = Command::new(env!("CARGO_BIN_EXE_opsdeck"))
        .args(["actions", root.to_str().unwrap(), "--format", "csv"])
        .output()
        .unwrap();
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert!(stdout.contains(",\"'=HYPERLINK("), "{stdout}");
    assert!(!stdout.contains(",\"=HYPERLINK("), "{stdout}");
}
