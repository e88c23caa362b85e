//! The text format: `FILE:LINE:COLUMN: error[code]: message`, the JSON Pointer and
//! the hint, a code frame on a terminal, and a summary line.

use annotate_snippets::renderer::{
    Style, DEFAULT_EMPHASIS_STYLE, DEFAULT_ERROR_STYLE, DEFAULT_HELP_STYLE, DEFAULT_LINE_NUM_STYLE,
    DEFAULT_WARNING_STYLE,
};
use annotate_snippets::{AnnotationKind, Group, Renderer, Snippet};

use super::{hint, issues, position, Checked, Level, Pos, Sink};

/// The most bytes of source a code frame looks at on each side of its span.
const FRAME_CONTEXT: usize = 240;

pub struct Text {
    colour: bool,
    frame: bool,
    files: usize,
    errors: usize,
    warnings: usize,
    unreadable: usize,
}

impl Text {
    pub fn new(colour: bool, frame: bool) -> Text {
        Text {
            colour,
            frame,
            files: 0,
            errors: 0,
            warnings: 0,
            unreadable: 0,
        }
    }

    fn paint(&self, style: Style, text: &str) -> String {
        if self.colour {
            format!("{}{text}{}", style.render(), style.render_reset())
        } else {
            text.to_string()
        }
    }

    pub fn checked(&mut self, sink: &mut Sink, checked: &Checked<'_>) {
        self.files += 1;
        self.errors += checked.report.errors.len();
        self.warnings += checked.report.warnings.len();
        sink.write(&self.blocks(checked));
    }

    /// One block per problem, errors first.
    pub fn blocks(&self, checked: &Checked<'_>) -> String {
        let mut out = String::new();
        for (level, issue) in issues(checked.report) {
            let pos = position(issue);
            let mut block = String::new();
            let place = match pos {
                Some(p) => format!("{}:{}:{}:", checked.name, p.line, p.column),
                None => format!("{}:", checked.name),
            };
            let style = level_style(level);
            block.push_str(&self.paint(DEFAULT_EMPHASIS_STYLE, &place));
            block.push(' ');
            block.push_str(&self.paint(style, &format!("{}[{}]", level.as_str(), issue.code)));
            block.push_str(&self.paint(DEFAULT_EMPHASIS_STYLE, &format!(": {}", issue.message)));
            block.push('\n');
            let path = if issue.path.is_empty() {
                "\"\""
            } else {
                &issue.path
            };
            block.push_str(&self.note("path", path));
            if let Some(hint) = hint(issue) {
                block.push_str(&self.note("hint", hint));
            }
            if self.frame {
                if let (Some(pos), Some(source)) = (pos, checked.source) {
                    if let Some(frame) = self.frame(level, source, pos) {
                        block.push_str(&frame);
                        block.push_str("\n\n");
                    }
                }
            }
            out.push_str(&block);
        }
        out
    }

    fn note(&self, name: &str, text: &str) -> String {
        let label = match name {
            "hint" => self.paint(DEFAULT_HELP_STYLE, name),
            _ => self.paint(DEFAULT_EMPHASIS_STYLE, name),
        };
        format!(
            "  {} {label}: {text}\n",
            self.paint(DEFAULT_LINE_NUM_STYLE, "=")
        )
    }

    /// The source lines of the span with the span marked, or `None` when the
    /// position does not fall on the text (then no frame is better than a wrong one).
    fn frame(&self, level: Level, source: &str, pos: Pos) -> Option<String> {
        let (start, end) = (pos.start, pos.end.max(pos.start));
        if end > source.len() || !source.is_char_boundary(start) || !source.is_char_boundary(end) {
            return None;
        }
        // Only the lines of the span, and at most FRAME_CONTEXT bytes beside it: a
        // minified file is one long line, and a long span is cut after its first line.
        // Every search stays inside the window, so a frame costs the same in any file.
        let mut from = start.saturating_sub(FRAME_CONTEXT);
        while !source.is_char_boundary(from) {
            from += 1;
        }
        if let Some(i) = source[from..start].rfind('\n') {
            from += i + 1;
        }
        let mut end = end;
        if end - start > FRAME_CONTEXT {
            let mut cut = start + FRAME_CONTEXT;
            while !source.is_char_boundary(cut) {
                cut -= 1;
            }
            end = source[start..cut].find('\n').map_or(cut, |i| start + i);
        }
        let mut to = (end + FRAME_CONTEXT).min(source.len());
        while !source.is_char_boundary(to) {
            to -= 1;
        }
        if let Some(i) = source[end..to].find('\n') {
            to = end + i;
        }
        let excerpt = source[from..to].trim_end_matches('\r');
        let span = (start - from)..(end - from).min(excerpt.len());
        let level = match level {
            Level::Error => annotate_snippets::Level::ERROR,
            Level::Warning => annotate_snippets::Level::WARNING,
        };
        let group = Group::with_level(level).element(
            Snippet::source(excerpt)
                .line_start(pos.line)
                .fold(true)
                .annotation(AnnotationKind::Primary.span(span)),
        );
        let renderer = if self.colour {
            Renderer::styled()
        } else {
            Renderer::plain()
        };
        Some(renderer.render(&[group]))
    }

    pub fn unreadable(&mut self) {
        self.unreadable += 1;
    }

    pub fn finish(self, sink: &mut Sink) {
        let mut line = format!(
            "{}: {}, {}",
            plural(self.files, "file checked", "files checked"),
            plural(self.errors, "error", "errors"),
            plural(self.warnings, "warning", "warnings"),
        );
        if self.unreadable > 0 {
            line.push_str(&format!(
                ", {} not read",
                plural(self.unreadable, "input", "inputs")
            ));
        }
        let style = if self.errors > 0 || self.unreadable > 0 {
            DEFAULT_ERROR_STYLE
        } else if self.warnings > 0 {
            DEFAULT_WARNING_STYLE
        } else {
            DEFAULT_EMPHASIS_STYLE
        };
        let line = self.paint(style, &line);
        sink.write(&line);
        sink.write("\n");
    }
}

fn level_style(level: Level) -> Style {
    match level {
        Level::Error => DEFAULT_ERROR_STYLE,
        Level::Warning => DEFAULT_WARNING_STYLE,
    }
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}
