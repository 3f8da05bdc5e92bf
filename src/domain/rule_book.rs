//! Every diagnosis rule's identity in one place: its id (the JSON contract),
//! its label and one-line explanation in plain words, the first checks an
//! experienced operator would make, and the action it suggests. Pure.

use super::words::Words;

/// Declares `Rule` and `Rule::ALL` from one list, so the rule book's
/// length — checked when it compiles — follows every rule added.
macro_rules! rules {
    ($($rule:ident),+ $(,)?) => {
        /// A diagnosis rule; `rule_book` holds what each one is called and suggests.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Rule {
            $($rule),+
        }

        impl Rule {
            /// Every rule, in declaration order.
            pub const ALL: &'static [Rule] = &[$(Rule::$rule),+];
        }
    };
}

rules![
    ConversionDrop,
    AdSpendSpike,
    AcosOverTarget,
    LowCtr,
    AdShareOutOfBand,
    ReturnSpike,
    StockoutRisk,
    StockoutDuringEvent,
    AgedInventory,
    ListingInactive,
    BuyBoxLoss,
    MarginBelowTarget,
    OdrOverTarget,
    IpiBelowThreshold,
    BsrWorsening,
    InventoryUnaccounted,
    RatingDrop,
];

/// What opsdeck knows about one rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RuleEntry {
    pub rule: Rule,
    /// The rule's name in JSON and the minutes file.
    pub id: &'static str,
    pub label: Words,
    pub explanation: Words,
    pub checks: &'static [Words],
    /// The title of the suggested action; `{sku}` stands for the SKU.
    pub action: Words,
}

mod entries;

pub use entries::RULE_BOOK;

const _: () = {
    let mut at = 0;
    while at < RULE_BOOK.len() {
        assert!(
            RULE_BOOK[at].rule as usize == at,
            "RULE_BOOK lists the rules in the order Rule declares them"
        );
        at += 1;
    }
};

impl Rule {
    /// Everything opsdeck knows about this rule.
    pub fn entry(self) -> &'static RuleEntry {
        &RULE_BOOK[self as usize]
    }

    /// The rule's id in JSON and the minutes.
    pub fn name(self) -> &'static str {
        self.entry().id
    }

    /// The rule whose id is `id`.
    pub fn from_name(id: &str) -> Option<Rule> {
        RULE_BOOK.iter().find(|e| e.id == id).map(|e| e.rule)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::words::has_chinese;

    #[test]
    fn every_rule_has_its_own_entry_in_declaration_order() {
        for (at, entry) in RULE_BOOK.iter().enumerate() {
            assert_eq!(entry.rule as usize, at, "{}", entry.id);
            assert_eq!(Rule::from_name(entry.id), Some(entry.rule));
        }
    }

    #[test]
    fn every_rule_speaks_both_languages() {
        for entry in &RULE_BOOK {
            let words = [entry.label, entry.explanation, entry.action]
                .into_iter()
                .chain(entry.checks.iter().copied());
            for text in words {
                assert!(!text.en.is_empty(), "{}", entry.id);
                assert!(has_chinese(text.zh), "{}: {:?}", entry.id, text.zh);
            }
            assert!(!entry.checks.is_empty(), "{}", entry.id);
        }
    }
}
