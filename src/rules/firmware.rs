//! Checks against what the caller knows of the target firmware (option `firmware`).
//!
//! - `exists: false` → `firmware_not_found` (EnOS 24404), whatever the body.
//! - an upgrade job while `enableVerification: true` and `verified: false` →
//!   `firmware_not_verified` (EnOS 24610).
//!
//! (`target_version_in_scope` and the 24612 maximum live with the scope rules.)
//!
//! ```
//! use enos_ota_job::{validate_json, Code, FirmwareFacts, Options};
//! let options = Options::new().with_firmware(FirmwareFacts { exists: Some(false), ..Default::default() });
//! let report = validate_json("not json", &options);
//! assert!(report.has(Code::FirmwareNotFound));
//! ```

use crate::pointer::Path;
use crate::report::Problem;

use super::{Checker, JobKind};

pub(super) fn check(ck: &mut Checker<'_>, kind: JobKind) {
    let facts = ck.options.firmware();
    let not_found = facts.exists == Some(false);
    let not_verified = kind == JobKind::Upgrade
        && facts.enable_verification == Some(true)
        && facts.verified == Some(false);
    let root = Path::Root("");
    if not_found {
        ck.report(&root, Problem::FirmwareNotFound);
    }
    if not_verified {
        ck.report(&root, Problem::FirmwareNotVerified);
    }
}
