//! The accuracy harness behind `referat eval`. (stub: to be built)
