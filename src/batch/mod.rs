//! The batch layer: walking the inputs, running the pipeline over every file
//! in parallel, writing outputs atomically, and the summary.
//!
//! The command line turns its options into a plain [`Config`] (as fd does), so
//! this engine never sees clap. A run has two passes over the sorted file list:
//!
//! 1. **learn**: read, decode and normalise each file and learn repair
//!    [`Evidence`] from it (the batch's own vocabulary is the best witness of
//!    what its words should be); merge it in path order;
//! 2. **process**: run [`crate::process`] with a repairer that knows all the
//!    evidence, and write each document.
//!
//! Files are handled in parallel within chunks of the sorted list and their
//! results taken in order, so evidence, JSON Lines output and stderr lines
//! come out in path order, and every output is byte-identical whatever the
//! number of threads. A failure on one file is a [`Failure`], reported as one
//! line and counted; only problems with the outputs themselves (the `--out`
//! folder, the JSON Lines stream) stop the run.

mod progress;
pub mod summary;
pub mod walk;
pub mod write;

use std::cell::Cell;
use std::collections::{BTreeMap, BTreeSet};
use std::fs::{self, File};
use std::io::{self, BufWriter, Read, Write};
use std::panic::{self, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::time::Instant;

use rayon::prelude::*;

use crate::repair::{Evidence, Repairer};
use progress::Reporter;
use summary::Tally;
pub use summary::{Failure, NamesList, Summary};
use walk::{io_reason, Job};

/// Default for `--max-bytes`: no minutes file comes near it; anything larger is
/// a mistake (a scan, an archive) and must not be read whole into memory.
pub const DEFAULT_MAX_BYTES: u64 = 64 * 1024 * 1024;

/// The batch summary's file name in the output folder.
pub const SUMMARY_FILE: &str = "_summary.json";

/// Where JSON Lines output goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum JsonlTarget {
    Stdout,
    File(PathBuf),
}

/// Everything a batch run needs to know, already validated.
#[derive(Debug, Clone)]
pub struct Config {
    /// Files and folders, as given.
    pub inputs: Vec<PathBuf>,
    /// Where per-file JSON, `--text` outputs and `_summary.json` go.
    pub out: Option<PathBuf>,
    /// Stream documents as JSON Lines instead of writing per-file JSON.
    pub jsonl: Option<JsonlTarget>,
    /// Also write the repaired text beside each JSON (`x.txt`).
    pub write_text: bool,
    /// Redo files whose output already records the same source hash.
    pub force: bool,
    /// Larger files are failures, not read.
    pub max_bytes: u64,
    /// Worker threads; `None` for one per core.
    pub threads: Option<usize>,
    /// Draw a progress bar on stderr.
    pub progress: bool,
    /// The `--names` lists the repairer was given, for the summary.
    pub names: Vec<NamesList>,
}

#[derive(Debug, thiserror::Error)]
pub enum BatchError {
    // The I/O errors are part of the message, not a `source`: the message is
    // the one line the user sees, without a repeated cause.
    #[error("{}: {}", .path.display(), io_reason(.error))]
    Output { path: PathBuf, error: io::Error },
    #[error("writing JSON Lines: {}", io_reason(.0))]
    Jsonl(io::Error),
    #[error("cannot start worker threads: {0}")]
    Threads(String),
}

impl BatchError {
    /// True when the reader of our JSON Lines went away (`| head`): not an
    /// error worth a message.
    pub fn is_broken_pipe(&self) -> bool {
        matches!(self, BatchError::Jsonl(err) if err.kind() == io::ErrorKind::BrokenPipe)
    }
}

/// Files per parallel chunk; results are taken in order chunk by chunk, so
/// this bounds the memory held for ordering (evidence, JSON Lines).
const CHUNK: usize = 256;

/// Runs the batch. Per-file failures are in the summary; an `Err` means the
/// run could not write its outputs at all.
pub fn run(config: &Config, repairer: Repairer) -> Result<Summary, BatchError> {
    let start = Instant::now();
    let skip_dir = match &config.out {
        Some(out) => {
            fs::create_dir_all(out).map_err(|source| output_error(out, source))?;
            out.canonicalize().ok()
        }
        None => None,
    };
    let reporter = Reporter::new(config.progress);
    let mut tally = Tally::default();

    let (jobs, walk_failures) = walk::collect(&config.inputs, skip_dir.as_deref());
    for failure in walk_failures {
        reporter.failure(&failure);
        tally.failures.push(failure);
    }
    let jobs = without_collisions(jobs, &reporter, &mut tally);
    let jobs = not_over_inputs(config, jobs, &reporter, &mut tally);

    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(config.threads.unwrap_or(0))
        .build()
        .map_err(|err| BatchError::Threads(err.to_string()))?;
    pool.install(|| -> Result<(), BatchError> {
        let (evidence, todo) = learn_all(config, &jobs, &reporter, &mut tally);
        let repairer = repairer.with_evidence(evidence);
        process_all(config, &repairer, &todo, &reporter, &mut tally)
    })?;
    reporter.finish();

    let summary = tally.into_summary(start.elapsed().as_secs_f64(), &config.names);
    if let Some(out) = &config.out {
        let path = out.join(SUMMARY_FILE);
        let mut json = serde_json::to_vec_pretty(&summary).expect("a summary always serialises");
        json.push(b'\n');
        write::write_atomic(&path, &json).map_err(|source| output_error(&path, source))?;
    }
    Ok(summary)
}

fn output_error(path: &Path, error: io::Error) -> BatchError {
    BatchError::Output {
        path: path.to_path_buf(),
        error,
    }
}

/// Sorts the jobs and fails every one whose output would overwrite another's
/// (`x.txt` beside `x.md`, or `a/x.txt` and `b/x.txt` given as files) or the
/// summary. The first in path order keeps the name. JSON Lines mode checks
/// the same, as two documents there would carry the same `source.path`.
fn without_collisions(mut jobs: Vec<Job>, reporter: &Reporter, tally: &mut Tally) -> Vec<Job> {
    jobs.sort_by(|a, b| (&a.relative, &a.path).cmp(&(&b.relative, &b.path)));
    jobs.dedup();
    let mut owners: BTreeMap<String, PathBuf> = BTreeMap::new();
    owners.insert(SUMMARY_FILE.to_string(), PathBuf::from("the batch summary"));
    let mut kept = Vec::with_capacity(jobs.len());
    for job in jobs {
        let output = job.output_relative("json");
        if let Some(owner) = owners.get(&output) {
            let reason = format!("output {output} is already taken by {}", owner.display());
            let failure = Failure::new(&job.path, reason);
            reporter.failure(&failure);
            tally.failures.push(failure);
        } else {
            owners.insert(output, job.path.clone());
            kept.push(job);
        }
    }
    kept
}

/// Fails the files whose output (JSON, or repaired text with `--text`)
/// would land on an input file: `ingest minutes --out minutes --text` must
/// never replace an archive's OCR text with its repair.
fn not_over_inputs(
    config: &Config,
    jobs: Vec<Job>,
    reporter: &Reporter,
    tally: &mut Tally,
) -> Vec<Job> {
    let Some(out) = &config.out else {
        return jobs;
    };
    let inputs: BTreeSet<PathBuf> = jobs
        .iter()
        .filter_map(|j| j.path.canonicalize().ok())
        .collect();
    let mut extensions = vec!["json"];
    if config.write_text {
        extensions.push("txt");
    }
    let mut kept = Vec::with_capacity(jobs.len());
    for job in jobs {
        let clash = extensions.iter().find_map(|ext| {
            let output = out.join(job.output_relative(ext));
            let real = output.canonicalize().ok()?;
            inputs.contains(&real).then_some(output)
        });
        match clash {
            Some(output) => {
                let reason = format!(
                    "its output {} would overwrite an input file; choose another --out folder",
                    output.display()
                );
                let failure = Failure::new(&job.path, reason);
                reporter.failure(&failure);
                tally.failures.push(failure);
            }
            None => kept.push(job),
        }
    }
    kept
}

/// Pass 1: evidence from every readable file, merged in path order. Returns
/// the jobs still to process (not failed, not up to date).
fn learn_all(
    config: &Config,
    jobs: &[Job],
    reporter: &Reporter,
    tally: &mut Tally,
) -> (Evidence, Vec<Job>) {
    reporter.phase("learning", jobs.len() as u64);
    let mut evidence = Evidence::default();
    let mut todo = Vec::new();
    for chunk in jobs.chunks(CHUNK) {
        let learned: Vec<_> = chunk
            .par_iter()
            .map(|job| {
                let result = guarded(|| learn_one(config, job));
                reporter.advance();
                result
            })
            .collect();
        for (job, result) in chunk.iter().zip(learned) {
            match result {
                Ok(learned) => {
                    tally.bytes_read += learned.bytes;
                    evidence.merge(learned.evidence);
                    if learned.up_to_date {
                        tally.skipped += 1;
                    } else {
                        todo.push(job.clone());
                    }
                }
                Err(reason) => {
                    let failure = Failure::new(&job.path, reason);
                    reporter.failure(&failure);
                    tally.failures.push(failure);
                }
            }
        }
    }
    (evidence, todo)
}

struct Learned {
    evidence: Evidence,
    bytes: u64,
    up_to_date: bool,
}

fn learn_one(config: &Config, job: &Job) -> Result<Learned, String> {
    let bytes = read_limited(&job.path, config.max_bytes)?;
    let decoded = crate::decode::decode(&bytes).map_err(|err| err.to_string())?;
    let normalized = crate::normalize::normalize(&decoded.text);
    let up_to_date = !config.force && config.jsonl.is_none() && is_up_to_date(config, job, &bytes);
    Ok(Learned {
        evidence: Evidence::learn(&normalized.text),
        bytes: bytes.len() as u64,
        up_to_date,
    })
}

fn is_up_to_date(config: &Config, job: &Job, bytes: &[u8]) -> bool {
    let Some(out) = &config.out else { return false };
    let recorded = write::recorded_sha256(&out.join(job.output_relative("json")));
    let text_there = !config.write_text || out.join(job.output_relative("txt")).is_file();
    text_there && recorded.is_some_and(|sha| sha == crate::sha256_hex(bytes))
}

/// Reads a whole file, refusing (without reading) one over the limit.
fn read_limited(path: &Path, max_bytes: u64) -> Result<Vec<u8>, String> {
    let too_big =
        |len: u64| format!("file is {len} bytes, over the limit of {max_bytes} (--max-bytes)");
    let file = File::open(path).map_err(|err| io_reason(&err))?;
    let len = file.metadata().map_err(|err| io_reason(&err))?.len();
    if len > max_bytes {
        return Err(too_big(len));
    }
    let mut bytes = Vec::with_capacity(len as usize);
    file.take(max_bytes + 1)
        .read_to_end(&mut bytes)
        .map_err(|err| io_reason(&err))?;
    if bytes.len() as u64 > max_bytes {
        return Err(too_big(bytes.len() as u64));
    }
    Ok(bytes)
}

/// What pass 2 made of one file.
struct Done {
    items: u64,
    corrections: u64,
    warnings: u64,
    /// The document as one JSON line, in JSON Lines mode.
    line: Option<Vec<u8>>,
}

/// Pass 2: process and write every job.
fn process_all(
    config: &Config,
    repairer: &Repairer,
    jobs: &[Job],
    reporter: &Reporter,
    tally: &mut Tally,
) -> Result<(), BatchError> {
    reporter.phase("processing", jobs.len() as u64);
    let mut jsonl = open_jsonl(config)?;
    for chunk in jobs.chunks(CHUNK) {
        let done: Vec<_> = chunk
            .par_iter()
            .map(|job| {
                let result = guarded(|| process_one(config, repairer, job));
                reporter.advance();
                result
            })
            .collect();
        for (job, result) in chunk.iter().zip(done) {
            match result {
                Ok(done) => {
                    tally.ok += 1;
                    tally.items += done.items;
                    tally.corrections += done.corrections;
                    tally.warnings += done.warnings;
                    if let (Some(out), Some(line)) = (jsonl.as_mut(), done.line) {
                        out.write_all(&line).map_err(BatchError::Jsonl)?;
                    }
                }
                Err(reason) => {
                    let failure = Failure::new(&job.path, reason);
                    reporter.failure(&failure);
                    tally.failures.push(failure);
                }
            }
        }
    }
    if let Some(out) = jsonl.as_mut() {
        out.flush().map_err(BatchError::Jsonl)?;
    }
    Ok(())
}

fn open_jsonl(config: &Config) -> Result<Option<Box<dyn Write>>, BatchError> {
    Ok(match &config.jsonl {
        None => None,
        Some(JsonlTarget::Stdout) => Some(Box::new(BufWriter::new(io::stdout().lock()))),
        Some(JsonlTarget::File(path)) => {
            let file = File::create(path).map_err(|source| output_error(path, source))?;
            Some(Box::new(BufWriter::new(file)))
        }
    })
}

fn process_one(config: &Config, repairer: &Repairer, job: &Job) -> Result<Done, String> {
    let bytes = read_limited(&job.path, config.max_bytes)?;
    let processed =
        crate::process(repairer, &job.relative, &bytes).map_err(|err| err.to_string())?;
    let document = &processed.document;
    let mut done = Done {
        items: document.items.len() as u64,
        corrections: document.corrections.len() as u64,
        warnings: document.warnings.len() as u64,
        line: None,
    };
    if config.jsonl.is_some() {
        let mut line = serde_json::to_vec(document).map_err(|err| err.to_string())?;
        line.push(b'\n');
        done.line = Some(line);
    }
    if let Some(out) = &config.out {
        if config.jsonl.is_none() {
            let mut json = serde_json::to_vec_pretty(document).map_err(|err| err.to_string())?;
            json.push(b'\n');
            write_output(&out.join(job.output_relative("json")), &json)?;
        }
        if config.write_text {
            write_output(
                &out.join(job.output_relative("txt")),
                processed.text.as_bytes(),
            )?;
        }
    }
    Ok(done)
}

fn write_output(path: &Path, contents: &[u8]) -> Result<(), String> {
    write::write_atomic(path, contents)
        .map_err(|err| format!("writing {}: {}", path.display(), io_reason(&err)))
}

thread_local! {
    /// Set while a worker runs the pipeline on one file: a panic there is a
    /// bug in one stage on one input, reported as that file's failure.
    static IN_FILE: Cell<bool> = const { Cell::new(false) };
}

/// Makes a panic print one line, never a backtrace; a panic inside a file's
/// pipeline prints nothing here because it becomes that file's failure.
pub fn install_panic_hook() {
    panic::set_hook(Box::new(|info| {
        if IN_FILE.with(Cell::get) {
            return;
        }
        eprintln!("referat: internal error: {}", panic_message(info.payload()));
    }));
}

/// Runs one file's work; a panic becomes a failure and the batch goes on.
fn guarded<T>(work: impl FnOnce() -> Result<T, String>) -> Result<T, String> {
    let was_in_file = IN_FILE.with(|flag| flag.replace(true));
    let result = panic::catch_unwind(AssertUnwindSafe(work));
    IN_FILE.with(|flag| flag.set(was_in_file));
    result.unwrap_or_else(|payload| Err(format!("internal error: {}", panic_message(&*payload))))
}

fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    if let Some(text) = payload.downcast_ref::<&str>() {
        text.to_string()
    } else if let Some(text) = payload.downcast_ref::<String>() {
        text.clone()
    } else {
        "panic".to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_on_one_file_becomes_that_files_failure() {
        let result: Result<(), String> = guarded(|| panic!("segment: index out of range"));
        assert_eq!(
            result,
            Err("internal error: segment: index out of range".to_string())
        );
        assert!(!IN_FILE.with(Cell::get), "the flag is reset after the file");
    }

    #[test]
    fn reading_refuses_a_file_over_the_limit() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x.txt");
        fs::write(&path, "12345").unwrap();
        assert_eq!(read_limited(&path, 5).unwrap(), b"12345");
        assert_eq!(
            read_limited(&path, 4).unwrap_err(),
            "file is 5 bytes, over the limit of 4 (--max-bytes)"
        );
        assert_eq!(
            read_limited(&dir.path().join("y.txt"), 4).unwrap_err(),
            "no such file or directory"
        );
    }
}
