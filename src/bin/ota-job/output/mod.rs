//! Printing reports: the four formats, and a stdout that a closed pipe cannot crash.

mod github;
mod json;
mod sarif;
mod text;

use std::io::{self, BufWriter, IsTerminal, Stdout, Write};

use enos_ota_job::{Issue, Report};

use crate::args::{ColorWhen, Format};

pub use json::pretty;
pub use text::Text;

/// Standard output, buffered. After the reader goes away (`| head`), every write is
/// dropped quietly; another write failure is kept and reported once at the end.
pub struct Sink {
    out: BufWriter<Stdout>,
    closed: bool,
    failure: Option<io::Error>,
}

impl Sink {
    pub fn stdout() -> Sink {
        Sink {
            out: BufWriter::new(io::stdout()),
            closed: false,
            failure: None,
        }
    }

    pub fn write(&mut self, text: &str) {
        if self.closed {
            return;
        }
        if let Err(e) = self.out.write_all(text.as_bytes()) {
            self.fail(e);
        }
    }

    fn fail(&mut self, e: io::Error) {
        self.closed = true;
        if e.kind() != io::ErrorKind::BrokenPipe {
            self.failure = Some(e);
        }
    }

    /// Flushes; `Err` only for a failure other than a closed pipe.
    pub fn finish(mut self) -> Result<(), io::Error> {
        if !self.closed {
            if let Err(e) = self.out.flush() {
                self.fail(e);
            }
        }
        // Nothing is left to write: forget the buffer (its drop would flush again).
        let (_, _) = self.out.into_parts();
        match self.failure {
            Some(e) => Err(e),
            None => Ok(()),
        }
    }
}

/// Writes a line to standard error, ignoring a closed stderr.
pub fn to_stderr(line: &str) {
    let mut err = io::stderr().lock();
    let _ = writeln!(err, "{line}");
}

/// Whether colour is on for a stream, given `--color` and the `NO_COLOR` convention.
pub fn colour(when: ColorWhen, is_terminal: bool) -> bool {
    match when {
        ColorWhen::Always => true,
        ColorWhen::Never => false,
        ColorWhen::Auto => is_terminal && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()),
    }
}

pub fn stdout_is_terminal() -> bool {
    io::stdout().is_terminal()
}

/// The place of an issue in its text (byte offsets `start..end` index the text).
pub use enos_ota_job::Span as Pos;

/// The issue's position, when the report was made from text.
pub fn position(issue: &Issue) -> Option<Pos> {
    issue.span
}

/// The issue's hint, when it has one.
pub fn hint(issue: &Issue) -> Option<&str> {
    issue.hint.as_deref()
}

/// Every issue of a report with its level name, errors first.
pub fn issues(report: &Report) -> impl Iterator<Item = (Level, &Issue)> {
    let errors = report.errors.iter().map(|i| (Level::Error, i));
    errors.chain(report.warnings.iter().map(|i| (Level::Warning, i)))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    Error,
    Warning,
}

impl Level {
    pub fn as_str(self) -> &'static str {
        match self {
            Level::Error => "error",
            Level::Warning => "warning",
        }
    }
}

/// One checked input, as the reporters see it.
pub struct Checked<'a> {
    pub name: &'a str,
    /// The text the positions point into, when it is UTF-8.
    pub source: Option<&'a str>,
    pub report: &'a Report,
}

/// Prints the reports of a run in one format.
pub enum Reporter {
    Text(Text),
    Json(json::Json),
    Github,
    Sarif(sarif::Sarif),
}

impl Reporter {
    /// `single`: the run has exactly one input, named as a file or `-` (then `json`
    /// prints that input's report alone, else one JSON line per input).
    pub fn new(format: Format, colour: bool, frame: bool, single: bool) -> Reporter {
        match format {
            Format::Text => Reporter::Text(Text::new(colour, frame)),
            Format::Json => Reporter::Json(json::Json { lines: !single }),
            Format::Github => Reporter::Github,
            Format::Sarif => Reporter::Sarif(sarif::Sarif::default()),
        }
    }

    pub fn checked(&mut self, sink: &mut Sink, checked: &Checked<'_>) {
        match self {
            Reporter::Text(text) => text.checked(sink, checked),
            Reporter::Json(json) => json.checked(sink, checked),
            Reporter::Github => github::checked(sink, checked),
            Reporter::Sarif(sarif) => sarif.checked(checked),
        }
    }

    /// An input that could not be read (its message is already on stderr).
    pub fn unreadable(&mut self, name: &str, why: &str) {
        match self {
            Reporter::Text(text) => text.unreadable(),
            Reporter::Sarif(sarif) => sarif.unreadable(name, why),
            Reporter::Json(_) | Reporter::Github => {}
        }
    }

    pub fn finish(self, sink: &mut Sink) {
        match self {
            Reporter::Text(text) => text.finish(sink),
            Reporter::Sarif(sarif) => sarif.finish(sink),
            Reporter::Json(_) | Reporter::Github => {}
        }
    }
}
