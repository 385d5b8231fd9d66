//! Stage 2: Unicode and layout normalisation. (stub: to be built)

use crate::model::Warning;

#[derive(Debug)]
pub struct Normalized {
    pub text: String,
    pub warnings: Vec<Warning>,
}

pub fn normalize(text: &str) -> Normalized {
    Normalized {
        text: text.replace("\r\n", "\n"),
        warnings: Vec::new(),
    }
}
