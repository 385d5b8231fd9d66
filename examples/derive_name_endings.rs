//! Prints `corrections/lexicon/name_endings.tsv`: the short words that end
//! many of the lexicon's names, the only short parts a name's compound
//! reading may have (see `referat::repair::compounds::name_endings_table`).
//!
//! Run: `cargo run --release --example derive_name_endings >
//! corrections/lexicon/name_endings.tsv`; tests/lexicon.rs checks that the
//! committed file is what this prints.

use referat::repair::compounds::name_endings_table;
use referat::repair::lexicon::Lexicon;

fn main() {
    print!("{}", name_endings_table(Lexicon::embedded()));
}
