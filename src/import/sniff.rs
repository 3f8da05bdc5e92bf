//! Which report a file is, decided by its normalised header row — never by
//! its file name. Each kind has a fingerprint of headers that must all be
//! present; a file that matches none is explained by its closest kind.

use crate::domain::report::ReportKind;

/// Headers a kind must have. Each entry lists accepted spellings (normalised),
/// the first being the one named in messages.
struct Fingerprint {
    kind: ReportKind,
    required: &'static [&'static [&'static str]],
}

const FINGERPRINTS: [Fingerprint; 9] = [
    Fingerprint {
        kind: ReportKind::BusinessReport,
        required: &[
            &["(parent) asin"],
            &["(child) asin"],
            &["sessions - total", "sessions"],
            &["units ordered"],
            &["ordered product sales", "gross product sales"],
        ],
    },
    Fingerprint {
        kind: ReportKind::AdsAdvertisedProduct,
        required: &[
            &["advertised asin"],
            &["impressions"],
            &["spend", "total cost"],
        ],
    },
    Fingerprint {
        kind: ReportKind::AdsSearchTerm,
        required: &[
            &["customer search term"],
            &["impressions"],
            &["spend", "total cost"],
        ],
    },
    Fingerprint {
        kind: ReportKind::AdsCampaign,
        required: &[
            &["campaign name"],
            &["impressions"],
            &["spend", "total cost"],
        ],
    },
    Fingerprint {
        kind: ReportKind::FbaInventory,
        required: &[
            &["sku"],
            &["fnsku"],
            &["afn-fulfillable-quantity"],
            &["afn-total-quantity"],
        ],
    },
    Fingerprint {
        kind: ReportKind::FbaInventoryPlanning,
        required: &[
            &["snapshot-date"],
            &["sku"],
            &["available", "sellable-quantity"],
            &["inv-age-0-to-90-days"],
        ],
    },
    Fingerprint {
        kind: ReportKind::FbaReturns,
        required: &[
            &["return-date"],
            &["sku"],
            &["quantity"],
            &["detailed-disposition"],
            &["reason"],
        ],
    },
    Fingerprint {
        kind: ReportKind::SellerFeedback,
        required: &[&["date"], &["rating"], &["comments"], &["order id"]],
    },
    Fingerprint {
        kind: ReportKind::Costs,
        required: &[&["sku"], &["unit_cost"], &["fba_fee"], &["referral_rate"]],
    },
];

/// The outcome of looking at a header row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Detection {
    Recognised(ReportKind),
    /// Nothing matched: the kind with most required headers present, and the ones it lacks.
    Unrecognised {
        closest: ReportKind,
        missing: Vec<&'static str>,
    },
}

/// Detects the report kind from normalised headers. Kinds are tried in order:
/// an advertised-product report also has a campaign name, so it comes first.
pub fn detect(normalized: &[String]) -> Detection {
    let has = |names: &[&str]| names.iter().any(|n| normalized.iter().any(|h| h == n));
    let mut best: Option<(usize, &Fingerprint)> = None;
    for fingerprint in &FINGERPRINTS {
        let present = fingerprint
            .required
            .iter()
            .filter(|names| has(names))
            .count();
        if present == fingerprint.required.len() {
            return Detection::Recognised(fingerprint.kind);
        }
        if best.is_none_or(|(count, _)| present > count) {
            best = Some((present, fingerprint));
        }
    }
    let fingerprint = best.map_or(&FINGERPRINTS[0], |(_, f)| f);
    Detection::Unrecognised {
        closest: fingerprint.kind,
        missing: fingerprint
            .required
            .iter()
            .filter(|names| !has(names))
            .map(|names| names[0])
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::header::normalize;

    fn detect_line(header: &str, separator: char) -> Detection {
        let normalized: Vec<String> = header.split(separator).map(normalize).collect();
        detect(&normalized)
    }

    fn kind(header: &str) -> ReportKind {
        let separator = if header.contains('\t') { '\t' } else { ',' };
        match detect_line(header, separator) {
            Detection::Recognised(kind) => kind,
            other @ Detection::Unrecognised { .. } => panic!("not recognised: {other:?}"),
        }
    }

    #[test]
    fn business_report_layouts() {
        let uk = "(Parent) ASIN,(Child) ASIN,Title,SKU,Sessions – Total,Sessions – Total – B2B,Units ordered,Ordered Product Sales,Total order items";
        let us_legacy = "(Parent) ASIN,(Child) ASIN,Title,SKU,Sessions,Page Views,Buy Box Percentage,Units Ordered,Ordered Product Sales,Total Order Items";
        let by_asin =
            "(Parent) ASIN,(Child) ASIN,Title,Sessions - Total,Units Ordered,Ordered Product Sales";
        for header in [uk, us_legacy, by_asin] {
            assert_eq!(kind(header), ReportKind::BusinessReport, "{header}");
        }
    }

    #[test]
    fn ads_reports_are_told_apart() {
        let product = "Date,Portfolio name,Currency,Campaign Name,Ad Group Name,Advertised SKU,Advertised ASIN,Impressions,Clicks,Spend,7 Day Total Sales ";
        let term = "Date,Campaign Name,Targeting,Customer Search Term,Impressions,Clicks,Spend";
        let campaign = "Date,Start Date,End Date,Portfolio name,Campaign Type,Campaign Name,Impressions,Clicks,Spend";
        assert_eq!(kind(product), ReportKind::AdsAdvertisedProduct);
        assert_eq!(kind(term), ReportKind::AdsSearchTerm);
        assert_eq!(kind(campaign), ReportKind::AdsCampaign);
    }

    #[test]
    fn fba_flat_files() {
        assert_eq!(
            kind("sku\tfnsku\tasin\tafn-fulfillable-quantity\tafn-total-quantity"),
            ReportKind::FbaInventory
        );
        assert_eq!(
            kind("snapshot-date\tsku\tavailable\tinv-age-0-to-90-days"),
            ReportKind::FbaInventoryPlanning
        );
        assert_eq!(
            kind("snapshot-date,sku,sellable-quantity,inv-age-0-to-90-days"),
            ReportKind::FbaInventoryPlanning
        );
        assert_eq!(
            kind("return-date\torder-id\tsku\tasin\tquantity\tdetailed-disposition\treason"),
            ReportKind::FbaReturns
        );
        assert_eq!(
            kind("Date\tRating\tComments\tYour Response\tOrder ID\tRater Email"),
            ReportKind::SellerFeedback
        );
    }

    #[test]
    fn costs_csv_by_its_header() {
        assert_eq!(
            kind("sku,unit_cost,fba_fee,referral_rate"),
            ReportKind::Costs
        );
    }

    #[test]
    fn unknown_files_name_the_closest_kind_and_what_it_lacks() {
        let detection = detect_line("(Parent) ASIN,(Child) ASIN,Title,SKU,Sessions - Total", ',');
        assert_eq!(
            detection,
            Detection::Unrecognised {
                closest: ReportKind::BusinessReport,
                missing: vec!["units ordered", "ordered product sales"],
            }
        );
    }

    #[test]
    fn substring_headers_do_not_match() {
        let detection = detect_line(
            "(Parent) ASIN,(Child) ASIN,Sessions - Total - B2B,Units ordered - B2B,Ordered product sales - B2B",
            ',',
        );
        assert!(matches!(detection, Detection::Unrecognised { .. }));
    }
}
