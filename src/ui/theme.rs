//! Every colour the cockpit uses, in three themes: dark (default), light and
//! high contrast (projectors, compressed video). Views ask the theme for the
//! style of a meaning (`breach`, `overrun`), never for a colour.

use ratatui::style::{Color, Modifier, Style};

use crate::domain::judgement::Status;
use crate::domain::settings::ThemeName;
use crate::domain::timing::TimeStatus;

/// The styles of one theme.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
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

const fn fg(color: Color) -> Style {
    Style::new().fg(color)
}

pub const DARK: Theme = Theme {
    text: Style::new(),
    dim: fg(Color::DarkGray),
    title: Style::new().add_modifier(Modifier::BOLD),
    accent: fg(Color::Cyan),
    ok: fg(Color::Green),
    watch: fg(Color::Yellow),
    breach: fg(Color::Red).add_modifier(Modifier::BOLD),
    good_change: fg(Color::Green),
    bad_change: fg(Color::Red),
    selected: Style::new()
        .bg(Color::DarkGray)
        .add_modifier(Modifier::BOLD),
    on_track: fg(Color::Green).add_modifier(Modifier::BOLD),
    ending: fg(Color::Yellow).add_modifier(Modifier::BOLD),
    overrun: fg(Color::Red).add_modifier(Modifier::BOLD),
    tab: fg(Color::Gray),
    tab_active: Style::new()
        .fg(Color::Black)
        .bg(Color::Cyan)
        .add_modifier(Modifier::BOLD),
    key: fg(Color::Cyan).add_modifier(Modifier::BOLD),
};

pub const LIGHT: Theme = Theme {
    text: fg(Color::Black),
    dim: fg(Color::Gray),
    title: fg(Color::Black).add_modifier(Modifier::BOLD),
    accent: fg(Color::Blue),
    ok: fg(Color::Rgb(0, 110, 0)),
    watch: fg(Color::Rgb(170, 100, 0)),
    breach: fg(Color::Rgb(190, 0, 0)).add_modifier(Modifier::BOLD),
    good_change: fg(Color::Rgb(0, 110, 0)),
    bad_change: fg(Color::Rgb(190, 0, 0)),
    selected: Style::new()
        .bg(Color::Rgb(210, 225, 245))
        .add_modifier(Modifier::BOLD),
    on_track: fg(Color::Rgb(0, 110, 0)).add_modifier(Modifier::BOLD),
    ending: fg(Color::Rgb(170, 100, 0)).add_modifier(Modifier::BOLD),
    overrun: fg(Color::Rgb(190, 0, 0)).add_modifier(Modifier::BOLD),
    tab: fg(Color::DarkGray),
    tab_active: Style::new()
        .fg(Color::White)
        .bg(Color::Blue)
        .add_modifier(Modifier::BOLD),
    key: fg(Color::Blue).add_modifier(Modifier::BOLD),
};

pub const HIGH_CONTRAST: Theme = Theme {
    text: fg(Color::White),
    dim: fg(Color::White),
    title: fg(Color::White).add_modifier(Modifier::BOLD),
    accent: fg(Color::LightCyan).add_modifier(Modifier::BOLD),
    ok: fg(Color::LightGreen).add_modifier(Modifier::BOLD),
    watch: Style::new()
        .fg(Color::Black)
        .bg(Color::Yellow)
        .add_modifier(Modifier::BOLD),
    breach: Style::new()
        .fg(Color::White)
        .bg(Color::Red)
        .add_modifier(Modifier::BOLD),
    good_change: fg(Color::LightGreen).add_modifier(Modifier::BOLD),
    bad_change: fg(Color::LightRed).add_modifier(Modifier::BOLD),
    selected: Style::new()
        .fg(Color::Black)
        .bg(Color::White)
        .add_modifier(Modifier::BOLD),
    on_track: fg(Color::LightGreen).add_modifier(Modifier::BOLD),
    ending: Style::new()
        .fg(Color::Black)
        .bg(Color::Yellow)
        .add_modifier(Modifier::BOLD),
    overrun: Style::new()
        .fg(Color::White)
        .bg(Color::Red)
        .add_modifier(Modifier::BOLD),
    tab: fg(Color::White),
    tab_active: Style::new()
        .fg(Color::Black)
        .bg(Color::White)
        .add_modifier(Modifier::BOLD),
    key: fg(Color::LightCyan).add_modifier(Modifier::BOLD),
};
