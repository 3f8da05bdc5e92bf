//! Tests of a whole fetch against scripted answers: both APIs to the files
//! and the manifest, a resume that asks for nothing again, a cancelled FBA
//! report standing in with the latest done, a failure that leaves the
//! others alone, and the wait that bounds it all.

use std::path::Path;

use chrono::NaiveDate;

use super::*;
use crate::domain::week::IsoWeek;
use crate::domain::words::Said;
use crate::fetch::clock::TestClock;
use crate::fetch::endpoint::{Endpoint, marketplace};
use crate::fetch::manifest::{MANIFEST, Manifest};
use crate::fetch::plan::ReportPlan;
use crate::fetch::scripted::{Scripted, TOKEN, gzip, tokens};

const SALES_AND_TRAFFIC: &str = r#"{"reportSpecification":{"reportType":"GET_SALES_AND_TRAFFIC_REPORT","dataStartTime":"2026-11-16","dataEndTime":"2026-11-22","marketplaceIds":["ATVPDKIKX0DER"]},"salesAndTrafficByDate":[],"salesAndTrafficByAsin":[]}"#;
const ADS_ROWS: &str = r#"[{"date":"2026-11-16","advertisedSku":"HK-1","advertisedAsin":"B0C1","impressions":10,"clicks":1,"cost":0.5,"sales7d":0,"purchases7d":0,"unitsSoldClicks7d":0}]"#;

fn week() -> (IsoWeek, NaiveDate) {
    (
        "2026-W47".parse().unwrap(),
        NaiveDate::from_ymd_opt(2026, 11, 23).unwrap(),
    )
}

fn job(plan: ReportPlan, folder: &Path) -> Job {
    let endpoint = if plan.is_ads() {
        "https://advertising-api.amazon.com"
    } else {
        "https://sellingpartnerapi-na.amazon.com"
    };
    Job::new(
        plan,
        marketplace("US").unwrap(),
        folder.to_path_buf(),
        week(),
        Endpoint::known(endpoint),
    )
}

fn run(http: &mut Scripted, jobs: &mut [Job], wait: Duration) -> TestClock {
    let mut clock = TestClock::at(
        chrono::DateTime::parse_from_rfc3339("2026-11-23T08:00:00Z")
            .unwrap()
            .into(),
    );
    let mut fetcher = Fetcher {
        poll_every: None,
        http,
        clock: &mut clock,
        sp_tokens: Some(tokens()),
        ads_tokens: Some(tokens()),
        profiles: BTreeMap::new(),
        listed: BTreeMap::new(),
        buckets: Buckets::default(),
        document_limit: 1024 * 1024,
    };
    fetcher.run(jobs, wait, &mut |_| {});
    clock
}

#[test]
fn both_apis_land_their_reports_as_text_with_a_manifest() {
    let dir = tempfile::tempdir().unwrap();
    let mut jobs = [
        job(ReportPlan::SalesAndTraffic, dir.path()),
        job(ReportPlan::AdsAdvertisedProduct, dir.path()),
    ];
    let mut http = Scripted::new()
        // Round one: ask for both.
        .answer(200, &[], TOKEN)
        .answer(202, &[], r#"{"reportId":"ID1"}"#)
        .answer(200, &[], TOKEN)
        .answer(200, &[], r#"[{"profileId":42,"countryCode":"US","accountInfo":{"marketplaceStringId":"ATVPDKIKX0DER"}}]"#)
        .answer(200, &[], r#"{"reportId":"ADS1","status":"PENDING"}"#)
        // Round two: both done.
        .answer(200, &[], r#"{"reportId":"ID1","processingStatus":"DONE","reportDocumentId":"DOC1"}"#)
        .answer(200, &[], r#"{"reportDocumentId":"DOC1","url":"https://d.example/doc1","compressionAlgorithm":"GZIP"}"#)
        .answer_bytes(200, &[("Content-Type", "application/json; charset=UTF-8")], gzip(SALES_AND_TRAFFIC.as_bytes()))
        .answer(200, &[], r#"{"reportId":"ADS1","status":"COMPLETED","url":"https://s3.example/ads.json.gz"}"#)
        .answer_bytes(200, &[], gzip(ADS_ROWS.as_bytes()));
    let clock = run(&mut http, &mut jobs, Duration::from_secs(1800));
    assert!(jobs.iter().all(|j| j.state == JobState::Done), "{jobs:?}");
    assert_eq!(clock.waits, vec![Duration::from_secs(5)]);
    let text =
        std::fs::read_to_string(dir.path().join("sp-api-sales-and-traffic-2026-W47.json")).unwrap();
    assert_eq!(text, SALES_AND_TRAFFIC);
    let ads = std::fs::read_to_string(
        dir.path()
            .join("ads-api-sp-advertised-product-2026-W47.json"),
    )
    .unwrap();
    assert_eq!(ads, ADS_ROWS);
    // No credential goes with a download.
    let download = http
        .requests
        .iter()
        .find(|r| r.url == "https://d.example/doc1")
        .unwrap();
    assert!(download.headers.is_empty());
    let manifest = Manifest::read(dir.path()).unwrap();
    let entry = manifest
        .find("sp-api-sales-and-traffic", "US", "2026-11-16", "2026-11-22")
        .unwrap();
    assert_eq!(
        (entry.standing, entry.report_id.as_str()),
        (Standing::Done, "ID1")
    );
    assert_eq!(entry.document_id.as_deref(), Some("DOC1"));
    assert_eq!(
        entry.sha256.as_deref(),
        Some(sha256(SALES_AND_TRAFFIC.as_bytes()).as_str())
    );
    let ads_entry = manifest
        .find(
            "ads-api-sp-advertised-product",
            "US",
            "2026-11-16",
            "2026-11-22",
        )
        .unwrap();
    assert_eq!(ads_entry.profile_id, Some(42));
    // The files read as their kinds, with the week's figures.
    let file = crate::import::report::read_report(
        &dir.path()
            .join("ads-api-sp-advertised-product-2026-W47.json"),
        None,
    )
    .unwrap();
    assert_eq!(file.facts.totals().impressions, Some(10));
}

#[test]
fn a_rerun_follows_the_reports_already_asked_for() {
    let dir = tempfile::tempdir().unwrap();
    let mut first = [job(ReportPlan::SalesAndTraffic, dir.path())];
    let mut http = Scripted::new()
        .answer(200, &[], TOKEN)
        .answer(202, &[], r#"{"reportId":"ID7"}"#)
        .answer(
            200,
            &[],
            r#"{"reportId":"ID7","processingStatus":"IN_PROGRESS"}"#,
        );
    // Stopped after a short wait: the report is still being made.
    run(&mut http, &mut first, Duration::from_secs(5));
    assert!(
        matches!(first[0].state, JobState::InProgress { .. }),
        "{:?}",
        first[0].state
    );
    let mut again = [job(ReportPlan::SalesAndTraffic, dir.path())];
    again[0].resume(&Manifest::read(dir.path()).unwrap());
    let mut http = Scripted::new()
        .answer(200, &[], TOKEN)
        .answer(
            200,
            &[],
            r#"{"reportId":"ID7","processingStatus":"DONE","reportDocumentId":"D7"}"#,
        )
        .answer(
            200,
            &[],
            r#"{"reportDocumentId":"D7","url":"https://d.example/d7"}"#,
        )
        .answer(200, &[], SALES_AND_TRAFFIC);
    run(&mut http, &mut again, Duration::from_secs(1800));
    assert_eq!(again[0].state, JobState::Done);
    assert!(
        !http
            .requests
            .iter()
            .any(|r| r.url.ends_with("/reports/2021-06-30/reports") && r.body.is_some()),
        "nothing asked for again"
    );
}

#[test]
fn a_cancelled_fba_report_uses_the_latest_done_and_a_fatal_one_leaves_the_others() {
    let dir = tempfile::tempdir().unwrap();
    let mut jobs = [
        job(ReportPlan::FbaInventory, dir.path()),
        job(ReportPlan::FbaReturns, dir.path()),
    ];
    let mut http = Scripted::new()
        .answer(200, &[], TOKEN)
        .answer(202, &[], r#"{"reportId":"INV"}"#)
        .answer(202, &[], r#"{"reportId":"RET"}"#)
        .answer(200, &[], r#"{"reportId":"INV","processingStatus":"CANCELLED"}"#)
        .answer(200, &[], r#"{"reports":[{"reportId":"OLD","processingStatus":"DONE","reportDocumentId":"DOLD"}]}"#)
        .answer(200, &[], r#"{"reportDocumentId":"DOLD","url":"https://d.example/old"}"#)
        .answer(200, &[("Content-Type", "text/plain; charset=Cp1252")], "sku\tasin\nHK-1\tB0C1\n")
        .answer(200, &[], r#"{"reportId":"RET","processingStatus":"FATAL"}"#);
    run(&mut http, &mut jobs, Duration::from_secs(1800));
    assert_eq!(jobs[0].state, JobState::Done);
    assert_eq!(
        jobs[0].note.as_ref().map(|note| note.en.as_str()),
        Some("cancelled — using the latest earlier report")
    );
    assert_eq!(
        jobs[1].state,
        JobState::Failed(Said::both(
            "Amazon could not make it (FATAL)",
            "亚马逊未能生成（FATAL）"
        ))
    );
    let manifest = Manifest::read(dir.path()).unwrap();
    assert_eq!(manifest.reports.len(), 2);
    assert!(
        dir.path()
            .join("sp-api-fba-inventory-2026-11-23.txt")
            .exists()
    );
}

#[test]
fn a_file_of_the_users_is_never_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("sp-api-sales-and-traffic-2026-W47.json"),
        "mine",
    )
    .unwrap();
    let mut jobs = [job(ReportPlan::SalesAndTraffic, dir.path())];
    let mut http = Scripted::new();
    run(&mut http, &mut jobs, Duration::from_secs(1800));
    assert!(
        matches!(&jobs[0].state, JobState::Failed(why) if why.en.contains("left untouched")),
        "{:?}",
        jobs[0].state
    );
    assert!(http.requests.is_empty(), "nothing asked of Amazon");
    assert_eq!(
        std::fs::read_to_string(dir.path().join("sp-api-sales-and-traffic-2026-W47.json")).unwrap(),
        "mine"
    );
}

#[test]
fn an_ads_report_amazon_gives_up_on_says_why() {
    let dir = tempfile::tempdir().unwrap();
    let mut jobs = [job(ReportPlan::AdsAdvertisedProduct, dir.path())];
    let mut http = Scripted::new()
        .answer(200, &[], TOKEN)
        .answer(
            200,
            &[],
            r#"[{"profileId":42,"countryCode":"US","accountInfo":{"marketplaceStringId":"ATVPDKIKX0DER"}}]"#,
        )
        .answer(200, &[], r#"{"reportId":"ADS1","status":"PENDING"}"#)
        .answer(
            200,
            &[],
            r#"{"reportId":"ADS1","status":"FAILED","failureReason":"Report generation failed"}"#,
        );
    run(&mut http, &mut jobs, Duration::from_secs(1800));
    assert_eq!(
        jobs[0].state,
        JobState::Failed(Said::both(
            "Amazon could not make it: Report generation failed",
            "亚马逊未能生成：Report generation failed"
        ))
    );
    let manifest = Manifest::read(dir.path()).unwrap();
    assert_eq!(manifest.reports[0].standing, Standing::Failed);
}

/// Every text a fetch shows or stores: the job lines and the manifest.
fn everything_said(jobs: &[Job], folder: &Path) -> String {
    let mut said: String = jobs
        .iter()
        .map(|j| format!("{:?}", j.state))
        .collect::<Vec<_>>()
        .join("\n");
    said.push_str(&std::fs::read_to_string(folder.join(MANIFEST)).unwrap_or_default());
    said
}

#[test]
fn a_server_that_echoes_the_secrets_shows_and_stores_none() {
    let dir = tempfile::tempdir().unwrap();
    let mut jobs = [job(ReportPlan::SalesAndTraffic, dir.path())];
    let echo = "invalid_client: grant_type=refresh_token&refresh_token=Atzr%7Crefresh&client_id=amzn1.application-oa2-client.x&client_secret=client-secret";
    let mut http = Scripted::new().answer(
        401,
        &[],
        &format!(r#"{{"error":"invalid_client","error_description":"{echo}"}}"#),
    );
    run(&mut http, &mut jobs, Duration::from_secs(60));
    assert!(matches!(jobs[0].state, JobState::Failed(_)), "{jobs:?}");
    let said = everything_said(&jobs, dir.path());
    for secret in ["client-secret", "Atzr|refresh", "Atzr%7Crefresh"] {
        assert!(!said.contains(secret), "{secret} in {said}");
    }
    // The manifest keeps the kind and the status, not the server's words.
    let manifest = Manifest::read(dir.path()).unwrap();
    assert_eq!(
        manifest.reports[0].note.as_deref(),
        Some("Login with Amazon: refused (401)"),
        "{said}"
    );
}

#[test]
fn secrets_echoed_in_bare_words_are_hidden_too() {
    let dir = tempfile::tempdir().unwrap();
    let mut jobs = [job(ReportPlan::SalesAndTraffic, dir.path())];
    // No name and no prefix to recognise them by: only their values.
    let mut http = Scripted::new().answer(200, &[], TOKEN).answer(
        400,
        &[],
        "proxy error: you sent client-secret and Atza%7Ctoken, we kept them",
    );
    run(&mut http, &mut jobs, Duration::from_secs(60));
    let said = everything_said(&jobs, dir.path());
    assert!(said.contains("you sent <secret> and <secret>"), "{said}");
    for secret in ["client-secret", "Atza|token", "Atza%7Ctoken"] {
        assert!(!said.contains(secret), "{secret} in {said}");
    }
}

#[test]
fn a_document_is_fetched_only_over_https_and_never_redirected_to_plain_http() {
    let report_done = r#"{"reportId":"ID1","processingStatus":"DONE","reportDocumentId":"DOC1"}"#;
    for (document_url, redirect) in [
        ("http://169.254.169.254/latest/meta-data/", None),
        ("file:///etc/passwd", None),
        ("https://d.example/doc1", Some("http://evil.example/doc1")),
    ] {
        let dir = tempfile::tempdir().unwrap();
        let mut jobs = [job(ReportPlan::SalesAndTraffic, dir.path())];
        let mut http = Scripted::new()
            .answer(200, &[], TOKEN)
            .answer(202, &[], r#"{"reportId":"ID1"}"#)
            .answer(200, &[], report_done)
            .answer(
                200,
                &[],
                &format!(r#"{{"reportDocumentId":"DOC1","url":"{document_url}"}}"#),
            );
        if let Some(location) = redirect {
            http = http.answer(302, &[("Location", location)], "");
        }
        run(&mut http, &mut jobs, Duration::from_secs(60));
        assert!(
            matches!(&jobs[0].state, JobState::Failed(why) if why.en.contains("https://")),
            "{document_url}: {:?}",
            jobs[0].state
        );
        let asked: Vec<&str> = http.requests.iter().map(|r| r.url.as_str()).collect();
        assert!(
            !asked
                .iter()
                .any(|url| url.starts_with("http://") || url.starts_with("file:")),
            "{asked:?}"
        );
        assert!(
            !dir.path()
                .join("sp-api-sales-and-traffic-2026-W47.json")
                .exists()
        );
    }
}

#[test]
fn a_planted_manifest_entry_cannot_name_another_file() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("opsdeck.toml"), "mine").unwrap();
    // A teammate's manifest names the user's file as this report's, done.
    std::fs::write(
        dir.path().join(MANIFEST),
        "[[reports]]\nreport = \"sp-api-sales-and-traffic\"\nmarketplace = \"US\"\n\
         report_type = \"GET_SALES_AND_TRAFFIC_REPORT\"\nreport_id = \"ID0\"\n\
         start = \"2026-11-16\"\nend = \"2026-11-22\"\nrequested_at = \"x\"\n\
         file = \"opsdeck.toml\"\nstanding = \"requested\"\n",
    )
    .unwrap();
    let mut jobs = [job(ReportPlan::SalesAndTraffic, dir.path())];
    let manifest = Manifest::read(dir.path()).unwrap();
    jobs[0].resume(&manifest);
    assert_eq!(jobs[0].file, "sp-api-sales-and-traffic-2026-W47.json");
    assert_eq!(
        std::fs::read_to_string(dir.path().join("opsdeck.toml")).unwrap(),
        "mine"
    );
}
