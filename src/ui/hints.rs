//! The bottom line: the keys of the current mode, or the filter being typed.

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use crate::app::App;
use crate::app::action::CaptureKind;
use crate::app::capture::CaptureTarget;
use crate::app::keymap::{KeyHelp, key_hints};
use crate::app::mode::Mode;
use crate::domain::capture::TokenKind;
use crate::domain::settings::Language;

use super::labels::Labels;
use super::theme::Theme;
use crate::domain::untrusted::clean;

/// A prompt and the text being typed after it; returns where the cursor goes.
fn input_line(prompt: &str, text: &str, t: &Theme, area: Rect, buf: &mut Buffer) -> Position {
    let text = clean(text).into_owned();
    let width = unicode_width::UnicodeWidthStr::width(prompt)
        + unicode_width::UnicodeWidthStr::width(text.as_str());
    Paragraph::new(Line::from(vec![
        Span::styled(prompt.to_owned(), t.key),
        Span::styled(text, t.text),
    ]))
    .render(area, buf);
    let x = area
        .x
        .saturating_add(u16::try_from(width).unwrap_or(area.width))
        .min(area.right().saturating_sub(1));
    Position::new(x, area.y)
}

pub struct HintBar<'a> {
    pub app: &'a App,
    pub theme: &'a Theme,
    pub labels: &'a Labels,
}

impl HintBar<'_> {
    /// Draws the bar; returns where the text cursor goes while a filter is typed.
    pub fn render_with_cursor(self, area: Rect, buf: &mut Buffer) -> Option<Position> {
        let (t, mode) = (self.theme, self.app.mode());
        match mode {
            Mode::Filtering => {
                let prompt = format!("/ {}: ", self.labels.filter);
                return Some(input_line(
                    &prompt,
                    self.app.list().filter.as_str(),
                    t,
                    area,
                    buf,
                ));
            }
            Mode::SavingAs(_) => {
                let prompt = format!("{}: ", self.labels.save_as_prompt);
                return Some(input_line(&prompt, self.app.save_as(), t, area, buf));
            }
            _ => {}
        }
        if mode == Mode::Capturing {
            return self.capture_line(area, buf);
        }
        let chinese = self.app.settings().language == Language::Chinese;
        let hints = key_hints(mode);
        // The last two hints (help and quit) always show; the others as room allows.
        let (rest, always) = hints.split_at(hints.len().saturating_sub(2));
        let spans_of = |hint: &KeyHelp| {
            [
                Span::styled(format!(" {} ", hint.keys), t.key),
                Span::styled(
                    format!("{} ", if chinese { hint.zh } else { hint.en }),
                    t.dim,
                ),
            ]
        };
        let width = |spans: &[Span]| spans.iter().map(Span::width).sum::<usize>();
        let tail: Vec<Span> = always.iter().flat_map(spans_of).collect();
        let mut spans: Vec<Span> = Vec::new();
        for hint in rest {
            let next = spans_of(hint);
            if width(&spans) + width(&next) + width(&tail) > usize::from(area.width) {
                break;
            }
            spans.extend(next);
        }
        spans.extend(tail);
        Paragraph::new(Line::from(spans)).render(area, buf);
        None
    }
}

impl HintBar<'_> {
    /// The capture line, each token coloured by what it is; problems replace it when Enter was refused.
    fn capture_line(&self, area: Rect, buf: &mut Buffer) -> Option<Position> {
        let t = self.theme;
        let capture = self.app.capture()?;
        let parsed = self.app.parsed_capture()?;
        let kind = match &capture.target {
            CaptureTarget::New(CaptureKind::Action) | CaptureTarget::Edit(_) => {
                self.labels.capture_action
            }
            CaptureTarget::New(CaptureKind::Decision) => self.labels.capture_decision,
            CaptureTarget::New(CaptureKind::Note) => self.labels.capture_note,
            CaptureTarget::New(CaptureKind::Rating) => self.labels.capture_rating,
            CaptureTarget::DropReason { .. } => self.labels.capture_drop,
        };
        let mut spans = vec![Span::styled(format!("{kind} › "), t.key)];
        let line = &capture.line;
        let mut at = 0;
        for token in &parsed.tokens {
            spans.push(Span::styled(
                clean(&line[at..token.range.start]).into_owned(),
                t.text,
            ));
            let style = match token.kind {
                TokenKind::Text => t.text,
                TokenKind::Owner { known: true }
                | TokenKind::Sku { known: true }
                | TokenKind::Due
                | TokenKind::Priority
                | TokenKind::Kpi => t.accent,
                TokenKind::Owner { known: false } | TokenKind::Sku { known: false } => t.watch,
                TokenKind::Invalid => t.breach,
            };
            spans.push(Span::styled(
                clean(&line[token.range.clone()]).into_owned(),
                style,
            ));
            at = token.range.end;
        }
        spans.push(Span::styled(clean(&line[at..]).into_owned(), t.text));
        if let Some(due) = parsed.due {
            spans.push(Span::styled(
                format!("   → {}", due.format("%a %-d %b")),
                t.dim,
            ));
        }
        if let Some(problem) = capture.problems.first() {
            spans.push(Span::styled(format!("   ✖ {problem}"), t.breach));
        }
        let width: usize = spans
            .iter()
            .take(spans.len())
            .map(Span::width)
            .sum::<usize>();
        let typed = unicode_width::UnicodeWidthStr::width(format!("{kind} › ").as_str())
            + unicode_width::UnicodeWidthStr::width(line.as_str());
        Paragraph::new(Line::from(spans)).render(area, buf);
        let _ = width;
        let x = area
            .x
            .saturating_add(u16::try_from(typed).unwrap_or(area.width))
            .min(area.right().saturating_sub(1));
        Some(Position::new(x, area.y))
    }
}

impl Widget for HintBar<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        self.render_with_cursor(area, buf);
    }
}
