#!/usr/bin/env bats
# zz-dual.bats - the suite's one pass ran every program under both builds
# (make test: NETMIMIC_BIN=bin-dual, tests/lib/dual.c): no run showed a
# difference between the plain and the sanitizer build, even in a test that
# ignored the exit status, and the sanitizer build really ran.  Runs last
# (tests/lib/suite.sh runs the zz- files after the others).  The runner's
# own behaviour is tested here too, with fake builds (scripts), whatever
# NETMIMIC_BIN is.

load lib/common

bats_require_minimum_version 1.5.0

DUAL=$ROOT_DIR/bin-dual/netmimic-dual
# the suite's log (setup gives the runner's own tests one each)
SUITE_DUAL_LOG=${NETMIMIC_DUAL_LOG:-}

dual_pass() {
    [ -e "$BIN/netmimic-dual" ] || skip "NETMIMIC_BIN is not bin-dual: the suite ran one build"
}

@test "dual: no run differed between the plain and the sanitizer build" {
    dual_pass
    [ -n "$SUITE_DUAL_LOG" ]
    if [ -s "$SUITE_DUAL_LOG" ]; then
        echo "differences between the builds ($(wc -l <"$SUITE_DUAL_LOG")):" >&2
        cat "$SUITE_DUAL_LOG" >&2
        return 1
    fi
}

@test "dual: the sanitizer build ran the programs of the whole suite" {
    dual_pass
    local f runs
    for f in "$TESTS_DIR"/*.bats; do
        [[ ${f##*/} == zz-* ]] && continue
        grep -qxF "${f##*/}" "$NETMIMIC_FILES_LOG" 2>/dev/null ||
            skip "${f##*/} did not run: run the whole suite"
    done
    runs=$(wc -l <"$SUITE_DUAL_LOG.runs")
    echo "sanitizer runs: $runs" >&2
    [ "$runs" -gt 800 ] # (1,782 when written; fewer since the compiled tests, calibration and office run the sanitizers on the runs that take another path only)
    # every tool, the inspector and the unit helpers among them
    for f in tracert ping pathping netmimic test-dist test-addr test-routing netmimic-seedsearch; do
        grep -q "^$f " "$SUITE_DUAL_LOG.runs"
    done
}

# ---- the runner, with fake builds A and B --------------------------------

# fake DIR NAME BODY: DIR/NAME, a shell script running BODY.
fake() {
    mkdir -p "$1"
    printf '#!/bin/sh\n%s\n' "$3" >"$1/$2"
    chmod +x "$1/$2"
}

setup() {
    [ -x "$DUAL" ] || skip "no $DUAL (make test-tree-dual)"
    cd "$BATS_TEST_TMPDIR"
    mkdir -p dual
    ln -sf "$DUAL" dual/tracert
    export NETMIMIC_DUAL_A=$BATS_TEST_TMPDIR/a NETMIMIC_DUAL_B=$BATS_TEST_TMPDIR/b
    export NETMIMIC_DUAL_LOG=$BATS_TEST_TMPDIR/log
}

@test "dual runner: the same run passes, with A's output and exit status" {
    fake a tracert 'echo out; echo err >&2; exit 3'
    fake b tracert 'echo out; echo err >&2; exit 3'
    status=0
    dual/tracert --seed 1 x >out 2>err || status=$?
    assert_equal "$status" 3
    assert_equal "$(cat out)" out
    assert_equal "$(cat err)" err
    [ ! -e log ]
    assert_equal "$(cat log.runs)" "tracert exit 3"
    # appended (>>): A's bytes are those after what the file held
    echo before >app
    dual/tracert --seed 1 x >>app 2>/dev/null || true
    [ ! -e log ]
    assert_equal "$(cat app)" "before"$'\n'"out"
}

@test "dual runner: a seeded run printing other bytes fails with 125 and is logged" {
    fake a tracert 'echo one'
    fake b tracert 'echo two'
    run --separate-stderr dual/tracert --seed=4 x
    assert_equal "$status" 0 # bats' run: stdout a pipe, not compared
    dual/tracert --seed=4 x >out 2>err || status=$?
    assert_equal "$status" 125
    assert_equal "$(cat out)" one
    grep -q 'netmimic-dual: tracert --seed=4 x: stdout differs between the builds at byte 0' err
    grep -q 'stdout differs' log
    # unseeded: a fresh seed each run, only the status compared
    rm log
    dual/tracert x >out
    [ ! -e log ]
}

@test "dual runner: a sanitizer report or another exit status fails" {
    fake a tracert 'exit 0'
    fake b tracert 'echo "==1==ERROR: AddressSanitizer: heap-use-after-free" >&2'
    run --separate-stderr dual/tracert x
    assert_equal "$status" 125
    assert_output ""
    [[ $stderr == *'reported "ERROR: AddressSanitizer"'* ]]
    fake b tracert 'exit 86'
    run --separate-stderr dual/tracert x
    assert_equal "$status" 125
    [[ $stderr == *'exited 86: a sanitizer report'* ]]
    fake b tracert 'exit 1'
    run --separate-stderr dual/tracert x
    assert_equal "$status" 125
    [[ $stderr == *'plain build ended with exit 0, the sanitizer build with exit 1'* ]]
    assert_equal "$(wc -l <log)" 3
}

@test "dual runner: B's --json goes to a file of its own, compared with its name put back" {
    fake a tracert 'for f; do :; done; echo "{\"file\": \"$f\", \"by\": 1}" >"$f"'
    fake b tracert 'for f; do :; done; echo "{\"file\": \"$f\", \"by\": 1}" >"$f"'
    dual/tracert --seed 1 --json r.json
    assert_equal "$(cat r.json)" '{"file": "r.json", "by": 1}'
    [ ! -e log ]
    fake b tracert 'for f; do :; done; echo "{\"file\": \"$f\", \"by\": 2}" >"$f"'
    status=0
    dual/tracert --seed 1 --json r.json 2>err || status=$?
    assert_equal "$status" 125
    assert_equal "$(cat r.json)" '{"file": "r.json", "by": 1}'
    grep -q 'r.json differs between the builds' err
}

@test "dual runner: a signal goes to A, ends the runner the same way, and B does not run" {
    # (TERM: a background job's INT is ignored, and sh cannot trap it then)
    fake a tracert 'trap "echo caught; exit 7" TERM; echo started; while :; do sleep 0.1; done'
    fake b tracert 'exit 0'
    dual/tracert --seed 1 x >out &
    local pid=$! i
    for i in $(seq 100); do [ -s out ] && break; sleep 0.1; done
    kill -TERM "$pid"
    status=0
    wait "$pid" || status=$?
    assert_equal "$status" 7
    assert_equal "$(cat out)" "started"$'\n'"caught"
    [ ! -e log.runs ]
    # killed by a signal: the runner dies of it too
    fake a tracert 'kill -TERM $$'
    fake b tracert 'kill -TERM $$'
    status=0
    dual/tracert x || status=$?
    assert_equal "$status" $((128 + 15))
}

@test "dual runner: a closed stdout stays closed for B, /dev/full is shared" {
    fake a tracert 'echo x || exit 4'
    fake b tracert 'echo x || exit 4'
    status=0
    dual/tracert --seed 1 >&- 2>/dev/null || status=$?
    assert_equal "$status" 4
    status=0
    dual/tracert --seed 1 >/dev/full 2>/dev/null || status=$?
    assert_equal "$status" 4
    [ ! -e log ]
}
