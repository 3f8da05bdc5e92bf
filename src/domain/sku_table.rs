//! The SKU table's figures, declared once: the order text tables print
//! them in, and how long each stays on a narrowing screen (the cockpit
//! shows them most important first and drops them from the end).

use super::metric::Metric;

/// Each figure of the SKU table in printed order, with its importance
/// (1 stays on screen longest).
const FIGURES: [(Metric, usize); 9] = [
    (Metric::Sales, 1),
    (Metric::Units, 6),
    (Metric::Sessions, 8),
    (Metric::Conversion, 2),
    (Metric::Acos, 3),
    (Metric::Tacos, 7),
    (Metric::DaysOfSupply, 4),
    (Metric::ReturnRate, 5),
    (Metric::Bsr, 9),
];

/// The figures in the order text tables print them.
pub const PRINTED: [Metric; FIGURES.len()] = {
    let mut out = [Metric::Sales; FIGURES.len()];
    let mut at = 0;
    while at < FIGURES.len() {
        out[at] = FIGURES[at].0;
        at += 1;
    }
    out
};

/// The figures most important first: the cockpit's columns.
pub const BY_IMPORTANCE: [Metric; FIGURES.len()] = {
    let mut out = [Metric::Sales; FIGURES.len()];
    let mut placed = 0;
    while placed < FIGURES.len() {
        let mut at = 0;
        let mut found = false;
        while at < FIGURES.len() {
            if FIGURES[at].1 == placed + 1 {
                out[placed] = FIGURES[at].0;
                found = true;
            }
            at += 1;
        }
        assert!(
            found,
            "each importance from 1 to the number of figures, once"
        );
        placed += 1;
    }
    out
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_orders_hold_the_same_figures() {
        let mut printed = PRINTED.to_vec();
        let mut ranked = BY_IMPORTANCE.to_vec();
        printed.sort_by_key(|m| m.name());
        ranked.sort_by_key(|m| m.name());
        assert_eq!(printed, ranked);
        assert_eq!(
            BY_IMPORTANCE[..3],
            [Metric::Sales, Metric::Conversion, Metric::Acos]
        );
    }
}
