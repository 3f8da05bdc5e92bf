//! `opsdeck init`: a new workspace folder with a commented `opsdeck.toml`,
//! `weeks/` and `minutes/`. Never overwrites anything.

use std::fs;
use std::io;
use std::path::Path;

use crate::domain::settings::Language;
use crate::import::workspace::{CONFIG_FILE, MINUTES_DIR, WEEKS_DIR};

use super::config_template::CONFIG_TEMPLATE;
use crate::fs::atomic::write_new;

/// Creates the workspace skeleton in `dir`, which may already exist, its
/// `opsdeck.toml` naming the workspace `id` and speaking `language`. An
/// `opsdeck.toml` already there is `AlreadyExists`, and nothing is made.
pub fn init_workspace(dir: &Path, id: &str, language: Language) -> io::Result<()> {
    let config = dir.join(CONFIG_FILE);
    if config.exists() {
        return Err(io::ErrorKind::AlreadyExists.into());
    }
    fs::create_dir_all(dir.join(WEEKS_DIR))?;
    fs::create_dir_all(dir.join(MINUTES_DIR))?;
    let title = "title = \"Weekly operations meeting\"\n";
    let text = CONFIG_TEMPLATE.replacen(
        title,
        &format!(
            "{title}workspace_id = \"{id}\"   # this workspace's own id (calendar entries); keep it\n"
        ),
        1,
    );
    let text = match language {
        Language::English => text,
        Language::Chinese => text.replacen("language = \"en\"", "language = \"zh\"", 1),
    };
    write_new(&config, text.as_bytes())
}
