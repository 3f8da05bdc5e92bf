//! Login with Amazon: a refresh token exchanged for an access token, kept
//! while it has more than five minutes to live and exchanged again when it
//! has not, or when an API says it is no longer good.

use std::time::Duration;

use serde::Deserialize;

use super::api_error::ApiError;
use super::clock::Clock;
use super::credentials::LwaApp;
use super::endpoint::Endpoint;
use super::http::{Http, Request, form_encode};
use super::retry::{Backoff, send_retrying};
use super::secret::Secret;

/// Left of a token's life when it is exchanged again.
const REFRESH_BEFORE: Duration = Duration::from_secs(300);

const BACKOFF: Backoff = Backoff {
    base: Duration::from_secs(2),
    cap: Duration::from_secs(60),
    tries: 5,
};

#[derive(Deserialize)]
struct TokenAnswer {
    access_token: Secret,
    expires_in: u64,
}

/// The access tokens of one app.
#[derive(Debug)]
pub struct Tokens {
    app: LwaApp,
    endpoint: Endpoint,
    current: Option<(Secret, Duration)>,
    /// Every access token this app was given, to hide wherever a server echoes one.
    issued: Vec<Secret>,
}

impl Tokens {
    pub fn new(app: LwaApp, endpoint: Endpoint) -> Self {
        Self {
            app,
            endpoint,
            current: None,
            issued: Vec::new(),
        }
    }

    /// The secrets of this app a server could echo: its client secret, its
    /// refresh token and the access tokens it was given.
    pub fn secrets(&self) -> Vec<&str> {
        [&self.app.client_secret, &self.app.refresh_token]
            .into_iter()
            .chain(&self.issued)
            .map(Secret::expose)
            .collect()
    }

    pub fn client_id(&self) -> &str {
        &self.app.client_id
    }

    /// A live access token; a new one when `renew` (an API refused the last).
    pub fn access(
        &mut self,
        http: &mut dyn Http,
        clock: &mut dyn Clock,
        renew: bool,
    ) -> Result<Secret, ApiError> {
        if let Some((token, until)) = &self.current
            && !renew
            && clock.elapsed() + REFRESH_BEFORE < *until
        {
            return Ok(token.clone());
        }
        let body = form_encode(&[
            ("grant_type", "refresh_token"),
            ("refresh_token", self.app.refresh_token.expose()),
            ("client_id", &self.app.client_id),
            ("client_secret", self.app.client_secret.expose()),
        ]);
        let request = Request::post(self.endpoint.as_str(), body).header(
            "Content-Type",
            "application/x-www-form-urlencoded;charset=UTF-8",
        );
        let response = send_retrying(http, clock, &request, BACKOFF)
            .map_err(|why| ApiError::network("Login with Amazon", &why))?;
        let answer: TokenAnswer = ApiError::answer_as("Login with Amazon", &response)?;
        let until = clock.elapsed() + Duration::from_secs(answer.expires_in);
        self.current = Some((answer.access_token.clone(), until));
        self.issued.push(answer.access_token.clone());
        Ok(answer.access_token)
    }
}

impl Tokens {
    /// Sends the request `build` makes with an access token, retrying as
    /// `backoff` allows; a 401 gets a new token once. The answer, whatever it is.
    pub fn send(
        &mut self,
        http: &mut dyn Http,
        clock: &mut dyn Clock,
        operation: &str,
        backoff: Backoff,
        build: &dyn Fn(&Secret) -> Request,
    ) -> Result<super::http::Response, ApiError> {
        let mut renew = false;
        loop {
            let token = self.access(http, clock, renew)?;
            let response = send_retrying(http, clock, &build(&token), backoff)
                .map_err(|why| ApiError::network(operation, &why))?;
            if response.status == 401 && !renew {
                renew = true;
                continue;
            }
            return Ok(response);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fetch::clock::TestClock;
    use crate::fetch::scripted::{Scripted, tokens};

    #[test]
    fn a_token_is_kept_until_five_minutes_before_it_expires() {
        let token = |t: &str| {
            format!(r#"{{"access_token":"{t}","token_type":"bearer","expires_in":3600}}"#)
        };
        let mut http = Scripted::new()
            .answer(200, &[], &token("Atza|one"))
            .answer(200, &[], &token("Atza|two"))
            .answer(200, &[], &token("Atza|three"));
        let mut clock = TestClock::at(chrono::Utc::now());
        let mut tokens = tokens();
        assert_eq!(
            tokens
                .access(&mut http, &mut clock, false)
                .unwrap()
                .expose(),
            "Atza|one"
        );
        clock.sleep(Duration::from_secs(3000));
        assert_eq!(
            tokens
                .access(&mut http, &mut clock, false)
                .unwrap()
                .expose(),
            "Atza|one"
        );
        clock.sleep(Duration::from_secs(301));
        assert_eq!(
            tokens
                .access(&mut http, &mut clock, false)
                .unwrap()
                .expose(),
            "Atza|two"
        );
        assert_eq!(
            tokens.access(&mut http, &mut clock, true).unwrap().expose(),
            "Atza|three"
        );
        let body = http.requests[0].body.clone().unwrap();
        assert!(
            body.starts_with("grant_type=refresh_token&refresh_token=Atzr%7Crefresh&client_id=")
        );
    }

    #[test]
    fn a_refused_refresh_token_says_what_amazon_said_and_no_secret() {
        let mut http = Scripted::new().answer(
            400,
            &[],
            r#"{"error":"invalid_grant","error_description":"The request has an invalid grant parameter"}"#,
        );
        let mut clock = TestClock::at(chrono::Utc::now());
        let mut tokens = tokens();
        let error = tokens
            .access(&mut http, &mut clock, false)
            .unwrap_err()
            .to_string();
        assert!(error.contains("invalid_grant"), "{error}");
        assert!(
            !error.contains("refresh") || !error.contains("Atzr"),
            "{error}"
        );
        assert!(!error.contains("client-secret"), "{error}");
    }
}
