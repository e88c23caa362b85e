//! What a re-check of the document with one candidate fix applied looks for: whether the
//! fix's own problem is gone and whether an error was added. The rules' findings are
//! weighed as they are reported, not collected, and their paths are compared as they
//! are, not written out (but to search many errors of one code).

use crate::pointer::Path;
use crate::report::{Code, Severity};

/// Up to this many errors of one code are compared one by one; more are searched by
/// halves, the path written out.
const FEW: usize = 8;

/// The verdict on one candidate fix, built as the rules report.
pub(crate) struct Verifier<'v> {
    /// The path and code of the problem the fix is for.
    path: &'v str,
    code: Code,
    /// The errors of the document as it was, sorted by code, then path.
    before: &'v [(Code, &'v str)],
    /// Whether every problem counts as an error (option `strict`).
    strict: bool,
    /// Whether the fix's problem was reported again.
    seen: bool,
    /// Whether an error that was not there before was reported.
    added: bool,
    /// Where a path is written to be compared, reused from check to check.
    buf: &'v mut String,
}

impl<'v> Verifier<'v> {
    /// `buf`: a buffer to reuse (its content does not matter).
    pub fn new(
        path: &'v str,
        code: Code,
        before: &'v [(Code, &'v str)],
        strict: bool,
        buf: &'v mut String,
    ) -> Verifier<'v> {
        Verifier {
            path,
            code,
            before,
            strict,
            seen: false,
            added: false,
            buf,
        }
    }

    /// Takes in a problem reported at `path`.
    pub fn see(&mut self, path: &Path<'_>, code: Code) {
        if self.added {
            // The fix fails whatever comes next.
            return;
        }
        if !self.seen && code == self.code && path.is(self.path) {
            self.seen = true;
        }
        if (self.strict || code.severity() == Severity::Error) && !self.was_there(path, code) {
            self.added = true;
        }
    }

    /// Whether the document as it was had this error.
    fn was_there(&mut self, path: &Path<'_>, code: Code) -> bool {
        let before = self.before;
        let from = before.partition_point(|(c, _)| *c < code);
        let same = &before[from..];
        let same = &same[..same.partition_point(|(c, _)| *c == code)];
        if same.len() <= FEW {
            return same.iter().any(|(_, p)| path.is(p));
        }
        self.buf.clear();
        path.write(self.buf);
        let at = self.buf.as_str();
        same.binary_search_by(|(_, p)| (*p).cmp(at)).is_ok()
    }

    /// Whether the fix works: its problem is gone and no error was added.
    pub fn verdict(&self) -> bool {
        !self.seen && !self.added
    }
}
