//! The week's documents for people: `kpis` in every format, `prep`, and a
//! meeting's `minutes`, each from the week's report or the minutes file.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use super::actions::{print_csv, print_workbook};
use super::{
    KpiFormat, MinutesFormat, Style, language_of, leave_at_exit, print_coloured, print_out,
    report_errors, speak, warn,
};
use crate::domain::action::ActionItem;
use crate::domain::settings::Language;
use crate::domain::week::IsoWeek;
use crate::event_loop;
use crate::export::{kpis_csv, kpis_json, kpis_md, kpis_text, prep, workbook};
use crate::import::error::whole_picture;
use crate::import::minutes::read_minutes_file;
use crate::import::weeks::{LoadedReport, load_report};

/// Loads the week's report, or prints every problem and gives up.
pub(super) fn week_report(
    workspace: &Path,
    week: Option<IsoWeek>,
    lang: Option<Language>,
) -> Result<LoadedReport, ExitCode> {
    let mut loaded = load_report(workspace, week).map_err(|errors| {
        let language = language_of(lang, workspace);
        report_errors(&errors, language);
        say!("{}", whole_picture(workspace, language));
        ExitCode::FAILURE
    })?;
    speak(&mut loaded.workspace.settings, lang);
    for warning in &loaded.warnings {
        warn(warning, loaded.workspace.settings.language);
    }
    Ok(loaded)
}

pub(super) fn kpis(
    workspace: &Path,
    week: Option<IsoWeek>,
    format: KpiFormat,
    Style {
        lang,
        colour,
        excel,
    }: Style,
) -> ExitCode {
    let loaded = match week_report(workspace, week, lang) {
        Ok(found) => found,
        Err(code) => return code,
    };
    let report = &loaded.report;
    let settings = &loaded.workspace.settings;
    let text = match format {
        KpiFormat::Table => {
            print_coloured(&kpis_text::to_table(report, settings, colour));
            leave_at_exit(loaded);
            return ExitCode::SUCCESS;
        }
        KpiFormat::Json => {
            // Streamed: a catalogue of any size never waits in memory as one document.
            let stdout = std::io::stdout().lock();
            let mut out =
                crate::export::clean_writer::CleanWriter::new(std::io::BufWriter::new(stdout));
            let _ = kpis_json::write_json(report, settings, &mut out).and_then(|()| out.flush());
            leave_at_exit(loaded);
            return ExitCode::SUCCESS;
        }
        KpiFormat::Csv => {
            print_csv(&kpis_csv::to_csv(report, settings), excel);
            leave_at_exit(loaded);
            return ExitCode::SUCCESS;
        }
        KpiFormat::Md => kpis_md::to_markdown(report, settings),
        KpiFormat::Xlsx => {
            let code = print_workbook(&workbook::kpis_sheets(report, settings), settings.language);
            leave_at_exit(loaded);
            return code;
        }
    };
    print_out(&text);
    leave_at_exit(loaded);
    ExitCode::SUCCESS
}

pub(super) fn prep(
    workspace: &Path,
    week: Option<IsoWeek>,
    all: bool,
    lang: Option<Language>,
) -> ExitCode {
    let loaded = match week_report(workspace, week, lang) {
        Ok(found) => found,
        Err(code) => return code,
    };
    let report = &loaded.report;
    let open = match open_actions(
        workspace,
        report.review.week,
        loaded.workspace.settings.language,
    ) {
        Ok(open) => open,
        Err(code) => return code,
    };
    let in_play = match crate::session::actions_in_play(workspace, report.review.week) {
        Ok(actions) => actions,
        Err(error) => {
            report_errors(&[error], loaded.workspace.settings.language);
            return ExitCode::FAILURE;
        }
    };
    print_out(&prep::to_prep(
        report,
        &loaded.workspace.settings,
        &open,
        &in_play,
        event_loop::read_now().wall.date_naive(),
        all,
    ));
    leave_at_exit(loaded);
    ExitCode::SUCCESS
}

/// Last meeting's actions still open.
pub(super) fn open_actions(
    workspace: &Path,
    week: IsoWeek,
    language: Language,
) -> Result<Vec<ActionItem>, ExitCode> {
    crate::session::open_actions(workspace, week).map_err(|error| {
        report_errors(&[error], language);
        ExitCode::FAILURE
    })
}

pub(super) fn minutes(file: &Path, format: MinutesFormat, lang: Option<Language>) -> ExitCode {
    // The workspace of `minutes/2026-W48.toml`.
    let root = file.parent().and_then(Path::parent);
    let (stored, raw) = match read_minutes_file(file) {
        Ok(read) => read,
        Err(error) => {
            report_errors(&[error], language_of(lang, root.unwrap_or(file)));
            return ExitCode::FAILURE;
        }
    };
    let settings = root
        .and_then(|root| crate::import::workspace::open_workspace(root).ok())
        .map(|w| w.settings);
    let currency = settings
        .as_ref()
        .map_or_else(|| "USD".to_owned(), |s| s.currency.clone());
    let language = lang.unwrap_or_else(|| settings.map_or_else(Default::default, |s| s.language));
    match format {
        MinutesFormat::Md => print_out(&crate::export::minutes_md::to_markdown(
            &stored, &raw, &currency, language,
        )),
        MinutesFormat::Json => {
            print_out(&(serde_json::to_string_pretty(&raw).unwrap_or_default() + "\n"));
        }
    }
    ExitCode::SUCCESS
}
