# ring.awk - writes a ring of N routers (awk -v n=N -f ring.awk), each with
# its own ASN and a LAN 100.X.Y.0/24, linked to the next one and
# exchanging routes with it, sending its connected prefixes too (so the
# link addresses hops answer from are routable); a host h0 on r0's LAN.
# With files=1 (and dir=DIR) it writes one part per 500 routers into DIR,
# a profile directory (--profile DIR).
function lan(i) { return sprintf("100.%d.%d", 64 + int(i / 256), i % 256) }
function link(i, end) { return sprintf("10.%d.%d.%d", int(i / 64), (i % 64) * 4, end) }
function out(s) { if (files) print s > (dir "/" sprintf("part-%05d.ini", int(cur / 500))); else print s }
BEGIN {
    cur = 0
    out("[network]\ndefault_host = h0\n")
    out("[device h0]\nkind = host\ninterfaces = eth0 " lan(0) ".10/24\nroutes = 0.0.0.0/0 via " lan(0) ".1\n")
    out("[link h0-lan]\na = h0.eth0\nb = r0.lan\n")
    for (i = 0; i < n; i++) {
        cur = i
        prev = (i + n - 1) % n
        out(sprintf("[device r%d]\ninterfaces = lan %s.1/24, next %s/30, prev %s/30\nasn = %d\nnetworks = %s.0/24\n",
            i, lan(i), link(i, 1), link(prev, 2), 64512 + i, lan(i)))
        out(sprintf("[link l%d]\na = r%d.next\nb = r%d.prev\n", i, i, (i + 1) % n))
        out(sprintf("[session s%d]\nlink = l%d\na_export = local learned connected\nb_export = local learned connected\n", i, i))
    }
}
