//! `opsdeck demo`: a fresh copy of the sample workspace (embedded in the
//! binary, so it works from any folder) in a temporary folder, so trying the
//! cockpit never dirties anything.

use std::io;
use std::path::{Path, PathBuf};

include!(concat!(env!("OUT_DIR"), "/sample_files.rs"));

/// Writes the sample workspace into a new folder under `parent`; returns its path.
pub fn write_demo_workspace(parent: &Path, name: &str) -> io::Result<PathBuf> {
    let root = parent.join(name);
    for (relative, content) in SAMPLE_FILES {
        let path = root.join(relative);
        if let Some(folder) = path.parent() {
            std::fs::create_dir_all(folder)?;
        }
        std::fs::write(&path, content)?;
    }
    Ok(root)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_demo_is_the_whole_sample_workspace() {
        let dir = tempfile::tempdir().unwrap();
        let root = write_demo_workspace(dir.path(), "demo").unwrap();
        assert!(root.join("opsdeck.toml").is_file());
        assert!(root.join("minutes/2026-W47.toml").is_file());
        let weeks = std::fs::read_dir(root.join("weeks")).unwrap().count();
        assert_eq!(weeks, 13);
        let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-data/costs.csv");
        assert_eq!(
            std::fs::read(root.join("costs.csv")).unwrap(),
            std::fs::read(sample).unwrap()
        );
    }
}
