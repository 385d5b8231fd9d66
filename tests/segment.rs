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
