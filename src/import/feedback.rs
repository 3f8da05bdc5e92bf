//! The seller feedback report (tab-separated): ratings 1–5 with comments.

use crate::domain::facts::{FeedbackEntry, ReportFacts};
use crate::domain::words::Words;

use super::dates::DateCache;
use super::kind_read::{DateWindow, KindRead};
use super::table::{ReadError, Table};

/// Reads the feedback dated inside the window.
pub fn read(table: &Table<'_>, window: &mut DateWindow) -> Result<KindRead, ReadError> {
    let date = table.require(&["date"])?;
    let rating = table.require(&["rating"])?;
    let comments = table.require(&["comments"])?;
    let mut dates = DateCache::default();
    let mut entries = Vec::new();
    let stats = table.for_each_row(|row| {
        let Some(day) = row.date(date, &mut dates)? else {
            return Err(row.error(date, Words::new("the feedback date", "反馈日期")));
        };
        if !window.keep(Some(day)) {
            return Ok(());
        }
        let Some(stars) = row.count(rating)?.filter(|r| (1..=5).contains(r)) else {
            return Err(row.error(rating, Words::new("a rating from 1 to 5", "1 到 5 的评分")));
        };
        entries.push(FeedbackEntry {
            date: day,
            rating: stars,
            comment: row.text(comments).into_owned(),
        });
        Ok(())
    })?;
    Ok(KindRead::plain(ReportFacts::Feedback(entries), stats))
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use crate::domain::facts::ReportFacts;
    use crate::import::report::read_report_bytes;

    #[test]
    fn reads_ratings_and_us_dates() {
        let text = "Date\tRating\tComments\tYour Response\tOrder ID\tRater Email\n\
                    10/20/23\t2\tArrived late\t\t111-1\ta@b.c\n";
        let file = read_report_bytes(Path::new("f.txt"), text.as_bytes(), None).unwrap();
        let ReportFacts::Feedback(entries) = &file.facts else {
            panic!()
        };
        assert_eq!(entries[0].rating, 2);
        assert_eq!(entries[0].date.to_string(), "2023-10-20");
    }

    #[test]
    fn a_rating_of_nine_is_an_error() {
        let text = "Date\tRating\tComments\tOrder ID\n10/20/23\t9\tx\t1\n";
        let error = read_report_bytes(Path::new("f.txt"), text.as_bytes(), None).unwrap_err();
        assert_eq!((error.line, error.column), (Some(2), Some(2)));
    }
}
