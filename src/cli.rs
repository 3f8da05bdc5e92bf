//! The command line: parsing with clap and running each command. Every
//! failure prints one paragraph on stderr and gives a non-zero exit status.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use crate::app::App;
use crate::domain::action::ActionItem;
use crate::domain::action_log::action_log;
use crate::domain::agenda::Agenda;
use crate::domain::meeting::Meeting;
use crate::domain::settings::ThemeName;
use crate::domain::untrusted::clean_document;
use crate::domain::week::IsoWeek;
use crate::domain::week_report::WeekReport;
use crate::event_loop;
use crate::export::demo::write_demo_workspace;
use crate::export::init::init_workspace;
use crate::export::{check_report, kpis_csv, kpis_json, kpis_md, kpis_text, prep};
use crate::import::check::check_paths;
use crate::import::minutes::{
    minutes_path, previous_minutes, read_all_minutes, read_minutes, read_minutes_file,
};
use crate::import::weeks::{LoadedReport, load_report};

/// opsdeck — the weekly operations meeting of an Amazon seller team, in a terminal.
#[derive(Debug, Parser)]
#[command(name = "opsdeck", version, args_conflicts_with_subcommands = true)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    #[command(flatten)]
    pub cockpit: CockpitArgs,
}

/// How to open the cockpit.
#[derive(Debug, Clone, clap::Args)]
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
    /// Start a workspace: a commented opsdeck.toml, weeks/ and minutes/.
    Init {
        /// Folder to create the workspace in (default: the current folder).
        #[arg(default_value = ".")]
        dir: PathBuf,
    },
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
}

/// Output format of `kpis`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum KpiFormat {
    Table,
    Json,
    Csv,
    Md,
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
        Some(Command::Kpis {
            workspace,
            week,
            format,
        }) => kpis(&workspace, week, format),
        Some(Command::Prep { workspace, week }) => prep(&workspace, week),
        Some(Command::Init { dir }) => init(&dir),
        Some(Command::Run(args)) => cockpit(&args),
        Some(Command::Minutes { file, format }) => minutes(&file, format),
        Some(Command::Actions {
            workspace,
            owner,
            open,
            overdue,
            format,
        }) => actions(&workspace, owner.as_deref(), open, overdue, format),
        Some(Command::Demo { bell, theme }) => demo(bell, theme),
        None => cockpit(&cli.cockpit),
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

/// Loads the week's report, or prints every problem and gives up.
fn week_report(workspace: &Path, week: Option<IsoWeek>) -> Result<LoadedReport, ExitCode> {
    let loaded = load_report(workspace, week).map_err(|errors| {
        for error in &errors {
            eprintln!("error: {error}");
        }
        eprintln!(
            "Run `opsdeck check {}` for the whole picture.",
            workspace.display()
        );
        ExitCode::FAILURE
    })?;
    for warning in &loaded.warnings {
        eprintln!("warning: {warning}");
    }
    Ok(loaded)
}

fn kpis(workspace: &Path, week: Option<IsoWeek>, format: KpiFormat) -> ExitCode {
    let loaded = match week_report(workspace, week) {
        Ok(found) => found,
        Err(code) => return code,
    };
    let report = &loaded.report;
    let settings = &loaded.workspace.settings;
    let text = match format {
        KpiFormat::Table => {
            let colour = std::io::stdout().is_terminal();
            print_coloured(&kpis_text::to_table(report, settings, colour));
            leave_at_exit(loaded);
            return ExitCode::SUCCESS;
        }
        KpiFormat::Json => kpis_json::to_json(report, settings),
        KpiFormat::Csv => kpis_csv::to_csv(report, settings),
        KpiFormat::Md => kpis_md::to_markdown(report, settings),
    };
    print_out(&text);
    leave_at_exit(loaded);
    ExitCode::SUCCESS
}

fn prep(workspace: &Path, week: Option<IsoWeek>) -> ExitCode {
    let loaded = match week_report(workspace, week) {
        Ok(found) => found,
        Err(code) => return code,
    };
    let report = &loaded.report;
    let open = match open_actions(workspace, report) {
        Ok(open) => open,
        Err(code) => return code,
    };
    print_out(&prep::to_prep(report, &loaded.workspace.settings, &open));
    leave_at_exit(loaded);
    ExitCode::SUCCESS
}

/// Leaves `value` to the operating system: the process is about to exit,
/// and freeing the figures of a large catalogue would only delay it.
fn leave_at_exit<T>(value: T) {
    std::mem::forget(value);
}

fn cockpit(args: &CockpitArgs) -> ExitCode {
    let workspace = args.workspace.clone().unwrap_or_else(|| PathBuf::from("."));
    let mut loaded = match week_report(&workspace, args.week) {
        Ok(found) => found,
        Err(code) => return code,
    };
    let settings = &mut loaded.workspace.settings;
    settings.bell |= args.bell;
    if let Some(theme) = args.theme {
        settings.theme = match theme {
            ThemeArg::Dark => ThemeName::Dark,
            ThemeArg::Light => ThemeName::Light,
            ThemeArg::HighContrast => ThemeName::HighContrast,
        };
    }
    // Bell and theme change how the meeting runs, not its figures.
    let settings = loaded.workspace.settings.clone();
    let report = loaded.report;
    let now = event_loop::read_now();
    let path = minutes_path(&workspace, report.review.week.next());
    let (meeting, agenda) =
        match meeting_to_run(&workspace, &path, &report, &settings, now, args.reopen) {
            Ok(found) => found,
            Err(code) => return code,
        };
    if !std::io::stdout().is_terminal() {
        eprintln!(
            "error: the cockpit needs a terminal; for text use `opsdeck kpis {0}` or `opsdeck prep {0}`",
            workspace.display()
        );
        return ExitCode::FAILURE;
    }
    let app = App::new(settings, report, meeting, agenda, now);
    let outcome = ratatui::try_init().and_then(|mut terminal| {
        let result = event_loop::run(&mut terminal, app, &path);
        ratatui::try_restore()?;
        result
    });
    if outcome.is_ok() {
        eprintln!(
            "Minutes saved in {0}. For the mail: opsdeck minutes {0}",
            path.display()
        );
    }
    match outcome {
        Ok(app) => {
            leave_at_exit(app);
            ExitCode::SUCCESS
        }
        Err(error) => {
            ratatui::restore();
            eprintln!("error: the terminal failed: {error}");
            ExitCode::FAILURE
        }
    }
}

fn demo(bell: bool, theme: Option<ThemeArg>) -> ExitCode {
    let name = format!("opsdeck-demo-{}", std::process::id());
    let root = match write_demo_workspace(&std::env::temp_dir(), &name) {
        Ok(root) => root,
        Err(error) => {
            eprintln!("error: cannot write the demo workspace: {error}");
            return ExitCode::FAILURE;
        }
    };
    eprintln!(
        "Demo workspace: {} (a copy of the sample; delete it when done)",
        root.display()
    );
    let code = cockpit(&CockpitArgs {
        workspace: Some(root.clone()),
        week: None,
        bell,
        theme,
        reopen: false,
    });
    eprintln!("The demo workspace stays in {}.", root.display());
    code
}

/// The meeting to run: resumed from its minutes when they exist and are
/// open, a new one (following up last meeting's open actions) otherwise. A
/// closed meeting is reopened only when asked, keeping the closed version.
fn meeting_to_run(
    workspace: &Path,
    path: &Path,
    report: &WeekReport,
    settings: &crate::domain::settings::Settings,
    now: crate::domain::timing::Now,
    reopen: bool,
) -> Result<(Meeting, Option<Agenda>), ExitCode> {
    if path.exists() {
        let stored = read_minutes(path).map_err(|error| {
            eprintln!("error: {error}");
            eprintln!("The minutes file was left untouched; fix it, or move it away to start the meeting afresh.");
            ExitCode::FAILURE
        })?;
        if stored.meeting.ended.is_some() {
            if !reopen {
                eprintln!(
                    "error: the meeting of {} is closed ({}); run again with --reopen to continue it (the closed minutes are kept as a copy)",
                    stored.week(),
                    path.display()
                );
                return Err(ExitCode::FAILURE);
            }
            let copy = path.with_extension("closed.toml");
            std::fs::copy(path, &copy).map_err(|error| {
                eprintln!(
                    "error: cannot keep a copy of the closed minutes in {}: {error}",
                    copy.display()
                );
                ExitCode::FAILURE
            })?;
        }
        let target = std::time::Duration::from_secs(u64::from(settings.planned_minutes()) * 60);
        let saved: Vec<_> = stored
            .sections
            .iter()
            .map(|s| {
                (
                    s.name.clone(),
                    std::time::Duration::from_secs(s.planned_seconds),
                    std::time::Duration::from_secs(s.actual_seconds),
                )
            })
            .collect();
        let agenda = Agenda::resumed(&saved, stored.current_section, target);
        let mut meeting = stored.meeting;
        meeting.ended = None;
        return Ok((meeting, agenda));
    }
    let follow_ups = open_actions(workspace, report)?;
    let mut meeting = Meeting::new(report.review.week, now.wall, follow_ups);
    meeting.facilitator.clone_from(&settings.facilitator);
    meeting.attendees.clone_from(&settings.attendees);
    Ok((meeting, None))
}

/// Last meeting's actions still open.
fn open_actions(workspace: &Path, report: &WeekReport) -> Result<Vec<ActionItem>, ExitCode> {
    match previous_minutes(workspace, report.review.week.next()) {
        Ok(minutes) => Ok(minutes.map(|m| m.open_actions()).unwrap_or_default()),
        Err(error) => {
            eprintln!("error: {error}");
            Err(ExitCode::FAILURE)
        }
    }
}

fn minutes(file: &Path, format: MinutesFormat) -> ExitCode {
    let (stored, raw) = match read_minutes_file(file) {
        Ok(read) => read,
        Err(error) => {
            eprintln!("error: {error}");
            return ExitCode::FAILURE;
        }
    };
    let currency = file
        .parent()
        .and_then(Path::parent)
        .and_then(|root| crate::import::workspace::open_workspace(root).ok())
        .map_or_else(|| "USD".to_owned(), |w| w.settings.currency);
    match format {
        MinutesFormat::Md => print_out(&crate::export::minutes_md::to_markdown(
            &stored, &raw, &currency,
        )),
        MinutesFormat::Json => {
            print_out(&(serde_json::to_string_pretty(&raw).unwrap_or_default() + "\n"));
        }
    }
    ExitCode::SUCCESS
}

fn actions(
    workspace: &Path,
    owner: Option<&str>,
    open: bool,
    overdue: bool,
    format: ActionsFormat,
) -> ExitCode {
    let all = match read_all_minutes(workspace) {
        Ok(all) => all,
        Err(error) => {
            eprintln!("error: {error}");
            return ExitCode::FAILURE;
        }
    };
    let meetings: Vec<Meeting> = all.into_iter().map(|m| m.meeting).collect();
    let log = action_log(&meetings);
    let today = event_loop::read_now().wall.date_naive();
    let shown: Vec<_> = log
        .iter()
        .filter(|l| {
            owner.is_none_or(|o| {
                l.action
                    .owner
                    .as_deref()
                    .is_some_and(|a| a.eq_ignore_ascii_case(o))
            })
        })
        .filter(|l| !open || l.action.status.is_open())
        .filter(|l| !overdue || l.action.is_overdue(today))
        .collect();
    let text = match format {
        ActionsFormat::Table => {
            let colour = std::io::stdout().is_terminal();
            print_coloured(&crate::export::actions::to_table(&shown, today, colour));
            return ExitCode::SUCCESS;
        }
        ActionsFormat::Json => crate::export::actions::to_json(&shown),
        ActionsFormat::Csv => crate::export::actions::to_csv(&shown),
    };
    print_out(&text);
    ExitCode::SUCCESS
}

fn init(dir: &Path) -> ExitCode {
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

/// Writes a document to stdout, with any control character a value slipped
/// past its formatter removed, quietly stopping when the reader has gone (`| head`).
fn print_out(text: &str) {
    print_coloured(&clean_document(text));
}

/// Writes text whose values are cleaned already and whose colours are wanted.
fn print_coloured(text: &str) {
    let mut stdout = std::io::stdout().lock();
    let _ = stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush());
}
