//! The selected row of each view, kept while the facilitator moves between
//! views, and indexed by the view itself.

use std::ops::{Index, IndexMut};

use super::action::View;

/// The selected row of every view.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Selections([usize; View::ALL.len()]);

impl Index<View> for Selections {
    type Output = usize;

    fn index(&self, view: View) -> &usize {
        &self.0[view.index()]
    }
}

impl IndexMut<View> for Selections {
    fn index_mut(&mut self, view: View) -> &mut usize {
        &mut self.0[view.index()]
    }
}
