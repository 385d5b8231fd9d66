//! The repair stage, measured (issue 3's targets).
//!
//! Held-out text (tests/data/heldout/) is clean Danish that no part of the
//! repair has learned from; the harness damages it with the noise model
//! fitted to seed 002 and scores the repair token by token. Seed 002 is
//! scored against its hand-corrected copy. The held-out score is also taken
//! without the bundled correction dictionary, to show it does not depend on
//! it. The issue's targets are recall >= 97%, false corrections <= 0.3%, seed
//! 002 >= 99% restored with no correct word damaged. The assertions below
//! hold the targets where the repair reaches them (held-out recall and seed
//! 002 since stop 11), and what it reaches otherwise. Most held-out words still missed are
//! real-word errors (`for` for `før`), names the lexicon does not know
//! (`Rugardsvej`) and all-caps abbreviations and party letters that
//! lost an æ, ø or å (`OU`, `(O)`): the repair leaves those alone unless
//! it is sure.

use referat::eval::{evaluate_heldout, evaluate_pair, Report};
use referat::repair::{Evidence, RepairOptions, Repairer};

/// The seed the held-out figures are taken with.
const SEED: u64 = 2023;

fn heldout() -> Vec<String> {
    folder("tests/data/heldout")
}

/// The .txt files of a folder of clean texts, sorted by name.
fn folder(dir: &str) -> Vec<String> {
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .expect("folder of clean texts")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    assert!(paths.len() >= 5, "{dir}: clean texts missing");
    paths
        .iter()
        .map(|p| std::fs::read_to_string(p).expect("readable"))
        .collect()
}

fn repairer(no_bundled_dictionary: bool) -> Repairer {
    Repairer::new(&RepairOptions {
        no_bundled_dictionary,
        ..RepairOptions::default()
    })
    .expect("bundled data loads")
}

fn show(name: &str, report: &Report) {
    println!("== {name}\n{report}");
    for miss in report.misses.iter().take(60) {
        println!(
            "  {:?} -> {:?}, want {:?}",
            miss.damaged, miss.repaired, miss.clean
        );
    }
}

#[test]
fn seed_002_is_restored_without_damage() {
    let damaged = std::fs::read_to_string("fixtures/seeds/002_bcc31beeb5db5745.txt").unwrap();
    let clean = std::fs::read_to_string("tests/data/seed002.corrected.txt").unwrap();
    let report = evaluate_pair(&repairer(false), &damaged, &clean);
    show("seed 002", &report);
    assert_eq!(report.broken, 143);
    // Measured 99.3% (142 of 143) since stop 11. Missed: `1` for `i`
    // (`omsættes 1 konkrete`), in review. The verb classes would make the
    // `1` an `i` (it follows a passive), but they made `der bevilges 1
    // stilling` one too, so the `1` is decided by word pairs.
    assert!(report.recall() >= 0.99, "reached 99.3%; target 99%");
    assert_eq!(report.damaged, 0, "target: no correct word damaged");
}

#[test]
fn heldout_text_is_restored_with_few_false_corrections() {
    let report = evaluate_heldout(&repairer(false), &heldout(), SEED);
    show("held-out, bundled dictionary", &report);
    assert!(report.broken > 1000, "the noise model damages enough words");
    // Measured 97.9% (1162 of 1187) since stop 14 (97.8% at stop 12), 98.4%
    // (1168) at stop 18 with 240 training minutes; with other noise seeds
    // see the README.
    assert!(report.recall() >= 0.978, "reached 98.4%; target 97%");
    assert!(
        report.false_correction_rate() <= 0.003,
        "target: at most 0.3% false corrections"
    );
}

#[test]
fn fresh_text_is_restored_too() {
    // tests/data/fresh/: written at stop 11, measured but not studied until
    // stop 15, when its misses were read (see its README); now a second
    // held-out set. Measured 96.6% (1086 of 1124), 2 of 4962 correct words
    // damaged (other noise seeds: 96.1% to 96.8%); stop 14: 95.9%, stop 11:
    // 94.4%, stop 10: 93.4%; stop 18: 97.3% (1094), 1 damaged.
    let texts = folder("tests/data/fresh");
    let report = evaluate_heldout(&repairer(false), &texts, SEED);
    println!("== fresh\n{report}");
    assert!(report.broken > 1000, "the noise model damages enough words");
    assert!(report.recall() >= 0.965, "reached 97.3%; target 97%");
    assert!(report.false_correction_rate() <= 0.003);
}

#[test]
fn unseen_text_on_new_subjects_is_scored() {
    // tests/data/unseen/: written at stop 15 on subjects no other text of
    // the project has, measured but never studied (see its README; this
    // test prints no misses). Measured 89.3% (1154 of 1292) when it came, 2
    // of 4686 correct words damaged; 90.2% (1166) at the end of stop 15
    // (stop 14's code: 88.6%); 90.3% (1167) at stop 16 (names read from
    // their variants, foreign names kept); 91.6% (1184) at stop 18 (240
    // training minutes instead of 91, party letters named in statements, how
    // Danish a string is spelt). The floor guards against a fall; the
    // target is not met here.
    let texts = folder("tests/data/unseen");
    let report = evaluate_heldout(&repairer(false), &texts, SEED);
    println!("== unseen\n{report}");
    assert!(report.broken > 1000, "the noise model damages enough words");
    assert!(report.recall() >= 0.912, "reached 91.6%; target 97%");
    assert!(report.false_correction_rate() <= 0.003);
}

/// A batch of damaged minutes, none clean: each of newdev's minutes
/// damaged three ways, as an archive holds one council's meetings. What
/// the damaged pages teach each other (their names' variants) must restore
/// more and damage nothing more than the pages read one by one.
#[test]
fn a_batch_of_damaged_minutes_reads_its_names_together() {
    let texts = folder("tests/data/newdev");
    let copies: Vec<(String, String)> = (0..3)
        .flat_map(|round| referat::eval::damaged_pairs(&texts, SEED + 100 * round))
        .collect();
    let alone = repairer(false);
    let mut evidence = Evidence::default();
    for (damaged, _) in &copies {
        evidence.merge(Evidence::learn(damaged));
    }
    let batch = repairer(false).with_evidence(evidence);
    let (mut one_by_one, mut together) = (Report::default(), Report::default());
    for (damaged, clean) in &copies {
        one_by_one.add(evaluate_pair(&alone, damaged, clean));
        together.add(evaluate_pair(&batch, damaged, clean));
    }
    println!("== newdev, one by one\n{one_by_one}\n== newdev, one batch\n{together}");
    // Measured at stop 16: 92.41% one by one, 92.83% together, 31
    // miscorrected either way (with three copies of each name a variant
    // damaged for certain is rarer than in a real batch of many meetings;
    // 240 copies gain 1.4 points, see the README).
    assert!(together.recall() >= one_by_one.recall() + 0.003);
    assert!(together.damaged <= one_by_one.damaged);
    assert!(together.miscorrected <= one_by_one.miscorrected);
}

#[test]
fn cross_validation_scores_each_training_minute_by_a_model_that_never_saw_it() {
    // The development figure: measured 96.4% (12772 of 13254), 18 damaged,
    // with ten folds over 90 minutes; the same minutes scored by the bundled
    // counts, which hold them, reach 99.0%. With 240 minutes (stop 18):
    // 97.1% (33792 of 34816) against 98.6%: more text, a smaller gap, as a
    // model that generalises better shows; a fold that saw its own words
    // would close it.
    let texts = folder("corrections/training");
    let options = RepairOptions::default();
    let cv = referat::eval::cross_validate(&options, &texts, 10, SEED).expect("bundled data");
    let seen = evaluate_heldout(&repairer(false), &texts, SEED);
    println!("== cross-validation\n{cv}\n== the same, bundled counts\n{seen}");
    assert_eq!(cv.broken, seen.broken, "the same damage");
    assert!(
        cv.recall() < seen.recall() - 0.01,
        "no fold is scored by its own words"
    );
    assert!(cv.recall() >= 0.95, "reached 96.4%");
    assert!(cv.false_correction_rate() <= 0.001);
}

#[test]
fn heldout_score_does_not_depend_on_the_bundled_dictionary() {
    let texts = heldout();
    let with = evaluate_heldout(&repairer(false), &texts, SEED);
    let without = evaluate_heldout(&repairer(true), &texts, SEED);
    show("held-out, no bundled dictionary", &without);
    assert!(without.recall() >= 0.975, "reached 97.8%; target 97%");
    assert!(without.false_correction_rate() <= 0.003);
    assert!((with.recall() - without.recall()).abs() < 0.01);
}

#[test]
fn clean_documents_of_the_batch_help_the_damaged_ones() {
    let texts = heldout();
    let alone = evaluate_heldout(&repairer(false), &texts, SEED);
    let in_batch =
        referat::eval::evaluate_heldout_in_batch(&RepairOptions::default(), &texts, SEED)
            .expect("bundled data loads");
    show(
        "held-out, the other documents clean in the batch",
        &in_batch,
    );
    // Measured (stop 11) 1153 restored against 1154 and 5 words damaged
    // against 8: fewer words wrong after the repair (0.62% against 0.65%).
    // Since the bundled counts grew to 41,500 words and learned skip pairs,
    // they find nearly all the batch's word pairs find; the batch's clean
    // text helped most by keeping right words right. With 240 training
    // minutes (stop 18) the bundled counts keep them as well (6 damaged
    // either way), and the batch restores more: 1171 against 1168.
    assert!(
        in_batch.restored + in_batch.broken / 200 >= alone.restored,
        "{in_batch}\n{alone}"
    );
    assert!(
        in_batch.wrong_after < alone.wrong_after,
        "{in_batch}\n{alone}"
    );
    assert!(in_batch.damaged <= alone.damaged, "{in_batch}\n{alone}");
}

/// A `--names` list as an archivist might keep one: the members the texts
/// name with a party letter (`Lærke Dyrløv (Ø)`), and their capitalised
/// words with æ, ø or å (places, streets, schools; a sentence's first
/// word too, as a list made in haste would hold). scripts/names_list.py
/// makes the same list of a folder.
fn names_list(texts: &[String]) -> String {
    // A name may wrap at a line's end (`Jonas\nKjær Lærke (Ø)`).
    let member = regex::Regex::new(r"(?:[A-ZÆØÅ][\w-]+[ \n]){1,3}\([A-ZÆØÅ]{1,2}\)").unwrap();
    let word = regex::Regex::new(r"\b[A-ZÆØÅ][a-zæøåé-]+\b").unwrap();
    let mut lines = std::collections::BTreeSet::new();
    for text in texts {
        let members = member
            .find_iter(text)
            .map(|m| m.as_str().replace('\n', " "));
        lines.extend(members);
        let named = word.find_iter(text).map(|m| m.as_str());
        lines.extend(
            named
                .filter(|w| w.contains(['æ', 'ø', 'å', 'Æ', 'Ø', 'Å']))
                .map(String::from),
        );
    }
    lines.into_iter().collect::<Vec<_>>().join("\n")
}

/// What the page cannot tell (a place no dictionary holds, `Hørvig`; a
/// member's `(O)`, which is a party too), a list of the municipality's
/// names does. Newdev's minutes (studied) are dense with invented names.
#[test]
fn a_names_list_settles_the_names_a_lost_page_cannot() {
    let texts = folder("tests/data/newdev");
    let alone = evaluate_heldout(&repairer(false), &texts, SEED);
    let options = RepairOptions {
        names: vec![names_list(&texts)],
        ..RepairOptions::default()
    };
    let listed = evaluate_heldout(&Repairer::new(&options).unwrap(), &texts, SEED);
    show("newdev, with a list of its names", &listed);
    // Measured (stop 25): 1,844 restored against 1,786 (97.98% against
    // 94.90%), 6 words damaged either way.
    assert!(
        listed.restored >= alone.restored + alone.broken / 50,
        "{listed}\n{alone}"
    );
    assert!(listed.damaged <= alone.damaged, "{listed}\n{alone}");
    // A list of another municipality's names changes little, and damages
    // nothing more.
    let other = RepairOptions {
        names: vec![names_list(&heldout())],
        ..RepairOptions::default()
    };
    let unrelated = evaluate_heldout(&Repairer::new(&other).unwrap(), &texts, SEED);
    assert!(unrelated.damaged <= alone.damaged, "{unrelated}\n{alone}");
    assert!(
        unrelated.restored.abs_diff(alone.restored) <= alone.broken / 100,
        "{unrelated}\n{alone}"
    );
}
