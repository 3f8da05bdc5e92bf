//! `opsdeck actions --format asana`: the open actions as a CSV in the shape
//! Asana's CSV importer reads without mapping — the task name in the first
//! column, then `Assignee` (the owner's e-mail from `[people.X] email`,
//! else `[emails]`: Asana assigns by a member's address, never by a name),
//! `Due Date` (MM/DD/YYYY, the only form it reads), `Description`, `Section`
//! (the action's first tag, else the meeting) and `Tags`.

use crate::domain::action_log::LoggedAction;
use crate::domain::channel::{ChannelKind, mention_id};
use crate::domain::settings::Settings;

use super::csv_row::write_row;

const HEADER: [&str; 6] = [
    "Name",
    "Assignee",
    "Due Date",
    "Description",
    "Section",
    "Tags",
];

/// The open actions among `actions` as Asana's CSV, and the owners left
/// unassigned for want of an address (each once).
pub fn to_asana_csv(actions: &[&LoggedAction], settings: &Settings) -> (String, Vec<String>) {
    let mut writer = csv::Writer::from_writer(Vec::new());
    let _ = writer.write_record(HEADER);
    let mut unassigned: Vec<String> = Vec::new();
    for logged in actions.iter().filter(|l| l.action.status.is_open()) {
        let action = &logged.action;
        let assignee = action.owner.as_deref().map_or_else(String::new, |owner| {
            let address = mention_id(&settings.people, owner, ChannelKind::Email)
                .map(str::to_owned)
                .or_else(|| {
                    settings
                        .roles
                        .emails
                        .iter()
                        .find(|(name, _)| name.eq_ignore_ascii_case(owner))
                        .map(|(_, email)| email.clone())
                });
            if address.is_none() && !unassigned.iter().any(|o| o.eq_ignore_ascii_case(owner)) {
                unassigned.push(owner.to_owned());
            }
            address.unwrap_or_default()
        });
        let description = [
            action.sku.as_deref().map(|sku| format!("SKU: {sku}")),
            action.kpi.as_deref().map(|kpi| format!("KPI: {kpi}")),
            Some(format!(
                "From the weekly operations meeting {} (opsdeck action {}).",
                logged.meeting, action.id
            )),
        ]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" · ");
        let section = action
            .tags
            .first()
            .cloned()
            .unwrap_or_else(|| format!("Meeting {}", logged.meeting));
        let _ = write_row(
            &mut writer,
            &[
                action.title.as_str(),
                &assignee,
                &action
                    .due
                    .map(|d| d.format("%m/%d/%Y").to_string())
                    .unwrap_or_default(),
                &description,
                &section,
                &action.tags.join(","),
            ],
        );
    }
    let csv = writer
        .into_inner()
        .map(|bytes| String::from_utf8_lossy(&bytes).into_owned())
        .unwrap_or_default();
    (csv, unassigned)
}
