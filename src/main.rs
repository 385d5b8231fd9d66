//! The `referat` command line. (stub: to be built)
fn main() {}
