//! What stops a meeting from closing cleanly, in words for the screen and
//! the minutes.

use chrono::NaiveDate;

use super::format::short_date;
use super::settings::Language;

/// One gap of the closing check; each names the action it is about, or
/// the meeting itself.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Gap {
    NoOwnerNoDue(String),
    NoOwner(String),
    NoDue(String),
    PastDue(String, NaiveDate),
    NotAnAttendee(String, String),
    NoVerdict(String),
    /// Nobody rated the meeting.
    NotRated,
}

impl Gap {
    /// The gap in `language`.
    pub fn describe(&self, language: Language) -> String {
        match (self, language) {
            (Gap::NoOwnerNoDue(id), Language::English) => {
                format!("{id} has no owner and no due date")
            }
            (Gap::NoOwnerNoDue(id), Language::Chinese) => {
                format!("{id} 没有负责人，也没有截止日期")
            }
            (Gap::NoOwner(id), Language::English) => format!("{id} has no owner"),
            (Gap::NoOwner(id), Language::Chinese) => format!("{id} 没有负责人"),
            (Gap::NoDue(id), Language::English) => format!("{id} has no due date"),
            (Gap::NoDue(id), Language::Chinese) => format!("{id} 没有截止日期"),
            (Gap::PastDue(id, due), Language::English) => format!(
                "{id} is due {}, already past: give it a new date",
                short_date(*due, language)
            ),
            (Gap::PastDue(id, due), Language::Chinese) => format!(
                "{id} 的截止日期 {} 已过：请给新日期",
                short_date(*due, language)
            ),
            (Gap::NotAnAttendee(id, owner), Language::English) => {
                format!("{id}'s owner {owner} is not an attendee")
            }
            (Gap::NotAnAttendee(id, owner), Language::Chinese) => {
                format!("{id} 的负责人 {owner} 不是参会人")
            }
            (Gap::NoVerdict(id), Language::English) => {
                format!("{id} from last meeting has no verdict (done, carried or dropped)")
            }
            (Gap::NoVerdict(id), Language::Chinese) => {
                format!("上次会议的 {id} 还没有结论（完成、顺延或放弃）")
            }
            (Gap::NotRated, Language::English) => {
                "the meeting is not rated: R, then each attendee 1–10".to_owned()
            }
            (Gap::NotRated, Language::Chinese) => {
                "会议还没有评分：按 R，每位参会人 1–10 分".to_owned()
            }
        }
    }
}
