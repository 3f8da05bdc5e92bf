//! What went wrong talking to Amazon, in words for the person fetching:
//! the operation, the status and what Amazon said — its error code and
//! message, never a token or a secret.

use std::fmt;

use serde::Deserialize;
use serde::de::DeserializeOwned;

use crate::domain::settings::Language;
use crate::domain::words::Said;

use super::http::Response;
use super::redact::redact;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ApiError {
    /// No answer at all, after the retries.
    Network { operation: String, why: Said },
    /// An answer that says no.
    Refused {
        operation: String,
        status: u16,
        said: String,
    },
    /// An answer opsdeck cannot read.
    Unreadable { operation: String, why: Said },
}

impl ApiError {
    /// The error of `operation` answered by `response`.
    pub fn refused(operation: &str, response: &Response) -> Self {
        ApiError::Refused {
            operation: operation.to_owned(),
            status: response.status,
            said: if (300..400).contains(&response.status) {
                "a redirect, not followed (an API call carries its token only to the address asked)"
                    .to_owned()
            } else {
                what_amazon_said(response)
            },
        }
    }

    pub fn network(operation: &str, why: &Said) -> Self {
        ApiError::Network {
            operation: operation.to_owned(),
            why: why.map(|text| redact(text, &[])),
        }
    }

    /// An answer that is not what `operation` expects, for the reason
    /// given in every language.
    pub fn unreadable_for(operation: &str, why: &Said) -> Self {
        ApiError::Unreadable {
            operation: operation.to_owned(),
            why: why.map(|text| redact(text, &[])),
        }
    }

    /// An answer that is not what `operation` expects, as a parser says it.
    pub fn unreadable(operation: &str, why: impl fmt::Display) -> Self {
        Self::unreadable_for(operation, &Said::same(why.to_string()))
    }

    /// What the manifest keeps of it: the operation and the kind of
    /// failure, with the status, never a server's words.
    pub fn summary(&self) -> String {
        match self {
            ApiError::Network { operation, .. } => format!("{operation}: no answer"),
            ApiError::Refused {
                operation, status, ..
            } => format!("{operation}: refused ({status})"),
            ApiError::Unreadable { operation, .. } => format!("{operation}: unreadable answer"),
        }
    }

    /// The answer to `operation` read as `T`: a refusal when Amazon said
    /// no, unreadable when it is not the JSON expected.
    pub fn answer_as<T: DeserializeOwned>(operation: &str, response: &Response) -> Result<T, Self> {
        if !response.is_success() {
            return Err(Self::refused(operation, response));
        }
        serde_json::from_slice(&response.body).map_err(|error| Self::unreadable(operation, error))
    }

    /// Whether the command's deadline (`--wait`) stopped it, not Amazon.
    pub fn is_deadline(&self) -> bool {
        matches!(self, ApiError::Network { why, .. } if super::retry::is_deadline(why))
    }

    /// The error with every value of `known` (the secrets opsdeck sent,
    /// raw or percent-encoded) hidden from its words.
    #[must_use]
    pub fn hiding(self, known: &[&str]) -> Self {
        match self {
            ApiError::Network { operation, why } => ApiError::Network {
                operation,
                why: why.map(|text| redact(text, known)),
            },
            ApiError::Refused {
                operation,
                status,
                said,
            } => ApiError::Refused {
                operation,
                status,
                said: redact(&said, known),
            },
            ApiError::Unreadable { operation, why } => ApiError::Unreadable {
                operation,
                why: why.map(|text| redact(text, known)),
            },
        }
    }

    /// Whether the deadline came before the request was sent at all.
    pub fn is_deadline_before_asking(&self) -> bool {
        matches!(self, ApiError::Network { why, .. } if why.en == super::retry::DEADLINE.en)
    }

    /// The HTTP status of a refusal.
    pub fn status(&self) -> Option<u16> {
        match self {
            ApiError::Refused { status, .. } => Some(*status),
            _ => None,
        }
    }
}

impl ApiError {
    /// What went wrong, in every language: opsdeck's words around the
    /// operation and Amazon's own.
    pub fn said(&self) -> Said {
        match self {
            ApiError::Network { operation, why } if super::retry::is_deadline(why) => Said::both(
                format!("{operation}: {}", why.en),
                format!("{operation}：{}", why.zh),
            ),
            ApiError::Network { operation, why } => Said::both(
                format!("{operation}: no answer from Amazon ({})", why.en),
                format!("{operation}：亚马逊没有应答（{}）", why.zh),
            ),
            ApiError::Refused {
                operation,
                status,
                said,
            } => Said::both(
                format!("{operation}: Amazon answered {status}: {said}"),
                format!("{operation}：亚马逊应答 {status}：{said}"),
            ),
            ApiError::Unreadable { operation, why } => Said::both(
                format!(
                    "{operation}: Amazon's answer could not be read ({})",
                    why.en
                ),
                format!("{operation}：无法读取亚马逊的应答（{}）", why.zh),
            ),
        }
    }

    /// What went wrong, in `language`.
    pub fn in_language(&self, language: Language) -> String {
        self.said().get(language).clone()
    }
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.in_language(Language::English))
    }
}

#[derive(Deserialize)]
struct ErrorList {
    #[serde(default)]
    errors: Vec<ErrorEntry>,
    /// Login with Amazon's OAuth fields.
    error: Option<String>,
    error_description: Option<String>,
    /// The Ads API's fields.
    code: Option<String>,
    details: Option<String>,
}

#[derive(Deserialize)]
struct ErrorEntry {
    code: String,
    message: String,
}

/// Amazon's own words from an error body, or the start of the body.
fn what_amazon_said(response: &Response) -> String {
    let said = serde_json::from_slice::<ErrorList>(&response.body)
        .ok()
        .map(|list| {
            let mut parts: Vec<String> = list
                .errors
                .iter()
                .map(|e| format!("{} — {}", e.code, e.message))
                .collect();
            parts.extend(
                [list.error, list.error_description, list.code, list.details]
                    .into_iter()
                    .flatten(),
            );
            parts.join("; ")
        });
    let said = said
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| response.text().chars().take(200).collect::<String>());
    let said = match (said.trim().is_empty(), response.status) {
        (true, 429) => "too many requests".to_owned(),
        (true, _) => "no words".to_owned(),
        (false, _) => said,
    };
    crate::domain::untrusted::clean(&redact(&said, &[])).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amazons_error_list_and_oauth_errors_are_said_in_its_words() {
        let response = |body: &str| Response {
            status: 400,
            headers: Vec::new(),
            body: body.as_bytes().to_vec(),
        };
        let sp = ApiError::refused(
            "createReport",
            &response(
                r#"{"errors":[{"code":"InvalidInput","message":"Invalid marketplace","details":""}]}"#,
            ),
        );
        assert_eq!(
            sp.to_string(),
            "createReport: Amazon answered 400: InvalidInput — Invalid marketplace"
        );
        let lwa = ApiError::refused(
            "token",
            &response(
                r#"{"error":"invalid_grant","error_description":"The request has an invalid grant parameter"}"#,
            ),
        );
        assert!(
            lwa.to_string()
                .ends_with("invalid_grant; The request has an invalid grant parameter")
        );
    }
}
