//! Recovery copies: when the minutes cannot be written where they belong (a
//! read-only or full disk, `minutes` not a folder), the meeting is written to
//! a place that works when the workspace does not — the user's state folder,
//! else the temporary folder — under a name built from the minutes' full
//! path, so the next start on that week finds it.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use crate::export::atomic::write_atomically;

/// The folders a recovery copy may go to, best first.
fn recovery_folders() -> Vec<PathBuf> {
    let state = std::env::var_os("XDG_STATE_HOME")
        .map(PathBuf::from)
        .filter(|p| p.is_absolute())
        .or_else(|| std::env::var_os("HOME").map(|home| PathBuf::from(home).join(".local/state")));
    state
        .map(|s| s.join("opsdeck").join("recovery"))
        .into_iter()
        .chain([std::env::temp_dir().join("opsdeck-recovery")])
        .collect()
}

/// The file name of the recovery copy of the minutes at `minutes`: their
/// absolute path with its separators replaced, so it names one workspace's week.
fn recovery_name(minutes: &Path) -> String {
    let folder = minutes.parent().unwrap_or(Path::new("."));
    let absolute = fs::canonicalize(folder)
        .or_else(|_| std::path::absolute(folder))
        .unwrap_or_else(|_| folder.to_owned())
        .join(minutes.file_name().unwrap_or_default());
    absolute
        .to_string_lossy()
        .trim_start_matches(['/', '\\'])
        .replace(['/', '\\', ':'], "%")
}

/// Writes `contents` as the recovery copy of `minutes`; returns where it went.
pub fn write_recovery(minutes: &Path, contents: &[u8]) -> io::Result<PathBuf> {
    let name = recovery_name(minutes);
    let mut last_error = io::Error::other("no folder for a recovery copy");
    for folder in recovery_folders() {
        let path = folder.join(&name);
        match fs::create_dir_all(&folder).and_then(|()| write_atomically(&path, contents)) {
            Ok(()) => return Ok(path),
            Err(error) => last_error = error,
        }
    }
    Err(last_error)
}

/// The recovery copy of `minutes`, if one exists and differs from them.
/// One that equals the minutes (brought back already) is removed.
pub fn find_recovery(minutes: &Path) -> Option<PathBuf> {
    let name = recovery_name(minutes);
    let found = recovery_folders()
        .into_iter()
        .map(|folder| folder.join(&name))
        .find(|path| path.is_file())?;
    if fs::read(&found).ok() == fs::read(minutes).ok() {
        let _ = fs::remove_file(&found);
        return None;
    }
    Some(found)
}

/// Brings the recovery copy back in place of `minutes`, keeping what was
/// there as `<week>.before-recovery.toml`; the copy is then removed.
pub fn restore_recovery(recovery: &Path, minutes: &Path) -> io::Result<()> {
    let contents = fs::read(recovery)?;
    if minutes.exists() {
        fs::copy(minutes, minutes.with_extension("before-recovery.toml"))?;
    }
    if let Some(folder) = minutes.parent() {
        fs::create_dir_all(folder)?;
    }
    write_atomically(minutes, &contents)?;
    fs::remove_file(recovery)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_recovery_copy_is_found_for_its_week_only_and_brought_back() {
        let dir = tempfile::tempdir().unwrap();
        let minutes = dir.path().join("minutes").join("2026-W48.toml");
        fs::create_dir_all(minutes.parent().unwrap()).unwrap();
        let copy = write_recovery(&minutes, b"schema = 1\n").unwrap();
        assert!(copy.is_absolute());
        assert_eq!(find_recovery(&minutes), Some(copy.clone()));
        assert_eq!(
            find_recovery(&minutes.with_file_name("2026-W49.toml")),
            None
        );
        fs::write(&minutes, b"older").unwrap();
        restore_recovery(&copy, &minutes).unwrap();
        assert_eq!(fs::read(&minutes).unwrap(), b"schema = 1\n");
        assert_eq!(
            fs::read(minutes.with_extension("before-recovery.toml")).unwrap(),
            b"older"
        );
        assert_eq!(find_recovery(&minutes), None);
        assert!(!copy.exists());
    }

    #[test]
    fn a_copy_equal_to_the_minutes_is_let_go() {
        let dir = tempfile::tempdir().unwrap();
        let minutes = dir.path().join("2026-W50.toml");
        fs::write(&minutes, b"same").unwrap();
        let copy = write_recovery(&minutes, b"same").unwrap();
        assert_eq!(find_recovery(&minutes), None);
        assert!(!copy.exists());
    }
}
