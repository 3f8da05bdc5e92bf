//! The SP-API Reports API, version 2021-06-30: create a report, ask how it
//! goes, find the latest one done of a type, and get its document's address.
//! Each call keeps to its operation's rate: a throttled call waits and
//! tries again.

use std::time::Duration;

use serde::Deserialize;
use serde::de::DeserializeOwned;
use serde_json::json;

use super::api_error::ApiError;
use super::clock::Clock;
use super::endpoint::Endpoint;
use super::http::{Http, Request};
use super::lwa::Tokens;
use super::rate::Buckets;
use super::retry::Backoff;
use super::secret::Secret;

/// `createReport` and `getReportDocument`: one a minute once the burst is spent.
const SLOW: Backoff = Backoff {
    base: Duration::from_secs(60),
    cap: Duration::from_secs(300),
    tries: 8,
};
/// `getReport`: two a second.
const FAST: Backoff = Backoff {
    base: Duration::from_secs(1),
    cap: Duration::from_secs(300),
    tries: 8,
};
/// `getReports`: one every 45 seconds.
const LISTING: Backoff = Backoff {
    base: Duration::from_secs(45),
    cap: Duration::from_secs(300),
    tries: 8,
};

/// Where a report stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Processing {
    Waiting,
    Done {
        document_id: String,
    },
    /// Amazon cancelled it: no data, or asked too soon after the last one.
    Cancelled,
    /// Amazon gave up on it.
    Fatal,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Created {
    report_id: String,
}

/// A report as `getReport` describes it; the field names are Amazon's.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct ReportState {
    report_id: String,
    processing_status: String,
    report_document_id: Option<String>,
}

#[derive(Deserialize)]
struct Reports {
    #[serde(default)]
    reports: Vec<ReportState>,
}

/// A report document's address, valid five minutes.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DocumentAddress {
    pub url: String,
    pub compression_algorithm: Option<String>,
}

/// A marketplace the seller can sell in, as the Sellers API lists it.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Participation {
    pub marketplace: ParticipationMarketplace,
    pub participation: ParticipationState,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ParticipationMarketplace {
    pub id: String,
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub country_code: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ParticipationState {
    pub is_participating: bool,
}

#[derive(Deserialize)]
struct Participations {
    #[serde(default)]
    payload: Vec<Participation>,
}

/// The Reports API of one region.
pub struct SpApi<'a> {
    pub endpoint: Endpoint,
    pub tokens: &'a mut Tokens,
    /// The operations' usage plans, kept across calls.
    pub buckets: &'a mut Buckets,
}

impl SpApi<'_> {
    /// Calls `operation` within its usage plan; its answer read as `T`.
    fn call<T: DeserializeOwned>(
        &mut self,
        http: &mut dyn Http,
        clock: &mut dyn Clock,
        operation: &str,
        backoff: Backoff,
        build: &dyn Fn(&Secret) -> Request,
    ) -> Result<T, ApiError> {
        self.buckets.take(operation, clock);
        let response = self.tokens.send(http, clock, operation, backoff, build)?;
        ApiError::answer_as(operation, &response)
    }

    fn headers(request: Request, token: &Secret) -> Request {
        request
            .header("x-amz-access-token", token.expose())
            .header(
                "user-agent",
                concat!("opsdeck/", env!("CARGO_PKG_VERSION"), " (Language=Rust)"),
            )
            .header("content-type", "application/json")
    }

    /// Asks for a report of `report_type` on `marketplace_id` for the days
    /// `start` to `end` (`YYYY-MM-DD`); gives its id.
    #[allow(clippy::too_many_arguments)] // the report's whole specification
    pub fn create_report(
        &mut self,
        http: &mut dyn Http,
        clock: &mut dyn Clock,
        report_type: &str,
        marketplace_id: &str,
        start: &str,
        end: &str,
        options: &[(&str, &str)],
    ) -> Result<String, ApiError> {
        let mut body = json!({
            "reportType": report_type,
            "marketplaceIds": [marketplace_id],
            "dataStartTime": format!("{start}T00:00:00Z"),
            "dataEndTime": format!("{end}T23:59:59Z"),
        });
        if !options.is_empty() {
            body["reportOptions"] = options
                .iter()
                .map(|(k, v)| ((*k).to_owned(), json!(v)))
                .collect::<serde_json::Map<_, _>>()
                .into();
        }
        let url = self.endpoint.url("/reports/2021-06-30/reports");
        let body = body.to_string();
        let created: Created = self.call(http, clock, "createReport", SLOW, &|token| {
            Self::headers(Request::post(&url, &body), token)
        })?;
        Ok(created.report_id)
    }

    /// How report `report_id` stands.
    pub fn report(
        &mut self,
        http: &mut dyn Http,
        clock: &mut dyn Clock,
        report_id: &str,
    ) -> Result<Processing, ApiError> {
        let url = self
            .endpoint
            .url(&format!("/reports/2021-06-30/reports/{report_id}"));
        let report: ReportState = self.call(http, clock, "getReport", FAST, &|token| {
            Self::headers(Request::get(&url), token)
        })?;
        Ok(processing(&report))
    }

    /// The newest report of `report_type` on `marketplace_id` that is done:
    /// its id and document id.
    pub fn latest_done(
        &mut self,
        http: &mut dyn Http,
        clock: &mut dyn Clock,
        report_type: &str,
        marketplace_id: &str,
    ) -> Result<Option<(String, String)>, ApiError> {
        let url = self.endpoint.url(&format!(
            "/reports/2021-06-30/reports?reportTypes={report_type}&processingStatuses=DONE&marketplaceIds={marketplace_id}&pageSize=10"
        ));
        let reports: Reports = self.call(http, clock, "getReports", LISTING, &|token| {
            Self::headers(Request::get(&url), token)
        })?;
        // Amazon lists the newest first.
        Ok(reports.reports.into_iter().find_map(|r| {
            let id = r.report_id;
            r.report_document_id.map(|doc| (id, doc))
        }))
    }

    /// The marketplaces the seller sells in (`getMarketplaceParticipations`).
    pub fn participations(
        &mut self,
        http: &mut dyn Http,
        clock: &mut dyn Clock,
    ) -> Result<Vec<Participation>, ApiError> {
        let url = self.endpoint.url("/sellers/v1/marketplaceParticipations");
        let list: Participations = self.call(
            http,
            clock,
            "getMarketplaceParticipations",
            SLOW,
            &|token| Self::headers(Request::get(&url), token),
        )?;
        Ok(list.payload)
    }

    /// Where document `document_id` can be downloaded.
    pub fn document(
        &mut self,
        http: &mut dyn Http,
        clock: &mut dyn Clock,
        document_id: &str,
    ) -> Result<DocumentAddress, ApiError> {
        let url = self
            .endpoint
            .url(&format!("/reports/2021-06-30/documents/{document_id}"));
        self.call(http, clock, "getReportDocument", SLOW, &|token| {
            Self::headers(Request::get(&url), token)
        })
    }
}

fn processing(report: &ReportState) -> Processing {
    match report.processing_status.as_str() {
        "DONE" => report
            .report_document_id
            .clone()
            .map_or(Processing::Fatal, |document_id| Processing::Done {
                document_id,
            }),
        "CANCELLED" => Processing::Cancelled,
        "FATAL" => Processing::Fatal,
        _ => Processing::Waiting,
    }
}

#[cfg(test)]
#[path = "sp_api_tests.rs"]
mod tests;
