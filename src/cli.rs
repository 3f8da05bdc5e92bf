//! The command line: parsing with clap and running each command. Every
//! failure prints one paragraph on stderr and gives a non-zero exit status.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use crate::export::check_report;
use crate::export::init::init_workspace;
use crate::import::check::check_paths;

/// opsdeck — the weekly operations meeting of an Amazon seller team, in a terminal.
#[derive(Debug, Parser)]
#[command(name = "opsdeck", version, args_conflicts_with_subcommands = true)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    /// Workspace folder (default: the current folder).
    pub workspace: Option<PathBuf>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Validate the configuration and every report file, and explain every problem.
    Check {
        /// Workspaces, week folders (weeks/2026-W47) or report files.
        #[arg(default_value = ".")]
        paths: Vec<PathBuf>,
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Start a workspace: a commented opsdeck.toml, weeks/ and minutes/.
    Init {
        /// Folder to create the workspace in (default: the current folder).
        #[arg(default_value = ".")]
        dir: PathBuf,
    },
}

/// Output format of `check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Text,
    Json,
}

/// Runs the parsed command line and returns the process exit status.
pub fn run(cli: Cli) -> ExitCode {
    match cli.command {
        Some(Command::Check { paths, format }) => check(&paths, format),
        Some(Command::Init { dir }) => init(&dir),
        None => check(
            &[cli.workspace.unwrap_or_else(|| PathBuf::from("."))],
            Format::Text,
        ),
    }
}

fn check(paths: &[PathBuf], format: Format) -> ExitCode {
    let report = check_paths(paths);
    match format {
        Format::Text => {
            print_out(&check_report::to_text(&report));
            eprint!("{}", check_report::errors_text(&report));
            print_out(&check_report::verdict(&report));
        }
        Format::Json => print_out(&check_report::to_json(&report)),
    }
    if report.is_ok() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

fn init(dir: &std::path::Path) -> ExitCode {
    match init_workspace(dir) {
        Ok(()) => {
            print_out(&format!(
                "Started a workspace in {}: edit opsdeck.toml, then drop Amazon's downloads \
                 into weeks/<ISO week>/ (for example weeks/2026-W47/).\n",
                dir.display()
            ));
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!(
                "error: cannot start a workspace in {}: {error}",
                dir.display()
            );
            ExitCode::FAILURE
        }
    }
}

/// Writes to stdout, quietly stopping when the reader has gone (`| head`).
fn print_out(text: &str) {
    let mut stdout = std::io::stdout().lock();
    let _ = stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush());
}
