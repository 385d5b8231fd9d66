//! Prints `corrections/lexicon/name_spelling.tsv`: how the lexicon's names
//! are spelt, letter by letter after the three before (see
//! `referat::repair::spelling`), what a name's damaged variants are read
//! with; with the argument `words`, `corrections/lexicon/word_spelling.tsv`:
//! how its lower-case words are spelt, what says how Danish a string no
//! dictionary holds looks.
//!
//! Run: `cargo run --release --example derive_name_spelling >
//! corrections/lexicon/name_spelling.tsv` and `cargo run --release
//! --example derive_name_spelling words >
//! corrections/lexicon/word_spelling.tsv`; tests/lexicon.rs checks that the
//! committed files are what this prints.

use referat::repair::lexicon::Lexicon;
use referat::repair::spelling::{count_names, count_words, NAMES_HEADER, WORDS_HEADER};

fn main() {
    let lexicon = Lexicon::embedded();
    match std::env::args().nth(1).as_deref() {
        None => print!("{}", count_names(lexicon).table(NAMES_HEADER)),
        Some("words") => print!("{}", count_words(lexicon).table(WORDS_HEADER)),
        Some(other) => {
            eprintln!("derive_name_spelling: unknown table {other:?} (none, or `words`)");
            std::process::exit(2);
        }
    }
}
