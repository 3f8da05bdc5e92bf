//! The only place keys become actions, and the key hints shown beside them,
//! so a changed key changes its hint in the same place. Pure: it looks at the
//! mode and never changes it.

use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};

use super::action::{Action, CaptureKind, EditOp, View};
use super::mode::Mode;

/// The action a terminal event asks for in `mode`, if any.
pub fn action_for(mode: Mode, event: &Event) -> Option<Action> {
    if let Event::Resize(width, height) = event {
        return Some(Action::Resize(*width, *height));
    }
    if let Event::Paste(text) = event {
        let paste = EditOp::Paste(text.clone());
        return match mode {
            Mode::Filtering => Some(Action::EditFilter(paste)),
            Mode::Capturing => Some(Action::EditCapture(paste)),
            Mode::SavingAs(_) => Some(Action::EditSaveAs(paste)),
            _ => None,
        };
    }
    // Key release and repeat events (Windows) are not presses.
    let key = event.as_key_press_event()?;
    if key.modifiers.contains(KeyModifiers::CONTROL) && key.code == KeyCode::Char('c') {
        return Some(match mode {
            Mode::ConfirmingQuit(_) => Action::ConfirmQuit,
            _ => Action::RequestQuit,
        });
    }
    match mode {
        Mode::Filtering => filter_key(key),
        Mode::Capturing => capture_key(key),
        Mode::Closing => Some(match key.code {
            KeyCode::Char('c') => Action::CloseAnyway,
            _ => Action::Back,
        }),
        Mode::Help(_) => Some(Action::ToggleHelp),
        Mode::ConfirmingQuit(_) => Some(match key.code {
            KeyCode::Char('y' | 'Y' | 'q') | KeyCode::Enter => Action::ConfirmQuit,
            KeyCode::Char('s') => Action::StartSaveAs,
            _ => Action::CancelQuit,
        }),
        Mode::SavingAs(_) => line_key(key, Action::EditSaveAs, Action::SubmitSaveAs),
        Mode::Browsing | Mode::Detail(_) => browse_key(key),
    }
}

fn browse_key(key: KeyEvent) -> Option<Action> {
    // A chord is never a plain key: Ctrl-U must not undo.
    if key
        .modifiers
        .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT)
    {
        return None;
    }
    Some(match key.code {
        KeyCode::Char('>' | '.') => Action::NextSection,
        KeyCode::Char('<' | ',') => Action::PreviousSection,
        KeyCode::Char(' ') => Action::ToggleTimer,
        KeyCode::Char('+' | '=') => Action::AddMinute,
        KeyCode::Char('-' | '_') => Action::RemoveMinute,
        KeyCode::Char('r') => Action::Rebalance,
        KeyCode::Char('1') => Action::ShowView(View::Review),
        KeyCode::Char('2') => Action::ShowView(View::Diagnosis),
        KeyCode::Char('3') => Action::ShowView(View::Plan),
        KeyCode::Tab => Action::NextView,
        KeyCode::Up | KeyCode::Char('k') => Action::MoveSelection(-1),
        KeyCode::Down | KeyCode::Char('j') => Action::MoveSelection(1),
        KeyCode::PageUp => Action::MovePage(-1),
        KeyCode::PageDown => Action::MovePage(1),
        KeyCode::Home | KeyCode::Char('g') => Action::MoveToEnd(false),
        KeyCode::End | KeyCode::Char('G') => Action::MoveToEnd(true),
        KeyCode::Enter => Action::OpenDetail,
        KeyCode::Esc | KeyCode::Backspace => Action::Back,
        KeyCode::Char('s') => Action::CycleSort,
        KeyCode::Char('S') => Action::ReverseSort,
        KeyCode::Char('/') => Action::StartFilter,
        KeyCode::Char('f') => Action::ToggleProblemsOnly,
        KeyCode::Char('?') | KeyCode::F(1) => Action::ToggleHelp,
        KeyCode::Char('q') => Action::RequestQuit,
        KeyCode::Char('a') => Action::StartCapture(CaptureKind::Action),
        KeyCode::Char('d') => Action::StartCapture(CaptureKind::Decision),
        KeyCode::Char('n') => Action::StartCapture(CaptureKind::Note),
        KeyCode::Char('R') => Action::StartCapture(CaptureKind::Rating),
        KeyCode::Char('x') => Action::MarkDone,
        KeyCode::Char('c') => Action::CarryAction,
        KeyCode::Char('D') | KeyCode::Delete => Action::DropAction,
        KeyCode::Char('e') => Action::EditAction,
        KeyCode::Char('u') => Action::Undo,
        KeyCode::Char('U') => Action::Redo,
        _ => return None,
    })
}

fn capture_key(key: KeyEvent) -> Option<Action> {
    match key.code {
        KeyCode::Tab => Some(Action::CompleteCapture),
        _ => line_key(key, Action::EditCapture, Action::SubmitCapture),
    }
}

fn filter_key(key: KeyEvent) -> Option<Action> {
    line_key(key, Action::EditFilter, Action::ApplyFilter)
}

/// A one-line text input: `edit` for typing and the shell's editing keys,
/// `enter` to take the line, Esc to leave. No Ctrl or Alt chord inserts a letter.
fn line_key(key: KeyEvent, edit: fn(EditOp) -> Action, enter: Action) -> Option<Action> {
    let control = key.modifiers.contains(KeyModifiers::CONTROL);
    let alt = key.modifiers.contains(KeyModifiers::ALT);
    let op = match key.code {
        KeyCode::Enter => return Some(enter),
        KeyCode::Esc => return Some(Action::Back),
        KeyCode::Backspace if control || alt => EditOp::EraseWord,
        KeyCode::Backspace => EditOp::Backspace,
        KeyCode::Delete => EditOp::Delete,
        KeyCode::Left if control || alt => EditOp::WordLeft,
        KeyCode::Right if control || alt => EditOp::WordRight,
        KeyCode::Left => EditOp::Left,
        KeyCode::Right => EditOp::Right,
        KeyCode::Home => EditOp::Home,
        KeyCode::End => EditOp::End,
        KeyCode::Char(c) if control => match c {
            'a' => EditOp::Home,
            'e' => EditOp::End,
            'b' => EditOp::Left,
            'f' => EditOp::Right,
            'h' => EditOp::Backspace,
            'w' => EditOp::EraseWord,
            'u' => EditOp::EraseToStart,
            'k' => EditOp::EraseToEnd,
            'd' => EditOp::Delete,
            _ => return None,
        },
        KeyCode::Char(c) if alt => match c {
            'b' => EditOp::WordLeft,
            'f' => EditOp::WordRight,
            'd' => EditOp::EraseToEnd,
            _ => return None,
        },
        KeyCode::Char(c) if !c.is_control() => EditOp::Insert(c),
        _ => return None,
    };
    Some(edit(op))
}

/// One key and what it does, in English and Chinese.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KeyHelp {
    pub keys: &'static str,
    pub en: &'static str,
    pub zh: &'static str,
}

const fn k(keys: &'static str, en: &'static str, zh: &'static str) -> KeyHelp {
    KeyHelp { keys, en, zh }
}

/// The editing keys of every one-line input (`line_key`).
const LINE_EDITING_HELP: &[KeyHelp] = &[
    k(
        "← → Home End",
        "move in the line (Ctrl-A / Ctrl-E too)",
        "在行内移动（也可 Ctrl-A / Ctrl-E）",
    ),
    k("Alt-B Alt-F", "a word back / forward", "按词后退 / 前进"),
    k(
        "Ctrl-W Ctrl-U Ctrl-K",
        "erase the word before / all before / all after the cursor",
        "删除光标前一个词 / 光标前全部 / 光标后全部",
    ),
];

const FILTER_HELP: &[KeyHelp] = &[
    k(
        "type",
        "filter by SKU, ASIN or title",
        "按 SKU、ASIN 或标题筛选",
    ),
    k("Enter", "keep the filter", "确认筛选"),
    k("Esc", "clear the filter", "清除筛选"),
];

const BROWSE_HELP: &[KeyHelp] = &[
    k("> <", "next / previous section", "下一节 / 上一节"),
    k("space", "pause / resume the timer", "暂停 / 继续计时"),
    k(
        "+ -",
        "a minute more / less for this section",
        "本节加 / 减一分钟",
    ),
    k(
        "r",
        "rebalance: end on time after an overrun",
        "重新分配剩余时间，按时结束",
    ),
    k(
        "1 2 3 Tab",
        "review / diagnosis / plan view",
        "复盘 / 诊断 / 计划视图",
    ),
    k("↑↓ j k", "move", "移动"),
    k("PgUp PgDn", "move a page", "翻页"),
    k("g G", "first / last row", "第一行 / 最后一行"),
    k("Enter", "detail with 13-week trends", "详情（13 周趋势）"),
    k("Esc", "back", "返回"),
    k(
        "s S",
        "sort by the next column shown / reverse",
        "按下一个显示的列排序 / 反序",
    ),
    k("/", "filter SKUs", "筛选 SKU"),
    k(
        "a d n",
        "capture an action / decision / note",
        "记录行动项 / 决定 / 备注",
    ),
    k(
        "x c D",
        "selected action: done / carry / drop",
        "所选行动项：完成 / 顺延 / 放弃",
    ),
    k(
        "e u U",
        "edit the selected action / undo / redo",
        "编辑所选行动项 / 撤销 / 重做",
    ),
    k(
        "R",
        "rate the meeting: Lina 8 Wei 9",
        "给会议打分：Lina 8 Wei 9",
    ),
    k("f", "problems only / all SKUs", "只看问题 / 全部 SKU"),
    k("?", "this help", "帮助"),
    k("q", "quit (asks first)", "退出（需确认）"),
];

const CAPTURE_HELP: &[KeyHelp] = &[
    k(
        "type",
        "the title, with @owner due:fri #SKU !high kpi:acos",
        "标题，可加 @负责人 due:fri #SKU !high kpi:acos",
    ),
    k(
        "due:",
        "2026-12-05, 12-05, fri, +3d, +2w, tomorrow",
        "2026-12-05、12-05、fri、+3d、+2w、tomorrow",
    ),
    k("Tab", "complete @owner or #SKU", "补全 @负责人 或 #SKU"),
    k("Enter", "record", "记录"),
    k("Esc", "cancel", "取消"),
];

const CAPTURE_HINTS: &[KeyHelp] = &[
    k("Tab", "complete", "补全"),
    k("Enter", "record", "记录"),
    k("Esc", "cancel", "取消"),
];
const CLOSING_HINTS: &[KeyHelp] = &[
    k("c", "close anyway", "仍然结束"),
    k("Esc", "fix first", "先修正"),
];

const FILTER_HINTS: &[KeyHelp] = &[k("Enter", "keep", "确认"), k("Esc", "clear", "清除")];
const HELP_HINTS: &[KeyHelp] = &[k("any key", "close help", "关闭帮助")];
const QUIT_HINTS: &[KeyHelp] = &[
    k("s", "save to another path", "另存到其他路径"),
    k("y", "quit", "退出"),
    k("n", "stay", "留下"),
];
const SAVE_AS_HINTS: &[KeyHelp] = &[
    k("Enter", "write the minutes there", "写入该路径"),
    k("Esc", "back", "返回"),
];
const DETAIL_HINTS: &[KeyHelp] = &[
    k("Esc", "back", "返回"),
    k("↑↓", "next SKU", "切换 SKU"),
    k("> <", "section", "换节"),
    k("?", "keys", "按键"),
];
const BROWSE_HINTS: &[KeyHelp] = &[
    k("> <", "section", "换节"),
    k("space", "pause", "暂停"),
    k("1 2 3", "views", "视图"),
    k("↑↓", "move", "移动"),
    k("Enter", "detail", "详情"),
    k("a", "action", "行动项"),
    k("d", "decision", "决定"),
    k("s", "sort", "排序"),
    k("/", "filter", "筛选"),
    k("f", "problems", "问题"),
    k("?", "all keys", "全部按键"),
    k("q", "quit", "退出"),
];

/// Every key of `mode`, for the help screen.
pub fn help_keys(mode: Mode) -> Vec<KeyHelp> {
    match mode.into_underlying() {
        Mode::Filtering => [FILTER_HELP, LINE_EDITING_HELP].concat(),
        Mode::Capturing => [CAPTURE_HELP, LINE_EDITING_HELP].concat(),
        _ => BROWSE_HELP.to_vec(),
    }
}

/// The one-line hint bar of `mode`.
pub fn key_hints(mode: Mode) -> &'static [KeyHelp] {
    match mode {
        Mode::Filtering => FILTER_HINTS,
        Mode::Capturing => CAPTURE_HINTS,
        Mode::Closing => CLOSING_HINTS,
        Mode::Help(_) => HELP_HINTS,
        Mode::ConfirmingQuit(_) => QUIT_HINTS,
        Mode::SavingAs(_) => SAVE_AS_HINTS,
        Mode::Detail(_) => DETAIL_HINTS,
        Mode::Browsing => BROWSE_HINTS,
    }
}

impl Mode {
    /// The mode whose keys an overlay's help describes.
    fn into_underlying(self) -> Mode {
        match self {
            Mode::Help(base) | Mode::ConfirmingQuit(base) | Mode::SavingAs(base) => base.into(),
            other => other,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
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

    #[test]
    fn every_mode_has_hints_and_help() {
        for mode in [
            Mode::Browsing,
            Mode::Filtering,
            Mode::Detail(0),
            Mode::Help(Base::Browsing),
            Mode::ConfirmingQuit(Base::Detail(0)),
            Mode::SavingAs(Base::Browsing),
        ] {
            assert!(!key_hints(mode).is_empty());
            assert!(!help_keys(mode).is_empty());
        }
    }
}
