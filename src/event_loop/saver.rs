//! Saving the minutes without making the screen wait: the screen's thread
//! copies the meeting into the minutes' rows and hands them to a writer
//! thread, which turns them into text (the slow half for minutes of many
//! megabytes), writes it atomically and says how it went.
//! Saves that pile up are coalesced: the writer takes the newest and drops
//! the older ones, never queues them. Save-as and the way out wait, with the
//! writer stopped first, so an older save can never land after a newer one.

use std::io;
use std::path::PathBuf;
use std::sync::mpsc::{self, Receiver, Sender};
use std::thread::{self, JoinHandle};

use crate::app::App;
use crate::app::action::Action;
use crate::export;
use crate::import::minutes::MinutesFile;

use super::read_now;

/// Minutes to write, numbered in the order they were made.
struct Job {
    number: u64,
    path: PathBuf,
    file: MinutesFile,
}

/// How writing job `number` went.
struct Done {
    number: u64,
    result: io::Result<()>,
}

pub struct Saver {
    /// Where the minutes are saved (the facilitator may have chosen another path).
    pub path: PathBuf,
    /// Why the last save failed, when it did.
    pub error: Option<io::Error>,
    jobs: Option<Sender<Job>>,
    done: Option<Receiver<Done>>,
    writer: Option<JoinHandle<()>>,
    /// The number of the newest job handed to the writer.
    newest: u64,
}

impl Saver {
    pub fn new(path: PathBuf) -> Self {
        Self {
            path,
            error: None,
            jobs: None,
            done: None,
            writer: None,
            newest: 0,
        }
    }

    /// Hands the meeting as it is now to the writer; returns at once.
    /// Minutes hold the week's figures: while they are read, nothing is
    /// saved (the app saves once they arrive).
    pub fn save(&mut self, app: &mut App) {
        if !app.may_save_now() {
            return;
        }
        let file = export::minutes::to_file(app.meeting(), app.agenda(), app.report(), read_now());
        self.newest += 1;
        let job = Job {
            number: self.newest,
            path: self.path.clone(),
            file,
        };
        let jobs = self.jobs.get_or_insert_with(|| {
            let (jobs, queue) = mpsc::channel::<Job>();
            let (report, done) = mpsc::channel::<Done>();
            self.writer = Some(thread::spawn(move || write_newest(&queue, &report)));
            self.done = Some(done);
            jobs
        });
        if let Err(mpsc::SendError(job)) = jobs.send(job) {
            // The writer is gone (it cannot be, short of a panic): write here.
            let result = export::minutes::write(&job.path, &export::minutes::as_text(&job.file));
            self.tell(app, result);
        }
    }

    /// Tells the app how the writer's saves went; whether any finished. An
    /// older save that worked is not news while a newer one is on its way.
    pub fn collect(&mut self, app: &mut App) -> bool {
        let Some(done) = &self.done else {
            return false;
        };
        let finished: Vec<Done> = done.try_iter().collect();
        let any = !finished.is_empty();
        for Done { number, result } in finished {
            if result.is_err() || number == self.newest {
                self.tell(app, result);
            }
        }
        any
    }

    /// Stops the writer after its last job and learns how that went.
    pub fn finish(&mut self, app: &mut App) {
        drop(self.jobs.take());
        if let Some(writer) = self.writer.take() {
            let _ = writer.join();
        }
        self.collect(app);
        self.done = None;
    }

    /// Saves now and waits for it (the way out, save-as).
    pub fn save_and_wait(&mut self, app: &mut App) {
        self.finish(app);
        if !app.may_save_now() {
            return;
        }
        let now = read_now();
        let result =
            export::minutes::save(&self.path, app.meeting(), app.agenda(), app.report(), now);
        self.tell(app, result);
    }

    /// Saves to `path`, which becomes where the minutes are saved when it works.
    pub fn save_as(&mut self, app: &mut App, path: PathBuf) {
        let previous = std::mem::replace(&mut self.path, path);
        self.save_and_wait(app);
        if self.error.is_some() {
            self.path = previous;
        }
    }

    fn tell(&mut self, app: &mut App, result: io::Result<()>) {
        app.update(
            Action::SaveFinished(result.as_ref().copied().map_err(io::Error::kind)),
            read_now(),
        );
        self.error = result.err();
    }
}

/// The writer: takes the newest of the jobs waiting, writes it, says how it went.
fn write_newest(queue: &Receiver<Job>, report: &Sender<Done>) {
    while let Ok(mut job) = queue.recv() {
        while let Ok(newer) = queue.try_recv() {
            job = newer;
        }
        let result = export::minutes::write(&job.path, &export::minutes::as_text(&job.file));
        if report
            .send(Done {
                number: job.number,
                result,
            })
            .is_err()
        {
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::SaveState;
    use crate::app::tests::sample_app;

    #[test]
    fn saves_that_pile_up_land_as_the_newest_and_the_app_hears_how_it_went() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("minutes/2026-W48.toml");
        let mut app = sample_app(|_| {});
        let mut saver = Saver::new(path.clone());
        for _ in 0..5 {
            saver.save(&mut app);
        }
        saver.finish(&mut app);
        assert_eq!(app.save_state(), SaveState::Saved);
        assert!(saver.error.is_none());
        let written = std::fs::read_to_string(&path).unwrap();
        assert!(written.starts_with("# Minutes of the weekly operations meeting"));
    }

    #[test]
    fn nothing_is_saved_while_the_reports_are_read() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("minutes/2026-W48.toml");
        let read = sample_app(|_| {});
        let mut app = App::reading(
            read.settings().clone(),
            read.report().review.week,
            read.meeting().clone(),
            None,
            crate::app::tests::now_at(0),
        );
        let mut saver = Saver::new(path.clone());
        saver.save(&mut app);
        saver.save_and_wait(&mut app);
        assert!(!path.exists());
        let effect = app.update(
            Action::ReportRead(Box::new(read.report().clone())),
            crate::app::tests::now_at(1),
        );
        assert_eq!(effect, Some(crate::app::action::Effect::SaveMinutes));
        saver.save(&mut app);
        saver.finish(&mut app);
        assert!(std::fs::read_to_string(&path).unwrap().contains("[kpis"));
    }

    #[test]
    fn a_save_that_fails_is_heard_with_its_reason() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("minutes"), "not a folder").unwrap();
        let mut app = sample_app(|_| {});
        let mut saver = Saver::new(dir.path().join("minutes/2026-W48.toml"));
        saver.save(&mut app);
        saver.finish(&mut app);
        assert!(
            matches!(app.save_state(), SaveState::Failed(_)),
            "{:?}",
            app.save_state()
        );
        assert!(saver.error.is_some());
    }
}
