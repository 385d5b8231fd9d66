//! Stage 1: bytes to text.
//!
//! OCR output reaches the archive in whatever encoding the scanning software
//! of the day wrote: mostly UTF-8, sometimes with a byte-order mark, sometimes
//! UTF-16 from Windows tools, and older files in Windows-1252. We decide from
//! the bytes alone, in this order:
//!
//! 1. a byte-order mark (UTF-8, UTF-16LE, UTF-16BE) is believed;
//! 2. NUL bytes in every other position are UTF-16 without its mark (Latin
//!    text in UTF-16 has a zero high byte in nearly every unit), with a
//!    warning; other NUL bytes mean a binary file (text never has them);
//! 3. valid UTF-8 is UTF-8;
//! 4. anything else is Windows-1252, the encoding Danish Windows machines
//!    wrote, with a warning naming it so a reader can check.
//!
//! A file that decodes to mostly control characters is binary too, and a file
//! with no text at all is an error: both are reported per file, never guessed
//! at. Decoding never fails for other reasons: Windows-1252 maps every byte.

use encoding_rs::{Encoding, UTF_8, WINDOWS_1252};

use crate::model::Warning;

#[derive(Debug)]
pub struct Decoded {
    /// The text without its byte-order mark.
    pub text: String,
    /// The encoding label recorded in `source.encoding`.
    pub encoding: &'static str,
    pub warnings: Vec<Warning>,
}

#[derive(Debug, thiserror::Error)]
pub enum DecodeError {
    #[error("empty file (no text)")]
    Empty,
    #[error("binary file: {0}")]
    Binary(String),
}

/// At most this many NUL bytes (and at most one in 200 bytes) are taken for
/// a scanner's slips in a text file and removed; more mean a binary file.
const MAX_STRAY_NULS: usize = 8;

/// Share of control characters above which decoded "text" is taken to be a
/// binary file. Real OCR text has a handful of stray controls at most.
const MAX_CONTROL_SHARE: f64 = 0.05;

pub fn decode(bytes: &[u8]) -> Result<Decoded, DecodeError> {
    let mut warnings = Vec::new();
    let (text, encoding) = if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        let (text, had_errors) = encoding.decode_without_bom_handling(&bytes[bom_len..]);
        if had_errors {
            warnings.push(Warning::new(
                "encoding",
                format!(
                    "malformed {} after its byte-order mark; bad bytes replaced with U+FFFD",
                    encoding.name()
                ),
            ));
        }
        (text.into_owned(), encoding)
    } else if let Some(encoding) = sniff_utf16(bytes) {
        let (text, _) = encoding.decode_without_bom_handling(bytes);
        warnings.push(Warning::new(
            "encoding",
            format!("no byte-order mark; decoded as {}", encoding.name()),
        ));
        (text.into_owned(), encoding)
    } else if let Some(offset) = bytes.iter().position(|&b| b == 0) {
        let nuls = bytes.iter().filter(|&&b| b == 0).count();
        if nuls > MAX_STRAY_NULS || nuls * 200 > bytes.len() {
            return Err(DecodeError::Binary(format!(
                "NUL byte at offset {offset} (and no UTF-16 byte-order mark)"
            )));
        }
        // A scanner's stray NUL in a text file: dropped, said, and the rest read.
        warnings.push(Warning::new(
            "encoding",
            format!("{nuls} stray NUL byte(s) removed, the first at offset {offset}"),
        ));
        let kept: Vec<u8> = bytes.iter().copied().filter(|&b| b != 0).collect();
        return decode(&kept).map(|mut decoded| {
            warnings.append(&mut decoded.warnings);
            decoded.warnings = warnings;
            decoded
        });
    } else {
        match std::str::from_utf8(bytes) {
            Ok(text) => (text.to_string(), UTF_8),
            Err(_) => {
                let (text, _) = WINDOWS_1252.decode_without_bom_handling(bytes);
                warnings.push(Warning::new(
                    "encoding",
                    "not valid UTF-8; decoded as windows-1252",
                ));
                (text.into_owned(), WINDOWS_1252)
            }
        }
    };

    if text.trim().is_empty() {
        return Err(DecodeError::Empty);
    }
    check_mostly_text(&text)?;
    Ok(Decoded {
        text,
        encoding: encoding.name(),
        warnings,
    })
}

/// UTF-16 without a byte-order mark, recognised by its zero high bytes: at
/// least 90% of the units have a zero byte on one side and under 10% on the
/// other. Anything less regular is left to the binary check.
fn sniff_utf16(bytes: &[u8]) -> Option<&'static Encoding> {
    if bytes.len() < 4 || bytes.len() % 2 != 0 || !bytes.contains(&0) {
        return None;
    }
    let units = bytes.len() / 2;
    let zero_at = |side: usize| bytes.chunks_exact(2).filter(|unit| unit[side] == 0).count();
    let (first, second) = (zero_at(0), zero_at(1));
    let mostly = |count: usize| count * 10 >= units * 9;
    let seldom = |count: usize| count * 10 < units;
    if mostly(second) && seldom(first) {
        Some(encoding_rs::UTF_16LE)
    } else if mostly(first) && seldom(second) {
        Some(encoding_rs::UTF_16BE)
    } else {
        None
    }
}

/// Rejects text in which more than [`MAX_CONTROL_SHARE`] of the characters
/// are control characters other than the layout ones (tab, line breaks, form
/// feed) or replacement characters: that is a binary file that happened to
/// have no NUL bytes.
fn check_mostly_text(text: &str) -> Result<(), DecodeError> {
    let mut total = 0usize;
    let mut odd = 0usize;
    let mut prev = ' ';
    for c in text.chars() {
        total += 1;
        let layout = matches!(c, '\t' | '\n' | '\r' | '\x0C');
        // `Ã` and a C1 control is mojibake of text read as Latin-1 (`Å`),
        // which normalisation repairs: text, not noise.
        let mojibake = matches!(c, '\u{80}'..='\u{9F}') && matches!(prev, 'Ã' | 'Â' | 'â');
        if (c.is_control() && !layout && !mojibake) || c == '\u{FFFD}' {
            odd += 1;
        }
        prev = c;
    }
    if odd as f64 > MAX_CONTROL_SHARE * total as f64 {
        return Err(DecodeError::Binary(format!(
            "mostly non-text: {odd} of {total} characters are control characters"
        )));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const DANISH: &str = "Økonomiudvalget behandlede sagen om fælles indkøb på Ærø.\n";

    fn utf16(text: &str, big_endian: bool) -> Vec<u8> {
        let mut bytes = if big_endian {
            vec![0xFE, 0xFF]
        } else {
            vec![0xFF, 0xFE]
        };
        for unit in text.encode_utf16() {
            let pair = if big_endian {
                unit.to_be_bytes()
            } else {
                unit.to_le_bytes()
            };
            bytes.extend_from_slice(&pair);
        }
        bytes
    }

    #[test]
    fn plain_utf8_is_taken_as_it_is() {
        let decoded = decode(DANISH.as_bytes()).unwrap();
        assert_eq!(decoded.text, DANISH);
        assert_eq!(decoded.encoding, "UTF-8");
        assert!(decoded.warnings.is_empty());
    }

    #[test]
    fn utf8_byte_order_mark_is_dropped() {
        let mut bytes = vec![0xEF, 0xBB, 0xBF];
        bytes.extend_from_slice(DANISH.as_bytes());
        let decoded = decode(&bytes).unwrap();
        assert_eq!(decoded.text, DANISH);
        assert_eq!(decoded.encoding, "UTF-8");
        assert!(decoded.warnings.is_empty());
    }

    #[test]
    fn utf16_little_and_big_endian_with_mark() {
        let le = decode(&utf16(DANISH, false)).unwrap();
        assert_eq!(le.text, DANISH);
        assert_eq!(le.encoding, "UTF-16LE");
        let be = decode(&utf16(DANISH, true)).unwrap();
        assert_eq!(be.text, DANISH);
        assert_eq!(be.encoding, "UTF-16BE");
    }

    #[test]
    fn utf16_without_a_mark_is_recognised_with_a_warning() {
        for (big_endian, label) in [(false, "UTF-16LE"), (true, "UTF-16BE")] {
            let bytes = utf16(DANISH, big_endian);
            let decoded = decode(&bytes[2..]).unwrap();
            assert_eq!(decoded.text, DANISH);
            assert_eq!(decoded.encoding, label);
            assert_eq!(decoded.warnings[0].code, "encoding");
            assert!(decoded.warnings[0].message.contains("no byte-order mark"));
        }
    }

    #[test]
    fn invalid_utf8_is_read_as_windows_1252_with_a_warning() {
        // "Ærø og Åbenrå – fælles" in Windows-1252.
        let bytes = b"\xC6r\xF8 og \xC5benr\xE5 \x96 f\xE6lles";
        let decoded = decode(bytes).unwrap();
        assert_eq!(decoded.text, "Ærø og Åbenrå – fælles");
        assert_eq!(decoded.encoding, "windows-1252");
        assert_eq!(decoded.warnings.len(), 1);
        assert_eq!(decoded.warnings[0].code, "encoding");
        assert!(decoded.warnings[0].message.contains("windows-1252"));
    }

    #[test]
    fn a_file_mixing_utf8_and_windows_1252_reads_right_once_normalised() {
        // Edited in two editors: "fælles" in UTF-8, then "Ærø" in Windows-1252.
        let mut bytes = "fælles møde på ".as_bytes().to_vec();
        bytes.extend_from_slice(b"\xC6r\xF8");
        let decoded = decode(&bytes).unwrap();
        assert_eq!(decoded.encoding, "windows-1252");
        let normalized = crate::normalize::normalize(&decoded.text);
        assert_eq!(normalized.text, "fælles møde på Ærø");
    }

    #[test]
    fn a_stray_nul_byte_is_removed_with_a_warning() {
        let mut bytes = "Referat fra mødet i Økonomiudvalget. "
            .repeat(30)
            .into_bytes();
        bytes.insert(200, 0);
        let decoded = decode(&bytes).expect("text with a stray NUL is text");
        assert!(!decoded.text.contains('\0'));
        assert_eq!(
            decoded.text,
            "Referat fra mødet i Økonomiudvalget. ".repeat(30)
        );
        assert!(decoded.warnings.iter().any(|w| w.message.contains("NUL")));
    }

    #[test]
    fn nul_bytes_mean_binary() {
        let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10";
        match decode(png) {
            Err(DecodeError::Binary(reason)) => assert!(reason.contains("NUL"), "{reason}"),
            other => panic!("expected binary, got {other:?}"),
        }
    }

    #[test]
    fn mostly_control_characters_mean_binary() {
        let bytes: Vec<u8> = (0..200u8)
            .map(|i| if i % 3 == 0 { 0x01 } else { b'a' })
            .collect();
        assert!(matches!(decode(&bytes), Err(DecodeError::Binary(_))));
    }

    #[test]
    fn a_few_stray_controls_are_still_text() {
        let text = format!("{}\x07{}", DANISH.repeat(3), DANISH);
        assert!(decode(text.as_bytes()).is_ok());
    }

    #[test]
    fn form_feeds_and_tabs_are_text() {
        let text = "Side 1\n\x0C\nSide 2\tmed tab\n";
        assert_eq!(decode(text.as_bytes()).unwrap().text, text);
    }

    #[test]
    fn empty_and_blank_files_are_errors() {
        assert!(matches!(decode(b""), Err(DecodeError::Empty)));
        assert!(matches!(decode(b" \n\r\n\t"), Err(DecodeError::Empty)));
        assert!(matches!(decode(b"\xEF\xBB\xBF"), Err(DecodeError::Empty)));
    }
}
