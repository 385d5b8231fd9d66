//! Writes `corrections/lexicon/da.trie`: the lexicon's fst laid out as the
//! flat trie the candidate search and the compound split walk (see
//! `referat::repair::lexicon`). Derived data like the fst, checked in so a
//! process reads it instead of laying it out (150 M instructions a
//! process); the crate's tests fail when it is stale.
//!
//! Run after the fst changes (scripts/derive-lexicon.sh does):
//! `cargo run --release --example derive_trie`. The crate embeds the file,
//! so it must exist to build this: if it is missing, create it empty
//! first (`: > corrections/lexicon/da.trie`); this reads only the fst.

use referat::repair::lexicon::Lexicon;

const OUT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/corrections/lexicon/da.trie");

/// Written beside it and renamed over it: an interrupted run leaves the
/// old file whole.
fn main() -> std::io::Result<()> {
    let part = format!("{OUT}.part");
    std::fs::write(&part, Lexicon::lay_out_fst())?;
    std::fs::rename(&part, OUT)
}
