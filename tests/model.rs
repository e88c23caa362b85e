//! The typed model: exact JSON field names, round trips, parse_job and the builder.

use std::collections::BTreeMap;

use enos_ota_job::{
    parse_job, parse_job_value, validate_value, AssetTreeScope, CreateOtaJob, FirmwareFacts,
    Locale, Options, OtaJob, RetryPolicy, SchedulePolicy, ScopeType, StringI18n, UpgradeJob,
    UpgradePolicy, UpgradeScope, VerifyJob,
};
use serde_json::json;

fn full_upgrade() -> OtaJob {
    let mut scope = UpgradeScope::total(["1.0", "1.1"]);
    scope.scope_type = ScopeType::Partial;
    scope.asset_trees = Some(vec![
        AssetTreeScope {
            tree_id: "t1".into(),
            included_nodes: None,
        },
        AssetTreeScope {
            tree_id: "t2".into(),
            included_nodes: Some(vec!["n1".into()]),
        },
    ]);
    OtaJob::Upgrade(UpgradeJob {
        name: Some(StringI18n {
            default_value: "job".into(),
            i18n_value: Some(BTreeMap::from([("zh_CN".into(), "任务".into())])),
        }),
        upgrade_scope: scope,
        upgrade_policy: UpgradePolicy::Incremental,
        enable_upgrade_request: false,
        upgrade_timeout: Some(600),
        retry_policy: Some(RetryPolicy::retry(30, 2)),
        schedule_policy: Some(SchedulePolicy {
            is_repeat_daily: Some(true),
            start_timestamp: 1_704_067_200_000,
            end_timestamp: 1_704_096_000_000,
            timezone_offset_in_minutes: Some(480),
        }),
        maximum_concurrency: Some(50),
    })
}

#[test]
fn serializes_to_the_api_field_names() {
    assert_eq!(
        serde_json::to_value(full_upgrade()).unwrap(),
        json!({
            "type": "upgrade",
            "name": {"defaultValue": "job", "i18nValue": {"zh_CN": "任务"}},
            "upgradeScope": {"type": "partial", "versionNumbers": ["1.0", "1.1"],
                "assetTrees": [{"treeId": "t1"}, {"treeId": "t2", "includedNodes": ["n1"]}]},
            "upgradePolicy": "incremental",
            "enableUpgradeRequest": false,
            "upgradeTimeout": 600,
            "retryPolicy": {"enableRetry": true, "retryInterval": 30, "retryCount": 2},
            "schedulePolicy": {"isRepeatDaily": true, "startTimestamp": 1704067200000_i64,
                "endTimestamp": 1704096000000_i64, "timezoneOffsetInMinutes": 480},
            "maximumConcurrency": 50
        })
    );
    let verify = OtaJob::Verify(VerifyJob::new(UpgradeScope::device_keys(["1"], ["d"])));
    assert_eq!(
        serde_json::to_value(&verify).unwrap(),
        json!({"type": "verify", "upgradeScope": {"type": "partial", "versionNumbers": ["1"], "deviceKeys": ["d"]}})
    );
}

#[test]
fn a_built_job_validates_and_parses_back_with_defaults() {
    let job = full_upgrade();
    let value = serde_json::to_value(&job).unwrap();
    assert!(validate_value(&value, &Options::new()).valid);
    let parsed = parse_job_value(&value, &Options::new()).unwrap();
    assert_eq!(parsed.job, job, "every field was given, so nothing changes");

    let minimal = OtaJob::Upgrade(UpgradeJob::new(
        UpgradeScope::total(["1"]),
        UpgradePolicy::Snapshot,
        true,
    ));
    let parsed = parse_job(&serde_json::to_string(&minimal).unwrap(), &Options::new()).unwrap();
    let OtaJob::Upgrade(up) = parsed.job else {
        panic!("an upgrade job")
    };
    assert_eq!(up.upgrade_timeout, Some(7200));
    assert_eq!(up.maximum_concurrency, Some(300));
    assert_eq!(
        up.retry_policy,
        Some(RetryPolicy {
            enable_retry: Some(false),
            ..Default::default()
        })
    );
    assert_eq!(up.schedule_policy, None);
}

#[test]
fn parse_job_drops_ignored_selectors_and_coerces_numeric_strings() {
    let text = r#"{"type":"upgrade","upgradePolicy":"snapshot","enableUpgradeRequest":true,
        "retryPolicy":{"retryCount":"2"},
        "upgradeScope":{"type":"total","versionNumbers":["1"],"deviceKeys":5}}"#;
    let parsed = parse_job(text, &Options::new()).unwrap();
    assert_eq!(parsed.report.warnings.len(), 3);
    let OtaJob::Upgrade(up) = parsed.job else {
        panic!()
    };
    assert_eq!(up.upgrade_scope.device_keys, None);
    assert_eq!(up.retry_policy.unwrap().retry_count, Some(2));
}

#[test]
fn parse_job_returns_the_report_when_invalid() {
    let report = parse_job(r#"{"type":"verify"}"#, &Options::new()).unwrap_err();
    assert_eq!(report.errors[0].path, "/upgradeScope");
    let strict = Options::new().with_strict(true);
    let warned = r#"{"type":"verify","x":1,"upgradeScope":{"type":"partial","versionNumbers":["1"],"deviceKeys":["d"]}}"#;
    assert!(parse_job(warned, &Options::new()).is_ok());
    assert_eq!(parse_job(warned, &strict).unwrap_err().errors[0].path, "/x");
}

#[test]
fn the_builder_validates_the_whole_request() {
    let job = OtaJob::Verify(VerifyJob::new(UpgradeScope::device_keys(
        ["1"],
        (0..6).map(|i| format!("d{i}")),
    )));
    let report = CreateOtaJob::new("", "f", job.clone())
        .build(&Options::new())
        .unwrap_err();
    let found: Vec<_> = report
        .errors
        .iter()
        .map(|e| (e.path.as_str(), e.code.as_str()))
        .collect();
    assert_eq!(
        found,
        [
            ("/orgId", "empty"),
            ("/body/upgradeScope/deviceKeys", "too_many_device_keys")
        ]
    );
    let roomy = Options::new().with_firmware(FirmwareFacts {
        max_allowed_for_verification: Some(10),
        ..Default::default()
    });
    let request = CreateOtaJob::new("o", "f", job)
        .apigw_address("http://gw:8080")
        .build(&roomy)
        .unwrap();
    assert_eq!(
        request.url,
        "http://gw:8080/connect-service/v2.1/ota-jobs?action=create&orgId=o&firmwareId=f"
    );
}

#[test]
fn options_deserialize_strictly_with_serde_and_leniently_by_hand() {
    let strict: Options =
        serde_json::from_value(json!({"locale": "zh", "utcOffsetMinutes": 480})).unwrap();
    assert_eq!(strict.utc_offset_minutes(), 480);
    assert!(serde_json::from_value::<Options>(json!({"locale": "fr"})).is_err());
    let lenient = Options::from_json_str(r#"{"locale": "fr", "strict": true}"#);
    assert!(lenient.is_strict());
    let report = validate_value(&json!({}), &Options::from_json_str("{oops"));
    assert_eq!(
        (
            report.errors[0].path.as_str(),
            report.errors[0].code.as_str()
        ),
        ("/options", "invalid_option")
    );
    assert_eq!(
        Options::new()
            .with_utc_offset_minutes(10_000)
            .utc_offset_minutes(),
        840
    );
}

#[test]
fn repeated_option_keys_last_wins_and_problems_come_in_key_order() {
    let last_wins =
        Options::from_json_str(r#"{"locale": "fr", "locale": "zh", "strict": 1, "strict": true}"#);
    assert_eq!(
        (last_wins.locale(), last_wins.is_strict()),
        (Locale::Zh, true)
    );
    let report = validate_value(
        &json!({}),
        &Options::from_json_str(r#"{"locale": "zh", "locale": "fr"}"#),
    );
    let options_errors: Vec<_> = report
        .errors
        .iter()
        .filter(|e| e.path.starts_with("/options"))
        .collect();
    assert_eq!(options_errors.len(), 1);
    let report = validate_value(
        &json!({}),
        &Options::from_json_str(r#"{"strict": 1, "locale": 2}"#),
    );
    assert_eq!(report.errors[0].path, "/options/locale");
    assert_eq!(report.errors[1].path, "/options/strict");
}
