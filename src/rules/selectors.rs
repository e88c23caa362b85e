//! The content of each selector of `upgradeScope`.
//!
//! - `deviceKeys`: non-empty array of non-empty strings; a repeat is `duplicate_value`.
//! - `attributes`: non-empty object; non-empty keys; each value a non-empty array of
//!   non-`null` JSON values.
//! - `tags`: non-empty object; non-empty keys; each value a non-empty array of
//!   non-empty strings (a repeat is `duplicate_value`).
//! - `assetTrees`: 1 to 5 `{treeId, includedNodes?}`; a repeated `treeId` is
//!   `duplicate_value`.
//!
//! ```
//! use enos_ota_job::{validate_value, Options};
//! let body = serde_json::json!({"type": "upgrade", "upgradePolicy": "snapshot",
//!     "enableUpgradeRequest": false, "upgradeScope": {"type": "partial",
//!     "versionNumbers": ["1.0"], "tags": {"site": []}}});
//! let report = validate_value(&body, &Options::new());
//! assert_eq!(report.errors[0].path, "/upgradeScope/tags/site");
//! assert_eq!(report.errors[0].code.as_str(), "empty");
//! ```

use crate::json::Node;
use crate::pointer::Path;
use crate::report::{Expected, Problem};
use crate::unique;

use super::Checker;

/// The most asset trees a scope may name.
pub(crate) const MAX_ASSET_TREES: usize = 5;

pub(super) fn check(ck: &mut Checker<'_>, selector: &str, node: &Node<'_>, path: &Path<'_>) {
    match selector {
        "deviceKeys" => {
            ck.string_list(node, path, false);
        }
        "attributes" => attributes(ck, node, path),
        "tags" => tags(ck, node, path),
        _ => asset_trees(ck, node, path),
    }
}

/// A non-empty object with non-empty keys, each value checked by `value`.
fn map(
    ck: &mut Checker<'_>,
    node: &Node<'_>,
    path: &Path<'_>,
    value: impl Fn(&mut Checker<'_>, &Node<'_>, &Path<'_>),
) {
    let Some(obj) = ck.object(node, path) else {
        return;
    };
    ck.non_empty(obj.members.is_empty(), path);
    for (key, item) in &obj.members {
        let entry = path.key(key);
        ck.non_empty(key.is_empty(), &entry);
        value(ck, item, &entry);
    }
}

/// Attribute values: a non-empty array of anything but `null`.
fn attributes(ck: &mut Checker<'_>, node: &Node<'_>, path: &Path<'_>) {
    map(ck, node, path, |ck, values, entry| {
        let Some(items) = ck.array(values, entry) else {
            return;
        };
        ck.non_empty(items.is_empty(), entry);
        for (i, item) in items.iter().enumerate() {
            if matches!(item.node, Node::Null) {
                ck.wrong_type(item, &entry.index(i), Expected::NonNull);
            }
        }
    });
}

/// Tag values: a non-empty array of non-empty strings.
fn tags(ck: &mut Checker<'_>, node: &Node<'_>, path: &Path<'_>) {
    map(ck, node, path, |ck, values, entry| {
        ck.string_list(values, entry, false);
    });
}

fn asset_trees(ck: &mut Checker<'_>, node: &Node<'_>, path: &Path<'_>) {
    let Some(items) = ck.array(node, path) else {
        return;
    };
    if ck.non_empty(items.is_empty(), path) && items.len() > MAX_ASSET_TREES {
        let (count, max) = (items.len(), MAX_ASSET_TREES);
        ck.report(path, Problem::TooMany { count, max });
    }
    let mut tree_ids = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        let item_path = path.index(i);
        tree_ids.push(asset_tree(ck, item, &item_path));
    }
    unique::for_each_repeat(tree_ids.iter().copied(), |i, first| {
        let item_path = path.index(i);
        ck.report(&item_path.key("treeId"), Problem::DuplicateValue { first });
    });
}

/// Checks one `AssetTreeScope`; returns its tree ID when valid.
fn asset_tree<'n>(ck: &mut Checker<'_>, node: &'n Node<'n>, path: &Path<'_>) -> Option<&'n str> {
    let obj = ck.object(node, path)?;
    let [tree_id, included_nodes] = ck.fields(obj, path, &["treeId", "includedNodes"]);
    let id_path = path.key("treeId");
    let id = ck
        .required(tree_id, &id_path)
        .and_then(|id| ck.text(id, &id_path));
    if let Some(nodes) = included_nodes {
        ck.string_list(nodes, &path.key("includedNodes"), true);
    }
    id
}
