//! Prints `corrections/lexicon/place_endings.tsv`: the short words that end
//! the lexicon's place names far more often than its common words (see
//! `referat::repair::compounds::place_endings_table`).
//!
//! Run: `cargo run --release --example derive_place_endings >
//! corrections/lexicon/place_endings.tsv`; tests/lexicon.rs checks that the
//! committed file is what this prints.

use referat::repair::compounds::place_endings_table;
use referat::repair::lexicon::Lexicon;

fn main() {
    print!("{}", place_endings_table(Lexicon::embedded()));
}
