#!/usr/bin/env bats
# tracert's Windows options on the default profile, each doing what it says.

load lib/common

bats_require_minimum_version 1.5.0

mask() { sed -E 's/ +(<1|[0-9]+) ms/ NN ms/g'; }

@test "-j: a loose source route passes the listed host first" {
    run "$BIN/tracert" --seed 3 -j 10.2.30.10 10.11.30.68
    [ "$status" -eq 0 ]
    printf '%s\n' "$output" | mask >"$BATS_TEST_TMPDIR/got"
    # to location 1 over ExpressRoute (two hops it cannot see), location 1's
    # VM, then from there to the branch over the VPN
    cat >"$BATS_TEST_TMPDIR/want" <<'WANT'

Tracing route to 10.11.30.68 over a maximum of 30 hops

  1 NN ms NN ms NN ms  10.10.30.132
  2     *        *        *     Request timed out.
  3     *        *        *     Request timed out.
  4 NN ms NN ms NN ms  10.2.30.10
  5 NN ms NN ms NN ms  10.2.30.3
  6     *        *        *     Request timed out.
  7 NN ms NN ms NN ms  10.11.30.68

Trace complete.
WANT
    assert_same_file "$BATS_TEST_TMPDIR/got" "$BATS_TEST_TMPDIR/want"
}

@test "-j: errors" {
    run "$BIN/tracert" -j 10.2.30.10
    assert_output "Value must be supplied for option -j."
    [ "$status" -eq 1 ]
    run "$BIN/tracert" -j nosuch.host 10.2.30.10
    assert_output "Unable to resolve target system name nosuch.host."
    [ "$status" -eq 1 ]
    run "$BIN/tracert" -j 1.1.1.1 1.1.1.2 1.1.1.3 1.1.1.4 1.1.1.5 1.1.1.6 1.1.1.7 1.1.1.8 \
        1.1.1.9 1.1.1.10 10.2.30.10
    assert_output "Bad value for option -j, valid range is from 1 to 9."
    [ "$status" -eq 1 ]
}

@test "-w: a reply later than the timeout is a '*', and the trace goes on" {
    run "$BIN/tracert" --seed 1 -w 50 10.17.30.4
    [ "$status" -eq 0 ]
    assert_line --index 1 --regexp '^  1 .*10\.10\.30\.13[23]$'
    assert_line --index 3 '  3     *        *        *     Request timed out.'
    assert_line --index 30 ' 30     *        *        *     Request timed out.'
    assert_line --index 31 'Trace complete.'
}

@test "-h: the hop limit ends the trace, and the header says it" {
    run "$BIN/tracert" --seed 1 -h 2 10.17.30.4
    assert_line --index 0 'Tracing route to 10.17.30.4 over a maximum of 2 hops'
    assert_line --index 2 '  2     *        *        *     Request timed out.'
    assert_line --index 3 'Trace complete.'
    [ "${#lines[@]}" -eq 4 ]
}

@test "-4 -R -S: accepted, no effect on an IPv4 trace; /x is -x" {
    "$BIN/tracert" --seed 4 10.2.30.10 >"$BATS_TEST_TMPDIR/plain"
    "$BIN/tracert" --seed 4 -4 -R -S 10.10.30.4 /d 10.2.30.10 >"$BATS_TEST_TMPDIR/opts"
    "$BIN/tracert" --seed 4 /4 /R /S 10.10.30.4 -d 10.2.30.10 >"$BATS_TEST_TMPDIR/slash"
    assert_same_file "$BATS_TEST_TMPDIR/opts" "$BATS_TEST_TMPDIR/plain"
    assert_same_file "$BATS_TEST_TMPDIR/slash" "$BATS_TEST_TMPDIR/plain"
}

@test "-6: the model has no IPv6, so no name resolves" {
    run --separate-stderr "$BIN/tracert" -6 10.2.30.10
    assert_output "Unable to resolve target system name 10.2.30.10."
    [ "$status" -eq 1 ]
}

@test "a name resolves to its host, and the header shows the name" {
    run "$BIN/tracert" --seed 2 SPOKE-VM
    assert_line --index 0 'Tracing route to spoke-vm [10.11.30.4]'
    assert_line --index 1 'over a maximum of 30 hops:'
    assert_line --index 2 --regexp '^  1 .*  10\.11\.30\.4$'
}

@test "--realtime: the same bytes, paced" {
    "$BIN/tracert" --seed 8 10.11.30.4 >"$BATS_TEST_TMPDIR/fast"
    "$BIN/tracert" --seed 8 --realtime 10.11.30.4 >"$BATS_TEST_TMPDIR/paced"
    assert_same_file "$BATS_TEST_TMPDIR/paced" "$BATS_TEST_TMPDIR/fast"
}

@test "--from takes a host's name or address as well as its id" {
    "$BIN/tracert" --seed 8 --from loc1-vm 10.10.30.4 >"$BATS_TEST_TMPDIR/id"
    "$BIN/tracert" --seed 8 --from 10.2.30.10 10.10.30.4 >"$BATS_TEST_TMPDIR/addr"
    "$BIN/tracert" --seed 8 --from=LOC1-VM 10.10.30.4 >"$BATS_TEST_TMPDIR/name"
    assert_same_file "$BATS_TEST_TMPDIR/addr" "$BATS_TEST_TMPDIR/id"
    assert_same_file "$BATS_TEST_TMPDIR/name" "$BATS_TEST_TMPDIR/id"
}

@test "-j followed by more options: the last host named is the target" {
    "$BIN/tracert" --seed 3 -j 10.2.30.10 10.11.30.68 >"$BATS_TEST_TMPDIR/last"
    "$BIN/tracert" --seed 3 -j 10.2.30.10 10.11.30.68 -d >"$BATS_TEST_TMPDIR/then-option"
    assert_same_file "$BATS_TEST_TMPDIR/then-option" "$BATS_TEST_TMPDIR/last"
}
