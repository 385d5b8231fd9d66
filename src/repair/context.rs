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
//!
//! Word pairs are sparse: a few thousand words of clean minutes hold `bør`
//! four times. So the model also counts which verb [`Class`] follows each
//! word (the lexicon's: infinitive, past participle, past tense, other; a
//! form with two readings counts half to each). `bør`
//! was followed by an infinitive each time and `bor` never, which speaks for
//! `bør` before an infinitive it has never met (`bor behandles`); `har` is
//! often followed by a participle, which speaks for `ført` over `fort`.

use std::collections::HashMap;

use rustc_hash::FxHashMap;

use super::lexicon::Lexicon;
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

/// What a word does in a sentence, as far as the lexicon's verb forms tell:
/// enough to see that a modal wants an infinitive and an auxiliary a
/// participle.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Class {
    /// A noun, an adjective, an adverb, a verb in the present tense...
    Other = 0,
    Infinitive = 1,
    Participle = 2,
    Past = 3,
}

const CLASSES: usize = 4;

/// A multiple of every possible number of readings (1 to 4).
const SHARES: u64 = 12;

/// The classes a word form may be. Often more than one: `arbejdet` is a
/// participle and a noun, `ført` also the neuter of the adjective `før`. Each
/// counts with an equal share, so an ambiguous form says less.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Readings(u8);

impl Readings {
    /// The readings of a lower-case word; `None` for a word the lexicon
    /// lacks (a number, a compound, a damaged word): its class is unknown,
    /// and so no evidence.
    pub fn of(word: &str) -> Option<Readings> {
        let entry = Lexicon::embedded().entry(word)?;
        let mut bits = 0u8;
        for (on, class) in [
            (entry.other_reading, Class::Other),
            (entry.infinitive, Class::Infinitive),
            (entry.participle, Class::Participle),
            (entry.past, Class::Past),
        ] {
            if on {
                bits |= 1 << class as u8;
            }
        }
        // A form of an irregular verb outside the three classes (`kan`).
        Some(Readings(if bits == 0 {
            1 << Class::Other as u8
        } else {
            bits
        }))
    }

    fn classes(self) -> impl Iterator<Item = usize> {
        (0..CLASSES).filter(move |c| self.0 & (1 << c) != 0)
    }

    /// The share of each reading.
    fn share(self) -> f64 {
        1.0 / f64::from(self.0.count_ones())
    }

    /// The share of each reading in [`SHARES`]ths: whole numbers, so sums
    /// do not depend on the order the pairs are counted in (the counts'
    /// hash maps have no fixed order, and the output must not change).
    fn whole_share(self) -> u64 {
        SHARES / u64::from(self.0.count_ones())
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
    /// Per word id: its readings, if the lexicon knows the word.
    readings: Vec<Option<Readings>>,
    /// Per word id: how often a word of each class followed it (an
    /// ambiguous word counts its share to each of its classes).
    /// In [`SHARES`]ths.
    followed_by: Vec<[u64; CLASSES]>,
    /// How often a word of each class followed any word, and the sum.
    class_totals: [u64; CLASSES],
    pairs_total: u64,
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
    /// The readings of the next word, seen or not (the lexicon knows it).
    next_readings: Option<Readings>,
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
            readings: Vec::new(),
            followed_by: Vec::new(),
            class_totals: [0; CLASSES],
            pairs_total: 0,
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
        self.readings = words.iter().map(|(w, _)| Readings::of(w)).collect();
        self.followed_by = vec![[0; CLASSES]; words.len()];
        self.class_totals = [0; CLASSES];
        for (&(a, b), &n) in &self.pairs {
            if let Some(readings) = self.readings[b as usize] {
                let n = u64::from(n) * readings.whole_share();
                for class in readings.classes() {
                    self.followed_by[a as usize][class] += n;
                    self.class_totals[class] += n;
                }
            }
        }
        self.pairs_total = self.class_totals.iter().sum();
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
            // A word the counts know has its readings looked up already.
            next_readings: next.and_then(|w| match self.ids.get(w) {
                Some(&id) => self.readings[id as usize],
                None => Readings::of(w),
            }),
        }
    }

    /// How much likelier a word with these readings is after the word `id`
    /// than after any word, as a log ratio (the readings' shares averaged);
    /// smoothed towards 0 by the word's own count, so a word seen twice and
    /// never before an infinitive is only mildly against one. A class the
    /// counts hold no word of says nothing.
    fn readings_after(&self, id: u32, readings: Readings) -> f64 {
        let followed = &self.followed_by[id as usize];
        let seen = followed.iter().sum::<u64>() as f64;
        let pairs_total = self.pairs_total.max(1) as f64;
        let ratio: f64 = readings
            .classes()
            .map(|class| {
                let p_class = self.class_totals[class] as f64 / pairs_total;
                if p_class == 0.0 {
                    return 1.0;
                }
                // Counts and smoothing both in shares.
                let shares = SHARES as f64;
                let p = (followed[class] as f64 + SMOOTHING * shares * p_class)
                    / (seen + SMOOTHING * shares);
                p / p_class
            })
            .sum();
        (ratio * readings.share()).ln()
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
        if around.prev.is_none() && around.next.is_none() && around.next_readings.is_none() {
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
            // The previous word's taste for this word's class (`har` ->
            // a participle). An unseen word's readings come from the lexicon.
            let readings = id.map_or_else(|| Readings::of(word), |id| self.readings[id as usize]);
            if let Some(readings) = readings {
                score += self.readings_after(prev, readings);
            }
        }
        if let Some((next, count)) = around.next {
            score += Context::association(pair(id, Some(next)), count, p_word);
        }
        // This word's taste for the next word's class (`bør` -> an
        // infinitive), even when the counts have never seen the next word.
        if let (Some(id), Some(readings)) = (id, around.next_readings) {
            score += self.readings_after(id, readings);
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
    fn a_word_s_taste_for_a_verb_class_reaches_verbs_it_never_met() {
        let ctx = Context::new(Evidence::learn(
            "Vi bør være klar. Man bør have en plan. Det bør fastholdes.\n\n\
             De bor i byen. Hun bor alene.\n\n\
             Vi har været der. De har fået svar.",
        ));
        let fit =
            |prev: Option<&str>, word: &str, next: Option<&str>| ctx.fit(prev, word, next, 0.001);
        // `prioritere` was never seen: its class (an infinitive) speaks.
        assert!(fit(None, "bør", Some("prioritere")) > fit(None, "bor", Some("prioritere")));
        // `i` is no verb: it does not speak for `bør`.
        assert!(fit(None, "bor", Some("i")) > fit(None, "bør", Some("i")));
        // After `har`, a participle (`ført`) beats a noun (`fort`)...
        assert!(fit(Some("har"), "ført", None) > fit(Some("har"), "fort", None));
        // ...and one that is nothing else (`gjort`) beats one that is also
        // an adjective (`ført`, of `før`).
        assert!(fit(Some("har"), "gjort", None) > fit(Some("har"), "ført", None));
        // An unknown neighbour (`xyzzy`) has no class and says nothing.
        assert_eq!(fit(None, "bør", Some("xyzzy")), 0.0);
    }

    #[test]
    fn damaged_documents_teach_nothing() {
        let damaged = "Vi far tid pa mandag, og vi skal mode de andre for det. ".repeat(20);
        assert!(Evidence::learn(&damaged).unigrams.is_empty());
    }
}
