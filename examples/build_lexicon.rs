//! Compiles the lexicon TSV written by `scripts/derive_lexicon.py` into the
//! `fst::Map` that referat embeds (`corrections/lexicon/da.fst`).
//!
//! Run through `scripts/derive-lexicon.sh`, which also writes the manifest.
//! The TSV is `key <TAB> flags <TAB> zipf*100`, sorted by the key's bytes; the
//! value packs the flags into the low bits and the frequency above them, the
//! layout `referat::repair::lexicon` decodes.
//!
//! Usage: `cargo run --example build_lexicon -- LEXICON.tsv OUT.fst`

use std::fs::File;
use std::io::{BufRead, BufReader, BufWriter};
use std::process::ExitCode;

use referat::repair::lexicon::{pack, Entry};

fn parse_line(line: &str) -> Result<(&str, u64), String> {
    let mut fields = line.split('\t');
    let (Some(key), Some(flags), Some(zipf), None) =
        (fields.next(), fields.next(), fields.next(), fields.next())
    else {
        return Err("expected three tab-separated fields".to_string());
    };
    let zipf: u16 = zipf.parse().map_err(|e| format!("zipf {zipf:?}: {e}"))?;
    let mut entry = Entry {
        zipf: f32::from(zipf) / 100.0,
        ..Entry::default()
    };
    let mut forbidden = false;
    for letter in flags.chars() {
        match letter {
            's' => entry.standalone = true,
            'b' => entry.compound_begin = true,
            'm' => entry.compound_middle = true,
            'e' => entry.compound_end = true,
            'p' => entry.proper = true,
            'l' => entry.lower_case = true,
            'u' => entry.abbreviation = true,
            'v' => entry.infinitive = true,
            't' => entry.participle = true,
            'd' => entry.past = true,
            'n' => entry.other_reading = true,
            'j' => entry.zipf_of_stem = true,
            'f' => forbidden = true,
            other => return Err(format!("unknown flag {other:?}")),
        }
    }
    Ok((key, pack(&entry, forbidden)))
}

fn build(tsv: &str, out: &str) -> Result<usize, String> {
    let input = File::open(tsv).map_err(|e| format!("{tsv}: {e}"))?;
    let output = File::create(out).map_err(|e| format!("{out}: {e}"))?;
    let mut builder = fst::MapBuilder::new(BufWriter::new(output)).map_err(|e| e.to_string())?;
    let mut count = 0;
    for (number, line) in BufReader::new(input).lines().enumerate() {
        let line = line.map_err(|e| format!("{tsv}: {e}"))?;
        let (key, value) = parse_line(&line).map_err(|e| format!("{tsv}:{}: {e}", number + 1))?;
        // The builder rejects keys out of order, so a badly sorted TSV fails here.
        builder
            .insert(key, value)
            .map_err(|e| format!("{tsv}:{}: {e}", number + 1))?;
        count += 1;
    }
    builder.finish().map_err(|e| format!("{out}: {e}"))?;
    Ok(count)
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [tsv, out] = args.as_slice() else {
        eprintln!("usage: build_lexicon LEXICON.tsv OUT.fst");
        return ExitCode::from(2);
    };
    match build(tsv, out) {
        Ok(count) => {
            println!("{count}");
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("build_lexicon: {message}");
            ExitCode::FAILURE
        }
    }
}
