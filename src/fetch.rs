//! `opsdeck fetch`'s client — fetching the week's reports from Amazon: the SP-API (Seller Central) and
//! the Amazon Ads API, each authorised by a Login with Amazon refresh token
//! kept in a credentials file outside the workspace. The HTTP layer is a
//! small trait, so the flows — token, create, poll, back off, resume — run
//! in tests against scripted answers with time passed in as data.

pub mod ads_api;
pub mod api_error;
pub mod clock;
pub mod credentials;
pub mod document;
pub mod endpoint;
pub mod fetcher;
pub mod http;
pub mod job;
pub mod lwa;
pub mod manifest;
pub mod plan;
pub mod rate;
pub mod redact;
pub mod retry;
#[cfg(test)]
pub mod scripted;
pub mod secret;
pub mod sp_api;
pub mod ureq_http;
