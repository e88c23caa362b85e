//! `duplicate_key`: a JSON object repeats a key (one per repeat, at the
//! repeated member). The rules then read the last copy, as JavaScript does.
//!
//! ```
//! use enos_ota_job::{validate_json, Options};
//! let text = r#"{"type": "verify", "type": "verify", "upgradeScope":
//!     {"type": "partial", "versionNumbers": ["1"], "deviceKeys": ["d"], "deviceKeys": ["e"]}}"#;
//! let report = validate_json(text, &Options::new());
//! let found: Vec<_> = report.errors.iter().map(|e| (e.path.as_str(), e.code.as_str())).collect();
//! assert_eq!(found, [("/type", "duplicate_key"), ("/upgradeScope/deviceKeys", "duplicate_key")]);
//! ```

use crate::json::Node;
use crate::pointer::Path;
use crate::unique;

use super::Checker;

pub(super) fn check(ck: &mut Checker<'_>, node: &Node<'_>, path: &Path<'_>) {
    match node {
        Node::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                if matches!(item.node, Node::Array(_) | Node::Object(_)) {
                    check(ck, item, &path.index(i));
                }
            }
        }
        Node::Object(obj) => {
            if obj.has_duplicates {
                let keys = obj.members.iter().map(|(k, _)| Some(k.as_ref()));
                unique::for_each_repeat(keys, |i, _| {
                    let (key, value) = &obj.members[i];
                    ck.report_repeat(path, key, value.start);
                });
            }
            for (key, value) in &obj.members {
                check(ck, value, &path.key(key));
            }
        }
        _ => {}
    }
}
