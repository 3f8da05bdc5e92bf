//! The credentials file: the SP-API's and the Ads API's Login with Amazon
//! apps and refresh tokens, optional endpoint overrides, and the chat
//! channels' webhooks and signing secrets and the mail server (`opsdeck send`). It lives
//! outside the workspace (which a team shares through git):
//! `$OPSDECK_CREDENTIALS`, else `$XDG_CONFIG_HOME/opsdeck/credentials.toml`,
//! else `~/.config/opsdeck/credentials.toml`. A file others can read is
//! refused, with the `chmod` to run. No secret is ever put in a message.

use crate::domain::words::Said;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use super::endpoint::{Endpoint, Region, is_loopback};
use super::secret::Secret;
use crate::domain::channel::looks_like_address;
use crate::import::error::ImportError;

/// The LWA token endpoint of every region (access tokens are global).
pub const LWA_ENDPOINT: &str = "https://api.amazon.com/auth/o2/token";

/// One Login with Amazon app and the refresh token it was granted.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LwaApp {
    pub client_id: String,
    pub client_secret: Secret,
    pub refresh_token: Secret,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct SpApiTable {
    client_id: String,
    client_secret: Secret,
    refresh_token: Secret,
    region: Option<String>,
    #[serde(default)]
    regions: BTreeMap<String, String>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct EndpointsTable {
    lwa: Option<String>,
    sp_api: Option<String>,
    ads_api: Option<String>,
}

/// A chat channel's webhook address (its token inside) and signing secret.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChannelSecrets {
    pub url: Secret,
    pub secret: Option<Secret>,
}

/// How the connection to the mail server is protected.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SmtpTls {
    /// TLS from the first byte (port 465).
    Implicit,
    /// Plain, then upgraded before anything is said (port 587).
    Starttls,
    /// No TLS: a mail server on this machine only.
    None,
}

/// The mail server e-mail channels send through.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SmtpServer {
    pub host: String,
    pub port: Option<u16>,
    pub user: Option<String>,
    pub password: Option<Secret>,
    /// The sender's address.
    pub from: String,
    tls: Option<SmtpTls>,
}

impl SmtpServer {
    /// The protection asked, else the port's: implicit TLS on 465, STARTTLS elsewhere.
    pub fn tls(&self) -> SmtpTls {
        self.tls.unwrap_or(if self.port == Some(465) {
            SmtpTls::Implicit
        } else {
            SmtpTls::Starttls
        })
    }

    /// The port asked, else the protection's usual one.
    pub fn port(&self) -> u16 {
        self.port.unwrap_or(match self.tls() {
            SmtpTls::Implicit => 465,
            SmtpTls::Starttls => 587,
            SmtpTls::None => 25,
        })
    }

    /// Why the server cannot be used as written, if it cannot.
    fn problem(&self) -> Option<Said> {
        if self.host.trim().is_empty() {
            return Some(Said::both(
                "[smtp] host is empty: name the mail server, like smtp.example.com",
                "[smtp] host 为空：请写上邮件服务器，如 smtp.example.com",
            ));
        }
        let from = self.from.trim();
        if !looks_like_address(from) {
            return Some(Said::both(
                format!(
                    "[smtp] from = \"{from}\": expected the sender's address, like ops@example.com"
                ),
                format!("[smtp] from = \"{from}\"：应为发件人地址，如 ops@example.com"),
            ));
        }
        if self.user.is_some() != self.password.is_some() {
            return Some(Said::both(
                "[smtp] needs both user and password, or neither",
                "[smtp] 的 user 和 password 要么都写，要么都不写",
            ));
        }
        let host = self.host.trim();
        (self.tls() == SmtpTls::None && !is_loopback(host)).then(|| {
            Said::both(
                format!(
                    "[smtp] tls = \"none\" with host = \"{host}\": plain SMTP only to this \
                     machine (localhost); use tls = \"implicit\" (port 465) or \"starttls\" \
                     (port 587)"
                ),
                format!(
                    "[smtp] tls = \"none\" 而 host = \"{host}\"：明文 SMTP 只能发往本机 \
                     （localhost）；请用 tls = \"implicit\"（端口 465）或 \"starttls\"（端口 587）"
                ),
            )
        })
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct CredentialsFile {
    sp_api: Option<SpApiTable>,
    ads_api: Option<LwaApp>,
    #[serde(default)]
    endpoints: EndpointsTable,
    #[serde(default)]
    channels: BTreeMap<String, ChannelSecrets>,
    smtp: Option<SmtpServer>,
}

/// The SP-API's app and the region of each marketplace.
#[derive(Debug, Clone)]
pub struct SpApiCredentials {
    pub app: LwaApp,
    /// The region of marketplaces `regions` does not name.
    pub region: Region,
    /// Regions by marketplace code (`DE = "eu"`).
    pub regions: BTreeMap<String, Region>,
}

impl SpApiCredentials {
    /// The region a marketplace's reports are asked of.
    pub fn region_of(&self, code: &str, default: Region) -> Region {
        self.regions
            .iter()
            .find(|(c, _)| c.eq_ignore_ascii_case(code))
            .map_or(default, |(_, region)| *region)
    }
}

/// Everything the credentials file holds, checked.
#[derive(Debug, Clone)]
pub struct Credentials {
    pub path: PathBuf,
    pub sp_api: Option<SpApiCredentials>,
    pub ads_api: Option<LwaApp>,
    pub lwa: Endpoint,
    /// Overrides of the regional hosts (a proxy, the SP-API sandbox, a test server).
    pub sp_api_endpoint: Option<Endpoint>,
    pub ads_api_endpoint: Option<Endpoint>,
    /// Each chat channel's webhook, by the channel's name in `opsdeck.toml`.
    pub channels: BTreeMap<String, ChannelSecrets>,
    /// The mail server of e-mail channels.
    pub smtp: Option<SmtpServer>,
}

/// Where the credentials file is looked for, from the environment given.
pub fn credentials_path(env: impl Fn(&str) -> Option<String>) -> Option<PathBuf> {
    if let Some(path) = env("OPSDECK_CREDENTIALS").filter(|p| !p.is_empty()) {
        return Some(PathBuf::from(path));
    }
    let config = env("XDG_CONFIG_HOME")
        .filter(|p| !p.is_empty())
        .map(PathBuf::from)
        .or_else(|| env("HOME").map(|home| Path::new(&home).join(".config")))?;
    Some(config.join("opsdeck").join("credentials.toml"))
}

/// Reads and checks the credentials file at `path`.
pub fn read_credentials(path: &Path) -> Result<Credentials, ImportError> {
    let metadata = std::fs::metadata(path).map_err(|error| {
        ImportError::file(
            path,
            Said::both(
                format!(
                    "cannot read the credentials file ({error}): write it there with your \
                     [sp_api] and [ads_api] apps (see the README), or point \
                     $OPSDECK_CREDENTIALS at it"
                ),
                format!(
                    "无法读取凭据文件（{error}）：请在该处写入 [sp_api] 和 [ads_api] 应用（见 \
                     README），或将 $OPSDECK_CREDENTIALS 指向它"
                ),
            ),
        )
    })?;
    // A FIFO or a device would block the read, or never end it.
    if !metadata.is_file() {
        return Err(ImportError::file(
            path,
            Said::both(
                "the credentials path is not a regular file (a folder, a pipe or a device): \
                 point $OPSDECK_CREDENTIALS at the credentials.toml itself",
                "凭据路径不是普通文件（而是文件夹、管道或设备）：请将 $OPSDECK_CREDENTIALS \
                 指向 credentials.toml 文件本身",
            ),
        ));
    }
    refuse_if_shared(path, &metadata)?;
    let text =
        std::fs::read_to_string(path).map_err(|error| ImportError::unreadable(path, &error))?;
    parse_credentials(path, &text)
}

#[cfg(unix)]
fn refuse_if_shared(path: &Path, metadata: &std::fs::Metadata) -> Result<(), ImportError> {
    use std::os::unix::fs::PermissionsExt;
    let mode = metadata.permissions().mode() & 0o777;
    if mode & 0o077 != 0 {
        return Err(ImportError::file(
            path,
            Said::both(
                format!(
                    "others can read this credentials file (mode {mode:o}): run `chmod 600 {}` \
                     and try again",
                    path.display()
                ),
                format!(
                    "其他用户可以读取这个凭据文件（权限 {mode:o}）：请运行 `chmod 600 {}` 后重试",
                    path.display()
                ),
            ),
        ));
    }
    Ok(())
}

#[cfg(not(unix))]
fn refuse_if_shared(_: &Path, _: &std::fs::Metadata) -> Result<(), ImportError> {
    Ok(())
}

/// Parses the text of a credentials file. An error names the key, never a value.
pub fn parse_credentials(path: &Path, text: &str) -> Result<Credentials, ImportError> {
    let file: CredentialsFile = toml::from_str(text).map_err(|error| {
        // toml's message quotes the line it failed on, which may hold a secret.
        let (line, column) = error
            .span()
            .map_or((1, 1), |span| line_and_column(text, span.start));
        ImportError::at(
            path,
            line,
            Some(column),
            Said::both(
                format!(
                    "{}: expected [sp_api] and [ads_api] with client_id, client_secret and \
                     refresh_token, an optional [endpoints] table, [channels.NAME] with a \
                     url and an optional secret, and an optional [smtp] with host, port, user, \
                     password, from and tls",
                    error.message()
                ),
                format!(
                    "{}：应为带 client_id、client_secret 和 refresh_token 的 [sp_api] 与 \
                     [ads_api]，可选的 [endpoints] 表，带 url 和可选 secret 的 \
                     [channels.名称]，以及可选的 [smtp]（host、port、user、password、from、tls）",
                    error.message()
                ),
            ),
        )
    })?;
    let endpoint = |text: Option<&str>, key: &str| {
        text.map(|t| {
            Endpoint::parse(t).map_err(|why| {
                ImportError::file(path, why.map(|why| format!("[endpoints] {key}: {why}")))
            })
        })
        .transpose()
    };
    let sp_api = file
        .sp_api
        .map(|table| sp_api_credentials(path, table))
        .transpose()?;
    for app in sp_api.iter().map(|s| &s.app).chain(&file.ads_api) {
        if app.client_id.trim().is_empty()
            || app.client_secret.is_empty()
            || app.refresh_token.is_empty()
        {
            return Err(ImportError::file(
                path,
                Said::both(
                    "an app needs client_id, client_secret and refresh_token, none of them empty",
                    "应用需要 client_id、client_secret 和 refresh_token，且都不能为空",
                ),
            ));
        }
    }
    if let Some(problem) = file.smtp.as_ref().and_then(SmtpServer::problem) {
        return Err(ImportError::file(path, problem));
    }
    Ok(Credentials {
        path: path.to_owned(),
        sp_api,
        ads_api: file.ads_api,
        lwa: endpoint(file.endpoints.lwa.as_deref(), "lwa")?
            .unwrap_or_else(|| Endpoint::known(LWA_ENDPOINT)),
        sp_api_endpoint: endpoint(file.endpoints.sp_api.as_deref(), "sp_api")?,
        ads_api_endpoint: endpoint(file.endpoints.ads_api.as_deref(), "ads_api")?,
        channels: file.channels,
        smtp: file.smtp,
    })
}

fn sp_api_credentials(path: &Path, table: SpApiTable) -> Result<SpApiCredentials, ImportError> {
    let region = |name: &str, key: &str| {
        Region::from_name(name).ok_or_else(|| {
            ImportError::file(
                path,
                Said::both(
                    format!("[sp_api] {key} = \"{name}\": expected na, eu or fe"),
                    format!("[sp_api] {key} = \"{name}\"：应为 na、eu 或 fe"),
                ),
            )
        })
    };
    let default = match table.region.as_deref() {
        Some(name) => region(name, "region")?,
        None => Region::Na,
    };
    let regions = table
        .regions
        .iter()
        .map(|(code, name)| Ok((code.clone(), region(name, &format!("regions.{code}"))?)))
        .collect::<Result<_, ImportError>>()?;
    Ok(SpApiCredentials {
        app: LwaApp {
            client_id: table.client_id,
            client_secret: table.client_secret,
            refresh_token: table.refresh_token,
        },
        region: default,
        regions,
    })
}

/// The 1-based line and column of byte `at` in `text`.
fn line_and_column(text: &str, at: usize) -> (u64, u64) {
    let before = &text[..at.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (
        u64::try_from(line).unwrap_or(1),
        u64::try_from(column).unwrap_or(1),
    )
}

#[cfg(test)]
#[path = "credentials_tests.rs"]
mod tests;
