//! A realistic meeting at 80×24, in English and in Chinese, typed into the
//! real binary under tmux: last meeting's four actions settled in the
//! review with `D` `x` `c`, eight actions captured in four tag groups, the
//! plan walked from end to end. After every key the selected row must be
//! drawn (the selection's colours are on screen) and every verdict must be
//! confirmed on screen; at the end the minutes hold exactly what was shown.
//! Skips (saying why) without tmux.

#![allow(clippy::unwrap_used)]

use std::time::Duration;

mod support;

use support::{Tmux, workspace};

/// The dark theme's selection background (256-colour 24), as tmux writes it.
const SELECTED: &str = "48;5;24";

/// Eight captures in four tag groups, as a real meeting makes them (one
/// list, shared with the other end-to-end test of the same meeting).
const CAPTURES: &str = include_str!("data/realistic_captures.txt");

/// What the screen says, in one language.
struct Words {
    language: &'static str,
    heading: &'static str,
    drop_prompt: &'static str,
    carry_prompt: &'static str,
    dropped: &'static str,
    done: &'static str,
    carried: &'static str,
}

const ENGLISH: Words = Words {
    language: "en",
    heading: "Last meeting's actions",
    drop_prompt: "Why drop it ›",
    carry_prompt: "Carry to ›",
    dropped: "dropped",
    done: "marked done",
    carried: "carried",
};

const CHINESE: Words = Words {
    language: "zh",
    heading: "上次会议的行动项",
    drop_prompt: "放弃原因 ›",
    carry_prompt: "顺延至 ›",
    dropped: "已放弃",
    done: "已标记完成",
    carried: "已顺延",
};

fn coloured(tmux: &Tmux) -> String {
    String::from_utf8_lossy(
        &tmux
            .run(&["capture-pane", "-e", "-p", "-t", "meeting"])
            .stdout,
    )
    .into_owned()
}

/// Sends `key` and fails unless the selected row is drawn once the screen settles.
fn key_with_selection_drawn(tmux: &Tmux, key: &str, words: &Words) {
    tmux.keys(&[key]);
    let mut last = String::new();
    for _ in 0..30 {
        let screen = coloured(tmux);
        if screen == last {
            assert!(
                screen.contains(SELECTED),
                "{}: no selected row after `{key}`:\n{}",
                words.language,
                tmux.screen()
            );
            return;
        }
        last = screen;
        std::thread::sleep(Duration::from_millis(100));
    }
    panic!("{}: the screen never settled after `{key}`", words.language);
}

fn meeting_in(words: &Words) {
    let binary = env!("CARGO_BIN_EXE_opsdeck");
    let (_dir, sample) = workspace();
    let config = sample.join("opsdeck.toml");
    let text = std::fs::read_to_string(&config).unwrap();
    let text = text.replace(
        "language = \"en\"",
        &format!("language = \"{}\"", words.language),
    );
    std::fs::write(&config, text).unwrap();
    let command = format!("{binary} {} --theme dark", sample.display());
    let Some(tmux) = Tmux::start(&format!("realistic-{}", words.language), 80, 24, &command) else {
        return;
    };
    tmux.wait_for(words.heading);
    assert!(
        coloured(&tmux).contains(SELECTED),
        "the first action is selected"
    );

    // Last meeting's actions, settled in the review where they are listed.
    tmux.keys(&["D"]);
    tmux.wait_for(words.drop_prompt);
    tmux.type_text("removal fee too high");
    tmux.keys(&["Enter"]);
    tmux.wait_for(&format!("{} 2026-W45-03", words.dropped));
    key_with_selection_drawn(&tmux, "j", words);
    key_with_selection_drawn(&tmux, "x", words);
    tmux.wait_for(&format!("{} 2026-W47-01", words.done));
    key_with_selection_drawn(&tmux, "j", words);
    tmux.keys(&["c"]);
    tmux.wait_for(words.carry_prompt);
    tmux.keys(&["Enter"]);
    tmux.wait_for(&format!("{} 2026-W47-02", words.carried));
    key_with_selection_drawn(&tmux, "j", words);
    key_with_selection_drawn(&tmux, "x", words);
    tmux.wait_for(&format!("{} 2026-W47-03", words.done));
    // On into the SKU table and back.
    for key in ["j", "j", "G", "g"] {
        key_with_selection_drawn(&tmux, key, words);
    }

    // Eight captures in four tag groups.
    for (n, line) in CAPTURES.lines().enumerate() {
        tmux.keys(&["a"]);
        tmux.type_text(line);
        tmux.keys(&["Enter"]);
        tmux.wait_for(&format!("2026-W48-{:02}", n + 1));
    }

    // The plan, walked from end to end: the selected row is always drawn.
    key_with_selection_drawn(&tmux, "3", words);
    let rows = CAPTURES.lines().count() + 1 + 4;
    for _ in 0..rows {
        key_with_selection_drawn(&tmux, "j", words);
    }
    for key in ["g", "G", "PageUp", "PageDown", "g"] {
        key_with_selection_drawn(&tmux, key, words);
    }
    for view in ["2", "4", "1"] {
        key_with_selection_drawn(&tmux, view, words);
        key_with_selection_drawn(&tmux, "G", words);
        key_with_selection_drawn(&tmux, "g", words);
    }

    // Rated and ended.
    tmux.keys(&["R"]);
    tmux.type_text("Lina 8 Wei 9");
    tmux.keys(&["Enter", "q", "y"]);
    assert!(
        tmux.stopped_within(Duration::from_secs(5)),
        "{}: the cockpit did not quit:\n{}",
        words.language,
        tmux.screen()
    );

    minutes_hold_what_was_confirmed(&sample, words);
}

/// The minutes hold exactly what the screen confirmed.
fn minutes_hold_what_was_confirmed(sample: &std::path::Path, words: &Words) {
    let minutes = std::fs::read_to_string(sample.join("minutes/2026-W48.toml")).unwrap();
    let minutes: toml::Table = toml::from_str(&minutes).unwrap();
    let actions = minutes["actions"].as_array().unwrap();
    let new: Vec<&toml::Value> = actions
        .iter()
        .filter(|a| a["id"].as_str().unwrap().starts_with("2026-W48-"))
        .collect();
    let captured: Vec<&str> = new.iter().map(|a| a["title"].as_str().unwrap()).collect();
    let titles: Vec<String> = CAPTURES
        .lines()
        .map(|line| line.split(" @").next().unwrap().to_owned())
        .collect();
    assert_eq!(captured, titles, "{}", words.language);
    for (action, line) in new.iter().zip(CAPTURES.lines()) {
        let tag = line.rsplit('+').next().unwrap();
        assert_eq!(action["tags"].as_array().unwrap()[0].as_str(), Some(tag));
    }
    let verdict = |id: &str| {
        minutes["follow_ups"]
            .as_array()
            .unwrap()
            .iter()
            .find(|a| a["id"].as_str() == Some(id))
            .map(|a| a["status"].as_str().unwrap().to_owned())
            .unwrap()
    };
    assert_eq!(verdict("2026-W45-03"), "dropped");
    assert_eq!(verdict("2026-W47-01"), "done");
    assert_eq!(verdict("2026-W47-02"), "carried");
    assert_eq!(verdict("2026-W47-03"), "done");
    assert!(
        actions
            .iter()
            .any(|a| a["id"].as_str() == Some("2026-W47-02")),
        "the carried copy joins this meeting's actions"
    );
}

#[test]
fn a_realistic_meeting_at_80_by_24_in_english() {
    meeting_in(&ENGLISH);
}

#[test]
fn a_realistic_meeting_at_80_by_24_in_chinese() {
    meeting_in(&CHINESE);
}
