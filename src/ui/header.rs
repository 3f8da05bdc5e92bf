//! The header that is always there: meeting and week, the section and its
//! countdown in large digits (amber near the end, red and `+mm:ss` on
//! overrun), elapsed against planned with the projected end, a strip of
//! the sections with planned and actual minutes, and the view tabs.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};
use tui_big_text::{BigText, PixelSize};

use crate::app::action::View;
use crate::app::{App, SaveState};
use crate::domain::settings::Language;
use crate::domain::timing::{TimeStatus, mm_ss};

use super::labels::{Labels, metric_label, save_failure, section_name};
use super::theme::Theme;
use crate::domain::text_width::truncate;
use crate::domain::untrusted::clean;
use unicode_width::UnicodeWidthStr;

/// Rows the header takes.
pub const HEADER_HEIGHT: u16 = 6;

pub struct HeaderView<'a> {
    pub app: &'a App,
    pub theme: &'a Theme,
    pub labels: &'a Labels,
}

impl Widget for HeaderView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let [top, strip, tabs] = area.layout(&Layout::vertical([
            Constraint::Length(4),
            Constraint::Length(1),
            Constraint::Length(1),
        ]));
        let status = self.app.agenda().status(self.app.now());
        let face = match status {
            TimeStatus::OnTrack { remaining } | TimeStatus::Ending { remaining } => {
                mm_ss(remaining)
            }
            TimeStatus::Overrun { by } => format!("+{}", mm_ss(by)),
        };
        let wide = top.width >= 100;
        let clock_width = if wide { 8 * 6 } else { 4 * 6 };
        let [info, clock] = top.layout(&Layout::horizontal([
            Constraint::Fill(1),
            Constraint::Length(clock_width),
        ]));
        self.info(info, buf);
        BigText::builder()
            .pixel_size(if wide {
                PixelSize::HalfHeight
            } else {
                PixelSize::Quadrant
            })
            .style(self.theme.clock(status))
            .lines(vec![Line::from(face)])
            .right_aligned()
            .build()
            .render(clock, buf);
        self.strip(strip, buf);
        self.tabs(tabs, buf);
    }
}

impl HeaderView<'_> {
    fn info(&self, area: Rect, buf: &mut Buffer) {
        let (app, l, t) = (self.app, self.labels, self.theme);
        let review = &app.report().review;
        let agenda = app.agenda();
        let now = app.now();
        let section = agenda.current();
        let mut section_line = vec![
            Span::styled(
                format!(
                    "{} {}/{}: ",
                    l.section,
                    agenda.current_index() + 1,
                    agenda.sections().len()
                ),
                t.dim,
            ),
            Span::styled(
                section_name(&section.name, app.settings().language).to_uppercase(),
                t.accent.patch(t.title),
            ),
        ];
        if agenda.is_paused() {
            section_line.push(Span::styled(format!("  ‖ {}", l.paused), t.watch));
        }
        let compared = review
            .previous_week
            .map(|w| format!(" · {} {w}", l.compared_with))
            .unwrap_or_default();
        let lines = vec![
            Line::styled(clean(&app.settings().title).into_owned(), t.title),
            Line::from(vec![
                Span::styled(format!("{} {}", l.week, review.week), t.text),
                Span::styled(compared, t.dim),
            ]),
            Line::from(section_line),
            Line::from(vec![
                Span::styled(
                    format!(
                        "{} {} {} {}",
                        l.elapsed,
                        mm_ss(agenda.elapsed(now)),
                        l.of,
                        mm_ss(agenda.planned())
                    ),
                    t.text,
                ),
                Span::styled(
                    format!(
                        " · {} {}",
                        l.ends,
                        agenda.projected_end(now).format("%H:%M")
                    ),
                    t.dim,
                ),
            ]),
        ];
        Paragraph::new(lines).render(area, buf);
    }

    fn strip(&self, area: Rect, buf: &mut Buffer) {
        let (agenda, t) = (self.app.agenda(), self.theme);
        let now = self.app.now().instant;
        let mut spans = Vec::new();
        for (i, section) in agenda.sections().iter().enumerate() {
            if i > 0 {
                spans.push(Span::styled(" ▸ ", t.dim));
            }
            let planned = section.planned.as_secs() / 60;
            let actual = section.timer.elapsed(now).as_secs() / 60;
            let style = if i == agenda.current_index() {
                t.tab_active
            } else if actual > planned {
                t.bad_change
            } else if i < agenda.current_index() {
                t.dim
            } else {
                t.text
            };
            let spent = if section.timer.elapsed(now).is_zero() {
                String::new()
            } else {
                format!(" ({actual}′)")
            };
            spans.push(Span::styled(
                format!(
                    " {} {planned}′{spent} ",
                    section_name(&section.name, self.app.settings().language)
                ),
                style,
            ));
        }
        Paragraph::new(Line::from(spans)).render(area, buf);
    }

    fn tabs(&self, area: Rect, buf: &mut Buffer) {
        let (app, l, t) = (self.app, self.labels, self.theme);
        let mut spans = Vec::new();
        for view in View::ALL {
            let name = view.info().name.get(app.settings().language);
            let style = if view == app.view() {
                t.tab_active
            } else {
                t.tab
            };
            spans.push(Span::styled(format!(" {} {name} ", view.key()), style));
            spans.push(Span::raw(" "));
        }
        let list = app.list();
        let mut state = vec![format!(
            "{}: {}",
            l.sort,
            sort_name(list, l, app.settings().language)
        )];
        if !list.filter.is_empty() {
            state.push(format!("{}: {}", l.filter, clean(&list.filter)));
        }
        if list.problems_only {
            state.push(l.problems_only.to_owned());
        }
        if let Some(marketplace) = &list.marketplace {
            state.push(format!("{}: {marketplace}", l.marketplace));
        }
        let (saved, style) = match app.save_state() {
            SaveState::Saved => (l.saved.to_owned(), t.dim),
            SaveState::Pending => (l.saving.to_owned(), t.dim),
            SaveState::Failed(kind) => (
                format!(
                    "{}: {}",
                    l.not_saved,
                    save_failure(kind, app.settings().language)
                ),
                t.breach,
            ),
        };
        let saved = if app.can_save() { saved } else { String::new() };
        // The save state has its own place at the right, which nothing else can push off.
        let room = usize::from(area.width / 2);
        let saved = truncate(&saved, room);
        let width = u16::try_from(saved.width() + 1).unwrap_or(area.width);
        let [tabs, save_state] = area.layout(&Layout::horizontal([
            Constraint::Fill(1),
            Constraint::Length(width),
        ]));
        if app.view() == View::Review {
            let used: usize = spans.iter().map(Span::width).sum();
            let room = usize::from(tabs.width).saturating_sub(used + 2);
            let state = truncate(&state.join(" · "), room);
            spans.push(Span::styled(format!(" {state}"), t.dim));
        }
        Paragraph::new(Line::from(spans)).render(tabs, buf);
        Paragraph::new(Line::styled(saved, style).right_aligned()).render(save_state, buf);
    }
}

fn sort_name(list: &crate::app::sku_list::ListOptions, l: &Labels, language: Language) -> String {
    use crate::app::sku_list::SortColumn;
    let column = match list.sort {
        SortColumn::Problems => l.problems.to_owned(),
        SortColumn::Metric(metric) => metric_label(metric, language).to_lowercase(),
        SortColumn::Sku => "SKU".to_owned(),
    };
    format!("{column} {}", if list.descending { "↓" } else { "↑" })
}
