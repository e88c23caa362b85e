//! `UpgradeScope`: which devices a job reaches.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::Value;

/// `total` or `partial`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ScopeType {
    /// Every device on one of `versionNumbers`.
    Total,
    /// The devices of one selector, among those on `versionNumbers`.
    Partial,
}

/// The devices and versions of a job.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct UpgradeScope {
    /// `total` or `partial`.
    #[serde(rename = "type")]
    pub scope_type: ScopeType,
    /// The versions to upgrade from; non-empty.
    pub version_numbers: Vec<String>,
    /// Selector: devices by key.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub device_keys: Option<Vec<String>>,
    /// Selector: devices by attribute values (any JSON value but `null`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attributes: Option<BTreeMap<String, Vec<Value>>>,
    /// Selector: devices by tag values.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tags: Option<BTreeMap<String, Vec<String>>>,
    /// Selector: devices in 1 to 5 asset trees.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub asset_trees: Option<Vec<AssetTreeScope>>,
}

impl UpgradeScope {
    /// Scope `total` over these versions.
    pub fn total<S: Into<String>>(versions: impl IntoIterator<Item = S>) -> UpgradeScope {
        UpgradeScope {
            scope_type: ScopeType::Total,
            version_numbers: versions.into_iter().map(Into::into).collect(),
            device_keys: None,
            attributes: None,
            tags: None,
            asset_trees: None,
        }
    }

    /// Scope `partial` over these versions, selecting these device keys.
    pub fn device_keys<S: Into<String>, K: Into<String>>(
        versions: impl IntoIterator<Item = S>,
        keys: impl IntoIterator<Item = K>,
    ) -> UpgradeScope {
        UpgradeScope {
            scope_type: ScopeType::Partial,
            device_keys: Some(keys.into_iter().map(Into::into).collect()),
            ..UpgradeScope::total(versions)
        }
    }
}

/// An asset tree, whole or limited to some nodes (and their children).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AssetTreeScope {
    /// The tree's ID.
    pub tree_id: String,
    /// Asset IDs of nodes; absent or empty means the whole tree.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub included_nodes: Option<Vec<String>>,
}
