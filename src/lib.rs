//! opsdeck — a terminal cockpit for the weekly operations meeting of an
//! Amazon seller team.
//!
//! Layers, each depending only on the ones above it:
//!
//! | module   | owns                                              | must not use                  |
//! |----------|---------------------------------------------------|-------------------------------|
//! | `domain` | weeks, money, report facts, settings (pure)       | files, serde, terminal, clocks |
//! | `import` | bytes on disk → domain facts, with located errors | terminal, `app`, `ui`          |
//! | `export` | domain → files and text (JSON, TOML, Markdown)    | terminal, `app`, `ui`          |
//! | `cli`    | the command line                                  | —                              |

pub mod app;
pub mod cli;
pub mod domain;
pub mod event_loop;
pub mod export;
pub mod fs;
pub mod import;
pub mod session;
pub mod ui;
