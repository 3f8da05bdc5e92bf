//! Writing a file so that a crash at any moment leaves either the old or the
//! new complete version: a temporary file in the same folder, fsync, rename.
//! The temporary file is always a new one: whatever stands at its name — a
//! stale temporary, or a link a teammate planted — is removed, never followed.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// Replaces `path` with `contents` atomically.
pub fn write_atomically(path: &Path, contents: &[u8]) -> io::Result<()> {
    let folder = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let temporary = temporary_path(path);
    let result = (|| {
        let mut file = create_fresh(&temporary)?;
        file.write_all(contents)?;
        file.sync_all()?;
        fs::rename(&temporary, path)?;
        // The rename itself is durable only once the folder's entry is on disk.
        File::open(folder).and_then(|dir| dir.sync_all()).or(Ok(()))
    })();
    if result.is_err() {
        let _ = fs::remove_file(&temporary);
    }
    result
}

/// A new file at `path`: what stands there (a link is not followed) is removed first.
fn create_fresh(path: &Path) -> io::Result<File> {
    match OpenOptions::new().write(true).create_new(true).open(path) {
        Err(error) if error.kind() == io::ErrorKind::AlreadyExists => {
            fs::remove_file(path)?;
            OpenOptions::new().write(true).create_new(true).open(path)
        }
        other => other,
    }
}

/// Writes `contents` to a new file at `path`, failing if it already exists.
pub fn write_new(path: &Path, contents: &[u8]) -> io::Result<()> {
    let mut file = OpenOptions::new().write(true).create_new(true).open(path)?;
    file.write_all(contents)?;
    file.sync_all()
}

fn temporary_path(path: &Path) -> PathBuf {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("file");
    path.with_file_name(format!(".{name}.{}.tmp", std::process::id()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_content_and_leaves_no_temporary_file() {
        let dir = std::env::temp_dir().join(format!("opsdeck-atomic-{}", std::process::id()));
        fs::create_dir_all(&dir).unwrap();
        let path = dir.join("minutes.toml");
        write_atomically(&path, b"one").unwrap();
        write_atomically(&path, b"two").unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"two");
        assert_eq!(fs::read_dir(&dir).unwrap().count(), 1);
        assert!(write_new(&path, b"three").is_err());
        fs::remove_dir_all(&dir).unwrap();
    }

    #[cfg(unix)]
    #[test]
    fn a_planted_link_at_the_temporary_name_is_not_followed() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("bashrc");
        fs::write(&target, "precious").unwrap();
        let path = dir.path().join("minutes.toml");
        std::os::unix::fs::symlink(&target, temporary_path(&path)).unwrap();
        write_atomically(&path, b"minutes").unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"minutes");
        assert_eq!(fs::read_to_string(&target).unwrap(), "precious");
        assert!(!temporary_path(&path).exists());
    }
}
