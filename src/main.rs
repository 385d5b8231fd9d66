//! The `referat` command line, and only that: it turns clap's options into a
//! [`batch::Config`] or a `fix` run, reads the user's correction files, and
//! decides the exit code. Everything else lives in the library.

use std::fs;
use std::io::{self, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::process;

use anyhow::Context;
use clap::{Args, Parser, Subcommand};

use referat::batch::{self, walk::io_reason, Config, JsonlTarget, NamesList, Summary};
use referat::repair::{RepairOptions, Repairer};

/// Turns OCR'd Danish municipal meeting minutes into clean text and JSON.
#[derive(Debug, Parser)]
#[command(name = "referat", version, about, max_term_width = 100)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Turn files and folders of minutes into one JSON document per file.
    Ingest(IngestArgs),
    /// Print the repaired text of one file, its layout kept.
    Fix(FixArgs),
    /// Measure the repair: damage clean text with the OCR noise model and
    /// score the repair token by token, and score damaged/corrected pairs.
    Eval(EvalArgs),
}

#[derive(Debug, Args)]
struct IngestArgs {
    /// Files or folders; folders are searched recursively for .txt and .md files
    /// (hidden files and folders are skipped).
    #[arg(value_name = "IN", required = true)]
    inputs: Vec<PathBuf>,
    /// Folder for the JSON documents (mirroring the input tree) and _summary.json.
    #[arg(long, value_name = "DIR", required_unless_present = "jsonl")]
    out: Option<PathBuf>,
    /// Worker threads [default: one per core].
    #[arg(long, short = 'j', value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    jobs: Option<u16>,
    /// Write all documents as JSON Lines to PATH (`-` for stdout) instead of one file each.
    #[arg(long, value_name = "PATH")]
    jsonl: Option<PathBuf>,
    /// Also write the repaired text beside each JSON (x.txt).
    #[arg(long, requires = "out")]
    text: bool,
    /// Redo files whose JSON already records the same source SHA-256.
    #[arg(long)]
    force: bool,
    /// No progress bar and no summary line; failures are still printed.
    #[arg(long, short = 'q')]
    quiet: bool,
    /// Larger files are failures and are not read (bytes; K, M, G suffixes allowed).
    #[arg(long, value_name = "N", default_value = "64M", value_parser = parse_size)]
    max_bytes: u64,
    /// A user correction file (TSV); may be given more than once.
    #[arg(long, value_name = "FILE")]
    corrections: Vec<PathBuf>,
    /// A list of names, one a line: members with their party letter
    /// (`Lærke Dyrløv (Ø)`), places, streets, institutions (`Hørvig`); the
    /// repair learns them as clean text; may be given more than once.
    #[arg(long, value_name = "FILE")]
    names: Vec<PathBuf>,
}

#[derive(Debug, Args)]
struct FixArgs {
    /// The file to repair, or `-` for standard input.
    #[arg(value_name = "FILE")]
    file: PathBuf,
    /// A user correction file (TSV); may be given more than once.
    #[arg(long, value_name = "FILE")]
    corrections: Vec<PathBuf>,
    /// A list of names, one a line: members with their party letter
    /// (`Lærke Dyrløv (Ø)`), places, streets, institutions (`Hørvig`); the
    /// repair learns them as clean text; may be given more than once.
    #[arg(long, value_name = "FILE")]
    names: Vec<PathBuf>,
}

#[derive(Debug, Args)]
struct EvalArgs {
    /// Folder of clean Danish .txt files the repair never learned from.
    #[arg(long, value_name = "DIR", default_value = "tests/data/heldout")]
    heldout: PathBuf,
    /// A damaged file and its hand-corrected copy (same layout), scored
    /// as they are; may be given more than once.
    #[arg(long, num_args = 2, value_names = ["DAMAGED", "CLEAN"])]
    pair: Vec<PathBuf>,
    /// Seed of the noise model (the same seed gives the same damage).
    #[arg(long, default_value_t = 2023)]
    seed: u64,
    /// A list of names to learn, as `ingest --names` takes it; may be given
    /// more than once.
    #[arg(long, value_name = "FILE")]
    names: Vec<PathBuf>,
    /// Leave out the bundled correction dictionary (corrections/ocr.tsv).
    #[arg(long)]
    no_bundled_dictionary: bool,
    /// Also write the damaged and clean held-out texts to DIR/damaged.txt and
    /// DIR/clean.txt, for scripts/baselines.py.
    #[arg(long, value_name = "DIR")]
    dump: Option<PathBuf>,
    /// Print up to N words the repair got wrong, per measurement.
    #[arg(long, value_name = "N", default_value_t = 0)]
    misses: usize,
    /// Instead, cross-validate over a folder of clean texts the bundled
    /// counts learned from (corrections/training): each fold is scored by a
    /// context model learned from the other folds only.
    #[arg(long, value_name = "DIR", conflicts_with_all = ["pair", "dump"])]
    cross_validate: Option<PathBuf>,
    /// The number of folds for --cross-validate.
    #[arg(
        long,
        value_name = "K",
        default_value_t = 10,
        requires = "cross_validate"
    )]
    folds: usize,
}

/// The exit status tells the batch's story.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Exit {
    /// Every file was processed (or was already up to date).
    Success = 0,
    /// Some files failed (all the others were still written), or the run
    /// could not write its outputs.
    Failure = 1,
    /// The command line was wrong: an unknown option, a missing input, an
    /// unreadable correction file. Nothing was processed.
    Usage = 2,
}

impl Exit {
    fn of_summary(summary: &Summary) -> Exit {
        if summary.failed == 0 {
            Exit::Success
        } else {
            Exit::Failure
        }
    }
}

impl From<Exit> for process::ExitCode {
    fn from(exit: Exit) -> Self {
        process::ExitCode::from(exit as u8)
    }
}

/// A mistake on the command line; exits with [`Exit::Usage`].
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
struct UsageError(String);

/// The allocator: the repair allocates for every word it weighs
/// (readings, scores, changes), and mimalloc's thread-local heaps do that
/// faster than glibc's malloc: the warm repair bench on damaged minutes
/// in 0.78 of the time, a 3,000-file batch in 0.90 of the CPU time, for
/// 40-60 MB more resident memory (its arena is committed up front;
/// `MIMALLOC_ARENA_EAGER_COMMIT=0` gives most of that back for a few per
/// cent of the speed). Output is the same byte for byte. Cargo's
/// `mimalloc` feature, on by default.
#[cfg(feature = "mimalloc")]
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> process::ExitCode {
    batch::install_panic_hook();
    // clap prints its own usage errors and exits 2 (0 for --help, --version).
    let cli = Cli::parse();
    let exit = match run(cli) {
        Ok(exit) => exit,
        Err(err) if is_broken_pipe(&err) => Exit::Success,
        Err(err) => {
            eprintln!("referat: {err:#}");
            if err.is::<UsageError>() {
                Exit::Usage
            } else {
                Exit::Failure
            }
        }
    };
    exit.into()
}

fn run(cli: Cli) -> anyhow::Result<Exit> {
    match cli.command {
        Command::Ingest(args) => ingest(args),
        Command::Fix(args) => fix(args),
        Command::Eval(args) => eval(args),
    }
}

fn ingest(args: IngestArgs) -> anyhow::Result<Exit> {
    for input in &args.inputs {
        if let Err(err) = fs::metadata(input) {
            return Err(UsageError(format!("{}: {}", input.display(), io_reason(&err))).into());
        }
    }
    let (names, lists) = read_names(&args.names)?;
    let repairer = repairer(&args.corrections, names)?;
    let config = Config {
        inputs: args.inputs,
        out: args.out,
        jsonl: args.jsonl.map(|path| {
            if path.as_os_str() == "-" {
                JsonlTarget::Stdout
            } else {
                JsonlTarget::File(path)
            }
        }),
        write_text: args.text,
        force: args.force,
        max_bytes: args.max_bytes,
        threads: args.jobs.map(usize::from),
        progress: !args.quiet && io::stderr().is_terminal(),
        names: lists,
    };
    let summary = batch::run(&config, repairer)?;
    if !args.quiet {
        eprintln!("{}", summary.line());
    }
    Ok(Exit::of_summary(&summary))
}

fn fix(args: FixArgs) -> anyhow::Result<Exit> {
    let repairer = repairer(&args.corrections, read_names(&args.names)?.0)?;
    let name = args.file.display().to_string();
    let bytes = if args.file.as_os_str() == "-" {
        let mut bytes = Vec::new();
        io::stdin()
            .read_to_end(&mut bytes)
            .context("reading standard input")?;
        bytes
    } else {
        fs::read(&args.file).map_err(|err| UsageError(format!("{name}: {}", io_reason(&err))))?
    };
    let repaired = match referat::repair_bytes(repairer, &bytes) {
        Ok(repaired) => repaired,
        Err(err) => {
            eprintln!("{name}: {err}");
            return Ok(Exit::Failure);
        }
    };
    let mut stdout = io::stdout().lock();
    stdout.write_all(repaired.text.as_bytes())?;
    stdout.flush()?;
    Ok(Exit::Success)
}

fn eval(args: EvalArgs) -> anyhow::Result<Exit> {
    let options = RepairOptions {
        no_bundled_dictionary: args.no_bundled_dictionary,
        names: read_names(&args.names)?.0,
        ..RepairOptions::default()
    };
    if let Some(dir) = &args.cross_validate {
        let clean = read_folder(dir)?;
        let report = referat::eval::cross_validate(&options, &clean, args.folds, args.seed)?;
        let name = format!(
            "cross-validation over {} ({} folds, seed {})",
            dir.display(),
            args.folds,
            args.seed
        );
        print_report(&name, &report, args.misses);
        return Ok(Exit::Success);
    }
    let repairer = Repairer::new(&options)?;
    let clean = read_folder(&args.heldout)?;
    if let Some(dir) = &args.dump {
        let (damaged, clean) = referat::eval::dump(&clean, args.seed);
        fs::create_dir_all(dir).with_context(|| dir.display().to_string())?;
        fs::write(dir.join("damaged.txt"), damaged)?;
        fs::write(dir.join("clean.txt"), clean)?;
    }
    let report = referat::eval::evaluate_heldout(&repairer, &clean, args.seed);
    let name = format!("held-out {} (seed {})", args.heldout.display(), args.seed);
    print_report(&name, &report, args.misses);
    let report = referat::eval::evaluate_heldout_in_batch(&options, &clean, args.seed)?;
    let name = format!("{name}, the other documents clean in the same batch");
    print_report(&name, &report, args.misses);
    for pair in args.pair.chunks(2) {
        let [damaged, corrected] = pair else {
            continue;
        };
        let report = referat::eval::evaluate_pair(
            &repairer,
            &read_text(damaged).map_err(UsageError)?,
            &read_text(corrected).map_err(UsageError)?,
        );
        print_report(&damaged.display().to_string(), &report, args.misses);
    }
    Ok(Exit::Success)
}

fn print_report(name: &str, report: &referat::eval::Report, misses: usize) {
    println!("== {name}\n{report}");
    for miss in report.misses.iter().take(misses) {
        let referat::eval::Miss {
            damaged,
            repaired,
            clean,
            clean_line,
        } = miss;
        println!("  {damaged:?} -> {repaired:?}, want {clean:?}    in: {clean_line}");
    }
}

/// The .txt files of `dir`, sorted by name so figures are reproducible.
fn read_folder(dir: &Path) -> anyhow::Result<Vec<String>> {
    let entries = fs::read_dir(dir)
        .map_err(|err| UsageError(format!("{}: {}", dir.display(), io_reason(&err))))?;
    let mut paths: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    if paths.is_empty() {
        return Err(UsageError(format!("{}: no .txt files", dir.display())).into());
    }
    paths
        .iter()
        .map(|p| read_text(p).map_err(|e| UsageError(e).into()))
        .collect()
}

/// Reads the `--names` lists: their texts, decoded as an input is (a list
/// kept in Windows-1252 reads too) and normalised, so its names are spelt
/// as the repaired text spells them; and which they were, for the batch
/// summary. A list that cannot be read is a usage error.
fn read_names(files: &[PathBuf]) -> anyhow::Result<(Vec<String>, Vec<NamesList>)> {
    let read = |path: &PathBuf| -> Result<(String, NamesList), String> {
        let name = path.display();
        let bytes = fs::read(path).map_err(|err| format!("{name}: {}", io_reason(&err)))?;
        let list = NamesList {
            path: name.to_string(),
            sha256: referat::sha256_hex(&bytes),
        };
        // An empty list (a script's, for a council with none) names nothing.
        if bytes.is_empty() {
            return Ok((String::new(), list));
        }
        let decoded = referat::decode::decode(&bytes).map_err(|err| format!("{name}: {err}"))?;
        Ok((referat::normalize::normalize(&decoded.text).text, list))
    };
    let read: Vec<(String, NamesList)> = files
        .iter()
        .map(|path| read(path).map_err(UsageError))
        .collect::<Result<_, _>>()?;
    Ok(read.into_iter().unzip())
}

/// Reads the `--corrections` files; any problem with them is a usage error,
/// found before a single input is read.
fn repairer(files: &[PathBuf], names: Vec<String>) -> anyhow::Result<Repairer> {
    let mut options = RepairOptions {
        names,
        ..RepairOptions::default()
    };
    for path in files {
        let text = read_text(path).map_err(UsageError)?;
        options
            .user_corrections
            .push((path.display().to_string(), text));
    }
    Repairer::new(&options).map_err(|err| UsageError(err.to_string()).into())
}

fn read_text(path: &Path) -> Result<String, String> {
    let bytes = fs::read(path).map_err(|err| format!("{}: {}", path.display(), io_reason(&err)))?;
    String::from_utf8(bytes).map_err(|_| format!("{}: not valid UTF-8", path.display()))
}

fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|cause| {
        cause
            .downcast_ref::<io::Error>()
            .is_some_and(|io| io.kind() == io::ErrorKind::BrokenPipe)
            || cause
                .downcast_ref::<batch::BatchError>()
                .is_some_and(|batch| batch.is_broken_pipe())
    })
}

/// `--max-bytes`: a number of bytes, optionally with a binary K, M or G
/// suffix (`64M` is 64 MiB; `KiB`, `MiB`, `GiB` and a trailing `B` are read
/// the same way).
fn parse_size(text: &str) -> Result<u64, String> {
    let trimmed = text.trim();
    let digits_end = trimmed
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(trimmed.len());
    let (digits, suffix) = trimmed.split_at(digits_end);
    let number: u64 = digits
        .parse()
        .map_err(|_| format!("`{text}` is not a size (bytes, or with a K, M or G suffix)"))?;
    let shift = match suffix.to_ascii_uppercase().as_str() {
        "" | "B" => 0,
        "K" | "KB" | "KIB" => 10,
        "M" | "MB" | "MIB" => 20,
        "G" | "GB" | "GIB" => 30,
        _ => {
            return Err(format!(
                "`{text}` has an unknown size suffix (use K, M or G)"
            ))
        }
    };
    number
        .checked_mul(1 << shift)
        .ok_or_else(|| format!("`{text}` is too large"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;
    use referat::batch::summary::Tally;

    #[test]
    fn exit_codes_are_stable() {
        assert_eq!(Exit::Success as u8, 0);
        assert_eq!(Exit::Failure as u8, 1);
        assert_eq!(Exit::Usage as u8, 2);
    }

    #[test]
    fn a_failed_file_makes_the_batch_exit_1() {
        let clean = Tally {
            ok: 3,
            skipped: 1,
            ..Tally::default()
        }
        .into_summary(1.0, &[]);
        assert_eq!(Exit::of_summary(&clean), Exit::Success);
        let mut tally = Tally {
            ok: 3,
            ..Tally::default()
        };
        tally.failures.push(batch::Failure::new(
            Path::new("x.txt"),
            "empty file (no text)",
        ));
        assert_eq!(
            Exit::of_summary(&tally.into_summary(1.0, &[])),
            Exit::Failure
        );
    }

    #[test]
    fn the_command_line_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn clap_usage_errors_exit_2() {
        let err = Cli::try_parse_from(["referat", "ingest", "fixtures"]).unwrap_err();
        assert_eq!(err.exit_code(), Exit::Usage as i32);
        let err = Cli::try_parse_from(["referat", "ingest", "x", "--out", "o", "--jobs", "0"])
            .unwrap_err();
        assert_eq!(err.exit_code(), Exit::Usage as i32);
    }

    #[test]
    fn jsonl_alone_needs_no_out_folder() {
        assert!(Cli::try_parse_from(["referat", "ingest", "x", "--jsonl", "-"]).is_ok());
    }

    #[test]
    fn sizes_take_binary_suffixes() {
        assert_eq!(parse_size("1000"), Ok(1000));
        assert_eq!(parse_size("64M"), Ok(64 * 1024 * 1024));
        assert_eq!(parse_size("2KiB"), Ok(2048));
        assert_eq!(parse_size("1g"), Ok(1 << 30));
        assert!(parse_size("ten").is_err());
        assert!(parse_size("10X").is_err());
        assert!(parse_size("99999999999999G").is_err());
    }
}
