//! What a sent message says, before any channel's markup: a title, sections
//! of lines (a line may name the person it is for), and where the whole
//! document is. Made from the minutes (decisions, every action with its
//! owner, last meeting's verdicts) or from every meeting's actions (the
//! daily digest of what is overdue or due tomorrow).

use std::fmt::Write as _;

use crate::domain::action::ActionItem;
use crate::domain::action_log::Tally;
use crate::domain::format::short_date;
use crate::domain::meeting::Meeting;
use crate::domain::settings::Language;
use crate::domain::week::MeetingWeek;
use crate::domain::words::Words;

/// One line, and the person it is for (mentioned where the channel can).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    pub text: String,
    pub owner: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    pub heading: String,
    pub lines: Vec<Line>,
}

/// A message in no channel's markup yet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    /// The team's language, which the message is written in.
    pub language: Language,
    pub title: String,
    /// Most important first: a message cut to a channel's size keeps them.
    pub sections: Vec<Section>,
    /// Where the whole document is, said when lines are cut.
    pub full: String,
    /// The whole document as Markdown, for a channel with room for it (a mail).
    pub document: Option<String>,
}

impl Message {
    /// How many lines the sections hold.
    pub fn line_count(&self) -> usize {
        self.sections.iter().map(|s| s.lines.len()).sum()
    }
}

/// The meeting's minutes as a message: decisions, this meeting's actions
/// (each for its owner), then last meeting's actions with their verdicts.
pub fn minutes_message(team: &str, meeting: &Meeting, full: &str, language: Language) -> Message {
    let say = |en: &'static str, zh: &'static str| (*Words::new(en, zh).get(language)).to_owned();
    let today =
        MeetingWeek::reviewing(meeting.reviewed_week).day_held(meeting.started.date_naive());
    let mut sections = Vec::new();
    if !meeting.decisions.is_empty() {
        sections.push(Section {
            heading: say("Decisions", "决定"),
            lines: meeting
                .decisions
                .iter()
                .map(|d| Line {
                    text: d.text.clone(),
                    owner: None,
                })
                .collect(),
        });
    }
    let open: Vec<&ActionItem> = meeting
        .actions
        .iter()
        .filter(|a| a.status.is_open())
        .collect();
    if !open.is_empty() {
        sections.push(Section {
            heading: say("Action items", "行动项"),
            lines: open
                .iter()
                .map(|a| action_line(a, today, language))
                .collect(),
        });
    }
    if !meeting.follow_ups.is_empty() {
        let tally = Tally::of(&meeting.follow_ups, today);
        sections.push(Section {
            heading: match language {
                Language::English => format!(
                    "Last meeting's actions: {} of {} due done",
                    tally.done, tally.due
                ),
                Language::Chinese => {
                    format!(
                        "上次会议的行动项：到期 {} 项，完成 {} 项",
                        tally.due, tally.done
                    )
                }
            },
            lines: meeting
                .follow_ups
                .iter()
                .map(|a| Line {
                    text: format!("{} {} — {}", a.id, a.title, a.status.verdict_in(language)),
                    owner: None,
                })
                .collect(),
        });
    }
    Message {
        language,
        title: match language {
            Language::English => format!("{team} — minutes of {}", meeting.week),
            Language::Chinese => format!("{team} — {} 会议纪要", meeting.week),
        },
        sections,
        full: full.to_owned(),
        document: None,
    }
}

/// The daily digest on `today`: every open action past its due date, then
/// those due tomorrow, each for its owner; `None` when none is.
pub fn digest_message(
    team: &str,
    actions: &[&ActionItem],
    today: chrono::NaiveDate,
    full: &str,
    language: Language,
) -> Option<Message> {
    let tomorrow = today.succ_opt()?;
    let open = || actions.iter().copied().filter(|a| a.status.is_open());
    let overdue: Vec<Line> = open()
        .filter(|a| a.is_overdue(today))
        .map(|a| action_line(a, today, language))
        .collect();
    let due: Vec<Line> = open()
        .filter(|a| a.due == Some(tomorrow))
        .map(|a| action_line(a, today, language))
        .collect();
    let headings = [
        Words::new("Overdue", "已逾期"),
        Words::new("Due tomorrow", "明天到期"),
    ];
    let sections: Vec<Section> = [
        (*headings[0].get(language), overdue),
        (*headings[1].get(language), due),
    ]
    .into_iter()
    .filter(|(_, lines)| !lines.is_empty())
    .map(|(heading, lines)| Section {
        heading: heading.to_owned(),
        lines,
    })
    .collect();
    (!sections.is_empty()).then(|| Message {
        language,
        title: match language {
            Language::English => {
                format!("{team} — actions due by {}", short_date(tomorrow, language))
            }
            Language::Chinese => {
                format!("{team} — {} 前到期的行动项", short_date(tomorrow, language))
            }
        },
        sections,
        full: full.to_owned(),
        document: None,
    })
}

/// `2026-W48-01 Reconcile HK-SP-SIL-5 — due Fri 11 Dec · HK-SP-SIL-5 (overdue)`.
pub(super) fn action_line(
    action: &ActionItem,
    today: chrono::NaiveDate,
    language: Language,
) -> Line {
    let mut text = format!("{} {}", action.id, action.title);
    if let Some(due) = action.due {
        let date = short_date(due, language);
        let _ = match language {
            Language::English => write!(text, " — due {date}"),
            Language::Chinese => write!(text, " — 截止 {date}"),
        };
        if action.is_overdue(today) {
            text.push_str(Words::new(" (overdue)", "（已逾期）").get(language));
        }
    }
    if let Some(sku) = &action.sku {
        let _ = write!(text, " · {sku}");
    }
    Line {
        text,
        owner: action.owner.clone(),
    }
}
