//! The cockpit while the week's reports are still being read: it opens at
//! once on an empty report, with the clock and the agenda running, shows
//! how far the reading got, and takes the report in when it arrives. Keys
//! that need the figures are held by the event loop until then.

use super::App;
use super::action::Effect;
use crate::domain::agenda::Agenda;
use crate::domain::meeting::Meeting;
use crate::domain::reading::ReadCount;
use crate::domain::settings::Settings;
use crate::domain::timing::Now;
use crate::domain::week::IsoWeek;
use crate::domain::week_report::WeekReport;

/// How far the reading has got, as the screen shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Reading {
    pub count: ReadCount,
    /// Keys pressed that wait for the figures.
    pub keys_waiting: usize,
}

impl App {
    /// A cockpit on `week` whose reports are still being read; the clock starts at once.
    pub fn reading(
        settings: Settings,
        week: IsoWeek,
        meeting: Meeting,
        agenda: Option<Agenda>,
        now: Now,
    ) -> Self {
        let report = WeekReport::unread(week, &settings.currency);
        let mut app = Self::new(settings, report, meeting, agenda, now);
        app.reading = Some(Reading::default());
        app
    }

    /// How far the reading has got, while the reports are being read.
    pub fn reading_progress(&self) -> Option<&Reading> {
        self.reading.as_ref()
    }

    /// Whether the reports are still being read.
    pub fn is_reading(&self) -> bool {
        self.reading.is_some()
    }

    /// Whether the minutes may be written now: this cockpit writes them,
    /// and they hold the week's figures, which are not being read any more.
    pub fn may_save_now(&self) -> bool {
        self.can_save() && !self.is_reading()
    }

    pub(super) fn read_progress(&mut self, count: ReadCount, keys_waiting: usize) {
        if let Some(reading) = &mut self.reading {
            *reading = Reading {
                count,
                keys_waiting,
            };
        }
    }

    /// Takes in the report read; the minutes are saved then if anything
    /// changed meanwhile or they were never saved.
    pub(super) fn report_read(&mut self, report: WeekReport) -> Option<Effect> {
        // The minutes belong to the week the session opened: figures of
        // another week never enter them.
        let expected = self.report.review.week;
        if report.review.week != expected {
            self.notices.push(format!(
                "the reports read are of {}, not of {expected}, the week this meeting reviews: they are not shown; quit and start opsdeck again",
                report.review.week
            ));
            self.reading = None;
            return None;
        }
        let language = self.settings.language;
        self.notices
            .extend(report.notices.iter().map(|n| n.get(language).clone()));
        self.flagged = report.flagged_rows();
        self.report = report;
        self.reading = None;
        self.refresh_list();
        if !self.can_save() {
            return None;
        }
        self.save_asked();
        Some(Effect::SaveMinutes)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::action::{Action, View};
    use crate::app::tests::{now_at, sample_app};

    /// The sample's cockpit as it opens, before its reports are read, and the report it waits for.
    fn opening() -> (App, WeekReport) {
        let read = sample_app(|_| {});
        let report = read.report().clone();
        let app = App::reading(
            read.settings().clone(),
            report.review.week,
            read.meeting().clone(),
            None,
            now_at(0),
        );
        (app, report)
    }

    #[test]
    fn the_clock_and_the_agenda_work_while_the_reports_are_read() {
        let (mut app, _) = opening();
        assert!(app.is_reading());
        assert!(app.visible().is_empty());
        assert_eq!(
            app.update(Action::NextSection, now_at(5)),
            Some(Effect::SaveMinutes)
        );
        assert_eq!(app.view(), View::Diagnosis);
        assert_eq!(app.update(Action::MoveSelection(3), now_at(6)), None);
        assert_eq!(app.selection(), 0);
    }

    #[test]
    fn figures_of_another_week_never_enter_the_meeting() {
        let (mut app, mut report) = opening();
        let reviewed = report.review.week;
        report.review.week = reviewed.next();
        let rows = report.review.skus.len();
        assert!(rows > 0);
        assert_eq!(
            app.update(Action::ReportRead(Box::new(report)), now_at(1)),
            None
        );
        assert!(!app.is_reading(), "the reading is over");
        assert_eq!(app.report().review.week, reviewed);
        assert!(app.report().review.skus.is_empty(), "no figures shown");
        assert!(
            app.notices().iter().any(|n| n.contains("not of")),
            "{:?}",
            app.notices()
        );
    }

    #[test]
    fn the_report_arrives_with_its_rows_flags_and_a_save() {
        let (mut app, report) = opening();
        let rows = report.review.skus.len();
        let flagged = report.flagged_rows().iter().filter(|f| **f).count();
        app.update(
            Action::ReadProgress {
                count: ReadCount {
                    files: 3,
                    files_total: 9,
                    bytes: 10,
                    bytes_total: 40,
                },
                keys_waiting: 2,
            },
            now_at(1),
        );
        assert_eq!(app.reading_progress().map(|r| r.keys_waiting), Some(2));
        let effect = app.update(Action::ReportRead(Box::new(report)), now_at(2));
        assert_eq!(effect, Some(Effect::SaveMinutes));
        assert!(!app.is_reading());
        assert_eq!(app.visible().len(), rows);
        assert_eq!(
            (0..rows).filter(|row| app.is_flagged(*row)).count(),
            flagged
        );
        app.update(Action::MoveSelection(3), now_at(3));
        assert_eq!(app.selection(), 3);
    }

    #[test]
    fn a_view_only_cockpit_takes_the_report_without_saving() {
        let (app, report) = opening();
        let mut app = app.view_only("on laptop-2".to_owned());
        assert_eq!(
            app.update(Action::ReportRead(Box::new(report)), now_at(2)),
            None
        );
        assert!(!app.is_reading());
    }
}
