//! Context: which word fits between its neighbours.
//!
//! Some OCR damage turns a word into another word (`får` read as `far`, `før`
//! as `for`, `Åben` as `Aben`), and some damaged words have more than one
//! plausible repair. Both are decided here, by a small bigram model:
//!
//! * the bundled counts in `corrections/context.tsv`, derived from clean Danish
//!   minutes by `scripts/derive_context.py`;
//! * plus [`Evidence`]: counts learned from the clean documents of the batch
//!   being repaired (a document whose æ, ø and å are intact teaches the words
//!   and word pairs of the committee whose other minutes lost theirs).
//!
//! The model answers one question: how much more (or less) likely is word `w`
//! after `prev` and before `next` than on its own, as a log ratio (pointwise
//! mutual information, smoothed towards zero when the counts are thin). The
//! caller adds that to a word's prior, so context only moves a decision when
//! the counts say something.

use std::collections::HashMap;

use rustc_hash::FxHashMap;

use crate::tokenize::{self, Kind};

const BUNDLED: &str = include_str!("../../corrections/context.tsv");

/// The token every number is counted as.
pub const NUMBER: &str = "<n>";

/// Word and word-pair counts. Counts only add up, so merging evidence from
/// many documents does not depend on their order.
#[derive(Debug, Default, Clone)]
pub struct Evidence {
    pub(crate) unigrams: HashMap<String, u32>,
    pub(crate) bigrams: HashMap<(String, String), u32>,
}

impl Evidence {
    /// Learns from `text` when it looks clean: a document that has lost its
    /// æ, ø and å anywhere (a damaged page in clean minutes) would teach the
    /// damage, so it teaches nothing.
    pub fn learn(text: &str) -> Evidence {
        let mut evidence = Evidence::default();
        let tokens = tokenize::tokenize(text);
        if super::document::lost_by_token(text, &tokens).contains(&true) {
            return evidence;
        }
        let mut prev: Option<String> = None;
        let mut prev_end = 0;
        for token in &tokens {
            let value = match token.kind {
                // A word with OCR junk in it (`&ben`, `m0de`, `fzelles`: z is
                // OCR's æ) is no evidence: learned, it would make the batch
                // keep its own damage.
                Kind::Word if is_plain_word(token.text(text)) => token.text(text).to_lowercase(),
                Kind::Number => NUMBER.to_string(),
                _ => {
                    prev = None;
                    continue;
                }
            };
            let gap = &text[prev_end..token.start];
            if let Some(p) = prev.take() {
                if !gap.contains("\n\n") {
                    *evidence.bigrams.entry((p, value.clone())).or_default() += 1;
                }
            }
            *evidence.unigrams.entry(value.clone()).or_default() += 1;
            prev = Some(value);
            prev_end = token.end;
        }
        evidence
    }

    pub fn merge(&mut self, other: Evidence) {
        for (w, n) in other.unigrams {
            *self.unigrams.entry(w).or_default() += n;
        }
        for (pair, n) in other.bigrams {
            *self.bigrams.entry(pair).or_default() += n;
        }
    }

    /// The bundled counts.
    pub(crate) fn bundled() -> Evidence {
        let mut evidence = Evidence::default();
        for line in BUNDLED.lines() {
            let mut cols = line.split('\t');
            let (Some(n), Some(a)) = (cols.next(), cols.next()) else {
                continue;
            };
            let Ok(n) = n.parse::<u32>() else { continue };
            match cols.next() {
                Some(b) => {
                    evidence.bigrams.insert((a.to_string(), b.to_string()), n);
                }
                None => {
                    evidence.unigrams.insert(a.to_string(), n);
                }
            }
        }
        evidence
    }

    pub(crate) fn total(&self) -> u64 {
        self.unigrams.values().map(|&n| u64::from(n)).sum()
    }
}

/// The bigram model the repair stage asks. Words are interned, so a lookup
/// allocates nothing.
#[derive(Debug, Clone)]
pub struct Context {
    evidence: Evidence,
    ids: FxHashMap<Box<str>, u32>,
    counts: Vec<u32>,
    pairs: FxHashMap<(u32, u32), u32>,
    /// The words seen, sorted, for prefix search.
    vocabulary: Vec<Box<str>>,
    total: f64,
}

/// The neighbours of a word as the counts know them: (id, count), `None`
/// when unseen (an unseen neighbour says nothing).
#[derive(Debug, Clone, Copy)]
pub struct Neighbours {
    prev: Option<(u32, f64)>,
    next: Option<(u32, f64)>,
}

/// Uses in clean text that make a word outside the lexicon a word.
const MIN_KNOWN: u32 = 2;

/// Letters only, and no z (OCR's æ; the loanwords with z are in the lexicon).
fn is_plain_word(word: &str) -> bool {
    word.chars()
        .all(|c| c.is_alphabetic() && c != 'z' && c != 'Z')
}

/// How many pseudo-observations a smoothed estimate gives the back-off.
const SMOOTHING: f64 = 2.0;

impl Context {
    pub fn new(evidence: Evidence) -> Context {
        let mut context = Context {
            evidence,
            ids: FxHashMap::default(),
            counts: Vec::new(),
            pairs: FxHashMap::default(),
            vocabulary: Vec::new(),
            total: 1.0,
        };
        context.index();
        context
    }

    pub fn add(&mut self, evidence: Evidence) {
        self.evidence.merge(evidence);
        self.index();
    }

    fn index(&mut self) {
        let mut words: Vec<(&String, &u32)> = self.evidence.unigrams.iter().collect();
        words.sort();
        self.ids = words
            .iter()
            .enumerate()
            .map(|(i, (w, _))| (Box::from(w.as_str()), i as u32))
            .collect();
        self.counts = words.iter().map(|(_, &n)| n).collect();
        self.pairs = self
            .evidence
            .bigrams
            .iter()
            .filter_map(|((a, b), &n)| {
                Some(((*self.ids.get(a.as_str())?, *self.ids.get(b.as_str())?), n))
            })
            .collect();
        self.vocabulary = words
            .iter()
            .filter(|(w, _)| w.chars().all(char::is_alphabetic))
            .map(|(w, _)| Box::from(w.as_str()))
            .collect();
        self.total = self.evidence.total().max(1) as f64;
    }

    /// The words the counts have seen, sorted.
    pub fn vocabulary(&self) -> &[Box<str>] {
        &self.vocabulary
    }

    pub fn count(&self, word: &str) -> u32 {
        self.ids.get(word).map_or(0, |&id| self.counts[id as usize])
    }

    /// Looks the neighbours of a word up once, for scoring all of its
    /// candidates with [`Context::fit_between`].
    pub fn neighbours(&self, prev: Option<&str>, next: Option<&str>) -> Neighbours {
        let known = |w: Option<&str>| {
            let id = *self.ids.get(w?)?;
            Some((id, f64::from(self.counts[id as usize])))
        };
        Neighbours {
            prev: known(prev),
            next: known(next),
        }
    }

    /// How much likelier `word` is next to a neighbour seen `count` times,
    /// `pair` times together, than on its own, as ln P(word | neighbour) /
    /// P(word), smoothed towards 0 when the counts know the neighbour little.
    /// Conditioning on the neighbour (on either side) keeps candidates
    /// comparable: they share the denominator.
    fn association(pair: u32, count: f64, p_word: f64) -> f64 {
        let p = (f64::from(pair) + SMOOTHING * p_word) / (count + SMOOTHING);
        (p / p_word).ln()
    }

    /// How much the neighbours favour `word`, as a natural-log ratio.
    /// `p_word` is the word's prior probability.
    pub fn fit(&self, prev: Option<&str>, word: &str, next: Option<&str>, p_word: f64) -> f64 {
        self.fit_between(&self.neighbours(prev, next), word, p_word)
    }

    /// The fit of a word the counts have never seen beside these neighbours:
    /// what a word's own pairs are measured against.
    pub fn fit_unseen(&self, around: &Neighbours, p_word: f64) -> f64 {
        let p_word = p_word.clamp(1e-12, 1.0);
        [around.prev, around.next]
            .iter()
            .flatten()
            .map(|&(_, count)| Context::association(0, count, p_word))
            .sum()
    }

    /// [`Context::fit`] with the neighbours already looked up.
    pub fn fit_between(&self, around: &Neighbours, word: &str, p_word: f64) -> f64 {
        if around.prev.is_none() && around.next.is_none() {
            return 0.0;
        }
        let p_word = p_word.clamp(1e-12, 1.0);
        let id = self.ids.get(word).copied();
        let pair = |a: Option<u32>, b: Option<u32>| match (a, b) {
            (Some(a), Some(b)) => self.pairs.get(&(a, b)).copied().unwrap_or(0),
            _ => 0,
        };
        let mut score = 0.0;
        if let Some((prev, count)) = around.prev {
            score += Context::association(pair(Some(prev), id), count, p_word);
        }
        if let Some((next, count)) = around.next {
            score += Context::association(pair(id, Some(next)), count, p_word);
        }
        score
    }

    /// The relative frequency of `word` in the counts (0 when unseen).
    pub fn frequency(&self, word: &str) -> f64 {
        f64::from(self.count(word)) / self.total
    }

    /// Whether clean text has used `word` often enough to vouch for it: the
    /// lexicon lacks it, but the batch uses it. Once is not enough: a clean
    /// document may still hold an OCR slip, and must not teach it.
    pub fn knows(&self, word: &str) -> bool {
        self.count(word) >= MIN_KNOWN
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_with_ocr_junk_teach_nothing() {
        let evidence = Evidence::learn("Udvalget er &ben over for sagen, og m0det er slut.");
        assert!(evidence.unigrams.contains_key("udvalget"));
        assert!(!evidence.unigrams.contains_key("&ben"));
        assert!(!evidence.unigrams.keys().any(|w| w.contains('0')));
        assert!(!evidence.bigrams.contains_key(&("er".into(), "&ben".into())));
    }

    #[test]
    fn bundled_counts_load() {
        let ctx = Context::new(Evidence::bundled());
        assert!(ctx.count("på") > 10);
        assert!(ctx.count("kommunalbestyrelsen") > 0);
    }

    #[test]
    fn context_prefers_the_usual_neighbour() {
        let ctx = Context::new(Evidence::learn(
            "Vi får tid. Vi får svar. Vi får mere tid. Vi mødes før jul.",
        ));
        let p = 0.01;
        assert!(ctx.fit(Some("vi"), "får", None, p) > ctx.fit(Some("vi"), "far", None, p));
    }

    #[test]
    fn damaged_documents_teach_nothing() {
        let damaged = "Vi far tid pa mandag, og vi skal mode de andre for det. ".repeat(20);
        assert!(Evidence::learn(&damaged).unigrams.is_empty());
    }
}
