//! What the tests of `opsdeck fetch` share: the made-up secrets, a
//! credentials file pointing at a stand-in, the sample workspace without
//! its newest week's downloads, and a run of the binary whose every output
//! is searched for the secrets.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The week the tests fetch: the sample's newest.
pub const WEEK: &str = "2026-W47";

/// The client secrets and refresh tokens of the credentials file, and the
/// access token the stand-ins give.
pub const SECRETS: [&str; 5] = [
    "sp-client-secret-7f3a",
    "Atzr|sp-refresh-9c1d",
    "ads-client-secret-2b8e",
    "Atzr|ads-refresh-5e0f",
    "Atza|access-token-4d6c",
];

/// Login with Amazon's answer: the access token of `SECRETS`.
pub const TOKEN_ANSWER: &str =
    r#"{"access_token":"Atza|access-token-4d6c","token_type":"bearer","expires_in":3600}"#;

/// The kind of report a request to the stand-in is about, from its path or
/// body: a part of Amazon's report type or document id, else the Ads report.
pub fn report_kind(asked: &super::stand_in::Asked) -> &'static str {
    [
        "SALES_AND_TRAFFIC",
        "MYI_UNSUPPRESSED",
        "INVENTORY_PLANNING",
        "CUSTOMER_RETURNS",
    ]
    .into_iter()
    .find(|k| asked.body.contains(k) || asked.path.contains(k))
    .unwrap_or("ADS")
}

/// A credentials file in `dir` with both apps, every API at `base` and
/// Login with Amazon at `lwa`, readable as `mode` says.
pub fn credentials(dir: &Path, lwa: &str, base: &str, mode: u32) -> PathBuf {
    let path = dir.join("credentials.toml");
    std::fs::write(
        &path,
        format!(
            "[sp_api]\nclient_id = \"amzn1.application-oa2-client.sp\"\nclient_secret = \"{}\"\nrefresh_token = \"{}\"\n\
             [ads_api]\nclient_id = \"amzn1.application-oa2-client.ads\"\nclient_secret = \"{}\"\nrefresh_token = \"{}\"\n\
             [endpoints]\nlwa = \"{lwa}\"\nsp_api = \"{base}\"\nads_api = \"{base}\"\n",
            SECRETS[0], SECRETS[1], SECRETS[2], SECRETS[3]
        ),
    )
    .unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(mode)).unwrap();
    }
    path
}

/// Runs opsdeck with `credentials`; fails the test if any output shows a secret.
pub fn opsdeck(args: &[&str], credentials: &Path) -> Output {
    let output = Command::new(env!("CARGO_BIN_EXE_opsdeck"))
        .args(args)
        .env("OPSDECK_CREDENTIALS", credentials)
        .output()
        .unwrap();
    assert_no_secret_in(&format!("{args:?}"), &output.stdout);
    assert_no_secret_in(&format!("{args:?}"), &output.stderr);
    output
}

/// Fails the test if `bytes` (what `source` said or holds) show a secret, raw or percent-encoded.
pub fn assert_no_secret_in(source: &str, bytes: &[u8]) {
    let text = String::from_utf8_lossy(bytes);
    for secret in SECRETS {
        let encoded = secret.replace('|', "%7C");
        assert!(
            !text.contains(secret) && !text.contains(&encoded),
            "{secret} shown by {source}: {text}"
        );
    }
}

/// A copy of the sample workspace in `dir` with the newest week's downloads taken out.
pub fn sample_without_the_weeks_downloads(dir: &Path) -> PathBuf {
    let root = opsdeck::export::demo::write_demo_workspace(dir, "ws").unwrap();
    for entry in std::fs::read_dir(root.join("weeks").join(WEEK)).unwrap() {
        let path = entry.unwrap().path();
        if path.file_name().unwrap() != "week.toml" {
            std::fs::remove_file(path).unwrap();
        }
    }
    root
}
