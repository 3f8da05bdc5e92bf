//! Tests of the quick-add parser: every token form, dates across month and
//! year ends, invalid dates, Chinese text.

use super::*;

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn parse(line: &str, today: NaiveDate) -> QuickAdd {
    let attendees = vec!["Lina".to_owned(), "Marco".to_owned()];
    let sku = |s: &str| {
        s.eq_ignore_ascii_case("HK-BM-NV-2032")
            .then(|| "HK-BM-NV-2032".to_owned())
    };
    parse_quick_add(
        line,
        today,
        &Known {
            attendees: &attendees,
            sku: &sku,
        },
    )
}

#[test]
fn every_token_form() {
    let line = "Update main image size marks @lina due:fri #HK-BM-NV-2032 !high kpi:return_rate";
    let parsed = parse(line, date(2026, 11, 23));
    assert_eq!(parsed.title, "Update main image size marks");
    assert_eq!(
        parsed.owner.as_deref(),
        Some("Lina"),
        "matched to the attendee's spelling"
    );
    assert_eq!(parsed.due, Some(date(2026, 11, 27)));
    assert_eq!(parsed.sku.as_deref(), Some("HK-BM-NV-2032"));
    assert_eq!(parsed.priority, Some(Priority::High));
    assert_eq!(parsed.kpi.as_deref(), Some("return_rate"));
    assert!(parsed.problems.is_empty());
    let kinds: Vec<TokenKind> = parsed.tokens.iter().map(|t| t.kind).collect();
    assert_eq!(kinds[5], TokenKind::Owner { known: true });
    assert_eq!(kinds[7], TokenKind::Sku { known: true });
    assert_eq!(&line[parsed.tokens[6].range.clone()], "due:fri");
}

#[test]
fn unknown_owner_and_sku_are_accepted_but_flagged() {
    let parsed = parse("Call supplier @wei #B0NEW00001", date(2026, 11, 23));
    assert_eq!(parsed.owner.as_deref(), Some("wei"));
    assert_eq!(parsed.tokens[2].kind, TokenKind::Owner { known: false });
    assert_eq!(parsed.tokens[3].kind, TokenKind::Sku { known: false });
    assert!(parsed.problems.is_empty());
}

#[test]
fn due_dates_in_every_form() {
    let monday = date(2026, 11, 23);
    assert_eq!(parse_due("2026-12-05", monday), Some(date(2026, 12, 5)));
    assert_eq!(parse_due("fri", monday), Some(date(2026, 11, 27)));
    assert_eq!(
        parse_due("mon", monday),
        Some(date(2026, 11, 30)),
        "the next Monday, not today"
    );
    assert_eq!(parse_due("+3d", monday), Some(date(2026, 11, 26)));
    assert_eq!(parse_due("+2w", monday), Some(date(2026, 12, 7)));
    assert_eq!(parse_due("12-05", monday), Some(date(2026, 12, 5)));
    assert_eq!(parse_due("tomorrow", monday), Some(date(2026, 11, 24)));
}

#[test]
fn due_dates_in_chinese() {
    let monday = date(2026, 11, 23);
    assert_eq!(parse_due("今天", monday), Some(monday));
    assert_eq!(parse_due("明天", monday), Some(date(2026, 11, 24)));
    assert_eq!(parse_due("后天", monday), Some(date(2026, 11, 25)));
    assert_eq!(parse_due("周五", monday), Some(date(2026, 11, 27)));
    assert_eq!(parse_due("星期五", monday), Some(date(2026, 11, 27)));
    assert_eq!(
        parse_due("周一", monday),
        Some(date(2026, 11, 30)),
        "the next Monday"
    );
    assert_eq!(parse_due("下周一", monday), Some(date(2026, 11, 30)));
    assert_eq!(
        parse_due("下周五", monday),
        Some(date(2026, 12, 4)),
        "next week's Friday"
    );
    assert_eq!(parse_due("周日", monday), Some(date(2026, 11, 29)));
    assert_eq!(parse_due("12月18日", monday), Some(date(2026, 12, 18)));
    assert_eq!(parse_due("1月5号", monday), Some(date(2027, 1, 5)));
    assert_eq!(parse_due("周八", monday), None);
    let parsed = parse("复核购物车 @lina due:周五", monday);
    assert_eq!(parsed.due, Some(date(2026, 11, 27)));
    assert!(parsed.problems.is_empty());
}

#[test]
fn due_dates_across_month_and_year_ends() {
    let new_years_eve = date(2026, 12, 31);
    assert_eq!(parse_due("+1d", new_years_eve), Some(date(2027, 1, 1)));
    assert_eq!(parse_due("fri", new_years_eve), Some(date(2027, 1, 1)));
    assert_eq!(
        parse_due("01-05", new_years_eve),
        Some(date(2027, 1, 5)),
        "the next such date"
    );
    assert_eq!(parse_due("+3d", date(2026, 2, 27)), Some(date(2026, 3, 2)));
    assert_eq!(
        parse_due("02-29", date(2026, 3, 1)),
        None,
        "2027 has no 29 February either"
    );
    assert_eq!(parse_due("+1m", date(2026, 1, 31)), Some(date(2026, 2, 28)));
}

#[test]
fn an_invalid_date_is_explained_and_nothing_is_lost() {
    let line = "Send samples due:2026-02-30 @marco";
    let parsed = parse(line, date(2026, 11, 23));
    assert_eq!(parsed.due, None);
    assert_eq!(parsed.tokens[2].kind, TokenKind::Invalid);
    assert!(
        parsed.problems[0].en.contains("due:2026-02-30"),
        "{:?}",
        parsed.problems
    );
    assert_eq!(
        parsed.owner.as_deref(),
        Some("Marco"),
        "the rest of the line still counts"
    );
    assert_eq!(parsed.title, "Send samples");
}

#[test]
fn bad_priority_and_kpi_are_explained() {
    let parsed = parse("Fix !urgent kpi:happiness", date(2026, 11, 23));
    assert_eq!(parsed.problems.len(), 2);
    assert_eq!(
        parse("Fix it !low", date(2026, 11, 23)).priority,
        Some(Priority::Low)
    );
}

#[test]
fn chinese_text_works_the_same() {
    let line = "更新主图尺寸标注 @Lina due:+2d #HK-BM-NV-2032";
    let parsed = parse(line, date(2026, 11, 23));
    assert_eq!(parsed.title, "更新主图尺寸标注");
    assert_eq!(parsed.due, Some(date(2026, 11, 25)));
    assert_eq!(&line[parsed.tokens[1].range.clone()], "@Lina");
}

#[test]
fn tab_completes_owners_and_skus() {
    let attendees = vec!["Lina".to_owned(), "Marco".to_owned()];
    let line = |c: Option<Completion>| c.map(|c| c.line);
    assert_eq!(
        line(complete("Call @ma", &attendees, &[])),
        Some("Call @Marco ".to_owned())
    );
    assert_eq!(
        line(complete("Fix #hk-bm", &attendees, &["HK-BM-NV-2032"])),
        Some("Fix #HK-BM-NV-2032 ".to_owned())
    );
    assert_eq!(complete("plain", &attendees, &[]), None);
}

#[test]
fn an_ambiguous_tab_completes_what_the_candidates_share_and_lists_them() {
    let skus = ["HK-SP-SIL-5", "HK-SP-SIL-5-R", "HK-SB-BPA-R"];
    let completion = complete("Replenish #hk-sp", &[], &skus).unwrap();
    assert_eq!(completion.line, "Replenish #HK-SP-SIL-5");
    assert_eq!(completion.candidates, ["HK-SP-SIL-5", "HK-SP-SIL-5-R"]);
}

#[test]
fn a_sku_typed_in_any_case_is_stored_in_the_catalogues_spelling() {
    let parsed = parse("Fix photos #hk-bm-nv-2032", date(2026, 11, 23));
    assert_eq!(parsed.sku.as_deref(), Some("HK-BM-NV-2032"));
    assert_eq!(parsed.tokens[2].kind, TokenKind::Sku { known: true });
    let unknown = parse("Fix photos #HK-NOPE", date(2026, 11, 23));
    assert_eq!(unknown.sku.as_deref(), Some("HK-NOPE"));
    assert_eq!(unknown.tokens[2].kind, TokenKind::Sku { known: false });
}

#[test]
fn tags_are_lower_case_each_once_and_a_number_after_a_plus_stays_text() {
    let parsed = parse(
        "Raise the bid +50% on exact +ADS +promo +ads @lina",
        date(2026, 11, 23),
    );
    assert_eq!(parsed.title, "Raise the bid +50% on exact");
    assert_eq!(parsed.tags, vec!["ads".to_owned(), "promo".to_owned()]);
    let kinds: Vec<TokenKind> = parsed.tokens.iter().map(|t| t.kind).collect();
    assert_eq!(kinds.iter().filter(|k| **k == TokenKind::Tag).count(), 3);
}

#[test]
fn a_field_written_twice_is_an_error_not_a_silent_choice() {
    for line in [
        "Test @jo @sam",
        "Test due:fri due:mon",
        "Test #HK-BM-NV-2032 #HK-2",
        "Test kpi:acos kpi:conversion",
        "Test !high !low",
    ] {
        let parsed = parse(line, date(2026, 11, 23));
        assert_eq!(parsed.problems.len(), 1, "{line}: {:?}", parsed.problems);
        assert!(parsed.problems[0].en.contains("already has"), "{line}");
    }
    // Every problem is said in both languages, the Chinese without English words.
    for line in [
        "Test @jo @sam",
        "Test due:someday",
        "Test !urgent",
        "Test kpi:happiness",
    ] {
        let problem = &parse(line, date(2026, 11, 23)).problems[0];
        assert!(
            crate::domain::words::has_chinese(&problem.zh),
            "{problem:?}"
        );
        assert!(
            !crate::domain::words::has_chinese(&problem.en),
            "{problem:?}"
        );
        let typed: Vec<&str> = line.split(' ').collect();
        let english = problem
            .zh
            .split(|c: char| !c.is_ascii_alphabetic())
            .filter(|w| w.len() > 2)
            .filter(|w| !typed.iter().any(|t| t.contains(w)))
            .filter(|w| {
                ![
                    "due",
                    "fri",
                    "high",
                    "normal",
                    "low",
                    "KPI",
                    "SKU",
                    "conversion",
                    "acos",
                    "return",
                    "rate",
                ]
                .contains(w)
            })
            .collect::<Vec<_>>();
        assert!(english.is_empty(), "{english:?} in {}", problem.zh);
    }
    let parsed = parse("Test @jo @sam", date(2026, 11, 23));
    assert_eq!(parsed.owner.as_deref(), Some("jo"), "the first stays");
    assert_eq!(parsed.tokens[2].kind, TokenKind::Invalid);
    let tags = parse("Test +ads +listing +ads", date(2026, 11, 23));
    assert!(tags.problems.is_empty(), "tags may be many");
    assert_eq!(tags.tags, ["ads", "listing"]);
}

#[test]
fn a_sku_with_spaces_is_written_in_quotes() {
    let line = r#"Restock #"SV 38 8-11 MS" @lina due:fri"#;
    let parsed = parse(line, date(2026, 11, 23));
    assert_eq!(parsed.sku.as_deref(), Some("SV 38 8-11 MS"));
    assert_eq!(parsed.title, "Restock");
    assert_eq!(parsed.owner.as_deref(), Some("Lina"));
    assert_eq!(&line[parsed.tokens[1].range.clone()], r#"#"SV 38 8-11 MS""#);
    assert_eq!(sku_token("SV 38 8-11 MS"), r#"#"SV 38 8-11 MS""#);
    assert_eq!(sku_token("HK-1"), "#HK-1");
    // An open quote runs to the end of the line while it is typed.
    let open = parse(r#"Restock #"SV 38"#, date(2026, 11, 23));
    assert_eq!(open.sku.as_deref(), Some("SV 38"));
}

#[test]
fn tab_completes_a_sku_with_spaces_inside_quotes() {
    let skus = ["SV 38 8-11 MS", "SV 38 12-14 MS", "HK-1"];
    let one = complete("Restock #hk", &[], &skus).unwrap();
    assert_eq!(one.line, "Restock #HK-1 ");
    let many = complete("Restock #sv", &[], &skus).unwrap();
    assert_eq!(many.line, r#"Restock #"SV 38 "#);
    assert_eq!(many.candidates.len(), 2);
    let chosen = complete(r#"Restock #"SV 38 8"#, &[], &skus).unwrap();
    assert_eq!(chosen.line, r#"Restock #"SV 38 8-11 MS" "#);
    assert!(chosen.candidates.is_empty());
}
