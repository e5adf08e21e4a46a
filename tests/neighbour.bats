#!/usr/bin/env bats
# neighbour.bats - neighbour state (neighbor_resolve, neighbor_timeout,
# neighbor_cached) and flow state (flow_table), whole outputs byte for byte.
#
# tests/profiles/neighbour/lan.ini pins every value (latency 0, constant
# delays) and its comments derive each RTT by hand; the expected outputs
# below are written from those sums in the Windows formats of
# ../shared/docs/windows-output.md (sections 1.4, 2.3, 4).  hotspot.ini
# reproduces a real capture, ../shared/corpus-locale/fr-ping-005.txt (the
# copy in tests/expected/locale/), from the neighbour model.

load lib/common

bats_require_minimum_version 1.5.0

NPROFILES=$TEST_PROFILES/neighbour
LAN=$NPROFILES/lan.ini

# on TOOL PROFILE ARGS...: TOOL over PROFILE, seed 1; stdout in $OUT.
on() {
    local tool=$1 profile=$2
    shift 2
    OUT=$BATS_TEST_TMPDIR/out
    tool_run "$tool" "$OUT" --profile "$profile" --seed 1 "$@"
}

# variant NAME DEVICE LINE: a copy of lan.ini with LINE added to [device
# DEVICE]; its path in $VARIANT.
variant() {
    VARIANT=$BATS_TEST_TMPDIR/$1.ini
    awk -v sec="[device $2]" -v line="$3" '{ print } $0 == sec { print line }' "$LAN" >"$VARIANT"
    grep -qxF "$3" "$VARIANT"
}

# ---- a present neighbour: the first packet waits for ARP ---------------------------

@test "ping a neighbour: the first reply waits for ARP (3.2 + 0.4 ms), then time<1ms" {
    on ping "$LAN" 192.168.1.20
    assert_exit 0 "$OUT"
    cat >"$BATS_TEST_TMPDIR/want" <<'EOF'

Pinging 192.168.1.20 with 32 bytes of data:
Reply from 192.168.1.20: bytes=32 time=3ms TTL=128
Reply from 192.168.1.20: bytes=32 time<1ms TTL=128
Reply from 192.168.1.20: bytes=32 time<1ms TTL=128
Reply from 192.168.1.20: bytes=32 time<1ms TTL=128

Ping statistics for 192.168.1.20:
    Packets: Sent = 4, Received = 4, Lost = 0 (0% loss),
Approximate round trip times in milli-seconds:
    Minimum = 0ms, Maximum = 3ms, Average = 0ms
EOF
    same
}

@test "without neighbor_resolve the first reply is as fast as the others" {
    grep -v '^neighbor_resolve' "$LAN" >"$BATS_TEST_TMPDIR/plain.ini"
    on ping "$BATS_TEST_TMPDIR/plain.ini" -n 2 192.168.1.20
    assert_exit 0 "$OUT"
    run grep -c 'time<1ms' "$OUT"
    assert_output 2
}

@test "IPv6: neighbour discovery, the same first-reply delay, IPv6's reply lines" {
    on ping "$LAN" 2001:db8:1::20
    assert_exit 0 "$OUT"
    cat >"$BATS_TEST_TMPDIR/want" <<'EOF'

Pinging 2001:db8:1::20 with 32 bytes of data:
Reply from 2001:db8:1::20: time=3ms
Reply from 2001:db8:1::20: time<1ms
Reply from 2001:db8:1::20: time<1ms
Reply from 2001:db8:1::20: time<1ms

Ping statistics for 2001:db8:1::20:
    Packets: Sent = 4, Received = 4, Lost = 0 (0% loss),
Approximate round trip times in milli-seconds:
    Minimum = 0ms, Maximum = 3ms, Average = 0ms
EOF
    same
}

@test "through the gateway: the PC's ARP, gw's ARP and gw's flow set-up on the first echo only" {
    on ping "$LAN" 10.0.0.2
    assert_exit 0 "$OUT"
    # 3.2 + 7 + 2 + 10.5 = 22.7, then 10.5; average (22 + 3 x 10) / 4 = 13
    cat >"$BATS_TEST_TMPDIR/want" <<'EOF'

Pinging 10.0.0.2 with 32 bytes of data:
Reply from 10.0.0.2: bytes=32 time=22ms TTL=127
Reply from 10.0.0.2: bytes=32 time=10ms TTL=127
Reply from 10.0.0.2: bytes=32 time=10ms TTL=127
Reply from 10.0.0.2: bytes=32 time=10ms TTL=127

Ping statistics for 10.0.0.2:
    Packets: Sent = 4, Received = 4, Lost = 0 (0% loss),
Approximate round trip times in milli-seconds:
    Minimum = 10ms, Maximum = 22ms, Average = 13ms
EOF
    same
}

@test "tracert: each hop's first probe pays what is resolved there first" {
    on tracert "$LAN" 10.0.0.2
    assert_exit 0 "$OUT"
    # hop 1: 3.2 (the PC resolves gw) + 2 (gw sets the flow up) = 5.2;
    # hop 2: 7 (gw resolves the server) + 10.5 = 17.5, then 10.5
    cat >"$BATS_TEST_TMPDIR/want" <<'EOF'

Tracing route to 10.0.0.2 over a maximum of 30 hops

  1     5 ms    <1 ms    <1 ms  192.168.2.1
  2    17 ms    10 ms    10 ms  10.0.0.2

Trace complete.
EOF
    same
}

# ---- neighbours resolved before the run (neighbor_cached) ----------------------------

@test "neighbor_cached: the PC knows the peer from the start: no first-reply delay" {
    variant cached pc "neighbor_cached = 192.168.1.20"
    on ping "$VARIANT" 192.168.1.20
    assert_exit 0 "$OUT"
    # 0.4 for every echo: time<1ms from the first
    cat >"$BATS_TEST_TMPDIR/want" <<'EOF'

Pinging 192.168.1.20 with 32 bytes of data:
Reply from 192.168.1.20: bytes=32 time<1ms TTL=128
Reply from 192.168.1.20: bytes=32 time<1ms TTL=128
Reply from 192.168.1.20: bytes=32 time<1ms TTL=128
Reply from 192.168.1.20: bytes=32 time<1ms TTL=128

Ping statistics for 192.168.1.20:
    Packets: Sent = 4, Received = 4, Lost = 0 (0% loss),
Approximate round trip times in milli-seconds:
    Minimum = 0ms, Maximum = 0ms, Average = 0ms
EOF
    same
}

@test "neighbor_cached is per family: the ARP entry leaves neighbour discovery to do" {
    variant cached4 pc "neighbor_cached = 192.168.1.20"
    on ping "$VARIANT" -n 2 2001:db8:1::20
    assert_exit 0 "$OUT"
    # 3.2 + 0.4, then 0.4
    cat >"$BATS_TEST_TMPDIR/want" <<'EOF'

Pinging 2001:db8:1::20 with 32 bytes of data:
Reply from 2001:db8:1::20: time=3ms
Reply from 2001:db8:1::20: time<1ms

Ping statistics for 2001:db8:1::20:
    Packets: Sent = 2, Received = 2, Lost = 0 (0% loss),
Approximate round trip times in milli-seconds:
    Minimum = 0ms, Maximum = 3ms, Average = 1ms
EOF
    same
    variant cached46 pc "neighbor_cached = 192.168.1.20 2001:db8:1::20"
    on ping "$VARIANT" -n 2 2001:db8:1::20
    assert_exit 0 "$OUT"
    cat >"$BATS_TEST_TMPDIR/want" <<'EOF'

Pinging 2001:db8:1::20 with 32 bytes of data:
Reply from 2001:db8:1::20: time<1ms
Reply from 2001:db8:1::20: time<1ms

Ping statistics for 2001:db8:1::20:
    Packets: Sent = 2, Received = 2, Lost = 0 (0% loss),
Approximate round trip times in milli-seconds:
    Minimum = 0ms, Maximum = 0ms, Average = 0ms
EOF
    same
}

@test "neighbor_cached through the gateway: gw still resolves the server, and sets the flow up" {
    variant pcknows pc "neighbor_cached = 192.168.2.1"
    on ping "$VARIANT" -n 2 10.0.0.2
    assert_exit 0 "$OUT"
    # 7 + 2 + 10.5 = 19.5 (gw learnt the PC with it: its reply resolves
    # nothing), then 10.5; average (19 + 10) / 2 = 14
    cat >"$BATS_TEST_TMPDIR/want" <<'EOF'

Pinging 10.0.0.2 with 32 bytes of data:
Reply from 10.0.0.2: bytes=32 time=19ms TTL=127
Reply from 10.0.0.2: bytes=32 time=10ms TTL=127

Ping statistics for 10.0.0.2:
    Packets: Sent = 2, Received = 2, Lost = 0 (0% loss),
Approximate round trip times in milli-seconds:
    Minimum = 10ms, Maximum = 19ms, Average = 14ms
EOF
    same
    # the same entry said on gw's side: both ends were cached by it
    variant gwknows gw "neighbor_cached = 192.168.2.10"
    on ping "$VARIANT" -n 2 10.0.0.2
    same
    # and gw knowing the server too leaves the flow set-up: 2 + 10.5 = 12.5
    awk '{ print } $0 == "[device gw]" { print "neighbor_cached = 10.0.0.2" }' \
        "$BATS_TEST_TMPDIR/pcknows.ini" >"$BATS_TEST_TMPDIR/both.ini"
    on tracert "$BATS_TEST_TMPDIR/both.ini" 10.0.0.2
    assert_exit 0 "$OUT"
    cat >"$BATS_TEST_TMPDIR/want" <<'EOF'

Tracing route to 10.0.0.2 over a maximum of 30 hops

  1     2 ms    <1 ms    <1 ms  192.168.2.1
  2    10 ms    10 ms    10 ms  10.0.0.2

Trace complete.
EOF
    same
}

# ---- flow state in both directions -------------------------------------------------

@test "flow_table = one-way: the first reply is a flow of its own and pays gw's set-up too" {
    variant oneway gw "flow_table = one-way"
    on ping "$VARIANT" -n 2 10.0.0.2
    assert_exit 0 "$OUT"
    # 22.7 + 2 = 24.7
    cat >"$BATS_TEST_TMPDIR/want" <<'EOF'

Pinging 10.0.0.2 with 32 bytes of data:
Reply from 10.0.0.2: bytes=32 time=24ms TTL=127
Reply from 10.0.0.2: bytes=32 time=10ms TTL=127

Ping statistics for 10.0.0.2:
    Packets: Sent = 2, Received = 2, Lost = 0 (0% loss),
Approximate round trip times in milli-seconds:
    Minimum = 10ms, Maximum = 24ms, Average = 17ms
EOF
    same
}

@test "flow_table = two-way, said explicitly, is the default" {
    on ping "$LAN" -n 2 10.0.0.2
    cp "$OUT" "$BATS_TEST_TMPDIR/want"
    variant twoway gw "flow_table = two-way"
    on ping "$VARIANT" -n 2 10.0.0.2
    same
}

@test "from the server: gw sets the flow up and resolves the PC once; the reply owes nothing" {
    on ping "$LAN" --from server -n 2 192.168.1.10
    assert_exit 0 "$OUT"
    # out: gw's set-up 2, gw resolves the PC 7 (the server needs no time to
    # resolve gw, and gw learns it from that); the PC answers at once
    # (reply_delay 0); back: a known flow, both neighbours cached: 9, then 0
    cat >"$BATS_TEST_TMPDIR/want" <<'EOF'

Pinging 192.168.1.10 with 32 bytes of data:
Reply from 192.168.1.10: bytes=32 time=9ms TTL=127
Reply from 192.168.1.10: bytes=32 time<1ms TTL=127

Ping statistics for 192.168.1.10:
    Packets: Sent = 2, Received = 2, Lost = 0 (0% loss),
Approximate round trip times in milli-seconds:
    Minimum = 0ms, Maximum = 9ms, Average = 4ms
EOF
    same
}

# ---- an absent neighbour -------------------------------------------------------------

@test "an absent neighbour: first Request timed out., then the PC's own Destination host unreachable." {
    on ping "$LAN" 192.168.1.30
    assert_exit 0 "$OUT"
    cat >"$BATS_TEST_TMPDIR/want" <<'EOF'

Pinging 192.168.1.30 with 32 bytes of data:
Request timed out.
Reply from 192.168.1.10: Destination host unreachable.
Reply from 192.168.1.10: Destination host unreachable.
Reply from 192.168.1.10: Destination host unreachable.

Ping statistics for 192.168.1.30:
    Packets: Sent = 4, Received = 3, Lost = 1 (25% loss),
EOF
    same
}

@test "fr-ping-005 from the model: two timeouts (resolving for 5 s), two unreachable, reçus = 2" {
    on ping "$NPROFILES/hotspot.ini" --lang fr-FR 172.20.10.14
    assert_exit 0 "$OUT"
    # the copy of the capture minus its metadata line
    cp "$TESTS_DIR/expected/locale/fr-ping-005.txt" "$BATS_TEST_TMPDIR/want"
    same
}

@test "a shorter -w loses more echoes while the PC is still resolving" {
    # -w 1000: echoes at 0, 1000, 2000 ms wait on the entry, which fails at
    # 3000; the fourth, at 3000, meets the failed entry
    on ping "$LAN" -w 1000 192.168.1.30
    assert_exit 0 "$OUT"
    cat >"$BATS_TEST_TMPDIR/want" <<'EOF'

Pinging 192.168.1.30 with 32 bytes of data:
Request timed out.
Request timed out.
Request timed out.
Reply from 192.168.1.10: Destination host unreachable.

Ping statistics for 192.168.1.30:
    Packets: Sent = 4, Received = 1, Lost = 3 (75% loss),
EOF
    same
}

@test "neighbor_timeout = 0: the miss is known at once, every echo unreachable (as ping-021)" {
    grep -v '^neighbor_timeout' "$LAN" >"$BATS_TEST_TMPDIR/known.ini"
    on ping "$BATS_TEST_TMPDIR/known.ini" -n 2 192.168.1.30
    assert_exit 0 "$OUT"
    cat >"$BATS_TEST_TMPDIR/want" <<'EOF'

Pinging 192.168.1.30 with 32 bytes of data:
Reply from 192.168.1.10: Destination host unreachable.
Reply from 192.168.1.10: Destination host unreachable.

Ping statistics for 192.168.1.30:
    Packets: Sent = 2, Received = 2, Lost = 0 (0% loss),
EOF
    same
}

@test "IPv6: the first echo times out, then bare unreachable lines, all counted lost, exit 1" {
    on ping "$LAN" 2001:db8:1::30
    assert_exit 1 "$OUT"
    cat >"$BATS_TEST_TMPDIR/want" <<'EOF'

Pinging 2001:db8:1::30 with 32 bytes of data:
Request timed out.
Destination host unreachable.
Destination host unreachable.
Destination host unreachable.

Ping statistics for 2001:db8:1::30:
    Packets: Sent = 4, Received = 0, Lost = 4 (100% loss),
EOF
    same
}

@test "a router's absent neighbour: gw knows the miss at once; with a timeout, it drops the first" {
    on ping "$LAN" -n 2 10.0.0.9
    assert_exit 0 "$OUT"
    cat >"$BATS_TEST_TMPDIR/want" <<'EOF'

Pinging 10.0.0.9 with 32 bytes of data:
Reply from 192.168.2.1: Destination host unreachable.
Reply from 192.168.2.1: Destination host unreachable.

Ping statistics for 10.0.0.9:
    Packets: Sent = 2, Received = 2, Lost = 0 (0% loss),
EOF
    same
    variant slowgw gw "neighbor_timeout = 2000"
    on ping "$VARIANT" -n 2 10.0.0.9
    assert_exit 0 "$OUT"
    cat >"$BATS_TEST_TMPDIR/want" <<'EOF'

Pinging 10.0.0.9 with 32 bytes of data:
Request timed out.
Reply from 192.168.2.1: Destination host unreachable.

Ping statistics for 10.0.0.9:
    Packets: Sent = 2, Received = 1, Lost = 1 (50% loss),
EOF
    same
}

@test "tracert to an absent neighbour: the lost probes are *, then the PC reports it" {
    on tracert "$LAN" -d 192.168.1.30
    assert_exit 0 "$OUT"
    # the probe at 0 ms waits (lost: *, 4000 ms); the second, at 4000, meets
    # the failed entry (3000): the line ends with the PC's report
    cat >"$BATS_TEST_TMPDIR/want" <<'EOF'

Tracing route to 192.168.1.30 over a maximum of 30 hops

  1     *     192.168.1.10  reports: Destination host unreachable.

Trace complete.
EOF
    same
}

@test "--json: the echo lost while resolving is a neighbor_miss at the PC" {
    on ping "$LAN" -n 2 --json "$BATS_TEST_TMPDIR/r.json" 192.168.1.30
    assert_exit 0 "$OUT"
    run jq -c '[.responses[] | [.type, .loss.reason, .loss.device]]' "$BATS_TEST_TMPDIR/r.json"
    assert_output '[["timeout","neighbor_miss","pc"],["destination_host_unreachable",null,null]]'
}

@test "netmimic explain shows the steady state: the miss known" {
    run "$BIN/netmimic" --profile "$LAN" explain 192.168.1.30
    assert_success
    assert_line "hop 1 192.168.1.10 (pc): reports destination host unreachable, the reply comes back (TTL 128)"
}

# ---- bad values ----------------------------------------------------------------------

@test "bad neighbor_resolve, neighbor_timeout, neighbor_cached, flow_table: file, section, key, exit 2" {
    local key value want
    while IFS='|' read -r key value want; do
        variant bad peer "$key = $value"
        on ping "$VARIANT" 192.168.1.20
        assert_equal "$status" 2
        assert_equal "$(cat "$OUT")" ""
        assert_equal "$(cat "$OUT.err")" "ping: $VARIANT: [device peer] $key: $want"
    done <<'EOF'
neighbor_timeout|-1|'-1' is not a whole number from 0 to 3600000
neighbor_timeout|3600001|'3600001' is not a whole number from 0 to 3600000
flow_table|both|'both' is not two-way or one-way
neighbor_cached|192.168.1.x|'192.168.1.x' is not an address
neighbor_cached|192.168.1.10 192.168.1.30|192.168.1.30 is not at the far end of any link of 'peer'
neighbor_cached|192.168.1.20|192.168.1.20 is not at the far end of any link of 'peer'
EOF
    variant bad peer "neighbor_resolve = uniform(2)"
    on ping "$VARIANT" 192.168.1.20
    assert_equal "$status" 2
    run cat "$OUT.err"
    assert_output --regexp "^ping: $VARIANT: \[device peer\] neighbor_resolve: "
}
