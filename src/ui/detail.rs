//! The detail of one SKU: who it is, and a 13-week trend line of each main
//! KPI with this week's value judged against its target.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Sparkline, Widget};

use crate::app::App;
use crate::domain::history::TREND_METRICS;

use super::figure::figure_spans;
use super::labels::Labels;
use super::theme::Theme;
use crate::domain::untrusted::clean;

pub struct DetailView<'a> {
    pub app: &'a App,
    pub row: usize,
    pub theme: &'a Theme,
    pub labels: &'a Labels,
}

impl Widget for DetailView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (t, l) = (self.theme, self.labels);
        let review = &self.app.report().review;
        let Some(row) = review.skus.get(self.row) else {
            return;
        };
        let [head, body] = area.layout(&Layout::vertical([
            Constraint::Length(2),
            Constraint::Fill(1),
        ]));
        let name = row.sku.as_deref().unwrap_or(&row.key);
        Paragraph::new(vec![
            Line::from(vec![
                Span::styled(clean(name).into_owned(), t.title),
                Span::styled(format!("  {}  ({})", row.asin, row.parent_asin), t.dim),
                Span::styled(
                    format!("  {} {}–{}", l.trend, review.trend_weeks[0], review.week),
                    t.dim,
                ),
            ]),
            Line::styled(clean(&row.title).into_owned(), t.text),
        ])
        .render(head, buf);
        let shown: Vec<_> = TREND_METRICS
            .iter()
            .filter(|m| {
                !matches!(
                    m,
                    crate::domain::metric::Metric::ReturnedUnits
                        | crate::domain::metric::Metric::AvailableUnits
                )
            })
            .collect();
        let count = u16::try_from(shown.len()).unwrap_or(1);
        let height = (body.height / count).clamp(1, 3);
        let rows = Layout::vertical(shown.iter().map(|_| Constraint::Length(height))).split(body);
        for (metric, line) in shown.iter().zip(rows.iter()) {
            let [label, value, spark] = line.layout(&Layout::horizontal([
                Constraint::Length(16),
                Constraint::Length(14),
                Constraint::Fill(1),
            ]));
            Paragraph::new(super::labels::metric_label(
                **metric,
                self.app.settings().language,
            ))
            .style(t.dim)
            .render(label, buf);
            Paragraph::new(
                Line::from(figure_spans(
                    &row.figures,
                    **metric,
                    self.app.settings(),
                    &review.currency,
                    t,
                ))
                .right_aligned(),
            )
            .render(value, buf);
            let series = row.figures.series(**metric).unwrap_or_default();
            let spark = spark.inner(ratatui::layout::Margin::new(1, 0));
            let stretch = usize::from(spark.width) / series.len().max(1);
            let data: Vec<Option<u64>> = scale(&series)
                .into_iter()
                .flat_map(|v| std::iter::repeat_n(v, stretch.max(1)))
                .collect();
            Sparkline::default()
                .data(data)
                .style(t.accent)
                .render(spark, buf);
        }
    }
}

/// Scales a series to sparkline heights (0–100); missing weeks stay empty.
#[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
fn scale(series: &[Option<f64>]) -> Vec<Option<u64>> {
    let max = series.iter().flatten().fold(0.0_f64, |m, v| m.max(*v));
    series
        .iter()
        .map(|v| {
            v.map(|v| {
                if max > 0.0 {
                    (v / max * 100.0).round() as u64
                } else {
                    0
                }
            })
        })
        .collect()
}
