//! The body of the screen while the week's reports are read: how far the
//! reading got (a bar, files and bytes) and what works meanwhile.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use crate::app::Reading;
use crate::domain::reading::ReadCount;

use super::labels::Labels;
use super::theme::Theme;

/// The widest the bar is drawn.
const BAR_WIDTH: u8 = 40;

pub struct ReadingView<'a> {
    pub reading: &'a Reading,
    pub theme: &'a Theme,
    pub labels: &'a Labels,
}

impl Widget for ReadingView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (t, l, count) = (self.theme, self.labels, &self.reading.count);
        let mut lines = vec![
            Line::default(),
            Line::styled(format!("  {}…", l.reading_reports), t.title),
            Line::from(vec![
                Span::raw("  "),
                Span::styled(bar(count.share()), t.accent),
                Span::styled(amounts(count, l), t.text),
            ]),
            Line::default(),
            Line::styled(format!("  {}", l.reading_clock), t.dim),
            Line::styled(format!("  {}", l.reading_keys), t.dim),
        ];
        if self.reading.keys_waiting > 0 {
            lines.push(Line::styled(
                format!("  {} {}", self.reading.keys_waiting, l.keys_waiting),
                t.watch,
            ));
        }
        Paragraph::new(lines).render(area, buf);
    }
}

/// `████████░░░░ 67%`.
fn bar(share: f64) -> String {
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)] // 0..=BAR_WIDTH
    let filled = ((share * f64::from(BAR_WIDTH)).round() as usize).min(usize::from(BAR_WIDTH));
    format!(
        "{}{} {:>3.0}%",
        "█".repeat(filled),
        "░".repeat(usize::from(BAR_WIDTH) - filled),
        share * 100.0
    )
}

/// `  14/26 files · 212/500 MB`, once the files to read are known.
fn amounts(count: &ReadCount, l: &Labels) -> String {
    if count.files_total == 0 {
        return String::new();
    }
    format!(
        "  {}/{} {} · {}/{}",
        count.files,
        count.files_total,
        l.reading_files,
        megabytes(count.bytes),
        megabytes(count.bytes_total)
    )
}

/// Bytes in MB, to a tenth below 10 MB.
fn megabytes(bytes: u64) -> String {
    #[allow(clippy::cast_precision_loss)] // a size on screen
    let mb = bytes as f64 / 1e6;
    if mb < 10.0 {
        format!("{mb:.1} MB")
    } else {
        format!("{mb:.0} MB")
    }
}
