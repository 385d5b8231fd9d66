//! Party letters after members' names: `Ditte Bek Sørensen (Ø)`.
//!
//! OCR reads `(Ø)` as `(O)` or `(E)`, and `(Æ)` as `(ZE)`. Alone, `(O)` is
//! no error: O is a party too. But a member has one party throughout a
//! document, so the readings of all their letters must agree: `(O)` may be
//! O or Ø, `(E)` may be E, Æ or Ø, and a member seen with both is Ø. A letter
//! is changed only when exactly one reading fits every occurrence: `(ZE)`
//! alone is `(Æ)` (z is OCR's æ, never a letter of its own), a member seen
//! only as `(O)` keeps it, and so does a name with `(A)` and `(V)` (two
//! people, or a change of party: no reading fits both).
//!
//! Which letters are parties is not listed anywhere here: the readings come
//! from the confusion table, and the evidence from the document itself and
//! from the batch's clean documents. A committee's members sit in meeting
//! after meeting, so where clean minutes always write a member with one
//! letter (`Maja Lindholt (Ø)`), a damaged `(O)` after the same name is
//! that letter, if it is one of its readings; a member seen as `(O)` in
//! clean minutes too keeps it.

use std::collections::BTreeMap;

use super::confusions::Confusions;

/// A party letter in a lost stretch, with whose it is.
pub(crate) struct Letter {
    /// The token of the letter.
    pub token: usize,
    /// The member's name as repaired, lower-case (`bek sørensen`).
    pub member: String,
    /// The letter as seen, lower-case (`o`, `ze`).
    pub seen: String,
}

/// What a letter seen as `seen` (lower-case) may have been: itself, unless
/// it holds OCR junk, and every diacritic letter OCR prints it for; with
/// `every`, every letter OCR prints it for (`t` for `f`: likely enough only
/// where clean minutes name the member's party).
pub(crate) fn readings(confusions: &Confusions, seen: &str, every: bool) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    if seen.chars().all(|c| c.is_alphabetic() && c != 'z') {
        out.push(seen.to_string());
    }
    let truths: Vec<&str> = if every {
        confusions.all_readings(seen).collect()
    } else {
        confusions.diacritic_readings(seen).collect()
    };
    for truth in truths {
        if !out.iter().any(|r| r == truth) {
            out.push(truth.to_string());
        }
    }
    out
}

/// The letters to change, `(token, letter)`, and whether context decided
/// it: the member's other letters, or the letter `known` says clean text
/// writes for the member (lower-case); otherwise the letter alone did.
pub(crate) fn settle(
    confusions: &Confusions,
    letters: &[Letter],
    known: &dyn Fn(&str) -> Option<String>,
) -> Vec<(usize, String, bool)> {
    let mut members: BTreeMap<&str, Vec<&Letter>> = BTreeMap::new();
    for letter in letters {
        members.entry(&letter.member).or_default().push(letter);
    }
    let mut out = Vec::new();
    for own in members.values() {
        // The readings every letter of the member allows.
        let fit = |every: bool| {
            let mut fit = readings(confusions, &own[0].seen, every);
            for letter in &own[1..] {
                let these = readings(confusions, &letter.seen, every);
                fit.retain(|r| these.contains(r));
            }
            fit
        };
        let (only, by_context) = match known(&own[0].member) {
            Some(letter) if fit(true).contains(&letter) => (letter, true),
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

#[cfg(test)]
mod tests {
    use super::*;

    fn letter(token: usize, member: &str, seen: &str) -> Letter {
        Letter {
            token,
            member: member.to_string(),
            seen: seen.to_string(),
        }
    }

    #[test]
    fn readings_come_from_the_confusion_table() {
        let c = Confusions::bundled();
        assert_eq!(readings(&c, "o", false), ["o", "ø"]);
        assert!(readings(&c, "e", false).contains(&"æ".to_string()));
        assert!(readings(&c, "e", false).contains(&"ø".to_string()));
        assert_eq!(readings(&c, "ze", false), ["æ"]);
        assert_eq!(readings(&c, "v", false), ["v"]);
        // Every reading: `t` is OCR's `f` too, and `ft` junk around it.
        assert_eq!(readings(&c, "t", false), ["t"]);
        assert!(readings(&c, "t", true).contains(&"f".to_string()));
        assert!(readings(&c, "ft", true).contains(&"f".to_string()));
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
        let settled = settle(&c, &letters, &|_| None);
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
        assert_eq!(
            settle(&c, &letters, &known),
            [
                (3, "ø".to_string(), true),
                (21, "æ".to_string(), true),
                (36, "f".to_string(), true)
            ]
        );
    }
}
