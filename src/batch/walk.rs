//! Turning the inputs named on the command line into a sorted list of files.
//!
//! Folders are walked recursively, following symbolic links (archives are
//! often assembled from linked folders); walkdir detects link loops, and a
//! loop, an unreadable folder or a `.txt` that is not a regular file becomes a
//! per-file failure rather than a crash or a hang. Hidden entries (`.git`,
//! editor lock files, our own temp files) are skipped, as ripgrep and fd do,
//! and so is the output folder when it lies inside an input: otherwise the
//! texts written by `--text` would be read back on the next run.

use std::path::{Path, PathBuf};

use walkdir::{DirEntry, WalkDir};

use super::summary::Failure;

/// One input file and where its output goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Job {
    /// Where to read the file.
    pub path: PathBuf,
    /// The path relative to the input it was found under, with `/`: it is
    /// `source.path` in the JSON, and the output tree mirrors it.
    pub relative: String,
}

impl Job {
    /// `a/b/x.txt` -> `a/b/x.<extension>`.
    pub fn output_relative(&self, extension: &str) -> String {
        match self.relative.rsplit_once('.') {
            Some((stem, _)) if !stem.is_empty() && !stem.ends_with('/') => {
                format!("{stem}.{extension}")
            }
            _ => format!("{}.{extension}", self.relative),
        }
    }
}

/// The files a folder walk picks up: OCR text and Markdown exports.
pub fn is_candidate(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("txt") || e.eq_ignore_ascii_case("md"))
}

/// Walks every input. A file named directly is taken whatever its extension
/// (the user asked for it); inside folders only `.txt` and `.md` files are.
/// `skip_dir` is the canonical path of the output folder.
pub fn collect(inputs: &[PathBuf], skip_dir: Option<&Path>) -> (Vec<Job>, Vec<Failure>) {
    let mut jobs = Vec::new();
    let mut failures = Vec::new();
    for root in inputs {
        walk_one(root, skip_dir, &mut jobs, &mut failures);
    }
    (jobs, failures)
}

fn walk_one(
    root: &Path,
    skip_dir: Option<&Path>,
    jobs: &mut Vec<Job>,
    failures: &mut Vec<Failure>,
) {
    let walker = WalkDir::new(root)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|entry| {
            entry.depth() == 0 || !(is_hidden(entry) || is_skipped(entry, skip_dir))
        });
    for entry in walker {
        match entry {
            Ok(entry) => {
                let wanted = entry.depth() == 0 || is_candidate(entry.path());
                if !wanted || entry.file_type().is_dir() {
                    continue;
                }
                if !entry.file_type().is_file() {
                    failures.push(Failure::new(entry.path(), "not a regular file"));
                    continue;
                }
                jobs.push(Job {
                    path: entry.path().to_path_buf(),
                    relative: relative_path(root, &entry),
                });
            }
            Err(err) => {
                let path = err.path().unwrap_or(root).to_path_buf();
                if let Some(ancestor) = err.loop_ancestor() {
                    let reason = format!("symbolic link loop back to {}", ancestor.display());
                    failures.push(Failure::new(&path, reason));
                } else if err.depth() == 0 || is_candidate(&path) || path.is_dir() {
                    // A broken link to a picture is no business of ours; an
                    // unreadable folder or text file is.
                    let reason = match err.io_error() {
                        Some(io) => io_reason(io),
                        None => err.to_string(),
                    };
                    failures.push(Failure::new(&path, reason));
                }
            }
        }
    }
}

fn is_hidden(entry: &DirEntry) -> bool {
    entry
        .file_name()
        .to_str()
        .is_some_and(|name| name.starts_with('.'))
}

fn is_skipped(entry: &DirEntry, skip_dir: Option<&Path>) -> bool {
    let Some(skip) = skip_dir else { return false };
    entry.file_type().is_dir() && entry.path().canonicalize().is_ok_and(|p| p == skip)
}

fn relative_path(root: &Path, entry: &DirEntry) -> String {
    let relative = if entry.depth() == 0 {
        Path::new(entry.file_name())
    } else {
        entry.path().strip_prefix(root).unwrap_or(entry.path())
    };
    let parts: Vec<String> = relative
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    parts.join("/")
}

/// An I/O error as a short lower-case reason, without Rust's "(os error N)".
pub fn io_reason(err: &std::io::Error) -> String {
    let text = err.to_string();
    let text = match text.find(" (os error") {
        Some(at) => text[..at].to_string(),
        None => text,
    };
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn job(relative: &str) -> Job {
        Job {
            path: PathBuf::from(relative),
            relative: relative.to_string(),
        }
    }

    #[test]
    fn output_mirrors_the_input_path_with_a_new_extension() {
        assert_eq!(job("a/b/x.txt").output_relative("json"), "a/b/x.json");
        assert_eq!(job("x.md").output_relative("json"), "x.json");
        assert_eq!(
            job("referat.2023.txt").output_relative("txt"),
            "referat.2023.txt"
        );
        assert_eq!(job("README").output_relative("json"), "README.json");
        assert_eq!(job("a/.txt").output_relative("json"), "a/.txt.json");
    }

    #[test]
    fn only_text_and_markdown_are_candidates() {
        assert!(is_candidate(Path::new("a/referat.txt")));
        assert!(is_candidate(Path::new("a/REFERAT.TXT")));
        assert!(is_candidate(Path::new("dagsorden.md")));
        assert!(!is_candidate(Path::new("scan.pdf")));
        assert!(!is_candidate(Path::new("txt")));
    }

    #[test]
    fn io_reasons_read_as_one_short_line() {
        let err = std::io::Error::from(std::io::ErrorKind::PermissionDenied);
        assert_eq!(io_reason(&err), "permission denied");
    }
}
