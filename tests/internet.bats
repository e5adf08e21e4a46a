#!/usr/bin/env bats
# internet.bats - the shipped profile profiles/internet.ini: long paths from a
# home PC in Berlin to a content provider near Washington (through backbone
# A, back through carrier B) and to a university in Canberra (through A's US
# core and the Pacific), with visible and hidden MPLS, loopback answers,
# policed and silent routers, before and after the failure scenarios.
#
# The hop lists were read off the profile's interfaces, routes and
# sessions.  The times were worked out by hand from the links' means (one
# way, in ms): LAN 0.25, VDSL 2.8, bng-agg 0.2, agg-ber 0.3, Berlin -
# Frankfurt 4.6, the peerings 0.2 (0.35 in Ashburn), A's European core 7.2
# (its routers at 1/4, 2/4, 3/4 of it), London - New York 34.5, New York -
# Ashburn 3.2, London - Ashburn 38.5, A's US core 31 (routers at 1/5 ..
# 4/5), Seattle - Sydney 74, Sydney - Canberra 2.6, B's core 41.5, the data
# centres' links 0.1 and 0.125; plus each router's reply delay.  So, one
# way: Frankfurt 8.15, London 15.55, New York 50.05, Ashburn 53.25, Seattle
# 81.05, Sydney 155.75, Canberra 158.35.  With the recorded seeds the
# outputs are exact and compared whole; each line's times were checked
# against these sums (a few tenths of a ms of spread, truncated).  The
# corpus captures the profile names are compared structurally.

load lib/common

NET_INI=$ROOT_DIR/profiles/internet.ini
CORPUS=$TESTS_DIR/expected/corpus
LOCALE=$TESTS_DIR/expected/locale

inet() { local tool=$1 out=$2; shift 2; tool_run "$tool" "$out" --profile "$NET_INI" --seed 1 "$@"; }

# hop_shape FILE: one line per hop line of a trace: its number and
# "timeout" (three *), "partial" (one or two *) or "answered".
hop_shape() {
    awk '/^ *[0-9]+  / {
             f = substr($0, 6, 27); n = gsub(/\*/, "", f)
             print $1, (n == 3 ? "timeout" : n > 0 ? "partial" : "answered")
         }' "$1"
}

# timeouts FILE: the numbers of the hops whose three probes got no reply,
# then the number of hops, on one line.
timeouts() {
    hop_shape "$1" | awk '$2 == "timeout" { printf "%s ", $1 } END { print "of " NR }'
}

@test "internet: tracert www.example.org: 17 hops through A, loopbacks, the European MPLS core, the Atlantic, a policed router, three silent ones" {
    inet tracert "$BATS_TEST_TMPDIR/out" www.example.org
    assert_exit 0 "$BATS_TEST_TMPDIR/out"
    # 1 cpe 0.5+0.4; 2 bng 6.1+1.0; 3 the aggregation switch never answers;
    # 4 cr1.ber1 7.1+0.5 (its first probe draws a late answer); 5 cr1.fra1
    # 16.3+0.5; 6 A's gateway answers from Loopback0, 16.7+0.6; 7-9 the
    # European core's routers at 1/4..3/4 of 7.2 ms: 20.3, 23.9, 27.5; 10
    # London 31.1+0.5; 11 New York 100.1+0.5, policed to one reply in 2 s:
    # the second probe, 100 ms after the first, is dropped, the third, after
    # the second's 4000 ms timeout, answered; 12 Ashburn's Loopback0 106.5+0.6
    # (its reply goes back through A); 13-15 the provider's border, spine and
    # leaf filter ICMP; 16 the load balancer, 53.9 out, back through B
    # (0.3+0.35+41.5+0.2+8.15) = 50.5, +0.3: 104.7; 17 the server 104.9
    want <<'WANT'

Tracing route to www.example.org [203.0.113.80]
over a maximum of 30 hops:

  1    <1 ms     1 ms    <1 ms  fritz.box [192.168.178.1]
  2     6 ms     6 ms     7 ms  bng1.ber1.de.broadband.example.net [192.0.2.1]
  3     *        *        *     Request timed out.
  4    16 ms     7 ms     7 ms  cr1.ber1.de.broadband.example.net [192.0.2.7]
  5    17 ms    16 ms    16 ms  cr1.fra1.de.broadband.example.net [192.0.2.9]
  6    16 ms    17 ms    16 ms  Loopback0.GW3.FRA2.BACKBONE.EXAMPLE.NET [198.51.100.64]
  7    20 ms    20 ms    20 ms  ae-1.ebr1.eu.backbone.example.net [198.51.100.9]
  8    23 ms    24 ms    24 ms  ae-2.ebr2.eu.backbone.example.net [198.51.100.10]
  9    27 ms    27 ms    27 ms  ae-3.ebr3.eu.backbone.example.net [198.51.100.11]
 10    31 ms    32 ms    31 ms  ae-7.cr1.lon2.backbone.example.net [198.51.100.3]
 11   101 ms     *      100 ms  ae-2.cr1.nyc1.backbone.example.net [198.51.100.5]
 12   107 ms   107 ms   107 ms  Loopback0.GW1.IAD4.BACKBONE.EXAMPLE.NET [198.51.100.65]
 13     *        *        *     Request timed out.
 14     *        *        *     Request timed out.
 15     *        *        *     Request timed out.
 16   104 ms   104 ms   105 ms  203-0-113-5-host.example.org [203.0.113.5]
 17   104 ms   105 ms   105 ms  iad01s04-web.example.org [203.0.113.80]

Trace complete.
WANT
    same
}

@test "internet: the content provider's trace has tracert-004's shape: 17 hops, hops 3 and 13-15 time out" {
    inet tracert "$BATS_TEST_TMPDIR/out" www.example.org
    assert_exit 0 "$BATS_TEST_TMPDIR/out"
    assert_equal "$(timeouts "$CORPUS/tracert-004.txt")" "3 13 14 15 of 17"
    assert_equal "$(timeouts "$BATS_TEST_TMPDIR/out")" "$(timeouts "$CORPUS/tracert-004.txt")"
    # the same header and footer lines, but for the target
    sed -n '1p;3,4p' "$CORPUS/tracert-004.txt" >"$BATS_TEST_TMPDIR/theirs"
    sed -n '1p;3,4p' "$BATS_TEST_TMPDIR/out" >"$BATS_TEST_TMPDIR/ours"
    assert_same_file "$BATS_TEST_TMPDIR/ours" "$BATS_TEST_TMPDIR/theirs"
    assert_equal "$(tail -n 2 "$BATS_TEST_TMPDIR/out")" "$(printf '\nTrace complete.')"
    assert_equal "$(tail -n 2 "$CORPUS/tracert-004.txt")" "$(printf '\nTrace complete.')"
    # both cross an ocean: the hop after the crossing is 60 ms or more later
    run awk '$1 == 10 { a = $2 } $1 == 11 { b = $2 } END { print (b - a >= 60) }' "$BATS_TEST_TMPDIR/out"
    assert_output 1
    run awk '$1 == 5 { a = $2 } $1 == 6 { b = $2 } END { print (b - a >= 60) }' "$CORPUS/tracert-004.txt"
    assert_output 1
}

@test "internet: tracert -d www.univ.example: 25 hops, A's US core, the Pacific, the pseudowire that takes no hop" {
    inet tracert "$BATS_TEST_TMPDIR/out" -d www.univ.example
    assert_exit 0 "$BATS_TEST_TMPDIR/out"
    # 1-11 as to www.example.org (the same draws); 12-15 the US core's
    # routers at 1/5..4/5 of 31 ms: 112.5, 124.9, 137.3, 149.7; 16 Seattle
    # 162.1+0.5, policed to two replies a second: the third probe, 162 ms
    # after the second, finds 0.6 of a token; 17 A's Seattle Loopback0
    # 162.8+0.6; 18 the research network's Seattle router never answers; 19
    # Sydney 311.5+0.5; 20 Canberra 316.7+0.5, right after Sydney: the
    # pseudowire's routers take no hop; 21 the campus border (no reverse
    # name) 317.6+0.4; 22-24 core, firewall, data centre switch 317.9 ..
    # 318.4 plus 0.3, 0.8, 0.3; 25 the server 318.7
    want <<'WANT'

Tracing route to www.univ.example [203.0.113.200]
over a maximum of 30 hops:

  1    <1 ms     1 ms    <1 ms  192.168.178.1
  2     6 ms     6 ms     7 ms  192.0.2.1
  3     *        *        *     Request timed out.
  4    16 ms     7 ms     7 ms  192.0.2.7
  5    17 ms    16 ms    16 ms  192.0.2.9
  6    16 ms    17 ms    16 ms  198.51.100.64
  7    20 ms    20 ms    20 ms  198.51.100.9
  8    23 ms    24 ms    24 ms  198.51.100.10
  9    27 ms    27 ms    27 ms  198.51.100.11
 10    31 ms    32 ms    31 ms  198.51.100.3
 11   101 ms     *      100 ms  198.51.100.5
 12   112 ms   112 ms   113 ms  198.51.100.17
 13   125 ms   123 ms   125 ms  198.51.100.18
 14   136 ms   137 ms   137 ms  198.51.100.19
 15   149 ms   149 ms   149 ms  198.51.100.20
 16   162 ms   161 ms     *     198.51.100.15
 17   162 ms   163 ms   165 ms  198.51.100.66
 18     *        *        *     Request timed out.
 19   311 ms   311 ms   311 ms  203.0.113.129
 20   315 ms   316 ms   317 ms  203.0.113.131
 21   316 ms   318 ms   316 ms  203.0.113.137
 22   318 ms   318 ms   317 ms  203.0.113.139
 23   317 ms   322 ms   318 ms  203.0.113.141
 24   318 ms   317 ms   317 ms  203.0.113.143
 25   317 ms   318 ms   319 ms  203.0.113.200

Trace complete.
WANT
    same
}

@test "internet: the university's trace has de-tracert-001's shape: 25 hops, only hop 18 times out, policed hops partly" {
    tool_run tracert "$BATS_TEST_TMPDIR/out" --profile "$NET_INI" --seed 1 --lang de-DE www.univ.example
    assert_exit 0 "$BATS_TEST_TMPDIR/out"
    # the capture's one silent hop, 18, is silent here too; here the ISP's
    # switch at hop 3 also is (as in tracert-004)
    assert_equal "$(timeouts "$LOCALE/de-tracert-001.txt")" "18 of 25"
    assert_equal "$(timeouts "$BATS_TEST_TMPDIR/out")" "3 18 of 25"
    # both have hops where some probes, not all, went unanswered (the
    # capture at 7, 13, 15, 16; here the policed routers, 11 and 16)
    run grep -c partial <(hop_shape "$LOCALE/de-tracert-001.txt")
    assert_output 4
    assert_equal "$(hop_shape "$BATS_TEST_TMPDIR/out" | awk '$2 == "partial" { printf "%s ", $1 }')" "11 16 "
    # the German lines: the header but for the target, the timeout, the end
    # (the capture has no leading empty line)
    assert_equal "$(sed -n 2p "$LOCALE/de-tracert-001.txt")" "$(sed -n 3p "$BATS_TEST_TMPDIR/out")"
    assert_equal "$(sed -n 2p "$BATS_TEST_TMPDIR/out")" "Routenverfolgung zu www.univ.example [203.0.113.200]"
    assert_equal "$(awk '$1 == 18 { print substr($0, 33) }' "$LOCALE/de-tracert-001.txt")" \
        "$(awk '$1 == 18 { print substr($0, 33) }' "$BATS_TEST_TMPDIR/out")"
    assert_equal "$(tail -n 1 "$LOCALE/de-tracert-001.txt")" "$(tail -n 1 "$BATS_TEST_TMPDIR/out")"
    # both end about 300 ms away, on the other side of the world
    run awk '$1 == 25 { print ($2 >= 250 && $2 <= 400) }' "$BATS_TEST_TMPDIR/out"
    assert_output 1
    run awk '$1 == 25 { print ($2 >= 250 && $2 <= 400) }' "$LOCALE/de-tracert-001.txt"
    assert_output 1
}

@test "internet: ping www.example.org: TTL=52, not 48: the reply comes back through B (asymmetric), 104 ms" {
    inet ping "$BATS_TEST_TMPDIR/out" www.example.org
    assert_exit 0 "$BATS_TEST_TMPDIR/out"
    # 54.0 out through A, 50.6 back through B, +0.1: about 104.7.  The
    # trace's 16 routers would leave 64 - 16 = 48; the way back crosses the
    # load balancer, leaf, spine, border, B's Ashburn edge, B's core as one
    # hop, B's Frankfurt edge, cr1.fra1, cr1.ber1, the aggregation switch,
    # the bng and the home router: 12, so TTL=52
    want <<'WANT'

Pinging www.example.org [203.0.113.80] with 32 bytes of data:
Reply from 203.0.113.80: bytes=32 time=104ms TTL=52
Reply from 203.0.113.80: bytes=32 time=105ms TTL=52
Reply from 203.0.113.80: bytes=32 time=104ms TTL=52
Reply from 203.0.113.80: bytes=32 time=105ms TTL=52

Ping statistics for 203.0.113.80:
    Packets: Sent = 4, Received = 4, Lost = 0 (0% loss),
Approximate round trip times in milli-seconds:
    Minimum = 104ms, Maximum = 105ms, Average = 104ms
WANT
    same
}

@test "internet: netmimic explain: out through A, the return path through B" {
    run "$BIN/netmimic" explain --profile "$NET_INI" www.example.org
    assert_success
    assert_line --index 1 'path: pc > cpe > isp-bng > isp-agg > isp-ber > isp-fra > a-gw-fra > a-cr-lon > a-cr-nyc > a-gw-ash > cdn-border > cdn-spine > cdn-leaf > cdn-lb > cdn-www'
    assert_line 'hop 17 203.0.113.80 (cdn-www): echo reply, the reply comes back (TTL 52)'
    assert_line 'return path: cdn-www > cdn-lb > cdn-leaf > cdn-spine > cdn-border > b-ash > b-fra > isp-fra > isp-ber > isp-agg > isp-bng > cpe > pc'
    # the hops in A answer back through A: 255 less the routers to the PC
    assert_line 'hop 12 198.51.100.65 (a-gw-ash): time exceeded, the reply comes back (TTL 244)'
}

@test "internet: replies with TTLs in the 50s from a far Linux server, as de-ping-003 and zh-CN-ping-002" {
    inet ping "$BATS_TEST_TMPDIR/out" -n 4 example.org
    assert_exit 0 "$BATS_TEST_TMPDIR/out"
    local f ttls
    for f in "$LOCALE/de-ping-003.txt" "$LOCALE/zh-CN-ping-002.txt" "$BATS_TEST_TMPDIR/out"; do
        # four replies, one TTL, from 43 to 55
        ttls=$(grep -o 'TTL=[0-9]*' "$f" | sort -u)
        assert_equal "$(grep -c 'TTL=' "$f")" 4
        assert_equal "$(echo "$ttls" | wc -l)" 1
        [ "${ttls#TTL=}" -ge 43 ] && [ "${ttls#TTL=}" -le 55 ]
    done
}

@test "internet: visible MPLS: ping -i 7..9 expires at the European core's unlisted routers; explain names them" {
    inet ping "$BATS_TEST_TMPDIR/out" -n 1 -i 8 www.example.org
    assert_exit 0 "$BATS_TEST_TMPDIR/out"
    want <<'WANT'

Pinging www.example.org [203.0.113.80] with 32 bytes of data:
Reply from 198.51.100.10: TTL expired in transit.

Ping statistics for 203.0.113.80:
    Packets: Sent = 1, Received = 1, Lost = 0 (0% loss),
WANT
    same
    run "$BIN/netmimic" explain --profile "$NET_INI" www.example.org
    assert_success
    assert_line 'hop 7 198.51.100.9 (router 1 of link eu-core): time exceeded, the reply comes back (TTL 249)'
    assert_line 'hop 9 198.51.100.11 (router 3 of link eu-core): time exceeded, the reply comes back (TTL 247)'
    # the US core's routers always answer: New York's rate limit, where
    # the probes enter the segment, is not theirs
    run "$BIN/netmimic" explain --profile "$NET_INI" www.univ.example
    assert_success
    assert_line 'hop 12 198.51.100.17 (router 1 of link us-core): time exceeded, the reply comes back (TTL 244)'
    assert_line 'hop 15 198.51.100.20 (router 4 of link us-core): time exceeded, the reply comes back (TTL 241)'
    inet ping "$BATS_TEST_TMPDIR/out" -n 4 -i 12 www.univ.example
    assert_exit 0 "$BATS_TEST_TMPDIR/out"
    run grep -c '^Reply from 198\.51\.100\.17: TTL expired in transit\.$' "$BATS_TEST_TMPDIR/out"
    assert_output 4
}

@test "internet: hidden MPLS: with A's Frankfurt peering down, B's core is one hop with the whole crossing; the path is symmetric again" {
    inet tracert "$BATS_TEST_TMPDIR/out" --scenario frankfurt-a-down www.example.org
    assert_exit 0 "$BATS_TEST_TMPDIR/out"
    # 1-5 as before; 6 B's Frankfurt edge 16.7+0.4; 7 B's core, five
    # routers that do not propagate the TTL: one hop, its egress router
    # (router 5 from Frankfurt) answering after all of it, 49.85 each way:
    # 99.7; 8 B's Ashburn edge 99.7+0.4; 9-11 silent; 12 the load balancer
    # 101.0+0.3; 13 the server 101.3
    want <<'WANT'

Tracing route to www.example.org [203.0.113.80]
over a maximum of 30 hops:

  1    <1 ms     1 ms    <1 ms  fritz.box [192.168.178.1]
  2     6 ms     6 ms     7 ms  bng1.ber1.de.broadband.example.net [192.0.2.1]
  3     *        *        *     Request timed out.
  4    16 ms     7 ms     7 ms  cr1.ber1.de.broadband.example.net [192.0.2.7]
  5    17 ms    16 ms    16 ms  cr1.fra1.de.broadband.example.net [192.0.2.9]
  6    17 ms    17 ms    16 ms  ae1-2.edge1.fra3.carrier.example.com [198.51.100.128]
  7    99 ms    99 ms    99 ms  et-5-0-0.mpls5.carrier.example.com [198.51.100.141]
  8   100 ms   100 ms   100 ms  ae3.edge2.ash1.carrier.example.com [198.51.100.131]
  9     *        *        *     Request timed out.
 10     *        *        *     Request timed out.
 11     *        *        *     Request timed out.
 12   101 ms   100 ms   101 ms  203-0-113-5-host.example.org [203.0.113.5]
 13   101 ms   101 ms   100 ms  iad01s04-web.example.org [203.0.113.80]

Trace complete.
WANT
    same
    # 12 routers each way now: TTL 64 - 12, as the trace's 13 hops say
    inet ping "$BATS_TEST_TMPDIR/out" --scenario frankfurt-a-down -n 1 www.example.org
    assert_exit 0 "$BATS_TEST_TMPDIR/out"
    run sed -n 3p "$BATS_TEST_TMPDIR/out"
    assert_output --regexp '^Reply from 203\.0\.113\.80: bytes=32 time=10[01]ms TTL=52$'
}

@test "internet: hidden MPLS the other way: from the provider's server to the home's public address, B's core is one hop" {
    tool_run tracert "$BATS_TEST_TMPDIR/out" --profile "$NET_INI" --seed 1 --from cdn-www -d 192.0.2.2
    assert_exit 0 "$BATS_TEST_TMPDIR/out"
    trace_skeleton "$BATS_TEST_TMPDIR/out" >"$BATS_TEST_TMPDIR/got"
    # the router of B's core that answers is the last one met: router 1
    want <<'WANT'

Tracing route to 192.0.2.2 over a maximum of 30 hops

203.0.113.65
Request timed out.
Request timed out.
Request timed out.
198.51.100.132
198.51.100.137
198.51.100.130
198.51.100.129
192.0.2.8
Request timed out.
192.0.2.4
192.0.2.2

Trace complete.
WANT
    assert_same_file "$BATS_TEST_TMPDIR/got" "$BATS_TEST_TMPDIR/want"
    # the crossing is between hops 5 and 6: 80 ms or more
    run awk '$1 == 5 { a = $2 } $1 == 6 { b = $2 } END { print (b - a >= 80) }' "$BATS_TEST_TMPDIR/out"
    assert_output 1
}

@test "internet: the Sydney - Canberra pseudowire takes no hop and no TTL: ping -a www.univ.example's address, TTL=40" {
    inet ping "$BATS_TEST_TMPDIR/out" -a -n 2 203.0.113.200
    assert_exit 0 "$BATS_TEST_TMPDIR/out"
    # 24 routers back, the pseudowire's 4 not among them: 64 - 24 = 40;
    # about 318.7 each
    want <<'WANT'

Pinging web-prod-02.its.univ.example [203.0.113.200] with 32 bytes of data:
Reply from 203.0.113.200: bytes=32 time=318ms TTL=40
Reply from 203.0.113.200: bytes=32 time=320ms TTL=40

Ping statistics for 203.0.113.200:
    Packets: Sent = 2, Received = 2, Lost = 0 (0% loss),
Approximate round trip times in milli-seconds:
    Minimum = 318ms, Maximum = 320ms, Average = 319ms
WANT
    same
    run "$BIN/netmimic" explain --profile "$NET_INI" www.univ.example
    assert_success
    assert_line 'hop 19 203.0.113.129 (ren-syd): time exceeded, the reply comes back (TTL 237)'
    assert_line 'hop 20 203.0.113.131 (ren-cbr): time exceeded, the reply comes back (TTL 236)'
}

@test "internet: loopbacks: an echo to A's Frankfurt peering address and an expired TTL come back from Loopback0" {
    inet ping "$BATS_TEST_TMPDIR/out" -n 1 198.51.100.0
    assert_exit 0 "$BATS_TEST_TMPDIR/out"
    # 8.35 each way + 0.6 (the draw is low: 16); TTL 255 less cr1.fra1,
    # cr1.ber1, the switch, the bng, the home router
    want <<'WANT'

Pinging 198.51.100.0 with 32 bytes of data:
Reply from 198.51.100.64: bytes=32 time=16ms TTL=250

Ping statistics for 198.51.100.0:
    Packets: Sent = 1, Received = 1, Lost = 0 (0% loss),
Approximate round trip times in milli-seconds:
    Minimum = 16ms, Maximum = 16ms, Average = 16ms
WANT
    same
    inet ping "$BATS_TEST_TMPDIR/out" -n 1 -i 6 www.example.org
    assert_exit 0 "$BATS_TEST_TMPDIR/out"
    assert_equal "$(sed -n 3p "$BATS_TEST_TMPDIR/out")" "Reply from 198.51.100.64: TTL expired in transit."
    inet ping "$BATS_TEST_TMPDIR/out" -a -n 1 198.51.100.66
    assert_exit 0 "$BATS_TEST_TMPDIR/out"
    assert_equal "$(sed -n 2p "$BATS_TEST_TMPDIR/out")" \
        "Pinging Loopback0.GW2.SEA1.BACKBONE.EXAMPLE.NET [198.51.100.66] with 32 bytes of data:"
}

@test "internet: rate limiting: a ping of New York's policed core router loses every other echo" {
    inet ping "$BATS_TEST_TMPDIR/out" 198.51.100.5
    assert_exit 0 "$BATS_TEST_TMPDIR/out"
    # one reply per 2000 ms: at 0 s the bucket is full; at 1 s half a
    # token, dropped, and ping waits its 4000 ms timeout; at 5 s full again;
    # at 6 s dropped.  50.05 each way + 0.5; TTL 255 less 10 routers
    want <<'WANT'

Pinging 198.51.100.5 with 32 bytes of data:
Reply from 198.51.100.5: bytes=32 time=100ms TTL=245
Request timed out.
Reply from 198.51.100.5: bytes=32 time=100ms TTL=245
Request timed out.

Ping statistics for 198.51.100.5:
    Packets: Sent = 4, Received = 2, Lost = 2 (50% loss),
Approximate round trip times in milli-seconds:
    Minimum = 100ms, Maximum = 100ms, Average = 100ms
WANT
    same
    run "$BIN/netmimic" explain --profile "$NET_INI" www.example.org
    assert_success
    assert_line 'hop 11 198.51.100.5 (a-cr-nyc): time exceeded, the reply comes back (TTL 245) (at most 1 replies per 2000 ms)'
}

@test "internet: atlantic-a1-down: A crosses London - Ashburn, 4 ms longer; the university is one hop further" {
    inet tracert "$BATS_TEST_TMPDIR/out" --scenario atlantic-a1-down -d www.example.org
    assert_exit 0 "$BATS_TEST_TMPDIR/out"
    trace_skeleton "$BATS_TEST_TMPDIR/out" >"$BATS_TEST_TMPDIR/got"
    want <<'WANT'

Tracing route to www.example.org [203.0.113.80]
over a maximum of 30 hops:

192.168.178.1
192.0.2.1
Request timed out.
192.0.2.7
192.0.2.9
198.51.100.64
198.51.100.9
198.51.100.10
198.51.100.11
198.51.100.3
198.51.100.65
Request timed out.
Request timed out.
Request timed out.
203.0.113.5
203.0.113.80

Trace complete.
WANT
    assert_same_file "$BATS_TEST_TMPDIR/got" "$BATS_TEST_TMPDIR/want"
    # Ashburn's Loopback0 answers back over the backup cable too (A
    # prefers its own network to B's peering): (15.55 + 38.5) * 2 + 0.6
    run awk '$1 == 11 { for (i = 2; i <= 6; i += 2) if ($i < 107 || $i > 110) bad++ } END { print bad + 0 }' "$BATS_TEST_TMPDIR/out"
    assert_output 0
    inet tracert "$BATS_TEST_TMPDIR/out" --scenario atlantic-a1-down -d www.univ.example
    assert_exit 0 "$BATS_TEST_TMPDIR/out"
    assert_equal "$(timeouts "$BATS_TEST_TMPDIR/out")" "3 19 of 26"
    # London, then Ashburn, then New York from its Ashburn side
    assert_equal "$(awk '/^ *[0-9]+  / && $1 >= 10 && $1 <= 12 { printf "%s ", $NF }' "$BATS_TEST_TMPDIR/out")" \
        "198.51.100.3 198.51.100.65 198.51.100.6 "
}

@test "internet: frankfurt-a-down: the university is still reached, through B and A's peering in Ashburn" {
    inet tracert "$BATS_TEST_TMPDIR/out" --scenario frankfurt-a-down -d -h 10 www.univ.example
    assert_exit 0 "$BATS_TEST_TMPDIR/out"
    assert_equal "$(awk '/^ *[0-9]+  / && $1 >= 6 { printf "%s ", $NF }' "$BATS_TEST_TMPDIR/out")" \
        "198.51.100.128 198.51.100.141 198.51.100.131 198.51.100.65 198.51.100.6 "
    inet ping "$BATS_TEST_TMPDIR/out" --scenario frankfurt-a-down -n 1 www.univ.example
    assert_exit 0 "$BATS_TEST_TMPDIR/out"
    grep -Eq '^Reply from 203\.0\.113\.200: bytes=32 time=3[0-9][0-9]ms TTL=4[0-9]$' "$BATS_TEST_TMPDIR/out"
}

@test "internet: every host reaches what it should; nothing outside reaches the PC behind the NAT" {
    local from target
    for from in pc cdn-www uni-www; do
        for target in 203.0.113.80 203.0.113.200 192.0.2.2 198.51.100.64 198.51.100.65 198.51.100.66; do
            tool_run ping "$BATS_TEST_TMPDIR/out" --profile "$NET_INI" --seed 1 --from "$from" -n 1 "$target"
            assert_exit 0 "$BATS_TEST_TMPDIR/out"
            grep -Eq "^Reply from $target: bytes=32 time[=<][0-9]+ms TTL=[0-9]+\$" "$BATS_TEST_TMPDIR/out" ||
                { echo "$from -> $target:"; cat "$BATS_TEST_TMPDIR/out"; false; }
        done
    done
    # the servers have no route to the home LAN (the home router NATs it)
    tool_run ping "$BATS_TEST_TMPDIR/out" --profile "$NET_INI" --seed 1 --from cdn-www -n 1 192.168.178.24
    assert_equal "$status" 1
    assert_equal "$(sed -n 3p "$BATS_TEST_TMPDIR/out")" "Request timed out."
    # and the names resolve
    inet ping "$BATS_TEST_TMPDIR/out" -n 1 fritz.box
    assert_exit 0 "$BATS_TEST_TMPDIR/out"
    assert_equal "$(sed -n 3p "$BATS_TEST_TMPDIR/out")" "Reply from 192.168.178.1: bytes=32 time<1ms TTL=64"
}

@test "internet: pathping stops at the first hop that never answers, as pathping-004 and pathping-010" {
    inet pathping "$BATS_TEST_TMPDIR/out" -q 10 -n www.example.org
    assert_exit 0 "$BATS_TEST_TMPDIR/out"
    # phase 1: the PC, the home router, the bng, then the silent switch,
    # straight into the statistics, with no empty line
    assert_equal "$(sed -n '4,8p' "$BATS_TEST_TMPDIR/out")" "$(printf '%s\n' \
        '  0  192.168.178.24' '  1  192.168.178.1' '  2  192.0.2.1' \
        '  3     *        *        *' 'Computing statistics for 5 seconds...')"
    # the captures do the same
    local f
    for f in "$TESTS_DIR/expected/pathping-corpus/pathping-004.txt" "$TESTS_DIR/expected/pathping-corpus/pathping-010.txt"; do
        run grep -A1 -E '^ +[0-9]+     \*        \*        \*$' "$f"
        assert_line --index 1 --regexp '^Computing statistics for [0-9]+ seconds\.\.\.$'
    done
}
