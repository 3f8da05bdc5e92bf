//! The only place keys become actions. Every mode's keys live in one table
//! of help lines; the key handling, the `?` help and the hint bar are all
//! built from it, so a key, its help and its hint change in one edit. Pure:
//! it looks at the mode and never changes it.

use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};

use crate::domain::words::Words;

use super::action::{Action, CaptureKind, EditOp, View};
use super::mode::Mode;

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

/// The keys of the cockpit's views.
const BROWSE: &[HelpLine] = &[
    line!(
        [
            act!([ch('>'), ch('.')], Action::NextSection),
            act!([ch('<'), ch(',')], Action::PreviousSection),
        ],
        ("next / previous section", "下一节 / 上一节"),
        ("section", "换节"),
    ),
    line!(
        [act!([ch(' ')], Action::ToggleTimer)],
        ("pause / resume the timer", "暂停 / 继续计时"),
        ("pause", "暂停"),
    ),
    line!(
        [
            act!([ch('a')], Action::StartCapture(CaptureKind::Action)),
            act!([ch('d')], Action::StartCapture(CaptureKind::Decision)),
            act!([ch('n')], Action::StartCapture(CaptureKind::Note)),
        ],
        (
            "capture an action / decision / note",
            "记录行动项 / 决定 / 备注"
        ),
        ("capture", "记录"),
    ),
    line!(
        [
            act!([ch('+'), ch('=')], Action::AddMinute),
            act!([ch('-'), ch('_')], Action::RemoveMinute),
        ],
        "a minute more / less for this section",
        "本节加 / 减一分钟",
    ),
    line!(
        [act!([ch('r')], Action::Rebalance)],
        "rebalance: end on time after an overrun",
        "重新分配剩余时间，按时结束",
    ),
    line!(
        [
            act!([ch(View::Review.key())], Action::ShowView(View::Review)),
            act!(
                [ch(View::Diagnosis.key())],
                Action::ShowView(View::Diagnosis)
            ),
            act!([ch(View::Plan.key())], Action::ShowView(View::Plan)),
            act!([ch(View::Supply.key())], Action::ShowView(View::Supply)),
        ],
        (
            "review / diagnosis / plan / supply",
            "复盘 / 诊断 / 计划 / 补货视图"
        ),
        ("views", "视图"),
    ),
    line!(
        [act!([key(KeyCode::Tab)], Action::NextView)],
        "the next view",
        "下一个视图",
    ),
    line!(
        [
            act!([key(KeyCode::Up), ch('k')], Action::MoveSelection(-1)),
            act!([key(KeyCode::Down), ch('j')], Action::MoveSelection(1)),
        ],
        ("move", "移动"),
        ("move", "移动"),
    ),
    line!(
        [
            act!([key(KeyCode::PageUp)], Action::MovePage(-1)),
            act!([key(KeyCode::PageDown)], Action::MovePage(1)),
        ],
        "move a page",
        "翻页",
    ),
    line!(
        [
            act!([key(KeyCode::Home), ch('g')], Action::MoveToEnd(false)),
            act!([key(KeyCode::End), ch('G')], Action::MoveToEnd(true)),
        ],
        "first / last row",
        "第一行 / 最后一行",
    ),
    line!(
        [act!([key(KeyCode::Enter)], Action::OpenDetail)],
        ("detail with 13-week trends", "详情（13 周趋势）"),
        ("detail", "详情"),
    ),
    line!(
        [act!(
            [key(KeyCode::Esc), key(KeyCode::Backspace)],
            Action::Back
        )],
        "back",
        "返回",
    ),
    line!(
        [
            act!([ch('x')], Action::MarkDone),
            act!([ch('c')], Action::CarryAction),
            act!([ch('D'), key(KeyCode::Delete)], Action::DropAction),
        ],
        "selected action: done / carry to a new date / drop",
        "所选行动项：完成 / 顺延到新日期 / 放弃",
    ),
    line!(
        [
            act!([ch('e')], Action::EditAction),
            act!([ch('u')], Action::Undo),
            act!([ch('U')], Action::Redo),
        ],
        (
            "edit the selected action / undo / redo",
            "编辑所选行动项 / 撤销 / 重做",
        ),
        ("edit undo redo", "编辑 撤销 重做"),
    ),
    line!(
        [act!([ch('o')], Action::OrderSelected)],
        ("PO for the selected supply line", "为所选补货行记录采购单"),
        ("order", "下单"),
    ),
    line!(
        [act!([ch('R')], Action::StartCapture(CaptureKind::Rating))],
        "rate the meeting: Lina 8 Wei 9",
        "给会议打分：Lina 8 Wei 9",
    ),
    line!(
        [
            act!([ch('s')], Action::CycleSort),
            act!([ch('S')], Action::ReverseSort),
        ],
        (
            "sort by the next column shown / reverse",
            "按下一个显示的列排序 / 反序",
        ),
        ("sort", "排序"),
    ),
    line!(
        [act!([ch('m')], Action::CycleMarketplace)],
        "marketplace: all / each in turn",
        "站点：全部 / 逐个",
    ),
    line!(
        [act!([ch('/')], Action::StartFilter)],
        ("filter SKUs", "筛选 SKU"),
        ("filter", "筛选"),
    ),
    line!(
        [act!([ch('f')], Action::ToggleProblemsOnly)],
        ("problems only / all SKUs", "只看问题 / 全部 SKU"),
        ("problems", "问题"),
    ),
    line!(
        [act!([ch('?'), key(KeyCode::F(1))], Action::ToggleHelp)],
        ("this help", "帮助"),
        ("all keys", "全部按键"),
    ),
    line!(
        [act!([ch('q'), ctrl('c')], Action::RequestQuit)],
        ("quit (asks first)", "退出（需确认）"),
        ("quit", "退出"),
    ),
];

/// The editing keys of every one-line input, as in a shell.
const LINE_EDITING: &[HelpLine] = &[
    line!(
        [
            edit!([key(KeyCode::Left), ctrl('b')], EditOp::Left),
            edit!([key(KeyCode::Right), ctrl('f')], EditOp::Right),
            edit!([key(KeyCode::Home), ctrl('a')], EditOp::Home),
            edit!([key(KeyCode::End), ctrl('e')], EditOp::End),
        ],
        "move in the line",
        "在行内移动",
    ),
    line!(
        [
            edit!(
                [
                    alt('b'),
                    Chord {
                        code: KeyCode::Left,
                        held: Held::CtrlOrAlt,
                    },
                ],
                EditOp::WordLeft,
            ),
            edit!(
                [
                    alt('f'),
                    Chord {
                        code: KeyCode::Right,
                        held: Held::CtrlOrAlt,
                    },
                ],
                EditOp::WordRight,
            ),
        ],
        "a word back / forward",
        "按词后退 / 前进",
    ),
    line!(
        [
            edit!([key(KeyCode::Backspace), ctrl('h')], EditOp::Backspace),
            edit!([key(KeyCode::Delete), ctrl('d')], EditOp::Delete),
        ],
        "erase the character before / under the cursor",
        "删除光标前 / 光标处的字符",
    ),
    line!(
        [
            edit!(
                [
                    ctrl('w'),
                    Chord {
                        code: KeyCode::Backspace,
                        held: Held::CtrlOrAlt,
                    },
                ],
                EditOp::EraseWord,
            ),
            edit!([ctrl('u')], EditOp::EraseToStart),
            edit!([ctrl('k'), alt('d')], EditOp::EraseToEnd),
        ],
        "erase the word before / all before / all after the cursor",
        "删除光标前一个词 / 光标前全部 / 光标后全部",
    ),
];

const FILTER: &[HelpLine] = &[
    line!(
        [act!([key(KeyCode::Enter)], Action::ApplyFilter)],
        ("keep the filter", "确认筛选"),
        ("keep", "确认"),
    ),
    line!(
        [act!([key(KeyCode::Esc)], Action::Back)],
        ("clear the filter", "清除筛选"),
        ("clear", "清除"),
    ),
];

const CAPTURE: &[HelpLine] = &[
    line!(
        [act!([key(KeyCode::Tab)], Action::CompleteCapture)],
        (
            "complete @owner or #SKU; take the suggestion",
            "补全 @负责人 或 #SKU；采用建议",
        ),
        ("complete", "补全"),
    ),
    line!(
        [act!([key(KeyCode::Enter)], Action::SubmitCapture)],
        ("record", "记录"),
        ("record", "记录"),
    ),
    line!(
        [act!([key(KeyCode::Esc)], Action::Back)],
        ("cancel", "取消"),
        ("cancel", "取消"),
    ),
];

const SAVE_AS: &[HelpLine] = &[
    line!(
        [act!([key(KeyCode::Enter)], Action::SubmitSaveAs)],
        ("write the minutes there", "写入该路径"),
        ("write the minutes there", "写入该路径"),
    ),
    line!(
        [act!([key(KeyCode::Esc)], Action::Back)],
        ("back", "返回"),
        ("back", "返回"),
    ),
];

const CLOSING: &[HelpLine] = &[
    line!(
        [act!([ch('c')], Action::CloseAnyway)],
        (
            "close anyway: the gaps are recorded",
            "仍然结束：缺项会被记录",
        ),
        ("close anyway", "仍然结束"),
    ),
    line!(
        [act!([key(KeyCode::Esc)], Action::Back)],
        ("fix them first (any other key too)", "先修正（其他键也可）"),
        ("fix first", "先修正"),
    ),
];

const QUIT: &[HelpLine] = &[
    line!(
        [act!([ch('s')], Action::StartSaveAs)],
        ("save the minutes to another path", "把纪要另存到其他路径"),
        ("save to another path", "另存到其他路径"),
    ),
    line!(
        [act!(
            [ch('y'), ch('Y'), ch('q'), key(KeyCode::Enter), ctrl('c')],
            Action::ConfirmQuit,
        )],
        ("quit", "退出"),
        ("quit", "退出"),
    ),
    line!(
        [act!([ch('n'), key(KeyCode::Esc)], Action::CancelQuit)],
        ("stay (any other key too)", "留下（其他键也可）"),
        ("stay", "留下"),
    ),
];

const HELP: &[HelpLine] = &[line!(
    [act!([key(KeyCode::Esc)], Action::ToggleHelp)],
    ("close the help (any key)", "关闭帮助（任意键）"),
    ("close help", "关闭帮助"),
)];

/// Keys that work in every mode that does not bind them otherwise.
const EVERYWHERE: &[HelpLine] = &[line!(
    [act!([ctrl('c')], Action::RequestQuit)],
    "quit (asks first)",
    "退出（需确认）",
)];

/// The hint bar of the SKU detail, which browses with the view's keys: the
/// line that binds each action, with the detail's own words.
const DETAIL_HINTS: &[(Action, Words)] = &[
    (Action::Back, Words::new("back", "返回")),
    (Action::MoveSelection(1), Words::new("next SKU", "切换 SKU")),
    (Action::NextSection, Words::new("section", "换节")),
    (Action::ToggleHelp, Words::new("keys", "按键")),
];

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

/// The hint bar of `mode`: the hinted lines' main keys; help and quit come last.
pub fn key_hints(mode: Mode) -> Vec<KeyHelp> {
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
    mode_keys(mode)
        .lines
        .iter()
        .filter_map(|line| {
            line.hint.map(|what| KeyHelp {
                keys: line.main_keys(),
                what,
            })
        })
        .collect()
}

#[cfg(test)]
#[path = "keymap_tests.rs"]
mod tests;
