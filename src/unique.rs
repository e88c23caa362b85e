//! Finding repeated strings in linear time, deterministically.
//!
//! The hasher is SipHash-1-3 with fixed keys (`DefaultHasher::new()`): no randomness,
//! so the same input always takes the same path, and still a keyed hash that does
//! not collide on ordinary inputs the way a multiply-shift hash can.

use std::collections::hash_map::{DefaultHasher, Entry, HashMap};
use std::hash::BuildHasherDefault;

type Fixed = BuildHasherDefault<DefaultHasher>;

/// Lists of this size or less are compared pair by pair (no allocation).
const SMALL: usize = 16;

/// Calls `on_repeat(index, first_index)` for every item equal to an earlier one,
/// in order. `first_index` is where the value first appeared. `None` items (values
/// of another type) take their index but never match.
pub(crate) fn for_each_repeat<'a, I>(items: I, mut on_repeat: impl FnMut(usize, usize))
where
    I: ExactSizeIterator<Item = Option<&'a str>> + Clone,
{
    let len = items.len();
    if len < 2 {
        return;
    }
    if len <= SMALL {
        for (i, item) in items.clone().enumerate() {
            let Some(item) = item else { continue };
            if let Some(first) = items.clone().take(i).position(|prev| prev == Some(item)) {
                on_repeat(i, first);
            }
        }
        return;
    }
    let mut seen: HashMap<&str, usize, Fixed> =
        HashMap::with_capacity_and_hasher(len, Fixed::default());
    for (i, item) in items.enumerate() {
        let Some(item) = item else { continue };
        match seen.entry(item) {
            Entry::Occupied(first) => on_repeat(i, *first.get()),
            Entry::Vacant(slot) => {
                slot.insert(i);
            }
        }
    }
}

/// Whether some item equals an earlier one.
pub(crate) fn has_repeat<'a, I>(items: I) -> bool
where
    I: ExactSizeIterator<Item = Option<&'a str>> + Clone,
{
    let mut found = false;
    for_each_repeat(items, |_, _| found = true);
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn repeats(items: &[&str]) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        for_each_repeat(items.iter().map(|s| Some(*s)), |i, first| out.push((i, first)));
        out
    }

    #[test]
    fn finds_every_later_copy_small_and_large() {
        assert_eq!(repeats(&["a", "b", "a", "a"]), [(2, 0), (3, 0)]);
        let mut many: Vec<String> = (0..100).map(|i| format!("k{i}")).collect();
        many.push("k3".into());
        many.push("k99".into());
        let refs: Vec<&str> = many.iter().map(String::as_str).collect();
        assert_eq!(repeats(&refs), [(100, 3), (101, 99)]);
        assert!(!has_repeat(refs[..100].iter().map(|s| Some(*s))));
        let mixed = [Some("a"), None, None, Some("a")];
        let mut out = Vec::new();
        for_each_repeat(mixed.iter().copied(), |i, first| out.push((i, first)));
        assert_eq!(out, [(3, 0)]);
    }
}
