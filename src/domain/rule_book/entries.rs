//! The rule book's entries, one per rule in both languages: what it is
//! called, what it means, the first checks an operator makes, and the
//! action it suggests.

mod selling;
mod stock_and_care;

use super::{Rule, RuleEntry};
use crate::domain::words::Words;

pub(super) const fn w(en: &'static str, zh: &'static str) -> Words {
    Words::new(en, zh)
}

/// One entry per rule, in the order `Rule` declares them: a rule added
/// without its entry, or an entry out of order, does not compile.
pub const RULE_BOOK: [RuleEntry; Rule::ALL.len()] = [
    selling::CONVERSION_DROP,
    selling::AD_SPEND_SPIKE,
    selling::ACOS_OVER_TARGET,
    selling::LOW_CTR,
    selling::AD_SHARE_OUT_OF_BAND,
    stock_and_care::RETURN_SPIKE,
    stock_and_care::STOCKOUT_RISK,
    stock_and_care::STOCKOUT_DURING_EVENT,
    stock_and_care::AGED_INVENTORY,
    selling::LISTING_INACTIVE,
    selling::BUY_BOX_LOSS,
    stock_and_care::MARGIN_BELOW_TARGET,
    stock_and_care::ODR_OVER_TARGET,
    stock_and_care::IPI_BELOW_THRESHOLD,
    selling::BSR_WORSENING,
    stock_and_care::INVENTORY_UNACCOUNTED,
    stock_and_care::RATING_DROP,
];
