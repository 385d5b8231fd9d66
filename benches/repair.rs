//! The repair stage over a generated corpus of OCR-damaged minutes.
//!
//! The corpus is the clean training minutes (corrections/training/) and the
//! clean seed fixtures, each damaged many times over by the accuracy harness's
//! noise model with fixed seeds, about 4 MB in all: documents that lost every
//! æ, ø and å, so every path of the repair is exercised (the per-document
//! cache, candidate search, context, real-word decisions). A second bench runs
//! the clean originals, the fast path (one lexicon lookup per word).
//! `damaged_minutes` shares one repairer across samples, so its median is
//! the warm figure; `damaged_minutes_cold` starts each sample afresh.
//! Throughput is reported as bytes and tokens per second, on one core.

use divan::counter::{BytesCount, ItemsCount};
use divan::Bencher;
use referat::repair::{RepairOptions, Repairer};

/// The allocator the binary uses (see src/main.rs).
#[cfg(feature = "mimalloc")]
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    divan::main();
}

/// Clean documents the corpus is made from.
fn clean_documents() -> Vec<String> {
    let root = env!("CARGO_MANIFEST_DIR");
    let mut paths: Vec<_> = std::fs::read_dir(format!("{root}/corrections/training"))
        .expect("training corpus")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.push(format!("{root}/fixtures/seeds/003_f122f3bfac8cb1ef.txt").into());
    paths.push(format!("{root}/fixtures/seeds/004_8d2d2b7021df1346.txt").into());
    paths.sort();
    paths
        .iter()
        .map(|p| std::fs::read_to_string(p).expect("readable"))
        .collect()
}

const CORPUS_BYTES: usize = 4 << 20;

fn damaged_corpus() -> Vec<String> {
    let clean = clean_documents();
    let mut out = Vec::new();
    let mut bytes = 0;
    let mut seed = 0u64;
    while bytes < CORPUS_BYTES {
        for doc in &clean {
            let damaged = referat::eval::corrupt(doc, seed);
            bytes += damaged.len();
            out.push(damaged);
            seed += 1;
        }
    }
    out
}

fn tokens(docs: &[String]) -> usize {
    docs.iter().map(|d| d.split_whitespace().count()).sum()
}

fn run(bencher: Bencher, docs: Vec<String>) {
    let repairer = Repairer::new(&RepairOptions::default()).expect("bundled data");
    let bytes: usize = docs.iter().map(String::len).sum();
    bencher
        .counter(BytesCount::new(bytes))
        .counter(ItemsCount::new(tokens(&docs)))
        .bench(|| repair_all(&repairer, &docs));
}

/// Repairs every document; the corrections counted so nothing is optimised
/// away.
fn repair_all(repairer: &Repairer, docs: &[String]) -> usize {
    let corrections = docs
        .iter()
        .map(|d| repairer.repair(d).corrections.len())
        .sum();
    divan::black_box(corrections)
}

#[divan::bench(sample_count = 3, sample_size = 1)]
fn damaged_minutes(bencher: Bencher) {
    run(bencher, damaged_corpus());
}

/// The same corpus with a new repairer for every sample: every distinct word
/// analysed once, as in a batch whose words are all new.
#[divan::bench(sample_count = 3, sample_size = 1)]
fn damaged_minutes_cold(bencher: Bencher) {
    let docs = damaged_corpus();
    let bytes: usize = docs.iter().map(String::len).sum();
    bencher
        .counter(BytesCount::new(bytes))
        .counter(ItemsCount::new(tokens(&docs)))
        .with_inputs(|| Repairer::new(&RepairOptions::default()).expect("bundled data"))
        .bench_local_values(|repairer| repair_all(&repairer, &docs));
}

#[divan::bench(sample_count = 3, sample_size = 1)]
fn clean_minutes(bencher: Bencher) {
    let clean = clean_documents();
    let mut docs = Vec::new();
    while docs.iter().map(String::len).sum::<usize>() < CORPUS_BYTES {
        docs.extend(clean.iter().cloned());
    }
    run(bencher, docs);
}
