//! The command line's words, as clap reads them: the commands, their
//! arguments and formats. `--help` is built from these.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

use crate::domain::settings::Language;
use crate::domain::week::IsoWeek;

/// opsdeck — the weekly operations meeting of an Amazon seller team, in a terminal.
#[derive(Debug, Parser)]
#[command(
    name = "opsdeck",
    version,
    override_usage = "opsdeck [OPTIONS] [WORKSPACE]\n       opsdeck [--lang <LANG>] <COMMAND> [ARGS]"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    #[command(flatten)]
    pub cockpit: CockpitArgs,
    /// The language of this run's screens, documents and messages (default:
    /// the workspace's `language`).
    #[arg(long, global = true, value_enum)]
    pub lang: Option<LangArg>,
    /// Colour the tables of `kpis` and `actions`: auto (on a terminal, unless
    /// `NO_COLOR` is set), always or never.
    #[arg(long, global = true, value_enum, default_value = "auto")]
    pub color: ColorArg,
    /// CSV for a spreadsheet: a UTF-8 BOM and CRLF line ends, so Excel reads
    /// Chinese right (a CSV shown on a terminal gets them anyway; a pipe
    /// gets plain UTF-8).
    #[arg(long, global = true)]
    pub excel: bool,
}

impl Cli {
    /// The command line of this process. `--lang`, `--color` and `--excel`
    /// go anywhere; the cockpit's own workspace and options only without a
    /// command (`opsdeck sample-data kpis` is refused, not read as `kpis`
    /// of the current folder).
    pub fn from_env() -> Self {
        let cli = Self::parse();
        if cli.command.is_some() && cli.cockpit != CockpitArgs::default() {
            let mut command = <Self as clap::CommandFactory>::command();
            command
                .error(
                    clap::error::ErrorKind::ArgumentConflict,
                    "the cockpit's workspace and options come without a command; \
                     a command takes its own after its name (`opsdeck kpis WORKSPACE`)",
                )
                .exit();
        }
        cli
    }
}

/// When text tables are coloured.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorArg {
    Auto,
    Always,
    Never,
}

impl ColorArg {
    /// Whether to colour, given whether stdout is a terminal and `NO_COLOR`
    /// (set and not empty: no colour, as no-color.org asks).
    pub fn wanted(self, terminal: bool, no_color: Option<&str>) -> bool {
        match self {
            ColorArg::Always => true,
            ColorArg::Never => false,
            ColorArg::Auto => terminal && no_color.is_none_or(str::is_empty),
        }
    }
}

/// The languages opsdeck speaks, as `--lang` names them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LangArg {
    En,
    Zh,
}

impl From<LangArg> for Language {
    fn from(lang: LangArg) -> Self {
        match lang {
            LangArg::En => Language::English,
            LangArg::Zh => Language::Chinese,
        }
    }
}

/// How to open the cockpit.
#[derive(Debug, Clone, Default, PartialEq, Eq, clap::Args)]
#[allow(clippy::struct_excessive_bools)] // independent command-line switches
pub struct CockpitArgs {
    /// Workspace folder (default: the current folder).
    pub workspace: Option<PathBuf>,
    /// The week to review, like 2026-W47 (default: the newest week folder).
    #[arg(long)]
    pub week: Option<IsoWeek>,
    /// Ring the terminal bell when a section runs over.
    #[arg(long)]
    pub bell: bool,
    /// Colour theme (default: the workspace's, else dark).
    #[arg(long, value_enum)]
    pub theme: Option<ThemeArg>,
    /// Continue a meeting that was already closed (its closed minutes are kept as a copy).
    #[arg(long)]
    pub reopen: bool,
    /// Take over a meeting held by a cockpit on another machine (asks first).
    #[arg(long)]
    pub take_over: bool,
    /// Resume from the recovery copy written when the minutes could not be saved.
    #[arg(long)]
    pub recover: bool,
    /// Write the minutes even when the meeting's lock cannot be made (a second
    /// cockpit on the week would not be stopped).
    #[arg(long)]
    pub no_lock: bool,
}

/// Colour themes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ThemeArg {
    Dark,
    Light,
    HighContrast,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// The cockpit: the timed review → diagnosis → plan meeting (the default).
    Run(CockpitArgs),
    /// The cockpit on a fresh copy of the sample workspace, in a temporary folder.
    Demo {
        /// Ring the terminal bell when a section runs over.
        #[arg(long)]
        bell: bool,
        #[arg(long, value_enum)]
        theme: Option<ThemeArg>,
    },
    /// Validate the configuration and every report file, and explain every problem.
    Check {
        /// Workspaces, week folders (weeks/2026-W47) or report files.
        #[arg(default_value = ".")]
        paths: Vec<PathBuf>,
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// The week's KPIs against targets and last week, anomalies and customer voice.
    Kpis {
        /// Workspace folder (default: the current folder).
        #[arg(default_value = ".")]
        workspace: PathBuf,
        /// The week to review, like 2026-W47 (default: the newest week folder).
        #[arg(long)]
        week: Option<IsoWeek>,
        #[arg(long, value_enum, default_value_t = KpiFormat::Table)]
        format: KpiFormat,
    },
    /// The pre-read for the next meeting, as Markdown.
    Prep {
        /// Workspace folder (default: the current folder).
        #[arg(default_value = ".")]
        workspace: PathBuf,
        /// The week to review, like 2026-W47 (default: the newest week folder).
        #[arg(long)]
        week: Option<IsoWeek>,
        /// Every problem SKU and anomaly, not only the 25 with most money at stake.
        #[arg(long)]
        all: bool,
    },
    /// Export a meeting's minutes: the Markdown mail, or JSON.
    Minutes {
        /// A minutes file, like minutes/2026-W48.toml.
        file: PathBuf,
        #[arg(long, value_enum, default_value_t = MinutesFormat::Md)]
        format: MinutesFormat,
    },
    /// Action items across all minutes, with completion rates.
    Actions {
        /// Workspace folder (default: the current folder).
        #[arg(default_value = ".")]
        workspace: PathBuf,
        /// Only this owner's actions.
        #[arg(long)]
        owner: Option<String>,
        /// Only actions still to do.
        #[arg(long)]
        open: bool,
        /// Only actions past their due date.
        #[arg(long)]
        overdue: bool,
        #[arg(long, value_enum, default_value_t = ActionsFormat::Table)]
        format: ActionsFormat,
    },
    /// Fetch the week's reports from the SP-API and the Amazon Ads API into the week folder.
    Fetch(super::fetch::FetchArgs),
    /// Send the minutes, the pre-read or the day's digest to the team's chats and mail.
    Send(super::send::SendArgs),
    /// Start a workspace: a commented opsdeck.toml, weeks/ and minutes/.
    Init {
        /// Folder to create the workspace in (default: the current folder).
        #[arg(default_value = ".")]
        dir: PathBuf,
    },
    /// Print the shell's completion script: bash, zsh, fish or powershell.
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff): `opsdeck man > opsdeck.1`.
    Man,
}

/// Output format of `minutes`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum MinutesFormat {
    Md,
    Json,
}

/// Output format of `actions`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ActionsFormat {
    Table,
    Json,
    Csv,
    /// iCalendar to-dos of the open actions (VTODO).
    Ics,
    /// iCalendar all-day events on the open actions' due dates (VEVENT), for
    /// calendars that import events only (Google Calendar).
    IcsEvents,
    /// A CSV of the open actions for Asana's CSV importer.
    Asana,
    /// A workbook: the actions and each owner's completion (to a file: `> actions.xlsx`).
    Xlsx,
}

/// Output format of `kpis`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum KpiFormat {
    Table,
    Json,
    Csv,
    Md,
    /// A workbook: KPIs, anomalies and replenishment, a sheet each (to a file: `> kpis.xlsx`).
    Xlsx,
}

/// Output format of `check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Text,
    Json,
}
