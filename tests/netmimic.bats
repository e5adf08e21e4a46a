#!/usr/bin/env bats
# netmimic.bats - the netmimic binary (man/netmimic.1): the listings, a
# device's routes, explain (every timed-out hop of the seed document's
# traces gets the profile's reason), check (clean, findings, broken
# profiles), graph (its DOT read by Graphviz's dot, --svg parsed as XML by
# python3: both installed by make deps), and the usual bad input.

load lib/common
load lib/blocks

bats_require_minimum_version 1.5.0

LOSSES=$TEST_PROFILES/json/losses.ini

# nm_run OUT ARGS...: runs bin/netmimic; stdout in OUT, stderr in OUT.err.
nm_run() {
    local out=$1
    shift
    status=0
    "$BIN/netmimic" "$@" >"$out" 2>"$out.err" || status=$?
}

# ---- explain against the seed document --------------------------------------

# For a tracert row: each hop of the document's block and the line explain
# gives for it.  An answered hop: explain names the same address and its
# reply comes back.  A timed-out hop: the device answers from an address
# the source's network has no route to (README, "How the default profile
# models the seed document": unadvertised gateway subnets and transfer
# networks explain every "Request timed out." hop).
check_explain() {
    local name=$1 tool=$2 from=$3 target=$4 opts=$5 f n rest line
    [ "$tool" = tracert ] || return 0
    f=$BATS_TEST_TMPDIR/$name
    # shellcheck disable=SC2086
    "$BIN/netmimic" explain --from "$from" $opts "$target" >"$f.explain"
    block_expected "$name" | awk '/^ *[0-9]+  / {
        n = $1; sub(/^ *[0-9]+ +/, "")
        if ($0 ~ /Request timed out\.$/) print n, "timeout"
        else { a = $NF; gsub(/[][]/, "", a); print n, a } }' >"$f.hops"
    [ -s "$f.hops" ]
    while read -r n rest; do
        line=$(grep "^hop $n " "$f.explain") || {
            echo "$name: explain has no hop $n" >&2
            return 1
        }
        if [ "$rest" = timeout ]; then
            [[ $line == *": reply has no route back: "*" has no route to "* ]] || {
                echo "$name hop $n: $line" >&2
                return 1
            }
        else
            [[ $line == "hop $n $rest ("*"the reply comes back"* ]] || {
                echo "$name hop $n: want $rest, got: $line" >&2
                return 1
            }
        fi
    done <"$f.hops"
}

@test "explain: every hop of the seed document's traces, timed-out ones with their reason" {
    each_block check_explain
}

@test "explain: the issue's example, the path, its equal-cost choices, the return path" {
    nm_run "$BATS_TEST_TMPDIR/out" explain --from spoke-vm 10.2.30.10
    assert_equal "$status" 0
    cat >"$BATS_TEST_TMPDIR/want" <<'WANT'
from spoke-vm 10.11.30.4 to 10.2.30.10 (loc1-vm)
path: spoke-vm > spoke-vnet > hub-vnet > hub-er-a > msee1 > loc1-ce > loc1-lan > loc1-vm
equal-cost at hub-vnet: hub-er-a (link hub-vnet-er-a, picked by this flow's hash), hub-er-b (link hub-vnet-er-b)
equal-cost path 1 (this flow): spoke-vm > spoke-vnet > hub-vnet > hub-er-a > msee1 > loc1-ce > loc1-lan > loc1-vm
equal-cost path 2 (via hub-er-b at hub-vnet): spoke-vm > spoke-vnet > hub-vnet > hub-er-b > msee1 > loc1-ce > loc1-lan > loc1-vm
hop 1 10.10.30.132 (hub-er-a): time exceeded, the reply comes back (TTL 255)
hop 2 192.168.30.17 (loc1-ce): reply has no route back: spoke-vnet has no route to 192.168.30.17 (192.168.30.16/30, not advertised by loc1-ce or msee1)
hop 3 192.168.30.1 (loc1-lan): reply has no route back: spoke-vnet has no route to 192.168.30.1 (192.168.30.0/31, not advertised by loc1-ce)
hop 4 10.2.30.10 (loc1-vm): echo reply, the reply comes back (TTL 124)
return path: loc1-vm > loc1-lan > loc1-ce > msee1 > hub-er-b > hub-vnet > spoke-vnet > spoke-vm
return equal-cost at msee1: hub-er-a (link er1-hub-a), hub-er-b (link er1-hub-b, picked by this reply's hash)
return equal-cost path 1 (this reply): loc1-vm > loc1-lan > loc1-ce > msee1 > hub-er-b > hub-vnet > spoke-vnet > spoke-vm
return equal-cost path 2 (via hub-er-a at msee1): loc1-vm > loc1-lan > loc1-ce > msee1 > hub-er-a > hub-vnet > spoke-vnet > spoke-vm
WANT
    assert_same_file "$BATS_TEST_TMPDIR/out" "$BATS_TEST_TMPDIR/want"
}

@test "explain: every equal-cost path of splits in a row, whichever the hash picks" {
    local f=$BATS_TEST_TMPDIR/out flow picked
    nm_run "$f" --profile "$TEST_PROFILES/inspect/ecmp.ini" explain 10.9.0.4
    assert_equal "$status" 0
    # the paths of the profile's comment, each once, in any order
    sed -n 's/^equal-cost path [0-9]* ([^)]*): //p' "$f" | sort >"$f.paths"
    printf '%s\n' "pc > r1 > r2a > r3 > t" "pc > r1 > r2b > r3 > t" \
        "pc > r1 > r2b > r4 (no route)" "pc > r1 > r2b > hx (a host: not forwarded)" |
        sort >"$f.want"
    assert_same_file "$f.paths" "$f.want"
    # the flow's own path is listed first, and is the path the probes take
    flow=$(sed -n 's/^path: //p' "$f")
    assert_equal "$(grep '^equal-cost path ' "$f" | head -1)" "equal-cost path 1 (this flow): $flow"
    assert_equal "$(grep -c '(this flow)' "$f")" 1
    # each other path names where it leaves: the first split it differs at
    run grep -c '^equal-cost path [0-9]* (via r2b at r1)' "$f"
    assert_output 1
    run grep -c '^equal-cost path [0-9]* (via [a-z0-9]* at r2b)' "$f"
    [ "$output" -ge 1 ]
    # both splits, every next hop; the hash picks one at each, and at r1 the
    # pick is the way the flow's path goes on
    grep -qE '^equal-cost at r1: r2a \(link l-1a[^)]*\), r2b \(link l-1b[^)]*\)$' "$f"
    grep -qE '^equal-cost at r2b: r3 \(link l-b3[^)]*\), r4 \(link l-b4[^)]*\), hx \(link l-bx[^)]*\)$' "$f"
    assert_equal "$(grep -o "picked by this flow's hash" "$f" | wc -l)" 2
    picked=$(grep '^equal-cost at r1:' "$f" | grep -o "[a-z0-9]* (link [^,]*, picked" | cut -d' ' -f1)
    [[ $flow == "pc > r1 > $picked >"* ]]
    # t's reply has one way back: no return lines
    ! grep -q '^return equal-cost' "$f"
}

@test "explain: equal-cost splits behind a NAT: every pick and branch with the translated addresses" {
    local f=$BATS_TEST_TMPDIR/out
    nm_run "$f" --profile "$TEST_PROFILES/inspect/nat-ecmp.ini" explain 198.18.0.10
    assert_equal "$status" 0
    # isp1 and isp3 hash the flow they see, 203.0.113.2 -> 198.18.0.10
    # (isp2b, isp4a: the tracert below); each branch goes on as the data
    # plane forwards that flow: path 2, off at isp1, takes isp4a at isp3 as
    # path 1 does, and each of them branches there to isp4b (paths 3, 4).
    # With the untranslated source the picks were isp2a and isp4b.  The
    # echo reply goes to 203.0.113.2, gw sends it on to the PC: it splits
    # at isp5 and isp3 (its picks are those of the return path line), and
    # every return path ends at the PC through gw's NAT state.
    cat >"$f.want" <<'WANT'
from pc 192.168.1.10 to 198.18.0.10 (srv)
path: pc > gw > isp1 > isp2b > isp3 > isp4a > isp5 > srv
equal-cost at isp1: isp2a (link isp1-2a), isp2b (link isp1-2b, picked by this flow's hash)
equal-cost at isp3: isp4a (link isp3-4a, picked by this flow's hash), isp4b (link isp3-4b)
equal-cost path 1 (this flow): pc > gw > isp1 > isp2b > isp3 > isp4a > isp5 > srv
equal-cost path 2 (via isp2a at isp1): pc > gw > isp1 > isp2a > isp3 > isp4a > isp5 > srv
equal-cost path 3 (via isp4b at isp3): pc > gw > isp1 > isp2a > isp3 > isp4b > isp5 > srv
equal-cost path 4 (via isp4b at isp3): pc > gw > isp1 > isp2b > isp3 > isp4b > isp5 > srv
hop 1 192.168.1.1 (gw): time exceeded, the reply comes back (TTL 255)
hop 2 203.0.113.1 (isp1): time exceeded, the reply comes back (TTL 254)
hop 3 198.51.100.6 (isp2b): time exceeded, the reply comes back (TTL 253)
hop 4 198.51.100.14 (isp3): time exceeded, the reply comes back (TTL 252)
hop 5 198.51.100.18 (isp4a): time exceeded, the reply comes back (TTL 251)
hop 6 198.51.100.26 (isp5): time exceeded, the reply comes back (TTL 250)
hop 7 198.18.0.10 (srv): echo reply, the reply comes back (TTL 122)
return path: srv > isp5 > isp4b > isp3 > isp2a > isp1 > gw > pc
return equal-cost at isp5: isp4a (link 4a-isp5), isp4b (link 4b-isp5, picked by this reply's hash)
return equal-cost at isp3: isp2a (link 2a-isp3, picked by this reply's hash), isp2b (link 2b-isp3)
return equal-cost path 1 (this reply): srv > isp5 > isp4b > isp3 > isp2a > isp1 > gw > pc
return equal-cost path 2 (via isp4a at isp5): srv > isp5 > isp4a > isp3 > isp2a > isp1 > gw > pc
return equal-cost path 3 (via isp2b at isp3): srv > isp5 > isp4a > isp3 > isp2b > isp1 > gw > pc
return equal-cost path 4 (via isp2b at isp3): srv > isp5 > isp4b > isp3 > isp2b > isp1 > gw > pc
WANT
    assert_same_file "$f" "$f.want"
    # the data plane's own choice: isp2b's 198.51.100.6, isp4a's 198.51.100.18
    run "$BIN/tracert" --profile "$TEST_PROFILES/inspect/nat-ecmp.ini" -d -h 5 198.18.0.10
    assert_success
    assert_equal "$(awk '$1 ~ /^[0-9]+$/ { print $NF }' <<<"$output" | tr '\n' ' ')" \
        "192.168.1.1 203.0.113.1 198.51.100.6 198.51.100.14 198.51.100.18 "
}

# diamonds N: a profile of N equal-cost diamonds in a row, 2^N paths from
# pc to t (10.99.0.4).
diamonds() {
    local n=$1 k j
    printf '[network]\ndefault_host = pc\n[device pc]\nkind = host\n'
    printf 'interfaces = eth0 10.0.0.2/24\nroutes = 0.0.0.0/0 via 10.0.0.1\n'
    printf '[device t]\nkind = host\ninterfaces = eth0 10.99.0.4/24\n'
    printf '[link pc]\na = pc.eth0\nb = s0.p\n[link t]\na = s%d.t\nb = t.eth0\n' "$n"
    for ((k = 0; k <= n; k++)); do
        printf '[device s%d]\ninterfaces = ' "$k"
        if ((k == 0)); then printf 'p 10.0.0.1/24'; else
            printf 'ia 10.3.%d.2/24, ib 10.4.%d.2/24' $((k - 1)) $((k - 1)); fi
        if ((k == n)); then printf ', t 10.99.0.1/24\n'; continue; fi
        printf ', oa 10.1.%d.1/24, ob 10.2.%d.1/24\n' "$k" "$k"
        printf 'routes = 10.99.0.0/16 via 10.1.%d.2, 10.99.0.0/16 via 10.2.%d.2\n' "$k" "$k"
        for j in a b; do
            local o=1 i=3
            [ "$j" = b ] && o=2 i=4
            printf '[device %s%d]\ninterfaces = i 10.%d.%d.2/24, o 10.%d.%d.1/24\n' \
                "$j" $((k + 1)) "$o" "$k" "$i" "$k"
            printf 'routes = 10.99.0.0/16 via 10.%d.%d.2\n' "$i" "$k"
            printf '[link s%d%s]\na = s%d.o%s\nb = %s%d.i\n' "$k" "$j" "$k" "$j" "$j" $((k + 1))
            printf '[link %s%ds]\na = %s%d.o\nb = s%d.i%s\n' "$j" $((k + 1)) "$j" $((k + 1)) \
                $((k + 1)) "$j"
        done
    done
}

@test "explain: at most 32 equal-cost paths are listed, and it says so" {
    local p=$BATS_TEST_TMPDIR/d.ini f=$BATS_TEST_TMPDIR/out
    diamonds 5 >"$p"
    nm_run "$f" --profile "$p" explain --max-hops 1 10.99.0.4
    assert_equal "$status" 0
    assert_equal "$(grep -c '^equal-cost at s[0-4]: a[1-5] (link .*), b[1-5] (link .*)$' "$f")" 5
    assert_equal "$(grep '^equal-cost path ' "$f" | sort -u | wc -l)" 32
    assert_equal "$(sed -n 's/^equal-cost path [0-9]* ([^)]*): //p' "$f" | sort -u | wc -l)" 32
    ! grep -q 'more than' "$f"
    diamonds 6 >"$p"
    nm_run "$f" --profile "$p" explain --max-hops 1 10.99.0.4
    assert_equal "$status" 0
    assert_equal "$(grep -c '^equal-cost at s[0-5]: ' "$f")" 6
    assert_equal "$(grep -c '^equal-cost path ' "$f")" 32
    grep -qx 'equal-cost paths: more than 32, the first 32 shown' "$f"
}

@test "explain: no route out, and the failover scenario" {
    run "$BIN/netmimic" explain --from branch-vm 10.1.31.10
    assert_line "hop 1: branch-vnet has no route to 10.1.31.10 and drops it"
    run "$BIN/netmimic" explain --from loc1-vm --scenario er1-primary-down 10.10.30.4
    assert_line "path: loc1-vm > loc1-lan > loc1-ce > hub-vpn-tunnel > hub-vpn > hub-vnet > hub-vm"
    run "$BIN/netmimic" explain --from loc1-vm --scenario er1-primary-down \
        --down vpn-hub-loc1 --max-hops 3 10.10.30.4
    assert_line --regexp '^hop 3: .* has no route to 10\.10\.30\.4 and drops it$'
}

@test "explain: the reasons of the loss profile" {
    local t want
    while IFS='|' read -r t want; do
        run "$BIN/netmimic" --profile "$LOSSES" explain "$t"
        assert_line --partial "$want"
    done <<'CASES'
10.0.30.4|link l-lossy loses 1 of the packets it carries
10.0.31.4|(drops 1 of its replies)
10.0.33.4|tsil never answers (answers = no)
10.0.34.4|the reply's TTL (initial_ttl = 1) runs out on the way back
10.0.41.4|reply cannot reach the source: tnrs has no route back
10.0.33.9|nobody owns 10.0.33.9 on r2's segment (neighbor_miss = drop)
10.0.33.255|10.0.33.255 is a broadcast address on r2's segment
10.0.40.1|the way leads into host trl, which does not forward
10.0.50.1|forwarding loop (through r6)
192.0.2.1|hop 2: r1 has no route to 192.0.2.1 and drops it
10.0.30.4|hop 2 172.16.12.2 (r2): reply has no route back: r1 has no route to 172.16.12.2 (172.16.12.0/24)
CASES
}

# ---- listings and routes ------------------------------------------------------

@test "hosts, links, scenarios: one line each" {
    run "$BIN/netmimic" hosts
    assert_equal "${#lines[@]}" 6
    assert_line --index 0 "hub-vm 10.10.30.4 names=hub-vm site=hub default"
    run "$BIN/netmimic" scenarios
    assert_output "er1-primary-down down=loc1-er1-primary: Location 1's CE interface toward the primary MSEE shut down"
    run "$BIN/netmimic" links --scenario er1-primary-down
    assert_line --regexp '^loc1-er1-primary .* down$'
    assert_equal "$(grep -c '^\[link ' "$PROFILE")" "${#lines[@]}"
    run "$BIN/netmimic" --profile "$TEST_PROFILES/bad/base.ini" hosts
    assert_output "h1 10.0.0.1 names=h1 site=s1 default"
}

@test "routes: origins, sessions, preference, AS path length, ECMP; an address marks its route" {
    run "$BIN/netmimic" routes hub-vnet 10.2.30.10
    assert_output "> B 10.2.30.0/25       learned, local_pref 200, as_path_len 2 via 10.10.30.132 (hub-er-a, link hub-vnet-er-a, session hub-er-a) via 10.10.30.133 (hub-er-b, link hub-vnet-er-b, session hub-er-b)"
    run "$BIN/netmimic" routes spoke-vm
    assert_line "C 10.11.30.0/27      connected, interface eth0"
    assert_line "S 0.0.0.0/0          static via 10.11.30.1 (spoke-vnet, link spoke-vm-nic)"
    run "$BIN/netmimic" routes hub-vnet 10.10.30.0/24
    assert_line --partial "C 10.10.30.0/25      connected, interface vms"
    assert_line --partial "C 10.10.30.128/25    connected, interface gw"
}

# ---- check ---------------------------------------------------------------------

@test "check: a clean profile, exit 0 and nothing printed" {
    nm_run "$BATS_TEST_TMPDIR/out" --profile "$TEST_PROFILES/ping/chain.ini" check
    assert_equal "$status" 0
    [ ! -s "$BATS_TEST_TMPDIR/out" ] && [ ! -s "$BATS_TEST_TMPDIR/out.err" ]
}

@test "check: findings, exit 1" {
    nm_run "$BATS_TEST_TMPDIR/out" --profile "$LOSSES" check
    assert_equal "$status" 1
    grep -qx "not routable back: pc -> tlossy hop 2 172.16.12.2 (r2): reply has no route back: r1 has no route to 172.16.12.2 (172.16.12.0/24)" "$BATS_TEST_TMPDIR/out"
    grep -qx "unreachable: pc -> tsil 10.0.33.4: tsil never answers (answers = no)" "$BATS_TEST_TMPDIR/out"
    # r6 and r7 send 10.0.50.0/24 to each other: reported once
    run grep '^loop: ' "$BATS_TEST_TMPDIR/out"
    assert_output "loop: toward 10.0.50.0/24 from pc: pc > r1 > r2 > r6 > r7 > r6 > r7 > r6 > ..."
    run "$BIN/netmimic" --profile "$TEST_PROFILES/model/loop.ini" check
    assert_equal "$status" 1
    assert_line "loop: toward 10.9.0.0/16 from pc: pc > ra > rb > ra > rb > ra > rb > ra > ..."
    # the default profile: the document's unreachable pairs and timed-out hops
    nm_run "$BATS_TEST_TMPDIR/out" check
    assert_equal "$status" 1
    grep -qx "unreachable: branch-vm -> loc2-vm 10.1.31.10: branch-vnet has no route to 10.1.31.10 and drops it" "$BATS_TEST_TMPDIR/out"
    grep -qx "not routable back: hub-vm -> loc1-vm hop 2 192.168.30.17 (loc1-ce): reply has no route back: hub-vnet has no route to 192.168.30.17 (192.168.30.16/30, not advertised by loc1-ce or msee1)" "$BATS_TEST_TMPDIR/out"
    # ECMP: the reply of this flow comes back through the other gateway endpoint
    grep -qx "asymmetric: hub-vm -> loc1-vm: out hub-vm > hub-vnet > hub-er-a > msee1 > loc1-ce > loc1-lan > loc1-vm, back loc1-vm > loc1-lan > loc1-ce > msee1 > hub-er-b > hub-vnet > hub-vm" "$BATS_TEST_TMPDIR/out"
}

@test "check: unused objects are findings" {
    local p=$BATS_TEST_TMPDIR/p.ini
    { cat "$TEST_PROFILES/bad/base.ini"
      printf '\n[device r9]\ninterfaces = x 10.9.9.9/24\n\n[site s9]\nprefixes = 10.9.0.0/16\n'; } >"$p"
    nm_run "$BATS_TEST_TMPDIR/out" --profile "$p" check
    assert_equal "$status" 1
    printf '%s\n' "unused: device r9 is attached to no link" "unused: site s9 has no device" \
        >"$BATS_TEST_TMPDIR/want"
    assert_same_file "$BATS_TEST_TMPDIR/out" "$BATS_TEST_TMPDIR/want"
    nm_run "$BATS_TEST_TMPDIR/out" --profile "$TEST_PROFILES/bad/base.ini" check
    assert_equal "$status" 0
}

@test "check: broken profiles, exit 2 with one line on stderr" {
    local p=$BATS_TEST_TMPDIR/p.ini
    sed 's/^kind = host$/kind = hots/' "$TEST_PROFILES/bad/base.ini" >"$p"
    nm_run "$BATS_TEST_TMPDIR/out" --profile "$p" check
    assert_equal "$status" 2
    [ ! -s "$BATS_TEST_TMPDIR/out" ]
    assert_equal "$(wc -l <"$BATS_TEST_TMPDIR/out.err")" 1
    assert_equal "$(cat "$BATS_TEST_TMPDIR/out.err")" \
        "netmimic: $p: [device h1] kind: 'hots' is not host or router"
    nm_run "$BATS_TEST_TMPDIR/out" --profile "$BATS_TEST_TMPDIR/missing.ini" check
    assert_equal "$status" 2
    assert_equal "$(wc -l <"$BATS_TEST_TMPDIR/out.err")" 1
    printf '[network]\ndefault_host = h1\n[device h1]\nkind = host\ninterfaces = eth0 10.0.0.1/24\n[link x]\na = h1.eth0\nb = h9.eth0\n' >"$p"
    nm_run "$BATS_TEST_TMPDIR/out" --profile "$p" check
    assert_equal "$status" 2
    assert_equal "$(wc -l <"$BATS_TEST_TMPDIR/out.err")" 1
}

# ---- graph -------------------------------------------------------------------------

@test "graph: DOT with one node per device, one edge per link, the flow in red" {
    nm_run "$BATS_TEST_TMPDIR/g.dot" graph --from spoke-vm --to 10.2.30.10
    assert_equal "$status" 0
    head -1 "$BATS_TEST_TMPDIR/g.dot" | grep -q '^graph "'
    assert_equal "$(grep -c '\[shape=' "$BATS_TEST_TMPDIR/g.dot")" "$(grep -c '^\[device ' "$PROFILE")"
    assert_equal "$(grep -c ' -- ' "$BATS_TEST_TMPDIR/g.dot")" "$(grep -c '^\[link ' "$PROFILE")"
    # the path of explain: 8 devices, 7 links
    assert_equal "$(grep '\[shape=' "$BATS_TEST_TMPDIR/g.dot" | grep -c 'color=red')" 8
    assert_equal "$(grep ' -- ' "$BATS_TEST_TMPDIR/g.dot" | grep -c 'color=red')" 7
    nm_run "$BATS_TEST_TMPDIR/g2.dot" graph --scenario er1-primary-down
    grep -q '"loc1-er1-primary".*style=dashed' "$BATS_TEST_TMPDIR/g2.dot"
    ! grep -q 'color=red' "$BATS_TEST_TMPDIR/g2.dot"
}

# svg_parts FILE: parses Graphviz's SVG as XML (python3's ElementTree: it
# fails on anything that is not well-formed) and prints one line per node
# and per edge: "node|edge TITLE STROKE".
svg_parts() {
    python3 - "$1" <<'PY'
import sys
import xml.etree.ElementTree as ET
NS = "{http://www.w3.org/2000/svg}"
root = ET.parse(sys.argv[1]).getroot()
if root.tag != NS + "svg":
    sys.exit("not an SVG document: " + root.tag)
for g in root.iter(NS + "g"):
    kind = g.get("class")
    if kind in ("node", "edge"):
        shape = [c for c in g if c.tag != NS + "title" and c.tag != NS + "text"][0]
        print(kind, g.find(NS + "title").text, shape.get("stroke"))
PY
}

@test "graph: dot parses the DOT; --svg renders a valid SVG with every device and link, the flow in red" {
    local f=$BATS_TEST_TMPDIR/g
    "$BIN/netmimic" graph --from loc1-vm --to hub-vm >"$f.dot"
    dot -Tsvg "$f.dot" >"$f.dot.svg"
    nm_run "$f.svg" graph --svg --from loc1-vm --to hub-vm
    assert_equal "$status" 0
    [ ! -s "$f.svg.err" ]
    cmp -s "$f.svg" "$f.dot.svg"
    svg_parts "$f.svg" >"$f.parts"
    # every device a node, by its section name; every link an edge
    awk '$1 == "node" { print $2 }' "$f.parts" | sort >"$f.nodes"
    sed -n 's/^\[device \(.*\)\]$/\1/p' "$PROFILE" | sort >"$f.devices"
    assert_same_file "$f.nodes" "$f.devices"
    assert_equal "$(grep -c '^edge ' "$f.parts")" "$(grep -c '^\[link ' "$PROFILE")"
    # the red nodes are the devices of the flow's path, as explain gives it
    awk '$1 == "node" && $3 == "red" { print $2 }' "$f.parts" | sort >"$f.red"
    "$BIN/netmimic" explain --from loc1-vm hub-vm | sed -n 's/^path: //p' | tr -d ' ' |
        tr '>' '\n' | sort >"$f.path"
    [ "$(wc -l <"$f.path")" -gt 2 ]
    assert_same_file "$f.red" "$f.path"
    assert_equal "$(awk '$1 == "edge" && $3 == "red"' "$f.parts" | wc -l)" $(($(wc -l <"$f.path") - 1))
}

@test "graph --svg without Graphviz: one line naming the package, exit 2, nothing on stdout" {
    mkdir "$BATS_TEST_TMPDIR/nodot"
    PATH=$BATS_TEST_TMPDIR/nodot nm_run "$BATS_TEST_TMPDIR/out" graph --svg
    assert_equal "$status" 2
    [ ! -s "$BATS_TEST_TMPDIR/out" ]
    assert_equal "$(cat "$BATS_TEST_TMPDIR/out.err")" \
        "netmimic: graph --svg: Graphviz's dot is not in PATH (Debian package graphviz)"
}

# ---- usage and bad input -----------------------------------------------------------

@test "every subcommand has --help, exit 0" {
    local c
    for c in hosts links scenarios routes explain check graph; do
        run "$BIN/netmimic" "$c" --help
        assert_equal "$status" 0
        assert_line --index 0 --regexp "^Usage: netmimic $c( |\$)"
    done
    run "$BIN/netmimic" --help
    assert_equal "$status" 0
    assert_line --index 0 "Usage: netmimic [--profile FILE] COMMAND [OPTIONS] [ARGS]"
}

@test "bad input: one line on stderr naming what and where, exit 2, nothing on stdout" {
    local args want
    while IFS='|' read -r args want; do
        # shellcheck disable=SC2086
        nm_run "$BATS_TEST_TMPDIR/out" $args
        assert_equal "$status" 2
        [ ! -s "$BATS_TEST_TMPDIR/out" ]
        assert_equal "$(cat "$BATS_TEST_TMPDIR/out.err")" "${want//PROFILE/$PROFILE}"
    done <<'CASES'
|netmimic: no command (see netmimic --help)
frobnicate|netmimic: unknown command 'frobnicate' (see netmimic --help)
hosts --from hub-vm|netmimic: hosts: unknown option '--from' (see netmimic hosts --help)
explain --bogus 10.0.0.1|netmimic: explain: unknown option '--bogus' (see netmimic explain --help)
explain --from|netmimic: explain: option '--from' needs a value
explain|netmimic: explain: missing operand (see netmimic explain --help)
routes a b c|netmimic: routes: too many operands (see netmimic routes --help)
routes nosuch|netmimic: routes: no device 'nosuch' in PROFILE
routes hub-vnet 10.0.0.0/99|netmimic: routes: '10.0.0.0/99' is not a prefix or an address
explain --from nosuch 10.0.0.1|netmimic: --from: no host 'nosuch' in PROFILE
explain --scenario nosuch 10.0.0.1|netmimic: --scenario: no scenario 'nosuch' in PROFILE
explain nosuch.example|netmimic: explain: cannot resolve 'nosuch.example' in PROFILE
explain --max-hops 0 10.0.0.1|netmimic: explain: --max-hops: '0' is not a whole number from 1 to 255
CASES
}
