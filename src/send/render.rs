//! A message in each channel's richest markup (Feishu/Lark card markdown,
//! WeCom `markdown`, DingTalk `markdown`, Slack blocks, an e-mail's HTML
//! and text), every owner
//! mentioned as the channel expects, the whole within the channel's size
//! limit: lines are cut from the end (decisions and actions come first) and
//! the cut is said with where the full document is.

use std::fmt::Write as _;

use serde_json::{Value, json};

use crate::domain::channel::{ChannelKind, People, mention_id};
use crate::domain::settings::Language;

use super::message::{Line, Message};

/// A message ready to post, and what the sender should know of it.
#[derive(Debug, Clone, PartialEq)]
pub struct Rendered {
    pub body: Value,
    /// Lines left out to fit the channel.
    pub cut: usize,
    /// Owners with no id for this kind of channel: written as plain text.
    pub unmapped: Vec<String>,
}

/// The most bytes of JSON a channel takes, and of a WeCom message's content.
const FEISHU_BODY: usize = 19_500;
const DINGTALK_BODY: usize = 19_500;
const WECOM_CONTENT: usize = 4_096;
const SLACK_SECTION: usize = 3_000;

/// `message` for a channel of `kind`, cut to fit.
pub fn render(kind: ChannelKind, message: &Message, people: &People) -> Rendered {
    let total = message.line_count();
    let mut keep = total;
    loop {
        let (body, unmapped) = markup(kind, message, people, keep);
        if fits(kind, &body) || keep == 0 {
            return Rendered {
                body,
                cut: total - keep,
                unmapped,
            };
        }
        keep -= 1;
    }
}

fn fits(kind: ChannelKind, body: &Value) -> bool {
    match kind {
        ChannelKind::Feishu | ChannelKind::Lark => body.to_string().len() <= FEISHU_BODY,
        ChannelKind::Dingtalk => body.to_string().len() <= DINGTALK_BODY,
        ChannelKind::Wecom => body["markdown"]["content"]
            .as_str()
            .is_some_and(|content| content.len() <= WECOM_CONTENT),
        // A mail has room for everything.
        ChannelKind::Email => true,
        ChannelKind::Slack => body["blocks"].as_array().is_some_and(|blocks| {
            blocks.len() <= 50
                && blocks.iter().all(|block| {
                    block["text"]["text"]
                        .as_str()
                        .is_none_or(|text| text.chars().count() <= SLACK_SECTION)
                })
        }),
    }
}

/// The body with the first `keep` lines, and the owners left unmentioned.
fn markup(
    kind: ChannelKind,
    message: &Message,
    people: &People,
    keep: usize,
) -> (Value, Vec<String>) {
    let mut unmapped: Vec<String> = Vec::new();
    let mut at = Vec::new();
    let mut sections: Vec<(String, Vec<String>)> = Vec::new();
    let mut left = keep;
    for section in &message.sections {
        if left == 0 {
            break;
        }
        let lines: Vec<String> = section
            .lines
            .iter()
            .take(left)
            .map(|line| line_markup(kind, line, people, &mut unmapped, &mut at))
            .collect();
        left -= lines.len();
        sections.push((escape(kind, &section.heading), lines));
    }
    let cut = message.line_count() - keep;
    let more = (cut > 0).then(|| match message.language {
        Language::English => format!("+{cut} more — the whole of it: {}", message.full),
        Language::Chinese => format!("另有 {cut} 行未列出 — 完整内容：{}", message.full),
    });
    let title = message.title.clone();
    let body = match kind {
        ChannelKind::Feishu | ChannelKind::Lark => {
            let content = markdown(&sections, more.as_deref(), "**", "- ");
            json!({
                "msg_type": "interactive",
                "card": {
                    "schema": "2.0",
                    "header": {"title": {"tag": "plain_text", "content": title}, "template": "blue"},
                    "body": {"elements": [{"tag": "markdown", "content": content}]}
                }
            })
        }
        ChannelKind::Wecom => {
            // WeCom's markdown has no lists: each line stands on its own.
            let content = format!(
                "## {}\n{}",
                escape(kind, &title),
                markdown(&sections, more.as_deref(), "**", "> ")
            );
            json!({"msgtype": "markdown", "markdown": {"content": content}})
        }
        ChannelKind::Dingtalk => {
            let text = format!(
                "### {title}\n{}",
                markdown(&sections, more.as_deref(), "**", "- ")
            );
            let (mobiles, users): (Vec<String>, Vec<String>) = at
                .into_iter()
                .partition(|id: &String| id.chars().all(|c| c.is_ascii_digit()));
            json!({
                "msgtype": "markdown",
                "markdown": {"title": title, "text": text},
                "at": {"atMobiles": mobiles, "atUserIds": users, "isAtAll": false}
            })
        }
        ChannelKind::Slack => {
            let mut blocks = vec![json!({
                "type": "header",
                "text": {"type": "plain_text", "text": title.chars().take(150).collect::<String>()}
            })];
            for (heading, lines) in &sections {
                let text = format!(
                    "*{heading}*\n{}",
                    lines
                        .iter()
                        .map(|l| format!("• {l}"))
                        .collect::<Vec<_>>()
                        .join("\n")
                );
                blocks.push(json!({"type": "section", "text": {"type": "mrkdwn", "text": text}}));
            }
            if let Some(more) = &more {
                blocks.push(json!({"type": "context", "elements": [{"type": "mrkdwn", "text": escape(kind, more)}]}));
            }
            json!({"text": title, "blocks": blocks})
        }
        ChannelKind::Email => super::mail::body(
            &title,
            &sections,
            more.as_deref(),
            &at,
            message.document.as_deref(),
        ),
    };
    (body, unmapped)
}

/// Sections as Markdown: a bold heading, then its lines, each after `bullet`.
fn markdown(
    sections: &[(String, Vec<String>)],
    more: Option<&str>,
    bold: &str,
    bullet: &str,
) -> String {
    let mut out = String::new();
    for (heading, lines) in sections {
        let _ = write!(out, "\n{bold}{heading}{bold}\n");
        for line in lines {
            let _ = writeln!(out, "{bullet}{line}");
        }
    }
    if let Some(more) = more {
        let _ = write!(out, "\n{more}\n");
    }
    out
}

/// A line with its owner mentioned as `kind` does it; an owner without an
/// id for it is written as text and noted.
fn line_markup(
    kind: ChannelKind,
    line: &Line,
    people: &People,
    unmapped: &mut Vec<String>,
    at: &mut Vec<String>,
) -> String {
    let text = escape(kind, &line.text);
    let Some(owner) = &line.owner else {
        return text;
    };
    let Some(id) = mention_id(people, owner, kind) else {
        if !unmapped.iter().any(|known| known == owner) {
            unmapped.push(owner.clone());
        }
        return match kind {
            ChannelKind::Email => format!("{text} — <b>{}</b>", escape(kind, owner)),
            _ => format!("{text} @{}", escape(kind, owner)),
        };
    };
    let mention = match kind {
        ChannelKind::Feishu | ChannelKind::Lark => format!("<at id={id}></at>"),
        ChannelKind::Wecom | ChannelKind::Slack => format!("<@{id}>"),
        ChannelKind::Dingtalk => {
            if !at.iter().any(|known| known == id) {
                at.push(id.to_owned());
            }
            format!("@{id}")
        }
        // Mail has no @: the owner is written to, and bold.
        ChannelKind::Email => {
            if !at.iter().any(|known| known == id) {
                at.push(id.to_owned());
            }
            format!("— <b>{}</b>", escape(kind, owner))
        }
    };
    format!("{text} {mention}")
}

/// The team's own words as text, never markup: what would format, link or
/// mention someone in `kind` is written so it shows as typed.
pub fn escape(kind: ChannelKind, text: &str) -> String {
    let text: String = text.chars().filter(|c| !c.is_control()).collect();
    match kind {
        ChannelKind::Feishu | ChannelKind::Lark => text
            .chars()
            .map(|c| match c {
                '*' | '~' | '<' | '>' | '[' | ']' | '(' | ')' | '_' | '`' | '#' => {
                    format!("&#{};", u32::from(c))
                }
                other => other.to_string(),
            })
            .collect(),
        // `<@userid>` mentions in WeCom; a look-alike bracket keeps it text.
        ChannelKind::Wecom => text.replace('<', "＜").replace('>', "＞"),
        ChannelKind::Dingtalk => text,
        ChannelKind::Email => super::mail::html_escape(&text),
        ChannelKind::Slack => text
            .replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;"),
    }
}
