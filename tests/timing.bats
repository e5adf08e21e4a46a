#!/usr/bin/env bats
# timing.bats - NETMIMIC_TIMING=1 adds one line on stderr with the durations
# of the load, the route computation and the run; stdout is the same bytes.
# Only the line's form is checked: a test never asserts a duration.

load lib/common

# (a shipped profile is read from its compiled twin, which the line names:
# tests/twin.bats)
TIMING_LINE='^[a-z]+: timing: load [0-9]+\.[0-9]{3} ms( \(twin /[^)]*/twins/[a-z-]+\.nmp\))?, routes [0-9]+\.[0-9]{3} ms, run [0-9]+\.[0-9]{3} ms$'

setup() {
    cd "$BATS_TEST_TMPDIR" || return 1
}

# timed TOOL ARGS...: TOOL ARGS with and without NETMIMIC_TIMING=1 print
# the same stdout and exit alike; with it, stderr is exactly one timing line
# naming TOOL.
timed() {
    local tool=$1
    tool_run "$tool" plain.txt "${@:2}"
    local plain_status=$status
    NETMIMIC_TIMING=1 tool_run "$tool" timed.txt "${@:2}"
    assert_equal "$status" "$plain_status"
    assert_same_file timed.txt plain.txt
    assert_equal "$(wc -l <timed.txt.err)" 1
    grep -Eq "$TIMING_LINE" timed.txt.err
    grep -q "^$tool: " timed.txt.err
}

@test "timing: tracert, ping and pathping print one line, stdout unchanged" {
    timed tracert --seed 1 10.17.30.4
    timed ping --seed 1 -n 2 10.17.30.4
    timed pathping --seed 1 -n -q 2 10.2.30.10
}

@test "timing: also for an unresolved name (exit 1)" {
    timed tracert --seed 1 no-such-host
    assert_equal "$status" 1
}

@test "timing: any other value than 1 prints nothing" {
    for v in 0 yes ''; do
        NETMIMIC_TIMING=$v tool_run tracert out.txt --seed 1 10.17.30.4
        assert_exit 0 out.txt
    done
}

@test "timing: a setup error prints its message only" {
    NETMIMIC_TIMING=1 tool_run tracert out.txt --profile nosuch.ini 10.17.30.4
    assert_equal "$status" 2
    assert_equal "$(cat out.txt.err)" "tracert: nosuch.ini: cannot read profile: No such file or directory"
}
