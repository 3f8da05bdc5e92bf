//! The review view: last meeting's open actions first, the account's KPI
//! strip, then the SKU table. Only the rows on screen are built, so a
//! hundred thousand SKUs cost what a screenful does.

use std::fmt::Write as _;

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Row, Table, Widget};

use crate::app::App;
use crate::app::action::View;
use crate::app::sku_list::{FIGURE_WIDTH, SKU_WIDTH, table_layout};
use crate::domain::action_log::Tally;
use crate::domain::format;
use crate::domain::metric::Metric;
use crate::domain::settings::Language;

use super::action_line::ActionLines;
use super::cell::{item, pack};
use super::figure::figure_spans;
use super::labels::{Labels, metric_label};
use super::scroll::first_drawn;
use super::theme::Theme;
use crate::domain::text_width::truncate;
use crate::domain::untrusted::clean;

/// The account figures of the strip.
const STRIP: [Metric; 10] = [
    Metric::Sales,
    Metric::Units,
    Metric::Sessions,
    Metric::Conversion,
    Metric::BuyBox,
    Metric::Acos,
    Metric::Tacos,
    Metric::DaysOfSupply,
    Metric::ReturnRate,
    Metric::Odr,
];

/// A day's short weekday: `Mon`, or `周一`.
fn weekday(date: chrono::NaiveDate, language: Language) -> String {
    let full = format::short_date(date, language);
    match language {
        Language::English => full.split(' ').next().unwrap_or_default().to_owned(),
        Language::Chinese => full.rsplit(' ').next().unwrap_or_default().to_owned(),
    }
}

/// The most rows last meeting's actions take; the list scrolls through the rest.
const OPEN_ACTION_ROWS: usize = 4;

pub struct ReviewView<'a> {
    pub app: &'a App,
    pub theme: &'a Theme,
    pub labels: &'a Labels,
}

impl Widget for ReviewView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let actions = self.app.open_actions().len().min(OPEN_ACTION_ROWS);
        let actions_height = if actions == 0 {
            0
        } else {
            u16::try_from(actions).unwrap_or(4) + 1
        };
        let strip_lines = self.strip_lines(area.width);
        let strip_height = u16::try_from(strip_lines.len()).unwrap_or(1) + 1;
        let [open, strip, table] = area.layout(&Layout::vertical([
            Constraint::Length(actions_height),
            Constraint::Length(strip_height),
            Constraint::Fill(1),
        ]));
        self.open_actions(open, buf);
        Paragraph::new(strip_lines)
            .block(
                Block::new()
                    .borders(Borders::TOP)
                    .border_style(self.theme.dim),
            )
            .render(strip, buf);
        self.table(table, buf);
    }
}

impl ReviewView<'_> {
    /// Last meeting's actions, every one, in the order they are settled
    /// (the plan's): the list scrolls to the selected one, and `x` `c` `D`
    /// `e` act on it here.
    fn open_actions(&self, area: Rect, buf: &mut Buffer) {
        if area.height == 0 {
            return;
        }
        let (app, l, t) = (self.app, self.labels, self.theme);
        let today = app.today();
        let follow_ups = app.open_actions();
        let order = app.follow_up_order();
        let tally = Tally::of(follow_ups, today);
        let mut heading = format!(
            "{} ({}/{} {} · {} {})",
            l.open_actions, tally.done, tally.due, l.done_of_due, tally.on_track, l.on_track
        );
        let sent = match app.last_minutes_sent_in_time() {
            Some(true) => Some((l.minutes_sent_in_time, t.ok)),
            Some(false) => Some((l.minutes_not_sent_in_time, t.breach)),
            None => None,
        };
        let rows = usize::from(area.height - 1);
        let selected = app.selection_in(View::Review);
        let first = if selected < order.len() {
            first_drawn(order.len(), selected..selected + 1, rows)
        } else {
            0
        };
        if order.len() > rows {
            let last = (first + rows).min(order.len());
            let _ = write!(heading, " · {}–{last} / {} (j k)", first + 1, order.len());
        }
        let lines_of = ActionLines::new(app, t, l, area.width);
        let mut first_line = vec![Span::styled(format!("{heading}:"), t.title)];
        if let Some((said, style)) = sent {
            first_line.push(Span::styled(format!(" {said}"), style));
        }
        let mut lines = vec![Line::from(first_line)];
        lines.extend(
            order
                .iter()
                .enumerate()
                .skip(first)
                .take(rows)
                .map(|(at, &i)| {
                    let line = lines_of.follow_up(&follow_ups[i]);
                    if at == selected { t.select(line) } else { line }
                }),
        );
        Paragraph::new(lines).render(area, buf);
    }

    /// The account's KPI strip, broken between figures to fit `width`.
    fn strip_lines(&self, width: u16) -> Vec<Line<'static>> {
        let report = self.app.report();
        let review = &report.review;
        let settings = self.app.settings();
        // The marketplace `m` shows, in its own currency; else the whole account.
        let shown = self.app.shown_marketplace();
        let (label, account, currency) = match shown {
            Some(marketplace) => (
                format!("{} {}", self.labels.account, marketplace.code),
                &marketplace.account,
                marketplace.currency.as_str(),
            ),
            None if review.marketplaces.len() > 1 => (
                self.labels.account_all_marketplaces.to_owned(),
                &review.account,
                review.currency.as_str(),
            ),
            None => (
                self.labels.account.to_owned(),
                &review.account,
                review.currency.as_str(),
            ),
        };
        let items = STRIP.iter().enumerate().map(|(i, metric)| {
            let mut spans = if i == 0 {
                item(format!("{label} "), self.theme.title)
            } else {
                Vec::new()
            };
            // Attributed ad sales depend on their window: ACoS says which.
            let window = match (metric, review.ad_attribution_days) {
                (Metric::Acos, Some(days)) if account.current.get(Metric::Acos).is_some() => {
                    format!(" ({days}d)")
                }
                _ => String::new(),
            };
            spans.extend(item(
                format!("{}{window} ", metric_label(*metric, settings.language)),
                self.theme.dim,
            ));
            spans.extend(figure_spans(
                account, *metric, settings, currency, self.theme,
            ));
            spans
        });
        let separator = Span::styled(" · ", self.theme.dim);
        let mut lines = pack(items.collect(), &separator, usize::from(width));
        lines.extend(self.daily_line(width));
        lines
    }

    /// The account's sales day by day, when the week has a Business Report
    /// by Date: the marketplace's that `m` shows, in its currency; the whole
    /// account's only when every marketplace has one (else it would be some
    /// marketplaces' days under all of them).
    fn daily_line(&self, width: u16) -> Vec<Line<'static>> {
        let report = self.app.report();
        let review = &report.review;
        let shown = self.app.shown_marketplace();
        let (daily, currency) = match shown {
            Some(marketplace) => (&marketplace.daily_sales, marketplace.currency.as_str()),
            None if report.marketplaces.iter().any(|m| m.daily_sales.is_empty()) => {
                return Vec::new();
            }
            None => (&review.daily_sales, review.currency.as_str()),
        };
        if daily.is_empty() {
            return Vec::new();
        }
        let language = self.app.settings().language;
        let items = daily.iter().enumerate().map(|(i, (date, sales))| {
            let mut spans = if i == 0 {
                item(format!("{} ", self.labels.daily_sales), self.theme.dim)
            } else {
                Vec::new()
            };
            spans.extend(item(
                format!("{} ", weekday(*date, language)),
                self.theme.dim,
            ));
            spans.extend(item(format::money(*sales, currency), self.theme.text));
            spans
        });
        let separator = Span::styled(" · ", self.theme.dim);
        pack(items.collect(), &separator, usize::from(width))
    }

    fn table(&self, area: Rect, buf: &mut Buffer) {
        let (app, t) = (self.app, self.theme);
        let review = &app.report().review;
        let settings = app.settings();
        let layout = table_layout(area.width);
        let columns = layout.figures;
        let mut widths = vec![Constraint::Length(1), Constraint::Length(SKU_WIDTH)];
        let mut header = vec![Line::default(), Line::from(self.labels.sku)];
        if layout.title {
            widths.push(Constraint::Fill(1));
            header.push(Line::from(self.labels.title));
        }
        widths.extend(columns.iter().map(|_| Constraint::Length(FIGURE_WIDTH)));
        header.extend(
            columns
                .iter()
                .map(|m| Line::from(metric_label(*m, settings.language)).right_aligned()),
        );
        let body_rows = usize::from(area.height.saturating_sub(1));
        let visible = app.visible();
        // The selected SKU's place in the table, while the selection is on one.
        let selected = app
            .selection_in(crate::app::action::View::Review)
            .checked_sub(app.open_actions().len());
        let offset = selected.map_or(0, |at| first_drawn(visible.len(), at..at + 1, body_rows));
        let rows =
            visible
                .iter()
                .enumerate()
                .skip(offset)
                .take(body_rows)
                .map(|(position, &index)| {
                    let row = &review.skus[index];
                    let flag = if app.is_flagged(index) {
                        Span::styled("●", t.breach)
                    } else {
                        Span::raw(" ")
                    };
                    let mut cells = vec![
                        Line::from(flag),
                        Line::from(clean(row.sku.as_deref().unwrap_or(&row.key)).into_owned()),
                    ];
                    if layout.title {
                        // Cut to its column, ending in `…`.
                        cells.push(Line::styled(
                            truncate(&clean(&row.title), layout.title_width),
                            t.dim,
                        ));
                    }
                    cells.extend(columns.iter().map(|m| {
                        Line::from(figure_spans(
                            &row.figures,
                            *m,
                            settings,
                            &review.currency,
                            t,
                        ))
                        .right_aligned()
                    }));
                    if Some(position) == selected {
                        let cells: Vec<Line> =
                            cells.into_iter().map(|cell| t.select(cell)).collect();
                        Row::new(cells).style(t.selected)
                    } else {
                        Row::new(cells).style(t.text)
                    }
                });
        if visible.is_empty() {
            Paragraph::new(self.labels.no_rows)
                .style(t.dim)
                .render(area, buf);
            return;
        }
        Table::new(rows, widths)
            .header(Row::new(header).style(t.title))
            .column_spacing(1)
            .render(area, buf);
    }
}
