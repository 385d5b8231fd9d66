//! The repair stage's data in corrections/ stays tidy and fresh.
//!
//! As in typos' `verify` test: the correction dictionary is compared with its
//! own canonical form (sorted, lower-case keys, no duplicates), and derived
//! data is derived again here and compared with what is committed, so a stale
//! file fails the build instead of silently drifting.

use std::collections::BTreeMap;

use referat::repair::dictionary::{self, canonical};

#[test]
fn ocr_dictionary_is_canonical() {
    let rows = dictionary::parse("corrections/ocr.tsv", dictionary::BUNDLED).expect("parses");
    let canon = canonical(&rows);
    let keys: Vec<&str> = rows.iter().map(|r| r.wrong.as_str()).collect();
    let canon_keys: Vec<&str> = canon.iter().map(|r| r.wrong.as_str()).collect();
    assert_eq!(
        keys, canon_keys,
        "corrections/ocr.tsv must be sorted, without duplicates"
    );
    for line in dictionary::BUNDLED.lines().skip(1) {
        let wrong = line.split('\t').next().unwrap();
        assert_eq!(wrong, wrong.to_lowercase(), "keys are lower-case: {line}");
        assert_eq!(
            line.split('\t').count(),
            3,
            "wrong<TAB>right<TAB>note: {line}"
        );
    }
    for row in &rows {
        assert_ne!(
            row.wrong,
            row.right.to_lowercase(),
            "a row that changes nothing"
        );
    }
}

#[test]
fn confusion_table_is_well_formed() {
    let text = referat::repair::confusions::BUNDLED;
    let mut seen = std::collections::HashSet::new();
    for line in text.lines() {
        let cols: Vec<&str> = line.split('\t').collect();
        assert_eq!(
            cols.len(),
            5,
            "ocr<TAB>true<TAB>count<TAB>of<TAB>seen: {line:?}"
        );
        let count: u32 = cols[2].parse().expect("count");
        let of: u32 = cols[3].parse().expect("of");
        assert!(count <= of, "{line:?}");
        assert!(seen.insert((cols[0], cols[1])), "duplicate: {line:?}");
    }
}

/// scripts/derive_context.py, again: lower-case words, numbers as `<n>`,
/// commas as `<,>`, full stops as `<.>`,
/// pairs of tokens separated only by whitespace without a blank line.
#[test]
fn context_counts_are_fresh() {
    let token = regex::Regex::new(r"[^\W\d_]+|\d+(?:[.,/:-]\d+)*|\S|\s+").unwrap();
    let mut sources: Vec<String> = std::fs::read_dir("corrections/training")
        .unwrap()
        .map(|e| e.unwrap().path().to_string_lossy().into_owned())
        .filter(|p| p.ends_with(".txt"))
        .collect();
    sources.sort();
    let mut seeds: Vec<String> = std::fs::read_dir("fixtures/seeds")
        .unwrap()
        .map(|e| e.unwrap().path().to_string_lossy().into_owned())
        .filter(|p| p.contains("/003_") || p.contains("/004_"))
        .collect();
    seeds.sort();
    sources.extend(seeds);

    let mut uni: BTreeMap<String, u32> = BTreeMap::new();
    let mut bi: BTreeMap<(String, String), u32> = BTreeMap::new();
    let mut skip: BTreeMap<(String, String), u32> = BTreeMap::new();
    let mut frame: BTreeMap<(String, String, String), u32> = BTreeMap::new();
    for path in &sources {
        let text = std::fs::read_to_string(path).unwrap();
        let mut prev: Option<String> = None;
        let mut prev2: Option<String> = None;
        let mut blank = false;
        for m in token.find_iter(&text) {
            let t = m.as_str();
            let first = t.chars().next().unwrap();
            let value = if first.is_whitespace() {
                if t.matches('\n').count() >= 2 {
                    blank = true;
                }
                continue;
            } else if first.is_ascii_digit() || first.is_numeric() {
                "<n>".to_string()
            } else if first.is_alphabetic() {
                t.to_lowercase()
            } else if t == "," {
                "<,>".to_string()
            } else if t == "." {
                "<.>".to_string()
            } else {
                prev = None;
                prev2 = None;
                continue;
            };
            *uni.entry(value.clone()).or_default() += 1;
            match prev.take() {
                Some(p) if !blank => {
                    *bi.entry((p.clone(), value.clone())).or_default() += 1;
                    if let Some(p2) = prev2.take() {
                        let centre = p.chars().all(char::is_alphabetic)
                            && p.chars().count() <= referat::repair::context::FRAME_CENTRE_CHARS
                            && p2 != "<.>";
                        if centre {
                            *frame
                                .entry((p2.clone(), p.clone(), value.clone()))
                                .or_default() += 1;
                        }
                        *skip.entry((p2, value.clone())).or_default() += 1;
                    }
                    prev2 = Some(p);
                }
                _ => prev2 = None,
            }
            prev = Some(value);
            blank = false;
        }
    }
    let mut expected = String::new();
    for (w, n) in &uni {
        expected.push_str(&format!("{n}\t{w}\n"));
    }
    for ((a, b), n) in &bi {
        expected.push_str(&format!("{n}\t{a}\t{b}\n"));
    }
    for ((a, b), n) in &skip {
        expected.push_str(&format!("{n}\t{a}\t*\t{b}\n"));
    }
    for ((a, w, b), n) in &frame {
        if *n >= referat::repair::context::MIN_FRAME_COUNT {
            expected.push_str(&format!("{n}\t{a}\t{w}\t{b}\n"));
        }
    }
    let committed = std::fs::read_to_string("corrections/context.tsv").unwrap();
    assert!(
        committed == expected,
        "corrections/context.tsv is stale: run python3 scripts/derive_context.py"
    );
}

/// The party-letter prior is what the training minutes say, derived again.
#[test]
fn party_letters_are_derived_from_the_training_minutes() {
    let committed = include_str!("../corrections/party_letters.tsv");
    let mut paths: Vec<_> = std::fs::read_dir("corrections/training")
        .expect("training minutes")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    let texts: Vec<String> = paths
        .iter()
        .map(|p| std::fs::read_to_string(p).expect("UTF-8"))
        .collect();
    let derived = referat::repair::context::party_letters_table(texts.iter().map(String::as_str));
    assert!(
        committed == derived,
        "corrections/party_letters.tsv is stale: run `cargo run --release --example \
         derive_party_letters > corrections/party_letters.tsv`"
    );
    // A and V, the largest parties, are far commoner than Å and Æ.
    let count = |letter: &str| referat::repair::context::bundled_party_letter_count(letter);
    assert!(count("A") > 10 * count("Å"), "{committed}");
    assert!(count("V") > 5 * count("Æ"), "{committed}");
}
