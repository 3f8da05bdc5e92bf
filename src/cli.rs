//! The command line: its words (`cli/args.rs`, read by clap) and running
//! each command (the cockpit in `cli/cockpit.rs`, `fetch` in `cli/fetch.rs`).
//! Every failure prints one paragraph on stderr and gives a non-zero exit
//! status.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crate::domain::action::ActionItem;
use crate::domain::action_log::action_log;
use crate::domain::meeting::Meeting;
use crate::domain::settings::{Language, Settings};
use crate::domain::untrusted::clean_document;
use crate::domain::week::IsoWeek;
use crate::domain::words::Said;
use crate::event_loop;
use crate::export::actions_calendar::{CalendarItem, to_ics};
use crate::export::init::init_workspace;
use crate::export::{check_report, kpis_csv, kpis_json, kpis_md, kpis_text, prep, workbook};
use crate::import::check::check_paths;
use crate::import::minutes::{read_all_minutes, read_minutes_file};
use crate::import::weeks::{LoadedReport, load_report};

/// Writes a line to stderr, cleaned as stdout is: no control or bidi
/// character of a file name, a lock holder or a server's answer reaches the
/// terminal. A terminal that has gone away (a closed window) makes the write
/// fail; that must not turn a clean ending into a panic.
macro_rules! say {
    ($($arg:tt)*) => {{
        let text = format!($($arg)*);
        let _ = writeln!(
            std::io::stderr(),
            "{}",
            $crate::domain::untrusted::clean_document(&text)
        );
    }};
}

/// Like `say!`, without ending the line (a question).
macro_rules! say_inline {
    ($($arg:tt)*) => {{
        let text = format!($($arg)*);
        let mut stderr = std::io::stderr();
        let _ = write!(stderr, "{}", $crate::domain::untrusted::clean_document(&text))
            .and_then(|()| stderr.flush());
    }};
}

// After the macros, which they use.
mod args;
mod cockpit;
mod ending;
mod fetch;
mod send;

pub use args::{
    ActionsFormat, Cli, CockpitArgs, Command, Format, KpiFormat, MinutesFormat, ThemeArg,
};

/// Runs the parsed command line and returns the process exit status.
pub fn run(cli: Cli) -> ExitCode {
    let lang = cli.lang.map(Language::from);
    let terminal = std::io::stdout().is_terminal();
    let style = Style {
        lang,
        colour: cli
            .color
            .wanted(terminal, std::env::var("NO_COLOR").ok().as_deref()),
        excel: cli.excel || terminal,
    };
    match cli.command {
        Some(Command::Check { paths, format }) => check(&paths, format, lang),
        Some(Command::Kpis {
            workspace,
            week,
            format,
        }) => kpis(&workspace, week, format, style),
        Some(Command::Prep {
            workspace,
            week,
            all,
        }) => prep(&workspace, week, all, lang),
        Some(Command::Init { dir }) => init(&dir),
        Some(Command::Completions { shell }) => {
            let mut command = <Cli as clap::CommandFactory>::command();
            let mut out = Vec::new();
            clap_complete::generate(shell, &mut command, "opsdeck", &mut out);
            print_coloured(&String::from_utf8_lossy(&out));
            ExitCode::SUCCESS
        }
        Some(Command::Man) => {
            let mut out = Vec::new();
            match clap_mangen::Man::new(<Cli as clap::CommandFactory>::command()).render(&mut out) {
                Ok(()) => {
                    print_coloured(&String::from_utf8_lossy(&out));
                    ExitCode::SUCCESS
                }
                Err(error) => {
                    say!("error: cannot write the manual page: {error}");
                    ExitCode::FAILURE
                }
            }
        }
        Some(Command::Run(args)) => cockpit::cockpit(&args, lang),
        Some(Command::Minutes { file, format }) => minutes(&file, format, lang),
        Some(Command::Actions {
            workspace,
            owner,
            open,
            overdue,
            format,
        }) => actions(&workspace, owner.as_deref(), (open, overdue), format, style),
        Some(Command::Demo { bell, theme }) => cockpit::demo(bell, theme, lang),
        Some(Command::Fetch(args)) => fetch::fetch(&args, event_loop::read_now().wall.date_naive()),
        Some(Command::Send(args)) => send::send(&args, event_loop::read_now(), lang),
        None => match mistyped_command(cli.cockpit.workspace.as_deref()) {
            Some(meant) => {
                let typed = cli
                    .cockpit
                    .workspace
                    .as_deref()
                    .map(Path::display)
                    .map(|p| p.to_string())
                    .unwrap_or_default();
                say!(
                    "error: `{typed}` is neither a command nor a folder; did you mean `{} {meant}`? \
                     (`{0} --help` lists the commands)",
                    command_name()
                );
                ExitCode::from(2)
            }
            None => cockpit::cockpit(&cli.cockpit, lang),
        },
    }
}

/// The command a workspace path that does not exist was meant to be, when
/// it is one typed a letter or two wrong (`kpi`, `chek`, `prpe`).
fn mistyped_command(workspace: Option<&Path>) -> Option<String> {
    let typed = workspace.filter(|path| !path.exists())?.to_str()?;
    let command = <Cli as clap::CommandFactory>::command();
    let names = command.get_subcommands().map(|c| c.get_name().to_owned());
    names
        .map(|name| (strsim::damerau_levenshtein(typed, &name), name))
        .filter(|(distance, name)| *distance <= 2 && *distance < name.len())
        .min()
        .map(|(_, name)| name)
}

fn check(paths: &[PathBuf], format: Format, lang: Option<Language>) -> ExitCode {
    let report = check_paths(paths);
    let language = lang.or(report.language).unwrap_or_default();
    match format {
        Format::Text => {
            print_out(&check_report::to_text(&report, language));
            say_inline!("{}", check_report::errors_text(&report));
            print_out(&check_report::verdict(&report, language));
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
fn week_report(
    workspace: &Path,
    week: Option<IsoWeek>,
    lang: Option<Language>,
) -> Result<LoadedReport, ExitCode> {
    let mut loaded = load_report(workspace, week).map_err(|errors| {
        for error in &errors {
            say!("error: {error}");
        }
        say!(
            "Run `opsdeck check {}` for the whole picture.",
            workspace.display()
        );
        ExitCode::FAILURE
    })?;
    speak(&mut loaded.workspace.settings, lang);
    for warning in &loaded.warnings {
        warn(warning, loaded.workspace.settings.language);
    }
    Ok(loaded)
}

fn kpis(
    workspace: &Path,
    week: Option<IsoWeek>,
    format: KpiFormat,
    Style {
        lang,
        colour,
        excel,
    }: Style,
) -> ExitCode {
    let loaded = match week_report(workspace, week, lang) {
        Ok(found) => found,
        Err(code) => return code,
    };
    let report = &loaded.report;
    let settings = &loaded.workspace.settings;
    let text = match format {
        KpiFormat::Table => {
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
        KpiFormat::Csv => {
            print_csv(&kpis_csv::to_csv(report, settings), excel);
            leave_at_exit(loaded);
            return ExitCode::SUCCESS;
        }
        KpiFormat::Md => kpis_md::to_markdown(report, settings),
        KpiFormat::Xlsx => {
            let code = print_workbook(&workbook::kpis_sheets(report, settings));
            leave_at_exit(loaded);
            return code;
        }
    };
    print_out(&text);
    leave_at_exit(loaded);
    ExitCode::SUCCESS
}

fn prep(workspace: &Path, week: Option<IsoWeek>, all: bool, lang: Option<Language>) -> ExitCode {
    let loaded = match week_report(workspace, week, lang) {
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
        event_loop::read_now().wall.date_naive(),
        all,
    ));
    leave_at_exit(loaded);
    ExitCode::SUCCESS
}

/// Leaves `value` to the operating system: the process is about to exit,
/// and freeing the figures of a large catalogue would only delay it.
pub(crate) fn leave_at_exit<T>(value: T) {
    std::mem::forget(value);
}

/// Last meeting's actions still open.
fn open_actions(workspace: &Path, week: IsoWeek) -> Result<Vec<ActionItem>, ExitCode> {
    crate::session::open_actions(workspace, week).map_err(|error| {
        say!("error: {error}");
        ExitCode::FAILURE
    })
}

fn minutes(file: &Path, format: MinutesFormat, lang: Option<Language>) -> ExitCode {
    let (stored, raw) = match read_minutes_file(file) {
        Ok(read) => read,
        Err(error) => {
            say!("error: {error}");
            return ExitCode::FAILURE;
        }
    };
    let settings = file
        .parent()
        .and_then(Path::parent)
        .and_then(|root| crate::import::workspace::open_workspace(root).ok())
        .map(|w| w.settings);
    let currency = settings
        .as_ref()
        .map_or_else(|| "USD".to_owned(), |s| s.currency.clone());
    let language = lang.unwrap_or_else(|| settings.map_or_else(Default::default, |s| s.language));
    match format {
        MinutesFormat::Md => print_out(&crate::export::minutes_md::to_markdown(
            &stored, &raw, &currency, language,
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
    (open, overdue): (bool, bool),
    format: ActionsFormat,
    Style {
        lang,
        colour,
        excel,
    }: Style,
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
    let mut settings = crate::import::workspace::open_workspace(workspace)
        .map(|w| w.settings)
        .unwrap_or_default();
    speak(&mut settings, lang);
    let text = match format {
        ActionsFormat::Table => {
            print_coloured(&crate::export::actions::to_table(
                &shown,
                today,
                colour,
                settings.language,
            ));
            return ExitCode::SUCCESS;
        }
        ActionsFormat::Json => crate::export::actions::to_json(&shown, today, &meetings),
        ActionsFormat::Xlsx => {
            return print_workbook(&workbook::actions_sheets(&shown, today, settings.language));
        }
        ActionsFormat::Csv => {
            print_csv(&crate::export::actions::to_csv(&shown), excel);
            return ExitCode::SUCCESS;
        }
        ActionsFormat::Ics | ActionsFormat::IcsEvents | ActionsFormat::Asana => {
            if format != ActionsFormat::Asana {
                let name = format!("{} — actions", settings.title);
                let item = if format == ActionsFormat::Ics {
                    CalendarItem::Todo
                } else {
                    CalendarItem::Event
                };
                let id = workspace_id(&settings, &meetings);
                // Its values are cleaned as it is built; its CRLF line ends are part of the format.
                print_coloured(&to_ics(&shown, &name, &id, item));
                return ExitCode::SUCCESS;
            }
            let (csv, unassigned) = crate::export::asana::to_asana_csv(&shown, &settings);
            for owner in unassigned {
                say!(
                    "warning: {owner} has no e-mail address, so Asana cannot assign their tasks: \
                     add `email = \"…\"` under [people.{owner}] in opsdeck.toml"
                );
            }
            print_csv(&csv, excel);
            return ExitCode::SUCCESS;
        }
    };
    print_out(&text);
    ExitCode::SUCCESS
}

fn init(dir: &Path) -> ExitCode {
    // Where and when, hashed: an id no other workspace has.
    let seed = format!(
        "{}\n{:?}\n{}\n{}",
        dir.canonicalize()
            .unwrap_or_else(|_| dir.to_owned())
            .display(),
        std::time::SystemTime::now(),
        std::process::id(),
        gethostname::gethostname().to_string_lossy()
    );
    let id = crate::fetch::manifest::sha256(seed.as_bytes())[..12].to_owned();
    match init_workspace(dir, &id) {
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

/// The command as the user can run it again: `opsdeck` when that is on the
/// `PATH`, else this binary's own path (a build not installed).
pub(crate) fn command_name() -> String {
    let on_path = std::env::var_os("PATH")
        .is_some_and(|path| std::env::split_paths(&path).any(|dir| dir.join("opsdeck").is_file()));
    if on_path {
        return "opsdeck".to_owned();
    }
    std::env::current_exe().map_or_else(|_| "opsdeck".to_owned(), |exe| exe.display().to_string())
}

/// A warning on stderr, in `language`.
pub(crate) fn warn(warning: &Said, language: Language) {
    match language {
        Language::English => say!("warning: {}", warning.en),
        Language::Chinese => say!("警告：{}", warning.zh),
    }
}

/// The workspace's id: the one `opsdeck init` wrote, else one derived from
/// what every clone shares — the title and the first meeting's start.
fn workspace_id(settings: &Settings, meetings: &[Meeting]) -> String {
    if let Some(id) = &settings.workspace_id {
        return id.clone();
    }
    let first = meetings.iter().map(|m| m.started).min();
    let seed = format!(
        "{}\n{}",
        settings.title,
        first.map(|t| t.to_rfc3339()).unwrap_or_default()
    );
    crate::fetch::manifest::sha256(seed.as_bytes())[..12].to_owned()
}

/// How this run writes for people: its language, whether its tables are
/// coloured, and whether its CSV is made for a spreadsheet.
#[derive(Debug, Clone, Copy)]
struct Style {
    lang: Option<Language>,
    colour: bool,
    excel: bool,
}

/// CSV as a spreadsheet opens it right: a UTF-8 byte-order mark (Excel in
/// a Chinese locale reads it as UTF-8, not GBK) and CRLF line ends (RFC
/// 4180). No cell holds a line break (each is cleaned), so every `\n` ends
/// a record.
/// Writes a workbook to stdout, which must be a file or a pipe: its bytes
/// would garble a terminal.
fn print_workbook(sheets: &[workbook::Sheet]) -> ExitCode {
    if std::io::stdout().is_terminal() {
        say!(
            "error: a workbook is a file, not text for the terminal: redirect it, like \
             `{} kpis --format xlsx > kpis.xlsx`",
            command_name()
        );
        return ExitCode::from(2);
    }
    match workbook::workbook(sheets) {
        Ok(bytes) => {
            let mut stdout = std::io::stdout().lock();
            let _ = stdout.write_all(&bytes).and_then(|()| stdout.flush());
            ExitCode::SUCCESS
        }
        Err(error) => {
            say!("error: cannot make the workbook: {error}");
            ExitCode::FAILURE
        }
    }
}

/// Its cells are cleaned as they are written (`export::csv_row`), so the
/// CSV goes out as it is, its CRLF kept.
fn print_csv(csv: &str, excel: bool) {
    if excel {
        print_coloured(&format!("\u{feff}{}", csv.replace('\n', "\r\n")));
    } else {
        print_coloured(csv);
    }
}

/// `--lang`, when given, over the workspace's language.
pub(crate) fn speak(settings: &mut Settings, lang: Option<Language>) {
    if let Some(language) = lang {
        settings.language = language;
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
