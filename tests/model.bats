#!/usr/bin/env bats
# Mechanisms of the model on small profiles: a forwarding loop, per-flow
# ECMP from route exchange, re-convergence after a link goes down.

load lib/common

bats_require_minimum_version 1.5.0

@test "a forwarding loop shows as repeating hops up to the limit" {
    run "$BIN/tracert" --profile "$TEST_PROFILES/model/loop.ini" --seed 1 -h 6 10.9.0.1
    [ "$status" -eq 0 ]
    # 0.3 ms a link each way, no reply delay: hop k answers after the k
    # links out and the way back (ra is next to pc, rb one further)
    assert_line --index 1 '  1    <1 ms    <1 ms    <1 ms  10.0.0.1'    # 0.6 ms
    assert_line --index 2 '  2     1 ms     1 ms     1 ms  10.0.1.2'    # 1.2 ms
    assert_line --index 3 '  3     1 ms     1 ms     1 ms  10.0.1.1'    # 1.2 ms
    assert_line --index 4 '  4     1 ms     1 ms     1 ms  10.0.1.2'    # 1.8 ms
    assert_line --index 5 '  5     1 ms     1 ms     1 ms  10.0.1.1'    # 1.8 ms
    assert_line --index 6 '  6     2 ms     2 ms     2 ms  10.0.1.2'    # 2.4 ms
    assert_line --index 7 'Trace complete.'
}

@test "ECMP: a flow keeps its way, and flows spread over both ways" {
    local seen="" h way
    for h in 10.5.0.11 10.5.0.12 10.5.0.13 10.5.0.14; do
        way=$("$BIN/tracert" --profile "$TEST_PROFILES/model/ecmp.ini" --seed 1 -h 2 "$h" |
            sed -n 5p | awk '{ print $NF }')
        # the same flow with other seeds takes the same way
        for s in 2 3 4; do
            [ "$("$BIN/tracert" --profile "$TEST_PROFILES/model/ecmp.ini" --seed "$s" -h 2 "$h" |
                sed -n 5p | awk '{ print $NF }')" = "$way" ]
        done
        seen="$seen $way"
    done
    [[ $seen == *10.0.1.2* && $seen == *10.0.2.2* ]]
}

@test "re-convergence: with r1's link down every flow goes through r2" {
    local h
    for h in 10.5.0.11 10.5.0.12 10.5.0.13 10.5.0.14; do
        run "$BIN/tracert" --profile "$TEST_PROFILES/model/ecmp.ini" --seed 1 \
            --down edge-r1 "$h"
        assert_line --index 2 --regexp ' 10\.0\.2\.2$'
        # far answers from 10.0.4.2, a transfer net no one advertises
        assert_line --index 3 '  3     *        *        *     Request timed out.'
        assert_line --index 4 --regexp " ${h//./\\.}$"
    done
}

@test "route exchange: with both ways down the far LAN has no route" {
    run "$BIN/tracert" --profile "$TEST_PROFILES/model/ecmp.ini" --seed 1 \
        --down edge-r1 --down edge-r2 -h 2 10.5.0.11
    # edge still answers for itself, then drops what it has no route for
    assert_line --index 1 --regexp '^  1 .*  10\.0\.0\.1$'
    assert_line --index 2 '  2     *        *        *     Request timed out.'
}

# ---- route exchange computed on demand ------------------------------------------

@test "a route exchange that oscillates is reported before anything is printed, with its sessions" {
    # tests/profiles/model/oscillation.ini, worked by hand: after round 1
    # r1..r3 hold r0's direct route; rounds 2 and 3 bring and take away each
    # neighbour's, so the state after round 3 is the state after round 1.
    run --separate-stderr "$BIN/tracert" --profile "$TEST_PROFILES/model/oscillation.ini" 10.9.0.1
    assert_equal "$status" 2
    assert_equal "$output" ""
    assert_equal "$stderr" "tracert: $TEST_PROFILES/model/oscillation.ini: routes toward 10.9.0.0/24 never settle: after 3 rounds they repeat, the sessions s12, s23, s31 changing in turn (preferences that chase each other)"
}

@test "routes are computed only for what a run needs: the oscillating prefix does not stop a trace elsewhere" {
    run --separate-stderr "$BIN/ping" --profile "$TEST_PROFILES/model/oscillation.ini" -n 1 10.1.0.1
    assert_equal "$status" 0
    assert_line --index 1 "Reply from 10.1.0.1: bytes=32 time<1ms TTL=255"
}

@test "a ring of 10,000 routers (about 5,000 rounds of exchange) converges and is traced the short way" {
    mkdir "$BATS_TEST_TMPDIR/ring"
    awk -v n=10000 -v files=1 -v dir="$BATS_TEST_TMPDIR/ring" -f "$TESTS_DIR/lib/ring.awk"
    tool_run tracert "$BATS_TEST_TMPDIR/out" --profile "$BATS_TEST_TMPDIR/ring" -d -h 4 100.83.135.1
    assert_exit 0 "$BATS_TEST_TMPDIR/out"
    # r4999's LAN: 4,999 hops clockwise, 5,001 the other way; no latency: <1 ms
    cat >"$BATS_TEST_TMPDIR/want" <<'WANT'

Tracing route to 100.83.135.1 over a maximum of 4 hops

  1    <1 ms    <1 ms    <1 ms  100.64.0.1
  2    <1 ms    <1 ms    <1 ms  10.0.0.2
  3    <1 ms    <1 ms    <1 ms  10.0.4.2
  4    <1 ms    <1 ms    <1 ms  10.0.8.2

Trace complete.
WANT
    assert_same_file "$BATS_TEST_TMPDIR/out" "$BATS_TEST_TMPDIR/want"
}
