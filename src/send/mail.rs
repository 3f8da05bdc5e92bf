//! E-mail: the message as `multipart/alternative` (plain text first, HTML
//! last), its open actions' owners in copy, sent through the team's mail
//! server (`[smtp]` in the credentials) — implicit TLS or STARTTLS, plain
//! SMTP to this machine only — and tried again on a 4xx answer while the
//! time given lasts.

use std::fmt::Write as _;
use std::time::Duration;

use chrono::{DateTime, Utc};
use lettre::message::{Mailbox, MultiPart};
use lettre::transport::smtp::authentication::Credentials;
use lettre::transport::smtp::extension::ClientId;
use lettre::{SmtpTransport, Transport as _};
use serde_json::{Value, json};

use crate::fetch::clock::Clock;
use crate::fetch::credentials::{SmtpServer, SmtpTls};
use crate::fetch::redact::redact;
use crate::fetch::secret::Secret;

use super::deliver::{can_wait, first_pause, for_a_try, gave_up, next_pause};
use crate::domain::channel::ChannelKind;
use crate::domain::words::Said;

/// A mail's parts as the one body the other channels have too (shown by
/// `--dry-run`, digested to send it once): subject, copy, text and HTML.
/// With the whole `document` (Markdown), the mail is that document — its
/// text as written, its HTML rendered with tables — else the message's
/// `sections`, which hold HTML (the channel's markup), its text made from it.
pub fn body(
    title: &str,
    sections: &[(String, Vec<String>)],
    more: Option<&str>,
    cc: &[String],
    document: Option<&str>,
) -> Value {
    if let Some(document) = document {
        return json!({
            "subject": title,
            "cc": cc,
            "text": document,
            "html": format!("{HEAD}{}</body></html>\n", markdown_html(document)),
        });
    }
    let mut html = format!("{HEAD}<h2>{}</h2>\n", html_escape(title));
    let mut text = format!("{title}\n{}\n", "=".repeat(title.chars().count().min(60)));
    for (heading, lines) in sections {
        let _ = writeln!(html, "<h3>{heading}</h3>\n<ul>");
        let _ = write!(text, "\n{}\n", plain(heading));
        for line in lines {
            let _ = writeln!(html, "<li>{line}</li>");
            let _ = writeln!(text, "- {}", plain(line));
        }
        html.push_str("</ul>\n");
    }
    if let Some(more) = more {
        let _ = writeln!(html, "<p>{}</p>", html_escape(more));
        let _ = write!(text, "\n{more}\n");
    }
    html.push_str("</body></html>\n");
    json!({"subject": title, "cc": cc, "text": text, "html": html})
}

/// The start of every mail's HTML.
const HEAD: &str = "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"></head><body>\n";

/// Markdown as HTML, tables included; raw HTML in it is shown as text, never
/// passed on (the team's words are escaped already; this is the second lock).
fn markdown_html(markdown: &str) -> String {
    use pulldown_cmark::{Event, Options, Parser, html};
    let events = Parser::new_ext(markdown, Options::ENABLE_TABLES).map(|event| match event {
        Event::Html(raw) | Event::InlineHtml(raw) => Event::Text(raw),
        other => other,
    });
    let mut out = String::with_capacity(markdown.len() * 2);
    html::push_html(&mut out, events);
    out
}

/// Text as HTML shows it: `&`, `<`, `>` and `"` as entities.
pub(super) fn html_escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The HTML this module writes (`<b>` and four entities) as plain text.
fn plain(html: &str) -> String {
    html.replace("<b>", "")
        .replace("</b>", "")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&amp;", "&")
}

/// Sends the mail `body` describes to `to` (its `cc` in copy) from the
/// server's sender, at `now`.
pub fn deliver(
    server: &SmtpServer,
    to: &[String],
    body: &Value,
    now: DateTime<Utc>,
    clock: &mut dyn Clock,
) -> Result<(), Said> {
    let mail = message(server, to, body, now)?;
    let hide = |text: String| {
        let known: Vec<&str> = server.password.iter().map(Secret::expose).collect();
        redact(&text, &known)
    };
    let mut pause = first_pause(ChannelKind::Email);
    loop {
        // A server that hangs is given up on when the time given runs out.
        let transport = transport(server, for_a_try(clock))?;
        match transport.send(&mail) {
            Ok(_) => return Ok(()),
            Err(error) if error.is_permanent() => {
                return Err(Said::both(
                    hide(format!("the mail server refused the mail: {error}")),
                    hide(format!("邮件服务器拒收了这封邮件：{error}")),
                ));
            }
            Err(error) => {
                if !can_wait(clock, pause) {
                    let why = hide(error.to_string());
                    return Err(gave_up(&Said::both(why.clone(), why)));
                }
                clock.sleep(pause);
                pause = next_pause(pause);
            }
        }
    }
}

fn message(
    server: &SmtpServer,
    to: &[String],
    body: &Value,
    now: DateTime<Utc>,
) -> Result<lettre::Message, Said> {
    let mailbox = |address: &str| {
        address.parse::<Mailbox>().map_err(|error| {
            Said::both(
                format!("\"{address}\" is not an address a mail can go to: {error}"),
                format!("\"{address}\" 不是可以收信的地址：{error}"),
            )
        })
    };
    let text_of = |key: &str| body[key].as_str().unwrap_or_default().to_owned();
    let mut builder = lettre::Message::builder()
        .from(mailbox(server.from.trim())?)
        .subject(text_of("subject"))
        .date(now.into())
        .message_id(Some(format!(
            "<{}.{}@{}>",
            now.timestamp_millis(),
            std::process::id(),
            host_name()
        )));
    for address in to {
        builder = builder.to(mailbox(address)?);
    }
    for address in body["cc"].as_array().into_iter().flatten() {
        let address = address.as_str().unwrap_or_default();
        if !to.iter().any(|t| t.eq_ignore_ascii_case(address)) {
            builder = builder.cc(mailbox(address)?);
        }
    }
    builder
        .multipart(MultiPart::alternative_plain_html(
            text_of("text"),
            text_of("html"),
        ))
        .map_err(|error| {
            Said::both(
                format!("cannot make the mail: {error}"),
                format!("无法生成邮件：{error}"),
            )
        })
}

/// The way to `server`, each step of the talk (connecting, each command)
/// given at most `timeout` and never more than half a minute.
fn transport(server: &SmtpServer, timeout: Duration) -> Result<SmtpTransport, Said> {
    let host = server.host.trim();
    let cannot = |error: lettre::transport::smtp::Error| {
        Said::both(
            format!("cannot reach the mail server {host}: {error}"),
            format!("无法连接邮件服务器 {host}：{error}"),
        )
    };
    let builder = match server.tls() {
        SmtpTls::Implicit => SmtpTransport::relay(host).map_err(cannot)?,
        SmtpTls::Starttls => SmtpTransport::starttls_relay(host).map_err(cannot)?,
        SmtpTls::None => SmtpTransport::builder_dangerous(host),
    };
    let mut builder = builder
        .port(server.port())
        .hello_name(ClientId::Domain(host_name()))
        .timeout(Some(timeout.min(Duration::from_secs(30))));
    if let (Some(user), Some(password)) = (&server.user, &server.password) {
        builder = builder.credentials(Credentials::new(user.clone(), password.expose().to_owned()));
    }
    Ok(builder.build())
}

/// This machine's name, as the greeting and the message id give it.
fn host_name() -> String {
    let name = gethostname::gethostname().to_string_lossy().into_owned();
    if name.is_empty()
        || !name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '.'))
    {
        "localhost".to_owned()
    } else {
        name
    }
}
