//! Rows summed by key in first-seen order. The hash table holds only
//! indices into the values, so a key is stored once (inside its value) and
//! a known key costs one hash and one comparison, with no allocation.
//! Reports repeat their keys in the same order (an ads report lists the same
//! products day after day, a Business Report a child ASIN's SKUs together),
//! so the value found last and the one after it are tried first, which
//! spares most lookups their cache misses. Pure: std only.

use std::hash::{Hash, Hasher};

use hashbrown::HashTable;
use rustc_hash::FxHasher;

/// Values summed by a key that each value carries, kept in the order keys first appeared.
pub struct Keyed<V> {
    table: HashTable<usize>,
    values: Vec<V>,
    /// Index of the value the last `entry` returned.
    last: usize,
}

impl<V> Keyed<V> {
    /// Room for `capacity` keys before the table grows.
    pub fn with_capacity(capacity: usize) -> Self {
        Self {
            table: HashTable::with_capacity(capacity),
            values: Vec::with_capacity(capacity),
            last: 0,
        }
    }

    /// The value with key hash `hash` for which `is_key` holds, created by `make`
    /// the first time. `hash_of_value` recomputes a stored value's key hash (with
    /// `hash_key`) when the table grows.
    pub fn entry(
        &mut self,
        hash: u64,
        is_key: impl Fn(&V) -> bool,
        hash_of_value: impl Fn(&V) -> u64,
        make: impl FnOnce() -> V,
    ) -> &mut V {
        let values = &self.values;
        let guessed = [self.last, self.last + 1]
            .into_iter()
            .find(|&at| values.get(at).is_some_and(&is_key));
        if let Some(at) = guessed {
            self.last = at;
            return &mut self.values[at];
        }
        let values = &self.values;
        let found = self
            .table
            .find(hash, |&index| is_key(&values[index]))
            .copied();
        let index = if let Some(index) = found {
            index
        } else {
            let index = self.values.len();
            self.values.push(make());
            let values = &self.values;
            self.table
                .insert_unique(hash, index, |&i| hash_of_value(&values[i]));
            index
        };
        self.last = index;
        &mut self.values[index]
    }

    /// The value with key hash `hash` for which `is_key` holds, if there is one.
    pub fn get_mut(&mut self, hash: u64, is_key: impl Fn(&V) -> bool) -> Option<&mut V> {
        let values = &self.values;
        let index = *self.table.find(hash, |&index| is_key(&values[index]))?;
        Some(&mut self.values[index])
    }

    /// The values in first-seen order.
    pub fn into_values(self) -> Vec<V> {
        self.values
    }
}

/// The hash of a key (a `&str`, or a tuple of parts) for `Keyed::entry`.
pub fn hash_key<K: Hash>(key: &K) -> u64 {
    let mut hasher = FxHasher::default();
    key.hash(&mut hasher);
    hasher.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Sums `values` by key, keys kept in first-seen order.
    fn summed(values: &[(&str, i64)]) -> Vec<(String, i64)> {
        let mut keyed: Keyed<(String, i64)> = Keyed::with_capacity(1);
        for &(key, value) in values {
            let entry = keyed.entry(
                hash_key(&key),
                |v| v.0 == key,
                |v| hash_key(&v.0.as_str()),
                || (key.to_owned(), 0),
            );
            entry.1 += value;
        }
        keyed.into_values()
    }

    #[test]
    fn sums_by_key_in_first_seen_order() {
        assert_eq!(
            summed(&[("b", 1), ("a", 2), ("b", 3), ("c", 4), ("a", 5)]),
            [
                ("b".to_owned(), 4),
                ("a".to_owned(), 7),
                ("c".to_owned(), 4)
            ]
        );
    }

    #[test]
    fn keys_repeated_in_order_are_found_where_the_last_one_was() {
        let sums: Vec<i64> = summed(&[
            ("a", 1),
            ("a", 2),
            ("b", 3),
            ("c", 4),
            ("a", 10),
            ("b", 20),
            ("c", 30),
            ("b", 100),
        ])
        .iter()
        .map(|v| v.1)
        .collect();
        assert_eq!(sums, [13, 123, 34]);
    }

    #[test]
    fn get_mut_finds_only_known_keys() {
        let mut keyed: Keyed<(String, i64)> = Keyed::with_capacity(0);
        keyed.entry(
            hash_key(&"a"),
            |v| v.0 == "a",
            |v| hash_key(&v.0.as_str()),
            || ("a".to_owned(), 1),
        );
        if let Some(value) = keyed.get_mut(hash_key(&"a"), |v| v.0 == "a") {
            value.1 += 1;
        }
        assert!(keyed.get_mut(hash_key(&"b"), |v| v.0 == "b").is_none());
        assert_eq!(keyed.into_values(), [("a".to_owned(), 2)]);
    }

    #[test]
    fn composite_keys_keep_parts_apart() {
        let mut keyed: Keyed<(String, String)> = Keyed::with_capacity(0);
        for (a, b) in [("ab", "c"), ("a", "bc"), ("ab", "c")] {
            keyed.entry(
                hash_key(&(a, b)),
                |v| v.0 == a && v.1 == b,
                |v| hash_key(&(v.0.as_str(), v.1.as_str())),
                || (a.to_owned(), b.to_owned()),
            );
        }
        assert_eq!(keyed.into_values().len(), 2);
    }
}
