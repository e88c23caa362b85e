//! `name` (StringI18n): `defaultValue` is required and non-empty; `i18nValue` maps
//! non-empty locale names to non-empty strings (not checked against a locale list).
//!
//! ```
//! use enos_ota_job::{validate_value, Options};
//! let body = serde_json::json!({"type": "verify", "name": {"defaultValue": ""},
//!     "upgradeScope": {"type": "partial", "versionNumbers": ["1.0"], "deviceKeys": ["d1"]}});
//! let report = validate_value(&body, &Options::new());
//! assert_eq!(report.errors[0].path, "/name/defaultValue");
//! assert_eq!(report.errors[0].code.as_str(), "empty");
//! ```

use crate::json::Node;
use crate::pointer::Path;

use super::Checker;

pub(super) fn check(ck: &mut Checker<'_>, node: &Node<'_>, path: &Path<'_>) {
    let Some(obj) = ck.object(node, path) else {
        return;
    };
    let [default_value, i18n_value] = ck.fields(obj, path, &["defaultValue", "i18nValue"]);
    let default_path = path.key("defaultValue");
    if let Some(value) = ck.required(default_value, &default_path) {
        ck.text(value, &default_path);
    }
    let i18n_path = path.key("i18nValue");
    let Some(map) = i18n_value.and_then(|v| ck.object(v, &i18n_path)) else {
        return;
    };
    for (locale, text) in &map.members {
        let entry = i18n_path.key(locale);
        ck.non_empty(locale.is_empty(), &entry);
        ck.text(text, &entry);
    }
}
