/work/main/tests/fuzz/target/release/deps/ident_case-7ca089a11287a2cb.d: /root/.cargo/registry/src/index.crates.io-1949cf8c6b5b557f/ident_case-1.0.1/src/lib.rs

/work/main/tests/fuzz/target/release/deps/libident_case-7ca089a11287a2cb.rlib: /root/.cargo/registry/src/index.crates.io-1949cf8c6b5b557f/ident_case-1.0.1/src/lib.rs

/work/main/tests/fuzz/target/release/deps/libident_case-7ca089a11287a2cb.rmeta: /root/.cargo/registry/src/index.crates.io-1949cf8c6b5b557f/ident_case-1.0.1/src/lib.rs

/root/.cargo/registry/src/index.crates.io-1949cf8c6b5b557f/ident_case-1.0.1/src/lib.rs:
