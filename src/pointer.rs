//! RFC 6901 JSON Pointers, built on the stack as the rules descend and written
//! out only when a problem is reported.

/// A location in the validated document.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Path<'p> {
    /// The document root, below an optional prefix (e.g. `/body` for a request).
    Root(&'p str),
    Key(&'p Path<'p>, &'p str),
    Index(&'p Path<'p>, usize),
}

impl<'p> Path<'p> {
    /// The member `key` of this location.
    pub fn key(&'p self, key: &'p str) -> Path<'p> {
        Path::Key(self, key)
    }

    /// The item `index` of this location.
    pub fn index(&'p self, index: usize) -> Path<'p> {
        Path::Index(self, index)
    }

    /// The JSON Pointer text: `""` for the root, `/upgradeScope/deviceKeys/3`, ...
    pub fn render(&self) -> String {
        let mut out = String::with_capacity(self.len_hint());
        self.write(&mut out);
        out
    }

    /// Whether the pointer text of this location is `pointer`, compared from its end
    /// without writing it out.
    pub fn is(&self, pointer: &str) -> bool {
        self.is_bytes(pointer.as_bytes()).is_some()
    }

    fn is_bytes(&self, pointer: &[u8]) -> Option<()> {
        let mut p = pointer;
        let parent = match self {
            Path::Root(prefix) => return (p == prefix.as_bytes()).then_some(()),
            Path::Key(parent, key) => {
                // From the last byte back; `~` and `/` are escaped, and no byte of a
                // longer UTF-8 sequence is either.
                // Byte by byte, with no slice comparison (a call to `memcmp` in wasm).
                for &b in key.as_bytes().iter().rev() {
                    let (&last, head) = p.split_last()?;
                    p = head;
                    let escaped = match b {
                        b'~' => b'0',
                        b'/' => b'1',
                        _ => {
                            (last == b).then_some(())?;
                            continue;
                        }
                    };
                    let (&tilde, head) = p.split_last()?;
                    (last == escaped && tilde == b'~').then_some(())?;
                    p = head;
                }
                parent
            }
            Path::Index(parent, index) => {
                // The digits `write` writes, from the last one back.
                let mut v = i64::try_from(*index).unwrap_or(i64::MAX).unsigned_abs();
                loop {
                    let (&last, head) = p.split_last()?;
                    (last == b'0' + (v % 10) as u8).then_some(())?;
                    p = head;
                    v /= 10;
                    if v == 0 {
                        break;
                    }
                }
                parent
            }
        };
        match p.split_last() {
            Some((b'/', head)) => parent.is_bytes(head),
            _ => None,
        }
    }

    /// The length of the pointer text when no key needs escaping.
    fn len_hint(&self) -> usize {
        match self {
            Path::Root(prefix) => prefix.len(),
            Path::Key(parent, key) => parent.len_hint() + 1 + key.len(),
            Path::Index(parent, _) => parent.len_hint() + 4,
        }
    }

    /// Appends the pointer text to `out`.
    pub fn write(&self, out: &mut String) {
        match self {
            Path::Root(prefix) => out.push_str(prefix),
            Path::Key(parent, key) => {
                parent.write(out);
                out.push('/');
                if !crate::json::has_either(key.as_bytes(), b'~', b'/') {
                    out.push_str(key);
                    return;
                }
                for c in key.chars() {
                    match c {
                        '~' => out.push_str("~0"),
                        '/' => out.push_str("~1"),
                        c => out.push(c),
                    }
                }
            }
            Path::Index(parent, index) => {
                parent.write(out);
                out.push('/');
                crate::json::write_int(i64::try_from(*index).unwrap_or(i64::MAX), out);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_tilde_and_slash() {
        let root = Path::Root("");
        let scope = root.key("upgradeScope");
        let keys = scope.key("deviceKeys");
        assert_eq!(keys.index(3).render(), "/upgradeScope/deviceKeys/3");
        assert_eq!(root.key("a/b~c").render(), "/a~1b~0c");
        assert_eq!(root.key("").render(), "/");
        assert_eq!(root.render(), "");
        assert_eq!(Path::Root("/body").key("type").render(), "/body/type");
        // Deep, keys needing escapes and indexes alternating, every level checked.
        fn deeper(path: &Path<'_>, expected: &str, level: usize) {
            assert_eq!(path.render(), expected);
            if level == 20 {
                return;
            }
            if level % 2 == 0 {
                deeper(&path.key("k~/"), &format!("{expected}/k~0~1"), level + 1);
            } else {
                deeper(
                    &path.index(level),
                    &format!("{expected}/{level}"),
                    level + 1,
                );
            }
        }
        deeper(&Path::Root("/r"), "/r", 0);
    }

    #[test]
    fn is_compares_with_the_written_pointer() {
        let root = Path::Root("");
        let body = Path::Root("/body");
        let a = root.key("a/b~c");
        let ten = a.index(10);
        let paths = [
            root,
            body,
            root.key(""),
            a,
            a.index(0),
            ten,
            ten.key("x"),
            body.key("type"),
            root.key("設備"),
        ];
        let written: Vec<String> = paths.iter().map(Path::render).collect();
        for path in &paths {
            for w in &written {
                assert_eq!(path.is(w), path.render() == *w, "{path:?} {w:?}");
            }
        }
        for other in [
            "",
            "/",
            "//",
            "/a~1b~0c/01",
            "/a/b~c",
            "/body/type/",
            "body/type",
        ] {
            for path in &paths {
                assert_eq!(path.is(other), path.render() == other, "{path:?} {other:?}");
            }
        }
    }
}
