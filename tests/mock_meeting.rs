//! The mock meeting of the README, run as a newcomer would at 80×24 in a
//! real terminal: every key of it typed into the real binary under tmux,
//! then the Markdown mail read back. Skips (saying why) without tmux.

#![allow(clippy::unwrap_used)]

use std::process::Command;
use std::time::Duration;

mod support;

use support::{Tmux, workspace};

#[test]
fn the_readme_mock_meeting_at_80_by_24_ends_in_a_mail_that_can_be_sent() {
    let binary = env!("CARGO_BIN_EXE_opsdeck");
    let (_dir, sample) = workspace();
    let command = format!("{binary} {}", sample.display());
    let Some(tmux) = Tmux::start("mock", 80, 24, &command) else {
        return;
    };
    // 1. The review: last meeting's actions, settled where they are listed
    // (carried before first), the account, the SKU table.
    let screen = tmux.wait_for("Last meeting's actions");
    assert!(screen.contains("Days supply"), "{screen}");
    assert!(screen.contains("Returns"), "{screen}");
    tmux.keys(&["D"]);
    tmux.wait_for("Why drop it ›");
    tmux.type_text("removal fee too high");
    tmux.keys(&["Enter"]);
    tmux.wait_for("dropped 2026-W45-03");
    tmux.keys(&["j", "x"]);
    tmux.wait_for("marked done 2026-W47-01");
    tmux.keys(&["j", "c"]);
    tmux.wait_for("Carry to ›");
    tmux.keys(&["Enter"]);
    tmux.wait_for("carried 2026-W47-02");
    tmux.keys(&["j", "x"]);
    tmux.wait_for("marked done 2026-W47-03");

    // 2. The diagnosis: take the missing stock's suggested action, give it an owner and a date.
    tmux.keys(&[">"]);
    tmux.wait_for("Stock unaccounted for");
    tmux.keys(&["a"]);
    tmux.wait_for("Tab takes the suggestion");
    tmux.keys(&["Tab"]);
    tmux.type_text(" @Wei due:fri");
    tmux.wait_for("→ @Wei");
    tmux.keys(&["Enter"]);
    let screen = tmux.wait_for("recorded · Wei");
    assert!(screen.contains("HK-SP-SIL-5"), "{screen}");

    // 3. The plan: the verdicts given in the review, and the new action.
    tmux.keys(&[">"]);
    let screen = tmux.wait_for("Last meeting's actions");
    assert!(
        screen.contains("○ 2026-W47-02"),
        "the carried copy: {screen}"
    );

    // 4. The rating, then quit: the closing check finds nothing to fix.
    tmux.keys(&["R"]);
    tmux.wait_for("Rating");
    tmux.type_text("Lina 8 Wei 9");
    tmux.keys(&["Enter", "q", "y"]);
    assert!(
        tmux.stopped_within(Duration::from_secs(5)),
        "the cockpit did not quit:\n{}",
        tmux.screen()
    );

    // 5. The mail.
    let output = Command::new(binary)
        .args(["minutes"])
        .arg(sample.join("minutes/2026-W48.toml"))
        .output()
        .unwrap();
    assert!(output.status.success());
    let mail = String::from_utf8(output.stdout).unwrap();
    for expected in [
        "## KPI headlines",
        "| Sales | $101,227 | ↓ -5% |",
        "| 2026-W48-01 | Reconcile HK-SP-SIL-5 and claim the missing units | Wei | Fri ",
        "| HK-SP-SIL-5 | Available | normal | open |",
        "| 2026-W47-01 | Book the December sea shipment for spatula sets | Wei | Fri 20 Nov | done |",
        "| carried |",
        "| dropped | Aged 181+ ✖ moved the wrong way | removal fee too high |",
        "Meeting rating: 8.5 / 10 (Lina 8 · Wei 9)",
        "- **Stock unaccounted for** · HK-SP-SIL-5",
        "at stake — action 2026-W48-01",
        "## Customer voice",
        "| Review | 25 min |",
    ] {
        assert!(mail.contains(expected), "`{expected}` missing:\n{mail}");
    }
    assert!(mail.contains("(UTC"), "times say their zone:\n{mail}");
    assert!(!mail.contains("Closed with open gaps"), "{mail}");
    assert!(
        !mail.contains("inventory_unaccounted"),
        "rule ids stay in JSON:\n{mail}"
    );
    assert!(!mail.contains("no verdict"), "{mail}");
}
