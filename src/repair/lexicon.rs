//! The Danish lexicon: every word form of the hunspell-da dictionary
//! (Stavekontrolden), with what each form may do in a compound and how
//! frequent it is in Danish text (wordfreq).
//!
//! The data is derived, not typed: `scripts/derive-lexicon.sh` expands the
//! hunspell affix rules and compiles the forms into an `fst::Map`
//! (`corrections/lexicon/da.fst`), which is compiled into the binary. Opening
//! it reads only the fst header, so start-up costs nothing measurable and the
//! program never needs hunspell at run time. Provenance and licences are in
//! `corrections/lexicon/README.md`.
//!
//! Keys are lowercase NFC. The value of a key packs the flags of all its case
//! variants (ORed together) in the low bits and the Zipf frequency times 100
//! in bits 16..32; [`pack`] is the one place that defines the layout.
//!
//! Performance: a lookup walks the automaton byte by byte without
//! allocating; [`Lexicon::is_word`] falls back to [`compounds::split`] only
//! for words that are not forms of their own. Every walk (a lookup, the
//! candidate search, the compound split) steps through a [`Trie`]: the same
//! automaton in plain arrays, since decoding the fst's compact nodes at
//! every step was a third of a batch's instructions. The arrays are derived
//! data like the fst, checked in as `corrections/lexicon/da.trie` (laid out
//! by [`Lexicon::lay_out_fst`], `cargo run --release --example derive_trie`;
//! a test fails when they are stale): laid out at run time they cost every
//! process 150 M instructions.

use std::sync::OnceLock;

use fst::raw::Fst;

use super::compounds;

use super::trie_layout as layout;
use layout::NOT_FINAL;

static DA_FST: &[u8] = include_bytes!("../../corrections/lexicon/da.fst");

/// The embedded lexicon's abbreviations written with a full stop (`vedr.`,
/// `dr.`, `cand.merc.`), one a line: derived from it by [`dotted_table`]
/// (`cargo run --example derive_dotted`) and committed; tests/lexicon.rs
/// checks the two agree.
static DOTTED_TSV: &str = include_str!("../../corrections/lexicon/dotted.tsv");

const STANDALONE: u64 = 1;
const BEGIN: u64 = 1 << 1;
const MIDDLE: u64 = 1 << 2;
const END: u64 = 1 << 3;
const PROPER: u64 = 1 << 4;
/// Some variant is written in capitals only (an abbreviation such as MED).
const UPPER: u64 = 1 << 5;
/// Hunspell's FORBIDDENWORD: never a word, not even as a compound.
const FORBIDDEN: u64 = 1 << 6;
const LOWER_CASE: u64 = 1 << 7;
const INFINITIVE: u64 = 1 << 8;
const PARTICIPLE: u64 = 1 << 9;
const PAST: u64 = 1 << 10;
const OTHER_READING: u64 = 1 << 11;
const ZIPF_OF_STEM: u64 = 1 << 12;
const ZIPF_SHIFT: u32 = 16;

/// What the lexicon knows about one lowercase form.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Entry {
    /// A word on its own (not only inside compounds).
    pub standalone: bool,
    /// May begin a compound (with its joint, e.g. "udviklings").
    pub compound_begin: bool,
    /// May stand between two other parts of a compound.
    pub compound_middle: bool,
    /// May end a compound.
    pub compound_end: bool,
    /// Some variant is capitalised in the dictionary: a name, place or
    /// abbreviation ("hanne", "kl"). Case variants are merged, so a key can be
    /// both a proper noun and a common word.
    pub proper: bool,
    /// Some variant is written in capitals only: an abbreviation (`MED`,
    /// `DR`).
    pub abbreviation: bool,
    /// Some variant is written in lower case: a common word. `dr` is not
    /// (the dictionary has `DR` and `dr.`), `lin` is (and `Lin` too).
    pub lower_case: bool,
    /// Some variant is a verb's infinitive, active or passive (`behandle`,
    /// `behandles`).
    pub infinitive: bool,
    /// Some variant is a past participle (`ført`, `blevet`).
    pub participle: bool,
    /// Some variant is a verb in the past tense (`kørte`).
    pub past: bool,
    /// Some variant is none of these three verb forms: a noun, an
    /// adjective, a regular verb's present tense (`arbejdet` is a noun
    /// too). Many irregular forms (`har`, `er`, `vil`) have no class at all.
    pub other_reading: bool,
    /// `zipf` is not the form's own but its stem's: a joint form
    /// (`barne`, `forsøgs`) wordfreq does not rank. Inside a compound that
    /// is its frequency; as a word of its own it is rarer than
    /// [`WORDFREQ_FLOOR`].
    pub zipf_of_stem: bool,
    /// Zipf frequency in Danish text (wordfreq); 0.0 if wordfreq does not
    /// list the form.
    pub zipf: f32,
}

/// wordfreq's Danish list ends at this Zipf frequency: every form it ranks
/// is at least this common, so one it does not rank is rarer.
pub const WORDFREQ_FLOOR: f32 = 3.0;

/// The value stored for a key; used by `examples/build_lexicon.rs`.
pub fn pack(entry: &Entry, forbidden: bool) -> u64 {
    let bits = [
        (entry.standalone, STANDALONE),
        (entry.compound_begin, BEGIN),
        (entry.compound_middle, MIDDLE),
        (entry.compound_end, END),
        (entry.proper, PROPER),
        (entry.lower_case, LOWER_CASE),
        (entry.abbreviation, UPPER),
        (entry.infinitive, INFINITIVE),
        (entry.participle, PARTICIPLE),
        (entry.past, PAST),
        (entry.other_reading, OTHER_READING),
        (entry.zipf_of_stem, ZIPF_OF_STEM),
        (forbidden, FORBIDDEN),
    ];
    let flags = bits
        .iter()
        .filter(|(on, _)| *on)
        .fold(0, |acc, (_, bit)| acc | bit);
    let zipf = (entry.zipf * 100.0).round().clamp(0.0, 65535.0) as u64;
    flags | zipf << ZIPF_SHIFT
}

fn unpack(value: u64) -> Entry {
    if value & FORBIDDEN != 0 {
        return Entry::default();
    }
    Entry {
        standalone: value & STANDALONE != 0,
        compound_begin: value & BEGIN != 0,
        compound_middle: value & MIDDLE != 0,
        compound_end: value & END != 0,
        proper: value & PROPER != 0,
        abbreviation: value & UPPER != 0,
        lower_case: value & LOWER_CASE != 0,
        infinitive: value & INFINITIVE != 0,
        participle: value & PARTICIPLE != 0,
        past: value & PAST != 0,
        other_reading: value & OTHER_READING != 0,
        zipf_of_stem: value & ZIPF_OF_STEM != 0,
        zipf: ((value >> ZIPF_SHIFT) & 0xffff) as f32 / 100.0,
    }
}

/// The embedded Danish lexicon. See the module documentation.
pub struct Lexicon {
    map: fst::Map<&'static [u8]>,
    /// The same automaton laid out flat for walking and looking up (see
    /// [`Trie`]).
    trie: Trie,
}

/// The fst's states and transitions in plain arrays (290,000 states and
/// 530,000 transitions, 9 MB): a step is a short scan of a byte slice, or
/// one load from a wide state's table, where the fst decodes a compact
/// node. The embedded lexicon's are laid out by `build.rs` and only
/// decoded here (5 M instructions): laid out from the fst at run time, they
/// cost 150 M instructions a process, a third of `referat fix` on a page
/// (callgrind). The pairs are decoded into vectors, not read from the
/// bytes at each step: that cost a batch 1% more instructions. See
/// [`layout`] for the bytes.
/// Values are below 2^32 by [`pack`]'s layout, so outputs are kept in 32
/// bits.
struct Trie {
    /// Per state: where its transitions begin, and its final output or
    /// [`NOT_FINAL`]; one more entry than states, whose start ends the
    /// last state's transitions. (Side by side, so a step reads one line
    /// of memory for the state, one for its inputs and one for the move.)
    states: Vec<(u32, u32)>,
    /// Per transition, sorted by input within a state: the input byte,
    /// and the state it leads to with its output.
    inputs: &'static [u8],
    moves: Vec<(u32, u32)>,
    /// Per wide state (the states numbered first, the root among them):
    /// per input byte, its transition's place among the state's plus one,
    /// 0 for none. A step from the root, where every compound part of the
    /// candidate search begins, or from another state of dozens of
    /// transitions is one load, not a binary search (about 4,300 states,
    /// 1 MB).
    wide: &'static [u8],
}

/// The embedded fst opened. (The files are checked in and tested
/// (tests/lexicon.rs); a broken one is a build defect, not a run-time
/// condition.)
fn embedded_map() -> fst::Map<&'static [u8]> {
    fst::Map::new(DA_FST).expect("corrections/lexicon/da.fst is a valid fst")
}

/// The embedded lexicon's [`Trie`], as [`Lexicon::lay_out_fst`] lays it out.
static DA_TRIE: &[u8] = include_bytes!("../../corrections/lexicon/da.trie");

/// The `u32` at `at` in little-endian `bytes`.
fn u32_at(bytes: &[u8], at: usize) -> u32 {
    u32::from_le_bytes(bytes[at..at + 4].try_into().expect("four bytes"))
}

/// The pair of `u32`s at place `i` in little-endian `bytes`.
#[inline(always)]
fn pair_at(bytes: &[u8], i: usize) -> (u32, u32) {
    let both = u64::from_le_bytes(bytes[8 * i..8 * i + 8].try_into().expect("eight bytes"));
    (both as u32, (both >> 32) as u32)
}

impl Trie {
    /// The trie in `bytes`, as [`layout::lay_out`] writes them.
    fn read(bytes: &'static [u8]) -> Trie {
        // A checked-in file cut short (an interrupted write, a Git LFS
        // pointer) is a build defect: say which file and how to mend it.
        const BROKEN: &str = "corrections/lexicon/da.trie is not a whole trie: \
                              cargo run --release --example derive_trie";
        assert!(bytes.len() >= 12, "{BROKEN}");
        let entries = u32_at(bytes, 0) as usize;
        let transitions = u32_at(bytes, 4) as usize;
        let wide = u32_at(bytes, 8) as usize;
        let whole = 12 + entries * 8 + transitions * 9 + wide * 256;
        assert_eq!(bytes.len(), whole, "{BROKEN}");
        let (states, rest) = bytes[12..].split_at(entries * 8);
        let (inputs, rest) = rest.split_at(transitions);
        let (moves, wide_tables) = rest.split_at(transitions * 8);
        let pairs = |bytes: &[u8]| (0..bytes.len() / 8).map(|i| pair_at(bytes, i)).collect();
        Trie {
            states: pairs(states),
            inputs,
            moves: pairs(moves),
            wide: wide_tables,
        }
    }

    /// The trie of an fst other than the embedded one, laid out now.
    fn lay_out(fst: &Fst<&'static [u8]>) -> Trie {
        Trie::read(Box::leak(layout::lay_out(fst).into_boxed_slice()))
    }

    /// Where a state's transitions begin, and its final output.
    fn state(&self, state: u32) -> (u32, u32) {
        self.states[state as usize]
    }

    /// The state and output after one byte from `state`, if a key goes on
    /// that way.
    fn step(&self, state: u32, byte: u8) -> Option<(u32, u32)> {
        let s = state as usize;
        let i = match self.wide.get(s * 256 + usize::from(byte)) {
            Some(&place) => {
                let place = usize::from(place.checked_sub(1)?);
                self.state(state).0 as usize + place
            }
            None => {
                let (lo, hi) = (
                    self.state(state).0 as usize,
                    self.state(state + 1).0 as usize,
                );
                // Most states have a transition or two.
                lo + self.inputs[lo..hi].iter().position(|&b| b == byte)?
            }
        };
        Some(self.moves[i])
    }

    /// The value of the key ending in `state` reached with `output`, if
    /// one does.
    fn value(&self, state: u32, output: u32) -> Option<u64> {
        let last = self.state(state).1;
        (last != NOT_FINAL).then(|| u64::from(output) + u64::from(last))
    }
}

/// Whether the embedded lexicon holds `lower` with a full stop after it
/// (`vedr` for `vedr.`; every such form is an abbreviation). A set of its
/// few hundred such forms, not a walk of the trie: the repair asks it of
/// every word before a full stop, and the walk, which reaches the stop
/// only to fail there, was 3% of a warm repair (perf). It answers for
/// [`Lexicon::embedded`], the repair's only lexicon.
pub fn is_dotted_abbreviation(lower: &str) -> bool {
    static DOTTED: OnceLock<rustc_hash::FxHashSet<&'static str>> = OnceLock::new();
    DOTTED
        .get_or_init(|| {
            DOTTED_TSV
                .lines()
                .filter(|line| !line.starts_with('#'))
                .filter_map(|line| line.strip_suffix('.'))
                .collect()
        })
        .contains(lower)
}

/// `corrections/lexicon/dotted.tsv` as the lexicon gives it: every form
/// that ends in a full stop (forbidden forms left out, as
/// [`Lexicon::entry`] leaves them out), in byte order.
pub fn dotted_table(lex: &Lexicon) -> String {
    let mut out = String::from(
        "# Abbreviations written with a full stop: derived from the lexicon by\n\
         # `cargo run --example derive_dotted` (lexicon::dotted_table).\n",
    );
    lex.for_each_entry(|key, _| {
        if key.ends_with('.') {
            out.push_str(key);
            out.push('\n');
        }
    });
    out
}

impl std::fmt::Debug for Lexicon {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Lexicon").field("len", &self.len()).finish()
    }
}

impl Lexicon {
    /// The lexicon compiled into the binary, opened on first use.
    pub fn embedded() -> &'static Lexicon {
        static LEXICON: OnceLock<Lexicon> = OnceLock::new();
        LEXICON.get_or_init(Lexicon::open)
    }

    /// The lexicon compiled into the binary, opened anew: what
    /// [`Lexicon::embedded`] does once a process (reading the trie's arrays
    /// is most of it). For the start-up bench; use `embedded`.
    pub fn open() -> Lexicon {
        Lexicon {
            map: embedded_map(),
            trie: Trie::read(DA_TRIE),
        }
    }

    /// The bytes of `corrections/lexicon/da.trie`: the embedded fst laid
    /// out as the trie the walks step through (read from the fst alone, so
    /// a stale trie does not stand in the way of laying out a new one).
    pub fn lay_out_fst() -> Vec<u8> {
        layout::lay_out(embedded_map().as_fst())
    }

    /// A lexicon with no words: a candidate search over it finds only the
    /// words of the list it is given beside it (see
    /// [`Confusions::candidates`](super::confusions::Confusions::candidates)).
    pub(crate) fn empty() -> &'static Lexicon {
        static BYTES: OnceLock<Vec<u8>> = OnceLock::new();
        static EMPTY: OnceLock<Lexicon> = OnceLock::new();
        EMPTY.get_or_init(|| {
            let bytes = BYTES.get_or_init(|| {
                fst::MapBuilder::memory()
                    .into_inner()
                    .expect("an empty fst builds in memory")
            });
            let map = fst::Map::new(bytes.as_slice()).expect("an empty fst is valid");
            let trie = Trie::lay_out(map.as_fst());
            Lexicon { map, trie }
        })
    }

    /// The entry for a lowercase NFC form, if the dictionary has that form.
    /// Forbidden forms (hunspell's FORBIDDENWORD) have no entry.
    pub fn entry(&self, lower: &str) -> Option<Entry> {
        let value = self.value(lower)?;
        (value & FORBIDDEN == 0).then(|| unpack(value))
    }

    /// Every form with its entry, in byte order (forbidden forms left
    /// out): for deriving data from the lexicon, not for the repair's
    /// lookups.
    pub fn for_each_entry(&self, mut f: impl FnMut(&str, Entry)) {
        use fst::{IntoStreamer, Streamer};
        let mut stream = self.map.into_stream();
        while let Some((key, value)) = stream.next() {
            if value & FORBIDDEN == 0 {
                if let Ok(key) = std::str::from_utf8(key) {
                    f(key, unpack(value));
                }
            }
        }
    }

    /// A standalone form, or a compound of lexicon parts
    /// ([`compounds::split`]).
    pub fn is_word(&self, lower: &str) -> bool {
        self.is_word_or(lower, || compounds::split(self, lower).is_some())
    }

    /// [`Lexicon::is_word`], with `compound` asked whether a string that
    /// is no standalone or forbidden form is a compound (a cache of the
    /// split, say): the key is looked up once either way.
    pub(crate) fn is_word_or(&self, lower: &str, compound: impl FnOnce() -> bool) -> bool {
        match self.value(lower) {
            Some(value) if value & FORBIDDEN != 0 => false,
            Some(value) if value & STANDALONE != 0 => true,
            _ => compound(),
        }
    }

    /// [`Lexicon::entry`], and whether the lexicon holds the key at all (a
    /// forbidden form has no entry): both from one walk.
    pub(crate) fn entry_and_key(&self, lower: &str) -> (Option<Entry>, bool) {
        match self.value(lower) {
            None => (None, false),
            Some(value) => ((value & FORBIDDEN == 0).then(|| unpack(value)), true),
        }
    }

    /// The value stored for a key, read from the trie (a step there is
    /// cheaper than in the fst).
    fn value(&self, lower: &str) -> Option<u64> {
        self.advance(self.start(), lower.as_bytes())?.value()
    }

    /// Whether the lexicon holds `lower` as a key at all (a forbidden
    /// form included): a walk of the automaton reaches it.
    pub(crate) fn has_key(&self, lower: &str) -> bool {
        self.value(lower).is_some()
    }

    /// Whether some key starts with `lower_prefix` (the empty prefix
    /// included): lets candidate generation stop early on dead ends.
    pub fn has_prefix(&self, lower_prefix: &str) -> bool {
        self.advance(self.start(), lower_prefix.as_bytes())
            .is_some()
    }

    /// The Zipf frequency of a form; 0.0 if unknown.
    pub fn zipf(&self, lower: &str) -> f32 {
        self.entry(lower).map_or(0.0, |entry| entry.zipf)
    }

    /// The number of keys (forbidden forms included).
    pub fn len(&self) -> usize {
        self.map.len()
    }

    /// Never true for the embedded lexicon; here because clippy expects it
    /// beside `len`.
    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }

    /// Calls `found(end, entry)` for every key that is a prefix of
    /// `lower[start..]`, shortest first; `end` is the byte offset in `lower`
    /// where the key ends. One walk of the fst, no allocation: the workhorse
    /// of compound splitting.
    pub(crate) fn for_each_prefix_key(
        &self,
        lower: &str,
        start: usize,
        mut found: impl FnMut(usize, u64),
    ) {
        let trie = &self.trie;
        let (mut state, mut output) = (0, 0);
        for (offset, &byte) in lower.as_bytes()[start..].iter().enumerate() {
            let Some((next, out)) = trie.step(state, byte) else {
                return;
            };
            (state, output) = (next, output + out);
            let end = start + offset + 1;
            if let Some(value) = trie.value(state, output) {
                if lower.is_char_boundary(end) {
                    found(end, value);
                }
            }
        }
    }
}

/// A position in the lexicon's automaton: the state reached and the output
/// summed on the way. Lets compound checks and the candidate search share
/// the walk along a word's common prefix.
#[derive(Clone, Copy)]
pub(crate) struct Cursor<'f> {
    trie: &'f Trie,
    state: u32,
    /// (A part of a value, so below 2^32; in 32 bits a cursor is 16
    /// bytes, and the candidate search keeps several a state.)
    output: u32,
}

impl Cursor<'_> {
    /// The value of the key that ends at this cursor, if one does.
    pub(crate) fn value(self) -> Option<u64> {
        self.trie.value(self.state, self.output)
    }
}

impl Lexicon {
    /// The cursor before any byte.
    pub(crate) fn start(&self) -> Cursor<'_> {
        Cursor {
            trie: &self.trie,
            state: 0,
            output: 0,
        }
    }

    /// The cursor after `bytes`, if some key continues that way.
    pub(crate) fn advance<'f>(&'f self, cursor: Cursor<'f>, bytes: &[u8]) -> Option<Cursor<'f>> {
        let (mut state, mut output) = (cursor.state, cursor.output);
        for &byte in bytes {
            let (next, out) = cursor.trie.step(state, byte)?;
            (state, output) = (next, output + out);
        }
        Some(Cursor {
            trie: cursor.trie,
            state,
            output,
        })
    }
}

/// Flags of a raw value, for [`compounds`].
pub(crate) fn raw_flags(value: u64) -> RawFlags {
    RawFlags(value)
}

/// The flags of a value found by [`Lexicon::for_each_prefix_key`].
#[derive(Clone, Copy, Debug)]
pub(crate) struct RawFlags(u64);

impl RawFlags {
    fn has(self, bit: u64) -> bool {
        self.0 & FORBIDDEN == 0 && self.0 & bit != 0
    }
    pub(crate) fn begin(self) -> bool {
        self.has(BEGIN)
    }
    pub(crate) fn middle(self) -> bool {
        self.has(MIDDLE)
    }
    pub(crate) fn end(self) -> bool {
        self.has(END)
    }
    pub(crate) fn standalone(self) -> bool {
        self.has(STANDALONE)
    }
    pub(crate) fn proper(self) -> bool {
        self.has(PROPER)
    }
    pub(crate) fn forbidden(self) -> bool {
        self.0 & FORBIDDEN != 0
    }
    pub(crate) fn zipf100(self) -> u32 {
        ((self.0 >> ZIPF_SHIFT) & 0xffff) as u32
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pack_and_unpack_agree() {
        let entry = Entry {
            standalone: true,
            compound_begin: false,
            compound_middle: true,
            compound_end: true,
            proper: true,
            abbreviation: true,
            lower_case: false,
            infinitive: true,
            participle: false,
            past: true,
            other_reading: false,
            zipf_of_stem: false,
            zipf: 4.57,
        };
        assert_eq!(unpack(pack(&entry, false)), entry);
        let common = Entry {
            lower_case: true,
            participle: true,
            past: false,
            other_reading: true,
            zipf_of_stem: true,
            ..entry
        };
        assert_eq!(unpack(pack(&common, false)), common);
    }

    #[test]
    fn verb_classes_come_from_the_dictionary() {
        let lex = Lexicon::embedded();
        // (infinitive, participle, past, other)
        let class = |w: &str| {
            let e = lex.entry(w).unwrap();
            (e.infinitive, e.participle, e.past, e.other_reading)
        };
        // Regular forms come from the affix rules' morphology tags; a zero
        // suffix (compound rights) keeps the class.
        assert_eq!(class("behandle"), (true, false, false, false));
        assert_eq!(class("behandles"), (true, false, false, false));
        assert_eq!(class("kørte"), (false, false, true, false));
        // Irregular verbs list their forms in al: and st: fields.
        assert_eq!(class("være"), (true, false, false, false));
        assert_eq!(class("været"), (false, true, false, false));
        assert_eq!(class("blevet"), (false, true, false, false));
        // Two readings: a noun and a participle; the adjective før's neuter.
        assert_eq!(class("arbejdet"), (false, true, false, true));
        assert_eq!(class("ført"), (false, true, false, true));
        assert_eq!(class("fandt"), (false, false, true, false));
        // No verb: a noun whose forms end in -s, an adverb; `bør` is a
        // modal's present (and a noun). `lille` lists `lilles` and
        // `mindst`, `site` lists `sites` and `sitet`: no verbs either.
        assert_eq!(class("cafe"), (false, false, false, true));
        assert_eq!(class("fort"), (false, false, false, true));
        assert_eq!(class("bør"), (false, false, false, true));
        assert_eq!(class("lille"), (false, false, false, true));
        assert_eq!(class("mindst"), (false, false, false, true));
        assert_eq!(class("site"), (false, false, false, true));
        // A pronoun the dictionary also has as a verb (to weave).
        assert_eq!(class("vi"), (true, false, false, true));
    }

    #[test]
    fn forbidden_values_unpack_to_nothing() {
        let entry = Entry {
            standalone: true,
            ..Entry::default()
        };
        assert_eq!(unpack(pack(&entry, true)), Entry::default());
    }

    #[test]
    fn prefixes_of_known_words_are_prefixes() {
        let lex = Lexicon::embedded();
        assert!(lex.has_prefix(""));
        assert!(lex.has_prefix("kommunalbestyr"));
        assert!(lex.has_prefix("målsætn"));
        assert!(!lex.has_prefix("fzel"));
        assert!(!lex.has_prefix("omré"));
    }

    #[test]
    fn prefix_keys_are_found_shortest_first_on_char_boundaries() {
        let lex = Lexicon::embedded();
        let mut ends = Vec::new();
        lex.for_each_prefix_key("områdets", 0, |end, _| ends.push(end));
        assert!(ends.windows(2).all(|w| w[0] < w[1]));
        assert!(ends.contains(&"område".len()));
        assert!(ends.contains(&"områdets".len()));
    }

    #[test]
    fn cursors_reach_the_stored_values() {
        let lex = Lexicon::embedded();
        let start = lex.start();
        let half = lex.advance(start, "område".as_bytes()).unwrap();
        let whole = lex.advance(half, "ts".as_bytes()).unwrap();
        assert_eq!(half.value(), lex.map.get("område"));
        assert_eq!(whole.value(), lex.map.get("områdets"));
        assert_eq!(lex.advance(half, "xq".as_bytes()).map(|_| ()), None);
    }

    /// Every way of reading a key through cursors (in one walk or in two)
    /// gives the value the map stores, and a string no key is gives none.
    #[test]
    fn values_read_through_cursors_are_the_maps() {
        use fst::Streamer;
        let lex = Lexicon::embedded();
        let mut keys = Vec::new();
        let mut stream = lex.map.stream();
        let mut k = 0;
        while let Some((key, _)) = stream.next() {
            if k % 997 == 0 {
                keys.push(String::from_utf8(key.to_vec()).expect("UTF-8 keys"));
            }
            k += 1;
        }
        assert!(keys.len() > 900, "{}", keys.len());
        let mut probes = keys.clone();
        probes.extend(keys.iter().map(|k| format!("{k}q")));
        probes.extend(
            keys.iter()
                .filter_map(|k| k.get(..k.len() / 2).map(str::to_string)),
        );
        probes.push(String::new());
        for probe in &probes {
            let bytes = probe.as_bytes();
            let want = lex.map.get(bytes);
            assert_eq!(lex.value(probe), want, "{probe:?}");
            for cut in 0..=bytes.len() {
                let two_steps = lex
                    .advance(lex.start(), &bytes[..cut])
                    .and_then(|c| lex.advance(c, &bytes[cut..]))
                    .and_then(Cursor::value);
                assert_eq!(two_steps, want, "{probe:?} cut at {cut}");
            }
        }
    }

    /// Every key of the lexicon has its value in the trie.
    #[test]
    fn the_trie_holds_every_key_with_its_value() {
        use fst::Streamer;
        let lex = Lexicon::embedded();
        let mut stream = lex.map.stream();
        let mut keys = 0;
        while let Some((key, value)) = stream.next() {
            let found = lex.advance(lex.start(), key).and_then(Cursor::value);
            assert_eq!(found, Some(value), "{}", String::from_utf8_lossy(key));
            keys += 1;
        }
        assert_eq!(keys, lex.len());
    }

    /// The trie has the fst's states and transitions: along sampled keys,
    /// each state reached offers the same inputs as the fst's node, and is
    /// final where the node is. (Values are compared in the test above.)
    #[test]
    fn the_trie_is_the_fsts_automaton() {
        use fst::Streamer;
        for lex in [Lexicon::embedded(), Lexicon::empty()] {
            let fst = lex.map.as_fst();
            assert_eq!(lex.trie.inputs.len(), lex.trie.moves.len());
            let mut stream = lex.map.stream();
            let mut k = 0;
            while let Some((key, _)) = stream.next() {
                k += 1;
                if k % 4999 != 1 {
                    continue;
                }
                let (mut node, mut cursor) = (fst.root(), lex.start());
                for &byte in key {
                    let state = cursor.state;
                    let (lo, hi) = (lex.trie.state(state).0, lex.trie.state(state + 1).0);
                    let mut inputs: Vec<u8> = node.transitions().map(|t| t.inp).collect();
                    inputs.sort_unstable();
                    assert_eq!(
                        &lex.trie.inputs[lo as usize..hi as usize],
                        inputs.as_slice()
                    );
                    assert_eq!(lex.trie.state(state).1 != NOT_FINAL, node.is_final());
                    node = fst.node(node.transition(node.find_input(byte).unwrap()).addr);
                    cursor = lex.advance(cursor, &[byte]).unwrap();
                }
                assert!(cursor.value().is_some());
            }
        }
        assert!(Lexicon::empty().start().value().is_none());
        assert!(!Lexicon::empty().has_prefix("a"));
    }

    /// The checked-in trie is what the fst lays out now: it is not stale.
    /// (That the walks through it find what the fst holds is checked by
    /// the tests of the walks themselves.)
    #[test]
    fn the_checked_in_trie_is_the_fsts_layout() {
        assert!(
            Lexicon::lay_out_fst() == DA_TRIE,
            "corrections/lexicon/da.trie is stale: cargo run --release --example derive_trie"
        );
    }

    /// The prefix walk finds every key that starts where it is asked to,
    /// not only right ones.
    #[test]
    fn the_prefix_walk_misses_no_key() {
        let lex = Lexicon::embedded();
        for word in ["kommunalbestyrelsesmødet", "områdets", "børnehaveområdet"] {
            for start in (0..word.len()).filter(|&s| word.is_char_boundary(s)) {
                let mut found = Vec::new();
                lex.for_each_prefix_key(word, start, |end, value| found.push((end, value)));
                let want: Vec<(usize, u64)> = (start + 1..=word.len())
                    .filter(|&end| word.is_char_boundary(end))
                    .filter_map(|end| Some((end, lex.map.get(&word[start..end])?)))
                    .collect();
                assert_eq!(found, want, "{word} from {start}");
            }
        }
    }

    #[test]
    fn prefix_walk_values_are_the_stored_values() {
        let lex = Lexicon::embedded();
        let word = "kommunalbestyrelsesmødet";
        let mut found = 0;
        lex.for_each_prefix_key(word, 8, |end, value| {
            assert_eq!(lex.map.get(&word[8..end]), Some(value), "{}", &word[8..end]);
            found += 1;
        });
        assert!(found >= 2, "bestyrelse, bestyrelses, ...");
    }
}
