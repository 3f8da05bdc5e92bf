//! Tests of the Reports API calls against scripted answers.

use super::*;
use crate::fetch::clock::TestClock;
use crate::fetch::scripted::{Scripted, TOKEN, tokens};

#[test]
fn a_report_is_created_for_the_weeks_dates_and_followed_to_its_document() {
    let mut http = Scripted::new()
        .answer(200, &[], TOKEN)
        .answer(202, &[], r#"{"reportId":"ID323"}"#)
        .answer(200, &[], r#"{"reportId":"ID323","reportType":"GET_SALES_AND_TRAFFIC_REPORT","createdTime":"x","processingStatus":"IN_QUEUE"}"#)
        .answer(200, &[], r#"{"reportId":"ID323","reportType":"GET_SALES_AND_TRAFFIC_REPORT","createdTime":"x","processingStatus":"DONE","reportDocumentId":"DOC1"}"#)
        .answer(200, &[], r#"{"reportDocumentId":"DOC1","url":"https://d.example/doc","compressionAlgorithm":"GZIP"}"#);
    let mut clock = TestClock::at(chrono::Utc::now());
    let mut tokens = tokens();
    let mut buckets = crate::fetch::rate::Buckets::default();
    let mut api = SpApi {
        endpoint: Endpoint::known("https://sellingpartnerapi-na.amazon.com"),
        tokens: &mut tokens,
        buckets: &mut buckets,
    };
    let id = api
        .create_report(
            &mut http,
            &mut clock,
            "GET_SALES_AND_TRAFFIC_REPORT",
            "ATVPDKIKX0DER",
            "2026-11-16",
            "2026-11-22",
            &[("dateGranularity", "DAY"), ("asinGranularity", "SKU")],
        )
        .unwrap();
    assert_eq!(id, "ID323");
    let body: serde_json::Value =
        serde_json::from_str(http.requests[1].body.as_deref().unwrap()).unwrap();
    assert_eq!(body["dataStartTime"], "2026-11-16T00:00:00Z");
    assert_eq!(body["reportOptions"]["asinGranularity"], "SKU");
    assert!(
        http.requests[1]
            .headers
            .iter()
            .any(|(k, v)| k == "x-amz-access-token" && v == "Atza|token")
    );
    assert_eq!(
        api.report(&mut http, &mut clock, &id).unwrap(),
        Processing::Waiting
    );
    assert_eq!(
        api.report(&mut http, &mut clock, &id).unwrap(),
        Processing::Done {
            document_id: "DOC1".into()
        }
    );
    let document = api.document(&mut http, &mut clock, "DOC1").unwrap();
    assert_eq!(document.compression_algorithm.as_deref(), Some("GZIP"));
    // One token for all of it.
    assert_eq!(
        http.requests
            .iter()
            .filter(|r| r.url.contains("auth/o2"))
            .count(),
        1
    );
}

#[test]
fn an_expired_token_is_renewed_once_and_a_throttled_call_waits() {
    let mut http = Scripted::new()
        .answer(200, &[], TOKEN)
        .answer(
            401,
            &[],
            r#"{"errors":[{"code":"Unauthorized","message":"expired"}]}"#,
        )
        .answer(200, &[], TOKEN)
        .answer(429, &[], "")
        .answer(202, &[], r#"{"reportId":"ID9"}"#);
    let mut clock = TestClock::at(chrono::Utc::now());
    let mut tokens = tokens();
    let mut buckets = crate::fetch::rate::Buckets::default();
    let mut api = SpApi {
        endpoint: Endpoint::known("https://sellingpartnerapi-na.amazon.com"),
        tokens: &mut tokens,
        buckets: &mut buckets,
    };
    let id = api
        .create_report(
            &mut http,
            &mut clock,
            "GET_FBA_MYI_UNSUPPRESSED_INVENTORY_DATA",
            "ATVPDKIKX0DER",
            "2026-11-16",
            "2026-11-22",
            &[],
        )
        .unwrap();
    assert_eq!(id, "ID9");
    // createReport backs off a minute or more after a 429 without Retry-After.
    assert!(
        clock.waits[0] >= Duration::from_secs(60),
        "{:?}",
        clock.waits
    );
}

#[test]
fn a_refusal_says_the_operation_and_amazons_words() {
    let mut http = Scripted::new().answer(200, &[], TOKEN).answer(
        400,
        &[],
        r#"{"errors":[{"code":"InvalidInput","message":"Invalid marketplace id"}]}"#,
    );
    let mut clock = TestClock::at(chrono::Utc::now());
    let mut tokens = tokens();
    let mut buckets = crate::fetch::rate::Buckets::default();
    let mut api = SpApi {
        endpoint: Endpoint::known("https://sellingpartnerapi-na.amazon.com"),
        tokens: &mut tokens,
        buckets: &mut buckets,
    };
    let error = api.report(&mut http, &mut clock, "ID1").unwrap_err();
    assert_eq!(
        error.to_string(),
        "getReport: Amazon answered 400: InvalidInput — Invalid marketplace id"
    );
}
