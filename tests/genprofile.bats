#!/usr/bin/env bats
# genprofile.bats - tools/netmimic-genprofile: the networks it writes load,
# as one file and as a directory of parts, and traces across them follow
# the shapes and policies.  The expected outputs are derived by hand from
# the generator's plan (see its --help): a host link takes 0.5 ms one way,
# a router link 2 ms, so a trace's hops show 1, 5, 9, ... ms and the target
# 1 ms more than the last router; every router answers from the interface
# the probe came in on (its LAN side from its own host, else its core).

load lib/common

bats_require_minimum_version 1.5.0

GEN=$ROOT_DIR/tools/netmimic-genprofile

setup() {
    cd "$BATS_TEST_TMPDIR" || return 1
}

# gen ARGS...: runs the generator, which must succeed silently.
gen() {
    run --separate-stderr "$GEN" "$@"
    assert_equal "$stderr" ""
    assert_equal "$status" 0
}

# traced PROFILE ARGS...: tracert --profile PROFILE --seed 1 ARGS into
# got.txt, which must exit 0 with nothing on stderr.
traced() {
    local profile=$1
    shift
    tool_run tracert got.txt --profile "$profile" --seed 1 "$@"
    assert_exit 0 got.txt
}

@test "genprofile: a 4-site ring, h1 to h3: two equal ways, the ECMP hash takes r2" {
    gen --shape ring --sites 4 --seed 1 --out ring.ini
    traced ring.ini h3
    cat >want.txt <<'END'

Tracing route to h3 [10.0.3.10]
over a maximum of 30 hops:

  1     1 ms     1 ms     1 ms  r1-lan.ring.example [10.0.1.1]
  2     5 ms     5 ms     5 ms  r2.ring.example [100.64.0.2]
  3     9 ms     9 ms     9 ms  r3.ring.example [100.64.0.3]
  4    10 ms    10 ms    10 ms  h3.ring.example [10.0.3.10]

Trace complete.
END
    assert_same_file got.txt want.txt
}

@test "genprofile: a 4-site ring with r1-r2 down goes the other way round" {
    gen --shape ring --sites 4 --out ring.ini
    traced ring.ini --down r1-r2 -d h2
    cat >want.txt <<'END'

Tracing route to h2 [10.0.2.10]
over a maximum of 30 hops:

  1     1 ms     1 ms     1 ms  10.0.1.1
  2     5 ms     5 ms     5 ms  100.64.0.4
  3     9 ms     9 ms     9 ms  100.64.0.3
  4    13 ms    13 ms    13 ms  100.64.0.2
  5    14 ms    14 ms    14 ms  10.0.2.10

Trace complete.
END
    assert_same_file got.txt want.txt
}

@test "genprofile: hub-and-spoke, spoke to spoke through the hub; ping counts the routers back" {
    gen --shape hub-and-spoke --sites 5 --out hub.ini
    traced hub.ini --from h2 h5
    cat >want.txt <<'END'

Tracing route to h5 [10.0.5.10]
over a maximum of 30 hops:

  1     1 ms     1 ms     1 ms  r2-lan.hub-and-spoke.example [10.0.2.1]
  2     5 ms     5 ms     5 ms  r1.hub-and-spoke.example [100.64.0.1]
  3     9 ms     9 ms     9 ms  r5.hub-and-spoke.example [100.64.0.5]
  4    10 ms    10 ms    10 ms  h5.hub-and-spoke.example [10.0.5.10]

Trace complete.
END
    assert_same_file got.txt want.txt
    # r5 starts at TTL 255; r1 and r2 take one each on the way back
    tool_run ping got.txt --profile hub.ini --seed 1 --from h2 -n 1 r5
    assert_exit 0 got.txt
    assert_equal "$(sed -n 3p got.txt)" "Reply from 10.0.5.1: bytes=32 time=9ms TTL=253"
}

@test "genprofile: random-mesh, its links from the seed, the same in every awk" {
    gen --shape random-mesh --sites 12 --seed 3 --out mesh.ini
    grep '^\[link r' mesh.ini | tr -d '[]' | cut -d' ' -f2 | tr '\n' ' ' >links.txt
    # a tree (each router to an earlier one), then 12/2 random links; the
    # generator's own minimal-standard draws, so this list is the same in
    # mawk, gawk or busybox awk
    printf '%s' 'r1-r2 r1-r3 r2-r4 r3-r5 r5-r6 r5-r7 r1-r8 r5-r9 r1-r10 r10-r11 r4-r12 r3-r4 r1-r7 r12-r11 r11-r3 r9-r8 ' >want.txt
    assert_same_file links.txt want.txt
    # h6 to h8: the only shortest way is r6 r5 r9 r8
    traced mesh.ini --from h6 -d h8
    cat >want.txt <<'END'

Tracing route to h8 [10.0.8.10]
over a maximum of 30 hops:

  1     1 ms     1 ms     1 ms  10.0.6.1
  2     5 ms     5 ms     5 ms  100.64.0.5
  3     9 ms     9 ms     9 ms  100.64.0.9
  4    13 ms    13 ms    13 ms  100.64.0.8
  5    14 ms    14 ms    14 ms  10.0.8.10

Trace complete.
END
    assert_same_file got.txt want.txt
}

@test "genprofile: random-mesh, another seed, other links" {
    gen --shape random-mesh --sites 12 --seed 3 --out a.ini
    gen --shape random-mesh --sites 12 --seed 4 --out b.ini
    grep '^\[link r' a.ini >a.links
    grep '^\[link r' b.ini >b.links
    ! cmp -s a.links b.links
}

# tiered-internet with 5 sites: r1 r2 r3 the tier-1 clique, r4 a transit
# (the customer of r1 only, with seed 1), r5 a stub, the customer of r4.
@test "genprofile: tiered-internet, a stub to a tier-1's host: up to r1, across to r2" {
    gen --shape tiered-internet --sites 5 --seed 1 --out tiers.ini
    traced tiers.ini --from h5 h2
    cat >want.txt <<'END'

Tracing route to h2 [10.0.2.10]
over a maximum of 30 hops:

  1     1 ms     1 ms     1 ms  r5-lan.tiered-internet.example [10.0.5.1]
  2     5 ms     5 ms     5 ms  r4.tiered-internet.example [100.64.0.4]
  3     9 ms     9 ms     9 ms  r1.tiered-internet.example [100.64.0.1]
  4    13 ms    13 ms    13 ms  r2.tiered-internet.example [100.64.0.2]
  5    14 ms    14 ms    14 ms  h2.tiered-internet.example [10.0.2.10]

Trace complete.
END
    assert_same_file got.txt want.txt
}

@test "genprofile: tiered-internet, a tier-1 passes no peer's routes to another peer" {
    # with r1-r2 down, r3 could carry r1's traffic to r2, but it learned
    # r2's routes from a peer and exports only its own and its customers'
    gen --shape tiered-internet --sites 5 --seed 1 --out tiers.ini
    traced tiers.ini --down r1-r2 -d -h 3 h2
    cat >want.txt <<'END'

Tracing route to h2 [10.0.2.10]
over a maximum of 3 hops:

  1     1 ms     1 ms     1 ms  10.0.1.1
  2     *        *        *     Request timed out.
  3     *        *        *     Request timed out.

Trace complete.
END
    assert_same_file got.txt want.txt
    # from r3's own host, the way to h2 is the direct peer link
    traced tiers.ini --down r1-r2 -d --from h3 h2
    assert_equal "$(sed -n 6p got.txt)" "  2     5 ms     5 ms     5 ms  100.64.0.2"
}

@test "genprofile: tiered-internet, a provider accepts from a stub only the stub's prefixes" {
    gen --shape tiered-internet --sites 5 --seed 1 --out tiers.ini
    grep -A7 '^\[session r4-r5\]' tiers.ini >session.txt
    grep -qx 'a_import_prefixes = "10.0.5.0/24 100.64.0.5/32"' session.txt
}

@test "genprofile: every shape, 40 sites, as parts and as one file: the same trace, reaching the target" {
    local shape part
    for shape in hub-and-spoke ring random-mesh tiered-internet; do
        gen --shape "$shape" --sites 40 --seed 9 --out "$shape.ini"
        gen --shape "$shape" --sites 40 --seed 9 --per-file 25 --out "$shape"
        [ "$(find "$shape" -name '*.ini' | wc -l)" -gt 3 ]
        # no part holds more than 25 sections
        for part in "$shape"/*.ini; do
            [ "$(grep -c '^\[' "$part")" -le 25 ]
        done
        traced "$shape.ini" --from h40 -d h2
        mv got.txt one.txt
        traced "$shape" --from h40 -d h2
        assert_same_file got.txt one.txt
        assert_equal "$(tail -3 got.txt | head -1 | awk '{print $NF}')" 10.0.2.10
        run grep -c 'Request timed out' got.txt
        assert_output 0
    done
}

@test "genprofile: one file on standard output by default" {
    gen --shape ring --sites 3
    assert_line --index 0 '# written by: netmimic-genprofile --shape ring --sites 3 --seed 1'
    assert_line '[network]'
}

@test "genprofile: bad options are refused, exit 2" {
    local args message
    while IFS='|' read -r args message; do
        # shellcheck disable=SC2086 # the arguments are words
        run --separate-stderr "$GEN" $args
        assert_equal "$stderr" "netmimic-genprofile: $message"
        assert_equal "$status" 2
    done <<'END'
--shape star|--shape: 'star' is not hub-and-spoke, ring, random-mesh or tiered-internet
--sites 1|--sites: '1' is not a whole number from 2 to 65535
--sites 65536|--sites: '65536' is not a whole number from 2 to 65535
--shape tiered-internet --sites 4|--sites: '4' is not a whole number from 5 to 65535
--sites 1e3|--sites: '1e3' is not a whole number from 2 to 65535
--seed -1|--seed: '-1' is not a whole number from 0 to 2147483646
--per-file 0|--per-file: '0' is not a whole number from 1 to 1000000
--latency 1;2|--latency: '1;2' is not a distribution
--sites|option --sites needs a value
--size 3|unknown option --size (see --help)
extra|unexpected argument 'extra' (see --help)
END
}

@test "genprofile: a directory that already holds parts is refused" {
    gen --shape ring --sites 3 --out net
    run --separate-stderr "$GEN" --shape ring --sites 3 --out net
    assert_equal "$stderr" "netmimic-genprofile: --out: 'net' already holds *.ini files"
    assert_equal "$status" 2
}

@test "genprofile: a line too long for iniparser stops it, and no profile is left" {
    local long
    long=$(printf '1+%.0s' {1..600})1
    # "latency = " and the quotes around the 1201 characters: 1213
    run --separate-stderr "$GEN" --sites 3 --latency "$long" --out long.ini
    assert_equal "$stderr" "netmimic-genprofile: latency: a line of 1213 bytes (at most 1022)"
    assert_equal "$status" 2
    [ ! -e long.ini ]
    mkdir parts
    : >parts/notes.txt
    run --separate-stderr "$GEN" --sites 3 --latency "$long" --out parts
    assert_equal "$status" 2
    assert_equal "$(ls parts)" notes.txt
}
