/work/main/tests/fuzz/target/release/deps/darling-72b1123c4f3898b9.d: /root/.cargo/registry/src/index.crates.io-1949cf8c6b5b557f/darling-0.24.1/src/lib.rs /root/.cargo/registry/src/index.crates.io-1949cf8c6b5b557f/darling-0.24.1/src/macros_public.rs

/work/main/tests/fuzz/target/release/deps/libdarling-72b1123c4f3898b9.rlib: /root/.cargo/registry/src/index.crates.io-1949cf8c6b5b557f/darling-0.24.1/src/lib.rs /root/.cargo/registry/src/index.crates.io-1949cf8c6b5b557f/darling-0.24.1/src/macros_public.rs

/work/main/tests/fuzz/target/release/deps/libdarling-72b1123c4f3898b9.rmeta: /root/.cargo/registry/src/index.crates.io-1949cf8c6b5b557f/darling-0.24.1/src/lib.rs /root/.cargo/registry/src/index.crates.io-1949cf8c6b5b557f/darling-0.24.1/src/macros_public.rs

/root/.cargo/registry/src/index.crates.io-1949cf8c6b5b557f/darling-0.24.1/src/lib.rs:
/root/.cargo/registry/src/index.crates.io-1949cf8c6b5b557f/darling-0.24.1/src/macros_public.rs:
