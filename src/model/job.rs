//! The job body: an upgrade job or a verify job.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::{RetryPolicy, SchedulePolicy, UpgradeScope};

/// A job name with translations (`StringI18n`).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct StringI18n {
    /// The name used where no translation fits; required and non-empty.
    pub default_value: String,
    /// Translations by locale name, e.g. `en_US`, `zh_CN`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub i18n_value: Option<BTreeMap<String, String>>,
}

impl StringI18n {
    /// A name with no translations.
    pub fn new(default_value: impl Into<String>) -> StringI18n {
        StringI18n {
            default_value: default_value.into(),
            i18n_value: None,
        }
    }
}

/// How an upgrade job treats devices that qualify after it is created.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum UpgradePolicy {
    /// 快照式升级: the device list is fixed when the job is created.
    Snapshot,
    /// 增量式升级: devices that qualify later join the job.
    Incremental,
}

/// The request body: `type` decides its shape.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "lowercase")]
pub enum OtaJob {
    /// `"type": "upgrade"`: pushes the firmware to the selected devices.
    Upgrade(UpgradeJob),
    /// `"type": "verify"`: tries the firmware on a few devices first.
    Verify(VerifyJob),
}

impl OtaJob {
    /// The scope of either kind of job.
    pub fn upgrade_scope(&self) -> &UpgradeScope {
        match self {
            OtaJob::Upgrade(job) => &job.upgrade_scope,
            OtaJob::Verify(job) => &job.upgrade_scope,
        }
    }
}

/// A firmware upgrade job.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct UpgradeJob {
    /// The job's name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<StringI18n>,
    /// Which devices, on which versions.
    pub upgrade_scope: UpgradeScope,
    /// Snapshot or incremental.
    pub upgrade_policy: UpgradePolicy,
    /// Whether devices may ask for the upgrade themselves.
    pub enable_upgrade_request: bool,
    /// Seconds, 300 to 172800; the platform's default is 7200.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub upgrade_timeout: Option<i64>,
    /// Retries of failed tasks; none when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retry_policy: Option<RetryPolicy>,
    /// When the job runs; at once, all day, when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub schedule_policy: Option<SchedulePolicy>,
    /// At least 1; the platform's default is 300.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub maximum_concurrency: Option<i32>,
}

impl UpgradeJob {
    /// An upgrade job with only its required fields.
    pub fn new(
        upgrade_scope: UpgradeScope,
        upgrade_policy: UpgradePolicy,
        enable_upgrade_request: bool,
    ) -> UpgradeJob {
        UpgradeJob {
            name: None,
            upgrade_scope,
            upgrade_policy,
            enable_upgrade_request,
            upgrade_timeout: None,
            retry_policy: None,
            schedule_policy: None,
            maximum_concurrency: None,
        }
    }
}

/// A firmware verification job (scope `partial`, devices by `deviceKeys`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct VerifyJob {
    /// The job's name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<StringI18n>,
    /// The devices to verify on.
    pub upgrade_scope: UpgradeScope,
    /// Seconds, 300 to 172800; the platform's default is 7200.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub upgrade_timeout: Option<i64>,
}

impl VerifyJob {
    /// A verify job with only its required fields.
    pub fn new(upgrade_scope: UpgradeScope) -> VerifyJob {
        VerifyJob {
            name: None,
            upgrade_scope,
            upgrade_timeout: None,
        }
    }
}
