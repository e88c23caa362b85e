//! The locator's tests: spans of values, keys, missing members and repeated keys; lines
//! and columns.

use super::locate::{line_columns, tokens, ByteSpan, Locator, Source};
use super::parse::parse;
use super::Node;

fn span_of(text: &str, pointer: &str, key: bool) -> ByteSpan {
    let root = parse(text).ok();
    let source = Source {
        text,
        root: root.as_ref(),
    };
    Locator::new(source).span(pointer, key)
}

fn find(text: &str, pointer: &str, key: bool) -> (usize, usize) {
    let (start, end) = span_of(text, pointer, key);
    let lc = line_columns(text, &[start, end]);
    (lc[0].0, lc[0].1)
}

#[test]
fn finds_values_keys_and_missing_members() {
    let text = "{\n  \"a\": [1, {\"b\\u0063\": \"x\"}],\n\t\"é😀\": true\n}";
    assert_eq!(find(text, "", false), (1, 1));
    assert_eq!(find(text, "/a", false), (2, 8));
    assert_eq!(find(text, "/a", true), (2, 3));
    assert_eq!(find(text, "/a/1/bc", false), (2, 24));
    assert_eq!(find(text, "/a/1/bc", true), (2, 13));
    assert_eq!(find(text, "/a/1/missing", false), (2, 12));
    assert_eq!(find(text, "/é😀", false), (3, 8));
    let (a, b) = span_of(text, "/a", false);
    assert_eq!(&text[a..b], "[1, {\"b\\u0063\": \"x\"}]");
    let (a, b) = span_of(text, "", false);
    assert_eq!(&text[a..b], text);
}

#[test]
fn a_repeated_key_is_its_last_copy_and_each_copy_is_found_from_its_value() {
    let text = r#"{"k":1,"k" : 22, "k":{"x":[333]}}"#;
    let (a, b) = span_of(text, "/k", false);
    assert_eq!(&text[a..b], r#"{"x":[333]}"#);
    let (a, b) = span_of(text, "/k/x/0", false);
    assert_eq!(&text[a..b], "333");
    let root = parse(text).unwrap();
    let Node::Object(obj) = &root else { panic!() };
    let locator = Locator::new(Source {
        text,
        root: Some(&root),
    });
    for (i, want) in [(0, 1), (1, 7), (2, 17)] {
        let (a, b) = locator.key_before(obj.members[i].1.start, 1);
        assert_eq!((a, &text[a..b]), (want, "\"k\""), "{i}");
    }
}

#[test]
fn finds_keys_with_escapes_from_their_values() {
    // Quotes and backslashes in keys, written escaped, and keys whose text is longer
    // than the key (`\u0061` is `a`).
    let keys = [
        r#""a\"b""#,
        r#""\\""#,
        r#""\\\"""#,
        r#""\u0061""#,
        r#""x\\\\""#,
        r#""\"""#,
        r#""\ud800""#,
        r#""~/""#,
    ];
    for key in keys {
        let text = format!("{{\"p\":0, {key}\t:\n [1], \"q\":2}}");
        let root = parse(&text).unwrap();
        let Node::Object(obj) = &root else { panic!() };
        let (name, value) = &obj.members[1];
        let pointer = format!("/{}", name.replace('~', "~0").replace('/', "~1"));
        let (a, b) = span_of(&text, &pointer, true);
        assert_eq!(&text[a..b], key, "{text}");
        let locator = Locator::new(Source {
            text: &text,
            root: Some(&root),
        });
        assert_eq!(locator.key_before(value.start, name.len()), (a, b));
    }
}

#[test]
fn finds_members_of_large_objects() {
    // More members than are searched one by one, some keys repeated.
    let mut members: Vec<String> = (0..100).map(|i| format!("\"k{i}\":{i}")).collect();
    members.push("\"k7\":[\"last\"]".to_string());
    members.push("\"k50\" : {\"a\":true}".to_string());
    let text = format!("{{{}}}", members.join(",\n"));
    let root = parse(&text).unwrap();
    let mut locator = Locator::new(Source {
        text: &text,
        root: Some(&root),
    });
    for i in 0..100 {
        let (a, b) = locator.span(&format!("/k{i}"), false);
        let want = match i {
            7 => "[\"last\"]".to_string(),
            50 => "{\"a\":true}".to_string(),
            _ => i.to_string(),
        };
        assert_eq!(&text[a..b], want);
        let (a, b) = locator.span(&format!("/k{i}"), true);
        assert_eq!(&text[a..b], format!("\"k{i}\""));
    }
    let (a, b) = locator.span("/k50/a", false);
    assert_eq!(&text[a..b], "true");
    assert_eq!(locator.span("/k100", false), (0, text.len()));
    assert_eq!(locator.span("/k", true), (0, text.len()));
}

#[test]
fn finds_items_by_index_only() {
    let text = r#"{"l":[10,[20,21],{"0":30}],"m":{"0":"zero","01":"one"}}"#;
    let at = |pointer| {
        let (a, b) = span_of(text, pointer, false);
        &text[a..b]
    };
    assert_eq!(at("/l/0"), "10");
    assert_eq!(at("/l/1/1"), "21");
    assert_eq!(at("/l/2/0"), "30");
    assert_eq!(at("/m/0"), "\"zero\"");
    assert_eq!(at("/m/01"), "\"one\"");
    // Not an index of the list: `01`, `-`, past the end, and beyond any usize.
    for pointer in [
        "/l/01",
        "/l/-",
        "/l/3",
        "/l/99999999999999999999999",
        "/l/x",
    ] {
        assert_eq!(at(pointer), r#"[10,[20,21],{"0":30}]"#, "{pointer}");
    }
    // A scalar has no members; an item's key is the item.
    assert_eq!(at("/l/0/a"), "10");
    let (a, b) = span_of(text, "/l/0", true);
    assert_eq!(&text[a..b], "10");
}

#[test]
fn text_that_is_not_json_gives_the_root_as_far_as_it_goes() {
    for (text, root) in [
        ("{\"é", "{\"é"),
        ("  {\"a\":[1,{\"b\":", "{\"a\":[1,{\"b\":"),
        ("[\"\\", "[\"\\"),
        ("{\"a\" 1 } x", "{\"a\" 1 }"),
        ("{\"a\":[}]}", "{\"a\":[}]"),
        ("]", "]"),
        ("not json", "not"),
        ("\"abc", "\"abc"),
        ("   ", ""),
        ("", ""),
    ] {
        for pointer in ["", "/a/1/b"] {
            let (a, b) = span_of(text, pointer, true);
            assert_eq!(&text[a..b], root, "{text:?}");
        }
    }
}

#[test]
fn counts_lines_and_characters_on_several_lines() {
    let text = "{\n  \"é\": [\n    \"😀\", 1\n  ]\n}";
    let offsets: Vec<usize> = (0..=text.len())
        .filter(|&i| text.is_char_boundary(i))
        .collect();
    let expected: Vec<(usize, usize)> = offsets
        .iter()
        .map(|&o| {
            let before = &text[..o];
            let line = before.matches('\n').count() + 1;
            let column = before.rsplit('\n').next().unwrap().chars().count() + 1;
            (line, column)
        })
        .collect();
    assert_eq!(line_columns(text, &offsets), expected);
    let reversed: Vec<usize> = offsets.iter().rev().copied().collect();
    let mut back = line_columns(text, &reversed);
    back.reverse();
    assert_eq!(back, expected);
}

#[test]
fn counts_crlf_and_characters() {
    let text = "{\r\n\"x\":\"ü\",\"y\":1}";
    let (start, end) = span_of(text, "/y", false);
    assert_eq!(line_columns(text, &[start, end]), [(2, 13), (2, 14)]);
}

#[test]
fn tokens_are_those_of_a_split_at_slashes() {
    for pointer in [
        "",
        "/",
        "//",
        "a",
        "a/b",
        "/a",
        "/a/",
        "/a~1b/~0c/0",
        "/設備/x",
        "x//y/",
    ] {
        let split: Vec<String> = pointer
            .split('/')
            .skip(1)
            .map(|t| t.replace("~1", "/").replace("~0", "~"))
            .collect();
        let ours: Vec<String> = tokens(pointer).map(|t| t.into_owned()).collect();
        assert_eq!(ours, split, "{pointer:?}");
    }
}
