//! One writer per meeting: an operating-system lock on `minutes/<week>.lock`,
//! so a cockpit that is killed releases it with its process. The file also
//! says who holds it (pid, host, user, since when) for the message another
//! cockpit shows. The holder removes it when the meeting ends; a file left
//! behind by a process that no longer runs is taken over.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Read, Seek, Write};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

/// Who holds a meeting open.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Holder {
    pub pid: u32,
    pub host: String,
    pub user: String,
    /// When that cockpit opened the meeting (RFC 3339).
    pub since: String,
}

impl Holder {
    /// This process, opening the meeting at `since` (RFC 3339).
    pub fn this_process(since: String) -> Self {
        Self {
            pid: std::process::id(),
            host: gethostname::gethostname().to_string_lossy().into_owned(),
            user: ["USER", "USERNAME", "LOGNAME"]
                .iter()
                .find_map(|name| std::env::var(name).ok())
                .unwrap_or_else(|| "someone".to_owned()),
            since,
        }
    }
}

/// The lock of one meeting, held until dropped.
#[derive(Debug)]
pub struct MeetingLock {
    path: PathBuf,
    /// Holding the open file holds the operating system's lock.
    _file: File,
}

impl Drop for MeetingLock {
    fn drop(&mut self) {
        // Removed while still locked, so no other cockpit can lock the old file meanwhile.
        let _ = fs::remove_file(&self.path);
    }
}

/// What trying to lock a meeting gave.
#[derive(Debug)]
pub enum Locking {
    Acquired(MeetingLock),
    /// A running cockpit holds it (`None` when it did not say who it is).
    Held(Option<Holder>),
    /// The file names a cockpit on another machine (a synced or shared
    /// folder, where this machine cannot see its lock): taken only when asked.
    HeldOnOtherHost(Holder),
}

/// Locks the meeting at `path` for `me`. A lock file left by a process that
/// no longer runs on this host is taken over; one naming another host only
/// when `take_over_other_host`.
pub fn lock_meeting(path: &Path, me: &Holder, take_over_other_host: bool) -> io::Result<Locking> {
    // Another cockpit may remove the file between our open and our lock: try again then.
    for _ in 0..5 {
        let mut file = open_no_follow(path)?;
        match file.try_lock() {
            Ok(()) => {}
            Err(fs::TryLockError::WouldBlock) => return Ok(Locking::Held(read_holder(&mut file))),
            Err(fs::TryLockError::Error(error)) => return Err(error),
        }
        if !is_same_file(&file, path) {
            continue;
        }
        if let Some(previous) = read_holder(&mut file)
            && previous.host != me.host
            && !take_over_other_host
        {
            return Ok(Locking::HeldOnOtherHost(previous));
        }
        let text = toml::to_string(me).map_err(io::Error::other)?;
        file.set_len(0)?;
        file.rewind()?;
        file.write_all(text.as_bytes())?;
        file.sync_all()?;
        return Ok(Locking::Acquired(MeetingLock {
            path: path.to_owned(),
            _file: file,
        }));
    }
    Err(io::Error::other(
        "the lock file kept changing while opsdeck tried to take it",
    ))
}

/// A meeting's lock that could not be made (a folder or a link at its
/// name, a folder that cannot be written), to try again after a repair.
#[derive(Debug, Clone)]
pub struct LockToRetry {
    pub path: PathBuf,
    pub me: Holder,
}

impl LockToRetry {
    /// The lock, when it can be made now and no other cockpit holds it.
    pub fn try_now(&self) -> Option<MeetingLock> {
        match lock_meeting(&self.path, &self.me, false) {
            Ok(Locking::Acquired(lock)) => Some(lock),
            _ => None,
        }
    }
}

/// Opens (creating) the lock file at `path`; a link there is an error, never followed.
fn open_no_follow(path: &Path) -> io::Result<File> {
    let mut options = OpenOptions::new();
    options.read(true).write(true).create(true).truncate(false);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NOFOLLOW);
    }
    options.open(path).map_err(|error| {
        let is_link = fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
        if is_link {
            io::Error::other(format!(
                "{} is a link, not opsdeck's lock file: delete it (someone may have planted it)",
                path.display()
            ))
        } else {
            error
        }
    })
}

fn read_holder(file: &mut File) -> Option<Holder> {
    let mut text = String::new();
    file.rewind().ok()?;
    file.take(4096).read_to_string(&mut text).ok()?;
    toml::from_str(&text).ok()
}

/// Whether `path` still names the file we hold open.
#[cfg(unix)]
fn is_same_file(file: &File, path: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (file.metadata(), fs::metadata(path)) {
        (Ok(open), Ok(named)) => open.dev() == named.dev() && open.ino() == named.ino(),
        _ => false,
    }
}

#[cfg(not(unix))]
fn is_same_file(_file: &File, path: &Path) -> bool {
    path.exists()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn me() -> Holder {
        Holder::this_process("2026-11-30T10:02:00+01:00".to_owned())
    }

    #[cfg(unix)]
    #[test]
    fn a_link_planted_at_the_lock_is_refused_and_its_target_untouched() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("opsdeck.toml");
        fs::write(&target, "title = \"mine\"").unwrap();
        let path = dir.path().join("2026-W48.lock");
        std::os::unix::fs::symlink(&target, &path).unwrap();
        let error = lock_meeting(&path, &me(), false).unwrap_err();
        assert!(error.to_string().contains("is a link"), "{error}");
        assert_eq!(fs::read_to_string(&target).unwrap(), "title = \"mine\"");
        // A dangling link is not followed to create its target either.
        let elsewhere = dir.path().join("created-by-the-lock");
        let dangling = dir.path().join("2026-W49.lock");
        std::os::unix::fs::symlink(&elsewhere, &dangling).unwrap();
        assert!(lock_meeting(&dangling, &me(), false).is_err());
        assert!(!elsewhere.exists());
    }

    #[test]
    fn a_second_lock_on_the_same_meeting_is_refused_and_names_the_holder() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("2026-W48.lock");
        let Locking::Acquired(first) = lock_meeting(&path, &me(), false).unwrap() else {
            panic!("the first cockpit gets the lock");
        };
        match lock_meeting(&path, &me(), true).unwrap() {
            Locking::Held(Some(holder)) => assert_eq!(holder, me()),
            other => panic!("expected held, got {other:?}"),
        }
        drop(first);
        assert!(!path.exists(), "the holder removes the file");
        assert!(matches!(
            lock_meeting(&path, &me(), false).unwrap(),
            Locking::Acquired(_)
        ));
    }

    #[test]
    fn a_lock_left_by_a_dead_process_on_this_host_is_taken_over() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("2026-W48.lock");
        let dead = Holder {
            pid: 999_999,
            ..me()
        };
        fs::write(&path, toml::to_string(&dead).unwrap()).unwrap();
        let Locking::Acquired(_lock) = lock_meeting(&path, &me(), false).unwrap() else {
            panic!("a stale lock is taken over");
        };
        let written: Holder = toml::from_str(&fs::read_to_string(&path).unwrap()).unwrap();
        assert_eq!(written, me());
    }

    #[test]
    fn a_lock_naming_another_host_is_taken_only_when_asked() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("2026-W48.lock");
        let other = Holder {
            host: "lina-laptop".to_owned(),
            ..me()
        };
        fs::write(&path, toml::to_string(&other).unwrap()).unwrap();
        match lock_meeting(&path, &me(), false).unwrap() {
            Locking::HeldOnOtherHost(holder) => assert_eq!(holder.host, "lina-laptop"),
            other => panic!("expected another host, got {other:?}"),
        }
        assert!(matches!(
            lock_meeting(&path, &me(), true).unwrap(),
            Locking::Acquired(_)
        ));
    }
}
