#!/bin/sh
# Wall time and peak memory of the real binary's commands over a generated journal.
# Usage: benches/cli-timing.sh [ENTRIES]   (default 100000; needs `cargo build --release`).
# The journal: ENTRIES entries of about 600 bytes, a few a day over three years, with emoji,
# imported from a rekindle JSON export. Each command is run 5 times; the median is printed, with
# the peak resident memory of that run (GNU time's %M), timed with date's nanoseconds
# around /usr/bin/time. The method's own cost (the same around `true`) is printed first.
set -eu
n="${1:-100000}"
bin="$(cd "$(dirname "$0")/.." && pwd)/target/release/rekindle"
[ -x "$bin" ] || { echo "build first: cargo build --release" >&2; exit 1; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
awk -v n="$n" 'BEGIN {
    srand(7)
    printf "{\"format\":\"rekindle-journal\",\"version\":1,\"exported\":\"2026-11-01T00:00:00Z\",\"entries\":["
    t = 1700000000
    for (i = 0; i < n; i++) {
        t += int(900 + rand() * 1000 * 3 * 365 * 86400 / n / 1000 * 2)
        text = sprintf("Entry %d. I keep thinking about the mornings 🌱 and the long walks by the river, and how quiet the flat is now. Today I wrote instead of texting, which felt like a small win; tomorrow I will try again. I miss the way we laughed at nothing, but I do not miss the silences that followed the arguments. Some days are lighter than others; this was one of the lighter ones, mostly. I made tea, called my sister, and put the phone in another room for an hour. ", i)
        printf "%s{\"id\":\"g%07d\",\"created\":\"%s\",\"edited\":null,\"text\":\"%s\",\"step\":null,\"mood\":%d,\"tags\":[\"evening\"]}", (i ? "," : ""), i, strftime("%Y-%m-%dT%H:%M:%SZ", t, 1), text, 1 + i % 5
    }
    print "]}"
}' >"$work/journal.json"
data="$work/data"
"$bin" --data-dir "$data" import "$work/journal.json" >/dev/null
"$bin" --data-dir "$data" status >/dev/null
echo "$n entries in $(ls "$data/journal" | grep -c '^[0-9].*json$') months, $(du -sh "$data/journal" | cut -f1)"
measure() {
    label="$1"; shift
    for run in 1 2 3 4 5; do
        start=$(date +%s%N)
        /usr/bin/time -f "%M %U %S" -o "$work/t" "$@" >/dev/null 2>&1 || true
        end=$(date +%s%N)
        echo "$(( (end - start) / 1000 )) $(cat "$work/t")"
    done | sort -n | sed -n 3p | awk -v l="$label" '{ printf "%-34s %8.1f ms %8.1f MiB %8.0f ms cpu\n", l, $1 / 1000, $2 / 1024, ($3 + $4) * 1000 }'
}
measure "time itself (true)" true
measure "status" "$bin" --data-dir "$data" status
measure "status --short" "$bin" --data-dir "$data" status --short
measure "journal add" "$bin" --data-dir "$data" journal add "one more line"
measure "export --format md -o FILE" "$bin" --data-dir "$data" export --format md -o "$work/out.md"
measure "export --format json -o FILE" "$bin" --data-dir "$data" export --format json -o "$work/out.json"
measure "journal list" "$bin" --data-dir "$data" journal list
rm -rf "$work/fresh"
measure "import (into an empty folder)" sh -c "rm -rf '$work/fresh'; '$bin' --data-dir '$work/fresh' import '$work/journal.json'"
