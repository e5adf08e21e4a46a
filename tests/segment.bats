#!/usr/bin/env bats
# segment.bats - a link that stands for routers it does not list (routers,
# routers_ttl, router_addresses, router_names) in
# tests/profiles/model/segment.ini: a carrier of 4 routers between the
# customer's edges ce1 and ce2, 10 ms one way across.  The expected outputs
# are worked out by hand: router M of N=4, met in that order, sits M/(N+1)
# of the way across, 2 ms per fifth; the Windows formats are those of
# windows-output.md.

load lib/common

SEG=$TEST_PROFILES/model/segment.ini

seg() { local tool=$1 out=$2; shift 2; tool_run "$tool" "$out" --profile "$SEG" --seed 1 "$@"; }

# segment.ini with routers_ttl set to $1, in $BATS_TEST_TMPDIR/p.ini
with_ttl() { sed "s/^routers_ttl = each\$/routers_ttl = $1/" "$SEG" >"$BATS_TEST_TMPDIR/p.ini"; }

@test "segment, visible: 4 hops from the pool with their names, 4 ms apart" {
    seg tracert "$BATS_TEST_TMPDIR/out" 10.3.0.10
    assert_exit 0 "$BATS_TEST_TMPDIR/out"
    # ce1 1+1; router M (1+2M)*2; ce2 (1+10)*2; srv (12)*2
    cat >"$BATS_TEST_TMPDIR/want" <<'WANT'

Tracing route to 10.3.0.10 over a maximum of 30 hops

  1     2 ms     2 ms     2 ms  10.1.0.1
  2     6 ms     6 ms     6 ms  be1.cr1.bos4.carrier.example [4.69.0.1]
  3    10 ms    10 ms    10 ms  be2.cr2.bos4.carrier.example [4.69.0.2]
  4    14 ms    14 ms    14 ms  be3.cr3.bos4.carrier.example [4.69.0.3]
  5    18 ms    18 ms    18 ms  be4.cr4.bos4.carrier.example [4.69.0.4]
  6    22 ms    22 ms    22 ms  10.2.0.2
  7    24 ms    24 ms    24 ms  10.3.0.10

Trace complete.
WANT
    assert_same_file "$BATS_TEST_TMPDIR/out" "$BATS_TEST_TMPDIR/want"
}

@test "segment, visible: from the other side the routers come in reverse order" {
    tool_run tracert "$BATS_TEST_TMPDIR/out" --profile "$SEG" --from srv --seed 1 -d 10.1.0.10
    assert_exit 0 "$BATS_TEST_TMPDIR/out"
    cat >"$BATS_TEST_TMPDIR/want" <<'WANT'

Tracing route to 10.1.0.10 over a maximum of 30 hops

  1     2 ms     2 ms     2 ms  10.3.0.1
  2     6 ms     6 ms     6 ms  4.69.0.4
  3    10 ms    10 ms    10 ms  4.69.0.3
  4    14 ms    14 ms    14 ms  4.69.0.2
  5    18 ms    18 ms    18 ms  4.69.0.1
  6    22 ms    22 ms    22 ms  10.2.0.1
  7    24 ms    24 ms    24 ms  10.1.0.10

Trace complete.
WANT
    assert_same_file "$BATS_TEST_TMPDIR/out" "$BATS_TEST_TMPDIR/want"
}

@test "segment, visible: the reply's TTL drops by 4 across it; -r records the routers" {
    seg ping "$BATS_TEST_TMPDIR/out" -n 1 -r 9 10.3.0.10
    assert_exit 0 "$BATS_TEST_TMPDIR/out"
    # TTL 128 less ce2, the 4 routers and ce1; the route: ce1's way out,
    # the routers, ce2's, then srv's way back, ce2's and router 4
    cat >"$BATS_TEST_TMPDIR/want" <<'WANT'

Pinging 10.3.0.10 with 32 bytes of data:
Reply from 10.3.0.10: bytes=32 time=24ms TTL=122
    Route: 10.2.0.1 ->
           4.69.0.1 ->
           4.69.0.2 ->
           4.69.0.3 ->
           4.69.0.4 ->
           10.3.0.1 ->
           10.3.0.10 ->
           10.2.0.2 ->
           4.69.0.4

Ping statistics for 10.3.0.10:
    Packets: Sent = 1, Received = 1, Lost = 0 (0% loss),
Approximate round trip times in milli-seconds:
    Minimum = 24ms, Maximum = 24ms, Average = 24ms
WANT
    assert_same_file "$BATS_TEST_TMPDIR/out" "$BATS_TEST_TMPDIR/want"
}

@test "segment, visible: ping -i 3 expires at the carrier's second router" {
    seg ping "$BATS_TEST_TMPDIR/out" -n 1 -i 3 10.3.0.10
    assert_exit 0 "$BATS_TEST_TMPDIR/out"
    assert_equal "$(sed -n 3p "$BATS_TEST_TMPDIR/out")" "Reply from 4.69.0.2: TTL expired in transit."
}

@test "segment, routers_ttl = one: the carrier is one hop with all of its latency" {
    with_ttl one
    tool_run tracert "$BATS_TEST_TMPDIR/out" --profile "$BATS_TEST_TMPDIR/p.ini" --seed 1 10.3.0.10
    assert_exit 0 "$BATS_TEST_TMPDIR/out"
    # the hop answers from the far end's router (4.69.0.4) after 1+10 ms
    cat >"$BATS_TEST_TMPDIR/want" <<'WANT'

Tracing route to 10.3.0.10 over a maximum of 30 hops

  1     2 ms     2 ms     2 ms  10.1.0.1
  2    22 ms    22 ms    22 ms  be4.cr4.bos4.carrier.example [4.69.0.4]
  3    22 ms    22 ms    22 ms  10.2.0.2
  4    24 ms    24 ms    24 ms  10.3.0.10

Trace complete.
WANT
    assert_same_file "$BATS_TEST_TMPDIR/out" "$BATS_TEST_TMPDIR/want"
    tool_run ping "$BATS_TEST_TMPDIR/out" --profile "$BATS_TEST_TMPDIR/p.ini" --seed 1 -n 1 10.3.0.10
    assert_equal "$(sed -n 3p "$BATS_TEST_TMPDIR/out")" "Reply from 10.3.0.10: bytes=32 time=24ms TTL=125"
}

@test "segment, routers_ttl = none: the carrier takes no hop, the edges look adjacent" {
    with_ttl none
    tool_run tracert "$BATS_TEST_TMPDIR/out" --profile "$BATS_TEST_TMPDIR/p.ini" --seed 1 10.3.0.10
    assert_exit 0 "$BATS_TEST_TMPDIR/out"
    cat >"$BATS_TEST_TMPDIR/want" <<'WANT'

Tracing route to 10.3.0.10 over a maximum of 30 hops

  1     2 ms     2 ms     2 ms  10.1.0.1
  2    22 ms    22 ms    22 ms  10.2.0.2
  3    24 ms    24 ms    24 ms  10.3.0.10

Trace complete.
WANT
    assert_same_file "$BATS_TEST_TMPDIR/out" "$BATS_TEST_TMPDIR/want"
    tool_run ping "$BATS_TEST_TMPDIR/out" --profile "$BATS_TEST_TMPDIR/p.ini" --seed 1 -n 1 10.3.0.10
    assert_equal "$(sed -n 3p "$BATS_TEST_TMPDIR/out")" "Reply from 10.3.0.10: bytes=32 time=24ms TTL=126"
}

@test "segment: router_names may use each router's address, {addr}" {
    sed 's/^router_names = .*/router_names = {addr}.static.carrier.example/' "$SEG" >"$BATS_TEST_TMPDIR/p.ini"
    tool_run tracert "$BATS_TEST_TMPDIR/out" --profile "$BATS_TEST_TMPDIR/p.ini" --seed 1 -h 3 10.3.0.10
    assert_exit 0 "$BATS_TEST_TMPDIR/out"
    cat >"$BATS_TEST_TMPDIR/want" <<'WANT'

Tracing route to 10.3.0.10 over a maximum of 3 hops

  1     2 ms     2 ms     2 ms  10.1.0.1
  2     6 ms     6 ms     6 ms  4-69-0-1.static.carrier.example [4.69.0.1]
  3    10 ms    10 ms    10 ms  4-69-0-2.static.carrier.example [4.69.0.2]

Trace complete.
WANT
    assert_same_file "$BATS_TEST_TMPDIR/out" "$BATS_TEST_TMPDIR/want"
}

# bad_key SED MESSAGE: segment.ini changed by SED is refused with MESSAGE.
bad_key() {
    sed "$1" "$SEG" >"$BATS_TEST_TMPDIR/p.ini"
    tool_run tracert "$BATS_TEST_TMPDIR/out" --profile "$BATS_TEST_TMPDIR/p.ini" 10.3.0.10
    assert_equal "$status" 2
    assert_equal "$(cat "$BATS_TEST_TMPDIR/out")" ""
    assert_equal "$(cat "$BATS_TEST_TMPDIR/out.err")" "tracert: $BATS_TEST_TMPDIR/p.ini: [link carrier] $2"
}

@test "segment: bad values name the file, section and key" {
    bad_key 's/^routers = 4$/routers = 65/' "routers: '65' is not a whole number from 0 to 64"
    bad_key 's/^routers_ttl = each$/routers_ttl = some/' "routers_ttl: 'some' is not each, one or none"
    bad_key 's/^router_addresses = .*/router_addresses = 4.69.0.0\/30/' \
        "router_addresses: a /30 has no room for 4 routers"
    bad_key '/^router_addresses/d' \
        "router_addresses: missing: the 4 routers answer from its addresses (or routers_ttl = none)"
    bad_key 's/^router_addresses = .*/router_addresses = 4.69.0.0\/24 4.70.0.0\/24/' \
        "router_addresses: two prefixes of one family: one IPv4 and one IPv6 at most"
    bad_key 's/^router_names = .*/router_names = be{n}!x/' \
        "router_names: 'be{n}!x' gives 'be1!x' for router 1: not a valid reverse name"
    bad_key 's/^routers = 4$/routers = 0/' "router_addresses: the link stands for no routers (routers)"
}

@test "segment: netmimic explain names the link's router that answers" {
    run "$BIN/netmimic" explain --profile "$SEG" 10.3.0.10
    assert_success
    # TTL 255 less ce1 on the way back; router 2 also less router 1
    assert_line --index 3 'hop 2 4.69.0.1 (router 1 of link carrier): time exceeded, the reply comes back (TTL 254)'
    assert_line --index 4 'hop 3 4.69.0.2 (router 2 of link carrier): time exceeded, the reply comes back (TTL 253)'
    run "$BIN/netmimic" explain --profile "$SEG" --from srv 10.1.0.10
    assert_success
    assert_line --index 3 'hop 2 4.69.0.4 (router 4 of link carrier): time exceeded, the reply comes back (TTL 254)'
}

@test "segment: the JSON record names the link's router that answers, not a device" {
    seg tracert "$BATS_TEST_TMPDIR/out" --json "$BATS_TEST_TMPDIR/run.json" -h 3 10.3.0.10
    assert_exit 0 "$BATS_TEST_TMPDIR/out"
    # hop 1 is ce1 itself; hops 2 and 3 are the carrier's first two routers
    run jq -c '[.hops[] | .probes[0] | [.device, .segment]]' "$BATS_TEST_TMPDIR/run.json"
    assert_output '[["ce1",null],[null,{"link":"carrier","router":1}],[null,{"link":"carrier","router":2}]]'
}
