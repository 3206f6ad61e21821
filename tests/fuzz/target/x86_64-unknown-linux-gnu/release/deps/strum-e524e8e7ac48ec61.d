/work/main/tests/fuzz/target/x86_64-unknown-linux-gnu/release/deps/strum-e524e8e7ac48ec61.d: /root/.cargo/registry/src/index.crates.io-1949cf8c6b5b557f/strum-0.28.0/src/lib.rs /root/.cargo/registry/src/index.crates.io-1949cf8c6b5b557f/strum-0.28.0/src/additional_attributes.rs

/work/main/tests/fuzz/target/x86_64-unknown-linux-gnu/release/deps/libstrum-e524e8e7ac48ec61.rlib: /root/.cargo/registry/src/index.crates.io-1949cf8c6b5b557f/strum-0.28.0/src/lib.rs /root/.cargo/registry/src/index.crates.io-1949cf8c6b5b557f/strum-0.28.0/src/additional_attributes.rs

/work/main/tests/fuzz/target/x86_64-unknown-linux-gnu/release/deps/libstrum-e524e8e7ac48ec61.rmeta: /root/.cargo/registry/src/index.crates.io-1949cf8c6b5b557f/strum-0.28.0/src/lib.rs /root/.cargo/registry/src/index.crates.io-1949cf8c6b5b557f/strum-0.28.0/src/additional_attributes.rs

/root/.cargo/registry/src/index.crates.io-1949cf8c6b5b557f/strum-0.28.0/src/lib.rs:
/root/.cargo/registry/src/index.crates.io-1949cf8c6b5b557f/strum-0.28.0/src/additional_attributes.rs:
