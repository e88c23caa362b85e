//! The response envelope of the API.

use serde::{Deserialize, Serialize};

/// `{ "code", "msg", "requestId", "data": { "jobId" } }`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct ResponseEnvelope {
    /// `0` on success, else an EnOS error code.
    pub code: Option<i64>,
    /// The platform's message.
    pub msg: Option<String>,
    /// The request's trace ID.
    pub request_id: Option<String>,
    /// The result, on success.
    pub data: Option<JobCreateResult>,
}

/// `JobCreateResult`: the new job's ID.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct JobCreateResult {
    /// The job ID.
    pub job_id: String,
}
