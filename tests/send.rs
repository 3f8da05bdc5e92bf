//! `opsdeck send minutes` against a stand-in for each chat webhook on this
//! machine (Feishu, WeCom, DingTalk, Slack): the body each contract asks
//! for, the signature, the mention form, the channel's verdict; a failing
//! channel is reported in its own words and the others still get the
//! message; no address or secret is ever shown.

#![allow(clippy::unwrap_used)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

mod support;

use support::smtp_sink::{Mail, SmtpSink};
use support::stand_in::{Asked, Reply, StandIn};
use support::workspace;

/// The secret parts of the channels' addresses and their signing secrets.
const SECRETS: [&str; 7] = [
    "SMTPPASSWORD",
    "FEISHUTOKEN",
    "FEISHUSECRET",
    "WECOMKEY",
    "DINGTOKEN",
    "DINGSECRET",
    "SLACKTOKEN",
];

const CHANNELS: &str = r#"
[[channels]]
name = "feishu-team"
kind = "feishu"

[[channels]]
name = "wecom-team"
kind = "wecom"

[[channels]]
name = "ding-team"
kind = "dingtalk"

[[channels]]
name = "slack-team"
kind = "slack"

[[channels]]
name = "mail-team"
kind = "email"
to = ["ops@example.com"]

[people.Wei]
feishu = "ou_wei"
wecom = "wei"
dingtalk = "13800000000"
slack = "U024BE7LH"
email = "wei@example.com"
"#;

/// What each channel's stand-in checks before it says "ok".
fn answer(asked: &Asked) -> Reply {
    let body: serde_json::Value = serde_json::from_str(&asked.body).unwrap_or_default();
    if asked.path.starts_with("/open-apis/bot/v2/hook/FEISHUTOKEN") {
        let timestamp: i64 = body["timestamp"].as_str().unwrap_or("0").parse().unwrap();
        let signed =
            body["sign"].as_str() == Some(&opsdeck::send::sign::feishu(timestamp, "FEISHUSECRET"));
        let card = body["msg_type"] == "interactive"
            && body["card"]["body"]["elements"][0]["content"]
                .as_str()
                .is_some_and(|md| md.contains("<at id=ou_wei></at>"));
        return if signed && card {
            Reply::json(200, r#"{"code":0,"msg":"success","data":{}}"#)
        } else {
            Reply::json(
                200,
                r#"{"code":19021,"msg":"sign match fail or timestamp is not within one hour from current time"}"#,
            )
        };
    }
    if asked.path == "/cgi-bin/webhook/send?key=WECOMKEY" {
        let content = body["markdown"]["content"].as_str().unwrap_or_default();
        return if body["msgtype"] == "markdown"
            && content.contains("<@wei>")
            && content.len() <= 4096
        {
            Reply::json(200, r#"{"errcode":0,"errmsg":"ok"}"#)
        } else {
            Reply::json(
                200,
                r#"{"errcode":40058,"errmsg":"markdown.content exceed max length 4096"}"#,
            )
        };
    }
    if asked
        .path
        .starts_with("/robot/send?access_token=DINGTOKEN&timestamp=")
    {
        let query = asked.path.split_once('?').unwrap().1;
        let value = |key: &str| {
            query
                .split('&')
                .find_map(|pair| pair.strip_prefix(&format!("{key}=")))
                .unwrap_or_default()
                .to_owned()
        };
        let millis: i64 = value("timestamp").parse().unwrap();
        let signed = value("sign") == opsdeck::send::sign::dingtalk(millis, "DINGSECRET");
        let at = body["at"]["atMobiles"][0] == "13800000000"
            && body["markdown"]["text"]
                .as_str()
                .is_some_and(|text| text.contains("@13800000000"));
        return if signed && at {
            Reply::json(200, r#"{"errcode":0,"errmsg":"ok"}"#)
        } else {
            Reply::json(200, r#"{"errcode":310000,"errmsg":"sign not match"}"#)
        };
    }
    if asked.path == "/services/T0/B0/SLACKTOKEN" {
        return if body["blocks"][0]["type"] == "header" && body["text"].is_string() {
            Reply::with(200, &[], "ok")
        } else {
            Reply::with(400, &[], "invalid_blocks")
        };
    }
    Reply::with(404, &[], "no_service")
}

/// What the contract asks of a mail: the envelope, `multipart/alternative`
/// with plain text first and HTML last, the owner in copy and bold, CRLF
/// line ends, no line over 998 characters, and the login it was sent with.
fn check_mail(mail: &Mail) {
    assert_eq!(mail.from, "<opsdeck@example.com>");
    assert!(
        mail.to.contains(&"<ops@example.com>".to_owned()),
        "{:?}",
        mail.to
    );
    assert!(
        mail.to.contains(&"<wei@example.com>".to_owned()),
        "Wei in copy: {:?}",
        mail.to
    );
    assert_eq!(mail.auth, "\0opsdeck\0SMTPPASSWORD");
    let data = &mail.data;
    assert!(!data.replace("\r\n", "").contains('\n'), "CRLF only");
    assert!(data.split("\r\n").all(|line| line.len() <= 998));
    let header = |name: &str| {
        data.split("\r\n")
            .find(|line| line.to_ascii_lowercase().starts_with(&format!("{name}:")))
            .unwrap_or_else(|| panic!("no {name}: header in\n{data}"))
            .to_owned()
    };
    for name in [
        "from",
        "to",
        "cc",
        "subject",
        "date",
        "message-id",
        "mime-version",
    ] {
        header(name);
    }
    assert!(header("cc").contains("wei@example.com"));
    assert!(
        header("content-type").contains("multipart/alternative"),
        "{data}"
    );
    let plain = data.find("text/plain").unwrap();
    let html = data.find("text/html").unwrap();
    assert!(plain < html, "plain text first, HTML last");
    assert!(
        header("subject").is_ascii(),
        "an encoded subject: {}",
        header("subject")
    );
}

/// A stand-in for each chat, a mail sink, and the credentials that point at them.
fn every_channel(dir: &Path) -> (StandIn, SmtpSink, PathBuf) {
    let chats = StandIn::start(answer);
    let sink = SmtpSink::start(0);
    let credentials = credentials(dir, &chats.url(), "/services/T0/B0/SLACKTOKEN", sink.port);
    (chats, sink, credentials)
}

fn credentials(dir: &Path, base: &str, slack_path: &str, smtp: u16) -> PathBuf {
    let path = dir.join("credentials.toml");
    std::fs::write(
        &path,
        format!(
            r#"
[channels.feishu-team]
url = "{base}/open-apis/bot/v2/hook/FEISHUTOKEN"
secret = "FEISHUSECRET"

[channels.wecom-team]
url = "{base}/cgi-bin/webhook/send?key=WECOMKEY"

[channels.ding-team]
url = "{base}/robot/send?access_token=DINGTOKEN"
secret = "DINGSECRET"

[channels.slack-team]
url = "{base}{slack_path}"

[smtp]
host = "127.0.0.1"
port = {smtp}
tls = "none"
user = "opsdeck"
password = "SMTPPASSWORD"
from = "opsdeck@example.com"
"#
        ),
    )
    .unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600)).unwrap();
    }
    path
}

fn send(args: &[&str], credentials: &Path) -> Output {
    let output = Command::new(env!("CARGO_BIN_EXE_opsdeck"))
        .args(args)
        .env("OPSDECK_CREDENTIALS", credentials)
        .output()
        .unwrap();
    for text in [&output.stdout, &output.stderr] {
        let text = String::from_utf8_lossy(text);
        for secret in SECRETS {
            assert!(!text.contains(secret), "{secret} shown:\n{text}");
        }
    }
    output
}

/// `opsdeck send minutes` of the workspace at `root` to the channels named, with `extra` arguments.
fn send_minutes_to(root: &Path, channels: &[&str], extra: &[&str], credentials: &Path) -> Output {
    let mut args = vec!["send", "minutes", root.to_str().unwrap()];
    for channel in channels {
        args.extend(["--to", channel]);
    }
    args.extend(extra);
    send(&args, credentials)
}

fn workspace_with_channels() -> (tempfile::TempDir, PathBuf) {
    let (dir, root) = workspace();
    let config = root.join("opsdeck.toml");
    let text = std::fs::read_to_string(&config).unwrap() + CHANNELS;
    std::fs::write(&config, text).unwrap();
    (dir, root)
}

#[test]
fn the_minutes_reach_every_channel_signed_and_with_owners_mentioned() {
    let (dir, root) = workspace_with_channels();
    let (chats, sink, credentials) = every_channel(dir.path());
    let workspace = root.to_str().unwrap();
    let output = send(&["send", "minutes", workspace], &credentials);
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{stdout}\n{stderr}");
    for channel in [
        "feishu-team",
        "wecom-team",
        "ding-team",
        "slack-team",
        "mail-team",
    ] {
        assert!(
            stdout.contains(&format!("sent the minutes of 2026-W47 to {channel}")),
            "{stdout}"
        );
    }
    let asked = chats.requests();
    assert_eq!(asked.len(), 4, "one message a chat");
    let mails = sink.mails();
    assert_eq!(mails.len(), 1, "one mail");
    check_mail(&mails[0]);
    let slack = asked
        .iter()
        .find(|a| a.path.starts_with("/services/"))
        .unwrap();
    assert!(
        slack.body.contains("<@U024BE7LH>"),
        "Wei is mentioned: {}",
        slack.body
    );
    // An owner with no id for a channel is named, with the key to add.
    assert!(
        stderr.contains("Marco is written as plain text: add `slack = \"…\"` under [people.Marco]"),
        "{stderr}"
    );
    // The minutes record what went where; the same minutes are not sent twice.
    let minutes = std::fs::read_to_string(root.join("minutes/2026-W47.toml")).unwrap();
    assert_eq!(minutes.matches("[[sent]]").count(), 5, "{minutes}");
    let again = send(&["send", "minutes", workspace], &credentials);
    assert!(again.status.success());
    assert_eq!(chats.requests().len(), 4, "a second run sends nothing");
    assert_eq!(sink.mails().len(), 1, "nor mails again");
    assert!(
        String::from_utf8_lossy(&again.stdout).contains("nothing sent (--resend sends it again)"),
        "{}",
        String::from_utf8_lossy(&again.stdout)
    );
    let resent = send(
        &[
            "send",
            "minutes",
            workspace,
            "--to",
            "slack-team",
            "--resend",
        ],
        &credentials,
    );
    assert!(resent.status.success());
    assert_eq!(chats.requests().len(), 5, "--resend sends again");
    let minutes = std::fs::read_to_string(root.join("minutes/2026-W47.toml")).unwrap();
    assert!(
        minutes.contains("decisions"),
        "nothing else in the minutes is lost"
    );
    assert_eq!(minutes.matches("[[sent]]").count(), 6);
    // `actions` says where the minutes went, and that it was not within 24 hours.
    let actions = send(&["actions", workspace, "--format", "json"], &credentials);
    let json: serde_json::Value = serde_json::from_slice(&actions.stdout).unwrap();
    let w47 = json["meetings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["week"] == "2026-W47")
        .unwrap();
    assert_eq!(w47["minutes_sent"].as_array().unwrap().len(), 6);
    assert_eq!(
        w47["sent_within_24_hours"], false,
        "the sample meeting ended in November"
    );
}

#[test]
fn the_record_waits_while_a_cockpit_has_the_meeting_open() {
    let (dir, root) = workspace_with_channels();
    let chats = StandIn::start(answer);
    let credentials = credentials(dir.path(), &chats.url(), "/services/T0/B0/SLACKTOKEN", 0);
    let holder =
        opsdeck::session::lock::Holder::this_process("2026-11-23T09:00:00+00:00".to_owned());
    let held =
        opsdeck::session::lock::lock_meeting(&root.join("minutes/2026-W47.lock"), &holder, false)
            .unwrap();
    assert!(matches!(held, opsdeck::session::lock::Locking::Acquired(_)));
    let before = std::fs::read_to_string(root.join("minutes/2026-W47.toml")).unwrap();
    let output = send(
        &[
            "send",
            "minutes",
            root.to_str().unwrap(),
            "--to",
            "slack-team",
        ],
        &credentials,
    );
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        !output.status.success(),
        "a send it cannot record is not quietly done"
    );
    assert!(
        stderr.contains("sent, but not recorded in the minutes"),
        "{stderr}"
    );
    assert!(stderr.contains("open in the opsdeck of"), "{stderr}");
    assert_eq!(
        std::fs::read_to_string(root.join("minutes/2026-W47.toml")).unwrap(),
        before
    );
    drop(held);
}

#[test]
fn a_channel_that_refuses_is_reported_in_its_words_and_the_others_still_get_it() {
    let (dir, root) = workspace_with_channels();
    let chats = StandIn::start(answer);
    let sink = SmtpSink::start(0);
    // Slack's address is wrong: the stand-in answers 404 no_service.
    let credentials = credentials(
        dir.path(),
        &chats.url(),
        "/services/T0/B0/SLACKTOKEN-OLD",
        sink.port,
    );
    let output = send(&["send", "minutes", root.to_str().unwrap()], &credentials);
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!output.status.success());
    assert!(
        stderr.contains("error: slack-team (slack): HTTP 404: no_service"),
        "{stderr}"
    );
    assert_eq!(stdout.matches("sent the minutes").count(), 4, "{stdout}");
    // Told again in Chinese: the failure line is the team's, the answer the channel's.
    let again = send(
        &["send", "minutes", root.to_str().unwrap(), "--lang", "zh"],
        &credentials,
    );
    let stderr = String::from_utf8_lossy(&again.stderr);
    assert!(!again.status.success());
    assert!(
        stderr.contains("错误：slack-team (slack): HTTP 404: no_service"),
        "{stderr}"
    );
}

#[test]
fn a_dry_run_shows_each_message_and_its_masked_address_and_sends_nothing() {
    let (dir, root) = workspace_with_channels();
    let chats = StandIn::start(answer);
    let credentials = credentials(dir.path(), &chats.url(), "/services/T0/B0/SLACKTOKEN", 0);
    let output = send(
        &[
            "send",
            "minutes",
            root.to_str().unwrap(),
            "--to",
            "wecom-team",
            "--dry-run",
        ],
        &credentials,
    );
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(output.status.success(), "{stdout}");
    assert!(
        stdout
            .contains("would send the minutes of 2026-W47 to wecom-team (wecom, http://127.0.0.1:"),
        "{stdout}"
    );
    assert!(stdout.contains("/cgi-bin/webhook/send?key=…"), "{stdout}");
    assert!(stdout.contains("\"msgtype\": \"markdown\""), "{stdout}");
    assert!(!stdout.contains("feishu-team"), "--to names one channel");
    assert!(chats.requests().is_empty(), "nothing is sent");
    let unknown = send(
        &[
            "send",
            "minutes",
            root.to_str().unwrap(),
            "--to",
            "teams",
            "--dry-run",
        ],
        &credentials,
    );
    assert!(!unknown.status.success());
    assert!(
        String::from_utf8_lossy(&unknown.stderr).contains("--to teams names no channel"),
        "{}",
        String::from_utf8_lossy(&unknown.stderr)
    );
}

#[test]
fn the_digest_names_each_overdue_action_and_its_owner_and_says_nothing_when_nothing_is_due() {
    let (dir, root) = workspace_with_channels();
    let chats = StandIn::start(answer);
    let credentials = credentials(dir.path(), &chats.url(), "/services/T0/B0/SLACKTOKEN", 0);
    let workspace = root.to_str().unwrap();
    // The sample's open actions were due in November: today they are overdue.
    let output = send(
        &["send", "digest", workspace, "--to", "slack-team"],
        &credentials,
    );
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(output.status.success(), "{stdout}");
    assert!(stdout.contains("sent the digest of "), "{stdout}");
    let asked = chats.requests();
    assert_eq!(asked.len(), 1);
    assert!(asked[0].body.contains("*Overdue*"), "{}", asked[0].body);
    assert!(
        asked[0]
            .body
            .contains("2026-W47-01 Book the December sea shipment")
    );
    assert!(asked[0].body.contains("<@U024BE7LH>"), "Wei mentioned");
    // Every action settled: nothing is due, nothing is sent.
    for minutes in std::fs::read_dir(root.join("minutes")).unwrap() {
        let path = minutes.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        std::fs::write(
            &path,
            text.replace("status = \"open\"", "status = \"done\"")
                .replace("status = \"carried\"", "status = \"done\""),
        )
        .unwrap();
    }
    let quiet = send(&["send", "digest", workspace], &credentials);
    assert!(quiet.status.success());
    assert!(String::from_utf8_lossy(&quiet.stdout).contains("nothing sent"));
    assert_eq!(chats.requests().len(), 1, "nothing more was sent");
}

#[test]
fn the_pre_read_summary_leads_with_the_account_and_the_money_at_stake() {
    let (dir, root) = workspace_with_channels();
    let chats = StandIn::start(answer);
    let credentials = credentials(dir.path(), &chats.url(), "/services/T0/B0/SLACKTOKEN", 0);
    let output = send(
        &["send", "prep", root.to_str().unwrap(), "--to", "ding-team"],
        &credentials,
    );
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "{stdout}\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(
        stdout.contains("sent the pre-read of 2026-W47 to ding-team"),
        "{stdout}"
    );
    let body: serde_json::Value = serde_json::from_str(&chats.requests()[0].body).unwrap();
    let text = body["markdown"]["text"].as_str().unwrap();
    for expected in [
        "**The account**",
        "Sales $101,227",
        "**Problems with most money at stake**",
        "at stake",
        "**Orders to decide**",
        "HK-SB-BPA: order",
        "**Last meeting's open actions**",
        "@13800000000",
    ] {
        assert!(text.contains(expected), "`{expected}` missing:\n{text}");
    }
    let problems = text
        .split("**Problems with most money at stake**")
        .nth(1)
        .unwrap()
        .split("\n\n")
        .next()
        .unwrap();
    assert_eq!(
        problems.trim().lines().count(),
        5,
        "the top five:\n{problems}"
    );
}

#[test]
fn the_cockpit_sends_the_minutes_to_on_close_when_the_meeting_closes() {
    let (dir, root) = workspace_with_channels();
    let config = root.join("opsdeck.toml");
    let text =
        std::fs::read_to_string(&config).unwrap() + "\n[send]\non_close = [\"slack-team\"]\n";
    std::fs::write(&config, text).unwrap();
    let chats = StandIn::start(answer);
    let credentials = credentials(dir.path(), &chats.url(), "/services/T0/B0/SLACKTOKEN", 0);
    let command = format!(
        "OPSDECK_CREDENTIALS={} {} {}",
        credentials.display(),
        env!("CARGO_BIN_EXE_opsdeck"),
        root.display()
    );
    let Some(tmux) = support::Tmux::start("send-on-close", 100, 30, &command) else {
        return;
    };
    tmux.wait_for("Last meeting's actions");
    tmux.close_without_verdicts();
    let asked = chats.requests();
    assert_eq!(asked.len(), 1, "one message to slack-team");
    assert!(
        asked[0].body.contains("minutes of 2026-W48"),
        "{}",
        asked[0].body
    );
    let minutes = std::fs::read_to_string(root.join("minutes/2026-W48.toml")).unwrap();
    assert!(
        minutes.contains("[[sent]]") && minutes.contains("slack-team"),
        "{minutes}"
    );
}

#[test]
fn a_chinese_team_gets_its_messages_in_chinese() {
    let (dir, root) = workspace_with_channels();
    let config = root.join("opsdeck.toml");
    let text = std::fs::read_to_string(&config)
        .unwrap()
        .replace("language = \"en\"", "language = \"zh\"");
    std::fs::write(&config, text).unwrap();
    let chats = StandIn::start(answer);
    let credentials = credentials(dir.path(), &chats.url(), "/services/T0/B0/SLACKTOKEN", 0);
    let workspace = root.to_str().unwrap();
    for what in ["minutes", "prep", "digest"] {
        let output = send(
            &["send", what, workspace, "--to", "wecom-team", "--dry-run"],
            &credentials,
        );
        let stdout = String::from_utf8_lossy(&output.stdout);
        assert!(output.status.success(), "{what}: {stdout}");
        let json = &stdout[stdout.find('{').unwrap()..];
        let body: serde_json::Value = serde_json::from_str(json).unwrap();
        let content = body["markdown"]["content"].as_str().unwrap();
        let headings: Vec<&str> = content
            .lines()
            .filter(|l| l.starts_with("**") || l.starts_with("## "))
            .collect();
        for heading in &headings {
            assert!(
                heading
                    .chars()
                    .any(|c| ('\u{4E00}'..='\u{9FFF}').contains(&c)),
                "{what}: `{heading}` is not Chinese"
            );
        }
        for english in [
            "Decisions",
            "Action items",
            " due ",
            "overdue",
            "at stake",
            "order ",
        ] {
            assert!(
                !content.contains(english),
                "{what}: `{english}` left in:\n{content}"
            );
        }
    }
}

/// The sample workspace with every channel, in `language`.
fn workspace_in(language: &str) -> (tempfile::TempDir, PathBuf) {
    let (dir, root) = workspace_with_channels();
    let config = root.join("opsdeck.toml");
    let text = std::fs::read_to_string(&config)
        .unwrap()
        .replace("language = \"en\"", &format!("language = \"{language}\""));
    std::fs::write(&config, text).unwrap();
    (dir, root)
}

#[test]
fn minutes_pre_read_and_digest_reach_all_five_once_in_english_and_in_chinese() {
    for language in ["en", "zh"] {
        let (dir, root) = workspace_in(language);
        let (chats, sink, credentials) = every_channel(dir.path());
        let workspace = root.to_str().unwrap();
        for (round, what) in ["minutes", "prep", "digest"].into_iter().enumerate() {
            let output = send(&["send", what, workspace], &credentials);
            let stdout = String::from_utf8_lossy(&output.stdout);
            let stderr = String::from_utf8_lossy(&output.stderr);
            assert!(
                output.status.success(),
                "{language} {what}: {stdout}\n{stderr}"
            );
            let (sent, nothing) = if language == "zh" {
                ("已把", "未发送（--resend 重新发送）")
            } else {
                ("sent ", "nothing sent (--resend sends it again)")
            };
            assert_eq!(
                stdout.matches(sent).count(),
                5,
                "{language} {what}: {stdout}"
            );
            assert_eq!(chats.requests().len(), 4 * (round + 1));
            assert_eq!(sink.mails().len(), round + 1);
            check_mail(&sink.mails()[round]);
            let again = send(&["send", what, workspace], &credentials);
            let stdout = String::from_utf8_lossy(&again.stdout);
            assert!(again.status.success(), "{stdout}");
            assert_eq!(
                stdout.matches(nothing).count(),
                5,
                "{language} {what}, a second run: {stdout}"
            );
            assert_eq!(
                chats.requests().len(),
                4 * (round + 1),
                "nothing more posted"
            );
            assert_eq!(sink.mails().len(), round + 1, "nothing more mailed");
        }
        if language == "zh" {
            let chinese = |text: &str| text.chars().any(|c| ('\u{4E00}'..='\u{9FFF}').contains(&c));
            for asked in chats.requests() {
                assert!(chinese(&asked.body), "{}", asked.body);
            }
            for mail in sink.mails() {
                assert!(
                    mail.data.contains("=?utf-8?"),
                    "the subject is encoded: {}",
                    mail.data
                );
            }
        }
        // The pre-read and the digest are recorded in the workspace's log.
        let log = std::fs::read_to_string(root.join("minutes/sent.toml")).unwrap();
        assert_eq!(log.matches("[[sent]]").count(), 10, "{log}");
    }
}

#[test]
fn a_throttled_channel_is_tried_again_within_the_wait_and_the_others_are_delivered() {
    let (dir, root) = workspace_with_channels();
    let wecom_tries = std::sync::atomic::AtomicUsize::new(0);
    let chats = StandIn::start(move |asked: &Asked| {
        if asked.path.starts_with("/robot/send") {
            // DingTalk throttles the robot for ten minutes.
            return Reply::json(
                200,
                r#"{"errcode":410100,"errmsg":"send too fast, exceed 20 times per minute"}"#,
            );
        }
        if asked.path.starts_with("/cgi-bin/webhook/send")
            && wecom_tries.fetch_add(1, std::sync::atomic::Ordering::SeqCst) == 0
        {
            return Reply::json(200, r#"{"errcode":45009,"errmsg":"api freq out of limit"}"#);
        }
        answer(asked)
    });
    // The mail server says "try later" once.
    let sink = SmtpSink::start(1);
    let credentials = credentials(
        dir.path(),
        &chats.url(),
        "/services/T0/B0/SLACKTOKEN",
        sink.port,
    );
    let output = send(
        &["send", "minutes", root.to_str().unwrap(), "--wait", "5s"],
        &credentials,
    );
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!output.status.success(), "one channel was not delivered");
    assert!(
        stderr.contains("error: ding-team (dingtalk): HTTP 200, code 410100: send too fast")
            && stderr.contains("gave up: the time given (--wait) has run out"),
        "{stderr}"
    );
    for channel in ["feishu-team", "wecom-team", "slack-team", "mail-team"] {
        assert!(stdout.contains(&format!("to {channel}")), "{stdout}");
    }
    let wecom: Vec<_> = chats
        .requests()
        .into_iter()
        .filter(|a| a.path.starts_with("/cgi-bin/"))
        .collect();
    assert_eq!(wecom.len(), 2, "WeCom tried again after its throttle");
    assert_eq!(sink.mails().len(), 1, "the mail went on the second try");
    let minutes = std::fs::read_to_string(root.join("minutes/2026-W47.toml")).unwrap();
    assert_eq!(
        minutes.matches("[[sent]]").count(),
        4,
        "DingTalk is not recorded"
    );
}

#[test]
fn two_channels_on_one_bot_are_paced_to_its_rate() {
    let (dir, root) = workspace_with_channels();
    let config = root.join("opsdeck.toml");
    let text = std::fs::read_to_string(&config).unwrap()
        + "\n[[channels]]\nname = \"slack-leads\"\nkind = \"slack\"\n";
    std::fs::write(&config, text).unwrap();
    let chats = StandIn::start(answer);
    let credentials = credentials(dir.path(), &chats.url(), "/services/T0/B0/SLACKTOKEN", 0);
    let text = std::fs::read_to_string(&credentials).unwrap()
        + &format!(
            "\n[channels.slack-leads]\nurl = \"{}/services/T0/B0/SLACKTOKEN\"\n",
            chats.url()
        );
    std::fs::write(&credentials, text).unwrap();
    let output = send_minutes_to(&root, &["slack-team", "slack-leads"], &[], &credentials);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let asked = chats.requests();
    assert_eq!(asked.len(), 2);
    let apart = asked[1].at.duration_since(asked[0].at).unwrap();
    assert!(
        apart >= std::time::Duration::from_secs(1),
        "Slack takes about one a second: {apart:?}"
    );
}

#[test]
#[allow(clippy::disallowed_methods)] // the test times the command it runs
fn a_channel_that_never_answers_does_not_hold_the_send_past_its_wait() {
    let (dir, root) = workspace_with_channels();
    // A server that takes the connection and says nothing, chat or mail.
    let silent = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = silent.local_addr().unwrap().port();
    std::thread::spawn(move || {
        let held: Vec<_> = silent.incoming().map_while(Result::ok).collect();
        drop(held);
    });
    let credentials = credentials(
        dir.path(),
        &format!("http://127.0.0.1:{port}"),
        "/services/T0/B0/SLACKTOKEN",
        port,
    );
    let started = std::time::Instant::now();
    let output = send_minutes_to(
        &root,
        &["slack-team", "mail-team"],
        &["--wait", "2s"],
        &credentials,
    );
    let took = started.elapsed();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!output.status.success());
    for channel in ["slack-team (slack)", "mail-team (email)"] {
        assert!(stderr.contains(&format!("error: {channel}")), "{stderr}");
    }
    // The wait, and the shortest try the second channel still gets; a
    // server's own timeouts (half a minute a step, ten minutes a request)
    // are never waited out.
    assert!(
        took < std::time::Duration::from_secs(15),
        "took {took:?}: {stderr}"
    );
}
