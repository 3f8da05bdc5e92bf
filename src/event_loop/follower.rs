//! What a view-only cockpit follows: the minutes the holding cockpit saves,
//! read again whenever their file changes.

use std::path::{Path, PathBuf};
use std::time::SystemTime;

use crate::domain::meeting::Meeting;
use crate::import::minutes::read_minutes;

/// What a view-only cockpit follows: the minutes the holding cockpit saves,
/// read again when their file changes.
pub(super) struct Follower {
    path: PathBuf,
    modified: Option<SystemTime>,
}

impl Follower {
    pub(super) fn new(path: PathBuf) -> Self {
        let modified = Self::modified_at(&path);
        Self { path, modified }
    }

    fn modified_at(path: &Path) -> Option<SystemTime> {
        std::fs::metadata(path).and_then(|m| m.modified()).ok()
    }

    /// The meeting as last saved, when the file changed since the last look.
    pub(super) fn changed(&mut self) -> Option<Meeting> {
        let modified = Self::modified_at(&self.path);
        if modified == self.modified {
            return None;
        }
        let stored = read_minutes(&self.path).ok()?;
        self.modified = modified;
        Some(stored.meeting)
    }
}
