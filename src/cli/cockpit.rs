//! The cockpit as a command: opening the meeting while its reports are
//! read, the terminal taken and given back, how the meeting ended and where
//! its minutes are (a recovery copy when they could not be saved), and the
//! demo on a fresh copy of the sample workspace.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Duration;

use super::ending::report_ending;
use super::send::{SendArgs, SendWhat, send};
use super::{CockpitArgs, ThemeArg, command_name, fail, language_of, leave_at_exit, warn};
use crate::app::App;
use crate::domain::settings::{Language, Settings, ThemeName};
use crate::domain::timing::Now;
use crate::domain::untrusted::clean;
use crate::domain::words::{Said, say};
use crate::event_loop;
use crate::event_loop::reading::Reader;
use crate::event_loop::signals::Signals;
use crate::event_loop::{Ending, Finished, Wakes};
use crate::export::demo::write_demo_workspace;
use crate::import::minutes::minutes_path;
use crate::session::lock::Holder;
use crate::session::{Access, StartOptions, open_meeting, start_meeting};

pub fn cockpit(args: &CockpitArgs, lang: Option<Language>) -> ExitCode {
    cockpit_with(args, Vec::new(), lang)
}

/// The cockpit, with `notices` shown under its header for the whole meeting.
fn cockpit_with(args: &CockpitArgs, notices: Vec<Said>, lang: Option<Language>) -> ExitCode {
    let workspace = args.workspace.clone().unwrap_or_else(|| PathBuf::from("."));
    let terminal = std::io::stdout().is_terminal();
    let options = start_options(args, terminal);
    let now = event_loop::read_now();
    if !terminal {
        return without_terminal(&workspace, options, now, lang);
    }
    let asked = language_of(lang, &workspace);
    let confirm = |holder: &Holder| confirm_take_over(holder, asked);
    let mut session = match open_meeting(&workspace, options, now, confirm) {
        Ok(session) => session,
        Err(error) => {
            say!("{}", error.in_language(asked));
            return ExitCode::FAILURE;
        }
    };
    // The week is resolved once, by the session; the reports of that week
    // are read while the cockpit runs, whatever lands in the workspace meanwhile.
    let wakes = Wakes::new();
    let reader = Reader::start(workspace.clone(), Some(session.week), wakes.sender());
    let settings = &mut session.workspace.settings;
    choose_for_this_run(settings, args, lang);
    let language = settings.language;
    say_notices(&session.notices, language);
    let save_as = default_save_as(&session.minutes);
    let notices = notices
        .into_iter()
        .chain(session.notices)
        .map(|notice| notice.get(language).clone())
        .collect();
    let mut app = App::reading(
        session.workspace.settings.clone(),
        session.week,
        session.meeting,
        session.agenda,
        now,
    )
    .with_notices(notices)
    .with_last_minutes_sent_in_time(session.last_minutes_sent_in_time)
    .with_save_as(save_as);
    let mut retry = None;
    match &session.access {
        Access::ViewOnly(holder) => app = app.view_only(describe_holder(holder.as_ref(), language)),
        Access::Unlocked { why, retry: lock } => {
            (app, retry) = (app.view_only_unlocked(why.clone()), Some(lock.clone()));
        }
        Access::Writer(_) => {}
    }
    let signals = match Signals::catch() {
        Ok(signals) => signals,
        Err(error) => {
            return fail(
                language,
                &Said::both(
                    format!("cannot catch the signals that end a meeting: {error}"),
                    format!("无法接收结束会议的信号：{error}"),
                ),
            );
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
            return fail(
                language,
                &Said::both(
                    format!("the terminal cannot be used: {error}"),
                    format!("终端无法使用：{error}"),
                ),
            );
        }
    };
    let mut finished = event_loop::run(
        &mut terminal,
        app,
        session.minutes,
        &signals,
        wakes,
        Some(reader),
        retry,
    );
    restore_terminal();
    // Restored above; its own drop would try again and complain on a closed window.
    std::mem::forget(terminal);
    // The last save is done: another cockpit may take the meeting now.
    drop(session.access);
    drop(finished.lock.take());
    for warning in &finished.warnings {
        warn(warning, finished.app.settings().language);
    }
    let code = report_ending(&workspace, &finished);
    send_on_close(&workspace, &finished);
    leave_at_exit(finished);
    code
}

/// A meeting closed and saved where it belongs goes to `[send] on_close`;
/// a failure is said (`opsdeck send minutes` tries again) and changes
/// nothing of the meeting or of how the cockpit ends.
fn send_on_close(workspace: &Path, finished: &Finished) {
    let app = &finished.app;
    let meeting = app.meeting();
    let channels = &app.settings().send_on_close;
    let saved_home = finished.minutes == minutes_path(workspace, meeting.week);
    let closed = matches!(finished.ending, Ending::Quit) && meeting.ended.is_some();
    if channels.is_empty()
        || !closed
        || !saved_home
        || finished.save_error.is_some()
        || app.holder().is_some()
    {
        return;
    }
    let args = SendArgs {
        what: SendWhat::Minutes,
        workspace: workspace.to_owned(),
        week: Some(meeting.week),
        to: channels.clone(),
        dry_run: false,
        resend: false,
        // A few seconds at most: quitting waits for nothing longer.
        wait: Duration::from_secs(6),
    };
    let language = app.settings().language;
    let zh = language == Language::Chinese;
    if zh {
        say!("正在把会议纪要发送到 {}……", channels.join(", "));
    } else {
        say!("Sending the minutes to {}…", channels.join(", "));
    }
    if send(&args, event_loop::read_now(), Some(language)) != ExitCode::SUCCESS {
        let again = format!(
            "{} send minutes {} --week {}",
            command_name(),
            workspace.display(),
            meeting.week
        );
        if zh {
            say!("会议纪要已保存；重新发送：{again}");
        } else {
            say!("The minutes are saved; to send them again: {again}");
        }
    }
}

/// How the command line asks to open the meeting; without a terminal, only to read it.
fn start_options(args: &CockpitArgs, terminal: bool) -> StartOptions {
    StartOptions {
        week: args.week,
        reopen: args.reopen,
        take_over: args.take_over,
        recover: args.recover,
        read_only: !terminal,
        no_lock: args.no_lock,
    }
}

/// The session's notices on stderr, in `language`.
fn say_notices(notices: &[Said], language: Language) {
    for notice in notices {
        say!(
            "{}{}",
            say(language, "notice: ", "提示："),
            clean(notice.get(language))
        );
    }
}

/// What the command line chooses over the workspace for this run: the
/// language, the bell and the theme.
fn choose_for_this_run(settings: &mut Settings, args: &CockpitArgs, lang: Option<Language>) {
    super::speak(settings, lang);
    settings.bell |= args.bell;
    if let Some(theme) = args.theme {
        settings.theme = match theme {
            ThemeArg::Dark => ThemeName::Dark,
            ThemeArg::Light => ThemeName::Light,
            ThemeArg::HighContrast => ThemeName::HighContrast,
        };
    }
}

/// Without a terminal the cockpit cannot run: the meeting is opened view
/// only and its reports read, to say what is wrong with them, then it says
/// where to turn instead.
fn without_terminal(
    workspace: &Path,
    options: StartOptions,
    now: Now,
    lang: Option<Language>,
) -> ExitCode {
    let asked = language_of(lang, workspace);
    let confirm = |holder: &Holder| confirm_take_over(holder, asked);
    let (session, loaded) = match start_meeting(workspace, options, now, confirm) {
        Ok(started) => started,
        Err(error) => {
            say!("{}", error.in_language(asked));
            return ExitCode::FAILURE;
        }
    };
    let language = lang.unwrap_or(loaded.workspace.settings.language);
    for warning in &loaded.warnings {
        warn(warning, language);
    }
    say_notices(&session.notices, language);
    let (command, shown) = (command_name(), workspace.display());
    fail(
        language,
        &Said::both(
            format!(
                "the cockpit needs a terminal; for text use `{command} kpis {shown}` or \
                 `{command} prep {shown}`"
            ),
            format!(
                "驾驶舱需要终端；纯文本请用 `{command} kpis {shown}` 或 `{command} prep {shown}`"
            ),
        ),
    )
}

/// Leaves raw mode and the alternate screen and shows the cursor; a
/// terminal that is gone is left alone.
fn restore_terminal() {
    let _ = crossterm::execute!(std::io::stdout(), crossterm::event::DisableBracketedPaste);
    let _ = ratatui::try_restore();
    let _ = crossterm::execute!(std::io::stdout(), crossterm::cursor::Show);
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

/// "on HOST by USER since Mon 10:02", for the view-only banner.
fn describe_holder(holder: Option<&Holder>, language: Language) -> String {
    let Some(holder) = holder else {
        return say(language, "by another cockpit", "（另一个驾驶舱）").to_owned();
    };
    let since = chrono::DateTime::parse_from_rfc3339(&holder.since).map_or_else(
        |_| holder.since.clone(),
        |t| match language {
            Language::English => t.format("%a %H:%M").to_string(),
            Language::Chinese => t.format("%m-%d %H:%M").to_string(),
        },
    );
    let (host, user) = (&holder.host, &holder.user);
    match language {
        Language::English => format!("on {host} by {user} since {since}"),
        Language::Chinese => format!("（主机 {host}，用户 {user}，自 {since} 起）"),
    }
}

/// Asks on the terminal before taking a meeting held on another machine.
fn confirm_take_over(holder: &Holder, language: Language) -> bool {
    let (host, user, since) = (
        clean(&holder.host),
        clean(&holder.user),
        clean(&holder.since),
    );
    let pid = holder.pid;
    match language {
        Language::English => say_inline!(
            "The meeting is open in opsdeck on {host} by {user} since {since} (pid {pid}). Take \
             it over? Do so only if that cockpit is closed — its later saves would be lost. [y/N] "
        ),
        Language::Chinese => say_inline!(
            "此会议已在 opsdeck 中打开（主机 {host}，用户 {user}，自 {since} 起，pid {pid}）。\
             要接管吗？只有在那个驾驶舱已关闭时才可接管——否则它之后的保存会丢失。[y/N] "
        ),
    }
    let mut answer = String::new();
    std::io::stdin().read_line(&mut answer).is_ok()
        && matches!(answer.trim(), "y" | "Y" | "yes" | "Yes" | "是")
}

pub fn demo(bell: bool, theme: Option<ThemeArg>, lang: Option<Language>) -> ExitCode {
    let name = format!("opsdeck-demo-{}", std::process::id());
    let root = match write_demo_workspace(&std::env::temp_dir(), &name) {
        Ok(root) => root,
        Err(error) => {
            return fail(
                lang.unwrap_or_default(),
                &Said::both(
                    format!("cannot write the demo workspace: {error}"),
                    format!("无法写出演示工作区：{error}"),
                ),
            );
        }
    };
    let zh = lang == Some(Language::Chinese);
    if zh {
        say!(
            "演示工作区：{}（示例数据的副本；用完请删除）",
            root.display()
        );
    } else {
        say!(
            "Demo workspace: {} (a copy of the sample; delete it when done)",
            root.display()
        );
    }
    let code = cockpit_with(
        &CockpitArgs {
            workspace: Some(root.clone()),
            week: None,
            bell,
            theme,
            reopen: false,
            take_over: false,
            recover: false,
            no_lock: false,
        },
        vec![Said::both(
            format!(
                "Demo: a copy of the sample workspace in {} — your captures go there",
                root.display()
            ),
            format!(
                "演示：示例工作区的副本在 {} — 记录的内容都写在那里",
                root.display()
            ),
        )],
        lang,
    );
    if zh {
        say!("演示工作区保留在 {}。", root.display());
    } else {
        say!("The demo workspace stays in {}.", root.display());
    }
    code
}
