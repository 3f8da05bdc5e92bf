//! `opsdeck actions`: every meeting's actions as a table, JSON, CSV, a
//! calendar (to-dos or events), Asana's CSV or a workbook; and how CSV and
//! workbooks reach a file.

use std::io::{IsTerminal, Write};
use std::path::Path;
use std::process::ExitCode;

use super::{
    ActionsFormat, Style, command_name, fail, language_of, print_coloured, print_out,
    report_errors, say_error, speak, warn,
};
use crate::domain::action_log::action_log;
use crate::domain::meeting::Meeting;
use crate::domain::settings::{Language, Settings};
use crate::domain::words::Said;
use crate::event_loop;
use crate::export::actions_calendar::{CalendarItem, to_ics};
use crate::export::workbook;
use crate::import::minutes::read_all_minutes;

pub(super) fn actions(
    workspace: &Path,
    owner: Option<&str>,
    (open, overdue): (bool, bool),
    format: ActionsFormat,
    Style {
        lang,
        colour,
        excel,
    }: Style,
) -> ExitCode {
    let all = match read_all_minutes(workspace) {
        Ok(all) => all,
        Err(error) => {
            report_errors(&[error], language_of(lang, workspace));
            return ExitCode::FAILURE;
        }
    };
    let meetings: Vec<Meeting> = all.into_iter().map(|m| m.meeting).collect();
    let log = action_log(&meetings);
    let today = event_loop::read_now().wall.date_naive();
    let shown: Vec<_> = log
        .iter()
        .filter(|l| {
            owner.is_none_or(|o| {
                l.action
                    .owner
                    .as_deref()
                    .is_some_and(|a| a.eq_ignore_ascii_case(o))
            })
        })
        .filter(|l| !open || l.action.status.is_open())
        .filter(|l| !overdue || l.action.is_overdue(today))
        .collect();
    let mut settings = crate::import::workspace::open_workspace(workspace)
        .map(|w| w.settings)
        .unwrap_or_default();
    speak(&mut settings, lang);
    let text = match format {
        ActionsFormat::Table => {
            print_coloured(&crate::export::actions::to_table(
                &shown,
                today,
                colour,
                settings.language,
            ));
            return ExitCode::SUCCESS;
        }
        ActionsFormat::Json => crate::export::actions::to_json(&shown, today, &meetings),
        ActionsFormat::Xlsx => {
            return print_workbook(
                &workbook::actions_sheets(&shown, today, settings.language),
                settings.language,
            );
        }
        ActionsFormat::Csv => {
            print_csv(&crate::export::actions::to_csv(&shown), excel);
            return ExitCode::SUCCESS;
        }
        ActionsFormat::Ics | ActionsFormat::IcsEvents => {
            let name = format!("{} — actions", settings.title);
            let item = if format == ActionsFormat::Ics {
                CalendarItem::Todo
            } else {
                CalendarItem::Event
            };
            let id = workspace_id(&settings, &meetings);
            // Its values are cleaned as it is built; its CRLF line ends are part of the format.
            print_coloured(&to_ics(&shown, &name, &id, item));
            return ExitCode::SUCCESS;
        }
        ActionsFormat::Asana => {
            let (csv, unassigned) = crate::export::asana::to_asana_csv(&shown, &settings);
            for owner in unassigned {
                let warning = Said::both(
                    format!(
                        "{owner} has no e-mail address, so Asana cannot assign their tasks: add \
                         `email = \"…\"` under [people.{owner}] in opsdeck.toml"
                    ),
                    format!(
                        "{owner} 没有邮件地址，Asana 无法把任务分配给此人：请在 opsdeck.toml 的 \
                         [people.{owner}] 下加上 `email = \"…\"`"
                    ),
                );
                warn(&warning, settings.language);
            }
            print_csv(&csv, excel);
            return ExitCode::SUCCESS;
        }
    };
    print_out(&text);
    ExitCode::SUCCESS
}

/// The workspace's id: the one `opsdeck init` wrote, else one derived from
/// what every clone shares — the title and the first meeting's start.
fn workspace_id(settings: &Settings, meetings: &[Meeting]) -> String {
    if let Some(id) = &settings.workspace_id {
        return id.clone();
    }
    let first = meetings.iter().map(|m| m.started).min();
    let seed = format!(
        "{}\n{}",
        settings.title,
        first.map(|t| t.to_rfc3339()).unwrap_or_default()
    );
    crate::fetch::manifest::sha256(seed.as_bytes())[..12].to_owned()
}

/// Writes a workbook to stdout, which must be a file or a pipe: its bytes
/// would garble a terminal.
pub(super) fn print_workbook(sheets: &[workbook::Sheet], language: Language) -> ExitCode {
    if std::io::stdout().is_terminal() {
        let command = command_name();
        say_error(
            language,
            &Said::both(
                format!(
                    "a workbook is a file, not text for the terminal: redirect it, like \
                     `{command} kpis --format xlsx > kpis.xlsx`"
                ),
                format!(
                    "工作簿是文件，不是给终端看的文本：请重定向输出，如 \
                     `{command} kpis --format xlsx > kpis.xlsx`"
                ),
            ),
        );
        return ExitCode::from(2);
    }
    match workbook::workbook(sheets) {
        Ok(bytes) => {
            let mut stdout = std::io::stdout().lock();
            let _ = stdout.write_all(&bytes).and_then(|()| stdout.flush());
            ExitCode::SUCCESS
        }
        Err(error) => fail(
            language,
            &Said::both(
                format!("cannot make the workbook: {error}"),
                format!("无法生成工作簿：{error}"),
            ),
        ),
    }
}

/// CSV as a spreadsheet opens it right: a UTF-8 byte-order mark (Excel in
/// a Chinese locale reads it as UTF-8, not GBK) and CRLF line ends (RFC
/// 4180). No cell holds a line break (each is cleaned), so every `\n` ends
/// a record.
/// Its cells are cleaned as they are written (`export::csv_row`), so the
/// CSV goes out as it is, its CRLF kept.
pub(super) fn print_csv(csv: &str, excel: bool) {
    if excel {
        print_coloured(&format!("\u{feff}{}", csv.replace('\n', "\r\n")));
    } else {
        print_coloured(csv);
    }
}
