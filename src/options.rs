//! Validation options (SPEC §3): locale, strict mode, time zone and firmware facts.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::report::{Code, Detail, Finding, Kind, OptionProblem};

/// The language of messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Locale {
    /// English (the default).
    #[default]
    En,
    /// Simplified Chinese.
    Zh,
}

/// What the caller knows of the target firmware, for the checks the platform
/// makes against it (EnOS 24404, 24610, 24612 and `target_version_in_scope`).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct FirmwareFacts {
    /// `Some(false)`: the firmware does not exist (`firmware_not_found`, 24404).
    pub exists: Option<bool>,
    /// The firmware's own version: listing it in `versionNumbers` is an error.
    pub version: Option<String>,
    /// Whether the firmware requires verification before upgrade jobs.
    pub enable_verification: Option<bool>,
    /// Whether the firmware has been verified.
    pub verified: Option<bool>,
    /// The most device keys a verify job may list (24612); 5 when absent.
    pub max_allowed_for_verification: Option<u32>,
}

/// The default maximum of device keys in a verify job: the EnOS console's limit.
pub const DEFAULT_MAX_FOR_VERIFICATION: u32 = 5;

/// The accepted range of a UTC offset in minutes east of UTC.
pub(crate) const OFFSET_RANGE: (i64, i64) = (-720, 840);

/// Options of every validation call.
///
/// Build them in code with the setters, deserialize them strictly with serde, or
/// read untrusted input leniently with [`Options::from_json_value`], which turns
/// each bad entry into an `invalid_option` error of the report and uses that
/// option's default instead.
///
/// ```
/// use enos_ota_job::{Locale, Options};
/// let options = Options::new().locale(Locale::Zh).strict(true).utc_offset_minutes(480);
/// assert_eq!(options.get_utc_offset_minutes(), 480);
/// ```
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct Options {
    locale: Locale,
    strict: bool,
    utc_offset_minutes: i32,
    firmware: FirmwareFacts,
    #[serde(skip)]
    problems: Vec<Finding>,
}

impl Options {
    /// The defaults: English, not strict, UTC, no firmware facts.
    pub fn new() -> Options {
        Options::default()
    }

    /// Sets the language of messages.
    pub fn locale(mut self, locale: Locale) -> Options {
        self.locale = locale;
        self
    }

    /// With `true`, every warning counts as an error.
    pub fn strict(mut self, strict: bool) -> Options {
        self.strict = strict;
        self
    }

    /// The time zone of the same-day rule when the body carries no
    /// `schedulePolicy.timezoneOffsetInMinutes`: minutes east of UTC, clamped to -720..=840.
    pub fn utc_offset_minutes(mut self, minutes: i32) -> Options {
        self.utc_offset_minutes = minutes.clamp(OFFSET_RANGE.0 as i32, OFFSET_RANGE.1 as i32);
        self
    }

    /// Sets what is known of the target firmware.
    pub fn firmware(mut self, firmware: FirmwareFacts) -> Options {
        self.firmware = firmware;
        self
    }

    /// The language of messages.
    pub fn get_locale(&self) -> Locale {
        self.locale
    }

    /// Whether warnings count as errors.
    pub fn is_strict(&self) -> bool {
        self.strict
    }

    /// The default time zone, in minutes east of UTC.
    pub fn get_utc_offset_minutes(&self) -> i32 {
        self.utc_offset_minutes
    }

    /// What is known of the target firmware.
    pub fn get_firmware(&self) -> &FirmwareFacts {
        &self.firmware
    }

    /// The bad entries found by [`Options::from_json_value`], as findings at `/options/...`.
    pub(crate) fn problems(&self) -> &[Finding] {
        &self.problems
    }

    /// Reads options from untrusted JSON text; see [`Options::from_json_value`].
    /// Text that is not JSON is one `invalid_option` error at `/options`.
    pub fn from_json_str(text: &str) -> Options {
        match crate::json::parse(text) {
            Ok(node) => Options::from_json_value(&crate::json::to_value(&node)),
            Err(e) => {
                let (line, column) = e.line_column(text);
                Options {
                    problems: vec![problem(
                        "/options",
                        Detail::Json {
                            kind: e.kind,
                            line,
                            column,
                        },
                    )],
                    ..Options::default()
                }
            }
        }
    }

    /// Reads options from an untrusted JSON value, never failing: each unknown
    /// key, wrong type or out-of-range value becomes an `invalid_option` error at
    /// `/options/<key>` that every report made with these options carries, and the
    /// option keeps its default. `null` is the same as absent.
    pub fn from_json_value(value: &Value) -> Options {
        let mut options = Options::default();
        let map = match value {
            Value::Null => return options,
            Value::Object(map) => map,
            _ => {
                options.problems.push(expected("/options", Kind::Object));
                return options;
            }
        };
        for (key, value) in map {
            if value.is_null() {
                continue;
            }
            let path = format!("/options/{}", escape(key));
            match key.as_str() {
                "locale" => match value.as_str() {
                    Some("en") => options.locale = Locale::En,
                    Some("zh") => options.locale = Locale::Zh,
                    _ => options
                        .problems
                        .push(problem(&path, Detail::Option(OptionProblem::Locale))),
                },
                "strict" => match value.as_bool() {
                    Some(b) => options.strict = b,
                    None => options.problems.push(expected(&path, Kind::Boolean)),
                },
                "utcOffsetMinutes" => match integer(value, &path, OFFSET_RANGE) {
                    Ok(v) => options.utc_offset_minutes = v as i32,
                    Err(p) => options.problems.push(p),
                },
                "firmware" => options.firmware = firmware(value, &path, &mut options.problems),
                _ => options
                    .problems
                    .push(problem(&path, Detail::Option(OptionProblem::Unknown))),
            }
        }
        options
    }
}

fn firmware(value: &Value, path: &str, problems: &mut Vec<Finding>) -> FirmwareFacts {
    let mut facts = FirmwareFacts::default();
    let Value::Object(map) = value else {
        problems.push(expected(path, Kind::Object));
        return facts;
    };
    for (key, value) in map {
        if value.is_null() {
            continue;
        }
        let path = format!("{path}/{}", escape(key));
        let boolean = |problems: &mut Vec<Finding>| {
            let b = value.as_bool();
            if b.is_none() {
                problems.push(expected(&path, Kind::Boolean));
            }
            b
        };
        match key.as_str() {
            "exists" => facts.exists = boolean(problems),
            "enableVerification" => facts.enable_verification = boolean(problems),
            "verified" => facts.verified = boolean(problems),
            "version" => match value.as_str() {
                Some(s) => facts.version = Some(s.to_owned()),
                None => problems.push(expected(&path, Kind::String)),
            },
            "maxAllowedForVerification" => match integer(value, &path, (1, i64::from(u32::MAX))) {
                Ok(v) => facts.max_allowed_for_verification = u32::try_from(v).ok(),
                Err(p) => problems.push(p),
            },
            _ => problems.push(problem(&path, Detail::Option(OptionProblem::Unknown))),
        }
    }
    facts
}

/// A JSON integer (never a numeric string or a fraction) within `min..=max`.
fn integer(value: &Value, path: &str, (min, max): (i64, i64)) -> Result<i64, Finding> {
    let out_of_range = || problem(path, Detail::Option(OptionProblem::Range { min, max }));
    match value {
        Value::Number(n) if n.is_i64() || n.is_u64() => match n.as_i64() {
            Some(v) if (min..=max).contains(&v) => Ok(v),
            _ => Err(out_of_range()),
        },
        _ => Err(expected(path, Kind::Integer)),
    }
}

fn problem(path: &str, detail: Detail) -> Finding {
    Finding {
        path: path.to_owned(),
        code: Code::InvalidOption,
        detail,
    }
}

fn expected(path: &str, kind: Kind) -> Finding {
    problem(path, Detail::Option(OptionProblem::Expected(kind)))
}

fn escape(key: &str) -> String {
    key.replace('~', "~0").replace('/', "~1")
}
