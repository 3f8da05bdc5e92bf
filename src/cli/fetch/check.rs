//! `opsdeck fetch --check-credentials`: both refresh tokens exchanged, and
//! what each app can read — the marketplaces the seller sells in, the Ads
//! profiles.

use std::process::ExitCode;
use std::time::Duration;

use crate::domain::settings::Language;
use crate::domain::untrusted::clean;
use crate::fetch::ads_api::AdsApi;
use crate::fetch::credentials::Credentials;
use crate::fetch::endpoint::Marketplace;
use crate::fetch::http::Http;
use crate::fetch::lwa::Tokens;
use crate::fetch::plan::ReportPlan;
use crate::fetch::rate::Buckets;
use crate::fetch::sp_api::SpApi;

use super::endpoints_for;
use crate::cli::real_clock::RealClock;

/// How long `--check-credentials` may take in all.
const CHECK_WAIT: Duration = Duration::from_secs(120);

/// Exchanges both refresh tokens and lists what each app can read.
pub(super) fn check_credentials(
    http: &mut dyn Http,
    credentials: &Credentials,
    marketplaces: &[Marketplace],
    language: Language,
) -> ExitCode {
    let mut clock = RealClock::start(Some(CHECK_WAIT));
    let mut ok = true;
    if let Some(sp) = &credentials.sp_api {
        let mut tokens = Tokens::new(sp.app.clone(), credentials.lwa.clone());
        for endpoint in endpoints_for(ReportPlan::SalesAndTraffic, marketplaces, credentials) {
            let listed = SpApi {
                endpoint: endpoint.clone(),
                tokens: &mut tokens,
                buckets: &mut Buckets::default(),
            }
            .participations(http, &mut clock);
            match listed {
                Ok(list) => {
                    let at = endpoint.as_str();
                    match language {
                        Language::English => say!("SP-API ({at}): the seller sells in"),
                        Language::Chinese => say!("SP-API（{at}）：卖家在以下站点销售"),
                    }
                    for entry in list.iter().filter(|p| p.participation.is_participating) {
                        say!(
                            "  {} {} ({})",
                            clean(&entry.marketplace.country_code),
                            clean(&entry.marketplace.name),
                            clean(&entry.marketplace.id)
                        );
                    }
                }
                Err(error) => {
                    let error = error.hiding(&tokens.secrets());
                    say!("SP-API: {}", error.in_language(language));
                    ok = false;
                }
            }
        }
    } else {
        match language {
            Language::English => say!("SP-API: no [sp_api] app in the credentials file."),
            Language::Chinese => say!("SP-API：凭据文件中没有 [sp_api] 应用。"),
        }
    }
    if let Some(app) = &credentials.ads_api {
        let mut tokens = Tokens::new(app.clone(), credentials.lwa.clone());
        for endpoint in endpoints_for(ReportPlan::AdsAdvertisedProduct, marketplaces, credentials) {
            let listed = AdsApi {
                endpoint: endpoint.clone(),
                tokens: &mut tokens,
            }
            .profiles(http, &mut clock);
            match listed {
                Ok(profiles) => {
                    let (at, count) = (endpoint.as_str(), profiles.len());
                    match language {
                        Language::English => say!("Ads API ({at}): {count} profiles"),
                        Language::Chinese => say!("广告 API（{at}）：{count} 个配置文件"),
                    }
                    for profile in profiles {
                        say!(
                            "  {} {} — {} ({})",
                            profile.profile_id,
                            clean(&profile.country_code),
                            clean(&profile.account_info.name),
                            clean(&profile.account_info.marketplace_string_id)
                        );
                    }
                }
                Err(error) => {
                    let error = error.hiding(&tokens.secrets());
                    say!("Ads API: {}", error.in_language(language));
                    ok = false;
                }
            }
        }
    } else {
        match language {
            Language::English => say!("Ads API: no [ads_api] app in the credentials file."),
            Language::Chinese => say!("广告 API：凭据文件中没有 [ads_api] 应用。"),
        }
    }
    if ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
