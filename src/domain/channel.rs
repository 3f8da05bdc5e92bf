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
    /// E-mail over SMTP (the server in the credentials' `[smtp]`).
    Email => "email",
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
    /// The addresses an e-mail channel writes to (empty for the chats).
    pub to: Vec<String>,
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

/// Whether `text` is `local@domain` with no space, control character,
/// bracket, comma or second `@`; the mail server has the last word.
pub fn looks_like_address(text: &str) -> bool {
    let mut parts = text.split('@');
    let plain = !text
        .chars()
        .any(|c| c.is_whitespace() || c.is_control() || matches!(c, '<' | '>' | ',' | '"'));
    matches!(
        (parts.next(), parts.next(), parts.next()),
        (Some(local), Some(domain), None)
            if plain
                && !local.is_empty()
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
    )
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
            "feishu, lark, wecom, dingtalk, slack or email"
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

    #[test]
    fn addresses_are_one_local_part_at_a_dotted_domain() {
        assert!(looks_like_address("ops@example.com"));
        assert!(looks_like_address("小张@例子.中国"));
        for bad in [
            "ops",
            "ops@example",
            "@example.com",
            "a@b@c.com",
            "a b@c.com",
            "a@c.com>",
            "a@.com",
        ] {
            assert!(!looks_like_address(bad), "{bad}");
        }
    }
}
