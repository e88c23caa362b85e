//! Near misses: which known name or value a slip of the keyboard was meant to be.

/// The one candidate equal to `given` ignoring case, or else the one within a
/// Damerau-Levenshtein distance of 2 (1 for names of three letters or fewer);
/// `None` when there is no such candidate or more than one.
pub(crate) fn near<'c>(given: &str, candidates: &[&'c str]) -> Option<&'c str> {
    let mut same_case = candidates
        .iter()
        .filter(|c| c.eq_ignore_ascii_case(given) && **c != given);
    if let (Some(c), None) = (same_case.next(), same_case.next()) {
        return Some(c);
    }
    let given_chars: Vec<char> = given.chars().collect();
    let mut found = None;
    for &c in candidates {
        let limit = if c.chars().count() <= 3 { 1 } else { 2 };
        let candidate: Vec<char> = c.chars().collect();
        if given_chars.len().abs_diff(candidate.len()) > limit {
            continue;
        }
        let d = distance(&lower(&given_chars), &lower(&candidate));
        if d <= limit && c != given {
            if found.is_some() {
                return None;
            }
            found = Some(c);
        }
    }
    found
}

fn lower(chars: &[char]) -> Vec<char> {
    chars.iter().map(char::to_ascii_lowercase).collect()
}

/// The optimal-string-alignment distance: insertions, deletions, substitutions and
/// transpositions of neighbours, each costing 1.
fn distance(a: &[char], b: &[char]) -> usize {
    let w = b.len() + 1;
    let mut d = vec![0usize; (a.len() + 1) * w];
    for i in 0..=a.len() {
        d[i * w] = i;
    }
    for (j, cell) in d.iter_mut().enumerate().take(w) {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
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
        assert_eq!(distance(&['a', 'b'], &['b', 'a']), 1);
    }
}
