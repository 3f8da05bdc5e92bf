//! The real cockpit, in tmux, on a workspace where a teammate (or anyone
//! on the machine) planted files: a link where the meeting's lock goes, a
//! lock whose holder's name carries escape sequences, recovery copies that
//! others could have written. Nothing outside the workspace is touched,
//! no escape reaches the terminal, no planted copy is offered or installed.
//! Skips (saying why) where tmux is not installed.

#![allow(clippy::unwrap_used)]

mod support;

use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::time::Duration;

use support::{Tmux, workspace};

#[test]
fn a_link_planted_where_the_lock_goes_is_never_followed() {
    let (dir, ws) = workspace();
    let outside = dir.path().join("outside.txt");
    fs::write(&outside, "someone else's file").unwrap();
    std::os::unix::fs::symlink(&outside, ws.join("minutes/2026-W48.lock")).unwrap();
    let command = format!("{} {}", env!("CARGO_BIN_EXE_opsdeck"), ws.display());
    let Some(tmux) = Tmux::start("planted-link", 100, 30, &command) else {
        return;
    };
    let screen = tmux.wait_for("VIEW ONLY");
    assert!(screen.contains("could not be locked"), "{screen}");
    tmux.keys(&["q", "y"]);
    assert!(
        tmux.stopped_within(Duration::from_secs(3)),
        "{}",
        tmux.screen()
    );
    assert_eq!(fs::read_to_string(&outside).unwrap(), "someone else's file");
    assert!(
        !ws.join("minutes/2026-W48.toml").exists(),
        "nothing written"
    );
}

#[test]
fn a_lock_holder_named_with_escapes_reaches_the_terminal_clean() {
    let (dir, ws) = workspace();
    let lock = ws.join("minutes/2026-W48.lock");
    fs::write(
        &lock,
        "pid = 1\nhost = \"laptop\\u001b]0;pwned\\u0007\"\nuser = \"wei\\u001b[2J\\u009b31m\"\nsince = \"2026-11-30T09:00:00+08:00\"\n",
    )
    .unwrap();
    // Held by this test, as by a running cockpit.
    let held = fs::File::options()
        .read(true)
        .write(true)
        .open(&lock)
        .unwrap();
    held.try_lock().unwrap();
    let stderr = dir.path().join("stderr.txt");
    let command = format!(
        "{} {} 2>{}",
        env!("CARGO_BIN_EXE_opsdeck"),
        ws.display(),
        stderr.display()
    );
    let Some(tmux) = Tmux::start("escaped-holder", 100, 30, &command) else {
        return;
    };
    let screen = tmux.wait_for("VIEW ONLY");
    assert!(screen.contains("laptop"), "{screen}");
    tmux.keys(&["q", "y"]);
    assert!(
        tmux.stopped_within(Duration::from_secs(3)),
        "{}",
        tmux.screen()
    );
    let said = fs::read(&stderr).unwrap();
    assert!(
        !said.iter().any(|b| matches!(b, 0x1b | 0x07))
            && !String::from_utf8_lossy(&said).contains('\u{9b}'),
        "{}",
        String::from_utf8_lossy(&said)
    );
    assert!(
        String::from_utf8_lossy(&said).contains("laptop"),
        "the holder is still named"
    );
    drop(held);
}

#[test]
fn recovery_copies_others_could_have_written_are_neither_offered_nor_installed() {
    let (dir, ws) = workspace();
    let minutes = ws.join("minutes/2026-W48.toml");
    let planted = "[meeting]\nweek = \"2026-W48\"\n\n[[decisions]]\nid = \"2026-W48-D1\"\ntext = \"Wire the deposit to the new supplier account\"\n";
    let name = opsdeck::session::recovery::recovery_name(&minutes);
    // In the state folder: a private folder, but a copy anyone may write.
    let state = dir.path().join("state");
    let private = state.join("opsdeck/recovery");
    fs::create_dir_all(&private).unwrap();
    fs::set_permissions(&private, fs::Permissions::from_mode(0o700)).unwrap();
    fs::write(private.join(&name), planted).unwrap();
    fs::set_permissions(private.join(&name), fs::Permissions::from_mode(0o666)).unwrap();
    // In the temporary folder: a folder anyone may write to.
    let temporary = dir.path().join("tmp");
    let shared = temporary.join("opsdeck-recovery");
    fs::create_dir_all(&shared).unwrap();
    fs::set_permissions(&shared, fs::Permissions::from_mode(0o777)).unwrap();
    fs::write(shared.join(&name), planted).unwrap();
    fs::set_permissions(shared.join(&name), fs::Permissions::from_mode(0o600)).unwrap();
    let command = format!(
        "XDG_STATE_HOME={} TMPDIR={} {} {} --recover",
        state.display(),
        temporary.display(),
        env!("CARGO_BIN_EXE_opsdeck"),
        ws.display()
    );
    let Some(tmux) = Tmux::start("planted-recovery", 100, 30, &command) else {
        return;
    };
    let screen = tmux.wait_for("saved ✓");
    assert!(!screen.contains("recovery copy"), "{screen}");
    assert!(!screen.contains("Wire the deposit"), "{screen}");
    tmux.close_without_verdicts();
    let kept = fs::read_to_string(&minutes).unwrap();
    assert!(!kept.contains("Wire the deposit"), "{kept}");
}
