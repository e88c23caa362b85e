//! Chinese messages and hints.
//!
//! Both functions match [`Problem`] exhaustively, with no fallback arm.

use super::problem::{
    Enumerated, Expected, FieldSuggestion, Found, Ignored, JsValueKind, JsonError, OptionProblem,
    Problem, Rescaled, SyntaxError, TimeUnit, Window,
};
use super::text::{joined, put, quoted};
use super::time::{datetime, offset_text};

/// Appends the message of a problem.
pub(super) fn message(problem: &Problem, out: &mut String) {
    use Problem as P;
    match problem {
        P::InvalidJson { error } => match error {
            JsonError::Syntax { kind, line, column } => {
                put!(out, "第 ", *line, " 行第 ", *column, " 列:", syntax(*kind));
            }
            JsonError::TooDeep => out.push_str("嵌套过深(最多 127 层)"),
            JsonError::NotText { found } => {
                put!(out, "应为 JSON 文本(字符串),实际为 ", js_kind(*found));
            }
            JsonError::OutOfMemory => out.push_str("无法检查该输入:它超出了 WebAssembly 内存"),
        },
        P::InvalidType { expected: e, found } => {
            put!(out, "应为", expected(*e), ",实际为", found_text(found));
        }
        P::NotJson { value } => out.push_str(not_json(*value)),
        P::Required => out.push_str("必填字段"),
        P::InvalidValue { field, .. } => {
            out.push_str("必须是以下值之一:");
            quoted(field.allowed(), out);
        }
        P::InvalidAddress => {
            out.push_str("必须是主机名(如 apim.example.com、host:8443)或 http(s) 源地址");
        }
        P::OutOfRange { min, max } => put!(out, "必须在 ", *min, " 到 ", *max, " 之间"),
        P::Empty => out.push_str("不能为空"),
        P::TooMany { count, max } => put!(out, *count, " 项超过了最大数 ", *max),
        P::DuplicateKey => out.push_str("同一对象中重复的键"),
        P::MissingSelector => {
            out.push_str("部分升级需要指定 deviceKeys、attributes、tags 或 assetTrees 之一");
        }
        P::ConflictingSelectors { given } => {
            put!(out, "只能选择一种设备选择方式,当前有 ", given.len(), " 种:");
            joined(given, out);
        }
        P::SelectorNotAllowed => out.push_str("验证任务只能通过 deviceKeys 指定设备"),
        P::VerifyRequiresPartial => out.push_str("验证任务不能使用 upgradeScope 的 total 选项"),
        P::TooManyDeviceKeys { count, max } => {
            put!(out, *count, " 个设备超过了验证任务允许的最大数 ", *max);
        }
        P::InvalidTimestamp { .. } => {
            out.push_str("必须是 13 位毫秒时间戳(1000000000000 到 9999999999999)");
        }
        P::EndBeforeStart { window } => {
            out.push_str("必须晚于 startTimestamp:");
            window_text(window, out);
        }
        P::NotSameDay { window } => {
            out.push_str("每日重复的任务,开始和结束时间必须在同一天:");
            window_text(window, out);
        }
        P::FirmwareNotFound => out.push_str("找不到固件"),
        P::FirmwareNotVerified => out.push_str("固件启用了验证但尚未验证,无法创建升级任务"),
        P::TargetVersionInScope => {
            out.push_str("这是目标固件自身的版本:设备不能升级到已运行的版本");
        }
        P::InvalidOption { problem } => match problem {
            OptionProblem::Unknown => out.push_str("未知选项"),
            OptionProblem::Expected(kind) => put!(out, "应为", expected(*kind)),
            OptionProblem::Range { min, max } => {
                put!(out, "必须是 ", *min, " 到 ", *max, " 之间的整数");
            }
            OptionProblem::Locale => out.push_str("必须是 \"en\" 或 \"zh\""),
            OptionProblem::Json { kind, line, column } => {
                put!(out, "第 ", *line, " 行第 ", *column, " 列:", syntax(*kind));
            }
        },
        P::UnknownField { .. } => out.push_str("未知字段:平台会忽略它"),
        P::IgnoredField { reason } => out.push_str(match reason {
            Ignored::VerifyJob => "已忽略:验证任务不使用此字段",
            Ignored::ScopeTotal => "已忽略:范围 `total` 会选择所列版本上的所有设备",
            Ignored::RetryOff => "已忽略:`enableRetry` 不为 true",
        }),
        P::DuplicateValue { first } => put!(out, "与索引 ", *first, " 处的值重复"),
        P::ScheduleTooShort { window } => {
            let minutes = window.end.saturating_sub(window.start) / 60_000;
            put!(
                out,
                "调度窗口只有 ",
                minutes,
                " 分钟,EnOS 控制台要求至少 30 分钟:"
            );
            window_text(window, out);
        }
        P::NumericString { .. } => out.push_str("以字符串表示的数字:请直接发送数字"),
    }
}

/// Appends how to fix a problem, when there is something to say; returns whether it did.
pub(super) fn hint(problem: &Problem, out: &mut String) -> bool {
    use Problem as P;
    match problem {
        P::InvalidType { expected, found } => match (expected, found) {
            (_, Found::BooleanString(b)) => put!(out, "去掉引号,写成 ", *b),
            (_, Found::LoneString(s)) => {
                put!(out, "此处需要列表:只有一项时写成 [\"", s.as_str(), "\"]");
            }
            (Expected::Integer, Found::Fraction) => out.push_str("请写成整数,例如 7200"),
            _ => return false,
        },
        P::InvalidValue { field, suggestion } => match (field, suggestion) {
            (Enumerated::UpgradePolicyGivenJobType, _) => out.push_str(
                "`upgrade` 和 `verify` 是任务 `type` 的取值;\
                 `upgradePolicy` 应为 \"snapshot\"(创建任务时确定设备列表)\
                 或 \"incremental\"(之后符合条件的设备也会加入任务)",
            ),
            (_, Some(value)) => put!(out, "是否应为 \"", *value, "\"?"),
            (_, None) => return false,
        },
        P::InvalidTimestamp {
            rescaled: Some(rescaled),
        } => rescaled_hint(rescaled, out),
        P::EndBeforeStart { .. } => out.push_str("请把 endTimestamp 设为晚于 startTimestamp"),
        P::NotSameDay { window } => {
            out.push_str("请让窗口在开始的当天(");
            offset_text(window.offset_minutes, out);
            out.push_str(")结束,或把 isRepeatDaily 设为 false;时区由 timezoneOffsetInMinutes 指定");
        }
        P::ScheduleTooShort { .. } => out.push_str("请让窗口至少有 30 分钟"),
        P::MissingSelector => {
            out.push_str(
                "请添加 deviceKeys、attributes、tags 或 assetTrees,或把范围类型设为 total",
            );
        }
        P::ConflictingSelectors { .. } => out.push_str("只保留一种选择方式,删除其他的"),
        P::SelectorNotAllowed => out.push_str("请改用 deviceKeys 列出设备"),
        P::VerifyRequiresPartial => {
            out.push_str("请把范围类型设为 partial,并在 deviceKeys 中列出设备");
        }
        P::UnknownField {
            suggestion: Some(suggestion),
        } => match suggestion {
            FieldSuggestion::Typo {
                name: "includedNodes",
            } => out.push_str("是否应为 `includedNodes`?缺少它时会选择整棵资产树"),
            FieldSuggestion::Typo { name } => put!(out, "是否应为 `", *name, "`?"),
            FieldSuggestion::Misplaced { name, parent } => {
                put!(out, "`", *name, "` 应位于 `", *parent, "` 中");
            }
            FieldSuggestion::Schedule { name } => put!(
                out,
                "调度时间是 `schedulePolicy.",
                *name,
                "`,为 13 位毫秒时间戳\
                 (与 `startTimestamp`、`endTimestamp`、`isRepeatDaily` 一起);此字段会被忽略"
            ),
        },
        P::NumericString { value: Some(v) } => put!(out, "去掉引号,直接写数字 ", *v),
        P::InvalidJson { .. }
        | P::NotJson { .. }
        | P::Required
        | P::InvalidAddress
        | P::OutOfRange { .. }
        | P::Empty
        | P::TooMany { .. }
        | P::DuplicateKey
        | P::TooManyDeviceKeys { .. }
        | P::InvalidTimestamp { rescaled: None }
        | P::FirmwareNotFound
        | P::FirmwareNotVerified
        | P::TargetVersionInScope
        | P::InvalidOption { .. }
        | P::UnknownField { suggestion: None }
        | P::IgnoredField { .. }
        | P::DuplicateValue { .. }
        | P::NumericString { value: None } => return false,
    }
    true
}

/// What the fix does, said after its hint.
pub(super) fn fix_clause(problem: &Problem) -> &'static str {
    match problem {
        Problem::UnknownField {
            suggestion: Some(FieldSuggestion::Misplaced { .. }),
        } => "修复会把它移过去",
        Problem::UnknownField { .. } => "修复会重命名该字段",
        Problem::InvalidType {
            found: Found::LoneString(_),
            ..
        } => "修复会把它放进列表",
        Problem::InvalidType { .. } | Problem::NumericString { .. } => "修复会去掉引号",
        _ => "修复会写入该值",
    }
}

fn rescaled_hint(r: &Rescaled, out: &mut String) {
    let (unit, op) = match r.unit {
        TimeUnit::Seconds => ("秒", "乘以 1000"),
        TimeUnit::Microseconds => ("微秒", "除以 1000"),
    };
    put!(
        out,
        "这看起来是以",
        unit,
        "为单位:",
        op,
        "得到 ",
        r.millis,
        "("
    );
    datetime(r.millis, r.offset_minutes, out);
    out.push(' ');
    offset_text(r.offset_minutes, out);
    out.push(')');
}

fn window_text(w: &Window, out: &mut String) {
    out.push_str("开始于 ");
    datetime(w.start, w.offset_minutes, out);
    out.push_str(",结束于 ");
    datetime(w.end, w.offset_minutes, out);
    out.push('(');
    offset_text(w.offset_minutes, out);
    out.push(')');
}

fn syntax(kind: SyntaxError) -> &'static str {
    match kind {
        SyntaxError::Eof => "输入意外结束",
        SyntaxError::ExpectedValue => "此处应为一个值",
        SyntaxError::ExpectedColon => "此处应为 `:`",
        SyntaxError::ExpectedCommaOrBracket => "此处应为 `,` 或 `]`",
        SyntaxError::ExpectedCommaOrBrace => "此处应为 `,` 或 `}`",
        SyntaxError::KeyMustBeString => "对象的键必须是字符串",
        SyntaxError::InvalidNumber => "无效的数字",
        SyntaxError::InvalidEscape => "字符串中有无效的转义",
        SyntaxError::ControlCharacter => "字符串中有未转义的控制字符",
        SyntaxError::TrailingCharacters => "JSON 值之后有多余内容",
        SyntaxError::TooDeep => "嵌套过深(最多 127 层)",
        SyntaxError::InvalidUtf8 => "无效的 UTF-8",
    }
}

fn expected(kind: Expected) -> &'static str {
    match kind {
        Expected::Object => "对象",
        Expected::Array => "数组",
        Expected::String => "字符串",
        Expected::Boolean => "布尔值",
        Expected::Integer => "整数",
        Expected::NonNull => "非 null 的值",
    }
}

fn found_text(found: &Found) -> &'static str {
    match found {
        Found::Null => "null",
        Found::Boolean => "布尔值",
        Found::Number => "数字",
        Found::String | Found::LoneString(_) => "字符串",
        Found::Array => "数组",
        Found::Object => "对象",
        Found::Fraction => "带小数或指数的数字",
        Found::NegativeZero => "-0",
        Found::NonDigitString => "非纯数字的字符串",
        Found::BooleanString(_) => "写成字符串的布尔值",
    }
}

fn js_kind(kind: JsValueKind) -> &'static str {
    match kind {
        JsValueKind::Undefined => "undefined",
        JsValueKind::Null => "null",
        JsValueKind::NaN | JsValueKind::Infinity | JsValueKind::NegativeInfinity => "数字",
        JsValueKind::Number => "数字",
        JsValueKind::Boolean => "布尔值",
        JsValueKind::BigInt => "BigInt",
        JsValueKind::Function => "函数",
        JsValueKind::Symbol => "Symbol",
        JsValueKind::Object
        | JsValueKind::Cycle
        | JsValueKind::Unreadable
        | JsValueKind::TooLarge
        | JsValueKind::TooManyForeign => "对象",
        JsValueKind::Array => "数组",
    }
}

fn not_json(kind: JsValueKind) -> &'static str {
    match kind {
        JsValueKind::Undefined => "undefined 不是 JSON 值",
        JsValueKind::NaN => "NaN 不是 JSON 值(JSON 数字必须是有限数)",
        JsValueKind::Infinity => "Infinity 不是 JSON 值(JSON 数字必须是有限数)",
        JsValueKind::NegativeInfinity => "-Infinity 不是 JSON 值(JSON 数字必须是有限数)",
        JsValueKind::Function => "函数不是 JSON 值",
        JsValueKind::Symbol => "Symbol 不是 JSON 值",
        JsValueKind::Cycle => "循环引用无法写成 JSON",
        JsValueKind::Unreadable => "读取该值时抛出了异常",
        JsValueKind::TooLarge => "该值太大,无法转换为 JSON",
        JsValueKind::TooManyForeign => "无法用 JSON 表示的值太多",
        JsValueKind::Null
        | JsValueKind::Number
        | JsValueKind::Boolean
        | JsValueKind::BigInt
        | JsValueKind::Object
        | JsValueKind::Array => "该值无法写成 JSON",
    }
}
