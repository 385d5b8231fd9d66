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
/// letters and a few foreign ones, and one for anything else.
const SYMBOLS: u32 = 64;
const EDGE: u32 = 0;
const OTHER: u32 = SYMBOLS - 1;

/// The letters that have a symbol of their own, from symbol 1 on.
const LETTERS: &str = "abcdefghijklmnopqrstuvwxyzæøåéüöä";

/// The symbol of a (lower-case) letter: its place in [`LETTERS`] plus one.
fn symbol(c: char) -> u32 {
    match c {
        'a'..='z' => 1 + (c as u32 - 'a' as u32),
        _ => LETTERS
            .chars()
            .skip(26)
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

/// A history of up to [`HISTORY`] symbols and its length, packed: six bits
/// a symbol, the length above them.
#[derive(Clone, Copy)]
struct History {
    symbols: u32,
    len: u32,
}

impl History {
    fn key(self) -> u32 {
        self.len << 24 | self.symbols
    }

    /// The history with `s` added at the end, the oldest letter dropped
    /// once it is full.
    fn then(self, s: u32) -> History {
        let len = (self.len + 1).min(HISTORY as u32);
        let mask = (1 << (6 * len)) - 1;
        History {
            symbols: (self.symbols << 6 | s) & mask,
            len,
        }
    }

    /// The same history without its oldest letter.
    fn shorter(self) -> History {
        self.last(self.len.saturating_sub(1))
    }

    /// Its last `len` letters.
    fn last(self, len: u32) -> History {
        History {
            symbols: self.symbols & ((1 << (6 * len)) - 1),
            len,
        }
    }

    /// The full history before a word's first letter.
    fn start() -> History {
        (0..HISTORY).fold(History { symbols: 0, len: 0 }, |h, _| h.then(EDGE))
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
    /// By full history and symbol, packed.
    full: FxHashMap<u32, u32>,
}

impl Counter {
    pub fn add(&mut self, word: &str) {
        let mut history = History::start();
        for s in word.chars().map(symbol).chain([EDGE]) {
            *self.full.entry(history.symbols << 6 | s).or_default() += 1;
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
        for (&key, &n) in &self.full {
            let history: String = (0..HISTORY as u32)
                .rev()
                .map(|k| written((key >> (6 * (k + 1))) & 63))
                .collect();
            by_history
                .entry(history)
                .or_default()
                .push((written(key & 63), n));
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
    fn from_table(table: &str) -> Counter {
        let mut full = FxHashMap::default();
        for line in table.lines().filter(|l| !l.starts_with('#')) {
            let Some((history, letters)) = line.split_once('\t') else {
                continue;
            };
            let h = history.chars().fold(0, |h, c| h << 6 | read(c));
            let mut fields = letters.split(' ');
            while let (Some(c), Some(n)) = (fields.next(), fields.next()) {
                let (Some(c), Ok(n)) = (c.chars().next(), n.parse::<u32>()) else {
                    continue;
                };
                full.insert(h << 6 | read(c), n);
            }
        }
        Counter { full }
    }

    pub(crate) fn model(self) -> Spelling {
        let mut model = Spelling::default();
        for (key, n) in self.full {
            let s = key & 63;
            let mut h = History {
                symbols: key >> 6,
                len: HISTORY as u32,
            };
            loop {
                *model.counts.entry((h.key(), s)).or_default() += n;
                if h.len == 0 {
                    break;
                }
                h = h.shorter();
            }
        }
        for (&(h, _), &n) in &model.counts {
            let after = model.after.entry(h).or_default();
            after.total += n;
            after.kinds += 1;
        }
        model
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

/// The model: counts of each letter after each history.
#[derive(Debug, Clone, Default)]
pub struct Spelling {
    /// By (history key, symbol).
    counts: FxHashMap<(u32, u32), u32>,
    /// By history key.
    after: FxHashMap<u32, Seen>,
}

impl Spelling {
    /// The model of the committed counts (see [`count_names`]), read on
    /// first use (5 ms; only a page whose names are damaged in several
    /// ways asks).
    pub fn names() -> &'static Spelling {
        static MODEL: OnceLock<Spelling> = OnceLock::new();
        MODEL.get_or_init(|| Counter::from_table(NAME_SPELLING_TSV).model())
    }

    /// The model of the lexicon's lower-case words (see [`count_words`]),
    /// read on first use (7 ms; a page that lost its diacritics asks).
    pub fn words() -> &'static Spelling {
        static MODEL: OnceLock<Spelling> = OnceLock::new();
        MODEL.get_or_init(|| Counter::from_table(WORD_SPELLING_TSV).model())
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
        let count = |h: History| f64::from(self.counts.get(&(h.key(), s)).copied().unwrap_or(0));
        let seen = |h: History| self.after.get(&h.key()).copied().unwrap_or_default();
        let unigram = history.last(0);
        let all = seen(unigram);
        let mut p = (count(unigram) + 1.0) / (f64::from(all.total) + f64::from(SYMBOLS));
        for len in 1..=history.len {
            let h = history.last(len);
            let Seen { total, kinds } = seen(h);
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
        let seen = |h: History| m.after.get(&h.key()).copied().unwrap_or_default();
        // Every letter and every word's end, once each.
        let letters: u32 = ["mølle", "bøg", "sø"]
            .iter()
            .map(|w| w.chars().count() as u32 + 1)
            .sum();
        let three = Spelling::learn(["mølle", "bøg", "sø"].into_iter());
        let unigram = History { symbols: 0, len: 0 };
        assert_eq!(three.after[&unigram.key()].total, letters);
        // After `ø`: `l` (mølle), `g` (bøg) and the end (sø).
        let after_oe = unigram.then(symbol('ø'));
        let after = three.after[&after_oe.key()];
        assert_eq!((after.total, after.kinds), (3, 3));
        assert!(seen(after_oe).total > 3);
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
