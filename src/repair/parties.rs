//! Party letters after members' names: `Ditte Bek Sørensen (Ø)`.
//!
//! OCR reads `(Ø)` as `(O)` or `(E)`, and `(Æ)` as `(ZE)`. Alone, `(O)` is
//! no error: O is a party too. But a member has one party throughout a
//! document, so the readings of all their letters must agree: `(O)` may be
//! O or Ø, `(E)` may be E, Æ or Ø, and a member seen with both is Ø. A letter
//! is changed only when exactly one reading fits every occurrence: `(ZE)`
//! alone is `(Æ)` (z is OCR's æ, never a letter of its own; so are `(AE)`
//! and `(EE)`, two letters OCR prints for one), a member seen
//! only as `(O)` keeps it, and so does a name with `(A)` and `(V)` (two
//! people, or a change of party: no reading fits both).
//!
//! Which letters are parties is not listed anywhere here: the readings come
//! from the confusion table, and the evidence from the document itself and
//! from the batch's clean documents. The one list is of the parties' names
//! and their national letters: a member's statement put on record that
//! opens with `Enhedslisten` names Ø, even where the page lost its ø
//! ([`stated`]), which settles an `(E)` and is offered for an `(O)`. A
//! committee's members sit in meeting
//! after meeting, so where clean minutes always write a member with one
//! letter (`Maja Lindholt (Ø)`), a damaged `(O)` after the same name is
//! that letter, if it is one of its readings; a member seen as `(O)` in
//! clean minutes too keeps it.

use std::collections::{BTreeMap, BTreeSet};

use super::confusions::Confusions;
use super::names;
use crate::tokenize::{Kind, Token};

/// A party letter in a lost stretch, with whose it is.
pub(crate) struct Letter {
    /// The token of the letter.
    pub token: usize,
    /// The member's name as repaired, every word, lower-case (`ditte bek
    /// sørensen`; see [`member`]).
    pub member: String,
    /// The letter as seen, lower-case (`o`, `ze`).
    pub seen: String,
    /// The letter of the party the member's own statement names, if it
    /// follows this letter (see [`stated`]).
    pub stated: Option<&'static str>,
}

/// Whether a token may be a party letter: one or two capitals (`Ø`, `SF`,
/// or OCR's `ZE`).
pub(crate) fn is_letter(token: &Token, text: &str) -> bool {
    token.kind == Kind::Abbreviation && {
        let letter = token.text(text);
        letter.chars().count() <= 2 && letter.chars().all(char::is_uppercase)
    }
}

/// Whether token `i` is a party letter in brackets, `(Ø)`, whatever
/// comes before it.
pub(crate) fn is_bracketed_letter(text: &str, tokens: &[Token], i: usize) -> bool {
    is_letter(&tokens[i], text) && bracketed(text, tokens, i)
}

/// Whether token `i` stands in brackets of its own: `(Ø)`, `(Ø),`.
fn bracketed(text: &str, tokens: &[Token], i: usize) -> bool {
    let t = &tokens[i];
    i.checked_sub(1)
        .is_some_and(|open| tokens[open].text(text) == "(" && tokens[open].end == t.start)
        && tokens
            .get(i + 1)
            .is_some_and(|close| close.start == t.end && close.text(text).starts_with(')'))
}

/// The member whose party letter token `letter` is: `(Ø)` right after its
/// name, and the name the run of name words before the bracket (as
/// `name_at` reads token j: lower-case, or `None` for no name), joined as
/// the names guard joins a name's words (a space, a hyphen, one line
/// break). The whole run, so that `Ditte Bek Sørensen` and `Anne Bek
/// Sørensen` are two members. Learning from clean text and settling a
/// damaged letter must find members alike, so both ask here.
pub(crate) fn member(
    text: &str,
    tokens: &[Token],
    letter: usize,
    name_at: impl Fn(usize) -> Option<String>,
) -> Option<String> {
    let open = letter.checked_sub(1)?;
    let last = open.checked_sub(1)?;
    if !bracketed(text, tokens, letter)
        || !text[tokens[last].end..tokens[open].start]
            .chars()
            .all(char::is_whitespace)
    {
        return None;
    }
    let mut words = vec![name_at(last)?];
    let mut first = last;
    while let Some(mut before) = first.checked_sub(1) {
        // `Hans-Henrik`: the hyphen is a token of its own.
        let hyphen = &tokens[before];
        if hyphen.text(text) == "-" && hyphen.end == tokens[first].start && before > 0 {
            if tokens[before - 1].end != hyphen.start {
                break;
            }
            before -= 1;
        } else if !names::adjacent(text, &tokens[before], &tokens[first]) {
            break;
        }
        let Some(word) = name_at(before) else { break };
        words.push(word);
        first = before;
    }
    words.reverse();
    Some(words.join(" "))
}

/// The parties by the names minutes write for them, and their list letters
/// (lower-case), as the Ministry of the Interior assigns them nationally;
/// the older ones too, for archives span decades. A longer name before a
/// shorter one it begins with. (Not Fremskridtspartiet's Z: a `z` is OCR's
/// æ to [`readings`], never a letter of its own.)
const PARTY_NAMES: [(&str, &str); 23] = [
    ("Socialdemokratiet", "a"),
    ("Socialdemokraterne", "a"),
    ("Det Radikale Venstre", "b"),
    ("Radikale Venstre", "b"),
    ("Det Konservative Folkeparti", "c"),
    ("Konservative", "c"),
    ("Nye Borgerlige", "d"),
    ("Centrum-Demokraterne", "d"),
    ("Retsforbundet", "e"),
    ("Socialistisk Folkeparti", "f"),
    ("SF", "f"),
    ("Borgernes Parti", "h"),
    ("Liberal Alliance", "i"),
    ("Kristendemokraterne", "k"),
    ("Moderaterne", "m"),
    ("Dansk Folkeparti", "o"),
    ("Kristeligt Folkeparti", "q"),
    ("Frie Grønne", "q"),
    ("Slesvigsk Parti", "s"),
    ("Venstre", "v"),
    ("Alternativet", "å"),
    ("Danmarksdemokraterne", "æ"),
    ("Enhedslisten", "ø"),
];

/// The words that put a statement on record, right before its colon:
/// `ønskede følgende ført til referat:`, `... tilført protokollen:`. In
/// lower case, as a sentence writes them (a heading `Referat:` is none).
/// None has æ, ø or å, so a page that lost its diacritics still writes
/// them.
const RECORDED: [&str; 5] = [
    "referat",
    "referatet",
    "protokol",
    "protokollen",
    "beslutningsprotokollen",
];

/// How many tokens past a member's letter a statement's colon may come.
const STATEMENT_REACH: usize = 16;

/// The letter (lower-case) of the party a member's own statement names:
/// `Asta Frølund (Ø) ønskede følgende ført til referat: "Enhedslisten
/// finder ..."`. A member puts a view on record for their party, by its
/// name, and a page that lost its ø still writes `Enhedslisten`. Only a
/// statement in the sentence of the member's letter (a lower-case word
/// right after the bracket, on its line; no `.`, `!`, `?`, `;` or bracket
/// before the colon, and no other name: two capitalised words), put on
/// record ([`RECORDED`] right before the colon), that opens
/// with one party's name (past a quote mark): not `Enhedslistens forslag`
/// or `SF's forslag`, nor a party named further on, nor a joint statement
/// (`Dansk Folkeparti og Enhedslisten ...`). What it may change is
/// [`settle`]'s to say: a statement may open with another party's name.
pub(crate) fn stated(text: &str, tokens: &[Token], letter: usize) -> Option<&'static str> {
    let line = tokens[letter].line;
    // The member's own sentence goes on after the bracket (`ønskede`), on
    // its line: not a list of those present followed by another's words.
    let verb = tokens.get(letter + 2)?;
    if verb.line != line
        || verb.kind != Kind::Word
        || !verb.text(text).starts_with(char::is_lowercase)
    {
        return None;
    }
    let mut colon = None;
    let mut capitalised_before = false;
    for (k, token) in tokens
        .iter()
        .enumerate()
        .skip(letter + 2)
        .take(STATEMENT_REACH)
    {
        let seen = token.text(text);
        let ends = token.kind == Kind::Punct && seen.contains(['(', '.', '!', '?', ';']);
        let capitalised = token.kind == Kind::Word && seen.starts_with(char::is_uppercase);
        if token.line > line + 1 || ends || (capitalised && capitalised_before) {
            return None;
        }
        capitalised_before = capitalised;
        if seen.contains(':') {
            colon = Some(k);
            break;
        }
    }
    let colon = colon?;
    let before = &tokens[colon.checked_sub(1)?];
    if before.kind != Kind::Word || !RECORDED.contains(&before.text(text)) {
        return None;
    }
    let opening = text[tokens[colon].end..].trim_start_matches(|c: char| {
        c.is_whitespace() || matches!(c, '"' | '“' | '”' | '„' | '»' | '«' | '\'')
    });
    let (letter, rest) = party_named_at(opening)?;
    // A joint statement speaks for more than one party (`Enhedslisten og
    // Danmarksdemokraterne`, `samt`, `,`, `/`, `&`, across a line break).
    let joint = ["og", "samt", ",", "/", "&"]
        .iter()
        .filter_map(|joint| rest.trim_start().strip_prefix(joint))
        .any(|next| party_named_at(next.trim_start()).is_some());
    (!joint).then_some(letter)
}

/// The letter of the party whose name `text` opens with, and what follows
/// the name: a whole name, not `Enhedslistens`, `SF-gruppen` or `SF's`.
fn party_named_at(text: &str) -> Option<(&'static str, &str)> {
    PARTY_NAMES.iter().find_map(|&(name, letter)| {
        let rest = text.strip_prefix(name)?;
        let glued = rest.starts_with(|c: char| {
            c.is_alphanumeric() || matches!(c, '-' | '\'' | '’' | '´' | '`' | 'ʼ')
        });
        (!glued).then_some((letter, rest))
    })
}

/// What a letter seen as `seen` (lower-case) may have been: itself, unless
/// it holds OCR junk or is OCR's spelling of one diacritic letter, and every
/// diacritic letter OCR prints it for; with `every`, every letter OCR prints
/// it for (`t` for `f`: likely enough only where clean minutes name the
/// member's party).
pub(crate) fn readings(confusions: &Confusions, seen: &str, every: bool) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let truths: Vec<&str> = if every {
        confusions.all_readings(seen).collect()
    } else {
        confusions.diacritic_readings(seen).collect()
    };
    // `é` and `z` are OCR's, never a party's; and two letters that OCR
    // prints for one diacritic letter (`ae`, `ee`, `eo`) are that letter:
    // a list with two letters is a pair of capitals (`SF`, `DF`), which no
    // OCR spelling of æ, ø or å is.
    let junk = seen
        .chars()
        .any(|c| !c.is_alphabetic() || c == 'z' || c == 'é');
    let one_letter_spelled =
        seen.chars().count() > 1 && confusions.diacritic_readings(seen).next().is_some();
    if !junk && !one_letter_spelled {
        out.push(seen.to_string());
    }
    for truth in truths {
        if !out.iter().any(|r| r == truth) {
            out.push(truth.to_string());
        }
    }
    out
}

/// What the batch's clean minutes say of members and their letters.
pub(crate) struct Batch<'a> {
    /// The letter clean text always writes for a member (lower-case), the
    /// member named as the document writes them, damaged or not.
    pub letter_of: &'a dyn Fn(&str) -> Option<String>,
    /// Whether clean text writes a letter (lower-case) after some member:
    /// then it is a party of the batch's, and a damaged letter is read as
    /// another only where it lost a diacritic (`(T)` stays where a list T
    /// sits in the council; elsewhere it is OCR's `(F)`).
    pub in_use: &'a dyn Fn(&str) -> bool,
    /// How often clean text writes a letter (lower-case) after a member,
    /// as a count (a prior's pseudo-count may be a fraction).
    pub count: &'a dyn Fn(&str) -> f64,
}

/// The letters to change, `(token, letter)`, and whether context decided
/// it: the member's other letters, or the letter the batch's clean minutes
/// write for the member; otherwise the letter alone did.
pub(crate) fn settle(
    confusions: &Confusions,
    letters: &[Letter],
    batch: &Batch,
) -> Vec<(usize, String, bool)> {
    let members = by_member(letters);
    let mut out = Vec::new();
    for own in members.values() {
        // The readings every letter of the member allows.
        let fit = |every: bool| common_readings(confusions, own, every);
        // Every OCR reading, not only lost diacritics, when clean text
        // names the member's party and no member of the batch has the
        // letters as seen.
        let every = own.iter().all(|l| !(batch.in_use)(&l.seen));
        // A statement opening with a party's name settles only a letter
        // no clean minutes write after a member (`(E)`, `(T)`): it may
        // name another party than the member's (`Karl Jensen (O) ...:
        // "Enhedslisten har igen ..."`), so a letter that is a party's
        // stays, and the named one is offered for review (see [`doubts`]).
        let no_party = own.iter().all(|l| (batch.count)(&l.seen) == 0.0);
        let stated = member_stated(own).filter(|_| no_party);
        let known = (batch.letter_of)(&own[0].member).or_else(|| stated.map(String::from));
        let (only, by_context) = match known {
            Some(letter) if fit(every).contains(&letter) => (letter, true),
            _ => {
                let fit = fit(false);
                let [only] = fit.as_slice() else { continue };
                let several = own.iter().any(|l| l.seen != own[0].seen);
                (only.clone(), several)
            }
        };
        for letter in own.iter().filter(|l| l.seen != only) {
            out.push((letter.token, only.clone(), by_context));
        }
    }
    out.sort_by_key(|c| c.0);
    out
}

/// The parties the document's members present may sit for (lower-case
/// letters): of each member with a letter on a list of those present
/// (`present`, by token), the letter as [`settle`] left it where it
/// decided one (the batch's clean minutes, the member's other letters or
/// statement), and otherwise every reading all the member's letters allow.
pub(crate) fn roster(
    confusions: &Confusions,
    letters: &[Letter],
    settled: &[(usize, String, bool)],
    batch: &Batch,
    present: impl Fn(usize) -> bool,
) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for own in by_member(letters).values() {
        if !own.iter().any(|l| present(l.token)) {
            continue;
        }
        if let Some((_, to, _)) = settled.iter().find(|s| own.iter().any(|l| l.token == s.0)) {
            out.insert(to.clone());
            continue;
        }
        let fit = common_readings(confusions, own, false);
        match (batch.letter_of)(&own[0].member) {
            // Clean minutes write the member's letter as seen.
            Some(known) if fit.contains(&known) => {
                out.insert(known);
            }
            _ => out.extend(fit),
        }
    }
    out
}

/// What a party letter in a vote (`For stemte: A, V og O`), seen as `seen`
/// (lower-case), may be: its readings among the parties of the document's
/// members (see [`roster`]). A vote counts the members present, so a
/// party none of them may sit for cast no vote: where the members left a
/// page that lost its ø are settled as A, V and Ø, its vote's `O` is Ø.
/// Empty where no reading is among them: the roster is not the whole
/// council (a byråd's vote, a list of the absent only), and nothing is
/// read from it.
pub(crate) fn vote_readings(
    confusions: &Confusions,
    seen: &str,
    roster: &BTreeSet<String>,
) -> Vec<String> {
    let mut out = readings(confusions, seen, false);
    out.retain(|r| roster.contains(r));
    out
}

/// The other letters a vote's letter seen as `seen` may well be, for
/// review: its readings among the members' parties ([`vote_readings`]),
/// weighed as [`doubts`] weighs a member's, at `bar` of the weight or
/// more.
pub(crate) fn vote_doubts(
    confusions: &Confusions,
    seen: &str,
    roster: &BTreeSet<String>,
    batch: &Batch,
    bar: f64,
) -> Vec<String> {
    let mut shares = shares(confusions, std::iter::once(seen), batch);
    shares.retain(|(r, _)| roster.contains(r));
    let total: f64 = shares.iter().map(|s| s.1).sum();
    shares
        .into_iter()
        .filter(|(r, share)| r != seen && *share >= bar * total)
        .map(|(r, _)| r)
        .collect()
}

/// The readings (see [`readings`]) every letter of one member allows.
fn common_readings(confusions: &Confusions, own: &[&Letter], every: bool) -> Vec<String> {
    let mut fit = readings(confusions, &own[0].seen, every);
    for letter in &own[1..] {
        let these = readings(confusions, &letter.seen, every);
        fit.retain(|r| these.contains(r));
    }
    fit
}

/// The one party a member's statements name (see [`stated`]), if they
/// name one and no other.
fn member_stated(own: &[&Letter]) -> Option<&'static str> {
    let mut named = own.iter().filter_map(|l| l.stated);
    let first = named.next()?;
    named.all(|other| other == first).then_some(first)
}

/// The letters of each member.
fn by_member(letters: &[Letter]) -> BTreeMap<&str, Vec<&Letter>> {
    let mut members: BTreeMap<&str, Vec<&Letter>> = BTreeMap::new();
    for letter in letters {
        members.entry(&letter.member).or_default().push(letter);
    }
    members
}

/// A letter left as seen that may well be another party's, for review.
#[derive(Debug, PartialEq)]
pub(crate) struct Doubt {
    pub token: usize,
    /// The other letters it may be (lower-case), likeliest first.
    pub readings: Vec<String>,
}

/// The letters [`settle`] leaves as seen that may well be another
/// party's: where a page lost its ø, `(O)` is Dansk Folkeparti's or
/// Enhedslisten's, and `(E)`, if no member of the batch's has E, is Æ or
/// Ø. Every reading the member's letters all allow is weighed by OCR's
/// odds of printing each letter seen for it and by how often clean minutes
/// write it after a member (add-one); a reading other than the letter
/// seen is offered at `bar` of the weight or more. So `(A)` is not
/// offered as Å where clean minutes write A twenty times as often.
pub(crate) fn doubts(
    confusions: &Confusions,
    letters: &[Letter],
    settled: &[(usize, String, bool)],
    batch: &Batch,
    bar: f64,
) -> Vec<Doubt> {
    let members = by_member(letters);
    let mut out = Vec::new();
    for own in members.values() {
        // (All of `own` name one member.)
        // (A statement naming the letter's own party decides nothing: a
        // member may open with another party's name.)
        let decided = (batch.letter_of)(&own[0].member).is_some()
            || own.iter().any(|l| settled.iter().any(|s| s.0 == l.token));
        if decided {
            continue;
        }
        let shares = shares(confusions, own.iter().map(|l| l.seen.as_str()), batch);
        let stated = member_stated(own);
        for letter in own {
            let mut readings: Vec<String> = shares
                .iter()
                .filter(|(r, share)| *r != letter.seen && *share >= bar)
                .map(|(r, _)| r.clone())
                .collect();
            // The party the member's statement names, first, where OCR
            // could have printed the letter seen for it.
            if let Some(named) = stated.filter(|n| *n != letter.seen) {
                if shares.iter().any(|(r, _)| r == named) {
                    readings.retain(|r| r != named);
                    readings.insert(0, named.to_string());
                }
            }
            if !readings.is_empty() {
                out.push(Doubt {
                    token: letter.token,
                    readings,
                });
            }
        }
    }
    out.sort_by_key(|d| d.token);
    out
}

/// Each reading the letters `seen` (one member's, or a vote's one) all
/// allow, with its share of their weight (see [`doubts`]), likeliest
/// first.
fn shares<'s>(
    confusions: &Confusions,
    seen: impl Iterator<Item = &'s str> + Clone,
    batch: &Batch,
) -> Vec<(String, f64)> {
    let Some(first) = seen.clone().next() else {
        return Vec::new();
    };
    let mut weights: Vec<(String, f64)> = readings(confusions, first, false)
        .into_iter()
        .map(|r| {
            let prior = (batch.count)(&r) + 1.0;
            (r, prior.ln())
        })
        .collect();
    for letter in seen {
        let mut channels: Vec<(String, f64)> = Vec::new();
        let visit = &mut |s: super::confusions::Spelling| {
            channels.push((s.word.to_string(), s.channel));
        };
        confusions.each_diacritic_spelling(letter, true, MAX_LETTER_SPELLINGS, visit);
        weights.retain_mut(|(r, weight)| {
            let channel = channels.iter().find(|(c, _)| c == r).map(|c| c.1);
            channel.map(|c| *weight += c).is_some()
        });
    }
    let max = weights.iter().map(|w| w.1).fold(f64::MIN, f64::max);
    let total: f64 = weights.iter().map(|w| (w.1 - max).exp()).sum();
    let mut shares: Vec<(String, f64)> = weights
        .into_iter()
        .map(|(r, w)| (r, (w - max).exp() / total))
        .collect();
    shares.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    shares
}

/// More readings than a letter of one or two characters has.
const MAX_LETTER_SPELLINGS: usize = 64;

#[cfg(test)]
mod tests {
    use super::*;

    fn letter(token: usize, member: &str, seen: &str) -> Letter {
        Letter {
            token,
            member: member.to_string(),
            seen: seen.to_string(),
            stated: None,
        }
    }

    #[test]
    fn readings_come_from_the_confusion_table() {
        let c = Confusions::bundled();
        assert_eq!(readings(&c, "o", false), ["o", "ø"]);
        assert!(readings(&c, "e", false).contains(&"æ".to_string()));
        assert!(readings(&c, "e", false).contains(&"ø".to_string()));
        assert_eq!(readings(&c, "ze", false), ["æ"]);
        // Two letters OCR prints for one are that one; `é` is OCR junk.
        assert_eq!(readings(&c, "ae", false), ["æ"]);
        assert_eq!(readings(&c, "ee", false), ["æ"]);
        assert_eq!(readings(&c, "eo", false), ["ø"]);
        assert_eq!(readings(&c, "é", false), ["å"]);
        assert_eq!(readings(&c, "sf", false), ["sf"]);
        // Only what seed 002 shows: `aa` for å is known of, never seen there
        // (a name writes `aa` of its own).
        assert_eq!(readings(&c, "aa", false), ["aa"]);
        assert_eq!(readings(&c, "v", false), ["v"]);
        // Every reading: `t` is OCR's `f` too, and `ft` junk around it.
        assert_eq!(readings(&c, "t", false), ["t"]);
        assert!(readings(&c, "t", true).contains(&"f".to_string()));
        assert!(readings(&c, "ft", true).contains(&"f".to_string()));
    }

    #[test]
    fn a_party_name_is_found_before_a_shorter_one_it_begins_with() {
        for (i, (longer, _)) in PARTY_NAMES.iter().enumerate() {
            for (shorter, _) in &PARTY_NAMES[..i] {
                assert!(!longer.starts_with(shorter), "{longer} after {shorter}");
            }
        }
    }

    #[test]
    fn a_member_seen_with_two_readings_gets_the_one_both_allow() {
        let c = Confusions::bundled();
        let letters = [
            letter(3, "sørensen", "o"),
            letter(9, "hansen", "o"),
            letter(20, "sørensen", "e"),
            letter(30, "brøndum", "ze"),
            letter(40, "lund", "a"),
            letter(50, "lund", "v"),
        ];
        let nothing = Batch {
            letter_of: &|_| None,
            in_use: &|_| false,
            count: &|_| 0.0,
        };
        let settled = settle(&c, &letters, &nothing);
        assert_eq!(
            settled,
            [
                (3, "ø".to_string(), true),
                (20, "ø".to_string(), true),
                (30, "æ".to_string(), false),
            ]
        );
    }

    /// What clean minutes write after a member's name decides a letter
    /// that is one of its readings; a letter it is no reading of, or a
    /// member clean text does not know, is left to the document's own
    /// evidence.
    #[test]
    fn a_member_known_from_clean_minutes_gets_their_letter() {
        let c = Confusions::bundled();
        let letters = [
            letter(3, "maja lindholt", "o"),
            letter(9, "kurt fisker", "o"),
            letter(15, "lone bækgaard", "a"),
            letter(21, "søren aaskov", "e"),
            letter(30, "ukendt person", "o"),
            letter(36, "susanne højmark", "t"),
            letter(40, "tove rønnow", "t"),
        ];
        let known = |member: &str| {
            let letter = match member {
                "maja lindholt" => "ø",
                "kurt fisker" => "o",
                "lone bækgaard" => "c",
                "søren aaskov" => "æ",
                "susanne højmark" => "f",
                _ => return None,
            };
            Some(letter.to_string())
        };
        let batch = Batch {
            letter_of: &known,
            in_use: &|_| false,
            count: &|_| 0.0,
        };
        assert_eq!(
            settle(&c, &letters, &batch),
            [
                (3, "ø".to_string(), true),
                (21, "æ".to_string(), true),
                (36, "f".to_string(), true)
            ]
        );
        // Where a member of the batch sits for a list T, a `(T)` is read
        // as another letter only by a lost diacritic: Højmark's stays.
        let with_t = Batch {
            letter_of: &known,
            in_use: &|letter| letter == "t",
            count: &|_| 0.0,
        };
        assert_eq!(
            settle(&c, &letters, &with_t),
            [(3, "ø".to_string(), true), (21, "æ".to_string(), true)]
        );
    }

    /// On a page that lost its diacritics, a letter left as seen that
    /// another party's may well be goes to review, weighed by how often
    /// clean minutes write each letter; one the member's other letters or
    /// the batch's clean minutes settle does not.
    #[test]
    fn a_letter_that_may_be_another_partys_is_doubted() {
        let c = Confusions::bundled();
        let letters = [
            letter(3, "kim hansen", "o"),
            letter(9, "lis lund", "a"),
            letter(15, "per vad", "e"),
            letter(21, "ib holm", "o"),
            letter(27, "ib holm", "e"),
            letter(33, "ulla dam", "o"),
            letter(39, "bo bech", "v"),
        ];
        let counts = |letter: &str| match letter {
            "a" => 120.0,
            "v" => 120.0,
            "ø" => 60.0,
            "o" => 60.0,
            "æ" => 15.0,
            "å" => 5.0,
            _ => 0.0,
        };
        let batch = Batch {
            letter_of: &|member| (member == "ulla dam").then(|| "o".to_string()),
            in_use: &|letter| counts(letter) > 0.0,
            count: &counts,
        };
        let settled = settle(&c, &letters, &batch);
        // Holm's (O) and (E) settle each other; Ulla Dam is O in the clean
        // minutes.
        assert_eq!(
            settled,
            [(21, "ø".to_string(), true), (27, "ø".to_string(), true)]
        );
        let doubts = doubts(&c, &letters, &settled, &batch, 0.2);
        let doubt = |token: usize, readings: &[&str]| Doubt {
            token,
            readings: readings.iter().map(|r| r.to_string()).collect(),
        };
        // (O) may be Ø; (E), no party here, is Ø likelier than Æ; A is A
        // far more often than Å, Æ or Ø; V has no other reading.
        assert_eq!(doubts, [doubt(3, &["ø"]), doubt(15, &["ø"])]);
        // Where Æ is as common as Ø, (E) may be either.
        let even = |letter: &str| if letter == "æ" { 60.0 } else { counts(letter) };
        let batch = Batch {
            count: &even,
            ..batch
        };
        let doubts = super::doubts(&c, &letters, &settled, &batch, 0.2);
        assert_eq!(doubts[1], doubt(15, &["ø", "æ"]));
    }

    /// The roster holds a settled member's letter alone, a member the
    /// batch's clean minutes know by theirs, and every reading of the
    /// others; a vote's letter is read among them.
    #[test]
    fn a_vote_is_read_among_the_members_parties() {
        let c = Confusions::bundled();
        let letters = [
            letter(3, "ib holm", "o"),
            letter(9, "ib holm", "e"),
            letter(15, "bo bech", "v"),
            letter(21, "ulla dam", "o"),
            letter(27, "lis lund", "o"),
        ];
        let batch = Batch {
            letter_of: &|member| (member == "ulla dam").then(|| "o".to_string()),
            in_use: &|_| true,
            count: &|_| 1.0,
        };
        let settled = settle(&c, &letters, &batch);
        let roster = roster(&c, &letters, &settled, &batch, |_| true);
        // Holm is Ø, Dam O, Bech V, and Lund O or Ø.
        assert_eq!(
            roster.iter().map(String::as_str).collect::<Vec<_>>(),
            ["o", "v", "ø"]
        );
        assert_eq!(vote_readings(&c, "o", &roster), ["o", "ø"]);
        assert_eq!(vote_readings(&c, "v", &roster), ["v"]);
        assert_eq!(vote_readings(&c, "e", &roster), ["ø"]);
        assert_eq!(vote_readings(&c, "c", &roster), Vec::<String>::new());
        // Without Dam and Lund (not on the list of those present), an `O` in
        // the vote is Ø.
        let roster = super::roster(&c, &letters, &settled, &batch, |token| token < 20);
        assert_eq!(vote_readings(&c, "o", &roster), ["ø"]);
    }

    fn members(text: &str) -> Vec<String> {
        let tokens = crate::tokenize::tokenize(text);
        let name_at = |j: usize| {
            let t = &tokens[j];
            let word = t.text(text);
            (t.kind == crate::tokenize::Kind::Word && word.starts_with(char::is_uppercase))
                .then(|| word.to_lowercase())
        };
        (0..tokens.len())
            .filter_map(|i| member(text, &tokens, i, name_at))
            .collect()
    }

    /// A member is the whole run of name words before the bracket, so two
    /// members who share a surname are two, and a name wrapped at a line's
    /// end is one.
    #[test]
    fn a_member_is_every_word_of_the_name() {
        assert_eq!(
            members(
                "Deltagere: Ditte Bek Sørensen (Ø), Anne Bek Sørensen (O),\n\
                 formand, Hans-Henrik Jensen (V) og Claus\nAhlgreen (A). Ib (C)"
            ),
            [
                "ditte bek sørensen",
                "anne bek sørensen",
                "hans henrik jensen",
                "claus ahlgreen",
                "ib"
            ]
        );
        // No bracket right after the name, or a blank line inside it.
        assert!(members("Maja Lindholt ( Ø ) og Kurt\n\nFisker (O)")
            .iter()
            .all(|m| m != "maja lindholt" && m != "kurt fisker"));
    }
}
