//! The lexicon's costs: opening the embedded fst and trie (start-up), a plain lookup,
//! a prefix check, and `is_word` on compounds, on OCR-broken words (the
//! compound search that fails, the slow path of the repair stage) and on
//! known words (the fast path).

use referat::repair::compounds;
use referat::repair::lexicon::Lexicon;

fn main() {
    divan::main();
}

/// Known forms, compounds and OCR-broken forms from the minutes.
const KNOWN: &[&str] = &[
    "fælles",
    "området",
    "godkendt",
    "beslutning",
    "bemærkning",
    "og",
    "i",
    "at",
    "undersøgelse",
    "målsætninger",
    "afholdt",
    "efterfølgende",
    "drøftes",
];
const COMPOUNDS: &[&str] = &[
    "kommunalbestyrelsesmødet",
    "chefområder",
    "familieområdet",
    "udviklingstiltag",
    "ledelseskodeks",
    "med-systemet",
];
const BROKEN: &[&str] = &[
    "fzelles",
    "omréadet",
    "socialomridet",
    "underseogelse",
    "tveergdende",
    "forlengelse",
    "atholdt",
    "malsatninger",
    "pabegyndt",
    "omradet",
];

/// The word list a bench argument names.
fn words(kind: &str) -> &'static [&'static str] {
    match kind {
        "known" => KNOWN,
        "compounds" => COMPOUNDS,
        "broken" => BROKEN,
        _ => unreachable!("unknown word list {kind}"),
    }
}

/// What start-up costs: opening the embedded fst and reading the trie's
/// arrays (the first call of `Lexicon::embedded` does this once).
#[divan::bench(sample_count = 20)]
fn open() -> usize {
    divan::black_box(Lexicon::open()).len()
}

/// One million `entry` lookups of known and broken words, for a
/// lookups-per-second figure.
#[divan::bench(sample_count = 5, sample_size = 1)]
fn million_lookups() -> usize {
    let lex = Lexicon::embedded();
    let all: Vec<&str> = KNOWN.iter().chain(BROKEN).copied().collect();
    (0..1_000_000)
        .filter(|i| lex.entry(divan::black_box(all[i % all.len()])).is_some())
        .count()
}

#[divan::bench(args = ["known", "broken"])]
fn entry(kind: &str) -> usize {
    let lex = Lexicon::embedded();
    words(kind)
        .iter()
        .filter(|w| lex.entry(divan::black_box(w)).is_some())
        .count()
}

#[divan::bench(args = ["known", "compounds", "broken"])]
fn is_word(kind: &str) -> usize {
    let lex = Lexicon::embedded();
    words(kind)
        .iter()
        .filter(|w| lex.is_word(divan::black_box(w)))
        .count()
}

#[divan::bench(args = ["compounds", "broken"])]
fn split(kind: &str) -> usize {
    let lex = Lexicon::embedded();
    words(kind)
        .iter()
        .filter(|w| compounds::split(lex, divan::black_box(w)).is_some())
        .count()
}

#[divan::bench]
fn has_prefix(bencher: divan::Bencher) {
    let lex = Lexicon::embedded();
    bencher.bench(|| {
        ["kommunalbestyr", "målsætn", "fzel", "omré", "underse"]
            .iter()
            .filter(|p| lex.has_prefix(divan::black_box(p)))
            .count()
    });
}
