//! The only place keys become actions. Every mode's keys live in one table
//! of help lines (`keymap/tables.rs`); the key handling, the `?` help and the
//! hint bar are all built from it, so a key, its help and its hint change in
//! one edit. Pure: it looks at the mode and never changes it.

use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};

use crate::domain::words::Words;

use super::action::{Action, EditOp, View};
use super::mode::Mode;
use super::views::EVERY_VIEW_KEYS;

/// Which modifier a key is pressed with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Held {
    Nothing,
    Ctrl,
    Alt,
    /// Ctrl or Alt: the same edit under either (Ctrl-← and Alt-←).
    CtrlOrAlt,
}

/// A key with the modifier it needs. Shift is part of the character (`G`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Chord {
    pub code: KeyCode,
    pub held: Held,
}

impl Chord {
    fn matches(&self, key: &KeyEvent) -> bool {
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        let alt = key.modifiers.contains(KeyModifiers::ALT);
        let held = match self.held {
            Held::Nothing => !ctrl && !alt,
            Held::Ctrl => ctrl && !alt,
            Held::Alt => alt && !ctrl,
            Held::CtrlOrAlt => ctrl || alt,
        };
        held && self.code == key.code
    }

    /// The key as the help writes it: `g`, `PgUp`, `Ctrl-W`, `Alt-←`.
    pub fn name(&self) -> String {
        let key = match self.code {
            KeyCode::Char(' ') => "space".to_owned(),
            KeyCode::Char(c) if self.held == Held::Nothing => c.to_string(),
            KeyCode::Char(c) => c.to_ascii_uppercase().to_string(),
            KeyCode::Up => "↑".to_owned(),
            KeyCode::Down => "↓".to_owned(),
            KeyCode::Left => "←".to_owned(),
            KeyCode::Right => "→".to_owned(),
            KeyCode::PageUp => "PgUp".to_owned(),
            KeyCode::PageDown => "PgDn".to_owned(),
            KeyCode::Backspace => "Bksp".to_owned(),
            KeyCode::Delete => "Del".to_owned(),
            KeyCode::F(n) => format!("F{n}"),
            other => other.to_string(),
        };
        match self.held {
            Held::Nothing => key,
            Held::Ctrl | Held::CtrlOrAlt => format!("Ctrl-{key}"),
            Held::Alt => format!("Alt-{key}"),
        }
    }
}

/// What a binding does: an action, or an edit of the mode's input line.
#[derive(Debug, Clone, PartialEq)]
pub enum Does {
    Act(Action),
    Edit(EditOp),
}

/// One or more keys for the same thing (`↑` and `k`).
#[derive(Debug, Clone, PartialEq)]
pub struct Binding {
    pub keys: &'static [Chord],
    pub does: Does,
}

/// One line of the help: its bindings, what they do, and the few words of
/// the hint bar when the line earns a place there.
#[derive(Debug, Clone, PartialEq)]
pub struct HelpLine {
    pub bindings: &'static [Binding],
    pub what: Words,
    pub hint: Option<Words>,
}

impl HelpLine {
    /// Every key of the line, as the help shows them: `↑/k ↓/j`.
    pub fn keys(&self) -> String {
        self.bindings
            .iter()
            .map(|b| b.keys.iter().map(Chord::name).collect::<Vec<_>>().join("/"))
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// The first key of each binding, as the hint bar shows them: `↑ ↓`.
    pub fn main_keys(&self) -> String {
        self.bindings
            .iter()
            .filter_map(|b| b.keys.first().map(Chord::name))
            .collect::<Vec<_>>()
            .join(" ")
    }
}

const fn key(code: KeyCode) -> Chord {
    Chord {
        code,
        held: Held::Nothing,
    }
}

const fn ch(c: char) -> Chord {
    key(KeyCode::Char(c))
}

const fn ctrl(c: char) -> Chord {
    Chord {
        code: KeyCode::Char(c),
        held: Held::Ctrl,
    }
}

const fn alt(c: char) -> Chord {
    Chord {
        code: KeyCode::Char(c),
        held: Held::Alt,
    }
}

// Macros rather than functions build the tables, so the nested slices are
// literals that live as long as the table.

/// Keys that do one action.
macro_rules! act {
    ([$($key:expr),+ $(,)?], $action:expr $(,)?) => {
        Binding {
            keys: &[$($key),+],
            does: Does::Act($action),
        }
    };
}

/// Keys that make one edit of the mode's input line.
macro_rules! edit {
    ([$($key:expr),+ $(,)?], $op:expr $(,)?) => {
        Binding {
            keys: &[$($key),+],
            does: Does::Edit($op),
        }
    };
}

/// A help line: its bindings, what they do (English, Chinese), and optionally
/// the hint bar's words for it.
macro_rules! line {
    ([$($binding:expr),+ $(,)?], $en:literal, $zh:literal $(,)?) => {
        HelpLine {
            bindings: &[$($binding),+],
            what: Words::new($en, $zh),
            hint: None,
        }
    };
    ([$($binding:expr),+ $(,)?], ($en:literal, $zh:literal $(,)?), ($hint_en:literal, $hint_zh:literal $(,)?) $(,)?) => {
        HelpLine {
            bindings: &[$($binding),+],
            what: Words::new($en, $zh),
            hint: Some(Words::new($hint_en, $hint_zh)),
        }
    };
}

mod tables;

use tables::{
    BROWSE, CAPTURE, CLOSING, DETAIL_HINTS, EVERYWHERE, FILTER, HELP, LINE_EDITING, QUIT, SAVE_AS,
};

/// A mode's keys: its help lines, whether it types into a line, and what
/// any other key does.
struct ModeKeys {
    lines: &'static [HelpLine],
    /// The mode edits a line: `LINE_EDITING` and typed characters apply to it.
    edits: Option<fn(EditOp) -> Action>,
    otherwise: Option<Action>,
}

fn mode_keys(mode: Mode) -> ModeKeys {
    let keys = |lines, edits, otherwise| ModeKeys {
        lines,
        edits,
        otherwise,
    };
    match mode {
        Mode::Browsing | Mode::Detail(_) => keys(BROWSE, None, None),
        Mode::Filtering => keys(FILTER, Some(Action::EditFilter), None),
        Mode::Capturing => keys(CAPTURE, Some(Action::EditCapture), None),
        Mode::SavingAs(_) => keys(SAVE_AS, Some(Action::EditSaveAs), None),
        Mode::Closing => keys(CLOSING, None, Some(Action::Back)),
        Mode::ConfirmingQuit(_) => keys(QUIT, None, Some(Action::CancelQuit)),
        Mode::Help(_) => keys(HELP, None, Some(Action::ToggleHelp)),
    }
}

/// Every help line of a mode, in the order keys are looked up.
/// A shared line is left out where the mode's own lines bind all its keys.
fn every_line(keys: &ModeKeys) -> impl Iterator<Item = &'static HelpLine> {
    let editing = keys.edits.map_or(&[][..], |_| LINE_EDITING);
    let own = keys.lines;
    let bound_here = move |chord: &Chord| {
        own.iter()
            .flat_map(|line| line.bindings)
            .any(|binding| binding.keys.contains(chord))
    };
    let shared = EVERYWHERE.iter().filter(move |line| {
        !line
            .bindings
            .iter()
            .flat_map(|binding| binding.keys)
            .all(bound_here)
    });
    keys.lines.iter().chain(editing).chain(shared)
}

/// The action a terminal event asks for in `mode`, if any.
pub fn action_for(mode: Mode, event: &Event) -> Option<Action> {
    let keys = mode_keys(mode);
    if let Event::Resize(width, height) = event {
        return Some(Action::Resize(*width, *height));
    }
    if let Event::Paste(text) = event {
        return keys.edits.map(|edit| edit(EditOp::Paste(text.clone())));
    }
    // Key release and repeat events (Windows) are not presses.
    let key = event.as_key_press_event()?;
    let bound = every_line(&keys)
        .flat_map(|line| line.bindings)
        .find(|binding| binding.keys.iter().any(|chord| chord.matches(&key)));
    match (bound, keys.edits) {
        (Some(binding), edits) => match (&binding.does, edits) {
            (Does::Act(action), _) => Some(action.clone()),
            (Does::Edit(op), Some(edit)) => Some(edit(op.clone())),
            (Does::Edit(_), None) => None,
        },
        // A typed character, never a chord: Ctrl-J does not insert `j`.
        (None, Some(edit)) => match key.code {
            KeyCode::Char(c)
                if !c.is_control()
                    && !key
                        .modifiers
                        .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) =>
            {
                Some(edit(EditOp::Insert(c)))
            }
            _ => None,
        },
        (None, None) => keys.otherwise,
    }
}

/// One line of the help or the hint bar, ready to draw.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyHelp {
    pub keys: String,
    pub what: Words,
}

/// Every key of `mode`, for the help screen.
pub fn help_keys(mode: Mode) -> Vec<KeyHelp> {
    let keys = mode_keys(mode);
    let typing = keys.edits.map(|_| KeyHelp {
        keys: "type".to_owned(),
        what: typing_help(mode),
    });
    typing
        .into_iter()
        .chain(every_line(&keys).map(|line| KeyHelp {
            keys: line.keys(),
            what: line.what,
        }))
        .collect()
}

/// What typing does in a mode that edits a line.
fn typing_help(mode: Mode) -> Words {
    match mode {
        Mode::Capturing => Words::new(
            "the title, with @owner due:fri #SKU !high kpi:acos — due: 2026-12-05, 12-05, fri, +3d, +2w, tomorrow",
            "标题，可加 @负责人 due:fri #SKU !high kpi:acos — due: 2026-12-05、12-05、fri、+3d、+2w、tomorrow",
        ),
        _ => Words::new("filter by SKU, ASIN or title", "按 SKU、ASIN 或标题筛选"),
    }
}

/// The hint bar of `mode` in `view`: the hinted lines' main keys — in a
/// view, the keys that act there first, then those of every view; help
/// and quit come last.
pub fn key_hints(mode: Mode, view: View) -> Vec<KeyHelp> {
    if let Mode::Detail(_) = mode {
        return DETAIL_HINTS
            .iter()
            .filter_map(|(action, what)| {
                let line = BROWSE.iter().find(|line| {
                    line.bindings
                        .iter()
                        .any(|b| b.does == Does::Act(action.clone()))
                })?;
                Some(KeyHelp {
                    keys: line.main_keys(),
                    what: *what,
                })
            })
            .collect();
    }
    let lines = mode_keys(mode).lines;
    let hinted = |line: &HelpLine| {
        line.hint.map(|what| KeyHelp {
            keys: line.main_keys(),
            what,
        })
    };
    if mode != Mode::Browsing {
        return lines.iter().filter_map(hinted).collect();
    }
    let line_of = |action: &Action| {
        lines.iter().find(|line| {
            line.bindings
                .iter()
                .any(|binding| binding.does == Does::Act(action.clone()))
        })
    };
    let mut chosen: Vec<&HelpLine> = Vec::new();
    for action in view
        .info()
        .keys
        .iter()
        .chain(EVERY_VIEW_KEYS)
        .chain(LAST_HINTS)
    {
        if let Some(line) = line_of(action)
            && !chosen.iter().any(|c| std::ptr::eq(*c, line))
        {
            chosen.push(line);
        }
    }
    chosen.into_iter().filter_map(hinted).collect()
}

/// The hints every view ends with, whatever the room: help and quit.
const LAST_HINTS: &[Action] = &[Action::ToggleHelp, Action::RequestQuit];

#[cfg(test)]
#[path = "keymap_tests.rs"]
mod tests;
