//! `opsdeck send minutes|prep|digest`: the meeting's minutes, the pre-read's
//! summary, or the daily digest of overdue actions and those due tomorrow,
//! posted to the team's channels
//! (`[[channels]]` in `opsdeck.toml`, their webhooks in the credentials
//! file), or shown as they would be with `--dry-run`.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use chrono::NaiveDate;

use crate::domain::action_log::action_log;
use crate::domain::channel::{Channel, ChannelKind, People, Sent};
use crate::domain::settings::{Language, Settings};
use crate::domain::timing::Now;
use crate::domain::week::IsoWeek;
use crate::fetch::credentials::{Credentials, credentials_path, read_credentials};
use crate::fetch::manifest::sha256;
use crate::fetch::ureq_http::UreqHttp;
use crate::import::minutes::{minutes_path, previous_minutes, read_all_minutes, read_minutes};
use crate::import::sent_log::{read_sent_log, sent_log_path};
use crate::import::weeks::load_report;
use crate::import::workspace::open_workspace;
use crate::send::address::masked;
use crate::send::deliver::{Patience, post, request};
use crate::send::mail::deliver as deliver_mail;
use crate::send::message::{Message, digest_message, minutes_message};
use crate::send::pace::Pace;
use crate::send::prep_message::prep_message;
use crate::send::render::render;
use crate::session::open_actions;
use crate::session::sent::{record_in_log, record_sent};

/// What the command line asks of `send`.
#[derive(Debug, Clone, clap::Args)]
pub struct SendArgs {
    /// What to send: a meeting's minutes, or the digest of actions overdue or due tomorrow.
    #[arg(value_enum)]
    pub what: SendWhat,
    /// Workspace folder (default: the current folder).
    #[arg(default_value = ".")]
    pub workspace: PathBuf,
    /// The meeting's week, like 2026-W48 (default: the newest minutes); for
    /// `prep`, the week it reviews, like 2026-W47 (default: the newest).
    #[arg(long)]
    pub week: Option<IsoWeek>,
    /// Send to this channel only (a `name` of `[[channels]]`); again for more.
    #[arg(long = "to", value_name = "NAME")]
    pub to: Vec<String>,
    /// Print what would be sent, where, with the addresses masked; send nothing.
    #[arg(long)]
    pub dry_run: bool,
    /// Send the minutes again to a channel that already has them.
    #[arg(long)]
    pub resend: bool,
    /// How long to keep trying a throttled or failing channel: 90s, 5m.
    #[arg(long, default_value = "2m", value_parser = super::fetch::parse_wait)]
    pub wait: std::time::Duration,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum SendWhat {
    Minutes,
    /// The pre-read's summary (`--week`: the week it reviews).
    Prep,
    Digest,
}

impl SendWhat {
    /// Its name on the command line and in the record of what was sent.
    pub fn name(self) -> &'static str {
        match self {
            SendWhat::Minutes => "minutes",
            SendWhat::Prep => "prep",
            SendWhat::Digest => "digest",
        }
    }
}

macro_rules! fail {
    ($($arg:tt)*) => {{
        eprintln!("error: {}", format!($($arg)*));
        return ExitCode::FAILURE;
    }};
}

/// Sends what `args` ask at `now` (the local time: a digest's "tomorrow" is the team's).
pub fn send(args: &SendArgs, now: Now, lang: Option<Language>) -> ExitCode {
    let mut workspace = match open_workspace(&args.workspace) {
        Ok(workspace) => workspace,
        Err(error) => fail!("{error}"),
    };
    super::speak(&mut workspace.settings, lang);
    let settings = &workspace.settings;
    let channels = match chosen(&settings.channels, &args.to) {
        Ok(channels) => channels,
        Err(why) => fail!("{}: {why}", args.workspace.join("opsdeck.toml").display()),
    };
    let (what, message, record) = match message_for(args, settings, now.wall.date_naive()) {
        Ok(Some(found)) => found,
        Ok(None) => {
            println!("nothing is overdue or due tomorrow: nothing sent");
            return ExitCode::SUCCESS;
        }
        Err(why) => fail!("{why}"),
    };
    let credentials = match credentials(args.dry_run) {
        Ok(credentials) => credentials,
        Err(why) => fail!("{why}"),
    };
    let sending = Sending {
        args,
        what: &what,
        message: &message,
        before: &record.before,
        credentials: credentials.as_ref(),
        people: &settings.people,
        now,
    };
    let mut http = UreqHttp::new();
    let mut pace = Pace::default();
    let mut failed = 0;
    let mut delivered = Vec::new();
    for channel in channels {
        match sending.to(channel, &mut http, &mut pace) {
            Ok(Some(sent)) => delivered.push(sent),
            Ok(None) => {}
            Err(why) => {
                eprintln!("error: {} ({}): {why}", channel.name, channel.kind.name());
                failed += 1;
            }
        }
    }
    // The minutes keep what went where of them; the log, of the rest.
    let recorded = match (&record.minutes, delivered.is_empty()) {
        (_, true) => Ok(()),
        (Some(path), false) => record_sent(path, &delivered, now),
        (None, false) => record_in_log(&args.workspace, &delivered, now),
    };
    if let Err(why) = recorded {
        eprintln!("error: sent, but not recorded in the minutes: {why}");
        failed += 1;
    }
    if failed > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

/// One run of `send`: what goes to every channel chosen.
struct Sending<'a> {
    args: &'a SendArgs,
    what: &'a str,
    message: &'a Message,
    /// What the minutes say was sent before.
    before: &'a [Sent],
    credentials: Option<&'a Credentials>,
    people: &'a People,
    now: Now,
}

impl Sending<'_> {
    /// Sends to `channel` (or shows, in a dry run); what was sent, if anything.
    fn to(
        &self,
        channel: &Channel,
        http: &mut UreqHttp,
        pace: &mut Pace,
    ) -> Result<Option<Sent>, String> {
        let (name, kind) = (&channel.name, channel.kind.name());
        let rendered = render(channel.kind, self.message, self.people);
        // The same content gives the same digest: sent once per channel.
        let digest = sha256(rendered.body.to_string().as_bytes());
        let before = self
            .before
            .iter()
            .find(|s| s.channel == *name && s.what == self.args.what.name() && s.digest == digest);
        if let (Some(before), false) = (before, self.args.resend) {
            println!(
                "{name} ({kind}) has {} already, sent {}: nothing sent (--resend sends it again)",
                self.what, before.at
            );
            return Ok(None);
        }
        for owner in &rendered.unmapped {
            eprintln!(
                "warning: {name} ({kind}): {owner} is written as plain text: add `{kind} = \"…\"` under [people.{owner}] in opsdeck.toml to mention them"
            );
        }
        if self.args.dry_run {
            println!(
                "would send {} to {name} ({kind}, {}){}:",
                self.what,
                self.address(channel),
                cut_note(rendered.cut)
            );
            println!(
                "{}",
                serde_json::to_string_pretty(&rendered.body).unwrap_or_default()
            );
            return Ok(None);
        }
        let mut sleep = std::thread::sleep;
        let mut patience = Patience {
            left: self.args.wait,
            sleep: &mut sleep,
        };
        let now = self.now.wall.to_utc();
        if channel.kind == ChannelKind::Email {
            let server = self
                .credentials
                .and_then(|c| c.smtp.as_ref())
                .ok_or_else(|| {
                    "the credentials file has no [smtp] with the mail server's host and from"
                        .to_owned()
                })?;
            deliver_mail(server, &channel.to, &rendered.body, now, &mut patience)?;
        } else {
            let secrets = self
                .credentials
                .and_then(|c| c.channels.get(name))
                .ok_or_else(|| {
                    format!("the credentials file has no [channels.{name}] with its webhook url")
                })?;
            let request = request(channel.kind, secrets, &rendered.body, now)?;
            let wait = pace.before(secrets.url.expose(), channel.kind);
            if !wait.is_zero() {
                std::thread::sleep(wait);
            }
            post(http, channel.kind, &request, secrets, &mut patience)?;
        }
        println!(
            "sent {} to {name} ({kind}){}",
            self.what,
            cut_note(rendered.cut)
        );
        Ok(Some(Sent {
            channel: name.clone(),
            what: self.args.what.name().to_owned(),
            at: self.now.wall.to_rfc3339(),
            digest,
        }))
    }
}

impl Sending<'_> {
    /// Where `channel` is, as a dry run may show it: the webhook masked, or
    /// the mail's addresses and server.
    fn address(&self, channel: &Channel) -> String {
        if channel.kind == ChannelKind::Email {
            let server = self.credentials.and_then(|c| c.smtp.as_ref());
            return format!(
                "to {} through {}",
                channel.to.join(", "),
                server.map_or_else(
                    || "no [smtp] in the credentials file yet".to_owned(),
                    |s| format!("{}:{}", s.host.trim(), s.port())
                )
            );
        }
        self.credentials
            .and_then(|c| c.channels.get(&channel.name))
            .map_or_else(
                || "no webhook in the credentials file yet".to_owned(),
                |s| masked(s.url.expose()),
            )
    }
}

/// What is sent, in words, the message, and where its sending is recorded.
type ToSend = (String, Message, Record);

/// Where a run's sends are recorded, and what was sent before.
struct Record {
    /// The meeting's minutes, for its minutes; else the workspace's log.
    minutes: Option<PathBuf>,
    before: Vec<Sent>,
}

impl Record {
    /// The workspace's log of sent pre-reads and digests.
    fn log(workspace: &Path) -> Result<Self, String> {
        let log = read_sent_log(&sent_log_path(workspace)).map_err(|error| error.to_string())?;
        Ok(Self {
            minutes: None,
            before: log
                .sent
                .into_iter()
                .map(|row| Sent {
                    channel: row.channel,
                    what: row.what,
                    at: row.at,
                    digest: row.digest,
                })
                .collect(),
        })
    }
}

/// What `args` ask to send; `None` when a digest has nothing to say.
fn message_for(
    args: &SendArgs,
    settings: &Settings,
    today: NaiveDate,
) -> Result<Option<ToSend>, String> {
    let (team, language) = (settings.title.as_str(), settings.language);
    match args.what {
        SendWhat::Minutes => {
            let path = minutes_file(&args.workspace, args.week)?;
            let stored = read_minutes(&path).map_err(|error| error.to_string())?;
            let full = format!("opsdeck minutes {}", path.display());
            let what = format!("the minutes of {}", stored.meeting.week);
            let message = minutes_message(team, &stored.meeting, &full, language);
            let record = Record {
                minutes: Some(path),
                before: stored.meeting.sent,
            };
            Ok(Some((what, message, record)))
        }
        SendWhat::Prep => {
            let mut loaded = load_report(&args.workspace, args.week).map_err(|errors| {
                errors
                    .iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join("\n")
            })?;
            loaded.workspace.settings.language = language;
            let week = loaded.report.review.week;
            let open = open_actions(&args.workspace, week).map_err(|error| error.to_string())?;
            let full = format!("opsdeck prep {} --week {week}", args.workspace.display());
            let message = prep_message(&loaded.report, &loaded.workspace.settings, &open, &full);
            let record = Record::log(&args.workspace)?;
            Ok(Some((format!("the pre-read of {week}"), message, record)))
        }
        SendWhat::Digest => {
            let all = read_all_minutes(&args.workspace).map_err(|error| error.to_string())?;
            let meetings: Vec<_> = all.into_iter().map(|m| m.meeting).collect();
            let log = action_log(&meetings);
            let actions: Vec<_> = log.iter().map(|l| &l.action).collect();
            let full = format!("opsdeck actions {} --open", args.workspace.display());
            let Some(message) = digest_message(team, &actions, today, &full, language) else {
                return Ok(None);
            };
            let record = Record::log(&args.workspace)?;
            Ok(Some((format!("the digest of {today}"), message, record)))
        }
    }
}

fn cut_note(cut: usize) -> String {
    if cut == 0 {
        String::new()
    } else {
        format!(", {cut} lines left out to fit the channel")
    }
}

/// The channels `--to` names (every channel without it).
fn chosen<'a>(channels: &'a [Channel], to: &[String]) -> Result<Vec<&'a Channel>, String> {
    if channels.is_empty() {
        return Err(
            "no [[channels]]: add one with a name and a kind (see the README's Sending section)"
                .to_owned(),
        );
    }
    if to.is_empty() {
        return Ok(channels.iter().collect());
    }
    to.iter()
        .map(|name| {
            channels
                .iter()
                .find(|c| c.name.eq_ignore_ascii_case(name))
                .ok_or_else(|| {
                    let names: Vec<&str> = channels.iter().map(|c| c.name.as_str()).collect();
                    format!(
                        "--to {name} names no channel: the channels are {}",
                        names.join(", ")
                    )
                })
        })
        .collect()
}

/// The minutes of `week`'s meeting, else the newest.
fn minutes_file(workspace: &Path, week: Option<IsoWeek>) -> Result<PathBuf, String> {
    if let Some(week) = week {
        let path = minutes_path(workspace, week);
        return if path.is_file() {
            Ok(path)
        } else {
            Err(format!(
                "{}: no minutes of {week}'s meeting; hold the meeting first, or name another week",
                path.display()
            ))
        };
    }
    let newest = previous_minutes(workspace, IsoWeek::LAST).map_err(|error| error.to_string())?;
    newest
        .map(|stored| minutes_path(workspace, stored.meeting.week))
        .ok_or_else(|| {
            format!(
                "{}: no minutes yet; hold a meeting first",
                workspace.join("minutes").display()
            )
        })
}

/// The credentials file, which a dry run may do without.
fn credentials(dry_run: bool) -> Result<Option<Credentials>, String> {
    let path = credentials_path(|key| std::env::var(key).ok())
        .ok_or_else(|| "no credentials file: set $OPSDECK_CREDENTIALS or $HOME".to_owned())?;
    if dry_run && !path.exists() {
        return Ok(None);
    }
    read_credentials(&path)
        .map(Some)
        .map_err(|error| error.to_string())
}
