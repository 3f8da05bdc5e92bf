//! Tests of `config`.

use super::*;
use crate::domain::calendar::EventKind;

fn parse(text: &str) -> Result<ConfigRead, ImportError> {
    parse_config(Path::new("opsdeck.toml"), text)
}

#[test]
fn an_empty_file_is_all_defaults() {
    let read = parse("").unwrap();
    assert_eq!(read.settings, Settings::default());
    assert!(read.warnings.is_empty());
}

#[test]
fn overrides_take_effect_and_the_rest_stays_default() {
    let read = parse(
        "title = \"Ops\"\nlanguage = \"zh\"\nweek_start = \"sunday\"\n[targets]\nacos = 0.3\n\
         [targets.conversion_by_category]\ngl_kitchen = 0.12\n",
    )
    .unwrap();
    let settings = read.settings;
    assert_eq!(settings.title, "Ops");
    assert_eq!(settings.language, Language::Chinese);
    assert_eq!(settings.week_start, WeekStart::Sunday);
    assert!((settings.targets.acos - 0.3).abs() < 1e-12);
    assert!((settings.targets.buy_box - 0.95).abs() < 1e-12);
    assert_eq!(settings.targets.conversion_by_category.len(), 1);
}

#[test]
fn unknown_keys_are_errors_with_their_line() {
    let error = parse("title = \"Ops\"\n\n[targets]\nacoss = 0.3\n").unwrap_err();
    assert_eq!(error.line, Some(4));
    assert!(error.message.en.contains("acoss"), "{error}");
}

#[test]
fn implausible_events_are_refused_with_the_range() {
    let event = |extra: &str| {
        parse(&format!(
            "[[events]]\nname = \"Deal\"\nstart = 2026-11-27\nend = 2026-11-30\n{extra}"
        ))
    };
    let error = event("uplift = 1e308\n").unwrap_err();
    assert!(error.message.en.contains("at most 20"), "{error}");
    assert_eq!((error.line, error.column), (Some(5), Some(10)), "{error}");
    assert!(event("uplift = 2.5\n").is_ok());
    let years =
        parse("[[events]]\nname = \"Typo\"\nstart = 0001-01-01\nend = 9999-12-31\n").unwrap_err();
    assert!(years.message.en.contains("at most 120 days"), "{years}");
    assert_eq!(years.line, Some(3), "{years}");
    let days = parse("title = \"Ops\"\n[replenishment]\ntransfer_days = -3\n").unwrap_err();
    assert_eq!(days.line, Some(3), "{days}");
    let mb = parse("[fetch]\nmax_document_mb = 0\n").unwrap_err();
    assert_eq!(mb.line, Some(2), "{mb}");
}

#[test]
fn replenishment_roles_and_events_are_read_with_their_defaults() {
    let settings = parse(
        "[replenishment]\nsafety_days = 10\n[roles]\npurchasing = \"Wei\"\n\
         [[events]]\nname = \"Black Friday\"\nstart = 2026-11-27\nend = \"2026-11-30\"\n\
         submit_by = 2026-10-02\nkind = \"deal\"\nuplift = 2.5\n\
         [[events]]\nname = \"Launch\"\nstart = 2026-12-07\nend = 2026-12-07\nskus = [\"HK-1\"]\n",
    )
    .unwrap()
    .settings;
    assert!((settings.replenishment.safety_days - 10.0).abs() < 1e-12);
    assert!((settings.replenishment.target_cover_days - 60.0).abs() < 1e-12);
    assert_eq!(settings.roles.purchasing.as_deref(), Some("Wei"));
    let [friday, launch] = &settings.events[..] else {
        panic!("{:?}", settings.events)
    };
    assert_eq!((friday.kind, friday.uplift), (EventKind::Deal, 2.5));
    assert_eq!(friday.end.to_string(), "2026-11-30");
    assert_eq!(
        friday.submit_by.map(|d| d.to_string()).as_deref(),
        Some("2026-10-02")
    );
    assert_eq!((launch.kind, launch.uplift), (EventKind::Other, 1.0));
    assert_eq!(launch.skus, vec!["HK-1".to_owned()]);
}

#[test]
fn an_event_that_ends_before_it_starts_or_of_an_unknown_kind_is_an_error() {
    let backwards =
        parse("[[events]]\nname = \"BF\"\nstart = 2026-11-30\nend = 2026-11-27\n").unwrap_err();
    assert!(
        backwards
            .message
            .en
            .contains("ends (2026-11-27) before it starts"),
        "{backwards}"
    );
    let kind =
        parse("[[events]]\nname = \"BF\"\nstart = 2026-11-27\nend = 2026-11-30\nkind = \"sale\"\n")
            .unwrap_err();
    assert!(
        kind.message.en.contains("expected one of deal, prime_day"),
        "{kind}"
    );
}

#[test]
fn a_short_agenda_is_allowed_with_a_warning() {
    let read = parse("[[agenda]]\nname = \"review\"\nminutes = 30\n").unwrap();
    assert_eq!(read.settings.planned_minutes(), 30);
    assert!(read.warnings[0].en.contains("60–90"));
}

#[test]
fn a_zero_minute_section_is_an_error() {
    assert!(parse("[[agenda]]\nname = \"review\"\nminutes = 0\n").is_err());
}

#[test]
fn thresholds_are_read_by_key_and_a_wrong_one_names_its_line() {
    let settings = parse("[thresholds]\nconversion_drop = 0.2\nreturn_min_units = 5\n")
        .unwrap()
        .settings;
    assert!((settings.thresholds.conversion_drop - 0.2).abs() < 1e-12);
    assert_eq!(settings.thresholds.return_min_units, 5);
    assert_eq!(
        settings.thresholds.conversion_min_sessions, 100,
        "the rest default"
    );
    let unknown = parse("title = \"Ops\"\n[thresholds]\nconversion_dropp = 0.2\n").unwrap_err();
    assert_eq!(unknown.line, Some(3), "{unknown}");
    assert!(
        unknown.message.en.contains("is not a threshold"),
        "{unknown}"
    );
    let fraction = parse("[thresholds]\nreturn_min_units = 2.5\n").unwrap_err();
    assert_eq!(fraction.line, Some(2), "{fraction}");
    assert!(fraction.message.en.contains("whole number"), "{fraction}");
}

#[test]
fn channels_and_people_are_read_and_a_wrong_kind_or_key_names_its_line() {
    let read = parse(
        "[[channels]]\nname = \"team\"\nkind = \"feishu\"\n\n[people.Wei]\nfeishu = \"ou_1\"\nslack = \"U1\"\n",
    )
    .unwrap();
    let settings = &read.settings;
    assert_eq!(settings.channels.len(), 1);
    assert_eq!(
        settings.channels[0].kind,
        crate::domain::channel::ChannelKind::Feishu
    );
    assert_eq!(settings.people["Wei"]["slack"], "U1");
    let kind = parse("[[channels]]\nname = \"team\"\nkind = \"teams\"\n").unwrap_err();
    assert_eq!((kind.line, kind.column), (Some(3), Some(8)), "{kind}");
    assert!(
        kind.to_string()
            .contains("feishu, lark, wecom, dingtalk, slack or email"),
        "{kind}"
    );
    let twice = parse(
        "[[channels]]\nname = \"team\"\nkind = \"slack\"\n[[channels]]\nname = \"Team\"\nkind = \"wecom\"\n",
    )
    .unwrap_err();
    assert_eq!(twice.line, Some(5), "{twice}");
    let key = parse("[people.Wei]\nteams = \"x\"\n").unwrap_err();
    assert_eq!(key.line, Some(2), "{key}");
}

#[test]
fn an_email_channel_needs_addresses_and_a_chat_channel_takes_none() {
    let read = parse(
        "[[channels]]\nname = \"mail\"\nkind = \"email\"\nto = [\"ops@example.com\"]\n\n[people.Wei]\nemail = \"wei@example.com\"\n",
    )
    .unwrap();
    assert_eq!(read.settings.channels[0].to, ["ops@example.com"]);
    let none = parse("[[channels]]\nname = \"mail\"\nkind = \"email\"\n").unwrap_err();
    assert!(none.message.en.contains("add to = ["), "{none}");
    let bad =
        parse("[[channels]]\nname = \"mail\"\nkind = \"email\"\nto = [\"ops\"]\n").unwrap_err();
    assert_eq!((bad.line, bad.column), (Some(4), Some(7)), "{bad}");
    let chat =
        parse("[[channels]]\nname = \"team\"\nkind = \"slack\"\nto = [\"ops@example.com\"]\n")
            .unwrap_err();
    assert!(
        chat.message.en.contains("for e-mail channels only"),
        "{chat}"
    );
    let person = parse("[people.Wei]\nemail = \"Wei\"\n").unwrap_err();
    assert_eq!(person.line, Some(2), "{person}");
}

#[test]
fn the_language_asked_for_is_read_even_from_a_broken_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("opsdeck.toml");
    let stated = |text: &str| {
        std::fs::write(&path, text).unwrap();
        stated_language(&path)
    };
    assert_eq!(stated("language = \"zh\"\n"), Some(Language::Chinese));
    assert_eq!(
        stated("title = \"x\"\nlanguage = \"zh\" # 中文\n\n[targets\nacos = 0.3\n"),
        Some(Language::Chinese)
    );
    assert_eq!(stated("title = \"x\"\n[send]\nlanguage = \"zh\"\n["), None);
    assert_eq!(stated("title = \"x\"\n"), None);
    assert_eq!(stated_language(&dir.path().join("none.toml")), None);
}
