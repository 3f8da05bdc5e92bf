//! The signatures chat bots check (HMAC-SHA256, base64): Feishu and Lark
//! key the HMAC with `timestamp\nsecret` and sign nothing, DingTalk keys it
//! with the secret and signs `timestamp\nsecret` — the two recipes are not
//! interchangeable.

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use ring::hmac;

/// Feishu's and Lark's `sign` for a body sent at `seconds` (Unix seconds).
pub fn feishu(seconds: i64, secret: &str) -> String {
    let key = hmac::Key::new(hmac::HMAC_SHA256, format!("{seconds}\n{secret}").as_bytes());
    STANDARD.encode(hmac::sign(&key, b"").as_ref())
}

/// DingTalk's `sign` for a request sent at `millis` (Unix milliseconds),
/// percent-encoded for the query.
pub fn dingtalk(millis: i64, secret: &str) -> String {
    let key = hmac::Key::new(hmac::HMAC_SHA256, secret.as_bytes());
    let signed =
        STANDARD.encode(hmac::sign(&key, format!("{millis}\n{secret}").as_bytes()).as_ref());
    signed
        .replace('+', "%2B")
        .replace('/', "%2F")
        .replace('=', "%3D")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The worked examples of the delivery contract, checked there with
    /// Python's `hmac` and `openssl dgst -hmac`.
    #[test]
    fn the_contracts_worked_examples() {
        assert_eq!(
            feishu(1_599_360_473, "demo"),
            "l1N0gAcBjdwBvGm1xMjOF0XSyaLRpR7tuO5dHfhAYc8="
        );
        assert_eq!(
            dingtalk(1_599_360_473_000, "SECdemo"),
            "tGWkA5eQOQNCNPDgphtxIoNLO%2B%2FgD8Lcb705KQoRzeY%3D"
        );
    }
}
