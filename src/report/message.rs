//! Human messages for each problem, in English and Chinese.
//!
//! English messages follow the Rust convention: lowercase, no final period.

use super::Code;
use crate::json::ParseErrorKind;
use crate::options::Locale;

/// What a message needs to know beyond its code.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Detail {
    /// The code says it all.
    Plain,
    /// `invalid_type`: what was expected and what was found.
    Expected { expected: Kind, found: &'static str },
    /// `invalid_value`: the accepted strings.
    OneOf(&'static [&'static str]),
    /// `out_of_range`: the inclusive range.
    Range { min: i64, max: i64 },
    /// `too_many`, `too_many_device_keys`.
    Count { count: usize, max: u64 },
    /// `invalid_json`: why and where.
    Json {
        kind: ParseErrorKind,
        line: usize,
        column: usize,
    },
    /// `invalid_json` for a `serde_json::Value` nested too deep.
    TooDeep,
    /// `duplicate_value`: the index of the first copy.
    RepeatOf(usize),
    /// `conflicting_selectors`: the selectors given.
    Selectors(Vec<&'static str>),
    /// `ignored_field`: why the field has no effect.
    Ignored(Ignored),
    /// `not_same_day`: the UTC offset, in minutes, that decides the day.
    Offset(i64),
    /// `schedule_too_short`: the window's length in whole minutes.
    Minutes(i64),
    /// `invalid_option`.
    Option(OptionProblem),
    /// `invalid_value` of `apigwAddress`.
    Gateway,
}

/// A JSON type a field expects.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Object,
    Array,
    String,
    Boolean,
    Integer,
    /// Anything but `null`.
    NonNull,
}

/// Why a known field is ignored.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Ignored {
    VerifyJob,
    ScopeTotal,
    RetryOff,
}

/// What is wrong with an option.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum OptionProblem {
    Unknown,
    Expected(Kind),
    Range { min: i64, max: i64 },
    Locale,
}

/// Renders the message of a problem.
pub(crate) fn render(code: Code, detail: &Detail, locale: Locale) -> String {
    match locale {
        Locale::En => english(code, detail),
        Locale::Zh => chinese(code, detail),
    }
}

fn kind_en(kind: Kind) -> &'static str {
    match kind {
        Kind::Object => "an object",
        Kind::Array => "an array",
        Kind::String => "a string",
        Kind::Boolean => "a boolean",
        Kind::Integer => "an integer",
        Kind::NonNull => "a value other than null",
    }
}

fn kind_zh(kind: Kind) -> &'static str {
    match kind {
        Kind::Object => "对象",
        Kind::Array => "数组",
        Kind::String => "字符串",
        Kind::Boolean => "布尔值",
        Kind::Integer => "整数",
        Kind::NonNull => "非 null 的值",
    }
}

fn found_zh(found: &str) -> &str {
    match found {
        "null" => "null",
        "boolean" => "布尔值",
        "number" => "数字",
        "string" => "字符串",
        "array" => "数组",
        "object" => "对象",
        "fraction" => "带小数或指数的数字",
        "-0" => "-0",
        "non-digit string" => "非纯数字的字符串",
        other => other,
    }
}

fn json_en(kind: ParseErrorKind) -> &'static str {
    match kind {
        ParseErrorKind::Eof => "unexpected end of input",
        ParseErrorKind::ExpectedValue => "expected a value",
        ParseErrorKind::ExpectedColon => "expected `:`",
        ParseErrorKind::ExpectedCommaOrBracket => "expected `,` or `]`",
        ParseErrorKind::ExpectedCommaOrBrace => "expected `,` or `}`",
        ParseErrorKind::KeyMustBeString => "expected a string key",
        ParseErrorKind::InvalidNumber => "invalid number",
        ParseErrorKind::InvalidEscape => "invalid escape in string",
        ParseErrorKind::ControlCharacter => "control character in string (escape it)",
        ParseErrorKind::TrailingCharacters => "unexpected text after the JSON value",
        ParseErrorKind::TooDeep => "nested too deep (127 levels at most)",
        ParseErrorKind::InvalidUtf8 => "invalid UTF-8",
    }
}

fn json_zh(kind: ParseErrorKind) -> &'static str {
    match kind {
        ParseErrorKind::Eof => "输入意外结束",
        ParseErrorKind::ExpectedValue => "此处应为一个值",
        ParseErrorKind::ExpectedColon => "此处应为 `:`",
        ParseErrorKind::ExpectedCommaOrBracket => "此处应为 `,` 或 `]`",
        ParseErrorKind::ExpectedCommaOrBrace => "此处应为 `,` 或 `}`",
        ParseErrorKind::KeyMustBeString => "对象的键必须是字符串",
        ParseErrorKind::InvalidNumber => "无效的数字",
        ParseErrorKind::InvalidEscape => "字符串中有无效的转义",
        ParseErrorKind::ControlCharacter => "字符串中有未转义的控制字符",
        ParseErrorKind::TrailingCharacters => "JSON 值之后有多余内容",
        ParseErrorKind::TooDeep => "嵌套过深(最多 127 层)",
        ParseErrorKind::InvalidUtf8 => "无效的 UTF-8",
    }
}

fn ignored_en(why: Ignored) -> &'static str {
    match why {
        Ignored::VerifyJob => "ignored: a verify job does not use this field",
        Ignored::ScopeTotal => "ignored: scope `total` selects every device on the listed versions",
        Ignored::RetryOff => "ignored: `enableRetry` is not true",
    }
}

fn ignored_zh(why: Ignored) -> &'static str {
    match why {
        Ignored::VerifyJob => "已忽略:验证任务不使用此字段",
        Ignored::ScopeTotal => "已忽略:范围 `total` 会选择所列版本上的所有设备",
        Ignored::RetryOff => "已忽略:`enableRetry` 不为 true",
    }
}

/// `+08:00` for 480.
fn offset_text(minutes: i64) -> String {
    let sign = if minutes < 0 { '-' } else { '+' };
    let m = minutes.unsigned_abs();
    format!("UTC{sign}{:02}:{:02}", m / 60, m % 60)
}

fn english(code: Code, detail: &Detail) -> String {
    use Detail as D;
    match (code, detail) {
        (_, D::Expected { expected, found }) => {
            format!("expected {}, found {found}", kind_en(*expected))
        }
        (_, D::OneOf(allowed)) => format!("must be one of: {}", quoted(allowed)),
        (_, D::Range { min, max }) => format!("must be between {min} and {max}"),
        (Code::TooManyDeviceKeys, D::Count { count, max }) => {
            format!("{count} device keys exceed the verification maximum of {max}")
        }
        (_, D::Count { count, max }) => format!("{count} entries exceed the maximum of {max}"),
        (_, D::Json { kind, line, column }) => {
            format!("{} at line {line} column {column}", json_en(*kind))
        }
        (_, D::TooDeep) => "nested too deep (127 levels at most)".into(),
        (Code::DuplicateKey, _) => "this key repeats an earlier key of the same object".into(),
        (_, D::RepeatOf(first)) => format!("repeats the value at index {first}"),
        (_, D::Selectors(names)) => format!(
            "choose one selector, not {}: {}",
            names.len(),
            names.join(", ")
        ),
        (_, D::Ignored(why)) => ignored_en(*why).into(),
        (_, D::Offset(minutes)) => format!(
            "a daily window must start and end on the same day ({})",
            offset_text(*minutes)
        ),
        (_, D::Minutes(minutes)) => {
            format!("the window is {minutes} minutes long; the EnOS console's minimum is 30")
        }
        (_, D::Gateway) => {
            "must be a host such as apim.example.com or host:8443, or an http(s) origin".into()
        }
        (_, D::Option(problem)) => match problem {
            OptionProblem::Unknown => "unknown option".into(),
            OptionProblem::Expected(kind) => format!("expected {}", kind_en(*kind)),
            OptionProblem::Range { min, max } => format!("must be an integer from {min} to {max}"),
            OptionProblem::Locale => "must be \"en\" or \"zh\"".into(),
        },
        (Code::Required, _) => "this field is required".into(),
        (Code::Empty, _) => "must not be empty".into(),
        (Code::MissingSelector, _) => {
            "a partial upgrade needs one of deviceKeys, attributes, tags or assetTrees".into()
        }
        (Code::SelectorNotAllowed, _) => "a verify job selects devices by deviceKeys only".into(),
        (Code::VerifyRequiresPartial, _) => {
            "upgradeScope type total is not allowed for verification task".into()
        }
        (Code::InvalidTimestamp, _) => {
            "must be a 13-digit millisecond timestamp (1000000000000 to 9999999999999)".into()
        }
        (Code::EndBeforeStart, _) => "must be later than startTimestamp".into(),
        (Code::FirmwareNotFound, _) => "the target firmware was not found".into(),
        (Code::FirmwareNotVerified, _) => {
            "the firmware has verification enabled but is not verified yet".into()
        }
        (Code::TargetVersionInScope, _) => {
            "this is the target firmware's own version: a device cannot be upgraded to the version it runs".into()
        }
        (Code::UnknownField, _) => "unknown field: the platform ignores it".into(),
        (Code::NumericString, _) => "a number written as a string: send the number".into(),
        (_, _) => code.as_str().replace('_', " "),
    }
}

fn chinese(code: Code, detail: &Detail) -> String {
    use Detail as D;
    match (code, detail) {
        (_, D::Expected { expected, found }) => {
            format!("应为{},实际为{}", kind_zh(*expected), found_zh(found))
        }
        (_, D::OneOf(allowed)) => format!("必须是以下值之一:{}", quoted(allowed)),
        (_, D::Range { min, max }) => format!("必须在 {min} 到 {max} 之间"),
        (Code::TooManyDeviceKeys, D::Count { count, max }) => {
            format!("{count} 个设备超过了验证任务允许的最大数 {max}")
        }
        (_, D::Count { count, max }) => format!("{count} 项超过了最大数 {max}"),
        (_, D::Json { kind, line, column }) => {
            format!("第 {line} 行第 {column} 列:{}", json_zh(*kind))
        }
        (_, D::TooDeep) => "嵌套过深(最多 127 层)".into(),
        (Code::DuplicateKey, _) => "同一对象中重复的键".into(),
        (_, D::RepeatOf(first)) => format!("与索引 {first} 处的值重复"),
        (_, D::Selectors(names)) => {
            format!(
                "只能选择一种设备选择方式,当前有 {} 种:{}",
                names.len(),
                names.join(", ")
            )
        }
        (_, D::Ignored(why)) => ignored_zh(*why).into(),
        (_, D::Offset(minutes)) => format!(
            "每日重复的任务,开始和结束时间必须在同一天({})",
            offset_text(*minutes)
        ),
        (_, D::Minutes(minutes)) => {
            format!("调度窗口只有 {minutes} 分钟,EnOS 控制台要求至少 30 分钟")
        }
        (_, D::Gateway) => "必须是主机名(如 apim.example.com、host:8443)或 http(s) 源地址".into(),
        (_, D::Option(problem)) => match problem {
            OptionProblem::Unknown => "未知选项".into(),
            OptionProblem::Expected(kind) => format!("应为{}", kind_zh(*kind)),
            OptionProblem::Range { min, max } => format!("必须是 {min} 到 {max} 之间的整数"),
            OptionProblem::Locale => "必须是 \"en\" 或 \"zh\"".into(),
        },
        (Code::Required, _) => "必填字段".into(),
        (Code::Empty, _) => "不能为空".into(),
        (Code::MissingSelector, _) => {
            "部分升级需要指定 deviceKeys、attributes、tags 或 assetTrees 之一".into()
        }
        (Code::SelectorNotAllowed, _) => "验证任务只能通过 deviceKeys 指定设备".into(),
        (Code::VerifyRequiresPartial, _) => "验证任务不能使用 upgradeScope 的 total 选项".into(),
        (Code::InvalidTimestamp, _) => {
            "必须是 13 位毫秒时间戳(1000000000000 到 9999999999999)".into()
        }
        (Code::EndBeforeStart, _) => "必须晚于 startTimestamp".into(),
        (Code::FirmwareNotFound, _) => "找不到固件".into(),
        (Code::FirmwareNotVerified, _) => "固件启用了验证但尚未验证,无法创建升级任务".into(),
        (Code::TargetVersionInScope, _) => {
            "这是目标固件自身的版本:设备不能升级到已运行的版本".into()
        }
        (Code::UnknownField, _) => "未知字段:平台会忽略它".into(),
        (Code::NumericString, _) => "以字符串表示的数字:请直接发送数字".into(),
        (_, _) => code.as_str().replace('_', " "),
    }
}

fn quoted(items: &[&str]) -> String {
    items
        .iter()
        .map(|s| format!("\"{s}\""))
        .collect::<Vec<_>>()
        .join(", ")
}
