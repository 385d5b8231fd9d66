//! referat turns OCR'd Danish municipal meeting minutes into clean text and
//! structured JSON.
//!
//! The crate is laid out as the pipeline it runs, one module per stage, data
//! flowing one way:
//!
//! ```text
//! bytes -> decode -> normalize -> tokenize -> repair -> segment -> model (JSON)
//! ```
//!
//! Every stage is a function of its input and a read-only context, so files can
//! be processed in parallel and the output does not depend on the order they
//! are processed in. Only [`batch`] (and the binary) touch the file system.

pub mod batch;
pub mod decode;
pub mod eval;
pub mod model;
pub mod normalize;
pub mod repair;
pub mod segment;
pub mod tokenize;

use sha2::{Digest, Sha256};

use crate::model::{Document, Source, SCHEMA_VERSION};
use crate::repair::Repairer;

/// Why one file could not be turned into a document. The batch reports it as
/// one line (`path: reason`) and goes on with the other files.
#[derive(Debug, thiserror::Error)]
pub enum FileError {
    #[error(transparent)]
    Decode(#[from] decode::DecodeError),
}

/// A document and its repaired text, ready to be written.
#[derive(Debug)]
pub struct Processed {
    pub document: Document,
    /// The repaired text, line for line the same layout as the input.
    pub text: String,
}

/// Decodes, normalises and repairs raw bytes: what `referat fix` prints. A
/// file on its own is a batch of one: its own clean words are the evidence.
pub fn repair_bytes(repairer: Repairer, bytes: &[u8]) -> Result<repair::Repaired, FileError> {
    let decoded = decode::decode(bytes)?;
    let normalized = normalize::normalize(&decoded.text);
    let repairer = repairer.with_evidence(repair::Evidence::learn(&normalized.text));
    Ok(repairer.repair(&normalized.text))
}

/// Runs the whole pipeline over one file's bytes. `path` is only recorded in
/// the document; nothing is read from it.
pub fn process(repairer: &Repairer, path: &str, bytes: &[u8]) -> Result<Processed, FileError> {
    let decoded = decode::decode(bytes)?;
    let normalized = normalize::normalize(&decoded.text);
    let repaired = repairer.repair(&normalized.text);
    let segmented = segment::segment(&repaired.text);

    let mut warnings = decoded.warnings;
    warnings.extend(normalized.warnings);
    warnings.extend(segmented.warnings);

    let document = Document {
        schema_version: SCHEMA_VERSION,
        source: Source {
            path: path.to_string(),
            sha256: sha256_hex(bytes),
            bytes: bytes.len() as u64,
            encoding: decoded.encoding.to_string(),
        },
        meeting: segmented.meeting,
        items: segmented.items,
        furniture: segmented.furniture,
        corrections: repaired.corrections,
        review: repaired.review,
        warnings,
    };
    Ok(Processed {
        document,
        text: repaired.text,
    })
}

/// Lower-case hex SHA-256, as recorded in `source.sha256`.
pub fn sha256_hex(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    let mut hex = String::with_capacity(64);
    for byte in digest {
        hex.push_str(&format!("{byte:02x}"));
    }
    hex
}
