//! Tests of the Ads API calls against scripted answers.

use super::*;
use crate::fetch::clock::TestClock;
use crate::fetch::scripted::{Scripted, TOKEN, tokens};

#[test]
fn the_profile_of_a_marketplace_is_found_by_its_id_and_scopes_the_report() {
    let mut http = Scripted::new()
        .answer(200, &[], TOKEN)
        .answer(200, &[], r#"[{"profileId": 888888888, "countryCode": "US", "currencyCode": "USD", "timezone": "America/Los_Angeles",
             "accountInfo": {"marketplaceStringId": "ATVPDKIKX0DER", "id": "E1", "type": "seller", "name": "Brand"}},
            {"profileId": 3456789012345678, "countryCode": "DE", "currencyCode": "EUR",
             "accountInfo": {"marketplaceStringId": "A1PA6795UKMFR9", "id": "E2", "type": "seller", "name": "Brand DE"}}]"#)
        .answer(200, &[], r#"{"reportId": "46d057fe-ae05-4cfc-b384-6f1b3d7e9a01", "status": "PENDING"}"#)
        .answer(429, &[("Retry-After", "3")], "")
        .answer(200, &[], r#"{"reportId": "46d057fe-ae05-4cfc-b384-6f1b3d7e9a01", "status": "COMPLETED", "url": "https://s3.example/report.json.gz"}"#);
    let mut clock = TestClock::at(chrono::Utc::now());
    let mut tokens = tokens();
    let mut api = AdsApi {
        endpoint: Endpoint::known("https://advertising-api.amazon.com"),
        tokens: &mut tokens,
    };
    let profiles = api.profiles(&mut http, &mut clock).unwrap();
    let de = profile_for(&profiles, "A1PA6795UKMFR9").unwrap();
    assert_eq!(de, 3_456_789_012_345_678);
    let id = api
        .create_report(&mut http, &mut clock, de, "2026-11-16", "2026-11-22")
        .unwrap();
    let scope = http.requests[2]
        .headers
        .iter()
        .find(|(k, _)| k == "Amazon-Advertising-API-Scope")
        .map(|(_, v)| v.clone());
    assert_eq!(scope.as_deref(), Some("3456789012345678"));
    let body: serde_json::Value =
        serde_json::from_str(http.requests[2].body.as_deref().unwrap()).unwrap();
    assert_eq!(body["configuration"]["timeUnit"], "DAILY");
    assert_eq!(body["configuration"]["format"], "GZIP_JSON");
    assert_eq!(
        api.report(&mut http, &mut clock, de, &id).unwrap(),
        AdsProcessing::Completed {
            url: "https://s3.example/report.json.gz".into()
        }
    );
    assert_eq!(clock.waits, vec![Duration::from_secs(3)]);
}

#[test]
fn a_425_reuses_the_report_amazon_names_and_otherwise_says_so() {
    let named = r#"{"code": "425", "detail": "The Request is a duplicate of : 9f8b7c6d-1234-4abc-9def-0123456789ab"}"#;
    let mut http = Scripted::new()
        .answer(200, &[], TOKEN)
        .answer(425, &[], named)
        .answer(
            425,
            &[],
            r#"{"code": "425", "detail": "duplicate request"}"#,
        );
    let mut clock = TestClock::at(chrono::Utc::now());
    let mut tokens = tokens();
    let mut api = AdsApi {
        endpoint: Endpoint::known("https://advertising-api.amazon.com"),
        tokens: &mut tokens,
    };
    assert_eq!(
        api.create_report(&mut http, &mut clock, 1, "2026-11-16", "2026-11-22")
            .unwrap(),
        "9f8b7c6d-1234-4abc-9def-0123456789ab"
    );
    let error = api
        .create_report(&mut http, &mut clock, 1, "2026-11-16", "2026-11-22")
        .unwrap_err();
    assert_eq!(error.status(), Some(425));
}
