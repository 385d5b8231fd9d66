//! Prints `corrections/lexicon/name_spelling.tsv`: how the lexicon's names
//! are spelt, letter by letter after the three before (see
//! `referat::repair::spelling`), what a name's damaged variants are read
//! with.
//!
//! Run: `cargo run --release --example derive_name_spelling >
//! corrections/lexicon/name_spelling.tsv`; tests/lexicon.rs checks that the
//! committed file is what this prints.

use referat::repair::lexicon::Lexicon;
use referat::repair::spelling::count_names;

fn main() {
    print!("{}", count_names(Lexicon::embedded()).table());
}
