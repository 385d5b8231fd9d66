//! The Danish lexicon and compound splitting, as the repair stage relies on
//! them: real words and their inflections are known, compounds are known
//! through their parts, and the OCR-broken forms of seed 002 are not words.

use referat::repair::compounds;
use referat::repair::lexicon::Lexicon;
use referat::repair::spelling;
use sha2::{Digest, Sha256};

fn lex() -> &'static Lexicon {
    Lexicon::embedded()
}

/// The parts `split` finds, for readable assertions.
fn parts(word: &str) -> Option<Vec<&str>> {
    compounds::parts(lex(), word)
}

#[test]
fn plain_words_and_inflections_are_standalone_entries() {
    for word in [
        "fælles",
        "området",
        "godkendt",
        "beslutning",
        "bemærkning",
        "forlængelse",
        "undersøgelse",
        "målsætninger",
        "iværksættelse",
        "tværgående",
        "udmønte",
        "afholdt",
        "efterfølgende",
        "påbegyndt",
        "drøftes",
    ] {
        let entry = lex().entry(word);
        assert!(entry.is_some_and(|e| e.standalone), "{word}: {entry:?}");
        assert!(lex().is_word(word), "{word}");
    }
}

#[test]
fn compounds_are_known_through_their_parts() {
    let cases: [(&str, &[&str]); 8] = [
        (
            "kommunalbestyrelsesmødet",
            &["kommunalbestyrelses", "mødet"],
        ),
        (
            "medarbejderrepræsentanter",
            &["medarbejder", "repræsentanter"],
        ),
        ("chefområder", &["chef", "områder"]),
        ("socialområdet", &["social", "området"]),
        ("familieområdet", &["familie", "området"]),
        ("udviklingstiltag", &["udviklings", "tiltag"]),
        ("ledelseskodeks", &["ledelses", "kodeks"]),
        ("komponent-undersøgelsen", &["komponent", "undersøgelsen"]),
    ];
    for (word, expected) in cases {
        assert_eq!(parts(word).as_deref(), Some(expected), "{word}");
        assert!(lex().is_word(word), "{word}");
    }
}

#[test]
fn these_compounds_are_not_in_the_dictionary_as_whole_words() {
    // So the compound rules, not a word list, make them known.
    for word in [
        "kommunalbestyrelsesmødet",
        "chefområder",
        "familieområdet",
        "udviklingstiltag",
        "ledelseskodeks",
    ] {
        assert_eq!(lex().entry(word), None, "{word}");
    }
}

#[test]
fn some_compounds_are_dictionary_words_too() {
    // hunspell-da lists these whole; they split as well.
    for word in ["medarbejderrepræsentanter", "socialområdet"] {
        assert!(lex().entry(word).is_some_and(|e| e.standalone), "{word}");
    }
}

#[test]
fn a_first_part_before_a_hyphen_is_a_word() {
    // "Børne- og familieområdet": the dictionary lists "børne-" itself.
    assert!(lex().is_word("børne-"));
    assert!(lex().is_word("familieområdet"));
}

#[test]
fn hyphenated_compounds_with_abbreviations() {
    assert_eq!(parts("med-systemet"), Some(vec!["med", "systemet"]));
    assert!(lex().is_word("med-systemet"));
}

#[test]
fn ocr_broken_forms_are_not_words() {
    for word in [
        "fzelles",
        "omréadet",
        "socialomridet",
        "underseogelse",
        "tveergdende",
        "forlengelse",
        "atholdt",
        "malsa@tninger",
        "omradet",
        "pabegyndt",
    ] {
        assert_eq!(lex().entry(word), None, "{word}");
        assert_eq!(parts(word), None, "{word}");
        assert!(!lex().is_word(word), "{word}");
    }
}

/// Place names end in short words too rare for a short part elsewhere
/// (`bæk`, `kær`, `dal`, `vig`, `næs`, `vad`): those the lexicon's own
/// names end in are let through at the end of a compound, and only at the
/// end; another rare short word still is not (`mal` of `klimamal`, the
/// damaged `klimamål`).
#[test]
fn place_names_end_in_short_words() {
    for (word, expected) in [
        ("hjortekær", ["hjorte", "kær"]),
        ("vejrbæk", ["vejr", "bæk"]),
        ("lærkedal", ["lærke", "dal"]),
        ("skovkær", ["skov", "kær"]),
    ] {
        assert_eq!(parts(word).as_deref(), Some(&expected[..]), "{word}");
    }
    for word in ["klimamal", "kærhave", "bækskolen"] {
        assert_eq!(parts(word), None, "{word}");
    }
}

/// The committed list of place-name endings is what the lexicon gives.
#[test]
fn place_endings_are_derived_from_the_lexicon() {
    let committed = include_str!("../corrections/lexicon/place_endings.tsv");
    let derived = referat::repair::compounds::place_endings_table(lex());
    assert_eq!(
        committed, derived,
        "run `cargo run --example derive_place_endings`"
    );
    assert!(committed.lines().any(|l| l.starts_with("bæk\t")));
}

/// The committed list of abbreviations written with a full stop is what
/// the lexicon gives, and answers as the lexicon does.
#[test]
fn dotted_abbreviations_are_derived_from_the_lexicon() {
    use referat::repair::lexicon::{dotted_table, is_dotted_abbreviation};
    let committed = include_str!("../corrections/lexicon/dotted.tsv");
    assert_eq!(
        committed,
        dotted_table(lex()),
        "run `cargo run --example derive_dotted`"
    );
    // Every listed form is asked as the repair asks, without its stop.
    for form in committed.lines().filter(|l| !l.starts_with('#')) {
        let word = form.strip_suffix('.').expect("a form with its stop");
        assert!(is_dotted_abbreviation(word), "{form}");
        assert!(lex().entry(form).is_some(), "{form}");
    }
    for (word, dotted) in [
        ("vedr", true),
        ("dr", true),
        ("kr", true),
        ("cand.merc", true),
        ("cand", false),
        ("året", false),
        ("møde", false),
        ("", false),
    ] {
        assert_eq!(is_dotted_abbreviation(word), dotted, "{word}");
        assert_eq!(
            lex().entry(&format!("{word}.")).is_some(),
            dotted,
            "{word}."
        );
    }
}

/// The committed list of name endings is what the lexicon gives.
#[test]
fn name_endings_are_derived_from_the_lexicon() {
    let committed = include_str!("../corrections/lexicon/name_endings.tsv");
    let derived = referat::repair::compounds::name_endings_table(lex());
    assert_eq!(
        committed, derived,
        "run `cargo run --example derive_name_endings`"
    );
    for ending in ["høj", "sø", "hus", "bæk"] {
        assert!(committed
            .lines()
            .any(|l| l.starts_with(&format!("{ending}\t"))));
    }
    for not_one in ["søn", "tør", "kø"] {
        assert!(!committed
            .lines()
            .any(|l| l.starts_with(&format!("{not_one}\t"))));
    }
}

#[test]
fn real_word_errors_are_words() {
    // "aben" (the monkey) for "åben", "far" for "får": the lexicon cannot
    // tell; the context model must.
    for word in ["aben", "far", "for", "mode", "bor", "ar"] {
        assert!(lex().is_word(word), "{word}");
    }
}

#[test]
fn a_broken_compound_hunspell_accepts_is_rejected_here() {
    // hunspell-da accepts "kommunalbestyrelsesmadet" (mødet with ø read as
    // a) as "kommunalbestyrelses" + "madet" (participle of "made", to feed);
    // our rule against short parts wordfreq does not rank rejects it.
    assert_eq!(parts("kommunalbestyrelsesmadet"), None);
    assert!(!lex().is_word("kommunalbestyrelsesmadet"));
}

#[test]
fn a_broken_compound_can_still_be_a_real_compound() {
    // With ø read as o it is "kommunalbestyrelses" + "modet" (the courage):
    // a valid compound, so only context can repair it.
    assert_eq!(
        parts("kommunalbestyrelsesmodet"),
        Some(vec!["kommunalbestyrelses", "modet"])
    );
}

#[test]
fn names_and_abbreviations_are_marked_proper() {
    for word in ["tina", "hanne", "kl"] {
        let entry = lex().entry(word).expect(word);
        assert!(entry.proper, "{word}: {entry:?}");
    }
    assert!(!lex().entry("beslutning").unwrap().proper);
}

#[test]
fn the_case_a_word_is_written_in_is_known() {
    // `DR` (and `dr.`, a key of its own) but no lower-case `dr`; `IT` and
    // `it`; `Lin` and `lin`; `Lane` only as a name.
    let case = |w: &str| {
        let e = lex().entry(w).expect(w);
        (e.abbreviation, e.lower_case)
    };
    assert_eq!(case("dr"), (true, false));
    assert_eq!(case("it"), (true, true));
    assert_eq!(case("lin"), (false, true));
    assert_eq!(case("lane"), (false, false));
    assert!(lex().entry("lane").unwrap().proper);
    assert_eq!(case("beslutning"), (false, true));
}

#[test]
fn frequencies_rank_common_words_above_rare_ones() {
    assert!(lex().zipf("og") > 6.0);
    assert!(lex().zipf("beslutning") > lex().zipf("kodeks"));
    assert_eq!(lex().zipf("fzelles"), 0.0);
}

#[test]
fn prefixes() {
    assert!(lex().has_prefix("undersøg"));
    assert!(!lex().has_prefix("underseog"));
}

/// corrections/lexicon/manifest.tsv as (field, value) pairs.
fn manifest() -> Vec<(String, String)> {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/corrections/lexicon/manifest.tsv"
    );
    let text = std::fs::read_to_string(path).expect("manifest.tsv");
    text.lines()
        .map(|line| {
            let (field, value) = line.split_once('\t').expect("field<TAB>value");
            (field.to_string(), value.to_string())
        })
        .collect()
}

fn field(manifest: &[(String, String)], name: &str) -> String {
    manifest
        .iter()
        .find(|(field, _)| field == name)
        .unwrap_or_else(|| panic!("manifest has no {name}"))
        .1
        .clone()
}

#[test]
fn fst_matches_its_manifest() {
    let manifest = manifest();
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/corrections/lexicon/da.fst");
    let bytes = std::fs::read(path).expect("da.fst");
    let sha: String = Sha256::digest(&bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    assert_eq!(
        field(&manifest, "fst_sha256"),
        sha,
        "da.fst is stale or corrupt"
    );
    assert_eq!(field(&manifest, "fst_bytes"), bytes.len().to_string());
    assert_eq!(field(&manifest, "entries"), lex().len().to_string());
    assert!(field(&manifest, "hunspell_da").starts_with("1:7.5"));
    let rep = concat!(env!("CARGO_MANIFEST_DIR"), "/corrections/lexicon/rep.tsv");
    let rep_pairs = std::fs::read_to_string(rep)
        .expect("rep.tsv")
        .lines()
        .count();
    assert_eq!(field(&manifest, "rep_pairs"), rep_pairs.to_string());
}

#[test]
fn the_embedded_fst_is_sound() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/corrections/lexicon/da.fst");
    let fst = fst::raw::Fst::new(std::fs::read(path).unwrap()).unwrap();
    fst.verify().expect("checksum of da.fst");
    assert!(lex().len() > 500_000);
}

#[test]
fn opening_the_lexicon_is_cheap() {
    // Start-up reads only the fst header; even an unoptimised build is far
    // below the 100 ms budget (a release build takes nanoseconds).
    let bytes: &'static [u8] = include_bytes!("../corrections/lexicon/da.fst");
    let started = std::time::Instant::now();
    let map = fst::Map::new(bytes).expect("da.fst");
    assert!(started.elapsed() < std::time::Duration::from_millis(10));
    assert_eq!(map.len(), lex().len());
}

/// The committed spelling of the lexicon's names is what the lexicon gives.
#[test]
fn name_spelling_is_derived_from_the_lexicon() {
    let committed = include_str!("../corrections/lexicon/name_spelling.tsv");
    let derived = spelling::count_names(lex()).table(spelling::NAMES_HEADER);
    assert!(
        committed == derived,
        "corrections/lexicon/name_spelling.tsv is stale: run `cargo run --release --example \
         derive_name_spelling > corrections/lexicon/name_spelling.tsv`"
    );
    // Names are spelt `Rød...` far more often than `Rod...`, and end in `-høj`.
    assert!(committed.lines().any(|l| l.starts_with("_rø\t")));
    assert!(committed.lines().any(|l| l.starts_with("høj\t")));
}

/// The committed spelling of the lexicon's lower-case words is what the
/// lexicon gives, and says what a Danish reader knows: no Danish word ends
/// in `-ect` or `-ecn`, while `-et` and `-en` are everywhere; and it knows
/// the letters a Danish word has lost.
#[test]
fn word_spelling_is_derived_from_the_lexicon() {
    let committed = include_str!("../corrections/lexicon/word_spelling.tsv");
    let derived = spelling::count_words(lex()).table(spelling::WORDS_HEADER);
    assert!(
        committed == derived,
        "corrections/lexicon/word_spelling.tsv is stale: run `cargo run --release --example \
         derive_name_spelling words > corrections/lexicon/word_spelling.tsv`"
    );
    let words = spelling::Spelling::words();
    assert!(words.ln_p_word("asfalteret") > words.ln_p_word("asfalterect") + 3.0);
    assert!(words.ln_p_word("kunstpuljen") > words.ln_p_word("kunstpuljecn") + 3.0);
    assert!(words.ln_p_word("overdække") > words.ln_p_word("overdakke"));
}
