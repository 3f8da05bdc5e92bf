//! The detail of one SKU: who it is, and a 13-week trend line of each main
//! KPI with this week's value judged against its target. Each trend is
//! scaled to its own range, and every week with a figure draws at least a
//! sliver: a stockout's near-zero week shows, a missing week stays empty.

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

/// The height of a series' lowest figure, out of 100: an eighth of a row and
/// a little more, so a one-row sparkline still draws it (`▁`).
const LOWEST: u32 = 13;

/// Scales a series to sparkline heights: its lowest figure to `LOWEST`, its
/// highest to 100 (a flat series halfway); missing weeks stay empty.
#[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
fn scale(series: &[Option<f64>]) -> Vec<Option<u64>> {
    // An infinite figure (ACoS of spend that sold nothing) tops the scale.
    let (low, high) = series
        .iter()
        .flatten()
        .filter(|v| v.is_finite())
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(low, high), v| {
            (low.min(*v), high.max(*v))
        });
    series
        .iter()
        .map(|v| {
            v.map(|v| {
                if v.is_infinite() {
                    100
                } else if high > low {
                    u64::from(LOWEST)
                        + ((v - low) / (high - low) * f64::from(100 - LOWEST)).round() as u64
                } else {
                    50
                }
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::scale;

    #[test]
    fn each_trend_spans_its_own_range_and_a_week_near_zero_still_shows() {
        // Days of supply collapsing to 1.7 in a stockout week.
        let days = [Some(60.0), Some(58.0), None, Some(1.7)];
        assert_eq!(scale(&days), [Some(100), Some(97), None, Some(13)]);
        // A 33 % conversion fall spans the whole height, not a third of it.
        let conversion = [Some(0.12), Some(0.12), Some(0.08)];
        assert_eq!(scale(&conversion), [Some(100), Some(100), Some(13)]);
        assert_eq!(scale(&[Some(5.0), Some(5.0)]), [Some(50), Some(50)]);
    }
}
