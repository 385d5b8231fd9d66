//! Document-level evidence: has this document lost its æ, ø and å?
//!
//! OCR that cannot read Danish letters loses them everywhere in a document
//! (seed 002 has not one left in 665 words), while clean Danish prose has one
//! in every four or five words. So a document of some length with (almost)
//! none has lost them all, and its `a`, `o` and `e` words are suspects even
//! when they are words themselves (`for` may be `før`, `far` may be `får`).
//! A document with its diacritics intact is trusted: its words are only
//! repaired when they are not words.
//!
//! Real scans mix: one page came through whole, the next lost every æ. So the
//! judgement is also made per word, over the [`WINDOW`] words around it
//! ([`lost_by_token`]): a clean paragraph does not switch the repair off for
//! the damaged rest, and a damaged page is repaired in an otherwise clean
//! document. In the clean minutes of this repository no window of 120
//! lower-case words has fewer than 5.8% words with æ, ø or å (7.5% when
//! names and titles are counted too, which a list of members can sink); the
//! bar is 2.5%.

/// Fewer words than this say too little to judge.
const MIN_WORDS: usize = 40;

/// Words around a word that judge whether its neighbourhood lost æ, ø, å.
const WINDOW: usize = 120;
/// A window with fewer words with æ, ø or å than this share has lost them.
const WINDOW_LOST_SHARE: f64 = 0.025;

/// For each token, whether the words around it have lost æ, ø and å. Only
/// lower-case words count: names, titles and abbreviations often have none
/// of these letters even where they survive, so a long list of members on a
/// clean page would otherwise look damaged. The other tokens take the
/// judgement of the words near them.
pub fn lost_by_token(text: &str, tokens: &[Token]) -> Vec<bool> {
    let words: Vec<(usize, bool)> = tokens
        .iter()
        .enumerate()
        .filter(|(_, t)| t.kind == Kind::Word && t.text(text).starts_with(char::is_lowercase))
        .map(|(i, t)| (i, has_diacritic(t.text(text))))
        .collect();
    let lost = lost_by_word(&words.iter().map(|w| w.1).collect::<Vec<_>>());
    let mut out = vec![false; tokens.len()];
    let mut w = 0;
    for (i, slot) in out.iter_mut().enumerate() {
        while w + 1 < words.len() && words[w].0 < i {
            w += 1;
        }
        *slot = lost.get(w).copied().unwrap_or(false);
    }
    out
}

/// Whether a word has æ, ø or å. (Byte by byte, with the ASCII words most
/// are settled at once: `contains` with the three letters as a pattern was
/// a tenth of the time of judging a page, run twice a page.)
fn has_diacritic(word: &str) -> bool {
    !word.is_ascii() && word.contains(['æ', 'ø', 'å'])
}

/// For each word, whether the [`WINDOW`] words around it (the whole text,
/// when shorter) have lost æ, ø and å.
pub fn lost_by_word(has_diacritic: &[bool]) -> Vec<bool> {
    let n = has_diacritic.len();
    if n < MIN_WORDS {
        return vec![false; n];
    }
    let mut before = Vec::with_capacity(n + 1);
    before.push(0usize);
    for &d in has_diacritic {
        before.push(before.last().copied().unwrap_or(0) + usize::from(d));
    }
    let width = WINDOW.min(n);
    (0..n)
        .map(|i| {
            let start = i.saturating_sub(width / 2).min(n - width);
            let with = before[start + width] - before[start];
            (with as f64) < WINDOW_LOST_SHARE * width as f64
        })
        .collect()
}

use crate::tokenize::{Kind, Token};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_clean_paragraph_does_not_hide_a_damaged_page() {
        let damaged = "Omradeudvalget pa socialomradet har onsket at drofte folgende emner. ";
        let clean = "Områdeudvalget på socialområdet har ønsket at drøfte følgende emner. ";
        let text = format!(
            "{}{}{}",
            damaged.repeat(20),
            clean.repeat(3),
            damaged.repeat(20)
        );
        let judged = lost(&text);
        assert!(judged[0], "the damaged start is lost");
        assert!(*judged.last().unwrap(), "the damaged end is lost");
        // A damaged page in clean minutes is judged on its own too.
        let text = format!(
            "{}{}{}",
            clean.repeat(20),
            damaged.repeat(20),
            clean.repeat(20)
        );
        let judged = lost(&text);
        assert!(!judged[0]);
        assert!(judged[judged.len() / 2]);
        assert!(!*judged.last().unwrap());
    }

    fn lost(text: &str) -> Vec<bool> {
        lost_by_token(text, &crate::tokenize::tokenize(text))
    }

    #[test]
    fn clean_danish_keeps_its_letters() {
        let text =
            "Områdeudvalget på socialområdet har ønsket at drøfte følgende emner. ".repeat(8);
        assert!(!lost(&text).contains(&true));
    }

    #[test]
    fn a_long_document_without_any_has_lost_them() {
        let text =
            "Omradeudvalget pa socialomradet har onsket at drofte folgende emner. ".repeat(8);
        assert!(lost(&text).iter().all(|&l| l));
    }

    #[test]
    fn a_short_note_says_nothing() {
        assert!(!lost("Godkendt med den bemerkning.").contains(&true));
    }
}
