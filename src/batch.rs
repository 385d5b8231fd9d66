//! The batch layer: walking, parallelism, atomic writes, summary. (stub: to be built)
