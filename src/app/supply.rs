//! The replenishment tab's own key: the selected line's purchase order,
//! captured as an action for the team's purchasing owner, due on the line's
//! order-by date (today when that date has passed), linked to its SKU.

use chrono::NaiveDate;

use super::action::{CaptureKind, Effect, View};
use super::capture::CaptureTarget;
use super::{App, Flash};
use crate::domain::capture::sku_token;
use crate::domain::format::count;
use crate::domain::replenishment::SupplyLine;

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
        let today = self.now.wall.date_naive();
        let due = line.order_by.map_or(today, |day| day.max(today));
        // The SKU as the catalogue names it, which the capture line resolves.
        let name = self
            .selected_sku_row()
            .and_then(|at| self.report.review.skus.get(at))
            .map_or(line.sku.as_str(), |row| {
                row.sku.as_deref().unwrap_or(&row.key)
            });
        let text = purchase_order(line, name, self.settings.roles.purchasing.as_deref(), due);
        self.open_capture(CaptureTarget::New(CaptureKind::Action), text);
        self.submit_capture()
    }
}

/// The quick-add line of a line's purchase order: `Send a PO for 2,136
/// units of HK-SB-BPA, 720 by air @Wei due:2026-11-23 #HK-SB-BPA +replenishment`.
pub fn purchase_order(
    line: &SupplyLine,
    name: &str,
    owner: Option<&str>,
    due: NaiveDate,
) -> String {
    #[allow(clippy::cast_precision_loss)] // unit counts
    let units = count(line.suggested_units as f64);
    let owner = owner.map(|o| format!(" @{o}")).unwrap_or_default();
    #[allow(clippy::cast_precision_loss)] // unit counts
    let air = if line.air_units > 0 {
        format!(", {} by air", count(line.air_units as f64))
    } else {
        String::new()
    };
    format!(
        "Send a PO for {units} units of {}{air} {owner} due:{due} {} +replenishment",
        line.sku,
        sku_token(name)
    )
    .replace("  ", " ")
}
