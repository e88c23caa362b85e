//! The inputs named on the command line: files, directories (every `*.json` under
//! them, sorted) and standard input, each read whole under a size cap.

use std::fmt;
use std::fs;
use std::io::{self, Read};
use std::path::{Path, PathBuf};

/// The largest input read: 256 MiB. Larger ones are refused before any allocation.
pub const MAX_INPUT_BYTES: u64 = 256 * 1024 * 1024;

/// The name standard input goes by in every output.
pub const STDIN_NAME: &str = "<stdin>";

/// One input to check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    Stdin,
    File(PathBuf),
}

impl Input {
    /// The name shown in diagnostics: the path as given (joined under its directory).
    pub fn name(&self) -> String {
        match self {
            Input::Stdin => STDIN_NAME.into(),
            Input::File(path) => path.display().to_string(),
        }
    }

    /// Reads the whole input, refusing one over [`MAX_INPUT_BYTES`].
    pub fn read(&self) -> Result<Vec<u8>, ReadError> {
        match self {
            Input::Stdin => read_capped(io::stdin().lock(), 0),
            Input::File(path) => {
                let file = fs::File::open(path).map_err(ReadError::Io)?;
                let meta = file.metadata().map_err(ReadError::Io)?;
                if meta.is_dir() {
                    return Err(ReadError::Io(io::Error::new(
                        io::ErrorKind::IsADirectory,
                        "is a directory",
                    )));
                }
                if meta.len() > MAX_INPUT_BYTES {
                    return Err(ReadError::TooLarge(Some(meta.len())));
                }
                read_capped(file, meta.len())
            }
        }
    }
}

/// Why an input could not be read.
#[derive(Debug)]
pub enum ReadError {
    Io(io::Error),
    /// Over the cap; the size when known.
    TooLarge(Option<u64>),
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReadError::Io(e) => write!(f, "{}", plain_io_error(e)),
            ReadError::TooLarge(Some(size)) => write!(
                f,
                "too large: {} MiB, over the limit of {} MiB",
                size.div_ceil(1024 * 1024),
                MAX_INPUT_BYTES / (1024 * 1024)
            ),
            ReadError::TooLarge(None) => write!(
                f,
                "too large: over the limit of {} MiB",
                MAX_INPUT_BYTES / (1024 * 1024)
            ),
        }
    }
}

/// The OS error without its `(os error N)` tail.
pub fn plain_io_error(e: &io::Error) -> String {
    let text = e.to_string();
    match text.find(" (os error") {
        Some(at) => text[..at].to_string(),
        None => text,
    }
}

fn read_capped(reader: impl Read, size_hint: u64) -> Result<Vec<u8>, ReadError> {
    // The metadata may lie (pipes, /proc): the cap holds whatever the reader yields.
    let mut bytes = Vec::with_capacity(size_hint.min(MAX_INPUT_BYTES) as usize);
    reader
        .take(MAX_INPUT_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(ReadError::Io)?;
    if bytes.len() as u64 > MAX_INPUT_BYTES {
        return Err(ReadError::TooLarge(None));
    }
    Ok(bytes)
}

/// One entry of the expanded command line: an input, or a failure to list a directory.
#[derive(Debug)]
pub enum Entry {
    Input(Input),
    /// A directory (or one under it) that could not be listed.
    Unlisted(String, io::Error),
    /// A directory with no `*.json` file under it.
    Empty(String),
}

/// Expands the command line's inputs in order: `-` is standard input, a directory
/// every `*.json` file under it (recursively, sorted by path, symbolic links to
/// directories not followed), anything else a file. No argument is standard input.
pub fn expand(args: &[PathBuf]) -> Vec<Entry> {
    if args.is_empty() {
        return vec![Entry::Input(Input::Stdin)];
    }
    let mut entries = Vec::new();
    for arg in args {
        if arg.as_os_str() == "-" {
            entries.push(Entry::Input(Input::Stdin));
        } else if arg.is_dir() {
            let before = entries.len();
            let mut files = Vec::new();
            walk(arg, &mut files, &mut entries);
            files.sort();
            let found = !files.is_empty();
            entries.extend(files.into_iter().map(|f| Entry::Input(Input::File(f))));
            if !found && entries.len() == before {
                entries.push(Entry::Empty(arg.display().to_string()));
            }
        } else {
            entries.push(Entry::Input(Input::File(arg.clone())));
        }
    }
    entries
}

/// Whether any argument is a directory (then JSON output is always JSON Lines).
pub fn names_a_directory(args: &[PathBuf]) -> bool {
    args.iter().any(|a| a.as_os_str() != "-" && a.is_dir())
}

fn walk(dir: &Path, files: &mut Vec<PathBuf>, failures: &mut Vec<Entry>) {
    let listing = match fs::read_dir(dir) {
        Ok(listing) => listing,
        Err(e) => {
            failures.push(Entry::Unlisted(dir.display().to_string(), e));
            return;
        }
    };
    for item in listing {
        let item = match item {
            Ok(item) => item,
            Err(e) => {
                failures.push(Entry::Unlisted(dir.display().to_string(), e));
                continue;
            }
        };
        let path = item.path();
        let Ok(kind) = item.file_type() else {
            continue;
        };
        if kind.is_dir() {
            walk(&path, files, failures);
        } else if is_json_name(&path) && (kind.is_file() || path.is_file()) {
            files.push(path);
        }
    }
}

fn is_json_name(path: &Path) -> bool {
    path.extension()
        .is_some_and(|ext| ext.eq_ignore_ascii_case("json"))
}
