//! The `referat` binary as a user meets it: folders in, JSON out, one line
//! per bad file, an exit code that tells the story.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;
use tempfile::TempDir;

const SEEDS: [&str; 3] = [
    "002_bcc31beeb5db5745.txt",
    "003_f122f3bfac8cb1ef.txt",
    "004_8d2d2b7021df1346.txt",
];
const SEED_004: &str = "fixtures/seeds/004_8d2d2b7021df1346.txt";

fn repo(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(path)
}

fn referat(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_referat"))
        .args(args)
        .stdin(Stdio::null())
        .output()
        .expect("the binary runs")
}

fn stderr_lines(output: &Output) -> Vec<String> {
    String::from_utf8(output.stderr.clone())
        .unwrap()
        .lines()
        .map(str::to_string)
        .collect()
}

/// A usage error naming a file that does not exist: one line, exit 2.
fn assert_no_such_file(output: &Output, path: &Path) {
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        stderr_lines(output),
        [format!(
            "referat: {}: no such file or directory",
            path.display()
        )]
    );
}

fn read_json(path: &Path) -> Value {
    let bytes = fs::read(path).unwrap_or_else(|err| panic!("{}: {err}", path.display()));
    serde_json::from_slice(&bytes).unwrap()
}

fn copy(from: &str, to: &Path) {
    fs::create_dir_all(to.parent().unwrap()).unwrap();
    fs::copy(repo(from), to).unwrap();
}

fn path_str(path: &Path) -> &str {
    path.to_str().unwrap()
}

/// Every file under `dir`, relative, sorted.
fn tree(dir: &Path) -> Vec<String> {
    let mut files: Vec<String> = walkdir::WalkDir::new(dir)
        .into_iter()
        .map(|e| e.unwrap())
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            e.path()
                .strip_prefix(dir)
                .unwrap()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    files.sort();
    files
}

/// The seeds, a Windows-1252 file, a binary file and an empty file.
fn mixed_folder() -> TempDir {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path();
    for seed in SEEDS {
        copy(
            &format!("fixtures/seeds/{seed}"),
            &input.join("seeds").join(seed),
        );
    }
    copy(
        "fixtures/encodings/004_windows-1252.txt",
        &input.join("gammel/referat.txt"),
    );
    copy("tests/data/bad/scan.txt", &input.join("scan.txt"));
    copy("tests/data/bad/empty.txt", &input.join("gammel/empty.txt"));
    fs::write(input.join("noter.pdf"), b"%PDF-1.4 not ours").unwrap();
    dir
}

fn warning_codes(document: &Value) -> Vec<String> {
    document["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| w["code"].as_str().unwrap().to_string())
        .collect()
}

struct Run {
    output: Output,
    out: TempDir,
}

fn ingest(input: &Path, extra: &[&str]) -> Run {
    let out = tempfile::tempdir().unwrap();
    let output = ingest_into(input, out.path(), extra);
    Run { output, out }
}

fn ingest_into(input: &Path, out: &Path, extra: &[&str]) -> Output {
    let mut args = vec!["ingest", path_str(input), "--out", path_str(out)];
    args.extend_from_slice(extra);
    referat(&args)
}

#[test]
fn a_mixed_folder_gives_json_for_every_good_file_and_one_line_per_bad_one() {
    let input = mixed_folder();
    let run = ingest(input.path(), &[]);

    assert_eq!(
        run.output.status.code(),
        Some(1),
        "some files failed: exit 1"
    );
    let lines = stderr_lines(&run.output);
    let scan = input.path().join("scan.txt");
    let empty = input.path().join("gammel/empty.txt");
    assert_eq!(
        lines.len(),
        3,
        "two failures and the summary line: {lines:?}"
    );
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with(&format!("{}: binary file", scan.display()))),
        "{lines:?}"
    );
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with(&format!("{}: empty file", empty.display()))),
        "{lines:?}"
    );
    assert_eq!(
        tree(run.out.path()),
        [
            "_summary.json",
            "gammel/referat.json",
            "seeds/002_bcc31beeb5db5745.json",
            "seeds/003_f122f3bfac8cb1ef.json",
            "seeds/004_8d2d2b7021df1346.json",
        ]
    );
    let summary = read_json(&run.out.path().join("_summary.json"));
    assert_eq!(summary["files_seen"], 6);
    assert_eq!(summary["ok"], 4);
    assert_eq!(summary["failed"], 2);
    assert_eq!(summary["skipped"], 0);
    let documents: Vec<Value> = tree(run.out.path())
        .iter()
        .filter(|f| *f != "_summary.json")
        .map(|f| read_json(&run.out.path().join(f)))
        .collect();
    let total = |key: &str| -> u64 {
        documents
            .iter()
            .map(|d| d[key].as_array().unwrap().len() as u64)
            .sum()
    };
    assert_eq!(summary["items"], total("items"));
    assert_eq!(summary["corrections"], total("corrections"));
    assert_eq!(summary["warnings"], total("warnings"));
    let expected_line = format!(
        "referat: 6 files, 4 ok, 2 failed, {} items, {} corrections in ",
        total("items"),
        total("corrections")
    );
    assert!(
        lines.last().unwrap().starts_with(&expected_line),
        "{lines:?}"
    );
    let failed: Vec<&str> = summary["failures"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["path"].as_str().unwrap())
        .collect();
    assert_eq!(
        failed,
        [path_str(&empty), path_str(&scan)],
        "sorted by path"
    );

    let old = read_json(&run.out.path().join("gammel/referat.json"));
    assert_eq!(old["source"]["path"], "gammel/referat.txt");
    assert_eq!(old["source"]["encoding"], "windows-1252");
    assert!(warning_codes(&old).contains(&"encoding".to_string()));
}

#[test]
fn the_bundled_fixtures_are_all_good_inputs() {
    let run = ingest(&repo("fixtures"), &["--quiet"]);
    assert_eq!(
        run.output.status.code(),
        Some(0),
        "{:?}",
        stderr_lines(&run.output)
    );
    assert!(
        run.output.stderr.is_empty(),
        "--quiet prints nothing when all is well"
    );
    let summary = read_json(&run.out.path().join("_summary.json"));
    assert_eq!(summary["failed"], 0);
    assert_eq!(summary["ok"], summary["files_seen"]);
}

#[test]
fn every_encoding_fixture_reads_as_the_seed_it_was_made_from() {
    let expected = referat(&["fix", path_str(&repo(SEED_004))]);
    assert!(expected.status.success());
    let mut checked = 0;
    for entry in fs::read_dir(repo("fixtures/encodings")).unwrap() {
        let path = entry.unwrap().path();
        let fixed = referat(&["fix", path_str(&path)]);
        assert!(fixed.status.success(), "{}", path.display());
        assert!(
            fixed.stdout == expected.stdout,
            "{} does not read as seed 004",
            path.display()
        );
        checked += 1;
    }
    assert_eq!(checked, 7);
}

#[test]
fn encoding_fixtures_record_their_encoding_and_warnings() {
    let run = ingest(&repo("fixtures/encodings"), &[]);
    assert_eq!(run.output.status.code(), Some(0));
    let doc = |name: &str| read_json(&run.out.path().join(format!("004_{name}.json")));
    assert_eq!(doc("utf-16le-bom")["source"]["encoding"], "UTF-16LE");
    assert_eq!(doc("utf-16be-bom")["source"]["encoding"], "UTF-16BE");
    assert_eq!(doc("utf-8-bom")["source"]["encoding"], "UTF-8");
    assert_eq!(doc("windows-1252")["source"]["encoding"], "windows-1252");
    let has = |name: &str, code: &str| warning_codes(&doc(name)).contains(&code.to_string());
    assert!(has("windows-1252", "encoding"));
    assert!(!has("windows-1252", "mojibake"));
    assert!(has("mojibake", "mojibake"));
    assert!(!has("mojibake", "encoding"), "mojibake is valid UTF-8");
    for clean in [
        "utf-8-bom",
        "utf-16le-bom",
        "utf-16be-bom",
        "crlf",
        "typographic",
    ] {
        assert!(
            !has(clean, "encoding") && !has(clean, "mojibake"),
            "{clean}"
        );
    }
}

#[test]
fn one_thread_and_two_threads_write_byte_identical_json() {
    let input = mixed_folder();
    copy(
        "fixtures/encodings/004_mojibake.txt",
        &input.path().join("x/y/mojibake.txt"),
    );
    let one = ingest(input.path(), &["--jobs", "1"]);
    let two = ingest(input.path(), &["--jobs", "2"]);
    let files = tree(one.out.path());
    assert_eq!(files, tree(two.out.path()));
    for file in files.iter().filter(|f| *f != "_summary.json") {
        let a = fs::read(one.out.path().join(file)).unwrap();
        let b = fs::read(two.out.path().join(file)).unwrap();
        assert!(a == b, "{file} differs between --jobs 1 and --jobs 2");
    }
    let without_timing = |run: &Run| {
        let mut summary = read_json(&run.out.path().join("_summary.json"));
        summary.as_object_mut().unwrap().remove("elapsed_seconds");
        summary.as_object_mut().unwrap().remove("throughput");
        summary
    };
    assert_eq!(without_timing(&one), without_timing(&two));
}

#[test]
fn a_second_run_skips_what_is_up_to_date_and_force_redoes_it() {
    let input = tempfile::tempdir().unwrap();
    copy(SEED_004, &input.path().join("a.txt"));
    copy(
        "fixtures/seeds/003_f122f3bfac8cb1ef.txt",
        &input.path().join("b.txt"),
    );
    let out = tempfile::tempdir().unwrap();
    let summary = || read_json(&out.path().join("_summary.json"));

    ingest_into(input.path(), out.path(), &[]);
    assert_eq!(
        (summary()["ok"].clone(), summary()["skipped"].clone()),
        (2.into(), 0.into())
    );

    let again = ingest_into(input.path(), out.path(), &[]);
    assert_eq!(again.status.code(), Some(0));
    assert_eq!(
        (summary()["ok"].clone(), summary()["skipped"].clone()),
        (0.into(), 2.into())
    );
    assert!(stderr_lines(&again)[0].contains("2 skipped"));

    // A changed input is redone, the other one still skipped.
    fs::write(
        input.path().join("b.txt"),
        "Punkt 1\n\nBeslutning\n\nGodkendt.\n",
    )
    .unwrap();
    ingest_into(input.path(), out.path(), &[]);
    assert_eq!(
        (summary()["ok"].clone(), summary()["skipped"].clone()),
        (1.into(), 1.into())
    );

    ingest_into(input.path(), out.path(), &["--force"]);
    assert_eq!(
        (summary()["ok"].clone(), summary()["skipped"].clone()),
        (2.into(), 0.into())
    );
}

#[test]
fn jsonl_to_stdout_is_one_valid_document_per_line_in_path_order() {
    let output = referat(&[
        "ingest",
        path_str(&repo("fixtures")),
        "--jsonl",
        "-",
        "--quiet",
    ]);
    assert_eq!(output.status.code(), Some(0));
    let stdout = String::from_utf8(output.stdout).unwrap();
    let paths: Vec<String> = stdout
        .lines()
        .map(|line| {
            let doc: Value = serde_json::from_str(line).expect("each line is a JSON document");
            assert_eq!(doc["schema_version"], 1);
            doc["source"]["path"].as_str().unwrap().to_string()
        })
        .collect();
    let fixtures = tree(&repo("fixtures"));
    let inputs = fixtures
        .iter()
        .filter(|f| f.ends_with(".txt") || f.ends_with(".md"))
        .count();
    assert_eq!(paths.len(), inputs, "one line per fixture");
    let mut sorted = paths.clone();
    sorted.sort();
    assert_eq!(paths, sorted);
    assert!(paths.contains(&"seeds/004_8d2d2b7021df1346.txt".to_string()));
}

#[test]
fn jsonl_with_out_writes_the_summary_but_no_per_file_json() {
    let out = tempfile::tempdir().unwrap();
    let jsonl = out.path().join("all.jsonl");
    let output = referat(&[
        "ingest",
        path_str(&repo("fixtures/seeds")),
        "--out",
        path_str(out.path()),
        "--jsonl",
        path_str(&jsonl),
    ]);
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(tree(out.path()), ["_summary.json", "all.jsonl"]);
    assert_eq!(fs::read_to_string(&jsonl).unwrap().lines().count(), 3);
}

#[test]
fn fix_keeps_the_line_count() {
    for fixture in [
        "fixtures/encodings/004_crlf.txt",
        "fixtures/seeds/002_bcc31beeb5db5745.txt",
    ] {
        let input = fs::read_to_string(repo(fixture)).unwrap();
        let output = referat(&["fix", path_str(&repo(fixture))]);
        assert!(output.status.success());
        let fixed = String::from_utf8(output.stdout).unwrap();
        assert_eq!(fixed.lines().count(), input.lines().count(), "{fixture}");
    }
}

#[test]
fn fix_reads_standard_input() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_referat"))
        .args(["fix", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    child
        .stdin
        .take()
        .unwrap()
        .write_all("fÃ¦lles mÃ¸de\r\nkl.\u{A0}15\n".as_bytes())
        .unwrap();
    let output = child.wait_with_output().unwrap();
    assert!(output.status.success());
    assert_eq!(
        String::from_utf8(output.stdout).unwrap(),
        "fælles møde\nkl. 15\n"
    );
}

#[test]
fn fix_of_a_binary_file_is_one_line_and_exit_1() {
    let scan = repo("tests/data/bad/scan.txt");
    let output = referat(&["fix", path_str(&scan)]);
    assert_eq!(output.status.code(), Some(1));
    let lines = stderr_lines(&output);
    assert_eq!(lines.len(), 1);
    assert!(lines[0].starts_with(&format!("{}: binary file", scan.display())));
}

#[test]
fn usage_errors_exit_2_with_one_clear_line() {
    let unknown = referat(&["ingest", "fixtures", "--out", "o", "--frobnicate"]);
    assert_eq!(unknown.status.code(), Some(2));
    let no_out = referat(&["ingest", "fixtures"]);
    assert_eq!(no_out.status.code(), Some(2));

    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("findes-ikke");
    let output = referat(&[
        "ingest",
        path_str(&missing),
        "--out",
        path_str(&dir.path().join("out")),
    ]);
    assert_no_such_file(&output, &missing);
    assert!(
        !dir.path().join("out").exists(),
        "nothing is written on a usage error"
    );

    let corrections = dir.path().join("rettelser.tsv");
    let output = referat(&[
        "ingest",
        path_str(&repo("fixtures/seeds")),
        "--out",
        path_str(&dir.path().join("out")),
        "--corrections",
        path_str(&corrections),
    ]);
    assert_no_such_file(&output, &corrections);

    let fix_missing = referat(&["fix", path_str(&missing)]);
    assert_eq!(fix_missing.status.code(), Some(2));
}

#[test]
fn a_file_over_max_bytes_fails_cleanly_and_the_rest_go_on() {
    let input = tempfile::tempdir().unwrap();
    copy(SEED_004, &input.path().join("stor.txt"));
    fs::write(input.path().join("lille.txt"), "Punkt 1\n").unwrap();
    let run = ingest(input.path(), &["--max-bytes", "1K"]);
    assert_eq!(run.output.status.code(), Some(1));
    let lines = stderr_lines(&run.output);
    let big = input.path().join("stor.txt");
    assert!(
        lines[0].starts_with(&format!(
            "{}: file is 3827 bytes, over the limit of 1024",
            big.display()
        )),
        "{lines:?}"
    );
    assert!(run.out.path().join("lille.json").is_file());
    assert!(!run.out.path().join("stor.json").exists());
}

#[test]
fn output_mirrors_the_input_tree_and_text_goes_beside_the_json() {
    let input = tempfile::tempdir().unwrap();
    copy(SEED_004, &input.path().join("2024/vpu/april.txt"));
    copy(
        "fixtures/seeds/003_f122f3bfac8cb1ef.txt",
        &input.path().join("2024/noter.md"),
    );
    fs::write(
        input.path().join(".skjult.txt"),
        "hidden files are skipped\n",
    )
    .unwrap();
    let run = ingest(input.path(), &["--text"]);
    assert_eq!(run.output.status.code(), Some(0));
    assert_eq!(
        tree(run.out.path()),
        [
            "2024/noter.json",
            "2024/noter.txt",
            "2024/vpu/april.json",
            "2024/vpu/april.txt",
            "_summary.json"
        ]
    );
    let doc = read_json(&run.out.path().join("2024/vpu/april.json"));
    assert_eq!(doc["source"]["path"], "2024/vpu/april.txt");
    let text = fs::read_to_string(run.out.path().join("2024/vpu/april.txt")).unwrap();
    let input_text = fs::read_to_string(repo(SEED_004)).unwrap();
    assert_eq!(text.lines().count(), input_text.lines().count());
}

#[test]
fn a_single_file_input_lands_at_the_top_of_out() {
    let run = ingest(&repo(SEED_004), &[]);
    assert_eq!(run.output.status.code(), Some(0));
    assert_eq!(
        tree(run.out.path()),
        ["004_8d2d2b7021df1346.json", "_summary.json"]
    );
    let doc = read_json(&run.out.path().join("004_8d2d2b7021df1346.json"));
    assert_eq!(doc["source"]["path"], "004_8d2d2b7021df1346.txt");
}

#[test]
fn of_two_files_whose_outputs_would_collide_the_second_in_path_order_fails() {
    let input = tempfile::tempdir().unwrap();
    copy(SEED_004, &input.path().join("referat.txt"));
    copy(
        "fixtures/seeds/003_f122f3bfac8cb1ef.txt",
        &input.path().join("referat.md"),
    );
    let run = ingest(input.path(), &[]);
    assert_eq!(run.output.status.code(), Some(1));
    let lines = stderr_lines(&run.output);
    let txt = input.path().join("referat.txt");
    assert!(
        lines[0].starts_with(&format!(
            "{}: output referat.json is already taken",
            txt.display()
        )),
        "{lines:?}"
    );
    assert_eq!(
        read_json(&run.out.path().join("referat.json"))["source"]["path"],
        "referat.md"
    );
}

#[test]
fn an_out_folder_inside_the_input_is_not_read_back() {
    let input = tempfile::tempdir().unwrap();
    copy(SEED_004, &input.path().join("a.txt"));
    let out = input.path().join("out");
    ingest_into(input.path(), &out, &["--text"]);
    let second = ingest_into(input.path(), &out, &["--text", "--force"]);
    assert_eq!(second.status.code(), Some(0));
    assert_eq!(read_json(&out.join("_summary.json"))["files_seen"], 1);
}

#[test]
fn writes_leave_no_temp_files_behind() {
    let input = mixed_folder();
    let run = ingest(input.path(), &["--text"]);
    let leftovers: Vec<String> = tree(run.out.path())
        .into_iter()
        .filter(|f| f.contains(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[cfg(unix)]
#[test]
fn a_symlink_loop_is_a_failure_not_a_hang() {
    let input = tempfile::tempdir().unwrap();
    copy(SEED_004, &input.path().join("sub/a.txt"));
    std::os::unix::fs::symlink(input.path(), input.path().join("sub/loop")).unwrap();
    let out = tempfile::tempdir().unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_referat"))
        .args([
            "ingest",
            path_str(input.path()),
            "--out",
            path_str(out.path()),
        ])
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let start = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if start.elapsed() > Duration::from_secs(30) {
            child.kill().unwrap();
            panic!("referat hung on a symlink loop");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    let output = child.wait_with_output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    let lines = stderr_lines(&output);
    let link = input.path().join("sub/loop");
    assert!(
        lines[0].starts_with(&format!("{}: symbolic link loop", link.display())),
        "{lines:?}"
    );
    assert!(out.path().join("sub/a.json").is_file());
}

#[cfg(unix)]
#[test]
fn a_fifo_named_txt_is_a_failure_not_a_hang() {
    let input = tempfile::tempdir().unwrap();
    let fifo = input.path().join("rør.txt");
    let made = Command::new("mkfifo").arg(&fifo).status();
    if !made.is_ok_and(|s| s.success()) {
        eprintln!("mkfifo not available; skipped");
        return;
    }
    copy(SEED_004, &input.path().join("a.txt"));
    let run = ingest(input.path(), &[]);
    assert_eq!(run.output.status.code(), Some(1));
    assert_eq!(
        stderr_lines(&run.output)[0],
        format!("{}: not a regular file", fifo.display())
    );
}

#[test]
fn eval_scores_the_heldout_text_and_a_pair() {
    let output = referat(&[
        "eval",
        "--heldout",
        path_str(&repo("tests/data/heldout")),
        "--pair",
        path_str(&repo("fixtures/seeds/002_bcc31beeb5db5745.txt")),
        path_str(&repo("tests/data/seed002.corrected.txt")),
    ]);
    assert!(output.status.success(), "{output:?}");
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert_eq!(stdout.matches("recall ").count(), 3, "{stdout}");
    assert!(stdout.contains("broken 143"), "{stdout}");
}

#[test]
fn text_output_never_overwrites_an_input_file() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("002.txt");
    copy("fixtures/seeds/002_bcc31beeb5db5745.txt", &input);
    let before = fs::read(&input).unwrap();
    let output = referat(&[
        "ingest",
        path_str(dir.path()),
        "--out",
        path_str(dir.path()),
        "--text",
        "--quiet",
    ]);
    assert_eq!(output.status.code(), Some(1), "{output:?}");
    assert_eq!(fs::read(&input).unwrap(), before, "the OCR text is intact");
    let lines = stderr_lines(&output);
    assert_eq!(lines.len(), 1, "{lines:?}");
    assert!(
        lines[0].contains("would overwrite an input file"),
        "{lines:?}"
    );
    // A file named directly, whatever its extension, is protected the same way.
    let named = dir.path().join("minutes.json");
    fs::write(&named, "Referat\n").unwrap();
    let output = referat(&[
        "ingest",
        path_str(&named),
        "--out",
        path_str(dir.path()),
        "--quiet",
    ]);
    assert_eq!(output.status.code(), Some(1), "{output:?}");
    assert_eq!(fs::read_to_string(&named).unwrap(), "Referat\n");
}

#[test]
fn fix_does_not_learn_a_files_own_ocr_junk() {
    // `fix` learns from the file itself; a junk word must not teach itself.
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("bilag.txt");
    fs::write(
        &file,
        "Bilag\n2 - &ben Notat om sagen\nDet er &bent for alle, og udvalget er &ben over for det.\n",
    )
    .unwrap();
    let output = referat(&["fix", path_str(&file)]);
    assert!(output.status.success(), "{output:?}");
    assert_eq!(
        String::from_utf8(output.stdout).unwrap(),
        "Bilag\n2 - Åben Notat om sagen\nDet er åbent for alle, og udvalget er åben over for det.\n"
    );
}

#[test]
fn a_slip_on_a_clean_page_is_repaired_although_the_page_teaches_itself() {
    // `fix` learns from the file it repairs; the damaged word's own pairs
    // must not vouch for it.
    let clean = fs::read_to_string(repo("fixtures/seeds/004_8d2d2b7021df1346.txt")).unwrap();
    let damaged = clean.replacen("relevante fagområder.", "relevante fagomrader.", 1);
    assert_ne!(damaged, clean);
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("004.txt");
    fs::write(&file, &damaged).unwrap();
    let output = referat(&["fix", path_str(&file)]);
    assert!(output.status.success(), "{output:?}");
    assert_eq!(String::from_utf8(output.stdout).unwrap(), clean);
}

/// A page that lost its æ, ø and å: a place (`Harvig` for `Hørvig`) and a
/// member (`Sanne Astrup (O)` for `Sanne Åstrup (Ø)`) that no dictionary
/// holds and that the page alone cannot settle (`Astrup` is a name as it
/// stands, and O a party).
const LOST_PAGE_WITH_NAMES: &str = "\
Teknik- og Miljoudvalget

Mode den 12. marts 2024 kl. 16.00 pa Radhuset

Deltagere: Jens Hansen (A), formand, Sanne Astrup (O), Kurt Mikkelsen (V)

1. Trafiksikkerhed ved skolen i Harvig

Sagsfremstilling
Forvaltningen har pa baggrund af henvendelser fra borgerne i Harvig undersogt, om der
kan etableres en sikker skolevej. Der er malt hastigheder pa vejen, og mange bilister korer
for hurtigt om morgenen. Forvaltningen foreslar, at der etableres et fortov og en hevet
flade ved skolen, og at udgiften afholdes inden for det vedtagne budget for omradet.

Beslutning
Sanne Astrup (O) onskede folgende fort til referat: \"Vi stotter forslaget, men beder om en
opfolgning efter et ar.\" Udvalget godkendte forslaget.
";

#[test]
fn a_names_list_settles_the_places_and_members_a_lost_page_cannot() {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("side.txt");
    fs::write(&page, LOST_PAGE_WITH_NAMES).unwrap();
    let fix = |extra: &[&str]| {
        let mut args = vec!["fix", path_str(&page)];
        args.extend_from_slice(extra);
        let output = referat(&args);
        assert_eq!(output.status.code(), Some(0), "{output:?}");
        String::from_utf8(output.stdout).unwrap()
    };
    let alone = fix(&[]);
    assert_eq!(alone.matches("Harvig").count(), 2, "{alone}");
    assert!(alone.contains("Sanne Astrup (O) ønskede"), "{alone}");

    // Windows-1252, as a list kept in a spreadsheet may be.
    let names = dir.path().join("navne.txt");
    let (list, _, _) = encoding_rs::WINDOWS_1252.encode("# Udvalget\nSanne Åstrup (Ø)\nHørvig\n");
    fs::write(&names, list).unwrap();
    let taught = fix(&["--names", path_str(&names)]);
    assert_eq!(taught.matches("Hørvig").count(), 2, "{taught}");
    assert_eq!(taught.matches("Sanne Åstrup (Ø)").count(), 2, "{taught}");
    assert_eq!(taught.lines().count(), LOST_PAGE_WITH_NAMES.lines().count());

    // Every change is in the audit trail; the list itself is no document.
    let input = dir.path().join("in");
    fs::create_dir(&input).unwrap();
    fs::rename(&page, input.join("side.txt")).unwrap();
    let run = ingest(&input, &["--names", path_str(&names)]);
    assert_eq!(run.output.status.code(), Some(0), "{:?}", run.output);
    assert_eq!(tree(run.out.path()), ["_summary.json", "side.json"]);
    // The summary says which list the run learned from.
    let summary = read_json(&run.out.path().join("_summary.json"));
    let listed = &summary["names"][0];
    assert_eq!(listed["path"], path_str(&names));
    assert_eq!(
        listed["sha256"],
        referat::sha256_hex(&fs::read(&names).unwrap())
    );
    let plain = ingest(&input, &[]);
    let summary = read_json(&plain.out.path().join("_summary.json"));
    assert!(summary.get("names").is_none(), "{summary}");
    let document = read_json(&run.out.path().join("side.json"));
    let changed: Vec<(&str, &str)> = document["corrections"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| (c["from"].as_str().unwrap(), c["to"].as_str().unwrap()))
        .collect();
    for change in [("Harvig", "Hørvig"), ("Astrup", "Åstrup"), ("O", "Ø")] {
        assert_eq!(
            changed.iter().filter(|&&c| c == change).count(),
            2,
            "{changed:?}"
        );
    }

    // An empty list names nothing.
    let empty = dir.path().join("tom.txt");
    fs::write(&empty, "").unwrap();
    let output = referat(&[
        "fix",
        path_str(&input.join("side.txt")),
        "--names",
        path_str(&empty),
    ]);
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    assert_eq!(String::from_utf8(output.stdout).unwrap(), alone);

    let missing = dir.path().join("ingen.txt");
    let output = referat(&[
        "fix",
        path_str(&input.join("side.txt")),
        "--names",
        path_str(&missing),
    ]);
    assert_no_such_file(&output, &missing);
}

/// What a names list teaches is the same for every thread: the JSON is
/// byte-identical with 1 or 2 jobs, and whichever order two lists come in.
#[test]
fn a_names_list_leaves_the_output_independent_of_threads_and_order() {
    let input = mixed_folder();
    fs::write(input.path().join("side.txt"), LOST_PAGE_WITH_NAMES).unwrap();
    let lists = tempfile::tempdir().unwrap();
    let (members, places) = (lists.path().join("a.txt"), lists.path().join("b.txt"));
    fs::write(&members, "Sanne Åstrup (Ø)\nJens Hansen (A)\n").unwrap();
    fs::write(&places, "Hørvig\n").unwrap();
    let (members, places) = (path_str(&members), path_str(&places));
    let runs = [
        ingest(
            input.path(),
            &["--jobs", "1", "--names", members, "--names", places],
        ),
        ingest(
            input.path(),
            &["--jobs", "2", "--names", places, "--names", members],
        ),
    ];
    let files = tree(runs[0].out.path());
    assert_eq!(files, tree(runs[1].out.path()));
    let side = fs::read_to_string(runs[0].out.path().join("side.json")).unwrap();
    assert!(side.contains("Hørvig") && side.contains("Åstrup"), "{side}");
    for file in files.iter().filter(|f| *f != "_summary.json") {
        let a = fs::read(runs[0].out.path().join(file)).unwrap();
        let b = fs::read(runs[1].out.path().join(file)).unwrap();
        assert!(a == b, "{file} differs");
    }
}
