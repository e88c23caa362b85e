//! The reader's tests: values as written, strings, repeated keys, nesting, errors.

use super::parse::{parse, SyntaxError, FEW_KEYS, TAKE_STACK};
use super::Node;

#[test]
fn reads_numbers_as_written() {
    let node = parse(r#"[7200, -0, 7.2e3, 18446744073709551616]"#).unwrap();
    let Node::Array(items) = node else { panic!() };
    let raw: Vec<_> = items
        .iter()
        .map(|n| match &n.node {
            Node::Number(r) => r.to_string(),
            _ => panic!(),
        })
        .collect();
    assert_eq!(raw, ["7200", "-0", "7.2e3", "18446744073709551616"]);
}

#[test]
fn unescapes_strings_and_replaces_lone_surrogates() {
    let node =
        parse(r#"["a\"b\\\/\n\u00e9\ud83d\ude00", "\ud800x", "\udc00\ud800\u0041"]"#).unwrap();
    let Node::Array(items) = node else { panic!() };
    assert_eq!(items[0].node, Node::String("a\"b\\/\né😀".into()));
    assert_eq!(items[1].node, Node::String("\u{FFFD}x".into()));
    assert_eq!(items[2].node, Node::String("\u{FFFD}\u{FFFD}A".into()));
}

#[test]
fn flags_repeated_keys_in_small_and_large_objects() {
    let small = parse(r#"{"a":1,"b":2,"a":3}"#).unwrap();
    let Node::Object(obj) = small else { panic!() };
    assert!(obj.has_duplicates);
    assert_eq!(obj.get("a"), Some(&Node::Number("3".into())));
    let keys: Vec<String> = (0..40).map(|i| format!("\"k{i}\":0")).collect();
    let large = format!("{{{},\"k7\":1}}", keys.join(","));
    let Node::Object(obj) = parse(&large).unwrap() else {
        panic!()
    };
    assert!(obj.has_duplicates);
    let distinct = format!("{{{}}}", keys.join(","));
    let Node::Object(obj) = parse(&distinct).unwrap() else {
        panic!()
    };
    assert!(!obj.has_duplicates);
    // Around the pair-by-pair limit, keys of one length and of several.
    for n in 1..=FEW_KEYS + 2 {
        let keys: Vec<String> = (0..n)
            .map(|i| format!("{}{}", "k".repeat(i % 3 + 1), i / 3))
            .collect();
        let object = |keys: &[String]| {
            let members: Vec<String> = keys.iter().map(|k| format!("\"{k}\":0")).collect();
            let text = format!("{{{}}}", members.join(","));
            let Ok(Node::Object(obj)) = parse(&text) else {
                panic!()
            };
            obj.has_duplicates
        };
        assert!(!object(&keys), "{keys:?}");
        for j in 1..n {
            for i in 0..j {
                let mut repeated = keys.clone();
                repeated[j] = keys[i].clone();
                assert!(object(&repeated), "{repeated:?}");
            }
        }
    }
}

#[test]
fn reports_errors_with_positions() {
    let cases = [
        ("", SyntaxError::Eof, (1, 1)),
        ("{\n  \"a\": tru }", SyntaxError::ExpectedValue, (2, 11)),
        ("[1,]", SyntaxError::ExpectedValue, (1, 4)),
        ("{\"a\" 1}", SyntaxError::ExpectedColon, (1, 6)),
        ("{1:2}", SyntaxError::KeyMustBeString, (1, 2)),
        ("[1 2]", SyntaxError::ExpectedCommaOrBracket, (1, 4)),
        ("{\"a\":1 \"b\"}", SyntaxError::ExpectedCommaOrBrace, (1, 8)),
        ("01", SyntaxError::TrailingCharacters, (1, 2)),
        ("1.", SyntaxError::Eof, (1, 3)),
        ("-x", SyntaxError::InvalidNumber, (1, 2)),
        ("\"\\x\"", SyntaxError::InvalidEscape, (1, 3)),
        ("\"a\tb\"", SyntaxError::ControlCharacter, (1, 3)),
        ("\"é\u{1}\"", SyntaxError::ControlCharacter, (1, 3)),
    ];
    for (text, kind, pos) in cases {
        let err = parse(text).unwrap_err();
        assert_eq!((err.kind, err.line_column(text)), (kind, pos), "{text:?}");
    }
}

#[test]
fn nested_containers_keep_their_own_entries() {
    let many: Vec<String> = (0..TAKE_STACK + 5)
        .map(|i| format!("[{i},{{\"k\":[{i}]}}]"))
        .collect();
    let texts = [
        r#"[[1,2],[3,[4,5]],6,{"a":[7,{"b":{}}],"c":[]},[]]"#.to_string(),
        r#"{"a":{"b":{"c":[1,[2]],"d":3},"e":[{"f":4},{"g":5}]},"h":[[[]]]}"#.to_string(),
        format!("[{}]", many.join(",")),
        format!("{{\"x\":[1],\"big\":[{}],\"y\":[2]}}", many.join(",")),
    ];
    for text in &texts {
        let ours = super::to_value(&parse(text).unwrap());
        let theirs: serde_json::Value = serde_json::from_str(text).unwrap();
        assert_eq!(ours, theirs);
    }
    // Inner containers get a Vec of their exact size.
    let Node::Array(items) = parse(&texts[0]).unwrap() else {
        panic!()
    };
    let Node::Array(inner) = &items[1].node else {
        panic!()
    };
    assert_eq!((inner.len(), inner.capacity()), (2, 2));
}

#[test]
fn refuses_the_128th_level_and_reads_the_127th() {
    let ok = format!("{}{}", "[".repeat(127), "]".repeat(127));
    assert!(parse(&ok).is_ok());
    let deep = format!("{}{}", "[".repeat(128), "]".repeat(128));
    assert_eq!(parse(&deep).unwrap_err().kind, SyntaxError::TooDeep);
    let very_deep = "[".repeat(100_000);
    assert_eq!(parse(&very_deep).unwrap_err().kind, SyntaxError::TooDeep);
}

#[test]
fn records_where_each_item_and_member_value_starts() {
    let text = "[ 1, \"a\\n\",\n\t{\"k\" :  [true, null], \"é\":-2.5e1}, [] ]";
    let Node::Array(items) = parse(text).unwrap() else {
        panic!()
    };
    let starts: Vec<&str> = items.iter().map(|item| &text[item.start..]).collect();
    assert!(starts[0].starts_with("1,"));
    assert!(starts[1].starts_with("\"a\\n\""));
    assert!(starts[2].starts_with("{\"k\""));
    assert!(starts[3].starts_with("[] ]"));
    let Node::Object(obj) = &items[2].node else {
        panic!()
    };
    let values: Vec<&str> = obj.members.iter().map(|(_, v)| &text[v.start..]).collect();
    assert!(values[0].starts_with("[true, null]"));
    assert!(values[1].starts_with("-2.5e1}"));
    let Node::Array(inner) = &obj.members[0].1.node else {
        panic!()
    };
    assert_eq!(text[inner[1].start..].get(..4), Some("null"));
}
