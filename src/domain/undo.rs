//! Undo and redo of the minutes: each change remembered with what it did,
//! for the confirmation and the undo message the room sees. Pure: std.

use super::meeting::Meeting;

/// What one change to the minutes did, for the message undo and redo show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    pub kind: ChangeKind,
    /// The action's id, or the first words of a decision or note.
    pub subject: String,
}

/// The kinds of change to the minutes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChangeKind {
    ActionCaptured,
    ActionEdited,
    DecisionCaptured,
    NoteCaptured,
    Rated,
    MarkedDone,
    Carried,
    Dropped,
}

impl Change {
    pub fn new(kind: ChangeKind, subject: impl Into<String>) -> Self {
        Self {
            kind,
            subject: subject.into(),
        }
    }
}

/// A meeting with an undo and redo history of its changes.
#[derive(Debug, Clone, PartialEq)]
pub struct History {
    pub current: Meeting,
    earlier: Vec<(Meeting, Change)>,
    later: Vec<(Meeting, Change)>,
}

/// How many changes undo remembers.
const UNDO_DEPTH: usize = 100;

impl History {
    pub fn new(meeting: Meeting) -> Self {
        Self {
            current: meeting,
            earlier: Vec::new(),
            later: Vec::new(),
        }
    }

    /// Applies `change`, which says what it changed (`None`: nothing); a
    /// change can be undone, and ends what could be redone.
    /// The last change made (or redone), for the confirmation on screen.
    pub fn last_change(&self) -> Option<&Change> {
        self.earlier.last().map(|(_, change)| change)
    }

    pub fn change(&mut self, change: impl FnOnce(&mut Meeting) -> Option<Change>) -> bool {
        let before = self.current.clone();
        let Some(what) = change(&mut self.current) else {
            return false;
        };
        self.earlier.push((before, what));
        if self.earlier.len() > UNDO_DEPTH {
            self.earlier.remove(0);
        }
        self.later.clear();
        true
    }

    /// Returns to the state before the last change; says what was undone.
    pub fn undo(&mut self) -> Option<Change> {
        let (before, what) = self.earlier.pop()?;
        let after = self.restore(before);
        self.later.push((after, what.clone()));
        Some(what)
    }

    /// Makes the last undone change again; says what was redone.
    pub fn redo(&mut self) -> Option<Change> {
        let (after, what) = self.later.pop()?;
        let before = self.restore(after);
        self.earlier.push((before, what.clone()));
        Some(what)
    }

    /// Puts `state` in place and returns the one it replaces; ids given out
    /// stay given out, and what was seen stays seen.
    fn restore(&mut self, state: Meeting) -> Meeting {
        let issued = self.current.actions_issued;
        let seen = self.current.seen_anomalies.clone();
        let replaced = std::mem::replace(&mut self.current, state);
        self.current.actions_issued = self.current.actions_issued.max(issued);
        self.current.seen_anomalies.extend(seen);
        replaced
    }
}
