//! Tests of `minutes`: the sample read, follow-ups, merge markers and ids given twice, broken files, the last meeting.

use super::*;

#[test]
fn reads_the_sample_minutes() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-data/minutes/2026-W47.toml");
    let minutes = read_minutes(&path).unwrap();
    assert_eq!(minutes.week().to_string(), "2026-W47");
    let open: Vec<String> = minutes.open_actions().into_iter().map(|a| a.id).collect();
    assert_eq!(
        open,
        ["2026-W47-01", "2026-W47-02", "2026-W45-03", "2026-W47-03"]
    );
    assert_eq!(minutes.meeting.actions[2].weeks_carried, 2);
    assert_eq!(minutes.meeting.decisions.len(), 2);
    assert_eq!(minutes.sections.len(), 3);
}

#[test]
fn an_action_left_open_as_on_track_is_followed_up_again() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-data/minutes/2026-W47.toml");
    let mut minutes = read_minutes(&path).unwrap();
    let mut on_track = minutes.meeting.actions[0].clone();
    on_track.id = "2026-W46-07".to_owned();
    minutes.meeting.follow_ups.push(on_track);
    let mut settled = minutes.meeting.actions[0].clone();
    settled.id = "2026-W46-08".to_owned();
    settled.status = ActionStatus::Done;
    minutes.meeting.follow_ups.push(settled);
    let open: Vec<String> = minutes.open_actions().into_iter().map(|a| a.id).collect();
    assert!(open.contains(&"2026-W46-07".to_owned()), "{open:?}");
    assert!(!open.contains(&"2026-W46-08".to_owned()));
}

#[test]
fn a_merge_conflict_and_an_id_written_twice_are_named_with_their_lines() {
    let dir = tempfile::tempdir().unwrap();
    let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-data/minutes/2026-W47.toml");
    let text = std::fs::read_to_string(sample).unwrap();
    let path = dir.path().join("2026-W47.toml");
    let conflicted = format!("{text}<<<<<<< HEAD\n[[notes]]\n=======\n>>>>>>> theirs\n");
    std::fs::write(&path, &conflicted).unwrap();
    let error = read_minutes(&path).unwrap_err();
    let line = conflicted
        .lines()
        .position(|l| l.starts_with("<<<<<<<"))
        .unwrap()
        + 1;
    assert_eq!(error.line, Some(line as u64), "{error}");
    assert!(
        error
            .message
            .en
            .contains("merge conflict marker (`<<<<<<<`)"),
        "{error}"
    );
    // The first action once more, as a merge that kept both sides leaves it.
    let first = text.find("[[actions]]").unwrap();
    let end = text[first + 1..]
        .find("[[")
        .map_or(text.len(), |at| first + 1 + at);
    let twice = format!("{text}\n{}", &text[first..end]);
    std::fs::write(&path, &twice).unwrap();
    let error = read_minutes(&path).unwrap_err();
    assert!(
        error.message.en.contains("is given twice (lines "),
        "{error}"
    );
}

#[test]
fn a_broken_file_names_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("2026-W47.toml");
    std::fs::write(
        &path,
        "schema = 1\nweek = \"2026-W47\"\n[[actions]]\nid = \"x\"\ntitle = \n",
    )
    .unwrap();
    let error = read_minutes(&path).unwrap_err();
    assert_eq!(error.line, Some(5));
    assert_eq!(
        std::fs::read_to_string(&path).unwrap().lines().count(),
        5,
        "left untouched"
    );
}

#[test]
fn finds_the_last_meeting_before_this_one() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-data");
    let found = previous_minutes(&root, "2026-W48".parse().unwrap())
        .unwrap()
        .unwrap();
    assert_eq!(found.week().to_string(), "2026-W47");
    assert!(
        previous_minutes(&root, "2026-W47".parse().unwrap())
            .unwrap()
            .is_none()
    );
}
