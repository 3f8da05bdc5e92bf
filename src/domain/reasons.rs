//! Amazon's return reason codes in plain words, and the themes that customer
//! comments share. Pure: std only.

/// Plain words for an FBA return reason code; an unknown code is shown as it is.
pub fn plain_reason(code: &str) -> String {
    let known = match code {
        "APPAREL_STYLE" => "did not like the style",
        "APPAREL_TOO_LARGE" => "too large",
        "APPAREL_TOO_SMALL" => "too small",
        "DAMAGED_BY_CARRIER" | "CARRIER_DAMAGED" => "damaged in transit",
        "DAMAGED_BY_FC" => "damaged at the fulfilment centre",
        "DEFECTIVE" => "defective or does not work",
        "EXCESSIVE_INSTALLATION" => "too hard to install",
        "EXTRA_ITEM" => "extra item in the delivery",
        "FOUND_BETTER_PRICE" => "found a better price",
        "MISORDERED" => "ordered the wrong style or size",
        "MISSED_ESTIMATED_DELIVERY" => "arrived too late",
        "MISSING_PARTS" => "missing parts or accessories",
        "NEVER_ARRIVED" => "never arrived",
        "NO_REASON_GIVEN" => "no reason given",
        "NOT_AS_DESCRIBED" => "not as described",
        "NOT_COMPATIBLE" | "PART_NOT_COMPATIBLE" => "not compatible",
        "ORDERED_WRONG_ITEM" => "ordered the wrong item",
        "QUALITY_UNACCEPTABLE" => "quality not as expected",
        "SWITCHEROO" => "a different item was sent back",
        "UNAUTHORIZED_PURCHASE" => "unauthorised purchase",
        "UNWANTED_ITEM" => "no longer wanted",
        "UNKNOWN_OTHER_REASON" => "other reason",
        _ if code.starts_with("UNDELIVERABLE") => "could not be delivered",
        _ => return code.to_owned(),
    };
    known.to_owned()
}

/// A theme a customer comment speaks of, found by its words: `size`, `colour`,
/// `quality`, `damage`, `delivery`. `None` when no theme is clear.
pub fn comment_theme(comment: &str) -> Option<&'static str> {
    let text = comment.to_lowercase();
    let has = |words: &[&str]| words.iter().any(|w| text.contains(w));
    if has(&[
        "size",
        "small",
        "smaller",
        "large",
        "bigger",
        "tiny",
        "dimension",
        "fit",
        "尺寸",
        "太小",
        "太大",
    ]) {
        Some("size")
    } else if has(&["color", "colour", "颜色"]) {
        Some("colour")
    } else if has(&[
        "broke",
        "broken",
        "crack",
        "cheap",
        "flimsy",
        "quality",
        "stopped working",
        "质量",
    ]) {
        Some("quality")
    } else if has(&["damaged", "crushed", "dent", "scratch"]) {
        Some("damage")
    } else if has(&["late", "never arrived", "delivery"]) {
        Some("delivery")
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_read_as_plain_words() {
        assert_eq!(plain_reason("NOT_AS_DESCRIBED"), "not as described");
        assert_eq!(
            plain_reason("UNDELIVERABLE_REFUSED"),
            "could not be delivered"
        );
        assert_eq!(plain_reason("CR-DEFECTIVE"), "CR-DEFECTIVE");
    }

    #[test]
    fn comments_fall_into_themes() {
        assert_eq!(
            comment_theme("Much smaller than the listing says"),
            Some("size")
        );
        assert_eq!(
            comment_theme("Color is different from the photos"),
            Some("colour")
        );
        assert_eq!(comment_theme("Broke after a few uses"), Some("quality"));
        assert_eq!(comment_theme("尺寸太小"), Some("size"));
        assert_eq!(comment_theme("ok"), None);
    }
}
