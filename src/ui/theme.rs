//! Every colour the cockpit uses, in three themes: dark (default), light and
//! high contrast (projectors, compressed video). Views ask the theme for the
//! style of a meaning (`breach`, `overrun`), never for a colour.

use ratatui::style::{Color, Modifier, Style};
use ratatui::text::Line;

use crate::domain::judgement::Status;
use crate::domain::settings::ThemeName;
use crate::domain::timing::TimeStatus;

/// The styles of one theme.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    /// Painted under the whole screen, so a theme never depends on the
    /// terminal's own background.
    pub background: Color,
    pub text: Style,
    pub dim: Style,
    pub title: Style,
    pub accent: Style,
    pub ok: Style,
    pub watch: Style,
    pub breach: Style,
    /// A change that is good for its metric (falling `ACoS`, rising sales).
    pub good_change: Style,
    pub bad_change: Style,
    pub selected: Style,
    pub on_track: Style,
    pub ending: Style,
    pub overrun: Style,
    pub tab: Style,
    pub tab_active: Style,
    pub key: Style,
}

impl Theme {
    pub fn named(name: ThemeName) -> Self {
        match name {
            ThemeName::Dark => DARK,
            ThemeName::Light => LIGHT,
            ThemeName::HighContrast => HIGH_CONTRAST,
        }
    }

    /// The screen's own colours: text on the theme's background.
    pub fn base(&self) -> Style {
        self.text.bg(self.background)
    }

    /// `line` as the selected row: every span in the selection's colours, so
    /// no figure's own colour can vanish into the highlight.
    pub fn select<'a>(&self, mut line: Line<'a>) -> Line<'a> {
        for span in &mut line.spans {
            span.style = self.selected;
        }
        line.style = self.selected;
        line
    }

    /// The style of a value with this status.
    pub fn status(&self, status: Status) -> Style {
        match status {
            Status::None => self.text,
            Status::Ok => self.ok,
            Status::Watch => self.watch,
            Status::Breach => self.breach,
        }
    }

    /// The style of the countdown.
    pub fn clock(&self, status: TimeStatus) -> Style {
        match status {
            TimeStatus::OnTrack { .. } => self.on_track,
            TimeStatus::Ending { .. } => self.ending,
            TimeStatus::Overrun { .. } => self.overrun,
        }
    }

    /// The style of a change arrow: good, bad, or neither.
    pub fn change(&self, good: Option<bool>) -> Style {
        match good {
            Some(true) => self.good_change,
            Some(false) => self.bad_change,
            None => self.dim,
        }
    }
}

// Themes use the 256-colour palette from index 16 up, whose colours every
// terminal draws alike (0–15 follow the user's terminal scheme), so their
// contrast is known and tested.

const fn on(fg: u8, bg: u8) -> Style {
    Style::new()
        .fg(Color::Indexed(fg))
        .bg(Color::Indexed(bg))
        .add_modifier(Modifier::BOLD)
}

const fn ix(i: u8) -> Style {
    Style::new().fg(Color::Indexed(i))
}

const fn bold(i: u8) -> Style {
    ix(i).add_modifier(Modifier::BOLD)
}

pub const DARK: Theme = Theme {
    background: Color::Indexed(234),
    text: ix(252),
    dim: ix(246),
    title: bold(255),
    accent: ix(80),
    ok: ix(114),
    watch: ix(221),
    breach: bold(209),
    good_change: ix(114),
    bad_change: ix(209),
    selected: on(231, 24),
    on_track: bold(114),
    ending: bold(221),
    overrun: bold(209),
    tab: ix(250),
    tab_active: on(16, 80),
    key: bold(80),
};

pub const LIGHT: Theme = Theme {
    background: Color::Indexed(231),
    text: ix(16),
    dim: ix(241),
    title: bold(16),
    accent: ix(25),
    ok: ix(22),
    watch: ix(94),
    breach: bold(124),
    good_change: ix(22),
    bad_change: ix(124),
    selected: on(16, 153),
    on_track: bold(22),
    ending: bold(94),
    overrun: bold(124),
    tab: ix(238),
    tab_active: on(231, 25),
    key: bold(25),
};

pub const HIGH_CONTRAST: Theme = Theme {
    background: Color::Indexed(16),
    text: ix(231),
    dim: ix(250),
    title: bold(231),
    accent: bold(51),
    ok: bold(46),
    watch: on(16, 226),
    breach: on(231, 124),
    good_change: bold(46),
    bad_change: bold(210),
    selected: on(16, 231),
    on_track: bold(46),
    ending: on(16, 226),
    overrun: on(231, 124),
    tab: ix(231),
    tab_active: on(16, 231),
    key: bold(51),
};

#[cfg(test)]
mod tests {
    use super::*;

    /// The colour of a palette index from 16 up, as xterm defines it.
    fn rgb(color: Color) -> [u8; 3] {
        let Color::Indexed(i) = color else {
            panic!("{color:?} is not from the fixed part of the palette");
        };
        assert!(i >= 16, "index {i} follows the user's terminal scheme");
        if i >= 232 {
            let v = 8 + 10 * (i - 232);
            return [v, v, v];
        }
        let cube = i - 16;
        let level = |n: u8| if n == 0 { 0 } else { 55 + 40 * n };
        [level(cube / 36), level(cube / 6 % 6), level(cube % 6)]
    }

    /// Relative luminance (WCAG 2.x).
    fn luminance(color: Color) -> f64 {
        let linear = |v: u8| {
            let v = f64::from(v) / 255.0;
            if v <= 0.039_28 {
                v / 12.92
            } else {
                ((v + 0.055) / 1.055).powf(2.4)
            }
        };
        let [r, g, b] = rgb(color).map(linear);
        0.2126 * r + 0.7152 * g + 0.0722 * b
    }

    fn contrast(a: Color, b: Color) -> f64 {
        let (la, lb) = (luminance(a), luminance(b));
        (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
    }

    #[test]
    fn every_style_of_every_theme_meets_wcag_aa_contrast() {
        for (name, theme) in [
            ("dark", DARK),
            ("light", LIGHT),
            ("high contrast", HIGH_CONTRAST),
        ] {
            let styles = [
                ("text", theme.text),
                ("dim", theme.dim),
                ("title", theme.title),
                ("accent", theme.accent),
                ("ok", theme.ok),
                ("watch", theme.watch),
                ("breach", theme.breach),
                ("good_change", theme.good_change),
                ("bad_change", theme.bad_change),
                ("selected", theme.selected),
                ("on_track", theme.on_track),
                ("ending", theme.ending),
                ("overrun", theme.overrun),
                ("tab", theme.tab),
                ("tab_active", theme.tab_active),
                ("key", theme.key),
            ];
            for (style_name, style) in styles {
                let fg = style.fg.expect("every style names its colour");
                let bg = style.bg.unwrap_or(theme.background);
                let ratio = contrast(fg, bg);
                assert!(
                    ratio >= 4.5,
                    "{name} theme: {style_name} has a contrast of {ratio:.2}:1, below 4.5:1"
                );
            }
        }
    }

    #[test]
    fn the_palette_is_read_as_xterm_draws_it() {
        assert_eq!(rgb(Color::Indexed(16)), [0, 0, 0]);
        assert_eq!(rgb(Color::Indexed(231)), [255, 255, 255]);
        assert_eq!(rgb(Color::Indexed(196)), [255, 0, 0]);
        assert!((contrast(Color::Indexed(16), Color::Indexed(231)) - 21.0).abs() < 1e-9);
    }
}
