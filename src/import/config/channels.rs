//! `[[channels]]` and `[people.X]` of `opsdeck.toml`: where the meeting is
//! sent and how each person is mentioned there; a wrong kind or key is an
//! error at its line.

use std::collections::BTreeMap;

use serde::Deserialize;
use toml::Spanned;

use crate::domain::channel::{Channel, ChannelKind, People};
use crate::import::error::ImportError;

use super::place::Place;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct ChannelRow {
    name: Spanned<String>,
    kind: Spanned<String>,
}

/// The channels, each with a known kind and a name used once.
pub(super) fn channels(at: &Place<'_>, rows: &[ChannelRow]) -> Result<Vec<Channel>, ImportError> {
    let mut channels: Vec<Channel> = Vec::new();
    for row in rows {
        let kind = ChannelKind::from_name(row.kind.get_ref()).ok_or_else(|| {
            at.error(
                &row.kind,
                format!(
                    "[[channels]] kind = \"{}\": expected {}",
                    row.kind.get_ref(),
                    ChannelKind::names()
                ),
            )
        })?;
        let name = row.name.get_ref().trim().to_owned();
        if name.is_empty() || channels.iter().any(|c| c.name.eq_ignore_ascii_case(&name)) {
            return Err(at.error(
                &row.name,
                format!(
                    "[[channels]] name = \"{name}\": each channel needs a name of its own, \
                     which `opsdeck send --to` and the credentials' [channels.NAME] use"
                ),
            ));
        }
        channels.push(Channel { name, kind });
    }
    Ok(channels)
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
                        format!(
                            "[send] on_close names \"{}\", which is not a [[channels]] name",
                            name.get_ref()
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
            if ChannelKind::from_name(key).is_none() {
                return Err(at.error(
                    id,
                    format!(
                        "[people.{person}] {key}: expected one of {}",
                        ChannelKind::names()
                    ),
                ));
            }
            known.insert(key.clone(), id.get_ref().trim().to_owned());
        }
        people.insert(person.clone(), known);
    }
    Ok(people)
}
