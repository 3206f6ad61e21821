//! Replays every input the fuzzers (`tests/fuzz`) ever found that crashed a loader or importer,
//! kept in `tests/fuzz/regressions/<target>/`, plus a few hand-made awkward ones.

#[path = "../fuzz/checks.rs"]
mod checks;

use std::path::Path;

type Check = fn(&[u8]);

const TARGETS: [(&str, Check); 5] = [
    ("month", checks::month),
    ("journey", checks::journey),
    ("drafts", checks::drafts),
    ("inbox", checks::inbox),
    ("import", checks::import),
];

/// Inputs every target gets: nothing, odd encodings, deep nesting, huge numbers, odd dates.
const AWKWARD: [&[u8]; 9] = [
    b"",
    b"\xEF\xBB\xBF{}",
    b"{\"schema\": 18446744073709551616}",
    b"{\"schema\": 1, \"month\": \"2026-11\", \"entries\": [{\"id\": \"a\", \"created\": \"+262143-12-31T23:59:59Z\", \"text\": \"x\"}]}",
    b"{\"schema\": 1, \"month\": \"2026-11\", \"entries\": [{\"id\": \"a\", \"created\": \"-262143-01-01T00:00:00Z\", \"text\": \"x\"}]}",
    b"{\"schema\": 1, \"at\": \"2026-11-01T00:00:00Z\", \"item\": {\"kind\": \"text\", \"key\": \"k\", \"text\": \"\\u001b]52;c;aGk=\\u0007\"}}",
    b"[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[",
    b"{\"entries\": [{\"date\": \"2026-13-45\", \"time\": \"25:61\", \"body\": \"x\"}]}",
    b"\x00\x00\x00",
];

#[test]
fn every_kept_input_is_handled_without_a_panic() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz/regressions");
    let mut replayed = 0;
    for (name, check) in TARGETS {
        for input in AWKWARD {
            check(input);
        }
        let Ok(dir) = std::fs::read_dir(root.join(name)) else {
            continue;
        };
        for file in dir {
            let file = file.unwrap().path();
            check(&std::fs::read(&file).unwrap());
            replayed += 1;
        }
    }
    println!("replayed {replayed} kept inputs");
}
