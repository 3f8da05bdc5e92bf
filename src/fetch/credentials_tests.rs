//! Tests of the credentials file: where it is looked for, what it holds,
//! that a readable-by-others file is refused, and that no error shows a secret.

use super::*;

const GOOD: &str = r#"
[sp_api]
client_id = "amzn1.application-oa2-client.sp"
client_secret = "sp-client-secret-value"
refresh_token = "Atzr|sp-refresh-token-value"
region = "na"
[sp_api.regions]
DE = "eu"

[ads_api]
client_id = "amzn1.application-oa2-client.ads"
client_secret = "ads-client-secret-value"
refresh_token = "Atzr|ads-refresh-token-value"

[endpoints]
sp_api = "http://127.0.0.1:9999"
"#;

#[test]
fn the_file_is_looked_for_in_the_environment_then_the_config_folder() {
    let env = |pairs: &'static [(&'static str, &'static str)]| {
        move |name: &str| {
            pairs
                .iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| (*v).to_owned())
        }
    };
    assert_eq!(
        credentials_path(env(&[
            ("OPSDECK_CREDENTIALS", "/secrets/c.toml"),
            ("HOME", "/h")
        ])),
        Some(PathBuf::from("/secrets/c.toml"))
    );
    assert_eq!(
        credentials_path(env(&[("XDG_CONFIG_HOME", "/xdg"), ("HOME", "/h")])),
        Some(PathBuf::from("/xdg/opsdeck/credentials.toml"))
    );
    assert_eq!(
        credentials_path(env(&[("HOME", "/h")])),
        Some(PathBuf::from("/h/.config/opsdeck/credentials.toml"))
    );
}

#[test]
fn both_apps_their_regions_and_an_override_are_read() {
    let credentials = parse_credentials(Path::new("c.toml"), GOOD).unwrap();
    let sp = credentials.sp_api.unwrap();
    assert_eq!(sp.app.refresh_token.expose(), "Atzr|sp-refresh-token-value");
    assert_eq!(sp.region_of("US", sp.region), Region::Na);
    assert_eq!(sp.region_of("de", sp.region), Region::Eu);
    assert_eq!(credentials.lwa.as_str(), LWA_ENDPOINT);
    assert_eq!(
        credentials.sp_api_endpoint.unwrap().as_str(),
        "http://127.0.0.1:9999"
    );
    assert!(credentials.ads_api.is_some());
}

#[test]
fn the_mail_server_is_read_and_plain_smtp_goes_to_this_machine_only() {
    let with =
        |smtp: &str| parse_credentials(Path::new("c.toml"), &format!("{GOOD}\n[smtp]\n{smtp}"));
    let implicit = with("host = \"smtp.example.com\"\nport = 465\nuser = \"ops\"\npassword = \"pw-value\"\nfrom = \"ops@example.com\"\n")
        .unwrap()
        .smtp
        .unwrap();
    assert_eq!((implicit.tls(), implicit.port()), (SmtpTls::Implicit, 465));
    let starttls = with("host = \"smtp.example.com\"\nfrom = \"ops@example.com\"\n")
        .unwrap()
        .smtp
        .unwrap();
    assert_eq!((starttls.tls(), starttls.port()), (SmtpTls::Starttls, 587));
    let plain =
        with("host = \"127.0.0.1\"\nport = 2525\ntls = \"none\"\nfrom = \"ops@example.com\"\n");
    assert_eq!(plain.unwrap().smtp.unwrap().tls(), SmtpTls::None);
    let remote = with("host = \"smtp.example.com\"\ntls = \"none\"\nfrom = \"ops@example.com\"\n")
        .unwrap_err();
    assert!(
        remote
            .message
            .en
            .contains("plain SMTP only to this machine"),
        "{remote}"
    );
    let half = with("host = \"smtp.example.com\"\nuser = \"ops\"\nfrom = \"ops@example.com\"\n")
        .unwrap_err();
    assert!(half.message.en.contains("both user and password"), "{half}");
    let sender = with("host = \"smtp.example.com\"\nfrom = \"ops\"\n").unwrap_err();
    assert!(
        sender.message.en.contains("the sender's address"),
        "{sender}"
    );
    let shown = format!(
        "{:?}",
        with(
            "host = \"h.example.com\"\npassword = \"pw-value\"\nuser = \"u\"\nfrom = \"a@b.com\"\n"
        )
    );
    assert!(!shown.contains("pw-value"), "{shown}");
}

#[test]
fn no_error_shows_a_secret() {
    let typo = GOOD.replace("region = \"na\"", "regoin = \"na\"");
    let bad_toml = GOOD.replace(
        "client_secret = \"sp-client-secret-value\"",
        "client_secret = sp-client-secret-value",
    );
    let remote = GOOD.replace("http://127.0.0.1:9999", "http://sp.example.com");
    for text in [typo, bad_toml, remote] {
        let error = parse_credentials(Path::new("c.toml"), &text).unwrap_err();
        let shown = format!("{error} {error:?}");
        for secret in ["secret-value", "refresh-token-value"] {
            assert!(!shown.contains(secret), "{shown}");
        }
    }
    let debug = format!(
        "{:?}",
        parse_credentials(Path::new("c.toml"), GOOD).unwrap()
    );
    assert!(
        !debug.contains("secret-value") && !debug.contains("token-value"),
        "{debug}"
    );
}

#[cfg(unix)]
#[test]
fn a_file_others_can_read_is_refused_with_the_chmod_to_run() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("credentials.toml");
    std::fs::write(&path, GOOD).unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).unwrap();
    let error = read_credentials(&path).unwrap_err();
    assert!(error.message.en.contains("chmod 600"), "{error}");
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600)).unwrap();
    assert!(read_credentials(&path).is_ok());
}

#[cfg(unix)]
#[test]
fn a_pipe_or_a_folder_at_the_credentials_path_is_refused_without_blocking() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("credentials.toml");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    if made.is_ok_and(|status| status.success()) {
        let error = read_credentials(&fifo).unwrap_err();
        assert!(error.message.en.contains("not a regular file"), "{error}");
    }
    let error = read_credentials(dir.path()).unwrap_err();
    assert!(error.message.en.contains("not a regular file"), "{error}");
}
