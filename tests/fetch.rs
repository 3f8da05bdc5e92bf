//! `opsdeck fetch` end to end: the real binary against a stand-in for
//! Amazon's servers on 127.0.0.1 (Login with Amazon, the SP-API Reports
//! API, the Ads API, the signed downloads), from the credentials file to
//! the week folder's files and manifest, which `check` then reads as their
//! kinds. Every output of every run is searched for the secrets.

#![allow(clippy::unwrap_used)]

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::{Arc, Mutex};

const SECRETS: [&str; 4] = [
    "sp-client-secret-7f3a",
    "Atzr|sp-refresh-9c1d",
    "ads-client-secret-2b8e",
    "Atzr|ads-refresh-5e0f",
];
const ACCESS_TOKEN: &str = "Atza|access-token-4d6c";

fn sample(name: &str) -> Vec<u8> {
    std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("sample-data/weeks/2026-W47")
            .join(name),
    )
    .unwrap()
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    encoder.write_all(bytes).unwrap();
    encoder.finish().unwrap()
}

const SALES_AND_TRAFFIC: &str = r#"{"reportSpecification":{"reportType":"GET_SALES_AND_TRAFFIC_REPORT","reportOptions":{"dateGranularity":"DAY","asinGranularity":"SKU"},"dataStartTime":"2026-11-16","dataEndTime":"2026-11-22","marketplaceIds":["ATVPDKIKX0DER"]},
"salesAndTrafficByDate":[{"date":"2026-11-16","salesByDate":{"orderedProductSales":{"amount":59.97,"currencyCode":"USD"},"unitsOrdered":3,"totalOrderItems":3},"trafficByDate":{"pageViews":50,"sessions":40}}],
"salesAndTrafficByAsin":[{"parentAsin":"B0P0000001","childAsin":"B0V6NP65RT","sku":"HK-SP-SIL-5","salesByAsin":{"unitsOrdered":3,"orderedProductSales":{"amount":59.97,"currencyCode":"USD"},"totalOrderItems":3},"trafficByAsin":{"sessions":40,"pageViews":50,"buyBoxPercentage":98.5}}]}"#;
const ADS_ROWS: &str = r#"[{"date":"2026-11-16","campaignName":"SP - Spatulas","adGroupName":"Exact","advertisedSku":"HK-SP-SIL-5","advertisedAsin":"B0V6NP65RT","impressions":1200,"clicks":30,"cost":21.5,"sales7d":59.97,"purchases7d":3,"unitsSoldClicks7d":3}]"#;

/// A stand-in for Amazon: answers by path, keeps every request line and header seen.
struct Amazon {
    port: u16,
    seen: Arc<Mutex<Vec<String>>>,
}

impl Amazon {
    fn start() -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        let seen = Arc::new(Mutex::new(Vec::new()));
        let log = Arc::clone(&seen);
        std::thread::spawn(move || {
            for stream in listener.incoming() {
                let Ok(stream) = stream else { break };
                serve(stream, port, &log);
            }
        });
        Self { port, seen }
    }

    fn url(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }
}

fn serve(mut stream: TcpStream, port: u16, log: &Mutex<Vec<String>>) {
    let mut reader = BufReader::new(stream.try_clone().unwrap());
    let mut request_line = String::new();
    if reader.read_line(&mut request_line).is_err() {
        return;
    }
    let mut length = 0;
    let mut headers = String::new();
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).is_err() || line == "\r\n" || line.is_empty() {
            break;
        }
        if let Some(value) = line.to_ascii_lowercase().strip_prefix("content-length:") {
            length = value.trim().parse().unwrap_or(0);
        }
        headers.push_str(&line);
    }
    let mut body = vec![0; length];
    let _ = reader.read_exact(&mut body);
    let body = String::from_utf8_lossy(&body).into_owned();
    log.lock()
        .unwrap()
        .push(format!("{request_line}{headers}{body}"));
    let path = request_line
        .split_whitespace()
        .nth(1)
        .unwrap_or("/")
        .to_owned();
    let base = format!("http://127.0.0.1:{port}");
    let (status, content_type, answer): (u16, &str, Vec<u8>) = match path.as_str() {
        "/auth/o2/token" => (200, "application/json", format!(r#"{{"access_token":"{ACCESS_TOKEN}","token_type":"bearer","expires_in":3600}}"#).into_bytes()),
        "/reports/2021-06-30/reports" => {
            let kind = ["SALES_AND_TRAFFIC", "MYI_UNSUPPRESSED", "INVENTORY_PLANNING", "CUSTOMER_RETURNS"]
                .into_iter()
                .find(|k| body.contains(k))
                .unwrap_or("UNKNOWN");
            (202, "application/json", format!(r#"{{"reportId":"R-{kind}"}}"#).into_bytes())
        }
        p if p.starts_with("/reports/2021-06-30/reports/R-") => {
            let kind = &p["/reports/2021-06-30/reports/R-".len()..];
            (200, "application/json", format!(r#"{{"reportId":"R-{kind}","processingStatus":"DONE","reportDocumentId":"D-{kind}"}}"#).into_bytes())
        }
        p if p.starts_with("/reports/2021-06-30/documents/D-") => {
            let kind = &p["/reports/2021-06-30/documents/D-".len()..];
            (200, "application/json", format!(r#"{{"reportDocumentId":"D-{kind}","url":"{base}/download/{kind}","compressionAlgorithm":"GZIP"}}"#).into_bytes())
        }
        "/download/SALES_AND_TRAFFIC" => (200, "application/json; charset=UTF-8", gzip(SALES_AND_TRAFFIC.as_bytes())),
        "/download/MYI_UNSUPPRESSED" => (200, "text/plain; charset=UTF-8", gzip(&sample("24682510870.txt"))),
        "/download/INVENTORY_PLANNING" => (200, "text/plain; charset=UTF-8", gzip(&sample("28247038398.txt"))),
        "/download/CUSTOMER_RETURNS" => (200, "text/plain; charset=UTF-8", gzip(&sample("26593722225.txt"))),
        "/sellers/v1/marketplaceParticipations" => (200, "application/json", br#"{"payload":[{"marketplace":{"id":"ATVPDKIKX0DER","name":"Amazon.com","countryCode":"US","defaultCurrencyCode":"USD","defaultLanguageCode":"en_US","domainName":"www.amazon.com"},"participation":{"isParticipating":true,"hasSuspendedListings":false},"storeName":"Home & Kitchen"}]}"#.to_vec()),
        "/v2/profiles" => (200, "application/json", br#"[{"profileId":888888888,"countryCode":"US","currencyCode":"USD","accountInfo":{"marketplaceStringId":"ATVPDKIKX0DER","name":"Home & Kitchen"}}]"#.to_vec()),
        "/reporting/reports" => (200, "application/json", br#"{"reportId":"ads-1","status":"PENDING"}"#.to_vec()),
        "/reporting/reports/ads-1" => (200, "application/json", format!(r#"{{"reportId":"ads-1","status":"COMPLETED","url":"{base}/download/ads"}}"#).into_bytes()),
        "/download/ads" => (200, "application/octet-stream", gzip(ADS_ROWS.as_bytes())),
        _ => (404, "application/json", br#"{"errors":[{"code":"NotFound","message":"no such path"}]}"#.to_vec()),
    };
    let head = format!(
        "HTTP/1.1 {status} X\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        answer.len()
    );
    let _ = stream
        .write_all(head.as_bytes())
        .and_then(|()| stream.write_all(&answer));
}

fn credentials(dir: &Path, amazon: &Amazon) -> PathBuf {
    let path = dir.join("credentials.toml");
    let base = amazon.url();
    std::fs::write(
        &path,
        format!(
            "[sp_api]\nclient_id = \"amzn1.application-oa2-client.sp\"\nclient_secret = \"{}\"\nrefresh_token = \"{}\"\n\
             [ads_api]\nclient_id = \"amzn1.application-oa2-client.ads\"\nclient_secret = \"{}\"\nrefresh_token = \"{}\"\n\
             [endpoints]\nlwa = \"{base}/auth/o2/token\"\nsp_api = \"{base}\"\nads_api = \"{base}\"\n",
            SECRETS[0], SECRETS[1], SECRETS[2], SECRETS[3]
        ),
    )
    .unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600)).unwrap();
    }
    path
}

fn opsdeck(args: &[&str], credentials: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_opsdeck"))
        .args(args)
        .env("OPSDECK_CREDENTIALS", credentials)
        .output()
        .unwrap()
}

fn shows_no_secret(output: &Output) {
    let all = format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    for secret in SECRETS.iter().chain([&ACCESS_TOKEN]) {
        assert!(!all.contains(secret), "a secret was shown: {all}");
    }
}

#[test]
fn a_week_is_fetched_into_its_folder_and_reads_as_its_kinds() {
    let dir = tempfile::tempdir().unwrap();
    let amazon = Amazon::start();
    let credentials = credentials(dir.path(), &amazon);
    let workspace = dir.path().join("ws");
    let init = opsdeck(&["init", workspace.to_str().unwrap()], &credentials);
    assert!(init.status.success());
    let root = workspace.to_str().unwrap();

    let checked = opsdeck(&["fetch", root, "--check-credentials"], &credentials);
    shows_no_secret(&checked);
    let said = String::from_utf8_lossy(&checked.stderr);
    assert!(checked.status.success(), "{said}");
    assert!(said.contains("888888888 US"), "{said}");
    assert!(said.contains("US Amazon.com (ATVPDKIKX0DER)"), "{said}");

    let fetched = opsdeck(
        &["fetch", root, "--week", "2026-W47", "--wait", "2m"],
        &credentials,
    );
    shows_no_secret(&fetched);
    let said = String::from_utf8_lossy(&fetched.stderr);
    assert!(fetched.status.success(), "{said}");
    assert!(said.contains("5 of 5 reports arrived"), "{said}");
    let week = workspace.join("weeks/2026-W47");
    for file in [
        "sp-api-sales-and-traffic-2026-W47.json",
        "sp-api-fba-returns-2026-W47.txt",
        "ads-api-sp-advertised-product-2026-W47.json",
        "fetch.toml",
    ] {
        assert!(week.join(file).exists(), "{file} is missing: {said}");
    }
    // As Amazon sent it, decompressed.
    assert_eq!(
        std::fs::read_to_string(week.join("sp-api-sales-and-traffic-2026-W47.json")).unwrap(),
        SALES_AND_TRAFFIC
    );
    // The access token went in the headers, the secrets only to the token endpoint.
    let seen = amazon.seen.lock().unwrap().clone();
    assert!(
        seen.iter()
            .any(|r| r.contains(&format!("x-amz-access-token: {ACCESS_TOKEN}")))
    );
    assert!(
        seen.iter()
            .filter(|r| r.contains("client_secret"))
            .all(|r| r.starts_with("POST /auth/o2/token"))
    );

    let check = opsdeck(&["check", root, "--format", "json"], &credentials);
    let json: serde_json::Value = serde_json::from_slice(&check.stdout).unwrap();
    let kinds: Vec<&str> = json["files"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|f| f["kind"].as_str())
        .collect();
    for kind in [
        "sp_api_sales_and_traffic",
        "ads_api_advertised_product",
        "fba_inventory",
        "fba_returns",
    ] {
        assert!(kinds.contains(&kind), "{kind} not in {kinds:?}");
    }
    assert!(
        check.status.success(),
        "{}",
        String::from_utf8_lossy(&check.stderr)
    );

    // A rerun finds everything fetched and asks for nothing.
    let before = amazon.seen.lock().unwrap().len();
    let again = opsdeck(&["fetch", root, "--week", "2026-W47"], &credentials);
    assert!(again.status.success());
    assert_eq!(
        amazon.seen.lock().unwrap().len(),
        before,
        "nothing asked again"
    );
}

#[test]
fn credentials_others_can_read_are_refused_with_the_chmod() {
    let dir = tempfile::tempdir().unwrap();
    let amazon = Amazon::start();
    let path = credentials(dir.path(), &amazon);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).unwrap();
        let workspace = dir.path().join("ws");
        opsdeck(&["init", workspace.to_str().unwrap()], &path);
        let output = opsdeck(&["fetch", workspace.to_str().unwrap()], &path);
        shows_no_secret(&output);
        assert_eq!(output.status.code(), Some(1));
        assert!(String::from_utf8_lossy(&output.stderr).contains("chmod 600"));
        assert!(amazon.seen.lock().unwrap().is_empty());
    }
}
