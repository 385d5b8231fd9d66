//! The whole pipeline (decode -> normalize -> repair -> segment -> JSON) over a
//! corpus of several MB built from the bundled fixtures, one thread. Reported
//! as bytes/s; `cargo bench --bench pipeline`.
//!
//! The corpus repeats every fixture under fixtures/ until it holds about
//! 4 MB, so it mixes the shapes the fixtures cover: raw OCR (002), Markdown
//! (003), clean text (004), whole meetings and the encoding variants.

use std::path::Path;

use divan::counter::BytesCount;
use divan::Bencher;
use referat::repair::{RepairOptions, Repairer};

const CORPUS_BYTES: usize = 4 << 20;

/// The allocator the binary uses (see src/main.rs).
#[cfg(feature = "mimalloc")]
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    divan::main();
}

fn fixture_files(dir: &Path, out: &mut Vec<Vec<u8>>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .expect("fixtures folder")
        .map(|e| e.expect("entry").path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            fixture_files(&path, out);
        } else if matches!(
            path.extension().and_then(|e| e.to_str()),
            Some("txt" | "md")
        ) {
            out.push(std::fs::read(&path).expect("fixture"));
        }
    }
}

fn corpus() -> Vec<Vec<u8>> {
    let mut files = Vec::new();
    fixture_files(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures"),
        &mut files,
    );
    let mut corpus = Vec::new();
    let mut total = 0;
    while total < CORPUS_BYTES {
        for file in &files {
            total += file.len();
            corpus.push(file.clone());
        }
    }
    corpus
}

#[divan::bench(sample_count = 10)]
fn process_corpus(bencher: Bencher) {
    let corpus = corpus();
    let bytes: usize = corpus.iter().map(Vec::len).sum();
    let repairer = Repairer::new(&RepairOptions::default()).expect("bundled data");
    bencher.counter(BytesCount::new(bytes)).bench(|| {
        for (i, file) in corpus.iter().enumerate() {
            let processed = referat::process(&repairer, &format!("{i}.txt"), file);
            let document = processed.map(|p| p.document).ok();
            divan::black_box(serde_json::to_vec(&document).expect("serialises"));
        }
    });
}
