//! Posting: a throttled or failing channel is tried again within `--wait`
//! (its `Retry-After` first), a refusal is not, and secrets never show.

use std::collections::VecDeque;
use std::time::Duration;

use super::*;
use crate::fetch::clock::TestClock;
use crate::fetch::secret::Secret;

/// Answers in turn, then the last one again.
struct Answers(VecDeque<Response>);

impl Http for Answers {
    fn send(&mut self, _: &Request) -> Result<Response, String> {
        let next = if self.0.len() > 1 {
            self.0.pop_front()
        } else {
            self.0.front().cloned()
        };
        next.ok_or_else(|| "no answer".to_owned())
    }
}

fn answer(status: u16, headers: &[(&str, &str)], body: &str) -> Response {
    Response {
        status,
        headers: headers
            .iter()
            .map(|(n, v)| ((*n).to_owned(), (*v).to_owned()))
            .collect(),
        body: body.as_bytes().to_vec(),
    }
}

fn secrets() -> ChannelSecrets {
    ChannelSecrets {
        url: Secret::new("https://example.com/hook/TOKEN"),
        secret: None,
    }
}

/// Posts against `answers` with `wait`, giving the outcome and the pauses taken.
fn posted(kind: ChannelKind, answers: Vec<Response>, wait: u64) -> (Result<(), Said>, Vec<u64>) {
    let mut clock = TestClock::at(chrono::DateTime::UNIX_EPOCH);
    clock.deadline = Some(Duration::from_secs(wait));
    let request = Request::post("https://example.com/hook/TOKEN", "{}");
    let outcome = post(
        &mut Answers(answers.into()),
        kind,
        &request,
        &secrets(),
        &mut clock,
    );
    (outcome, clock.waits.iter().map(Duration::as_secs).collect())
}

#[test]
fn each_try_is_given_what_is_left_of_the_wait_and_at_least_the_shortest_try() {
    let mut clock = TestClock::at(chrono::DateTime::UNIX_EPOCH);
    clock.deadline = Some(Duration::from_secs(6));
    assert_eq!(for_a_try(&clock), Duration::from_secs(6));
    clock.sleep(Duration::from_secs(5));
    assert_eq!(for_a_try(&clock), SHORTEST_TRY);
    assert!(can_wait(&clock, Duration::from_secs(1)));
    assert!(!can_wait(&clock, Duration::from_secs(2)));
}

#[test]
fn throttled_channels_are_tried_again_after_the_pause_they_ask_for() {
    let throttled = answer(200, &[], r#"{"code":11232,"msg":"frequency limited"}"#);
    let ok = answer(200, &[], r#"{"code":0,"msg":"success"}"#);
    assert_eq!(
        posted(
            ChannelKind::Feishu,
            vec![throttled.clone(), throttled, ok],
            60
        ),
        (Ok(()), vec![2, 4])
    );
    let limited = answer(429, &[("Retry-After", "7")], "rate_limited");
    let done = answer(200, &[], "ok");
    assert_eq!(
        posted(ChannelKind::Slack, vec![limited, done], 60),
        (Ok(()), vec![7])
    );
}

#[test]
fn a_throttle_past_the_wait_gives_up_and_a_refusal_is_not_retried() {
    let throttled = answer(200, &[], r#"{"errcode":410100,"errmsg":"send too fast"}"#);
    let (outcome, waits) = posted(ChannelKind::Dingtalk, vec![throttled], 45);
    assert_eq!(waits, vec![30], "30 s, then 60 s is more than what is left");
    let why = outcome.unwrap_err();
    assert!(why.en.contains("code 410100: send too fast"), "{why:?}");
    assert!(why.en.contains("gave up"), "{why:?}");
    assert!(why.zh.contains("代码 410100：send too fast"), "{why:?}");
    assert!(why.zh.contains("已放弃"), "{why:?}");
    let refused = answer(
        200,
        &[],
        r#"{"errcode":93000,"errmsg":"invalid webhook url"}"#,
    );
    let (outcome, waits) = posted(ChannelKind::Wecom, vec![refused], 600);
    assert!(waits.is_empty(), "a wrong address is not asked again");
    assert_eq!(
        outcome.unwrap_err().en,
        "HTTP 200, code 93000: invalid webhook url"
    );
}

#[test]
fn a_secret_the_channel_echoes_is_hidden() {
    let echo = answer(
        200,
        &[],
        r#"{"errcode":40058,"errmsg":"bad request to https://example.com/hook/TOKEN"}"#,
    );
    let (outcome, _) = posted(ChannelKind::Wecom, vec![echo], 10);
    let why = outcome.unwrap_err();
    assert!(
        !why.en.contains("TOKEN") && !why.zh.contains("TOKEN"),
        "{why:?}"
    );
    assert!(why.en.contains("https://example.com/hook/…"), "{why:?}");
}
