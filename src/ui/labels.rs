//! Every label on screen, in English and Chinese (`language = "zh"`).

use crate::domain::metric::Metric;
use crate::domain::settings::Language;
use crate::domain::undo::ChangeKind;
use crate::domain::words::{InEach, Words};

/// Declares every label once, English then Chinese, and builds `Labels`,
/// `ENGLISH`, `CHINESE` and the list of every label's name and text.
macro_rules! labels {
    ($($name:ident: $en:expr, $zh:expr;)*) => {
        /// The words of the cockpit in one language.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub struct Labels {
            $(pub $name: &'static str,)*
        }

        pub const ENGLISH: Labels = Labels { $($name: $en,)* };
        pub const CHINESE: Labels = Labels { $($name: $zh,)* };

        impl Labels {
            /// Every label's name and text, for the tests that check translations.
            #[cfg(test)]
            pub fn every(&self) -> Vec<(&'static str, &'static str)> {
                vec![$((stringify!($name), self.$name),)*]
            }
        }
    };
}

labels! {
    week: "Week",
        "周";
    compared_with: "vs",
        "对比";
    section: "section",
        "环节";
    elapsed: "Elapsed",
        "已用";
    of: "of",
        "/";
    ends: "ends ≈",
        "预计结束";
    paused: "PAUSED",
        "已暂停";
    open_actions: "Last meeting's actions",
        "上次会议的行动项";
    account: "Account",
        "账户";
    sku: "SKU",
        "SKU";
    title: "Title",
        "标题";
    anomalies: "Anomalies, most money at stake first",
        "异常（按涉及金额排序）";
    no_anomalies: "No anomalies this week.",
        "本周没有异常。";
    checks: "First checks",
        "首先检查";
    voice: "Customer voice",
        "客户之声";
    no_voice: "No returns this week.",
        "本周没有退货。";
    units: "units",
        "件";
    actions_this_meeting: "Actions and decisions of this meeting",
        "本次会议的行动项和决定";
    actions_tagged: "Actions tagged",
        "行动项 · 标签";
    nothing_captured: "Nothing captured yet.",
        "尚未记录。";
    owner: "Owner",
        "负责人";
    due: "Due",
        "截止";
    overdue: "overdue",
        "已逾期";
    carried: "carried",
        "顺延";
    sort: "sort",
        "排序";
    filter: "filter",
        "筛选";
    problems_only: "problems only",
        "只看问题";
    keys: "Keys",
        "按键";
    quit_question: "End the meeting and quit?  y = quit · n = stay",
        "结束会议并退出？ y = 退出 · n = 留下";
    too_small: "opsdeck needs a terminal of at least 80×24",
        "opsdeck 需要至少 80×24 的终端";
    reading_reports: "Reading the week's reports",
        "正在读取本周报表";
    reading_files: "files",
        "个文件";
    reading_clock: "The clock and the agenda run already.",
        "计时和议程已在运行。";
    reading_keys: "Keys for the figures wait, and apply once the reports are read.",
        "与数据相关的按键会保留，报表读完后依次执行。";
    keys_waiting: "keys waiting for the figures",
        "个按键等待数据";
    trend: "13-week trend",
        "13 周趋势";
    no_rows: "No SKU matches.",
        "没有匹配的 SKU。";
    at_stake: "at stake",
        "涉及金额";
    no_action: "no action",
        "无行动项";
    closing_title: "Before the meeting closes",
        "会议结束前";
    closing_choice: "Esc: fix them in the plan view · c: close anyway (the gaps are recorded)",
        "Esc：到计划视图修正 · c：仍然结束（记录缺项）";
    saved: "saved ✓",
        "已保存 ✓";
    saving: "saving…",
        "保存中…";
    not_saved: "NOT SAVED ✖",
        "未保存 ✖";
    decisions: "Decisions",
        "决定";
    notes: "Notes",
        "备注";
    capture_action: "Action",
        "行动项";
    capture_decision: "Decision",
        "决定";
    capture_note: "Note",
        "备注";
    capture_drop: "Why drop it",
        "放弃原因";
    capture_carry: "Carry to",
        "顺延至";
    capture_rating: "Rating (name 1–10 …)",
        "评分（姓名 1–10 …）";
    moved_right: "moved the right way",
        "方向正确";
    moved_wrong: "moved the wrong way",
        "方向错误";
    no_change: "no change",
        "没有变化";
    on_track: "on track",
        "按计划";
    nothing_to_rebalance: "nothing to rebalance: no later section to take the time from",
        "无需重新分配：后面没有可调整的环节";
    one_marketplace: "this week holds one marketplace: m has nothing to switch between",
        "本周只有一个站点：m 无可切换";
    po_captured: "captured",
        "已记录";
    po_captured_edit: "is captured already: edit it here, or Esc",
        "已记录：可在此编辑，或按 Esc";
    done_of_due: "done",
        "已完成";
    minutes_sent_in_time: "minutes out within 24 h ✔",
        "纪要 24 小时内已发出 ✔";
    minutes_not_sent_in_time: "minutes not out within 24 h ✖",
        "纪要未在 24 小时内发出 ✖";
    not_due_yet: "on track, nothing to carry (x marks it done, D drops it)",
        "按计划进行，无需顺延（x 标记完成，D 放弃）";
    carried_too_often: "Carried 3 times or more: a problem to solve, not a task to repeat",
        "顺延 3 次以上：这是要解决的问题，不是要重复的任务";
    quit_unsaved: "The minutes are NOT SAVED",
        "会议纪要未保存";
    quit_unsaved_choice: "s = save them to another path · y = quit anyway (a recovery copy is written) · n = stay",
        "s = 另存到其他路径 · y = 仍然退出（会写入恢复副本） · n = 留下";
    save_as_prompt: "Write the minutes to",
        "将会议纪要写入";
    view_only: "VIEW ONLY — this meeting is open in opsdeck",
        "只读 — 此会议已在 opsdeck 中打开";
    view_only_unlocked: "VIEW ONLY — the meeting could not be locked, so nothing is saved (run with --no-lock to write without the lock):",
        "只读 — 无法锁定此会议，因此不会保存（用 --no-lock 可在不加锁的情况下写入）：";
    view_only_refused: "view only: captures and changes are made in the cockpit that holds the meeting",
        "只读：记录和修改需在持有会议的那个 opsdeck 中进行";
    lock_taken: "The meeting is locked now: this cockpit saves the minutes",
        "会议已锁定：此 opsdeck 现在保存会议纪要";
    undone: "Undone",
        "已撤销";
    redone: "Redone",
        "已重做";
    redo_hint: "U redoes it",
        "按 U 重做";
    nothing_to_undo: "Nothing to undo",
        "没有可撤销的操作";
    nothing_to_redo: "Nothing to redo",
        "没有可重做的操作";
    nothing_to_order: "enough stock, nothing to order",
        "库存充足，无需下单";
    supply_heading: "Replenishment, soonest order first · o = purchase order",
        "补货计划（按下单日期排序）· o = 记录采购单";
    no_supply: "No stock figures this week: drop the FBA inventory report into the week folder.",
        "本周没有库存数据：请把 FBA 库存报告放进本周文件夹。";
    events_heading: "Events, next 8 weeks",
        "未来 8 周的活动";
    starts_in: "starts in",
        "距开始";
    under_way: "under way",
        "进行中";
    submit_in: "deal submission in",
        "提报截止还有";
    submission_closed: "submission closed",
        "提报已截止";
    days_short: "d",
        "天";
    not_in_reports: " (not in this week's reports)",
        "（本周报告中没有）";
    not_an_attendee: " (not an attendee)",
        "（不是参会人）";
    syntax_action: "what to do @owner due:fri #SKU !high kpi:acos +tag",
        "要做的事 @负责人 due:fri #SKU !high kpi:acos +标签";
    syntax_decision: "the decision in one sentence; Enter records it",
        "用一句话写下决定，Enter 记录";
    syntax_note: "a note for the minutes; Enter records it",
        "会议纪要备注，Enter 记录";
    syntax_rating: "each attendee and a score from 1 to 10: Lina 8 Wei 9",
        "每位参会人及 1–10 分：Lina 8 Wei 9";
    syntax_drop: "why it is dropped, for the minutes; Enter drops it",
        "放弃的原因（写入纪要），Enter 放弃";
    syntax_carry: "the new due date: due:fri, due:+1w or due:2026-12-11",
        "新的截止日期：due:fri、due:+1w 或 due:2026-12-11";
    template_hint: "Tab takes the suggestion · type to write your own",
        "Tab 采用建议 · 直接输入则自己写";
    recorded: "recorded",
        "已记录";
    daily_sales: "Sales by day",
        "每日销售额";
    account_all_marketplaces: "Account, all marketplaces",
        "账户（全部站点）";
    marketplace: "marketplace",
        "站点";
    has_action: "✎ action",
        "✎ 有行动项";
    problems: "problems",
        "问题";
    capture_keys: "(a = action · d = decision · n = note)",
        "（a = 行动项 · d = 决定 · n = 备注）";
}

/// The cockpit's words, a table per language.
pub const LABELS: InEach<Labels> = InEach::new(ENGLISH, CHINESE);

pub fn labels(language: Language) -> &'static Labels {
    LABELS.get(language)
}

/// A metric's short label in `language` (table headers, the KPI strip).
pub fn metric_label(metric: Metric, language: Language) -> &'static str {
    match language {
        Language::English => metric.short_label(),
        Language::Chinese => metric.label_in(language),
    }
}

/// Why a save failed, in a few words a facilitator understands.
pub fn save_failure(kind: std::io::ErrorKind, language: Language) -> String {
    use std::io::ErrorKind;
    let (en, zh) = match kind {
        ErrorKind::ReadOnlyFilesystem => ("read-only file system", "只读文件系统"),
        ErrorKind::StorageFull => ("disk full", "磁盘已满"),
        ErrorKind::QuotaExceeded => ("disk quota exceeded", "超出磁盘配额"),
        ErrorKind::PermissionDenied => ("permission denied", "没有写入权限"),
        ErrorKind::NotADirectory | ErrorKind::AlreadyExists => {
            ("the minutes folder is not a folder", "minutes 不是文件夹")
        }
        ErrorKind::NotFound => ("the folder does not exist", "文件夹不存在"),
        other => return other.to_string(),
    };
    (*crate::domain::words::Words::new(en, zh).get(language)).to_owned()
}

/// An agenda section's name in `language` (the standard ones as their views).
pub use crate::domain::agenda::section_name;

/// What a change to the minutes did, in `language`.
pub fn change_label(kind: ChangeKind, language: Language) -> &'static str {
    let words = match kind {
        ChangeKind::ActionCaptured => Words::new("action captured", "已记录行动项"),
        ChangeKind::ActionEdited => Words::new("action edited", "已编辑行动项"),
        ChangeKind::DecisionCaptured => Words::new("decision recorded", "已记录决定"),
        ChangeKind::NoteCaptured => Words::new("note recorded", "已记录备注"),
        ChangeKind::Rated => Words::new("ratings recorded", "已记录评分"),
        ChangeKind::MarkedDone => Words::new("marked done", "已标记完成"),
        ChangeKind::Carried => Words::new("carried", "已顺延"),
        ChangeKind::Dropped => Words::new("dropped", "已放弃"),
    };
    words.get(language)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::words::has_chinese;

    /// Labels that read the same in every language.
    const SAME_IN_EVERY_LANGUAGE: &[&str] = &["sku", "of"];

    #[test]
    fn every_label_has_its_chinese_text() {
        let english = ENGLISH.every();
        for (name, zh) in CHINESE.every() {
            if SAME_IN_EVERY_LANGUAGE.contains(&name) {
                continue;
            }
            assert!(
                has_chinese(zh),
                "label `{name}` has no Chinese text: {zh:?}"
            );
        }
        assert_eq!(english.len(), CHINESE.every().len());
    }
}
