//! `cargo +nightly fuzz run analyze`: see `kupas_fuzz::analyze` for the input format and the checks.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| kupas_fuzz::analyze(data));
