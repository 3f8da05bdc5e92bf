//! A scripted stand-in for Amazon's servers in unit tests: it answers each
//! request with the next answer of its script and keeps every request.

use std::collections::VecDeque;

use super::http::{Http, Request, Response};

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
