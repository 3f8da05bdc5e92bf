//! The cockpit's running meeting: the real terminal's keys and frames and
//! the clocks, around `app` and `ui` (which touch neither). `cli::cockpit`
//! only takes the terminal before and gives it back after; `cli::fetch`
//! has its own clock for `--wait`. Keys are read on a thread of their own
//! (a terminal that hangs up can leave a read spinning forever; the meeting
//! must still end and save). The loop sleeps until a key arrives, the
//! countdown's next second is due or a quarter of a second has passed (to
//! see a signal), so an idle meeting costs next to no CPU. The week's
//! reports are read on another thread while the cockpit already runs (see
//! `reading`). However the loop ends — quit, a signal, a lost terminal — the
//! meeting is saved on the way out, after the reading when it had not
//! finished. A cockpit that could not make the meeting's lock tries again
//! every second and writes once it has it.

mod follower;
pub mod reading;
mod saver;
pub mod signals;

use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use chrono::Local;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::thread;

use crossterm::event::{self, Event};
use ratatui::DefaultTerminal;

use crate::app::App;
use crate::app::action::{Action, Drawn, Effect};
use crate::app::keymap::action_for;
use crate::domain::timing::Now;
use crate::domain::words::Said;
use crate::import::error::ImportError;
use crate::import::minutes::read_minutes;
use crate::session::lock::{LockToRetry, MeetingLock};
use crate::ui;

use follower::Follower;
use reading::{HeldKeys, Reader};
use saver::Saver;
use signals::Signals;

/// The longest the loop sleeps before it looks for a signal again.
const SIGNAL_CHECK: Duration = Duration::from_millis(250);

/// How often the progress of a reading is shown.
const READING_CHECK: Duration = Duration::from_millis(100);

/// Why the loop ended.
#[derive(Debug)]
pub enum Ending {
    /// The facilitator quit.
    Quit,
    /// A signal asked the process to end (its number).
    Signal(i32),
    /// The terminal stopped answering (a closed window).
    TerminalLost(io::Error),
    /// The reports could not be read: nothing was saved.
    ReadFailed(Vec<ImportError>),
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
    /// What the reading of the reports found worth a warning.
    pub warnings: Vec<Said>,
    /// The meeting's lock, when it was made while the cockpit ran; let go after the last save.
    pub lock: Option<MeetingLock>,
}

/// What wakes the loop besides its clock: the terminal's events, and the
/// reading of the reports ending.
pub enum Wake {
    Terminal(io::Result<Event>),
    ReportsRead,
}

/// The one channel everything that wakes the loop sends on.
pub struct Wakes {
    sender: Sender<Wake>,
    receiver: Receiver<Wake>,
}

impl Wakes {
    pub fn new() -> Self {
        let (sender, receiver) = mpsc::channel();
        Self { sender, receiver }
    }

    /// Where a thread sends what wakes the loop.
    pub fn sender(&self) -> Sender<Wake> {
        self.sender.clone()
    }
}

impl Default for Wakes {
    fn default() -> Self {
        Self::new()
    }
}

/// The reading of the reports while the meeting runs, and the keys that wait for it.
struct Reading {
    reader: Option<Reader>,
    held: HeldKeys,
    warnings: Vec<Said>,
}

/// Runs the meeting until the facilitator quits, a signal arrives or the
/// terminal is lost, saving the minutes to `minutes` whenever `update` asks
/// and once more on the way out. `reader` reads the reports of an `app`
/// that opened without them.
pub fn run(
    terminal: &mut DefaultTerminal,
    mut app: App,
    minutes: PathBuf,
    signals: &Signals,
    wakes: Wakes,
    reader: Option<Reader>,
    retry: Option<LockToRetry>,
) -> Finished {
    let mut saver = Saver::new(minutes);
    saver.save(&mut app);
    let mut reading = Reading {
        reader,
        held: HeldKeys::default(),
        warnings: Vec::new(),
    };
    let mut lock = Relock { retry, taken: None };
    let mut ending = drive(
        terminal,
        &mut app,
        &mut saver,
        signals,
        wakes,
        &mut reading,
        &mut lock,
    );
    // The minutes hold the week's figures: a meeting that ends while they are read waits for them.
    if let Some(reader) = reading.reader.take()
        && let Err(errors) = take_in(reader.wait(), &mut app, &mut saver, &mut reading)
    {
        ending = Ending::ReadFailed(errors);
    }
    if matches!(ending, Ending::ReadFailed(_)) {
        saver.finish(&mut app);
    } else if matches!(ending, Ending::Quit) {
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
        warnings: reading.warnings,
        lock: lock.taken,
    }
}

/// The lock of a cockpit that opened view only because the lock could not
/// be made: tried again every second, so a repair lets it write.
struct Relock {
    retry: Option<LockToRetry>,
    taken: Option<MeetingLock>,
}

impl Relock {
    /// The lock, the first time it can be made.
    fn take(&mut self) -> bool {
        let Some(lock) = self.retry.as_ref().and_then(LockToRetry::try_now) else {
            return false;
        };
        self.retry = None;
        self.taken = Some(lock);
        true
    }
}

/// Takes in what the reader read: the report goes to the app, the keys
/// that waited for it are applied in turn.
fn take_in(
    read: Result<crate::import::weeks::LoadedReport, Vec<ImportError>>,
    app: &mut App,
    saver: &mut Saver,
    reading: &mut Reading,
) -> Result<(), Vec<ImportError>> {
    let loaded = read?;
    reading.warnings = loaded.warnings;
    let effect = app.update(Action::ReportRead(Box::new(loaded.report)), read_now());
    perform(effect, app, saver);
    for event in reading.held.release() {
        if let Some(action) = action_for(app.mode(), &event) {
            let effect = app.update(action, read_now());
            perform(effect, app, saver);
        }
    }
    Ok(())
}

/// Performs what `update` asked for.
fn perform(effect: Option<Effect>, app: &mut App, saver: &mut Saver) {
    match effect {
        Some(Effect::RingBell) => {
            let mut stdout = io::stdout();
            let _ = stdout.write_all(b"\x07").and_then(|()| stdout.flush());
        }
        Some(Effect::SaveMinutes) => saver.save(app),
        Some(Effect::SaveMinutesAs(path)) => saver.save_as(app, expand_home(&path)),
        None => {}
    }
}

/// While the reports are read: takes them in once read, else says how far
/// the reading got. The action that shows it, or why the meeting must end.
fn look_at_reading(
    app: &mut App,
    saver: &mut Saver,
    reading: &mut Reading,
) -> Result<Option<Action>, Ending> {
    let Some(reader) = reading.reader.take_if(|reader| reader.is_done()) else {
        return Ok(reading.reader.as_ref().map(|reader| Action::ReadProgress {
            count: reader.progress().count(),
            keys_waiting: reading.held.len(),
        }));
    };
    take_in(reader.wait(), app, saver, reading).map_err(Ending::ReadFailed)?;
    Ok(None)
}

/// Reads keys and applies them until the loop must end.
fn drive(
    terminal: &mut DefaultTerminal,
    app: &mut App,
    saver: &mut Saver,
    signals: &Signals,
    wakes: Wakes,
    reading: &mut Reading,
    lock: &mut Relock,
) -> Ending {
    // The app learns the terminal's size now; later changes come as events.
    if let Ok(size) = terminal.size() {
        app.update(Action::Resize(size.width, size.height), read_now());
    }
    if let Err(error) = draw(terminal, app) {
        return Ending::TerminalLost(error);
    }
    read_keys(wakes.sender());
    let Wakes {
        receiver: keys,
        sender,
    } = wakes;
    // The loop hears of a lost terminal by its key thread ending: it must hold no sender itself.
    drop(sender);
    let mut follower = Follower::new(saver.path.clone());
    let mut next_second = read_now().instant + app.until_next_second();
    while app.is_running() {
        if let Some(signal) = signals.received() {
            return Ending::Signal(signal);
        }
        let check = if reading.reader.is_some() {
            READING_CHECK
        } else {
            SIGNAL_CHECK
        };
        let wait = next_second
            .saturating_duration_since(read_now().instant)
            .min(check);
        let event = match keys.recv_timeout(wait) {
            Ok(Wake::Terminal(Ok(event))) => Some(event),
            Ok(Wake::Terminal(Err(error))) => return Ending::TerminalLost(error),
            Err(RecvTimeoutError::Disconnected) => {
                return Ending::TerminalLost(io::Error::other("the terminal stopped sending keys"));
            }
            // The reading ended (taken in below), or the clock is due.
            Ok(Wake::ReportsRead) | Err(RecvTimeoutError::Timeout) => None,
        };
        let was_reading = app.is_reading();
        let progress = match look_at_reading(app, saver, reading) {
            Ok(progress) => progress,
            Err(ending) => return ending,
        };
        let action = match event {
            Some(event) => {
                let action = action_for(app.mode(), &event);
                if app.is_reading() && reading.held.hold(&event, action.as_ref()) {
                    progress
                } else {
                    action
                }
            }
            None if read_now().instant >= next_second => Some(Action::Tick),
            None => progress,
        };
        // A save that finished changes the header, so does the report arriving; an unbound key or an early wake nothing.
        let save_finished = saver.collect(app);
        let Some(action) = action else {
            let changed = save_finished || was_reading != app.is_reading();
            if changed && let Err(error) = draw(terminal, app) {
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
            if lock.take() {
                // The minutes as they are on disk now, which this cockpit writes from here on.
                let stored = read_minutes(&saver.path).ok().map(|m| Box::new(m.meeting));
                let effect = app.update(Action::LockTaken(stored), read_now());
                perform(effect, app, saver);
            }
        }
        let effect = app.update(action, read_now());
        perform(effect, app, saver);
        if let Err(error) = draw(terminal, app) {
            return Ending::TerminalLost(error);
        }
    }
    Ending::Quit
}

/// Draws a frame and tells the app what it drew.
fn draw(terminal: &mut DefaultTerminal, app: &mut App) -> io::Result<()> {
    let mut drawn = Drawn::default();
    terminal.draw(|frame| drawn = ui::render(app, frame))?;
    app.update(Action::Drawn(drawn), read_now());
    Ok(())
}

/// The terminal's events, read on a thread of their own until reading fails.
fn read_keys(sender: Sender<Wake>) {
    thread::spawn(move || {
        loop {
            let event = event::read();
            let failed = event.is_err();
            if sender.send(Wake::Terminal(event)).is_err() || failed {
                break;
            }
        }
    });
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
