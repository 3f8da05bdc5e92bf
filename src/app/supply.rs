//! The replenishment tab's own key: the selected line's purchase order,
//! captured as an action for the team's purchasing owner, due on the line's
//! order-by date (today when that date has passed), linked to its SKU. One
//! PO per line and meeting: `o` on a line that has one opens it to edit.

use chrono::NaiveDate;

use super::action::{CaptureKind, Effect, View};
use super::capture::CaptureTarget;
use super::verdicts::quick_add_line;
use super::{App, Flash};
use crate::domain::action::{ActionItem, same_sku};
use crate::domain::capture::sku_token;
use crate::domain::format::count;
use crate::domain::replenishment::SupplyLine;
use crate::domain::settings::Language;

impl App {
    pub(super) fn order_selected(&mut self) -> Option<Effect> {
        // Only the supply view shows the line a key would order.
        if self.view != View::Supply {
            return None;
        }
        let line = self.report.supply.get(self.selection())?;
        if line.suggested_units == 0 {
            self.flash = Some(Flash::NothingToOrder(line.sku.clone()));
            return None;
        }
        if let Some(po) = self.purchase_order_for(line) {
            let id = po.id.clone();
            let text = quick_add_line(po);
            self.flash = Some(Flash::PoCaptured(id.clone()));
            self.open_capture(CaptureTarget::Edit(id), text);
            return None;
        }
        let today = self.today();
        let due = line.order_by.map_or(today, |day| day.max(today));
        let name = self.catalogue_name(line);
        let text = purchase_order(
            line,
            name,
            self.settings.roles.purchasing.as_deref(),
            due,
            self.settings.language,
        );
        self.open_capture(CaptureTarget::New(CaptureKind::Action), text);
        self.submit_capture()
    }
}

impl App {
    /// The SKU of a supply line as the catalogue names it, which the capture
    /// line resolves.
    fn catalogue_name<'a>(&'a self, line: &'a SupplyLine) -> &'a str {
        self.report
            .review
            .skus
            .iter()
            .find(|row| row.key == line.key)
            .map_or(line.sku.as_str(), |row| {
                row.sku.as_deref().unwrap_or(&row.key)
            })
    }

    /// The purchase order this meeting captured for `line`, if any: an open
    /// action tagged `+replenishment` on its SKU.
    pub fn purchase_order_for(&self, line: &SupplyLine) -> Option<&ActionItem> {
        let name = self.catalogue_name(line);
        self.meeting.current.actions.iter().find(|action| {
            action.status.is_open()
                && action.tags.iter().any(|tag| tag == REPLENISHMENT_TAG)
                && action
                    .sku
                    .as_deref()
                    .is_some_and(|sku| same_sku(sku, name) || same_sku(sku, &line.sku))
        })
    }
}

/// The tag every purchase order carries.
const REPLENISHMENT_TAG: &str = "replenishment";

/// The quick-add line of a line's purchase order in `language`: `Send a PO
/// for 2,136 units of HK-SB-BPA, 720 by air @Wei due:2026-11-23 #HK-SB-BPA
/// +replenishment`, or `下采购单：HK-SB-BPA 2,136 件，其中空运 720 件 …`.
pub fn purchase_order(
    line: &SupplyLine,
    name: &str,
    owner: Option<&str>,
    due: NaiveDate,
    language: Language,
) -> String {
    #[allow(clippy::cast_precision_loss)] // unit counts
    let (units, air) = (
        count(line.suggested_units as f64),
        count(line.air_units as f64),
    );
    let by_air = line.air_units > 0;
    let title = match (language, by_air) {
        (Language::English, false) => format!("Send a PO for {units} units of {}", line.sku),
        (Language::English, true) => {
            format!("Send a PO for {units} units of {}, {air} by air", line.sku)
        }
        (Language::Chinese, false) => format!("下采购单：{} {units} 件", line.sku),
        (Language::Chinese, true) => {
            format!("下采购单：{} {units} 件，其中空运 {air} 件", line.sku)
        }
    };
    let owner = owner.map(|o| format!(" @{o}")).unwrap_or_default();
    format!(
        "{title}{owner} due:{due} {} +{REPLENISHMENT_TAG}",
        sku_token(name)
    )
}
