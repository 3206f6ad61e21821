/work/main/tests/fuzz/target/x86_64-unknown-linux-gnu/release/deps/scopeguard-81d3fff0a07470d6.d: /root/.cargo/registry/src/index.crates.io-1949cf8c6b5b557f/scopeguard-1.2.0/src/lib.rs

/work/main/tests/fuzz/target/x86_64-unknown-linux-gnu/release/deps/libscopeguard-81d3fff0a07470d6.rlib: /root/.cargo/registry/src/index.crates.io-1949cf8c6b5b557f/scopeguard-1.2.0/src/lib.rs

/work/main/tests/fuzz/target/x86_64-unknown-linux-gnu/release/deps/libscopeguard-81d3fff0a07470d6.rmeta: /root/.cargo/registry/src/index.crates.io-1949cf8c6b5b557f/scopeguard-1.2.0/src/lib.rs

/root/.cargo/registry/src/index.crates.io-1949cf8c6b5b557f/scopeguard-1.2.0/src/lib.rs:
