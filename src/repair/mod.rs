//! Stage 4: repair OCR-damaged Danish words. (stub: to be built)

pub mod compounds;
pub mod lexicon;

use crate::model::{Correction, Review};

/// What the repair stage needs from the caller. Files are read by the batch
/// layer; the texts arrive here.
#[derive(Debug, Default, Clone)]
pub struct RepairOptions {
    /// User correction files (`--corrections`): (origin for messages, TSV text).
    pub user_corrections: Vec<(String, String)>,
}

#[derive(Debug, thiserror::Error)]
pub enum RepairError {
    #[error("{origin}:{line}: {reason}")]
    BadCorrection {
        origin: String,
        line: usize,
        reason: String,
    },
}

/// Vocabulary and bigram counts learned from the clean documents of a batch.
/// Counts only add up, so the result does not depend on the order files are
/// learned in.
#[derive(Debug, Default, Clone)]
pub struct Evidence {}

impl Evidence {
    pub fn learn(_text: &str) -> Evidence {
        Evidence {}
    }
    pub fn merge(&mut self, _other: Evidence) {}
}

#[derive(Debug, Clone, Default)]
pub struct Repaired {
    pub text: String,
    pub corrections: Vec<Correction>,
    pub review: Vec<Review>,
}

#[derive(Debug)]
pub struct Repairer {}

impl Repairer {
    pub fn new(_options: &RepairOptions) -> Result<Repairer, RepairError> {
        Ok(Repairer {})
    }

    pub fn with_evidence(self, _evidence: Evidence) -> Repairer {
        self
    }

    pub fn repair(&self, text: &str) -> Repaired {
        Repaired {
            text: text.to_string(),
            ..Repaired::default()
        }
    }
}
