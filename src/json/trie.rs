//! The tree of wanted locations that the locator follows through the text.

use std::borrow::Cow;

use super::locate::{tokens as tokens_of, ByteSpan};
use super::locate_text::Target;

/// The wanted locations as a tree: node 0 is the root, each other node a member or item
/// of its parent. Built from the targets sorted by their tokens, so that each node's
/// children come out in order and targets with a common prefix share its nodes.
pub(super) struct Trie<'p> {
    /// Per node, its children's range in `children` and in `indexes`.
    nodes: Vec<(ByteSpan, ByteSpan)>,
    /// `(token, node)` of every child, grouped by parent, in token order.
    children: Vec<(Cow<'p, str>, usize)>,
    /// `(index, node)` of every child whose token is an array index (`0`, `17`, not
    /// `017`), grouped by parent, in index order.
    indexes: Vec<(usize, usize)>,
}

impl Trie<'_> {
    pub(super) fn wants_members(&self, node: usize) -> bool {
        self.nodes.get(node).is_some_and(|&((a, b), _)| a < b)
    }

    pub(super) fn child(&self, node: usize, key: &str) -> Option<usize> {
        let &((a, b), _) = self.nodes.get(node)?;
        let children = self.children.get(a..b)?;
        if children.len() <= 8 {
            children
                .iter()
                .find(|(token, _)| token.len() == key.len() && token.as_ref() == key)
                .map(|&(_, child)| child)
        } else {
            let at = children.binary_search_by(|(token, _)| token.as_ref().cmp(key));
            at.ok().map(|i| children[i].1)
        }
    }

    pub(super) fn indexes(&self, node: usize) -> &[(usize, usize)] {
        let Some(&(_, (a, b))) = self.nodes.get(node) else {
            return &[];
        };
        self.indexes.get(a..b).unwrap_or_default()
    }
}

/// The value of a canonical array index token.
fn index_of(token: &str) -> Option<usize> {
    let canonical = token == "0" || (!token.starts_with('0') && !token.is_empty());
    if canonical && token.bytes().all(|b| b.is_ascii_digit()) {
        token.parse().ok()
    } else {
        None
    }
}

/// The trie of `targets`, and each target's path (its nodes, root excluded) as a range
/// of the second vector.
pub(super) fn build<'p>(targets: &[Target<'p>]) -> (Trie<'p>, Vec<ByteSpan>, Vec<usize>) {
    let mut tokens: Vec<Cow<'p, str>> = Vec::new();
    let mut ranges: Vec<ByteSpan> = Vec::with_capacity(targets.len());
    for target in targets {
        let start = tokens.len();
        tokens.extend(tokens_of(target.pointer));
        ranges.push((start, tokens.len()));
    }
    let of = |t: usize| &tokens[ranges[t].0..ranges[t].1];
    let mut order: Vec<usize> = (0..targets.len()).collect();
    order.sort_unstable_by(|&a, &b| of(a).cmp(of(b)).then(a.cmp(&b)));

    // (parent, child, token index): children are numbered in the order they are made,
    // which is their tokens' order. (Every sort here is of such triples, in their
    // natural order: one sort in the wasm, not one per key.)
    let mut edges: Vec<(usize, usize, usize)> = Vec::new();
    let mut nodes = 1;
    let mut paths = vec![(0, 0); targets.len()];
    let mut path_nodes: Vec<usize> = Vec::with_capacity(tokens.len());
    let mut previous: Option<usize> = None;
    for t in order {
        let mine = of(t);
        let shared = previous.map_or(0, |p| {
            let theirs = of(p);
            mine.iter().zip(theirs).take_while(|(a, b)| a == b).count()
        });
        let start = path_nodes.len();
        if let Some(p) = previous {
            let (a, _) = paths[p];
            path_nodes.extend_from_within(a..a + shared);
        }
        let mut parent = path_nodes
            .last()
            .filter(|_| shared > 0)
            .copied()
            .unwrap_or(0);
        for k in shared..mine.len() {
            edges.push((parent, nodes, ranges[t].0 + k));
            path_nodes.push(nodes);
            parent = nodes;
            nodes += 1;
        }
        paths[t] = (start, path_nodes.len());
        previous = Some(t);
    }

    // Children grouped by parent, in token order.
    edges.sort_unstable();
    let mut index_edges: Vec<(usize, usize, usize)> = edges
        .iter()
        .filter_map(|&(parent, child, token)| Some((parent, index_of(&tokens[token])?, child)))
        .collect();
    index_edges.sort_unstable();
    let mut ranges_of = vec![((0, 0), (0, 0)); nodes];
    let mut k = 0;
    for (node, (members, items)) in ranges_of.iter_mut().enumerate() {
        let start = k;
        while edges.get(k).is_some_and(|e| e.0 == node) {
            k += 1;
        }
        *members = (start, k);
        let first = index_edges.partition_point(|e| e.0 < node);
        *items = (first, index_edges.partition_point(|e| e.0 <= node));
    }
    let trie = Trie {
        nodes: ranges_of,
        children: edges
            .iter()
            .map(|&(_, child, token)| (tokens[token].clone(), child))
            .collect(),
        indexes: index_edges
            .iter()
            .map(|&(_, i, child)| (i, child))
            .collect(),
    };
    (trie, paths, path_nodes)
}
