//! `cargo +nightly fuzz run options`: see `kupas_fuzz::options` for the input format and the checks.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| kupas_fuzz::options(data));
