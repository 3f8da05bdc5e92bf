//! The capture side of `App::update`: the quick-add line (the plan list's
//! verdicts are in `verdicts`), undo and the closing check.
//! Every change asks for the minutes to be saved.

use std::fmt::Write as _;

use crate::domain::action::ActionStatus;
use crate::domain::anomaly::Anomaly;
use crate::domain::capture::{Known, QuickAdd, complete, parse_quick_add, sku_token};
use crate::domain::meeting::{Verdict, excerpt, parse_ratings};
use crate::domain::settings::Language;
use crate::domain::undo::{Change, ChangeKind};
use crate::domain::voice::PainPoint;
use crate::domain::week_report::DiagnosisRow;
use crate::domain::words::Said;

use super::action::{CaptureKind, EditOp, Effect, View};
use super::line_editor::LineEditor;
use super::mode::Mode;
use super::{App, Flash};

/// What the capture line will record when submitted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CaptureTarget {
    New(CaptureKind),
    /// Re-typing this meeting's action `id`.
    Edit(String),
    /// The reason for dropping action `id` (of last meeting when `follow_up`).
    DropReason {
        id: String,
        follow_up: bool,
    },
    /// The new due date of last meeting's action `id`, carried to this meeting.
    CarryDue(String),
}

impl CaptureTarget {
    /// Whether the line is read with the quick-add syntax (an action, or a
    /// carried action's new date); decisions, notes, ratings and reasons
    /// are kept as typed.
    pub fn reads_tokens(&self) -> bool {
        matches!(
            self,
            CaptureTarget::New(CaptureKind::Action)
                | CaptureTarget::Edit(_)
                | CaptureTarget::CarryDue(_)
        )
    }
}

/// The capture line being typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Capture {
    pub target: CaptureTarget,
    pub line: LineEditor,
    /// A suggestion shown in the empty line: Tab takes it, typing replaces it.
    pub template: Option<String>,
    /// Why the last Enter was refused.
    pub problems: Vec<Said>,
    /// What an ambiguous Tab could complete to.
    pub candidates: Vec<String>,
}

/// One entry of the plan view's list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlanItem {
    /// This meeting's action (index into `Meeting::actions`).
    Action(usize),
    /// Last meeting's action to settle (index into `Meeting::follow_ups`).
    FollowUp(usize),
    Decision(usize),
    Note(usize),
}

impl App {
    /// The plan view's entries, in order.
    pub fn plan_items(&self) -> Vec<PlanItem> {
        let meeting = &self.meeting.current;
        // This meeting's actions grouped by their first tag, untagged ones last.
        let mut actions: Vec<usize> = (0..meeting.actions.len()).collect();
        actions.sort_by_key(|&a| {
            let tag = meeting.actions[a].tags.first();
            (tag.is_none(), tag)
        });
        actions
            .into_iter()
            .map(PlanItem::Action)
            .chain(self.follow_up_order().into_iter().map(PlanItem::FollowUp))
            .chain((0..meeting.decisions.len()).map(PlanItem::Decision))
            .chain((0..meeting.notes.len()).map(PlanItem::Note))
            .collect()
    }

    /// Opens the capture line; in the diagnosis an action starts from the
    /// selected problem's suggestion, offered as a template.
    pub(super) fn start_capture(&mut self, kind: CaptureKind) {
        let template = match (kind, self.view) {
            (CaptureKind::Action, View::Diagnosis) => {
                let language = self.settings().language;
                match self
                    .report
                    .diagnosis_row(self.selection_in(View::Diagnosis))
                {
                    Some(DiagnosisRow::Anomaly(anomaly)) => suggested_action(anomaly, language),
                    Some(DiagnosisRow::PainPoint(_, pain)) => suggested_for_pain(pain, language),
                    None => String::new(),
                }
            }
            _ => String::new(),
        };
        self.open_capture(CaptureTarget::New(kind), String::new());
        if let Some(capture) = &mut self.capture {
            capture.template = Some(template).filter(|t| !t.is_empty());
        }
    }

    pub(super) fn open_capture(&mut self, target: CaptureTarget, line: String) {
        self.capture = Some(Capture {
            target,
            line: LineEditor::new(line),
            template: None,
            problems: Vec::new(),
            candidates: Vec::new(),
        });
        self.mode = Mode::Capturing;
    }

    /// Typing replaces the template; an edit of the empty line leaves it offered.
    pub(super) fn edit_capture(&mut self, op: &EditOp) {
        if let Some(capture) = &mut self.capture {
            capture.line.apply(op);
            if !capture.line.is_empty() {
                capture.template = None;
            }
            capture.problems.clear();
            capture.candidates.clear();
        }
    }

    /// Tab accepts the template on an empty line, else completes the word typed.
    pub(super) fn complete_capture(&mut self) {
        if let Some(capture) = &mut self.capture
            && let Some(template) = capture.template.take()
        {
            capture.line = LineEditor::new(template);
            return;
        }
        let skus: Vec<&str> = self
            .report
            .review
            .skus
            .iter()
            .map(|r| r.sku.as_deref().unwrap_or(&r.key))
            .collect();
        // The token before the cursor is completed; what follows the cursor stays.
        if let Some(capture) = &mut self.capture {
            let (before, after) = capture.line.text().split_at(capture.line.cursor());
            if let Some(completed) = complete(before, &self.settings.attendees, &skus) {
                let mut line = LineEditor::new(format!("{}{after}", completed.line));
                for _ in after.chars() {
                    line.apply(&EditOp::Left);
                }
                capture.line = line;
                capture.candidates = completed.candidates;
            }
        }
    }

    /// The capture line as the parser reads it now (for highlighting while typing).
    pub fn parsed_capture(&self) -> Option<QuickAdd> {
        let capture = self.capture.as_ref()?;
        if !capture.target.reads_tokens() {
            return Some(QuickAdd {
                title: capture.line.text().trim().to_owned(),
                ..QuickAdd::default()
            });
        }
        let review = &self.report.review;
        // A SKU or ASIN typed in any case is stored as the catalogue spells it.
        let sku = |text: &str| {
            review.skus.iter().find_map(|r| {
                let name = r.sku.as_deref().unwrap_or(&r.key);
                let matches = name.eq_ignore_ascii_case(text)
                    || r.asin.eq_ignore_ascii_case(text)
                    || r.key.eq_ignore_ascii_case(text);
                matches.then(|| name.to_owned())
            })
        };
        let known = Known {
            attendees: &self.settings.attendees,
            sku: &sku,
        };
        Some(parse_quick_add(
            capture.line.text(),
            self.now.wall.date_naive(),
            &known,
        ))
    }

    pub(super) fn submit_capture(&mut self) -> Option<Effect> {
        let parsed = self.parsed_capture()?;
        let capture = self.capture.as_mut()?;
        let text = capture.line.text().trim().to_owned();
        let mut problems = line_problems(&capture.target, &parsed, &text);
        let ratings = match capture.target {
            CaptureTarget::New(CaptureKind::Rating) => {
                problems = Vec::new();
                match parse_ratings(&text, &self.settings.attendees) {
                    Ok(ratings) => Some(ratings),
                    Err(problem) => {
                        problems.push(problem);
                        None
                    }
                }
            }
            _ => None,
        };
        if !problems.is_empty() {
            capture.problems = problems;
            return None;
        }
        let target = capture.target.clone();
        let (now, section) = (self.now.wall, self.agenda.current().name.clone());
        let excerpt = excerpt(&text);
        let carried = match &target {
            CaptureTarget::CarryDue(id) => Some(id.clone()),
            _ => None,
        };
        let recorded_target = target.clone();
        let changed = self.meeting.change(|meeting| match target {
            CaptureTarget::New(CaptureKind::Action) => {
                let id = meeting.add_action(&parsed, now);
                Some(Change::new(ChangeKind::ActionCaptured, id))
            }
            CaptureTarget::New(CaptureKind::Decision) => {
                meeting.add_decision(&text, &section, now);
                Some(Change::new(ChangeKind::DecisionCaptured, excerpt))
            }
            CaptureTarget::New(CaptureKind::Note) => {
                meeting.add_note(&text, &section, now);
                Some(Change::new(ChangeKind::NoteCaptured, excerpt))
            }
            CaptureTarget::New(CaptureKind::Rating) => {
                meeting.ratings.extend(ratings.unwrap_or_default());
                Some(Change::new(ChangeKind::Rated, excerpt))
            }
            CaptureTarget::Edit(id) => meeting
                .edit_action(&id, &parsed)
                .then(|| Change::new(ChangeKind::ActionEdited, meeting.subject_of(&id))),
            CaptureTarget::DropReason {
                id,
                follow_up: true,
            } => meeting
                .follow_up(&id, Verdict::Dropped, Some(text.clone()), now)
                .then(|| Change::new(ChangeKind::Dropped, meeting.subject_of(&id))),
            CaptureTarget::DropReason {
                id,
                follow_up: false,
            } => meeting
                .close_action(&id, ActionStatus::Dropped, Some(text.clone()), now)
                .then(|| Change::new(ChangeKind::Dropped, meeting.subject_of(&id))),
            CaptureTarget::CarryDue(id) => parsed
                .due
                .is_some_and(|due| meeting.carry(&id, due, now))
                .then(|| Change::new(ChangeKind::Carried, meeting.subject_of(&id))),
        });
        if changed {
            self.confirm_change();
        }
        if let Some(id) = carried {
            self.keep_selection_on_follow_up(&id);
        }
        if let Some(recorded) = self.recorded_action(&recorded_target, &parsed) {
            self.flash = Some(recorded);
        }
        self.capture = None;
        self.mode = Mode::Browsing;
        Some(Effect::SaveMinutes)
    }

    /// The confirmation of an action just recorded: its id and what it holds.
    fn recorded_action(&self, target: &CaptureTarget, parsed: &QuickAdd) -> Option<Flash> {
        let id = match target {
            CaptureTarget::New(CaptureKind::Action) => {
                self.meeting.current.actions.last()?.id.clone()
            }
            CaptureTarget::Edit(id) => id.clone(),
            _ => return None,
        };
        Some(Flash::Recorded {
            id,
            owner: parsed.owner.clone(),
            due: parsed.due,
            sku: parsed.sku.clone(),
        })
    }

    pub(super) fn undo(&mut self) -> Option<Effect> {
        let undone = self.meeting.undo();
        self.flash = Some(undone.clone().map_or(Flash::NothingToUndo, Flash::Undone));
        undone.map(|_| Effect::SaveMinutes)
    }

    pub(super) fn redo(&mut self) -> Option<Effect> {
        let redone = self.meeting.redo();
        self.flash = Some(redone.clone().map_or(Flash::NothingToRedo, Flash::Redone));
        redone.map(|_| Effect::SaveMinutes)
    }

    /// Quitting ends the meeting; gaps found by the closing check stop it once.
    pub(super) fn confirm_quit(&mut self) -> Option<Effect> {
        if self.meeting.current.closing_gaps(self.today()).is_empty() {
            return Some(self.end_meeting(Vec::new()));
        }
        self.mode = Mode::Closing;
        None
    }

    /// Ends the meeting with `gaps` recorded; the minutes must then be saved.
    pub(super) fn end_meeting(&mut self, gaps: Vec<String>) -> Effect {
        let now = self.now;
        self.agenda.pause(now);
        self.meeting.current.ended = Some(now.wall);
        self.meeting.current.closing_gaps = gaps;
        self.running = false;
        Effect::SaveMinutes
    }
}

/// An action pre-filled from a pain point: fix it on the SKU it hurts most.
pub fn suggested_for_pain(pain: &PainPoint, language: Language) -> String {
    let reason = pain.reason_in(language);
    let fix = match (language, pain.skus.first()) {
        (Language::English, Some((sku, _))) => {
            format!("Fix “{reason}” on {sku} {}", sku_token(sku))
        }
        (Language::Chinese, Some((sku, _))) => {
            format!("解决 {sku} 的“{reason}” {}", sku_token(sku))
        }
        (Language::English, None) => format!("Fix “{reason}”"),
        (Language::Chinese, None) => format!("解决“{reason}”"),
    };
    format!("{fix} kpi:return_rate ")
}

/// An action pre-filled from an anomaly: its rule's suggestion in `language`, its SKU and KPI.
pub fn suggested_action(anomaly: &Anomaly, language: Language) -> String {
    let sku = anomaly.sku.as_deref().unwrap_or("the account");
    let mut line = anomaly
        .rule
        .entry()
        .action
        .get(language)
        .replace("{sku}", sku);
    if let Some(sku) = &anomaly.sku {
        let _ = write!(line, " {}", sku_token(sku));
    }
    let _ = write!(line, " kpi:{} ", anomaly.metric.name());
    line
}

/// What keeps a line from being recorded as `target`: the parser's
/// problems, a carry without its new date, an action without words, an
/// empty line.
fn line_problems(target: &CaptureTarget, parsed: &QuickAdd, text: &str) -> Vec<Said> {
    let mut problems = parsed.problems.clone();
    let is_action = target.reads_tokens() && !matches!(target, CaptureTarget::CarryDue(_));
    if let CaptureTarget::CarryDue(_) = target {
        problems = Vec::new();
        if parsed.due.is_none() {
            problems.push(Said::both(
                "write the new due date, like due:fri or due:2026-12-04",
                "请写新的截止日期，例如 due:周五 或 due:2026-12-04",
            ));
        }
    }
    if is_action && parsed.title.is_empty() {
        problems.push(Said::both(
            "write what is to be done before the @owner and due: tokens",
            "请在 @负责人 和 due: 之前写要做的事",
        ));
    }
    if text.is_empty() {
        problems.push(Said::both(
            "the line is empty: type something, or Esc to cancel",
            "这一行是空的：请输入内容，或按 Esc 取消",
        ));
    }
    problems
}
