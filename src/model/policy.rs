//! `RetryPolicy` and `SchedulePolicy` of an upgrade job.

use serde::{Deserialize, Serialize};

/// Retries of failed OTA tasks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RetryPolicy {
    /// Whether failed tasks are retried; `false` when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enable_retry: Option<bool>,
    /// Seconds between retries, 0 to 86400; required when retry is on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retry_interval: Option<i32>,
    /// Retries at most, 1 to 5; required when retry is on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retry_count: Option<i32>,
}

impl RetryPolicy {
    /// Retry on, with an interval in seconds and a count.
    pub fn retry(interval_seconds: i32, count: i32) -> RetryPolicy {
        RetryPolicy {
            enable_retry: Some(true),
            retry_interval: Some(interval_seconds),
            retry_count: Some(count),
        }
    }
}

/// When the job runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SchedulePolicy {
    /// Whether the window repeats every day (then start and end share a day).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_repeat_daily: Option<bool>,
    /// 13-digit millisecond timestamp.
    pub start_timestamp: i64,
    /// 13-digit millisecond timestamp, later than the start.
    pub end_timestamp: i64,
    /// The time zone of "same day", minutes east of UTC (-720 to 840).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timezone_offset_in_minutes: Option<i32>,
}
