//! The HTTP request of Create OTA Job, and a typed builder for it.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::OtaJob;

/// The API's path, below the gateway's origin.
pub const PATH: &str = "/connect-service/v2.1/ota-jobs";

/// The `Content-Type` of the body.
pub const CONTENT_TYPE: &str = "application/json;charset=UTF-8";

/// A request ready to send: method, URL, headers and body text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HttpRequest {
    /// Always `POST`.
    pub method: String,
    /// `https://{apigw-address}/connect-service/v2.1/ota-jobs?action=create&orgId=..&firmwareId=..`,
    /// or the path and query alone when no gateway address was given.
    pub url: String,
    /// `{"Content-Type": "application/json;charset=UTF-8"}`.
    pub headers: BTreeMap<String, String>,
    /// The JSON text of the body as given (not normalized).
    pub body: String,
}

/// A typed Create OTA Job request.
///
/// ```
/// use enos_ota_job::{CreateOtaJob, Options, OtaJob, UpgradeScope, VerifyJob};
/// let job = OtaJob::Verify(VerifyJob::new(UpgradeScope::device_keys(["1.0"], ["dev1", "dev2"])));
/// let request = CreateOtaJob::new("o123", "fw 1", job)
///     .apigw_address("apim.example.com")
///     .build(&Options::new())
///     .unwrap();
/// assert_eq!(request.url, "https://apim.example.com/connect-service/v2.1/ota-jobs?action=create&orgId=o123&firmwareId=fw%201");
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CreateOtaJob {
    /// The gateway's host (`apim.example.com`, `host:8443`) or origin (`https://host`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub apigw_address: Option<String>,
    /// The organization ID (query `orgId`).
    pub org_id: String,
    /// The target firmware's ID (query `firmwareId`).
    pub firmware_id: String,
    /// The body.
    pub body: OtaJob,
}

impl CreateOtaJob {
    /// A request without a gateway address (the URL is then the path alone).
    #[must_use]
    pub fn new(
        org_id: impl Into<String>,
        firmware_id: impl Into<String>,
        body: OtaJob,
    ) -> CreateOtaJob {
        CreateOtaJob {
            apigw_address: None,
            org_id: org_id.into(),
            firmware_id: firmware_id.into(),
            body,
        }
    }

    /// Sets the gateway's host or origin.
    #[must_use]
    pub fn apigw_address(mut self, address: impl Into<String>) -> CreateOtaJob {
        self.apigw_address = Some(address.into());
        self
    }
}
