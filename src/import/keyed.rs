//! Rows summed by key in first-seen order, with a fast hasher and no
//! allocation when a key is already known.

use rustc_hash::FxHashMap;

/// Values summed by a text key, kept in the order keys first appeared.
pub struct Keyed<V> {
    index: FxHashMap<Box<str>, usize>,
    values: Vec<V>,
}

impl<V> Default for Keyed<V> {
    fn default() -> Self {
        Self {
            index: FxHashMap::default(),
            values: Vec::new(),
        }
    }
}

impl<V> Keyed<V> {
    /// The value for `key`, created by `make` the first time the key is seen.
    pub fn entry(&mut self, key: &str, make: impl FnOnce() -> V) -> &mut V {
        let index = if let Some(&index) = self.index.get(key) {
            index
        } else {
            self.values.push(make());
            self.index.insert(key.into(), self.values.len() - 1);
            self.values.len() - 1
        };
        &mut self.values[index]
    }

    /// The values in first-seen order.
    pub fn into_values(self) -> Vec<V> {
        self.values
    }
}

/// Joins key parts with a separator no report field contains.
pub fn composite_key(buffer: &mut String, parts: &[&str]) -> usize {
    buffer.clear();
    for (i, part) in parts.iter().enumerate() {
        if i > 0 {
            buffer.push('\u{1F}');
        }
        buffer.push_str(part);
    }
    buffer.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sums_by_key_in_first_seen_order() {
        let mut keyed: Keyed<i64> = Keyed::default();
        for (key, value) in [("b", 1), ("a", 2), ("b", 3)] {
            *keyed.entry(key, || 0) += value;
        }
        assert_eq!(keyed.into_values(), [4, 2]);
    }

    #[test]
    fn composite_keys_keep_parts_apart() {
        let mut a = String::new();
        let mut b = String::new();
        composite_key(&mut a, &["ab", "c"]);
        composite_key(&mut b, &["a", "bc"]);
        assert_ne!(a, b);
    }
}
