//! Files a teammate could plant in the shared workspace, read by the real
//! binary: a fetch manifest that names files outside its folder, minutes
//! merged by hand with an id written twice, and customers' words that carry
//! Markdown links, images and HTML into what is mailed and pasted.

#![allow(clippy::unwrap_used)]

mod support;

use std::fs;
use std::path::Path;
use std::process::{Command, Output};

use support::fetching::{TOKEN_ANSWER, WEEK, credentials};
use support::stand_in::{Reply, StandIn};

fn opsdeck(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_opsdeck"))
        .args(args)
        .output()
        .unwrap()
}

fn said(output: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    )
}

/// A manifest entry for the week's Sales and Traffic report, written to `file`.
fn planted_entry(file: &str) -> String {
    format!(
        "[[reports]]\nreport = \"sp-api-sales-and-traffic\"\nmarketplace = \"US\"\n\
         report_type = \"GET_SALES_AND_TRAFFIC_REPORT\"\nreport_id = \"R-1\"\n\
         start = \"2026-11-16\"\nend = \"2026-11-22\"\nrequested_at = \"2026-11-23T09:00:00Z\"\n\
         file = \"{file}\"\nstanding = \"requested\"\n"
    )
}

#[test]
fn a_planted_manifest_cannot_make_fetch_write_outside_its_folder() {
    // A stand-in that would hand over a document for any report asked about.
    let amazon = StandIn::start(|asked| match asked.path.as_str() {
        "/auth/o2/token" => Reply::json(200, TOKEN_ANSWER),
        "/doc" => Reply::with(200, &[], "planted"),
        p if p.contains("/documents/") => Reply::json(
            200,
            format!(r#"{{"reportDocumentId":"D","url":"{}/doc"}}"#, asked.base),
        ),
        _ => Reply::json(
            200,
            r#"{"reportId":"R-1","processingStatus":"DONE","reportDocumentId":"D"}"#,
        ),
    });
    let (dir, root) = support::workspace();
    let credentials = credentials(
        dir.path(),
        &format!("{}/auth/o2/token", amazon.url()),
        &amazon.url(),
        0o600,
    );
    let victim = dir.path().join("victim.txt");
    fs::write(&victim, "the user's own file").unwrap();
    let config = fs::read(root.join("opsdeck.toml")).unwrap();
    let week = root.join("weeks").join(WEEK);
    let fetch = |manifest: &str| {
        fs::write(week.join("fetch.toml"), manifest).unwrap();
        let output = Command::new(env!("CARGO_BIN_EXE_opsdeck"))
            .args([
                "fetch",
                root.to_str().unwrap(),
                "--week",
                WEEK,
                "--wait",
                "20s",
            ])
            .env("OPSDECK_CREDENTIALS", &credentials)
            .output()
            .unwrap();
        (output.status.code(), said(&output))
    };
    // A name that leaves the folder: refused with its line, before anything is asked.
    for planted in [
        "../../opsdeck.toml".to_owned(),
        victim.display().to_string(),
    ] {
        let manifest = format!("# fetched by a teammate\n{}", planted_entry(&planted));
        let (code, said) = fetch(&manifest);
        assert_eq!(code, Some(1), "{planted}: {said}");
        let line = manifest.lines().position(|l| l.contains(&planted)).unwrap() + 1;
        assert!(
            said.contains(&format!("fetch.toml:{line}")),
            "{planted}: {said}"
        );
        assert_eq!(fs::read(root.join("opsdeck.toml")).unwrap(), config);
        assert_eq!(fs::read_to_string(&victim).unwrap(), "the user's own file");
    }
    assert!(amazon.requests().is_empty(), "nothing was asked of Amazon");
    // The name of the user's own download: not taken; the report lands under its own name.
    let users = week.join("BusinessReport-11-23-26.csv");
    let before = fs::read(&users).unwrap();
    let (_, said) = fetch(&planted_entry("BusinessReport-11-23-26.csv"));
    assert_eq!(fs::read(&users).unwrap(), before, "{said}");
    assert_eq!(
        fs::read_to_string(week.join("sp-api-sales-and-traffic-2026-W47.json")).unwrap(),
        "planted"
    );
}

/// The sample workspace with the first action's id given to the second, as
/// a hand merge of two facilitators' minutes leaves it.
fn minutes_with_an_id_twice(root: &Path) -> (std::path::PathBuf, Vec<usize>) {
    let minutes = root.join("minutes/2026-W47.toml");
    let text = fs::read_to_string(&minutes)
        .unwrap()
        .replace("id = \"2026-W47-02\"", "id = \"2026-W47-01\"");
    fs::write(&minutes, &text).unwrap();
    let lines = text
        .lines()
        .enumerate()
        .filter(|(_, l)| *l == "id = \"2026-W47-01\"")
        .map(|(at, _)| at + 1)
        .collect();
    (minutes, lines)
}

#[test]
fn an_action_id_written_twice_is_an_error_with_both_lines_everywhere() {
    let (_dir, root) = support::workspace();
    let (minutes, lines) = minutes_with_an_id_twice(&root);
    assert_eq!(lines.len(), 2);
    let ws = root.to_str().unwrap();
    for args in [
        vec!["check", ws],
        vec!["actions", ws],
        vec!["actions", ws, "--format", "ics"],
        vec!["minutes", minutes.to_str().unwrap()],
    ] {
        let output = opsdeck(&args);
        let said = said(&output);
        assert_eq!(output.status.code(), Some(1), "{args:?}: {said}");
        assert!(
            said.contains(&format!("2026-W47.toml:{}", lines[1]))
                && said.contains(&format!("lines {} and {}", lines[0], lines[1])),
            "{args:?}: {said}"
        );
    }
}

#[test]
fn markdown_from_customers_and_titles_is_quoted_never_live() {
    let (_dir, root) = support::workspace();
    let week = root.join("weeks").join(WEEK);
    let payload = "<img src=\"https://evil.example/px.png\"> [Refund here](https://phish.example/r) <script>alert(1)</script> ![x](https://evil.example/y.png)";
    for entry in fs::read_dir(&week).unwrap() {
        let path = entry.unwrap().path();
        if let Ok(text) = fs::read_to_string(&path)
            && text.contains("Broke after a few uses")
        {
            fs::write(&path, text.replace("Broke after a few uses", payload)).unwrap();
        }
    }
    let minutes = root.join("minutes/2026-W47.toml");
    let text = fs::read_to_string(&minutes).unwrap().replace(
        "Book the December sea shipment for spatula sets",
        "[Pay the invoice](https://phish.example/pay) <b>now</b>",
    );
    fs::write(&minutes, text).unwrap();
    let ws = root.to_str().unwrap();
    let mut quoted = 0;
    for args in [
        vec!["prep", ws],
        vec!["kpis", ws, "--format", "md"],
        vec!["minutes", minutes.to_str().unwrap(), "--format", "md"],
    ] {
        let output = opsdeck(&args);
        assert!(output.status.success(), "{args:?}: {}", said(&output));
        let markdown = String::from_utf8(output.stdout).unwrap();
        for live in ["<img", "<script", "<b>", "](https://", "![x]"] {
            assert!(
                markdown
                    .match_indices(live)
                    .all(|(at, _)| markdown[..at].ends_with('\\')),
                "{args:?} has {live} live:\n{markdown}"
            );
        }
        if markdown.contains("phish.example") {
            quoted += 1;
        }
    }
    assert_eq!(quoted, 3, "each output still quotes what was written");
}
