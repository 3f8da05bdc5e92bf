//! The key tables, one per mode: every binding with its help line and
//! hint, in both languages. Built with `keymap`'s macros and key builders.

use crossterm::event::KeyCode;

use crate::domain::words::Words;

use super::super::action::{Action, CaptureKind, EditOp, View};
use super::{Binding, Chord, Does, Held, HelpLine, alt, ch, ctrl, key};

/// The keys of the cockpit's views.
pub(super) const BROWSE: &[HelpLine] = &[
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
        (
            "selected action: done / carry to a new date / drop",
            "所选行动项：完成 / 顺延到新日期 / 放弃",
        ),
        ("done carry drop", "完成 顺延 放弃"),
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
pub(super) const LINE_EDITING: &[HelpLine] = &[
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

pub(super) const FILTER: &[HelpLine] = &[
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

pub(super) const CAPTURE: &[HelpLine] = &[
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

pub(super) const SAVE_AS: &[HelpLine] = &[
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

pub(super) const CLOSING: &[HelpLine] = &[
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

pub(super) const QUIT: &[HelpLine] = &[
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

pub(super) const HELP: &[HelpLine] = &[line!(
    [act!([key(KeyCode::Esc)], Action::ToggleHelp)],
    ("close the help (any key)", "关闭帮助（任意键）"),
    ("close help", "关闭帮助"),
)];

/// Keys that work in every mode that does not bind them otherwise.
pub(super) const EVERYWHERE: &[HelpLine] = &[line!(
    [act!([ctrl('c')], Action::RequestQuit)],
    "quit (asks first)",
    "退出（需确认）",
)];

/// The hint bar of the SKU detail, which browses with the view's keys: the
/// line that binds each action, with the detail's own words.
pub(super) const DETAIL_HINTS: &[(Action, Words)] = &[
    (Action::Back, Words::new("back", "返回")),
    (Action::MoveSelection(1), Words::new("next SKU", "切换 SKU")),
    (Action::NextSection, Words::new("section", "换节")),
    (Action::ToggleHelp, Words::new("keys", "按键")),
];
