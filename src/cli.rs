//! The command line: parsing with clap and running each command. Every
//! failure prints one paragraph on stderr and gives a non-zero exit status.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use crate::app::{App, SaveState};
use crate::domain::action::ActionItem;
use crate::domain::action_log::action_log;
use crate::domain::meeting::Meeting;
use crate::domain::settings::ThemeName;
use crate::domain::timing::Now;
use crate::domain::untrusted::{clean, clean_document};
use crate::domain::week::IsoWeek;
use crate::event_loop;
use crate::event_loop::reading::Reader;
use crate::event_loop::signals::Signals;
use crate::event_loop::{Ending, Finished, Wakes};
use crate::export::demo::write_demo_workspace;
use crate::export::init::init_workspace;
use crate::export::{check_report, kpis_csv, kpis_json, kpis_md, kpis_text, prep};
use crate::import::check::check_paths;
use crate::import::minutes::{read_all_minutes, read_minutes_file};
use crate::import::weeks::{LoadedReport, load_report};
use crate::session::lock::Holder;
use crate::session::recovery::write_recovery;
use crate::session::{Access, StartOptions, open_meeting, start_meeting};

/// Writes a line to stderr. A terminal that has gone away (a closed window)
/// makes the write fail; that must not turn a clean ending into a panic.
macro_rules! say {
    ($($arg:tt)*) => {{
        let _ = writeln!(std::io::stderr(), $($arg)*);
    }};
}

/// Like `say!`, without ending the line (a question).
macro_rules! say_inline {
    ($($arg:tt)*) => {{
        let mut stderr = std::io::stderr();
        let _ = write!(stderr, $($arg)*).and_then(|()| stderr.flush());
    }};
}

// After the macros, which it uses.
mod fetch;

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
    /// Fetch the week's reports from the SP-API and the Amazon Ads API into the week folder.
    Fetch {
        /// Workspace folder (default: the current folder).
        #[arg(default_value = ".")]
        workspace: PathBuf,
        /// The week to fetch, like 2026-W47 (default: the last complete week).
        #[arg(long)]
        week: Option<IsoWeek>,
        /// A marketplace to fetch, like US or DE (repeat for several; default: `[fetch] marketplaces`, else US).
        #[arg(long = "marketplace")]
        marketplaces: Vec<String>,
        /// How long to wait for Amazon to make the reports: 90s, 30m, 2h.
        #[arg(long, default_value = "30m", value_parser = fetch::parse_wait)]
        wait: std::time::Duration,
        /// Say what would be fetched and where, without asking Amazon.
        #[arg(long)]
        dry_run: bool,
        /// Exchange the tokens and list the Ads profiles, without asking for a report.
        #[arg(long)]
        check_credentials: bool,
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
    /// iCalendar to-dos of the open actions, for Google Calendar, Outlook or Feishu/Lark.
    Ics,
    /// A CSV of the open actions for Asana's CSV importer.
    Asana,
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
        Some(Command::Fetch {
            workspace,
            week,
            marketplaces,
            wait,
            dry_run,
            check_credentials,
        }) => fetch::fetch(
            &fetch::FetchArgs {
                workspace,
                week,
                marketplaces,
                wait,
                dry_run,
                check_credentials,
            },
            event_loop::read_now().wall.date_naive(),
        ),
        None => cockpit(&cli.cockpit),
    }
}

fn check(paths: &[PathBuf], format: Format) -> ExitCode {
    let report = check_paths(paths);
    match format {
        Format::Text => {
            print_out(&check_report::to_text(&report));
            say_inline!("{}", check_report::errors_text(&report));
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
            say!("error: {error}");
        }
        say!(
            "Run `opsdeck check {}` for the whole picture.",
            workspace.display()
        );
        ExitCode::FAILURE
    })?;
    for warning in &loaded.warnings {
        say!("warning: {warning}");
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
        KpiFormat::Json => {
            // Streamed: a catalogue of any size never waits in memory as one document.
            let stdout = std::io::stdout().lock();
            let mut out =
                crate::export::clean_writer::CleanWriter::new(std::io::BufWriter::new(stdout));
            let _ = kpis_json::write_json(report, settings, &mut out).and_then(|()| out.flush());
            leave_at_exit(loaded);
            return ExitCode::SUCCESS;
        }
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
    let open = match open_actions(workspace, report.review.week) {
        Ok(open) => open,
        Err(code) => return code,
    };
    let in_play = match crate::session::actions_in_play(workspace, report.review.week) {
        Ok(actions) => actions,
        Err(error) => {
            say!("error: {error}");
            return ExitCode::FAILURE;
        }
    };
    print_out(&prep::to_prep(
        report,
        &loaded.workspace.settings,
        &open,
        &in_play,
    ));
    leave_at_exit(loaded);
    ExitCode::SUCCESS
}

/// Leaves `value` to the operating system: the process is about to exit,
/// and freeing the figures of a large catalogue would only delay it.
fn leave_at_exit<T>(value: T) {
    std::mem::forget(value);
}

fn cockpit(args: &CockpitArgs) -> ExitCode {
    cockpit_with(args, Vec::new())
}

/// The cockpit, with `notices` shown under its header for the whole meeting.
fn cockpit_with(args: &CockpitArgs, notices: Vec<String>) -> ExitCode {
    let workspace = args.workspace.clone().unwrap_or_else(|| PathBuf::from("."));
    let terminal = std::io::stdout().is_terminal();
    let options = StartOptions {
        week: args.week,
        reopen: args.reopen,
        take_over: args.take_over,
        recover: args.recover,
        read_only: !terminal,
    };
    let now = event_loop::read_now();
    if !terminal {
        return without_terminal(&workspace, options, now);
    }
    // The reports are read while the meeting opens and the cockpit runs.
    let wakes = Wakes::new();
    let reader = Reader::start(workspace.clone(), args.week, wakes.sender());
    let mut session = match open_meeting(&workspace, options, now, confirm_take_over) {
        Ok(session) => session,
        Err(error) => {
            say!("{error}");
            return ExitCode::FAILURE;
        }
    };
    for notice in &session.notices {
        say!("notice: {}", clean(notice));
    }
    let settings = &mut session.workspace.settings;
    settings.bell |= args.bell;
    if let Some(theme) = args.theme {
        settings.theme = match theme {
            ThemeArg::Dark => ThemeName::Dark,
            ThemeArg::Light => ThemeName::Light,
            ThemeArg::HighContrast => ThemeName::HighContrast,
        };
    }
    let save_as = default_save_as(&session.minutes);
    let notices = notices.into_iter().chain(session.notices).collect();
    let mut app = App::reading(
        session.workspace.settings.clone(),
        session.week,
        session.meeting,
        session.agenda,
        now,
    )
    .with_notices(notices)
    .with_save_as(save_as);
    if let Access::ViewOnly(holder) = &session.access {
        app = app.view_only(describe_holder(holder.as_ref()));
    }
    let signals = match Signals::catch() {
        Ok(signals) => signals,
        Err(error) => {
            say!("error: cannot catch the signals that end a meeting: {error}");
            return ExitCode::FAILURE;
        }
    };
    let mut terminal = match ratatui::try_init() {
        Ok(terminal) => {
            // Pasted text arrives whole on the capture line, never as keys.
            let _ = crossterm::execute!(std::io::stdout(), crossterm::event::EnableBracketedPaste);
            terminal
        }
        Err(error) => {
            ratatui::restore();
            say!("error: the terminal cannot be used: {error}");
            return ExitCode::FAILURE;
        }
    };
    let finished = event_loop::run(
        &mut terminal,
        app,
        session.minutes,
        &signals,
        wakes,
        Some(reader),
    );
    restore_terminal();
    // Restored above; its own drop would try again and complain on a closed window.
    std::mem::forget(terminal);
    // The last save is done: another cockpit may take the meeting now.
    drop(session.access);
    for warning in &finished.warnings {
        say!("warning: {}", clean(warning));
    }
    let code = report_ending(&workspace, &finished);
    leave_at_exit(finished);
    code
}

/// Without a terminal the cockpit cannot run: the meeting is opened view
/// only and its reports read, to say what is wrong with them, then it says
/// where to turn instead.
fn without_terminal(workspace: &Path, options: StartOptions, now: Now) -> ExitCode {
    let (session, loaded) = match start_meeting(workspace, options, now, confirm_take_over) {
        Ok(started) => started,
        Err(error) => {
            say!("{error}");
            return ExitCode::FAILURE;
        }
    };
    for warning in &loaded.warnings {
        say!("warning: {}", clean(warning));
    }
    for notice in &session.notices {
        say!("notice: {}", clean(notice));
    }
    say!(
        "error: the cockpit needs a terminal; for text use `opsdeck kpis {0}` or `opsdeck prep {0}`",
        workspace.display()
    );
    ExitCode::FAILURE
}

/// Leaves raw mode and the alternate screen and shows the cursor; a
/// terminal that is gone is left alone.
fn restore_terminal() {
    let _ = crossterm::execute!(std::io::stdout(), crossterm::event::DisableBracketedPaste);
    let _ = ratatui::try_restore();
    let _ = crossterm::execute!(std::io::stdout(), crossterm::cursor::Show);
}

/// Says how the meeting ended and where its minutes are; writes a recovery
/// copy when they could not be saved. Returns the exit status.
fn report_ending(workspace: &Path, finished: &Finished) -> ExitCode {
    let app = &finished.app;
    let path = &finished.minutes;
    let code = |failed: bool| match &finished.ending {
        Ending::Signal(number) => ExitCode::from(u8::try_from(128 + number).unwrap_or(1)),
        Ending::TerminalLost(_) | Ending::ReadFailed(_) => ExitCode::FAILURE,
        Ending::Quit if failed => ExitCode::FAILURE,
        Ending::Quit => ExitCode::SUCCESS,
    };
    match &finished.ending {
        Ending::Quit => {}
        Ending::Signal(number) => say!("The meeting was ended by signal {number}."),
        Ending::TerminalLost(error) => say!("error: the terminal failed: {error}"),
        Ending::ReadFailed(errors) => {
            for error in errors {
                say!("error: {error}");
            }
            say!(
                "The minutes were left as they were. Run `opsdeck check {}` for the whole picture.",
                workspace.display()
            );
            return ExitCode::FAILURE;
        }
    }
    if let Some(holder) = app.holder() {
        say!("View only: this cockpit saved nothing; the meeting is kept by opsdeck {holder}.");
        return code(false);
    }
    let SaveState::Failed(_) = app.save_state() else {
        say!(
            "Minutes saved in {0}. For the mail: opsdeck minutes {0}",
            path.display()
        );
        return code(false);
    };
    let reason = finished
        .save_error
        .as_ref()
        .map_or_else(|| "unknown error".to_owned(), ToString::to_string);
    say!(
        "error: the minutes could NOT be saved in {}: {reason}",
        path.display()
    );
    let minutes =
        crate::export::minutes::to_toml(app.meeting(), app.agenda(), app.report(), app.now());
    match write_recovery(path, minutes.as_bytes()) {
        Ok(copy) => say!(
            "A recovery copy holds everything captured: {}\n\
             Once the workspace can be written again, bring it back with: opsdeck {} --recover",
            copy.display(),
            workspace.display()
        ),
        Err(error) => {
            say!(
                "error: no recovery copy could be written either ({error}); the minutes follow:
"
            );
            say!("{minutes}");
        }
    }
    code(true)
}

/// Where the quit question first offers to write minutes that cannot be saved.
fn default_save_as(minutes: &Path) -> String {
    let name = minutes.file_name().unwrap_or_default().to_string_lossy();
    match std::env::var_os("HOME") {
        Some(_) => format!("~/opsdeck-minutes-{name}"),
        None => std::env::temp_dir()
            .join(format!("opsdeck-minutes-{name}"))
            .display()
            .to_string(),
    }
}

/// "on HOST by USER since 10:02", for the view-only banner.
fn describe_holder(holder: Option<&Holder>) -> String {
    let Some(holder) = holder else {
        return "by another cockpit".to_owned();
    };
    let since = chrono::DateTime::parse_from_rfc3339(&holder.since).map_or_else(
        |_| holder.since.clone(),
        |t| t.format("%a %H:%M").to_string(),
    );
    format!("on {} by {} since {since}", holder.host, holder.user)
}

/// Asks on the terminal before taking a meeting held on another machine.
fn confirm_take_over(holder: &Holder) -> bool {
    say_inline!(
        "The meeting is open in opsdeck on {} by {} since {} (pid {}). Take it over? \
         Do so only if that cockpit is closed — its later saves would be lost. [y/N] ",
        clean(&holder.host),
        clean(&holder.user),
        clean(&holder.since),
        holder.pid
    );
    let mut answer = String::new();
    std::io::stdin().read_line(&mut answer).is_ok()
        && matches!(answer.trim(), "y" | "Y" | "yes" | "Yes")
}

fn demo(bell: bool, theme: Option<ThemeArg>) -> ExitCode {
    let name = format!("opsdeck-demo-{}", std::process::id());
    let root = match write_demo_workspace(&std::env::temp_dir(), &name) {
        Ok(root) => root,
        Err(error) => {
            say!("error: cannot write the demo workspace: {error}");
            return ExitCode::FAILURE;
        }
    };
    say!(
        "Demo workspace: {} (a copy of the sample; delete it when done)",
        root.display()
    );
    let code = cockpit_with(
        &CockpitArgs {
            workspace: Some(root.clone()),
            week: None,
            bell,
            theme,
            reopen: false,
            take_over: false,
            recover: false,
        },
        vec![format!(
            "Demo: a copy of the sample workspace in {} — your captures go there",
            root.display()
        )],
    );
    say!("The demo workspace stays in {}.", root.display());
    code
}

/// Last meeting's actions still open.
fn open_actions(workspace: &Path, week: IsoWeek) -> Result<Vec<ActionItem>, ExitCode> {
    crate::session::open_actions(workspace, week).map_err(|error| {
        say!("error: {error}");
        ExitCode::FAILURE
    })
}

fn minutes(file: &Path, format: MinutesFormat) -> ExitCode {
    let (stored, raw) = match read_minutes_file(file) {
        Ok(read) => read,
        Err(error) => {
            say!("error: {error}");
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
            say!("error: {error}");
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
        ActionsFormat::Ics | ActionsFormat::Asana => {
            let settings = crate::import::workspace::open_workspace(workspace)
                .map(|w| w.settings)
                .unwrap_or_default();
            if format == ActionsFormat::Ics {
                let name = format!("{} — actions", settings.title);
                // Its values are cleaned as it is built; its CRLF line ends are part of the format.
                print_coloured(&crate::export::actions_calendar::to_ics(&shown, &name));
                return ExitCode::SUCCESS;
            }
            crate::export::asana::to_asana_csv(&shown, &settings.roles)
        }
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
            say!(
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
