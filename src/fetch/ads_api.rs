//! The Amazon Ads API: the advertising profiles (one per marketplace), and
//! the reporting v3 flow of the Sponsored Products advertised product
//! report — create, follow, get its address. A 425 (the same report is in
//! flight) reuses that report when Amazon names it.

use std::time::Duration;

use serde::Deserialize;
use serde_json::json;

use super::api_error::ApiError;
use super::clock::Clock;
use super::endpoint::Endpoint;
use super::http::{Http, Request};
use super::lwa::Tokens;
use super::retry::Backoff;
use super::secret::Secret;

/// Report creation: back off long (the queue is per region).
const CREATE: Backoff = Backoff {
    base: Duration::from_secs(30),
    cap: Duration::from_secs(600),
    tries: 6,
};
const STATUS: Backoff = Backoff {
    base: Duration::from_secs(5),
    cap: Duration::from_secs(300),
    tries: 8,
};

const REPORT_CONTENT_TYPE: &str = "application/vnd.createasyncreportrequest.v3+json";

/// The columns of the advertised product report opsdeck reads, both attribution windows.
pub const COLUMNS: [&str; 15] = [
    "date",
    "campaignName",
    "adGroupName",
    "advertisedSku",
    "advertisedAsin",
    "impressions",
    "clicks",
    "cost",
    "sales7d",
    "purchases7d",
    "unitsSoldClicks7d",
    "sales14d",
    "purchases14d",
    "unitsSoldClicks14d",
    "attributedSalesSameSku7d",
];

/// One advertising account in one marketplace.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Profile {
    pub profile_id: u64,
    pub country_code: String,
    #[serde(default)]
    pub currency_code: String,
    pub account_info: AccountInfo,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AccountInfo {
    pub marketplace_string_id: String,
    #[serde(default)]
    pub name: String,
}

/// Where an Ads report stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AdsProcessing {
    Waiting,
    /// Ready at this address (valid about an hour).
    Completed {
        url: String,
    },
    /// Amazon gave up, with its reason.
    Failed(String),
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct AdsReport {
    report_id: String,
    status: String,
    url: Option<String>,
    failure_reason: Option<String>,
}

/// The Ads API of one region.
pub struct AdsApi<'a> {
    pub endpoint: Endpoint,
    pub tokens: &'a mut Tokens,
}

impl AdsApi<'_> {
    fn headers(request: Request, token: &Secret, client_id: &str, profile: Option<u64>) -> Request {
        let request = request
            .header("Authorization", &format!("Bearer {}", token.expose()))
            .header("Amazon-Advertising-API-ClientId", client_id)
            .header("Content-Type", REPORT_CONTENT_TYPE);
        match profile {
            Some(profile) => request.header("Amazon-Advertising-API-Scope", &profile.to_string()),
            None => request,
        }
    }

    /// The advertising profiles this app may read in the region.
    pub fn profiles(
        &mut self,
        http: &mut dyn Http,
        clock: &mut dyn Clock,
    ) -> Result<Vec<Profile>, ApiError> {
        let url = self.endpoint.url("/v2/profiles");
        let client_id = self.tokens.client_id().to_owned();
        let response = self
            .tokens
            .send(http, clock, "profiles", STATUS, &|token| {
                Self::headers(Request::get(&url), token, &client_id, None)
            })?;
        ApiError::answer_as("profiles", &response)
    }

    /// Asks for the daily advertised product report of `profile` for the days
    /// `start` to `end`; gives its id (the one already in flight after a 425).
    pub fn create_report(
        &mut self,
        http: &mut dyn Http,
        clock: &mut dyn Clock,
        profile: u64,
        start: &str,
        end: &str,
    ) -> Result<String, ApiError> {
        let body = json!({
            "name": format!("opsdeck SP advertised product {start}..{end}"),
            "startDate": start,
            "endDate": end,
            "configuration": {
                "adProduct": "SPONSORED_PRODUCTS",
                "groupBy": ["advertiser"],
                "columns": COLUMNS,
                "reportTypeId": "spAdvertisedProduct",
                "timeUnit": "DAILY",
                "format": "GZIP_JSON"
            }
        })
        .to_string();
        let url = self.endpoint.url("/reporting/reports");
        let client_id = self.tokens.client_id().to_owned();
        let response = self
            .tokens
            .send(http, clock, "createReport (Ads)", CREATE, &|token| {
                Self::headers(Request::post(&url, &body), token, &client_id, Some(profile))
            })?;
        if response.status == 425 {
            // Amazon may name the report in flight; else the manifest must know it.
            return in_flight_id(&response.text()).ok_or_else(|| {
                ApiError::refused(
                    "createReport (Ads): the same report is in flight",
                    &response,
                )
            });
        }
        let report: AdsReport = ApiError::answer_as("createReport (Ads)", &response)?;
        Ok(report.report_id)
    }

    /// How report `report_id` of `profile` stands.
    pub fn report(
        &mut self,
        http: &mut dyn Http,
        clock: &mut dyn Clock,
        profile: u64,
        report_id: &str,
    ) -> Result<AdsProcessing, ApiError> {
        let url = self
            .endpoint
            .url(&format!("/reporting/reports/{report_id}"));
        let client_id = self.tokens.client_id().to_owned();
        let response = self
            .tokens
            .send(http, clock, "getReport (Ads)", STATUS, &|token| {
                Self::headers(Request::get(&url), token, &client_id, Some(profile))
            })?;
        let report: AdsReport = ApiError::answer_as("getReport (Ads)", &response)?;
        Ok(match (report.status.as_str(), report.url) {
            ("COMPLETED", Some(url)) => AdsProcessing::Completed { url },
            ("PENDING" | "PROCESSING" | "COMPLETED", _) => AdsProcessing::Waiting,
            (other, _) => AdsProcessing::Failed(
                report
                    .failure_reason
                    .unwrap_or_else(|| format!("status {other}")),
            ),
        })
    }
}

/// The report id a 425's body names, if it names one (a UUID-like token).
fn in_flight_id(body: &str) -> Option<String> {
    body.split(|c: char| !(c.is_ascii_alphanumeric() || c == '-'))
        .find(|word| word.len() >= 32 && word.matches('-').count() == 4)
        .map(str::to_owned)
}

/// The profile of marketplace `marketplace_id` among `profiles`.
pub fn profile_for(profiles: &[Profile], marketplace_id: &str) -> Option<u64> {
    profiles
        .iter()
        .find(|p| p.account_info.marketplace_string_id == marketplace_id)
        .map(|p| p.profile_id)
}

#[cfg(test)]
#[path = "ads_api_tests.rs"]
mod tests;
