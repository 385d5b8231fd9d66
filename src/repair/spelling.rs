//! How Danish is spelt: models of letters in context.
//!
//! A name no dictionary holds can still be read by how Danish names are
//! spelt: `Rødkær` and `Bøgelund` are Danish, `Rodkær` and `Bogelund` are
//! not, though an `o` is commoner than an `ø`. Each letter is weighed by
//! the three before it (an n-gram model of order four over the lexicon's
//! 244,000 name forms, each once), interpolated with the shorter histories
//! by Witten and Bell's method, so a history seen with few letters after it
//! trusts itself more than one seen with many. Names rather than the words
//! of clean minutes: those are mostly compounds of a few stems (`høring`,
//! `høringssvar`, `høringsfrist`...), and a model of them read `Hornsbæk`
//! as `Hørnsbæk` (tried at stop 17: cross-validation lost a name that
//! letter shares alone had read right).
//!
//! A second model, of the same order over the lexicon's 670,000 lower-case
//! word forms, says how Danish a string no dictionary holds looks:
//! `asfalterect` and `kunstpuljecn` end as no Danish word does, and are
//! far likelier damaged than right as written.

use std::sync::OnceLock;

use rustc_hash::FxHashMap;

use super::lexicon::{Entry, Lexicon};

/// Letters of history: the model is of order `HISTORY + 1`.
const HISTORY: usize = 3;

/// Symbols a letter is mapped to: 0 is the word's edge, the rest Danish
/// letters and a few foreign ones ([`LETTERS`]), and one for anything else.
const EDGE: u32 = 0;
const OTHER: u32 = 34;
/// How many symbols there are.
const USED: u32 = OTHER + 1;

/// The letters' own shares are smoothed as if there were this many
/// symbols (the model was first packed six bits a symbol): a letter never
/// seen keeps one count in `SYMBOLS` more than those seen. Every weight
/// depends on it.
const SYMBOLS: u32 = 64;

/// The letters that have a symbol of their own, from symbol 1 on.
const LETTERS: &str = "abcdefghijklmnopqrstuvwxyzæøåéüöä";

/// The symbol of a (lower-case) letter: its place in [`LETTERS`] plus one.
fn symbol(c: char) -> u32 {
    match c {
        'a'..='z' => 1 + (c as u32 - 'a' as u32),
        // (The 26 ASCII letters are 26 bytes: only the others are decoded.)
        _ => LETTERS[26..]
            .chars()
            .position(|l| l == c)
            .map_or(OTHER, |k| 27 + k as u32),
    }
}

/// How the committed table writes a symbol: `_` for a word's edge, `?`
/// for any other letter.
fn written(s: u32) -> char {
    match s {
        EDGE => '_',
        OTHER => '?',
        s => LETTERS.chars().nth(s as usize - 1).unwrap_or('?'),
    }
}

/// The symbol the committed table writes as `c`.
fn read(c: char) -> u32 {
    match c {
        '_' => EDGE,
        c => symbol(c),
    }
}

/// How many histories there are of each length: [`USED`] to its power.
const HISTORIES: [u32; HISTORY + 1] = [1, USED, USED * USED, USED * USED * USED];

/// A history of up to [`HISTORY`] symbols and its length. The symbols are
/// the digits of its index in base [`USED`], the latest the lowest, so
/// the model's tables are arrays by index, not maps.
#[derive(Clone, Copy)]
struct History {
    index: u32,
    len: u32,
}

impl History {
    /// The history with `s` added at the end, the oldest letter dropped
    /// once it is full.
    fn then(self, s: u32) -> History {
        let len = (self.len + 1).min(HISTORY as u32);
        History {
            index: (self.index * USED + s) % HISTORIES[len as usize],
            len,
        }
    }

    /// Its last `len` letters.
    fn last(self, len: u32) -> History {
        History {
            index: self.index % HISTORIES[len as usize],
            len,
        }
    }

    /// The full history before a word's first letter.
    fn start() -> History {
        (0..HISTORY).fold(History { index: 0, len: 0 }, |h, _| h.then(EDGE))
    }

    /// Where the count of `s` after this history is kept among those of
    /// its length.
    fn slot(self, s: u32) -> u32 {
        self.index * USED + s
    }
}

/// What was seen after one history: how many letters in all, and how many
/// different ones.
#[derive(Debug, Clone, Copy, Default)]
struct Seen {
    total: u32,
    kinds: u32,
}

/// Counts words as they come, for a [`Spelling`]: only the letters
/// after a full history are counted; the shorter histories' counts are
/// their sums (every history is full: a word's start is padded with its
/// edge).
#[derive(Default)]
pub struct Counter {
    /// By the slot of the symbol after its full history
    /// ([`History::slot`]).
    full: FxHashMap<u32, u32>,
}

impl Counter {
    pub fn add(&mut self, word: &str) {
        let mut history = History::start();
        for s in word.chars().map(symbol).chain([EDGE]) {
            *self.full.entry(history.slot(s)).or_default() += 1;
            history = history.then(s);
        }
    }

    /// The counts as `corrections/lexicon/name_spelling.tsv` holds them:
    /// a line per full history, sorted, with each letter seen after it and
    /// its count (`møl<TAB>e 812 l 90 _ 3`), under a header of `#` lines
    /// saying what was counted and how to derive it.
    pub fn table(&self, header: &str) -> String {
        let mut by_history: std::collections::BTreeMap<String, Vec<(char, u32)>> =
            Default::default();
        for (&slot, &n) in &self.full {
            let index = slot / USED;
            let history: String = (0..HISTORY)
                .rev()
                .map(|k| written(index / HISTORIES[k] % USED))
                .collect();
            by_history
                .entry(history)
                .or_default()
                .push((written(slot % USED), n));
        }
        let mut out = String::from(header);
        for (history, mut letters) in by_history {
            letters.sort();
            out.push_str(&history);
            out.push('\t');
            let letters: Vec<String> = letters.iter().map(|(c, n)| format!("{c} {n}")).collect();
            out.push_str(&letters.join(" "));
            out.push('\n');
        }
        out
    }

    /// Reads the counts back from a table [`Counter::table`] wrote.
    #[cfg(test)]
    fn from_table(table: &str) -> Counter {
        let mut full = FxHashMap::default();
        read_table(table, |index, letters| {
            for (s, n) in letters {
                full.insert(index * USED + s, n);
            }
        });
        Counter { full }
    }

    /// The model of these counts, read as the committed ones are.
    #[cfg(test)]
    fn model(&self) -> Spelling {
        Spelling::from_table(&self.table(""))
    }
}

/// `text` split at each space: a byte compared at a time (`str::split`
/// searches for a pattern, and was most of what reading a table cost).
fn fields(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = Some(text);
    std::iter::from_fn(move || {
        let text = rest?;
        match text.bytes().position(|b| b == b' ') {
            Some(at) => {
                rest = Some(&text[at + 1..]);
                Some(&text[..at])
            }
            None => {
                rest = None;
                Some(text)
            }
        }
    })
}

/// Hands each line of a table [`Counter::table`] wrote to `each`: the
/// index of its full history ([`History`]), and each letter seen after it
/// (its symbol) with its count.
fn read_table(table: &str, mut each: impl FnMut(u32, &mut dyn Iterator<Item = (u32, u32)>)) {
    for line in table.lines().filter(|l| !l.starts_with('#')) {
        let Some((history, letters)) = line.split_once('\t') else {
            continue;
        };
        let index = history.chars().fold(0, |h, c| h * USED + read(c));
        let mut fields = fields(letters);
        let mut letters = std::iter::from_fn(|| loop {
            let (c, n) = (fields.next()?, fields.next()?);
            if let (Some(c), Ok(n)) = (c.chars().next(), n.parse::<u32>()) {
                return Some((read(c), n));
            }
        });
        each(index, &mut letters);
    }
}

/// The lexicon's names counted: every form the lexicon marks as a proper
/// noun, capitalised, of letters only (`Hornsbæk`, `Hornsbæks`).
pub fn count_names(lexicon: &Lexicon) -> Counter {
    count(lexicon, |entry| entry.proper && !entry.lower_case)
}

/// The header of `corrections/lexicon/name_spelling.tsv`.
pub const NAMES_HEADER: &str = "\
# How the lexicon's names are spelt: each letter (`_` a name's edge, `?` a
# letter with no symbol of its own, such as ç or ñ) after the three before
# it, with its count. Derived by `cargo run --release --example
# derive_name_spelling` (spelling::Counter::table).
";

/// The lexicon's common words counted: every standalone form written in
/// lower case, of letters only (`asfalteret`, `kunstpuljen`).
pub fn count_words(lexicon: &Lexicon) -> Counter {
    count(lexicon, |entry| entry.standalone && entry.lower_case)
}

/// The header of `corrections/lexicon/word_spelling.tsv`.
pub const WORDS_HEADER: &str = "\
# How the lexicon's lower-case words are spelt: each letter (`_` a word's
# edge, `?` a letter with no symbol of its own) after the three before it,
# with its count. Derived by `cargo run --release --example
# derive_name_spelling words` (spelling::count_words).
";

fn count(lexicon: &Lexicon, counted: impl Fn(Entry) -> bool) -> Counter {
    let mut counter = Counter::default();
    lexicon.for_each_entry(|key, entry| {
        if counted(entry) && key.chars().all(char::is_alphabetic) {
            counter.add(key);
        }
    });
    counter
}

static NAME_SPELLING_TSV: &str = include_str!("../../corrections/lexicon/name_spelling.tsv");
static WORD_SPELLING_TSV: &str = include_str!("../../corrections/lexicon/word_spelling.tsv");

/// The model: counts of each letter after each history. (Arrays by a
/// history's index, not maps: reading the committed counts once a process
/// costs a few million instructions, not the tens of millions of hashing
/// every count into a map for each length of history.)
#[derive(Debug, Clone)]
pub struct Spelling {
    /// After each history shorter than [`HISTORY`]: the count of each
    /// symbol, by the history's length, then by [`History::slot`] (35^3
    /// slots at most).
    short: [Vec<u32>; HISTORY],
    /// The letters seen after the full histories (most letters never
    /// follow most histories), each with its count: those of one history
    /// side by side, from its place in `first` on.
    letters: Vec<(u32, u32)>,
    first: Vec<u32>,
    /// What was seen after each history, by its length, then by its index.
    after: [Vec<Seen>; HISTORY + 1],
}

impl Default for Spelling {
    /// The model of no words.
    fn default() -> Spelling {
        let full = HISTORIES[HISTORY] as usize;
        Spelling {
            short: std::array::from_fn(|len| vec![0; (HISTORIES[len] * USED) as usize]),
            letters: Vec::new(),
            first: vec![0; full],
            after: std::array::from_fn(|len| vec![Seen::default(); HISTORIES[len] as usize]),
        }
    }
}

impl Spelling {
    /// The model of the committed counts (see [`count_names`]), read on
    /// first use (about 16 million instructions; only a page whose names
    /// are damaged in several ways asks).
    pub fn names() -> &'static Spelling {
        static MODEL: OnceLock<Spelling> = OnceLock::new();
        MODEL.get_or_init(|| Spelling::from_table(NAME_SPELLING_TSV))
    }

    /// The model of the lexicon's lower-case words (see [`count_words`]),
    /// read on first use (about 16 million instructions; any page with a
    /// lower-case string the lexicon does not know asks).
    pub fn words() -> &'static Spelling {
        static MODEL: OnceLock<Spelling> = OnceLock::new();
        MODEL.get_or_init(|| Spelling::from_table(WORD_SPELLING_TSV))
    }

    /// The model of the counts of a table [`Counter::table`] wrote (a line
    /// for each full history, so its letters are read side by side).
    fn from_table(table: &str) -> Spelling {
        let mut model = Spelling::default();
        read_table(table, |index, letters| {
            let full = History {
                index,
                len: HISTORY as u32,
            };
            model.first[index as usize] = model.letters.len() as u32;
            for (s, n) in letters {
                model.letters.push((s, n));
                model.count(full, s, n);
            }
        });
        model
    }

    /// Counts `n` letters `s` after the full history `full` (whose own
    /// count [`Spelling::from_table`] keeps) and so after each of the
    /// shorter histories it ends with. (A table holds no count of 0: a
    /// letter is counted where it was seen.)
    fn count(&mut self, full: History, s: u32, n: u32) {
        for len in 0..HISTORY {
            let h = full.last(len as u32);
            let count = &mut self.short[len][h.slot(s) as usize];
            let seen = &mut self.after[len][h.index as usize];
            seen.kinds += u32::from(*count == 0);
            seen.total += n;
            *count += n;
        }
        let seen = &mut self.after[HISTORY][full.index as usize];
        seen.kinds += 1;
        seen.total += n;
    }

    /// How often `s` was seen after `h`.
    fn seen_after(&self, h: History, s: u32) -> u32 {
        if s >= USED {
            // One of the smoothing's symbols that no letter has.
            return 0;
        }
        if let Some(short) = self.short.get(h.len as usize) {
            return short[h.slot(s) as usize];
        }
        let first = self.first[h.index as usize] as usize;
        let kinds = self.seen(h).kinds as usize;
        self.letters[first..first + kinds]
            .iter()
            .find(|&&(letter, _)| letter == s)
            .map_or(0, |&(_, n)| n)
    }

    /// What was seen after `h`.
    fn seen(&self, h: History) -> Seen {
        self.after[h.len as usize][h.index as usize]
    }

    /// Learns from words (lower-case), each counted as often as given.
    #[cfg(test)]
    fn learn<'w>(words: impl Iterator<Item = &'w str>) -> Spelling {
        let mut counter = Counter::default();
        for word in words {
            counter.add(word);
        }
        counter.model()
    }

    /// ln P that a name begins with `letters` (a whole name's end is not
    /// weighed: a reading is compared with others of the same string, and
    /// with a head before a word that ends names).
    pub fn ln_p(&self, letters: &str) -> f64 {
        self.walk(letters).0
    }

    /// ln P of a whole word, its end weighed too (`-ect` is no Danish
    /// ending).
    pub fn ln_p_word(&self, letters: &str) -> f64 {
        let (ln, history) = self.walk(letters);
        ln + self.p(history, EDGE).ln()
    }

    /// ln P of `letters` from a word's start, and the history after them.
    fn walk(&self, letters: &str) -> (f64, History) {
        let mut history = History::start();
        let mut ln = 0.0;
        for s in letters.chars().map(symbol) {
            ln += self.p(history, s).ln();
            history = history.then(s);
        }
        (ln, history)
    }

    /// P(s | history), interpolated down to the letters' own shares
    /// (add-one, so a letter never seen keeps a little).
    fn p(&self, history: History, s: u32) -> f64 {
        let count = |h: History| f64::from(self.seen_after(h, s));
        let unigram = history.last(0);
        let all = self.seen(unigram);
        let mut p = (count(unigram) + 1.0) / (f64::from(all.total) + f64::from(SYMBOLS));
        for len in 1..=history.len {
            let h = history.last(len);
            let Seen { total, kinds } = self.seen(h);
            if total == 0 {
                break;
            }
            let (total, kinds) = (f64::from(total), f64::from(kinds));
            p = (count(h) + kinds * p) / (total + kinds);
        }
        p
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn model() -> Spelling {
        let words = [
            "mølle",
            "møller",
            "møllen",
            "mølleå",
            "møllebakken",
            "bøg",
            "bøgen",
            "bøgevej",
            "bøgelund",
            "sø",
            "søen",
            "søby",
            "molbo",
            "moler",
            "bog",
            "boger",
            "bold",
            "mose",
            "mosevej",
            "mål",
            "måle",
            "målet",
            "år",
            "året",
            "kær",
            "kærby",
            "kærvej",
            "vænget",
            "lærk",
            "lærke",
        ];
        Spelling::learn(words.into_iter())
    }

    /// The symbols are the letters' places, and one more for the others.
    #[test]
    fn every_letter_has_its_own_symbol() {
        assert_eq!(OTHER as usize, LETTERS.chars().count() + 1);
        let symbols: Vec<u32> = LETTERS.chars().map(symbol).collect();
        assert_eq!(symbols, (1..OTHER).collect::<Vec<u32>>());
        assert_eq!(symbol('ç'), OTHER);
        const { assert!(USED <= SYMBOLS) };
    }

    #[test]
    fn danish_spellings_are_likelier_than_their_lost_letters() {
        let m = model();
        assert!(m.ln_p("møllebæk") > m.ln_p("mollebæk"));
        assert!(m.ln_p("bøgevænget") > m.ln_p("bogevænget"));
        assert!(m.ln_p("kærvej") > m.ln_p("karvej"));
        // But what the words show is kept: `bold` is spelt with an o.
        assert!(m.ln_p("bold") > m.ln_p("bøld"));
    }

    #[test]
    fn probabilities_sum_to_one_over_the_next_letter() {
        let m = model();
        for prefix in ["", "m", "møl", "bøgev", "xq"] {
            let mut h = History::start();
            for s in prefix.chars().map(symbol) {
                h = h.then(s);
            }
            let total: f64 = (0..SYMBOLS).map(|s| m.p(h, s)).sum();
            assert!((total - 1.0).abs() < 1e-9, "{prefix}: {total}");
        }
    }

    /// Counting only full histories and summing them gives what counting
    /// every history as the words are read would.
    #[test]
    fn shorter_histories_count_what_the_words_show() {
        let m = model();
        // Every letter and every word's end, once each.
        let letters: u32 = ["mølle", "bøg", "sø"]
            .iter()
            .map(|w| w.chars().count() as u32 + 1)
            .sum();
        let three = Spelling::learn(["mølle", "bøg", "sø"].into_iter());
        let unigram = History { index: 0, len: 0 };
        assert_eq!(three.seen(unigram).total, letters);
        // After `ø`: `l` (mølle), `g` (bøg) and the end (sø).
        let after_oe = unigram.then(symbol('ø'));
        let after = three.seen(after_oe);
        assert_eq!((after.total, after.kinds), (3, 3));
        assert!(m.seen(after_oe).total > 3);
        assert!(Spelling::default().ln_p("abc").is_finite());
    }

    /// The committed table reads back as the counts it was written from.
    #[test]
    fn the_table_reads_back_as_written() {
        let mut counter = Counter::default();
        for word in ["mølle", "bøgevej", "søby", "çelik"] {
            counter.add(word);
        }
        let table = counter.table(NAMES_HEADER);
        assert!(table.contains("__m\tø 1\n"), "{table}");
        assert!(table.contains("vej\t_ 1\n"), "{table}");
        assert_eq!(Counter::from_table(&table).full, counter.full);
    }
}
