//! One name, damaged in several ways in one document.
//!
//! OCR rarely damages a word the same way twice: a page that lost its
//! diacritics may write `Baekkerup`, `Bekkerup` and `Bzkkerup` for one
//! `Bækkerup`. No dictionary holds the name, so no one of them can be read
//! alone; but together they say which letters were lost, as three witnesses
//! who misheard differently agree on what was said. Each string is read by
//! lost diacritics alone ([`Confusions::each_diacritic_spelling`]), and a
//! reading that two or more of them share is scored by how likely it makes
//! all of them at once, times a prior the caller gives (how Danish names
//! spell its letters: `Rødkær`, not `Rodkær`; or the word it ends in). A
//! batch's damaged documents are read together the same way.
//!
//! Agreement is evidence only where chance seldom makes it:
//! * one of the strings is damaged for certain where another is not (see
//!   [`damage_marks`]): `Olstrup` and `Elstrup` may be two places, and
//!   `Koskinen`, `Keskinen` and `Kaskinen` three people, but `Bzkkerup`
//!   beside `Bekkerup` is one name;
//! * the strings are no words as seen (the caller's part: a name the
//!   lexicon knows is left to the names guard).

use std::collections::BTreeMap;
use std::hash::{Hash, Hasher};

use rustc_hash::{FxHashMap, FxHasher};

use super::confusions::{Confusions, Spelling};

/// More readings than this and a string is too ambiguous to read.
const MAX_SPELLINGS: usize = 512;

/// Names this short are initials and abbreviations more often than names.
const MIN_CHARS: usize = 3;

/// The shortest head before a word that ends a name (`Bæk|høj`).
pub(crate) const MIN_HEAD_CHARS: usize = 2;

/// Whether a word, as written, may be read as a name's variant: it opens
/// with a capital (or junk in its place, `Éstrzde`) and is long enough.
/// The learning side and the repair side ask alike.
pub(crate) fn may_be_variant(written: &str) -> bool {
    written.starts_with(|c: char| !c.is_lowercase()) && written.chars().count() >= MIN_CHARS
}

/// A reading the variants agree on.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Agreement {
    /// Lower-case.
    pub word: String,
    /// Its share of the probability of all the readings the same variants
    /// share.
    pub p: f64,
}

/// How a form reads a shared reading: its channel.
#[derive(Clone, Copy)]
struct Witness {
    form: usize,
    channel: f64,
}

/// For each of `forms` (distinct lower-case strings that are no words) that
/// shares a reading with others, the likeliest such reading and its
/// probability. `prior` weighs a reading before the evidence (ln, up to a
/// constant).
///
/// Only strings of one skeleton can share a reading
/// ([`Confusions::diacritic_skeleton`]), so each class of them is read on
/// its own, and most strings, alone in theirs, not at all: what a batch's
/// thousands of names cost is bounded by its largest class.
pub(crate) fn agree(
    confusions: &Confusions,
    forms: &[&str],
    prior: &dyn Fn(&str) -> f64,
) -> BTreeMap<String, Agreement> {
    let mut classes: BTreeMap<String, Vec<&str>> = BTreeMap::new();
    for form in forms {
        let skeleton = confusions.diacritic_skeleton(form);
        classes.entry(skeleton).or_default().push(form);
    }
    let mut out = BTreeMap::new();
    for class in classes.values().filter(|class| class.len() > 1) {
        let marks: Vec<Vec<Run>> = class
            .iter()
            .map(|form| damage_marks(confusions, form))
            .collect();
        let shared = shared_readings(confusions, class);
        out.extend(assign(class, groups(&shared, &marks, prior)));
    }
    out
}

/// The readings two or more of `forms` share, each with how every form
/// that has it reads it. A string has a hundred readings or so, few of
/// them shared: they are walked twice, first only to count by a hash how
/// many forms have each, then to keep those two or more may share (a hash
/// two readings share only lets an unshared one through, dropped later).
fn shared_readings(confusions: &Confusions, forms: &[&str]) -> BTreeMap<String, Vec<Witness>> {
    let hash = |word: &str| {
        let mut hasher = FxHasher::default();
        word.hash(&mut hasher);
        hasher.finish()
    };
    let mut readers: FxHashMap<u64, u32> = FxHashMap::default();
    let mut readable = vec![false; forms.len()];
    let mut hashes: Vec<u64> = Vec::new();
    for (k, form) in forms.iter().enumerate() {
        hashes.clear();
        let visit = &mut |s: Spelling| hashes.push(hash(s.word));
        readable[k] = confusions.each_diacritic_spelling(form, true, MAX_SPELLINGS, visit);
        if readable[k] {
            hashes.sort_unstable();
            hashes.dedup();
            for h in &hashes {
                *readers.entry(*h).or_default() += 1;
            }
        }
    }
    let mut shared: BTreeMap<String, Vec<Witness>> = BTreeMap::new();
    for (k, form) in forms.iter().enumerate().filter(|(k, _)| readable[*k]) {
        let visit = &mut |s: Spelling| {
            if readers.get(&hash(s.word)).copied().unwrap_or(0) < 2 {
                return;
            }
            let witness = Witness {
                form: k,
                channel: s.channel,
            };
            let witnesses = shared.entry(s.word.to_string()).or_default();
            // Two ways to read a string the same way: the likelier counts.
            match witnesses.last_mut() {
                Some(last) if last.form == k => {
                    if witness.channel > last.channel {
                        *last = witness;
                    }
                }
                _ => witnesses.push(witness),
            }
        };
        confusions.each_diacritic_spelling(form, true, MAX_SPELLINGS, visit);
    }
    shared
}

/// The groups of forms (by index) that share readings trusted to be more
/// than chance, each with its readings scored: the joint channel and the
/// prior.
fn groups<'r>(
    shared: &'r BTreeMap<String, Vec<Witness>>,
    marks: &[Vec<Run>],
    prior: &dyn Fn(&str) -> f64,
) -> BTreeMap<Vec<usize>, Vec<(f64, &'r str)>> {
    let mut groups: BTreeMap<Vec<usize>, Vec<(f64, &str)>> = BTreeMap::new();
    for (word, witnesses) in shared {
        let members: Vec<usize> = witnesses.iter().map(|w| w.form).collect();
        if members.len() < 2 || !trusted(&members, marks) {
            continue;
        }
        let score = witnesses.iter().map(|w| w.channel).sum::<f64>() + prior(word);
        groups.entry(members).or_default().push((score, word));
    }
    groups
}

/// Each form goes with the largest group it is in (the most witnesses),
/// and there with the likeliest reading, at its share of the group's.
fn assign(
    forms: &[&str],
    groups: BTreeMap<Vec<usize>, Vec<(f64, &str)>>,
) -> BTreeMap<String, Agreement> {
    let mut out: BTreeMap<String, Agreement> = BTreeMap::new();
    let mut by_size: Vec<_> = groups.into_iter().collect();
    by_size.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then_with(|| a.0.cmp(&b.0)));
    for (members, readings) in by_size {
        if members.iter().any(|&k| out.contains_key(forms[k])) {
            continue;
        }
        let best = readings
            .iter()
            .max_by(|a, b| a.0.total_cmp(&b.0).then_with(|| b.1.cmp(a.1)))
            .expect("a group has a reading");
        let total: f64 = readings.iter().map(|r| (r.0 - best.0).exp()).sum();
        for k in members {
            let agreement = Agreement {
                word: best.1.to_string(),
                p: 1.0 / total,
            };
            out.insert(forms[k].to_string(), agreement);
        }
    }
    out
}

/// Whether agreement among these forms (by index) is more than chance:
/// one of them is damaged for certain where another is not. A mark the
/// others share is the name's own spelling (`Hertzberg`, `Hertzborg`), and
/// however many plain strings share a reading they may be as many people
/// (`Koskinen`, `Keskinen`, `Kaskinen`: all `Køskinen`).
fn trusted(members: &[usize], marks: &[Vec<Run>]) -> bool {
    members.iter().any(|&m| {
        marks[m].iter().enumerate().any(|(run, (_, mark))| {
            mark.is_some_and(|mark| {
                members
                    .iter()
                    .any(|&other| !marks[other][run].0.contains(mark))
            })
        })
    })
}

/// A run of a form's skeleton, and the damage it shows that no name is
/// spelt with, if any (see [`damage_marks`]).
type Run<'f> = (&'f str, Option<&'f str>);

/// For each run of `form`'s skeleton ([`Confusions::diacritic_runs`]), the
/// damage no name is spelt with, if the run shows some: a character that is
/// no letter (`&`, `@`, `0`), or a `z` standing alone between consonants
/// (`Bzkkerup`). Not `ae`, `ee`, `eo`, `é`, nor a `z` beside a vowel or at
/// an end: names are spelt so (`Michael`, `Heering`, `René`, `Özdal`,
/// `Scherz`).
fn damage_marks<'f>(confusions: &Confusions, form: &'f str) -> Vec<Run<'f>> {
    let consonant = |c: Option<char>| c.is_some_and(|c| c.is_alphabetic() && !is_vowel(c));
    confusions
        .diacritic_runs(form)
        .into_iter()
        .map(|(before, run, after)| {
            let junk = run.char_indices().find(|(_, c)| !c.is_alphabetic());
            let mark = match junk {
                Some((at, c)) => Some(&run[at..at + c.len_utf8()]),
                None if run == "z" && consonant(before) && consonant(after) => Some(run),
                None => None,
            };
            (run, mark)
        })
        .collect()
}

fn is_vowel(c: char) -> bool {
    matches!(
        c,
        'a' | 'e' | 'i' | 'o' | 'u' | 'y' | 'æ' | 'ø' | 'å' | 'é' | 'ö' | 'ü' | 'ä'
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Letters weighed alike: only the damage decides.
    fn even(word: &str) -> f64 {
        -3.0 * word.chars().count() as f64
    }

    #[test]
    fn variants_that_share_a_reading_agree_on_it() {
        let c = Confusions::bundled();
        let forms = ["baekkerup", "bekkerup", "bzkkerup"];
        let agreed = agree(&c, &forms, &even);
        for form in forms {
            let a = &agreed[form];
            assert_eq!(a.word, "bækkerup", "{form}");
            assert!(a.p >= 0.9, "{form}: {}", a.p);
        }
    }

    /// Plain variants may be as many names, however many (`Olstrup` and
    /// `Elstrup`; `Koskinen`, `Keskinen` and `Kaskinen`), and so may
    /// strings spelt as names are (`ee`, `ae`, `é`, a `z` by a vowel or at
    /// an end: `Leerbeck`, `Heering`, `Özdal`, `Scherz`); a `z` between
    /// consonants or junk (`Hornsbzk`, `Hornsba@k`) is damage for certain.
    #[test]
    fn variants_agree_only_when_one_is_damaged_for_certain() {
        let c = Confusions::bundled();
        for forms in [
            &["olstrup", "elstrup"][..],
            &["kaskinen", "keskinen", "koskinen"],
            &["leerbeck", "lerbeck"],
            &["haring", "heering"],
            &["özdal", "özdil"],
            &["schore", "scherz"],
            // A mark every variant shows is the name's own spelling.
            &["hertzberg", "hertzborg"],
            &["lenzner", "lenzener"],
        ] {
            assert!(agree(&c, forms, &even).is_empty(), "{forms:?}");
        }
        for forms in [["hornsbak", "hornsbzk"], ["hornsbak", "hornsba@k"]] {
            let agreed = agree(&c, &forms, &even);
            assert_eq!(agreed[forms[0]].word, "hornsbæk");
            assert_eq!(agreed[forms[1]].word, "hornsbæk");
        }
    }

    /// Strings that share no reading, or a string alone, agree on nothing.
    #[test]
    fn a_lone_variant_says_nothing() {
        let c = Confusions::bundled();
        assert!(agree(&c, &["baekkerup"], &even).is_empty());
        assert!(agree(&c, &["baekkerup", "hjortsbzk"], &even).is_empty());
    }
}
