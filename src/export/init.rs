//! `opsdeck init`: a new workspace folder with a commented `opsdeck.toml`,
//! `weeks/` and `minutes/`. Never overwrites anything.

use std::fs;
use std::io;
use std::path::Path;

use crate::import::workspace::{CONFIG_FILE, MINUTES_DIR, WEEKS_DIR};

use super::config_template::CONFIG_TEMPLATE;
use crate::fs::atomic::write_new;

/// Creates the workspace skeleton in `dir`, which may already exist.
pub fn init_workspace(dir: &Path) -> io::Result<()> {
    let config = dir.join(CONFIG_FILE);
    if config.exists() {
        return Err(io::Error::new(
            io::ErrorKind::AlreadyExists,
            format!(
                "{} already exists; opsdeck init never overwrites it (edit it, or init another folder)",
                config.display()
            ),
        ));
    }
    fs::create_dir_all(dir.join(WEEKS_DIR))?;
    fs::create_dir_all(dir.join(MINUTES_DIR))?;
    write_new(&config, CONFIG_TEMPLATE.as_bytes())
}
