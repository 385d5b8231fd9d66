//! The JSON contract: the serde types that downstream systems read.
//!
//! Everything written to disk or stdout as JSON is one of these types, and
//! `schema/referat.schema.json` describes exactly them. Change a field here and
//! the schema (and `SCHEMA_VERSION`, if the change is not backwards compatible)
//! must change with it; the schema tests fail otherwise.
//!
//! Keys are English snake_case; section kinds are the Danish headings written
//! as ASCII ids (`oekonomiske_konsekvenser` for "Økonomiske konsekvenser"),
//! because those are the words archivists use. Optional values are written as
//! `null` rather than left out, so every document has the same shape.

use serde::{Deserialize, Serialize};

/// Bumped only when a change would break an existing reader.
pub const SCHEMA_VERSION: u32 = 1;

/// An inclusive range of 1-based line numbers in the input file.
pub type LineSpan = [u32; 2];

/// One input file, turned into data.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Document {
    pub schema_version: u32,
    pub source: Source,
    /// The meeting header, when the file has one (whole-meeting files do;
    /// single-item extracts usually do not).
    pub meeting: Option<Meeting>,
    pub items: Vec<Item>,
    /// Lines that are neither meeting header nor item: page headers and
    /// footers, page breaks, the table of contents. Kept so that every input
    /// line can be accounted for.
    pub furniture: Vec<Furniture>,
    /// Every change the repair stage made, in input order.
    pub corrections: Vec<Correction>,
    /// Words left alone because no correction was certain enough.
    pub review: Vec<Review>,
    pub warnings: Vec<Warning>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Source {
    /// The input path relative to the folder given on the command line,
    /// with `/` separators.
    pub path: String,
    /// Hex SHA-256 of the raw input bytes.
    pub sha256: String,
    pub bytes: u64,
    /// The encoding the bytes were decoded from (`UTF-8`, `UTF-16LE`,
    /// `windows-1252`, ...).
    pub encoding: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Meeting {
    /// "Norddjurs Kommune".
    pub municipality: Option<String>,
    /// "referat" or "dagsorden".
    pub kind: Option<String>,
    /// The committee: "Voksen- og plejeudvalget".
    pub body: Option<String>,
    /// ISO 8601 date of the meeting.
    pub date: Option<String>,
    /// "15:00" or "15:00-16:30".
    pub time: Option<String>,
    pub place: Option<String>,
    /// Members listed as present, when the header lists them.
    pub present: Vec<String>,
    /// Members listed as absent in the header.
    pub absent: Vec<String>,
    pub lines: LineSpan,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Access {
    /// "Åben Sag"
    Open,
    /// "Lukket Sag"
    Closed,
}

/// One agenda item ("punkt").
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Item {
    /// The agenda number, when the title carries one.
    pub number: Option<u32>,
    /// The title without its number and without markup.
    pub title: String,
    /// "23/7776".
    pub case_number: Option<String>,
    pub access: Option<Access>,
    /// Committee abbreviations from the Sagsgang section: ["OMU"].
    pub sagsgang: Vec<String>,
    pub sections: Vec<Section>,
    pub indstilling: Option<Indstilling>,
    /// One entry per committee that decided the item, in order.
    pub beslutning: Vec<Beslutning>,
    pub fravaerende: Vec<Fravaerende>,
    pub bilag: Vec<Bilag>,
    /// URLs found in the item's text, in order, without duplicates.
    pub links: Vec<String>,
    /// The title and case-number lines.
    pub header_lines: LineSpan,
    /// From the first header line to the last line of the last section.
    pub lines: LineSpan,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SectionKind {
    Sagsgang,
    Sagsfremstilling,
    /// "Sammenhæng til andre politikker/strategier og fagområder"
    Sammenhaeng,
    OekonomiskeKonsekvenser,
    Lovgrundlag,
    Hoering,
    Indstilling,
    Beslutning,
    Fravaerende,
    Bilag,
    /// Any heading that is not one of the above; `heading` says which.
    Other,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Section {
    pub kind: SectionKind,
    /// The heading as it stands in the (repaired) text, without markup.
    pub heading: String,
    /// The section body with its layout repaired: paragraphs joined,
    /// separated by blank lines; list items one per line.
    pub text: String,
    pub lines: LineSpan,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Indstilling {
    /// Who recommends: "Formanden", "Velfærdsdirektøren".
    pub by: Option<String>,
    pub text: String,
    /// Numbered points ("1. At ..."); empty when the recommendation has none.
    pub points: Vec<Point>,
}

/// A point label: a number ("Ad 2") or a word ("Ad. Eventuelt").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum PointNumber {
    Number(u32),
    Label(String),
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Point {
    pub number: PointNumber,
    pub text: String,
}

/// The decision of one committee.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Beslutning {
    /// "Områdeudvalg socialområdet".
    pub body: Option<String>,
    /// ISO 8601: "2023-09-12".
    pub date: Option<String>,
    pub text: String,
    /// Per-point decisions ("Ad 1: Drøftet.").
    pub points: Vec<Point>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Fravaerende {
    pub name: String,
    /// The party letter or organisation in parentheses: "A", "FOA".
    pub affiliation: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Bilag {
    pub number: Option<u32>,
    pub access: Option<Access>,
    pub title: String,
    /// The journal reference: "94029/23".
    pub reference: Option<String>,
    /// The document id: "3517342".
    pub id: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FurnitureKind {
    PageHeader,
    PageFooter,
    PageBreak,
    TableOfContents,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Furniture {
    pub kind: FurnitureKind,
    pub lines: LineSpan,
}

/// Which mechanism made a correction; an archivist filters on this.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Rule {
    /// An entry of the bundled correction dictionary.
    Dictionary,
    /// An entry of a `--corrections` file.
    UserDictionary,
    /// A known OCR confusion that turns the word into a lexicon word.
    Confusion,
    /// Like `Confusion`, but the result is a compound of lexicon words.
    Compound,
    /// Changed because the context says so: a word that is itself a word,
    /// by its neighbours; a name, by the other forms the page or the batch
    /// writes it in.
    Context,
    /// Edit-distance fallback for damage the confusions do not explain.
    EditDistance,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Correction {
    /// 1-based line in the input.
    pub line: u32,
    /// 1-based column, in characters, of the first character of `from`.
    pub column: u32,
    pub from: String,
    pub to: String,
    pub rule: Rule,
    /// 0 to 1, rounded to three decimals.
    pub confidence: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Review {
    pub line: u32,
    pub column: u32,
    pub word: String,
    /// Best first; may be empty when nothing plausible was found.
    pub candidates: Vec<String>,
    /// Why the word was not changed.
    pub reason: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Warning {
    /// A stable id to filter on: `encoding`, `mojibake`, `no_items`, ...
    pub code: String,
    pub message: String,
    pub line: Option<u32>,
}

impl Warning {
    pub fn new(code: &str, message: impl Into<String>) -> Self {
        Warning {
            code: code.to_string(),
            message: message.into(),
            line: None,
        }
    }

    pub fn at_line(code: &str, message: impl Into<String>, line: u32) -> Self {
        Warning {
            line: Some(line),
            ..Warning::new(code, message)
        }
    }
}
