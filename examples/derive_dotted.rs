//! Prints `corrections/lexicon/dotted.tsv`: the lexicon's abbreviations
//! written with a full stop (see `referat::repair::lexicon::dotted_table`).
//!
//! Run: `cargo run --release --example derive_dotted >
//! corrections/lexicon/dotted.tsv`; tests/lexicon.rs checks that the
//! committed file is what this prints.

use referat::repair::lexicon::{dotted_table, Lexicon};

fn main() {
    print!("{}", dotted_table(Lexicon::embedded()));
}
