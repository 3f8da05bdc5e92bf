//! Everything opsdeck writes: reports for people and scripts, the minutes
//! and new workspaces (written through `fs::atomic`).
//! Must not depend on the terminal (`ratatui`, `crossterm`) or on `app`/`ui`.

pub mod actions;
pub mod actions_calendar;
pub mod actions_md;
pub mod asana;
pub mod check_report;
pub mod clean_writer;
pub mod config_template;
pub mod csv_row;
pub mod demo;
pub mod diagnosis_md;
pub mod init;
pub mod kpis_csv;
pub mod kpis_json;
pub mod kpis_md;
pub mod kpis_text;
pub mod markdown;
pub mod minutes;
pub mod minutes_md;
pub mod prep;
pub mod supply;
pub mod supply_json;
pub mod text_table;
pub mod workbook;
