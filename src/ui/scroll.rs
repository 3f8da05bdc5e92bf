//! Which part of a list a view draws: as little scrolling as keeps the
//! selected lines on screen. Every scrolling list counts drawn lines
//! (headings and blank lines included), never items.

use std::ops::Range;

/// The first of `total` lines to draw in `height` rows so that the lines
/// `selected` are drawn: none skipped while they fit from the top, else
/// the fewest that bring their end into view, never past their start.
pub fn first_drawn(total: usize, selected: Range<usize>, height: usize) -> usize {
    let end = selected.end.min(total);
    end.saturating_sub(height)
        .min(selected.start)
        .min(total.saturating_sub(height))
}

#[cfg(test)]
mod tests {
    use super::first_drawn;

    #[test]
    fn the_selection_stays_in_view() {
        assert_eq!(first_drawn(10, 2..3, 5), 0);
        assert_eq!(first_drawn(10, 4..5, 5), 0);
        assert_eq!(first_drawn(10, 5..6, 5), 1);
        assert_eq!(first_drawn(10, 9..10, 5), 5);
        // A heading and its first line, taller than the rows: its start wins.
        assert_eq!(first_drawn(10, 3..9, 4), 3);
        assert_eq!(first_drawn(3, 2..3, 5), 0);
        assert_eq!(first_drawn(10, 9..10, 0), 9);
    }
}
