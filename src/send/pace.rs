//! Keeping each channel's rate: posts to one webhook in a run are spaced
//! by the channel's limit (Feishu/Lark 5 a second and 100 a minute, WeCom
//! and DingTalk 20 a minute, Slack about one a second), so a burst is
//! queued and paced rather than throttled. The mail server keeps its own.

use std::time::Duration;

use crate::domain::channel::ChannelKind;

/// The least time between two posts to one bot of `kind` that keeps its
/// per-second and per-minute limits however many follow.
pub fn spacing(kind: ChannelKind) -> Duration {
    match kind {
        // 100 a minute is the tighter of Feishu's two limits.
        ChannelKind::Feishu | ChannelKind::Lark => Duration::from_millis(600),
        ChannelKind::Wecom | ChannelKind::Dingtalk => Duration::from_secs(3),
        ChannelKind::Slack => Duration::from_secs(1),
        ChannelKind::Email => Duration::ZERO,
    }
}

/// The addresses posted to in this run.
#[derive(Debug, Default)]
pub struct Pace {
    posted: Vec<String>,
}

impl Pace {
    /// How long to wait before posting to `address`, a bot of `kind`: its
    /// spacing when this run has posted there already. The post is noted.
    pub fn before(&mut self, address: &str, kind: ChannelKind) -> Duration {
        if self.posted.iter().any(|known| known == address) {
            spacing(kind)
        } else {
            self.posted.push(address.to_owned());
            Duration::ZERO
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_post_to_one_bot_waits_its_spacing_and_other_bots_do_not() {
        let mut pace = Pace::default();
        assert_eq!(pace.before("https://a", ChannelKind::Wecom), Duration::ZERO);
        assert_eq!(pace.before("https://b", ChannelKind::Slack), Duration::ZERO);
        assert_eq!(
            pace.before("https://a", ChannelKind::Wecom),
            Duration::from_secs(3)
        );
        assert_eq!(
            pace.before("https://b", ChannelKind::Slack),
            Duration::from_secs(1)
        );
        // 20 a minute at 3 s apart; Feishu's 100 a minute at 0.6 s apart.
        assert!(spacing(ChannelKind::Dingtalk) * 20 >= Duration::from_secs(60));
        assert!(spacing(ChannelKind::Feishu) * 100 >= Duration::from_secs(60));
        assert!(spacing(ChannelKind::Feishu) >= Duration::from_millis(200));
    }
}
