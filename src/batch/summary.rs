//! `_summary.json` and the one-line summary on stderr.
//!
//! Everything but the timing is a function of the inputs (failures are
//! sorted), so two runs over the same folder give the same counts whatever
//! `--jobs` is. `schema/referat.schema.json` describes this type under
//! `$defs/summary`.

use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::model::SCHEMA_VERSION;

/// One file that could not be turned into a document.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Failure {
    /// The path as found on disk (the input joined with the file's path).
    pub path: String,
    pub reason: String,
}

impl Failure {
    pub fn new(path: &Path, reason: impl Into<String>) -> Failure {
        Failure {
            path: path.display().to_string(),
            reason: reason.into(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Summary {
    pub schema_version: u32,
    /// `ok + skipped + failed`.
    pub files_seen: u64,
    /// Processed and written in this run.
    pub ok: u64,
    /// Left alone: their output already records the same source SHA-256.
    pub skipped: u64,
    pub failed: u64,
    /// Totals over the files processed in this run.
    pub items: u64,
    pub corrections: u64,
    pub warnings: u64,
    /// Sorted by path.
    pub failures: Vec<Failure>,
    pub elapsed_seconds: f64,
    pub throughput: Throughput,
    /// The `--names` lists, in the order given; left out when none was.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub names: Vec<NamesList>,
}

/// A `--names` list the repair learned from: which, so that a run's
/// corrections can be traced to it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NamesList {
    /// The path as given.
    pub path: String,
    /// Of the file's bytes.
    pub sha256: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Throughput {
    pub files_per_second: f64,
    /// Input megabytes (10^6 bytes) read per second, over both passes' reads.
    pub megabytes_per_second: f64,
}

/// Counts gathered while the batch runs.
#[derive(Debug, Default)]
pub struct Tally {
    pub ok: u64,
    pub skipped: u64,
    pub items: u64,
    pub corrections: u64,
    pub warnings: u64,
    pub bytes_read: u64,
    pub failures: Vec<Failure>,
}

impl Tally {
    pub fn into_summary(mut self, elapsed_seconds: f64, names: &[NamesList]) -> Summary {
        self.failures.sort();
        let failed = self.failures.len() as u64;
        let files_seen = self.ok + self.skipped + failed;
        let per_second = |amount: f64| {
            if elapsed_seconds > 0.0 {
                round3(amount / elapsed_seconds)
            } else {
                0.0
            }
        };
        Summary {
            schema_version: SCHEMA_VERSION,
            files_seen,
            ok: self.ok,
            skipped: self.skipped,
            failed,
            items: self.items,
            corrections: self.corrections,
            warnings: self.warnings,
            failures: self.failures,
            elapsed_seconds: round3(elapsed_seconds),
            throughput: Throughput {
                files_per_second: per_second(files_seen as f64),
                megabytes_per_second: per_second(self.bytes_read as f64 / 1e6),
            },
            names: names.to_vec(),
        }
    }
}

fn round3(value: f64) -> f64 {
    (value * 1000.0).round() / 1000.0
}

impl Summary {
    /// `referat: 5 files, 4 ok, 1 failed, 12 items, 340 corrections in 0.8 s`
    pub fn line(&self) -> String {
        let mut line = format!(
            "referat: {} {}, {} ok",
            self.files_seen,
            if self.files_seen == 1 {
                "file"
            } else {
                "files"
            },
            self.ok
        );
        if self.skipped > 0 {
            line.push_str(&format!(", {} skipped", self.skipped));
        }
        line.push_str(&format!(
            ", {} failed, {} items, {} corrections in {:.1} s",
            self.failed, self.items, self.corrections, self.elapsed_seconds
        ));
        line
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn failures_are_sorted_and_counted() {
        let tally = Tally {
            ok: 4,
            items: 12,
            corrections: 340,
            failures: vec![
                Failure::new(Path::new("b.txt"), "empty file (no text)"),
                Failure::new(Path::new("a.txt"), "binary file: NUL byte at offset 8"),
            ],
            ..Tally::default()
        };
        let summary = tally.into_summary(0.8, &[]);
        assert_eq!(summary.files_seen, 6);
        assert_eq!(summary.failed, 2);
        assert_eq!(summary.failures[0].path, "a.txt");
        assert_eq!(
            summary.line(),
            "referat: 6 files, 4 ok, 2 failed, 12 items, 340 corrections in 0.8 s"
        );
    }

    #[test]
    fn skipped_files_are_mentioned_only_when_there_are_some() {
        let summary = Tally {
            skipped: 3,
            ..Tally::default()
        }
        .into_summary(0.0, &[]);
        assert_eq!(
            summary.line(),
            "referat: 3 files, 0 ok, 3 skipped, 0 failed, 0 items, 0 corrections in 0.0 s"
        );
        assert_eq!(summary.throughput.files_per_second, 0.0);
    }
}
