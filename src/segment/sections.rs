//! Heading recognition. Repair is imperfect, so headings are compared on a
//! folded form (no case, no markup, æ/ø/å reduced) with a small edit distance
//! for longer headings: "Sammenhzeng", "Okonomiske konsekvenser" and
//! "Fravarende:" must still be found.

use crate::model::SectionKind;

/// The known headings, folded.
const KNOWN: &[(&str, SectionKind)] = &[
    ("sagsgang", SectionKind::Sagsgang),
    ("sagsfremstilling", SectionKind::Sagsfremstilling),
    (
        "sammenhang til andre politikker strategier og fagomrader",
        SectionKind::Sammenhaeng,
    ),
    (
        "okonomiske konsekvenser",
        SectionKind::OekonomiskeKonsekvenser,
    ),
    ("lovgrundlag", SectionKind::Lovgrundlag),
    ("horing", SectionKind::Hoering),
    ("indstilling", SectionKind::Indstilling),
    ("fravarende", SectionKind::Fravaerende),
    ("bilag", SectionKind::Bilag),
];

/// Removes Markdown markup around a line: `##`, `**`, surrounding spaces.
pub fn strip_markup(line: &str) -> String {
    let t = line.trim().trim_start_matches('#').trim();
    t.replace("**", "").replace("__", "").trim().to_string()
}

/// Lower case, letters and digits only, æ/ø/å and their OCR stand-ins
/// reduced to one letter, runs of other characters to one space.
pub fn fold(s: &str) -> String {
    let lower = s.to_lowercase().replace("ae", "a").replace("aa", "a");
    let mut out = String::new();
    for c in lower.chars() {
        let c = match c {
            'æ' | 'å' | 'á' | 'à' | 'ä' => 'a',
            'ø' | 'ö' | 'ó' => 'o',
            'é' | 'è' => 'e',
            c => c,
        };
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with(' ') && !out.is_empty() {
            out.push(' ');
        }
    }
    out.trim_end().to_string()
}

/// A recognised heading: its kind and its text without markup.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Heading {
    pub kind: SectionKind,
    pub text: String,
}

/// Recognises a heading line, if it is one.
pub fn heading(line: &str) -> Option<Heading> {
    let text = strip_markup(line);
    let text = text.trim_end_matches(':').trim().to_string();
    if text.is_empty() || text.chars().count() > 90 {
        return None;
    }
    if is_beslutning(&text) {
        return Some(Heading {
            kind: SectionKind::Beslutning,
            text,
        });
    }
    if let Some(kind) = known_kind(&fold(&text)) {
        return Some(Heading { kind, text });
    }
    // A Markdown heading we do not know: kept as `other`, never dropped.
    let markdown = line.trim_start().starts_with("##");
    markdown.then_some(Heading {
        kind: SectionKind::Other,
        text,
    })
}

fn known_kind(folded: &str) -> Option<SectionKind> {
    KNOWN.iter().find_map(|(name, kind)| {
        let allowed = if name.len() >= 8 {
            name.len() / 8 + 1
        } else {
            0
        };
        // The length difference bounds the distance: most lines are
        // rejected without computing it.
        (name.len().abs_diff(folded.len()) <= allowed
            && strsim::levenshtein(name, folded) <= allowed)
            .then_some(*kind)
    })
}

/// "Beslutning i <body> den DD-MM-YYYY".
fn is_beslutning(text: &str) -> bool {
    let f = fold(text);
    (f.starts_with("beslutning i ") || f.starts_with("beslutning "))
        && beslutning_parts(text).1.is_some()
}

/// Body and ISO date of a "Beslutning i <body> den <DD-MM-YYYY>" heading.
pub fn beslutning_parts(text: &str) -> (Option<String>, Option<String>) {
    static RE: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    let re = RE.get_or_init(|| {
        regex::Regex::new(
            r"(?i)^\s*beslutning\s+i\s+(.*?)\s+den\s+(\d{1,2})[-.](\d{1,2})[-.](\d{4})",
        )
        .expect("valid regex")
    });
    match re.captures(text) {
        Some(c) => {
            let date = format!("{}-{:0>2}-{:0>2}", &c[4], &c[3], &c[2]);
            (Some(c[1].trim().to_string()), Some(date))
        }
        None => (None, None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ocr_broken_headings() {
        let k = |l: &str| heading(l).map(|h| h.kind);
        assert_eq!(k("Fravarende:"), Some(SectionKind::Fravaerende));
        assert_eq!(
            k("Sammenhzeng til andre politikker/strategier og fagomrader"),
            Some(SectionKind::Sammenhaeng)
        );
        assert_eq!(
            k("Okonomiske konsekvenser"),
            Some(SectionKind::OekonomiskeKonsekvenser)
        );
        assert_eq!(k("### **Sagsgang**"), Some(SectionKind::Sagsgang));
        assert_eq!(k("**Bilag:**"), Some(SectionKind::Bilag));
        assert_eq!(k("Baggrund:"), None);
        assert_eq!(k("Høring"), Some(SectionKind::Hoering));
    }

    #[test]
    fn beslutning_heading() {
        let h = heading("Beslutning i Omradeudvalg socialomradet den 12-09-2023").unwrap();
        assert_eq!(h.kind, SectionKind::Beslutning);
        assert_eq!(
            beslutning_parts(&h.text),
            (
                Some("Omradeudvalg socialomradet".into()),
                Some("2023-09-12".into())
            )
        );
    }
}
