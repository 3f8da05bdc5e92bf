//! opsdeck — a terminal cockpit for the weekly operations meeting of an
//! Amazon seller team.
//!
//! Layers, each using only the ones listed before it (`tests/layers.rs`
//! reads the crate's uses and fails on an arrow up or a circle in a folder):
//!
//! | module       | owns                                                        | may use |
//! |--------------|-------------------------------------------------------------|---------|
//! | `domain`     | weeks, money, report facts, KPIs, diagnosis, plan (pure)    | — |
//! | `fs`         | files written whole, never through a planted link           | — |
//! | `import`     | bytes on disk → domain facts, with located errors           | `domain`, `fs` |
//! | `fetch`      | the SP-API and Ads API client behind `opsdeck fetch`        | `domain`, `fs`, `import` |
//! | `export`     | domain → text and files (tables, JSON, TOML, Markdown, ICS)  | `domain`, `fs`, `import` |
//! | `send`       | the meeting posted to chat channels behind `opsdeck send`    | `domain`, `fs`, `import`, `fetch`, `export` |
//! | `session`    | opening a meeting: its week, lock, minutes, recovery copy   | the above but `fetch` |
//! | `app`        | the cockpit's state and `update` (no terminal)              | `domain`, `import`, `export` |
//! | `ui`         | drawing a frame from `&App`                                 | `domain`, `app` |
//! | `event_loop` | keys, clocks, saving and reading threads around `app`/`ui`  | all but `cli`, `fetch` |
//! | `cli`        | the command line                                            | everything |

pub mod app;
pub mod cli;
pub mod domain;
pub mod event_loop;
pub mod export;
pub mod fetch;
pub mod fs;
pub mod import;
pub mod send;
pub mod session;
pub mod ui;
