//! OCR confusions and the candidates they generate.
//!
//! `corrections/confusions.tsv` (written by `scripts/learn_confusions.py` from
//! seed 002 and its hand-corrected copy) says how often OCR printed `ocr` for
//! the letters `true`: `a` for `å`, `ze` for `æ`, `e` for `ø`, `t` for `f`...
//! Run backwards, a row says what a damaged word may have been: wherever `ocr`
//! stands in the word, `true` may have stood.
//!
//! Candidate generation walks the word left to right, at each position either
//! keeping the character or undoing a confusion, and abandons a branch as soon
//! as no lexicon word (or compound of lexicon words) starts with what it has
//! built. Every candidate carries the log-probability of the damage that turns
//! it into the word seen (the channel), so the caller can rank candidates by
//! channel × frequency × context. Work is bounded: at most [`MAX_NODES`]
//! steps and [`MAX_EDITS`] undone confusions per word.

use std::cell::RefCell;
use std::cmp::Ordering;
use std::collections::HashMap;

use rustc_hash::FxHashMap;

use super::compounds;
use super::lexicon::{raw_flags, Cursor, Lexicon};

pub const BUNDLED: &str = include_str!("../../corrections/confusions.tsv");

/// Bound on search steps per word.
const MAX_NODES: usize = 20000;
/// The bound where a dropped letter may be put back. Such a search runs in
/// the heap's order, at about 1,800 instructions a step against 700, and
/// was 6% of a batch's instructions; past a few hundred steps it finds
/// nothing that wins. Measured (stop 19): at 1,500 or 3,000 the JSON of
/// the 3,000-file batch, of the 240 damaged newdev files and of 200
/// generated minutes, and every eval figure, are the same as at 20,000;
/// at 700 one file changes. -3.3% of the 200 minutes' instructions.
const MAX_NODES_DROPPED: usize = 3000;
/// Once a candidate is found, repairs this much less likely (ln) are not
/// searched for: they could not win.
const GIVE_UP_BELOW_BEST: f64 = 7.0;
/// The same for words that are words already.
const GIVE_UP_BELOW_BEST_KNOWN: f64 = 7.0;
/// Enough candidates: the likeliest few are all ranking needs.
const MAX_FOUND: usize = 8;
/// Damage less likely than this (ln) is not worth undoing.
const LOGP_FLOOR: f64 = -16.0;
/// Repairs whose undone confusions are together less likely than this are
/// not searched for.
const PRIORITY_FLOOR: f64 = -25.0;
/// Bound on confusions undone in one word.
const MAX_EDITS: u8 = 6;
/// How much likelier a diacritic survives in a document that kept its
/// diacritics: the damage probabilities are scaled down by this much there.
const INTACT_DAMPING: f64 = 0.01;

#[derive(Debug, Clone)]
struct Sub {
    ocr: String,
    truth: String,
    /// ln P(ocr | true), smoothed: the channel, for ranking candidates.
    logp: f64,
    /// ln P(true | ocr), smoothed: how often what OCR printed here stands for
    /// `true`, for ordering the search (likely repairs first).
    posterior: f64,
    /// Whether `true` holds æ, ø or å: those are scaled by document mode.
    diacritic: bool,
    /// Whether `true` holds a digit (`l` read for `1`): only a word of one
    /// letter may be a number.
    digit: bool,
    /// Whether seed 002 shows the confusion at all (count above 0; the
    /// others are Danish OCR's known habits, kept at a smoothed rate).
    observed: bool,
}

/// The confusion table, indexed by the first byte of what OCR printed.
#[derive(Debug, Clone)]
pub struct Confusions {
    /// Per first byte (an array, not a map: it is read at every step of
    /// every search).
    by_first: Box<[Vec<Sub>; 256]>,
    /// Diacritic letters OCR dropped altogether (`hjlp` for `hjælp`).
    dropped: Vec<Sub>,
    /// ln P(c | c) for letters that OCR sometimes damages, by code point
    /// below 256 (every Danish letter: an array, as it is read at every
    /// step of every search), and any others.
    keep: Box<[Option<f64>; 256]>,
    keep_beyond: FxHashMap<char, f64>,
    /// The characters of what seed 002 shows OCR printing for æ, ø and å
    /// (`a`, `e`, `z`, `@`...), with æ, ø and å: see
    /// [`Confusions::diacritic_skeleton`].
    stand_ins: Vec<char>,
}

/// Which confusions a search may undo.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Undo {
    /// Only lost diacritics: for a word that is a word as seen, where only a
    /// lost diacritic is common enough to outweigh it.
    Diacritics,
    /// Every confusion that replaces letters.
    Confusions,
    /// Those, and one dropped diacritic letter put back (`hjlp` ->
    /// `hjælp`; the bundled table knows only æ dropped, once in 39): a
    /// second search for a word the first could not explain, since a
    /// letter may be put back before any letter of the word (not after the
    /// last: `p` is no `på`), and the readings that makes would crowd out
    /// the likelier ones (`kirke|sæt|råde` beside `kirkestræde`).
    AlsoDrops,
}

/// A word the damaged word may have been.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    /// Lower-case.
    pub word: String,
    /// ln P(seen | word): how likely OCR turned `word` into what was seen.
    pub channel: f64,
    /// Number of confusions undone (0: the word as seen).
    pub edits: u8,
    /// Every confusion undone was a lost diacritic (`o` for `ø`, `ze` for
    /// `æ`), none another letter (`t` for `f`).
    pub only_diacritics: bool,
}

impl Confusions {
    pub fn bundled() -> Confusions {
        Confusions::parse(BUNDLED)
    }

    pub fn parse(text: &str) -> Confusions {
        let mut by_first: Box<[Vec<Sub>; 256]> = Box::new(std::array::from_fn(|_| Vec::new()));
        let mut dropped: Vec<Sub> = Vec::new();
        let mut damage: HashMap<char, f64> = HashMap::new();
        for line in text.lines() {
            let cols: Vec<&str> = line.split('\t').collect();
            let [ocr, truth, count, of, seen] = cols[..] else {
                continue;
            };
            let (Ok(count), Ok(of), Ok(seen)) =
                (count.parse::<f64>(), of.parse::<f64>(), seen.parse::<f64>())
            else {
                continue;
            };
            if ocr == truth {
                continue;
            }
            let p = (count + 0.5) / (of + 1.0);
            // A dropped æ, ø or å may be put back almost anywhere, so the search
            // orders it by its channel, not by how often "nothing" stood for
            // it; other dropped letters are the edit-distance fallback's.
            if ocr.is_empty() {
                if truth.contains(['æ', 'ø', 'å']) {
                    dropped.push(Sub {
                        ocr: String::new(),
                        truth: truth.to_string(),
                        logp: p.ln(),
                        posterior: p.ln(),
                        diacritic: true,
                        digit: false,
                        observed: count > 0.0,
                    });
                }
                continue;
            }
            let mut truth_chars = truth.chars();
            if let (Some(c), None) = (truth_chars.next(), truth_chars.next()) {
                *damage.entry(c).or_default() += p;
            }
            by_first[usize::from(ocr.as_bytes()[0])].push(Sub {
                ocr: ocr.to_string(),
                truth: truth.to_string(),
                logp: p.ln(),
                posterior: ((count + 0.5) / (seen + 1.0)).ln(),
                diacritic: truth.contains(['æ', 'ø', 'å']),
                digit: truth.bytes().any(|b| b.is_ascii_digit()),
                observed: count > 0.0,
            });
        }
        let mut keep = Box::new([None; 256]);
        let mut keep_beyond = FxHashMap::default();
        for (c, p) in damage {
            let logp = (1.0 - p).max(0.01).ln();
            match u8::try_from(c) {
                Ok(byte) => keep[usize::from(byte)] = Some(logp),
                Err(_) => {
                    keep_beyond.insert(c, logp);
                }
            }
        }
        let mut stand_ins: Vec<char> = by_first
            .iter()
            .flatten()
            .filter(|s| s.diacritic && s.observed)
            .flat_map(|s| s.ocr.chars().chain(s.truth.chars()))
            .collect();
        stand_ins.sort_unstable();
        stand_ins.dedup();
        Confusions {
            by_first,
            dropped,
            keep,
            keep_beyond,
            stand_ins,
        }
    }

    /// `word` with each run of letters that are, or may stand for, æ, ø
    /// and å made one `*` (`baekkerup` and `bzkkerup`: `b*kk*rup`). Undoing
    /// lost diacritics changes only such runs, so two strings that share a
    /// reading by [`Confusions::each_diacritic_spelling`] have one
    /// skeleton; most strings share it with none, and need no reading.
    pub fn diacritic_skeleton(&self, word: &str) -> String {
        let mut out = String::with_capacity(word.len());
        for c in word.chars() {
            if self.stand_ins.binary_search(&c).is_err() {
                out.push(c);
            } else if !out.ends_with('*') {
                out.push('*');
            }
        }
        out
    }

    /// The runs of letters of `word` that are, or may stand for, æ, ø and å
    /// (the `*` of its [`Confusions::diacritic_skeleton`]), each with the
    /// characters right before and after it.
    pub fn diacritic_runs<'w>(&self, word: &'w str) -> Vec<(Option<char>, &'w str, Option<char>)> {
        let mut runs = Vec::new();
        let mut start: Option<usize> = None;
        let mut before = None;
        for (at, c) in word.char_indices() {
            let stand_in = self.stand_ins.binary_search(&c).is_ok();
            match (stand_in, start) {
                (true, None) => start = Some(at),
                (false, Some(from)) => {
                    runs.push((before, &word[from..at], Some(c)));
                    start = None;
                }
                _ => {}
            }
            if !stand_in {
                before = Some(c);
            }
        }
        if let Some(from) = start {
            runs.push((before, &word[from..], None));
        }
        runs
    }

    /// Candidates for the lower-case word `seen`, the word itself included
    /// when it is a word. `lost` says whether the document has lost its
    /// diacritics (then undoing their loss costs little). `undo` says which
    /// confusions may be undone ([`Undo`]). `accept` decides what counts as a word;
    /// `vocabulary` (sorted) holds words outside the lexicon that may be
    /// candidates too (learned from clean text).
    pub fn candidates(
        &self,
        lex: &'static Lexicon,
        vocabulary: &[Box<str>],
        seen: &str,
        lost: bool,
        undo: Undo,
        accept: &dyn Fn(&str) -> bool,
    ) -> Vec<Candidate> {
        let search = |order| self.search(lex, vocabulary, seen, lost, undo, accept, order);
        // Where two states tie for likeliest, which is taken up first is
        // the heap's to say (it decides which reading of a word found twice
        // is kept), so the search is run again in the heap's own order. A
        // search that may put a dropped letter back is run in the heap's
        // order at once: a letter put back before a confusion undone and
        // after it make twins that tie (`ææ` from `a`), and more than half
        // of those searches tied, the longest ones, after part of their
        // work.
        let quick = match undo {
            Undo::AlsoDrops => None,
            Undo::Diacritics | Undo::Confusions => search(Order::Quick),
        };
        quick
            .or_else(|| search(Order::Heap))
            .expect("a search in the heap's order runs to its end")
    }

    /// The search behind [`Confusions::candidates`], in `order`: `None` if
    /// in the quick order two states tied for likeliest.
    #[allow(clippy::too_many_arguments)]
    fn search(
        &self,
        lex: &'static Lexicon,
        vocabulary: &[Box<str>],
        seen: &str,
        lost: bool,
        undo: Undo,
        accept: &dyn Fn(&str) -> bool,
        order: Order,
    ) -> Option<Vec<Candidate>> {
        let diacritics_only = undo == Undo::Diacritics;
        let mut spare = SPARE.with(|spare| std::mem::take(&mut *spare.borrow_mut()));
        let mut heap = std::mem::take(&mut spare.frontier);
        heap.quick = order == Order::Quick;
        let mut starts = spare.starts();
        starts.push((0, Some(lex.start())));
        heap.push(State {
            priority: 0.0,
            logp: 0.0,
            at: 0,
            out: spare.out(),
            starts,
            edits: 0,
            restored_drop: false,
            not_only_diacritics: false,
        });
        let mut found: Vec<Candidate> = Vec::new();
        let mut nodes = 0;
        let mut best_found = f64::NEG_INFINITY;
        // A word that is a word already is seldom more than one lost
        // diacritic away from the word it should be.
        let max_nodes = match undo {
            Undo::AlsoDrops => MAX_NODES_DROPPED,
            Undo::Diacritics | Undo::Confusions => MAX_NODES,
        };
        let give_up = if diacritics_only {
            GIVE_UP_BELOW_BEST_KNOWN
        } else {
            GIVE_UP_BELOW_BEST
        };
        // The kept-letter child taken up next without passing through the
        // frontier ([`Frontier::takes_up_next`]).
        let mut lane: Option<State> = None;
        while let Some(mut state) = lane.take().or_else(|| heap.pop()) {
            if heap.tied {
                spare.keep(state);
                break;
            }
            nodes += 1;
            if nodes > max_nodes
                || found.len() >= MAX_FOUND
                || state.priority < best_found - give_up
            {
                break;
            }
            if state.at == seen.len() {
                if !found.iter().any(|f| f.word == state.out)
                    && may_be_word(vocabulary, &state)
                    && accept(&state.out)
                {
                    best_found = best_found.max(state.priority);
                    found.push(Candidate {
                        word: state.out,
                        channel: state.logp,
                        edits: state.edits,
                        only_diacritics: !state.not_only_diacritics,
                    });
                    spare.starts.push(state.starts);
                } else {
                    spare.keep(state);
                }
                continue;
            }
            let rest = &seen[state.at..];
            let floor = floor(order, best_found - give_up);
            if state.edits < MAX_EDITS {
                for sub in &self.by_first[usize::from(rest.as_bytes()[0])] {
                    if (diacritics_only && !sub.diacritic)
                        || (sub.digit && seen.len() > 1)
                        || !begins_with(rest.as_bytes(), sub.ocr.as_bytes())
                    {
                        continue;
                    }
                    let mut p = (sub.logp, sub.posterior);
                    if sub.diacritic && !lost {
                        p.0 += INTACT_DAMPING.ln();
                        p.1 += INTACT_DAMPING.ln();
                    }
                    let next = state.at + sub.ocr.len();
                    if let Some(mut child) = advance(
                        (lex, vocabulary),
                        &mut spare,
                        &state,
                        &sub.truth,
                        next,
                        p,
                        1,
                        (seen, floor),
                    ) {
                        child.not_only_diacritics |= !sub.diacritic;
                        heap.push(child);
                    }
                }
                // One dropped letter a word, and only where nothing else
                // explains it: `hjlp` is `hjælp`, but `for` is no `fore`.
                if lost && undo == Undo::AlsoDrops && !state.restored_drop {
                    for sub in &self.dropped {
                        let p = (sub.logp, sub.posterior);
                        if let Some(mut child) = advance(
                            (lex, vocabulary),
                            &mut spare,
                            &state,
                            &sub.truth,
                            state.at,
                            p,
                            1,
                            (seen, floor),
                        ) {
                            child.restored_drop = true;
                            heap.push(child);
                        }
                    }
                }
            }
            let c = rest.chars().next().expect("not at end");
            let keep = self.keep_logp(c, lost);
            if !keep_letter((lex, vocabulary), &mut state, c, keep, (seen, floor)) {
                spare.keep(state);
            } else if heap.takes_up_next(&state) {
                lane = Some(state);
            } else {
                heap.push(state);
            }
        }
        let tied = heap.tied;
        spare.put_back(heap);
        SPARE.with(|kept| *kept.borrow_mut() = spare);
        (!tied).then_some(found)
    }

    /// The diacritic letters OCR has printed exactly `seen` for (`o`: ø;
    /// `ze`: æ), most likely first: seen in seed 002, not only known of
    /// (`aa` for å, which a name writes of its own, is not one).
    pub fn diacritic_readings<'a>(&'a self, seen: &'a str) -> impl Iterator<Item = &'a str> {
        self.readings_of(seen, true)
    }

    /// Every letter OCR has printed exactly `seen` for, diacritic or not
    /// (`t`: f; `ft`: f), most likely first: seen in seed 002, as
    /// [`Confusions::diacritic_readings`].
    pub fn all_readings<'a>(&'a self, seen: &'a str) -> impl Iterator<Item = &'a str> {
        self.readings_of(seen, false)
    }

    /// ln P(`seen` | `truth`) where seed 002 shows OCR printing exactly
    /// `seen` for `truth` (`t` for `f`).
    pub fn channel(&self, seen: &str, truth: &str) -> Option<f64> {
        let first = *seen.as_bytes().first()?;
        self.by_first[usize::from(first)]
            .iter()
            .find(|s| s.observed && s.ocr == seen && s.truth == truth)
            .map(|s| s.logp)
    }

    fn readings_of<'a>(
        &'a self,
        seen: &'a str,
        diacritics_only: bool,
    ) -> impl Iterator<Item = &'a str> {
        let mut subs: Vec<&Sub> = seen
            .as_bytes()
            .first()
            .map(|&b| &self.by_first[usize::from(b)])
            .into_iter()
            .flatten()
            .filter(|s| s.observed && (s.diacritic || !diacritics_only) && s.ocr == seen)
            .collect();
        subs.sort_by(|a, b| {
            b.posterior
                .total_cmp(&a.posterior)
                .then(a.truth.cmp(&b.truth))
        });
        subs.into_iter().map(|s| s.truth.as_str())
    }

    /// Every string `seen` (lower-case) may have been if OCR lost only æ,
    /// ø and å in it, by the confusions seed 002 shows, each with ln
    /// P(seen | it), handed to `visit` as found: no lexicon prunes them,
    /// for the names no dictionary holds. Returns false, having stopped,
    /// once there are more than `limit` (a string too ambiguous to read
    /// without one). The same readings in the same order every time.
    pub fn each_diacritic_spelling(
        &self,
        seen: &str,
        lost: bool,
        limit: usize,
        visit: &mut dyn FnMut(Spelling),
    ) -> bool {
        let mut out = String::with_capacity(seen.len() + 4);
        let mut walk = Walk {
            seen,
            lost,
            left: limit,
            visit,
        };
        self.spell(&mut walk, 0, &mut out, (0.0, 0))
    }

    /// One step of [`Confusions::each_diacritic_spelling`]: false once
    /// there are too many.
    fn spell(
        &self,
        walk: &mut Walk,
        at: usize,
        out: &mut String,
        (logp, edits): (f64, u8),
    ) -> bool {
        if logp < LOGP_FLOOR {
            return true;
        }
        let rest = &walk.seen[at..];
        let Some(c) = rest.chars().next() else {
            let Some(left) = walk.left.checked_sub(1) else {
                return false;
            };
            walk.left = left;
            (walk.visit)(Spelling {
                word: out,
                channel: logp,
            });
            return true;
        };
        let len = out.len();
        out.push(c);
        let kept = self.keep_logp(c, walk.lost);
        let mut more = self.spell(walk, at + c.len_utf8(), out, (logp + kept, edits));
        out.truncate(len);
        if edits >= MAX_EDITS {
            return more;
        }
        let damping = if walk.lost { 0.0 } else { INTACT_DAMPING.ln() };
        for sub in &self.by_first[usize::from(rest.as_bytes()[0])] {
            if !more {
                break;
            }
            if !sub.diacritic || !sub.observed || !rest.starts_with(sub.ocr.as_str()) {
                continue;
            }
            out.push_str(&sub.truth);
            let step = (logp + sub.logp + damping, edits + 1);
            more = self.spell(walk, at + sub.ocr.len(), out, step);
            out.truncate(len);
        }
        more
    }

    fn keep_logp(&self, c: char, lost: bool) -> f64 {
        let keep = match u8::try_from(c) {
            Ok(byte) => self.keep[usize::from(byte)],
            Err(_) => self.keep_beyond.get(&c).copied(),
        };
        match keep {
            // In a document that kept its diacritics, æ/ø/å survive.
            Some(_) if !lost && matches!(c, 'æ' | 'ø' | 'å') => 0.0,
            Some(l) => l,
            None => 0.0,
        }
    }
}

/// A reading of a damaged string by lost diacritics alone.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Spelling<'w> {
    /// Lower-case.
    pub word: &'w str,
    /// ln P(seen | word).
    pub channel: f64,
}

/// What a walk of [`Confusions::each_diacritic_spelling`] is over.
struct Walk<'s, 'v> {
    seen: &'s str,
    lost: bool,
    /// How many more readings may be found.
    left: usize,
    visit: &'v mut dyn FnMut(Spelling),
}

/// A partial candidate: `out` built from `seen[..at]`.
struct State<'f> {
    /// The search order: the sum of the undone confusions' posteriors.
    priority: f64,
    /// The channel: ln P(seen[..at] | out).
    logp: f64,
    at: usize,
    out: String,
    /// Byte offsets in `out` where the current compound part may begin; a
    /// state lives while one of them starts a lexicon prefix. Each carries
    /// its place in the lexicon's fst (`None`: only the context vocabulary
    /// has such a prefix), so a step costs one transition, not a walk from
    /// the root.
    starts: Vec<(u32, Option<Cursor<'f>>)>,
    edits: u8,
    /// A dropped letter was put back.
    restored_drop: bool,
    /// A confusion other than a lost diacritic was undone (`t` for `f`).
    not_only_diacritics: bool,
}

/// The buffers of states the search is done with, for the states it makes
/// next, in this search and the next one on the same thread: a search
/// makes tens of states a word, and two allocations each were a tenth of
/// its time.
#[derive(Default)]
struct Spare<'f> {
    outs: Vec<String>,
    starts: Vec<Vec<(u32, Option<Cursor<'f>>)>>,
    /// The frontier's own storage.
    frontier: Frontier<'f>,
}

/// The states a search has yet to take up, likeliest first.
///
/// In [`Order::Heap`], the same binary heap as `std`'s `BinaryHeap` (the
/// same sift-up and sift-down, so the same comparisons and the same order
/// among equal states), but over 16-byte keys into a slab of states: a
/// state is about 80 bytes, and moving whole states through the heap, each
/// compared by `total_cmp`, was a seventh of a batch's instructions.
///
/// In [`Order::Quick`], the likeliest state is kept off the heap while it
/// is likelier than every state on it: most states pushed are the next
/// letter kept of the state just taken up, as likely as it and further
/// along, so the likeliest of all, taken up next without passing through
/// the heap. The order is the same as the heap's wherever the likeliest
/// state is likelier than the next; where two tie, `tied` says so.
#[derive(Default)]
struct Frontier<'f> {
    /// States pushed and not yet popped; `None` where a slot is free.
    slots: Vec<Option<State<'f>>>,
    free: Vec<u32>,
    heap: Vec<Key>,
    /// The quick order is kept (else the heap's).
    quick: bool,
    /// In the quick order: the likeliest state, likelier than every state
    /// on the heap.
    best: Option<Key>,
    /// In the quick order: a state taken up was no likelier than the next.
    tied: bool,
}

/// How a search orders states that tie for likeliest.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Order {
    /// Most states never pass through the heap; a tie ends the search.
    Quick,
    /// As `std`'s `BinaryHeap` orders them.
    Heap,
}

/// A state's place in the heap: its order as far as numbers decide it,
/// and its slot.
#[derive(Clone, Copy)]
struct Key {
    /// The priority's bits, ordered as `f64::total_cmp` orders the
    /// priority.
    priority: i64,
    at: u32,
    slot: u32,
}

impl Key {
    fn of(state: &State<'_>, slot: u32) -> Key {
        let bits = state.priority.to_bits() as i64;
        Key {
            // What `total_cmp` does to both sides at every comparison,
            // done once.
            priority: bits ^ (((bits >> 63) as u64) >> 1) as i64,
            at: u32::try_from(state.at).expect("a word shorter than 4 GB"),
            slot,
        }
    }
}

impl<'f> Frontier<'f> {
    fn clear(&mut self) {
        self.slots.clear();
        self.free.clear();
        self.heap.clear();
        self.best = None;
        self.tied = false;
    }

    fn push(&mut self, state: State<'f>) {
        let slot = match self.free.pop() {
            Some(slot) => slot,
            None => {
                self.slots.push(None);
                (self.slots.len() - 1) as u32
            }
        };
        let key = Key::of(&state, slot);
        self.slots[slot as usize] = Some(state);
        if !self.quick {
            return self.heap_push(key);
        }
        let likelier = |than: Key| self.likelier(key, than);
        match self.best {
            Some(best) if likelier(best) => {
                self.best = Some(key);
                self.heap_push(best);
            }
            Some(_) => self.heap_push(key),
            None if self.heap.first().map_or(true, |&top| likelier(top)) => self.best = Some(key),
            None => self.heap_push(key),
        }
    }

    fn pop(&mut self) -> Option<State<'f>> {
        let top = match self.best.take() {
            Some(best) => best,
            None => self.heap_pop()?,
        };
        if self.quick {
            let next = self.heap.first();
            self.tied |= next.is_some_and(|&next| self.cmp(top, next) == Ordering::Equal);
        }
        self.free.push(top.slot);
        self.slots[top.slot as usize].take()
    }

    /// Whether `state`, pushed, would be the state popped next in the quick
    /// order, likelier than every state on the frontier (so no tie either):
    /// then it need not pass through the frontier at all. Most kept-letter
    /// children are (see [`Frontier`]).
    fn takes_up_next(&self, state: &State<'f>) -> bool {
        let key = Key::of(state, u32::MAX);
        let likelier = |than: Key| match (key.priority, key.at).cmp(&(than.priority, than.at)) {
            // As [`Frontier::cmp`], with the text of a state off the slab.
            Ordering::Equal => byte_order(self.out(than), &state.out) == Ordering::Greater,
            order => order == Ordering::Greater,
        };
        self.quick
            && self.best.map_or(true, likelier)
            && self.heap.first().map_or(true, |&top| likelier(top))
    }

    /// `BinaryHeap::push`.
    fn heap_push(&mut self, key: Key) {
        self.heap.push(key);
        self.sift_up(0, self.heap.len() - 1);
    }

    /// `BinaryHeap::pop`.
    fn heap_pop(&mut self) -> Option<Key> {
        let mut top = self.heap.pop()?;
        if !self.heap.is_empty() {
            std::mem::swap(&mut top, &mut self.heap[0]);
            self.sift_down_to_bottom(0);
        }
        Some(top)
    }

    /// The search order of the states behind two keys: likeliest first;
    /// among equals, the one further along, then by text, so the search
    /// order (and so the result) is deterministic.
    fn cmp(&self, a: Key, b: Key) -> Ordering {
        a.priority
            .cmp(&b.priority)
            .then(a.at.cmp(&b.at))
            .then_with(|| byte_order(self.out(b), self.out(a)))
    }

    /// `cmp(a, b) == Greater`, the question the heap asks at every level:
    /// mostly the priorities differ and settle it.
    fn likelier(&self, a: Key, b: Key) -> bool {
        if a.priority != b.priority {
            return a.priority > b.priority;
        }
        self.cmp(a, b) == Ordering::Greater
    }

    fn out(&self, key: Key) -> &str {
        self.slots[key.slot as usize]
            .as_ref()
            .map_or("", |state| state.out.as_str())
    }

    fn at_most(&self, a: usize, b: usize) -> bool {
        !self.likelier(self.heap[a], self.heap[b])
    }

    /// `BinaryHeap::sift_up`.
    fn sift_up(&mut self, start: usize, mut pos: usize) {
        let moving = self.heap[pos];
        while pos > start {
            let parent = (pos - 1) / 2;
            if !self.likelier(moving, self.heap[parent]) {
                break;
            }
            self.heap[pos] = self.heap[parent];
            pos = parent;
        }
        self.heap[pos] = moving;
    }

    /// `BinaryHeap::sift_down_to_bottom`: down to a leaf by the larger
    /// child, then up again (popping puts a leaf on top, which seldom
    /// belongs higher).
    fn sift_down_to_bottom(&mut self, start: usize) {
        let end = self.heap.len();
        let moving = self.heap[start];
        let mut pos = start;
        let mut child = 2 * pos + 1;
        while child <= end.saturating_sub(2) {
            child += usize::from(self.at_most(child, child + 1));
            self.heap[pos] = self.heap[child];
            pos = child;
            child = 2 * pos + 1;
        }
        if child == end - 1 {
            self.heap[pos] = self.heap[child];
            pos = child;
        }
        self.heap[pos] = moving;
        self.sift_up(start, pos);
    }
}

thread_local! {
    static SPARE: RefCell<Spare<'static>> = RefCell::default();
}

/// Buffers kept for the next search at most (a search seldom has more
/// states alive at once).
const MAX_SPARE: usize = 4096;

impl<'f> Spare<'f> {
    /// Keeps the buffers of the states a search left on its frontier, and
    /// the frontier's storage.
    fn put_back(&mut self, mut left: Frontier<'f>) {
        for state in left.slots.drain(..).flatten() {
            if self.outs.len() >= MAX_SPARE {
                break;
            }
            self.keep(state);
        }
        left.clear();
        self.frontier = left;
    }

    fn keep(&mut self, state: State<'f>) {
        self.outs.push(state.out);
        self.starts.push(state.starts);
    }

    fn out(&mut self) -> String {
        let mut out = self.outs.pop().unwrap_or_default();
        out.clear();
        out
    }

    fn starts(&mut self) -> Vec<(u32, Option<Cursor<'f>>)> {
        let mut starts = self.starts.pop().unwrap_or_default();
        starts.clear();
        starts
    }
}

/// The state after appending `piece`, if some lexicon word (or compound
/// part) can still start that way and it is no less likely than `floor`
/// ([`floor`]).
#[allow(clippy::too_many_arguments)]
fn advance<'f>(
    (lex, vocabulary): (&'f Lexicon, &[Box<str>]),
    spare: &mut Spare<'f>,
    state: &State<'f>,
    piece: &str,
    next: usize,
    (logp, posterior): (f64, f64),
    edits: u8,
    (seen, floor): (&str, f64),
) -> Option<State<'f>> {
    let logp = state.logp + logp;
    let priority = state.priority + posterior;
    if logp < LOGP_FLOOR || priority < floor {
        return None;
    }
    let mut out = spare.out();
    out.push_str(&state.out);
    out.push_str(piece);
    let mut starts = spare.starts();
    let mut part_ends = false;
    for &start in &state.starts {
        if let Some((start, ends)) = step_start((lex, vocabulary), start, &out, piece) {
            starts.push(start);
            part_ends |= ends;
        }
    }
    if starts.is_empty() {
        spare.outs.push(out);
        spare.starts.push(starts);
        return None;
    }
    let mut child = State {
        priority,
        logp,
        at: next,
        out,
        starts,
        edits: state.edits + edits,
        restored_drop: state.restored_drop,
        not_only_diacritics: state.not_only_diacritics,
    };
    begin_part_if(lex, &mut child, part_ends, seen);
    Some(child)
}

/// Makes the state its own child with its next letter `c` kept (ln
/// `keep`), as [`advance`] makes a child, its text and starts extended in
/// place; false if the child is not made (the state is then of no more
/// use). The search is done with a state once this, its last child, is
/// made, and most states are made so (copying the parent's buffers cost
/// 3% of a batch's instructions, measured with callgrind).
fn keep_letter<'f>(
    (lex, vocabulary): (&'f Lexicon, &[Box<str>]),
    state: &mut State<'f>,
    c: char,
    keep: f64,
    (seen, floor): (&str, f64),
) -> bool {
    // A kept letter undoes no confusion: the search order is unchanged.
    let logp = state.logp + keep;
    if logp < LOGP_FLOOR || state.priority < floor {
        return false;
    }
    // (A letter pushed, not a string: no call of `memcpy` for a byte.)
    state.out.push(c);
    let mut buf = [0u8; 4];
    let piece = c.encode_utf8(&mut buf);
    let mut alive = 0;
    let mut part_ends = false;
    for i in 0..state.starts.len() {
        let start = state.starts[i];
        if let Some((start, ends)) = step_start((lex, vocabulary), start, &state.out, piece) {
            state.starts[alive] = start;
            alive += 1;
            part_ends |= ends;
        }
    }
    if alive == 0 {
        return false;
    }
    state.starts.truncate(alive);
    state.logp = logp;
    state.at += piece.len();
    begin_part_if(lex, state, part_ends, seen);
    true
}

/// One of a state's starts after `piece`, which `out` now ends with: the
/// start with its cursor moved on, if a lexicon word (or, from the
/// word's beginning, a word of the context vocabulary) still begins there
/// that way; and whether a compound part may end with `out` there.
/// (In line: it is the inner loop of every step.)
#[inline(always)]
fn step_start<'f>(
    (lex, vocabulary): (&'f Lexicon, &[Box<str>]),
    (s, cursor): (u32, Option<Cursor<'f>>),
    out: &str,
    piece: &str,
) -> Option<((u32, Option<Cursor<'f>>), bool)> {
    let cursor = cursor.and_then(|c| lex.advance(c, piece.as_bytes()));
    if cursor.is_none() && !(s == 0 && has_prefix(vocabulary, out)) {
        return None;
    }
    let part_ends = cursor
        .and_then(Cursor::value)
        .map(raw_flags)
        .is_some_and(|f| f.begin() || f.middle() || f.standalone());
    Some(((s, cursor), out.len() - s as usize >= 2 && part_ends))
}

/// Where a compound part may end with the state's text, and more of the
/// word follows, the next part may begin.
fn begin_part_if<'f>(lex: &'f Lexicon, state: &mut State<'f>, part_ends: bool, seen: &str) {
    if part_ends && state.at < seen.len() {
        state.starts.push((out_len(&state.out), Some(lex.start())));
    }
}

/// How unlikely a state may be and still be made. In the heap's order,
/// every state above [`PRIORITY_FLOOR`] is, as ever. In the quick order not
/// one the search would give up at (`give_up_below`, the best found less
/// [`GIVE_UP_BELOW_BEST`]): such a state would end the search when taken
/// up, and whatever is taken up instead is no likelier, so ends it too; a
/// third of the states made were never taken up.
fn floor(order: Order, give_up_below: f64) -> f64 {
    match order {
        Order::Quick => PRIORITY_FLOOR.max(give_up_below),
        Order::Heap => PRIORITY_FLOOR,
    }
}

/// Where the next part would begin: offsets in a word are kept in 32 bits
/// (a start is then 24 bytes, not 32).
fn out_len(out: &str) -> u32 {
    u32::try_from(out.len()).expect("a word shorter than 4 GB")
}

/// Whether a finished candidate can be a word at all: it is a lexicon key
/// itself, or the part begun at one of its starts may end a compound (every
/// part of a compound begins at a start), or the context vocabulary has it.
/// `accept` may run a full compound split; most strings the search finishes
/// fail this cheap test first, and none that fails it could pass `accept`.
fn may_be_word(vocabulary: &[Box<str>], state: &State<'_>) -> bool {
    state.starts.iter().any(|&(start, cursor)| {
        cursor.and_then(Cursor::value).is_some_and(|value| {
            start == 0 || compounds::may_end(&state.out[start as usize..], raw_flags(value))
        })
    }) || (begins_a_word(state)
        && vocabulary
            .binary_search_by(|w| byte_order(w, &state.out))
            .is_ok())
}

/// Whether the state still has its start at the word's beginning (the
/// first of its starts, which are in order): it is dropped once neither a
/// lexicon key nor a word of the vocabulary begins with the state's text,
/// so without it the vocabulary need not be searched.
fn begins_a_word(state: &State<'_>) -> bool {
    state.starts.first().is_some_and(|&(start, _)| start == 0)
}

/// Whether a word of the sorted `words` starts with `prefix`.
pub fn has_prefix(words: &[Box<str>], prefix: &str) -> bool {
    let i = words.partition_point(|w| precedes(w, prefix));
    words.get(i).is_some_and(|w| w.starts_with(prefix))
}

/// `a < b`, byte by byte in line ([`byte_order`]).
fn precedes(a: &str, b: &str) -> bool {
    byte_order(a, b) == Ordering::Less
}

/// `a.cmp(b)`, byte by byte in line: the words a binary search compares,
/// and the texts of states the frontier compares, are short and mostly
/// differ in their first bytes, and a call of `memcmp` for each comparison
/// was most of what comparing cost.
fn byte_order(a: &str, b: &str) -> Ordering {
    match a.bytes().zip(b.bytes()).find(|(x, y)| x != y) {
        Some((x, y)) => x.cmp(&y),
        None => a.len().cmp(&b.len()),
    }
}

/// `rest.starts_with(ocr)` for the one or two bytes OCR printed, byte by
/// byte: a call of `memcmp` for each confusion tried at each step was most
/// of what trying it cost.
fn begins_with(rest: &[u8], ocr: &[u8]) -> bool {
    rest.len() >= ocr.len() && ocr.iter().zip(rest).all(|(a, b)| a == b)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Undoing lost diacritics changes only runs of letters that are or
    /// stand for æ, ø and å: every reading of a string has its skeleton,
    /// so strings of different skeletons share no reading.
    #[test]
    fn every_diacritic_reading_keeps_the_skeleton() {
        let c = Confusions::bundled();
        assert_eq!(c.diacritic_skeleton("baekkerup"), "b*kk*rup");
        assert_eq!(c.diacritic_skeleton("bzkkerup"), "b*kk*rup");
        assert_ne!(c.diacritic_skeleton("hjortsbzk"), "b*kk*rup");
        for form in [
            "baekkerup",
            "ba@khoj",
            "éstrzde",
            "&lund",
            "molled",
            "fjeoldstrup",
        ] {
            let skeleton = c.diacritic_skeleton(form);
            let mut readings = 0;
            let complete = c.each_diacritic_spelling(form, true, 10_000, &mut |s| {
                readings += 1;
                assert_eq!(
                    c.diacritic_skeleton(s.word),
                    skeleton,
                    "{form} -> {}",
                    s.word
                );
            });
            assert!(complete && readings > 1, "{form}");
        }
    }

    /// A string with more readings than the limit is given up, not cut.
    #[test]
    fn too_many_readings_are_given_up() {
        let c = Confusions::bundled();
        let mut n = 0;
        assert!(!c.each_diacritic_spelling("aeaeaeaeaeaeao", true, 5, &mut |_| n += 1));
        assert_eq!(n, 5);
    }

    #[test]
    fn the_table_loads_and_scores_common_damage_higher() {
        let c = Confusions::bundled();
        let a = &c.by_first[usize::from(b'a')];
        let a_for_aa = a.iter().find(|s| s.truth == "å").unwrap();
        let e = &c.by_first[usize::from(b'e')];
        let ee_for_ae = e.iter().find(|s| s.ocr == "ee").unwrap();
        assert!(a_for_aa.logp > ee_for_ae.logp);
    }

    #[test]
    fn a_dropped_letter_is_put_back_only_when_asked_and_once() {
        let lex = Lexicon::embedded();
        let c = Confusions::bundled();
        let words = |seen: &str, undo: Undo| -> Vec<String> {
            c.candidates(lex, &[], seen, true, undo, &|w| lex.is_word(w))
                .into_iter()
                .map(|f| f.word)
                .collect()
        };
        assert!(words("hjlp", Undo::AlsoDrops).contains(&"hjælp".to_string()));
        assert!(!words("hjlp", Undo::Confusions).contains(&"hjælp".to_string()));
        // One letter a word is put back, not two.
        assert!(words("gtefælle", Undo::AlsoDrops).contains(&"ægtefælle".to_string()));
        assert!(!words("gteflle", Undo::AlsoDrops).contains(&"ægtefælle".to_string()));
    }

    /// The search's cheap pre-check (`may_be_word`) must never turn away a
    /// word `accept` takes: every compound of clean text, and a word only the
    /// context vocabulary knows, is found as itself.
    #[test]
    fn words_and_compounds_are_found_as_themselves() {
        let lex = Lexicon::embedded();
        let c = Confusions::bundled();
        let training = ["01_socialomraadet.txt", "05_natur_vandloeb.txt"]
            .map(|f| {
                std::fs::read_to_string(format!(
                    "{}/corrections/training/{f}",
                    env!("CARGO_MANIFEST_DIR")
                ))
                .expect("training text")
            })
            .join(" ");
        let mut compounds: Vec<String> = training
            .split(|ch: char| !ch.is_alphabetic())
            .map(str::to_lowercase)
            .filter(|w| lex.entry(w).is_none() && lex.is_word(w))
            .collect();
        compounds.sort();
        compounds.dedup();
        assert!(compounds.len() > 20, "{compounds:?}");
        for word in &compounds {
            let found = c.candidates(lex, &[], word, true, Undo::Diacritics, &|w| lex.is_word(w));
            assert!(
                found.iter().any(|f| f.word == *word && f.edits == 0),
                "{word}: {found:?}"
            );
        }
        let vocabulary: [Box<str>; 1] = [Box::from("nezlo")];
        let found = c.candidates(lex, &vocabulary, "nezlo", true, Undo::Diacritics, &|w| {
            lex.is_word(w) || w == "nezlo"
        });
        assert!(found.iter().any(|f| f.word == "nezlo"), "{found:?}");
    }

    /// The quick order gives what the heap's order gives, reading for
    /// reading and channel for channel: over the words of clean minutes
    /// with their diacritics lost, searched in every way, some of them
    /// tying for likeliest (which `candidates` searches again in the
    /// heap's order).
    #[test]
    fn the_quick_order_finds_what_the_heaps_finds() {
        let lex = Lexicon::embedded();
        let c = Confusions::bundled();
        let dir = format!("{}/corrections/training", env!("CARGO_MANIFEST_DIR"));
        let text: String = std::fs::read_dir(dir)
            .expect("training minutes")
            .map(|entry| std::fs::read_to_string(entry.expect("entry").path()).unwrap_or_default())
            .collect();
        let mut words: Vec<String> = text
            .split(|ch: char| !ch.is_alphabetic())
            .filter(|w| w.chars().any(|ch| matches!(ch, 'æ' | 'ø' | 'å')))
            .map(|w| w.to_lowercase().replace(['æ', 'ø', 'å'], ""))
            .collect();
        words.extend(["lektiecaféen", "vret", "trnere", "ftft"].map(String::from));
        words.sort();
        words.dedup();
        assert!(words.len() > 1000, "{}", words.len());
        let accept = |w: &str| lex.is_word(w);
        let mut ties = 0;
        for word in &words {
            for undo in [Undo::Diacritics, Undo::Confusions, Undo::AlsoDrops] {
                let heap = c.search(lex, &[], word, true, undo, &accept, Order::Heap);
                let quick = c.search(lex, &[], word, true, undo, &accept, Order::Quick);
                ties += usize::from(quick.is_none());
                assert!(quick.is_none() || quick == heap, "{word} {undo:?}");
                let found = c.candidates(lex, &[], word, true, undo, &accept);
                assert_eq!(Some(found), heap, "{word} {undo:?}");
            }
        }
        assert!(ties > 0, "no search tied: the heap's order went untried");
    }

    #[test]
    fn damaged_words_find_their_repair() {
        let lex = Lexicon::embedded();
        let c = Confusions::bundled();
        for (seen, want) in [
            ("fzelles", "fælles"),
            ("omréadet", "området"),
            ("atholdt", "afholdt"),
            ("tveergdende", "tværgående"),
            ("underseogelse", "undersøgelse"),
        ] {
            let found = c.candidates(lex, &[], seen, true, Undo::Confusions, &|w| lex.is_word(w));
            assert!(found.iter().any(|f| f.word == want), "{seen}: {found:?}");
        }
    }
}
