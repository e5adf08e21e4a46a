#!/bin/sh
# make-profiles.sh - writes the small networks of the localized captures
# (tests/profiles/locale/*.ini) from captures.spec, one chain per capture:
#
#   pc -> router 1 -> ... -> router n -> target
#
# A block of captures.spec starts with "profile NAME" (the .ini written) and
# has lines:
#   # TEXT                          copied into the profile's comment
#   host ADDRESS [rev=NAME] [zone=N] the PC (default 192.168.0.100, or
#                                   2001:db8:ffff::100 in an IPv6 chain)
#   router ADDRESS [rev=NAME] [delays=D,...] [answers=no] [no_route=KIND]
#          [out=ADDRESS] [reply_limit=N/MS]
#   target ADDRESS [names=N,...] [rev=NAME] [delays=D,...] [ttl=N]
#                  [answers=no] [first_lookup=fail]
# An ADDRESS is a host prefix (/32, /128) unless written ADDRESS/LENGTH.
# The chain is IPv6 when the target's address (or else the first router's)
# is: then the routes are ::/0 and /128, and the routers' "out" addresses
# are fd64::N.  zone=N writes the PC's interface as eth0%N (its index,
# the zone of a link-local address); first_lookup=fail writes the
# target's reverse_first_lookup.
# Every link has latency 0, so a probe's RTT is exactly the reply_delay of
# the device that answers: delays become replay(D, ...), drawn once per
# reply in order; '*' stands for 5000, above the 4000 ms timeout, so that
# reply is lost ("*" or "Request timed out.").  Display truncates (17.6 is
# "17ms"); the fractions show it.  ttl=N is the TTL the PC sees: the
# target's initial_ttl is N plus the routers on the way back.  A router
# answers from the address of its "in" interface, the one the capture shows;
# its "out" interface has a 100.64.0.0/10 (or fd64::/16) address that is
# never printed (unless out= gives one: -r shows it).
#
#   sh tests/profiles/locale/make-profiles.sh     (rewrites the .ini files)
# tests/locale.bats checks that the files are what this script writes.

set -eu
dir=$(cd "$(dirname "$0")" && pwd)
out=${1:-$dir}

awk -v out="$out" '
# An address as an interface has it: ADDRESS/LENGTH, a host prefix (/32,
# /128) unless captures.spec gave a length.
function iface_addr(a) {
    return index(a, "/") ? a : a (index(a, ":") ? "/128" : "/32")
}
# The address alone, for the next hop of a route.
function bare(a) {
    sub(/\/.*/, "", a)
    return a
}
function flush(    i, f, back, nlinks, v6, any, hostlen) {
    if (name == "")
        return
    # An IPv6 chain: the target (or else the first router) has an IPv6
    # address; the PC, the "out" side of the routers and the routes follow.
    v6 = index(taddr != "" ? taddr : addr[1], ":") > 0
    any = v6 ? "::/0" : "0.0.0.0/0"
    if (host == "")
        host = v6 ? "2001:db8:ffff::100" : "192.168.0.100"
    hostlen = v6 ? "/128" : "/32"
    f = out "/" name ".ini"
    printf "# %s.ini - written by make-profiles.sh from captures.spec: do not edit.\n", name > f
    for (i = 1; i <= ncomments; i++)
        printf "#%s\n", comments[i] > f
    printf "\n[network]\nname = %s capture\ndefault_host = pc\n\n", name > f
    printf "[device pc]\nkind = host\ninterfaces = eth0%s %s%s\n", hostzone, iface_addr(host),
        hostrev > f
    printf "routes = %s via %s\n", any, bare(n ? addr[1] : taddr) > f
    for (i = 1; i <= n; i++)
        out_of[i] = outaddr[i] != "" ? outaddr[i] : (v6 ? "fd64::" : "100.64.0.") i
    for (i = 1; i <= n; i++) {
        back = bare(i == 1 ? host : out_of[i - 1])
        printf "\n[device r%d]\ninterfaces = in %s%s, out %s\n", i, iface_addr(addr[i]),
            rev[i], iface_addr(out_of[i]) > f
        if (i < n || taddr != "")
            printf "routes = %s via %s, %s%s via %s\n", any,
                bare(i < n ? addr[i + 1] : taddr), bare(host), hostlen, back > f
        else
            printf "routes = %s%s via %s\n", bare(host), hostlen, back > f
        attrs(f, i)
    }
    nlinks = n
    if (taddr != "") {
        nlinks++
        printf "\n[device target]\nkind = host\n" > f
        if (tnames != "")
            printf "names = %s\n", tnames > f
        printf "interfaces = eth0 %s%s\n", iface_addr(taddr), trev > f
        printf "routes = %s via %s\n", any, bare(n ? out_of[n] : host) > f
        if (tttl != "")
            printf "initial_ttl = %d\n", tttl + n > f
        attrs(f, 0)
    }
    for (i = 1; i <= nlinks; i++)
        printf "\n[link l%d]\na = %s\nb = %s\nlatency = 0\n", i,
            i == 1 ? "pc.eth0" : "r" (i - 1) ".out", i <= n ? "r" i ".in" : "target.eth0" > f
    close(f)
    name = ""
}
# reply_delay, answers, no_route, reply_limit and reverse_first_lookup of
# router I (0: the target).
function attrs(f, i) {
    if (delays[i] != "")
        printf "reply_delay = replay(%s)\n", delays[i] > f
    if (answers[i] != "")
        printf "answers = %s\n", answers[i] > f
    if (noroute[i] != "")
        printf "no_route = %s\n", noroute[i] > f
    if (replylimit[i] != "")
        printf "reply_limit = %s\n", replylimit[i] > f
    if (firstlookup[i] != "")
        printf "reverse_first_lookup = %s\n", firstlookup[i] > f
}
function delaylist(s) {
    gsub(/\*/, "5000", s)
    gsub(/,/, ", ", s)
    return s
}
# Reads KEY=VALUE words of the current line into the slot I.
function options(i,    k, kv, eq) {
    for (k = 3; k <= NF; k++) {
        eq = index($k, "=")
        if (!eq) {
            printf "captures.spec:%d: not KEY=VALUE: %s\n", NR, $k > "/dev/stderr"
            exit 1
        }
        kv = substr($k, 1, eq - 1)
        v = substr($k, eq + 1)
        if (kv == "rev") r = " " v
        else if (kv == "delays") delays[i] = delaylist(v)
        else if (kv == "answers") answers[i] = v
        else if (kv == "out") outaddr[i] = v
        else if (kv == "no_route") noroute[i] = v
        else if (kv == "reply_limit") replylimit[i] = v
        else if (kv == "first_lookup") firstlookup[i] = v
        else if (kv == "names") { gsub(/,/, " ", v); tnames = v }
        else if (kv == "ttl") tttl = v
        else if (kv == "zone") hostzone = "%" v
        else { printf "captures.spec:%d: unknown key %s\n", NR, kv > "/dev/stderr"; exit 1 }
    }
}
/^profile / {
    flush()
    name = $2; n = 0; ncomments = npending; npending = 0
    for (i = 1; i <= ncomments; i++) comments[i] = pending[i]
    host = ""; hostrev = ""; hostzone = ""
    taddr = ""; tnames = ""; trev = ""; tttl = ""
    split("", delays); split("", answers); split("", noroute); split("", outaddr)
    split("", replylimit); split("", firstlookup)
    next
}
# Comment lines just above a "profile" line are its comment.
/^#/ { pending[++npending] = substr($0, 2); next }
/^[ \t]*$/ { npending = 0; next }
$1 == "host" { host = $2; r = ""; options(-1); hostrev = r; next }
$1 == "router" { n++; addr[n] = $2; r = ""; options(n); rev[n] = r; next }
$1 == "target" { taddr = $2; r = ""; options(0); trev = r; next }
{ printf "captures.spec:%d: cannot read: %s\n", NR, $0 > "/dev/stderr"; exit 1 }
END { flush() }
' "$dir/captures.spec"
