//! What a meeting decides and assigns: decisions, notes, action items, the
//! verdicts on last meeting's open actions, ratings (undo is `undo`'s).
//! Pure: std and chrono.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate};

use super::action::{ActionItem, ActionStatus, Decision, Priority};
use super::capture::QuickAdd;
use super::gap::Gap;
use super::week::{IsoWeek, MeetingWeek};
use super::words::Said;

/// A note taken in the meeting.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Note {
    pub text: String,
    pub section: String,
    pub time: DateTime<FixedOffset>,
}

/// The verdict on one of last meeting's open actions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    Done,
    Carried,
    Dropped,
}

/// Weeks an action may be carried before it counts as a problem, not a task.
pub const CARRIED_TOO_OFTEN: u32 = 3;

/// The record of one meeting.
#[derive(Debug, Clone, PartialEq)]
pub struct Meeting {
    /// The week the meeting is held in (names the minutes file).
    pub week: IsoWeek,
    /// The week whose figures it reviews.
    pub reviewed_week: IsoWeek,
    pub started: DateTime<FixedOffset>,
    pub ended: Option<DateTime<FixedOffset>>,
    pub facilitator: Option<String>,
    pub attendees: Vec<String>,
    pub decisions: Vec<Decision>,
    pub notes: Vec<Note>,
    /// This meeting's action items, carried ones included.
    pub actions: Vec<ActionItem>,
    /// Last meeting's open actions, with their verdicts as statuses (open: none yet).
    pub follow_ups: Vec<ActionItem>,
    /// Meeting rating 1–10 by attendee.
    pub ratings: BTreeMap<String, u8>,
    /// Gaps the facilitator chose to close the meeting with.
    pub closing_gaps: Vec<String>,
    /// The highest action number given out: never given again, even after an undo.
    pub actions_issued: u32,
    /// The anomalies listed on screen while the diagnosis view was open (`Anomaly::key`).
    pub seen_anomalies: BTreeSet<String>,
    /// What `opsdeck send` delivered of this meeting, and where.
    pub sent: Vec<super::channel::Sent>,
}

impl Meeting {
    /// A new meeting reviewing `reviewed_week`, following up `previous_open` actions.
    pub fn new(
        reviewed_week: IsoWeek,
        started: DateTime<FixedOffset>,
        previous_open: Vec<ActionItem>,
    ) -> Self {
        Self {
            week: MeetingWeek::reviewing(reviewed_week).meeting,
            reviewed_week,
            started,
            ended: None,
            facilitator: None,
            attendees: Vec::new(),
            decisions: Vec::new(),
            notes: Vec::new(),
            actions: Vec::new(),
            follow_ups: as_follow_ups(previous_open),
            ratings: BTreeMap::new(),
            closing_gaps: Vec::new(),
            actions_issued: 0,
            seen_anomalies: BTreeSet::new(),
            sent: Vec::new(),
        }
    }

    /// The next free action id, like `2026-W48-03`.
    /// The next action id; its number is recorded as given out.
    fn next_action_id(&mut self) -> String {
        let prefix = format!("{}-", self.week);
        let used = self
            .actions
            .iter()
            .filter_map(|a| a.id.strip_prefix(&prefix)?.parse::<u32>().ok())
            .max()
            .unwrap_or(0)
            .max(self.actions_issued);
        self.actions_issued = used + 1;
        format!("{prefix}{:02}", used + 1)
    }

    /// Records a new action item from a quick-add line.
    pub fn add_action(&mut self, parsed: &QuickAdd, at: DateTime<FixedOffset>) -> String {
        let id = self.next_action_id();
        self.actions.push(ActionItem {
            id: id.clone(),
            title: parsed.title.clone(),
            owner: parsed.owner.clone(),
            due: parsed.due,
            sku: parsed.sku.clone(),
            kpi: parsed.kpi.clone(),
            priority: parsed.priority.unwrap_or(Priority::Normal),
            status: ActionStatus::Open,
            created: Some(at),
            carried_from: None,
            weeks_carried: 0,
            closed_at: None,
            note: None,
            tags: parsed.tags.clone(),
        });
        id
    }

    /// Replaces an action's fields with those of a re-typed quick-add line.
    /// Changes an action of this meeting, or one of last meeting's, to what
    /// the quick-add line now says.
    pub fn edit_action(&mut self, id: &str, parsed: &QuickAdd) -> bool {
        let Some(action) = self
            .actions
            .iter_mut()
            .chain(&mut self.follow_ups)
            .find(|a| a.id == id)
        else {
            return false;
        };
        action.title.clone_from(&parsed.title);
        action.owner.clone_from(&parsed.owner);
        action.due = parsed.due;
        action.sku.clone_from(&parsed.sku);
        action.kpi.clone_from(&parsed.kpi);
        action.tags.clone_from(&parsed.tags);
        action.priority = parsed.priority.unwrap_or_default();
        true
    }

    /// Whether the minutes went out within 24 hours of the meeting's end (the
    /// follow-up the playbook asks for); `None` while the meeting is open.
    pub fn minutes_sent_in_time(&self) -> Option<bool> {
        let ended = self.ended?;
        let deadline = ended + chrono::TimeDelta::hours(24);
        Some(self.sent.iter().any(|sent| {
            sent.what == "minutes"
                && DateTime::parse_from_rfc3339(&sent.at).is_ok_and(|at| at <= deadline)
        }))
    }

    /// An action as a change names it: its id and the start of its title.
    pub fn subject_of(&self, id: &str) -> String {
        let title = self
            .actions
            .iter()
            .chain(&self.follow_ups)
            .find(|a| a.id == id)
            .map(|a| excerpt(&a.title))
            .unwrap_or_default();
        format!("{id} {title}").trim_end().to_owned()
    }

    pub fn add_decision(&mut self, text: &str, section: &str, at: DateTime<FixedOffset>) {
        let id = format!("{}-D{:02}", self.week, self.decisions.len() + 1);
        self.decisions.push(Decision {
            id,
            text: text.to_owned(),
            section: section.to_owned(),
            time: Some(at),
        });
    }

    pub fn add_note(&mut self, text: &str, section: &str, at: DateTime<FixedOffset>) {
        self.notes.push(Note {
            text: text.to_owned(),
            section: section.to_owned(),
            time: at,
        });
    }

    /// Sets the status of this meeting's action `id` (done, dropped with a reason).
    pub fn close_action(
        &mut self,
        id: &str,
        status: ActionStatus,
        note: Option<String>,
        at: DateTime<FixedOffset>,
    ) -> bool {
        let Some(action) = self.actions.iter_mut().find(|a| a.id == id) else {
            return false;
        };
        action.status = status;
        action.closed_at = Some(at);
        if note.is_some() {
            action.note = note;
        }
        true
    }

    /// Gives last meeting's action `id` its verdict. Carrying keeps the id and
    /// adds it to this meeting's actions with one more week carried.
    pub fn follow_up(
        &mut self,
        id: &str,
        verdict: Verdict,
        reason: Option<String>,
        at: DateTime<FixedOffset>,
    ) -> bool {
        let Some(item) = self.follow_ups.iter_mut().find(|a| a.id == id) else {
            return false;
        };
        self.actions.retain(|a| a.id != id);
        item.status = match verdict {
            Verdict::Done => ActionStatus::Done,
            Verdict::Carried => ActionStatus::Carried,
            Verdict::Dropped => ActionStatus::Dropped,
        };
        item.closed_at = (verdict != Verdict::Carried).then_some(at);
        if reason.is_some() {
            item.note = reason;
        }
        if verdict == Verdict::Carried {
            let mut carried = item.clone();
            carried.status = ActionStatus::Open;
            carried.carried_from = Some(self.reviewed_week.to_string());
            carried.weeks_carried += 1;
            carried.closed_at = None;
            self.actions.push(carried);
        }
        true
    }

    /// Carries last meeting's action `id` to this meeting with the new `due` date.
    pub fn carry(&mut self, id: &str, due: NaiveDate, at: DateTime<FixedOffset>) -> bool {
        if !self.follow_up(id, Verdict::Carried, None, at) {
            return false;
        }
        if let Some(carried) = self.actions.iter_mut().find(|a| a.id == id) {
            carried.due = Some(due);
        }
        true
    }

    /// What stops a clean close on `today`: actions without owner or due
    /// date, due dates already past, owners who are not attendees,
    /// follow-ups without a verdict.
    pub fn closing_gaps(&self, today: NaiveDate) -> Vec<Gap> {
        let mut gaps = Vec::new();
        for action in self.actions.iter().filter(|a| a.status.is_open()) {
            let id = action.id.clone();
            match (&action.owner, action.due) {
                (None, None) => gaps.push(Gap::NoOwnerNoDue(id.clone())),
                (None, Some(_)) => gaps.push(Gap::NoOwner(id.clone())),
                (Some(_), None) => gaps.push(Gap::NoDue(id.clone())),
                (Some(_), Some(_)) => {}
            }
            if let Some(due) = action.due.filter(|due| *due < today) {
                gaps.push(Gap::PastDue(id.clone(), due));
            }
            if let Some(owner) = &action.owner
                && !self.attendees.is_empty()
                && !self.attendees.iter().any(|a| a.eq_ignore_ascii_case(owner))
            {
                gaps.push(Gap::NotAnAttendee(id, owner.clone()));
            }
        }
        // Last meeting's actions not due yet are on track: no verdict yet.
        gaps.extend(
            self.follow_ups
                .iter()
                .filter(|a| a.status == ActionStatus::Open && a.is_due(today))
                .map(|item| Gap::NoVerdict(item.id.clone())),
        );
        if self.ratings.is_empty() {
            gaps.push(Gap::NotRated);
        }
        gaps
    }

    /// Whether an open action — captured in this meeting or last meeting's
    /// still open — covers a problem of `sku` (any case), or, for a problem
    /// of the whole account (`sku` none), moves its `kpi` without naming a SKU.
    pub fn has_action_for(&self, sku: Option<&str>, kpi: &str) -> bool {
        self.actions
            .iter()
            .chain(&self.follow_ups)
            .any(|a| a.covers(sku, kpi))
    }
}

/// The start of a text, as a change names it: 40 characters, `…` when cut.
pub fn excerpt(text: &str) -> String {
    const KEPT: usize = 40;
    if text.chars().count() <= KEPT {
        return text.to_owned();
    }
    let kept: String = text.chars().take(KEPT - 1).collect();
    format!("{kept}…")
}

/// Ratings typed as `Lina 8 Wei 9` (names of attendees, 1–10), or why not.
pub fn parse_ratings(text: &str, attendees: &[String]) -> Result<BTreeMap<String, u8>, Said> {
    let words: Vec<&str> = text.split_whitespace().collect();
    if words.is_empty() || !words.len().is_multiple_of(2) {
        return Err(Said::new(
            "write a name and a score from 1 to 10 for each attendee, like: Lina 8 Wei 9"
                .to_owned(),
            "每位参会者写名字和 1 到 10 的分数，例如：Lina 8 Wei 9".to_owned(),
        ));
    }
    let mut ratings = BTreeMap::new();
    for pair in words.chunks(2) {
        // Only the meeting's attendees rate it (when it lists them).
        let name = match attendees.iter().find(|a| a.eq_ignore_ascii_case(pair[0])) {
            Some(attendee) => attendee.clone(),
            None if attendees.is_empty() => pair[0].to_owned(),
            None => {
                let (name, all) = (pair[0], attendees.join(", "));
                return Err(Said::new(
                    format!("`{name}` is not an attendee: rate as {all}"),
                    format!("`{name}` 不是参会者：请为 {all} 评分"),
                ));
            }
        };
        let score: u8 = pair[1]
            .parse()
            .ok()
            .filter(|s| (1..=10).contains(s))
            .ok_or_else(|| {
                let typed = pair[1];
                Said::new(
                    format!("`{typed}` is not a score from 1 to 10"),
                    format!("`{typed}` 不是 1 到 10 的分数"),
                )
            })?;
        ratings.insert(name, score);
    }
    Ok(ratings)
}

/// Last meeting's open actions as this meeting follows them up: each waits
/// for a verdict here, whatever it was last time (a carried one is open).
pub fn as_follow_ups(previous_open: Vec<ActionItem>) -> Vec<ActionItem> {
    previous_open
        .into_iter()
        .map(|mut item| {
            item.status = ActionStatus::Open;
            item
        })
        .collect()
}

/// The due date a carried action is offered: the same weekday as its old
/// due date, the first such day after `today` (a week from today without one).
pub fn carried_due(old: Option<NaiveDate>, today: NaiveDate) -> NaiveDate {
    let Some(old) = old else {
        return today + chrono::Days::new(7);
    };
    let ahead =
        (7 + old.weekday().num_days_from_monday() - today.weekday().num_days_from_monday()) % 7;
    today + chrono::Days::new(if ahead == 0 { 7 } else { u64::from(ahead) })
}

#[cfg(test)]
#[path = "meeting_tests.rs"]
mod tests;
