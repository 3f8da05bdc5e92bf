//! One judged figure as spans: the value and its status symbol in the
//! status colour, then the change arrow coloured by whether the change is
//! good for that metric (a rising `ACoS` is bad). Missing shows as `—`.

use ratatui::text::Span;

use crate::domain::format;
use crate::domain::metric::Metric;
use crate::domain::review::Figures;
use crate::domain::settings::Settings;

use super::theme::Theme;

/// `value symbol arrow` spans of `metric`.
pub fn figure_spans(
    figures: &Figures,
    metric: Metric,
    settings: &Settings,
    currency: &str,
    theme: &Theme,
) -> Vec<Span<'static>> {
    let cell = figures.cell(metric, settings);
    let Some(value) = cell.value else {
        return vec![Span::styled("—  ", theme.dim)];
    };
    let style = theme.status(cell.status);
    let good = cell.change.and_then(|c| metric.change_is_good(c));
    vec![
        Span::styled(format::value(metric, value, currency), style),
        Span::styled(cell.status.symbol(), style),
        Span::styled(format::arrow(cell.change), theme.change(good)),
    ]
}
