//! Text from the network made safe to show and to store. A server, a proxy
//! or an error page can echo what opsdeck sent — the client secret, a
//! refresh token, an access token — raw, percent-encoded, in a form or in
//! JSON. Every such value becomes `<secret>`: the values opsdeck knows it
//! sent, the values of the names forms, headers and JSON give secrets, and
//! the values that carry the prefixes of Amazon's tokens and secrets.

/// What a secret is shown as.
const HIDDEN: &str = "<secret>";

/// Names whose value is a secret wherever a form, a header or JSON writes them.
const SECRET_NAMES: [&str; 5] = [
    "client_secret",
    "refresh_token",
    "access_token",
    "x-amz-access-token",
    "authorization",
];

/// How Amazon's tokens and secrets begin (`|` may come percent-encoded).
const SECRET_PREFIXES: [&str; 5] = ["Atzr|", "Atza|", "Atzr%7C", "Atza%7C", "amzn1.oa2-cs."];

/// `text` with every secret it holds replaced; `known` are the secrets opsdeck sent.
pub fn redact(text: &str, known: &[&str]) -> String {
    let mut out = text.to_owned();
    for secret in known.iter().filter(|s| s.len() >= 4) {
        for form in [(*secret).to_owned(), percent_encoded(secret)] {
            out = out.replace(&form, HIDDEN);
        }
    }
    for name in SECRET_NAMES {
        out = hide_values_after(&out, name);
    }
    for prefix in SECRET_PREFIXES {
        out = hide_from(&out, prefix);
    }
    out
}

/// Whether `c` ends a value in a form, a header or JSON.
fn ends_value(c: char) -> bool {
    c.is_whitespace() || matches!(c, '&' | '"' | '\'' | ',' | ';' | '}' | ']' | '<' | '>')
}

/// `text` with the value after each `name` (any case) and its `=` or `:` hidden.
fn hide_values_after(text: &str, name: &str) -> String {
    let lower = text.to_ascii_lowercase();
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    while let Some(found) = lower[at..].find(name) {
        let after_name = at + found + name.len();
        out.push_str(&text[at..after_name]);
        let rest = &text[after_name..];
        let separator = rest
            .char_indices()
            .take_while(|(_, c)| matches!(c, '"' | '\'' | ' ' | '=' | ':'))
            .last()
            .map_or(0, |(i, c)| i + c.len_utf8());
        if !rest[..separator].contains(['=', ':']) {
            at = after_name;
            continue;
        }
        out.push_str(&rest[..separator]);
        let value = &rest[separator..];
        // `Authorization: Bearer <token>` hides the token, not the scheme.
        let scheme = ["Bearer ", "bearer "]
            .iter()
            .find(|s| value.starts_with(**s))
            .map_or(0, |s| s.len());
        out.push_str(&value[..scheme]);
        let length = value[scheme..]
            .find(ends_value)
            .unwrap_or(value.len() - scheme);
        if length > 0 {
            out.push_str(HIDDEN);
        }
        at = after_name + separator + scheme + length;
    }
    out.push_str(&text[at..]);
    out
}

/// `text` with each run starting with `prefix` hidden up to the end of its value.
fn hide_from(text: &str, prefix: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(found) = rest.find(prefix) {
        out.push_str(&rest[..found]);
        out.push_str(HIDDEN);
        let value = &rest[found..];
        let length = value.find(ends_value).unwrap_or(value.len());
        rest = &value[length..];
    }
    out.push_str(rest);
    out
}

/// `text` as a form encodes it, so an echoed form shows it that way.
fn percent_encoded(text: &str) -> String {
    super::http::form_encode(&[("", text)])
        .trim_start_matches('=')
        .to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_echoed_form_json_and_headers_show_no_secret() {
        let form = "invalid_client: grant_type=refresh_token&refresh_token=Atzr%7CIwEBI-x&client_id=amzn1.application-oa2-client.1&client_secret=s3cr3t-value";
        let shown = redact(form, &[]);
        assert!(
            !shown.contains("IwEBI") && !shown.contains("s3cr3t"),
            "{shown}"
        );
        assert!(
            shown.contains("client_id=amzn1.application-oa2-client.1"),
            "{shown}"
        );
        let json =
            r#"{"error":"x","echo":{"client_secret": "abc123", "refresh_token":"Atzr|IwE"}}"#;
        let shown = redact(json, &[]);
        assert!(
            !shown.contains("abc123") && !shown.contains("IwE"),
            "{shown}"
        );
        let header = "Authorization: Bearer Atza|token-here x-amz-access-token: Atza|other";
        let shown = redact(header, &[]);
        assert!(
            !shown.contains("token-here") && !shown.contains("other"),
            "{shown}"
        );
        assert!(shown.contains("Bearer <secret>"), "{shown}");
    }

    #[test]
    fn a_known_secret_is_hidden_raw_and_percent_encoded() {
        let secret = "my secret/with+symbols";
        let text = format!("said {secret} and {}", percent_encoded(secret));
        let shown = redact(&text, &[secret]);
        assert_eq!(shown, "said <secret> and <secret>");
        assert_eq!(redact("nothing here", &[secret]), "nothing here");
    }
}
