//! What a run of `send` sends: the minutes, the pre-read's summary or the
//! day's digest, made into a message, and where its sending is recorded
//! (the meeting's minutes, or the workspace's log) with what went before.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use super::{SendArgs, SendWhat};
use crate::domain::action_log::action_log;
use crate::domain::channel::Sent;
use crate::domain::settings::{Language, Settings};
use crate::domain::week::IsoWeek;
use crate::domain::words::Said;
use crate::export::minutes_md::to_markdown;
use crate::export::prep::to_prep;
use crate::import::error::ImportError;
use crate::import::minutes::{minutes_path, previous_minutes, read_all_minutes, read_minutes_file};
use crate::import::sent_log::{read_sent_log, sent_log_path};
use crate::import::weeks::load_report;
use crate::import::workspace::MINUTES_DIR;
use crate::send::message::{Message, digest_message, minutes_message};
use crate::send::prep_message::prep_message;
use crate::session::{actions_in_play, open_actions};

/// What is sent, in words, the message, and where its sending is recorded.
pub(super) type ToSend = (String, Message, Record);

/// Where a run's sends are recorded, and what was sent before.
pub(super) struct Record {
    /// The meeting's minutes, for its minutes; else the workspace's log.
    pub minutes: Option<PathBuf>,
    pub before: Vec<Sent>,
}

impl Record {
    /// The workspace's log of sent pre-reads and digests.
    fn log(workspace: &Path) -> Result<Self, Said> {
        let log = read_sent_log(&sent_log_path(workspace)).map_err(|error| error.said())?;
        Ok(Self {
            minutes: None,
            before: log.sent.iter().map(Sent::from).collect(),
        })
    }
}

/// What `args` ask to send; `None` when a digest has nothing to say.
pub(super) fn message_for(
    args: &SendArgs,
    settings: &Settings,
    today: NaiveDate,
) -> Result<Option<ToSend>, Said> {
    let (team, language) = (settings.title.as_str(), settings.language);
    match args.what {
        SendWhat::Minutes => {
            let path = minutes_file(&args.workspace, args.week)?;
            let (stored, raw) = read_minutes_file(&path).map_err(|error| error.said())?;
            let full = format!("opsdeck minutes {}", path.display());
            let week = stored.meeting.week;
            let what = match language {
                Language::English => format!("the minutes of {week}"),
                Language::Chinese => format!("{week} 的会议纪要"),
            };
            let mut message = minutes_message(team, &stored.meeting, &full, language);
            message.document = Some(to_markdown(&stored, &raw, &settings.currency, language));
            let record = Record {
                minutes: Some(path),
                before: stored.meeting.sent,
            };
            Ok(Some((what, message, record)))
        }
        SendWhat::Prep => {
            let mut loaded = load_report(&args.workspace, args.week).map_err(|errors| {
                let said: Vec<Said> = errors.iter().map(ImportError::said).collect();
                Said::both(
                    said.iter()
                        .map(|s| s.en.as_str())
                        .collect::<Vec<_>>()
                        .join("\n"),
                    said.iter()
                        .map(|s| s.zh.as_str())
                        .collect::<Vec<_>>()
                        .join("\n"),
                )
            })?;
            loaded.workspace.settings.language = language;
            let week = loaded.report.review.week;
            let open = open_actions(&args.workspace, week).map_err(|error| error.said())?;
            let full = format!("opsdeck prep {} --week {week}", args.workspace.display());
            let mut message =
                prep_message(&loaded.report, &loaded.workspace.settings, &open, &full);
            let in_play = actions_in_play(&args.workspace, week).map_err(|error| error.said())?;
            message.document = Some(to_prep(
                &loaded.report,
                &loaded.workspace.settings,
                &open,
                &in_play,
                today,
                false,
            ));
            let record = Record::log(&args.workspace)?;
            let what = match language {
                Language::English => format!("the pre-read of {week}"),
                Language::Chinese => format!("{week} 的会前预读"),
            };
            Ok(Some((what, message, record)))
        }
        SendWhat::Digest => {
            let all = read_all_minutes(&args.workspace).map_err(|error| error.said())?;
            let meetings: Vec<_> = all.into_iter().map(|m| m.meeting).collect();
            let log = action_log(&meetings);
            let actions: Vec<_> = log.iter().map(|l| &l.action).collect();
            let full = format!("opsdeck actions {} --open", args.workspace.display());
            let Some(message) = digest_message(team, &actions, today, &full, language) else {
                return Ok(None);
            };
            let record = Record::log(&args.workspace)?;
            let what = match language {
                Language::English => format!("the digest of {today}"),
                Language::Chinese => format!("{today} 的待办提醒"),
            };
            Ok(Some((what, message, record)))
        }
    }
}

/// The minutes of `week`'s meeting, else the newest.
fn minutes_file(workspace: &Path, week: Option<IsoWeek>) -> Result<PathBuf, Said> {
    if let Some(week) = week {
        let path = minutes_path(workspace, week);
        return if path.is_file() {
            Ok(path)
        } else {
            let shown = path.display();
            Err(Said::both(
                format!(
                    "{shown}: no minutes of {week}'s meeting; hold the meeting first, or name \
                     another week"
                ),
                format!("{shown}：没有 {week} 的会议纪要；请先开会，或换一周"),
            ))
        };
    }
    let newest = previous_minutes(workspace, IsoWeek::LAST).map_err(|error| error.said())?;
    newest
        .map(|stored| minutes_path(workspace, stored.meeting.week))
        .ok_or_else(|| {
            let shown = workspace.join(MINUTES_DIR);
            let shown = shown.display();
            Said::both(
                format!("{shown}: no minutes yet; hold a meeting first"),
                format!("{shown}：还没有会议纪要；请先开会"),
            )
        })
}
