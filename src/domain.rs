//! The meeting's world in plain Rust: weeks, money, report facts, settings.
//! Depends on std, chrono and small pure crates (hashbrown, rustc-hash,
//! unicode-width) — no terminal, no files, no serde, no other layer.

pub mod action;
pub mod action_log;
pub mod agenda;
pub mod anomaly;
pub mod calendar;
pub mod capture;
pub mod channel;
pub mod cost_book;
pub mod diagnosis;
pub mod facts;
pub mod format;
pub mod gap;
pub mod history;
pub mod judgement;
pub mod keyed;
pub mod kpi;
pub mod lookup;
pub mod marketplace;
pub mod meeting;
pub mod metric;
pub mod money;
pub mod reading;
pub mod reasons;
pub mod replenishment;
pub mod report;
pub mod review;
pub mod rule_book;
mod rules;
pub mod settings;
pub mod sku_table;
pub mod stock;
pub mod supply_columns;
pub mod supply_notes;
pub mod text_width;
pub mod timing;
pub mod undo;
pub mod untrusted;
pub mod voice;
pub mod week;
pub mod week_data;
pub mod week_report;
pub mod words;
