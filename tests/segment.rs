//! The segment stage on the seed fixtures, checked as a Danish reader would.

use referat::model::{Access, PointNumber, SectionKind};
use referat::segment::segment;

fn seed(name: &str) -> referat::segment::Segmented {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/seeds");
    let path = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.file_name().unwrap().to_string_lossy().starts_with(name))
        .unwrap();
    segment(&std::fs::read_to_string(path).unwrap())
}

#[test]
fn seed002_absentees() {
    let s = seed("002");
    let got: Vec<(String, Option<String>)> = s.items[0]
        .fravaerende
        .iter()
        .map(|f| (f.name.clone(), f.affiliation.clone()))
        .collect();
    let want = [
        ("Hans-Henrik Brandt", "aftaleholder"),
        ("Tina Nicolajsen", "FOA"),
        ("Tinne Christiansen", "BUPL"),
        ("Pia Christensen", "DSR"),
        ("Hanne Helt Kevy", "SL"),
        ("Hanne Nezlo Hansen", "FOA"),
    ];
    let want: Vec<(String, Option<String>)> = want
        .iter()
        .map(|(n, a)| (n.to_string(), Some(a.to_string())))
        .collect();
    assert_eq!(got, want);
}

#[test]
fn seed002_bilag() {
    let s = seed("002");
    let b = &s.items[0].bilag;
    assert_eq!(b.len(), 3);
    let refs: Vec<_> = b
        .iter()
        .map(|b| b.reference.clone().unwrap_or_default())
        .collect();
    assert_eq!(refs, ["94029/23", "94028/23", "94027/23"]);
    let ids: Vec<_> = b.iter().map(|b| b.id.clone().unwrap_or_default()).collect();
    assert_eq!(ids, ["3517342", "3517341", "3517340"]);
    let numbers: Vec<_> = b.iter().map(|b| b.number).collect();
    assert_eq!(numbers, [Some(1), Some(2), Some(3)]);
    assert!(b.iter().all(|b| b.access == Some(Access::Open)));
    assert!(
        b[0].title.ends_with("strategi pa Socialomradet.pdf"),
        "{}",
        b[0].title
    );
    assert!(b[2].title.ends_with("sept. 2023.pdf"), "{}", b[2].title);
}

#[test]
fn seed002_beslutning() {
    let s = seed("002");
    let item = &s.items[0];
    assert_eq!(item.case_number.as_deref(), Some("23/7776"));
    assert_eq!(item.access, Some(Access::Open));
    assert_eq!(item.sagsgang, ["OMU"]);
    assert_eq!(item.beslutning.len(), 1);
    let b = &item.beslutning[0];
    assert_eq!(b.date.as_deref(), Some("2023-09-12"));
    assert_eq!(b.body.as_deref(), Some("Omradeudvalg socialomradet"));
    assert_eq!(b.points.len(), 4);
    assert_eq!(b.points[0].text, "Droftet.");
    let ind = item.indstilling.as_ref().unwrap();
    assert_eq!(ind.by.as_deref(), Some("Formanden"));
    assert_eq!(ind.points.len(), 4);
    assert_eq!(item.links.len(), 2);
    let kinds: Vec<_> = item.sections.iter().map(|s| s.kind).collect();
    assert!(kinds.contains(&SectionKind::Sammenhaeng));
    assert!(kinds.contains(&SectionKind::OekonomiskeKonsekvenser));
}

#[test]
fn seed003_ad_points_and_absentee() {
    let s = seed("003");
    let item = &s.items[0];
    assert_eq!(
        item.title,
        "Dialogmøde med områdeudvalg på socialområdet, kl. 15.00"
    );
    assert_eq!(item.sagsgang, ["BUU"]);
    let b = &item.beslutning[0];
    assert_eq!(b.body.as_deref(), Some("Børne- og ungdomsudvalget"));
    assert_eq!(b.date.as_deref(), Some("2021-06-24"));
    let labels: Vec<_> = b.points.iter().map(|p| p.number.clone()).collect();
    assert_eq!(
        labels,
        [
            PointNumber::Number(1),
            PointNumber::Number(2),
            PointNumber::Number(3),
            PointNumber::Label("Eventuelt".into())
        ]
    );
    assert_eq!(item.fravaerende.len(), 1);
    assert_eq!(item.fravaerende[0].name, "Fritz Birk Sørensen");
    assert_eq!(item.fravaerende[0].affiliation.as_deref(), Some("A"));
}

#[test]
fn seed004_indstilling_and_bilag() {
    let s = seed("004");
    let item = &s.items[0];
    let ind = item.indstilling.as_ref().unwrap();
    assert_eq!(ind.by.as_deref(), Some("Velfærdsdirektøren"));
    assert!(ind.points.is_empty());
    assert_eq!(item.bilag.len(), 1);
    let b = &item.bilag[0];
    assert_eq!(b.number, Some(1));
    assert_eq!(b.access, Some(Access::Open));
    assert_eq!(b.reference.as_deref(), Some("35064/24"));
    assert_eq!(b.id.as_deref(), Some("3602570"));
    assert_eq!(
        b.title,
        "Status på udviklingsproces på Socialområdet pr. april 2024"
    );
    assert_eq!(item.fravaerende.len(), 2);
    assert_eq!(item.fravaerende[1].name, "Tom Bytoft");
}

fn shape(name: &str) -> referat::segment::Segmented {
    let path = format!("{}/fixtures/shapes/{name}", env!("CARGO_MANIFEST_DIR"));
    segment(&std::fs::read_to_string(path).unwrap())
}

#[test]
fn meeting_header_and_items() {
    let s = shape("meeting.txt");
    let m = s.meeting.as_ref().expect("meeting header");
    assert_eq!(m.municipality.as_deref(), Some("Norddjurs Kommune"));
    assert_eq!(m.kind.as_deref(), Some("referat"));
    assert_eq!(m.body.as_deref(), Some("Voksen- og plejeudvalget"));
    assert_eq!(m.date.as_deref(), Some("2024-04-24"));
    assert_eq!(m.time.as_deref(), Some("13:00"));
    assert_eq!(m.place.as_deref(), Some("Mødelokale 1, Rådhuset"));
    assert_eq!(m.absent, ["Tom Bytoft (A)"]);
    let titles: Vec<_> = s
        .items
        .iter()
        .map(|i| (i.number, i.title.as_str()))
        .collect();
    assert_eq!(
        titles,
        [
            (Some(1), "Godkendelse af dagsorden"),
            (Some(2), "Fælles langsigtet strategi på Socialområdet"),
            (Some(3), "Personalesag")
        ]
    );
    assert_eq!(s.items[2].access, Some(Access::Closed));
    assert_eq!(s.items[1].sagsgang, ["VPU", "KB"]);
}

#[test]
fn meeting_furniture_out_of_text() {
    let s = shape("meeting.txt");
    let item = &s.items[1];
    let text: String = item.sections.iter().map(|s| s.text.clone()).collect();
    assert!(!text.contains("Side 2 af 4"));
    let fremstilling = &item.sections[1];
    assert_eq!(fremstilling.kind, SectionKind::Sagsfremstilling);
    assert!(fremstilling.text.starts_with(
        "Forvaltningen har udarbejdet et forslag til en fælles langsigtet strategi for Socialområdet og Børne- og familieområdet."
    ), "{}", fremstilling.text);
    assert!(fremstilling.text.contains("Baggrund:"));
    assert!(s
        .furniture
        .iter()
        .any(|f| f.kind == referat::model::FurnitureKind::TableOfContents));
}

#[test]
fn paged_meeting_drops_repeated_page_headers_and_joins_wrapped_titles() {
    let s = shape("paged_meeting.txt");
    let titles: Vec<_> = s
        .items
        .iter()
        .map(|i| (i.number, i.title.as_str(), i.case_number.as_deref()))
        .collect();
    assert_eq!(
        titles,
        [
            (Some(1), "Godkendelse af dagsorden", Some("24/2001")),
            (
                Some(2),
                "Anlægsbevilling til renovering af Rådhusets tag og udskiftning af vinduer i den gamle fløj",
                Some("24/1733")
            ),
            (Some(3), "Salg af grund", None),
        ]
    );
    // The two-line page header stands on three pages: six furniture lines.
    let headers: Vec<[u32; 2]> = s
        .furniture
        .iter()
        .filter(|f| f.kind == referat::model::FurnitureKind::PageHeader)
        .map(|f| f.lines)
        .collect();
    assert_eq!(headers.len(), 6, "{headers:?}");
    // Each of the three form feeds is a recorded page break.
    let breaks = s
        .furniture
        .iter()
        .filter(|f| f.kind == referat::model::FurnitureKind::PageBreak)
        .count();
    assert_eq!(breaks, 3);
    let m = s.meeting.as_ref().expect("meeting header");
    assert_eq!(m.municipality.as_deref(), Some("Norddjurs Kommune"));
    assert_eq!(m.kind.as_deref(), Some("dagsorden"));
    assert_eq!(m.body.as_deref(), Some("Økonomiudvalget"));
    // A sentence broken by a page break and its header is one sentence.
    let fremstilling = &s.items[1].sections[1];
    assert_eq!(fremstilling.kind, SectionKind::Sagsfremstilling);
    assert!(
        fremstilling
            .text
            .contains("i én entreprise i sommeren 2024, så kontorerne"),
        "{}",
        fremstilling.text
    );
    assert!(!fremstilling.text.contains("Norddjurs"));
    let beslutning = &s.items[1].beslutning[0];
    assert_eq!(beslutning.points.len(), 2);
    assert_eq!(beslutning.text, "Ad 1: Anbefales.\nAd 2: Anbefales.");
    assert_eq!(s.items[2].access, Some(Access::Closed));
}

#[test]
fn a_line_at_the_top_of_one_page_only_is_not_a_header() {
    let text = "1. Første punkt\n24/1 Åben Sag\n\nSagsfremstilling\nTekst.\n\u{c}\n\
                Norddjurs Kommune\nMere tekst.\n";
    let s = segment(text);
    assert!(s
        .furniture
        .iter()
        .all(|f| f.kind != referat::model::FurnitureKind::PageHeader));
}

/// Every non-blank line is page furniture or lies in exactly one span.
fn nothing_lost(text: &str) {
    let s = segment(text);
    let mut spans: Vec<[u32; 2]> = Vec::new();
    spans.extend(s.meeting.iter().map(|m| m.lines));
    for item in &s.items {
        spans.push(item.header_lines);
        spans.extend(item.sections.iter().map(|s| s.lines));
    }
    spans.extend(
        s.furniture
            .iter()
            .filter(|f| f.kind == referat::model::FurnitureKind::TableOfContents)
            .map(|f| f.lines),
    );
    let page: Vec<u32> = s
        .furniture
        .iter()
        .filter(|f| f.kind != referat::model::FurnitureKind::TableOfContents)
        .flat_map(|f| f.lines[0]..=f.lines[1])
        .collect();
    for (i, line) in text.split('\n').enumerate() {
        let n = i as u32 + 1;
        if line.replace('\u{c}', "").trim().is_empty() || page.contains(&n) {
            continue;
        }
        let covering = spans.iter().filter(|s| s[0] <= n && n <= s[1]).count();
        assert_eq!(covering, 1, "line {n} {line:?} in {covering} spans");
    }
}

#[test]
fn nothing_lost_in_fixtures() {
    for dir in ["fixtures/seeds", "fixtures/shapes"] {
        let dir = format!("{}/{dir}", env!("CARGO_MANIFEST_DIR"));
        for entry in std::fs::read_dir(dir).unwrap() {
            nothing_lost(&std::fs::read_to_string(entry.unwrap().path()).unwrap());
        }
    }
}

mod generated {
    use proptest::prelude::*;

    fn piece() -> impl Strategy<Value = String> {
        prop_oneof![
            Just("Sagsfremstilling".to_string()),
            Just("Fravarende:".to_string()),
            Just("### **Bilag**".to_string()),
            Just("Beslutning i Kommunalbestyrelsen den 26-03-2024".to_string()),
            Just("Ad 1: Godkendt.".to_string()),
            Just("".to_string()),
            Just("Voksen- og plejeudvalget 24-04-2024   Side 2 af 6".to_string()),
            Just("\u{c}".to_string()),
            "[a-zæøå ]{1,40}\\.?",
            Just("2. Næste punkt".to_string()),
            Just("24/1234 Åben Sag".to_string()),
            Just("Norddjurs Kommune".to_string()),
            Just("Anlægsbevilling til renovering af Rådhusets tag og udskiftning af".to_string()),
        ]
    }

    proptest! {
        #[test]
        fn nothing_lost_in_generated(pieces in prop::collection::vec(piece(), 0..40)) {
            super::nothing_lost(&pieces.join("\n"));
        }
    }
}

#[test]
fn closed_item_alone() {
    let s = shape("closed_item.txt");
    assert!(s.meeting.is_none());
    let item = &s.items[0];
    assert_eq!(item.title, "Køb af ejendom");
    assert_eq!(item.case_number.as_deref(), Some("24/2210"));
    assert_eq!(item.access, Some(Access::Closed));
    assert_eq!(item.beslutning[0].body.as_deref(), Some("Økonomiudvalget"));
    assert_eq!(item.fravaerende[0].name, "Anders Jensen");
    assert_eq!(item.fravaerende[0].affiliation.as_deref(), Some("V"));
}

#[test]
fn two_committees_in_turn() {
    let s = shape("two_committees.txt");
    let item = &s.items[0];
    assert_eq!(item.sagsgang, ["BUU", "ØK", "KB"]);
    let decided: Vec<_> = item
        .beslutning
        .iter()
        .map(|b| {
            (
                b.body.as_deref().unwrap(),
                b.date.as_deref().unwrap(),
                b.text.as_str(),
            )
        })
        .collect();
    assert_eq!(
        decided,
        [
            ("Børne- og ungdomsudvalget", "2024-03-05", "Anbefales."),
            ("Kommunalbestyrelsen", "2024-03-26", "Godkendt.")
        ]
    );
    assert!(item.sections[1]
        .text
        .ends_with("for dagtilbuddene i Grenaa."));
    assert_eq!(
        item.indstilling.as_ref().unwrap().by.as_deref(),
        Some("Børne- og familiechefen")
    );
}

#[test]
fn seed002_link_taken_out_of_sentence() {
    let s = seed("002");
    let text = &s.items[0].sections[1].text;
    assert!(
        text.contains("Pa temadagen blev der arbejdet med strategiens"),
        "{text}"
    );
    assert!(!text.contains("https://"));
    assert!(text.contains("pa Borne- og familieomradet."), "{text}");
}

/// Through the whole pipeline: an attachment whose `Åben` OCR read as
/// `Iben` (a name) is repaired before segmentation, so the item keeps it,
/// with its access, title and reference.
#[test]
fn an_attachment_whose_access_ocr_misread_is_kept() {
    let text = "1. Forslag til budget\n23/7712 Åben Sag\n\nSagsfremstilling\n\
                Forvaltningen har udarbejdet et forslag.\n\nBilag:\n\
                1 - Iben Kort over grunden (19105/25) (H)\n\
                2 - Åben Notat om trafikken (19106/25) (H)\n";
    let repairer = referat::repair::Repairer::new(&referat::repair::RepairOptions::default())
        .expect("bundled data loads");
    let document = referat::process(&repairer, "x.txt", text.as_bytes())
        .expect("processes")
        .document;
    let bilag: Vec<_> = document.items[0]
        .bilag
        .iter()
        .map(|b| (b.number, b.access, b.title.as_str(), b.reference.as_deref()))
        .collect();
    assert_eq!(
        bilag,
        [
            (
                Some(1),
                Some(Access::Open),
                "Kort over grunden",
                Some("19105/25")
            ),
            (
                Some(2),
                Some(Access::Open),
                "Notat om trafikken",
                Some("19106/25")
            ),
        ]
    );
}
