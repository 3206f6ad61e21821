#!/usr/bin/env python3
"""The real release binary, timed end to end as a person meets it: through a pseudo-terminal.

Usage: benches/pty-timing.py [ENTRIES] [RUNS]   (default 100000 entries, 7 runs; needs
`cargo build --release`). Prints medians (and the slowest run) in milliseconds.

Method
- The journal is generated here (seed 7): ENTRIES entries over three years up to today (ten years above
  100,000 entries), 250 to 1,000 bytes each, with accents and emoji, imported with `rekindle
  import`; the welcome and the safety questions are then answered once through the pty, so the
  workbook opens on home like a returning user's.
- Launch: from fork to the moment the home screen's first step title ("Give it space") has been
  written to the terminal (escape sequences and white space stripped from the byte stream
  before matching, as the cursor skips blank cells).
- A key: from writing the key to the pty to the first byte of the redraw it causes. `J` is home
  to journal list, `j` moves in the list, `h` goes home again.
- Keys into the oldest month, which the workbook keeps packed (its text compressed) until
  read: a second after `j`, by when every month has been loaded, `End` goes to the oldest entry,
  `Enter` opens it and `Esc` closes it, then twenty `PgUp`s walk back up (the slowest is shown:
  a page that reaches a block of text not yet unpacked).
- The workbook's memory: its peak resident size (VmHWM) a second after going home again, by
  when every month has been loaded (the time column of that row means nothing); the peak
  includes the keys above.
- `J` while loading: a fresh workbook, `J` written as soon as home is drawn (older months are
  still being read), timed until the journal list's count line ("... entries") has been
  written: a redraw for an arriving month would otherwise pass for the key's.
- Search while typing: `/` in the journal list, then the letters of a word ("kitchen", found in
  nearly every entry: the most work a letter can ask), each timed from writing it until the
  redraw that shows it on the search line (the letter and the cursor after it, written
  together; the list is filtered before anything is drawn, and a redraw for a month arriving
  meanwhile does not count). Typed twice per run: at
  once after `J` while months still load, and again once the workbook is idle (under 2% of a
  core over half a second, read from /proc: every month loaded and the search index built;
  the wait, counted from the end of the first word, is printed). The memory row after it is
  the peak with every month loaded and indexed.
- Export: besides time and memory, MB/s as the output file's bytes over the wall time, and as
  the journal's JSON (the generated file imported) over the same time (1 MB = 10^6 bytes).
- REKINDLE_BENCH_BIN=FILE times that binary instead of target/release/rekindle (a copy, so
  the tree can be built again meanwhile).
- REKINDLE_BENCH_DIR=DIR keeps the generated journal and data folder in DIR and reuses them
  on the next run with the same ENTRIES (each run's `journal add` leaves a few entries more).
- Each CLI command: wall time from fork to exit, and its peak resident memory (GNU time's %M),
  output to /dev/null; the time includes GNU time's own start, measured with `true`.
- Overhead of the method itself, measured the same way and printed first: launching
  `/bin/echo` through the pty, a key echoed back by `cat`, and running `true`.
- The pty is 100 columns by 30 rows, TERM=xterm-256color, TZ=UTC.
- With REKINDLE_BENCH_ENCRYPT=1 the folder is encrypted (`rekindle encrypt`, timed once) with a
  passphrase given through REKINDLE_PASSPHRASE_FILE, so every figure after it includes opening
  the key (one scrypt). That cost alone is printed first: `status --short` on an encrypted
  folder holding no workbook, beside the same on a plain one.
"""

import fcntl
import json
import os
import random
import re
import select
import shutil
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BIN = os.environ.get("REKINDLE_BENCH_BIN") or os.path.join(ROOT, "target", "release", "rekindle")
ANSI = re.compile(rb"\x1b\[[0-9;?<>=]*[ -/]*[@-~]|\x1b[()][0-9A-Za-z]|\x1b[=>78]")

WORDS = (
    "morning walk river quiet flat tea sister phone evening window rain memory laugh silence "
    "argument letter photo song café naïve déjà-vu rêve coração 心 😌 🌱 💛 small win tomorrow "
    "again miss maybe honest slow breath kitchen train station friend message unsent list"
).split()


def generate(path, n):
    """A rekindle export of n entries, deterministic."""
    rng = random.Random(7)
    span = (3 if n <= 100_000 else 10) * 365 * 86400
    # Ends at today's midnight (UTC), as a returning writer's journal does: nothing is dated
    # after now, and this month's file is as full as the day of the month makes it.
    start = int(time.time()) // 86400 * 86400 - span
    step = span / n
    with open(path, "w", encoding="utf-8") as out:
        out.write('{"format":"rekindle-journal","version":1,'
                  '"exported":"2026-11-01T00:00:00Z","entries":[')
        for i in range(n):
            at = time.gmtime(start + int(i * step + rng.random() * step))
            words = []
            size = rng.randint(250, 1000)
            while sum(len(w) + 1 for w in words) < size:
                words.append(rng.choice(WORDS))
            text = " ".join(words).capitalize() + "."
            if rng.random() < 0.3:
                text += "\n\n" + " ".join(rng.choice(WORDS) for _ in range(20))
            entry = {
                "id": f"g{i:08d}",
                "created": time.strftime("%Y-%m-%dT%H:%M:%SZ", at),
                "edited": None,
                "text": text,
                "step": None,
                "mood": 1 + i % 5,
                "tags": ["evening"] if i % 3 == 0 else [],
            }
            out.write(("," if i else "") + json.dumps(entry, ensure_ascii=False))
        out.write("]}\n")


def squeeze(text):
    """Text without white space: a full-screen program moves the cursor over blank cells
    instead of writing spaces, so words are matched without the spaces between them."""
    return re.sub(rb"\s+", b"", text)


class Pty:
    """A program running on a pseudo-terminal, with what it has written so far."""

    def __init__(self, argv, env):
        self.started = time.perf_counter()
        pid, fd = os.forkpty()
        if pid == 0:
            fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 100, 0, 0))
            os.execve(argv[0], argv, env)
        self.pid, self.fd = pid, fd
        self.seen = b""

    def read_until(self, marker, timeout=30.0):
        """Seconds from the start until `marker` (text) appears in what was written since the
        last call."""
        marker = squeeze(marker.encode())
        deadline = time.perf_counter() + timeout
        self.seen = b""
        while True:
            left = deadline - time.perf_counter()
            if left <= 0:
                raise TimeoutError(f"{marker!r} not seen; last output: {ANSI.sub(b'', self.seen)[-300:]!r}")
            ready, _, _ = select.select([self.fd], [], [], left)
            if ready:
                try:
                    chunk = os.read(self.fd, 1 << 16)
                except OSError:
                    chunk = b""
                if not chunk:
                    raise EOFError(f"{marker!r} not seen before the program ended")
                self.seen += chunk
                if marker in squeeze(ANSI.sub(b"", self.seen)):
                    return time.perf_counter()

    def key_until_seen(self, key, marker, timeout=30.0):
        """Seconds from writing `key` until `marker` (text) has been written."""
        self.drain(0.0)
        sent = time.perf_counter()
        os.write(self.fd, key.encode())
        return self.read_until(marker, timeout) - sent

    def key_until_output(self, key, timeout=30.0):
        """Seconds from writing `key` until the first byte written back."""
        self.drain()
        sent = time.perf_counter()
        os.write(self.fd, key.encode())
        ready, _, _ = select.select([self.fd], [], [], timeout)
        if not ready:
            raise TimeoutError(f"nothing drawn after {key!r}")
        got = time.perf_counter()
        self.drain(0.05)
        return got - sent

    def drain(self, quiet=0.02):
        """Reads until the program has been quiet for `quiet` seconds."""
        while select.select([self.fd], [], [], quiet)[0]:
            try:
                if not os.read(self.fd, 1 << 16):
                    return
            except OSError:
                return

    def send(self, keys):
        os.write(self.fd, keys.encode())

    def close(self):
        try:
            os.kill(self.pid, 15)
        except ProcessLookupError:
            pass
        os.waitpid(self.pid, 0)
        os.close(self.fd)


def resident_kib(pid):
    """The peak resident memory of a running process so far (VmHWM), in KiB."""
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    return 0


def env_for(data):
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "TMUX")}
    env.update(TERM="xterm-256color", TZ="UTC0", REKINDLE_DATA_DIR=data)
    return env


def run_cli(argv, env):
    """Wall seconds and peak resident KiB of one run. The memory is read by GNU time (a
    child forked from this Python would count Python's own memory as its peak)."""
    with tempfile.NamedTemporaryFile("r") as peak, open(os.devnull, "wb") as null:
        started = time.perf_counter()
        subprocess.run(["/usr/bin/time", "-f", "%M", "-o", peak.name] + argv,
                       env=env, stdout=null, stderr=null)
        seconds = time.perf_counter() - started
        return seconds, int(peak.read().strip() or 0)


def report(label, seconds, kib=None):
    median = statistics.median(seconds) * 1000
    worst = max(seconds) * 1000
    memory = f"{statistics.median(kib) / 1024:8.1f} MiB" if kib else ""
    print(f"{label:<40} {median:8.1f} ms  (slowest {worst:7.1f}) {memory}", flush=True)


def welcome(data):
    """Answers the welcome and the safety questions once, as a returning user has."""
    app = Pty([BIN, "--data-dir", data], env_for(data))
    app.read_until("Continue to a few gentle safety questions")
    app.send("\x1b[B\x1b[B\r")
    app.read_until("clearly said no")
    for _ in range(7):
        app.send("n")
        time.sleep(0.05)
    app.read_until("Nothing here stands in the way")
    app.send("\r")
    app.drain(0.5)
    app.send("q")
    os.waitpid(app.pid, 0)
    os.close(app.fd)


def encrypt(work, data, env):
    """Encrypts the folder with a passphrase kept in a private file; the environment that
    gives it to every later command."""
    secret = os.path.join(work, "passphrase")
    with open(secret, "w") as out:
        out.write("a benchmark passphrase\n")
    os.chmod(secret, 0o600)
    env = dict(env, REKINDLE_PASSPHRASE_FILE=secret)
    started = time.perf_counter()
    subprocess.run([BIN, "encrypt"], env=env, check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    report("encrypt the folder (once)", [time.perf_counter() - started])
    return env


def report_unlock(work, env, runs):
    """The cost of opening the key alone: a command that reads nothing else."""
    empty = os.path.join(work, "empty")
    subprocess.run([BIN, "--data-dir", empty, "encrypt"], env=env, check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    seconds, kib = zip(*(run_cli([BIN, "--data-dir", empty, "status", "--short"], env)
                         for _ in range(runs)))
    report("unlock: status --short, no workbook", seconds, kib)
    plain = os.path.join(work, "plain-empty")
    os.makedirs(plain)
    seconds, kib = zip(*(run_cli([BIN, "--data-dir", plain, "status", "--short"], env)
                         for _ in range(runs)))
    report("same on a plain folder", seconds, kib)


SEARCHED = "kitchen"


def type_word(app, word):
    """Seconds from each letter of `word` to the redraw that shows it on the journal list's
    search line (the letter and the cursor after it, `▏`, written together), the line opened
    and left again here."""
    app.key_until_output("/")
    letters = [app.key_until_seen(letter, letter + "\u258f") for letter in word]
    app.send("\x1b")
    app.drain(0.1)
    return letters


def cpu_seconds(pid):
    """CPU time a process has used so far (user and system), in seconds."""
    with open(f"/proc/{pid}/stat") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def wait_until_idle(pid, timeout=300.0):
    """Seconds until the process has used less than 2% of a core over half a second: every
    month loaded and the search index built (nothing else runs in the background)."""
    started = time.perf_counter()
    last = cpu_seconds(pid)
    while time.perf_counter() - started < timeout:
        time.sleep(0.5)
        now = cpu_seconds(pid)
        if now - last < 0.01:
            return time.perf_counter() - started
        last = now
    raise TimeoutError("the workbook never went idle")


def prepared(work, n):
    """The data folder and the journal's JSON in `work`, made unless kept from a run with the
    same number of entries."""
    data = os.path.join(work, "data")
    source = os.path.join(work, "journal.json")
    made = os.path.join(work, f"made-{n}")
    if os.path.exists(made):
        return data, source
    shutil.rmtree(data, ignore_errors=True)
    for old in os.listdir(work):
        if old.startswith("made-"):
            os.remove(os.path.join(work, old))
    generate(source, n)
    subprocess.run([BIN, "import", source], env=env_for(data), check=True,
                   stdout=subprocess.DEVNULL)
    welcome(data)
    open(made, "w").close()
    return data, source


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 7
    if not os.access(BIN, os.X_OK):
        sys.exit("build first: cargo build --release")
    kept = os.environ.get("REKINDLE_BENCH_DIR")
    if kept:
        os.makedirs(kept, exist_ok=True)
    work = kept or tempfile.mkdtemp(prefix="rekindle-pty-")
    try:
        data, source = prepared(work, n)
        env = env_for(data)
        encrypted = os.environ.get("REKINDLE_BENCH_ENCRYPT") == "1"
        if encrypted and kept:
            sys.exit("REKINDLE_BENCH_ENCRYPT encrypts the folder: not with REKINDLE_BENCH_DIR")
        if encrypted:
            env = encrypt(work, data, env)
        months = len([f for f in os.listdir(os.path.join(data, "journal")) if f[0].isdigit()])
        size = os.path.getsize(source) / (1 << 20)
        print(f"{n} entries in {months} months ({size:.0f} MiB as JSON); "
              f"{os.cpu_count()} cores; {time.strftime('%Y-%m-%d')}; medians of {runs} runs",
              flush=True)

        launch, key = [], []
        for _ in range(runs):
            echo = Pty(["/bin/echo", "Give it space"], env)
            launch.append(echo.read_until("Give it space") - echo.started)
            echo.close()
            cat = Pty(["/bin/cat"], env)
            key.append(cat.key_until_output("x"))
            cat.close()
        report("method: launch (/bin/echo)", launch)
        report("method: key echoed (cat)", key)
        seconds, kib = zip(*(run_cli(["/bin/true"], env) for _ in range(runs)))
        report("method: run a command (true)", seconds, kib)
        if encrypted:
            report_unlock(work, env, runs)

        first, to_journal, in_list, back_home, resident = [], [], [], [], []
        to_oldest, open_old, close_old, page_up = [], [], [], []
        for _ in range(runs):
            app = Pty([BIN], env)
            first.append(app.read_until("Give it space") - app.started)
            app.drain(0.3)
            to_journal.append(app.key_until_output("J"))
            app.drain(0.5)
            in_list.append(app.key_until_output("j"))
            app.drain(1.0)
            to_oldest.append(app.key_until_output("\x1b[F"))
            app.drain(0.3)
            open_old.append(app.key_until_output("\r"))
            app.drain(0.3)
            close_old.append(app.key_until_output("\x1b"))
            app.drain(0.3)
            page_up.append(max(app.key_until_output("\x1b[5~") for _ in range(20)))
            back_home.append(app.key_until_output("h"))
            app.drain(1.0)
            resident.append(resident_kib(app.pid))
            app.send("q")
            os.waitpid(app.pid, 0)
            os.close(app.fd)
        report("workbook: launch to home drawn", first)
        report("workbook: J (home -> journal list)", to_journal)
        report("workbook: j (down in the journal list)", in_list)
        report("workbook: End (to the oldest entry)", to_oldest)
        report("workbook: Enter (open the oldest entry)", open_old)
        report("workbook: Esc (close it)", close_old)
        report("workbook: PgUp, slowest of 20", page_up)
        report("workbook: h (back home)", back_home)
        report("workbook: memory, every month loaded", [0.0], resident)

        loading, typed_loading, typed_indexed, waited, resident = [], [], [], [], []
        for _ in range(runs):
            app = Pty([BIN], env)
            app.read_until("Give it space")
            loading.append(app.key_until_seen("J", "entries"))
            app.drain(0.0)
            letters = type_word(app, SEARCHED)
            typed_loading.extend(letters)
            waited.append(wait_until_idle(app.pid))
            letters = type_word(app, SEARCHED)
            typed_indexed.extend(letters)
            resident.append(resident_kib(app.pid))
            app.key_until_output("h")
            app.send("q")
            os.waitpid(app.pid, 0)
            os.close(app.fd)
        report("workbook: J right after launch", loading)
        report("search: a letter, months loading", typed_loading)
        report("search: until idle (index built)", waited)
        report("search: a letter, index built", typed_indexed)
        report("workbook: memory, loaded and indexed", [0.0], resident)

        export_to = os.path.join(work, "out")
        commands = [
            ("status", ["status"]),
            ("status --short", ["status", "--short"]),
            ("journal add", ["journal", "add", "one more line"]),
            ("journal list", ["journal", "list"]),
            ("export --format md -o FILE", ["export", "--format", "md", "-o", export_to + ".md"]),
            ("export --format json -o FILE", ["export", "--format", "json", "-o", export_to + ".json"]),
        ]
        journal_bytes = os.path.getsize(source)
        for label, args in commands:
            seconds, kib = zip(*(run_cli([BIN] + args, env) for _ in range(runs)))
            report(label, seconds, kib)
            if args[0] == "export":
                wall = statistics.median(seconds)
                out = os.path.getsize(args[-1])
                print(f"{'':<40} {out / 1e6 / wall:8.0f} MB/s written ({out / 1e6:.0f} MB), "
                      f"{journal_bytes / 1e6 / wall:.0f} MB/s of journal JSON", flush=True)
        fresh = os.path.join(work, "fresh")
        timings = []
        for _ in range(max(3, runs // 2)):
            shutil.rmtree(fresh, ignore_errors=True)
            fresh_env = env_for(fresh)
            fresh_env.pop("REKINDLE_PASSPHRASE_FILE", None)
            timings.append(run_cli([BIN, "--data-dir", fresh, "import", source], fresh_env))
        seconds, kib = zip(*timings)
        report(f"import {n} entries (empty folder)", seconds, kib)
    finally:
        if not kept:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
