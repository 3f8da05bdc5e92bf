//! The team's language everywhere: every document and message the binary
//! writes for people — `kpis` as text and Markdown, `prep`, the minutes'
//! mail, `actions`, `check`, and the minutes, pre-read and digest as sent —
//! is rendered for a Chinese team, and no English word may be left in it
//! but the team's own (names, SKUs, ASINs, titles, report headers: any
//! word of the workspace's files) and a few terms a Chinese seller uses as
//! they are (KPI, SKU, `ACoS`…). `--lang` does the same for one run.

#![allow(clippy::unwrap_used)]

use std::collections::BTreeSet;
use std::path::Path;
use std::process::Command;

mod support;

/// Terms Chinese sellers write in English, and the command line's own words.
const KEPT: &[&str] = &[
    // Amazon's and the trade's terms.
    "KPI",
    "SKU",
    "ASIN",
    "FNSKU",
    "ACoS",
    "TACoS",
    "ROAS",
    "CTR",
    "CPC",
    "BSR",
    "ODR",
    "IPI",
    "FBA",
    "PO",
    "Prime",
    "listing",
    "L10",
    "UTC",
    "USD",
    "EUR",
    "GBP",
    "JPY",
    "Id",
    // Formats and commands, as typed.
    "opsdeck",
    "kpis",
    "prep",
    "all",
    "format",
    "csv",
    "json",
    "send",
    "minutes",
    "week",
    "resend",
    "actions",
    "open",
    "check",
    "due",
    "fri",
    "high",
    "normal",
    "low",
    "acos",
    "conversion",
    "return",
    "rate",
    "replenishment",
    "lock",
    "recover",
    // Keys, as the keyboard names them.
    "Enter",
    "Esc",
    "Tab",
    "PgUp",
    "PgDn",
    "space",
    // The configuration's keys and the channels' wire values, as written.
    "people",
    "thresholds",
    "smtp",
    "webhook",
    "markdown",
];

/// Every word of the workspace's files: what the team wrote and what Amazon's
/// reports hold may stay as they are.
fn own_words(root: &Path, words: &mut BTreeSet<String>) {
    for entry in std::fs::read_dir(root).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        words.extend(english_words(&name).map(str::to_lowercase));
        if path.is_dir() {
            own_words(&path, words);
        } else {
            let text = String::from_utf8_lossy(&std::fs::read(&path).unwrap()).into_owned();
            // A report's header row is Amazon's English, not the team's: a
            // heading of opsdeck's must not pass for one of its columns.
            let rows = text.lines().skip(usize::from(is_report(&path)));
            for row in rows {
                // Of a TOML file, its values are the team's words, its keys opsdeck's.
                let said = if path.extension().is_some_and(|e| e == "toml") {
                    row.split('"')
                        .skip(1)
                        .step_by(2)
                        .collect::<Vec<_>>()
                        .join(" ")
                } else {
                    row.to_owned()
                };
                words.extend(english_words(&said).map(str::to_lowercase));
            }
        }
    }
}

fn is_report(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e == "csv" || e == "txt" || e == "tsv")
}

/// The runs of Latin letters of `text` outside paths, flags and identifiers.
fn english_words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| {
        c.is_whitespace() || matches!(c, '`' | '(' | ')' | '（' | '）' | '"' | '“' | '”')
    })
    .filter(|word| !word.contains('/') && !word.contains('_') && !word.starts_with("--"))
    .flat_map(|word| word.split(|c: char| !c.is_ascii_alphabetic()))
    .filter(|word| word.len() >= 2)
}

/// What people read of `output`: a message's JSON keys, HTML tags and
/// entities are the wire format, not words.
fn for_people(output: &str) -> String {
    let output = output.replace("\\n", "\n");
    let mut out = String::with_capacity(output.len());
    let mut rest = output.as_str();
    while let Some(at) = rest.find(['<', '&', '"']) {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let end = match rest.as_bytes()[0] {
            b'<' => rest.find('>').map(|e| e + 1),
            b'&' => rest.find(';').filter(|e| *e < 8).map(|e| e + 1),
            // A JSON key: `"msgtype":`.
            _ => rest[1..]
                .find('"')
                .filter(|e| rest[e + 2..].starts_with(':'))
                .map(|e| e + 3),
        };
        let skip = end.unwrap_or(1);
        // What is left out parts words, as a tag or a key does.
        out.push_str(if end.is_none() { &rest[..1] } else { " " });
        rest = &rest[skip..];
    }
    out.push_str(rest);
    out
}

/// The English words of `output` that are neither the team's (nor cut from
/// one, as a narrow column cuts a title) nor kept.
fn left_in_english(output: &str, own: &BTreeSet<String>) -> BTreeSet<String> {
    let output = for_people(output);
    english_words(&output)
        .filter(|word| {
            let lower = word.to_lowercase();
            // Cut by a column (`…`) or by the screen's edge.
            let cut = output.contains(&format!("{word}…")) || output.contains(&format!("{word}\n"));
            !(own.contains(&lower) || cut && own.iter().any(|mine| mine.starts_with(&lower)))
        })
        .filter(|word| !KEPT.iter().any(|kept| kept.eq_ignore_ascii_case(word)))
        .map(str::to_owned)
        .collect()
}

#[test]
fn the_wire_format_is_not_read_as_words() {
    assert_eq!(
        for_people(r#"{"msgtype": "markdown", "html": "<b>Wei</b> &amp; 李"}"#),
        r#"{  "markdown",   " Wei    李"}"#
    );
}

fn run(args: &[&str], credentials: &Path) -> String {
    let output = Command::new(env!("CARGO_BIN_EXE_opsdeck"))
        .args(args)
        .env("OPSDECK_CREDENTIALS", credentials)
        .output()
        .unwrap();
    format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    )
}

/// Every output for people, from the workspace at `root`, with `extra` arguments.
fn every_output(root: &Path, extra: &[&str], credentials: &Path) -> Vec<(String, String)> {
    let ws = root.to_str().unwrap();
    let minutes = root.join("minutes/2026-W47.toml");
    let minutes = minutes.to_str().unwrap();
    let runs: [&[&str]; 9] = [
        &["kpis", ws],
        &["kpis", ws, "--format", "md"],
        &["prep", ws],
        &["minutes", minutes],
        &["actions", ws],
        &["check", ws],
        &["send", "minutes", ws, "--dry-run"],
        &["send", "prep", ws, "--dry-run"],
        &["send", "digest", ws, "--dry-run"],
    ];
    runs.iter()
        .map(|args| {
            let mut all: Vec<&str> = args.to_vec();
            all.extend(extra);
            (args.join(" "), run(&all, credentials))
        })
        .collect()
}

const CHANNELS: &str = r#"
[[channels]]
name = "team"
kind = "wecom"

[[channels]]
name = "mail"
kind = "email"
to = ["ops@example.com"]
"#;

/// The sample workspace with a chat and a mail channel, in `language`.
fn workspace_in(language: &str) -> (tempfile::TempDir, std::path::PathBuf) {
    let (dir, root) = support::workspace();
    let config = root.join("opsdeck.toml");
    let text = std::fs::read_to_string(&config)
        .unwrap()
        .replace("language = \"en\"", &format!("language = \"{language}\""))
        + CHANNELS;
    std::fs::write(&config, text).unwrap();
    (dir, root)
}

fn check_chinese(outputs: &[(String, String)], own: &BTreeSet<String>) {
    let mut left = Vec::new();
    for (command, output) in outputs {
        assert!(
            output
                .chars()
                .any(|c| ('\u{4E00}'..='\u{9FFF}').contains(&c)),
            "`{command}` wrote no Chinese:\n{output}"
        );
        let words = left_in_english(output, own);
        if !words.is_empty() {
            left.push(format!("`{command}`: {words:?}"));
        }
    }
    assert!(
        left.is_empty(),
        "English left in Chinese output:\n{}",
        left.join("\n")
    );
}

#[test]
fn a_chinese_team_reads_no_english_but_its_own() {
    let (dir, root) = workspace_in("zh");
    let credentials = dir.path().join("none.toml");
    let mut own = BTreeSet::new();
    own_words(&root, &mut own);
    check_chinese(&every_output(&root, &[], &credentials), &own);
}

#[test]
fn lang_overrides_the_workspace_for_one_run() {
    let (dir, root) = workspace_in("en");
    let credentials = dir.path().join("none.toml");
    let mut own = BTreeSet::new();
    own_words(&root, &mut own);
    check_chinese(&every_output(&root, &["--lang", "zh"], &credentials), &own);
    // And back: an English run of a Chinese workspace says its headings in English.
    let (dir, root) = workspace_in("zh");
    let english = run(
        &["prep", root.to_str().unwrap(), "--lang", "en"],
        &dir.path().join("none.toml"),
    );
    assert!(english.contains("## KPI dashboard"), "{english}");
}

#[test]
fn the_english_outputs_stay_english() {
    let (dir, root) = workspace_in("en");
    let credentials = dir.path().join("none.toml");
    for (command, output) in every_output(&root, &[], &credentials) {
        // The sample's own Chinese titles (硅胶厨房铲套装 …) may show; none of opsdeck's words.
        for word in [
            "会议",
            "预读",
            "行动项",
            "补货",
            "诊断",
            "负责人",
            "截止",
            "警告",
        ] {
            assert!(!output.contains(word), "`{command}` says {word}:\n{output}");
        }
    }
}

/// A Chinese team's failures: each run must fail, say so in Chinese, and
/// leave no English word but the team's own and what it quotes of a file.
#[test]
fn a_chinese_teams_errors_are_chinese() {
    let (dir, root) = workspace_in("zh");
    let credentials = dir.path().join("none.toml");
    let ws = root.to_str().unwrap();
    let mut own = BTreeSet::new();
    own_words(&root, &mut own);
    // A cell a teammate typed over, in a report of the newest week.
    let week = root.join("weeks/2026-W47");
    let report = week.join("BusinessReport-11-23-26.csv");
    let text = std::fs::read_to_string(&report).unwrap();
    assert!(
        text.contains("\"3,308\""),
        "the sample's first sessions cell"
    );
    std::fs::write(&report, text.replacen("\"3,308\"", "十", 1)).unwrap();
    // A threshold the team misspelt, in a second workspace.
    let (_typo_dir, typo) = workspace_in("zh");
    let config = typo.join("opsdeck.toml");
    let text = std::fs::read_to_string(&config).unwrap();
    std::fs::write(&config, text + "\n[thresholds]\nconversoin_drop = 0.2\n").unwrap();
    let typo = typo.to_str().unwrap();
    let missing = dir.path().join("nowhere");
    let missing = missing.to_str().unwrap();
    let runs: [&[&str]; 8] = [
        &["check", ws],
        &["kpis", ws],
        &["prep", ws],
        &["kpis", ws, "--week", "2030-W01"],
        &["send", "minutes", ws, "--week", "2030-W01", "--dry-run"],
        &["kpis", typo],
        &["check", missing, "--lang", "zh"],
        &["kpi", "--lang", "zh"],
    ];
    let mut said = Vec::new();
    for args in runs {
        let output = Command::new(env!("CARGO_BIN_EXE_opsdeck"))
            .args(args)
            .env("OPSDECK_CREDENTIALS", &credentials)
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(!output.status.success(), "{args:?} succeeded");
        assert!(stderr.contains("错误："), "{args:?}: {stderr}");
        said.push((args.join(" "), unquoted(&stderr)));
    }
    check_chinese(&said, &own);
}

/// `text` without what it quotes between backticks: a file's own cells and
/// headers, a command to type, a key to add.
fn unquoted(text: &str) -> String {
    text.split('`').step_by(2).collect::<Vec<_>>().join(" ")
}

#[test]
fn the_cockpit_says_goodbye_in_the_teams_language() {
    let (dir, root) = workspace_in("en");
    let said = dir.path().join("stderr.txt");
    let command = format!(
        "{} --lang zh {} 2> {}",
        env!("CARGO_BIN_EXE_opsdeck"),
        root.display(),
        said.display()
    );
    let Some(tmux) = support::Tmux::start("goodbye", 100, 30, &command) else {
        return;
    };
    tmux.wait_for("上次会议的行动项");
    let mut own = BTreeSet::new();
    own_words(&root, &mut own);
    // Every view, and every key's help, as the room sees it.
    for (key, shows) in [
        ("2", "诊断"),
        ("3", "计划"),
        ("4", "补货"),
        ("1", "复盘"),
        ("?", "按键"),
    ] {
        tmux.keys(&[key]);
        let screen = tmux.wait_for(shows);
        let left = left_in_english(&screen, &own);
        assert!(
            left.is_empty(),
            "{left:?} on the screen after {key}:\n{screen}"
        );
        if key == "?" {
            tmux.keys(&["Escape"]);
        }
    }
    tmux.keys(&["q", "y"]);
    tmux.wait_for("仍然结束");
    tmux.keys(&["c"]);
    assert!(tmux.stopped_within(std::time::Duration::from_secs(3)));
    let said = std::fs::read_to_string(&said).unwrap();
    assert!(said.contains("会议纪要已保存在"), "{said}");
    assert!(left_in_english(&said, &own).is_empty(), "{said}");
}
