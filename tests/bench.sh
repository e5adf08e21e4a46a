#!/usr/bin/env bash
# bench.sh - how long one invocation takes, measured, never asserted.
#
# Part 1, the default profile: a run that only starts the process (the usage
# screen) against runs that load the profile (from its compiled twin),
# compute the routes and trace, and the in-process trace rate of the seed
# search.
#
# Part 2, against /bin/true measured in the same run: the default profile's
# tracert, from its compiled twin and from its text (NETMIMIC_TWINS=0); then
# generated networks (tools/netmimic-genprofile, written as parts): for
# each size, one tracert and one ping, each as its wall time, as a ratio
# to /bin/true measured in the same run, its peak memory, and the split of
# its time between loading the profile, computing the routes and running
# (NETMIMIC_TIMING=1); then the time of `netmimic compile` on it, and the
# same tracert and ping on the compiled profile.  A size whose run takes
# longer than the timeout is killed and reported as skipped, so the
# benchmark always ends.
#
#   usage: tests/bench.sh [BIN_DIR] [RUNS]
#   environment: BENCH_DEVICES (default "1000 10000 100000"), BENCH_SHAPE
#   (default hub-and-spoke), BENCH_TIMEOUT (seconds per run, default 30)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
bin=${1:-$here/../bin}
runs=${2:-200}
devices_list=${BENCH_DEVICES:-1000 10000 100000}
shape=${BENCH_SHAPE:-hub-and-spoke}
timeout=${BENCH_TIMEOUT:-30}
runstat=$bin/netmimic-runstat
genprofile=$here/../tools/netmimic-genprofile
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# ---- part 1: the default profile --------------------------------------------

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

# ---- part 2: ratios to a bare process start, generated networks -------------

# stat COMMAND...: runs it once under runstat (stdout discarded, stderr
# into $work/err); sets wall_us, rss_kb and result.
stat() {
    "$runstat" -t "$timeout" -o "$work/stat" "$@" >/dev/null 2>"$work/err" || true
    read -r wall_us rss_kb result <"$work/stat"
}

# median_us N COMMAND...: the median wall time of N runs.
median_us() {
    local n=$1 k
    shift
    for ((k = 0; k < n; k++)); do
        stat "$@"
        echo "$wall_us"
    done | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'
}

# The "load X ms, routes Y ms, run Z ms" of the NETMIMIC_TIMING line.
split_of() {
    sed -n 's/^[a-z]*: timing: //p' "$work/err"
}

ms() { awk -v us="$1" 'BEGIN { printf "%.1f ms", us / 1000 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2fx", a / b }'; }
mb() { awk -v kb="$1" 'BEGIN { printf "%.1f MB", kb / 1024 }'; }

# report LABEL: one line for the run stat just measured.
report() {
    if [ "$result" = timeout ]; then
        printf '  %-34s skipped: over %s s\n' "$1" "$timeout"
    elif [ "$result" != 0 ]; then
        printf '  %-34s failed (%s): %s\n' "$1" "$result" "$(head -1 "$work/err")"
    else
        printf '  %-34s %10s %9s %9s   %s\n' "$1" "$(ms "$wall_us")" \
            "$(ratio "$wall_us" "$true_us")" "$(mb "$rss_kb")" "$(split_of)"
    fi
}

echo
true_us=$(median_us 21 /bin/true)
echo "/bin/true: $(ms "$true_us") (median of 21); the ratios below are to it"
printf '  %-34s %10s %9s %9s   %s\n' command wall ratio "peak mem" "load / routes / run"
export NETMIMIC_TIMING=1
# the default profile's tracert: memory from one run, the wall time the
# median of 21 (part 1 gives means)
stat "$bin/tracert" --seed 1 10.17.30.4
wall_us=$(median_us 21 "$bin/tracert" --seed 1 10.17.30.4)
report "default profile: tracert (median)"
# the same from the text, its compiled twin off (common/profile/twin.h)
NETMIMIC_TWINS=0 stat "$bin/tracert" --seed 1 10.17.30.4
wall_us=$(NETMIMIC_TWINS=0 median_us 21 "$bin/tracert" --seed 1 10.17.30.4)
report "  the same from its text"

for devices in $devices_list; do
    sites=$((devices / 2))
    dir=$work/net-$devices
    start=$(date +%s%N)
    "$genprofile" --shape "$shape" --sites "$sites" --out "$dir"
    end=$(date +%s%N)
    echo "$devices devices ($shape, $sites sites, $(find "$dir" -name '*.ini' | wc -l) parts," \
        "generated in $(ms $(((end - start) / 1000)))):"
    stat "$bin/tracert" --profile "$dir" --seed 1 -d "h$sites"
    report "tracert -d h$sites"
    if [ "$result" = timeout ]; then
        printf '  %-34s skipped: the tracert was over %s s\n' "ping h$sites" "$timeout"
        # the load alone: an unknown --from stops the tool right after it
        stat "$bin/tracert" --profile "$dir" --from no-such-host 10.0.0.1
        [ "$result" = 2 ] && result=0
        report "the load alone (exit at --from)"
    else
        stat "$bin/ping" --profile "$dir" --seed 1 "h$sites"
        report "ping h$sites"
    fi
    # the same network compiled (netmimic compile): the compile, then the
    # same runs on the compiled file
    stat "$bin/netmimic" --profile "$dir" compile "$dir.nmp"
    report "netmimic compile"
    if [ -f "$dir.nmp" ]; then
        # memory and split from one run, the wall time the median of 5
        stat "$bin/tracert" --profile "$dir.nmp" --seed 1 -d "h$sites"
        [ "$result" = 0 ] && wall_us=$(median_us 5 "$bin/tracert" --profile "$dir.nmp" --seed 1 -d "h$sites")
        report "compiled: tracert (median of 5)"
        stat "$bin/ping" --profile "$dir.nmp" --seed 1 "h$sites"
        report "compiled: ping h$sites"
    fi
    rm -rf "$dir" "$dir.nmp"
done
