//! Starting or resuming one meeting: finding the week, reading or creating
//! its minutes, taking the meeting's lock (or opening it view only), and
//! finding a recovery copy left by a failed save — all before a report is
//! read, so the cockpit can be on screen while the reports are read. Every
//! way it can fail is a `StartError` whose message says what to do.

pub mod lock;
pub mod recovery;
pub mod sent;

use std::fmt::{self, Write as _};
use std::path::{Path, PathBuf};
use std::time::Duration;

use crate::domain::action::ActionItem;
use crate::domain::agenda::Agenda;
use crate::domain::meeting::{Meeting, as_follow_ups};
use crate::domain::settings::{Language, Settings};
use crate::domain::timing::Now;
use crate::domain::week::{IsoWeek, MeetingWeek};
use crate::domain::words::{ERROR, Said, say};
use crate::import::error::{ImportError, whole_picture};
use crate::import::minutes::{minutes_path, previous_minutes, read_minutes};
use crate::import::weeks::{LoadedReport, load_report, week_to_review};
use crate::import::workspace::Workspace;

use lock::{Holder, LockToRetry, Locking, MeetingLock, lock_meeting};
use recovery::{find_recovery, restore_recovery};

/// How the cockpit was asked to open the meeting.
#[derive(Debug, Clone, Copy, Default)]
#[allow(clippy::struct_excessive_bools)] // independent command-line switches
pub struct StartOptions {
    pub week: Option<IsoWeek>,
    /// Continue a closed meeting (its closed minutes are kept as a copy).
    pub reopen: bool,
    /// Take a lock that names a cockpit on another machine.
    pub take_over: bool,
    /// Resume from the recovery copy of a failed save.
    pub recover: bool,
    /// Only read the meeting, taking no lock (to report problems where no cockpit can run).
    pub read_only: bool,
    /// Write the minutes even when the meeting's lock cannot be made.
    pub no_lock: bool,
}

/// Whether this cockpit may write the minutes.
#[derive(Debug)]
pub enum Access {
    /// This cockpit holds the meeting's lock (`None` when no lock could be
    /// made, as on a read-only disk, where no save will work either).
    Writer(Option<MeetingLock>),
    /// Another cockpit holds the meeting: this one only shows it.
    ViewOnly(Option<Holder>),
    /// The meeting's lock could not be made (a folder or another user's
    /// file at its name, a read-only folder, a planted link): this cockpit
    /// only shows it, unless `--no-lock` says to write without it; the
    /// lock is tried again while it runs, so a repair lets it write.
    Unlocked { why: String, retry: LockToRetry },
}

/// A meeting ready to run, its reports not read yet.
#[derive(Debug)]
pub struct Session {
    /// The workspace's settings and week folders.
    pub workspace: Workspace,
    /// The week the meeting reviews.
    pub week: IsoWeek,
    pub meeting: Meeting,
    /// The resumed meeting's agenda, with its sections' times.
    pub agenda: Option<Agenda>,
    pub minutes: PathBuf,
    pub access: Access,
    /// Things the facilitator must see on screen (a recovery copy, a lock that could not be made).
    pub notices: Vec<Said>,
    /// Whether last meeting's minutes went out within 24 hours of its end
    /// (`None`: no last meeting, or it is still open).
    pub last_minutes_sent_in_time: Option<bool>,
}

/// Why a meeting could not start.
#[derive(Debug)]
pub enum StartError {
    /// The workspace or its reports could not be read.
    Workspace {
        workspace: PathBuf,
        errors: Vec<ImportError>,
    },
    /// A minutes file (this meeting's or the last one's) does not read.
    Minutes(ImportError),
    /// The meeting was closed; `--reopen` continues it.
    Closed { week: IsoWeek, path: PathBuf },
    /// Something on disk refused a step that cannot be skipped.
    Disk { what: Said, error: std::io::Error },
}

impl StartError {
    /// What went wrong and what to do, in `language`, a line per problem.
    pub fn in_language(&self, language: Language) -> String {
        let error = ERROR.get(language);
        match self {
            StartError::Workspace { workspace, errors } => {
                let mut text = String::new();
                for problem in errors {
                    let _ = writeln!(text, "{error}{}", problem.in_language(language));
                }
                text + &whole_picture(workspace, language)
            }
            StartError::Minutes(problem) => {
                let then = say(
                    language,
                    "The minutes file was left untouched; fix it, or move it away to start the \
                     meeting afresh.",
                    "会议纪要文件保持原样；请修正它，或把它移走以重新开始会议。",
                );
                format!("{error}{}\n{then}", problem.in_language(language))
            }
            StartError::Closed { week, path } => {
                let shown = path.display();
                match language {
                    Language::English => format!(
                        "{error}the meeting of {week} is closed ({shown}); run again with \
                         --reopen to continue it (the closed minutes are kept as a copy)"
                    ),
                    Language::Chinese => format!(
                        "{error}{week} 的会议已结束（{shown}）；加上 --reopen 重新运行即可继续\
                         （已结束的纪要会保留一份副本）"
                    ),
                }
            }
            StartError::Disk { what, error: why } => {
                let colon = say(language, ": ", "：");
                format!("{error}{}{colon}{why}", what.get(language))
            }
        }
    }
}

impl fmt::Display for StartError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.in_language(Language::English))
    }
}

/// Opens the meeting on the week of `options` in `workspace` and reads its
/// reports, for a caller that has nothing to show meanwhile.
pub fn start_meeting(
    workspace: &Path,
    options: StartOptions,
    now: Now,
    confirm_take_over: impl FnOnce(&Holder) -> bool,
) -> Result<(Session, LoadedReport), StartError> {
    let session = open_meeting(workspace, options, now, confirm_take_over)?;
    let loaded = read_reports(workspace, options.week)?;
    Ok((session, loaded))
}

/// Reads the reports of the week `week` names (the newest when `None`).
pub fn read_reports(workspace: &Path, week: Option<IsoWeek>) -> Result<LoadedReport, StartError> {
    load_report(workspace, week).map_err(|errors| StartError::Workspace {
        workspace: workspace.to_owned(),
        errors,
    })
}

/// Opens the meeting on the week of `options` in `workspace` without
/// reading a report. `confirm_take_over` is asked before a lock held on
/// another machine is taken.
pub fn open_meeting(
    workspace: &Path,
    options: StartOptions,
    now: Now,
    confirm_take_over: impl FnOnce(&Holder) -> bool,
) -> Result<Session, StartError> {
    let (opened, week) =
        week_to_review(workspace, options.week).map_err(|errors| StartError::Workspace {
            workspace: workspace.to_owned(),
            errors,
        })?;
    let minutes = minutes_path(workspace, MeetingWeek::reviewing(week).meeting);
    let mut notices = Vec::new();
    let access = if options.read_only {
        Access::ViewOnly(None)
    } else {
        lock_access(&minutes, options, now, confirm_take_over, &mut notices)
    };
    let writer = matches!(access, Access::Writer(_));
    if let Some(copy) = find_recovery(&minutes) {
        if options.recover && writer {
            restore_recovery(&copy, &minutes).map_err(|error| StartError::Disk {
                what: Said::both(
                    format!(
                        "cannot bring back the recovery copy {} to {}",
                        copy.display(),
                        minutes.display()
                    ),
                    format!(
                        "无法把恢复副本 {} 还原到 {}",
                        copy.display(),
                        minutes.display()
                    ),
                ),
                error,
            })?;
        } else {
            let (workspace, copy) = (workspace.display(), copy.display());
            notices.push(Said::both(
                format!(
                    "Unsaved minutes of this meeting wait in a recovery copy: to resume from \
                     them, quit and run `opsdeck {workspace} --recover` (the copy: {copy})"
                ),
                format!(
                    "本次会议有未保存的纪要留在恢复副本中：要从中继续，请退出后运行 \
                     `opsdeck {workspace} --recover`（副本：{copy}）"
                ),
            ));
        }
    }
    let (meeting, agenda) = meeting_to_run(
        workspace,
        &minutes,
        week,
        &opened.settings,
        now,
        options.reopen && writer,
    )?;
    let last_minutes_sent_in_time = previous_minutes(workspace, meeting.week)
        .ok()
        .flatten()
        .and_then(|last| last.meeting.minutes_sent_in_time());
    Ok(Session {
        workspace: opened,
        week,
        meeting,
        agenda,
        minutes,
        access,
        notices,
        last_minutes_sent_in_time,
    })
}

/// Takes the meeting's lock, or says who has it.
fn lock_access(
    minutes: &Path,
    options: StartOptions,
    now: Now,
    confirm_take_over: impl FnOnce(&Holder) -> bool,
    notices: &mut Vec<Said>,
) -> Access {
    let path = minutes.with_extension("lock");
    let me = Holder::this_process(now.wall.to_rfc3339());
    let locked = minutes
        .parent()
        .map_or(Ok(()), std::fs::create_dir_all)
        .and_then(|()| lock_meeting(&path, &me, false));
    let locked = match locked {
        Ok(Locking::HeldOnOtherHost(holder)) if options.take_over && confirm_take_over(&holder) => {
            lock_meeting(&path, &me, true)
        }
        other => other,
    };
    match locked {
        Ok(Locking::Acquired(lock)) => Access::Writer(Some(lock)),
        Ok(Locking::Held(holder)) => Access::ViewOnly(holder),
        Ok(Locking::HeldOnOtherHost(holder)) => Access::ViewOnly(Some(holder)),
        Err(error) if options.no_lock => {
            let shown = path.display();
            notices.push(Said::both(
                format!(
                    "The meeting could not be locked ({shown}: {error}); written without the \
                     lock (--no-lock): a second cockpit on this week would not be stopped"
                ),
                format!(
                    "会议无法加锁（{shown}：{error}）；已不加锁写入（--no-lock）：本周的第二个\
                     驾驶舱不会被拦住"
                ),
            ));
            Access::Writer(None)
        }
        Err(error) => Access::Unlocked {
            why: format!("{}: {error}", path.display()),
            retry: LockToRetry { path, me },
        },
    }
}

/// The meeting to run: resumed from its minutes when they exist and are
/// open, a new one (following up last meeting's open actions) otherwise. A
/// closed meeting is reopened only when asked, keeping the closed version.
fn meeting_to_run(
    workspace: &Path,
    path: &Path,
    week: IsoWeek,
    settings: &Settings,
    now: Now,
    reopen: bool,
) -> Result<(Meeting, Option<Agenda>), StartError> {
    if !path.exists() {
        let follow_ups = open_actions(workspace, week).map_err(StartError::Minutes)?;
        return Ok((new_meeting(week, now, follow_ups, settings), None));
    }
    let stored = read_minutes(path).map_err(StartError::Minutes)?;
    if stored.meeting.ended.is_some() {
        if !reopen {
            return Err(StartError::Closed {
                week: stored.week(),
                path: path.to_owned(),
            });
        }
        let copy = path.with_extension("closed.toml");
        std::fs::copy(path, &copy).map_err(|error| StartError::Disk {
            what: Said::both(
                format!(
                    "cannot keep a copy of the closed minutes in {}",
                    copy.display()
                ),
                format!("无法在 {} 保留已结束纪要的副本", copy.display()),
            ),
            error,
        })?;
    }
    let target = Duration::from_secs(u64::from(settings.planned_minutes()) * 60);
    let saved: Vec<_> = stored
        .sections
        .iter()
        .map(|s| {
            (
                s.name.clone(),
                Duration::from_secs(s.planned_seconds),
                Duration::from_secs(s.actual_seconds),
            )
        })
        .collect();
    let agenda = Agenda::resumed(&saved, stored.current_section, target);
    let mut meeting = stored.meeting;
    meeting.ended = None;
    Ok((meeting, agenda))
}

/// A new meeting of a workspace with `settings`, reviewing `week` and
/// following up `follow_ups`: its facilitator and attendees as configured.
pub fn new_meeting(
    week: IsoWeek,
    now: Now,
    follow_ups: Vec<ActionItem>,
    settings: &Settings,
) -> Meeting {
    let mut meeting = Meeting::new(week, now.wall, follow_ups);
    meeting.facilitator.clone_from(&settings.facilitator);
    meeting.attendees.clone_from(&settings.attendees);
    meeting
}

/// The actions in play for the meeting that reviews `week`: once that
/// meeting has minutes, its own actions and last meeting's still open;
/// before, last meeting's open ones.
pub fn actions_in_play(workspace: &Path, week: IsoWeek) -> Result<Vec<ActionItem>, ImportError> {
    let path = minutes_path(workspace, MeetingWeek::reviewing(week).meeting);
    if !path.exists() {
        return open_actions(workspace, week);
    }
    let meeting = read_minutes(&path)?.meeting;
    Ok(meeting
        .actions
        .into_iter()
        .chain(meeting.follow_ups)
        .filter(|a| a.status.is_open())
        .collect())
}

/// Last meeting's actions still open, for the meeting that reviews `week`.
pub fn open_actions(workspace: &Path, week: IsoWeek) -> Result<Vec<ActionItem>, ImportError> {
    Ok(as_follow_ups(
        previous_minutes(workspace, MeetingWeek::reviewing(week).meeting)?
            .map(|m| m.open_actions())
            .unwrap_or_default(),
    ))
}
