//! `opsdeck fetch` against a hostile stand-in for Amazon on 127.0.0.1: one
//! that echoes the secrets it was sent, redirects the token calls and the
//! documents elsewhere, names documents on plain http or `file:`, asks to
//! wait an hour, fails forever, drips, and sends a gzip bomb and a body
//! without end. Whatever it does: no secret is shown or stored, no request
//! leaves this machine's loopback, `--wait` is a deadline, memory stays
//! bounded, and no file outside the fetched week's folder changes.
//!
//! "Elsewhere" is `[::ffff:127.0.0.1]`, a second stand-in: an address
//! opsdeck must treat as another host (it is not a loopback address by
//! name), which the system still delivers to this machine, so a request
//! that should never have been sent is counted instead of lost.

#![allow(clippy::unwrap_used)]

mod support;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use support::fetching::{
    SECRETS, TOKEN_ANSWER, WEEK, assert_no_secret_in, credentials, report_kind,
    sample_without_the_weeks_downloads,
};
use support::stand_in::{Asked, Reply, StandIn};

/// How long `fetch --wait` may run past its deadline: the process starting,
/// the request in flight ending, the manifest written (see the README).
const DEADLINE_GRACE: Duration = Duration::from_secs(3);

/// The most memory a fetch may hold with `max_document_mb = 16` (see the README).
const MEMORY_BOUND_KB: u64 = 160 * 1024;

/// The usual answers up to a document's address, which `document` gives.
fn up_to_the_document(asked: &Asked, document: impl Fn(&str) -> String) -> Reply {
    let kind = report_kind(asked);
    match (asked.method.as_str(), asked.path.as_str()) {
        ("POST", "/auth/o2/token") => Reply::json(200, TOKEN_ANSWER),
        ("POST", "/reports/2021-06-30/reports") => {
            Reply::json(202, format!(r#"{{"reportId":"R-{kind}"}}"#))
        }
        ("GET", p) if p.starts_with("/reports/2021-06-30/reports/R-") => Reply::json(
            200,
            format!(
                r#"{{"reportId":"R-{kind}","processingStatus":"DONE","reportDocumentId":"D-{kind}"}}"#
            ),
        ),
        ("GET", p) if p.starts_with("/reports/2021-06-30/documents/D-") => Reply::json(
            200,
            format!(
                r#"{{"reportDocumentId":"D-{kind}","url":"{}"}}"#,
                document(kind)
            ),
        ),
        ("GET", "/v2/profiles") => Reply::json(
            200,
            r#"[{"profileId":888888888,"countryCode":"US","currencyCode":"USD","accountInfo":{"marketplaceStringId":"ATVPDKIKX0DER","name":"Home & Kitchen"}}]"#,
        ),
        ("POST", "/reporting/reports") => {
            Reply::json(200, r#"{"reportId":"ADS-1","status":"PENDING"}"#)
        }
        ("GET", "/reporting/reports/ADS-1") => Reply::json(
            200,
            format!(
                r#"{{"reportId":"ADS-1","status":"COMPLETED","url":"{}"}}"#,
                document("ADS")
            ),
        ),
        _ => Reply::json(
            404,
            r#"{"errors":[{"code":"NotFound","message":"no such path"}]}"#,
        ),
    }
}

/// The sample workspace without its newest week's downloads, and a credentials file for `near`.
struct Workspace {
    dir: tempfile::TempDir,
    root: PathBuf,
    credentials: PathBuf,
}

impl Workspace {
    fn new(near: &StandIn) -> Self {
        Self::with_lwa(near, &format!("{}/auth/o2/token", near.url()))
    }

    fn with_lwa(near: &StandIn, lwa: &str) -> Self {
        let dir = tempfile::tempdir().unwrap();
        let root = sample_without_the_weeks_downloads(dir.path());
        let credentials = credentials(dir.path(), lwa, &near.url(), 0o600);
        Self {
            dir,
            root,
            credentials,
        }
    }

    fn week(&self) -> PathBuf {
        self.root.join("weeks").join(WEEK)
    }

    /// Every file under the test's folder and its bytes.
    fn files(&self) -> BTreeMap<PathBuf, Vec<u8>> {
        support::files_under(self.dir.path())
            .into_iter()
            .map(|path| {
                let bytes = std::fs::read(&path).unwrap();
                (path, bytes)
            })
            .collect()
    }

    /// Runs `opsdeck fetch` with `extra` arguments, checking what every
    /// fetch promises: no secret shown or stored, nothing outside the
    /// week's folder changed, no panic.
    fn fetch(&self, extra: &[&str]) -> Fetched {
        let before = self.files();
        let mut args = vec!["fetch", self.root.to_str().unwrap(), "--week", WEEK];
        args.extend(extra);
        let fetched = run_measured(&args, &self.credentials);
        assert_no_secret_in("stdout", &fetched.output.stdout);
        assert_no_secret_in("stderr", &fetched.output.stderr);
        assert_ne!(
            fetched.output.status.code(),
            Some(101),
            "{}",
            fetched.said()
        );
        let after = self.files();
        for (path, bytes) in after.iter().filter(|(p, _)| **p != self.credentials) {
            assert_no_secret_in(&path.display().to_string(), bytes);
        }
        for (path, bytes) in &after {
            if !path.starts_with(self.week()) {
                assert_eq!(before.get(path), Some(bytes), "{} changed", path.display());
            }
        }
        for path in before.keys() {
            assert!(after.contains_key(path), "{} is gone", path.display());
        }
        fetched
    }
}

/// A finished run: its output, how long it took, its peak resident memory.
struct Fetched {
    output: Output,
    took: Duration,
    peak_kb: u64,
}

impl Fetched {
    fn said(&self) -> String {
        String::from_utf8_lossy(&self.output.stderr).into_owned()
    }
}

/// Runs opsdeck, sampling its peak resident memory (`VmHWM`) every 10 ms.
#[allow(clippy::disallowed_methods)] // the wall time of a child process is what is measured
fn run_measured(args: &[&str], credentials: &Path) -> Fetched {
    let started = Instant::now();
    let child = Command::new(env!("CARGO_BIN_EXE_opsdeck"))
        .args(args)
        .env("OPSDECK_CREDENTIALS", credentials)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let status = format!("/proc/{}/status", child.id());
    let peak = std::sync::Arc::new(AtomicU64::new(0));
    let sampled = std::sync::Arc::clone(&peak);
    let watcher = std::thread::spawn(move || {
        while let Ok(text) = std::fs::read_to_string(&status) {
            let Some(line) = text.lines().find(|l| l.starts_with("VmHWM:")) else {
                break;
            };
            let kb = line
                .split_whitespace()
                .nth(1)
                .and_then(|n| n.parse().ok())
                .unwrap_or(0);
            sampled.fetch_max(kb, Ordering::Relaxed);
            std::thread::sleep(Duration::from_millis(10));
        }
    });
    let output = child.wait_with_output().unwrap();
    let took = started.elapsed();
    watcher.join().unwrap();
    Fetched {
        output,
        took,
        peak_kb: peak.load(Ordering::Relaxed),
    }
}

/// A stand-in that answers every request, to count the ones that reach it.
fn elsewhere() -> (StandIn, String) {
    let far = StandIn::start(|_| Reply::json(200, TOKEN_ANSWER));
    let address = format!("http://[::ffff:127.0.0.1]:{}", far.port);
    (far, address)
}

#[test]
fn secrets_a_server_echoes_are_shown_and_stored_nowhere() {
    // Login with Amazon echoes the posted form, as plain text.
    let near = StandIn::start(|asked| {
        Reply::with(401, &[], format!("invalid_client: you sent {}", asked.body))
    });
    let workspace = Workspace::new(&near);
    let fetched = workspace.fetch(&["--wait", "30s"]);
    assert_eq!(fetched.output.status.code(), Some(1), "{}", fetched.said());
    assert!(
        fetched.said().contains("invalid_client"),
        "{}",
        fetched.said()
    );
    assert!(
        near.requests().iter().any(|r| r.body.contains(SECRETS[0])),
        "the stand-in was sent the secret it echoed"
    );

    // The APIs echo the request's head — its access token — in `errors[]`
    // (SP-API) and in plain text (Ads API).
    let near = StandIn::start(|asked| match asked.path.as_str() {
        "/auth/o2/token" => Reply::json(200, TOKEN_ANSWER),
        "/v2/profiles" => Reply::with(400, &[], format!("Bad request from {}", asked.whole())),
        _ => Reply::json(
            403,
            format!(
                r#"{{"errors":[{{"code":"Unauthorized","message":{},"details":""}}]}}"#,
                serde_json::to_string(&asked.whole()).unwrap()
            ),
        ),
    });
    let workspace = Workspace::new(&near);
    let fetched = workspace.fetch(&["--wait", "30s"]);
    assert_eq!(fetched.output.status.code(), Some(1), "{}", fetched.said());
    assert!(
        fetched.said().contains("Unauthorized"),
        "{}",
        fetched.said()
    );
    let checked = workspace.fetch(&["--check-credentials"]);
    assert_eq!(checked.output.status.code(), Some(1), "{}", checked.said());
    assert!(
        checked.said().contains("Bad request from"),
        "{}",
        checked.said()
    );
}

#[test]
fn no_request_leaves_loopback_and_no_token_follows_a_redirect() {
    let (far, far_url) = elsewhere();

    // The token call is redirected: not followed.
    let to = format!("{far_url}/auth/o2/token");
    let near = StandIn::start(move |_| Reply::redirect(307, &to));
    let workspace = Workspace::new(&near);
    let fetched = workspace.fetch(&["--wait", "30s"]);
    assert_eq!(fetched.output.status.code(), Some(1), "{}", fetched.said());

    // API calls redirected, documents on plain http elsewhere, on `file:`,
    // and redirected to plain http elsewhere; then a document redirected without end.
    let endless = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let endless_now = std::sync::Arc::clone(&endless);
    let far_for_near = far_url.clone();
    let near = StandIn::start(move |asked| {
        let far = &far_for_near;
        match asked.path.as_str() {
            p if p.starts_with("/reports/2021-06-30/reports/R-MYI") => {
                Reply::redirect(302, &format!("{far}/report"))
            }
            "/reporting/reports" => Reply::redirect(307, &format!("{far}/reporting/reports")),
            "/to-far" => Reply::redirect(302, &format!("{far}/document")),
            p if p.starts_with("/loop/") => {
                let n: u32 = p[6..].parse().unwrap_or(0);
                Reply::redirect(302, &format!("/loop/{}", n + 1))
            }
            _ => up_to_the_document(asked, |kind| match kind {
                _ if endless_now.load(Ordering::Relaxed) => format!("{}/loop/0", asked.base),
                "SALES_AND_TRAFFIC" => format!("{far}/document"),
                "INVENTORY_PLANNING" => "file:///etc/passwd".to_owned(),
                _ => format!("{}/to-far", asked.base),
            }),
        }
    });
    let workspace = Workspace::new(&near);
    let fetched = workspace.fetch(&["--wait", "30s"]);
    let said = fetched.said();
    assert_eq!(fetched.output.status.code(), Some(1), "{said}");
    assert!(said.contains("0 of 5 reports arrived"), "{said}");
    assert!(
        said.contains("plain http on a host that is not this machine"),
        "{said}"
    );
    assert!(said.contains("a redirect, not followed"), "{said}");
    endless.store(true, Ordering::Relaxed);
    let workspace = Workspace::new(&near);
    let fetched = workspace.fetch(&["--wait", "30s"]);
    assert!(
        fetched.said().contains("redirected more than"),
        "{}",
        fetched.said()
    );
    let loops = near
        .requests()
        .iter()
        .filter(|r| r.path.starts_with("/loop/"))
        .count();
    assert!(loops <= 4 * 6, "{loops} redirects followed for 4 documents");

    // An endpoint with user information before its host is refused before any request.
    let userinfo = format!(
        "http://127.0.0.1:{}@[::ffff:127.0.0.1]:{}/auth/o2/token",
        near.port, far.port
    );
    let asked_before = near.requests().len();
    let workspace = Workspace::with_lwa(&near, &userinfo);
    let fetched = workspace.fetch(&["--wait", "30s"]);
    assert_ne!(fetched.output.status.code(), Some(0), "{}", fetched.said());
    assert!(
        fetched.said().contains("user information"),
        "{}",
        fetched.said()
    );
    assert_eq!(near.requests().len(), asked_before);

    assert_eq!(
        far.requests().len(),
        0,
        "requests left loopback: {:?}",
        far.requests()
    );
}

#[test]
fn the_wait_is_a_deadline_whatever_the_server_does() {
    let hour = StandIn::start(|asked| match asked.path.as_str() {
        "/auth/o2/token" => Reply::json(200, TOKEN_ANSWER),
        _ => Reply::with(429, &[("Retry-After", "3600")], Vec::new()),
    });
    let failing = StandIn::start(|asked| match asked.path.as_str() {
        "/auth/o2/token" => Reply::json(200, TOKEN_ANSWER),
        _ => Reply::json(
            500,
            r#"{"errors":[{"code":"InternalFailure","message":"try later"}]}"#,
        ),
    });
    let dripping = StandIn::start(|asked| match asked.path.as_str() {
        "/drip" => Reply::Drip {
            length: 1_000_000,
            every: Duration::from_millis(500),
        },
        _ => up_to_the_document(asked, |_| format!("{}/drip", asked.base)),
    });
    let runs: Vec<_> = [&hour, &failing, &dripping]
        .into_iter()
        .map(|server| {
            let workspace = Workspace::new(server);
            std::thread::spawn(move || workspace.fetch(&["--wait", "10s"]))
        })
        .collect();
    let names = ["Retry-After: 3600", "500 forever", "a drip"];
    for (run, name) in runs.into_iter().zip(names) {
        let fetched = run.join().unwrap();
        let said = fetched.said();
        assert_eq!(fetched.output.status.code(), Some(1), "{name}: {said}");
        assert!(
            fetched.took < Duration::from_secs(10) + DEADLINE_GRACE,
            "{name}: --wait 10s took {:?}",
            fetched.took
        );
        let expected = match name {
            "Retry-After: 3600" => "Amazon answered 429 and asked to wait 3600 s",
            "500 forever" => "the time given (--wait) has run out after Amazon answered 500",
            _ => "report document: the time given (--wait) has run out",
        };
        assert!(said.contains(expected), "{name}: {said}");
        assert!(
            said.contains("unfinished when the time given (--wait) ran out"),
            "{name}: {said}"
        );
    }
}

#[test]
fn a_document_larger_than_the_limit_is_refused_as_it_streams() {
    let bomb = {
        use std::io::Write;
        let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        encoder.write_all(&vec![b'0'; 64 * 1024 * 1024]).unwrap();
        encoder.finish().unwrap()
    };
    let near = StandIn::start(move |asked| match asked.path.as_str() {
        "/bomb" => Reply::with(200, &[("Content-Type", "application/json")], bomb.clone()),
        "/endless" => Reply::Endless,
        _ => up_to_the_document(asked, |kind| match kind {
            "SALES_AND_TRAFFIC" => format!("{}/bomb", asked.base),
            _ => format!("{}/endless", asked.base),
        }),
    });
    let workspace = Workspace::new(&near);
    let config = workspace.root.join("opsdeck.toml");
    let mut text = std::fs::read_to_string(&config).unwrap();
    text.push_str("\n[fetch]\nmax_document_mb = 16\n");
    std::fs::write(&config, text).unwrap();
    let fetched = workspace.fetch(&["--wait", "60s"]);
    let said = fetched.said();
    assert_eq!(fetched.output.status.code(), Some(1), "{said}");
    assert!(said.contains("0 of 5 reports arrived"), "{said}");
    assert!(said.contains("more than the limit of 16 MB"), "{said}");
    assert!(said.contains("larger than the limit of 16 MB"), "{said}");
    // Too large is final: each document was asked for once.
    let downloads = near
        .requests()
        .iter()
        .filter(|r| r.path == "/bomb" || r.path == "/endless")
        .count();
    assert_eq!(downloads, 5, "{said}");
    assert!(
        fetched.peak_kb < MEMORY_BOUND_KB,
        "peak {} MB",
        fetched.peak_kb / 1024
    );
    let written: Vec<_> = std::fs::read_dir(workspace.week())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(
        written
            .iter()
            .all(|name| name == "week.toml" || name == "fetch.toml"),
        "{written:?}"
    );
}
