//! The only code that touches the real terminal and reads the clocks. It
//! sleeps in `poll` until a key arrives or the countdown's next second is
//! due, so an idle meeting costs no CPU.

use std::io::{self, Write};
use std::path::Path;
use std::time::{Duration, Instant};

use chrono::Local;
use crossterm::event;
use ratatui::DefaultTerminal;

use crate::app::App;
use crate::app::action::{Action, Effect};
use crate::app::keymap::action_for;
use crate::domain::timing::Now;
use crate::export;
use crate::ui;

/// The longest the loop sleeps when nothing happens.
const MAX_WAIT: Duration = Duration::from_secs(1);

/// Runs the meeting until the facilitator quits, saving the minutes to
/// `minutes` whenever `update` asks; returns the final state.
pub fn run(terminal: &mut DefaultTerminal, mut app: App, minutes: &Path) -> io::Result<App> {
    save(&mut app, minutes);
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
        match app.update(action, read_now()) {
            Some(Effect::RingBell) => {
                let mut stdout = io::stdout();
                let _ = stdout.write_all(b"\x07").and_then(|()| stdout.flush());
            }
            Some(Effect::SaveMinutes) => save(&mut app, minutes),
            None => {}
        }
        terminal.draw(|frame| ui::render(&app, frame))?;
    }
    Ok(app)
}

/// Writes the minutes atomically and tells the app how it went.
fn save(app: &mut App, minutes: &Path) {
    let now = read_now();
    let ok = export::minutes::save(minutes, app.meeting(), app.agenda(), app.report(), now).is_ok();
    app.update(Action::SaveFinished(ok), now);
}

/// The one place that reads both clocks.
#[allow(clippy::disallowed_methods)]
pub fn read_now() -> Now {
    Now {
        instant: Instant::now(),
        wall: Local::now().fixed_offset(),
    }
}
