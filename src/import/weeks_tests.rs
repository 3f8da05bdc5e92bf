//! Tests of `weeks`: older weeks streamed as trend figures give the report built whole.

use super::*;

/// Streaming older weeks as trend figures gives the same report as
/// building it with every week read whole and held in memory.
#[test]
fn streamed_review_equals_the_in_memory_one() {
    use crate::import::week_folder::read_week_folder;
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-data");
    let loaded = load_report(&root, None).unwrap();
    let start = loaded.workspace.settings.week_start;
    let weeks: Vec<WeekData> = loaded
        .workspace
        .weeks
        .iter()
        .map(|folder| {
            read_week_folder(folder, start, Detail::Full, &ReadProgress::default())
                .unwrap()
                .0
        })
        .collect();
    assert_eq!(weeks.len(), 13, "the sample spans the whole trend window");
    let built = WeekReport::build(
        &weeks,
        &loaded.costs,
        &loaded.upstream,
        &loaded.workspace.settings,
    )
    .unwrap();
    // Compared as printed: a missing trend value is NaN, which equals nothing.
    let (streamed, built) = (format!("{:#?}", loaded.report), format!("{built:#?}"));
    let first_difference = streamed
        .lines()
        .zip(built.lines())
        .position(|(a, b)| a != b);
    assert_eq!(
        first_difference,
        None,
        "{}",
        streamed
            .lines()
            .nth(first_difference.unwrap_or(0))
            .unwrap_or("")
    );
    assert_eq!(streamed.len(), built.len());
}
