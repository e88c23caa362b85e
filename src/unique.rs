//! Finding repeated strings in linear time, deterministically.
//!
//! An open-addressing table of item indices, keyed by a fast fixed hash (no
//! randomness: the same input always takes the same path). A fixed hash can be
//! attacked with crafted collisions, so probing is budgeted: past the budget the
//! search falls back to sorting, which bounds the worst case at O(n log n). A list
//! already in order (as device lists are often exported) is settled first by one pass of
//! comparisons between neighbours.

use std::cmp::Ordering;

/// Lists of this size or less are compared pair by pair (no allocation).
const SMALL: usize = 16;

/// Average probes per item allowed before falling back to sorting.
const PROBE_BUDGET: usize = 8;

/// About how many items share one partition (and one cache-sized table).
const PARTITION: usize = 2048;

/// Whether two strings are equal, compared a word at a time. In the wasm build `==` on
/// strings calls a `memcmp` that goes byte by byte, and the rules compare many short
/// strings (keys against field names, values against allowed ones, list items).
pub(crate) fn same(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    let n = a.len();
    if n != b.len() {
        return false;
    }
    if n < 8 {
        // Equal lengths: packing the bytes into a number keeps them apart.
        let pack = |s: &[u8]| s.iter().fold(0u64, |w, &x| (w << 8) | u64::from(x));
        return pack(a) == pack(b);
    }
    let word = |s: &[u8], i: usize| u64::from_le_bytes(s[i..i + 8].try_into().unwrap_or([0; 8]));
    let mut i = 0;
    while i + 8 < n {
        if word(a, i) != word(b, i) {
            return false;
        }
        i += 8;
    }
    // The last word, overlapping the one before when n is not a multiple of 8.
    word(a, n - 8) == word(b, n - 8)
}

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
        let mut few: [Option<&str>; SMALL] = [None; SMALL];
        for (slot, item) in few.iter_mut().zip(items) {
            *slot = item;
        }
        let few = &few[..len];
        for (i, item) in few.iter().enumerate() {
            let Some(item) = item else { continue };
            let earlier = |e: &Option<&str>| e.is_some_and(|e| same(e, item));
            if let Some(first) = few[..i].iter().position(earlier) {
                on_repeat(i, first);
            }
        }
        return;
    }
    let items: Vec<Option<&str>> = items.collect();
    if let Some(repeats) = in_order(&items) {
        for (i, first) in repeats {
            on_repeat(i as usize, first as usize);
        }
        return;
    }
    let repeats = hashed(&items).unwrap_or_else(|| sorted(&items));
    if repeats.is_empty() {
        return;
    }
    // In index order, without sorting: the first copy of each repeat, by index.
    let mut first_of = vec![u32::MAX; items.len()];
    for (i, first) in repeats {
        if let Some(slot) = first_of.get_mut(i as usize) {
            *slot = first;
        }
    }
    for (i, &first) in first_of.iter().enumerate() {
        if first != u32::MAX {
            on_repeat(i, first as usize);
        }
    }
}

/// The repeats of a list already in order (a device list exported sorted, say): equal
/// strings are then neighbours, and one pass of comparisons finds them, in index order.
/// `None` as soon as a string is below the one before it.
fn in_order(items: &[Option<&str>]) -> Option<Vec<(u32, u32)>> {
    let mut repeats = Vec::new();
    let mut previous: Option<&[u8]> = None;
    // Where the run of the previous string began.
    let mut run = 0u32;
    for (i, item) in (0..u32::try_from(items.len()).ok()?).zip(items) {
        let Some(s) = item else { continue };
        let s = s.as_bytes();
        if let Some(p) = previous {
            match compare(p, s) {
                Ordering::Less => run = i,
                Ordering::Equal => repeats.push((i, run)),
                Ordering::Greater => return None,
            }
        } else {
            run = i;
        }
        previous = Some(s);
    }
    Some(repeats)
}

/// Byte-wise order, 8 bytes at a time.
fn compare(a: &[u8], b: &[u8]) -> Ordering {
    let word = |s: &[u8], i: usize| {
        let mut w = [0u8; 8];
        if let Some(bytes) = s.get(i..i + 8) {
            w.copy_from_slice(bytes);
        }
        u64::from_le_bytes(w)
    };
    // Words read little-endian: the lowest differing bit is in the first differing byte.
    let order = |p: u64, q: u64| {
        let at = (p ^ q).trailing_zeros() / 8 * 8;
        ((p >> at) & 0xFF).cmp(&((q >> at) & 0xFF))
    };
    let n = a.len().min(b.len());
    let mut i = 0;
    while i + 8 <= n {
        let (p, q) = (word(a, i), word(b, i));
        if p != q {
            return order(p, q);
        }
        i += 8;
    }
    if a.len() == b.len() && n >= 8 {
        // The last 8 bytes: those that overlap the words above are equal in both.
        let (p, q) = (word(a, n - 8), word(b, n - 8));
        return if p == q { Ordering::Equal } else { order(p, q) };
    }
    a.get(i..).cmp(&b.get(i..))
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

/// An open-addressing table of `(index + 1, hash)`; index 0 marks an empty slot.
struct Table {
    slots: Vec<(u32, u32)>,
    mask: usize,
}

impl Table {
    /// An empty table for `len` items, at most half full.
    fn clear_for(&mut self, len: usize) {
        let size = len.saturating_mul(2).next_power_of_two().max(2);
        self.slots.clear();
        self.slots.resize(size, (0, 0));
        self.mask = size - 1;
    }

    /// Inserts item `i` of `items` with the hash `tag`, or pushes `(i, first)` on
    /// `repeats` when an equal item `first` is there. `None` once `budget` probes are spent.
    #[inline(always)]
    fn insert(
        &mut self,
        items: &[Option<&str>],
        (i, tag): (u32, u32),
        budget: &mut usize,
        repeats: &mut Vec<(u32, u32)>,
    ) -> Option<()> {
        let mut pos = tag as usize;
        loop {
            pos &= self.mask;
            let slot = self.slots.get_mut(pos)?;
            if slot.0 == 0 {
                *slot = (i + 1, tag);
                return Some(());
            }
            let first = slot.0 - 1;
            if slot.1 == tag && items.get(first as usize) == items.get(i as usize) {
                repeats.push((i, first));
                return Some(());
            }
            *budget = budget.checked_sub(1)?;
            pos += 1;
        }
    }
}

/// The repeats, found with hash tables; `None` when probing exceeds its budget.
///
/// From twice [`PARTITION`] items on, the items are first partitioned by the top bits of their
/// hash (two sequential passes), so that each partition's table stays small enough for
/// the CPU cache: one large table would cost a cache miss per item.
fn hashed(items: &[Option<&str>]) -> Option<Vec<(u32, u32)>> {
    let n = u32::try_from(items.len()).ok()?;
    let mut budget = items.len().saturating_mul(PROBE_BUDGET);
    let mut repeats = Vec::new();
    let mut table = Table {
        slots: Vec::new(),
        mask: 0,
    };
    let part_bits = (n as usize / PARTITION)
        .next_power_of_two()
        .trailing_zeros();
    if part_bits == 0 {
        table.clear_for(items.len());
        for (i, item) in (0..n).zip(items) {
            if let Some(s) = item {
                table.insert(
                    items,
                    (i, hash(s.as_bytes()) as u32),
                    &mut budget,
                    &mut repeats,
                )?;
            }
        }
        return Some(repeats);
    }
    // The partition is the hash's top bits, the table slot its low bits.
    let part_of = |h: u32| h.checked_shr(32 - part_bits).unwrap_or(0) as usize;
    let hashes: Vec<u32> = items
        .iter()
        .map(|item| item.map_or(0, |s| hash(s.as_bytes()) as u32))
        .collect();

    // Counting sort of the item indices by partition, keeping their order.
    let mut starts = vec![0usize; (1 << part_bits) + 1];
    for (item, &h) in items.iter().zip(&hashes) {
        if item.is_some() {
            if let Some(count) = starts.get_mut(part_of(h) + 1) {
                *count += 1;
            }
        }
    }
    for q in 1..starts.len() {
        starts[q] += starts[q - 1];
    }
    let mut heads = starts.clone();
    // (index, hash): the partition loop then reads only this array and its own table,
    // both in order or in cache.
    let mut order = vec![(0u32, 0u32); starts[starts.len() - 1]];
    for (i, (item, &h)) in (0..n).zip(items.iter().zip(&hashes)) {
        if item.is_some() {
            let head = heads.get_mut(part_of(h))?;
            *order.get_mut(*head)? = (i, h);
            *head += 1;
        }
    }
    drop(hashes);

    for bounds in starts.windows(2) {
        let part = order.get(bounds[0]..bounds[1])?;
        table.clear_for(part.len());
        for &entry in part {
            table.insert(items, entry, &mut budget, &mut repeats)?;
        }
    }
    Some(repeats)
}

/// The repeats, found by sorting (the worst-case bound when hashing degrades).
fn sorted(items: &[Option<&str>]) -> Vec<(u32, u32)> {
    let mut order: Vec<(&str, u32)> = (0..)
        .zip(items)
        .filter_map(|(i, item)| item.map(|s| (s, i)))
        .collect();
    order.sort_unstable();
    let mut repeats = Vec::new();
    let mut first = 0;
    for k in 0..order.len() {
        if k == 0 || order[k].0 != order[k - 1].0 {
            first = order[k].1;
        } else {
            repeats.push((order[k].1, first));
        }
    }
    repeats
}

/// The little-endian word of the 8 bytes at `i` (there are 8).
#[inline(always)]
fn word8(bytes: &[u8], i: usize) -> u64 {
    let mut w = [0u8; 8];
    if let Some(b) = bytes.get(i..i + 8) {
        w.copy_from_slice(b);
    }
    u64::from_le_bytes(w)
}

/// The little-endian word of the 4 bytes at `i` (there are 4).
#[inline(always)]
fn word4(bytes: &[u8], i: usize) -> u64 {
    let mut w = [0u8; 4];
    if let Some(b) = bytes.get(i..i + 4) {
        w.copy_from_slice(b);
    }
    u64::from(u32::from_le_bytes(w))
}

/// A fast 64-bit hash (multiply-xorshift over 8-byte words; the last word, or the two
/// halves of a short string, read overlapping, with the length mixed in first).
fn hash(bytes: &[u8]) -> u64 {
    const K: u64 = 0x9E37_79B9_7F4A_7C15;
    let mix = |h: u64, word: u64| (h ^ word).wrapping_mul(K).rotate_left(29);
    let len = bytes.len();
    let mut h = (len as u64).wrapping_mul(K);
    let last = if len >= 8 {
        let mut i = 0;
        while i + 8 < len {
            h = mix(h, word8(bytes, i));
            i += 8;
        }
        word8(bytes, len - 8)
    } else if len >= 4 {
        word4(bytes, 0) | word4(bytes, len - 4) << 32
    } else {
        let at = |i: usize| u64::from(bytes.get(i).copied().unwrap_or(0));
        at(0) | at(len / 2) << 8 | at(len.wrapping_sub(1)) << 16
    };
    h = mix(h, last);
    // Final avalanche (from splitmix64), so low bits depend on every byte.
    h ^= h >> 30;
    h = h.wrapping_mul(0xBF58_476D_1CE4_E5B9);
    h ^= h >> 27;
    h = h.wrapping_mul(0x94D0_49BB_1331_11EB);
    h ^ (h >> 31)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn repeats(items: &[&str]) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        for_each_repeat(items.iter().map(|s| Some(*s)), |i, first| {
            out.push((i, first))
        });
        out
    }

    #[test]
    fn finds_every_later_copy_small_and_large() {
        assert_eq!(repeats(&["a", "b", "a", "a"]), [(2, 0), (3, 0)]);
        let mut many: Vec<String> = (0..100).map(|i| format!("k{i}")).collect();
        many.push("k3".into());
        many.push("k99".into());
        many.push("k3".into());
        let refs: Vec<&str> = many.iter().map(String::as_str).collect();
        assert_eq!(repeats(&refs), [(100, 3), (101, 99), (102, 3)]);
        assert!(!has_repeat(refs[..100].iter().map(|s| Some(*s))));
        let mixed = [Some("a"), None, None, Some("a")];
        let mut out = Vec::new();
        for_each_repeat(mixed.iter().copied(), |i, first| out.push((i, first)));
        assert_eq!(out, [(3, 0)]);
    }

    #[test]
    fn every_length_and_list_size_gives_the_same_repeats_as_sorting() {
        // Strings of every length up to 40 that differ in one byte only, at every place:
        // the hash reads short strings in overlapping words.
        let mut strings = Vec::new();
        for len in 0..=40usize {
            for at in 0..len.max(1) {
                let mut s = vec![b'x'; len];
                if let Some(b) = s.get_mut(at) {
                    *b = b'y';
                }
                strings.push(String::from_utf8(s).unwrap());
            }
        }
        // Around the pair-by-pair limit and the partitioning limit, with repeats and Nones.
        for n in [
            2,
            SMALL,
            SMALL + 1,
            strings.len(),
            2 * PARTITION - 1,
            2 * PARTITION + 7,
        ] {
            let items: Vec<Option<&str>> = (0..n)
                .map(|i| match i % 7 {
                    3 => None,
                    5 => Some(strings[(i * 13) % strings.len()].as_str()),
                    _ => Some(strings[i % strings.len()].as_str()),
                })
                .collect();
            let mut found = Vec::new();
            for_each_repeat(items.iter().copied(), |i, first| {
                found.push((i as u32, first as u32))
            });
            let mut expected = sorted(&items);
            expected.sort_unstable();
            assert_eq!(found, expected, "{n} items");
        }
    }

    #[test]
    fn lists_in_order_give_the_same_repeats() {
        let mut strings: Vec<String> = (0..3000).map(|i| format!("dev-{:05}", i / 3 * 2)).collect();
        strings.extend(["dev-99999".into(), "dev-99999x".into(), "e".into()]);
        let ordered: Vec<Option<&str>> = strings
            .iter()
            .enumerate()
            .map(|(i, s)| (i % 11 != 4).then_some(s.as_str()))
            .collect();
        // In order, then the same list with its last string out of order.
        let mut out_of_order = ordered.clone();
        *out_of_order.last_mut().unwrap() = Some("a");
        for items in [&ordered, &out_of_order] {
            assert_eq!(in_order(items).is_some(), std::ptr::eq(items, &ordered));
            let mut found = Vec::new();
            for_each_repeat(items.iter().copied(), |i, first| {
                found.push((i as u32, first as u32))
            });
            let mut expected = sorted(items);
            expected.sort_unstable();
            assert!(!expected.is_empty());
            assert_eq!(found, expected);
        }
        for (a, b) in [
            ("", "a"),
            ("abcdefgh", "abcdefgh"),
            ("abcdefgh1", "abcdefgh"),
            ("é", "z"),
        ] {
            assert_eq!(compare(a.as_bytes(), b.as_bytes()), a.cmp(b), "{a} {b}");
            assert_eq!(compare(b.as_bytes(), a.as_bytes()), b.cmp(a), "{b} {a}");
        }
    }

    #[test]
    fn sorting_finds_the_same_repeats_as_hashing() {
        let items: Vec<String> = (0..10_000)
            .map(|i| format!("v{}", (i * 7919) % 6131))
            .collect();
        let items: Vec<Option<&str>> = items
            .iter()
            .map(|s| Some(s.as_str()))
            .chain([None])
            .collect();
        let mut by_hash = hashed(&items).unwrap();
        assert_eq!(by_hash.len(), 10_000 - 6131);
        let mut by_sort = sorted(&items);
        by_hash.sort_unstable();
        by_sort.sort_unstable();
        assert_eq!(by_sort, by_hash);
    }

    #[test]
    fn same_is_string_equality() {
        let words = [
            "",
            "a",
            "b",
            "ab",
            "ba",
            "type",
            "tags",
            "verify",
            "upgrade",
            "partial",
            "abcdefg",
            "abcdefgh",
            "abcdefgi",
            "bbcdefgh",
            "abcdefghi",
            "abcdefghj",
            "dev-42-0-311",
            "dev-42-1-902",
            "dev-42-0-312",
            "enableUpgradeRequest",
            "enableUpgradeReqest",
            "升级任务",
            "升级任務",
            "\u{0}",
            "\u{0}\u{0}",
        ];
        for a in words {
            for b in words {
                assert_eq!(same(a, b), a == b, "{a:?} {b:?}");
            }
        }
    }
}
