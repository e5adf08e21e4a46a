#!/usr/bin/env bash
# bench.sh - how long one invocation takes, measured, never asserted.
# Compares a run that only starts the process (the usage screen) with runs
# that load the profile, compute the routes and trace.
#   usage: tests/bench.sh [BIN_DIR] [RUNS]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
bin=${1:-$here/../bin}
runs=${2:-200}

# mean wall time in microseconds of RUNS invocations of the command
measure() {
    local start end
    start=$(date +%s%N)
    for ((i = 0; i < runs; i++)); do "$@" >/dev/null; done
    end=$(date +%s%N)
    echo $(((end - start) / runs / 1000))
}

printf '%-58s %8s\n' "command ($runs runs each)" "us/run"
row() { printf '%-58s %8s\n' "$1" "$(measure "${@:2}")"; }
row "tracert /?  (process start, no profile)" "$bin/tracert" '/?'
row "tracert -h 1 10.11.30.4  (load profile, routes, 1 hop)" "$bin/tracert" --seed 1 -h 1 10.11.30.4
row "tracert 10.17.30.4  (a whole trace)" "$bin/tracert" --seed 1 10.17.30.4
row "tracert -h 30 10.1.31.99  (30 hops, mostly timeouts)" "$bin/tracert" --seed 1 10.1.31.99
if [ -x "$bin/netmimic-seedsearch" ]; then
    start=$(date +%s%N)
    "$bin/netmimic-seedsearch" --from loc1-vm --calibrate "$here/seed/loc1-to-remote.txt" \
        --runs 10000 --middle 2=0 10.17.30.4 >/dev/null || true
    end=$(date +%s%N)
    echo "in-process traces (seed search): $((10000 * 1000000000 / (end - start))) per second"
fi
