/work/main/tests/fuzz/target/release/deps/darling_macro-2377fdc0a4f2be2c.d: /root/.cargo/registry/src/index.crates.io-1949cf8c6b5b557f/darling_macro-0.24.1/src/lib.rs

/work/main/tests/fuzz/target/release/deps/libdarling_macro-2377fdc0a4f2be2c.so: /root/.cargo/registry/src/index.crates.io-1949cf8c6b5b557f/darling_macro-0.24.1/src/lib.rs

/root/.cargo/registry/src/index.crates.io-1949cf8c6b5b557f/darling_macro-0.24.1/src/lib.rs:
