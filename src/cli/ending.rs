//! How the cockpit's run ends, said on the terminal it leaves: a signal, a
//! lost terminal, a view-only cockpit, where the minutes were saved — or,
//! when they could not be, the recovery copy and how to bring it back — in
//! the team's language, with the command as the user can run it.

use std::path::Path;
use std::process::ExitCode;

use super::{command_name, report_errors, say_error};
use crate::app::SaveState;
use crate::domain::settings::Language;
use crate::domain::untrusted::clean;
use crate::domain::words::{Said, say};
use crate::event_loop::{Ending, Finished};
use crate::import::error::whole_picture;
use crate::session::recovery::write_recovery;

/// Says how the meeting ended and where its minutes are; writes a recovery
/// copy when they could not be saved. Returns the exit status.
pub fn report_ending(workspace: &Path, finished: &Finished) -> ExitCode {
    let app = &finished.app;
    let path = &finished.minutes;
    let code = |failed: bool| match &finished.ending {
        Ending::Signal(number) => ExitCode::from(u8::try_from(128 + number).unwrap_or(1)),
        Ending::TerminalLost(_) | Ending::ReadFailed(_) => ExitCode::FAILURE,
        Ending::Quit if failed => ExitCode::FAILURE,
        Ending::Quit => ExitCode::SUCCESS,
    };
    let zh = app.settings().language == Language::Chinese;
    match &finished.ending {
        Ending::Quit => {}
        Ending::Signal(number) if zh => say!("会议被信号 {number} 结束。"),
        Ending::Signal(number) => say!("The meeting was ended by signal {number}."),
        Ending::TerminalLost(error) => say_error(
            app.settings().language,
            &Said::both(
                format!("the terminal failed: {error}"),
                format!("终端失效：{error}"),
            ),
        ),
        Ending::ReadFailed(errors) => {
            let language = app.settings().language;
            report_errors(errors, language);
            say!(
                "{}{}",
                say(
                    language,
                    "The minutes were left as they were. ",
                    "会议纪要保持原样。"
                ),
                whole_picture(workspace, language)
            );
            return ExitCode::FAILURE;
        }
    }
    if let Some(holder) = app.holder() {
        if zh {
            say!(
                "只读：本驾驶舱没有保存任何内容；会议由 opsdeck {} 持有。",
                clean(holder)
            );
        } else {
            say!(
                "View only: this cockpit saved nothing; the meeting is kept by opsdeck {}.",
                clean(holder)
            );
        }
        return code(false);
    }
    if let Some(why) = app.lock_problem() {
        if zh {
            say!(
                "只读：会议无法加锁（{}），本驾驶舱没有保存任何内容。请先解决，或用 --no-lock 不加锁写入。",
                clean(why)
            );
        } else {
            say!(
                "View only: the meeting could not be locked ({}), so this cockpit saved nothing. \
                 Fix that, or run with --no-lock to write without the lock.",
                clean(why)
            );
        }
        return code(false);
    }
    let SaveState::Failed(_) = app.save_state() else {
        if zh {
            say!(
                "会议纪要已保存在 {0}。生成邮件：{1} minutes {0}",
                path.display(),
                command_name()
            );
        } else {
            say!(
                "Minutes saved in {0}. For the mail: {1} minutes {0}",
                path.display(),
                command_name()
            );
        }
        return code(false);
    };
    report_save_failure(workspace, finished, zh);
    code(true)
}

/// Says why the minutes could not be saved and writes the recovery copy
/// (or, failing that too, prints the minutes).
fn report_save_failure(workspace: &Path, finished: &Finished, zh: bool) {
    let (app, path) = (&finished.app, &finished.minutes);
    let reason = finished
        .save_error
        .as_ref()
        .map_or_else(|| "unknown error".to_owned(), ToString::to_string);
    let shown = path.display();
    say_error(
        app.settings().language,
        &Said::both(
            format!("the minutes could NOT be saved in {shown}: {reason}"),
            format!("会议纪要未能保存在 {shown}：{reason}"),
        ),
    );
    let minutes =
        crate::export::minutes::to_toml(app.meeting(), app.agenda(), app.report(), app.now());
    match write_recovery(path, minutes.as_bytes()) {
        Ok(copy) if zh => say!(
            "恢复副本保存了记录的全部内容：{}\n工作区可以写入后，用此命令恢复：{} {} --recover",
            copy.display(),
            command_name(),
            workspace.display()
        ),
        Ok(copy) => say!(
            "A recovery copy holds everything captured: {}\n\
             Once the workspace can be written again, bring it back with: {} {} --recover",
            copy.display(),
            command_name(),
            workspace.display()
        ),
        Err(error) => {
            if zh {
                say!("错误：恢复副本也无法写入（{error}）；会议纪要如下：\n");
            } else {
                say!(
                    "error: no recovery copy could be written either ({error}); the minutes follow:
"
                );
            }
            say!("{minutes}");
        }
    }
}
