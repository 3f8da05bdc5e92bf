//! The HTTP layer the flows talk through: a request, a response, and the
//! one-method trait a real client (`ureq_http`) and the tests' scripted
//! server both implement. A request's `Debug` shows its method and address
//! only: its headers carry tokens.

use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    Get,
    Post,
}

/// The largest answer an API call may send: its JSON is a few kilobytes.
pub const API_ANSWER_LIMIT: u64 = 16 * 1024 * 1024;

/// One request; `headers` may hold secrets and are never shown.
#[derive(Clone, PartialEq, Eq)]
pub struct Request {
    pub method: Method,
    pub url: String,
    pub headers: Vec<(String, String)>,
    pub body: Option<String>,
    /// The most bytes of answer read: more is a failure, never retried.
    pub limit: u64,
    /// How long the whole exchange may take, answer included (the time left
    /// before the command's deadline); `None`: the client's own bound.
    pub timeout: Option<std::time::Duration>,
}

impl Request {
    pub fn get(url: impl Into<String>) -> Self {
        Self {
            method: Method::Get,
            url: url.into(),
            headers: Vec::new(),
            body: None,
            limit: API_ANSWER_LIMIT,
            timeout: None,
        }
    }

    pub fn post(url: impl Into<String>, body: impl Into<String>) -> Self {
        Self {
            method: Method::Post,
            url: url.into(),
            headers: Vec::new(),
            body: Some(body.into()),
            limit: API_ANSWER_LIMIT,
            timeout: None,
        }
    }

    /// The request with answers of up to `bytes` read.
    #[must_use]
    pub fn limited_to(mut self, bytes: u64) -> Self {
        self.limit = bytes;
        self
    }

    #[must_use]
    pub fn header(mut self, name: &str, value: &str) -> Self {
        self.headers.push((name.to_owned(), value.to_owned()));
        self
    }
}

impl fmt::Debug for Request {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?} {}", self.method, self.url)
    }
}

/// One response: its status, headers and body as sent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Response {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Response {
    /// The value of header `name` (any case).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }

    pub fn is_success(&self) -> bool {
        (200..300).contains(&self.status)
    }
}

/// Sends requests. An `Err` is a network failure (no response at all), or
/// an answer larger than the request's limit (see `too_large`).
pub trait Http {
    fn send(&mut self, request: &Request) -> Result<Response, String>;
}

/// The failure of an answer larger than `limit` bytes: retrying would fetch it again.
pub fn too_large(limit: u64) -> String {
    format!("{TOO_LARGE} {} MB", limit / (1024 * 1024))
}

/// Whether a failure is an answer too large (`too_large`).
pub fn is_too_large(failure: &str) -> bool {
    failure.starts_with(TOO_LARGE)
}

const TOO_LARGE: &str = "the answer is larger than the limit of";

/// `text` encoded for an `application/x-www-form-urlencoded` body.
pub fn form_encode(pairs: &[(&str, &str)]) -> String {
    let encode = |text: &str| {
        text.bytes()
            .map(|b| match b {
                b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => {
                    (b as char).to_string()
                }
                b' ' => "+".to_owned(),
                other => format!("%{other:02X}"),
            })
            .collect::<String>()
    };
    pairs
        .iter()
        .map(|(k, v)| format!("{}={}", encode(k), encode(v)))
        .collect::<Vec<_>>()
        .join("&")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn form_values_are_percent_encoded_and_requests_do_not_show_their_headers() {
        assert_eq!(
            form_encode(&[("refresh_token", "Atzr|a b/c"), ("x", "é")]),
            "refresh_token=Atzr%7Ca+b%2Fc&x=%C3%A9"
        );
        let request =
            Request::get("https://a.example/x").header("x-amz-access-token", "Atza|secret");
        assert_eq!(format!("{request:?}"), "Get https://a.example/x");
    }
}
