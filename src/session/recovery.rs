//! Recovery copies: when the minutes cannot be written where they belong (a
//! read-only or full disk, `minutes` not a folder), the meeting is written to
//! a place that works when the workspace does not — the user's state folder,
//! else the temporary folder — under a name built from the minutes' full
//! path, so the next start on that week finds it. The folder is private
//! (mode 0700, the user's own): a copy in a folder or a file someone else
//! owns or can write to is not offered, since it may not be the meeting's.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use crate::fs::atomic::write_atomically;

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
pub fn recovery_name(minutes: &Path) -> String {
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
        match private_folder(&folder).and_then(|()| write_atomically(&path, contents)) {
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
        .filter(|folder| is_private(folder))
        .map(|folder| folder.join(&name))
        .find(|path| path.is_file() && is_private(path))?;
    if fs::read(&found).ok() == fs::read(minutes).ok() {
        let _ = fs::remove_file(&found);
        return None;
    }
    Some(found)
}

/// Makes `folder` (and its parents) with only the user able to enter it; an
/// existing one must be the user's, and is made private.
fn private_folder(folder: &Path) -> io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::{DirBuilderExt, MetadataExt, PermissionsExt};
        if let Some(parent) = folder.parent() {
            fs::create_dir_all(parent)?;
        }
        match fs::DirBuilder::new().mode(0o700).create(folder) {
            Err(error) if error.kind() != io::ErrorKind::AlreadyExists => return Err(error),
            _ => {}
        }
        let metadata = fs::symlink_metadata(folder)?;
        // An unknown user (no probe could be made) must not stop a copy being written.
        let me = current_user();
        if !metadata.is_dir() || (me != u32::MAX && metadata.uid() != me) {
            return Err(io::Error::other(format!(
                "{} is not a folder of yours: a recovery copy does not go there",
                folder.display()
            )));
        }
        fs::set_permissions(folder, fs::Permissions::from_mode(0o700))
    }
    #[cfg(not(unix))]
    {
        fs::create_dir_all(folder)
    }
}

/// Whether `path` (a folder or a copy) is the user's and no one else may write to it.
fn is_private(path: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        fs::symlink_metadata(path).is_ok_and(|m| m.uid() == current_user() && m.mode() & 0o022 == 0)
    }
    #[cfg(not(unix))]
    {
        path.exists()
    }
}

/// The user this process writes files as: the owner of a file it creates.
#[cfg(unix)]
fn current_user() -> u32 {
    use std::os::unix::fs::MetadataExt;
    static USER: std::sync::OnceLock<u32> = std::sync::OnceLock::new();
    *USER.get_or_init(|| {
        let probe = std::env::temp_dir().join(format!(".opsdeck-owner-{}", std::process::id()));
        let _ = fs::remove_file(&probe);
        let owner = fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&probe)
            .and_then(|file| file.metadata())
            .map(|metadata| metadata.uid());
        let _ = fs::remove_file(&probe);
        // Without a probe, no copy counts as the user's: none is offered (one is still written).
        owner.unwrap_or(u32::MAX)
    })
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

    #[cfg(unix)]
    #[test]
    fn recovery_copies_live_in_a_private_folder_and_a_shared_one_is_not_offered() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let minutes = dir.path().join("2026-W51.toml");
        let copy = write_recovery(&minutes, b"schema = 1\n").unwrap();
        let folder = copy.parent().unwrap();
        let mode = fs::metadata(folder).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o700, "{}", folder.display());
        // A copy others may write to is not offered.
        fs::set_permissions(&copy, fs::Permissions::from_mode(0o666)).unwrap();
        assert_eq!(find_recovery(&minutes), None);
        fs::remove_file(&copy).unwrap();
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
