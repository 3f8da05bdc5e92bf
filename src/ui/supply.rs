//! The supply view: the promotions of the next eight weeks with their
//! deadlines, the SKUs whose stock runs out before an event ends, and the
//! replenishment schedule — soonest order first, statuses in colour and
//! with symbols, columns that give way from the right on a narrow screen.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};
use unicode_width::UnicodeWidthStr;

use crate::app::App;
use crate::app::action::View;
use crate::domain::calendar::{Event, upcoming};
use crate::domain::replenishment::SupplyLine;
use crate::domain::settings::Language;
use crate::domain::supply_columns::{SUPPLY_COLUMNS, SupplyColumn, short_day};
use crate::domain::supply_notes::{capacity_note, event_warning, facts};
use crate::domain::untrusted::clean;

use super::cell::{column, item, pack, wrap};
use super::labels::Labels;
use super::scroll::first_drawn;
use super::theme::Theme;
use crate::domain::text_width::truncate;

pub struct SupplyView<'a> {
    pub app: &'a App,
    pub theme: &'a Theme,
    pub labels: &'a Labels,
}

impl Widget for SupplyView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (t, l, app) = (self.theme, self.labels, self.app);
        let language = app.settings().language;
        let mut lines = calendar_lines(app, t, l, area.width);
        let report = app.report();
        if report.supply.is_empty() {
            lines.push(Line::styled(l.no_supply, t.dim));
            Paragraph::new(lines).render(area, buf);
            return;
        }
        lines.push(Line::styled(l.supply_heading, t.title));
        let width = usize::from(area.width);
        let shown = fitted_columns(&report.supply, language, width);
        lines.push(Line::from(
            shown
                .iter()
                .map(|(c, w)| Span::styled(cell(c.header().get(language), *c, *w), t.dim))
                .collect::<Vec<_>>(),
        ));
        let selected = app.selection_in(View::Supply);
        let mut footer = report
            .supply
            .get(selected)
            .map(|line| selected_facts(line, language, t, width))
            .unwrap_or_default();
        if let Some(po) = report
            .supply
            .get(selected)
            .and_then(|line| app.purchase_order_for(line))
        {
            footer.insert(
                0,
                Line::styled(format!("✔ PO {} {}", po.id, l.po_captured), t.ok),
            );
        }
        let height = usize::from(area.height).saturating_sub(lines.len() + footer.len());
        // A pool's child rows are drawn under it: the scroll counts drawn rows.
        let mut drawn: Vec<(usize, Line)> = Vec::new();
        for (at, line) in report.supply.iter().enumerate() {
            let po = app.purchase_order_for(line);
            let style = if po.is_some() {
                t.ok
            } else {
                t.status(line.status.severity())
            };
            let row = Line::from(
                shown
                    .iter()
                    .map(|(c, w)| {
                        // A line whose PO this meeting captured says so.
                        let text = match (c, po) {
                            (SupplyColumn::Status, Some(po)) => format!("✔ PO {}", po.id),
                            _ => clean(&c.text(line, language)).into_owned(),
                        };
                        let style = if *c == SupplyColumn::Status {
                            style
                        } else {
                            t.text
                        };
                        Span::styled(cell(&text, *c, *w), style)
                    })
                    .collect::<Vec<_>>(),
            );
            drawn.push((at, if at == selected { t.select(row) } else { row }));
            for member in line.children() {
                let child = shown
                    .iter()
                    .map(|(c, w)| {
                        let text = clean(&c.member_text(member, line, language)).into_owned();
                        let style = if *c == SupplyColumn::Status {
                            t.breach
                        } else {
                            t.dim
                        };
                        Span::styled(cell(&text, *c, *w), style)
                    })
                    .collect::<Vec<_>>();
                drawn.push((at, Line::from(child)));
            }
        }
        let last = drawn
            .iter()
            .rposition(|(at, _)| *at == selected)
            .unwrap_or(0);
        let first = drawn
            .iter()
            .position(|(at, _)| *at == selected)
            .unwrap_or(0);
        let offset = first_drawn(drawn.len(), first..last + 1, height);
        lines.extend(
            drawn
                .into_iter()
                .skip(offset)
                .take(height)
                .map(|(_, line)| line),
        );
        lines.resize(
            usize::from(area.height).saturating_sub(footer.len()),
            Line::default(),
        );
        lines.extend(footer);
        Paragraph::new(lines).render(area, buf);
    }
}

/// The selected pool's facts, packed into at most two lines at the bottom:
/// what the room reads before `o` turns the line into a purchase order.
fn selected_facts<'a>(
    line: &SupplyLine,
    language: Language,
    t: &Theme,
    width: usize,
) -> Vec<Line<'a>> {
    let facts = facts(line, language);
    if facts.is_empty() {
        return Vec::new();
    }
    let mut items = vec![item(format!("▸ {}", clean(&line.sku)), t.accent)];
    items.extend(
        facts
            .into_iter()
            .map(|fact| item(clean(&fact).into_owned(), t.dim)),
    );
    let mut packed = pack(items, &Span::styled(" · ", t.dim), width.saturating_sub(1));
    packed.truncate(2);
    packed
}

/// The events of the next eight weeks and the SKUs short for one, fitted
/// to `width`, with a blank line after.
pub fn calendar_lines<'a>(app: &'a App, t: &Theme, l: &Labels, width: u16) -> Vec<Line<'a>> {
    let today = app.meeting_monday();
    let language = app.settings().language;
    let coming = upcoming(&app.settings().events, today);
    let mut lines = Vec::new();
    if !coming.is_empty() {
        lines.push(Line::styled(l.events_heading, t.title));
        let separator = Span::styled(" · ", t.dim);
        for event in coming {
            let packed = pack(
                event_items(event, today, (t, l), language),
                &separator,
                usize::from(width).saturating_sub(2),
            );
            // The lines an event wraps onto are indented under its name.
            lines.extend(packed.into_iter().enumerate().map(|(at, mut line)| {
                if at > 0 {
                    line.spans.insert(0, Span::raw("  "));
                }
                line
            }));
        }
    }
    let notes: Vec<String> = app
        .report()
        .supply
        .iter()
        .filter_map(|line| event_warning(line, language))
        .collect();
    for note in &notes {
        lines.extend(wrap(
            &format!("⚠ {}", clean(note)),
            t.breach,
            usize::from(width),
        ));
    }
    // The storage the orders need: a warning over the limit, else a fact.
    if let Some(capacity) = &app.report().capacity {
        let (mark, style) = if capacity.exceeded() {
            ("⚠", t.breach)
        } else {
            ("·", t.dim)
        };
        let note = format!("{mark} {}", capacity_note(capacity, language));
        lines.extend(wrap(&note, style, usize::from(width)));
    }
    if !lines.is_empty() {
        lines.push(Line::default());
    }
    lines
}

/// `◆ Black Friday`, `27 Nov–30 Nov`, `starts in 4 d`, `submission closed`: items to pack.
fn event_items(
    e: &Event,
    today: chrono::NaiveDate,
    (t, l): (&Theme, &Labels),
    language: Language,
) -> Vec<Vec<Span<'static>>> {
    let starts = match e.days_to_start(today) {
        days if days <= 0 => l.under_way.to_owned(),
        days => format!("{} {days} {}", l.starts_in, l.days_short),
    };
    let mut items = vec![
        vec![
            Span::styled("◆ ", t.accent),
            Span::styled(clean(&e.name).into_owned(), t.text),
        ],
        item(
            format!(
                "{}–{}",
                short_day(e.start, language),
                short_day(e.end, language)
            ),
            t.dim,
        ),
        item(starts, t.dim),
    ];
    match e.days_to_submit(today) {
        Some(days) if days < 0 => items.push(item(l.submission_closed, t.dim)),
        Some(days) => items.push(item(
            format!("{} {days} {}", l.submit_in, l.days_short),
            if days <= 7 { t.watch } else { t.text },
        )),
        None => {}
    }
    items
}

/// The columns that fit `width`, each as wide as its widest cell: the
/// columns are dropped from the right until the rest fit.
fn fitted_columns(
    lines: &[SupplyLine],
    language: Language,
    width: usize,
) -> Vec<(SupplyColumn, usize)> {
    let mut shown: Vec<(SupplyColumn, usize)> = SUPPLY_COLUMNS
        .iter()
        .map(|c| {
            let widest = lines
                .iter()
                .flat_map(|line| {
                    std::iter::once(c.text(line, language)).chain(
                        line.children()
                            .iter()
                            .map(move |member| c.member_text(member, line, language)),
                    )
                })
                .map(|text| text.width())
                .chain(std::iter::once(c.header().get(language).width()))
                .max()
                .unwrap_or(0);
            (*c, widest.min(24) + 2)
        })
        .collect();
    while shown.len() > 2 && shown.iter().map(|(_, w)| w).sum::<usize>() > width {
        shown.pop();
    }
    shown
}

/// A cell of `width` columns with a space after it: figures to the right, words to the left.
fn cell(text: &str, c: SupplyColumn, width: usize) -> String {
    if !c.is_figure() {
        return column(text, width);
    }
    let text = truncate(text, width.saturating_sub(1));
    let room = width.saturating_sub(text.width() + 1);
    format!("{}{text} ", " ".repeat(room))
}
