//! `cargo +nightly fuzz run corpus`: see `kupas_fuzz::corpus` for the input format and the checks.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| kupas_fuzz::corpus(data));
