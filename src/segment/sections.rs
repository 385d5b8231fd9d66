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

/// "Beslutning i <body> den DD-MM-YYYY", also with the date written out
/// ("den 12. september 2023") or left off, and a bare "Beslutning".
fn is_beslutning(text: &str) -> bool {
    let f = fold(text);
    if f == "beslutning" {
        return true;
    }
    if !f.starts_with("beslutning i ") {
        return false;
    }
    // "Beslutning i sagen blev udsat." is a sentence, not a heading.
    let (body, date) = beslutning_parts(text);
    date.is_some()
        || (body.is_some() && !text.trim_end().ends_with('.') && f.split(' ').count() <= 8)
}

const MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec",
];

/// Body and ISO date of a "Beslutning i <body> den <date>" heading.
pub fn beslutning_parts(text: &str) -> (Option<String>, Option<String>) {
    static DATED: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    static UNDATED: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    let dated = DATED.get_or_init(|| {
        regex::Regex::new(
            r"(?i)^\s*beslutning\s+i\s+(.*?)\s+den\s+(?:(\d{1,2})[-.](\d{1,2})[-.](\d{4})|(\d{1,2})\.?\s+(\p{L}+)\.?\s+(\d{4}))",
        )
        .expect("valid regex")
    });
    let undated = UNDATED.get_or_init(|| {
        regex::Regex::new(r"(?i)^\s*beslutning\s+i\s+(.+?)(?:\s+den\b.*?)?\s*:?\s*$")
            .expect("valid regex")
    });
    if let Some(c) = dated.captures(text) {
        let body = Some(c[1].trim().to_string());
        let date = match (c.get(2), c.get(5)) {
            (Some(day), _) => Some((day.as_str(), c[3].to_string(), &c[4])),
            (None, Some(day)) => month_number(&c[6]).map(|m| (day.as_str(), m.to_string(), &c[7])),
            _ => None,
        };
        let date = date.and_then(|(day, month, year)| iso_date(year, &month, day));
        if date.is_some() {
            return (body, date);
        }
    }
    match undated.captures(text) {
        Some(c) => (Some(c[1].trim().to_string()), None),
        None => (None, None),
    }
}

/// "september", "sept", "Sep." -> 9.
pub(crate) fn month_number(name: &str) -> Option<u32> {
    let f = fold(name);
    let prefix: String = f.chars().take(3).collect();
    MONTHS
        .iter()
        .position(|m| *m == prefix)
        .map(|i| i as u32 + 1)
}

/// YYYY-MM-DD, for a real calendar day only (OCR can turn 12 into 42).
pub(crate) fn iso_date(year: &str, month: &str, day: &str) -> Option<String> {
    let (y, m, d): (u32, u32, u32) = (year.parse().ok()?, month.parse().ok()?, day.parse().ok()?);
    let leap = y % 4 == 0 && (y % 100 != 0 || y % 400 == 0);
    let days = [
        31,
        if leap { 29 } else { 28 },
        31,
        30,
        31,
        30,
        31,
        31,
        30,
        31,
        30,
        31,
    ];
    ((1..=12).contains(&m) && d >= 1 && d <= days[m as usize - 1])
        .then(|| format!("{y:04}-{m:02}-{d:02}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn beslutning_headings_in_their_shapes() {
        let parts = |t: &str| beslutning_parts(t);
        assert_eq!(
            parts("Beslutning i Økonomiudvalget den 12-03-2024"),
            (Some("Økonomiudvalget".into()), Some("2024-03-12".into()))
        );
        assert_eq!(
            parts("Beslutning i Kommunalbestyrelsen den 5. september 2023"),
            (
                Some("Kommunalbestyrelsen".into()),
                Some("2023-09-05".into())
            )
        );
        assert_eq!(
            parts("Beslutning i Børne- og ungdomsudvalget den 24.06.2021"),
            (
                Some("Børne- og ungdomsudvalget".into()),
                Some("2021-06-24".into())
            )
        );
        // OCR's 42-09-2023 is no date: the body stays, the date is null.
        assert_eq!(
            parts("Beslutning i Økonomiudvalget den 42-09-2023"),
            (Some("Økonomiudvalget".into()), None)
        );
        let kind = |l: &str| heading(l).map(|h| h.kind);
        assert_eq!(kind("Beslutning"), Some(SectionKind::Beslutning));
        assert_eq!(kind("**Beslutning:**"), Some(SectionKind::Beslutning));
        assert_eq!(
            kind("Beslutning i Økonomiudvalget"),
            Some(SectionKind::Beslutning)
        );
        assert_eq!(kind("Beslutning i sagen blev udsat."), None);
    }

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
