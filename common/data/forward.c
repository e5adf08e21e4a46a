/* forward.c - see forward.h. */
#include "data/forward.h"

#include <stdlib.h>
#include <string.h>

#include "base/rng.h"
#include "base/util.h"

int device_owns(const struct network *net, int device, struct addr a)
{
    if (addr_is_loopback(a))
        return 1; /* every device has its loopback; it never leaves it */
    const struct device *d = &net->devices[device];
    for (size_t i = 0; i < d->nifaces; i++)
        if (iface_has_addr(&net->ifaces[d->ifaces[i]], a))
            return 1;
    return 0;
}

uint64_t flow_key(struct addr src, struct addr dst)
{
    if (src.family == FAMILY_V4 && dst.family == FAMILY_V4)
        return (uint64_t)addr_v4_value(src) << 32 | addr_v4_value(dst);
    return rng_mix64(addr_hash(src)) ^ addr_hash(dst);
}

/* Per-flow choice among equal-cost links; the device is mixed in so that two
 * routers in a row do not make the same choice. */
static int choose_nexthop(const struct network *net, const struct route *r, int device,
                          struct addr src, struct addr dst)
{
    if (r->nnexthops == 1)
        return r->nexthop_links[0];
    uint64_t h = rng_hash3(net->ecmp_seed, flow_key(src, dst), (uint64_t)device);
    return r->nexthop_links[h % r->nnexthops];
}

static void add_step(struct fwd_path *p, size_t *cap, struct path_step s)
{
    p->steps = grow(p->steps, p->n, cap, sizeof *p->steps);
    p->steps[p->n++] = s;
}

/* Is DST the broadcast address of IPv4 subnet P?  It is sent to all, not
 * resolved with ARP, so no "Destination host unreachable" follows. */
static int is_broadcast(struct prefix p, struct addr dst)
{
    if (dst.family != FAMILY_V4 || p.len >= 31)
        return 0;
    uint32_t host_bits = 0xffffffffu >> p.len;
    return (addr_v4_value(dst) & host_bits) == host_bits;
}

/* The link a packet at DEVICE leaves on, or -1 with *END set. */
static int next_link(const struct network *net, struct routing *rt, int device,
                     struct addr src, struct addr dst, enum path_end *end)
{
    const struct route *r = routing_lookup(rt, device, dst);
    if (!r) {
        *end = PATH_NO_ROUTE;
        return -1;
    }
    if (r->source == ROUTE_CONNECTED) {
        int l = iface_link_to(net, r->iface, dst, 1);
        if (l < 0)
            *end = is_broadcast(r->dest, dst) ? PATH_BROADCAST : PATH_NO_HOST;
        return l;
    }
    return choose_nexthop(net, r, device, src, dst);
}

struct path_step forward_step(const struct network *net, const struct path_step *at, int link)
{
    int egress = link_local_end(net, link, at->device);
    int in_iface = link_other_end(net, link, egress);
    /* the next hops see the source as a NAT device here leaves it */
    return (struct path_step){net->ifaces[in_iface].device, link, in_iface,
                              nat_source(net, at->device, egress, at->src)};
}

/* Walks OUT on from its last step to where the packet ends; *CAP is the
 * room of OUT's steps.  Each next hop is chosen with the source the packet
 * has there, as translated on the way. */
static void walk(const struct network *net, struct routing *rt, struct addr dst,
                 struct fwd_path *out, size_t *cap)
{
    for (;;) {
        const struct path_step *at = &out->steps[out->n - 1];
        int device = at->device;
        dst = nat_destination(net, device, at->in_iface, dst); /* the inside host's */
        if (device_owns(net, device, dst)) {
            out->end = PATH_DELIVERED;
            return;
        }
        if (out->n > 1 && net->devices[device].kind == KIND_HOST) {
            out->end = PATH_NOT_FORWARDING;
            return;
        }
        if (out->n >= PATH_MAX_STEPS) {
            out->end = PATH_TOO_LONG;
            return;
        }
        int l = next_link(net, rt, device, at->src, dst, &out->end);
        if (l < 0)
            return;
        add_step(out, cap, forward_step(net, at, l));
    }
}

void forward_path(const struct network *net, struct routing *rt, int src_device,
                  struct addr src, struct addr dst, struct fwd_path *out)
{
    size_t cap = 0;
    memset(out, 0, sizeof *out);
    add_step(out, &cap, (struct path_step){src_device, -1, -1, src});
    walk(net, rt, dst, out, &cap);
}

void forward_continue(const struct network *net, struct routing *rt, struct addr dst,
                      struct fwd_path *p)
{
    size_t cap = p->n; /* full: the first step on grows it */
    walk(net, rt, dst, p, &cap);
}

int forward_next_link(const struct network *net, struct routing *rt, int device,
                      struct addr src, struct addr dst)
{
    enum path_end end;
    return next_link(net, rt, device, src, dst, &end);
}

void fwd_path_free(struct fwd_path *p)
{
    free(p->steps);
    memset(p, 0, sizeof *p);
}
