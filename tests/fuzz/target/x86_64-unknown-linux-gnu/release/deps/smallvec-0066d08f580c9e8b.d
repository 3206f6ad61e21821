/work/main/tests/fuzz/target/x86_64-unknown-linux-gnu/release/deps/smallvec-0066d08f580c9e8b.d: /root/.cargo/registry/src/index.crates.io-1949cf8c6b5b557f/smallvec-1.16.6/src/lib.rs

/work/main/tests/fuzz/target/x86_64-unknown-linux-gnu/release/deps/libsmallvec-0066d08f580c9e8b.rlib: /root/.cargo/registry/src/index.crates.io-1949cf8c6b5b557f/smallvec-1.16.6/src/lib.rs

/work/main/tests/fuzz/target/x86_64-unknown-linux-gnu/release/deps/libsmallvec-0066d08f580c9e8b.rmeta: /root/.cargo/registry/src/index.crates.io-1949cf8c6b5b557f/smallvec-1.16.6/src/lib.rs

/root/.cargo/registry/src/index.crates.io-1949cf8c6b5b557f/smallvec-1.16.6/src/lib.rs:
