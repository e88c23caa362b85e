//! The locator's tests: spans of values, keys, missing members and repeated keys; lines
//! and columns.

use super::locate::{line_columns, locate, Target};

fn find(text: &str, pointer: &str, key: bool) -> (usize, usize) {
    let spans = locate(
        text,
        &[Target {
            pointer,
            key,
            occurrence: None,
        }],
    );
    let (start, end) = spans[0];
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
    let spans = locate(
        text,
        &[Target {
            pointer: "/a",
            key: false,
            occurrence: None,
        }],
    );
    assert_eq!(&text[spans[0].0..spans[0].1], "[1, {\"b\\u0063\": \"x\"}]");
}

#[test]
fn picks_the_copy_of_a_repeated_key() {
    let text = r#"{"k":1,"k":22,"k":333}"#;
    let at = |occurrence| {
        let s = locate(
            text,
            &[Target {
                pointer: "/k",
                key: false,
                occurrence,
            }],
        )[0];
        &text[s.0..s.1]
    };
    assert_eq!(at(None), "333");
    assert_eq!(at(Some(1)), "22");
    assert_eq!(at(Some(0)), "1");
}

#[test]
fn finds_among_many_wanted_members_and_items() {
    // Twelve wanted keys (searched by halves), items by index (`01` is no index),
    // and members of a key that repeats.
    let keys: Vec<String> = (0..12)
        .map(|i| format!("\"k{i:02}\":[{i},{i},{i}]"))
        .collect();
    let text = format!("{{{},\"k05\":[7,8]}}", keys.join(", "));
    let pointers: Vec<String> = (0..12)
        .flat_map(|i| [format!("/k{i:02}"), format!("/k{i:02}/{}", i % 3)])
        .chain([
            "/k05/1".to_string(),
            "/k05/01".to_string(),
            "/k05/9".to_string(),
        ])
        .collect();
    let targets: Vec<Target<'_>> = pointers
        .iter()
        .map(|pointer| Target {
            pointer,
            key: false,
            occurrence: None,
        })
        .collect();
    let found: Vec<&str> = locate(&text, &targets)
        .into_iter()
        .map(|(a, b)| &text[a..b])
        .collect();
    for i in 0..12 {
        let (list, item) = (found[2 * i], found[2 * i + 1]);
        if i == 5 {
            // The list is the last copy's; its item 2 is only in the first copy.
            assert_eq!((list, item), ("[7,8]", "5"));
        } else {
            assert_eq!((list, item), (&*format!("[{i},{i},{i}]"), &*i.to_string()));
        }
    }
    assert_eq!(&found[24..], ["8", "[7,8]", "[7,8]"]);
}

#[test]
fn text_that_is_not_json_gives_spans_without_panicking() {
    for text in [
        "{\"é",
        "{\"a\":[1,{\"b\":",
        "[\"\\",
        "{\"a\" 1 }",
        "{\"a\":[}]}",
        "]",
    ] {
        let spans = locate(
            text,
            &[Target {
                pointer: "/a/1/b",
                key: true,
                occurrence: Some(2),
            }],
        );
        assert!(
            spans[0].0 <= spans[0].1 && spans[0].1 <= text.len(),
            "{text:?}"
        );
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
    let spans = locate(
        text,
        &[Target {
            pointer: "/y",
            key: false,
            occurrence: None,
        }],
    );
    assert_eq!(
        line_columns(text, &[spans[0].0, spans[0].1]),
        [(2, 13), (2, 14)]
    );
}
