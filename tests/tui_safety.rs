//! The real cockpit in a real terminal when things go wrong: the minutes
//! cannot be written, a second cockpit opens the same week, a signal or a
//! closed window ends the meeting. Nothing captured may be lost and the
//! terminal must be left usable. Skips (saying why) where tmux is not installed.

#![allow(clippy::unwrap_used)]

mod support;

use std::fs;
use std::path::Path;
use std::thread::sleep;
use std::time::Duration;

use support::{Tmux, workspace};

/// Types `text` literally, then Enter.
fn type_line(tmux: &Tmux, text: &str) {
    tmux.run(&["send-keys", "-t", "meeting", "-l", text]);
    tmux.keys(&["Enter"]);
}

/// Captures the action `line` (`title @owner due:…`) and waits until the
/// minutes at `minutes` hold its title; returns them.
fn capture(tmux: &Tmux, minutes: &Path, line: &str) -> String {
    tmux.keys(&["a"]);
    type_line(tmux, line);
    let title = line.split(" @").next().unwrap();
    wait_for_file(minutes, title)
}

/// Waits until `path` exists and holds `text`; returns its contents.
fn wait_for_file(path: &Path, text: &str) -> String {
    for _ in 0..100 {
        if let Ok(found) = fs::read_to_string(path)
            && found.contains(text)
        {
            return found;
        }
        sleep(Duration::from_millis(50));
    }
    panic!("{} never held `{text}`", path.display());
}

/// The pid of the cockpit running under the pane's shell.
fn cockpit_pid(tmux: &Tmux) -> String {
    let shell = String::from_utf8_lossy(
        &tmux
            .run(&["list-panes", "-t", "meeting", "-F", "#{pane_pid}"])
            .stdout,
    )
    .trim()
    .to_owned();
    for _ in 0..50 {
        let children = std::process::Command::new("pgrep")
            .args(["-P", &shell])
            .output()
            .unwrap();
        let pid = String::from_utf8_lossy(&children.stdout).trim().to_owned();
        if !pid.is_empty() {
            return pid.lines().next().unwrap().to_owned();
        }
        sleep(Duration::from_millis(50));
    }
    panic!("no cockpit under the pane's shell {shell}");
}

#[test]
fn minutes_that_cannot_be_saved_leave_a_recovery_copy_and_a_failure() {
    let binary = env!("CARGO_BIN_EXE_opsdeck");
    let (dir, ws) = workspace();
    let state = dir.path().join("state");
    let code = dir.path().join("exit-code");
    let command = format!(
        "XDG_STATE_HOME={} {binary} {}; echo $? > {}; sleep 30",
        state.display(),
        ws.display(),
        code.display()
    );
    let Some(tmux) = Tmux::start("unwritable", 100, 30, &command) else {
        return;
    };
    tmux.wait_for("saved ✓");
    // The disk fails mid-meeting: `minutes` is no longer a folder.
    fs::rename(ws.join("minutes"), ws.join("minutes.away")).unwrap();
    fs::write(ws.join("minutes"), "").unwrap();
    tmux.keys(&["a"]);
    type_line(&tmux, "Rescue the spatula stock @Wei due:+2d");
    tmux.wait_for("NOT SAVED");
    tmux.keys(&["q"]);
    let dialog = tmux.wait_for("The minutes are NOT SAVED");
    assert!(dialog.contains("recovery copy"), "{dialog}");
    tmux.keys(&["y"]);
    tmux.wait_for("close anyway");
    tmux.keys(&["c"]);
    let status = wait_for_file(&code, "\n");
    assert_eq!(status.trim(), "1", "quitting unsaved is a failure");
    let screen = tmux.wait_for("bring it back with");
    assert!(screen.contains("could NOT be saved"), "{screen}");
    let recovery = fs::read_dir(state.join("opsdeck/recovery"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .next()
        .unwrap();
    let kept = fs::read_to_string(recovery).unwrap();
    assert!(kept.contains("Rescue the spatula stock"), "{kept}");
}

#[test]
fn a_second_cockpit_on_the_same_week_only_shows_it() {
    let binary = env!("CARGO_BIN_EXE_opsdeck");
    let (_dir, ws) = workspace();
    let command = format!("{binary} {}", ws.display());
    let Some(first) = Tmux::start("holder", 100, 30, &command) else {
        return;
    };
    first.wait_for("saved ✓");
    let minutes = ws.join("minutes/2026-W48.toml");
    capture(&first, &minutes, "Call the freight forwarder @Wei due:+1d");
    let Some(second) = Tmux::start("viewer", 100, 30, &command) else {
        return;
    };
    let screen = second.wait_for("VIEW ONLY");
    assert!(
        screen.contains("this meeting is open in opsdeck on"),
        "{screen}"
    );
    second.keys(&["a"]);
    second.wait_for("view only: captures and changes are made in the cockpit that holds");
    let kept = capture(&first, &minutes, "Book the December shipment @Wei due:+3d");
    assert!(kept.contains("Call the freight forwarder"), "{kept}");
    // The viewer follows what the holder saves.
    second.keys(&["3"]);
    second.wait_for("Book the December shipment");
    second.keys(&["q", "y"]);
    assert!(
        second.stopped_within(Duration::from_secs(3)),
        "the viewer quits at once"
    );
    assert_eq!(
        fs::read_to_string(&minutes).unwrap(),
        kept,
        "the viewer never writes"
    );
    assert!(
        ws.join("minutes/2026-W48.lock").exists(),
        "the holder keeps its lock"
    );
}

#[test]
fn a_lock_that_cannot_be_made_opens_the_meeting_view_only_unless_asked() {
    let binary = env!("CARGO_BIN_EXE_opsdeck");
    let (_dir, ws) = workspace();
    // A folder where the lock file goes: the lock cannot be made.
    fs::create_dir_all(ws.join("minutes/2026-W48.lock")).unwrap();
    let command = format!("{binary} {}", ws.display());
    let Some(tmux) = Tmux::start("unlocked", 100, 30, &command) else {
        return;
    };
    let screen = tmux.wait_for("VIEW ONLY");
    assert!(screen.contains("could not be locked"), "{screen}");
    tmux.keys(&["a"]);
    tmux.wait_for("view only:");
    let minutes = ws.join("minutes/2026-W48.toml");
    assert!(!minutes.exists(), "nothing written");
    // Repaired while it runs: the lock is made, and the cockpit writes.
    fs::remove_dir(ws.join("minutes/2026-W48.lock")).unwrap();
    let screen = tmux.wait_for("The meeting is locked now");
    assert!(!screen.contains("VIEW ONLY"), "{screen}");
    let kept = capture(&tmux, &minutes, "Written once repaired @Wei due:+1d");
    assert!(kept.contains("Written once repaired"), "{kept}");
    assert!(
        ws.join("minutes/2026-W48.lock").is_file(),
        "the lock is held"
    );
    tmux.close_without_verdicts();
    assert!(
        !ws.join("minutes/2026-W48.lock").exists(),
        "let go at the end"
    );
    drop(tmux);
    fs::remove_file(&minutes).unwrap();
    fs::create_dir_all(ws.join("minutes/2026-W48.lock")).unwrap();
    // Asked to, it writes without the lock, and says so.
    let Some(tmux) = Tmux::start("no-lock", 100, 30, &format!("{command} --no-lock")) else {
        return;
    };
    let screen = tmux.wait_for("saved ✓");
    assert!(!screen.contains("VIEW ONLY"), "{screen}");
    assert!(screen.contains("--no-lock"), "{screen}");
    let kept = capture(&tmux, &minutes, "Write without the lock @Wei due:+1d");
    assert!(kept.contains("Write without the lock"), "{kept}");
}

/// Ends the cockpit with `signal`; the terminal must be usable afterwards.
fn a_signal_saves_and_restores_the_terminal(signal: &str, status: i32) {
    let binary = env!("CARGO_BIN_EXE_opsdeck");
    let (dir, ws) = workspace();
    let after = dir.path().join("after");
    let command = format!(
        "{binary} {}; echo $? > {1}.code; stty -a > {1}.stty; sleep 30",
        ws.display(),
        after.display()
    );
    let Some(tmux) = Tmux::start(signal, 100, 30, &command) else {
        return;
    };
    tmux.wait_for("saved ✓");
    let minutes = ws.join("minutes/2026-W48.toml");
    capture(
        &tmux,
        &minutes,
        "Last words before the window closed @Wei due:+1d",
    );
    let pid = cockpit_pid(&tmux);
    let killed = std::process::Command::new("kill")
        .args([&format!("-{signal}"), &pid])
        .status()
        .unwrap();
    assert!(killed.success());
    let code = wait_for_file(&after.with_extension("code"), "\n");
    assert_eq!(code.trim(), status.to_string());
    let stty = wait_for_file(&after.with_extension("stty"), "icanon");
    assert!(
        stty.contains(" icanon") && !stty.contains("-icanon"),
        "{stty}"
    );
    assert!(
        stty.contains(" echo ") && !stty.contains("-echo "),
        "{stty}"
    );
    let alternate = tmux.run(&["display", "-p", "-t", "meeting", "#{alternate_on}"]);
    assert_eq!(String::from_utf8_lossy(&alternate.stdout).trim(), "0");
    let kept = fs::read_to_string(&minutes).unwrap();
    assert!(
        kept.contains("Last words before the window closed"),
        "{kept}"
    );
    assert!(
        !kept.contains("ended = "),
        "a signal does not close the meeting"
    );
    assert!(
        !ws.join("minutes/2026-W48.lock").exists(),
        "the lock is let go"
    );
}

#[test]
fn sigterm_saves_and_restores_the_terminal() {
    a_signal_saves_and_restores_the_terminal("TERM", 143);
}

#[test]
fn sighup_saves_and_restores_the_terminal() {
    a_signal_saves_and_restores_the_terminal("HUP", 129);
}

#[test]
fn closing_the_window_saves_and_lets_the_meeting_go() {
    let binary = env!("CARGO_BIN_EXE_opsdeck");
    let (_dir, ws) = workspace();
    let Some(tmux) = Tmux::start("window", 100, 30, &format!("{binary} {}", ws.display())) else {
        return;
    };
    tmux.wait_for("saved ✓");
    // The clock runs a while, then the window is closed without quitting.
    let minutes = ws.join("minutes/2026-W48.toml");
    capture(&tmux, &minutes, "Ask the supplier for a quote @Wei due:+1d");
    let lock = ws.join("minutes/2026-W48.lock");
    assert!(lock.exists());
    tmux.run(&["kill-session", "-t", "meeting"]);
    for _ in 0..50 {
        if !lock.exists() {
            break;
        }
        sleep(Duration::from_millis(100));
    }
    assert!(!lock.exists(), "the cockpit ended and let the meeting go");
    let kept = fs::read_to_string(&minutes).unwrap();
    assert!(kept.contains("Ask the supplier for a quote"), "{kept}");
}
