//! `schema/referat.schema.json` is the contract downstream systems code
//! against; `src/model.rs` is what we write. These tests keep the two the
//! same: every fixture's document validates, a document with every field
//! filled validates (so the schema knows every key the model writes), and
//! documents that break the contract are rejected (so the schema is strict).

use std::path::Path;

use jsonschema::Validator;
use referat::batch::{self, Config};
use referat::model::*;
use referat::repair::{RepairOptions, Repairer};
use serde_json::{json, Value};

fn schema() -> Value {
    let text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("schema/referat.schema.json"),
    )
    .expect("schema/referat.schema.json is readable");
    serde_json::from_str(&text).expect("the schema is JSON")
}

fn document_validator() -> Validator {
    jsonschema::draft202012::new(&schema()).expect("the schema is a valid 2020-12 schema")
}

/// The same file's `$defs`, entered at `$defs/<name>`.
fn validator_for_def(name: &str) -> Validator {
    let root = schema();
    let sub = json!({
        "$schema": root["$schema"],
        "$defs": root["$defs"],
        "$ref": format!("#/$defs/{name}"),
    });
    jsonschema::draft202012::new(&sub).expect("the sub-schema is valid")
}

fn assert_valid(validator: &Validator, instance: &Value, what: &str) {
    let errors: Vec<String> = validator
        .iter_errors(instance)
        .map(|e| format!("{} at {}", e, e.instance_path))
        .collect();
    assert!(
        errors.is_empty(),
        "{what} does not match the schema:\n{}",
        errors.join("\n")
    );
}

fn repairer() -> Repairer {
    Repairer::new(&RepairOptions::default()).unwrap()
}

#[test]
fn every_fixture_document_matches_the_schema() {
    let validator = document_validator();
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let repairer = repairer();
    let mut seen = 0;
    for entry in walkdir::WalkDir::new(&fixtures).sort_by_file_name() {
        let entry = entry.unwrap();
        if !batch::walk::is_candidate(entry.path()) {
            continue;
        }
        let relative = entry
            .path()
            .strip_prefix(&fixtures)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        let bytes = std::fs::read(entry.path()).unwrap();
        let processed = referat::process(&repairer, &relative, &bytes)
            .unwrap_or_else(|err| panic!("fixture {relative} must be a good input: {err}"));
        let value = serde_json::to_value(&processed.document).unwrap();
        assert_valid(&validator, &value, &relative);
        seen += 1;
    }
    assert!(
        seen >= 10,
        "expected the seeds and the encoding fixtures, saw {seen} files"
    );
}

fn span(first: u32, last: u32) -> LineSpan {
    [first, last]
}

fn point(number: PointNumber, text: &str) -> Point {
    Point {
        number,
        text: text.to_string(),
    }
}

/// A document with every optional field set and every list non-empty.
fn maximal_document() -> Document {
    let section = |kind, heading: &str, line| Section {
        kind,
        heading: heading.to_string(),
        text: format!("Tekst under {heading}."),
        lines: span(line, line + 1),
    };
    Document {
        schema_version: SCHEMA_VERSION,
        source: Source {
            path: "2023/voksen/referat.txt".to_string(),
            sha256: "cc734d536c4c15b425b9d77cfe6348fc9ff49e2169a81a76031f1351db55354b".to_string(),
            bytes: 3827,
            encoding: "windows-1252".to_string(),
        },
        meeting: Some(Meeting {
            municipality: Some("Norddjurs Kommune".to_string()),
            kind: Some("referat".to_string()),
            body: Some("Voksen- og plejeudvalget".to_string()),
            date: Some("2023-09-12".to_string()),
            time: Some("15:00-16:30".to_string()),
            place: Some("Mødelokale 1, Rådhuset".to_string()),
            present: vec!["Jytte Schmidt (F)".to_string()],
            absent: vec!["Tom Bytoft (A)".to_string()],
            lines: span(1, 8),
        }),
        items: vec![Item {
            number: Some(4),
            title: "Status på udviklingsprocessen på Socialområdet".to_string(),
            case_number: Some("22/6043".to_string()),
            access: Some(Access::Open),
            sagsgang: vec!["VPU".to_string(), "KB".to_string()],
            sections: vec![
                section(SectionKind::Sagsgang, "Sagsgang", 12),
                section(SectionKind::Sagsfremstilling, "Sagsfremstilling", 14),
                section(
                    SectionKind::Sammenhaeng,
                    "Sammenhæng til andre politikker",
                    20,
                ),
                section(
                    SectionKind::OekonomiskeKonsekvenser,
                    "Økonomiske konsekvenser",
                    22,
                ),
                section(SectionKind::Lovgrundlag, "Lovgrundlag", 24),
                section(SectionKind::Hoering, "Høring", 26),
                section(SectionKind::Indstilling, "Indstilling", 28),
                section(SectionKind::Beslutning, "Beslutning", 30),
                section(SectionKind::Fravaerende, "Fraværende", 32),
                section(SectionKind::Bilag, "Bilag", 34),
                section(SectionKind::Other, "Tidsplan", 36),
            ],
            indstilling: Some(Indstilling {
                by: Some("Velfærdsdirektøren".to_string()),
                text: "Velfærdsdirektøren indstiller, at status tages til efterretning."
                    .to_string(),
                points: vec![point(
                    PointNumber::Number(1),
                    "At status tages til efterretning.",
                )],
            }),
            beslutning: vec![Beslutning {
                body: Some("Voksen- og plejeudvalget".to_string()),
                date: Some("2024-04-09".to_string()),
                text: "Taget til efterretning.".to_string(),
                points: vec![
                    point(PointNumber::Number(1), "Godkendt."),
                    point(PointNumber::Label("Eventuelt".to_string()), "Intet."),
                ],
            }],
            fravaerende: vec![Fravaerende {
                name: "Diana Therese Mikkelsen".to_string(),
                affiliation: Some("Æ".to_string()),
            }],
            bilag: vec![Bilag {
                number: Some(1),
                access: Some(Access::Closed),
                title: "Status på udviklingsproces på Socialområdet pr. april 2024".to_string(),
                reference: Some("35064/24".to_string()),
                id: Some("3602570".to_string()),
            }],
            links: vec!["https://www.norddjurs.dk/".to_string()],
            header_lines: span(10, 11),
            lines: span(10, 40),
        }],
        furniture: vec![
            Furniture {
                kind: FurnitureKind::PageHeader,
                lines: span(9, 9),
            },
            Furniture {
                kind: FurnitureKind::PageFooter,
                lines: span(41, 41),
            },
            Furniture {
                kind: FurnitureKind::PageBreak,
                lines: span(42, 42),
            },
            Furniture {
                kind: FurnitureKind::TableOfContents,
                lines: span(2, 3),
            },
        ],
        corrections: [
            Rule::Dictionary,
            Rule::UserDictionary,
            Rule::Confusion,
            Rule::Compound,
            Rule::Context,
            Rule::EditDistance,
        ]
        .into_iter()
        .enumerate()
        .map(|(i, rule)| Correction {
            line: 14 + i as u32,
            column: 3,
            from: "Kommunalbestyrel5en".to_string(),
            to: "Kommunalbestyrelsen".to_string(),
            rule,
            confidence: 0.875,
        })
        .collect(),
        review: vec![Review {
            line: 15,
            column: 7,
            word: "Komponent".to_string(),
            candidates: vec!["Komponenten".to_string()],
            reason: "proper noun".to_string(),
        }],
        warnings: vec![Warning::at_line(
            "mojibake",
            "repaired 3 mojibake sequence(s)",
            2,
        )],
    }
}

#[test]
fn a_document_with_every_field_filled_matches_the_schema() {
    let value = serde_json::to_value(maximal_document()).unwrap();
    assert_valid(&document_validator(), &value, "the maximal document");
}

#[test]
fn documents_that_break_the_contract_are_rejected() {
    let validator = document_validator();
    let valid = serde_json::to_value(maximal_document()).unwrap();
    let broken = |change: &dyn Fn(&mut Value)| {
        let mut value = valid.clone();
        change(&mut value);
        value
    };
    let cases: Vec<(&str, Value)> = vec![
        (
            "a missing key",
            broken(&|v| {
                v.as_object_mut().unwrap().remove("warnings");
            }),
        ),
        (
            "a missing nested key",
            broken(&|v| {
                v["items"][0].as_object_mut().unwrap().remove("case_number");
            }),
        ),
        (
            "an unknown section kind",
            broken(&|v| v["items"][0]["sections"][0]["kind"] = json!("oekonomi")),
        ),
        (
            "an unknown access",
            broken(&|v| v["items"][0]["access"] = json!("aaben")),
        ),
        (
            "an unknown rule",
            broken(&|v| v["corrections"][0]["rule"] = json!("magic")),
        ),
        ("an extra key", broken(&|v| v["source"]["mtime"] = json!(0))),
        (
            "another schema version",
            broken(&|v| v["schema_version"] = json!(2)),
        ),
        (
            "a confidence above 1",
            broken(&|v| v["corrections"][0]["confidence"] = json!(1.5)),
        ),
        (
            "a line span of three",
            broken(&|v| v["items"][0]["lines"] = json!([1, 2, 3])),
        ),
        (
            "line 0",
            broken(&|v| v["corrections"][0]["line"] = json!(0)),
        ),
        (
            "a date that is not ISO 8601",
            broken(&|v| v["items"][0]["beslutning"][0]["date"] = json!("12. september 2023")),
        ),
        (
            "an uppercase hash",
            broken(&|v| v["source"]["sha256"] = json!("AB".repeat(32))),
        ),
    ];
    for (what, value) in cases {
        assert!(!validator.is_valid(&value), "the schema accepted {what}");
    }
}

#[test]
fn the_batch_summary_matches_its_schema() {
    let out = tempfile::tempdir().unwrap();
    let bad = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/bad");
    let config = Config {
        inputs: vec![
            Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/seeds"),
            bad,
        ],
        out: Some(out.path().to_path_buf()),
        jsonl: None,
        write_text: false,
        force: false,
        max_bytes: batch::DEFAULT_MAX_BYTES,
        threads: Some(1),
        progress: false,
        names: vec![batch::NamesList {
            path: "navne.txt".to_string(),
            sha256: referat::sha256_hex("Lone Bæk (A)\n".as_bytes()),
        }],
    };
    let summary = batch::run(&config, repairer()).unwrap();
    assert_eq!((summary.ok, summary.failed), (3, 2));
    let written: Value =
        serde_json::from_slice(&std::fs::read(out.path().join(batch::SUMMARY_FILE)).unwrap())
            .unwrap();
    let validator = validator_for_def("summary");
    assert_valid(&validator, &written, "_summary.json");

    let mut extra = written.clone();
    extra["throughput"]["lines_per_second"] = json!(1.0);
    assert!(
        !validator.is_valid(&extra),
        "the summary schema accepted an extra key"
    );
}

mod arbitrary_input {
    use super::*;
    use proptest::prelude::*;

    /// Bytes shaped like scanner output: minutes lines, stray control and
    /// form-feed characters, Windows-1252 and broken UTF-8 bytes.
    fn bytes() -> impl Strategy<Value = Vec<u8>> {
        let piece = prop_oneof![
            Just(b"2. F\xe6lles strategi\n".to_vec()),
            Just("23/7776 Åben Sag\n".as_bytes().to_vec()),
            Just("Lukket Sag\n".as_bytes().to_vec()),
            Just(
                "Beslutning i Økonomiudvalget den 12-03-2024\n"
                    .as_bytes()
                    .to_vec()
            ),
            Just("Ad. 1: Godkendt.\n".as_bytes().to_vec()),
            Just("Fraværende:\nTom Bytoft(A)\n".as_bytes().to_vec()),
            Just(
                "Bilag\nl- Åben Notat (94029/23) (H)\n3517342\n"
                    .as_bytes()
                    .to_vec()
            ),
            Just("Side 2 af 6\n\x0c".as_bytes().to_vec()),
            Just("fÃ¦lles pa omradet\r\n".as_bytes().to_vec()),
            Just(vec![0xef, 0xbb, 0xbf]),
            prop::collection::vec(any::<u8>(), 0..20),
            "[a-zæøå ,.\n]{0,40}".prop_map(String::into_bytes),
        ];
        prop::collection::vec(piece, 0..25).prop_map(|v| v.concat())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(150))]

        /// Whatever comes in, processing ends in a document that keeps the
        /// contract or in a clean error, never a panic.
        #[test]
        fn any_bytes_give_a_valid_document_or_a_clean_error(input in bytes()) {
            let repairer = Repairer::new(&RepairOptions::default()).expect("bundled data");
            if let Ok(processed) = referat::process(&repairer, "x.txt", &input) {
                let value = serde_json::to_value(&processed.document).expect("serialises");
                let validator = document_validator();
                let errors: Vec<String> =
                    validator.iter_errors(&value).map(|e| e.to_string()).collect();
                prop_assert!(errors.is_empty(), "{:?}", errors);
            }
        }
    }
}
