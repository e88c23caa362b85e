//! Near misses: which known name or value a slip of the keyboard was meant to be.

/// The longest name compared: the known names are far shorter, and a longer given name
/// cannot be within 2 edits of one.
const MAX: usize = 48;

/// The one candidate equal to `given` ignoring case, or else the one within a
/// Damerau-Levenshtein distance of 2 (1 for names of three letters or fewer);
/// `None` when there is no such candidate or more than one.
///
/// It runs on every unknown field and value (and again when a fix is checked), so it
/// allocates nothing: both names are read into lowercase buffers on the stack.
pub(crate) fn near<'c>(given: &str, candidates: &[&'c str]) -> Option<&'c str> {
    let mut same_case = candidates
        .iter()
        .filter(|c| c.eq_ignore_ascii_case(given) && **c != given);
    if let (Some(c), None) = (same_case.next(), same_case.next()) {
        return Some(c);
    }
    // The candidates are the crate's names and values, all ASCII: an ASCII given name is
    // compared byte by byte, any other by characters.
    if given.is_ascii() {
        let mut a = [0u8; MAX];
        let a = lower_into(given.bytes(), &mut a)?;
        let mask = letters(a);
        // A candidate that lacks more of the given name's letters than the edits allowed,
        // or has more the given name lacks, is not near: each edit but a transposition
        // takes one letter out or puts one in.
        nearest(a, candidates, given, |c, buf| {
            let b = lower_into(c.bytes(), buf)?;
            let other = letters(b);
            let limit = if c.len() <= 3 { 1 } else { 2 };
            let apart = (mask & !other)
                .count_ones()
                .max((other & !mask).count_ones());
            (apart <= limit).then_some(b)
        })
    } else {
        let mut a = ['\0'; MAX];
        let a = lower_into(given.chars(), &mut a)?;
        nearest(a, candidates, given, |c, buf| lower_into(c.chars(), buf))
    }
}

/// The one candidate within the limit of `a` (`given`, read by `read`).
fn nearest<'c, T: Copy + Default + PartialEq>(
    a: &[T],
    candidates: &[&'c str],
    given: &str,
    read: impl for<'b> Fn(&str, &'b mut [T; MAX]) -> Option<&'b [T]>,
) -> Option<&'c str> {
    let mut found = None;
    for &c in candidates {
        // The candidates are ASCII: a byte is a character.
        debug_assert!(c.is_ascii(), "{c}");
        let c_len = c.len();
        let limit = if c_len <= 3 { 1 } else { 2 };
        if a.len().abs_diff(c_len) > limit || c == given {
            continue;
        }
        let mut b = [T::default(); MAX];
        let Some(b) = read(c, &mut b) else {
            continue;
        };
        if distance(a, b, limit) <= limit {
            if found.is_some() {
                return None;
            }
            found = Some(c);
        }
    }
    found
}

/// Which bytes `bytes` holds, each as bit `byte % 64`: a byte one has and the other lacks
/// sets a bit the other's set lacks, unless another byte of it shares the bit.
fn letters(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0, |m, &b| m | 1 << (b % 64))
}

/// What [`lower_into`] lowercases: bytes or characters.
trait Lower: Copy {
    fn lower(self) -> Self;
}

impl Lower for u8 {
    fn lower(self) -> u8 {
        self.to_ascii_lowercase()
    }
}

impl Lower for char {
    fn lower(self) -> char {
        self.to_ascii_lowercase()
    }
}

/// `items` in ASCII lowercase, in `buf`; `None` when there are more than [`MAX`].
fn lower_into<T: Lower>(items: impl Iterator<Item = T>, buf: &mut [T; MAX]) -> Option<&[T]> {
    let mut n = 0;
    for item in items {
        *buf.get_mut(n)? = item.lower();
        n += 1;
    }
    Some(&buf[..n])
}

/// The widest band [`distance`] computes: the cells within 2 of the diagonal, and one
/// beyond, which stays out of reach.
const BAND: usize = 6;

/// The optimal-string-alignment distance (insertions, deletions, substitutions and
/// transpositions of neighbours, each costing 1) when it is at most `limit` (2 at most),
/// else `limit + 1`. Only the cells within `limit` of the diagonal can be that low, so
/// only they are computed: cell `(i, j)` lives at `rows[i % 3][j + limit - i]`, three
/// rolling rows of a few bytes on the stack. A common prefix and suffix change no
/// distance and are left out first: a typo usually leaves one or two cells to compute.
fn distance<T: PartialEq>(a: &[T], b: &[T], limit: usize) -> usize {
    if limit > 2 || a.len() > MAX || b.len() > MAX || a.len().abs_diff(b.len()) > limit {
        return limit + 1;
    }
    let prefix = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let (a, b) = (&a[prefix..], &b[prefix..]);
    let suffix = a
        .iter()
        .rev()
        .zip(b.iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    let (a, b) = (&a[..a.len() - suffix], &b[..b.len() - suffix]);
    // Both fit in u8: limit <= 2.
    let far = limit as u8 + 1;
    let mut rows = [[far; BAND]; 3];
    for (j, cell) in (0u8..).zip(&mut rows[0][limit..=limit + limit.min(b.len())]) {
        *cell = j;
    }
    for i in 1..=a.len() {
        let [r0, r1, r2] = &mut rows;
        let (two_up, prev, cur) = match i % 3 {
            0 => (&*r1, &*r2, r0),
            1 => (&*r2, &*r0, r1),
            _ => (&*r0, &*r1, r2),
        };
        *cur = [far; BAND];
        let mut row_min = far;
        for j in i.saturating_sub(limit)..=(i + limit).min(b.len()) {
            let d = j + limit - i;
            let cell = if j == 0 {
                // The first column: i deletions (i <= limit here).
                i as u8
            } else {
                let cost = u8::from(a[i - 1] != b[j - 1]);
                let left = if d > 0 { cur[d - 1] } else { far };
                let mut best = (prev[d + 1] + 1).min(left + 1).min(prev[d] + cost);
                if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                    best = best.min(two_up[d] + 1);
                }
                best.min(far)
            };
            cur[d] = cell;
            row_min = row_min.min(cell);
        }
        if row_min >= far {
            return limit + 1;
        }
    }
    usize::from(rows[a.len() % 3][b.len() + limit - a.len()])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_one_near_name() {
        let scope = [
            "type",
            "versionNumbers",
            "deviceKeys",
            "attributes",
            "tags",
            "assetTrees",
        ];
        assert_eq!(near("devicekeys", &scope), Some("deviceKeys"));
        assert_eq!(near("versionNumber", &scope), Some("versionNumbers"));
        assert_eq!(near("deviceKyes", &scope), Some("deviceKeys"));
        assert_eq!(near("tag", &scope), Some("tags"));
        assert_eq!(near("colour", &scope), None);
        assert_eq!(
            near("includedNotes", &["treeId", "includedNodes"]),
            Some("includedNodes")
        );
        assert_eq!(
            near("upgradeTimeOut", &["upgradeTimeout", "upgradeScope"]),
            Some("upgradeTimeout")
        );
        assert_eq!(
            near("Snapshot", &["snapshot", "incremental"]),
            Some("snapshot")
        );
        assert_eq!(
            near("snapshop", &["snapshot", "incremental"]),
            Some("snapshot")
        );
        // Two candidates at the same distance: no suggestion.
        assert_eq!(near("tbgs", &["tags", "tugs"]), None);
        assert_eq!(distance(&['a', 'b'], &['b', 'a'], 2), 1);
        assert_eq!(distance(&['a', 'b', 'c'], &['x', 'y', 'z'], 1), 2);
        assert_eq!(near(&"x".repeat(200), &scope), None);
        // A name that is not ASCII is compared by characters.
        assert_eq!(near("tagś", &scope), Some("tags"));
        assert_eq!(near("設備Keys", &scope), None);
    }

    /// The full-matrix distance, to hold the banded one to.
    fn plain(a: &[char], b: &[char]) -> usize {
        let w = b.len() + 1;
        let mut d: Vec<usize> = (0..(a.len() + 1) * w)
            .map(|k| if k < w { k } else { 0 })
            .collect();
        for i in 1..=a.len() {
            d[i * w] = i;
            for j in 1..w {
                let cost = usize::from(a[i - 1] != b[j - 1]);
                let mut best = (d[(i - 1) * w + j] + 1)
                    .min(d[i * w + j - 1] + 1)
                    .min(d[(i - 1) * w + j - 1] + cost);
                if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                    best = best.min(d[(i - 2) * w + j - 2] + 1);
                }
                d[i * w + j] = best;
            }
        }
        d[a.len() * w + b.len()]
    }

    #[test]
    fn the_letter_sets_turn_away_no_near_candidate() {
        // Every candidate within the limit by the full matrix, letters or not in common.
        let words = [
            "tags", "gats", "tag", "ta", "sgat", "abcd", "dcba", "xagsy", "Tags", "TAGZ",
        ];
        for given in words {
            for c in words {
                let (a, b): (Vec<char>, Vec<char>) = (
                    given.to_ascii_lowercase().chars().collect(),
                    c.to_ascii_lowercase().chars().collect(),
                );
                let limit = if c.len() <= 3 { 1 } else { 2 };
                let within = plain(&a, &b) <= limit && c != given;
                assert_eq!(near(given, &[c]).is_some(), within, "{given} {c}");
            }
        }
    }

    #[test]
    fn the_band_agrees_with_the_full_matrix() {
        // Every pair of words up to 5 letters over {a, b, c}, at both limits.
        let mut words: Vec<Vec<char>> = vec![Vec::new()];
        for len in 1..=5 {
            let mut next = Vec::new();
            for w in words.iter().filter(|w| w.len() == len - 1) {
                for c in ['a', 'b', 'c'] {
                    let mut v = w.clone();
                    v.push(c);
                    next.push(v);
                }
            }
            words.extend(next);
        }
        for a in &words {
            for b in &words {
                let exact = plain(a, b);
                for limit in [1, 2] {
                    let banded = distance(a, b, limit);
                    if exact <= limit {
                        assert_eq!(banded, exact, "{a:?} {b:?} limit {limit}");
                    } else {
                        assert_eq!(banded, limit + 1, "{a:?} {b:?} limit {limit}");
                    }
                }
            }
        }
    }
}
