//! Overlays drawn over a view: the help with every key of the mode, and the
//! "end the meeting?" confirmation.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Widget};

use crate::app::SaveState;
use crate::app::keymap::help_keys;
use crate::app::mode::Mode;
use crate::domain::settings::Language;

use super::labels::{Labels, save_failure};
use super::theme::Theme;
use super::wrap::wrap_lines;

/// Every key of the mode under the help, in a centred box.
pub struct HelpOverlay<'a> {
    pub mode: Mode,
    pub language: Language,
    pub theme: &'a Theme,
    pub labels: &'a Labels,
}

impl Widget for HelpOverlay<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        // The help describes the keys of the view under it.
        let keys = help_keys(self.mode.base().into());
        let key_width = keys
            .iter()
            .map(|k| unicode_width::UnicodeWidthStr::width(k.keys.as_str()))
            .max()
            .unwrap_or(0);
        // Each description wraps under itself; two columns when one does not
        // fit the height (80×24 included).
        let box_width = |columns: u16| {
            if columns == 2 {
                area.width
            } else {
                area.width.min(70)
            }
        };
        let wrapped = |columns: u16| {
            let column_width = usize::from(box_width(columns).saturating_sub(2) / columns);
            let text_width = column_width.saturating_sub(key_width + 2).max(8);
            keys.iter()
                .map(|key| {
                    let what = textwrap::wrap(key.what.get(self.language), text_width);
                    what.into_iter()
                        .enumerate()
                        .map(|(n, text)| {
                            let keys = if n == 0 { key.keys.as_str() } else { "" };
                            Line::from(vec![
                                Span::styled(format!(" {keys:<key_width$} "), self.theme.key),
                                Span::styled(text.into_owned(), self.theme.text),
                            ])
                        })
                        .collect::<Vec<_>>()
                })
                .collect::<Vec<_>>()
        };
        let one = wrapped(1);
        let one_column_lines: usize = one.iter().map(Vec::len).sum();
        let (columns, entries) = if one_column_lines + 2 > usize::from(area.height) {
            (2, wrapped(2))
        } else {
            (1, one)
        };
        let total: usize = entries.iter().map(Vec::len).sum();
        // The first column takes entries until it holds half the lines.
        let mut split = entries.len();
        let mut lines_before = 0;
        for (at, entry) in entries.iter().enumerate() {
            if columns == 2 && lines_before * 2 >= total {
                split = at;
                break;
            }
            lines_before += entry.len();
        }
        let (first, second) = entries.split_at(split);
        let column_lines = |part: &[Vec<Line<'static>>]| part.iter().map(Vec::len).sum::<usize>();
        let per_column = column_lines(first).max(column_lines(second));
        let height = u16::try_from(per_column).unwrap_or(20) + 2;
        let box_area = area.centered(
            ratatui::layout::Constraint::Length(box_width(columns)),
            ratatui::layout::Constraint::Length(height.min(area.height)),
        );
        Clear.render(box_area, buf);
        buf.set_style(box_area, self.theme.base());
        let title = Line::styled(format!(" {} — ? ", self.labels.keys), self.theme.title);
        let block = Block::bordered()
            .title(title)
            .border_style(self.theme.accent);
        let inner = block.inner(box_area);
        block.render(box_area, buf);
        let column_width = inner.width / columns;
        for (c, part) in [first, second].into_iter().enumerate() {
            let x = inner.x + column_width * u16::try_from(c).unwrap_or(0);
            let column = Rect::new(x, inner.y, column_width, inner.height);
            Paragraph::new(part.concat()).render(column, buf);
        }
    }
}

/// The quit question; when the last save failed, it says so and why and
/// offers to write the minutes elsewhere.
pub struct QuitOverlay<'a> {
    pub save_state: SaveState,
    pub language: Language,
    pub theme: &'a Theme,
    pub labels: &'a Labels,
}

impl Widget for QuitOverlay<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (l, t) = (self.labels, self.theme);
        let lines = match self.save_state {
            SaveState::Failed(kind) => vec![
                Line::styled(
                    format!("{}: {}", l.quit_unsaved, save_failure(kind, self.language)),
                    t.breach,
                ),
                Line::styled(l.quit_unsaved_choice, t.title),
            ],
            SaveState::Saved | SaveState::Pending => vec![Line::styled(l.quit_question, t.title)],
        };
        let widest = lines.iter().map(Line::width).max().unwrap_or(40);
        let width = u16::try_from(widest + 4)
            .unwrap_or(u16::MAX)
            .min(area.width);
        // Long lines wrap inside the box: one more row each.
        let lines = wrap_lines(&lines, usize::from(width.saturating_sub(2)));
        let height = u16::try_from(lines.len() + 2)
            .unwrap_or(u16::MAX)
            .min(area.height);
        let box_area = area.centered(
            ratatui::layout::Constraint::Length(width),
            ratatui::layout::Constraint::Length(height),
        );
        Clear.render(box_area, buf);
        buf.set_style(box_area, self.theme.base());
        Paragraph::new(lines)
            .centered()
            .block(Block::bordered().border_style(t.watch))
            .render(box_area, buf);
    }
}

/// The closing check: what is missing before the meeting can close cleanly.
pub struct ClosingOverlay<'a> {
    pub gaps: Vec<String>,
    pub theme: &'a Theme,
    pub labels: &'a Labels,
}

impl Widget for ClosingOverlay<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let height = u16::try_from(self.gaps.len())
            .unwrap_or(10)
            .saturating_add(4);
        let box_area = area.centered(
            ratatui::layout::Constraint::Length(area.width.min(90)),
            ratatui::layout::Constraint::Length(height.min(area.height)),
        );
        Clear.render(box_area, buf);
        buf.set_style(box_area, self.theme.base());
        let mut lines: Vec<Line> = self
            .gaps
            .iter()
            .map(|gap| Line::styled(format!(" • {gap}"), self.theme.text))
            .collect();
        lines.push(Line::default());
        lines.push(Line::styled(
            format!(" {}", self.labels.closing_choice),
            self.theme.key,
        ));
        let title = Line::styled(format!(" {} ", self.labels.closing_title), self.theme.title);
        Paragraph::new(lines)
            .block(
                Block::bordered()
                    .title(title)
                    .border_style(self.theme.watch),
            )
            .render(box_area, buf);
    }
}
