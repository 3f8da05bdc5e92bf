//! A scripted stand-in for Amazon's servers in unit tests: it answers each
//! request with the next answer of its script and keeps every request. With
//! it, what the tests of the flows share: an app, its tokens, gzip.

use std::collections::VecDeque;
use std::io::Write;

use super::credentials::LwaApp;
use super::endpoint::Endpoint;
use super::http::{Http, Request, Response};
use super::lwa::Tokens;
use super::secret::Secret;

/// Login with Amazon's answer to a token exchange.
pub const TOKEN: &str = r#"{"access_token":"Atza|token","token_type":"bearer","expires_in":3600}"#;

/// An app with made-up credentials.
pub fn test_app() -> LwaApp {
    LwaApp {
        client_id: "amzn1.application-oa2-client.x".into(),
        client_secret: Secret::new("client-secret"),
        refresh_token: Secret::new("Atzr|refresh"),
    }
}

/// The tokens of `test_app`, from Amazon's token endpoint.
pub fn tokens() -> Tokens {
    Tokens::new(
        test_app(),
        Endpoint::known("https://api.amazon.com/auth/o2/token"),
    )
}

/// `bytes` gzip-compressed, as Amazon sends report documents.
pub fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    // Writing to memory cannot fail.
    let _ = encoder.write_all(bytes);
    encoder.finish().unwrap_or_default()
}

#[derive(Debug, Default)]
pub struct Scripted {
    answers: VecDeque<Result<Response, String>>,
    /// Every request received, in order.
    pub requests: Vec<Request>,
}

impl Scripted {
    pub fn new() -> Self {
        Self::default()
    }

    #[must_use]
    pub fn answer(mut self, status: u16, headers: &[(&str, &str)], body: &str) -> Self {
        self.answers.push_back(Ok(Response {
            status,
            headers: headers
                .iter()
                .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
                .collect(),
            body: body.as_bytes().to_vec(),
        }));
        self
    }

    #[must_use]
    pub fn answer_bytes(mut self, status: u16, headers: &[(&str, &str)], body: Vec<u8>) -> Self {
        self = self.answer(status, headers, "");
        if let Some(Ok(last)) = self.answers.back_mut() {
            last.body = body;
        }
        self
    }

    #[must_use]
    pub fn fail(mut self, why: &str) -> Self {
        self.answers.push_back(Err(why.to_owned()));
        self
    }
}

impl Http for Scripted {
    fn send(&mut self, request: &Request) -> Result<Response, String> {
        self.requests.push(request.clone());
        self.answers
            .pop_front()
            .unwrap_or_else(|| Err(format!("the script has no answer for {request:?}")))
    }
}
