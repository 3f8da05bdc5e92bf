//! Tests of the key table: bindings, help and hints.

use super::*;
use crate::app::action::View;
use crate::app::mode::Base;

fn key(code: KeyCode) -> Event {
    Event::Key(code.into())
}

#[test]
fn browsing_keys() {
    let cases = [
        (KeyCode::Char('>'), Action::NextSection),
        (KeyCode::Char('<'), Action::PreviousSection),
        (KeyCode::Char(' '), Action::ToggleTimer),
        (KeyCode::Char('+'), Action::AddMinute),
        (KeyCode::Char('-'), Action::RemoveMinute),
        (KeyCode::Char('r'), Action::Rebalance),
        (KeyCode::Char('2'), Action::ShowView(View::Diagnosis)),
        (KeyCode::Tab, Action::NextView),
        (KeyCode::Char('j'), Action::MoveSelection(1)),
        (KeyCode::Up, Action::MoveSelection(-1)),
        (KeyCode::PageDown, Action::MovePage(1)),
        (KeyCode::Enter, Action::OpenDetail),
        (KeyCode::Esc, Action::Back),
        (KeyCode::Char('s'), Action::CycleSort),
        (KeyCode::Char('/'), Action::StartFilter),
        (KeyCode::Char('f'), Action::ToggleProblemsOnly),
        (KeyCode::Char('?'), Action::ToggleHelp),
        (KeyCode::Char('q'), Action::RequestQuit),
    ];
    for (code, action) in cases {
        assert_eq!(
            action_for(Mode::Browsing, &key(code)),
            Some(action),
            "{code:?}"
        );
    }
    assert_eq!(action_for(Mode::Browsing, &key(KeyCode::Char('z'))), None);
    assert_eq!(
        action_for(Mode::Browsing, &key(KeyCode::Char('G'))),
        Some(Action::MoveToEnd(true))
    );
    let ctrl_u = Event::Key(KeyEvent::new(KeyCode::Char('u'), KeyModifiers::CONTROL));
    assert_eq!(
        action_for(Mode::Browsing, &ctrl_u),
        None,
        "Ctrl-U never undoes"
    );
    assert_eq!(
        action_for(Mode::Browsing, &key(KeyCode::Char('U'))),
        Some(Action::Redo)
    );
}

#[test]
fn typing_a_filter_takes_every_character() {
    assert_eq!(
        action_for(Mode::Filtering, &key(KeyCode::Char('q'))),
        Some(Action::EditFilter(EditOp::Insert('q')))
    );
    assert_eq!(
        action_for(Mode::Filtering, &key(KeyCode::Char('硅'))),
        Some(Action::EditFilter(EditOp::Insert('硅')))
    );
    assert_eq!(
        action_for(Mode::Filtering, &key(KeyCode::Enter)),
        Some(Action::ApplyFilter)
    );
    assert_eq!(
        action_for(Mode::Filtering, &key(KeyCode::Esc)),
        Some(Action::Back)
    );
}

#[test]
fn quitting_asks_first() {
    let confirming = Mode::ConfirmingQuit(Base::Browsing);
    assert_eq!(
        action_for(confirming, &key(KeyCode::Char('y'))),
        Some(Action::ConfirmQuit)
    );
    assert_eq!(
        action_for(confirming, &key(KeyCode::Enter)),
        Some(Action::ConfirmQuit)
    );
    assert_eq!(
        action_for(confirming, &key(KeyCode::Char('n'))),
        Some(Action::CancelQuit)
    );
    let ctrl_c = Event::Key(KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL));
    assert_eq!(
        action_for(Mode::Browsing, &ctrl_c),
        Some(Action::RequestQuit)
    );
}

#[test]
fn help_closes_on_any_key_and_resize_is_seen_everywhere() {
    assert_eq!(
        action_for(Mode::Help(Base::Browsing), &key(KeyCode::Char('x'))),
        Some(Action::ToggleHelp)
    );
    assert_eq!(
        action_for(Mode::Filtering, &Event::Resize(80, 24)),
        Some(Action::Resize(80, 24))
    );
}

#[test]
fn the_capture_line_edits_as_a_shell_and_no_chord_inserts_a_letter() {
    let chord = |code, modifiers| Event::Key(KeyEvent::new(code, modifiers));
    let ctrl = |c| chord(KeyCode::Char(c), KeyModifiers::CONTROL);
    let alt = |c| chord(KeyCode::Char(c), KeyModifiers::ALT);
    let edit = |event: &Event| action_for(Mode::Capturing, event);
    let cases = [
        (ctrl('a'), EditOp::Home),
        (ctrl('e'), EditOp::End),
        (ctrl('w'), EditOp::EraseWord),
        (ctrl('u'), EditOp::EraseToStart),
        (ctrl('k'), EditOp::EraseToEnd),
        (ctrl('h'), EditOp::Backspace),
        (alt('b'), EditOp::WordLeft),
        (alt('f'), EditOp::WordRight),
        (key(KeyCode::Left), EditOp::Left),
        (key(KeyCode::End), EditOp::End),
    ];
    for (event, op) in cases {
        assert_eq!(edit(&event), Some(Action::EditCapture(op)), "{event:?}");
    }
    for c in ['x', 'j', 'z'] {
        assert_eq!(edit(&ctrl(c)), None);
        assert_eq!(edit(&alt(c)), None);
    }
    assert_eq!(
        edit(&Event::Paste("a\nb".to_owned())),
        Some(Action::EditCapture(EditOp::Paste("a\nb".to_owned())))
    );
}

const EVERY_MODE: [Mode; 9] = [
    Mode::Browsing,
    Mode::Filtering,
    Mode::Capturing,
    Mode::Closing,
    Mode::Detail(0),
    Mode::Help(Base::Browsing),
    Mode::ConfirmingQuit(Base::Detail(0)),
    Mode::SavingAs(Base::Browsing),
    Mode::Help(Base::Detail(0)),
];

#[test]
fn every_mode_has_hints_and_help() {
    for mode in EVERY_MODE {
        assert!(!key_hints(mode, View::Review).is_empty(), "{mode:?}");
        assert!(!help_keys(mode).is_empty(), "{mode:?}");
    }
    assert_eq!(
        key_hints(Mode::Detail(0), View::Review).len(),
        DETAIL_HINTS.len()
    );
}

#[test]
fn each_view_hints_its_own_keys_first_and_help_and_quit_last() {
    use crate::app::views::EVERY_VIEW_KEYS;
    for view in View::ALL {
        let hints = key_hints(Mode::Browsing, view);
        let keys: Vec<&str> = hints.iter().map(|h| h.keys.as_str()).collect();
        // Every key a view offers is bound with a hint, so it reaches the bar.
        let own = view.info().keys.len();
        assert!(hints.len() >= own + 2, "{view:?}: {keys:?}");
        for action in view.info().keys.iter().chain(EVERY_VIEW_KEYS) {
            let line = BROWSE
                .iter()
                .find(|line| {
                    line.bindings
                        .iter()
                        .any(|b| b.does == Does::Act(action.clone()))
                })
                .unwrap_or_else(|| panic!("{action:?} is bound"));
            assert!(line.hint.is_some(), "{action:?} has a hint");
            assert!(
                keys.contains(&line.main_keys().as_str()),
                "{view:?} {action:?}"
            );
        }
        assert_eq!(keys[keys.len() - 2..], ["?", "q"][..], "{view:?}");
    }
    let plan: Vec<String> = key_hints(Mode::Browsing, View::Plan)
        .into_iter()
        .map(|h| h.keys)
        .collect();
    assert_eq!(plan[0], "x c D", "the plan offers its verdicts first");
    let supply = key_hints(Mode::Browsing, View::Supply);
    assert_eq!(supply[0].keys, "o");
}

/// Every key a mode binds, and the action it gives there.
fn bound(mode: Mode) -> Vec<(Chord, Option<Action>)> {
    every_line(&mode_keys(mode))
        .flat_map(|line| line.bindings)
        .flat_map(|binding| binding.keys)
        .map(|chord| {
            let modifiers = match chord.held {
                Held::Nothing => KeyModifiers::NONE,
                Held::Ctrl | Held::CtrlOrAlt => KeyModifiers::CONTROL,
                Held::Alt => KeyModifiers::ALT,
            };
            let event = Event::Key(KeyEvent::new(chord.code, modifiers));
            (*chord, action_for(mode, &event))
        })
        .collect()
}

#[test]
fn every_bound_key_is_in_the_help_and_does_what_its_line_says() {
    for mode in EVERY_MODE {
        let help = help_keys(mode)
            .iter()
            .map(|k| k.keys.as_str())
            .collect::<Vec<_>>()
            .join(" ");
        for (chord, action) in bound(mode) {
            assert!(
                help.contains(&chord.name()),
                "{mode:?}: {} is bound but not in the help: {help}",
                chord.name()
            );
            assert!(action.is_some(), "{mode:?}: {} does nothing", chord.name());
        }
    }
}

#[test]
fn no_key_is_bound_twice_in_a_mode() {
    for mode in EVERY_MODE {
        let chords: Vec<Chord> = bound(mode).into_iter().map(|(c, _)| c).collect();
        for (i, chord) in chords.iter().enumerate() {
            // A mode's own line may take a key the shared lines also bind (Esc, Ctrl-C).
            let shared_later = chords[i + 1..].contains(chord)
                && every_line(&mode_keys(mode))
                    .take(mode_keys(mode).lines.len())
                    .any(|line| line.bindings.iter().any(|b| b.keys.contains(chord)));
            assert!(
                !chords[i + 1..].contains(chord) || shared_later,
                "{mode:?}: {} is bound twice",
                chord.name()
            );
        }
    }
}

#[test]
fn every_view_is_shown_by_its_own_key() {
    for view in View::ALL {
        assert_eq!(
            action_for(Mode::Browsing, &key(KeyCode::Char(view.key()))),
            Some(Action::ShowView(view)),
            "{view:?}"
        );
    }
    assert_eq!(View::Supply.key(), '4');
    assert_eq!(View::Supply.next(), View::Review);
}
