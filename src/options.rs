//! Validation options: locale, strict mode, time zone and firmware facts.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::json::{self, parse_integer, Integer, Node, Object, MAX_DEPTH};
use crate::pointer::Path;
use crate::report::{Expected, Finding, Locale, OptionProblem, Problem};

/// What the caller knows of the target firmware, for the checks the platform
/// makes against it (EnOS 24404, 24610, 24612 and `target_version_in_scope`).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
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
/// let options = Options::new().with_locale(Locale::Zh).with_strict(true).with_utc_offset_minutes(480);
/// assert_eq!(options.utc_offset_minutes(), 480);
/// assert_eq!(options.locale(), Locale::Zh);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct Options {
    locale: Locale,
    strict: bool,
    utc_offset_minutes: i32,
    firmware: FirmwareFacts,
    #[serde(skip)]
    problems: OptionProblems,
}

/// An option read from JSON that could not be used: its path (`/options/...`) and why.
type Bad = (String, OptionProblem);

/// The bad entries found by [`Options::from_json_value`].
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(crate) struct OptionProblems(Vec<Bad>);

impl OptionProblems {
    /// Their findings, fresh for one check. (Copies of `Finding`s would copy their fixes,
    /// which options never have: the code that copies a fix's JSON value stays out of the
    /// WebAssembly build, -0.7 KB gzip.)
    pub(crate) fn to_vec(&self) -> Vec<Finding> {
        self.0
            .iter()
            .map(|(path, problem)| {
                let problem = Problem::InvalidOption { problem: *problem };
                Finding::new(path.clone(), problem)
            })
            .collect()
    }
}

impl Options {
    /// The defaults: English, not strict, UTC, no firmware facts.
    #[must_use]
    pub fn new() -> Options {
        Options::default()
    }

    /// Sets the language of messages.
    #[must_use]
    pub fn with_locale(mut self, locale: Locale) -> Options {
        self.locale = locale;
        self
    }

    /// With `true`, every warning counts as an error.
    #[must_use]
    pub fn with_strict(mut self, strict: bool) -> Options {
        self.strict = strict;
        self
    }

    /// The time zone of the same-day rule when the body carries no
    /// `schedulePolicy.timezoneOffsetInMinutes`: minutes east of UTC, clamped to -720..=840.
    #[must_use]
    pub fn with_utc_offset_minutes(mut self, minutes: i32) -> Options {
        self.utc_offset_minutes = minutes.clamp(OFFSET_RANGE.0 as i32, OFFSET_RANGE.1 as i32);
        self
    }

    /// Sets what is known of the target firmware.
    #[must_use]
    pub fn with_firmware(mut self, firmware: FirmwareFacts) -> Options {
        self.firmware = firmware;
        self
    }

    /// The language of messages.
    #[must_use]
    pub fn locale(&self) -> Locale {
        self.locale
    }

    /// Whether warnings count as errors.
    #[must_use]
    pub fn is_strict(&self) -> bool {
        self.strict
    }

    /// The default time zone, in minutes east of UTC.
    #[must_use]
    pub fn utc_offset_minutes(&self) -> i32 {
        self.utc_offset_minutes
    }

    /// What is known of the target firmware.
    #[must_use]
    pub fn firmware(&self) -> &FirmwareFacts {
        &self.firmware
    }

    /// The bad entries found by [`Options::from_json_value`], as findings at `/options/...`.
    pub(crate) fn problems(&self) -> &OptionProblems {
        &self.problems
    }

    /// Reads options from untrusted JSON text; see [`Options::from_json_value`].
    /// Text that is not JSON is one `invalid_option` error at `/options`.
    #[must_use]
    pub fn from_json_str(text: &str) -> Options {
        match json::parse(text) {
            Ok(node) => Options::from_node(&node),
            Err(e) => {
                let (line, column) = e.line_column(text);
                let detail = OptionProblem::Json {
                    kind: e.kind,
                    line,
                    column,
                };
                Options {
                    problems: OptionProblems(vec![problem("/options", detail)]),
                    ..Options::default()
                }
            }
        }
    }

    /// Reads options from an untrusted JSON value, never failing: each unknown
    /// key, wrong type or out-of-range value becomes an `invalid_option` error at
    /// `/options/<key>` that every report made with these options carries, and the
    /// option keeps its default. `null` is the same as absent; integers must be
    /// JSON integers (no numeric strings, no fractions).
    #[must_use]
    pub fn from_json_value(value: &Value) -> Options {
        match json::from_value(value, MAX_DEPTH) {
            Ok(node) => Options::from_node(&node),
            Err(_) => Options {
                problems: OptionProblems(vec![expected("/options", Expected::Object)]),
                ..Options::default()
            },
        }
    }

    fn from_node(node: &Node<'_>) -> Options {
        let mut options = Options::default();
        let mut problems = Vec::new();
        let obj = match node {
            Node::Null => return options,
            Node::Object(obj) => obj,
            _ => {
                options
                    .problems
                    .0
                    .push(expected("/options", Expected::Object));
                return options;
            }
        };
        let options_path = Path::Root("/options");
        for (key, value) in members_by_key(obj) {
            let path = options_path.key(key).render();
            match key {
                "locale" => match value {
                    Node::String(s) if s == "en" => options.locale = Locale::En,
                    Node::String(s) if s == "zh" => options.locale = Locale::Zh,
                    _ => problems.push(problem(&path, OptionProblem::Locale)),
                },
                "strict" => options.strict = boolean(value, &path, &mut problems).unwrap_or(false),
                "utcOffsetMinutes" => {
                    if let Some(v) = integer(value, &path, OFFSET_RANGE, &mut problems) {
                        options.utc_offset_minutes = v as i32;
                    }
                }
                "firmware" => options.firmware = firmware(value, &path, &mut problems),
                _ => problems.push(problem(&path, OptionProblem::Unknown)),
            }
        }
        options.problems = OptionProblems(problems);
        options
    }
}

/// The non-`null` members of an object in key order, the last of repeated keys only.
/// Key order makes the problems of a JS object and of a serde_json map come alike.
fn members_by_key<'n>(obj: &'n Object<'n>) -> Vec<(&'n str, &'n Node<'n>)> {
    let mut keys: Vec<(&str, u32)> = (0..)
        .zip(&obj.members)
        .map(|(i, (k, _))| (k.as_ref(), i))
        .collect();
    keys.sort_unstable();
    let mut out: Vec<(&str, &Node<'_>)> = Vec::with_capacity(keys.len());
    for (k, i) in keys {
        let value = &obj.members[i as usize].1;
        match out.last_mut() {
            // Sorted by (key, index): a repeat replaces the copy before it.
            Some(last) if last.0 == k => last.1 = value,
            _ => out.push((k, value)),
        }
    }
    out.retain(|(_, v)| !matches!(v, Node::Null));
    out
}

fn firmware(node: &Node<'_>, path: &str, problems: &mut Vec<Bad>) -> FirmwareFacts {
    let mut facts = FirmwareFacts::default();
    let Node::Object(obj) = node else {
        problems.push(expected(path, Expected::Object));
        return facts;
    };
    let parent = Path::Root(path);
    for (key, value) in members_by_key(obj) {
        let path = parent.key(key).render();
        match key {
            "exists" => facts.exists = boolean(value, &path, problems),
            "enableVerification" => facts.enable_verification = boolean(value, &path, problems),
            "verified" => facts.verified = boolean(value, &path, problems),
            "version" => match value {
                Node::String(s) => facts.version = Some(s.to_string()),
                _ => problems.push(expected(&path, Expected::String)),
            },
            "maxAllowedForVerification" => {
                let range = (1, i64::from(u32::MAX));
                facts.max_allowed_for_verification =
                    integer(value, &path, range, problems).and_then(|v| u32::try_from(v).ok());
            }
            _ => problems.push(problem(&path, OptionProblem::Unknown)),
        }
    }
    facts
}

fn boolean(node: &Node<'_>, path: &str, problems: &mut Vec<Bad>) -> Option<bool> {
    match node {
        Node::Bool(b) => Some(*b),
        _ => {
            problems.push(expected(path, Expected::Boolean));
            None
        }
    }
}

/// A JSON integer (never a numeric string or a fraction) within `min..=max`.
fn integer(
    node: &Node<'_>,
    path: &str,
    (min, max): (i64, i64),
    problems: &mut Vec<Bad>,
) -> Option<i64> {
    let found = match node {
        Node::Number(raw) => parse_integer(raw),
        _ => {
            problems.push(expected(path, Expected::Integer));
            return None;
        }
    };
    match found {
        Integer::Value(v) if (min..=max).contains(&v) => Some(v),
        Integer::Value(_) | Integer::TooBig => {
            problems.push(problem(path, OptionProblem::Range { min, max }));
            None
        }
        Integer::Fraction | Integer::NegativeZero => {
            problems.push(expected(path, Expected::Integer));
            None
        }
    }
}

fn problem(path: &str, problem: OptionProblem) -> Bad {
    (path.to_owned(), problem)
}

fn expected(path: &str, kind: Expected) -> Bad {
    problem(path, OptionProblem::Expected(kind))
}
