#!/bin/sh
# Times `rekindle import` of jrnl and tui-journal exports whose entries all share one timestamp
# (the case that was quadratic), first into an empty journal and then again (all skipped).
# Usage: benches/import-timing.sh [COUNT...]   (default: 20000 100000); needs a release build.
set -eu
bin="$(dirname "$0")/../target/release/rekindle"
[ -x "$bin" ] || { echo "build first: cargo build --release" >&2; exit 1; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
[ "$#" -gt 0 ] || set -- 20000 100000
for n in "$@"; do
    awk -v n="$n" 'BEGIN {
        printf "{\"tags\":{},\"entries\":["
        for (i = 0; i < n; i++)
            printf "%s{\"title\":\"Entry %d.\",\"body\":\"Some words about the day.\",\"date\":\"2025-06-01\",\"time\":\"10:00\",\"tags\":[],\"starred\":false}", (i ? "," : ""), i
        print "]}"
    }' >"$work/jrnl.json"
    awk -v n="$n" 'BEGIN {
        printf "{\"version\":100,\"entries\":["
        for (i = 0; i < n; i++)
            printf "%s{\"date\":\"2025-06-01T10:00:00Z\",\"title\":\"t%d\",\"content\":\"words\"}", (i ? "," : ""), i
        print "]}"
    }' >"$work/tui.json"
    for kind in jrnl tui; do
        rm -rf "$work/data"
        for run in first again; do
            start=$(date +%s.%N)
            "$bin" --data-dir "$work/data" import "$work/$kind.json" >/dev/null
            end=$(date +%s.%N)
            echo "$kind $n entries, one timestamp, $run import: $(awk "BEGIN { print $end - $start }") s"
        done
    done
done
