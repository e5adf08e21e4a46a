#!/usr/bin/env bats
# Calibration: over 500 seeds, each hop's median displayed RTT is within
# 1 ms of the document's middle value (the middle of its three values), or
# 2 ms where that value is 50 ms or more.  The seeds that reproduce the
# blocks are tails of these distributions, not their centre.

load lib/common
load lib/blocks

# count_lines FILE REGEX: sets REPLY to the number of FILE's lines that
# match REGEX (bash's =~), read by the shell: no grep or subshell a block.
count_lines() {
    local line n=0
    while IFS= read -r line; do
        [[ $line =~ $2 ]] && n=$((n + 1))
    done <"$1"
    REPLY=$n
}

# calibrate NAME TOOL FROM TARGET OPTS SEED [SEEDSEARCH ARGS...]
# The block's calibration over 500 seeds.  It runs on the plain build alone
# ($PLAIN) unless SANITIZED=1: the sanitized build's 500 traces cost it
# 0.3 s of CPU a block for the same code each time; the tests below and the
# row with --middle run it.
calibrate() {
    local name=$1 from=$3 target=$4 opts=$5 bin=$PLAIN
    shift 6
    [ "${SANITIZED:-0}" = 1 ] && bin=$BIN
    block_expected "$name" >"$BATS_TEST_TMPDIR/$name"
    # shellcheck disable=SC2086
    "$bin/netmimic-seedsearch" --from "$from" $opts \
        --calibrate "$BATS_TEST_TMPDIR/$name" --runs 500 "$@" "$target" \
        >"$BATS_TEST_TMPDIR/$name.report" || {
        echo "$name:" >&2
        cat "$BATS_TEST_TMPDIR/$name.report" >&2
        return 1
    }
    # it did look at every hop that answered in the document
    local checked
    count_lines "$BATS_TEST_TMPDIR/$name.report" ': ok$'
    checked=$REPLY
    count_lines "$BATS_TEST_TMPDIR/$name" '^ +[0-9]+ +(<1|[0-9]+) ms'
    [ "$checked" -eq "$REPLY" ] && [ "$REPLY" -gt 0 ]
}

# Location 1's CE answers "<1 ms" in four blocks and "2 5 7" in the trace
# to the remote VNet: the same device, the same links, the same reply path
# (only the probe's destination differs, and no router weighs that when it
# generates an ICMP error).  No single distribution has a median of 0 and of
# 5, so the model makes the CE's control plane busy in some runs (an
# episode, one run in four) and this hop is calibrated against the middle of
# all the document's values for the CE seen from location 1: 0 ms.
@test "calibration: every hop of every document trace" {
    calibrate_row() {
        [ "$2" = tracert ] || return 0
        if [ "$1" = loc1-to-remote ]; then
            SANITIZED=1 calibrate "$@" --middle 2=0
        else
            calibrate "$@"
        fi
    }
    each_block calibrate_row
}

@test "calibration: the busy CE's episode is what gives 2 5 7" {
    block_expected loc1-to-remote >"$BATS_TEST_TMPDIR/want"
    run "$BIN/netmimic-seedsearch" --from loc1-vm --calibrate "$BATS_TEST_TMPDIR/want" \
        --runs 500 10.17.30.4
    [ "$status" -eq 1 ]
    assert_line 'hop 2: document 5, median of 1500 probes 0.0: OFF'
}

@test "calibration: the check can fail (a slower profile is off)" {
    sed 's/^latency = run(uniform(36.2, 37.0))/latency = run(uniform(40.2, 41.0))/' \
        "$PROFILE" >"$BATS_TEST_TMPDIR/slow.ini"
    block_expected hub-to-loc2 >"$BATS_TEST_TMPDIR/want"
    run "$BIN/netmimic-seedsearch" --profile "$BATS_TEST_TMPDIR/slow.ini" --from hub-vm \
        --calibrate "$BATS_TEST_TMPDIR/want" --runs 500 10.1.31.10
    [ "$status" -eq 1 ]
    assert_line --partial 'hop 1: document 75'
    assert_line --partial 'OFF'
}
