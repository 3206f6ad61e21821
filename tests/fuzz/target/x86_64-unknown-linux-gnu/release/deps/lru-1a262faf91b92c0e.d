/work/main/tests/fuzz/target/x86_64-unknown-linux-gnu/release/deps/lru-1a262faf91b92c0e.d: /root/.cargo/registry/src/index.crates.io-1949cf8c6b5b557f/lru-0.18.5/src/lib.rs

/work/main/tests/fuzz/target/x86_64-unknown-linux-gnu/release/deps/liblru-1a262faf91b92c0e.rlib: /root/.cargo/registry/src/index.crates.io-1949cf8c6b5b557f/lru-0.18.5/src/lib.rs

/work/main/tests/fuzz/target/x86_64-unknown-linux-gnu/release/deps/liblru-1a262faf91b92c0e.rmeta: /root/.cargo/registry/src/index.crates.io-1949cf8c6b5b557f/lru-0.18.5/src/lib.rs

/root/.cargo/registry/src/index.crates.io-1949cf8c6b5b557f/lru-0.18.5/src/lib.rs:
