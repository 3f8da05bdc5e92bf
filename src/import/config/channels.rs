//! `[[channels]]` and `[people.X]` of `opsdeck.toml`: where the meeting is
//! sent and how each person is mentioned there; a wrong kind or key is an
//! error at its line.

use crate::domain::words::Said;
use std::collections::BTreeMap;

use serde::Deserialize;
use toml::Spanned;

use crate::domain::channel::{Channel, ChannelKind, People, looks_like_address};
use crate::import::error::ImportError;

use super::place::Place;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct ChannelRow {
    name: Spanned<String>,
    kind: Spanned<String>,
    /// An e-mail channel's addresses.
    #[serde(default)]
    to: Vec<Spanned<String>>,
}

/// The channels, each with a known kind and a name used once.
pub(super) fn channels(at: &Place<'_>, rows: &[ChannelRow]) -> Result<Vec<Channel>, ImportError> {
    let mut channels: Vec<Channel> = Vec::new();
    for row in rows {
        let kind = ChannelKind::from_name(row.kind.get_ref()).ok_or_else(|| {
            at.error(
                &row.kind,
                Said::both(
                    format!(
                        "[[channels]] kind = \"{}\": expected {}",
                        row.kind.get_ref(),
                        ChannelKind::names()
                    ),
                    format!(
                        "[[channels]] kind = \"{}\"：应为 {}",
                        row.kind.get_ref(),
                        ChannelKind::names()
                    ),
                ),
            )
        })?;
        let name = row.name.get_ref().trim().to_owned();
        if name.is_empty() || channels.iter().any(|c| c.name.eq_ignore_ascii_case(&name)) {
            return Err(at.error(
                &row.name,
                Said::both(
                    format!(
                        "[[channels]] name = \"{name}\": each channel needs a name of its own, \
                         which `opsdeck send --to` and the credentials' [channels.NAME] use"
                    ),
                    format!(
                        "[[channels]] name = \"{name}\"：每个频道都需要独有的名称，供 \
                         `opsdeck send --to` 和凭据文件的 [channels.名称] 使用"
                    ),
                ),
            ));
        }
        let to = recipients(at, row, kind, &name)?;
        channels.push(Channel { name, kind, to });
    }
    Ok(channels)
}

/// An e-mail channel's addresses: at least one, each `name@domain`; a chat
/// channel has none.
fn recipients(
    at: &Place<'_>,
    row: &ChannelRow,
    kind: ChannelKind,
    name: &str,
) -> Result<Vec<String>, ImportError> {
    if kind != ChannelKind::Email {
        return match row.to.first() {
            Some(first) => Err(at.error(
                first,
                Said::both(
                    format!(
                        "[[channels]] \"{name}\" is a {} channel: `to` is for e-mail channels \
                         only; remove it (the webhook decides where a chat message goes)",
                        kind.name()
                    ),
                    format!(
                        "[[channels]] \"{name}\" 是 {} 频道：`to` 只用于邮件频道；请删除它\
                         （聊天消息发往何处由 webhook 决定）",
                        kind.name()
                    ),
                ),
            )),
            None => Ok(Vec::new()),
        };
    }
    if row.to.is_empty() {
        return Err(at.error(
            &row.kind,
            Said::both(
                format!(
                    "[[channels]] \"{name}\" is an e-mail channel without addresses: \
                     add to = [\"team@example.com\"]"
                ),
                format!(
                    "[[channels]] \"{name}\" 是没有收件地址的邮件频道：请加上 \
                     to = [\"team@example.com\"]"
                ),
            ),
        ));
    }
    row.to
        .iter()
        .map(|address| {
            let text = address.get_ref().trim();
            if looks_like_address(text) {
                Ok(text.to_owned())
            } else {
                Err(at.error(
                    address,
                    Said::both(
                        format!(
                            "[[channels]] \"{name}\" to = \"{text}\": expected an e-mail \
                             address like ops@example.com"
                        ),
                        format!(
                            "[[channels]] \"{name}\" to = \"{text}\"：应为邮件地址，如 \
                             ops@example.com"
                        ),
                    ),
                ))
            }
        })
        .collect()
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct SendTable {
    #[serde(default)]
    on_close: Vec<Spanned<String>>,
}

/// The channels the cockpit sends the minutes to when the meeting closes,
/// each one of `[[channels]]`.
pub(super) fn on_close(
    at: &Place<'_>,
    send: &SendTable,
    rows: &[ChannelRow],
) -> Result<Vec<String>, ImportError> {
    send.on_close
        .iter()
        .map(|name| {
            let known = rows.iter().find(|row| {
                row.name
                    .get_ref()
                    .trim()
                    .eq_ignore_ascii_case(name.get_ref())
            });
            known
                .map(|row| row.name.get_ref().trim().to_owned())
                .ok_or_else(|| {
                    at.error(
                        name,
                        Said::both(
                            format!(
                                "[send] on_close names \"{}\", which is not a [[channels]] name",
                                name.get_ref()
                            ),
                            format!(
                                "[send] on_close 写了 \"{}\"，但它不是 [[channels]] 中的名称",
                                name.get_ref()
                            ),
                        ),
                    )
                })
        })
        .collect()
}

/// The people table, each key a kind of channel.
pub(super) fn people(
    at: &Place<'_>,
    rows: &BTreeMap<String, BTreeMap<String, Spanned<String>>>,
) -> Result<People, ImportError> {
    let mut people = People::new();
    for (person, ids) in rows {
        let mut known = BTreeMap::new();
        for (key, id) in ids {
            let Some(kind) = ChannelKind::from_name(key) else {
                return Err(at.error(
                    id,
                    Said::both(
                        format!(
                            "[people.{person}] {key}: expected one of {}",
                            ChannelKind::names()
                        ),
                        format!(
                            "[people.{person}] {key}：应为以下之一：{}",
                            ChannelKind::names()
                        ),
                    ),
                ));
            };
            if kind == ChannelKind::Email && !looks_like_address(id.get_ref().trim()) {
                return Err(at.error(
                    id,
                    Said::both(
                        format!(
                            "[people.{person}] email = \"{}\": expected an e-mail address like \
                             wei@example.com",
                            id.get_ref().trim()
                        ),
                        format!(
                            "[people.{person}] email = \"{}\"：应为邮件地址，如 wei@example.com",
                            id.get_ref().trim()
                        ),
                    ),
                ));
            }
            known.insert(key.clone(), id.get_ref().trim().to_owned());
        }
        people.insert(person.clone(), known);
    }
    Ok(people)
}
