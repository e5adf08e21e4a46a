#!/usr/bin/env bash
# suite.sh - runs every bats file of tests/ against one or more builds, the
# files of all builds side by side in JOBS lanes.  make test gives it one:
# dual=bin-dual, whose programs are tests/lib/dual.c's runner, each tool run
# once on the plain build and once on the ASan+UBSan one (NETMIMIC_DUAL_A,
# NETMIMIC_DUAL_B), so every test checks both builds in one bats pass on
# the machine's 2 cores; make test-plain and test-san give one build each,
# make test-valgrind its wrappers.
#
#   tests/lib/suite.sh [-j JOBS] NAME=BINDIR... [FILE.bats...]
#
# (FILE.bats: only these files of tests/, for trying a change.  Extra bats
# options in SUITE_BATS_FLAGS, e.g. --timing for each test's time: not by
# default, it costs two `date` processes a test.  With NETMIMIC_SUITE_LOGS
# set, the tests' logs of each build go to NETMIMIC_SUITE_LOGS/BUILD,
# emptied first and kept after the run, for counting what ran: e.g. the
# sanitizer runs, a line each in NETMIMIC_SUITE_LOGS/dual/netmimic-dual.log.runs.)
# Each file runs as its own `bats --tap FILE` with NETMIMIC_BIN=BINDIR,
# its TAP output into a log of its own; a line "# NAME FILE: ..." tells when a
# file is done, and at the end every log is printed whole, in build then file
# order, so the output reads as the serial runs did: one "ok"/"not ok" line
# per test, the failures' diagnostics under them.  The failed files and
# tests are listed again last.  Exits 1 if any test failed or any bats run
# did not finish cleanly.
#
# tests/zz-*.bats check what the whole suite did (zz-messages.bats: every
# catalogue message was printed by some test; zz-dual.bats: no difference
# between the two builds of a dual run, and the sanitizer build ran), from
# logs that
# tests/lib/common.bash keeps in NETMIMIC_SUITE_LOGS, one directory per
# build: they run after every other file of their build.
#
# Files start longest first (the seconds each took in the last run, kept in
# BINDIR/.suite-times; else those of tests/lib/suite-times; else its number
# of tests), so that no long file starts last while the other lanes idle.
set -u

# All of it is in main, read whole before it starts: bash reads a script as
# it runs it, and a checkout during a run would change the rest under it.
main() {
    jobs=2
    if [ "${1:-}" = -j ]; then
        jobs=$2
        shift 2
    fi
    if [ $# -eq 0 ] || ! [[ $jobs =~ ^[1-9][0-9]*$ ]]; then
        echo "usage: $0 [-j JOBS] NAME=BINDIR... [FILE.bats...]" >&2
        exit 2
    fi

    tests_dir=$(cd "$(dirname "$0")/.." && pwd)
    work=$(mktemp -d "${TMPDIR:-/tmp}/netmimic-suite.XXXXXX") || exit 2
    trap 'rm -rf "$work"' EXIT

    # the tests' logs (lib/common.bash): the run's own, or kept (see above)
    logs_root=${NETMIMIC_SUITE_LOGS:-$work}
    builds=()
    only=()
    declare -A bin_of
    for arg in "$@"; do
        if [[ $arg == *.bats ]]; then
            only+=("${arg##*/}")
            continue
        fi
        name=${arg%%=*}
        bin=${arg#*=}
        if [ "$name" = "$arg" ] || [ ! -d "$bin" ]; then
            echo "$0: $arg: not NAME=BINDIR with an existing BINDIR" >&2
            exit 2
        fi
        builds+=("$name")
        bin_of[$name]=$(cd "$bin" && pwd)
        mkdir -p "$work/$name/logs"
        if [ "$logs_root" != "$work" ]; then
            rm -rf "${logs_root:?}/$name"
            mkdir -p "$logs_root/$name" || exit 2
        fi
    done

    files=()
    last_files=()
    for f in "$tests_dir"/*.bats; do
        [ ${#only[@]} -eq 0 ] || [[ " ${only[*]} " == *" ${f##*/} "* ]] || continue
        case ${f##*/} in
        zz-*) last_files+=("${f##*/}") ;;
        *) files+=("${f##*/}") ;;
        esac
    done

    # expected_seconds BUILD FILE: from the last run, else from
    # tests/lib/suite-times (a clean clone has no last run), else the test
    # count.
    expected_seconds() {
        local t
        t=$(awk -v f="$2" '$1 == f { print $2 }' "${bin_of[$1]}/.suite-times" 2>/dev/null)
        [ -n "$t" ] && { echo "$t"; return; }
        t=$(awk -v f="$2" '$1 == f { print $2 }' "$tests_dir/lib/suite-times" 2>/dev/null)
        [ -n "$t" ] && { echo "$t"; return; }
        grep -c '^@test ' "$tests_dir/$2"
    }

    # run_file BUILD FILE: one bats run; its log, exit status and duration go
    # to $work/BUILD/.
    run_file() {
        local build=$1 file=$2 start end rc=0 ok notok
        local log=$work/$build/logs/$file.tap
        start=$(date +%s)
        NETMIMIC_BIN=${bin_of[$build]} NETMIMIC_SUITE_LOGS=$logs_root/$build \
            bats --tap ${SUITE_BATS_FLAGS:-} "$tests_dir/$file" >"$log" 2>&1 </dev/null || rc=$?
        end=$(date +%s)
        echo "$rc" >"$work/$build/logs/$file.rc"
        echo "$file $((end - start))" >>"$work/$build/times"
        ok=$(grep -c '^ok ' "$log")
        notok=$(grep -c '^not ok ' "$log")
        echo "# $build $file: $ok ok, $notok not ok, $((end - start)) s"
    }

    # run_all JOB...: runs the "BUILD FILE" jobs, at most $jobs at a time.
    run_all() {
        local job running=0
        for job in "$@"; do
            if [ "$running" -ge "$jobs" ]; then
                wait -n
                running=$((running - 1))
            fi
            # shellcheck disable=SC2086
            run_file $job &
            running=$((running + 1))
        done
        wait
    }

    suite_start=$(date +%s)
    mapfile -t queue < <(
        for build in "${builds[@]}"; do
            for file in "${files[@]}"; do
                echo "$(expected_seconds "$build" "$file") $build $file"
            done
        done | sort -k1,1nr | cut -d' ' -f2-
    )
    run_all "${queue[@]}"
    last_queue=()
    for build in "${builds[@]}"; do
        for file in "${last_files[@]}"; do last_queue+=("$build $file"); done
    done
    run_all "${last_queue[@]}"

    status=0
    failures=()
    for build in "${builds[@]}"; do
        cp "$work/$build/times" "${bin_of[$build]}/.suite-times" 2>/dev/null
        for file in "${files[@]}" "${last_files[@]}"; do
            log=$work/$build/logs/$file.tap
            echo "# ---- $build: tests/$file"
            cat "$log"
            rc=$(cat "$work/$build/logs/$file.rc")
            if [ "$rc" != 0 ]; then
                status=1
                failures+=("$build tests/$file: bats exited $rc")
                while IFS= read -r line; do
                    failures+=("  $line")
                done < <(grep '^not ok ' "$log")
            fi
        done
    done
    total_ok=$(cat "$work"/*/logs/*.tap | grep -c '^ok ')
    total_notok=$(cat "$work"/*/logs/*.tap | grep -c '^not ok ')
    echo "# ---- suite (${builds[*]}, $jobs lanes): $total_ok ok, $total_notok not ok, $(($(date +%s) - suite_start)) s"
    for line in "${failures[@]}"; do echo "# FAILED: $line"; done
    exit "$status"
}

main "$@"
exit
