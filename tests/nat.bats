#!/usr/bin/env bats
# nat.bats - source NAT (nat_inside, nat_outside), and at the end
# destination NAT (nat_forward), on a home gateway
# (tests/profiles/model/nat.ini): the routers beyond it see the gateway's
# outside address and need no route to the home LAN; the PC sees their real
# addresses.  The expected outputs are worked out by hand from the
# profile's constant latencies and the Windows formats of windows-output.md.

load lib/common

NAT=$TEST_PROFILES/model/nat.ini

nat() { local tool=$1 out=$2; shift 2; tool_run "$tool" "$out" --profile "$NAT" --seed 1 "$@"; }

# The trace from the PC: hop 1 the gateway's LAN side, then the ISP's real
# addresses, whose replies go to 203.0.113.2 and through the NAT state to
# the PC.  1, 1+5, 1+5+2, 1+5+2+1 ms each way.
TRACE_WANT='
Tracing route to 198.18.0.10 over a maximum of 30 hops

  1     2 ms     2 ms     2 ms  192.168.1.1
  2    12 ms    12 ms    12 ms  203.0.113.1
  3    16 ms    16 ms    16 ms  198.51.100.2
  4    18 ms    18 ms    18 ms  198.18.0.10

Trace complete.'

@test "nat: tracert from the PC through the NAT: LAN side first, then the ISP's addresses" {
    nat tracert "$BATS_TEST_TMPDIR/out" -d 198.18.0.10
    assert_exit 0 "$BATS_TEST_TMPDIR/out"
    printf '%s\n' "$TRACE_WANT" >"$BATS_TEST_TMPDIR/want"
    assert_same_file "$BATS_TEST_TMPDIR/out" "$BATS_TEST_TMPDIR/want"
}

@test "nat: the laptop's trace goes through the same NAT" {
    tool_run tracert "$BATS_TEST_TMPDIR/out" --profile "$NAT" --from laptop --seed 1 -d 198.18.0.10
    assert_exit 0 "$BATS_TEST_TMPDIR/out"
    printf '%s\n' "$TRACE_WANT" >"$BATS_TEST_TMPDIR/want"
    assert_same_file "$BATS_TEST_TMPDIR/out" "$BATS_TEST_TMPDIR/want"
}

@test "nat: ping through the NAT: 18 ms, TTL 128 less isp2, isp1 and the gateway" {
    nat ping "$BATS_TEST_TMPDIR/out" -n 2 198.18.0.10
    assert_exit 0 "$BATS_TEST_TMPDIR/out"
    cat >"$BATS_TEST_TMPDIR/want" <<'WANT'

Pinging 198.18.0.10 with 32 bytes of data:
Reply from 198.18.0.10: bytes=32 time=18ms TTL=125
Reply from 198.18.0.10: bytes=32 time=18ms TTL=125

Ping statistics for 198.18.0.10:
    Packets: Sent = 2, Received = 2, Lost = 0 (0% loss),
Approximate round trip times in milli-seconds:
    Minimum = 18ms, Maximum = 18ms, Average = 18ms
WANT
    assert_same_file "$BATS_TEST_TMPDIR/out" "$BATS_TEST_TMPDIR/want"
}

@test "nat: without it, the ISP has no route back to the LAN and every hop past the gateway times out" {
    sed '/^nat_/d' "$NAT" >"$BATS_TEST_TMPDIR/p.ini"
    tool_run tracert "$BATS_TEST_TMPDIR/out" --profile "$BATS_TEST_TMPDIR/p.ini" --seed 1 -d -h 4 198.18.0.10
    assert_exit 0 "$BATS_TEST_TMPDIR/out"
    cat >"$BATS_TEST_TMPDIR/want" <<'WANT'

Tracing route to 198.18.0.10 over a maximum of 4 hops

  1     2 ms     2 ms     2 ms  192.168.1.1
  2     *        *        *     Request timed out.
  3     *        *        *     Request timed out.
  4     *        *        *     Request timed out.

Trace complete.
WANT
    assert_same_file "$BATS_TEST_TMPDIR/out" "$BATS_TEST_TMPDIR/want"
}

@test "nat: from outside, the LAN is unreachable and the outside address is the gateway's" {
    tool_run ping "$BATS_TEST_TMPDIR/out" --profile "$NAT" --from ext --seed 1 -n 1 192.168.1.10
    assert_exit 1 "$BATS_TEST_TMPDIR/out"
    printf '%s\n' '' 'Pinging 192.168.1.10 with 32 bytes of data:' 'Request timed out.' '' \
        'Ping statistics for 192.168.1.10:' \
        '    Packets: Sent = 1, Received = 0, Lost = 1 (100% loss),' >"$BATS_TEST_TMPDIR/want"
    assert_same_file "$BATS_TEST_TMPDIR/out" "$BATS_TEST_TMPDIR/want"
    # 1+2+5 ms each way; TTL 255 less isp1 and isp2
    tool_run ping "$BATS_TEST_TMPDIR/out" --profile "$NAT" --from ext --seed 1 -n 1 203.0.113.2
    assert_exit 0 "$BATS_TEST_TMPDIR/out"
    cat >"$BATS_TEST_TMPDIR/want" <<'WANT'

Pinging 203.0.113.2 with 32 bytes of data:
Reply from 203.0.113.2: bytes=32 time=16ms TTL=253

Ping statistics for 203.0.113.2:
    Packets: Sent = 1, Received = 1, Lost = 0 (0% loss),
Approximate round trip times in milli-seconds:
    Minimum = 16ms, Maximum = 16ms, Average = 16ms
WANT
    assert_same_file "$BATS_TEST_TMPDIR/out" "$BATS_TEST_TMPDIR/want"
}

@test "nat: pathping through the NAT, no loss anywhere" {
    nat pathping "$BATS_TEST_TMPDIR/out" -n -q 10 198.18.0.10
    assert_exit 0 "$BATS_TEST_TMPDIR/out"
    # 4 answering hops x 10 probes x 250 ms = 10 seconds
    cat >"$BATS_TEST_TMPDIR/want" <<'WANT'

Tracing route to 198.18.0.10 over a maximum of 30 hops
  0  192.168.1.10
  1  192.168.1.1
  2  203.0.113.1
  3  198.51.100.2
  4  198.18.0.10

Computing statistics for 10 seconds...
            Source to Here   This Node/Link
Hop  RTT    Lost/Sent = Pct  Lost/Sent = Pct  Address
  0                                           192.168.1.10
                                0/  10 =  0%   |
  1    2ms     0/  10 =  0%     0/  10 =  0%  192.168.1.1
                                0/  10 =  0%   |
  2   12ms     0/  10 =  0%     0/  10 =  0%  203.0.113.1
                                0/  10 =  0%   |
  3   16ms     0/  10 =  0%     0/  10 =  0%  198.51.100.2
                                0/  10 =  0%   |
  4   18ms     0/  10 =  0%     0/  10 =  0%  198.18.0.10

Trace complete.
WANT
    assert_same_file "$BATS_TEST_TMPDIR/out" "$BATS_TEST_TMPDIR/want"
}

@test "nat: netmimic explain shows the way back through the gateway" {
    run "$BIN/netmimic" explain --profile "$NAT" 198.18.0.10
    assert_success
    assert_line --index 2 'hop 1 192.168.1.1 (gw): time exceeded, the reply comes back (TTL 255)'
    assert_line --index 3 'hop 2 203.0.113.1 (isp1): time exceeded, the reply comes back (TTL 254)'
    assert_line --index 6 'return path: srv > isp2 > isp1 > gw > pc'
}

@test "nat: nat_inside and nat_outside go together; the outside is an interface" {
    sed '/^nat_inside/d' "$NAT" >"$BATS_TEST_TMPDIR/p.ini"
    tool_run tracert "$BATS_TEST_TMPDIR/out" --profile "$BATS_TEST_TMPDIR/p.ini" 198.18.0.10
    assert_equal "$status" 2
    assert_equal "$(cat "$BATS_TEST_TMPDIR/out.err")" \
        "tracert: $BATS_TEST_TMPDIR/p.ini: [device gw] nat_inside: missing: nat_outside needs the inside prefixes"
    sed 's/^nat_outside = wan$/nat_outside = dsl/' "$NAT" >"$BATS_TEST_TMPDIR/p.ini"
    tool_run tracert "$BATS_TEST_TMPDIR/out" --profile "$BATS_TEST_TMPDIR/p.ini" 198.18.0.10
    assert_equal "$status" 2
    assert_equal "$(cat "$BATS_TEST_TMPDIR/out.err")" \
        "tracert: $BATS_TEST_TMPDIR/p.ini: [device gw] nat_outside: device 'gw' has no interface 'dsl'"
    sed 's/^nat_inside = .*/nat_inside = 192.168.1.0\/33/' "$NAT" >"$BATS_TEST_TMPDIR/p.ini"
    tool_run tracert "$BATS_TEST_TMPDIR/out" --profile "$BATS_TEST_TMPDIR/p.ini" 198.18.0.10
    assert_equal "$status" 2
    assert_equal "$(cat "$BATS_TEST_TMPDIR/out.err")" \
        "tracert: $BATS_TEST_TMPDIR/p.ini: [device gw] nat_inside: '192.168.1.0/33' is not a prefix like 10.1.0.0/16"
}

@test "nat: a home NAT behind a carrier-grade NAT, then 2 unlisted routers: both translations undone" {
    tool_run tracert "$BATS_TEST_TMPDIR/out" --profile "$TEST_PROFILES/model/cgnat.ini" --seed 1 -d 198.18.0.10
    assert_exit 0 "$BATS_TEST_TMPDIR/out"
    # home 1+1; cgn (1+2)*2; the segment's routers 1 and 2 ms into its 3,
    # (3+1)*2 and (3+2)*2; isp (1+2+3)*2; srv (7)*2
    cat >"$BATS_TEST_TMPDIR/want" <<'WANT'

Tracing route to 198.18.0.10 over a maximum of 30 hops

  1     2 ms     2 ms     2 ms  192.168.1.1
  2     6 ms     6 ms     6 ms  100.64.0.1
  3     8 ms     8 ms     8 ms  4.69.0.1
  4    10 ms    10 ms    10 ms  4.69.0.2
  5    12 ms    12 ms    12 ms  203.0.113.1
  6    14 ms    14 ms    14 ms  198.18.0.10

Trace complete.
WANT
    assert_same_file "$BATS_TEST_TMPDIR/out" "$BATS_TEST_TMPDIR/want"
    # TTL 128 less isp, the 2 routers, cgn and home
    tool_run ping "$BATS_TEST_TMPDIR/out" --profile "$TEST_PROFILES/model/cgnat.ini" --seed 1 -n 1 198.18.0.10
    assert_equal "$(sed -n 3p "$BATS_TEST_TMPDIR/out")" "Reply from 198.18.0.10: bytes=32 time=14ms TTL=123"
}

@test "nat: the routes toward a NAT's outside address are computed before anything is printed" {
    # oscillation.ini's r1 translates h1's LAN to 10.9.0.77, in the prefix
    # whose route exchange never settles: r2's reply to it needs that
    # prefix, so the tool stops before the header, as for the target's
    # prefix (model.bats)
    sed -e 's#^interfaces = lan 10.1.0.1/24, up 10.0.1.2/30, to2 10.0.12.1/30#interfaces = lan 10.1.0.1/24, up 10.0.1.2/30, to2 10.9.0.77/24 10.0.12.1/30#' \
        -e '/^\[device r1\]/a nat_inside = 10.1.0.0/24\nnat_outside = to2' \
        "$TEST_PROFILES/model/oscillation.ini" >"$BATS_TEST_TMPDIR/p.ini"
    grep -q '^nat_outside = to2$' "$BATS_TEST_TMPDIR/p.ini"
    tool_run ping "$BATS_TEST_TMPDIR/out" --profile "$BATS_TEST_TMPDIR/p.ini" -n 1 10.0.12.2
    assert_equal "$status" 2
    assert_equal "$(cat "$BATS_TEST_TMPDIR/out")" ""
    assert_equal "$(cat "$BATS_TEST_TMPDIR/out.err")" \
        "ping: $BATS_TEST_TMPDIR/p.ini: routes toward 10.9.0.0/24 never settle: after 3 rounds they repeat, the sessions s12, s23, s31 changing in turn (preferences that chase each other)"
}

@test "nat: profiles/home.ini: the ISP has no route to the home LAN, the trace still comes back" {
    run "$BIN/netmimic" routes --profile "$ROOT_DIR/profiles/home.ini" isp-core 192.168.1.23
    assert_success
    assert_output ""
    tool_run tracert "$BATS_TEST_TMPDIR/out" --profile "$ROOT_DIR/profiles/home.ini" --seed 7 -4 -d -w 1000 dns.google
    assert_exit 0 "$BATS_TEST_TMPDIR/out"
    # the address column: the router's LAN side, then public addresses
    awk '/^  *[0-9]+  / { print substr($0, 33); next } { print }' "$BATS_TEST_TMPDIR/out" >"$BATS_TEST_TMPDIR/got"
    printf '%s\n' '' 'Tracing route to dns.google [8.8.8.8]' 'over a maximum of 30 hops:' '' \
        192.168.1.1 203.0.113.46 198.51.100.0 198.51.100.9 8.8.8.8 '' 'Trace complete.' >"$BATS_TEST_TMPDIR/want"
    assert_same_file "$BATS_TEST_TMPDIR/got" "$BATS_TEST_TMPDIR/want"
}

# ---- destination NAT (nat_forward) ------------------------------------------
# nat.ini's gateway forwards what comes in by its outside interface for
# 203.0.113.2 to the PC, 192.168.1.10 (a "DMZ host", no ports): ext reaches
# the PC at the gateway's address, 1+2+5+1 ms each way.

# dnat FILE: nat.ini with the gateway's nat_forward to the PC.
dnat() { sed '/^nat_outside = wan$/a nat_forward = 192.168.1.10' "$NAT" >"$1"; }

@test "nat_forward: a ping from outside to the outside address is answered by the inside host" {
    dnat "$BATS_TEST_TMPDIR/p.ini"
    grep -q '^nat_forward = 192.168.1.10$' "$BATS_TEST_TMPDIR/p.ini"
    tool_run ping "$BATS_TEST_TMPDIR/out" --profile "$BATS_TEST_TMPDIR/p.ini" --from ext --seed 1 \
        -n 1 203.0.113.2
    assert_exit 0 "$BATS_TEST_TMPDIR/out"
    # the PC's TTL 128 less the gateway, isp1 and isp2 (not 253: the gateway
    # no longer answers itself)
    cat >"$BATS_TEST_TMPDIR/want" <<'WANT'

Pinging 203.0.113.2 with 32 bytes of data:
Reply from 203.0.113.2: bytes=32 time=18ms TTL=125

Ping statistics for 203.0.113.2:
    Packets: Sent = 1, Received = 1, Lost = 0 (0% loss),
Approximate round trip times in milli-seconds:
    Minimum = 18ms, Maximum = 18ms, Average = 18ms
WANT
    assert_same_file "$BATS_TEST_TMPDIR/out" "$BATS_TEST_TMPDIR/want"
}

@test "nat_forward: tracert shows the outside address twice, the gateway's time exceeded then the host's echo reply" {
    dnat "$BATS_TEST_TMPDIR/p.ini"
    tool_run tracert "$BATS_TEST_TMPDIR/out" --profile "$BATS_TEST_TMPDIR/p.ini" --from ext --seed 1 \
        -d 203.0.113.2
    assert_exit 0 "$BATS_TEST_TMPDIR/out"
    # isp2 1 ms each way, isp1 1+2, the gateway 1+2+5 (it decrements the
    # translated probe and answers from its outside interface), the PC 9
    cat >"$BATS_TEST_TMPDIR/want" <<'WANT'

Tracing route to 203.0.113.2 over a maximum of 30 hops

  1     2 ms     2 ms     2 ms  198.18.0.1
  2     6 ms     6 ms     6 ms  198.51.100.1
  3    16 ms    16 ms    16 ms  203.0.113.2
  4    18 ms    18 ms    18 ms  203.0.113.2

Trace complete.
WANT
    assert_same_file "$BATS_TEST_TMPDIR/out" "$BATS_TEST_TMPDIR/want"
}

@test "nat_forward: only what comes in by the outside interface is translated" {
    dnat "$BATS_TEST_TMPDIR/p.ini"
    # from the LAN the outside address is the gateway's own: 1 ms each way,
    # its own TTL 255
    tool_run ping "$BATS_TEST_TMPDIR/out" --profile "$BATS_TEST_TMPDIR/p.ini" --from laptop \
        --seed 1 -n 1 203.0.113.2
    assert_equal "$(sed -n 3p "$BATS_TEST_TMPDIR/out")" "Reply from 203.0.113.2: bytes=32 time=2ms TTL=255"
    # and the source NAT still works alongside: the PC's trace is unchanged
    tool_run tracert "$BATS_TEST_TMPDIR/out" --profile "$BATS_TEST_TMPDIR/p.ini" --seed 1 -d 198.18.0.10
    printf '%s\n' "$TRACE_WANT" >"$BATS_TEST_TMPDIR/want"
    assert_same_file "$BATS_TEST_TMPDIR/out" "$BATS_TEST_TMPDIR/want"
}

@test "nat_forward: a reply that goes back around the gateway finds no state and is lost" {
    # a second router, alt, between the home LAN and isp2: the PC's default
    # route goes through it, so its echo reply never passes the gateway's
    # outside interface and leaves with the PC's own address
    dnat "$BATS_TEST_TMPDIR/p.ini"
    sed -i '/^\[device pc\]/,/^$/s#via 192.168.1.1#via 192.168.1.2#' \
        "$BATS_TEST_TMPDIR/p.ini"
    cat >>"$BATS_TEST_TMPDIR/p.ini" <<'INI'

[device alt]
interfaces = lan 192.168.1.2/24, up 198.18.0.2/24
routes = 0.0.0.0/0 via 198.18.0.1

[link pc-alt]
a = pc.eth0
b = alt.lan
latency = 1

[link alt-isp2]
a = alt.up
b = isp2.dc
latency = 1
INI
    grep -A3 '^\[device pc\]' "$BATS_TEST_TMPDIR/p.ini" | grep -q 'via 192.168.1.2$'
    tool_run ping "$BATS_TEST_TMPDIR/out" --profile "$BATS_TEST_TMPDIR/p.ini" --from ext --seed 1 \
        -n 1 203.0.113.2
    assert_exit 1 "$BATS_TEST_TMPDIR/out"
    assert_equal "$(sed -n 3p "$BATS_TEST_TMPDIR/out")" "Request timed out."
}

@test "nat_forward: needs nat_outside, an address, and an outside address of its family" {
    sed -e '/^nat_/d' -e '/^\[device gw\]/a nat_forward = 192.168.1.10' "$NAT" >"$BATS_TEST_TMPDIR/p.ini"
    tool_run tracert "$BATS_TEST_TMPDIR/out" --profile "$BATS_TEST_TMPDIR/p.ini" 198.18.0.10
    assert_equal "$status" 2
    assert_equal "$(cat "$BATS_TEST_TMPDIR/out.err")" \
        "tracert: $BATS_TEST_TMPDIR/p.ini: [device gw] nat_outside: missing: nat_forward needs the outside interface"
    # destination NAT alone, without nat_inside, is a valid profile
    sed -e '/^nat_inside/d' -e '/^nat_outside = wan$/a nat_forward = 192.168.1.10' "$NAT" \
        >"$BATS_TEST_TMPDIR/p.ini"
    tool_run ping "$BATS_TEST_TMPDIR/out" --profile "$BATS_TEST_TMPDIR/p.ini" --from ext --seed 1 \
        -n 1 203.0.113.2
    assert_exit 0 "$BATS_TEST_TMPDIR/out"
    local v
    for v in 192.168.1.300 "192.168.1.10 192.168.1.11" 2001:db8::10; do
        sed "/^nat_outside = wan\$/a nat_forward = $v" "$NAT" >"$BATS_TEST_TMPDIR/p.ini"
        tool_run tracert "$BATS_TEST_TMPDIR/out" --profile "$BATS_TEST_TMPDIR/p.ini" 198.18.0.10
        assert_equal "$status" 2
    done
    assert_equal "$(cat "$BATS_TEST_TMPDIR/out.err")" \
        "tracert: $BATS_TEST_TMPDIR/p.ini: [device gw] nat_forward: interface 'wan' has no IPv6 address to forward"
    sed "/^nat_outside = wan\$/a nat_forward = 192.168.1.10 192.168.1.11" "$NAT" >"$BATS_TEST_TMPDIR/p.ini"
    tool_run tracert "$BATS_TEST_TMPDIR/out" --profile "$BATS_TEST_TMPDIR/p.ini" 198.18.0.10
    assert_equal "$(cat "$BATS_TEST_TMPDIR/out.err")" \
        "tracert: $BATS_TEST_TMPDIR/p.ini: [device gw] nat_forward: two addresses of one family: one IPv4 and one IPv6 at most"
}
