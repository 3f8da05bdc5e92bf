//! Where requests go: `https://` only, or plain `http://` on a loopback
//! address (a local stand-in for Amazon in tests). The regional hosts of
//! each API and each marketplace's region.

use crate::domain::words::Said;
use std::net::IpAddr;

/// An API's base address, checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Endpoint(String);

impl Endpoint {
    /// `text` as an endpoint: `https://…`, or `http://` on `127.0.0.1`, `::1`
    /// or `localhost`; parsed as a URI, so a host is the host after parsing,
    /// and an address with user information (`user:pass@host`) is refused.
    pub fn parse(text: &str) -> Result<Self, Said> {
        let text = text.trim().trim_end_matches('/');
        check_address(text)?;
        Ok(Self(text.to_owned()))
    }

    /// One of Amazon's own addresses, written in this source.
    pub fn known(address: &'static str) -> Self {
        Self(address.to_owned())
    }

    /// The address of `path` (which starts with `/`) on this endpoint.
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.0)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Whether opsdeck may send a request to `address`: `https://` to any
/// host, plain `http://` only to this machine, never with user information.
pub fn check_address(address: &str) -> Result<(), Said> {
    let not_https = || {
        Said::both(
            format!(
                "`{address}` is not an https:// address such as \
                 https://sellingpartnerapi-na.amazon.com"
            ),
            format!(
                "`{address}` 不是 https:// 地址，应形如 https://sellingpartnerapi-na.amazon.com"
            ),
        )
    };
    let uri: ureq::http::Uri = address.parse().map_err(|_| not_https())?;
    let authority = uri.authority().ok_or_else(|| {
        Said::both(
            format!("`{address}` names no host: use an https:// address"),
            format!("`{address}` 没有主机名：请使用 https:// 地址"),
        )
    })?;
    if authority.as_str().contains('@') {
        return Err(Said::both(
            format!(
                "`{address}` carries user information before its host: remove everything up to \
                 the `@`"
            ),
            format!("`{address}` 在主机名前带有用户信息：请删除 `@` 及其之前的全部内容"),
        ));
    }
    let host = uri.host().unwrap_or_default();
    match uri.scheme_str() {
        Some("https") if !host.is_empty() => Ok(()),
        Some("http") if is_loopback(host) => Ok(()),
        Some("http") => Err(Said::both(
            format!(
                "`{address}` is plain http on a host that is not this machine: use https:// \
                 (plain http is only for a local test server on 127.0.0.1)"
            ),
            format!(
                "`{address}` 对非本机主机使用明文 http：请使用 https://（明文 http 只用于 \
                 127.0.0.1 上的本地测试服务器）"
            ),
        )),
        _ => Err(not_https()),
    }
}

/// Whether `host` (as a URI gives it) is this machine.
pub(super) fn is_loopback(host: &str) -> bool {
    host.eq_ignore_ascii_case("localhost")
        || host
            .trim_start_matches('[')
            .trim_end_matches(']')
            .parse::<IpAddr>()
            .is_ok_and(|ip| ip.is_loopback())
}

/// An Amazon region: North America, Europe or the Far East.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Region {
    Na,
    Eu,
    Fe,
}

impl Region {
    pub fn from_name(name: &str) -> Option<Self> {
        match name.to_ascii_lowercase().as_str() {
            "na" => Some(Region::Na),
            "eu" => Some(Region::Eu),
            "fe" => Some(Region::Fe),
            _ => None,
        }
    }

    pub fn sp_api(self) -> &'static str {
        match self {
            Region::Na => "https://sellingpartnerapi-na.amazon.com",
            Region::Eu => "https://sellingpartnerapi-eu.amazon.com",
            Region::Fe => "https://sellingpartnerapi-fe.amazon.com",
        }
    }

    pub fn ads_api(self) -> &'static str {
        match self {
            Region::Na => "https://advertising-api.amazon.com",
            Region::Eu => "https://advertising-api-eu.amazon.com",
            Region::Fe => "https://advertising-api-fe.amazon.com",
        }
    }
}

/// A marketplace opsdeck fetches for: its code, Amazon's id, its region.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Marketplace {
    pub code: &'static str,
    pub id: &'static str,
    pub region: Region,
}

/// The SP-API developer guide's marketplace ids (UK is `GB` there, `UK` in workspaces).
pub const MARKETPLACE_IDS: [Marketplace; 12] = [
    Marketplace {
        code: "US",
        id: "ATVPDKIKX0DER",
        region: Region::Na,
    },
    Marketplace {
        code: "CA",
        id: "A2EUQ1WTGCTBG2",
        region: Region::Na,
    },
    Marketplace {
        code: "MX",
        id: "A1AM78C64UM0Y8",
        region: Region::Na,
    },
    Marketplace {
        code: "UK",
        id: "A1F83G8C2ARO7P",
        region: Region::Eu,
    },
    Marketplace {
        code: "DE",
        id: "A1PA6795UKMFR9",
        region: Region::Eu,
    },
    Marketplace {
        code: "FR",
        id: "A13V1IB3VIYZZH",
        region: Region::Eu,
    },
    Marketplace {
        code: "IT",
        id: "APJ6JRA9NG5V4",
        region: Region::Eu,
    },
    Marketplace {
        code: "ES",
        id: "A1RKKUPIHCS9HS",
        region: Region::Eu,
    },
    Marketplace {
        code: "JP",
        id: "A1VC38T7YXB528",
        region: Region::Fe,
    },
    Marketplace {
        code: "AU",
        id: "A39IBJ37TRP1C6",
        region: Region::Fe,
    },
    Marketplace {
        code: "AE",
        id: "A2VIGQ35RCS4UG",
        region: Region::Eu,
    },
    Marketplace {
        code: "IN",
        id: "A21TJRUUN4KGV",
        region: Region::Eu,
    },
];

/// The marketplace of a workspace code (`US`, `DE`; `GB` is `UK`).
pub fn marketplace(code: &str) -> Option<Marketplace> {
    let code = if code.eq_ignore_ascii_case("GB") {
        "UK"
    } else {
        code
    };
    MARKETPLACE_IDS
        .into_iter()
        .find(|m| m.code.eq_ignore_ascii_case(code))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn https_anywhere_plain_http_only_on_this_machine() {
        assert!(Endpoint::parse("https://sellingpartnerapi-na.amazon.com/").is_ok());
        assert!(Endpoint::parse("http://127.0.0.1:8080").is_ok());
        assert!(Endpoint::parse("http://localhost:9/x").is_ok());
        assert!(Endpoint::parse("http://[::1]:8080").is_ok());
        assert!(Endpoint::parse("http://10.0.0.5:8080").is_err());
        assert!(Endpoint::parse("http://127.0.0.1.evil.com").is_err());
        assert!(Endpoint::parse("ftp://x").is_err());
        // User information before a loopback host hides the real host.
        let hidden = Endpoint::parse("http://127.0.0.1:9@other-host:8080/auth/o2/token");
        assert!(hidden.unwrap_err().en.contains("user information"));
        assert!(Endpoint::parse("https://user@api.amazon.com").is_err());
        assert!(check_address("file:///etc/passwd").is_err());
        assert!(check_address("http://169.254.169.254/latest/meta-data").is_err());
        let endpoint = Endpoint::parse("https://advertising-api.amazon.com/").unwrap();
        assert_eq!(
            endpoint.url("/v2/profiles"),
            "https://advertising-api.amazon.com/v2/profiles"
        );
    }

    #[test]
    fn marketplaces_by_workspace_code() {
        assert_eq!(marketplace("de").unwrap().id, "A1PA6795UKMFR9");
        assert_eq!(marketplace("GB").unwrap().code, "UK");
        assert_eq!(marketplace("JP").unwrap().region, Region::Fe);
        assert!(marketplace("XX").is_none());
    }
}
