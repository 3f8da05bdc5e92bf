//! The only code that touches the real terminal and reads the clocks. Keys
//! are read on a thread of their own (a terminal that hangs up can leave a
//! read spinning forever; the meeting must still end and save). The loop
//! sleeps until a key arrives, the countdown's next second is due or a
//! quarter of a second has passed (to see a signal), so an idle meeting
//! costs next to no CPU. However the loop ends — quit, a signal, a lost
//! terminal — the meeting is saved on the way out.

mod saver;
pub mod signals;

use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant, SystemTime};

use chrono::Local;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::thread;

use crossterm::event::{self, Event};
use ratatui::DefaultTerminal;

use crate::app::App;
use crate::app::action::{Action, Effect};
use crate::app::keymap::action_for;
use crate::domain::meeting::Meeting;
use crate::domain::timing::Now;
use crate::import::minutes::read_minutes;
use crate::ui;

use saver::Saver;
use signals::Signals;

/// The longest the loop sleeps before it looks for a signal again.
const SIGNAL_CHECK: Duration = Duration::from_millis(250);

/// Why the loop ended.
#[derive(Debug)]
pub enum Ending {
    /// The facilitator quit.
    Quit,
    /// A signal asked the process to end (its number).
    Signal(i32),
    /// The terminal stopped answering (a closed window).
    TerminalLost(io::Error),
}

/// The meeting when the loop ended.
#[derive(Debug)]
pub struct Finished {
    pub app: App,
    pub ending: Ending,
    /// Where the minutes were saved last (the facilitator may have chosen another path).
    pub minutes: PathBuf,
    /// Why the last save failed, when it did.
    pub save_error: Option<io::Error>,
}

/// Runs the meeting until the facilitator quits, a signal arrives or the
/// terminal is lost, saving the minutes to `minutes` whenever `update` asks
/// and once more on the way out.
pub fn run(
    terminal: &mut DefaultTerminal,
    mut app: App,
    minutes: PathBuf,
    signals: &Signals,
) -> Finished {
    let mut saver = Saver::new(minutes);
    saver.save(&mut app);
    let ending = drive(terminal, &mut app, &mut saver, signals);
    if matches!(ending, Ending::Quit) {
        // The quit's own save was queued: wait for it and learn how it went.
        saver.finish(&mut app);
    } else {
        // The clock's time since the last save is kept too.
        saver.save_and_wait(&mut app);
    }
    Finished {
        app,
        ending,
        minutes: saver.path,
        save_error: saver.error,
    }
}

/// Reads keys and applies them until the loop must end.
fn drive(
    terminal: &mut DefaultTerminal,
    app: &mut App,
    saver: &mut Saver,
    signals: &Signals,
) -> Ending {
    // The app learns the terminal's size now; later changes come as events.
    if let Ok(size) = terminal.size() {
        app.update(Action::Resize(size.width, size.height), read_now());
    }
    if let Err(error) = terminal.draw(|frame| ui::render(app, frame)) {
        return Ending::TerminalLost(error);
    }
    let keys = read_keys();
    let mut follower = Follower::new(saver.path.clone());
    let mut next_second = read_now().instant + app.until_next_second();
    while app.is_running() {
        if let Some(signal) = signals.received() {
            return Ending::Signal(signal);
        }
        let wait = next_second
            .saturating_duration_since(read_now().instant)
            .min(SIGNAL_CHECK);
        let action = match keys.recv_timeout(wait) {
            Ok(Ok(event)) => action_for(app.mode(), &event),
            Ok(Err(error)) => return Ending::TerminalLost(error),
            Err(RecvTimeoutError::Disconnected) => {
                return Ending::TerminalLost(io::Error::other("the terminal stopped sending keys"));
            }
            Err(RecvTimeoutError::Timeout) if read_now().instant >= next_second => {
                Some(Action::Tick)
            }
            Err(RecvTimeoutError::Timeout) => None,
        };
        // A save that finished changes the header; an unbound key or an early wake nothing.
        let save_finished = saver.collect(app);
        let Some(action) = action else {
            if save_finished && let Err(error) = terminal.draw(|frame| ui::render(app, frame)) {
                return Ending::TerminalLost(error);
            }
            continue;
        };
        if action == Action::Tick {
            next_second = read_now().instant + app.until_next_second() + Duration::from_millis(5);
            if !app.can_save()
                && let Some(meeting) = follower.changed()
            {
                app.update(Action::HolderSaved(Box::new(meeting)), read_now());
            }
        }
        match app.update(action, read_now()) {
            Some(Effect::RingBell) => {
                let mut stdout = io::stdout();
                let _ = stdout.write_all(b"\x07").and_then(|()| stdout.flush());
            }
            Some(Effect::SaveMinutes) => saver.save(app),
            Some(Effect::SaveMinutesAs(path)) => saver.save_as(app, expand_home(&path)),
            None => {}
        }
        if let Err(error) = terminal.draw(|frame| ui::render(app, frame)) {
            return Ending::TerminalLost(error);
        }
    }
    Ending::Quit
}

/// The terminal's events, read on a thread of their own until reading fails.
fn read_keys() -> Receiver<io::Result<Event>> {
    let (sender, receiver) = mpsc::channel();
    thread::spawn(move || {
        loop {
            let event = event::read();
            let failed = event.is_err();
            if sender.send(event).is_err() || failed {
                break;
            }
        }
    });
    receiver
}

/// What a view-only cockpit follows: the minutes the holding cockpit saves,
/// read again when their file changes.
struct Follower {
    path: PathBuf,
    modified: Option<SystemTime>,
}

impl Follower {
    fn new(path: PathBuf) -> Self {
        let modified = Self::modified_at(&path);
        Self { path, modified }
    }

    fn modified_at(path: &Path) -> Option<SystemTime> {
        std::fs::metadata(path).and_then(|m| m.modified()).ok()
    }

    /// The meeting as last saved, when the file changed since the last look.
    fn changed(&mut self) -> Option<Meeting> {
        let modified = Self::modified_at(&self.path);
        if modified == self.modified {
            return None;
        }
        let stored = read_minutes(&self.path).ok()?;
        self.modified = modified;
        Some(stored.meeting)
    }
}

/// `~/x` as the path under the user's home folder.
fn expand_home(path: &str) -> PathBuf {
    match (path.strip_prefix("~/"), std::env::var_os("HOME")) {
        (Some(rest), Some(home)) => Path::new(&home).join(rest),
        _ => PathBuf::from(path),
    }
}

/// The one place that reads both clocks.
#[allow(clippy::disallowed_methods)]
pub fn read_now() -> Now {
    Now {
        instant: Instant::now(),
        wall: Local::now().fixed_offset(),
    }
}
