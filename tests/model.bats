#!/usr/bin/env bats
# Mechanisms of the model on small profiles: a forwarding loop, per-flow
# ECMP from route exchange, re-convergence after a link goes down.

load lib/common

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
