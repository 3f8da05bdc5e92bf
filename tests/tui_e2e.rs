//! The real binary in a real terminal: tmux starts the cockpit on the sample
//! workspace, the test types keys and reads the screen back. Skips (saying
//! why) where tmux is not installed.

#![allow(clippy::unwrap_used)]

use std::process::Command;
use std::thread::sleep;
use std::time::Duration;

mod support;

use support::{Tmux, workspace};

#[test]
fn a_whole_meeting_in_a_real_terminal() {
    let binary = env!("CARGO_BIN_EXE_opsdeck");
    let (_dir, sample) = workspace();
    let command = format!("{binary} {}", sample.display());
    let Some(tmux) = Tmux::start("meeting", 100, 30, &command) else {
        return;
    };
    // The header is drawn before the reports are read; the review follows them.
    tmux.wait_for("Week 2026-W47");
    let screen = tmux.wait_for("Last meeting's actions");
    assert!(screen.contains("REVIEW"), "{screen}");
    assert!(screen.contains("HK-CB-BAM-L"), "{screen}");
    assert!(screen.contains("? all keys"), "{screen}");

    tmux.keys(&[">"]);
    let screen = tmux.wait_for("DIAGNOSIS");
    assert!(screen.contains("Stockout risk"), "{screen}");
    assert!(screen.contains("Customer voice"), "{screen}");

    tmux.keys(&[">"]);
    let screen = tmux.wait_for("PLAN");
    assert!(
        screen.contains("Actions and decisions of this meeting"),
        "{screen}"
    );

    // Past last meeting's four actions to the table's second SKU.
    tmux.keys(&["<", "1", "j", "j", "j", "j", "j", "Enter"]);
    let screen = tmux.wait_for("13-week trend");
    assert!(
        screen.contains("HK-KS-3STG"),
        "the second SKU's detail:\n{screen}"
    );

    tmux.keys(&["Escape", "?"]);
    let screen = tmux.wait_for("Keys — ?");
    assert!(screen.contains("rebalance"), "{screen}");

    tmux.keys(&["x", "q"]);
    tmux.wait_for("End the meeting and quit?");
    tmux.keys(&["n"]);
    assert!(tmux.is_running(), "n keeps the meeting going");
    tmux.keys(&["q", "y"]);
    let screen = tmux.wait_for("Before the meeting closes");
    assert!(screen.contains("has no verdict"), "{screen}");
    tmux.keys(&["c"]);
    assert!(
        tmux.stopped_within(Duration::from_secs(3)),
        "the cockpit did not quit:\n{}",
        tmux.screen()
    );
    let minutes = std::fs::read_to_string(sample.join("minutes/2026-W48.toml")).unwrap();
    assert!(minutes.contains("ended = "), "{minutes}");
    assert!(minutes.contains("closing_gaps = ["), "{minutes}");
}

#[test]
fn captured_actions_survive_kill_9() {
    let binary = env!("CARGO_BIN_EXE_opsdeck");
    let (_dir, sample) = workspace();
    let command = format!("{binary} {}", sample.display());
    let Some(tmux) = Tmux::start("crash", 100, 30, &command) else {
        return;
    };
    // Keys typed before the reports are read wait for them and apply in order.
    tmux.wait_for("Week 2026-W47");
    tmux.keys(&["a"]);
    tmux.run(&[
        "send-keys",
        "-t",
        "meeting",
        "-l",
        "Book air freight for spatulas @Wei due:+2d #HK-SP-SIL-5",
    ]);
    tmux.keys(&["Enter", "d"]);
    tmux.run(&[
        "send-keys",
        "-t",
        "meeting",
        "-l",
        "暂停促销 until stock arrives",
    ]);
    tmux.keys(&["Enter"]);
    // Every change is on disk within a second of its key.
    let minutes_path = sample.join("minutes/2026-W48.toml");
    for _ in 0..20 {
        let saved = std::fs::read_to_string(&minutes_path).unwrap_or_default();
        if saved.contains("暂停促销") {
            break;
        }
        sleep(Duration::from_millis(50));
    }
    let pid = String::from_utf8_lossy(
        &tmux
            .run(&["list-panes", "-t", "meeting", "-F", "#{pane_pid}"])
            .stdout,
    )
    .trim()
    .to_owned();
    let killed = Command::new("kill").args(["-9", &pid]).status().unwrap();
    assert!(killed.success());
    sleep(Duration::from_millis(300));
    let minutes = std::fs::read_to_string(sample.join("minutes/2026-W48.toml")).unwrap();
    assert!(
        minutes.contains("Book air freight for spatulas"),
        "{minutes}"
    );
    assert!(minutes.contains("暂停促销"), "{minutes}");
    assert!(!minutes.contains("ended = "), "the meeting is still open");
    drop(tmux);
    let Some(again) = Tmux::start("crash-again", 100, 30, &command) else {
        return;
    };
    again.wait_for("Week 2026-W47");
    again.keys(&["3"]);
    let screen = again.wait_for("Book air freight for spatulas");
    assert!(screen.contains("2026-W48-01"), "{screen}");
    assert!(screen.contains("暂停促销"), "{screen}");
}

#[test]
fn the_cockpit_says_when_the_terminal_is_too_small() {
    let binary = env!("CARGO_BIN_EXE_opsdeck");
    let (_dir, sample) = workspace();
    let Some(tmux) = Tmux::start("small", 60, 20, &format!("{binary} {}", sample.display())) else {
        return;
    };
    let screen = tmux.wait_for("at least 80×24");
    assert!(screen.contains("60×20"), "{screen}");
    tmux.keys(&["q", "y"]);
}

#[test]
fn the_supply_view_orders_the_food_storage_bags_for_purchasing_at_80_by_24() {
    let binary = env!("CARGO_BIN_EXE_opsdeck");
    let (_dir, sample) = workspace();
    let command = format!("{binary} {}", sample.display());
    let Some(tmux) = Tmux::start("supply", 80, 24, &command) else {
        return;
    };
    tmux.wait_for("Last meeting's actions");
    tmux.keys(&["4"]);
    let screen = tmux.wait_for("Replenishment, soonest order first");
    assert!(
        screen.contains("runs out 15 days before Holiday Lightning Deals ends"),
        "{screen}"
    );
    assert!(screen.contains("fly 720 units"), "{screen}");
    // The pool and both its SKUs are on screen: one empty, one selling.
    assert!(
        screen.contains("HK-SB-BPA") && screen.contains("order now"),
        "{screen}"
    );
    assert!(screen.contains("↳ HK-SB-BPA-R"), "{screen}");
    assert!(screen.contains("empty"), "{screen}");
    // The food storage bags come first: soonest order.
    tmux.keys(&["o"]);
    let screen = tmux.wait_for("recorded · Wei");
    assert!(screen.contains("HK-SB-BPA"), "{screen}");
    let screen = tmux.wait_for("✔ PO 2026-W48-01 captured");
    assert!(screen.contains("✔ PO 2026-W48-01"), "{screen}");
    // A second o makes no second PO: it opens the first to edit.
    tmux.keys(&["o"]);
    tmux.wait_for("PO 2026-W48-01 is captured already");
    tmux.keys(&["Escape", "3"]);
    let screen = tmux.wait_for("Actions tagged +replenishment");
    // At 80 columns the title gives way before owner, date and SKU.
    assert!(screen.contains("Send a PO for 2,136 units"), "{screen}");
    assert!(
        screen.contains("@Wei") && screen.contains("#HK-SB-BPA"),
        "{screen}"
    );
    let minutes = sample.join("minutes/2026-W48.toml");
    for _ in 0..20 {
        let text = std::fs::read_to_string(&minutes).unwrap_or_default();
        if text.contains("replenishment") {
            assert_eq!(text.matches("Send a PO").count(), 1, "one PO:\n{text}");
            return;
        }
        sleep(Duration::from_millis(50));
    }
    panic!("the purchase order did not reach the minutes");
}
