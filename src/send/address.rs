//! A webhook's address as it may be shown: its host and path with the token
//! parts (the last path segment, every query value) masked, for dry runs and
//! errors. The address itself is a secret.

use crate::domain::words::Said;
use crate::fetch::endpoint::check_address;

/// `https://open.feishu.cn/open-apis/bot/v2/hook/…`, `…/send?key=…`: the
/// query's values when there is a query, else the path's last segment.
pub fn masked(url: &str) -> String {
    if let Some((address, query)) = url.split_once('?') {
        let keys: Vec<String> = query
            .split('&')
            .map(|pair| format!("{}=…", pair.split_once('=').map_or(pair, |(key, _)| key)))
            .collect();
        return format!("{address}?{}", keys.join("&"));
    }
    match url.rsplit_once('/') {
        Some((before, last)) if !last.is_empty() && before.matches('/').count() > 2 => {
            format!("{before}/…")
        }
        _ => url.to_owned(),
    }
}

/// Whether opsdeck may post to `url` (https, or plain http to this
/// machine), said with the address masked.
pub fn check_webhook(url: &str) -> Result<(), Said> {
    check_address(url)
        .map_err(|why| why.map(|text| text.replace(url.trim().trim_end_matches('/'), &masked(url))))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_never_show() {
        assert_eq!(
            masked("https://open.feishu.cn/open-apis/bot/v2/hook/abc-123"),
            "https://open.feishu.cn/open-apis/bot/v2/hook/…"
        );
        assert_eq!(
            masked("https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=SECRET"),
            "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…"
        );
        assert_eq!(
            masked("https://hooks.slack.com/services/T0/B0/XYZ"),
            "https://hooks.slack.com/services/T0/B0/…"
        );
        let refused = check_webhook("http://example.com/hook/TOKEN").unwrap_err();
        assert!(!refused.en.contains("TOKEN"), "{refused:?}");
        assert!(!refused.zh.contains("TOKEN"), "{refused:?}");
        assert!(check_webhook("http://127.0.0.1:9/hook/x").is_ok());
    }
}
