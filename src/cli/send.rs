//! `opsdeck send minutes|prep|digest`: the meeting's minutes, the pre-read's
//! summary, or the daily digest of overdue actions and those due tomorrow,
//! posted to the team's channels
//! (`[[channels]]` in `opsdeck.toml`, their webhooks in the credentials
//! file), or shown as they would be with `--dry-run`.

use std::path::PathBuf;
use std::process::ExitCode;

use super::real_clock::RealClock;
use crate::domain::channel::{Channel, ChannelKind, People, Sent};
use crate::domain::settings::Language;
use crate::domain::timing::Now;
use crate::domain::week::IsoWeek;
use crate::domain::words::{Said, say};
use crate::fetch::clock::Clock;
use crate::fetch::credentials::{Credentials, credentials_path, read_credentials};
use crate::fetch::manifest::sha256;
use crate::fetch::ureq_http::UreqHttp;
use crate::import::workspace::{CONFIG_FILE, open_workspace};
use crate::send::address::masked;
use crate::send::deliver::{post, request};
use crate::send::mail::deliver as deliver_mail;
use crate::send::message::Message;
use crate::send::pace::Pace;
use crate::send::render::render;
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

mod what;

use what::message_for;

/// Sends what `args` ask at `now` (the local time: a digest's "tomorrow" is the team's).
pub fn send(args: &SendArgs, now: Now, lang: Option<Language>) -> ExitCode {
    let mut workspace = match open_workspace(&args.workspace) {
        Ok(workspace) => workspace,
        Err(error) => return super::fail(super::language_of(lang, &args.workspace), &error.said()),
    };
    super::speak(&mut workspace.settings, lang);
    let settings = &workspace.settings;
    let language = settings.language;
    let channels = match chosen(&settings.channels, &args.to) {
        Ok(channels) => channels,
        Err(why) => {
            let config = args.workspace.join(CONFIG_FILE);
            return super::fail(
                language,
                &why.map(|why| format!("{}: {why}", config.display())),
            );
        }
    };
    let (what, message, record) = match message_for(args, settings, now.wall.date_naive()) {
        Ok(Some(found)) => found,
        Ok(None) => {
            println!(
                "{}",
                say(
                    settings.language,
                    "nothing is overdue or due tomorrow: nothing sent",
                    "没有逾期或明天到期的行动项：未发送"
                )
            );
            return ExitCode::SUCCESS;
        }
        Err(why) => return super::fail(language, &why),
    };
    let credentials = match credentials(args.dry_run) {
        Ok(credentials) => credentials,
        Err(why) => return super::fail(language, &why),
    };
    let sending = Sending {
        args,
        what: &what,
        message: &message,
        before: &record.before,
        credentials: credentials.as_ref(),
        people: &settings.people,
        language: settings.language,
        now,
    };
    let mut http = UreqHttp::new();
    let mut pace = Pace::default();
    // One `--wait` for the whole run, whichever channels spend it.
    let mut clock = RealClock::start(Some(args.wait));
    let mut failed = 0;
    let mut delivered = Vec::new();
    for channel in channels {
        match sending.to(channel, &mut http, &mut pace, &mut clock) {
            Ok(Some(sent)) => delivered.push(sent),
            Ok(None) => {}
            Err(why) => {
                let (name, kind) = (&channel.name, channel.kind.name());
                super::say_error(language, &why.map(|why| format!("{name} ({kind}): {why}")));
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
        super::say_error(
            language,
            &Said::both(
                format!("sent, but not recorded in the minutes: {why}"),
                format!("已发送，但未记入会议纪要：{why}"),
            ),
        );
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
    language: Language,
    now: Now,
}

impl Sending<'_> {
    /// Sends to `channel` (or shows, in a dry run); what was sent, if anything.
    fn to(
        &self,
        channel: &Channel,
        http: &mut UreqHttp,
        pace: &mut Pace,
        clock: &mut dyn Clock,
    ) -> Result<Option<Sent>, Said> {
        let (name, kind) = (&channel.name, channel.kind.name());
        let rendered = render(channel.kind, self.message, self.people);
        // The same content gives the same digest: sent once per channel.
        let digest = sha256(rendered.body.to_string().as_bytes());
        let before = self
            .before
            .iter()
            .find(|s| s.channel == *name && s.what == self.args.what.name() && s.digest == digest);
        let (what, zh) = (self.what, self.language == Language::Chinese);
        if let (Some(before), false) = (before, self.args.resend) {
            let at = &before.at;
            if zh {
                println!("{name} ({kind}) 已于 {at} 收到{what}：未发送（--resend 重新发送）");
            } else {
                println!(
                    "{name} ({kind}) has {what} already, sent {at}: nothing sent (--resend sends it again)"
                );
            }
            return Ok(None);
        }
        for owner in &rendered.unmapped {
            let unmapped = Said::both(
                format!(
                    "{name} ({kind}): {owner} is written as plain text: add `{kind} = \"…\"` \
                     under [people.{owner}] in opsdeck.toml to mention them"
                ),
                format!(
                    "{name} ({kind})：{owner} 以纯文本写出：在 opsdeck.toml 的 [people.{owner}] \
                     下加上 `{kind} = \"…\"` 即可提醒到此人"
                ),
            );
            super::warn(&unmapped, self.language);
        }
        let cut = cut_note(rendered.cut, self.language);
        if self.args.dry_run {
            let address = self.address(channel);
            if zh {
                println!("将把{what}发送到 {name} ({kind}, {address}){cut}：");
            } else {
                println!("would send {what} to {name} ({kind}, {address}){cut}:");
            }
            println!(
                "{}",
                serde_json::to_string_pretty(&rendered.body).unwrap_or_default()
            );
            return Ok(None);
        }

        let now = self.now.wall.to_utc();
        if channel.kind == ChannelKind::Email {
            let server = self
                .credentials
                .and_then(|c| c.smtp.as_ref())
                .ok_or_else(|| {
                    Said::both(
                        "the credentials file has no [smtp] with the mail server's host and from",
                        "凭据文件中没有写明邮件服务器 host 和 from 的 [smtp]",
                    )
                })?;
            deliver_mail(server, &channel.to, &rendered.body, now, clock)?;
        } else {
            let secrets = self
                .credentials
                .and_then(|c| c.channels.get(name))
                .ok_or_else(|| {
                    Said::both(
                        format!(
                            "the credentials file has no [channels.{name}] with its webhook url"
                        ),
                        format!("凭据文件中没有写明 webhook url 的 [channels.{name}]"),
                    )
                })?;
            let request = request(channel.kind, secrets, &rendered.body, now)?;
            let wait = pace.before(secrets.url.expose(), channel.kind);
            if !wait.is_zero() {
                std::thread::sleep(wait);
            }
            post(http, channel.kind, &request, secrets, clock)?;
        }
        if zh {
            println!("已把{what}发送到 {name} ({kind}){cut}");
        } else {
            println!("sent {what} to {name} ({kind}){cut}");
        }
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
        let l = self.language;
        if channel.kind == ChannelKind::Email {
            let server = self.credentials.and_then(|c| c.smtp.as_ref()).map_or_else(
                || {
                    say(
                        l,
                        "no [smtp] in the credentials file yet",
                        "凭据文件中还没有 [smtp]",
                    )
                    .to_owned()
                },
                |s| format!("{}:{}", s.host.trim(), s.port()),
            );
            let to = channel.to.join(", ");
            return match l {
                Language::English => format!("to {to} through {server}"),
                Language::Chinese => format!("收件人 {to}，经由 {server}"),
            };
        }
        self.credentials
            .and_then(|c| c.channels.get(&channel.name))
            .map_or_else(
                || {
                    say(
                        l,
                        "no webhook in the credentials file yet",
                        "凭据文件中还没有 webhook",
                    )
                    .to_owned()
                },
                |s| masked(s.url.expose()),
            )
    }
}

fn cut_note(cut: usize, language: Language) -> String {
    match (cut, language) {
        (0, _) => String::new(),
        (cut, Language::English) => format!(", {cut} lines left out to fit the channel"),
        (cut, Language::Chinese) => format!("，为适应频道省略了 {cut} 行"),
    }
}

/// The channels `--to` names (every channel without it).
fn chosen<'a>(channels: &'a [Channel], to: &[String]) -> Result<Vec<&'a Channel>, Said> {
    if channels.is_empty() {
        return Err(Said::both(
            "no [[channels]]: add one with a name and a kind (see the README's Sending section)",
            "没有 [[channels]]：请加上一个，写明 name 和 kind（见 README 的 Sending 一节）",
        ));
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
                    let names = names.join(", ");
                    Said::both(
                        format!("--to {name} names no channel: the channels are {names}"),
                        format!("--to {name} 不是频道名：频道有 {names}"),
                    )
                })
        })
        .collect()
}

/// The credentials file, which a dry run may do without.
fn credentials(dry_run: bool) -> Result<Option<Credentials>, Said> {
    let path = credentials_path(|key| std::env::var(key).ok()).ok_or_else(|| {
        Said::both(
            "no credentials file: set $OPSDECK_CREDENTIALS or $HOME",
            "没有凭据文件：请设置 $OPSDECK_CREDENTIALS 或 $HOME",
        )
    })?;
    if dry_run && !path.exists() {
        return Ok(None);
    }
    read_credentials(&path)
        .map(Some)
        .map_err(|error| error.said())
}
