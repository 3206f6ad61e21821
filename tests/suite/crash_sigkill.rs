//! Crash safety of the real binary: `rekindle journal add` is SIGKILLed at pseudo-random moments,
//! hundreds of times, into the same data folder. Afterwards every acknowledged entry (the process
//! exited successfully and printed its id) is there, no month is damaged or set aside, and the
//! temp files a kill left behind are cleaned up by the next command.
//!
//! Run with `--nocapture` to see how many runs were acknowledged and how many died mid-write.

use crate::cli_support;

use std::collections::{BTreeSet, HashMap};
use std::io::Read;
use std::os::unix::process::ExitStatusExt;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::thread::sleep;
use std::time::{Duration, Instant};

use cli_support::{Sandbox, mode, temps, walk};

/// How many times `journal add` is started and (usually) killed.
const RUNS: usize = 300;

/// A small linear congruential generator (Knuth's MMIX constants), seeded from a constant so
/// every run of the test makes the same choices.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }

    /// A number in `0..bound`.
    fn below(&mut self, bound: u64) -> u64 {
        self.next() % bound.max(1)
    }
}

/// `rekindle --data-dir <data> journal add TEXT`, sealed like the other CLI tests.
fn add_command(sb: &Sandbox, text: &str) -> Command {
    let mut cmd = Command::new(cli_support::bin());
    let home = sb.tmp.path().join("home");
    cmd.arg("--data-dir")
        .arg(sb.data())
        .args(["journal", "add", text])
        .env("REKINDLE_DATA_DIR", sb.data())
        .env_remove("NO_COLOR")
        .env("HOME", &home)
        .env("XDG_DATA_HOME", home.join(".local/share"))
        .env("TZ", cli_support::UTC)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    cmd
}

/// How long one uninterrupted `journal add` takes here (the median of a few), so the long
/// delays let a run finish whatever the machine's speed.
fn typical_run(sb: &Sandbox, warm_ups: usize) -> Duration {
    let mut times: Vec<Duration> = (0..warm_ups)
        .map(|i| {
            let start = Instant::now();
            let out = add_command(sb, &format!("warm-up {i}")).output().unwrap();
            assert!(out.status.success(), "{out:?}");
            start.elapsed()
        })
        .collect();
    times.sort();
    times[times.len() / 2]
}

/// Every month file and backup parses as JSON (checked after each run, to catch a torn write
/// at once rather than at the end).
fn months_parse(sb: &Sandbox, run: usize) {
    for path in walk(&sb.journal()) {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if name.starts_with('.') {
            continue;
        }
        let bytes = std::fs::read(&path).unwrap();
        if let Err(e) = serde_json::from_slice::<serde_json::Value>(&bytes) {
            panic!("run {run}: {} is damaged: {e}", path.display());
        }
    }
}

/// Temp files written by process `pid` (named `.rekindle-tmp.<file>.<pid>.<n>.<random>.partial`).
fn temps_of(sb: &Sandbox, pid: u32) -> Vec<PathBuf> {
    let mark = format!(".{pid}.");
    temps(&sb.data())
        .into_iter()
        .filter(|p| p.file_name().unwrap().to_string_lossy().contains(&mark))
        .collect()
}

/// When to kill a run.
#[derive(Clone, Copy)]
enum When {
    /// This many microseconds after it was started.
    After(u64),
    /// This many microseconds after its first temp file appears (it has begun to save).
    Saving(u64),
}

/// What became of one run.
enum Run {
    /// It exited successfully and printed its id.
    Acknowledged {
        id: String,
        text: String,
        /// It finished between `try_wait` and the kill.
        raced: bool,
    },
    /// SIGKILL stopped it.
    Killed {
        /// It left a temp file of its own behind: it died while saving.
        mid_write: bool,
    },
}

/// Waits until `child` has a temp file of its own (or has exited), then `delay_us` more.
fn wait_for_save(sb: &Sandbox, child: &mut Child, delay_us: u64) {
    let deadline = Instant::now() + Duration::from_secs(5);
    while Instant::now() < deadline {
        if child.try_wait().unwrap().is_some() {
            return;
        }
        if !temps_of(sb, child.id()).is_empty() {
            sleep(Duration::from_micros(delay_us));
            return;
        }
    }
}

/// Starts `journal add TEXT` and SIGKILLs it at `when` unless it has finished by then.
fn run_and_kill(sb: &Sandbox, text: &str, when: When, run: usize) -> Run {
    let mut child = add_command(sb, text).spawn().unwrap();
    match when {
        When::After(us) => sleep(Duration::from_micros(us)),
        When::Saving(us) => wait_for_save(sb, &mut child, us),
    }
    let exited_before_kill = child.try_wait().unwrap();
    if exited_before_kill.is_none() {
        let _ = child.kill(); // SIGKILL on unix
    }
    let status = child.wait().unwrap();
    let mut out = String::new();
    child
        .stdout
        .take()
        .unwrap()
        .read_to_string(&mut out)
        .unwrap();
    let mut err = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut err)
        .unwrap();
    if status.success() {
        let id = out.trim_end().to_string();
        assert!(!id.is_empty() && !id.contains('\n'), "run {run}: {out:?}");
        return Run::Acknowledged {
            id,
            text: text.to_string(),
            raced: exited_before_kill.is_none(),
        };
    }
    assert_eq!(
        status.signal(),
        Some(9),
        "run {run}: only the kill may stop a run ({status}); stderr: {err}"
    );
    Run::Killed {
        mid_write: !temps_of(sb, child.id()).is_empty(),
    }
}

#[test]
fn sigkill_at_random_moments_never_loses_an_acknowledged_entry() {
    let started = Instant::now();
    let sb = Sandbox::new();
    let warm_ups = 5;
    let typical = typical_run(&sb, warm_ups);
    let long_us = u64::try_from(typical.as_micros() * 3 / 2)
        .unwrap()
        .max(1_000);

    let mut rng = Lcg(0x5EED_2026_1123);
    let mut acknowledged: HashMap<String, String> = HashMap::new(); // id -> text
    let mut killed = 0;
    let mut mid_write = 0;
    let mut raced_the_kill = 0;
    for run in 0..RUNS {
        // Half the runs die within 8 ms of starting (mostly while loading); a quarter die
        // within 2 ms of beginning to save; a quarter get long enough to finish.
        let when = match run % 4 {
            0 | 2 => When::After(rng.below(8_000)),
            1 => When::Saving(rng.below(2_000)),
            _ => When::After(long_us + rng.below(long_us)),
        };
        match run_and_kill(&sb, &format!("entry {run}"), when, run) {
            Run::Acknowledged { id, text, raced } => {
                raced_the_kill += usize::from(raced);
                acknowledged.insert(id, text);
            }
            Run::Killed { mid_write: torn } => {
                killed += 1;
                mid_write += usize::from(torn);
            }
        }
        months_parse(&sb, run);
    }
    let main_acknowledged = acknowledged.len();

    // Make sure the last command below has a crash's leftovers to clean: kill a few more runs
    // the moment they begin to save, and only if that never leaves one, plant one.
    let mut extra = 0;
    while temps(&sb.data()).is_empty() && extra < 50 {
        let text = format!("extra {extra}");
        if let Run::Acknowledged { id, text, .. } =
            run_and_kill(&sb, &text, When::Saving(0), RUNS + extra)
        {
            acknowledged.insert(id, text);
        }
        months_parse(&sb, RUNS + extra);
        extra += 1;
    }
    let planted = temps(&sb.data()).is_empty();
    if planted {
        let stale = sb.journal().join(format!(
            ".rekindle-tmp.2026-11.json.{}.0.00000000000000ff.partial",
            u32::MAX
        ));
        std::fs::write(stale, b"{\n  \"schema\": 1,\n  \"mon").unwrap();
    }
    let leftovers = temps(&sb.data()).len();

    // One more successful command cleans the stale temp files.
    let last = sb.add("after the storm");
    let left = temps(&sb.data());
    assert!(
        left.is_empty(),
        "stale temps remain after a successful command: {left:?}"
    );
    let closing = 1;

    // `journal list` succeeds with nothing set aside, and lists every acknowledged entry.
    let list = sb.list();
    let listed: BTreeSet<&str> = list.lines().map(|l| &l[18..]).collect();
    for text in acknowledged.values() {
        assert!(listed.contains(text.as_str()), "lost {text:?}:\n{list}");
    }
    assert!(listed.contains("after the storm"));

    // The JSON export holds each acknowledged id with its own text, and no id twice.
    let entries = sb.exported_entries();
    let by_id: HashMap<&str, &str> = entries
        .iter()
        .map(|e| (e["id"].as_str().unwrap(), e["text"].as_str().unwrap()))
        .collect();
    assert_eq!(by_id.len(), entries.len(), "ids are unique");
    for (id, text) in &acknowledged {
        assert_eq!(by_id.get(id.as_str()), Some(&text.as_str()), "entry {id}");
    }
    assert_eq!(by_id.get(last.as_str()), Some(&"after the storm"));

    let out = sb.cmd(&["status", "--json"]).assert().success().stderr("");
    let status: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    assert_eq!(status["journal"]["entries"], entries.len());

    for path in walk(&sb.data()) {
        let want = if path.is_dir() { 0o700 } else { 0o600 };
        assert_eq!(mode(&path), want, "{}", path.display());
    }

    let saved_unacknowledged = entries.len() - acknowledged.len() - warm_ups - closing;
    println!(
        "{RUNS} runs (a whole run takes {typical:?}): {main_acknowledged} acknowledged \
         ({raced_the_kill} finished between try_wait and the kill), {killed} killed, \
         {mid_write} of them mid-write (they left a temp file of their own); \
         {saved_unacknowledged} killed runs (of these and {extra} extra) had saved their entry \
         before dying; {leftovers} temp file(s) {} for the last command to clean; {:?} in all",
        if planted { "planted" } else { "left by kills" },
        started.elapsed(),
    );
    assert!(
        main_acknowledged >= RUNS / 10,
        "too few runs completed to mean much"
    );
    assert!(killed >= RUNS / 10, "too few runs were killed to mean much");
    assert!(mid_write >= 1, "no run was killed while saving");
}

/// The state a kill between `keep_backup` and the rename leaves (the month file and its `.bak`
/// are one inode), built by hand: the next save must still leave no temp file behind.
#[test]
fn a_kill_between_backup_and_rename_leaves_no_temp_after_the_next_save() {
    let sb = Sandbox::new();
    sb.add("one");
    sb.add("two");
    let month = walk(&sb.journal())
        .into_iter()
        .find(|p| {
            p.extension().is_some_and(|e| e == "json")
                && !p.file_name().unwrap().to_string_lossy().starts_with('.')
        })
        .unwrap();
    let bak = month.with_extension("json.bak");
    std::fs::remove_file(&bak).unwrap();
    std::fs::hard_link(&month, &bak).unwrap();
    sb.add("three");
    assert_eq!(temps(&sb.data()), Vec::<PathBuf>::new());
}
