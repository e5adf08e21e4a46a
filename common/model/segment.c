/* segment.c - see model.h: the routers a transit segment stands for, and
 * the source address a NAT device gives the packets it sends out. */
#include <stdlib.h>
#include <string.h>

#include "base/util.h"
#include "model/model.h"

static const struct segment no_segment; /* every family FAMILY_NONE, no names */
static const struct device_extra no_extra; /* every family FAMILY_NONE, no prefix */

const struct device_extra *device_extra(const struct device *d)
{
    return d->extra ? d->extra : &no_extra;
}

struct device_extra *device_extra_made(struct device *d, struct pool *pool)
{
    if (!d->extra) {
        d->extra = pool ? pool_alloc(pool, sizeof *d->extra) : emalloc(sizeof *d->extra);
        memset(d->extra, 0, sizeof *d->extra);
    }
    return d->extra;
}

const struct segment *link_segment(const struct link *l)
{
    return l->segment ? l->segment : &no_segment;
}

struct segment *link_segment_made(struct link *l, struct pool *pool)
{
    if (!l->segment) {
        l->segment = pool ? pool_alloc(pool, sizeof *l->segment) : emalloc(sizeof *l->segment);
        memset(l->segment, 0, sizeof *l->segment);
    }
    return l->segment;
}

unsigned link_ttl_hops(const struct link *l)
{
    if (!l->routers)
        return 0;
    switch (l->routers_ttl) {
    case ROUTERS_TTL_EACH: return l->routers;
    case ROUTERS_TTL_ONE: return 1;
    default: return 0;
    }
}

int segment_pool_has_room(const struct prefix *pool, unsigned routers)
{
    int host_bits = addr_bits(pool->addr.family) - pool->len;
    return host_bits >= 31 || (1ul << host_bits) >= routers + 1ul;
}

/* A + N, carried over the address's bytes from the last one. */
static struct addr addr_plus(struct addr a, unsigned n)
{
    int last = a.family == FAMILY_V4 ? 3 : 15;
    for (int b = last; b >= 0 && n; b--) {
        unsigned sum = a.b[b] + (n & 0xffu);
        a.b[b] = (uint8_t)sum;
        n = (n >> 8) + (sum >> 8);
    }
    return a;
}

struct addr link_router_addr(const struct link *l, unsigned i, enum addr_family f)
{
    const struct prefix *pool = &link_segment(l)->router_pool[f == FAMILY_V6];
    if (f == FAMILY_NONE || pool->addr.family != f || i < 1 || i > l->routers)
        return (struct addr){.family = FAMILY_NONE};
    return addr_plus(pool->addr, i);
}

int network_segment_router(const struct network *net, struct addr a, int *link, unsigned *i)
{
    if (a.family == FAMILY_NONE)
        return 0;
    for (size_t k = 0; k < net->nlinks; k++) {
        const struct link *l = &net->links[k];
        if (!l->routers)
            continue;
        const struct prefix *pool = &link_segment(l)->router_pool[a.family == FAMILY_V6];
        if (pool->addr.family != a.family || !prefix_contains(*pool, a))
            continue;
        for (unsigned r = 1; r <= l->routers; r++)
            if (addr_eq(link_router_addr(l, r, a.family), a)) {
                *link = (int)k;
                *i = r;
                return 1;
            }
    }
    return 0;
}

int link_router_on_iface(const struct network *net, int link, unsigned *router,
                         struct addr *a)
{
    const struct link *l = &net->links[link];
    for (int f = 0; f < 2; f++)
        for (unsigned r = 1; r <= l->routers; r++) {
            struct addr ra = link_router_addr(l, r, f ? FAMILY_V6 : FAMILY_V4);
            if (ra.family == FAMILY_NONE)
                break; /* no pool of this family */
            int ifc = network_iface_by_addr(net, ra);
            if (ifc >= 0) {
                *router = r;
                *a = ra;
                return ifc;
            }
        }
    return -1;
}

void link_free_segment(struct link *l)
{
    struct segment *s = l->segment;
    if (!s)
        return;
    for (int f = 0; f < 2; f++) {
        for (unsigned r = 0; s->router_ptr[f] && r < l->routers; r++)
            free(s->router_ptr[f][r]);
        free(s->router_ptr[f]);
    }
    free(s);
    l->segment = NULL;
}

struct addr nat_destination(const struct network *net, int device, int ingress, struct addr dst)
{
    const struct device *d = &net->devices[device];
    if (d->nat_outside < 0 || ingress != d->nat_outside || dst.family == FAMILY_NONE)
        return dst;
    struct addr inside = device_extra(d)->nat_forward[dst.family == FAMILY_V6];
    if (inside.family == FAMILY_NONE || !iface_has_addr(&net->ifaces[ingress], dst))
        return dst;
    return inside;
}

struct addr nat_source(const struct network *net, int device, int egress, struct addr src)
{
    const struct device *d = &net->devices[device];
    if (d->nat_outside < 0 || egress != d->nat_outside)
        return src;
    const struct device_extra *x = device_extra(d);
    for (size_t i = 0; i < x->nnat_inside; i++)
        if (prefix_contains(x->nat_inside[i], src)) {
            const struct iface_addr *ia = iface_addr_of(net, egress, src.family);
            return ia ? ia->addr : src;
        }
    return src;
}
