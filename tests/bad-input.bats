#!/usr/bin/env bats
# bad-input.bats - every kind of bad input, with the exact message it gets.
#
# netmimic's own setup errors (bad profile, bad extension option): exit 2,
# nothing on stdout, one line on stderr; a profile error names the file, the
# section and the key.  Windows-level errors (bad Windows option, unknown
# name): exit 1, the Windows text on stdout, nothing on stderr.  Write errors
# on stdout: exit 3 and one line on stderr.
#
# The cases are tables (lib/cases.bash): a test runs a kind's cases, each a
# line or a few, named; a failed case names itself and what differed, and
# the others still run.  Each profile case makes one defect in a copy of
# tests/profiles/bad/base.ini (a tiny valid profile) and states the message
# (lib/bad-input.bash).  Every case's run goes through the dual runner under
# make test: each input runs on the plain and the sanitizer build.

load lib/common
load lib/cases
load lib/bad-input

setup() {
    cd "$BATS_TEST_TMPDIR" || return 1
}

# every case of the test passed (a test cannot forget to ask)
teardown() {
    cases_ok
}

# ---- the base itself ------------------------------------------------------

@test "base: the unmodified base profile is valid" {
    base
    tracert_p -d
    ends base 0 "$BASE_TRACE" ""
}

# ---- profile: the file and its INI syntax ----------------------------------

@test "file and syntax: a missing, empty or malformed profile, each with its message" {
    trun "$BIN/tracert" --profile "$BAD/nosuch.ini" --seed 1 "$TARGET"
    setup_fails "file: the profile does not exist" "$BAD/nosuch.ini: cannot read profile: No such file or directory"
    pcase "file: empty" "[network]: missing section" empty

    edit '/^\[network\]/a this is not a key'
    line_of '^this is not a key'
    profile_fails "syntax: a line that is neither key = value nor a section" "line $REPLY: syntax error: 'this is not a key'"

    edit '/^\[network\]/i [device r3'
    line_of '^\[device r3$'
    profile_fails "syntax: a section header without ']'" "line $REPLY: syntax error: '[device r3'"

    edit '/^\[network\]/a this (is) not a key'
    line_of '^this \(is\) not a key'
    profile_fails "syntax: the line number of a bad line that contains '('" "line $REPLY: syntax error: 'this (is) not a key'"

    edit '/^\[link l1\]/a oops (2)'
    line_of '^oops'
    cp p.ini 'p (1).ini'
    trun "$BIN/tracert" --profile 'p (1).ini' --seed 1 "$TARGET"
    setup_fails "syntax: the line number when the path has a '(' too" "p (1).ini: line $REPLY: syntax error: 'oops (2)'"

    { printf '\357\273\277'; printf '%s\n' "${BASE[@]}"; } >p.ini
    profile_fails "syntax: a UTF-8 byte order mark gets a hint" "line 1: the file starts with a UTF-8 byte order mark (save it as UTF-8 without BOM)"

    pcase "syntax: control bytes of the profile are escaped in the message" "[device h1] kind: 'ho\\x01st\\x1b[31m' is not host or router" \
        edit_key 'device h1' kind $'ho\x01st\x1b[31m'
}

# iniparser 4.1 reads a line into 1024 bytes with fgets: 1022 and the
# newline fit, 1023 do not; the loader says so before iniparser does.
@test "syntax: a line of 1022 bytes loads whole; of 1023, too long for iniparser, said as such" {
    local value first
    repeat 1008 x
    value=$REPLY
    repeat 1020 x
    edit "1i # $REPLY
/^\[scenario sc1\]/a description = $value"
    count_length 1022
    is "1022: the edit" "lines of 1022 bytes" 2 "$REPLY"
    trun "$BIN/netmimic" --profile p.ini scenarios
    ends "1022: a comment and a value" 0 "sc1 down=l2: $value" ""

    repeat 1021 x
    prepend "# $REPLY"
    IFS= read -r first <p.ini
    is "1023: the edit" "bytes of line 1" 1023 "${#first}"
    profile_fails "1023: a comment" "line 1: line longer than 1022 bytes"
    repeat 1009 x
    edit "/^\[scenario sc1\]/a description = $REPLY"
    line_of '^description'
    profile_fails "1023: a value" "line $REPLY: line longer than 1022 bytes"
    repeat 1100 x
    prepend "description = $REPLY"
    profile_fails "1100: a value before any section" "line 1: line longer than 1022 bytes"
}

# ---- profile: sections ------------------------------------------------------

@test "section: bad headers, names, repeats, keys outside a section" {
    pcase "section: unknown type" "[router x]: unknown section type 'router' (network, site, device, link, session or scenario)" \
        append '[router x]'
    pcase "section: [network] with a name" "[network x]: [network] takes no name" \
        append '[network x]'
    pcase "section: device without a name" "[device]: missing or invalid name after 'device' (letters, digits, '.', '-', '_'; at most 63)" \
        append '[device]'
    pcase "section: device with an invalid name" "[device r!]: missing or invalid name after 'device' (letters, digits, '.', '-', '_'; at most 63)" \
        append '[device r!]'
    pcase "section: key before any section" "[] stray: key outside any section" \
        prepend 'stray = 1'
    pcase "section: name with ':'" "[device a:b]: section name must not contain ':'" \
        append $'[device a:b]\ninterfaces = x 10.9.9.9/32'
    pcase "section: name with ':' whose prefix is an existing device" "[device h1:site]: section name must not contain ':'" \
        append '[device h1:site]'
    pcase "section: defined twice" "[device r1]: defined twice (lines 19 and 41)" \
        append $'[device r1]\nasn = 65009'
    pcase "section: [network] missing" "[network]: missing section" \
        edit '/^\[network\]/,/^$/d'
    pcase "section: [network] header missing, its key is outside any section" "[] default_host: key outside any section" \
        edit '/^\[network\]/d'
    repeat 70 d
    pcase "a name longer than 63 characters" "[device $REPLY]: missing or invalid name after 'device' (letters, digits, '.', '-', '_'; at most 63)" \
        append "[device $REPLY]"

    repeat 300 ' '
    edit "s/^\[device r2\]$/[device ${REPLY}r2]/"
    tracert_p -d
    ends "section: a header padded past 255 characters keeps its name" 0 "$BASE_TRACE" ""
}

# ---- profile: unknown keys, one per section type ---------------------------

@test "unknown key: one per section type" {
    pcase "unknown key in [network]" "[network] bogus: unknown key (name, description, default_host, ecmp_seed, time_of_day)" \
        edit_key network bogus 1
    pcase "unknown key in [site]" "[site s1] bogus: unknown key (name, description, prefixes)" \
        edit_key 'site s1' bogus 1
    pcase "unknown key in [device]" "[device r1] bogus: unknown key (kind, names, site, interfaces, routes, answers, reply_delay, reply_loss, reply_limit, flow_setup, flow_table, initial_ttl, no_route, neighbor_miss, neighbor_resolve, neighbor_timeout, neighbor_cached, decrement, asn, networks, reply_from, nat_inside, nat_outside, nat_forward, record_on_arrival, clock_offset, reverse_first_lookup, description)" \
        edit_key 'device r1' bogus 1
    pcase "unknown key in [link]" "[link l1] bogus: unknown key (a, b, latency, loss, state, mtu, routers, routers_ttl, router_addresses, router_names, description)" \
        edit_key 'link l1' bogus 1
    pcase "unknown key in [session]" "[session s2] bogus: unknown key (link, description, and for each side a_ and b_: local_pref, prepend, export, export_prefixes, import_prefixes)" \
        edit_key 'session s2' bogus 1
    pcase "unknown key in [session]: an a_ key that does not exist" "[session s2] a_bogus: unknown key (link, description, and for each side a_ and b_: local_pref, prepend, export, export_prefixes, import_prefixes)" \
        edit_key 'session s2' a_bogus 1
    pcase "unknown key in [scenario]" "[scenario sc1] bogus: unknown key (down, description)" \
        edit_key 'scenario sc1' bogus 1
}

# ---- profile: bad values ----------------------------------------------------

@test "value: [network], [site] and [device] keys" {
    local v
    pcase "value: network ecmp_seed -1" "[network] ecmp_seed: '-1' is not a whole number from 0 to 18446744073709551615" \
        edit_key network ecmp_seed -1
    pcase "value: device record_on_arrival not yes/no" "[device r1] record_on_arrival: 'twice' is not yes or no" \
        edit_key 'device r1' record_on_arrival twice
    pcase "value: site prefixes not a prefix" "[site s1] prefixes: '10.0.0.0' is not a prefix like 10.1.0.0/16" \
        edit_key 'site s1' prefixes 10.0.0.0
    pcase "value: site prefixes length 33" "[site s1] prefixes: '10.0.0.0/33' is not a prefix like 10.1.0.0/16" \
        edit_key 'site s1' prefixes 10.0.0.0/33
    pcase "value: device kind" "[device h1] kind: 'server' is not host or router" \
        edit_key 'device h1' kind server
    pcase "value: device answers" "[device h1] answers: 'maybe' is not yes or no" \
        edit_key 'device h1' answers maybe
    pcase "value: device reverse_first_lookup" "[device h1] reverse_first_lookup: 'maybe' is not ok or fail" \
        edit_key 'device h1' reverse_first_lookup maybe
    pcase "value: device reply_loss 1.5" "[device h1] reply_loss: '1.5' is not a probability from 0 to 1" \
        edit_key 'device h1' reply_loss 1.5
    pcase "value: device reply_loss -0.1" "[device h1] reply_loss: '-0.1' is not a probability from 0 to 1" \
        edit_key 'device h1' reply_loss -0.1
    pcase "value: device reply_loss nan" "[device h1] reply_loss: 'nan' is not a probability from 0 to 1" \
        edit_key 'device h1' reply_loss nan
    pcase "value: device reply_limit without a slash" "[device h1] reply_limit: '5' is not COUNT/MILLISECONDS, like 1/1000 (COUNT 1 to 1000000, MILLISECONDS 1 to 86400000)" \
        edit_key 'device h1' reply_limit 5
    pcase "value: device reply_limit 0/1000" "[device h1] reply_limit: '0/1000' is not COUNT/MILLISECONDS, like 1/1000 (COUNT 1 to 1000000, MILLISECONDS 1 to 86400000)" \
        edit_key 'device h1' reply_limit 0/1000
    pcase "value: device initial_ttl 0" "[device h1] initial_ttl: '0' is not a whole number from 1 to 255" \
        edit_key 'device h1' initial_ttl 0
    pcase "value: device initial_ttl 256" "[device h1] initial_ttl: '256' is not a whole number from 1 to 255" \
        edit_key 'device h1' initial_ttl 256
    pcase "value: device no_route" "[device h1] no_route: 'reject' is not drop, host-unreachable or net-unreachable" \
        edit_key 'device h1' no_route reject
    pcase "value: device asn 0" "[device r1] asn: '0' is not a whole number from 1 to 4294967295" \
        edit_key 'device r1' asn 0
    pcase "value: device asn abc" "[device r1] asn: 'abc' is not a whole number from 1 to 4294967295" \
        edit_key 'device r1' asn abc
    pcase "value: device asn 2^32" "[device r1] asn: '4294967296' is not a whole number from 1 to 4294967295" \
        edit_key 'device r1' asn 4294967296
    pcase "value: device names invalid" "[device h1] names: 'bad!name' is not a valid host name" \
        edit_key 'device h1' names 'h1 bad!name'
    pcase "value: device reply_delay bad distribution" "[device h1] reply_delay: uniform(2, 1): low bound above high bound" \
        edit_key 'device h1' reply_delay 'uniform(2, 1)'
    for v in 24:00:00 14:60:00 14:02:60 14:02:59.0315 4:02:59 14:02:59. 14:02:59x 14:2:059 +4:02:59 noon; do
        pcase "value: network time_of_day $v" "[network] time_of_day: '$v' is not a time of day HH:MM:SS or HH:MM:SS.mmm (00:00:00 to 23:59:59.999)" \
            edit_key network time_of_day "$v"
    done
    for v in fast 86400000.5 -86400001 0x10; do
        pcase "value: device clock_offset $v" "[device r1] clock_offset: '$v' is not a number of milliseconds from -86400000 to 86400000" \
            edit_key 'device r1' clock_offset "$v"
    done
}

@test "value: interfaces, networks and routes, IPv4 and IPv6" {
    pcase "value: interfaces empty" "[device r1] interfaces: no interface given" \
        edit_key 'device r1' interfaces ''
    pcase "value: interfaces without an address" "[device r1] interfaces: 'lan' is not 'NAME ADDRESS/LENGTH [REVERSE-NAME]'" \
        edit_key 'device r1' interfaces lan
    pcase "value: interfaces with too many fields" "[device r1] interfaces: 'lan 10.0.0.2/24 x y' is not 'NAME ADDRESS/LENGTH [REVERSE-NAME]'" \
        edit_key 'device r1' interfaces 'lan 10.0.0.2/24 x y'
    pcase "value: interfaces address without a length" "[device r1] interfaces: '10.0.0.2' is not an address with a length like 10.1.0.4/24" \
        edit_key 'device r1' interfaces 'lan 10.0.0.2'
    pcase "value: interfaces length 33" "[device r1] interfaces: '10.0.0.2/33' is not an address with a length like 10.1.0.4/24" \
        edit_key 'device r1' interfaces 'lan 10.0.0.2/33'
    pcase "value: interfaces invalid name" "[device r1] interfaces: 'l@n' is not a valid interface name" \
        edit_key 'device r1' interfaces 'l@n 10.0.0.2/24'
    pcase "value: interfaces bad index" "[device r1] interfaces: 'lan%0' is not an interface index (NAME%N, N from 1 to 4294967295)" \
        edit_key 'device r1' interfaces 'lan%0 10.0.0.2/24'
    pcase "value: interfaces invalid reverse name" "[device r1] interfaces: 'bad!name' is not a valid reverse name" \
        edit_key 'device r1' interfaces 'lan 10.0.0.2/24 bad!name'
    pcase "value: interfaces same name twice" "[device r1] interfaces: interface 'lan' is named twice" \
        edit_key 'device r1' interfaces 'lan 10.0.0.2/24, lan 10.0.1.1/30'
    pcase "value: networks with host bits" "[device r1] networks: '10.0.0.1/24' is not a prefix like 10.1.0.0/16" \
        edit_key 'device r1' networks 10.0.0.1/24
    pcase "value: networks not a prefix" "[device r1] networks: 'banana' is not a prefix like 10.1.0.0/16" \
        edit_key 'device r1' networks '10.0.0.0/24 banana'
    pcase "value: routes without 'via'" "[device h1] routes: '0.0.0.0/0 10.0.0.2' is not 'PREFIX via ADDRESS'" \
        edit_key 'device h1' routes '0.0.0.0/0 10.0.0.2'
    pcase "value: routes with a bad next hop" "[device h1] routes: '0.0.0.0/0 via 10.0.0.256' is not 'PREFIX via ADDRESS'" \
        edit_key 'device h1' routes '0.0.0.0/0 via 10.0.0.256'
    pcase "value: routes with a bad prefix" "[device h1] routes: '0.0.0.0 via 10.0.0.2' is not 'PREFIX via ADDRESS'" \
        edit_key 'device h1' routes '0.0.0.0 via 10.0.0.2'
    pcase "value: interfaces with malformed IPv6" "[device r1] interfaces: '2001:db8::zz/64' is not an IPv6 address with a length like 2001:db8::4/64" \
        edit_key 'device r1' interfaces 'lan 2001:db8::zz/64'
    pcase "value: interfaces with two '::'" "[device r1] interfaces: '2001:db8::1::2/64' is not an IPv6 address with a length like 2001:db8::4/64" \
        edit_key 'device r1' interfaces 'lan 10.0.0.2/24 2001:db8::1::2/64'
    pcase "value: interfaces IPv6 length 129" "[device r1] interfaces: '2001:db8::1/129' is not an IPv6 address with a length like 2001:db8::4/64" \
        edit_key 'device r1' interfaces 'lan 10.0.0.2/24 2001:db8::1/129'
    pcase "value: interfaces with two reverse names in a row" "[device r1] interfaces: 'lan 10.0.0.2/24 a.example 2001:db8::1/64 b.example c.example' is not 'NAME ADDRESS/LENGTH [REVERSE-NAME]'" \
        edit_key 'device r1' interfaces 'lan 10.0.0.2/24 a.example 2001:db8::1/64 b.example c.example'
    pcase "value: networks IPv6 with host bits" "[device r1] networks: '2001:db8::1/32' is not an IPv6 prefix like 2001:db8::/32" \
        edit_key 'device r1' networks 2001:db8::1/32
    pcase "value: routes IPv6 prefix via an IPv4 next hop" "[device h1] routes: '::/0 via 10.0.0.2': the next hop is not of the prefix's family" \
        edit_key 'device h1' routes '::/0 via 10.0.0.2'
    pcase "value: routes with a malformed IPv6 next hop" "[device h1] routes: '::/0 via fe80:::2' is not 'PREFIX via ADDRESS'" \
        edit_key 'device h1' routes '::/0 via fe80:::2'
    pcase "value: an interface name with '.' (links name DEVICE.INTERFACE)" "[device r2] interfaces: 'lan.0' is not a valid interface name (no '.': links name DEVICE.INTERFACE)" \
        edit_key 'device r2' interfaces 'lan.0 10.0.1.2/30'
}

@test "value: [link] and [session] keys" {
    pcase "value: link state" "[link l1] state: 'broken' is not up or down" \
        edit_key 'link l1' state broken
    pcase "value: link loss 1.5" "[link l1] loss: '1.5' is not a probability from 0 to 1" \
        edit_key 'link l1' loss 1.5
    pcase "value: link mtu 67" "[link l1] mtu: '67' is not a whole number from 68 to 65535" \
        edit_key 'link l1' mtu 67
    pcase "value: link mtu 65536" "[link l1] mtu: '65536' is not a whole number from 68 to 65535" \
        edit_key 'link l1' mtu 65536
    pcase "value: link mtu abc" "[link l1] mtu: 'abc' is not a whole number from 68 to 65535" \
        edit_key 'link l1' mtu abc
    pcase "value: link latency gauss(1)" "[link l1] latency: unknown distribution 'gauss'" \
        edit_key 'link l1' latency 'gauss(1)'
    pcase "value: link latency normal(1" "[link l1] latency: expected ',' after 'normal(1'" \
        edit_key 'link l1' latency 'normal(1'
    pcase "value: link latency negative deviation" "[link l1] latency: normal standard deviation -2 is negative" \
        edit_key 'link l1' latency 'normal(1, -2)'
    pcase "value: link latency trailing text" "[link l1] latency: trailing text 'junk'" \
        edit_key 'link l1' latency 'normal(1, 2) junk'
    pcase "value: link latency empty" "[link l1] latency: empty value" \
        edit_key 'link l1' latency ''
    pcase "value: session a_local_pref not a number" "[session s2] a_local_pref: 'high' is not a whole number from 0 to 4294967295" \
        edit_key 'session s2' a_local_pref high
    pcase "value: session b_prepend 17" "[session s2] b_prepend: '17' is not a whole number from 0 to 16" \
        edit_key 'session s2' b_prepend 17
    pcase "value: session b_export_prefixes" "[session s2] b_export_prefixes: '10.0.0.0/8x' is not a prefix like 10.1.0.0/16" \
        edit_key 'session s2' b_export_prefixes 10.0.0.0/8x
}

@test "value: long, padded and escaped values" {
    local pad
    repeat 40 ' '
    pad=$REPLY
    pcase "value: device reply_limit with trailing junk past 32 characters" "[device h1] reply_limit: '1/1${pad}junk' is not COUNT/MILLISECONDS, like 1/1000 (COUNT 1 to 1000000, MILLISECONDS 1 to 86400000)" \
        edit_key 'device h1' reply_limit "1/1${pad}junk"
    repeat 40 0
    edit_key 'device h1' reply_limit "1 / ${REPLY}1000"
    tracert_p -d
    is "value: device reply_limit with a long run of leading zeros is a number" "exit status" 0 "$status"
    is "value: device reply_limit with a long run of leading zeros is a number" stderr "" "$stderr"
    repeat 900 x
    pcase "value: a message quotes a value longer than 512 characters whole" "[device h1] kind: '$REPLY' is not host or router" \
        edit_key 'device h1' kind "$REPLY"
}

# ---- profile: references ----------------------------------------------------

@test "ref: what a key names is missing or of the wrong kind" {
    pcase "ref: link end names a missing device" "[link l1] a: no [device nodev]" \
        edit_key 'link l1' a nodev.eth0
    pcase "ref: link end names a missing interface" "[link l1] a: device 'h1' has no interface 'eth9'" \
        edit_key 'link l1' a h1.eth9
    pcase "ref: link end without a dot" "[link l1] b: 'r1lan' is not DEVICE.INTERFACE" \
        edit_key 'link l1' b r1lan
    pcase "ref: link end missing" "[link l1] b: missing: every link names its two ends as DEVICE.INTERFACE" \
        drop_key 'link l1' b
    pcase "ref: link joins a device to itself" "[link l1] b: a link joins two different devices" \
        edit_key 'link l1' b h1.eth0
    pcase "ref: session link missing" "[session s2] link: missing: a session runs over a link" \
        drop_key 'session s2' link
    pcase "ref: session link names a missing link" "[session s2] link: no [link nosuch]" \
        edit_key 'session s2' link nosuch
    pcase "ref: session end device without asn" "[session s2] link: device 'r2' has no asn" \
        drop_key 'device r2' asn
    pcase "ref: session export names an unknown session" "[session s2] a_export: 'nosuch' is not local, connected, learned, none or a session" \
        edit_key 'session s2' a_export 'local nosuch'
    pcase "ref: scenario down names a missing link" "[scenario sc1] down: no [link nosuch]" \
        edit_key 'scenario sc1' down 'l2 nosuch'
    pcase "ref: scenario down missing" "[scenario sc1] down: missing: a scenario names the links it takes down" \
        drop_key 'scenario sc1' down
    pcase "ref: decrement names a missing link" "[device r1] decrement: no [link nosuch]" \
        edit_key 'device r1' decrement 'l1 nosuch'
    pcase "ref: default_host missing" "[network] default_host: missing" \
        drop_key network default_host
    pcase "ref: default_host names a missing device" "[network] default_host: no [device nosuch]" \
        edit_key network default_host nosuch
    pcase "ref: default_host is not a host" "[network] default_host: 'r1' is not a host" \
        edit_key network default_host r1
    pcase "ref: site names a missing site" "[device h1] site: no [site nosuch]" \
        edit_key 'device h1' site nosuch
    pcase "ref: an IPv6 next hop not on any link" "[device h1] routes: next hop fe80::9 is not at the far end of any link of 'h1'" \
        edit_key 'device h1' routes '::/0 via fe80::9'
    pcase "ref: static route next hop not on any link (device with reply_delay)" "[device h1] routes: next hop 10.0.0.9 is not at the far end of any link of 'h1'" \
        edit '/^\[device h1\]/a reply_delay = 0
s|^routes = 0.0.0.0/0 via 10.0.0.2$|routes = 0.0.0.0/0 via 10.0.0.9|'
    pcase "ref: static route next hop not on any link (device without reply_delay)" "[device h1] routes: next hop 10.0.0.9 is not at the far end of any link of 'h1'" \
        edit_key 'device h1' routes '0.0.0.0/0 via 10.0.0.9'
    # r3, l3 and s3: a second session, between r2 and r3, that r1 is not in
    edit_key 'session s2' a_export 's3'
    printf '%s\n' '[device r3]' 'interfaces = lan 10.0.2.2/30' 'asn = 65003' \
        '[link l3]' 'a = r2.lan' 'b = r3.lan' '[session s3]' 'link = l3' >>p.ini
    profile_fails "ref: an export list names a session of other devices" "[session s2] a_export: session 's3' does not involve device 'r1'"
    repeat 200 d
    pcase "ref: a link end with a device name longer than 128 characters" "[link l1] a: no [device $REPLY]" \
        edit_key 'link l1' a "$REPLY.eth0"

    # not bad input: the boundary of "session link missing" (base.ini's
    # session s2 renamed l2, its link key dropped: the route r2 learns is
    # the same)
    edit 's/^\[session s2\]$/[session l2]/; /^link = l2$/d'
    trun "$BIN/netmimic" routes --profile p.ini r2
    ends "ref: a session without link runs over the link of its own name" 0 "C 10.0.1.0/30        connected, interface lan
B 10.0.0.0/24        learned, local_pref 100, as_path_len 1 via 10.0.1.1 (r1, link l2, session l2)" ""
}

# ---- profile: whole-network checks -----------------------------------------

@test "net: addresses given twice, devices without interfaces" {
    pcase "net: the same address on two devices" "[device r2] interfaces: address 10.0.0.1 is already on 'h1.eth0'" \
        edit_key 'device r2' interfaces 'lan 10.0.1.2/30, lo 10.0.0.1/32'
    pcase "net: a device with no interfaces" "[device r3] interfaces: missing: a device needs at least one interface" \
        append $'[device r3]\ndescription = spare'
    edit '/^\[link l2\]/a routers = 3\nrouter_addresses = 10.0.0.0/24'
    profile_fails "net: a transit segment's router answering from an interface's address" "[link l2] router_addresses: router 1's address 10.0.0.1 is already on 'h1.eth0'"
    # IPv6, router 2; the IPv4 pool is clear
    edit 's|^interfaces = lan 10.0.1.2/30$|interfaces = lan 10.0.1.2/30 2001:db8::2/64|
/^\[link l2\]/a routers = 3\nrouter_addresses = 192.0.2.0/24 2001:db8::/64'
    profile_fails "net: a transit segment's router answering from an interface's IPv6 address" "[link l2] router_addresses: router 2's address 2001:db8::2 is already on 'r2.lan'"
    pcase "net: the same IPv6 address on two devices, written two ways" "[device r2] interfaces: address 2001:db8::a is already on 'h1.eth0'" \
        edit 's|^interfaces = eth0 10.0.0.1/24$|interfaces = eth0 10.0.0.1/24 2001:db8::a/64|
s|^interfaces = lan 10.0.1.2/30$|interfaces = lan 10.0.1.2/30 2001:DB8:0::000A/64|'

    # routers 1 to 3 answer from 2001:db8::1 to ::3; r2 has ::9
    edit 's|^interfaces = lan 10.0.1.2/30$|interfaces = lan 10.0.1.2/30 2001:db8::9/64|
/^\[link l2\]/a routers = 3\nrouter_addresses = 192.0.2.0/24 2001:db8::/64'
    line_of '^interfaces = lan 10\.0\.1\.2/30 2001:db8::9/64$'
    is "net: a pool address no router answers from may be an interface's: the edit" "line of r2's interfaces" 1 "$((REPLY > 0))"
    tracert_p -d
    is "net: a pool address no router answers from may be an interface's" "exit status" 0 "$status"
    is "net: a pool address no router answers from may be an interface's" stderr "" "$stderr"
}

# ---- what iniparser alone would hide ----------------------------------------

@test "what iniparser alone would hide: a key twice, names without case" {
    edit '/^\[device r1\]/a asn = 65009'
    tracert_p
    is "key given twice in one section" "exit status" 2 "$status"
    is "key given twice in one section" stdout "" "$output"
    [[ $stderr =~ ^"tracert: p.ini: [device r1] asn: given twice (lines "[0-9]+" and "[0-9]+")"$ ]] ||
        case_fail "key given twice in one section" stderr "tracert: p.ini: [device r1] asn: given twice (lines N and M)" "$stderr"

    edit 's/^\[device h1\]/[device H1]/; s/= h1\./= H1./; s/default_host = h1/default_host = H1/'
    trun "$BIN/tracert" --profile p.ini --from H1 -h 1 10.0.0.1
    is "names are matched without case (iniparser lower-cases section names only)" "exit status" 0 "$status"
    is "names are matched without case (iniparser lower-cases section names only)" stderr "" "$stderr"
}

# ---- the profile's files (issue 12: hostile input) --------------------------

@test "file: FIFOs and directories as the profile" {
    mkfifo fifo.ini
    trun timeout 20 "$BIN/tracert" --profile fifo.ini --seed 1 "$TARGET"
    setup_fails "file: a FIFO as the profile is refused, not waited on" "fifo.ini: cannot read profile: not a regular file"

    mkdir net parts empty
    base
    cp p.ini net/a.ini
    cp p.ini parts/a.ini
    mkfifo net/b.ini
    trun timeout 20 "$BIN/tracert" --profile net --seed 1 "$TARGET"
    setup_fails "file: a FIFO among the parts of a profile directory is refused" "net/b.ini: cannot read profile: not a regular file"

    trun timeout 20 "$BIN/tracert" --profile parts --seed 1 -d "$TARGET"
    ends "file: a directory of regular parts is still a profile" 0 "$BASE_TRACE" ""

    : >empty/p.ini.orig
    trun "$BIN/tracert" --profile empty 10.0.0.1
    setup_fails "a directory without *.ini file as the profile" "empty: cannot read profile: no *.ini file in the directory"
}

# ---- extension options: exit 2, stderr -------------------------------------

@test "option: bad netmimic options" {
    tracert --seed abc 10.11.30.4
    setup_fails "option: --seed abc" "--seed: 'abc' is not a whole number from 0 to 18446744073709551615"
    tracert --seed -1 10.11.30.4
    setup_fails "option: --seed -1" "--seed: '-1' is not a whole number from 0 to 18446744073709551615"
    tracert --seed 18446744073709551616 10.11.30.4
    setup_fails "option: --seed 2^64" "--seed: '18446744073709551616' is not a whole number from 0 to 18446744073709551615"
    tracert --seed= 10.11.30.4
    setup_fails "option: --seed= (empty)" "--seed: '' is not a whole number from 0 to 18446744073709551615"
    tracert --seed 1 --from nosuchhost 10.11.30.4
    setup_fails "option: --from an unknown host" "--from: no host 'nosuchhost' in $PROFILE"
    tracert --seed 1 --from msee1 10.11.30.4
    setup_fails "option: --from a router" "--from: no host 'msee1' in $PROFILE"
    tracert --seed 1 --scenario nosuch 10.11.30.4
    setup_fails "option: --scenario unknown" "--scenario: no scenario 'nosuch' in $PROFILE"
    tracert --seed 1 --down nosuchlink 10.11.30.4
    setup_fails "option: --down unknown link" "--down: no link 'nosuchlink' in $PROFILE"
    tracert 10.11.30.4 --seed
    setup_fails "option: --seed as the last argument" "option --seed needs a value"
    trun "$BIN/tracert" 10.11.30.4 --profile
    setup_fails "option: --profile as the last argument" "option --profile needs a value"
    trun "$BIN/tracert" --profile= 10.0.0.1
    setup_fails "option: --profile= (empty) says what is wrong" "--profile: empty value (give a profile file or directory)"
}

# ---- Windows-level errors: exit 1, stdout ----------------------------------

@test "windows: bad Windows options and targets" {
    tracert -h 0 10.11.30.4
    windows_fails "windows: -h 0" "Bad value for option -h, valid range is from 1 to 255."
    tracert -h 256 10.11.30.4
    windows_fails "windows: -h 256" "Bad value for option -h, valid range is from 1 to 255."
    tracert -h abc 10.11.30.4
    windows_fails "windows: -h abc" "Bad value for option -h, valid range is from 1 to 255."
    tracert -w 0 10.11.30.4
    windows_fails "windows: -w 0" "Bad value for option -w, valid range is from 1 to 4294967295."
    tracert 10.11.30.4 -h
    windows_fails "windows: -h without a value" "Value must be supplied for option -h."
    tracert -x 10.11.30.4
    invalid_option -x
    windows_fails "windows: -x" "$REPLY"
    tracert /x 10.11.30.4
    invalid_option /x
    windows_fails "windows: /x" "$REPLY"
    tracert --bogus 10.11.30.4
    invalid_option --bogus
    windows_fails "windows: --bogus is an invalid Windows option" "$REPLY"
    tracert 10.11.30.4 extra
    invalid_option extra
    windows_fails "windows: a second target" "$REPLY"
    tracert -d
    windows_fails "windows: no target" $'A target name or address must be specified.\n'"$USAGE"
    tracert --seed 1 nosuch.host
    windows_fails "windows: unresolvable name" "Unable to resolve target system name nosuch.host."
    trun "$BIN/tracert" --seed 1
    windows_fails "only netmimic options: the usage alone, as for a bare tracert" "$USAGE"
}

# ---- write errors: exit 3, one line on stderr ------------------------------

@test "write: errors on stdout exit 3 with one line on stderr" {
    trun closed_stdout --seed 1 10.11.30.4
    write_fails "write: trace to a closed stdout" "Bad file descriptor"
    trun full_stdout --seed 1 10.11.30.4
    write_fails "write: trace to /dev/full" "No space left on device"
    trun full_stdout --seed 1 --realtime -h 1 10.11.30.4
    write_fails "write: trace to /dev/full with --realtime" "No space left on device"
    trun full_stdout --seed 1 nosuch.host
    write_fails "write: 'Unable to resolve' to /dev/full" "No space left on device"
    trun full_stdout -x 10.11.30.4
    write_fails "write: invalid-option text to /dev/full" "No space left on device"
    trun closed_stdout /?
    write_fails "write: usage to a closed stdout" "Bad file descriptor"
    trun closed_stdout --seed abc 10.11.30.4
    setup_fails "write: setup error with a closed stdout still exits 2" "--seed: 'abc' is not a whole number from 0 to 18446744073709551615"
}

# ---- leaks on the error paths -----------------------------------------------

# An error exits at once: what the loader allocated on the way must still be
# reachable (valgrind's "definitely lost" is an error).  The valgrind run of
# the whole file is make test-valgrind; these are the cases that leaked.
@test "leak: the error paths that leaked free what they allocated" {
    if ! command -v valgrind >/dev/null; then skip "valgrind is not installed"; fi
    if under_valgrind; then skip "the tools already run under valgrind"; fi
    # (the sanitizers' run time is linked in: their symbols, not ldd, tell)
    if grep -qa __asan_init "$BIN/tracert"; then skip "an ASan build does not run under valgrind"; fi
    if ! ldd "$BIN/tracert" >/dev/null 2>&1; then
        skip "valgrind cannot follow a static build's malloc: make test-valgrind builds one of its own"
    fi
    leak_free "leak: a bad route" edit_key 'device h1' routes '0.0.0.0/0 10.0.0.2'
    leak_free "leak: a bad prefix" edit_key 'site s1' prefixes '10.0.0.0/24 banana'
    leak_free "leak: a bad interface address" edit_key 'device r1' interfaces 'lan 10.0.0.2/24, wan 10.0.1.1'
    leak_free "leak: a bad decrement list" edit_key 'device r1' decrement 'l1 nosuch'
    leak_free "leak: a bad reply_from address" edit_key 'device r1' reply_from '10.0.0.2 banana'
}

# ---- the environment: a message names the variable that gave the value ----

@test "env: a bad value from the environment names the variable" {
    NETMIMIC_SEED=abc tracert 10.11.30.4
    setup_fails "env: NETMIMIC_SEED" "NETMIMIC_SEED: 'abc' is not a whole number from 0 to 18446744073709551615"
    NETMIMIC_FROM=nosuchhost tracert --seed 1 10.11.30.4
    setup_fails "env: NETMIMIC_FROM" "NETMIMIC_FROM: no host 'nosuchhost' in $PROFILE"
    NETMIMIC_LANG=xx-XX tracert --seed 1 10.11.30.4
    setup_fails "env: NETMIMIC_LANG" "NETMIMIC_LANG: no language 'xx-XX' (en-US de-DE es-ES fr-FR ja-JP ko-KR pt-BR ru-RU zh-CN)"
    NETMIMIC_WINDOWS=8 tracert --seed 1 10.11.30.4
    setup_fails "env: NETMIMIC_WINDOWS" "NETMIMIC_WINDOWS: '8' is not 11, 10, 7 or xp"
    NETMIMIC_JSON=nodir/x.json tracert --seed 1 10.11.30.4
    setup_fails "env: NETMIMIC_JSON" "NETMIMIC_JSON: cannot write 'nodir/x.json': No such file or directory"
    NETMIMIC_SEED=1 tracert --seed abc 10.11.30.4
    setup_fails "env: the option given as well is the one named" "--seed: 'abc' is not a whole number from 0 to 18446744073709551615"
    NETMIMIC_FROM=nosuchhost trun "$BIN/netmimic" --profile "$PROFILE" hosts
    is "env: netmimic names NETMIMIC_FROM too" "exit status" 2 "$status"
    is "env: netmimic names NETMIMIC_FROM too" stderr "netmimic: NETMIMIC_FROM: no host 'nosuchhost' in $PROFILE" "$stderr"
}

# ---- output lines of any length ----------------------------------------------

@test "output: long lines are not cut" {
    local n name short
    # A name of N characters that does not resolve: the whole of Windows'
    # line, the name and its final '.', as for a short name.
    for n in 1100 20000; do
        repeat "$n" a
        name=$REPLY.example
        tracert --seed 1 "$name"
        windows_fails "output: a line of $n characters is not cut" "Unable to resolve target system name $name."
    done

    repeat 700 Ж
    name=$REPLY.example
    short=$("$BIN/tracert" --profile "$PROFILE" --seed 1 --lang ru-RU --crlf x.example | iconv -f cp866 -t utf-8)
    trun sh -c '"$1" --profile "$2" --seed 1 --lang ru-RU --crlf "$3" | iconv -f cp866 -t utf-8' \
        sh "$BIN/tracert" "$PROFILE" "$name"
    is "output: a long line in a code page is not cut either" stderr "" "$stderr"
    is "output: a long line in a code page is not cut either" stdout "${short/x.example/$name}" "$output"
}
