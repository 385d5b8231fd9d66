//! The correction dictionary: known OCR misreadings and their repairs.
//!
//! `corrections/ocr.tsv` is plain, reviewable data: one `wrong<TAB>right<TAB>note`
//! row per misreading, lower-case, sorted, no duplicates (a test keeps it so).
//! Case is handled once for all entries: `aben -> åben` also repairs `Aben`
//! to `Åben` and `ABEN` to `ÅBEN`. Users add files of the same shape with
//! `--corrections`; their rows win over the bundled ones.
//!
//! Only words that are never right as they stand belong here: a row applies
//! wherever the word occurs, without looking at context.

use rustc_hash::FxHashMap;

use super::RepairError;

pub const BUNDLED: &str = include_str!("../../corrections/ocr.tsv");

/// Where a row came from; the audit trail names the rule accordingly.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    Bundled,
    User,
}

#[derive(Debug, Default, Clone)]
pub struct Dictionary {
    entries: FxHashMap<String, (String, Origin)>,
}

/// One parsed row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub wrong: String,
    pub right: String,
    pub note: String,
}

impl Dictionary {
    /// The bundled rows, then each user file in order (later rows win).
    pub fn load(bundled: bool, user: &[(String, String)]) -> Result<Dictionary, RepairError> {
        let mut dict = Dictionary::default();
        if bundled {
            for row in parse("corrections/ocr.tsv", BUNDLED)? {
                dict.entries.insert(row.wrong, (row.right, Origin::Bundled));
            }
        }
        for (origin, text) in user {
            for row in parse(origin, text)? {
                dict.entries.insert(row.wrong, (row.right, Origin::User));
            }
        }
        Ok(dict)
    }

    /// The repair of a lower-cased word, if the dictionary knows it.
    pub fn get(&self, lower: &str) -> Option<(&str, Origin)> {
        self.entries.get(lower).map(|(r, o)| (r.as_str(), *o))
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

/// Parses a correction file. An optional first row `wrong<TAB>right...` is a
/// header; `#` starts a comment line; blank lines are skipped.
pub fn parse(origin: &str, text: &str) -> Result<Vec<Row>, RepairError> {
    let mut rows = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let bad = |reason: &str| RepairError::BadCorrection {
            origin: origin.to_string(),
            line: i + 1,
            reason: reason.to_string(),
        };
        let mut cols = line.split('\t');
        let wrong = cols.next().unwrap_or("").trim();
        let Some(right) = cols.next().map(str::trim) else {
            return Err(bad("expected `wrong<TAB>right<TAB>note`"));
        };
        if i == 0 && wrong.eq_ignore_ascii_case("wrong") {
            continue;
        }
        if wrong.is_empty() || right.is_empty() {
            return Err(bad("empty word"));
        }
        if wrong.chars().any(char::is_whitespace) || right.chars().any(char::is_whitespace) {
            return Err(bad("a correction is one word to one word"));
        }
        rows.push(Row {
            wrong: wrong.to_lowercase(),
            right: right.to_string(),
            note: cols.next().unwrap_or("").trim().to_string(),
        });
    }
    Ok(rows)
}

/// The canonical form of a correction file: rows sorted by `wrong`,
/// duplicates merged (the last wins), keys lower-case.
pub fn canonical(rows: &[Row]) -> Vec<Row> {
    let mut map: std::collections::BTreeMap<String, Row> = std::collections::BTreeMap::new();
    for row in rows {
        map.insert(row.wrong.clone(), row.clone());
    }
    map.into_values().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn user_rows_win() {
        let user = vec![(
            "mine.tsv".to_string(),
            "fzelles\tfælleS\tmine\n".to_string(),
        )];
        let dict = Dictionary::load(true, &user).unwrap();
        assert_eq!(dict.get("fzelles"), Some(("fælleS", Origin::User)));
    }

    #[test]
    fn malformed_rows_are_errors_with_their_line() {
        let err = parse("x.tsv", "wrong\tright\tnote\nfoo\n").unwrap_err();
        assert_eq!(
            err.to_string(),
            "x.tsv:2: expected `wrong<TAB>right<TAB>note`"
        );
        assert!(parse("x.tsv", "a b\tc\n").is_err());
    }

    #[test]
    fn header_and_comments_are_skipped() {
        let rows = parse("x.tsv", "wrong\tright\tnote\n# comment\n\nAben\tåben\t\n").unwrap();
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].wrong, "aben");
    }
}
