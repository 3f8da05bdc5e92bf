//! Amazon's return reason codes in plain words, and the themes that customer
//! comments share. Pure: std only.

use super::settings::Language;
use super::words::Words;

/// Amazon's FBA return reason codes in plain words.
const REASONS: &[(&str, Words)] = &[
    (
        "APPAREL_STYLE",
        Words::new("did not like the style", "不喜欢款式"),
    ),
    ("APPAREL_TOO_LARGE", Words::new("too large", "太大")),
    ("APPAREL_TOO_SMALL", Words::new("too small", "太小")),
    (
        "DAMAGED_BY_CARRIER",
        Words::new("damaged in transit", "运输中损坏"),
    ),
    (
        "CARRIER_DAMAGED",
        Words::new("damaged in transit", "运输中损坏"),
    ),
    (
        "DAMAGED_BY_FC",
        Words::new("damaged at the fulfilment centre", "在运营中心损坏"),
    ),
    (
        "DEFECTIVE",
        Words::new("defective or does not work", "有缺陷或无法使用"),
    ),
    (
        "EXCESSIVE_INSTALLATION",
        Words::new("too hard to install", "安装太难"),
    ),
    (
        "EXTRA_ITEM",
        Words::new("extra item in the delivery", "多发了商品"),
    ),
    (
        "FOUND_BETTER_PRICE",
        Words::new("found a better price", "找到更低的价格"),
    ),
    (
        "MISORDERED",
        Words::new("ordered the wrong style or size", "买错了款式或尺寸"),
    ),
    (
        "MISSED_ESTIMATED_DELIVERY",
        Words::new("arrived too late", "到货太晚"),
    ),
    (
        "MISSING_PARTS",
        Words::new("missing parts or accessories", "缺少部件或配件"),
    ),
    ("NEVER_ARRIVED", Words::new("never arrived", "未收到货")),
    (
        "NO_REASON_GIVEN",
        Words::new("no reason given", "未说明原因"),
    ),
    (
        "NOT_AS_DESCRIBED",
        Words::new("not as described", "与描述不符"),
    ),
    ("NOT_COMPATIBLE", Words::new("not compatible", "不兼容")),
    (
        "PART_NOT_COMPATIBLE",
        Words::new("not compatible", "不兼容"),
    ),
    (
        "ORDERED_WRONG_ITEM",
        Words::new("ordered the wrong item", "买错了商品"),
    ),
    (
        "QUALITY_UNACCEPTABLE",
        Words::new("quality not as expected", "质量不如预期"),
    ),
    (
        "SWITCHEROO",
        Words::new("a different item was sent back", "退回的是另一件商品"),
    ),
    (
        "UNAUTHORIZED_PURCHASE",
        Words::new("unauthorised purchase", "未经授权的购买"),
    ),
    ("UNWANTED_ITEM", Words::new("no longer wanted", "不再需要")),
    (
        "UNKNOWN_OTHER_REASON",
        Words::new("other reason", "其他原因"),
    ),
];

/// Every code that starts `UNDELIVERABLE`.
const UNDELIVERABLE: Words = Words::new("could not be delivered", "无法投递");

/// Plain words for an FBA return reason code in `language`; an unknown code is shown as it is.
pub fn plain_reason(code: &str, language: Language) -> String {
    let known = REASONS
        .iter()
        .find(|(known, _)| *known == code)
        .map(|(_, words)| *words)
        .or_else(|| code.starts_with("UNDELIVERABLE").then_some(UNDELIVERABLE));
    known.map_or_else(
        || code.to_owned(),
        |words| (*words.get(language)).to_owned(),
    )
}

/// A comment theme's name in `language`.
pub fn theme_name(theme: &str, language: Language) -> &str {
    let words = match theme {
        "size" => Words::new("size", "尺寸"),
        "colour" => Words::new("colour", "颜色"),
        "quality" => Words::new("quality", "质量"),
        "damage" => Words::new("damage", "破损"),
        "delivery" => Words::new("delivery", "配送"),
        other => return other,
    };
    words.get(language)
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
        let english = Language::English;
        assert_eq!(
            plain_reason("NOT_AS_DESCRIBED", english),
            "not as described"
        );
        assert_eq!(
            plain_reason("NOT_AS_DESCRIBED", Language::Chinese),
            "与描述不符"
        );
        assert_eq!(
            plain_reason("UNDELIVERABLE_REFUSED", english),
            "could not be delivered"
        );
        assert_eq!(plain_reason("CR-DEFECTIVE", english), "CR-DEFECTIVE");
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
