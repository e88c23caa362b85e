//! The typed model of the Create OTA Job request and response.
//!
//! Every type serializes to the exact JSON field names of the API. Optional fields
//! that are `None` are left out, so a job built in code serializes to the smallest
//! body that means it.

mod job;
mod policy;
mod request;
mod response;
mod scope;

pub use job::{OtaJob, StringI18n, UpgradeJob, UpgradePolicy, VerifyJob};
pub use policy::{RetryPolicy, SchedulePolicy};
pub use request::{CreateOtaJob, HttpRequest, CONTENT_TYPE, PATH};
pub use response::{JobCreateResult, ResponseEnvelope};
pub use scope::{AssetTreeScope, ScopeType, UpgradeScope};
