//! The binary's contract: exit status and what a user reads, for good
//! workspaces and for every kind of broken input. Nothing may panic.

#![allow(clippy::unwrap_used)]

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

fn opsdeck(args: &[&str], dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_opsdeck"))
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap()
}

fn sample_data() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-data")
}

/// Runs `check` on one file written with `bytes` and returns (exit code, stdout, stderr).
fn check_bytes(name: &str, bytes: &[u8]) -> (i32, String, String) {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join(name), bytes).unwrap();
    let output = opsdeck(&["check", name], dir.path());
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(!stderr.contains("RUST_BACKTRACE"), "{stderr}");
    (
        output.status.code().unwrap(),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr,
    )
}

const BR_HEADER: &str = "(Parent) ASIN,(Child) ASIN,Title,SKU,Sessions - Total,Units Ordered,Ordered Product Sales,Total Order Items\n";

#[test]
fn sample_workspace_checks_clean() {
    let output = opsdeck(
        &["check", "sample-data"],
        Path::new(env!("CARGO_MANIFEST_DIR")),
    );
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(output.status.success(), "{stdout}");
    assert!(
        stdout.contains("business_report · 30 rows · 30 SKUs"),
        "{stdout}"
    );
    assert!(stdout.contains("supply_csv · 2 rows"), "{stdout}");
    assert!(stdout.ends_with("82 files read, no errors.\n"), "{stdout}");
}

#[test]
fn json_output_follows_the_contract() {
    let week = sample_data().join("weeks/2026-W47");
    let output = opsdeck(
        &["check", "--format", "json", week.to_str().unwrap()],
        &week,
    );
    assert!(output.status.success());
    let json: Value = serde_json::from_slice(&output.stdout).unwrap();
    let files = json["files"].as_array().unwrap();
    assert_eq!(files.len(), 6);
    let kinds: Vec<&str> = files.iter().map(|f| f["kind"].as_str().unwrap()).collect();
    for kind in [
        "business_report",
        "ads_advertised_product",
        "fba_inventory",
        "fba_inventory_planning",
        "fba_returns",
        "week_toml",
    ] {
        assert!(kinds.contains(&kind), "{kinds:?}");
    }
    for file in files {
        for key in [
            "path",
            "kind",
            "rows",
            "skus",
            "child_asins",
            "currency",
            "totals",
            "warnings",
        ] {
            assert!(file.get(key).is_some(), "{key} missing in {file}");
        }
        for key in [
            "units",
            "sales",
            "orders",
            "sessions",
            "page_views",
            "ad_spend",
            "ad_sales",
            "impressions",
            "clicks",
            "available_units",
            "inbound_units",
            "returned_units",
        ] {
            assert!(file["totals"].get(key).is_some(), "{key} missing");
        }
    }
    assert_eq!(json["errors"], Value::Array(Vec::new()));
}

#[test]
fn an_empty_file_is_an_error() {
    let (code, _, stderr) = check_bytes("BusinessReport.csv", b"");
    assert_eq!(code, 1);
    assert!(
        stderr.contains("BusinessReport.csv: the file is empty"),
        "{stderr}"
    );
}

#[test]
fn a_header_only_file_reads_with_a_warning() {
    let (code, stdout, _) = check_bytes("br.csv", BR_HEADER.as_bytes());
    assert_eq!(code, 0);
    assert!(
        stdout.contains("warning: the file has a header but no data rows"),
        "{stdout}"
    );
}

#[test]
fn a_truncated_file_names_the_cut_line() {
    let text = format!("{BR_HEADER}P,C1,Mat,S1,10,1,$5.00,1\nP,C2,Mat,S2,1");
    let (code, _, stderr) = check_bytes("br.csv", text.as_bytes());
    assert_eq!(code, 1);
    assert!(stderr.contains("br.csv:3:"), "{stderr}");
    assert!(stderr.contains("cut off"), "{stderr}");
}

#[test]
fn a_binary_file_is_refused() {
    let (code, _, stderr) = check_bytes("photo.csv", &[0x89, b'P', b'N', b'G', 0, 0, 1, 2]);
    assert_eq!(code, 1);
    assert!(stderr.contains("binary file"), "{stderr}");
}

#[test]
fn a_damaged_xlsx_is_refused() {
    let (code, _, stderr) = check_bytes("ads.xlsx", b"PK\x03\x04 not really a zip");
    assert_eq!(code, 1);
    assert!(
        stderr.contains("cannot read this .xlsx workbook"),
        "{stderr}"
    );
}

#[test]
fn a_ten_megabyte_field_does_not_break_anything() {
    let title = "x".repeat(10 * 1024 * 1024);
    let text = format!("{BR_HEADER}P,C1,{title},S1,10,1,$5.00,1\n");
    let (code, stdout, _) = check_bytes("br.csv", text.as_bytes());
    assert_eq!(code, 0);
    assert!(stdout.contains("units 1 · sales $5.00"), "{stdout}");
}

#[test]
fn duplicate_headers_are_explained() {
    let text = "(Parent) ASIN,(Child) ASIN,SKU,Sessions - Total,Units Ordered,Units Ordered,Ordered Product Sales\nP,C,S,1,1,1,$1.00\n";
    let (code, _, stderr) = check_bytes("br.csv", text.as_bytes());
    assert_eq!(code, 1);
    assert!(
        stderr.contains("br.csv:1:6: the column `Units Ordered` appears twice"),
        "{stderr}"
    );
}

#[test]
fn a_bad_cell_names_line_column_and_what_was_expected() {
    let text = format!("{BR_HEADER}P,C1,Mat,S1,10,one,$5.00,1\n");
    let (code, _, stderr) = check_bytes("br.csv", text.as_bytes());
    assert_eq!(code, 1);
    assert!(
        stderr.contains("br.csv:2:6: expected a whole number in `Units Ordered`, found `one`"),
        "{stderr}"
    );
}

#[test]
fn an_unknown_file_names_the_closest_report_and_what_it_lacks() {
    let (code, _, stderr) = check_bytes(
        "export.csv",
        b"(Parent) ASIN,(Child) ASIN,SKU,Sessions - Total\nP,C,S,1\n",
    );
    assert_eq!(code, 1);
    assert!(
        stderr.contains("comes closest to a Business Report"),
        "{stderr}"
    );
    assert!(
        stderr.contains("`units ordered`, `ordered product sales`"),
        "{stderr}"
    );
}

#[test]
fn a_business_report_resaved_in_gbk_is_explained() {
    let (gbk, _, _) = encoding_rs::GBK.encode("P,C1,硅胶厨房铲套装,S1,10,1,$5.00,1\n");
    let mut bytes = BR_HEADER.as_bytes().to_vec();
    bytes.extend_from_slice(&gbk);
    let (code, _, stderr) = check_bytes("br.csv", &bytes);
    assert_eq!(code, 1);
    assert!(stderr.contains("br.csv:2:"), "{stderr}");
    assert!(stderr.contains("GBK"), "{stderr}");
    assert!(stderr.contains("download it again"), "{stderr}");
}

#[test]
fn utf16_text_is_explained() {
    let mut bytes = vec![0xFF, 0xFE];
    for unit in "sku,fnsku\n".encode_utf16() {
        bytes.extend_from_slice(&unit.to_le_bytes());
    }
    let (code, _, stderr) = check_bytes("inventory.txt", &bytes);
    assert_eq!(code, 1);
    assert!(stderr.contains("UTF-16"), "{stderr}");
}

#[test]
fn a_config_typo_names_its_line() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir(dir.path().join("weeks")).unwrap();
    fs::write(
        dir.path().join("opsdeck.toml"),
        "title = \"Ops\"\n[targets]\nacoss = 0.3\n",
    )
    .unwrap();
    let output = opsdeck(&["check", "."], dir.path());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr.contains("opsdeck.toml:3:1: unknown field `acoss`"),
        "{stderr}"
    );
}

#[test]
fn a_missing_path_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let output = opsdeck(&["check", "nowhere"], dir.path());
    assert_eq!(output.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&output.stderr).contains("nowhere: no such file or folder"));
}

#[test]
fn a_week_folder_leaves_out_rows_of_other_weeks() {
    let dir = tempfile::tempdir().unwrap();
    let week = dir.path().join("weeks/2026-W47");
    fs::create_dir_all(&week).unwrap();
    fs::write(
        week.join("returns.txt"),
        "return-date\torder-id\tsku\tasin\tquantity\tdetailed-disposition\treason\n\
         2026-11-16T01:00:00+00:00\t1\tA\tB\t1\tSELLABLE\tUNWANTED_ITEM\n\
         2026-11-15T23:00:00+00:00\t2\tA\tB\t1\tSELLABLE\tUNWANTED_ITEM\n",
    )
    .unwrap();
    let output = opsdeck(&["check", "."], dir.path());
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(output.status.success(), "{stdout}");
    assert!(stdout.contains("returned 1"), "{stdout}");
    assert!(stdout.contains("1 rows dated outside 2026-W47"), "{stdout}");
    fs::write(dir.path().join("opsdeck.toml"), "week_start = \"sunday\"\n").unwrap();
    let output = opsdeck(&["check", "weeks/2026-W47"], dir.path());
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(stdout.contains("returned 2"), "{stdout}");
}

#[test]
fn init_starts_a_workspace_and_never_overwrites() {
    let dir = tempfile::tempdir().unwrap();
    let output = opsdeck(&["init", "team"], dir.path());
    assert!(output.status.success());
    assert!(dir.path().join("team/opsdeck.toml").is_file());
    assert!(dir.path().join("team/weeks").is_dir());
    assert!(dir.path().join("team/minutes").is_dir());
    let output = opsdeck(&["check", "team"], dir.path());
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let again = opsdeck(&["init", "team"], dir.path());
    assert_eq!(again.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&again.stderr).contains("never overwrites"));
    // A Chinese team's workspace speaks Chinese from the start.
    let output = opsdeck(&["init", "团队", "--lang", "zh"], dir.path());
    assert!(String::from_utf8_lossy(&output.stdout).contains("已在 团队 新建工作区"));
    let config = fs::read_to_string(dir.path().join("团队/opsdeck.toml")).unwrap();
    assert!(config.contains("language = \"zh\""), "{config}");
    let again = opsdeck(&["init", "团队", "--lang", "zh"], dir.path());
    assert_eq!(again.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&again.stderr).contains("从不覆盖"));
}

#[test]
fn kpis_json_follows_the_contract() {
    let output = opsdeck(
        &["kpis", "sample-data", "--format", "json"],
        Path::new(env!("CARGO_MANIFEST_DIR")),
    );
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let json: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(json["schema"], 1);
    assert_eq!(json["week"], "2026-W47");
    assert_eq!(json["previous_week"], "2026-W46");
    assert_eq!(json["currency"], "USD");
    for key in ["value", "previous", "change", "target", "status"] {
        assert!(json["account"]["acos"].get(key).is_some(), "{key}");
    }
    assert_eq!(json["account"]["acos"]["target"], 0.25);
    let sku = &json["skus"][0];
    for key in ["sku", "asin", "parent_asin", "title", "metrics"] {
        assert!(sku.get(key).is_some(), "{key}");
    }
    let conversion = sku["metrics"]["conversion"]["value"].as_f64().unwrap();
    assert!(
        conversion > 0.0 && conversion < 1.0,
        "a fraction, not a percentage"
    );
    let anomaly = &json["anomalies"][0];
    for key in [
        "rule", "severity", "sku", "asin", "metric", "value", "previous", "message", "checks",
    ] {
        assert!(anomaly.get(key).is_some(), "{key}");
    }
    assert!(["watch", "breach"].contains(&anomaly["severity"].as_str().unwrap()));
    let voice = &json["voice"][0];
    for key in ["reason", "units", "skus", "comments"] {
        assert!(voice.get(key).is_some(), "{key}");
    }
}

#[test]
fn kpis_table_csv_and_markdown() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let table = opsdeck(&["kpis", "sample-data"], root);
    let text = String::from_utf8_lossy(&table.stdout);
    assert!(table.status.success());
    assert!(text.contains("HK-CB-BAM-L"), "{text}");
    assert!(!text.contains('\x1b'), "no colour when not a terminal");
    let csv = opsdeck(&["kpis", "sample-data", "--format", "csv"], root);
    let csv = String::from_utf8_lossy(&csv.stdout);
    assert!(
        csv.starts_with("week,marketplace,sku,asin,metric,value,previous,change,target,status\n"),
        "a pipe gets plain UTF-8 with LF: {csv}"
    );
    let md = opsdeck(
        &[
            "kpis",
            "sample-data",
            "--format",
            "md",
            "--week",
            "2026-W46",
        ],
        root,
    );
    let md = String::from_utf8_lossy(&md.stdout);
    assert!(md.starts_with("# KPIs — 2026-W46"), "{md}");
}

#[test]
fn prep_is_a_markdown_pre_read_with_last_meetings_actions() {
    let output = opsdeck(
        &["prep", "sample-data"],
        Path::new(env!("CARGO_MANIFEST_DIR")),
    );
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(output.status.success());
    for heading in [
        "## Agenda",
        "## KPI dashboard",
        "## Advertising",
        "## Inventory",
        "## Customer voice",
        "## Diagnosis",
        "## Open actions from the last meeting",
    ] {
        assert!(text.contains(heading), "{heading} missing");
    }
    assert!(
        text.contains("2026-W47-01"),
        "open action from the last minutes"
    );
    assert!(!text.contains("2026-W46-01"), "a done action is not open");
    // A carried action past its date is overdue here as in the cockpit, and
    // each action is listed once among the open ones.
    let open = text
        .split("## Open actions from the last meeting")
        .nth(1)
        .unwrap();
    let carried = open.lines().find(|l| l.contains("2026-W45-03")).unwrap();
    assert!(carried.contains("✖ overdue"), "{carried}");
    for id in ["2026-W45-03", "2026-W47-01", "2026-W47-02", "2026-W47-03"] {
        assert_eq!(open.matches(id).count(), 1, "{id} once:\n{open}");
    }
}

#[test]
fn kpis_for_a_week_without_a_folder_is_an_error() {
    let output = opsdeck(
        &["kpis", "sample-data", "--week", "2026-W10"],
        Path::new(env!("CARGO_MANIFEST_DIR")),
    );
    assert_eq!(output.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&output.stderr).contains("there is no folder for 2026-W10"));
}

#[test]
fn kpis_with_a_broken_report_names_it() {
    let dir = tempfile::tempdir().unwrap();
    let week = dir.path().join("weeks/2026-W47");
    fs::create_dir_all(&week).unwrap();
    fs::write(
        week.join("br.csv"),
        format!("{BR_HEADER}P,C1,Mat,S1,10,one,$5.00,1\n"),
    )
    .unwrap();
    let output = opsdeck(&["kpis", "."], dir.path());
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("br.csv:2:6"), "{stderr}");
}

#[test]
fn the_cockpit_without_a_terminal_points_to_the_text_commands() {
    let output = opsdeck(&["sample-data"], Path::new(env!("CARGO_MANIFEST_DIR")));
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("the cockpit needs a terminal"), "{stderr}");
    assert!(stderr.contains("opsdeck kpis sample-data"), "{stderr}");
}

#[test]
fn minutes_export_as_markdown_and_json() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let md = opsdeck(&["minutes", "sample-data/minutes/2026-W47.toml"], root);
    assert!(
        md.status.success(),
        "{}",
        String::from_utf8_lossy(&md.stderr)
    );
    let text = String::from_utf8_lossy(&md.stdout);
    for part in [
        "# Weekly operations meeting — 2026-W47",
        "## Decisions",
        "## Action items",
        "| 2026-W47-01 | Book the December sea shipment",
        "## Time",
    ] {
        assert!(text.contains(part), "{part} missing:\n{text}");
    }
    let json = opsdeck(
        &[
            "minutes",
            "sample-data/minutes/2026-W47.toml",
            "--format",
            "json",
        ],
        root,
    );
    let value: Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(value["schema"], 1);
    assert_eq!(value["actions"][0]["id"], "2026-W47-01");
}

#[test]
fn a_broken_minutes_file_names_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("2026-W48.toml"),
        "schema = 1\nweek = \"2026-W48\"\nstarted = \n",
    )
    .unwrap();
    let output = opsdeck(&["minutes", "2026-W48.toml"], dir.path());
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("2026-W48.toml:3:"), "{stderr}");
}

#[test]
fn actions_across_minutes_with_completion() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let output = opsdeck(&["actions", "sample-data", "--format", "json"], root);
    assert!(output.status.success());
    let json: Value = serde_json::from_slice(&output.stdout).unwrap();
    let actions = json["actions"].as_array().unwrap();
    assert_eq!(actions.len(), 5);
    for key in [
        "id",
        "meeting",
        "title",
        "owner",
        "due",
        "sku",
        "kpi",
        "priority",
        "status",
        "weeks_carried",
    ] {
        assert!(actions[0].get(key).is_some(), "{key}");
    }
    assert_eq!(json["completion"]["overall"], 0.2);
    assert_eq!(json["completion"]["by_owner"]["Priya"], 0.5);
    let open = opsdeck(
        &[
            "actions",
            "sample-data",
            "--open",
            "--owner",
            "priya",
            "--format",
            "csv",
        ],
        root,
    );
    let csv = String::from_utf8_lossy(&open.stdout);
    assert_eq!(csv.lines().count(), 2, "{csv}");
    assert!(csv.contains("2026-W45-03"), "{csv}");
}

#[test]
fn a_closed_meeting_is_not_reopened_silently() {
    let dir = tempfile::tempdir().unwrap();
    let root = opsdeck::export::demo::write_demo_workspace(dir.path(), "ws").unwrap();
    let closed = "schema = 1\nweek = \"2026-W48\"\nstarted = \"2026-11-23T09:00:00-08:00\"\nended = \"2026-11-23T10:10:00-08:00\"\n";
    fs::write(root.join("minutes/2026-W48.toml"), closed).unwrap();
    let output = opsdeck(&["ws"], dir.path());
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("the meeting of 2026-W48 is closed"),
        "{stderr}"
    );
    assert!(stderr.contains("--reopen"), "{stderr}");
    assert_eq!(
        fs::read_to_string(root.join("minutes/2026-W48.toml")).unwrap(),
        closed,
        "untouched"
    );
}

#[test]
fn a_broken_minutes_file_stops_the_cockpit_and_is_left_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let root = opsdeck::export::demo::write_demo_workspace(dir.path(), "ws").unwrap();
    let broken = "schema = 1\nweek = \"2026-W48\"\nstarted = [\n";
    fs::write(root.join("minutes/2026-W48.toml"), broken).unwrap();
    let output = opsdeck(&["ws"], dir.path());
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("2026-W48.toml:3:"), "{stderr}");
    assert_eq!(
        fs::read_to_string(root.join("minutes/2026-W48.toml")).unwrap(),
        broken
    );
}

/// A fresh copy of the sample workspace, changed by `change`.
fn changed_sample(change: impl FnOnce(&Path)) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let root = opsdeck::export::demo::write_demo_workspace(dir.path(), "ws").unwrap();
    change(&root);
    (dir, root)
}

#[test]
fn a_download_of_the_wrong_week_is_missing_and_said_so_everywhere() {
    const ADS: &str = "Sponsored Products Advertised product report.csv";
    let (_dir, root) = changed_sample(|root| {
        fs::copy(
            root.join("weeks/2026-W46").join(ADS),
            root.join("weeks/2026-W47").join(ADS),
        )
        .unwrap();
        fs::create_dir_all(root.join("weeks/2026-W48")).unwrap();
    });
    let ws = root.to_str().unwrap();
    let output = opsdeck(&["kpis", ws, "--format", "json"], &root);
    assert!(output.status.success());
    let json: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(
        json["week"], "2026-W47",
        "the empty newest week is passed over"
    );
    let notices: Vec<&str> = json["notices"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n.as_str().unwrap())
        .collect();
    assert!(
        notices[0].contains("weeks/2026-W48 holds no report yet"),
        "{notices:?}"
    );
    assert!(
        notices[1].contains("all 210 rows are dated outside 2026-W47"),
        "{notices:?}"
    );
    for metric in ["ad_spend", "acos", "tacos"] {
        assert!(
            json["account"][metric]["value"].is_null(),
            "{metric} is missing, not zero"
        );
    }
    let rules: Vec<&str> = json["anomalies"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a.get("metric").and_then(Value::as_str).unwrap_or(""))
        .collect();
    for ads_metric in ["acos", "tacos", "ad_spend", "ctr"] {
        assert!(
            !rules.contains(&ads_metric),
            "no rule fires on missing ads: {rules:?}"
        );
    }
    for command in [
        vec!["prep", ws],
        vec!["kpis", ws],
        vec!["kpis", ws, "--format", "md"],
    ] {
        let output = opsdeck(&command, &root);
        let stdout = String::from_utf8_lossy(&output.stdout);
        assert!(
            stdout.contains("all 210 rows are dated outside 2026-W47"),
            "{command:?}: {stdout}"
        );
    }
}

#[test]
fn check_validates_the_minutes_too() {
    let (_dir, root) = changed_sample(|root| {
        let path = root.join("minutes/2026-W47.toml");
        let text = fs::read_to_string(&path).unwrap();
        fs::write(
            &path,
            text.replacen("status = \"open\"", "status = \"opne\"", 1),
        )
        .unwrap();
    });
    let output = opsdeck(&["check", root.to_str().unwrap()], &root);
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("minutes/2026-W47.toml:"), "{stderr}");
    assert!(stderr.contains("opne"), "{stderr}");
}

#[cfg(unix)]
#[test]
fn a_file_name_that_is_not_utf8_is_an_error_not_skipped() {
    use std::os::unix::ffi::OsStrExt;
    let (_dir, root) = changed_sample(|root| {
        let name = std::ffi::OsStr::from_bytes(b"BusinessReport-\xff\xfe.csv");
        fs::write(root.join("weeks/2026-W47").join(name), "x").unwrap();
    });
    for command in [vec!["check"], vec!["kpis"]] {
        let mut args = command.clone();
        args.push(root.to_str().unwrap());
        let output = opsdeck(&args, &root);
        assert_eq!(output.status.code(), Some(1), "{command:?}");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(
            stderr.contains("BusinessReport-\u{fffd}\u{fffd}.csv"),
            "{stderr}"
        );
        assert!(stderr.contains("not valid UTF-8"), "{stderr}");
    }
}

#[test]
fn an_error_quotes_at_most_a_few_hundred_characters_of_a_line() {
    let header = format!("{}\n1,2\n", "h".repeat(10 * 1024 * 1024));
    let (code, _, stderr) = check_bytes("huge.csv", header.as_bytes());
    assert_eq!(code, 1);
    assert!(stderr.len() < 2_000, "{} bytes of stderr", stderr.len());
    assert!(stderr.contains("huge.csv:1"), "{stderr}");
}

#[test]
fn kpis_table_and_markdown_carry_the_diagnosis_and_the_customer_voice() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let md = opsdeck(&["kpis", "sample-data", "--format", "md"], root);
    let md = String::from_utf8_lossy(&md.stdout);
    assert!(
        md.contains("## Diagnosis")
            && md.contains("Stockout risk")
            && !md.contains("stockout_risk"),
        "{md}"
    );
    assert!(
        md.contains("## Customer voice") && md.contains("not as described"),
        "{md}"
    );
    let table = opsdeck(&["kpis", "sample-data"], root);
    let table = String::from_utf8_lossy(&table.stdout);
    assert!(
        table.contains("anomalies, most money at stake first"),
        "{table}"
    );
    assert!(
        table.contains("Customer voice, most returned units first"),
        "{table}"
    );
}

#[test]
fn prep_says_which_action_covers_each_anomaly_once_the_meeting_has_begun() {
    let dir = tempfile::tempdir().unwrap();
    let root = opsdeck::export::demo::write_demo_workspace(dir.path(), "workspace").unwrap();
    let before = opsdeck(&["prep", root.to_str().unwrap()], dir.path());
    let before = String::from_utf8_lossy(&before.stdout).into_owned();
    assert!(before.contains("   - No action yet"), "{before}");
    // The meeting has begun: its minutes hold an action on the missing spatulas.
    let last = fs::read_to_string(root.join("minutes/2026-W47.toml")).unwrap();
    let started = "started = \"2026-11-30T09:00:00-08:00\"";
    let this = format!(
        "schema = 1\nweek = \"2026-W48\"\nreviewed_week = \"2026-W47\"\n{started}\n\n\
         [[actions]]\nid = \"2026-W48-01\"\ntitle = \"Book air freight\"\nowner = \"Wei\"\n\
         sku = \"hk-sp-sil-5\"\nstatus = \"open\"\n"
    );
    assert!(last.contains("schema = 1"));
    fs::write(root.join("minutes/2026-W48.toml"), this).unwrap();
    let after = opsdeck(&["prep", root.to_str().unwrap()], dir.path());
    assert!(
        after.status.success(),
        "{}",
        String::from_utf8_lossy(&after.stderr)
    );
    let after = String::from_utf8_lossy(&after.stdout);
    let stockout = after
        .lines()
        .skip_while(|l| !l.contains("Stock unaccounted for"))
        .take(6)
        .collect::<Vec<_>>()
        .join("\n");
    assert!(
        stockout.contains("   - Action: 2026-W48-01 @Wei"),
        "{after}"
    );
}

#[test]
fn escapes_planted_in_file_names_reach_neither_stdout_nor_stderr() {
    let dir = tempfile::tempdir().unwrap();
    let root = opsdeck::export::demo::write_demo_workspace(dir.path(), "workspace").unwrap();
    let week = root.join("weeks/2026-W47");
    // A teammate's file whose name sets the window title and colours the terminal.
    fs::write(
        week.join("evil\u{1b}]0;pwned\u{7}\u{1b}[31m.csv"),
        "not,a,report\n1,2,3\n",
    )
    .unwrap();
    for args in [
        vec!["check", root.to_str().unwrap()],
        vec!["kpis", root.to_str().unwrap()],
        vec!["prep", root.to_str().unwrap()],
    ] {
        let output = opsdeck(&args, dir.path());
        for (stream, bytes) in [("stdout", &output.stdout), ("stderr", &output.stderr)] {
            assert!(
                !bytes.iter().any(|b| *b == 0x1b || *b == 0x07),
                "{args:?} {stream}: {}",
                String::from_utf8_lossy(bytes)
            );
        }
        let said = String::from_utf8_lossy(&output.stderr);
        assert!(
            said.contains("evil"),
            "{args:?}: the file is still named: {said}"
        );
    }
}

#[test]
fn a_mistyped_command_is_named_not_taken_for_a_folder() {
    let dir = tempfile::tempdir().unwrap();
    for (typed, meant) in [("kpi", "kpis"), ("chek", "check"), ("prpe", "prep")] {
        let output = opsdeck(&[typed], dir.path());
        assert_eq!(output.status.code(), Some(2), "{typed}");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(
            stderr.contains("did you mean `") && stderr.contains(&format!(" {meant}`?")),
            "{typed}: {stderr}"
        );
    }
    // A folder of that name is a workspace to open, never a typo.
    fs::create_dir(dir.path().join("kpi")).unwrap();
    let output = opsdeck(&["kpi"], dir.path());
    assert!(
        !String::from_utf8_lossy(&output.stderr).contains("did you mean"),
        "an existing folder is opened"
    );
}

#[test]
fn the_language_goes_before_or_after_the_command_and_a_workspace_only_after() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for args in [
        ["--lang", "zh", "kpis", "sample-data"],
        ["kpis", "--lang", "zh", "sample-data"],
        ["kpis", "sample-data", "--lang", "zh"],
    ] {
        let output = opsdeck(&args, root);
        assert!(output.status.success(), "{args:?}");
        let stdout = String::from_utf8_lossy(&output.stdout);
        assert!(stdout.contains("销售额"), "{args:?}: {stdout}");
    }
    // The cockpit's workspace before a command is refused, never dropped.
    for args in [
        &["sample-data", "kpis"][..],
        &["--theme", "light", "kpis", "sample-data"],
    ] {
        let output = opsdeck(args, root);
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(
            stderr.contains("`opsdeck kpis WORKSPACE`"),
            "{args:?}: {stderr}"
        );
        assert!(output.stdout.is_empty(), "{args:?}");
    }
}

#[test]
fn completions_load_in_the_shell_and_the_manual_page_renders() {
    let dir = tempfile::tempdir().unwrap();
    for shell in ["bash", "zsh", "fish", "powershell"] {
        let output = opsdeck(&["completions", shell], dir.path());
        assert!(output.status.success(), "{shell}");
        let script = String::from_utf8_lossy(&output.stdout);
        assert!(
            script.contains("kpis") && script.contains("lang"),
            "{shell}"
        );
    }
    let bash = opsdeck(&["completions", "bash"], dir.path());
    let script = dir.path().join("opsdeck.bash");
    fs::write(&script, &bash.stdout).unwrap();
    if let Ok(checked) = Command::new("bash").arg("-n").arg(&script).output() {
        assert!(
            checked.status.success(),
            "{}",
            String::from_utf8_lossy(&checked.stderr)
        );
    }
    let man = opsdeck(&["man"], dir.path());
    let page = String::from_utf8_lossy(&man.stdout);
    assert!(
        page.starts_with(".ie") && page.contains(".TH opsdeck 1"),
        "{page}"
    );
    assert!(page.contains("completions"), "every command is in the page");
}

#[test]
fn colour_follows_color_and_no_color() {
    let dir = tempfile::tempdir().unwrap();
    let sample = sample_data();
    let sample = sample.to_str().unwrap();
    let coloured = |args: &[&str], no_color: Option<&str>| {
        let mut command = Command::new(env!("CARGO_BIN_EXE_opsdeck"));
        command
            .args(args)
            .current_dir(dir.path())
            .env_remove("NO_COLOR");
        if let Some(value) = no_color {
            command.env("NO_COLOR", value);
        }
        command.output().unwrap().stdout.contains(&0x1b)
    };
    // A pipe gets no colour unless asked; NO_COLOR never overrides --color always.
    assert!(!coloured(&["kpis", sample], None));
    assert!(coloured(&["kpis", sample, "--color", "always"], None));
    assert!(coloured(&["kpis", sample, "--color", "always"], Some("1")));
    assert!(!coloured(&["actions", sample, "--color", "never"], None));
    assert!(coloured(&["actions", sample, "--color", "always"], None));
}

#[test]
fn csv_for_a_spreadsheet_has_a_bom_and_crlf_and_money_in_cents() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for args in [
        &["kpis", "sample-data", "--format", "csv", "--excel"][..],
        &["actions", "sample-data", "--format", "csv", "--excel"][..],
        &["actions", "sample-data", "--format", "asana", "--excel"][..],
    ] {
        let output = opsdeck(args, root);
        assert!(output.status.success(), "{args:?}");
        let bytes = output.stdout;
        assert!(bytes.starts_with(b"\xEF\xBB\xBF"), "{args:?}: a UTF-8 BOM");
        let text = String::from_utf8(bytes[3..].to_vec()).unwrap();
        assert!(text.ends_with("\r\n"), "{args:?}");
        assert_eq!(
            text.matches('\n').count(),
            text.matches("\r\n").count(),
            "{args:?}: CRLF only"
        );
        let mut reader = csv::Reader::from_reader(text.as_bytes());
        assert!(reader.records().all(|r| r.is_ok()), "{args:?}");
    }
    // Money is in cents, once, everywhere: no float noise in CSV or JSON.
    let csv = opsdeck(&["kpis", "sample-data", "--format", "csv"], root);
    let mut reader = csv::Reader::from_reader(&csv.stdout[..]);
    let money = ["sales", "ad_spend", "ad_sales", "gross_profit"];
    let mut seen = 0;
    for record in reader.records() {
        let record = record.unwrap();
        if money.contains(&&record[4]) {
            for value in [&record[5], &record[6]] {
                let decimals = value.split_once('.').map_or(0, |(_, d)| d.len());
                assert!(decimals <= 2, "{} of {}: {value}", &record[4], &record[2]);
                seen += 1;
            }
        }
    }
    assert!(seen > 100, "money lines checked: {seen}");
    let json = opsdeck(&["kpis", "sample-data", "--format", "json"], root);
    let json: Value = serde_json::from_slice(&json.stdout).unwrap();
    let rows = std::iter::once(&json["account"]).chain(
        json["skus"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| &s["metrics"]),
    );
    for metrics in rows {
        for name in money {
            for key in ["value", "previous"] {
                if let Some(value) = metrics[name][key].as_f64() {
                    let text = value.to_string();
                    let decimals = text.split_once('.').map_or(0, |(_, d)| d.len());
                    assert!(decimals <= 2, "{name} {key}: {text}");
                }
            }
        }
    }
}

#[test]
fn workbooks_open_in_an_independent_reader_with_typed_cells() {
    use calamine::{Data, Reader, Xlsx};
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let open = |args: &[&str]| {
        let output = opsdeck(args, root);
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
        Xlsx::new(std::io::Cursor::new(output.stdout)).unwrap()
    };
    let mut kpis = open(&["kpis", "sample-data", "--format", "xlsx"]);
    assert_eq!(
        kpis.sheet_names(),
        ["KPI 2026-W47", "Anomalies", "Replenishment"]
    );
    let sheet = kpis.worksheet_range("KPI 2026-W47").unwrap();
    let header: Vec<String> = sheet
        .rows()
        .next()
        .unwrap()
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(
        &header[..5],
        ["Marketplace", "SKU", "ASIN", "Title", "Sales"]
    );
    let account = &sheet.rows().nth(1).unwrap();
    assert_eq!(account[1], Data::String("ACCOUNT".into()));
    assert_eq!(
        account[4],
        Data::Float(101_226.51),
        "sales as a number, in cents"
    );
    let conversion = header.iter().position(|h| h == "Conversion").unwrap();
    assert!(
        matches!(account[conversion], Data::Float(v) if v > 0.0 && v < 1.0),
        "a ratio as a fraction (shown as a percentage): {:?}",
        account[conversion]
    );
    assert!(sheet.rows().count() > 20, "every SKU");
    let supply = kpis.worksheet_range("Replenishment").unwrap();
    let first = supply.rows().nth(1).unwrap();
    assert!(
        matches!(first[2], Data::DateTime(_)),
        "order by as a date: {:?}",
        first[2]
    );
    assert!(matches!(first[3], Data::Float(_)));
    let mut actions = open(&["actions", "sample-data", "--format", "xlsx"]);
    assert_eq!(actions.sheet_names(), ["Actions", "Completion"]);
    let sheet = actions.worksheet_range("Actions").unwrap();
    let wei = sheet
        .rows()
        .find(|r| r[0] == Data::String("2026-W47-01".into()))
        .unwrap();
    assert!(
        matches!(wei[4], Data::DateTime(_)),
        "due as a date: {:?}",
        wei[4]
    );
    // In Chinese, the headers are Chinese.
    let mut zh = open(&["kpis", "sample-data", "--format", "xlsx", "--lang", "zh"]);
    assert_eq!(zh.sheet_names()[1], "异常");
    let sheet = zh.worksheet_range("KPI 2026-W47").unwrap();
    assert_eq!(
        sheet.rows().next().unwrap()[4],
        Data::String("销售额".into())
    );
}

#[test]
fn check_warns_of_a_business_report_downloaded_for_more_than_the_week() {
    let dir = tempfile::tempdir().unwrap();
    let root = opsdeck::export::demo::write_demo_workspace(dir.path(), "ws").unwrap();
    let path = root.join("weeks/2026-W47/BusinessReport-11-23-26.csv");
    let bytes = fs::read(&path).unwrap();
    let mut reader = csv::Reader::from_reader(&bytes[3..]);
    let headers = reader.headers().unwrap().clone();
    let sessions = headers
        .iter()
        .position(|h| h == "Sessions - Total")
        .unwrap();
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record(&headers).unwrap();
    for record in reader.records() {
        let record = record.unwrap();
        let cells: Vec<String> = record
            .iter()
            .enumerate()
            .map(|(at, cell)| {
                if at == sessions {
                    // Thirty days of traffic where a week was expected.
                    (cell.replace(',', "").parse::<i64>().unwrap() * 4).to_string()
                } else {
                    cell.to_owned()
                }
            })
            .collect();
        writer.write_record(&cells).unwrap();
    }
    fs::write(&path, writer.into_inner().unwrap()).unwrap();
    let output = opsdeck(&["check", root.to_str().unwrap()], dir.path());
    let stdout = String::from_utf8_lossy(&output.stdout);
    let block = stdout
        .split("\n\n")
        .find(|b| b.contains("2026-W47/BusinessReport-11-23-26.csv"))
        .unwrap();
    assert!(
        block.contains("the sessions of a usual week's Business Report")
            && block.contains("30 days?"),
        "{block}"
    );
    assert_eq!(
        stdout.matches("30 days?").count(),
        1,
        "only the long one is named"
    );
}
