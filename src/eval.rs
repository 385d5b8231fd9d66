//! The accuracy harness behind `referat eval`: how many broken words does the
//! repair restore, and how many correct words does it damage?
//!
//! Two kinds of measurement:
//!
//! * a damaged text and its hand-corrected copy (seed 002 and
//!   `tests/data/seed002.corrected.txt`): [`evaluate_pair`];
//! * clean Danish text the repair has never learned from, damaged by a noise
//!   model fitted to seed 002: [`evaluate_heldout`].
//!
//! The noise model ([`corrupt`]) is the confusion table of
//! `corrections/confusions.tsv` read forwards: each letter is replaced by what
//! OCR printed for it, with the frequencies seen in seed 002. Like seed 002, a
//! damaged document loses every æ, ø and å (the document-level mode that
//! makes `for`/`før` ambiguous); other letters are damaged at seed 002's much
//! lower rates. Digit confusions (`i` read as `1`, `1` as `l`) apply only to
//! one-character tokens, as in seed 002. The model never adds or removes
//! whitespace, so damaged and clean texts stay aligned token by token, and it
//! is seeded, so a figure can be reproduced.
//!
//! Scoring compares whitespace-separated tokens: a token is *broken* when the
//! damaged text differs from the clean one, *restored* when the repair made it
//! equal again, and *damaged* when it was correct and the repair changed it.

use std::collections::HashMap;
use std::fmt;

use crate::model::Review;
use crate::repair::{confusions, Evidence, RepairError, RepairOptions, Repairer};

/// Token-level figures of one evaluation (or a sum of several).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Report {
    pub documents: usize,
    pub tokens: usize,
    /// Tokens the damage changed.
    pub broken: usize,
    /// Broken tokens the repair made right again.
    pub restored: usize,
    /// Tokens that were right before the repair and wrong after it.
    pub damaged: usize,
    /// Broken tokens the repair changed, but into another wrong form
    /// (`Hjortekar` -> `Hjortekør`): a wrong correction, though of a word
    /// that was wrong already, which `damaged` does not count.
    pub miscorrected: usize,
    /// Broken tokens left as seen but put in `review` with the right word
    /// among its candidates: what an archivist reading the review list
    /// finds and fixes with one choice.
    pub flagged: usize,
    /// Tokens wrong after the repair (broken and not restored, or damaged).
    pub wrong_after: usize,
    pub corrections: usize,
    pub review: usize,
    /// Some examples of what went wrong.
    pub misses: Vec<Miss>,
}

/// A token the repair got wrong, with the clean line it stands in (a
/// miss's neighbours say why).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Miss {
    pub damaged: String,
    pub repaired: String,
    pub clean: String,
    pub clean_line: String,
}

const MAX_MISSES: usize = 1000;

impl Report {
    /// Share of broken tokens restored.
    pub fn recall(&self) -> f64 {
        ratio(self.restored, self.broken)
    }

    /// Share of correct tokens the repair damaged.
    pub fn false_correction_rate(&self) -> f64 {
        ratio(self.damaged, self.tokens - self.broken)
    }

    pub fn wer_before(&self) -> f64 {
        ratio(self.broken, self.tokens)
    }

    pub fn wer_after(&self) -> f64 {
        ratio(self.wrong_after, self.tokens)
    }

    pub fn add(&mut self, other: Report) {
        self.documents += other.documents;
        self.tokens += other.tokens;
        self.broken += other.broken;
        self.restored += other.restored;
        self.damaged += other.damaged;
        self.miscorrected += other.miscorrected;
        self.flagged += other.flagged;
        self.wrong_after += other.wrong_after;
        self.corrections += other.corrections;
        self.review += other.review;
        for m in other.misses {
            if self.misses.len() < MAX_MISSES {
                self.misses.push(m);
            }
        }
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "documents {}, tokens {}, broken {}",
            self.documents, self.tokens, self.broken
        )?;
        writeln!(
            f,
            "recall {:.2}% ({} of {} broken tokens restored)",
            100.0 * self.recall(),
            self.restored,
            self.broken
        )?;
        writeln!(
            f,
            "false corrections {:.2}% ({} of {} correct words damaged)",
            100.0 * self.false_correction_rate(),
            self.damaged,
            self.tokens - self.broken
        )?;
        writeln!(
            f,
            "miscorrected {:.2}% ({} of {} broken tokens changed into another wrong form)",
            100.0 * ratio(self.miscorrected, self.broken),
            self.miscorrected,
            self.broken
        )?;
        writeln!(
            f,
            "flagged {:.2}% ({} of {} broken tokens left as seen, in review with the right word); \
             restored or flagged {:.2}%",
            100.0 * ratio(self.flagged, self.broken),
            self.flagged,
            self.broken,
            100.0 * ratio(self.restored + self.flagged, self.broken)
        )?;
        writeln!(
            f,
            "WER {:.2}% before, {:.2}% after",
            100.0 * self.wer_before(),
            100.0 * self.wer_after()
        )?;
        write!(
            f,
            "corrections {}, review {}",
            self.corrections, self.review
        )
    }
}

/// Repairs `damaged` and scores it against `clean` (same layout).
pub fn evaluate_pair(repairer: &Repairer, damaged: &str, clean: &str) -> Report {
    let repaired = repairer.repair(damaged);
    let mut report = score(damaged, &repaired.text, clean);
    report.corrections = repaired.corrections.len();
    report.review = repaired.review.len();
    report.flagged = flagged(damaged, &repaired.text, clean, &repaired.review);
    report
}

/// The broken tokens left as seen whose `review` entry offers the clean
/// word (a review entry names its word by line and character column in the
/// damaged text; a token is the whitespace-separated run it falls in, and
/// its word is compared without the punctuation around it).
fn flagged(damaged: &str, repaired: &str, clean: &str, review: &[Review]) -> usize {
    let mut count = 0;
    for ((number, d_line), (r_line, c_line)) in damaged
        .lines()
        .enumerate()
        .zip(repaired.lines().zip(clean.lines()))
    {
        let line = u32::try_from(number + 1).unwrap_or(u32::MAX);
        let entries: Vec<&Review> = review.iter().filter(|r| r.line == line).collect();
        if entries.is_empty() {
            continue;
        }
        let c: Vec<&str> = c_line.split_whitespace().collect();
        let r: Vec<&str> = r_line.split_whitespace().collect();
        // (A line whose tokens the repair miscounted is wrong throughout, as
        // `score` counts it.)
        if r.len() != c.len() {
            continue;
        }
        for (k, (start, d_token)) in whitespace_tokens(d_line).enumerate() {
            let (Some(&ct), Some(&rt)) = (c.get(k), r.get(k)) else {
                continue;
            };
            if d_token == ct || rt != d_token {
                continue;
            }
            let end = start + d_token.chars().count();
            let word = ct.trim_matches(|ch: char| !ch.is_alphanumeric());
            let offered = entries.iter().any(|e| {
                let at = e.column as usize - 1;
                (start..end).contains(&at) && e.candidates.iter().any(|w| w == word)
            });
            count += usize::from(offered);
        }
    }
    count
}

/// The whitespace-separated tokens of `line`, each with the character
/// column (0-based) where it starts.
fn whitespace_tokens(line: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut start = None;
    let mut out = Vec::new();
    for (column, (byte, ch)) in line.char_indices().enumerate() {
        match (ch.is_whitespace(), start) {
            (false, None) => start = Some((byte, column)),
            (true, Some((b, col))) => {
                out.push((col, &line[b..byte]));
                start = None;
            }
            _ => {}
        }
    }
    if let Some((b, col)) = start {
        out.push((col, &line[b..]));
    }
    out.into_iter()
}

/// Damages each clean text with the noise model (seed `seed + index`),
/// repairs it and sums the scores.
pub fn evaluate_heldout(repairer: &Repairer, clean_texts: &[String], seed: u64) -> Report {
    let mut total = Report::default();
    for (damaged, clean) in damaged_pairs(clean_texts, seed) {
        total.add(evaluate_pair(repairer, &damaged, &clean));
    }
    total
}

/// [`evaluate_heldout`] as a batch would run it when the other held-out
/// documents came through clean: each damaged document is repaired with the
/// evidence (vocabulary, bigrams) of the clean originals of all the others,
/// never its own. Measures what learning from the batch itself adds.
pub fn evaluate_heldout_in_batch(
    options: &RepairOptions,
    clean_texts: &[String],
    seed: u64,
) -> Result<Report, RepairError> {
    let learned: Vec<Evidence> = clean_texts.iter().map(|t| Evidence::learn(t)).collect();
    let mut total = Report::default();
    for (i, (damaged, clean)) in damaged_pairs(clean_texts, seed).into_iter().enumerate() {
        let mut evidence = Evidence::default();
        for (j, other) in learned.iter().enumerate() {
            if j != i {
                evidence.merge(other.clone());
            }
        }
        let repairer = Repairer::new(options)?.with_evidence(evidence);
        total.add(evaluate_pair(&repairer, &damaged, &clean));
    }
    Ok(total)
}

/// Cross-validation over clean texts the bundled counts were learned from
/// (the training minutes): the texts are dealt into `folds` folds, and each
/// fold is damaged and repaired with a context model learned from the other
/// folds only (not from the bundled counts, which hold every fold). A
/// development figure that no text's own words inflate, so that the
/// held-out and fresh texts need not be studied to find what to build.
pub fn cross_validate(
    options: &RepairOptions,
    clean_texts: &[String],
    folds: usize,
    seed: u64,
) -> Result<Report, RepairError> {
    let folds = folds.clamp(2, clean_texts.len().max(2));
    let mut total = Report::default();
    for fold in 0..folds {
        let in_fold = |i: usize| i % folds == fold;
        let options = RepairOptions {
            context_from: Some(
                clean_texts
                    .iter()
                    .enumerate()
                    .filter(|&(i, _)| !in_fold(i))
                    .map(|(_, t)| t.clone())
                    .collect(),
            ),
            ..options.clone()
        };
        let repairer = Repairer::new(&options)?;
        for (i, clean) in clean_texts.iter().enumerate().filter(|&(i, _)| in_fold(i)) {
            let damaged = corrupt(clean, seed.wrapping_add(i as u64));
            total.add(evaluate_pair(&repairer, &damaged, clean));
        }
    }
    Ok(total)
}

/// The (damaged, clean) pairs [`evaluate_heldout`] scores, for tools that
/// read two parallel files (scripts/baselines.py).
pub fn damaged_pairs(clean_texts: &[String], seed: u64) -> Vec<(String, String)> {
    clean_texts
        .iter()
        .enumerate()
        .map(|(i, clean)| (corrupt(clean, seed.wrapping_add(i as u64)), clean.clone()))
        .collect()
}

/// Token-by-token comparison, with the rules of scripts/baselines.py so the
/// figures stand beside the baselines': every broken token counts; of the
/// tokens the damage left alone, only words count (numbers, dates, URLs,
/// e-mail addresses, all-caps abbreviations and bare punctuation are left out,
/// since no repair may touch them). Lines are compared in order; a line whose
/// token count differs (it should not) counts all its tokens as wrong.
pub fn score(damaged: &str, repaired: &str, clean: &str) -> Report {
    let mut report = Report {
        documents: 1,
        ..Report::default()
    };
    let mut d_lines = damaged.lines();
    let mut r_lines = repaired.lines();
    for c_line in clean.lines() {
        let d_line = d_lines.next().unwrap_or("");
        let r_line = r_lines.next().unwrap_or("");
        let c: Vec<&str> = c_line.split_whitespace().collect();
        let d: Vec<&str> = d_line.split_whitespace().collect();
        let r: Vec<&str> = r_line.split_whitespace().collect();
        for (k, &ct) in c.iter().enumerate() {
            let dt = d.get(k).copied().unwrap_or("");
            let rt = if r.len() == c.len() {
                r.get(k).copied().unwrap_or("")
            } else {
                ""
            };
            let broken = dt != ct;
            if !broken && !is_scored_word(ct) {
                continue;
            }
            report.tokens += 1;
            let right = rt == ct;
            report.broken += usize::from(broken);
            report.restored += usize::from(broken && right);
            report.damaged += usize::from(!broken && !right);
            report.miscorrected += usize::from(broken && !right && rt != dt);
            report.wrong_after += usize::from(!right);
            if !right && report.misses.len() < MAX_MISSES {
                report.misses.push(Miss {
                    damaged: dt.to_string(),
                    repaired: rt.to_string(),
                    clean: ct.to_string(),
                    clean_line: c_line.trim().to_string(),
                });
            }
        }
    }
    report
}

/// A token with a letter in it that is not an all-caps abbreviation, a URL
/// or an e-mail address.
fn is_scored_word(token: &str) -> bool {
    let letters: Vec<char> = token.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.is_empty() {
        return false;
    }
    if letters.iter().all(|c| c.is_uppercase()) {
        return false;
    }
    let lower = token.to_lowercase();
    !(lower.contains("://")
        || lower.starts_with("www.")
        || lower.contains('@') && lower.contains('.'))
}

/// Concatenated damaged and clean texts, for `referat eval --dump DIR` to
/// write as DIR/damaged.txt and DIR/clean.txt (parallel files with the same
/// tokens per line, as scripts/baselines.py reads them).
pub fn dump(clean_texts: &[String], seed: u64) -> (String, String) {
    let mut damaged = String::new();
    let mut clean = String::new();
    for (d, c) in damaged_pairs(clean_texts, seed) {
        damaged.push_str(&d);
        clean.push_str(&c);
        if !c.ends_with('\n') {
            damaged.push('\n');
            clean.push('\n');
        }
    }
    (damaged, clean)
}

/// The noise model: for each letter, what OCR printed for it and how often.
struct Noise {
    table: HashMap<char, Vec<(String, f64)>>,
}

impl Noise {
    fn fitted() -> Noise {
        let mut table: HashMap<char, Vec<(String, f64)>> = HashMap::new();
        for line in confusions::BUNDLED.lines() {
            let cols: Vec<&str> = line.split('\t').collect();
            let [ocr, truth, count, of, _seen] = cols[..] else {
                continue;
            };
            let (Ok(count), Ok(of)) = (count.parse::<f64>(), of.parse::<f64>()) else {
                continue;
            };
            let mut chars = truth.chars();
            let (Some(t), None) = (chars.next(), chars.next()) else {
                continue;
            };
            if count > 0.0 && of > 0.0 {
                table
                    .entry(t)
                    .or_default()
                    .push((ocr.to_string(), count / of));
            }
        }
        // A damaged document loses every æ, ø and å: given that a diacritic is
        // damaged, draw what it became with seed 002's frequencies.
        for c in ['æ', 'ø', 'å'] {
            if let Some(row) = table.get_mut(&c) {
                let sum: f64 = row.iter().map(|r| r.1).sum();
                for r in row.iter_mut() {
                    r.1 /= sum;
                }
            }
        }
        Noise { table }
    }
}

/// A small deterministic generator (splitmix64): the harness must give the
/// same figures on every machine.
struct Rng(u64);

impl Rng {
    fn next_f64(&mut self) -> f64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^= z >> 31;
        (z >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// Damages clean text the way seed 002 was damaged. Deterministic in `seed`;
/// whitespace is never touched.
pub fn corrupt(clean: &str, seed: u64) -> String {
    let noise = Noise::fitted();
    let mut rng = Rng(seed ^ 0x5EED_0002);
    let mut out = String::with_capacity(clean.len() + clean.len() / 16);
    for (i, chunk) in split_keep_whitespace(clean).into_iter().enumerate() {
        if chunk.chars().next().is_some_and(char::is_whitespace) {
            out.push_str(chunk);
            continue;
        }
        let _ = i;
        let single = chunk.chars().count() == 1;
        let before = out.len();
        for c in chunk.chars() {
            let lower = c.to_lowercase().next().unwrap_or(c);
            let digitish = lower.is_ascii_digit() || lower == 'i' || lower == 'l';
            let row = noise
                .table
                .get(&lower)
                .filter(|_| single || !is_digit_confusion(lower));
            let mut replaced = None;
            if let Some(row) = row {
                let mut u = rng.next_f64();
                for (ocr, p) in row {
                    if !single && digitish && ocr.chars().any(|o| o.is_ascii_digit()) {
                        continue;
                    }
                    if u < *p {
                        replaced = Some(ocr.as_str());
                        break;
                    }
                    u -= p;
                }
            }
            match replaced {
                Some(ocr) if c.is_uppercase() => out.push_str(&ocr.to_uppercase()),
                Some(ocr) => out.push_str(ocr),
                None => out.push(c),
            }
        }
        if out.len() == before {
            // A token must not vanish: keep it as it was.
            out.push_str(chunk);
        }
    }
    out
}

/// Confusions between a letter and a digit happen to lone characters only
/// (`i` read as `1`, `1` as `l`), as in seed 002.
fn is_digit_confusion(c: char) -> bool {
    c.is_ascii_digit()
}

fn split_keep_whitespace(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut in_space = None;
    for (i, c) in text.char_indices() {
        let space = c.is_whitespace();
        if in_space != Some(space) {
            if i > start {
                out.push(&text[start..i]);
            }
            start = i;
            in_space = Some(space);
        }
    }
    if start < text.len() {
        out.push(&text[start..]);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const CLEAN: &str = "Områdeudvalget på socialområdet har ønsket at drøfte følgende emner.\n\
                         Børne- og ungdomsudvalget afholder dialogmøde i Voldby.\n";

    #[test]
    fn corruption_is_deterministic_and_keeps_the_layout() {
        let a = corrupt(CLEAN, 7);
        assert_eq!(a, corrupt(CLEAN, 7));
        assert_eq!(a.lines().count(), CLEAN.lines().count());
        for (x, y) in a.lines().zip(CLEAN.lines()) {
            assert_eq!(x.split_whitespace().count(), y.split_whitespace().count());
        }
    }

    #[test]
    fn corruption_loses_every_diacritic() {
        let damaged = corrupt(CLEAN, 1);
        assert!(
            !damaged.contains(['æ', 'ø', 'å', 'Æ', 'Ø', 'Å']),
            "{damaged}"
        );
    }

    #[test]
    fn scoring_counts_restored_and_damaged_tokens() {
        let r = score("pa far mode", "på far møde", "på får mode");
        assert_eq!((r.tokens, r.broken, r.restored, r.damaged), (3, 2, 1, 1));
        assert_eq!(r.wrong_after, 2);
        assert_eq!(r.miscorrected, 0);
        let r = score("pa far", "pø far", "på får");
        assert_eq!((r.broken, r.restored, r.miscorrected), (2, 0, 1));
    }

    /// A broken token left as seen counts as flagged only where its review
    /// entry (by line and character column) offers the clean word.
    #[test]
    fn flagged_tokens_are_those_the_review_offers_rightly() {
        let review = |line, column, candidates: &[&str]| Review {
            line,
            column,
            word: String::new(),
            candidates: candidates.iter().map(|c| c.to_string()).collect(),
            reason: String::new(),
        };
        // Columns count characters: `Så` is two, though three bytes.
        let damaged = "Så ved Hjortekaer, og pa broen.\nfar mode";
        let repaired = "Så ved Hjortekaer, og på broen.\nfar mode";
        let clean = "Så ved Hjortekær, og på broen.\nfår møde";
        // `Hjortekaer,` starts at column 8 on line 1; `mode` at 5 on line 2.
        let right = [
            review(1, 8, &["Hjortekær"]),
            review(2, 5, &["mode", "møde"]),
        ];
        assert_eq!(flagged(damaged, repaired, clean, &right), 2);
        let wrong = [review(1, 8, &["Hjortekøer"]), review(2, 1, &["møde"])];
        assert_eq!(flagged(damaged, repaired, clean, &wrong), 0);
        // A restored token (`pa`, at column 23) is not flagged, whatever the
        // review says; left as seen, it is.
        let pa = [review(1, 23, &["på"])];
        assert_eq!(flagged(damaged, repaired, clean, &pa), 0);
        assert_eq!(flagged(damaged, damaged, clean, &pa), 1);
    }
}
