//! `opsdeck fetch` end to end: the real binary and HTTP client against a
//! stand-in for Amazon's servers on 127.0.0.1, started by the test, that
//! speaks the documented contract — the token exchange, reports going
//! `IN_QUEUE` → `IN_PROGRESS` → `DONE`, gzip and plain documents, a Cp1252
//! flat file, 429 with and without `Retry-After`, 425, 401 then success,
//! `CANCELLED` then `getReports`, `FATAL`. The documents it serves are
//! built from `sample-data/`'s newest week; the fetched week must give the
//! same KPIs as that week read from its downloads. Every output of every
//! run is searched for the secrets.

#![allow(clippy::unwrap_used)]

use std::collections::BTreeMap;
mod support;

use opsdeck::fetch::plan::ReportPlan;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use support::fetching::{
    SECRETS, TOKEN_ANSWER, WEEK, credentials, opsdeck, report_kind,
    sample_without_the_weeks_downloads,
};
use support::stand_in::{Asked, Reply, StandIn};

const ADS_REPORT: &str = "9f8b7c6d-1234-4abc-9def-0123456789ab";

fn sample_week() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-data/weeks/2026-W47")
}

/// The sample week's file whose header starts with `start`.
fn sample_file(start: &str) -> Vec<u8> {
    std::fs::read_dir(sample_week())
        .unwrap()
        .map(|e| e.unwrap().path())
        .map(|p| std::fs::read(p).unwrap())
        .find(|bytes| {
            bytes
                .strip_prefix("\u{FEFF}".as_bytes())
                .unwrap_or(bytes)
                .starts_with(start.as_bytes())
        })
        .unwrap()
}

fn number(text: &str) -> f64 {
    text.trim()
        .trim_start_matches('$')
        .trim_end_matches('%')
        .replace(',', "")
        .parse()
        .unwrap_or(0.0)
}

/// The sample's Business Report as the SP-API's Sales and Traffic document.
fn sales_and_traffic() -> String {
    let csv = sample_file("(Parent) ASIN");
    let mut reader =
        csv::Reader::from_reader(csv.strip_prefix("\u{FEFF}".as_bytes()).unwrap_or(&csv));
    let headers = reader.headers().unwrap().clone();
    let at = |name: &str| headers.iter().position(|h| h == name).unwrap();
    let rows: Vec<String> = reader
        .records()
        .map(|row| {
            let row = row.unwrap();
            let get = |name: &str| row[at(name)].to_owned();
            format!(
                r#"{{"parentAsin":"{}","childAsin":"{}","sku":"{}","salesByAsin":{{"unitsOrdered":{},"orderedProductSales":{{"amount":{},"currencyCode":"USD"}},"totalOrderItems":{}}},"trafficByAsin":{{"sessions":{},"pageViews":{},"buyBoxPercentage":{}}}}}"#,
                get("(Parent) ASIN"),
                get("(Child) ASIN"),
                get("SKU"),
                number(&get("Units Ordered")),
                number(&get("Ordered Product Sales")),
                number(&get("Total Order Items")),
                number(&get("Sessions - Total")),
                number(&get("Page Views - Total")),
                number(&get("Featured Offer (Buy Box) Percentage")),
            )
        })
        .collect();
    format!(
        r#"{{"reportSpecification":{{"reportType":"GET_SALES_AND_TRAFFIC_REPORT","reportOptions":{{"dateGranularity":"DAY","asinGranularity":"SKU"}},"dataStartTime":"2026-11-16","dataEndTime":"2026-11-22","marketplaceIds":["ATVPDKIKX0DER"]}},"salesAndTrafficByDate":[],"salesAndTrafficByAsin":[{}]}}"#,
        rows.join(",")
    )
}

/// The sample's advertised product report as the Ads API's JSON rows.
fn ads_rows() -> String {
    let csv = sample_file("Date,Portfolio name");
    let mut reader =
        csv::Reader::from_reader(csv.strip_prefix("\u{FEFF}".as_bytes()).unwrap_or(&csv));
    let headers = reader.headers().unwrap().clone();
    let at = |name: &str| headers.iter().position(|h| h.trim() == name).unwrap();
    let rows: Vec<String> = reader
        .records()
        .map(|row| {
            let row = row.unwrap();
            let get = |name: &str| row[at(name)].to_owned();
            let date = chrono::NaiveDate::parse_from_str(&get("Date"), "%b %d, %Y").unwrap();
            format!(
                r#"{{"date":"{date}","campaignName":"{}","adGroupName":"{}","advertisedSku":"{}","advertisedAsin":"{}","impressions":{},"clicks":{},"cost":{},"sales7d":{},"purchases7d":{},"unitsSoldClicks7d":{}}}"#,
                get("Campaign Name"),
                get("Ad Group Name"),
                get("Advertised SKU"),
                get("Advertised ASIN"),
                number(&get("Impressions")),
                number(&get("Clicks")),
                number(&get("Spend")),
                number(&get("7 Day Total Sales")),
                number(&get("7 Day Total Orders (#)")),
                number(&get("7 Day Total Units (#)")),
            )
        })
        .collect();
    format!("[{}]", rows.join(","))
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    encoder.write_all(bytes).unwrap();
    encoder.finish().unwrap()
}

/// What the stand-in does besides answering well.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Scenario {
    /// Every documented hitch on the way, and every report arrives.
    Hitches,
    /// The returns report is FATAL.
    Fatal,
}

/// A stand-in for Amazon: answers by path and by how often it was asked.
struct Amazon(StandIn);

impl Amazon {
    fn start(scenario: Scenario) -> Self {
        let documents = Documents {
            sales_and_traffic: gzip(sales_and_traffic().as_bytes()),
            ads: gzip(ads_rows().as_bytes()),
            inventory: sample_file("sku\tfnsku"),
            planning: gzip(&sample_file("snapshot-date")),
            returns: {
                let text = String::from_utf8(sample_file("return-date")).unwrap();
                encoding_rs::WINDOWS_1252.encode(&text).0.into_owned()
            },
        };
        let asked: Mutex<BTreeMap<String, usize>> = Mutex::new(BTreeMap::new());
        Self(StandIn::start(move |request| {
            let key = format!(
                "{} {} {}",
                request.method,
                request.path,
                if request.body.contains("SALES_AND_TRAFFIC") {
                    "st"
                } else {
                    ""
                }
            );
            let nth = {
                let mut asked = asked.lock().unwrap();
                let count = asked.entry(key).or_insert(0);
                *count += 1;
                *count
            };
            answer(request, nth, scenario, &documents)
        }))
    }

    fn url(&self) -> String {
        self.0.url()
    }

    fn lwa(&self) -> String {
        format!("{}/auth/o2/token", self.url())
    }

    fn requests(&self) -> Vec<String> {
        self.0.requests().iter().map(Asked::whole).collect()
    }
}

struct Documents {
    sales_and_traffic: Vec<u8>,
    ads: Vec<u8>,
    inventory: Vec<u8>,
    planning: Vec<u8>,
    returns: Vec<u8>,
}

fn json(status: u16, body: String) -> Reply {
    Reply::json(status, body)
}

#[allow(clippy::too_many_lines)] // one table of every path the stand-in answers
fn answer(request: &Asked, nth: usize, scenario: Scenario, documents: &Documents) -> Reply {
    let (method, path, base) = (
        request.method.as_str(),
        request.path.as_str(),
        request.base.as_str(),
    );
    let hitches = scenario == Scenario::Hitches;
    let kind = report_kind(request);
    match (method, path) {
        ("POST", "/auth/o2/token") => json(200, TOKEN_ANSWER.to_owned()),
        ("GET", "/sellers/v1/marketplaceParticipations") => json(200, r#"{"payload":[{"marketplace":{"id":"ATVPDKIKX0DER","name":"Amazon.com","countryCode":"US"},"participation":{"isParticipating":true,"hasSuspendedListings":false},"storeName":"Home & Kitchen"}]}"#.to_owned()),
        // The first report asked for is throttled, with a Retry-After.
        ("POST", "/reports/2021-06-30/reports") if hitches && nth == 1 && kind == "SALES_AND_TRAFFIC" => {
            Reply::with(429, &[("Retry-After", "1")], Vec::new())
        }
        ("POST", "/reports/2021-06-30/reports") => json(202, format!(r#"{{"reportId":"R-{kind}"}}"#)),
        ("GET", p) if p.starts_with("/reports/2021-06-30/reports?") => json(200, r#"{"reports":[{"reportId":"R-OLD","reportType":"GET_FBA_INVENTORY_PLANNING_DATA","processingStatus":"DONE","reportDocumentId":"D-INVENTORY_PLANNING"}]}"#.to_owned()),
        ("GET", p) if p.starts_with("/reports/2021-06-30/reports/R-") => {
            let status = match (kind, nth) {
                ("INVENTORY_PLANNING", _) if hitches => "CANCELLED",
                ("CUSTOMER_RETURNS", _) if !hitches => "FATAL",
                // Throttled once, without a Retry-After.
                ("SALES_AND_TRAFFIC", 2) if hitches => return Reply::with(429, &[], Vec::new()),
                (_, 1) => "IN_QUEUE",
                (_, 2) => "IN_PROGRESS",
                _ => "DONE",
            };
            json(200, format!(r#"{{"reportId":"R-{kind}","reportType":"x","createdTime":"x","processingStatus":"{status}","reportDocumentId":"D-{kind}"}}"#))
        }
        // The first document asked for finds the token expired.
        ("GET", p) if p.starts_with("/reports/2021-06-30/documents/") && hitches && nth == 1 && kind == "SALES_AND_TRAFFIC" => {
            json(401, r#"{"errors":[{"code":"Unauthorized","message":"The access token has expired"}]}"#.to_owned())
        }
        ("GET", p) if p.starts_with("/reports/2021-06-30/documents/") => {
            let gzip = matches!(kind, "SALES_AND_TRAFFIC" | "INVENTORY_PLANNING");
            json(200, format!(
                r#"{{"reportDocumentId":"D-{kind}","url":"{base}/download/{kind}"{}}}"#,
                if gzip { r#","compressionAlgorithm":"GZIP""# } else { "" }
            ))
        }
        ("GET", "/download/SALES_AND_TRAFFIC") => Reply::with(200, &[("Content-Type", "application/json; charset=UTF-8")], documents.sales_and_traffic.clone()),
        ("GET", "/download/MYI_UNSUPPRESSED") => Reply::with(200, &[("Content-Type", "text/plain; charset=UTF-8")], documents.inventory.clone()),
        ("GET", "/download/INVENTORY_PLANNING") => Reply::with(200, &[("Content-Type", "text/plain; charset=UTF-8")], documents.planning.clone()),
        ("GET", "/download/CUSTOMER_RETURNS") => Reply::with(200, &[("Content-Type", "text/plain; charset=Cp1252")], documents.returns.clone()),
        ("GET", "/v2/profiles") => json(200, r#"[{"profileId":888888888,"countryCode":"US","currencyCode":"USD","accountInfo":{"marketplaceStringId":"ATVPDKIKX0DER","name":"Home & Kitchen"}}]"#.to_owned()),
        // The Ads report is already in flight: Amazon names it.
        ("POST", "/reporting/reports") if hitches => json(425, format!(r#"{{"code":"425","detail":"The Request is a duplicate of : {ADS_REPORT}"}}"#)),
        ("POST", "/reporting/reports") => json(200, format!(r#"{{"reportId":"{ADS_REPORT}","status":"PENDING"}}"#)),
        ("GET", p) if p == format!("/reporting/reports/{ADS_REPORT}") => {
            let status = if nth < 2 { "PROCESSING" } else { "COMPLETED" };
            json(200, format!(r#"{{"reportId":"{ADS_REPORT}","status":"{status}","url":"{base}/download/ADS"}}"#))
        }
        ("GET", "/download/ADS") => Reply::with(200, &[], documents.ads.clone()),
        _ => json(404, r#"{"errors":[{"code":"NotFound","message":"no such path"}]}"#.to_owned()),
    }
}

/// Every metric's value of the account and of each SKU, as `kpis --format json` gives them.
fn figures(root: &Path, credentials: &Path) -> BTreeMap<String, serde_json::Value> {
    let output = opsdeck(
        &[
            "kpis",
            root.to_str().unwrap(),
            "--week",
            WEEK,
            "--format",
            "json",
        ],
        credentials,
    );
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let values = |metrics: &serde_json::Value| -> serde_json::Value {
        metrics
            .as_object()
            .unwrap()
            .iter()
            .map(|(name, cell)| (name.clone(), cell["value"].clone()))
            .collect::<serde_json::Map<_, _>>()
            .into()
    };
    let mut all = BTreeMap::new();
    all.insert("account".to_owned(), values(&json["account"]));
    for sku in json["skus"].as_array().unwrap() {
        all.insert(
            sku["sku"].as_str().unwrap().to_owned(),
            values(&sku["metrics"]),
        );
    }
    all
}

/// `opsdeck fetch` of the sample's week into `workspace`, polling the
/// stand-in often, with `extra` arguments.
fn fetch_week(workspace: &str, credentials: &Path, extra: &[&str]) -> std::process::Output {
    let mut args = vec![
        "fetch",
        workspace,
        "--week",
        WEEK,
        "--wait",
        "2m",
        "--poll-every",
        "100ms",
    ];
    args.extend(extra);
    opsdeck(&args, credentials)
}

#[test]
fn a_fetched_week_gives_the_sample_weeks_figures_through_every_hitch() {
    let dir = tempfile::tempdir().unwrap();
    let amazon = Amazon::start(Scenario::Hitches);
    let credentials = credentials(dir.path(), &amazon.lwa(), &amazon.url(), 0o600);
    let root = sample_without_the_weeks_downloads(dir.path());
    let workspace = root.to_str().unwrap();

    let checked = opsdeck(&["fetch", workspace, "--check-credentials"], &credentials);
    let said = String::from_utf8_lossy(&checked.stderr);
    assert!(checked.status.success(), "{said}");
    assert!(
        said.contains("888888888 US") && said.contains("US Amazon.com (ATVPDKIKX0DER)"),
        "{said}"
    );

    let fetched = fetch_week(workspace, &credentials, &[]);
    let said = String::from_utf8_lossy(&fetched.stderr);
    println!("{said}");
    assert!(fetched.status.success(), "{said}");
    assert!(said.contains("5 of 5 reports arrived"), "{said}");
    assert!(
        said.contains("done (cancelled — using the latest earlier report)"),
        "{said}"
    );
    assert!(said.contains("in progress"), "{said}");

    // The flat file sent in Cp1252 is UTF-8 on disk, its ° intact.
    let week = root.join("weeks").join(WEEK);
    let returns = std::fs::read_to_string(week.join("sp-api-fba-returns-2026-W47.txt")).unwrap();
    assert!(returns.contains('°'), "{returns}");
    // The secrets went only to the token endpoint; the access token in the headers.
    let requests = amazon.requests();
    assert!(
        requests
            .iter()
            .filter(|r| r.contains("client_secret"))
            .all(|r| r.starts_with("POST /auth/o2/token"))
    );
    assert!(
        requests
            .iter()
            .any(|r| r.contains("x-amz-access-token: Atza|access-token-4d6c"))
    );
    // The token was renewed once after the 401.
    assert!(
        requests
            .iter()
            .filter(|r| r.starts_with("POST /auth/o2/token"))
            .count()
            >= 3
    );
    // Nothing but the credentials file holds a secret.
    for entry in std::fs::read_dir(&week).unwrap() {
        let text = std::fs::read_to_string(entry.unwrap().path()).unwrap_or_default();
        for secret in SECRETS {
            assert!(!text.contains(secret));
        }
    }

    let check = opsdeck(&["check", workspace, "--format", "json"], &credentials);
    assert!(
        check.status.success(),
        "{}",
        String::from_utf8_lossy(&check.stderr)
    );
    // Each fetched file is read as the kind its plan says it is.
    let checked: serde_json::Value = serde_json::from_slice(&check.stdout).unwrap();
    for plan in ReportPlan::ALL {
        let file = checked["files"]
            .as_array()
            .unwrap()
            .iter()
            .find(|file| {
                let path = Path::new(file["path"].as_str().unwrap());
                path.file_name()
                    .is_some_and(|name| plan.names(&name.to_string_lossy(), WEEK.parse().unwrap()))
            })
            .unwrap_or_else(|| panic!("{} was fetched", plan.name()));
        assert_eq!(file["kind"], plan.kind().name(), "{}", plan.name());
    }
    assert_eq!(
        figures(&root, &credentials),
        figures(
            &Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-data"),
            &credentials
        ),
        "the fetched week's KPIs are the sample week's"
    );

    // A rerun finds everything fetched and asks for nothing.
    let before = amazon.requests().len();
    let again = opsdeck(&["fetch", workspace, "--week", WEEK], &credentials);
    assert!(again.status.success());
    assert_eq!(amazon.requests().len(), before, "nothing asked again");
}

#[test]
fn a_fatal_report_is_named_and_the_others_still_arrive() {
    for (lang, arrived, fatal) in [
        (
            "en",
            "4 of 5 reports arrived",
            "US FBA returns: Amazon could not make it (FATAL)",
        ),
        (
            "zh",
            "5 份报告已到 4 份",
            "US FBA returns: 亚马逊未能生成（FATAL）",
        ),
    ] {
        let dir = tempfile::tempdir().unwrap();
        let amazon = Amazon::start(Scenario::Fatal);
        let credentials = credentials(dir.path(), &amazon.lwa(), &amazon.url(), 0o600);
        let root = sample_without_the_weeks_downloads(dir.path());
        let fetched = fetch_week(root.to_str().unwrap(), &credentials, &["--lang", lang]);
        let said = String::from_utf8_lossy(&fetched.stderr);
        assert_eq!(fetched.status.code(), Some(1), "{said}");
        assert!(said.contains(arrived), "{said}");
        assert!(said.contains(fatal), "{said}");
        assert!(
            root.join("weeks")
                .join(WEEK)
                .join("sp-api-sales-and-traffic-2026-W47.json")
                .exists()
        );
    }
}

#[test]
fn credentials_others_can_read_are_refused_and_no_command_without_network_needs_them() {
    let dir = tempfile::tempdir().unwrap();
    let amazon = Amazon::start(Scenario::Fatal);
    let path = credentials(dir.path(), &amazon.lwa(), &amazon.url(), 0o644);
    let root = sample_without_the_weeks_downloads(dir.path());
    #[cfg(unix)]
    {
        let output = opsdeck(&["fetch", root.to_str().unwrap()], &path);
        assert_eq!(output.status.code(), Some(1));
        assert!(String::from_utf8_lossy(&output.stderr).contains("chmod 600"));
        assert!(amazon.requests().is_empty());
    }
    let missing = dir.path().join("no-such-credentials.toml");
    let kpis = opsdeck(
        &[
            "kpis",
            Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("sample-data")
                .to_str()
                .unwrap(),
        ],
        &missing,
    );
    assert!(kpis.status.success());
}
