//! The week's reports read on a thread of their own while the cockpit is
//! already on screen, and the keys that wait for them: a key that needs the
//! figures is held, with every key after it (so they apply in the order
//! typed), and replayed once the report is in.

use crate::domain::words::Said;
use std::collections::VecDeque;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::Sender;
use std::thread::{self, JoinHandle};

use crossterm::event::Event;

use super::Wake;
use crate::app::action::Action;
use crate::domain::week::IsoWeek;
use crate::import::error::ImportError;
use crate::import::progress::ReadProgress;
use crate::import::weeks::{LoadedReport, load_report_counted};

type ReadResult = Result<LoadedReport, Vec<ImportError>>;

/// The reading of a workspace's reports, running.
pub struct Reader {
    root: PathBuf,
    progress: Arc<ReadProgress>,
    thread: JoinHandle<ReadResult>,
}

impl Reader {
    /// Starts reading the reports of `week` (the newest when `None`) in
    /// `root`; `wake` is told when the reading ends.
    pub fn start(root: PathBuf, week: Option<IsoWeek>, wake: Sender<Wake>) -> Self {
        let progress = Arc::new(ReadProgress::default());
        let counted = Arc::clone(&progress);
        let folder = root.clone();
        let thread = thread::spawn(move || {
            let read = load_report_counted(&folder, week, &counted);
            let _ = wake.send(Wake::ReportsRead);
            read
        });
        Self {
            root,
            progress,
            thread,
        }
    }

    pub fn progress(&self) -> &ReadProgress {
        &self.progress
    }

    pub fn is_done(&self) -> bool {
        self.thread.is_finished()
    }

    /// Waits for the reading to end and gives what it read.
    pub fn wait(self) -> ReadResult {
        let root = self.root;
        self.thread.join().unwrap_or_else(|_| {
            Err(vec![ImportError::file(
                &root,
                Said::both(
                    "the reading of the reports stopped on an internal error: run `opsdeck \
                     check` on the workspace to see which file it was reading",
                    "读取报告时因内部错误而停止：请对工作区运行 `opsdeck check`，查看当时在读哪个文件",
                ),
            )])
        })
    }
}

/// Keys pressed while the figures are read that must wait for them.
#[derive(Debug, Default)]
pub struct HeldKeys(VecDeque<Event>);

impl HeldKeys {
    /// Holds `event` (which `action` it makes now) if it must wait: it
    /// needs the figures, or keys before it wait already. Whether it was held.
    pub fn hold(&mut self, event: &Event, action: Option<&Action>) -> bool {
        let must_wait = !self.is_empty() || action.is_some_and(Action::needs_report);
        if must_wait {
            self.0.push_back(event.clone());
        }
        must_wait
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The keys held, in the order they were pressed; none are held after.
    pub fn release(&mut self) -> Vec<Event> {
        self.0.drain(..).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::action::View;
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

    fn key(c: char) -> Event {
        Event::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE))
    }

    #[test]
    fn a_key_that_needs_the_figures_waits_and_every_key_after_it_too() {
        let mut held = HeldKeys::default();
        assert!(!held.hold(&key('n'), Some(&Action::NextSection)));
        assert!(!held.hold(&key('x'), None));
        assert!(held.hold(&key('j'), Some(&Action::MoveSelection(1))));
        // The view key does not need the figures, but comes after one that waits.
        assert!(held.hold(&key('2'), Some(&Action::ShowView(View::Diagnosis))));
        assert!(held.hold(&key('z'), None));
        assert_eq!(held.len(), 3);
        assert_eq!(held.release(), vec![key('j'), key('2'), key('z')]);
        assert_eq!(held.len(), 0);
        assert!(!held.hold(&key('n'), Some(&Action::NextSection)));
    }
}
