//! The inputs of one week's KPIs, gathered by SKU key from every report of
//! the week in the order keys first appear. Pure: std only.

use std::hash::{Hash, Hasher};

use hashbrown::HashTable;
use rustc_hash::FxHasher;

use crate::domain::facts::{AdFigures, SkuCost, SkuPlanning};

use super::SkuIdentity;

/// Per-SKU inputs gathered from every report of the week.
#[derive(Default)]
pub(super) struct Inputs<'a> {
    pub(super) identity: Option<SkuIdentity<'a>>,
    pub(super) units: Option<f64>,
    pub(super) sales: Option<f64>,
    pub(super) orders: Option<f64>,
    pub(super) listing: Option<usize>,
    pub(super) ads: Option<AdFigures>,
    pub(super) stock: Option<(f64, f64)>,
    pub(super) planning: Option<&'a SkuPlanning>,
    pub(super) returned: f64,
    pub(super) cost: Option<&'a SkuCost>,
}

/// Inputs by SKU key, in the order keys first appeared. The table holds
/// positions only; reports name SKUs in much the same order, so the key after
/// the last one found is tried before the table.
pub(super) struct Gathered<'a> {
    table: HashTable<usize>,
    keys: Vec<&'a str>,
    pub(super) inputs: Vec<Inputs<'a>>,
    last: usize,
}

impl<'a> Gathered<'a> {
    pub(super) fn with_capacity(capacity: usize) -> Self {
        Self {
            table: HashTable::with_capacity(capacity),
            keys: Vec::with_capacity(capacity),
            inputs: Vec::with_capacity(capacity),
            last: 0,
        }
    }

    pub(super) fn slot(&mut self, key: &'a str) -> &mut Inputs<'a> {
        let guess = self.last + 1;
        let at = if self.keys.get(guess) == Some(&key) {
            guess
        } else {
            let hash = hash_of(key);
            let keys = &self.keys;
            if let Some(&at) = self.table.find(hash, |&i| keys[i] == key) {
                at
            } else {
                let at = self.keys.len();
                self.keys.push(key);
                self.inputs.push(Inputs::default());
                let keys = &self.keys;
                self.table.insert_unique(hash, at, |&i| hash_of(keys[i]));
                at
            }
        };
        self.last = at;
        &mut self.inputs[at]
    }

    /// The position of `key`, if gathered.
    pub(super) fn position(&self, key: &str) -> Option<usize> {
        self.table
            .find(hash_of(key), |&i| self.keys[i] == key)
            .copied()
    }
}

fn hash_of(key: &str) -> u64 {
    let mut hasher = FxHasher::default();
    key.hash(&mut hasher);
    hasher.finish()
}
