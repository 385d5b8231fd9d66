//! Prints `corrections/party_letters.tsv`: how often the training minutes
//! write each party letter after a member's name, the repair's prior for
//! a party letter that may have lost its diacritic (see
//! `referat::repair::context::party_letters_table`).
//!
//! Run: `cargo run --release --example derive_party_letters >
//! corrections/party_letters.tsv`; tests/repair_data.rs checks that the
//! committed file is what this prints.

use referat::repair::context::party_letters_table;

fn main() {
    let mut paths: Vec<_> = std::fs::read_dir("corrections/training")
        .expect("run from the repository's root")
        .map(|e| e.expect("a readable folder").path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    let texts: Vec<String> = paths
        .iter()
        .map(|p| std::fs::read_to_string(p).expect("UTF-8 minutes"))
        .collect();
    print!("{}", party_letters_table(texts.iter().map(String::as_str)));
}
