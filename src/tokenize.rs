//! Stage 3: text to tokens. (stub: to be built)
