//! Danish compounds: "kommunalbestyrelsesmødet" is a word because it splits
//! into "kommunalbestyrelses" + "mødet", parts the lexicon allows at the
//! beginning and at the end of a compound. No word list holds all compounds,
//! so the repair stage asks here before it treats an unknown word as broken.
//!
//! The rules are hunspell-da's: every part must carry the compound flag for
//! its place (begin, middle, end; the joints -s-, -e- and the zero joint are
//! part of the begin/middle forms the lexicon holds), parts are at least two
//! letters (COMPOUNDMIN 2), and a compound is rejected when one replacement
//! from the dictionary's REP table turns it into a dictionary word
//! (CHECKCOMPOUNDREP: "tandlege" is "tandlæge" misspelt, not "tand" +
//! "lege").
//!
//! We are stricter than hunspell about short and rare parts, because OCR
//! damage readily leaves short real words inside a long broken one
//! ("undersogelsen" = "under" + "so" + "gel" + "sen"). See `part_allowed`. Measured
//! on the clean training texts (corrections/training, seeds 003 and 004) and
//! their æ/ø/å-damaged variants, these rules cut the damaged forms accepted
//! as compounds from 162 to 70 while 139 of the 143 clean compounds stay
//! known (lost: "birkely", "bæksted", "takstmodel", "vågetjeneste").
//! Place names end in short words rarer than that (`Hjorte|kær`,
//! `Vejr|bæk`): the six that end the lexicon's own place names far more
//! often than its common words are let through at a compound's end (stop
//! 15; see `place_endings_table`). On the training minutes and one damaged
//! copy of each, that makes 4 more clean words known (`kildebæk`,
//! `lærkedal`, `ribekær`, `skovkær`) and accepts 1 more damaged form
//! (`bogvad`, the name `Bøgvad` damaged).
//!
//! The search is a dynamic programme over byte positions, from the end of
//! the word to its start; at each position one walk of the fst finds every
//! lexicon key that starts there. A forward pass first marks the positions
//! a chain of parts reaches from the start, and the programme runs only
//! there: most strings the candidate search asks about are no compounds,
//! and few of their positions are reached. It allocates nothing for words
//! up to `STACK_LEN` bytes unless a split is found.

use std::cell::Cell;
use std::collections::BTreeMap;
use std::sync::OnceLock;

use super::lexicon::{raw_flags, Cursor, Entry, Lexicon, RawFlags};

/// Words up to this many bytes are split without allocating.
const STACK_LEN: usize = 96;

/// The shortest part, in characters (hunspell-da's COMPOUNDMIN).
pub(crate) const MIN_PART_CHARS: usize = 2;

/// The best way found to cover `word[i..]` with non-first parts.
#[derive(Clone, Copy, Debug)]
struct Cover {
    /// Parts used; 0 means no cover found (except at the end of the word).
    parts: u8,
    /// Sum of the parts' Zipf frequencies (×100): breaks ties between splits
    /// with as many parts, favouring common words.
    score: u32,
    /// Where the part starting at `i` ends.
    next: u8,
}

const NONE: Cover = Cover {
    parts: 0,
    score: 0,
    next: 0,
};

/// The byte offsets where the second, third, ... parts of a compound begin,
/// or `None` if `lower` is not a compound of lexicon parts. Of several
/// splits, the one with the fewest parts wins (then the more frequent
/// parts). Hyphenated compounds ("med-systemet") split at the hyphens and
/// every piece must be a word or a compound itself.
pub fn split(lex: &Lexicon, lower: &str) -> Option<Vec<usize>> {
    if lower.contains('-') {
        return split_hyphenated(lex, lower);
    }
    split_closed(lex, lower)
}

/// The parts [`split`] finds, without the hyphens that join them
/// (`kommunalbestyrelses`, `mødet`; `med`, `systemet`).
pub fn parts<'w>(lex: &Lexicon, lower: &'w str) -> Option<Vec<&'w str>> {
    Some(cut(lower, &split(lex, lower)?))
}

/// `lower` cut at `cuts` (a [`split`] of it), without the hyphens that
/// join the parts.
pub fn cut<'w>(lower: &'w str, cuts: &[usize]) -> Vec<&'w str> {
    let mut parts = Vec::with_capacity(cuts.len() + 1);
    let mut start = 0;
    for end in cuts.iter().copied().chain(std::iter::once(lower.len())) {
        // An offset that is not a cut inside the word is ignored, not trusted.
        let Some(part) = lower.get(start..end).filter(|p| !p.is_empty()) else {
            continue;
        };
        parts.push(part.trim_end_matches('-'));
        start = end;
    }
    parts
}

/// The parts of a place-name compound (`nørrevang`, `skolen`; `åby`, `vej`;
/// `viborg`, `vej` in `viborgsvej`), or `None` if `lower` is not one: a
/// place or person the lexicon knows by name, perhaps the joint -s-, then a
/// word or compound that may end a compound. hunspell-da gives names no
/// compound flags, so [`split`] never starts a compound with one; but
/// schools, roads and halls are named this way. Only a capitalised word may
/// be read so: the caller sees to that. Of several readings, the one with
/// the fewest parts wins, then the longest name (`nørregård|vej`, not
/// `nør|re|gård|vej`).
pub fn name_parts<'w>(lex: &Lexicon, lower: &'w str) -> Option<Vec<&'w str>> {
    let mut best: Option<Vec<&str>> = None;
    lex.for_each_prefix_key(lower, 0, |end, value| {
        let name = &lower[..end];
        if end == lower.len() || !raw_flags(value).proper() || name.chars().count() < MIN_NAME_CHARS
        {
            return;
        }
        let rest = &lower[end..];
        let Some(rest_parts) = ending(lex, rest)
            .or_else(|| rest.strip_prefix('s').and_then(|after| ending(lex, after)))
        else {
            return;
        };
        // Names come shortest first: a later one with as few parts is longer.
        if best.as_ref().map_or(true, |b| rest_parts.len() < b.len()) {
            let mut parts = Vec::with_capacity(rest_parts.len() + 1);
            parts.push(name);
            parts.extend(rest_parts);
            best = Some(parts);
        }
    });
    best
}

/// A name that begins a place-name compound has at least this many letters
/// (`Åby`), so initials and `Bo` never do.
const MIN_NAME_CHARS: usize = 3;

/// The parts of `rest` if it may be all that follows the first part of a
/// compound: one part that may end it, or a compound of several.
fn ending<'w>(lex: &Lexicon, rest: &'w str) -> Option<Vec<&'w str>> {
    if may_end_as_key(lex, rest) {
        return Some(vec![rest]);
    }
    Some(cut(rest, &split_closed(lex, rest)?))
}

/// Room for one value per byte position of a word of `n` bytes, and one
/// past the end: on the stack for words up to [`STACK_LEN`] bytes, else in
/// `heap`, filled with `fill`.
fn scratch<'b, T: Clone>(
    stack: &'b mut [T; STACK_LEN + 1],
    heap: &'b mut Vec<T>,
    n: usize,
    fill: T,
) -> &'b mut [T] {
    if n < STACK_LEN {
        &mut stack[..=n]
    } else {
        heap.resize(n + 1, fill);
        heap
    }
}

/// A compound written as one word.
fn split_closed(lex: &Lexicon, lower: &str) -> Option<Vec<usize>> {
    let n = lower.len();
    if n < 2 * MIN_PART_CHARS || n > usize::from(u8::MAX) {
        return None;
    }
    let (mut stack, mut heap) = ([false; STACK_LEN + 1], Vec::new());
    let reachable = scratch(&mut stack, &mut heap, n, false);
    let mut parts = PARTS.take();
    parts.clear();
    let split = mark_reachable(lex, lower, reachable, &mut parts)
        .then(|| best_split(lex, lower, reachable, &parts))
        .flatten();
    PARTS.set(parts);
    split
}

thread_local! {
    /// The parts [`mark_reachable`] keeps, for the next split on the
    /// thread: most strings the candidate search asks about are no
    /// compounds, and allocating the list for each (and filling the
    /// covers, now only for a string a last part can end) was a ninth of
    /// what splitting cost a batch (callgrind).
    static PARTS: Cell<Vec<Part>> = const { Cell::new(Vec::new()) };
}

/// The split of `lower` by its best cover, given the positions a chain of
/// parts reaches and the parts from each ([`mark_reachable`]).
fn best_split(
    lex: &Lexicon,
    lower: &str,
    reachable: &[bool],
    parts: &[Part],
) -> Option<Vec<usize>> {
    let n = lower.len();
    let (mut stack, mut heap) = ([NONE; STACK_LEN + 1], Vec::new());
    let covers = scratch(&mut stack, &mut heap, n, NONE);
    // Only a position a chain of parts from the start reaches can be
    // where a part of the best cover begins: the others are never asked.
    // The parts are by start, so each position's are the last of those
    // left.
    let mut left = parts;
    for start in (1..n).rev() {
        if reachable[start] {
            let from = left.partition_point(|p| usize::from(p.start) < start);
            covers[start] = best_cover(n, &left[from..], covers);
            left = &left[..from];
        }
    }
    let first = best_cover(n, left, covers);
    if first.parts < 2 || misspelt_word(lex, lower) {
        return None;
    }
    let mut offsets = Vec::with_capacity(usize::from(first.parts) - 1);
    let mut at = usize::from(first.next);
    while at < n {
        offsets.push(at);
        at = usize::from(covers[at].next);
    }
    Some(offsets)
}

/// Marks the positions where a later part of a compound may begin: the
/// ends of a first part from 0, then of middle parts from those
/// ([`each_part`]), and keeps the parts from each position marked, by
/// position, for [`best_cover`], rather than walk the lexicon and ask the
/// rules again from each. Returns whether a last part can end the word
/// from one of them: if not, there is no split.
fn mark_reachable(
    lex: &Lexicon,
    lower: &str,
    reachable: &mut [bool],
    parts: &mut Vec<Part>,
) -> bool {
    let n = lower.len();
    let mut last_part_fits = false;
    for start in 0..n {
        if start > 0 && !reachable[start] {
            continue;
        }
        each_part(lex, lower, start, |part| {
            match usize::from(part.end) {
                end if end == n => last_part_fits = true,
                end => reachable[end] = true,
            }
            parts.push(part);
        });
    }
    last_part_fits
}

/// A lexicon key that may be a part of a compound where it stands in the
/// word: the first or a middle part that another follows, or the last.
#[derive(Clone, Copy)]
struct Part {
    start: u8,
    end: u8,
    /// Its Zipf frequency (×100).
    zipf100: u32,
}

/// Calls `found` with every lexicon key beginning at `start` that may be
/// a part there ([`may_continue`], or [`may_end`] for a last part, which
/// the first is not), shortest first.
fn each_part(lex: &Lexicon, lower: &str, start: usize, mut found: impl FnMut(Part)) {
    let n = lower.len();
    lex.for_each_prefix_key(lower, start, |end, value| {
        let flags = raw_flags(value);
        let part = &lower[start..end];
        let fits = if end == n {
            start > 0 && may_end(part, flags)
        } else {
            may_continue(part, flags, start)
        };
        if fits {
            found(Part {
                start: start as u8,
                end: end as u8,
                zipf100: flags.zipf100(),
            });
        }
    });
}

/// Whether a lexicon key with these flags may be a part beginning at
/// `start` that another part follows: the first part (at 0) or a middle
/// one.
fn may_continue(part: &str, flags: RawFlags, start: usize) -> bool {
    let (fits, place) = if start == 0 {
        (flags.begin(), Place::Begin)
    } else {
        (flags.middle(), Place::Middle)
    };
    fits && part_allowed(part, flags, place)
}

/// The best cover of the rest of a word of `n` bytes whose first part is
/// one of `parts` (those from one position, shortest first), given the
/// covers of the later positions (those no chain of parts reaches are left
/// `NONE`, and a part from a reached position that may continue never ends
/// at one of them).
fn best_cover(n: usize, parts: &[Part], covers: &[Cover]) -> Cover {
    let mut best = NONE;
    for part in parts {
        let end = usize::from(part.end);
        let candidate = if end == n {
            Cover {
                parts: 1,
                score: part.zipf100,
                next: part.end,
            }
        } else {
            let rest = covers[end];
            if rest.parts == 0 {
                continue;
            }
            Cover {
                parts: rest.parts.saturating_add(1),
                score: rest.score + part.zipf100,
                next: part.end,
            }
        };
        if best.parts == 0
            || candidate.parts < best.parts
            || (candidate.parts == best.parts && candidate.score > best.score)
        {
            best = candidate;
        }
    }
    best
}

/// Whether `part` is a lexicon key that may be the last part of a compound
/// (`skolen`, `høj`, `bæk`).
pub(crate) fn may_end_as_key(lex: &Lexicon, part: &str) -> bool {
    lex.advance(lex.start(), part.as_bytes())
        .and_then(Cursor::value)
        .is_some_and(|value| may_end(part, raw_flags(value)))
}

/// Whether a lexicon key with these flags may be the last part of a
/// compound: what [`split`] asks of it, so a caller can rule a word out
/// before splitting it.
pub(crate) fn may_end(part: &str, flags: RawFlags) -> bool {
    flags.end() && part_allowed(part, flags, Place::End)
}

#[derive(Clone, Copy, PartialEq)]
enum Place {
    Begin,
    Middle,
    End,
}

/// Whether `part` may be a compound part at `place`, beyond its compound
/// flag:
/// * parts of up to three letters must be common words (Zipf >= 4: "by",
///   "år", "hus", but not "el", "ler", "sir");
/// * a part wordfreq does not know must have six letters or more: short rare
///   words are what OCR damage produces by accident;
/// * a two-letter ending must be a word of its own and not look like an
///   inflection ("er", "en", "et", ...), so "områdeer" is not "område" + "er".
fn part_allowed(part: &str, flags: RawFlags, place: Place) -> bool {
    let chars = part.chars().count();
    if chars < MIN_PART_CHARS || flags.forbidden() {
        return false;
    }
    if chars <= SHORT_PART_CHARS
        && flags.zipf100() < SHORT_PART_MIN_ZIPF100
        && !(place == Place::End && place_endings().contains(&part))
    {
        return false;
    }
    if flags.zipf100() == 0 && chars < UNRANKED_PART_MIN_CHARS {
        return false;
    }
    if chars == MIN_PART_CHARS && place == Place::End {
        return flags.standalone() && !INFLECTIONS.contains(&part);
    }
    true
}

/// Parts this short must be common words.
const SHORT_PART_CHARS: usize = 3;
const SHORT_PART_MIN_ZIPF100: u32 = 400;

/// The short words that end place names (`bæk`, `kær`, `dal`, `vig`):
/// rarer than [`SHORT_PART_MIN_ZIPF100`], but let through as the last part
/// of a compound (`Hjorte|kær`, `Vejr|bæk`, `skov|bæk`). Derived from the
/// lexicon by [`place_endings_table`] (`cargo run --example
/// derive_place_endings`) and committed; tests/lexicon.rs checks the two
/// agree.
static PLACE_ENDINGS_TSV: &str = include_str!("../../corrections/lexicon/place_endings.tsv");

fn place_endings() -> &'static [&'static str] {
    static ENDINGS: OnceLock<Vec<&'static str>> = OnceLock::new();
    ENDINGS.get_or_init(|| first_column(PLACE_ENDINGS_TSV))
}

/// The first column of a committed table's rows (not its `#` lines).
fn first_column(tsv: &'static str) -> Vec<&'static str> {
    tsv.lines()
        .filter(|line| !line.starts_with('#') && !line.is_empty())
        .filter_map(|line| line.split('\t').next())
        .collect()
}

/// The short words that end many of the lexicon's names (`høj`, `sø`,
/// `hus`, `bæk`): the only short parts a name's compound reading may have
/// (`Sølv|høj`, `Børne|hus`; not `Gustavs|søn`, `Tex|tør`, `Alan|kø`, which
/// a foreign name on a damaged page would otherwise become). Derived from
/// the lexicon by [`name_endings_table`] (`cargo run --example
/// derive_name_endings`) and committed; tests/lexicon.rs checks the two
/// agree.
static NAME_ENDINGS_TSV: &str = include_str!("../../corrections/lexicon/name_endings.tsv");

fn name_endings() -> &'static [&'static str] {
    static ENDINGS: OnceLock<Vec<&'static str>> = OnceLock::new();
    ENDINGS.get_or_init(|| first_column(NAME_ENDINGS_TSV))
}

/// Whether a compound reading (split as [`parts`], or as [`name_parts`])
/// has a short part (three letters or fewer) that ends few of the
/// lexicon's names: no reading for a name (`Gustavs|søn`, `Tex|tør`).
/// Except a body named in common words (`Landsby|råd` in `Stenbæk Mark
/// Landsbyråd`): see [`common_head_and_end`].
pub(crate) fn has_short_part_names_lack(lex: &Lexicon, word: &str) -> bool {
    let parts = parts(lex, word).or_else(|| name_parts(lex, word));
    parts.is_some_and(|parts| {
        !common_head_and_end(lex, &parts)
            && parts
                .iter()
                .any(|p| p.chars().count() <= SHORT_PART_CHARS && !name_endings().contains(p))
    })
}

/// Whether a compound is two common words: a head of
/// [`COMMON_HEAD_MIN_CHARS`] letters or more that is no name, and a common
/// end (as common as a short part must be) of three letters. Foreign names
/// split into heads of five letters or fewer (`Båd|øer`, `Brun|nær` of
/// `Brunner`, `Barne|tæt` of `Barnett`, `Koma|røv`), names (`Lærke|søn`,
/// `Gustavs|søn`) or two-letter ends (`Nevø|do`, `Bøns|on`); the councils
/// and boards that minutes name in common words need not (`Landsby|råd`,
/// `Idræts|råd`).
fn common_head_and_end(lex: &Lexicon, parts: &[&str]) -> bool {
    let [head, end] = parts else {
        return false;
    };
    head.chars().count() >= COMMON_HEAD_MIN_CHARS
        && lex.entry(head).is_some_and(|e| !e.proper)
        && end.chars().count() == SHORT_PART_CHARS
        && lex.zipf(end) * 100.0 >= SHORT_PART_MIN_ZIPF100 as f32
}

/// See [`common_head_and_end`]. Measured on a review's 8,843 Faker
/// surnames on a page that lost its diacritics: with heads of four letters,
/// 13 became Danish compounds (`Brunnær`, `Barnetæt`, `Måtterør`); with
/// six, none.
const COMMON_HEAD_MIN_CHARS: usize = 6;

/// A name ending ends at least this many of the lexicon's names (of five
/// letters or more) ...
const NAME_ENDING_MIN_NAMES: u32 = 100;
/// ... and this many times as many names as common words (in tenths).
const NAME_ENDING_RATIO_TENTHS: u32 = 15;

/// The lexicon's words of two or three letters that end at least
/// [`NAME_ENDING_MIN_NAMES`] of its names and half again as many names as
/// common words, as `corrections/lexicon/name_endings.tsv` holds them:
/// `ending, names, common words`. (Counted as endings of the names, not as
/// their compound parts: `Børnehus` is a name of a place the lexicon
/// splits nowhere.)
pub fn name_endings_table(lex: &Lexicon) -> String {
    let mut counts: BTreeMap<String, (u32, u32)> = BTreeMap::new();
    lex.for_each_entry(|key, entry| {
        let chars: Vec<(usize, char)> = key.char_indices().collect();
        if chars.len() < 5 || !chars.iter().all(|(_, c)| c.is_alphabetic()) {
            return;
        }
        for k in MIN_PART_CHARS..=SHORT_PART_CHARS {
            tally(&mut counts, &key[chars[chars.len() - k].0..], entry);
        }
    });
    endings_tsv(
        "Short words that end the lexicon's names",
        "derive_name_endings",
        "name_endings_table",
        counts,
        |end, names, common| {
            names >= NAME_ENDING_MIN_NAMES
                && 10 * names >= NAME_ENDING_RATIO_TENTHS * common
                && lex.entry(end).is_some()
        },
    )
}

/// Counts a key that ends in `end`: as a name, if the lexicon writes it
/// only with a capital, else as a common word.
fn tally(counts: &mut BTreeMap<String, (u32, u32)>, end: &str, entry: Entry) {
    let count = counts.entry(end.to_string()).or_default();
    if entry.proper && !entry.lower_case {
        count.0 += 1;
    } else {
        count.1 += 1;
    }
}

/// An endings table as committed: a header naming what it lists and the
/// example and function that derive it, then `ending, names, common words`
/// for each ending `keep` keeps.
fn endings_tsv(
    what: &str,
    example: &str,
    function: &str,
    counts: BTreeMap<String, (u32, u32)>,
    keep: impl Fn(&str, u32, u32) -> bool,
) -> String {
    let mut out = format!(
        "# {what}: derived from the lexicon by\n\
         # `cargo run --example {example}` (compounds::{function}).\n\
         # ending\tnames\tcommon words\n"
    );
    for (end, (names, common)) in counts {
        if keep(&end, names, common) {
            out.push_str(&format!("{end}\t{names}\t{common}\n"));
        }
    }
    out
}

/// A place-name ending ends at least this many of the lexicon's names ...
const PLACE_ENDING_MIN_NAMES: u32 = 50;
/// ... and this many times as many names as common words.
const PLACE_ENDING_RATIO: u32 = 5;

/// `corrections/lexicon/place_endings.tsv` as the lexicon gives it: the
/// three-letter words, ranked by wordfreq but rarer than short parts must
/// be, standalone and allowed to end a compound, that end at least
/// [`PLACE_ENDING_MIN_NAMES`] of the lexicon's capitalised keys after a key
/// of three letters or more, and [`PLACE_ENDING_RATIO`] times as many of
/// them as of its common words (a genitive, `Hornbæks`, counts as its
/// name). hunspell-da names thousands of Danish places, and many end in a
/// brook, a marsh, a valley or a bay.
pub fn place_endings_table(lex: &Lexicon) -> String {
    let mut counts: BTreeMap<String, (u32, u32)> = BTreeMap::new();
    lex.for_each_entry(|key, entry| {
        let chars: Vec<(usize, char)> = key.char_indices().collect();
        if chars.len() < 6
            || key
                .strip_suffix('s')
                .is_some_and(|k| lex.entry(k).is_some())
        {
            return;
        }
        let (at, _) = chars[chars.len() - SHORT_PART_CHARS];
        let (head, end) = key.split_at(at);
        let is_ending = lex.entry(end).is_some_and(|e| {
            e.standalone
                && e.compound_end
                && e.zipf > 0.0
                && e.zipf * 100.0 < SHORT_PART_MIN_ZIPF100 as f32
        });
        if !is_ending || lex.entry(head).is_none() {
            return;
        }
        tally(&mut counts, end, entry);
    });
    endings_tsv(
        "Short words that end place names",
        "derive_place_endings",
        "place_endings_table",
        counts,
        |_, names, common| names >= PLACE_ENDING_MIN_NAMES && names >= PLACE_ENDING_RATIO * common,
    )
}
/// Parts wordfreq does not rank must be at least this long.
const UNRANKED_PART_MIN_CHARS: usize = 6;

/// hunspell-da's REP table (`from <TAB> to`), derived from da_DK.aff by
/// `scripts/derive_lexicon.py`.
static REP_TSV: &str = include_str!("../../corrections/lexicon/rep.tsv");

/// The REP pairs sorted by the first byte of `from`, with the range of pairs
/// for each first byte, so a position is checked only against pairs that
/// can match there.
struct RepTable {
    pairs: Vec<(&'static str, &'static str)>,
    by_first_byte: [(u16, u16); 256],
}

fn rep_table() -> &'static RepTable {
    static TABLE: OnceLock<RepTable> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut pairs: Vec<(&str, &str)> = REP_TSV
            .lines()
            .filter_map(|line| line.split_once('\t'))
            .filter(|(from, _)| !from.is_empty())
            .collect();
        pairs.sort_by_key(|(from, _)| from.as_bytes()[0]);
        let mut by_first_byte = [(0u16, 0u16); 256];
        for (i, (from, _)) in pairs.iter().enumerate() {
            let range = &mut by_first_byte[usize::from(from.as_bytes()[0])];
            if range.0 == range.1 {
                range.0 = i as u16;
            }
            range.1 = i as u16 + 1;
        }
        RepTable {
            pairs,
            by_first_byte,
        }
    })
}

/// CHECKCOMPOUNDREP: whether one REP replacement makes `lower` a standalone
/// dictionary word, in which case it is that word misspelt, not a compound.
///
/// A replacement at byte `at` can only give a key if `lower[..at]` is a
/// prefix of one, so the fst is walked once along `lower` and replacements
/// are tried only where that walk still goes, each continuing from the
/// cursor already reached.
fn misspelt_word(lex: &Lexicon, lower: &str) -> bool {
    let bytes = lower.as_bytes();
    let n = bytes.len();
    let (mut stack, mut heap) = ([lex.start(); STACK_LEN + 1], Vec::new());
    let cursors = scratch(&mut stack, &mut heap, n, lex.start());
    let mut reach = 0;
    while reach < n {
        match lex.advance(cursors[reach], &bytes[reach..=reach]) {
            Some(next) => {
                cursors[reach + 1] = next;
                reach += 1;
            }
            None => break,
        }
    }
    let table = rep_table();
    for at in (0..=reach.min(n - 1)).filter(|&at| lower.is_char_boundary(at)) {
        let (first, last) = table.by_first_byte[usize::from(bytes[at])];
        for &(from, to) in &table.pairs[usize::from(first)..usize::from(last)] {
            if !bytes[at..].starts_with(from.as_bytes()) {
                continue;
            }
            let replaced = lex
                .advance(cursors[at], to.as_bytes())
                .and_then(|cursor| lex.advance(cursor, &bytes[at + from.len()..]))
                .and_then(Cursor::value);
            if replaced.is_some_and(|value| raw_flags(value).standalone()) {
                return true;
            }
        }
    }
    false
}

/// Two-letter endings that are inflections (or words that look like them):
/// never the last part of a compound.
const INFLECTIONS: [&str; 6] = ["er", "en", "et", "ne", "re", "te"];

/// A compound with hyphens: "med-systemet", "komponent-undersøgelsen",
/// "kommunalbestyrelses-mødet".
fn split_hyphenated(lex: &Lexicon, lower: &str) -> Option<Vec<usize>> {
    let mut offsets = Vec::new();
    let mut start = 0;
    let pieces = lower.split('-').count();
    for (index, piece) in lower.split('-').enumerate() {
        let last = index + 1 == pieces;
        if piece.is_empty() {
            return None;
        }
        if index > 0 {
            offsets.push(start);
        }
        if !piece_known(lex, piece, last, start, &mut offsets) {
            return None;
        }
        start += piece.len() + 1;
    }
    (!offsets.is_empty()).then_some(offsets)
}

/// One piece between hyphens: a word, a number, a compound (whose inner
/// offsets are added), or, before a hyphen, a compound's first part with
/// its joint ("udviklings-").
fn piece_known(
    lex: &Lexicon,
    piece: &str,
    last: bool,
    start: usize,
    offsets: &mut Vec<usize>,
) -> bool {
    if piece.bytes().all(|b| b.is_ascii_digit()) {
        return true;
    }
    if let Some(entry) = lex.entry(piece) {
        if entry.standalone || (!last && entry.compound_begin) {
            return true;
        }
    }
    match split_closed(lex, piece) {
        Some(inner) => {
            offsets.extend(inner.into_iter().map(|offset| start + offset));
            true
        }
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The programme as it was before the forward pass: covers at every
    /// position.
    fn split_closed_everywhere(lex: &Lexicon, lower: &str) -> Option<Vec<usize>> {
        let n = lower.len();
        if n < 2 * MIN_PART_CHARS || n > usize::from(u8::MAX) {
            return None;
        }
        let mut covers = vec![NONE; n + 1];
        let parts_from = |start: usize| {
            let mut parts = Vec::new();
            each_part(lex, lower, start, |part| parts.push(part));
            parts
        };
        for start in (1..n).rev() {
            if lower.is_char_boundary(start) {
                covers[start] = best_cover(n, &parts_from(start), &covers);
            }
        }
        let first = best_cover(n, &parts_from(0), &covers);
        if first.parts < 2 || misspelt_word(lex, lower) {
            return None;
        }
        let mut offsets = Vec::new();
        let mut at = usize::from(first.next);
        while at < n {
            offsets.push(at);
            at = usize::from(covers[at].next);
        }
        Some(offsets)
    }

    /// Covering only the positions a chain of parts reaches splits every
    /// word as covering all of them did: the words and compounds of clean
    /// minutes, their OCR-damaged forms (most of them no compounds), and
    /// words long enough to leave the stack.
    #[test]
    fn covering_reached_positions_only_changes_no_split() {
        let lex = Lexicon::embedded();
        let root = env!("CARGO_MANIFEST_DIR");
        let mut words: Vec<String> = ["01_socialomraadet.txt", "03_plan_byggeri.txt"]
            .iter()
            .flat_map(|f| {
                let text = std::fs::read_to_string(format!("{root}/corrections/training/{f}"))
                    .expect("training text");
                text.split(|c: char| !c.is_alphabetic())
                    .map(str::to_lowercase)
                    .collect::<Vec<_>>()
            })
            .collect();
        let damaged: Vec<String> = words
            .iter()
            .map(|w| w.replace('æ', "e").replace('ø', "o").replace('å', "a"))
            .collect();
        words.extend(damaged);
        words.extend(
            [
                "",
                "ab",
                "møde",
                "områdeer",
                "tandlege",
                "undersogelsen",
                "pårørendeområdet",
            ]
            .map(String::from),
        );
        let long = "kommunalbestyrelsesmødet".repeat(4);
        for chars in 90..100 {
            words.push(long.chars().take(chars).collect());
        }
        words.push(long);
        words.push("skole".repeat(51));
        words.push("skole".repeat(52));
        words.sort();
        words.dedup();
        let mut compounds = 0;
        for word in &words {
            let split = split_closed(lex, word);
            compounds += usize::from(split.is_some());
            assert_eq!(split, split_closed_everywhere(lex, word), "{word}");
        }
        assert!(
            compounds > 50,
            "{compounds} compounds among {}",
            words.len()
        );
    }

    #[test]
    fn a_place_name_may_begin_a_compound() {
        let lex = Lexicon::embedded();
        assert_eq!(name_parts(lex, "ørumskolen"), Some(vec!["ørum", "skolen"]));
        assert_eq!(name_parts(lex, "ørumvej"), Some(vec!["ørum", "vej"]));
        // The longest name, not `nør` + `re` + `gård` + `vej`.
        assert_eq!(
            name_parts(lex, "nørregårdvej"),
            Some(vec!["nørregård", "vej"])
        );
        // The joint -s- after the name: hunspell-da lists names' genitives.
        assert_eq!(name_parts(lex, "ørumsvej"), Some(vec!["ørums", "vej"]));
        // A name alone, a name followed by no word, and a common word are
        // no place-name compounds.
        assert_eq!(name_parts(lex, "ørum"), None);
        assert_eq!(name_parts(lex, "ørumxyz"), None);
        assert_eq!(name_parts(lex, "skolevej"), None);
    }

    fn parts(word: &str) -> Option<Vec<&str>> {
        super::parts(Lexicon::embedded(), word)
    }

    #[test]
    fn joints_s_and_zero() {
        assert_eq!(
            parts("kommunalbestyrelsesmødet"),
            Some(vec!["kommunalbestyrelses", "mødet"])
        );
        assert_eq!(parts("chefområder"), Some(vec!["chef", "områder"]));
        assert_eq!(
            parts("udviklingstiltag"),
            Some(vec!["udviklings", "tiltag"])
        );
    }

    #[test]
    fn hyphenated() {
        assert_eq!(parts("med-systemet"), Some(vec!["med", "systemet"]));
        assert_eq!(
            parts("komponent-undersøgelsen"),
            Some(vec!["komponent", "undersøgelsen"])
        );
        assert_eq!(parts("med--systemet"), None);
        assert_eq!(parts("med-fzelles"), None);
    }

    #[test]
    fn plain_words_and_too_short_words_are_not_compounds() {
        assert_eq!(parts("møde"), None);
        assert_eq!(parts("ab"), None);
        assert_eq!(parts(""), None);
    }

    #[test]
    fn a_replacement_that_makes_a_dictionary_word_rejects_the_compound() {
        // "tand" + "lege" would do, but REP e -> æ gives "tandlæge".
        assert_eq!(parts("tandlege"), None);
        assert_eq!(parts("serskilt"), None);
    }

    /// CHECKCOMPOUNDREP the obvious way: every replacement, every lookup.
    fn misspelt_word_naive(lex: &Lexicon, lower: &str) -> bool {
        rep_table().pairs.iter().any(|&(from, to)| {
            lower.match_indices(from).any(|(at, _)| {
                let candidate = format!("{}{to}{}", &lower[..at], &lower[at + from.len()..]);
                lex.entry(&candidate).is_some_and(|entry| entry.standalone)
            })
        })
    }

    #[test]
    fn the_pruned_rep_check_agrees_with_the_naive_one() {
        let lex = Lexicon::embedded();
        for word in [
            "tandlege",
            "serskilt",
            "kommunalbestyrelsesmødet",
            "chefområder",
            "gennemfort",
            "tillidsvalgte",
            "sommerhus",
            "fællesrad",
            "omrade",
            "udviklingstiltag",
            "ledelseskodeks",
            "skoleår",
            "børnehaveklasse",
            "vejvedligeholdelse",
            "hastighedsgransen",
            "kørestol",
            "korestol",
        ] {
            assert_eq!(
                misspelt_word(lex, word),
                misspelt_word_naive(lex, word),
                "{word}"
            );
        }
    }

    #[test]
    fn short_or_unranked_parts_do_not_make_compounds() {
        // område, undersøgelsen, fælles, forløb, pårørende with å/ø/æ lost;
        // hunspell-da accepts each as a compound ("om" + "rade",
        // "under" + "so" + "gel" + "sen", "fe" + "elles", ...).
        for broken in ["omrade", "undersogelsen", "feelles", "forlob", "pårorende"] {
            assert_eq!(parts(broken), None, "{broken}");
        }
        // common short parts still do
        assert_eq!(parts("skoleår"), Some(vec!["skole", "år"]));
        assert_eq!(parts("byrådsmøde"), Some(vec!["byråds", "møde"]));
    }

    #[test]
    fn short_inflection_endings_do_not_make_compounds() {
        // "område" + "er" would be nonsense; the real form is "områder".
        assert_eq!(parts("områdeer"), None);
    }
}
