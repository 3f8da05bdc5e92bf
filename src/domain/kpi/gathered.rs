//! The inputs of one week's KPIs, gathered by SKU key from every report of
//! the week in the order keys first appear. Pure: std only.

use crate::domain::facts::{AdFigures, SkuCost, SkuPlanning};
use crate::domain::keyed::{Keyed, hash_key};

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
    /// Named by another report but not by the present sales report.
    pub(super) absent_from_sales: bool,
}

/// Inputs by SKU key, in the order keys first appeared.
pub(super) struct Gathered<'a>(Keyed<(&'a str, Inputs<'a>)>);

impl<'a> Gathered<'a> {
    pub(super) fn with_capacity(capacity: usize) -> Self {
        Self(Keyed::with_capacity(capacity))
    }

    /// The inputs of `key`, empty the first time it is named.
    pub(super) fn slot(&mut self, key: &'a str) -> &mut Inputs<'a> {
        let (_, inputs) = self.0.entry(
            hash_key(&key),
            |(known, _)| *known == key,
            |(known, _)| hash_key(known),
            || (key, Inputs::default()),
        );
        inputs
    }

    /// The inputs of `key`, if it was named.
    pub(super) fn get_mut(&mut self, key: &str) -> Option<&mut Inputs<'a>> {
        self.0
            .get_mut(hash_key(&key), |(known, _)| *known == key)
            .map(|(_, inputs)| inputs)
    }

    /// Every key's inputs, in the order keys first appeared.
    pub(super) fn into_inputs(self) -> Vec<(&'a str, Inputs<'a>)> {
        self.0.into_values()
    }
}
