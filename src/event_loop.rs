//! The only code that touches the real terminal and reads the clocks. It
//! sleeps in `poll` until a key arrives or the countdown's next second is
//! due, so an idle meeting costs no CPU.

use std::io::{self, Write};
use std::time::{Duration, Instant};

use chrono::Local;
use crossterm::event;
use ratatui::DefaultTerminal;

use crate::app::App;
use crate::app::action::{Action, Effect};
use crate::app::keymap::action_for;
use crate::domain::timing::Now;
use crate::ui;

/// The longest the loop sleeps when nothing happens.
const MAX_WAIT: Duration = Duration::from_secs(1);

/// Runs the meeting until the facilitator quits; returns the final state.
pub fn run(terminal: &mut DefaultTerminal, mut app: App) -> io::Result<App> {
    terminal.draw(|frame| ui::render(&app, frame))?;
    while app.is_running() {
        // Wake for the next second of the countdown, or a key, whichever comes first.
        let wait = app.until_next_second().min(MAX_WAIT) + Duration::from_millis(5);
        let action = if event::poll(wait)? {
            action_for(app.mode(), &event::read()?)
        } else {
            Some(Action::Tick)
        };
        // An unbound key changes nothing: no redraw.
        let Some(action) = action else { continue };
        if app.update(action, read_now()) == Some(Effect::RingBell) {
            let mut stdout = io::stdout();
            let _ = stdout.write_all(b"\x07").and_then(|()| stdout.flush());
        }
        terminal.draw(|frame| ui::render(&app, frame))?;
    }
    Ok(app)
}

/// The one place that reads both clocks.
#[allow(clippy::disallowed_methods)]
pub fn read_now() -> Now {
    Now {
        instant: Instant::now(),
        wall: Local::now().fixed_offset(),
    }
}
