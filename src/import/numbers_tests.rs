//! Tests of `numbers`.

use super::*;

fn cents(text: &str) -> Option<i64> {
    parse_decimal(text.as_bytes())
        .unwrap()
        .map(|d| d.round_to(2))
}

fn ratio(text: &str) -> Option<f64> {
    parse_decimal(text.as_bytes()).unwrap().map(Decimal::to_f64)
}

fn integer(text: &str) -> Option<i64> {
    parse_decimal(text.as_bytes())
        .unwrap()
        .and_then(Decimal::to_integer)
}

#[test]
fn money_in_every_marketplace_format() {
    assert_eq!(cents("$1,234.56"), Some(123_456));
    assert_eq!(cents("£12,897.84"), Some(1_289_784));
    assert_eq!(cents("£0.00"), Some(0));
    assert_eq!(cents("€5.00"), Some(500));
    assert_eq!(cents("5.255,61 €"), Some(525_561));
    assert_eq!(cents("¥1,500"), Some(150_000));
    assert_eq!(cents("￥1500"), Some(150_000));
    assert_eq!(cents("₹1,08,218.36"), Some(10_821_836));
    assert_eq!(cents("Rs.201.68"), Some(20_168));
    assert_eq!(cents("AED1.21"), Some(121));
    assert_eq!(cents("$0.5566667000000001"), Some(56));
    assert_eq!(cents("$0.0"), Some(0));
    assert_eq!(cents("-$3.50"), Some(-350));
    assert_eq!(cents("($3.50)"), Some(-350));
    assert_eq!(cents("59.99"), Some(5999));
    assert_eq!(cents("17.510,95\u{00A0}€"), Some(1_751_095));
    assert_eq!(cents("1\u{00A0}234,56\u{00A0}€"), Some(123_456));
    assert_eq!(cents("1\u{202F}234,56 €"), Some(123_456));
    assert_eq!(cents("US$1,100.15"), Some(110_015));
    assert_eq!(cents("JP¥3,450"), Some(345_000));
    assert_eq!(cents("￥4,907,860"), Some(490_786_000));
    assert_eq!(cents("AED\u{00A0}4,426.00"), Some(442_600));
    assert_eq!(cents("€142.96"), Some(14_296));
}

#[test]
fn the_column_decides_the_ambiguous_cells() {
    let read = |text: &str, column: Separators| {
        let (decimal, shown) = parse_decimal_in(text.as_bytes(), || column).unwrap();
        (decimal.map(Decimal::to_f64), shown)
    };
    let (european, unknown) = (Separators::European, Separators::Unknown);
    // A decimal comma tells the column's style; English is the default…
    assert_eq!(read("1.234,56", unknown), (Some(1234.56), european));
    assert_eq!(read("1,234.56", unknown), (Some(1234.56), unknown));
    assert_eq!(read("4.81", unknown), (Some(4.81), unknown));
    // …and decides the ambiguous cells.
    assert_eq!(read("2.500", european), (Some(2500.0), unknown));
    assert_eq!(read("2,500", european), (Some(2.5), european));
    assert_eq!(read("2.500", Separators::English), (Some(2.5), unknown));
    assert_eq!(read("2,500", Separators::English), (Some(2500.0), unknown));
    // Unknown: a comma groups, a dot is a decimal point.
    assert_eq!(read("2,500", unknown).0, Some(2500.0));
    assert_eq!(read("2.500", unknown).0, Some(2.5));
    // A number with other than one separator before three digits never asks.
    assert_eq!(read("1,234.500", european).0, Some(1234.5));
    assert_eq!(read("12.5", european).0, Some(12.5));
}

#[test]
fn one_separator_before_three_digits_is_decided_by_the_style_of_the_amount() {
    // Counts group with a comma in every marketplace (the German Business Report too).
    assert_eq!(integer("3,218"), Some(3218));
    // A dot before three digits is a decimal point, unless the currency follows the amount.
    assert!((ratio("1.234").unwrap() - 1.234).abs() < 1e-12);
    assert_eq!(cents("1.234\u{00A0}€"), Some(123_400));
    assert_eq!(cents("€1.234"), Some(123));
    // A percentage is never grouped that way.
    assert!((ratio("1.234%").unwrap() - 0.01234).abs() < 1e-12);
}

#[test]
fn percentages_become_fractions() {
    assert!((ratio("12.34%").unwrap() - 0.1234).abs() < 1e-12);
    assert!((ratio("1,500.00%").unwrap() - 15.0).abs() < 1e-12);
    assert!((ratio("99%").unwrap() - 0.99).abs() < 1e-12);
    assert!((ratio("0.0197").unwrap() - 0.0197).abs() < 1e-12);
}

#[test]
fn counts_with_grouping() {
    assert_eq!(integer("1,091"), Some(1091));
    assert_eq!(integer("5,824"), Some(5824));
    assert_eq!(integer("42.0"), Some(42));
    assert_eq!(integer("1.234.567"), Some(1_234_567));
    assert_eq!(integer("4.5"), None);
}

#[test]
fn missing_is_not_zero() {
    for text in ["", "  ", "--", "-", "N/A", "Infinite"] {
        assert_eq!(parse_decimal(text.as_bytes()), Ok(None), "{text:?}");
    }
}

#[test]
fn garbage_is_an_error() {
    for text in ["abc", "12abc", "1/2/2019", "$", "1#2"] {
        assert_eq!(parse_decimal(text.as_bytes()), Err(NotANumber), "{text:?}");
    }
}

#[test]
fn absurdly_long_numbers_are_errors_not_overflows() {
    let long = "9".repeat(40);
    assert_eq!(parse_decimal(long.as_bytes()), Err(NotANumber));
    let long_fraction = format!("1.{}", "3".repeat(40));
    assert_eq!(cents(&long_fraction), Some(133));
}

#[test]
fn the_one_pass_parser_agrees_with_the_general_one() {
    let cases = [
        "0",
        "42",
        "1,091",
        "1,234,567",
        "$1,234.56",
        "12.34%",
        "1,500.00%",
        "$0.5566667000000001",
        "0.00%",
        "12,5",
        "1,08,218.36",
        "1.234.567",
        "12.",
        "1,2,3",
        "99%",
        "$0.0",
    ];
    for text in cases {
        let simple = parse_simple(text.as_bytes());
        let general = {
            let text = text.trim();
            let first = text.bytes().position(|b| b.is_ascii_digit()).unwrap();
            let last = text.bytes().rposition(|b| b.is_ascii_digit()).unwrap();
            let (mantissa, scale, _) =
                read_digits(&text.as_bytes()[first..=last], Separators::Unknown).unwrap();
            (mantissa, scale)
        };
        if let Some(simple) = simple {
            assert_eq!((simple.mantissa, simple.scale), general, "{text}");
        }
    }
    assert!(parse_simple(b"12,5").is_none());
    assert!(parse_simple(b"1,08,218.36").is_none());
    assert!(parse_simple(b"$1,234.56").is_some());
}

#[test]
fn rounding_is_half_away_from_zero() {
    assert_eq!(cents("0.005"), Some(1));
    assert_eq!(cents("-0.005"), Some(-1));
    assert_eq!(cents("0.0049"), Some(0));
}

#[test]
fn currency_symbols_name_their_currency() {
    assert_eq!(currency_of("£1.00".as_bytes()), Some("GBP"));
    assert_eq!(currency_of(b"$5,216.29"), Some("USD"));
    assert_eq!(currency_of("₹1,08,218.36".as_bytes()), Some("INR"));
    assert_eq!(currency_of(b"Rs.201.68"), Some("INR"));
    assert_eq!(currency_of("5,00 €".as_bytes()), Some("EUR"));
    assert_eq!(currency_of(b"12"), None);
}
