//! Writes a folder of generated OCR-damaged minutes for timing whole batches
//! (`/usr/bin/time -v referat ingest ...`, see the README):
//!
//! ```sh
//! cargo run --release --example make_corpus -- DIR FILES
//! ```
//!
//! Each file is one of the clean training minutes (corrections/training/) or
//! clean seeds (003, 004), damaged by the accuracy harness's noise model with
//! its own seed, so no two files are the same; every fifth file is left clean,
//! as in a real batch where some scans came through whole. Deterministic.
//!
//! `make_corpus DIR FILES SOURCES CLEAN_EVERY` takes the minutes of the
//! folder SOURCES instead, and leaves every CLEAN_EVERY-th file clean (0:
//! none): `make_corpus /tmp/nd 240 tests/data/newdev 0` is a batch of
//! minutes on new subjects that no clean copy teaches, to measure what a
//! batch's damaged documents teach each other.

use std::path::PathBuf;

fn main() -> std::io::Result<()> {
    let mut args = std::env::args().skip(1);
    let (Some(dir), Some(files)) = (args.next(), args.next()) else {
        eprintln!("usage: make_corpus DIR FILES");
        std::process::exit(2);
    };
    let files: usize = files.parse().expect("FILES is a number");
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let folder = args.next();
    let clean_every: usize = args
        .next()
        .map_or(5, |n| n.parse().expect("CLEAN_EVERY is a number"));
    let from = folder
        .as_ref()
        .map_or(root.join("corrections/training"), PathBuf::from);
    let mut sources: Vec<PathBuf> = std::fs::read_dir(from)?
        .map(|e| e.map(|e| e.path()))
        .collect::<Result<_, _>>()?;
    sources.retain(|p| p.extension().is_some_and(|e| e == "txt"));
    if folder.is_none() {
        sources.push(root.join("fixtures/seeds/003_f122f3bfac8cb1ef.txt"));
        sources.push(root.join("fixtures/seeds/004_8d2d2b7021df1346.txt"));
    }
    sources.sort();
    let clean: Vec<String> = sources
        .iter()
        .map(std::fs::read_to_string)
        .collect::<Result<_, _>>()?;
    let dir = PathBuf::from(dir);
    for i in 0..files {
        let folder = dir.join(format!("{:03}", i / 100));
        std::fs::create_dir_all(&folder)?;
        let source = &clean[i % clean.len()];
        let text = if clean_every > 0 && i % clean_every == clean_every - 1 {
            source.clone()
        } else {
            referat::eval::corrupt(source, i as u64)
        };
        std::fs::write(folder.join(format!("{i:05}.txt")), text)?;
    }
    Ok(())
}
