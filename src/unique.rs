//! Finding repeated strings in linear time, deterministically.
//!
//! An open-addressing table of item indices, keyed by a fast fixed hash (no
//! randomness: the same input always takes the same path). A fixed hash can be
//! attacked with crafted collisions, so probing is budgeted: past the budget the
//! search falls back to sorting, which bounds the worst case at O(n log n).

/// Lists of this size or less are compared pair by pair (no allocation).
const SMALL: usize = 16;

/// Average probes per item allowed before falling back to sorting.
const PROBE_BUDGET: usize = 8;

/// About how many items share one partition (and one cache-sized table).
const PARTITION: usize = 2048;

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
    let items: Vec<Option<&str>> = items.collect();
    let repeats = hashed(&items).unwrap_or_else(|| sorted(&items));
    if repeats.is_empty() {
        return;
    }
    // In index order, without sorting: the first copy of each repeat, by index.
    let mut first_of = vec![u32::MAX; items.len()];
    for (i, first) in repeats {
        first_of[i as usize] = first;
    }
    for (i, &first) in first_of.iter().enumerate() {
        if first != u32::MAX {
            on_repeat(i, first as usize);
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

/// The repeats, found with hash tables; `None` when probing exceeds its budget.
///
/// The items are first partitioned by the top bits of their hash (two sequential
/// passes), so that each partition's table stays small enough for the CPU cache:
/// one large table would cost a cache miss per item.
fn hashed(items: &[Option<&str>]) -> Option<Vec<(u32, u32)>> {
    let n = u32::try_from(items.len()).ok()?;
    let part_bits = (n as usize / PARTITION)
        .next_power_of_two()
        .trailing_zeros();
    let part_of = |h: u64| h.checked_shr(64 - part_bits).unwrap_or(0) as usize;
    let hashes: Vec<u64> = items
        .iter()
        .map(|item| item.map_or(0, |s| hash(s.as_bytes())))
        .collect();

    // Counting sort of the item indices by partition, keeping their order.
    let mut starts = vec![0usize; (1 << part_bits) + 1];
    for (item, &h) in items.iter().zip(&hashes) {
        if item.is_some() {
            starts[part_of(h) + 1] += 1;
        }
    }
    for q in 1..starts.len() {
        starts[q] += starts[q - 1];
    }
    let mut heads = starts.clone();
    // (index, low 32 bits of the hash): the partition loop then reads only this
    // array and its own table, both in order or in cache.
    let mut order = vec![(0u32, 0u32); starts[starts.len() - 1]];
    for (i, (item, &h)) in (0..n).zip(items.iter().zip(&hashes)) {
        if item.is_some() {
            let q = part_of(h);
            order[heads[q]] = (i, h as u32);
            heads[q] += 1;
        }
    }
    drop(hashes);

    let mut budget = items.len().saturating_mul(PROBE_BUDGET);
    let mut repeats = Vec::new();
    // Each slot: (index + 1, low hash bits); index 0 marks an empty slot.
    let mut table: Vec<(u32, u32)> = Vec::new();
    for q in 0..starts.len() - 1 {
        let part = &order[starts[q]..starts[q + 1]];
        let mask = (part.len() * 2).next_power_of_two().max(2) - 1;
        table.clear();
        table.resize(mask + 1, (0, 0));
        for &(i, tag) in part {
            let mut pos = tag as usize & mask;
            loop {
                let (slot, slot_tag) = table[pos];
                if slot == 0 {
                    table[pos] = (i + 1, tag);
                    break;
                }
                let first = slot as usize - 1;
                if slot_tag == tag && items[first] == items[i as usize] {
                    repeats.push((i, slot - 1));
                    break;
                }
                budget = budget.checked_sub(1)?;
                pos = (pos + 1) & mask;
            }
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

/// A fast 64-bit hash (multiply-xorshift over 8-byte words).
fn hash(bytes: &[u8]) -> u64 {
    const K: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut h = (bytes.len() as u64).wrapping_mul(K);
    let mut chunks = bytes.chunks_exact(8);
    for chunk in &mut chunks {
        let word = u64::from_le_bytes(chunk.try_into().unwrap_or([0; 8]));
        h = (h ^ word).wrapping_mul(K).rotate_left(29);
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        let mut last = [0u8; 8];
        last[..rest.len()].copy_from_slice(rest);
        h = (h ^ u64::from_le_bytes(last))
            .wrapping_mul(K)
            .rotate_left(29);
    }
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
}
