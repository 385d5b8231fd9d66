//! Stage 1: bytes to text. (stub: to be built)

use crate::model::Warning;

#[derive(Debug)]
pub struct Decoded {
    pub text: String,
    /// The encoding label recorded in `source.encoding`.
    pub encoding: &'static str,
    pub warnings: Vec<Warning>,
}

#[derive(Debug, thiserror::Error)]
pub enum DecodeError {
    #[error("empty file")]
    Empty,
    #[error("binary file: {0}")]
    Binary(String),
}

pub fn decode(bytes: &[u8]) -> Result<Decoded, DecodeError> {
    if bytes.is_empty() {
        return Err(DecodeError::Empty);
    }
    Ok(Decoded {
        text: String::from_utf8_lossy(bytes).into_owned(),
        encoding: "UTF-8",
        warnings: Vec::new(),
    })
}
