//! Writing outputs so that a killed run never leaves a truncated file, and
//! recognising outputs that are already up to date.
//!
//! Each file is written to a hidden temp file in the folder it belongs in and
//! renamed over the target: a rename within one file system is atomic, so a
//! reader sees the old file or the new one, never half of one. (We do not
//! fsync: the promise is about killed runs, not power cuts, and an fsync per
//! file would dominate the run time of a large batch.)

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use serde::Deserialize;

use crate::model::SCHEMA_VERSION;

static TEMP_COUNTER: AtomicU64 = AtomicU64::new(0);

/// Writes `contents` to `path` atomically, creating its folder if needed.
pub fn write_atomic(path: &Path, contents: &[u8]) -> io::Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    fs::create_dir_all(dir)?;
    let temp = temp_path(path);
    let result = (|| {
        let mut file = fs::File::create(&temp)?;
        file.write_all(contents)?;
        file.flush()?;
        drop(file);
        fs::rename(&temp, path)
    })();
    if result.is_err() {
        let _ = fs::remove_file(&temp);
    }
    result
}

/// `.x.json.<pid>-<n>.tmp` beside `x.json`: hidden, so walks skip it, and
/// unique across the threads and processes that might write the same folder.
fn temp_path(path: &Path) -> PathBuf {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy())
        .unwrap_or_default();
    let n = TEMP_COUNTER.fetch_add(1, Ordering::Relaxed);
    path.with_file_name(format!(".{name}.{}-{n}.tmp", std::process::id()))
}

#[derive(Deserialize)]
struct Recorded {
    schema_version: u32,
    source: RecordedSource,
}

#[derive(Deserialize)]
struct RecordedSource {
    sha256: String,
}

/// The source SHA-256 an existing output records, if it is a document of
/// the current schema version. Anything unreadable means "not up to date".
pub fn recorded_sha256(json_path: &Path) -> Option<String> {
    let bytes = fs::read(json_path).ok()?;
    let recorded: Recorded = serde_json::from_slice(&bytes).ok()?;
    (recorded.schema_version == SCHEMA_VERSION).then_some(recorded.source.sha256)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn atomic_write_replaces_the_file_and_leaves_no_temp_file() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("sub/x.json");
        write_atomic(&target, b"first").unwrap();
        write_atomic(&target, b"second").unwrap();
        assert_eq!(fs::read(&target).unwrap(), b"second");
        let names: Vec<_> = fs::read_dir(dir.path().join("sub"))
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, vec!["x.json"]);
    }

    #[test]
    fn recorded_hash_is_read_from_a_current_document_only() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x.json");
        fs::write(
            &path,
            r#"{"schema_version":1,"source":{"sha256":"ab","path":"x"}}"#,
        )
        .unwrap();
        assert_eq!(recorded_sha256(&path).as_deref(), Some("ab"));
        fs::write(&path, r#"{"schema_version":0,"source":{"sha256":"ab"}}"#).unwrap();
        assert_eq!(recorded_sha256(&path), None);
        fs::write(&path, "{trunc").unwrap();
        assert_eq!(recorded_sha256(&path), None);
        assert_eq!(recorded_sha256(&dir.path().join("missing.json")), None);
    }
}
