//! The whole JSON of each seed, as a snapshot (insta). Every value in
//! tests/snapshots/ was read by a Danish reader before it was accepted: the
//! items, sections and typed fields against the source documents, and seed
//! 002's corrections against its hand-corrected copy (tests/eval.rs checks
//! that they restore 141 of its 143 broken words and damage none). A change
//! here is a change in what archivists receive: review it the same way
//! (`cargo insta review`), never accept it blind.

use referat::repair::{RepairOptions, Repairer};

fn document(name: &str) -> serde_json::Value {
    let path = format!("{}/fixtures/seeds/{name}", env!("CARGO_MANIFEST_DIR"));
    let bytes = std::fs::read(&path).expect("seed fixture");
    let repairer = Repairer::new(&RepairOptions::default()).expect("bundled data loads");
    let document = referat::process(&repairer, &format!("seeds/{name}"), &bytes)
        .expect("seed processes")
        .document;
    serde_json::to_value(document).expect("serialises")
}

#[test]
fn seed_002_raw_ocr() {
    insta::assert_json_snapshot!(document("002_bcc31beeb5db5745.txt"));
}

#[test]
fn seed_003_markdown() {
    insta::assert_json_snapshot!(document("003_f122f3bfac8cb1ef.txt"));
}

#[test]
fn seed_004_clean() {
    insta::assert_json_snapshot!(document("004_8d2d2b7021df1346.txt"));
}
