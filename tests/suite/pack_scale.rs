//! `content check` takes time in proportion to the size of the pack, not its square: many steps,
//! each gated on the one before, or each a problem, are checked quickly. The bound is generous on
//! purpose (a debug build on a busy machine); it catches a return to quadratic work.

use crate::cli_support;

use std::fmt::Write as _;
use std::fs;
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use cli_support::Sandbox;

const STEPS: usize = 12_000;

/// The default pack plus `STEPS` steps, each waiting for the one before; on the heal path when
/// `on_path`, else on none (one problem each).
fn pack(sandbox: &Sandbox, on_path: bool) -> std::path::PathBuf {
    let pack = sandbox.file("pack");
    let status = Command::new("cp")
        .arg("-r")
        .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("content"))
        .arg(&pack)
        .status()
        .unwrap();
    assert!(status.success());
    let ids: Vec<String> = (0..STEPS).map(|n| format!("extra-{n}")).collect();
    let mut steps = String::new();
    for (n, id) in ids.iter().enumerate() {
        write!(
            steps,
            "[[steps]]\nid = \"{id}\"\ntitle = \"Extra {n}\"\nsummary = \"More.\"\nbody = \"Words.\"\n"
        )
        .unwrap();
        if n > 0 {
            write!(steps, "[steps.gate]\nafter = [\"extra-{}\"]\n", n - 1).unwrap();
        }
    }
    fs::write(pack.join("steps").join("extra.toml"), steps).unwrap();
    if on_path {
        let guide = pack.join("guide.toml");
        let listed: Vec<String> = ids.iter().map(|id| format!("\"{id}\"")).collect();
        let text = fs::read_to_string(&guide).unwrap().replace(
            "\"new-chapter\"]",
            &format!("\"new-chapter\", {}]", listed.join(", ")),
        );
        fs::write(guide, text).unwrap();
    }
    pack
}

fn timed_check(sandbox: &Sandbox, pack: &Path, succeeds: bool) -> (Duration, String) {
    let start = Instant::now();
    let out = sandbox
        .cmd(&["content", "check", pack.to_str().unwrap()])
        .output()
        .unwrap();
    let took = start.elapsed();
    assert_eq!(
        out.status.success(),
        succeeds,
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    (took, String::from_utf8_lossy(&out.stderr).into_owned())
}

#[test]
fn many_gated_steps_check_quickly() {
    let sandbox = Sandbox::new();
    let pack = pack(&sandbox, true);
    let (took, _) = timed_check(&sandbox, &pack, true);
    assert!(
        took < Duration::from_secs(20),
        "{STEPS} steps took {took:?}"
    );
}

#[test]
fn many_problems_are_placed_quickly() {
    let sandbox = Sandbox::new();
    let pack = pack(&sandbox, false);
    let (took, said) = timed_check(&sandbox, &pack, false);
    assert!(
        said.contains(&format!(
            "{} problems",
            rekindle::content::words::grouped(STEPS)
        )),
        "{}",
        &said[said.len().saturating_sub(300)..]
    );
    assert!(
        said.contains("extra.toml:2:6: step `extra-0` is on no path"),
        "placed"
    );
    assert!(
        took < Duration::from_secs(20),
        "{STEPS} problems took {took:?}"
    );
}
