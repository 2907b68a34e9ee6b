/work/main/target-wt/wasm32-unknown-unknown/release/deps/pin_project_lite-7819c7b11e5b8fe5.d: /root/.cargo/registry/src/index.crates.io-1949cf8c6b5b557f/pin-project-lite-0.2.18/src/lib.rs

/work/main/target-wt/wasm32-unknown-unknown/release/deps/libpin_project_lite-7819c7b11e5b8fe5.rlib: /root/.cargo/registry/src/index.crates.io-1949cf8c6b5b557f/pin-project-lite-0.2.18/src/lib.rs

/work/main/target-wt/wasm32-unknown-unknown/release/deps/libpin_project_lite-7819c7b11e5b8fe5.rmeta: /root/.cargo/registry/src/index.crates.io-1949cf8c6b5b557f/pin-project-lite-0.2.18/src/lib.rs

/root/.cargo/registry/src/index.crates.io-1949cf8c6b5b557f/pin-project-lite-0.2.18/src/lib.rs:
