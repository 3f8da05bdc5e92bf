//! The command line: its words (`cli/args.rs`, read by clap) and running
//! each command (the cockpit in `cli/cockpit.rs`, `fetch` in `cli/fetch.rs`).
//! Every failure prints one paragraph on stderr and gives a non-zero exit
//! status.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crate::domain::settings::{Language, Settings};
use crate::domain::untrusted::clean_document;
use crate::domain::words::{ERROR, Said, WARNING};
use crate::event_loop;
use crate::export::check_report;
use crate::export::init::init_workspace;
use crate::import::check::check_paths;
use crate::import::error::ImportError;

/// Writes a line to stderr, cleaned as stdout is: no control or bidi
/// character of a file name, a lock holder or a server's answer reaches the
/// terminal. A terminal that has gone away (a closed window) makes the write
/// fail; that must not turn a clean ending into a panic.
macro_rules! say {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
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
        use std::io::Write as _;
        let text = format!($($arg)*);
        let mut stderr = std::io::stderr();
        let _ = write!(stderr, "{}", $crate::domain::untrusted::clean_document(&text))
            .and_then(|()| stderr.flush());
    }};
}

// After the macros, which they use.
mod actions;
mod args;
mod cockpit;
mod documents;
mod ending;
mod fetch;
mod real_clock;
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
        }) => documents::kpis(&workspace, week, format, style),
        Some(Command::Prep {
            workspace,
            week,
            all,
        }) => documents::prep(&workspace, week, all, lang),
        Some(Command::Init { dir }) => init(&dir, lang.unwrap_or_default()),
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
                Err(error) => fail(
                    lang.unwrap_or_default(),
                    &Said::both(
                        format!("cannot write the manual page: {error}"),
                        format!("无法写出手册页：{error}"),
                    ),
                ),
            }
        }
        Some(Command::Run(args)) => cockpit::cockpit(&args, lang),
        Some(Command::Minutes { file, format }) => documents::minutes(&file, format, lang),
        Some(Command::Actions {
            workspace,
            owner,
            open,
            overdue,
            format,
        }) => actions::actions(&workspace, owner.as_deref(), (open, overdue), format, style),
        Some(Command::Demo { bell, theme }) => cockpit::demo(bell, theme, lang),
        Some(Command::Fetch(args)) => {
            fetch::fetch(&args, event_loop::read_now().wall.date_naive(), lang)
        }
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
                let command = command_name();
                say_error(
                    lang.unwrap_or_default(),
                    &Said::both(
                        format!(
                            "`{typed}` is neither a command nor a folder; did you mean \
                             `{command} {meant}`? (`{command} --help` lists the commands)"
                        ),
                        format!(
                            "`{typed}` 既不是命令也不是文件夹；是想输入 `{command} {meant}` 吗？\
                             （`{command} --help` 列出全部命令）"
                        ),
                    ),
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
            say_inline!("{}", check_report::errors_text(&report, language));
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

/// Leaves `value` to the operating system: the process is about to exit,
/// and freeing the figures of a large catalogue would only delay it.
pub(crate) fn leave_at_exit<T>(value: T) {
    std::mem::forget(value);
}

fn init(dir: &Path, language: Language) -> ExitCode {
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
    match init_workspace(dir, &id, language) {
        Ok(()) => {
            let shown = dir.display();
            print_out(&match language {
                Language::English => format!(
                    "Started a workspace in {shown}: edit opsdeck.toml, then drop Amazon's \
                     downloads into weeks/<ISO week>/ (for example weeks/2026-W47/).\n"
                ),
                Language::Chinese => format!(
                    "已在 {shown} 新建工作区：请编辑 opsdeck.toml，然后把亚马逊的下载放进 \
                     weeks/<ISO 周>/（例如 weeks/2026-W47/）。\n"
                ),
            });
            ExitCode::SUCCESS
        }
        Err(error) if error.kind() == std::io::ErrorKind::AlreadyExists => {
            let config = dir.join(crate::import::workspace::CONFIG_FILE);
            let shown = config.display();
            fail(
                language,
                &Said::both(
                    format!(
                        "{shown} already exists; opsdeck init never overwrites it (edit it, or \
                         init another folder)"
                    ),
                    format!(
                        "{shown} 已存在；opsdeck init 从不覆盖它（请编辑它，或在另一个文件夹中 init）"
                    ),
                ),
            )
        }
        Err(error) => {
            let shown = dir.display();
            fail(
                language,
                &Said::both(
                    format!("cannot start a workspace in {shown}: {error}"),
                    format!("无法在 {shown} 新建工作区：{error}"),
                ),
            )
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

/// The language this run tells `workspace`'s problems in: `--lang`, else
/// what its `opsdeck.toml` asks for, even when that file has an error.
pub(crate) fn language_of(lang: Option<Language>, workspace: &Path) -> Language {
    lang.or_else(|| {
        crate::import::config::stated_language(
            &workspace.join(crate::import::workspace::CONFIG_FILE),
        )
    })
    .unwrap_or_default()
}

/// An error line on stderr, in `language`.
pub(crate) fn say_error(language: Language, why: &Said) {
    say!("{}{}", ERROR.get(language), why.get(language));
}

/// Says on stderr why the command stops, in `language`, and gives the
/// failing exit status.
pub(crate) fn fail(language: Language, why: &Said) -> ExitCode {
    say_error(language, why);
    ExitCode::FAILURE
}

/// Problems with files on stderr, each `error: path:line:column: …`, in `language`.
pub(crate) fn report_errors(errors: &[ImportError], language: Language) {
    for error in errors {
        say!("{}{}", ERROR.get(language), error.in_language(language));
    }
}

/// A warning on stderr, in `language`.
pub(crate) fn warn(warning: &Said, language: Language) {
    say!("{}{}", WARNING.get(language), warning.get(language));
}

/// How this run writes for people: its language, whether its tables are
/// coloured, and whether its CSV is made for a spreadsheet.
#[derive(Debug, Clone, Copy)]
struct Style {
    lang: Option<Language>,
    colour: bool,
    excel: bool,
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
