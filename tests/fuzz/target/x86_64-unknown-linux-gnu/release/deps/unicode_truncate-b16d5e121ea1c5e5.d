/work/main/tests/fuzz/target/x86_64-unknown-linux-gnu/release/deps/unicode_truncate-b16d5e121ea1c5e5.d: /root/.cargo/registry/src/index.crates.io-1949cf8c6b5b557f/unicode-truncate-2.0.1/src/lib.rs

/work/main/tests/fuzz/target/x86_64-unknown-linux-gnu/release/deps/libunicode_truncate-b16d5e121ea1c5e5.rlib: /root/.cargo/registry/src/index.crates.io-1949cf8c6b5b557f/unicode-truncate-2.0.1/src/lib.rs

/work/main/tests/fuzz/target/x86_64-unknown-linux-gnu/release/deps/libunicode_truncate-b16d5e121ea1c5e5.rmeta: /root/.cargo/registry/src/index.crates.io-1949cf8c6b5b557f/unicode-truncate-2.0.1/src/lib.rs

/root/.cargo/registry/src/index.crates.io-1949cf8c6b5b557f/unicode-truncate-2.0.1/src/lib.rs:
