//! Stage 2: Unicode and layout normalisation.
//!
//! After decoding, the same word can still be spelled with different code
//! points: `fælles` as `fÃ¦lles` (UTF-8 once read as Windows-1252), `æ` as a
//! decomposed pair, `ﬁ` as a ligature, with a soft hyphen or a zero-width
//! space inside it. The repair and segment stages should see one spelling, so
//! this stage makes it, and changes nothing else:
//!
//! - mojibake is repaired (with a `mojibake` warning);
//! - the text is put in NFC;
//! - CRLF and lone CR become LF, so the number of lines stays what a reader
//!   of the input sees (line numbers in the JSON refer to the input);
//! - form feeds stay: they are page breaks, the segment stage uses them;
//! - soft hyphens and zero-width characters are removed;
//! - no-break spaces become spaces;
//! - typographic ligatures are expanded.
//!
//! The result is a fixed point: normalising it again changes nothing.

use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

use crate::model::Warning;

#[derive(Debug)]
pub struct Normalized {
    pub text: String,
    pub warnings: Vec<Warning>,
}

/// Bounds the fixpoint loop; real text settles in one or two rounds.
const MAX_ROUNDS: usize = 8;

pub fn normalize(text: &str) -> Normalized {
    let mut warnings = Vec::new();
    let mut repaired_sequences = 0usize;
    let mut first_line = None;
    let mut current = line_breaks(text);
    // One step can expose work for another: a soft hyphen inside a mojibake
    // sequence (`Ã\u{AD}¦`) hides it until removed, a repaired sequence can
    // be a combining mark that NFC joins into `Ã`, a mojibake lead again, and
    // an expanded ligature can compose with the mark after it (`ﬁ\u{308}`).
    // So rounds repeat until one changes nothing: a fixed point, which is
    // what makes normalising twice the same as once. Clean text takes one
    // round. Mojibake goes first so that `Â\u{AD}` (a soft hyphen written as
    // mojibake) is repaired, not split.
    for _ in 0..MAX_ROUNDS {
        let (fixed, count, line) = repair_mojibake(&current);
        if count > 0 {
            repaired_sequences += count;
            first_line = first_line.or(line);
        }
        let next = spaces_and_ligatures(&nfc(&remove_invisibles(&fixed)));
        if next == current {
            break;
        }
        current = next;
    }
    if repaired_sequences > 0 {
        let message = format!(
            "repaired {repaired_sequences} mojibake sequence(s): UTF-8 text that had been read as Windows-1252 or Latin-1"
        );
        warnings.push(match first_line {
            Some(line) => Warning::at_line("mojibake", message, line),
            None => Warning::new("mojibake", message),
        });
    }
    Normalized {
        text: current,
        warnings,
    }
}

/// CRLF and lone CR to LF: each is one line break to a reader.
fn line_breaks(text: &str) -> String {
    if !text.contains('\r') {
        return text.to_string();
    }
    text.replace("\r\n", "\n").replace('\r', "\n")
}

/// Characters that are invisible in print and only split words for a reader
/// that works on code points: soft hyphen, zero-width space/joiners, word
/// joiner and a byte-order mark inside the text.
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}'
    )
}

fn remove_invisibles(text: &str) -> String {
    if !text.contains(is_invisible) {
        return text.to_string();
    }
    text.chars().filter(|&c| !is_invisible(c)).collect()
}

fn nfc(text: &str) -> String {
    if is_nfc_quick(text.chars()) == IsNormalized::Yes {
        return text.to_string();
    }
    text.nfc().collect()
}

fn spaces_and_ligatures(text: &str) -> String {
    let special = |c: char| {
        matches!(
            c,
            '\u{00A0}' | '\u{202F}' | '\u{2007}' | '\u{FB00}'..='\u{FB06}'
        )
    };
    if !text.contains(special) {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\u{00A0}' | '\u{202F}' | '\u{2007}' => out.push(' '),
            '\u{FB00}' => out.push_str("ff"),
            '\u{FB01}' => out.push_str("fi"),
            '\u{FB02}' => out.push_str("fl"),
            '\u{FB03}' => out.push_str("ffi"),
            '\u{FB04}' => out.push_str("ffl"),
            '\u{FB05}' | '\u{FB06}' => out.push_str("st"),
            c => out.push(c),
        }
    }
    out
}

/// The byte Windows-1252 (or Latin-1) writes for `c`, if it has one. The C1
/// controls U+0080..U+009F are taken back as the bytes of the same value:
/// encoding_rs maps the five bytes Windows-1252 leaves undefined to them, and
/// text once read as ISO-8859-1 has all of them (`Å` as UTF-8 is `C3 85`,
/// read as Latin-1 `Ã` and U+0085).
fn cp1252_byte(c: char) -> Option<u8> {
    let code = c as u32;
    if (0x80..=0xFF).contains(&code) {
        return Some(code as u8);
    }
    let byte = match c {
        '€' => 0x80,
        '‚' => 0x82,
        'ƒ' => 0x83,
        '„' => 0x84,
        '…' => 0x85,
        '†' => 0x86,
        '‡' => 0x87,
        'ˆ' => 0x88,
        '‰' => 0x89,
        'Š' => 0x8A,
        '‹' => 0x8B,
        'Œ' => 0x8C,
        'Ž' => 0x8E,
        '‘' => 0x91,
        '’' => 0x92,
        '“' => 0x93,
        '”' => 0x94,
        '•' => 0x95,
        '–' => 0x96,
        '—' => 0x97,
        '˜' => 0x98,
        '™' => 0x99,
        'š' => 0x9A,
        '›' => 0x9B,
        'œ' => 0x9C,
        'ž' => 0x9E,
        'Ÿ' => 0x9F,
        _ => return None,
    };
    Some(byte)
}

fn is_continuation(byte: Option<u8>) -> bool {
    matches!(byte, Some(0x80..=0xBF))
}

/// Repairs UTF-8 mojibake: `fÃ¦lles` -> `fælles`, `â€“` -> `–`.
///
/// Only the sequences Danish text produces are taken: a two-byte UTF-8
/// character led by `Â` or `Ã` (Latin-1 letters and signs: æ ø å é § °) and a
/// three-byte one led by `â` (dashes, quotes, €). Each must re-encode to valid
/// UTF-8, so genuine Windows-1252 text (`Ærø`, `Å`) is never touched: a lone
/// lead letter followed by a letter or space is not a sequence. Returns the
/// text, the number of sequences repaired and the first line with one.
fn repair_mojibake(text: &str) -> (String, usize, Option<u32>) {
    if !text.contains(['Ã', 'Â', 'â']) {
        return (text.to_string(), 0, None);
    }
    let chars: Vec<char> = text.chars().collect();
    let bytes: Vec<Option<u8>> = chars.iter().map(|&c| cp1252_byte(c)).collect();
    let mut out = String::with_capacity(text.len());
    let mut count = 0;
    let mut line = 1u32;
    let mut first_line = None;
    let mut i = 0;
    while i < chars.len() {
        let width = match bytes[i] {
            Some(0xC2 | 0xC3) if is_continuation(bytes.get(i + 1).copied().flatten()) => 2,
            Some(0xE2)
                if is_continuation(bytes.get(i + 1).copied().flatten())
                    && is_continuation(bytes.get(i + 2).copied().flatten()) =>
            {
                3
            }
            _ => 0,
        };
        if width > 0 {
            let raw: Vec<u8> = bytes[i..i + width].iter().map(|b| b.unwrap()).collect();
            if let Ok(decoded) = std::str::from_utf8(&raw) {
                out.push_str(decoded);
                count += 1;
                first_line.get_or_insert(line);
                i += width;
                continue;
            }
        }
        if chars[i] == '\n' {
            line += 1;
        }
        out.push(chars[i]);
        i += 1;
    }
    (out, count, first_line)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn norm(text: &str) -> String {
        normalize(text).text
    }

    fn lines_seen_by_a_reader(text: &str) -> usize {
        text.replace("\r\n", "\n")
            .replace('\r', "\n")
            .split('\n')
            .count()
    }

    #[test]
    fn danish_mojibake_is_repaired() {
        assert_eq!(norm("fÃ¦lles"), "fælles");
        assert_eq!(norm("pÃ¥ mÃ¸det"), "på mødet");
        assert_eq!(norm("Ã˜konomi og Ã†rÃ¸"), "Økonomi og Ærø");
        assert_eq!(norm("Ã…ben Sag"), "Åben Sag");
        assert_eq!(norm("2023 â€“ 2024"), "2023 – 2024");
        assert_eq!(norm("â€œcitatâ€\u{9D}"), "“citat”");
        assert_eq!(norm("Â§ 17, stk. 4"), "§ 17, stk. 4");
    }

    #[test]
    fn mojibake_read_as_latin_1_is_repaired_too() {
        // `Åben`, `Økonomi`, `Ærø` as UTF-8 read as ISO-8859-1: `Ã` and a C1 control.
        assert_eq!(
            norm("\u{c3}\u{85}ben Sag, \u{c3}\u{98}konomi, \u{c3}\u{86}r\u{c3}\u{b8}"),
            "Åben Sag, Økonomi, Ærø"
        );
    }

    #[test]
    fn mojibake_gives_a_warning_with_its_first_line() {
        let normalized = normalize("Dagsorden\nfÃ¦lles mÃ¸de\n");
        assert_eq!(normalized.warnings.len(), 1);
        let warning = &normalized.warnings[0];
        assert_eq!(warning.code, "mojibake");
        assert_eq!(warning.line, Some(2));
        assert!(
            warning.message.contains("2 mojibake"),
            "{}",
            warning.message
        );
    }

    #[test]
    fn genuine_danish_letters_are_left_alone() {
        let text = "Ærø, Åbenrå, Øster Hurup – «sag» Ã";
        let normalized = normalize(text);
        assert_eq!(normalized.text, text);
        assert!(normalized.warnings.is_empty());
    }

    #[test]
    fn crlf_and_lone_cr_become_lf_and_keep_the_line_count() {
        let text = "linje 1\r\nlinje 2\rlinje 3\n\r\nlinje 5";
        assert_eq!(norm(text), "linje 1\nlinje 2\nlinje 3\n\nlinje 5");
        assert_eq!(lines_seen_by_a_reader(text), 5);
    }

    #[test]
    fn form_feeds_stay_as_page_breaks() {
        assert_eq!(norm("side 1\n\x0Cside 2"), "side 1\n\x0Cside 2");
    }

    #[test]
    fn invisible_characters_are_removed() {
        assert_eq!(
            norm("kommu\u{AD}nal\u{200B}bestyrelsen"),
            "kommunalbestyrelsen"
        );
        assert_eq!(norm("a\u{200C}b\u{200D}c\u{2060}d\u{FEFF}e"), "abcde");
    }

    #[test]
    fn no_break_spaces_become_spaces() {
        assert_eq!(
            norm("kl.\u{A0}15.00 og 10\u{202F}000 kr."),
            "kl. 15.00 og 10 000 kr."
        );
    }

    #[test]
    fn ligatures_are_expanded() {
        assert_eq!(
            norm("ﬁnansiering ﬂere eﬀekt ﬃ ﬄ"),
            "finansiering flere effekt ffi ffl"
        );
    }

    #[test]
    fn decomposed_letters_are_composed() {
        assert_eq!(norm("A\u{30A}benra\u{30A}"), "Åbenrå");
    }

    #[test]
    fn what_one_step_exposes_the_next_round_settles() {
        // An expanded ligature composes with the mark after it.
        assert_eq!(norm("ﬁ\u{308}"), "fï");
        // A repaired sequence that is itself a soft hyphen goes too.
        assert_eq!(norm("kommu\u{C2}\u{AD}nal"), "kommunal");
        // A zero-width space inside a mojibake sequence hides it for a round.
        assert_eq!(norm("fÃ\u{200B}¦lles"), "fælles");
    }

    fn messy_text() -> impl Strategy<Value = String> {
        let pieces = prop::sample::select(vec![
            "a",
            "æ",
            "ø",
            "å",
            "Æ",
            "Ø",
            "Å",
            "Ã",
            "Â",
            "â",
            "¦",
            "¸",
            "¥",
            "˜",
            "€",
            "“",
            "\u{9D}",
            " ",
            "\n",
            "\r",
            "\r\n",
            "\x0C",
            "\u{AD}",
            "\u{200B}",
            "\u{FEFF}",
            "\u{A0}",
            "ﬁ",
            "ﬄ",
            "\u{30A}",
            "\u{303}",
            "e\u{301}",
            "fÃ¦lles",
            "â€“",
            "Ã˜",
            "Sag",
        ]);
        prop::collection::vec(pieces, 0..40).prop_map(|parts| parts.concat())
    }

    proptest! {
        #[test]
        fn normalize_is_idempotent(text in messy_text()) {
            let once = norm(&text);
            prop_assert_eq!(norm(&once), once);
        }

        #[test]
        fn normalize_is_idempotent_on_any_string(text in any::<String>()) {
            let once = norm(&text);
            prop_assert_eq!(norm(&once), once);
        }

        #[test]
        fn normalize_keeps_the_line_count(text in messy_text()) {
            prop_assert_eq!(norm(&text).split('\n').count(), lines_seen_by_a_reader(&text));
        }
    }
}
