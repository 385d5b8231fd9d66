//! Names of people are repaired only where the text around them lost its
//! æ, ø and å, and a name that is a word as seen only into a name the
//! lexicon knows (see `restores_name` and `decide` in the parent module).
//!
//! A name is not in the lexicon, or is there only as a proper noun, so the
//! repair would otherwise treat `Nicolajsen` as a damaged word and might find
//! a "repair" for `Brandt` (`brændt`). Three signs mark a word as a name:
//!
//! * it is capitalised and stands next to another capitalised word that is
//!   not a common word (`Tina Nicolajsen`, `Hanne Nezlo Hansen`), also when
//!   the name wraps at the end of a line;
//! * it is capitalised and followed by a parenthesis, the party letter or
//!   organisation of a member (`Brandt(aftaleholder)`, `Nicolajsen (FOA)`);
//! * it stands in the list under a `Fraværende:` or `Deltagere:` heading.

use std::cell::OnceCell;

use super::lexicon::Lexicon;
use crate::tokenize::{Kind, Token};

/// Which tokens are (parts of) names of people. `is_word` is
/// [`Lexicon::is_word`], or a cache of it.
pub fn protected(
    text: &str,
    tokens: &[Token],
    lex: &Lexicon,
    is_word: &dyn Fn(&str) -> bool,
) -> Vec<bool> {
    // Most capitalised words open a sentence beside a lower-case word: the
    // lexicon is asked only about a capitalised word beside another or
    // before a parenthesis, once.
    let capitalised: Vec<bool> = tokens
        .iter()
        .map(|t| t.kind == Kind::Word && is_capitalised(t.text(text)))
        .collect();
    let looked_up: Vec<OnceCell<bool>> = vec![OnceCell::new(); tokens.len()];
    let name_like = |i: usize| {
        capitalised[i]
            && *looked_up[i].get_or_init(|| is_name_like(tokens[i].text(text), lex, is_word))
    };
    let mut out = vec![false; tokens.len()];
    for i in 0..tokens.len() {
        if !capitalised[i] {
            continue;
        }
        let before = i > 0
            && capitalised[i - 1]
            && adjacent(text, &tokens[i - 1], &tokens[i])
            && name_like(i - 1);
        let after = i + 1 < tokens.len()
            && capitalised[i + 1]
            && adjacent(text, &tokens[i], &tokens[i + 1])
            && name_like(i + 1);
        // `Nicolajsen (FOA)`, but not `Høringssvar fra Ældrerådet (55310/24)`:
        // a case reference in parentheses follows any title.
        let affiliation = tokens.get(i + 1).is_some_and(|t| {
            t.kind == Kind::Punct && t.text(text).starts_with('(') && t.line == tokens[i].line
        }) && !tokens
            .get(i + 2)
            .is_some_and(|t| t.text(text).starts_with(|c: char| c.is_ascii_digit()));
        out[i] = (before || after || affiliation) && name_like(i);
    }
    let is_common = |lower: &str| !may_be_member_word(lower, false, lex, is_word);
    mark_name_lists(text, tokens, &mut out, &is_common);
    out
}

/// Capitalised letters only, and not a common word of the lexicon.
pub(crate) fn is_name_like(word: &str, lex: &Lexicon, is_word: &dyn Fn(&str) -> bool) -> bool {
    is_capitalised(word) && may_be_member_word(&word.to_lowercase(), false, lex, is_word)
}

/// Whether a capitalised (lower-cased) word may be a word of a member's
/// name before a party letter: no common word the lexicon lists
/// (`Forslaget (A)` names no member; nor, alas, `Lone Bæk (A)`: a review
/// of stop 25 found `Hansen Byg (A)` and `Sønderby Skole (A)`, lettered
/// bids and options, learned as members once a common word after a name
/// was let in); a name, or a string no word explains; and a compound of
/// words (`Lærke|dal`, `Sand|bæk`) only right after a name (`Jakob
/// Lærkedal (Ø)`, but not `Byggefelt (A)`, a lettered area of a local
/// plan). A `--names` list's members are learned whole, whatever their
/// words (`Evidence::names`). Learning members from clean text and
/// settling a damaged letter ask this (see [`super::parties::member`]).
pub(crate) fn may_be_member_word(
    lower: &str,
    after_a_name: bool,
    lex: &Lexicon,
    is_word: &dyn Fn(&str) -> bool,
) -> bool {
    match lex.entry(lower) {
        Some(e) if e.standalone && !e.proper => false,
        Some(_) => true,
        None => after_a_name || !is_word(lower),
    }
}

/// The word token `j` gives a member's name before a party letter, if it
/// gives one ([`may_be_member_word`], the word before it deciding whether
/// it is right after a name): the one rule for learning members from clean
/// text and for settling a damaged letter. `lower_of` reads a capitalised
/// word token (lower-case; `None` for any other token), `vouched` says
/// which tokens are names whatever the lexicon says (the names guard's).
pub(crate) fn member_word(
    text: &str,
    tokens: &[Token],
    j: usize,
    lower_of: &dyn Fn(usize) -> Option<String>,
    vouched: &dyn Fn(usize) -> bool,
    lex: &Lexicon,
    is_word: &dyn Fn(&str) -> bool,
) -> Option<String> {
    let name_word = |k: usize, lower: &str, after: bool| {
        vouched(k) || may_be_member_word(lower, after, lex, is_word)
    };
    let lower = lower_of(j)?;
    let after_a_name = j.checked_sub(1).is_some_and(|before| {
        adjacent(text, &tokens[before], &tokens[j])
            && lower_of(before).is_some_and(|b| name_word(before, &b, false))
    });
    name_word(j, &lower, after_a_name).then_some(lower)
}

/// Whether a word of two letters or more is written with a capital and the
/// rest lower-case.
pub(crate) fn is_capitalised(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(char::is_uppercase)
        && chars.clone().next().is_some()
        && chars.all(char::is_lowercase)
}

/// Only whitespace between two tokens, with at most one line break (a name
/// wrapped at the end of a line: `Kåre` / `Lindholm`), or a hyphen joining
/// them (`Hans-Henrik`).
pub(crate) fn adjacent(text: &str, a: &Token, b: &Token) -> bool {
    let gap = &text[a.end..b.start];
    gap == "-" || (gap.chars().all(char::is_whitespace) && gap.matches('\n').count() <= 1)
}

/// Heading words (lower-case prefixes, so OCR damage later in the word does
/// not hide them) that open a list of people.
const LIST_HEADINGS: &[&str] = &["frav", "deltager", "afbud", "til stede", "tilstede"];

/// More letters than the longest of [`LIST_HEADINGS`].
const HEADING_CHARS: usize = 12;

/// The most words a list heading has before its colon (`Til stede fra
/// forvaltningen:`, `Fraværende i dette punkt:`).
const HEADING_WORDS_BEFORE_COLON: usize = 5;

/// The lower-case words a heading with names on its own line may have
/// (`Afbud fra Hanne Hansen (A) og`); any other makes it a sentence.
const NAME_LINE_WORDS: &[&str] = &["og", "fra", "i", "med"];

/// The first `chars` characters of `text`, or fewer where its line ends.
fn line_start(text: &str, chars: usize) -> &str {
    let end = text
        .char_indices()
        .nth(chars)
        .map_or(text.len(), |(at, _)| at);
    let head = &text[..end];
    head.split('\n').next().unwrap_or(head)
}

/// The lines after a `Fraværende:` heading, as long as every word on them
/// outside parentheses is capitalised, up to the next section's heading
/// (`Bilag:`). Blank lines may stand between the names (`Fraværende:`,
/// a blank line, `Diana Therese Mikkelsen (Æ)`, a blank line, `Tom Bytoft
/// (A)`, as the seeds write them). `is_common` says whether a lower-case
/// word is a common word, not a name.
fn mark_name_lists(
    text: &str,
    tokens: &[Token],
    out: &mut [bool],
    is_common: &dyn Fn(&str) -> bool,
) {
    let mut i = 0;
    while i < tokens.len() {
        if !opens_list(text, tokens, i) {
            i += 1;
            continue;
        }
        let heading_line = tokens[i].line;
        let mut j = i + 1;
        while j < tokens.len() && tokens[j].line == heading_line {
            j += 1;
        }
        // Names after the heading's colon, on its own line (`Fraværende:
        // Kim Mode (V), Eva Mal (C)`).
        if let Some(colon) = (i..j).find(|&k| is_colon(text, &tokens[k])) {
            mark_if_names(text, tokens, colon + 1..j, out);
        }
        // One line at a time.
        while j < tokens.len() {
            let line = tokens[j].line;
            let end = tokens[j..]
                .iter()
                .position(|t| t.line != line)
                .map_or(tokens.len(), |k| j + k);
            let words = &tokens[j..end];
            if !is_name_line(text, words) || is_section_heading(text, words, is_common) {
                break;
            }
            mark_if_names(text, tokens, j..end, out);
            j = end;
        }
        i = j.max(i + 1);
    }
}

/// Marks the words of `tokens[range]` as names if they are a line of
/// names ([`is_name_line`]).
fn mark_if_names(text: &str, tokens: &[Token], range: std::ops::Range<usize>, out: &mut [bool]) {
    if !is_name_line(text, &tokens[range.clone()]) {
        return;
    }
    for k in range.filter(|&k| tokens[k].kind == Kind::Word) {
        out[k] = true;
    }
}

/// Whether `t` is Markdown's emphasis or heading marks (`**`, `##`) and
/// nothing else but the characters of `also`.
fn is_markup(text: &str, t: &Token, also: &str) -> bool {
    t.kind == Kind::Punct
        && t.text(text)
            .chars()
            .all(|c| c == '*' || c == '#' || also.contains(c))
}

/// A colon, or OCR's semicolon for one.
fn is_colon(text: &str, t: &Token) -> bool {
    t.kind == Kind::Punct && (t.text(text).starts_with(':') || t.text(text).starts_with(';'))
}

/// Whether a list heading begins the line at token `i`: its first word
/// (after Markdown's `**` or `##`; in capitals too) begins with one of
/// [`LIST_HEADINGS`], and the line is a heading, not a sentence
/// ([`is_heading_line`]).
fn opens_list(text: &str, tokens: &[Token], i: usize) -> bool {
    let t = &tokens[i];
    if i > 0 && tokens[i - 1].line == t.line {
        return false;
    }
    let Some(first) = tokens[i..]
        .iter()
        .take_while(|w| w.line == t.line)
        .position(|w| !is_markup(text, w, ""))
    else {
        return false;
    };
    let word = &tokens[i + first];
    if !matches!(word.kind, Kind::Word | Kind::Abbreviation) {
        return false;
    }
    // The line's beginning, not its first word: `Til stede` is two.
    // (Its first dozen letters lower-cased once a line, not once a
    // heading: this runs for every line of every page.)
    let lower = line_start(&text[word.start..], HEADING_CHARS).to_lowercase();
    LIST_HEADINGS
        .iter()
        .find(|h| lower.starts_with(*h))
        .is_some_and(|h| is_heading_line(text, &tokens[i + first..], h.split(' ').count()))
}

/// Whether the line that `rest` begins, with a list heading of
/// `heading_words` words, is a heading and not a sentence that begins with
/// its words (`Til stede var også direktøren.`, `Fravalg af ...`): a few
/// words up to a colon (or OCR's semicolon for one), or names after the
/// heading on its own line (`Fraværende Anders Jensen (V)`).
fn is_heading_line(text: &str, rest: &[Token], heading_words: usize) -> bool {
    let Some(first) = rest.first() else {
        return false;
    };
    let mut words = 0;
    let mut sentence = false;
    for t in rest.iter().take_while(|t| t.line == first.line) {
        let s = t.text(text);
        if is_colon(text, t) {
            return words <= HEADING_WORDS_BEFORE_COLON;
        }
        if t.kind == Kind::Word {
            words += 1;
            sentence |= words > heading_words
                && !s.starts_with(char::is_uppercase)
                && !NAME_LINE_WORDS.contains(&s);
        }
    }
    !sentence
}

/// Whether a line is the next section's heading rather than a name: one
/// common word and nothing else but a colon or Markdown's marks (`Bilag:`,
/// `Sagsfremstilling`, `**Beslutning**`). A person is written with two names
/// or a party letter; a page number (`Side 2`) inside a list does not end
/// it.
fn is_section_heading(text: &str, line: &[Token], is_common: &dyn Fn(&str) -> bool) -> bool {
    let mut rest = line.iter().filter(|t| !is_markup(text, t, ":"));
    match (rest.next(), rest.next()) {
        (Some(word), None) => word.kind == Kind::Word && is_common(&word.text(text).to_lowercase()),
        _ => false,
    }
}

fn is_name_line(text: &str, line: &[Token]) -> bool {
    let mut depth = 0i32;
    let mut words = 0;
    for t in line {
        let s = t.text(text);
        if t.kind == Kind::Punct {
            depth += s.matches('(').count() as i32 - s.matches(')').count() as i32;
            continue;
        }
        if t.kind == Kind::Word && depth == 0 {
            words += 1;
            let first = s.chars().next().unwrap_or('a');
            if !first.is_uppercase() && s != "og" {
                return false;
            }
        }
        if matches!(t.kind, Kind::CaseNumber | Kind::Date | Kind::Url) {
            return false;
        }
    }
    words > 0
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokenize::tokenize;

    fn names(text: &str) -> Vec<&str> {
        let tokens = tokenize(text);
        let lex = Lexicon::embedded();
        let marks = protected(text, &tokens, lex, &|w| lex.is_word(w));
        tokens
            .iter()
            .zip(marks)
            .filter(|(_, m)| *m)
            .map(|(t, _)| t.text(text))
            .collect()
    }

    #[test]
    fn members_with_affiliation_are_names() {
        assert_eq!(names("Tina Nicolajsen (FOA)"), ["Tina", "Nicolajsen"]);
        // "Hans" is also a common word (his), so it needs no protection.
        assert_eq!(
            names("Hans-Henrik Brandt(aftaleholder)"),
            ["Henrik", "Brandt"]
        );
    }

    #[test]
    fn a_name_may_wrap_onto_the_next_line_but_not_past_a_blank_one() {
        assert_eq!(names("og Kare\nLindholm stemte imod"), ["Kare", "Lindholm"]);
        assert!(names("mødet i Auning\n\nLindholm stemte imod").is_empty());
    }

    #[test]
    fn lines_under_fravaerende_are_names() {
        let text = "Fravarende:\n\nHanne Helt Kevy\nPia Christensen\n\nBilag:\nl- Aben Tids- og handleplan\n";
        let got = names(text);
        assert!(
            got.contains(&"Kevy") && got.contains(&"Christensen"),
            "{got:?}"
        );
        assert!(!got.contains(&"Aben"));
    }

    #[test]
    fn lines_under_til_stede_are_names() {
        // A heading of two words: the line's beginning, not its first word.
        let text = "Til stede:\nHanne Helt Kevy\nPia Christensen\n\nSagsfremstilling\nBorgmester Aben Hansen.\n";
        let got = names(text);
        // `Helt` is a word: only the list makes it part of a name.
        assert!(got.contains(&"Helt") && got.contains(&"Kevy"), "{got:?}");
        // The list ends at the next section's heading, which is no name.
        assert!(!got.contains(&"Sagsfremstilling"), "{got:?}");
        // A line that merely begins `Til` is no heading, nor is a sentence
        // that begins with a heading's words.
        assert!(names("Tilskud\nHanne Helt Kevy\n").is_empty());
        for prose in [
            "Til stede under punktet var også direktøren for området.",
            "Til stedet kom borgmesteren.",
            "Fravalg af en plan for området.",
        ] {
            let page = format!("{prose}\nOkonomiske Konsekvenser\n");
            assert!(names(&page).is_empty(), "{prose}: {:?}", names(&page));
        }
    }

    /// Names on the heading's own line, after its colon.
    #[test]
    fn names_after_the_headings_colon_are_names() {
        for page in [
            "Fraværende: Kim Mode (V), Eva Hansen (C)\n",
            "Fraværende; Kim Mode (V)\nEva Hansen (C)\n",
        ] {
            let got = names(page);
            assert!(
                got.contains(&"Mode") && got.contains(&"Kim"),
                "{page}: {got:?}"
            );
        }
        // Not before it, nor a sentence after it.
        let got = names("Fraværende: se punkt 3, Kim Mode\n");
        assert!(!got.contains(&"Mode"), "{got:?}");
    }

    /// `Kim Mode (V)`: two common words and a party letter, a name only
    /// because the list says so (`mode` may be `møde`).
    #[test]
    fn lists_in_the_shapes_minutes_write_them() {
        for heading in [
            // Blank lines between the names, as the seeds write them.
            "Fraværende:\n\nDiana Therese Mikkelsen (Æ)\n",
            "Til stede i ovrigt:",
            "Til stede fra forvaltningen:",
            "Fraværende i dette punkt:",
            "Fraværende Anders Bo Jensen (V)",
            "Afbud fra Hanne Hansen (A) og",
            "Fraværende; Anders Jensen (V), Pia Hansen (A)",
            "**Fraværende:**",
            "## Fraværende",
            "FRAVÆRENDE:",
            "Tilstede:",
            // A page's number inside the list does not end it.
            "Fraværende:\nDiana Therese Mikkelsen (Æ)\n\nSide 2\n",
        ] {
            let page = format!("{heading}\n\nKim Mode (V)\n\nBilag:\n1 - Aben sag\n");
            let got = names(&page);
            assert!(got.contains(&"Mode"), "{heading}: {got:?}");
            // The next section's heading ends it.
            assert!(
                !got.contains(&"Bilag") && !got.contains(&"Aben"),
                "{heading}: {got:?}"
            );
        }
    }

    #[test]
    fn damaged_common_words_are_not_names() {
        assert!(names("P& Kommunalbestyrelsesmadet den 15. november").is_empty());
        assert!(names("23/7776 Aben Sag").is_empty());
    }
}

/// OCR's renderings of a lost `æ` that are no Danish letters (seed 002's
/// `fzelles`, `malsa@tninger`), each with the readings it may have: `ze`
/// may be `æ` or `æ` before an `e`, a `z` a foreign name's own letter.
/// (Not `é`, seed 002's junk for `å` in `omréadet`: the letter model of
/// Danish names reads `Néstor` as `Nåstor`.)
const JUNK: [(&str, &[&str]); 4] = [
    ("a@", &["æ"]),
    ("@", &["æ"]),
    ("ze", &["æ", "æe", "ze"]),
    ("z", &["æ", "z"]),
];

/// The letters a page that lost its æ, ø and å shows for them, with what
/// each may have been.
const LOST: [(&str, &[&str]); 3] = [
    ("a", &["a", "å", "æ"]),
    ("o", &["o", "ø"]),
    ("e", &["e", "æ", "ø"]),
];

/// How much likelier (ln) than the name as written a reading must be
/// under the letter model of names to be offered: more than most foreign
/// names with a `z` score (`Trznadel` -> `Trænadel` 11.7, `Keijzer` 8.8),
/// less than the damaged names of the training minutes (`Bjzrgby` ->
/// `Bjærgby` 18.6, `Lzrkesen` -> `Lærkesen` 22.7); but not all foreign
/// ones (`Strzelczyk` -> `Strælczyk` 15.8), so a reading is only offered.
const JUNK_NAME_MARGIN: f64 = 15.0;

/// How to read a name (lower-case) that OCR wrote with its junk for `æ`:
/// the readings worth a reviewer's glance, likeliest first, under the
/// letter model of names. First the likeliest reading that also puts back
/// letters the page shows as `a`, `o` or `e` (`ba@khoj`: `bækhøj`), then,
/// where that is another, the likeliest with only the junk put back
/// (`bækhoj`); each only where it is far likelier than the name as written
/// ([`JUNK_NAME_MARGIN`]). A name no lexicon holds has no other reading to
/// find, and a `z` where Danish has a vowel is what the model sees. `None`
/// where it sees nothing far likelier.
pub(crate) fn read_junk_name(lower: &str) -> Option<Vec<String>> {
    let model = super::spelling::Spelling::names();
    let seen = model.ln_p_word(lower);
    let best = |readings: Vec<String>| {
        readings
            .into_iter()
            .filter(|r| r != lower && !r.contains('@'))
            .map(|r| (model.ln_p_word(&r), r))
            .max_by(|a, b| a.0.total_cmp(&b.0).then_with(|| b.1.cmp(&a.1)))
            .filter(|(ln_p, _)| ln_p - seen >= JUNK_NAME_MARGIN)
            .map(|(_, r)| r)
    };
    let mut out: Vec<String> = best(readings(lower, true)).into_iter().collect();
    if let Some(junk) = best(readings(lower, false)) {
        if !out.contains(&junk) {
            out.push(junk);
        }
    }
    (!out.is_empty()).then_some(out)
}

/// Every way to read `lower`'s junk ([`JUNK`]), and with
/// `lost` its `a`, `o` and `e` too ([`LOST`]); none where there are more
/// than [`MAX_JUNK_READINGS`].
fn readings(lower: &str, lost: bool) -> Vec<String> {
    // (The junk first: `a@` before `a`.)
    let tables: Vec<(&str, &[&str])> = if lost {
        [JUNK.as_slice(), LOST.as_slice()].concat()
    } else {
        JUNK.to_vec()
    };
    let mut readings = vec![String::new()];
    let mut rest = lower;
    while let Some(c) = rest.chars().next() {
        let (seen, options): (&str, &[&str]) = tables
            .iter()
            .find(|(seen, _)| rest.starts_with(seen))
            .map_or((&rest[..c.len_utf8()], &[]), |&(seen, options)| {
                (seen, options)
            });
        readings = if options.is_empty() {
            readings.into_iter().map(|r| r + seen).collect()
        } else {
            readings
                .iter()
                .flat_map(|r| options.iter().map(move |o| format!("{r}{o}")))
                .collect()
        };
        rest = &rest[seen.len()..];
        if readings.len() > MAX_JUNK_READINGS {
            return Vec::new();
        }
    }
    readings
}

/// More readings than this: too many letters in doubt to read a name by.
const MAX_JUNK_READINGS: usize = 1024;

#[cfg(test)]
mod junk_tests {
    use super::*;

    fn first(lower: &str) -> Option<String> {
        read_junk_name(lower)?.into_iter().next()
    }

    #[test]
    fn junk_for_ae_in_a_name_is_read_back() {
        for (seen, want) in [
            ("lzrkesen", "lærkesen"),
            ("bjzrgby", "bjærgby"),
            ("bjzergby", "bjærgby"),
            ("bzeksted", "bæksted"),
            ("lerbzk", "lerbæk"),
        ] {
            assert_eq!(first(seen).as_deref(), Some(want), "{seen}");
        }
    }

    /// Where the likeliest reading puts back more than the junk (`høj` for
    /// the page's `hoj`), the junk alone is offered second.
    #[test]
    fn a_reading_with_more_letters_put_back_comes_first() {
        assert_eq!(
            read_junk_name("ba@khoj"),
            Some(vec!["bækhøj".to_string(), "bækhoj".to_string()])
        );
    }

    /// Names whose `z` is their own, from German, Polish, Dutch and Danish.
    #[test]
    fn a_foreign_z_is_mostly_kept() {
        for name in [
            "lorenzen",
            "franzen",
            "schultz",
            "holtzmann",
            "kreutzer",
            "hintze",
            "zeuthen",
            "zacho",
            "trznadel",
            "brzezinski",
            "szczepanski",
            "keijzer",
        ] {
            assert!(read_junk_name(name).is_none(), "{name}");
        }
        // Not all (`Strzelczyk` is offered as `Strælczyk`): hence a
        // reading is only offered.
        assert!(read_junk_name("strzelczyk").is_some());
    }
}
