//! Posting a rendered message to a channel: its address (checked, never
//! shown whole), its signature where the channel asks for one, and the
//! channel's own verdict — a 200 answer with a non-zero business code is a
//! failure, reported in the channel's words with every secret hidden.

use std::time::Duration;

use chrono::{DateTime, Utc};
use serde_json::Value;

use crate::domain::channel::ChannelKind;
use crate::domain::words::Said;
use crate::fetch::clock::Clock;
use crate::fetch::credentials::ChannelSecrets;
use crate::fetch::http::{Http, Request, Response};
use crate::fetch::redact::redact;
use crate::fetch::secret::Secret;

use super::address::{check_webhook, masked};
use super::sign;

/// The most bytes of answer a channel's webhook may send.
const ANSWER_LIMIT: u64 = 64 * 1024;

/// The request that posts `body` to a channel of `kind` at `now`.
pub fn request(
    kind: ChannelKind,
    secrets: &ChannelSecrets,
    body: &Value,
    now: DateTime<Utc>,
) -> Result<Request, Said> {
    let url = secrets.url.expose().trim();
    check_webhook(url)?;
    let mut body = body.clone();
    let mut url = url.to_owned();
    if let Some(secret) = secrets.secret.as_ref().filter(|s| !s.is_empty()) {
        match kind {
            ChannelKind::Feishu | ChannelKind::Lark => {
                let seconds = now.timestamp();
                body["timestamp"] = Value::String(seconds.to_string());
                body["sign"] = Value::String(sign::feishu(seconds, secret.expose()));
            }
            ChannelKind::Dingtalk => {
                let millis = now.timestamp_millis();
                let separator = if url.contains('?') { '&' } else { '?' };
                url = format!(
                    "{url}{separator}timestamp={millis}&sign={}",
                    sign::dingtalk(millis, secret.expose())
                );
            }
            ChannelKind::Wecom | ChannelKind::Slack => {
                let kind = kind.name();
                return Err(Said::both(
                    format!(
                        "a {kind} webhook takes no signing secret (its address is the secret): \
                         remove `secret` from the channel in the credentials file"
                    ),
                    format!(
                        "{kind} 的 webhook 不需要签名密钥（地址本身就是密钥）：请从凭据文件的该\
                         频道中删除 `secret`"
                    ),
                ));
            }
            ChannelKind::Email => return Err(by_smtp()),
        }
    }
    Ok(Request::post(url, body.to_string())
        .header("Content-Type", "application/json; charset=utf-8")
        .limited_to(ANSWER_LIMIT))
}

/// The least time one try is given, even when `--wait` is spent: a channel
/// that answers at once is still reached; one that hangs costs no more.
pub const SHORTEST_TRY: Duration = Duration::from_secs(2);

/// How long the next try may take on `clock`, whose deadline is the run's
/// `--wait`: what is left of it, at least `SHORTEST_TRY`.
pub fn for_a_try(clock: &dyn Clock) -> Duration {
    clock.left().unwrap_or(Duration::MAX).max(SHORTEST_TRY)
}

/// Whether a pause of `wait` still fits in what is left of `--wait`.
pub fn can_wait(clock: &dyn Clock, wait: Duration) -> bool {
    clock.left().is_none_or(|left| wait <= left)
}

/// Posts `request`; `Ok` when the channel says it took the message. A
/// throttled, failing or unreachable channel is tried again — after its
/// `Retry-After`, else a pause that doubles — until `clock`'s deadline.
pub fn post(
    http: &mut dyn Http,
    kind: ChannelKind,
    request: &Request,
    secrets: &ChannelSecrets,
    clock: &mut dyn Clock,
) -> Result<(), Said> {
    // The address shows masked; the signing secret and any form of the
    // address left (percent-encoded, say) are hidden as fetch hides tokens.
    let hide = |text: String| {
        let url = secrets.url.expose();
        let known: Vec<&str> = std::iter::once(url)
            .chain(secrets.secret.as_ref().map(Secret::expose))
            .collect();
        redact(&text.replace(url, &masked(url)), &known)
    };
    let mut pause = first_pause(kind);
    loop {
        // A channel that hangs is given up on when the time given runs out.
        let mut timed = request.clone();
        timed.timeout = Some(for_a_try(clock));
        let (why, retry_after) = match http.send(&timed) {
            Ok(response) => {
                let retry_after = response
                    .header("Retry-After")
                    .and_then(|v| v.trim().parse::<u64>().ok())
                    .map(|s| Duration::from_secs(s.min(MAX_RETRY_AFTER_SECONDS)));
                match verdict(kind, &response) {
                    Err(why) if is_passing(kind, &response) => (why, retry_after),
                    other => return other.map_err(|why| why.map(|text| hide(text.to_owned()))),
                }
            }
            Err(why) => (Said::both(why.clone(), why), None),
        };
        let wait = retry_after.unwrap_or(pause);
        if !can_wait(clock, wait) {
            return Err(gave_up(&why).map(|text| hide(text.to_owned())));
        }
        clock.sleep(wait);
        pause = next_pause(pause);
    }
}

/// An e-mail channel reached as if it were a webhook.
fn by_smtp() -> Said {
    Said::both(
        "an e-mail channel is sent through [smtp], not a webhook",
        "邮件频道经由 [smtp] 发送，不经 webhook",
    )
}

/// `why` the last try failed, and that no time is left to try again.
pub fn gave_up(why: &Said) -> Said {
    Said::both(
        format!("{} — gave up: the time given (--wait) has run out", why.en),
        format!("{}——已放弃：给定的时间（--wait）已用完", why.zh),
    )
}

/// The longest `Retry-After` honoured, and the longest pause between tries.
const MAX_RETRY_AFTER_SECONDS: u64 = 120;
const MAX_PAUSE: Duration = Duration::from_secs(60);

/// The pause after `pause`, when the channel still says "not now": twice as
/// long, at most `MAX_PAUSE`.
pub fn next_pause(pause: Duration) -> Duration {
    (pause * 2).min(MAX_PAUSE)
}

/// The first pause after a throttled answer: DingTalk throttles a robot for
/// ten minutes, the others for seconds.
pub fn first_pause(kind: ChannelKind) -> Duration {
    match kind {
        ChannelKind::Dingtalk => Duration::from_secs(30),
        ChannelKind::Feishu
        | ChannelKind::Lark
        | ChannelKind::Wecom
        | ChannelKind::Slack
        | ChannelKind::Email => Duration::from_secs(2),
    }
}

/// Whether an answer says "not now" rather than "no": a throttling code
/// (Feishu 11232, WeCom 45009, DingTalk 410100 and 130101), HTTP 429, or a
/// server error.
fn is_passing(kind: ChannelKind, response: &Response) -> bool {
    if response.status == 429 || response.status >= 500 {
        return true;
    }
    let json: Option<Value> = serde_json::from_slice(&response.body).ok();
    let code = |key: &str| json.as_ref().and_then(|j| j[key].as_i64());
    match kind {
        ChannelKind::Feishu | ChannelKind::Lark => code("code") == Some(11_232),
        ChannelKind::Wecom => code("errcode") == Some(45_009),
        ChannelKind::Dingtalk => matches!(code("errcode"), Some(410_100 | 130_101)),
        ChannelKind::Slack | ChannelKind::Email => false,
    }
}

/// What the channel's answer means.
pub fn verdict(kind: ChannelKind, response: &Response) -> Result<(), Said> {
    let text = response.text();
    let json: Option<Value> = serde_json::from_str(&text).ok();
    let code = |key: &str| json.as_ref().and_then(|j| j[key].as_i64());
    let words = |key: &str| {
        json.as_ref()
            .and_then(|j| j[key].as_str())
            .unwrap_or_default()
            .chars()
            .filter(|c| !c.is_control())
            .take(300)
            .collect::<String>()
    };
    let status = response.status;
    let refused = |code: i64, message: String| {
        Err(Said::both(
            format!("HTTP {status}, code {code}: {message}"),
            format!("HTTP {status}，代码 {code}：{message}"),
        ))
    };
    let no_code = |key: &str| {
        Err(Said::both(
            format!("HTTP {status}: an answer without a {key}"),
            format!("HTTP {status}：应答中没有 {key}"),
        ))
    };
    match kind {
        ChannelKind::Feishu | ChannelKind::Lark => {
            match code("code").or_else(|| code("StatusCode")) {
                Some(0) => Ok(()),
                Some(other) => refused(other, words("msg")),
                None => no_code("code"),
            }
        }
        ChannelKind::Wecom | ChannelKind::Dingtalk => match code("errcode") {
            Some(0) => Ok(()),
            Some(other) => refused(other, words("errmsg")),
            None => no_code("errcode"),
        },
        ChannelKind::Slack if response.status == 200 && text.trim() == "ok" => Ok(()),
        ChannelKind::Email => Err(by_smtp()),
        ChannelKind::Slack => {
            let said: String = text.chars().filter(|c| !c.is_control()).take(300).collect();
            Err(Said::same(format!("HTTP {status}: {said}")))
        }
    }
}

#[cfg(test)]
#[path = "deliver_tests.rs"]
mod tests;
