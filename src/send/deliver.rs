//! Posting a rendered message to a channel: its address (checked, never
//! shown whole), its signature where the channel asks for one, and the
//! channel's own verdict — a 200 answer with a non-zero business code is a
//! failure, reported in the channel's words with every secret hidden.

use chrono::{DateTime, Utc};
use serde_json::Value;

use crate::domain::channel::ChannelKind;
use crate::fetch::credentials::ChannelSecrets;
use crate::fetch::http::{Http, Request, Response};

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
) -> Result<Request, String> {
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
                return Err(format!(
                    "a {} webhook takes no signing secret (its address is the secret): \
                     remove `secret` from the channel in the credentials file",
                    kind.name()
                ));
            }
        }
    }
    Ok(Request::post(url, body.to_string())
        .header("Content-Type", "application/json; charset=utf-8")
        .limited_to(ANSWER_LIMIT))
}

/// Posts `request`; `Ok` when the channel says it took the message.
pub fn post(
    http: &mut dyn Http,
    kind: ChannelKind,
    request: &Request,
    secrets: &ChannelSecrets,
) -> Result<(), String> {
    let hide = |text: String| {
        let mut text = text.replace(secrets.url.expose(), &masked(secrets.url.expose()));
        if let Some(secret) = secrets.secret.as_ref().filter(|s| !s.is_empty()) {
            text = text.replace(secret.expose(), "…");
        }
        text
    };
    let response = http.send(request).map_err(hide)?;
    verdict(kind, &response).map_err(hide)
}

/// What the channel's answer means.
pub fn verdict(kind: ChannelKind, response: &Response) -> Result<(), String> {
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
    let refused = |code: i64, message: String| {
        Err(format!("HTTP {}, code {code}: {message}", response.status))
    };
    match kind {
        ChannelKind::Feishu | ChannelKind::Lark => {
            match code("code").or_else(|| code("StatusCode")) {
                Some(0) => Ok(()),
                Some(other) => refused(other, words("msg")),
                None => Err(format!(
                    "HTTP {}: an answer without a code",
                    response.status
                )),
            }
        }
        ChannelKind::Wecom | ChannelKind::Dingtalk => match code("errcode") {
            Some(0) => Ok(()),
            Some(other) => refused(other, words("errmsg")),
            None => Err(format!(
                "HTTP {}: an answer without an errcode",
                response.status
            )),
        },
        ChannelKind::Slack if response.status == 200 && text.trim() == "ok" => Ok(()),
        ChannelKind::Slack => Err(format!(
            "HTTP {}: {}",
            response.status,
            text.chars()
                .filter(|c| !c.is_control())
                .take(300)
                .collect::<String>()
        )),
    }
}
