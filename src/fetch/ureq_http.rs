//! The real HTTP client: `ureq`, blocking, TLS by rustls. Every status
//! comes back as an answer (the flows decide what a 4xx means); redirects
//! are never followed here (a redirect would carry the access token to
//! wherever it points), and no more of a body is read than the request's limit.

use std::time::Duration;

use super::http::{Http, Method, Request, Response, too_large};

/// The longest one exchange may take, answer included, whatever the deadline.
const REQUEST_TIMEOUT: Duration = Duration::from_secs(600);

pub struct UreqHttp {
    agent: ureq::Agent,
}

impl UreqHttp {
    pub fn new() -> Self {
        let agent = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .max_redirects(0)
            .timeout_connect(Some(Duration::from_secs(30)))
            .timeout_global(Some(REQUEST_TIMEOUT))
            .build()
            .into();
        Self { agent }
    }
}

impl Default for UreqHttp {
    fn default() -> Self {
        Self::new()
    }
}

/// `call` with the request's headers, and its time left as the whole exchange's bound.
fn prepared<B>(mut call: ureq::RequestBuilder<B>, request: &Request) -> ureq::RequestBuilder<B> {
    for (name, value) in &request.headers {
        call = call.header(name, value);
    }
    match request.timeout {
        Some(left) => call
            .config()
            .timeout_global(Some(left.min(REQUEST_TIMEOUT)))
            .build(),
        None => call,
    }
}

impl Http for UreqHttp {
    fn send(&mut self, request: &Request) -> Result<Response, String> {
        let result = match request.method {
            Method::Get => prepared(self.agent.get(&request.url), request).call(),
            Method::Post => prepared(self.agent.post(&request.url), request)
                .send(request.body.as_deref().unwrap_or("")),
        };
        // ureq's errors name the address, never a header.
        let mut response = result.map_err(|error| error.to_string())?;
        let status = response.status().as_u16();
        let headers = response
            .headers()
            .iter()
            .map(|(name, value)| {
                (
                    name.as_str().to_owned(),
                    value.to_str().unwrap_or_default().to_owned(),
                )
            })
            .collect();
        let body = response
            .body_mut()
            .with_config()
            .limit(request.limit)
            .read_to_vec()
            .map_err(|error| match error {
                ureq::Error::BodyExceedsLimit(_) => too_large(request.limit),
                other => other.to_string(),
            })?;
        Ok(Response {
            status,
            headers,
            body,
        })
    }
}
