//! What stops a meeting from closing cleanly, in words for the screen and
//! the minutes.

use chrono::NaiveDate;

use super::format::short_date;
use super::settings::Language;

/// One gap of the closing check; each names the action it is about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Gap {
    NoOwnerNoDue(String),
    NoOwner(String),
    NoDue(String),
    PastDue(String, NaiveDate),
    NotAnAttendee(String, String),
    NoVerdict(String),
}

impl Gap {
    /// The gap in `language`.
    pub fn describe(&self, language: Language) -> String {
        let zh = language == Language::Chinese;
        match (self, zh) {
            (Gap::NoOwnerNoDue(id), false) => format!("{id} has no owner and no due date"),
            (Gap::NoOwnerNoDue(id), true) => format!("{id} 没有负责人，也没有截止日期"),
            (Gap::NoOwner(id), false) => format!("{id} has no owner"),
            (Gap::NoOwner(id), true) => format!("{id} 没有负责人"),
            (Gap::NoDue(id), false) => format!("{id} has no due date"),
            (Gap::NoDue(id), true) => format!("{id} 没有截止日期"),
            (Gap::PastDue(id, due), false) => format!(
                "{id} is due {}, already past: give it a new date",
                short_date(*due, language)
            ),
            (Gap::PastDue(id, due), true) => format!(
                "{id} 的截止日期 {} 已过：请给新日期",
                short_date(*due, language)
            ),
            (Gap::NotAnAttendee(id, owner), false) => {
                format!("{id}'s owner {owner} is not an attendee")
            }
            (Gap::NotAnAttendee(id, owner), true) => format!("{id} 的负责人 {owner} 不是参会人"),
            (Gap::NoVerdict(id), false) => {
                format!("{id} from last meeting has no verdict (done, carried or dropped)")
            }
            (Gap::NoVerdict(id), true) => {
                format!("上次会议的 {id} 还没有结论（完成、顺延或放弃）")
            }
        }
    }
}
