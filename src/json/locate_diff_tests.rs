//! The locator that follows the tree, held to the one that read the text again
//! (`locate_text.rs`) over generated texts: every value, every key, absent members and
//! items, repeated keys, and text that is not JSON.

use super::locate::{Locator, Source};
use super::locate_text::{locate, Target};
use super::parse::parse;
use super::Node;

/// xorshift64*: the same texts on every run.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

fn blank(r: &mut Rng, out: &mut String) {
    for _ in 0..r.below(3) {
        out.push_str([" ", "\n", "\t", "\r\n", "  "][r.below(5)]);
    }
}

/// A key or string: plain, escaped, or with characters the text writes as escapes.
fn string(r: &mut Rng, out: &mut String) {
    const PARTS: [&str; 14] = [
        "a", "b", "k", "é", "😀", "\\\"", "\\\\", "\\u0061", "\\n", "~", "/", "\\ud800", "0", "\\/",
    ];
    out.push('"');
    for _ in 0..r.below(4) {
        out.push_str(PARTS[r.below(PARTS.len())]);
    }
    out.push('"');
}

fn value(r: &mut Rng, depth: usize, out: &mut String) {
    let kinds = if depth >= 4 { 5 } else { 7 };
    match r.below(kinds) {
        0 => out.push_str(["true", "false", "null"][r.below(3)]),
        1 => out.push_str(["0", "-0", "12.5e-3", "7200", "1E400"][r.below(5)]),
        2..=4 => string(r, out),
        5 => {
            out.push('[');
            for i in 0..r.below(4) {
                if i > 0 {
                    out.push(',');
                }
                blank(r, out);
                value(r, depth + 1, out);
                blank(r, out);
            }
            out.push(']');
        }
        _ => {
            out.push('{');
            for i in 0..r.below(5) {
                if i > 0 {
                    out.push(',');
                }
                blank(r, out);
                // Often one of a few keys, so that keys repeat (`\u0061` is `a`).
                match r.below(6) {
                    0..=2 => out.push_str(["\"a\"", "\"k\"", "\"\\u0061\""][r.below(3)]),
                    _ => string(r, out),
                }
                blank(r, out);
                out.push(':');
                blank(r, out);
                value(r, depth + 1, out);
                blank(r, out);
            }
            out.push('}');
        }
    }
}

fn escape(key: &str) -> String {
    key.replace('~', "~0").replace('/', "~1")
}

/// Every pointer of the tree and some absent ones beside them; whether the pointer
/// goes through a repeated key before its last token; and each repeated member's
/// (pointer, copy, value start).
fn pointers(
    node: &Node<'_>,
    at: &str,
    through: bool,
    out: &mut Vec<(String, bool)>,
    repeats: &mut Vec<(String, usize, usize, bool)>,
) {
    out.push((at.to_string(), through));
    out.push((format!("{at}/zz"), through));
    match node {
        Node::Array(items) => {
            out.push((format!("{at}/{}", items.len()), through));
            out.push((format!("{at}/01"), through));
            for (i, item) in items.iter().enumerate() {
                pointers(item, &format!("{at}/{i}"), through, out, repeats);
            }
        }
        Node::Object(obj) => {
            for (i, (key, value)) in obj.members.iter().enumerate() {
                let copies = obj.members.iter().filter(|(k, _)| k == key).count();
                let before = obj.members[..i].iter().filter(|(k, _)| k == key).count();
                let pointer = format!("{at}/{}", escape(key));
                if before > 0 {
                    repeats.push((pointer.clone(), before, value.start, through));
                }
                pointers(value, &pointer, through || copies > 1, out, repeats);
            }
        }
        _ => {}
    }
}

#[test]
fn the_tree_locator_agrees_with_the_text_locator() {
    let mut r = Rng(0x9E37_79B9_7F4A_7C15);
    let (mut compared, mut differ, mut repeated) = (0, 0, 0);
    for _ in 0..20_000 {
        let mut text = String::new();
        blank(&mut r, &mut text);
        value(&mut r, 0, &mut text);
        blank(&mut r, &mut text);
        let root = parse(&text).expect(&text);
        let (mut all, mut repeats) = (Vec::new(), Vec::new());
        pointers(&root, "", false, &mut all, &mut repeats);
        let mut locator = Locator::new(Source {
            text: &text,
            root: Some(&root),
        });
        for (pointer, through) in &all {
            for key in [false, true] {
                let old = locate(
                    &text,
                    &[Target {
                        pointer,
                        key,
                        occurrence: None,
                    }],
                )[0];
                let new = locator.span(pointer, key);
                compared += 1;
                if old != new {
                    // Only where an earlier copy of a repeated key holds the rest of
                    // the pointer, which the text locator took and the tree does not.
                    assert!(*through, "{text:?} {pointer} {key}: {old:?} {new:?}");
                    differ += 1;
                }
            }
        }
        for (pointer, copy, start, through) in &repeats {
            let old = locate(
                &text,
                &[Target {
                    pointer,
                    key: true,
                    occurrence: Some(*copy),
                }],
            )[0];
            let len = pointer
                .rsplit('/')
                .next()
                .unwrap()
                .replace("~1", "/")
                .replace("~0", "~")
                .len();
            let new = locator.key_before(*start, len);
            repeated += 1;
            if old != new {
                assert!(*through, "{text:?} {pointer} {copy}: {old:?} {new:?}");
                differ += 1;
            }
        }
        // Cut short, the text is not JSON: the root as far as it goes.
        for cut in [text.len() / 3, text.len() / 2, text.len().saturating_sub(1)] {
            let Some(part) = text.get(..cut) else {
                continue;
            };
            if parse(part).is_ok() {
                continue;
            }
            let old = locate(
                part,
                &[Target {
                    pointer: "",
                    key: false,
                    occurrence: None,
                }],
            )[0];
            let new = Locator::new(Source {
                text: part,
                root: None,
            })
            .span("", false);
            assert_eq!(old, new, "{part:?}");
            compared += 1;
        }
    }
    eprintln!("{compared} spans and {repeated} repeated keys compared; {differ} differ, each through a repeated key");
    assert!(compared > 200_000 && repeated > 1_000);
}
