//! The bottom line: the keys of the current mode, or the filter being typed.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use crate::app::App;
use crate::app::action::CaptureKind;
use crate::app::capture::{Capture, CaptureTarget};
use crate::app::keymap::{KeyHelp, key_hints};
use crate::app::line_editor::LineEditor;
use crate::app::mode::Mode;
use crate::domain::capture::{QuickAdd, TokenKind, sku_token};

use super::input::{styled_spans, visible_range};
use super::labels::Labels;
use super::theme::Theme;
use crate::domain::format::short_date;
use crate::domain::untrusted::clean;

/// A prompt and the line being typed after it, scrolled so the cursor is in
/// view; returns where the cursor goes.
fn input_line(
    prompt: &str,
    line: &LineEditor,
    t: &Theme,
    area: Rect,
    buf: &mut Buffer,
) -> Position {
    input_with_styles(prompt, line, &[], t, area, buf)
}

/// Like `input_line`, with stretches of the line in their own styles.
fn input_with_styles(
    prompt: &str,
    line: &LineEditor,
    styled: &[(std::ops::Range<usize>, ratatui::style::Style)],
    t: &Theme,
    area: Rect,
    buf: &mut Buffer,
) -> Position {
    let prompt_width = unicode_width::UnicodeWidthStr::width(prompt);
    let room = usize::from(area.width).saturating_sub(prompt_width + 1);
    let (shown, column) = visible_range(line.text(), line.cursor(), room);
    let mut spans = vec![Span::styled(prompt.to_owned(), t.key)];
    spans.extend(styled_spans(line.text(), &shown, styled, t.text));
    Paragraph::new(Line::from(spans)).render(area, buf);
    let x = area
        .x
        .saturating_add(u16::try_from(prompt_width + column).unwrap_or(area.width))
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
                return Some(input_line(&prompt, self.app.filter(), t, area, buf));
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
        let language = self.app.settings().language;
        let hints = key_hints(mode, self.app.view());
        // The last two hints (help and quit) always show; the others as room allows.
        let (rest, always) = hints.split_at(hints.len().saturating_sub(2));
        let spans_of = |hint: &KeyHelp| {
            [
                Span::styled(format!(" {} ", hint.keys), t.key),
                Span::styled(format!("{} ", hint.what.get(language)), t.dim),
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
            CaptureTarget::CarryDue(_) => self.labels.capture_carry,
        };
        let styled: Vec<_> = parsed
            .tokens
            .iter()
            .map(|token| {
                let style = match token.kind {
                    TokenKind::Text => t.text,
                    TokenKind::Owner { known: true }
                    | TokenKind::Sku { known: true }
                    | TokenKind::Due
                    | TokenKind::Priority
                    | TokenKind::Kpi
                    | TokenKind::Tag => t.accent,
                    TokenKind::Owner { known: false } | TokenKind::Sku { known: false } => t.watch,
                    TokenKind::Invalid => t.breach,
                };
                (token.range.clone(), style)
            })
            .collect();
        let [input, preview] = area.layout(&Layout::vertical([
            Constraint::Length(1),
            Constraint::Length(1),
        ]));
        let prompt = format!("{kind} › ");
        if let (Some(template), true) = (&capture.template, capture.line.is_empty()) {
            let cursor = input_line(&prompt, &LineEditor::default(), t, input, buf);
            let room = input.width.saturating_sub(cursor.x - input.x);
            let (shown, _) = visible_range(template, 0, usize::from(room));
            Paragraph::new(Line::from(styled_spans(template, &shown, &[], t.dim))).render(
                Rect {
                    x: cursor.x,
                    width: room,
                    ..input
                },
                buf,
            );
            Paragraph::new(Line::styled(
                format!("  {}", self.labels.template_hint),
                t.dim,
            ))
            .render(preview, buf);
            return Some(cursor);
        }
        let cursor = input_with_styles(&prompt, &capture.line, &styled, t, input, buf);
        self.preview(&parsed, capture, preview, buf);
        Some(cursor)
    }

    /// Under the capture line: why Enter was refused, else what the line will record.
    fn preview(&self, parsed: &QuickAdd, capture: &Capture, area: Rect, buf: &mut Buffer) {
        let (t, l) = (self.theme, self.labels);
        let line = if let Some(problem) = capture.problems.first().or(parsed.problems.first()) {
            let language = self.app.settings().language;
            Line::styled(format!("  ✖ {}", clean(problem.get(language))), t.breach)
        } else if !capture.candidates.is_empty() {
            let shown: Vec<String> = capture
                .candidates
                .iter()
                .map(|c| clean(c).into_owned())
                .collect();
            Line::styled(format!("  Tab: {}", shown.join(" · ")), t.watch)
        } else {
            let mut parts = Vec::new();
            if let Some(owner) = &parsed.owner {
                let unknown = parsed
                    .tokens
                    .iter()
                    .any(|token| token.kind == TokenKind::Owner { known: false });
                let flag = if unknown { l.not_an_attendee } else { "" };
                parts.push(format!("@{}{flag}", clean(owner)));
            }
            if let Some(due) = parsed.due {
                parts.push(format!(
                    "{} {}",
                    self.labels.due,
                    short_date(due, self.app.settings().language)
                ));
            }
            if let Some(sku) = &parsed.sku {
                let unknown = parsed
                    .tokens
                    .iter()
                    .any(|token| token.kind == TokenKind::Sku { known: false });
                let flag = if unknown { l.not_in_reports } else { "" };
                parts.push(format!("{}{flag}", clean(&sku_token(sku))));
            }
            if let Some(priority) = parsed.priority {
                parts.push(format!("!{}", priority.name()));
            }
            if let Some(kpi) = &parsed.kpi {
                parts.push(format!("kpi:{}", clean(kpi)));
            }
            parts.extend(parsed.tags.iter().map(|tag| format!("+{}", clean(tag))));
            if parts.is_empty() {
                Line::styled(format!("  {}", syntax_of(&capture.target, l)), t.dim)
            } else {
                Line::styled(format!("  → {}", parts.join(" · ")), t.accent)
            }
        };
        Paragraph::new(line).render(area, buf);
    }
}

/// What a capture line takes, shown under it until something is typed.
fn syntax_of<'a>(target: &CaptureTarget, l: &'a Labels) -> &'a str {
    match target {
        CaptureTarget::New(CaptureKind::Action) | CaptureTarget::Edit(_) => l.syntax_action,
        CaptureTarget::New(CaptureKind::Decision) => l.syntax_decision,
        CaptureTarget::New(CaptureKind::Note) => l.syntax_note,
        CaptureTarget::New(CaptureKind::Rating) => l.syntax_rating,
        CaptureTarget::DropReason { .. } => l.syntax_drop,
        CaptureTarget::CarryDue(_) => l.syntax_carry,
    }
}

impl Widget for HintBar<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        self.render_with_cursor(area, buf);
    }
}
