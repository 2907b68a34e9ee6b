/work/main/target-wt/wasm32-unknown-unknown/release/deps/cfg_if-a042849eae09d58a.d: /root/.cargo/registry/src/index.crates.io-1949cf8c6b5b557f/cfg-if-1.0.5/src/lib.rs

/work/main/target-wt/wasm32-unknown-unknown/release/deps/libcfg_if-a042849eae09d58a.rlib: /root/.cargo/registry/src/index.crates.io-1949cf8c6b5b557f/cfg-if-1.0.5/src/lib.rs

/work/main/target-wt/wasm32-unknown-unknown/release/deps/libcfg_if-a042849eae09d58a.rmeta: /root/.cargo/registry/src/index.crates.io-1949cf8c6b5b557f/cfg-if-1.0.5/src/lib.rs

/root/.cargo/registry/src/index.crates.io-1949cf8c6b5b557f/cfg-if-1.0.5/src/lib.rs:
