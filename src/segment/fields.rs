//! Typed fields read from section bodies: sagsgang, indstilling, beslutning,
//! fraværende, bilag and links. Each works on the section's input lines so
//! that OCR layout (wrapped bilag titles, "l-" for "1 -") can be undone.

use std::sync::OnceLock;

use regex::Regex;

use crate::model::{Access, Bilag, Fravaerende, Indstilling, Point, PointNumber};

use super::layout::paragraphs;
use super::sections::fold;

fn re(cell: &'static OnceLock<Regex>, pattern: &str) -> &'static Regex {
    cell.get_or_init(|| Regex::new(pattern).expect("valid regex"))
}

/// Committee abbreviations: "OMU", "BUU, KB".
pub fn sagsgang(lines: &[&str]) -> Vec<String> {
    lines
        .iter()
        .flat_map(|l| l.split(|c: char| !c.is_alphanumeric() && c != 'Æ' && c != 'Ø' && c != 'Å'))
        .filter(|w| w.len() >= 2 && w.chars().all(|c| c.is_uppercase()))
        .map(str::to_string)
        .collect()
}

/// "Ad 1:", "Ad. 2", "Ad. Eventuelt": the point label and the rest of the line.
pub fn ad_label(line: &str) -> Option<(PointNumber, String)> {
    static RE: OnceLock<Regex> = OnceLock::new();
    let c = re(
        &RE,
        r"^\s*(?:#+\s*)?(?:\*\*)?Ad(?:\.\s*|\s+)(\d+|[A-Za-zÆØÅæøå]+)\s*[:.)]?(?:\*\*)?\s*(.*)$",
    )
    .captures(line)?;
    let label = &c[1];
    let number = match label.parse::<u32>() {
        Ok(n) => PointNumber::Number(n),
        Err(_) => PointNumber::Label(label.to_string()),
    };
    Some((number, c[2].trim().to_string()))
}

/// "1. At ..." or "1) at ..." in a recommendation.
fn numbered(line: &str) -> Option<(u32, String)> {
    static RE: OnceLock<Regex> = OnceLock::new();
    let c = re(&RE, r"^\s*(\d{1,2})[.)]\s+(.*)$").captures(line)?;
    Some((c[1].parse().ok()?, c[2].trim().to_string()))
}

/// Splits lines into a preamble and points that start where `start` matches.
fn points_by<F>(lines: &[&str], start: F) -> (Vec<String>, Vec<Point>)
where
    F: Fn(&str) -> Option<(PointNumber, String)>,
{
    let mut preamble = Vec::new();
    let mut groups: Vec<(PointNumber, Vec<String>)> = Vec::new();
    for line in lines {
        match start(line) {
            Some((n, rest)) => groups.push((n, vec![rest])),
            None => match groups.last_mut() {
                Some((_, body)) => body.push(line.to_string()),
                None => preamble.push(line.to_string()),
            },
        }
    }
    let points = groups
        .into_iter()
        .map(|(number, body)| {
            let refs: Vec<&str> = body.iter().map(String::as_str).collect();
            Point {
                number,
                text: paragraphs(&refs),
            }
        })
        .collect();
    (preamble, points)
}

/// The recommendation: who ("Formanden indstiller"), the text and its points.
pub fn indstilling(lines: &[&str], text: &str) -> Indstilling {
    static RE: OnceLock<Regex> = OnceLock::new();
    let by = lines.iter().find_map(|l| {
        re(&RE, r"^\s*(\S+(?:\s+\S+){0,3}?)\s+indstiller")
            .captures(l)
            .map(|c| c[1].to_string())
    });
    let (_, points) = points_by(lines, |l| {
        numbered(l).map(|(n, t)| (PointNumber::Number(n), t))
    });
    Indstilling {
        by,
        text: text.to_string(),
        points,
    }
}

/// Per-point decisions of one committee.
pub fn beslutning_points(lines: &[&str]) -> Vec<Point> {
    points_by(lines, ad_label).1
}

/// "Hans-Henrik Brandt(aftaleholder)", "Tom Bytoft (A)", or a bare name.
pub fn fravaerende_line(line: &str) -> Option<Fravaerende> {
    static RE: OnceLock<Regex> = OnceLock::new();
    let t = line.trim();
    if t.is_empty() {
        return None;
    }
    match re(&RE, r"^(.*?)\s*\(([^)]*)\)\s*$").captures(t) {
        Some(c) => Some(Fravaerende {
            name: c[1].trim().to_string(),
            affiliation: Some(c[2].trim().to_string()),
        }),
        None => Some(Fravaerende {
            name: t.to_string(),
            affiliation: None,
        }),
    }
}

pub fn fravaerende(lines: &[&str]) -> Vec<Fravaerende> {
    lines.iter().flat_map(|l| fravaerende_entries(l)).collect()
}

/// The people on one line: one, or several with their parentheses
/// ("Anders Jensen (V), Mette Hansen (A)", "... (V) og Mette Hansen (A)").
fn fravaerende_entries(line: &str) -> Vec<Fravaerende> {
    static RE: OnceLock<Regex> = OnceLock::new();
    let several = re(&RE, r"\s*(?:,|\bog\b)?\s*([^,()]+?)\s*\(([^)]*)\)");
    let found: Vec<Fravaerende> = several
        .captures_iter(line)
        .map(|c| Fravaerende {
            name: c[1].trim().to_string(),
            affiliation: Some(c[2].trim().to_string()),
        })
        .collect();
    // Every entry must name someone: "(94029/23) (H)" is not two people.
    let named = |f: &Fravaerende| f.name.chars().any(char::is_alphabetic);
    if found.len() >= 2 && found.iter().all(named) {
        return found;
    }
    fravaerende_line(line).into_iter().collect()
}

fn access(word: &str) -> Option<Access> {
    match fold(word).as_str() {
        "aben" | "ben" => Some(Access::Open),
        "lukket" => Some(Access::Closed),
        _ => None,
    }
}

/// The first line of an attachment: "1 - Åben Title (94029/23) (H)", with
/// OCR's "l-" for "1 -"; also "1. Åben Title 94029/23 3517342", the id on
/// the same line.
fn bilag_start(line: &str) -> Option<Bilag> {
    static RE: OnceLock<Regex> = OnceLock::new();
    let c = re(
        &RE,
        r"^\s*(\d{1,3}|[lI])\s*[-.)]\s*(\S+)\s+(.*?)\s*(?:\(?(\d{1,6}/\d{2})\)?)?\s*(?:\([A-Z]\))?\s*(\d{5,})?\s*$",
    )
    .captures(line)?;
    let number = match &c[1] {
        "l" | "I" => 1,
        n => n.parse().ok()?,
    };
    let access = access(&c[2]);
    access?;
    Some(Bilag {
        number: Some(number),
        access,
        title: collapse(&c[3]),
        reference: c.get(4).map(|m| m.as_str().to_string()),
        id: c.get(5).map(|m| m.as_str().to_string()),
    })
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The attachments table; a line starting with a long number carries the
/// document id and, when the title wrapped, the rest of the title.
pub fn bilag(lines: &[&str]) -> Vec<Bilag> {
    static ID: OnceLock<Regex> = OnceLock::new();
    let mut out: Vec<Bilag> = Vec::new();
    for line in lines {
        if let Some(b) = bilag_start(line) {
            out.push(b);
            continue;
        }
        let Some(last) = out.last_mut() else { continue };
        if let Some(c) = re(&ID, r"^\s*(\d{5,})\b\s*(.*)$").captures(line) {
            if last.id.is_none() {
                last.id = Some(c[1].to_string());
            }
            append(&mut last.title, &c[2]);
        } else if !line.trim().is_empty() {
            append(&mut last.title, line);
        }
    }
    out
}

fn append(title: &mut String, more: &str) {
    let more = collapse(more);
    if !more.is_empty() {
        title.push(' ');
        title.push_str(&more);
    }
}

/// Takes URLs out of running text: the links and the text without them.
pub fn take_links(text: &str) -> (String, Vec<String>) {
    // (A line without `http` has none: the regex is not run for it, and
    // this runs for every line of every item.)
    if !text.contains("http") {
        return (single_spaced(text), Vec::new());
    }
    static RE: OnceLock<Regex> = OnceLock::new();
    let url = re(&RE, r"https?://[^\s)>\]]+");
    let links = url
        .find_iter(text)
        .map(|m| m.as_str().to_string())
        .collect();
    (single_spaced(&url.replace_all(text, "")), links)
}

/// Each line of `text` with its words one space apart, and no space at its
/// ends.
fn single_spaced(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for (k, line) in text.split('\n').enumerate() {
        if k > 0 {
            out.push('\n');
        }
        for (w, word) in line.split_whitespace().enumerate() {
            if w > 0 {
                out.push(' ');
            }
            out.push_str(word);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn several_absentees_on_one_line() {
        let got: Vec<(String, Option<String>)> = fravaerende(&[
            "Anders Jensen (V), Mette Hansen (A)",
            "Tom Bytoft (A) og Jan Petersen(F)",
        ])
        .into_iter()
        .map(|f| (f.name, f.affiliation))
        .collect();
        let want = [
            ("Anders Jensen", "V"),
            ("Mette Hansen", "A"),
            ("Tom Bytoft", "A"),
            ("Jan Petersen", "F"),
        ];
        assert_eq!(
            got,
            want.map(|(n, a)| (n.to_string(), Some(a.to_string())))
                .to_vec()
        );
        // One person, a comma in the organisation: still one.
        assert_eq!(fravaerende(&["Tina Nicolajsen (FOA, Djursland)"]).len(), 1);
    }

    #[test]
    fn attachment_lines_in_other_layouts() {
        let b = bilag(&[
            "1. Åben Notat om grunden 94029/23 3517342",
            "2) Lukket Tilbud fra køber (94030/23)",
        ]);
        assert_eq!(b.len(), 2);
        assert_eq!(b[0].title, "Notat om grunden");
        assert_eq!(b[0].reference.as_deref(), Some("94029/23"));
        assert_eq!(b[0].id.as_deref(), Some("3517342"));
        assert_eq!(b[1].access, Some(Access::Closed));
        assert_eq!(b[1].reference.as_deref(), Some("94030/23"));
    }

    #[test]
    fn recommendation_points_with_parentheses() {
        let lines = [
            "Direktøren indstiller,",
            "1) at grunden sælges, og",
            "2) at provenuet overføres til kassen.",
        ];
        let i = indstilling(&lines, "");
        assert_eq!(i.points.len(), 2);
        assert_eq!(i.points[1].text, "at provenuet overføres til kassen.");
        assert_eq!(
            ad_label("Ad 1) Godkendt."),
            Some((PointNumber::Number(1), "Godkendt.".into()))
        );
    }

    #[test]
    fn ad_forms() {
        assert_eq!(
            ad_label("Ad 1: Drøftet."),
            Some((PointNumber::Number(1), "Drøftet.".into()))
        );
        assert_eq!(
            ad_label("Ad. 2"),
            Some((PointNumber::Number(2), String::new()))
        );
        assert_eq!(
            ad_label("#### Ad. Eventuelt"),
            Some((PointNumber::Label("Eventuelt".into()), String::new()))
        );
        assert_eq!(ad_label("Adressen er ny."), None);
    }

    #[test]
    fn absentee_forms() {
        let f = fravaerende_line("Hans-Henrik Brandt(aftaleholder)").unwrap();
        assert_eq!(f.name, "Hans-Henrik Brandt");
        assert_eq!(f.affiliation.as_deref(), Some("aftaleholder"));
        let f = fravaerende_line("Tom Bytoft (A)").unwrap();
        assert_eq!(
            (f.name.as_str(), f.affiliation.as_deref()),
            ("Tom Bytoft", Some("A"))
        );
    }

    #[test]
    fn bilag_wrapped_title_and_ocr_one() {
        let b = bilag(&[
            "l- Aben Tids- og plan for (94029/23) (H)",
            "3517342 strategi.pdf",
        ]);
        assert_eq!(b.len(), 1);
        assert_eq!(b[0].number, Some(1));
        assert_eq!(b[0].access, Some(Access::Open));
        assert_eq!(b[0].reference.as_deref(), Some("94029/23"));
        assert_eq!(b[0].id.as_deref(), Some("3517342"));
        assert_eq!(b[0].title, "Tids- og plan for strategi.pdf");
    }

    use proptest::prelude::*;

    proptest! {
        /// The quick path (no `http`) and the regex's agree with the plain
        /// reading: links out, each line's words one space apart.
        #[test]
        fn links_are_taken_out_as_plainly(
            text in "(http://a.dk/x|https://b.dk|http|a|b| |  |\t|\n|\\)|,){0,12}"
        ) {
            let url = Regex::new(r"https?://[^\s)>\]]+").unwrap();
            let links: Vec<String> = url.find_iter(&text).map(|m| m.as_str().to_string()).collect();
            let plain = url
                .replace_all(&text, "")
                .split('\n')
                .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
                .collect::<Vec<_>>()
                .join("\n");
            prop_assert_eq!(take_links(&text), (plain, links));
        }
    }
}
