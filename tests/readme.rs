//! The README documents what the code declares: every bound key of the
//! cockpit and of the capture line, every diagnosis rule's id and labels,
//! and every kind of Amazon report opsdeck reads.

#![allow(clippy::unwrap_used)]

use opsdeck::app::keymap::help_keys;
use opsdeck::app::mode::Mode;
use opsdeck::domain::rule_book::RULE_BOOK;

fn readme() -> String {
    std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap()
}

#[test]
fn every_key_of_the_cockpit_and_the_capture_line_is_in_the_readme() {
    let readme = readme();
    for mode in [Mode::Browsing, Mode::Capturing] {
        for line in help_keys(mode) {
            if line.keys == "type" {
                continue;
            }
            for key in line.keys.split([' ', '/']).filter(|k| !k.is_empty()) {
                assert!(
                    readme.contains(&format!("`{key}`")),
                    "`{key}` ({}) is bound but not in the README",
                    line.what.en
                );
            }
        }
    }
}

#[test]
fn every_rule_is_in_the_readme_with_its_labels() {
    let readme = readme();
    for entry in &RULE_BOOK {
        let row = format!(
            "| `{}` | {} | {} |",
            entry.id, entry.label.en, entry.label.zh
        );
        assert!(readme.contains(&row), "{row} is not in the README");
    }
}

#[test]
fn every_amazon_report_kind_is_named_in_the_readme() {
    let readme = readme();
    for entry in opsdeck::import::report_book::REPORT_BOOK
        .iter()
        .filter(|entry| entry.from_amazon)
    {
        let name = format!("`{}`", entry.kind.name());
        assert!(readme.contains(&name), "{name} is not in the README");
    }
}

#[test]
fn every_threshold_is_in_the_readme_with_its_default() {
    let readme = readme();
    for (key, default) in opsdeck::domain::settings::Thresholds::KEYS {
        let row = format!("| `{key}` | {default} |");
        assert!(readme.contains(&row), "{row} is not in the README");
    }
}
