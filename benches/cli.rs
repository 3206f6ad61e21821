//! The command line as a user runs it: the release binary started for each command, at 1k,
//! 10k and 100k journal entries (1M with `REKINDLE_BENCH_1M=1`): `status`, `status --short`,
//! `journal add`, `journal list`, `export` (md and json, to a file) and `import` into an empty
//! folder. Run with `cargo bench --bench cli`; peak memory comes from `benches/pty-timing.py`.

mod support;

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};

fn rekindle(data: &Path, args: &[&str]) {
    let status = Command::new(env!("CARGO_BIN_EXE_rekindle"))
        .arg("--data-dir")
        .arg(data)
        .args(args)
        .env("TZ", "UTC0")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .unwrap();
    assert!(status.success(), "rekindle {args:?} failed");
}

fn cli(c: &mut Criterion) {
    let mut group = c.benchmark_group("cli");
    group
        .sample_size(10)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(3));
    for size in support::sizes() {
        let work = tempfile::TempDir::new().unwrap();
        let source = work.path().join("journal.json");
        support::export_file(size, &source);
        let data = work.path().join("data");
        rekindle(&data, &["import", source.to_str().unwrap()]);
        let out = |name: &str| work.path().join(name).to_str().unwrap().to_string();
        let commands: [(&str, Vec<String>); 6] = [
            ("status", vec!["status".into()]),
            ("status --short", vec!["status".into(), "--short".into()]),
            (
                "journal add",
                vec!["journal".into(), "add".into(), "one more line".into()],
            ),
            ("journal list", vec!["journal".into(), "list".into()]),
            (
                "export md -o FILE",
                vec![
                    "export".into(),
                    "--format".into(),
                    "md".into(),
                    "-o".into(),
                    out("out.md"),
                ],
            ),
            (
                "export json -o FILE",
                vec![
                    "export".into(),
                    "--format".into(),
                    "json".into(),
                    "-o".into(),
                    out("out.json"),
                ],
            ),
        ];
        for (name, args) in &commands {
            let args: Vec<&str> = args.iter().map(String::as_str).collect();
            group.bench_with_input(BenchmarkId::new(*name, size), &size, |b, _| {
                b.iter(|| rekindle(&data, &args))
            });
        }
        let fresh = work.path().join("fresh");
        group.bench_with_input(
            BenchmarkId::new("import (empty folder)", size),
            &size,
            |b, _| {
                b.iter(|| {
                    let _ = std::fs::remove_dir_all(&fresh);
                    rekindle(&fresh, &["import", source.to_str().unwrap()]);
                })
            },
        );
    }
    group.finish();
}

criterion_group!(benches, cli);
criterion_main!(benches);
