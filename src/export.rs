//! Everything opsdeck writes: reports for people and scripts, new workspaces,
//! and the atomic file writing that keeps what was typed safe.
//! Must not depend on the terminal (`ratatui`, `crossterm`) or on `app`/`ui`.

pub mod atomic;
pub mod check_report;
pub mod config_template;
pub mod init;
