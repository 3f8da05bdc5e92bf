//! Finding items by key in a list that names them in much the same order as
//! they are asked for — the weeks of a catalogue, a report's SKUs under their
//! ASINs. The item found last and the one after it are tried first; an index
//! by key is built only when both miss. Pure: std only.

use rustc_hash::FxHashMap as HashMap;

/// Positions in `items` by the key `key_of` gives each item.
pub struct OrderedLookup<'a, T> {
    items: &'a [T],
    key_of: fn(&T) -> &str,
    last: usize,
    index: Option<HashMap<&'a str, usize>>,
}

impl<'a, T> OrderedLookup<'a, T> {
    pub fn new(items: &'a [T], key_of: fn(&T) -> &str) -> Self {
        Self {
            items,
            key_of,
            last: 0,
            index: None,
        }
    }

    /// The position of the item with `key`, if there is one.
    pub fn find(&mut self, key: &str) -> Option<usize> {
        let key_of = self.key_of;
        let guessed = [self.last, self.last + 1]
            .into_iter()
            .find(|&at| self.items.get(at).is_some_and(|item| key_of(item) == key));
        let found = guessed.or_else(|| {
            let items = self.items;
            self.index
                .get_or_insert_with(|| {
                    items
                        .iter()
                        .enumerate()
                        .map(|(at, item)| (key_of(item), at))
                        .collect()
                })
                .get(key)
                .copied()
        });
        if let Some(at) = found {
            self.last = at;
        }
        found
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_keys_in_order_out_of_order_and_missing() {
        let items = ["a", "b", "c", "d"].map(str::to_owned);
        let mut lookup = OrderedLookup::new(&items, String::as_str);
        let asked = ["a", "a", "b", "c", "a", "d", "x", "d"];
        let found: Vec<Option<usize>> = asked.iter().map(|key| lookup.find(key)).collect();
        assert_eq!(
            found,
            [
                Some(0),
                Some(0),
                Some(1),
                Some(2),
                Some(0),
                Some(3),
                None,
                Some(3)
            ]
        );
    }
}
