#!/usr/bin/env bash
# run.sh - runs the fuzz harnesses, one after the other.
#   tests/fuzz/run.sh BIN SECONDS NAME...           a campaign (make fuzz)
#   tests/fuzz/run.sh --smoke BIN SECONDS NAME...   a short run (make fuzz-smoke)
# Each harness first replays its kept findings (tests/fuzz/regress/NAME/,
# as one corpus: a finding may be several files, run smallest first),
# then fuzzes from its seeds for SECONDS, with the dictionary
# tests/fuzz/dict/NAME.dict.  The seeds: tests/fuzz/seeds/NAME/, and for
# 'profile' every shipped and test profile too; for 'compiled' the shipped
# profiles compiled by the harness.  A campaign keeps what it found in
# build-fuzz/corpus/NAME/ (the next campaign goes on from there) and its log
# in build-fuzz/logs/NAME.log; a smoke run starts from the seeds alone.  A
# crash, a leak, a hang (-timeout) or a failed check leaves its input in
# build-fuzz/artifacts/ and makes the script exit 1.  At the end, one line
# per harness: executions, coverage (edges, features), corpus size.
set -uo pipefail

smoke=0
if [ "${1:-}" = --smoke ]; then
    smoke=1
    shift
fi
bin=$1 seconds=$2
shift 2
root=$(cd "$(dirname "$0")/../.." && pwd)
bin=$(cd "$bin" && pwd)
work=$root/build-fuzz
mkdir -p "$work/artifacts" "$work/logs" "$work/seeds/profile"

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
export FUZZ_PROFILES=$root/profiles

# The profile harness's seeds: every profile the project ships or tests,
# and tests/fuzz/seeds/profile/ (profiles in parts).
find "$root/profiles" "$root/tests/profiles" "$root/tests/fuzz/seeds/profile" -name '*.ini' |
while read -r f; do
    cp "$f" "$work/seeds/profile/$(echo "${f#"$root"/}" | tr / _)"
done

# The compiled harness's seeds: the shipped profiles compiled by the
# harness itself (a compiled file belongs to the build that wrote it, so
# none is kept in the tree).
for name in "$@"; do
    if [ "$name" = compiled ]; then
        rm -rf "$work/seeds/compiled"
        mkdir -p "$work/seeds/compiled"
        FUZZ_COMPILED_SEEDS=$work/seeds/compiled "$bin/fuzz-compiled" ||
            echo "fuzz compiled: the seeds were not written" >&2
    fi
done

seeds_of() {
    case $1 in
    profile | compiled) echo "$work/seeds/$1" ;;
    *) echo "$root/tests/fuzz/seeds/$1" ;;
    esac
}

# The last status line of a libFuzzer log: "#RUNS ... cov: N ft: N corp: N/SIZE".
summary() {
    local line
    line=$(grep -aE '^#[0-9]+[[:space:]]+(DONE|pulse|NEW|REDUCE|INITED)' "$2" | tail -n 1)
    echo "$line" | awk -v name="$1" '{
        for (i = 1; i <= NF; i++) { if ($i == "cov:") c = $(i+1); if ($i == "ft:") f = $(i+1);
                                    if ($i == "corp:") k = $(i+1) }
        printf "fuzz %-8s %10s executions  cov %s  ft %s  corpus %s\n", name, substr($1, 2), c, f, k }'
}

failed=0
report=()
for name in "$@"; do
    harness=$bin/fuzz-$name
    flags=(-dict="$root/tests/fuzz/dict/$name.dict" -timeout=10 -print_final_stats=1
           -artifact_prefix="$work/artifacts/$name-")
    # The kept findings replayed as one corpus (-runs=0: each once, in one
    # process, smallest first), not as separate files: a finding may need
    # the inputs run before it (cached-stack-*: what earlier calls left).
    regress=("$root/tests/fuzz/regress/$name"/*)
    if [ -e "${regress[0]}" ]; then
        if ! "$harness" -runs=0 -artifact_prefix="$work/artifacts/$name-regress-" \
            "$root/tests/fuzz/regress/$name" >"$work/logs/$name-regress.log" 2>&1; then
            echo "fuzz $name: a kept finding fails again (build-fuzz/logs/$name-regress.log)" >&2
            tail -n 30 "$work/logs/$name-regress.log" >&2
            failed=1
        fi
    fi
    log=$work/logs/$name.log
    if [ "$smoke" = 1 ]; then
        corpus=$(mktemp -d)
        "$harness" "${flags[@]}" -max_total_time="$seconds" "$corpus" "$(seeds_of "$name")" \
            >"$log" 2>&1
        status=$?
        rm -rf "$corpus"
    else
        corpus=$work/corpus/$name
        mkdir -p "$corpus"
        # -jobs=1: the fuzzing runs in a child that writes fuzz-0.log here
        (cd "$work/logs" && nice -n 10 "$harness" "${flags[@]}" -max_total_time="$seconds" \
            -jobs=1 -workers=1 "$corpus" "$(seeds_of "$name")" >"$log.parent" 2>&1)
        status=$?
        mv "$work/logs/fuzz-0.log" "$log" 2>/dev/null || mv "$log.parent" "$log"
        rm -f "$log.parent"
    fi
    if [ "$status" != 0 ] || grep -aqE '^==[0-9]+==ERROR|^SUMMARY: ' "$log"; then
        echo "fuzz $name: FAILED (log: build-fuzz/logs/$name.log)" >&2
        grep -aE 'fuzz:|ERROR|SUMMARY|Test unit written' "$log" | head -n 10 >&2
        failed=1
    fi
    report+=("$(summary "$name" "$log")")
done
printf '%s\n' "${report[@]}"
exit "$failed"
