/work/main/tests/fuzz/target/x86_64-unknown-linux-gnu/release/deps/equivalent-197f6e6cfed36936.d: /root/.cargo/registry/src/index.crates.io-1949cf8c6b5b557f/equivalent-1.0.3/src/lib.rs

/work/main/tests/fuzz/target/x86_64-unknown-linux-gnu/release/deps/libequivalent-197f6e6cfed36936.rlib: /root/.cargo/registry/src/index.crates.io-1949cf8c6b5b557f/equivalent-1.0.3/src/lib.rs

/work/main/tests/fuzz/target/x86_64-unknown-linux-gnu/release/deps/libequivalent-197f6e6cfed36936.rmeta: /root/.cargo/registry/src/index.crates.io-1949cf8c6b5b557f/equivalent-1.0.3/src/lib.rs

/root/.cargo/registry/src/index.crates.io-1949cf8c6b5b557f/equivalent-1.0.3/src/lib.rs:
