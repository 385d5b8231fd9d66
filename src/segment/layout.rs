//! Paragraph repair inside a section: OCR and PDF extraction hard-wrap lines,
//! split sentences with blank lines and hyphenate words at line ends. An
//! archivist wants the paragraphs back, with real lists kept as lists.

use super::sections::strip_markup;

/// A list item line: "- ...", "• ...", "1. ...".
pub fn is_list_item(line: &str) -> bool {
    let t = line.trim_start();
    if t.starts_with("- ") || t.starts_with("• ") || t.starts_with("* ") {
        return true;
    }
    let digits = t.chars().take_while(|c| c.is_ascii_digit()).count();
    (digits > 0 && digits < 3 && (t[digits..].starts_with(". ") || t[digits..].starts_with(") ")))
        || is_point_decision(t)
}

/// "Ad 1:", "Ad. 2", "Ad. Eventuelt": a committee's decision on one point,
/// which starts its own line like a list item.
fn is_point_decision(t: &str) -> bool {
    let Some(rest) = t
        .strip_prefix("Ad")
        .and_then(|r| r.strip_prefix(['.', ' ']))
    else {
        return false;
    };
    let rest = rest.trim_start();
    rest.starts_with(|c: char| c.is_ascii_digit())
        || rest.split_whitespace().next().is_some_and(|w| {
            w.trim_end_matches([':', '.'])
                .eq_ignore_ascii_case("eventuelt")
        })
}

fn ends_sentence(line: &str) -> bool {
    line.trim_end()
        .ends_with(['.', '!', '?', ':', ';', '”', '"'])
}

/// Words a Danish paragraph cannot end on: prepositions, conjunctions and
/// articles. A blank line after one splits a sentence even when the next
/// line starts with a capital (`strategi på` / `Børne- og Familieområdet`).
const NEVER_LAST: &[&str] = &[
    "af", "at", "de", "den", "det", "en", "et", "for", "fra", "i", "med", "og", "om", "på", "som",
    "til", "under", "ved", "eller", "samt", "mellem", "efter", "over", "hos", "mod",
];

fn ends_mid_phrase(line: &str) -> bool {
    let last = line.split_whitespace().next_back().unwrap_or("");
    NEVER_LAST.contains(&last.to_lowercase().as_str())
}

fn starts_lowercase(line: &str) -> bool {
    line.trim_start()
        .chars()
        .next()
        .is_some_and(|c| c.is_lowercase())
}

/// Joins `next` onto `text`, re-joining a word hyphenated at the line end
/// ("under-" + "søgelse") but keeping compound hyphens ("Børne- og").
fn join(text: &mut String, next: &str) {
    let next = next.trim();
    if text.ends_with('-') && !text.ends_with(" -") {
        let first = next.split_whitespace().next().unwrap_or("");
        let compound = matches!(first, "og" | "eller" | "til" | "samt") || !starts_lowercase(next);
        if !compound {
            text.pop();
            text.push_str(next);
            return;
        }
    }
    if !text.is_empty() && !text.ends_with('\n') {
        text.push(' ');
    }
    text.push_str(next);
}

/// Repairs the layout of section body lines (already without furniture).
/// A list's text: its non-blank lines without markup, one per line.
pub fn lines(lines: &[&str]) -> String {
    lines
        .iter()
        .map(|l| strip_markup(&l.replace('\u{c}', "")))
        .filter(|l| !l.trim().is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

pub fn paragraphs(lines: &[&str]) -> String {
    let lines: Vec<String> = lines
        .iter()
        .map(|l| strip_markup(&l.replace('\u{c}', "")))
        .collect();
    let mut out = String::new();
    let mut pending_blank = false;
    for line in &lines {
        if line.trim().is_empty() {
            pending_blank = !out.is_empty();
            continue;
        }
        let last_line = out.rsplit('\n').next().unwrap_or("");
        let sentence_split = pending_blank
            && !ends_sentence(last_line)
            && (starts_lowercase(line) || ends_mid_phrase(last_line));
        if out.is_empty() {
        } else if pending_blank && is_point_decision(line.trim_start()) {
            // `Ad. 2` after a blank line opens a new paragraph of decisions.
            out.push_str("\n\n");
        } else if is_list_item(line) {
            out.push('\n');
        } else if pending_blank && !sentence_split {
            out.push_str("\n\n");
        } else if is_list_item(last_line) && !starts_lowercase(line) && ends_sentence(last_line) {
            out.push('\n');
        }
        join(&mut out, line);
        pending_blank = false;
    }
    out.trim().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_list_keeps_one_entry_per_line() {
        let text = lines(&[
            "Hans-Henrik Brandt(aftaleholder)",
            "Tina Nicolajsen (FOA)",
            "",
            "**Tom Bytoft (A)**",
        ]);
        assert_eq!(
            text,
            "Hans-Henrik Brandt(aftaleholder)\nTina Nicolajsen (FOA)\nTom Bytoft (A)"
        );
    }

    #[test]
    fn point_decisions_keep_their_own_lines() {
        let text = paragraphs(&[
            "Ad 1: Anbefales.",
            "Ad. 2 Godkendt.",
            "Ad. Eventuelt: Intet.",
        ]);
        assert_eq!(
            text,
            "Ad 1: Anbefales.\nAd. 2 Godkendt.\nAd. Eventuelt: Intet."
        );
        assert!(!is_list_item("Adressen er ændret."));
        let text = paragraphs(&["Ad. 1", "", "Drøftet.", "", "Ad. 2", "", "Godkendt."]);
        assert_eq!(text, "Ad. 1\n\nDrøftet.\n\nAd. 2\n\nGodkendt.");
    }

    #[test]
    fn a_blank_line_after_a_preposition_splits_a_sentence() {
        let text = paragraphs(&["strategi på", "", "Børne- og Familieområdet godkendes."]);
        assert_eq!(text, "strategi på Børne- og Familieområdet godkendes.");
        let text = paragraphs(&["Sagen udsættes", "", "Beslutningen tages senere."]);
        assert_eq!(text, "Sagen udsættes\n\nBeslutningen tages senere.");
    }

    #[test]
    fn joins_wrapped_and_split_sentences() {
        let text = paragraphs(&[
            "Et forslag til en",
            "strategi for Børne- og",
            "",
            "familieområdet.",
            "",
            "Ny sætning.",
        ]);
        assert_eq!(
            text,
            "Et forslag til en strategi for Børne- og familieområdet.\n\nNy sætning."
        );
    }

    #[test]
    fn rejoins_hyphenated_word() {
        assert_eq!(
            paragraphs(&["den uvildige under-", "søgelse."]),
            "den uvildige undersøgelse."
        );
    }

    #[test]
    fn keeps_lists() {
        let text = paragraphs(&[
            "Emner:",
            "- Budget",
            "- Effektivisering",
            "1. At godkende",
            "2. At drøfte",
        ]);
        assert_eq!(
            text,
            "Emner:\n- Budget\n- Effektivisering\n1. At godkende\n2. At drøfte"
        );
    }
}
