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
    // (Replaced only where there is markup: every line of every page is
    // asked whether it is a heading, and most have none.)
    if !t.contains("**") && !t.contains("__") {
        return t.to_string();
    }
    t.replace("**", "").replace("__", "").trim().to_string()
}

/// Lower case, letters and digits only, æ/ø/å and their OCR stand-ins
/// reduced to one letter, runs of other characters to one space.
pub fn fold(s: &str) -> String {
    // (Most lines are ASCII: lower-cased a byte at a time.)
    let mut lower = if s.is_ascii() {
        s.to_ascii_lowercase()
    } else {
        s.to_lowercase()
    };
    // (Each replaced only where it occurs: a copy a pattern otherwise.)
    if lower.contains("ae") {
        lower = lower.replace("ae", "a");
    }
    if lower.contains("aa") {
        lower = lower.replace("aa", "a");
    }
    let mut out = String::with_capacity(lower.len());
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
    out.truncate(out.trim_end().len());
    out
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
            && bag_distance(name, folded) <= allowed
            && strsim::levenshtein(name, folded) <= allowed)
            .then_some(*kind)
    })
}

/// "Beslutning i <body> den DD-MM-YYYY", also with the date written out
/// ("den 5. september 2023") or left off, `d.` for `den`, a bare
/// "Beslutning", and OCR damage: the word itself misread (`Beslutnlng`), the
/// `i` lost, digits read as letters (`12-O3-2024`).
fn is_beslutning(text: &str) -> bool {
    let Some((rest, has_i)) = after_beslutning(text) else {
        return false;
    };
    if rest.is_empty() {
        return true;
    }
    // "Beslutning i sagen blev udsat." is a sentence, not a heading.
    let (body, date) = body_and_date(rest);
    date.is_some()
        || (has_i
            && body.is_some()
            && !text.trim_end().ends_with('.')
            && rest.split_whitespace().count() <= 7)
}

/// The text after a first word that is `Beslutning` (within two OCR
/// misreadings), without a following `i`; and whether the `i` was there.
fn after_beslutning(text: &str) -> Option<(&str, bool)> {
    let t = strip_colon(text.trim());
    let (first, rest) = t.split_once(char::is_whitespace).unwrap_or((t, ""));
    // Folding an ASCII word never lengthens it: most first words of a line
    // are too short to be two letters off `beslutning` before folding.
    if first.is_ascii() && first.len() + 2 < "beslutning".len() {
        return None;
    }
    let folded = fold(first);
    if folded.len().abs_diff("beslutning".len()) > 2
        || bag_distance(&folded, "beslutning") > 2
        || strsim::levenshtein(&folded, "beslutning") > 2
    {
        return None;
    }
    let rest = rest.trim_start();
    match rest.split_once(char::is_whitespace) {
        Some((i, after)) if i.eq_ignore_ascii_case("i") => Some((after.trim(), true)),
        _ => Some((rest, false)),
    }
}

/// A lower bound of the Levenshtein distance of two ASCII strings (0, no
/// bound, for any other; `fold` writes ASCII only), quick to work out: how
/// many letters one has that the other lacks, counted with repeats (each
/// edit changes that count by one at most). Most lines asked
/// whether they are a known heading are settled by it, without the
/// distance itself (a third of segmenting a page, measured with
/// callgrind).
fn bag_distance(a: &str, b: &str) -> usize {
    if !a.is_ascii() || !b.is_ascii() {
        return 0;
    }
    let mut counts = [0i32; 128];
    for &byte in a.as_bytes() {
        counts[usize::from(byte)] += 1;
    }
    for &byte in b.as_bytes() {
        counts[usize::from(byte)] -= 1;
    }
    let (only_a, only_b) = counts.iter().fold((0, 0), |(more, fewer), &c| {
        (more + c.max(0) as usize, fewer + (-c).max(0) as usize)
    });
    only_a.max(only_b)
}

fn strip_colon(text: &str) -> &str {
    text.trim_end_matches(':').trim_end()
}

const MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec",
];

/// A date as OCR leaves it: digits that may be read as letters (`O` for 0,
/// `l` or `I` for 1), a two-digit year, or the month written out.
const DATE: &str = r"(?:[0-9OolI]{1,2}[-./][0-9OolI]{1,2}[-./](?:[0-9OolI]{4}|[0-9]{2})\b|[0-9]{1,2}\.?\s+\p{L}+\.?\s+[0-9]{4}\b)";

/// Body and ISO date of a "Beslutning i <body> den <date>" heading.
pub fn beslutning_parts(text: &str) -> (Option<String>, Option<String>) {
    after_beslutning(text).map_or((None, None), |(rest, _)| body_and_date(rest))
}

/// Body and ISO date of what follows "Beslutning i".
fn body_and_date(rest: &str) -> (Option<String>, Option<String>) {
    static DATED: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    let dated = DATED.get_or_init(|| {
        regex::Regex::new(&format!(r"(?i)^(.*?)\s+(?:(?:den|d\.)\s+)?({DATE})"))
            .expect("valid regex")
    });
    if let Some(c) = dated.captures(rest) {
        if let Some(date) = parse_date(&c[2]) {
            return (Some(c[1].trim().to_string()), Some(date));
        }
    }
    // No date that makes sense: the body is what precedes "den".
    let body = rest
        .split(" den ")
        .next()
        .map(|b| strip_colon(b.trim()).to_string())
        .filter(|b| !b.is_empty());
    (body, None)
}

/// The first date in `text`, as ISO 8601 (see [`DATE`] for the shapes).
pub(crate) fn parse_date(text: &str) -> Option<String> {
    static NUMERIC: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    static TEXTUAL: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    let numeric = NUMERIC.get_or_init(|| {
        regex::Regex::new(r"\b([0-9OolI]{1,2})[-./]([0-9OolI]{1,2})[-./]([0-9OolI]{4}|[0-9]{2})\b")
            .expect("valid regex")
    });
    let textual = TEXTUAL.get_or_init(|| {
        regex::Regex::new(r"\b([0-9]{1,2})\.?\s+(\p{L}+)\.?\s+([0-9]{4})\b").expect("valid regex")
    });
    let digits = |s: &str| -> String {
        s.chars()
            .map(|c| match c {
                'O' | 'o' => '0',
                'l' | 'I' => '1',
                c => c,
            })
            .collect()
    };
    if let Some(c) = numeric.captures(text) {
        let year = digits(&c[3]);
        // Two-digit years: minutes are from 1950 to 2049.
        let year = match year.len() {
            2 => match year.parse::<u32>().ok()? {
                y if y < 50 => format!("20{year}"),
                _ => format!("19{year}"),
            },
            _ => year,
        };
        if let Some(iso) = iso_date(&year, &digits(&c[2]), &digits(&c[1])) {
            return Some(iso);
        }
    }
    let c = textual.captures(text)?;
    iso_date(&c[3], &month_number(&c[2])?.to_string(), &c[1])
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
        // OCR damage: the word, the lost `i`, digits read as letters.
        assert_eq!(
            parts("Beslutnlng i Børne- og ungdomsudvalget den 05-03-2024"),
            (
                Some("Børne- og ungdomsudvalget".into()),
                Some("2024-03-05".into())
            )
        );
        assert_eq!(
            parts("Beslutning Økonomiudvalget den 12-O3-2024"),
            (Some("Økonomiudvalget".into()), Some("2024-03-12".into()))
        );
        assert_eq!(
            parts("Beslutning i Økonomiudvalget d. l2-03-24"),
            (Some("Økonomiudvalget".into()), Some("2024-03-12".into()))
        );
        let kind = |l: &str| heading(l).map(|h| h.kind);
        assert_eq!(kind("Beslutuing"), Some(SectionKind::Beslutning));
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

    /// `fold` as first written, plainly: the quicker one must agree.
    fn fold_plainly(s: &str) -> String {
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

    use proptest::prelude::*;

    proptest! {
        #[test]
        fn the_bag_distance_never_exceeds_the_edit_distance(
            a in "[a-e ]{0,12}", b in "[a-e ]{0,12}"
        ) {
            prop_assert!(bag_distance(&a, &b) <= strsim::levenshtein(&a, &b));
        }

        #[test]
        fn fold_agrees_with_its_plain_reading(s in "[aAeEæÆåÅøØé*_# :.-]{0,16}") {
            prop_assert_eq!(fold(&s), fold_plainly(&s));
        }

        #[test]
        fn fold_agrees_with_its_plain_reading_on_ascii(s in "[a-zA-Z0-9*_# :.-]{0,24}") {
            prop_assert_eq!(fold(&s), fold_plainly(&s));
        }

        #[test]
        fn markup_is_stripped_as_plainly(s in "[a#*_ :]{0,12}") {
            let t = s.trim().trim_start_matches('#').trim();
            let plain = t.replace("**", "").replace("__", "").trim().to_string();
            prop_assert_eq!(strip_markup(&s), plain);
        }
    }

    #[test]
    fn a_heading_a_few_letters_off_is_known_and_prose_is_not() {
        assert_eq!(
            known_kind("sagsfremstiling"),
            Some(SectionKind::Sagsfremstilling)
        );
        assert_eq!(
            known_kind("sammenhang til andre politiker strategier og fagomrader"),
            Some(SectionKind::Sammenhaeng)
        );
        assert_eq!(known_kind("sagen fremstilles for udvalget"), None);
        assert!(after_beslutning("Beslutnlng i Byrådet").is_some());
        assert!(after_beslutning("Besluttede i Byrådet").is_none());
    }
}
