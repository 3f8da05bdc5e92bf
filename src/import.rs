//! Reading what users drop into a workspace: Amazon's report downloads as
//! they are (CSV, tab-separated text, XLSX; UTF-8 or Windows-1252) and
//! opsdeck's own TOML and CSV files. Bytes in, domain facts out; every
//! problem becomes an `ImportError` with file, line and column.
//! Must not depend on the terminal (`ratatui`, `crossterm`) or on `app`/`ui`.

mod ads;
mod afn_inventory;
mod api_json;
mod business_by_date;
mod business_report;
pub mod check;
pub mod columns;
pub mod config;
mod costs;
pub mod dates;
pub mod error;
mod feedback;
pub mod header;
mod inventory;
pub mod kind_read;
pub mod marketplaces;
pub mod minutes;
pub mod numbers;
pub mod parallel;
mod pipeline;
mod planning;
pub mod progress;
pub mod report;
pub mod report_book;
mod returns;
mod rows;
pub mod sent_log;
pub mod sniff;
pub mod table;
pub mod text;
mod toml_file;
mod typed;
mod upstream;
mod utf8_stream;
pub mod week_file;
pub mod week_folder;
pub mod weeks;
pub mod workspace;
