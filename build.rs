//! Lays the lexicon's fst out as the flat trie the candidate search and the
//! compound split walk (`src/repair/trie_layout.rs`), once at build time:
//! laid out at run time it cost every process 150 M instructions.

use std::path::PathBuf;

#[path = "src/repair/trie_layout.rs"]
mod trie_layout;

const FST: &str = "corrections/lexicon/da.fst";

fn main() {
    println!("cargo:rerun-if-changed={FST}");
    println!("cargo:rerun-if-changed=src/repair/trie_layout.rs");
    println!("cargo:rerun-if-changed=build.rs");
    let bytes = std::fs::read(FST).expect("corrections/lexicon/da.fst is readable");
    let fst = fst::raw::Fst::new(bytes).expect("corrections/lexicon/da.fst is a valid fst");
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    std::fs::write(out.join("da.trie"), trie_layout::lay_out(&fst)).expect("OUT_DIR is writable");
}
