//! Where the meeting is sent: the team's chat channels and how each person
//! is mentioned on each. Pure: std only.

use std::collections::BTreeMap;

/// Declares `ChannelKind` with its name in `opsdeck.toml` from one list.
macro_rules! channel_kinds {
    ($($(#[$doc:meta])* $kind:ident => $name:literal,)+) => {
        /// A kind of chat a channel is.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum ChannelKind {
            $($(#[$doc])* $kind,)+
        }

        impl ChannelKind {
            /// Every kind, in declaration order.
            pub const ALL: &'static [ChannelKind] = &[$(ChannelKind::$kind,)+];

            /// Its name in `opsdeck.toml` (`kind = "feishu"`) and in `[people.X]`.
            pub fn name(self) -> &'static str {
                match self {
                    $(ChannelKind::$kind => $name,)+
                }
            }
        }
    };
}

channel_kinds! {
    /// A Feishu custom bot (open.feishu.cn).
    Feishu => "feishu",
    /// A Lark custom bot (open.larksuite.com), Feishu's international twin.
    Lark => "lark",
    /// A WeCom (企业微信) group bot.
    Wecom => "wecom",
    /// A DingTalk (钉钉) custom robot.
    Dingtalk => "dingtalk",
    /// A Slack incoming webhook.
    Slack => "slack",
}

impl ChannelKind {
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|kind| kind.name() == name)
    }

    /// Every name, for an error that lists them: `feishu, lark, … or slack`.
    pub fn names() -> String {
        let names: Vec<&str> = Self::ALL.iter().map(|kind| kind.name()).collect();
        match names.split_last() {
            Some((last, rest)) if !rest.is_empty() => format!("{} or {last}", rest.join(", ")),
            _ => names.join(""),
        }
    }
}

/// One channel the team sends to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Channel {
    /// The name `--to` and `[channels.NAME]` in the credentials use.
    pub name: String,
    pub kind: ChannelKind,
}

/// One message the minutes record as sent: where, what, when, and a digest
/// of its content, so the same content is not sent twice.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sent {
    pub channel: String,
    /// `minutes`, `digest` …
    pub what: String,
    /// When it was sent (RFC 3339).
    pub at: String,
    /// SHA-256 of the message as rendered for the channel, in hex.
    pub digest: String,
}

/// How each person is mentioned on each kind of channel: `[people.Wei]
/// feishu = "ou_…"`, by person, then by `ChannelKind::name`.
pub type People = BTreeMap<String, BTreeMap<String, String>>;

/// The id that mentions `person` on `kind`, if the people table has one
/// (the person's name in any case).
pub fn mention_id<'a>(people: &'a People, person: &str, kind: ChannelKind) -> Option<&'a str> {
    people
        .iter()
        .find(|(name, _)| name.eq_ignore_ascii_case(person))
        .and_then(|(_, ids)| ids.get(kind.name()))
        .map(String::as_str)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_by_name_and_people_by_any_case() {
        assert_eq!(
            ChannelKind::from_name("dingtalk"),
            Some(ChannelKind::Dingtalk)
        );
        assert_eq!(ChannelKind::from_name("teams"), None);
        assert_eq!(
            ChannelKind::names(),
            "feishu, lark, wecom, dingtalk or slack"
        );
        let mut people = People::new();
        people.insert(
            "Wei".to_owned(),
            BTreeMap::from([("slack".to_owned(), "U024BE7LH".to_owned())]),
        );
        assert_eq!(
            mention_id(&people, "wei", ChannelKind::Slack),
            Some("U024BE7LH")
        );
        assert_eq!(mention_id(&people, "Wei", ChannelKind::Feishu), None);
        assert_eq!(mention_id(&people, "Lina", ChannelKind::Slack), None);
    }
}
