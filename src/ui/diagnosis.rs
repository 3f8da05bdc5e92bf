//! The diagnosis view: the week's anomalies ranked by money at stake, the
//! selected one's evidence and first checks, and the customer-voice board.

use std::ops::Range;

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Padding, Paragraph, Widget};

use unicode_width::UnicodeWidthStr;

use crate::app::App;
use crate::app::action::View;
use crate::domain::format;
use crate::domain::meeting::CARRIED_TOO_OFTEN;
use crate::domain::words::say;

use super::cell::column;
use super::labels::Labels;
use super::scroll::first_drawn;
use super::theme::Theme;
use super::wrap::wrap_lines;
use crate::domain::untrusted::clean;
use crate::domain::week_report::DiagnosisRow;

/// The widths of the anomaly list's columns, a space after each. The rule's
/// label takes what is left, up to `RULE_WIDTH`; below `MIN_RULE_WIDTH` the
/// money at stake gives way (the list is ranked by it already).
const SKU_WIDTH: usize = 14;
const MONEY_WIDTH: usize = 9;
const RULE_WIDTH: usize = 19;
const MIN_RULE_WIDTH: usize = 12;

pub struct DiagnosisView<'a> {
    pub app: &'a App,
    pub theme: &'a Theme,
    pub labels: &'a Labels,
    /// The anomaly rows this frame drew.
    pub anomalies_drawn: &'a mut Range<usize>,
}

impl Widget for DiagnosisView<'_> {
    fn render(mut self, area: Rect, buf: &mut Buffer) {
        let [list, voice] = area.layout(&Layout::vertical([
            Constraint::Percentage(62),
            Constraint::Fill(1),
        ]));
        let [anomalies, detail] = list.layout(&Layout::horizontal([
            Constraint::Percentage(55),
            Constraint::Fill(1),
        ]));
        self.anomalies(anomalies, buf);
        self.detail(detail, buf);
        self.voice(voice, buf);
    }
}

impl DiagnosisView<'_> {
    fn anomalies(&mut self, area: Rect, buf: &mut Buffer) {
        let (t, l) = (self.theme, self.labels);
        let report = self.app.report();
        let block = Block::new()
            .borders(Borders::RIGHT)
            .border_style(t.dim)
            .title(Line::styled(l.anomalies, t.title));
        if report.anomalies.is_empty() {
            Paragraph::new(l.no_anomalies)
                .style(t.dim)
                .block(block)
                .render(area, buf);
            return;
        }
        let selected = self.app.selection_in(View::Diagnosis);
        let height = usize::from(area.height.saturating_sub(1));
        let marker_width = l.has_action.width().max(l.no_action.width());
        let inner = usize::from(block.inner(area).width);
        let room = inner.saturating_sub(2 + SKU_WIDTH + 1 + marker_width);
        let show_money = room > MIN_RULE_WIDTH + 1 + MONEY_WIDTH;
        let money_width = if show_money { MONEY_WIDTH + 1 } else { 0 };
        let rule_width = room
            .saturating_sub(money_width + 1)
            .clamp(MIN_RULE_WIDTH.min(room.saturating_sub(1)), RULE_WIDTH);
        let offset = first_drawn(report.anomalies.len(), selected..selected + 1, height);
        *self.anomalies_drawn = offset..(offset + height).min(report.anomalies.len());
        let lines: Vec<Line> = report
            .anomalies
            .iter()
            .enumerate()
            .skip(offset)
            .take(height)
            .map(|(i, a)| {
                let who = a
                    .sku
                    .as_deref()
                    .map_or_else(|| l.account.to_owned(), |s| clean(s).into_owned());
                let line = Line::from(vec![
                    Span::styled(format!("{} ", a.severity.symbol()), t.status(a.severity)),
                    Span::styled(
                        column(a.label(self.app.settings().language), rule_width + 1),
                        t.status(a.severity),
                    ),
                    Span::styled(column(&who, SKU_WIDTH + 1), t.text),
                    Span::styled(
                        column(
                            &format::money(a.at_stake, &report.review.currency),
                            money_width,
                        ),
                        t.dim,
                    ),
                    if self
                        .app
                        .meeting()
                        .has_action_for(a.sku.as_deref(), a.metric.name())
                    {
                        Span::styled(l.has_action, t.ok)
                    } else {
                        Span::styled(l.no_action, t.watch)
                    },
                ]);
                if i == selected { t.select(line) } else { line }
            })
            .collect();
        Paragraph::new(lines).block(block).render(area, buf);
    }

    fn detail(&self, area: Rect, buf: &mut Buffer) {
        let (t, l) = (self.theme, self.labels);
        let report = self.app.report();
        let anomaly = match report.diagnosis_row(self.app.selection_in(View::Diagnosis)) {
            Some(DiagnosisRow::Anomaly(anomaly)) => anomaly,
            Some(DiagnosisRow::PainPoint(index, _)) => return self.pain_detail(index, area, buf),
            None => return,
        };
        let language = self.app.settings().language;
        let entry = anomaly.rule.entry();
        let colon = say(language, ": ", "：");
        let mut lines = vec![
            Line::from(vec![
                Span::styled(format!("{}{colon}", entry.label.get(language)), t.title),
                Span::styled(*entry.explanation.get(language), t.dim),
            ]),
            Line::styled(clean(anomaly.message.get(language)).into_owned(), t.text),
        ];
        if let Some(title) = &anomaly.title {
            lines.push(Line::styled(clean(title).into_owned(), t.dim));
        }
        for evidence in &anomaly.evidence {
            lines.push(Line::styled(
                clean(evidence.get(language)).into_owned(),
                t.accent,
            ));
        }
        lines.push(Line::styled(
            format!("{}{}", l.checks, colon.trim_end()),
            t.title,
        ));
        lines.extend(
            anomaly
                .checks(self.app.settings().language)
                .iter()
                .map(|c| Line::styled(format!("• {c}"), t.text)),
        );
        padded_text(&lines, area, buf);
    }

    /// The selected pain point: every SKU it touches and what customers wrote.
    fn pain_detail(&self, index: usize, area: Rect, buf: &mut Buffer) {
        let (t, l) = (self.theme, self.labels);
        let Some(point) = self.app.report().voice.get(index) else {
            return;
        };
        let mut lines = vec![Line::styled(
            format!(
                "{} — {} {}",
                clean(&point.reason_in(self.app.settings().language)),
                point.units,
                l.units
            ),
            t.title,
        )];
        lines.extend(
            point
                .skus
                .iter()
                .map(|(sku, n)| Line::styled(format!("{} ({n})", clean(sku)), t.text)),
        );
        lines.extend(
            point
                .comments
                .iter()
                .map(|c| Line::styled(format!("“{}”", clean(c)), t.accent)),
        );
        padded_text(&lines, area, buf);
    }

    fn voice(&self, area: Rect, buf: &mut Buffer) {
        let (t, l) = (self.theme, self.labels);
        let report = self.app.report();
        let meeting = self.app.meeting();
        let stuck: Vec<String> = meeting
            .actions
            .iter()
            .chain(&meeting.follow_ups)
            .filter(|a| a.status.is_open() && a.weeks_carried + 1 >= CARRIED_TOO_OFTEN)
            .map(|a| format!("{} {}", a.id, clean(&a.title)))
            .collect();
        let area = if stuck.is_empty() {
            area
        } else {
            // An action carried again and again is a problem to solve, not a task to repeat.
            let [banner, rest] = area.layout(&Layout::vertical([
                Constraint::Length(2),
                Constraint::Fill(1),
            ]));
            Paragraph::new(vec![
                Line::styled(format!("▲ {}", l.carried_too_often), t.watch),
                Line::styled(format!("  {}", stuck.join(" · ")), t.text),
            ])
            .render(banner, buf);
            rest
        };
        let block = Block::new()
            .borders(Borders::TOP)
            .border_style(t.dim)
            .title(Line::styled(l.voice, t.title));
        if report.voice.is_empty() {
            Paragraph::new(l.no_voice)
                .style(t.dim)
                .block(block)
                .render(area, buf);
            return;
        }
        let selected = match report.diagnosis_row(self.app.selection_in(View::Diagnosis)) {
            Some(DiagnosisRow::PainPoint(index, _)) => Some(index),
            _ => None,
        };
        let lines: Vec<Line> = report
            .voice
            .iter()
            .enumerate()
            .map(|(i, point)| {
                // A pain point no action covers stands out: nobody owns it yet.
                let unowned = !point
                    .skus
                    .iter()
                    .any(|(sku, _)| self.app.meeting().has_action_for(Some(sku), ""));
                let comment = point
                    .comments
                    .first()
                    .map(|c| format!("  “{}”", clean(c)))
                    .unwrap_or_default();
                let line = Line::from(vec![
                    Span::styled(
                        format!("{:>4} {} ", point.units, l.units),
                        if unowned { t.watch } else { t.text },
                    ),
                    Span::styled(
                        clean(&point.reason_in(self.app.settings().language)).into_owned(),
                        t.title,
                    ),
                    Span::styled(format!("  {}", clean(&point.sku_summary(3))), t.dim),
                    Span::styled(comment, t.accent),
                ]);
                if selected == Some(i) {
                    t.select(line)
                } else {
                    line
                }
            })
            .collect();
        let height = usize::from(block.inner(area).height);
        let offset = selected.map_or(0, |at| first_drawn(lines.len(), at..at + 1, height));
        Paragraph::new(lines)
            .scroll((u16::try_from(offset).unwrap_or(u16::MAX), 0))
            .block(block)
            .render(area, buf);
    }
}

/// `lines` wrapped to `area` after a column of padding on the left.
fn padded_text(lines: &[Line<'_>], area: Rect, buf: &mut Buffer) {
    let width = usize::from(area.width.saturating_sub(1));
    Paragraph::new(wrap_lines(lines, width))
        .block(Block::new().padding(Padding::left(1)))
        .render(area, buf);
}
