//! Edit-distance fallback, for damage the confusion table does not explain:
//! an æ, ø or å dropped (`flles` for `fælles`) or misread as a letter the
//! table has not seen it read as.
//!
//! It is the last resort and the least trusted mechanism, so it answers only
//! when exactly one lexicon word lies one such edit away (Damerau-Levenshtein
//! distance 1, restricted to inserting or substituting æ, ø or å) from a word
//! of at least [`MIN_CHARS`] characters; two or more, and the word is left
//! alone. Edits that do not involve a Danish letter are not tried: OCR of
//! Danish does not make them often enough to outweigh the risk of turning a
//! rare word or a name (`Komponents`) into a common one. Only whole lexicon
//! words count here (no compounds), which keeps the search cheap and safe.

use super::lexicon::Lexicon;

/// Short words have too many neighbours to guess from.
const MIN_CHARS: usize = 5;

const DANISH: &str = "æøå";

/// Whether a (lower-case) word has a letter Danish does not write (`ö`,
/// `ä`, `ü`; `é` Danish writes: `idé`, `café`). Where OCR lost æ, ø and å,
/// such a letter is one it kept, a foreign name's (`Grönlund`, `Häring`), not
/// a misread `Grønlund` or `Høring`; elsewhere it may well be one
/// (`höringssvar`, `bemärkning`).
pub fn foreign_letter(lower: &str) -> bool {
    lower
        .chars()
        .any(|c| c.is_alphabetic() && !c.is_ascii() && !DANISH.contains(c) && c != 'é')
}

/// The only lexicon word one edit away from `lower`, if there is exactly one.
pub fn unique_repair(lex: &Lexicon, lower: &str) -> Option<String> {
    let chars: Vec<char> = lower.chars().collect();
    if chars.len() < MIN_CHARS || !chars.iter().all(|c| c.is_alphabetic()) {
        return None;
    }
    let mut found: Option<String> = None;
    let mut check = |candidate: String| -> bool {
        if candidate == lower || !lex.entry(&candidate).is_some_and(|e| e.standalone) {
            return true;
        }
        debug_assert!(strsim::damerau_levenshtein(lower, &candidate) <= 1);
        match &found {
            Some(f) if *f != candidate => false,
            _ => {
                found = Some(candidate);
                true
            }
        }
    };
    let n = chars.len();
    let collect = |parts: &[&[char]]| parts.iter().flat_map(|p| p.iter()).collect::<String>();
    for i in 0..=n {
        for c in DANISH.chars() {
            if !check(collect(&[&chars[..i], &[c], &chars[i..]])) {
                return None;
            }
            if i < n && c != chars[i] && !check(collect(&[&chars[..i], &[c], &chars[i + 1..]])) {
                return None;
            }
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_dropped_letter_is_restored_when_unambiguous() {
        let lex = Lexicon::embedded();
        assert_eq!(
            unique_repair(lex, "bemrkning").as_deref(),
            Some("bemærkning")
        );
        assert_eq!(unique_repair(lex, "forldre").as_deref(), Some("forældre"));
    }

    #[test]
    fn two_possible_words_mean_no_answer() {
        // fælles or føles: not for a spelling rule to say.
        assert_eq!(unique_repair(Lexicon::embedded(), "flles"), None);
    }

    #[test]
    fn letters_danish_does_not_write_are_foreign() {
        assert!(foreign_letter("grönlund"));
        assert!(foreign_letter("häring"));
        assert!(foreign_letter("schüler"));
        assert!(!foreign_letter("idémøde"));
        assert!(!foreign_letter("bemærkning"));
        assert!(!foreign_letter("it-området"));
    }

    #[test]
    fn short_words_are_left_alone() {
        assert_eq!(unique_repair(Lexicon::embedded(), "hvs"), None);
    }
}
