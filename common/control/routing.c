/* routing.c - see routing.h: connected and static routes, built per device
 * when first needed, the index of the prefixes route exchange may carry,
 * and lookups, which compute a prefix's exchanged routes (exchange.c) the
 * first time they need them.  Nothing here allocates per device or per
 * prefix: tables come from a pool, the prefixes' devices from one list. */
#include "control/routing.h"

#include <stdlib.h>
#include <string.h>

#include "base/rng.h"
#include "base/util.h"
#include "control/exchange.h"

/* ---- connected and static routes ----------------------------------------- */

/* F has room for every route its device can have (build_fib). */
static struct route *fib_add(struct fib *f)
{
    struct route *r = &f->routes[f->n++];
    memset(r, 0, sizeof *r);
    r->iface = -1;
    return r;
}

const struct route *fib_exact(const struct fib *f, struct prefix p, enum route_source src)
{
    for (size_t i = 0; i < f->n; i++)
        if (f->routes[i].source == src && prefix_eq(f->routes[i].dest, p))
            return &f->routes[i];
    return NULL;
}

void route_add_nexthop(struct route *r, int link)
{
    for (size_t i = 0; i < r->nnexthops; i++)
        if (r->nexthop_links[i] == link)
            return;
    if (r->nnexthops < ROUTE_MAX_NEXTHOPS)
        r->nexthop_links[r->nnexthops++] = link;
}

/* An interface is up while it has no links (a loopback) or any link is up. */
static int iface_up(const struct network *net, const struct iface *ifc)
{
    if (ifc->nlinks == 0)
        return 1;
    for (size_t i = 0; i < ifc->nlinks; i++)
        if (net->links[ifc->links[i]].up)
            return 1;
    return 0;
}

static void add_connected(const struct network *net, int dev, struct fib *f)
{
    const struct device *d = &net->devices[dev];
    for (size_t i = 0; i < d->nifaces; i++) {
        const struct iface *ifc = &net->ifaces[d->ifaces[i]];
        if (!iface_up(net, ifc))
            continue;
        for (size_t k = 0; k < ifc->naddrs; k++) {
            if (fib_exact(f, ifc->addrs[k].net, ROUTE_CONNECTED))
                continue;
            struct route *r = fib_add(f);
            r->dest = ifc->addrs[k].net;
            r->iface = d->ifaces[i];
        }
    }
}

static void add_static(const struct network *net, int dev, struct fib *f)
{
    const struct device *d = &net->devices[dev];
    for (size_t i = 0; i < d->nstatics; i++) {
        int l = device_link_to(net, dev, d->statics[i].via, 1);
        if (l < 0)
            continue; /* next hop unreachable: the route is withdrawn */
        struct route *r = (struct route *)fib_exact(f, d->statics[i].dest, ROUTE_STATIC);
        if (!r) {
            r = fib_add(f);
            r->dest = d->statics[i].dest;
            r->source = ROUTE_STATIC;
        }
        route_add_nexthop(r, l);
    }
}

/* The routes of device DEV: one connected route a prefix of an interface
 * that is up, one static route a destination.  Room for the most it can
 * have comes from the pool at once. */
static void build_fib(const struct network *net, struct pool *pool, int dev, struct fib *f)
{
    const struct device *d = &net->devices[dev];
    size_t most = d->nstatics;
    for (size_t i = 0; i < d->nifaces; i++)
        most += net->ifaces[d->ifaces[i]].naddrs;
    f->routes = most ? pool_alloc(pool, most * sizeof *f->routes) : NULL;
    f->n = 0;
    f->cap = most;
    add_connected(net, dev, f);
    add_static(net, dev, f);
    f->built = 1;
}

const struct fib *routing_fib(struct routing *rt, int device)
{
    struct fib *f = &rt->fibs[device];
    if (!f->built)
        build_fib(rt->net, &rt->pool, device, f);
    return f;
}

/* ---- the index of exchanged prefixes -------------------------------------- */

static size_t prefix_hash(struct prefix p)
{
    uint64_t hi, lo;
    memcpy(&hi, p.addr.b, sizeof hi);
    memcpy(&lo, p.addr.b + sizeof hi, sizeof lo);
    uint64_t h = rng_mix64(hi ^ ((uint64_t)p.addr.family << 56 | (uint64_t)(uint32_t)p.len));
    return (size_t)rng_mix64(h ^ lo);
}

/* A slot of the index: the prefix's number, -1 for an empty slot, and
 * some bits of its hash, so that most probes that miss compare those and
 * never reach the prefix (a cache miss each, at 100,000 prefixes). */
struct prefix_slot {
    int prefix;
    uint32_t tag;
};

static uint32_t tag_of(size_t hash)
{
    return (uint32_t)(hash >> 32);
}

/* The slot of P (of hash H): its own, or the empty one where it would go. */
static size_t slot_of(const struct routing *rt, struct prefix p, size_t h)
{
    size_t mask = rt->nslots - 1, i = h & mask;
    uint32_t tag = tag_of(h);
    for (;; i = (i + 1) & mask) {
        const struct prefix_slot *s = &rt->prefix_slots[i];
        if (s->prefix < 0 || (s->tag == tag && prefix_eq(rt->prefixes[s->prefix].p, p)))
            return i;
    }
}

/* Rebuilds the hash index with room for at least MIN_SLOTS (a power of 2). */
static void resize_slots(struct routing *rt, size_t min_slots)
{
    free(rt->prefix_slots);
    rt->nslots = rt->nslots ? rt->nslots : 64;
    while (rt->nslots < min_slots)
        rt->nslots *= 2;
    rt->prefix_slots = emalloc(rt->nslots * sizeof *rt->prefix_slots);
    for (size_t i = 0; i < rt->nslots; i++)
        rt->prefix_slots[i] = (struct prefix_slot){-1, 0};
    for (size_t k = 0; k < rt->nprefixes; k++) {
        size_t h = prefix_hash(rt->prefixes[k].p);
        rt->prefix_slots[slot_of(rt, rt->prefixes[k].p, h)] = (struct prefix_slot){(int)k,
                                                                                   tag_of(h)};
    }
}

static int find_prefix(const struct routing *rt, struct prefix p)
{
    return rt->nslots ? rt->prefix_slots[slot_of(rt, p, prefix_hash(p))].prefix : -1;
}

static struct exchange_prefix *intern_prefix(struct routing *rt, struct prefix p)
{
    if (2 * (rt->nprefixes + 1) > rt->nslots)
        resize_slots(rt, rt->nslots * 2);
    size_t h = prefix_hash(p), slot = slot_of(rt, p, h);
    if (rt->prefix_slots[slot].prefix >= 0)
        return &rt->prefixes[rt->prefix_slots[slot].prefix];
    rt->prefixes = grow(rt->prefixes, rt->nprefixes, &rt->cap_prefixes, sizeof *rt->prefixes);
    struct exchange_prefix *x = &rt->prefixes[rt->nprefixes];
    memset(x, 0, sizeof *x);
    x->p = p;
    x->origins = x->last_origin = x->senders = x->last_sender = -1;
    rt->prefix_slots[slot] = (struct prefix_slot){(int)rt->nprefixes++, tag_of(h)};
    rt->lengths[p.addr.family == FAMILY_V6][p.len] = 1;
    return x;
}

/* Appends DEVICE to the list from *FIRST to *LAST in rt's members. */
static void add_device(struct routing *rt, int *first, int *last, int device)
{
    if (*last >= 0 && rt->members[*last].device == device)
        return; /* a device lists a prefix once */
    rt->members = grow(rt->members, rt->nmembers, &rt->cap_members, sizeof *rt->members);
    int m = (int)rt->nmembers++;
    rt->members[m] = (struct prefix_member){device, -1};
    if (*last >= 0)
        rt->members[*last].next = m;
    else
        *first = m;
    *last = m;
}

/* Room for the prefixes the devices originate, at once: growing the index
 * by doubling rehashed and copied it a dozen times at 100,000 devices. */
static void reserve_prefixes(struct routing *rt)
{
    const struct network *net = rt->net;
    size_t n = 0;
    for (size_t d = 0; d < net->ndevices; d++)
        n += net->devices[d].asn ? net->devices[d].nnetworks : 0;
    rt->cap_prefixes = rt->cap_members = n;
    rt->prefixes = emalloc(n * sizeof *rt->prefixes + 1);
    rt->members = emalloc(n * sizeof *rt->members + 1);
    resize_slots(rt, 2 * (n + 1));
}

/* Every prefix a device originates or sends as connected. */
static void index_prefixes(struct routing *rt)
{
    const struct network *net = rt->net;
    reserve_prefixes(rt);
    for (size_t d = 0; d < net->ndevices; d++) {
        const struct device *dev = &net->devices[d];
        for (size_t i = 0; dev->asn && i < dev->nnetworks; i++) {
            struct exchange_prefix *x = intern_prefix(rt, dev->networks[i]);
            add_device(rt, &x->origins, &x->last_origin, (int)d);
        }
    }
    for (size_t s = 0; s < net->nsessions; s++)
        for (int side = 0; side < 2; side++) {
            const struct session_end *end = &net->sessions[s].end[side];
            if (!end->export_connected)
                continue;
            const struct fib *f = routing_fib(rt, end->device);
            for (size_t i = 0; i < f->n; i++) {
                if (f->routes[i].source != ROUTE_CONNECTED)
                    continue;
                struct exchange_prefix *x = intern_prefix(rt, f->routes[i].dest);
                add_device(rt, &x->senders, &x->last_sender, end->device);
            }
        }
}

/* Each device's session ends, in session order (as the exchange offers
 * what it received). */
static void index_sessions(struct routing *rt)
{
    const struct network *net = rt->net;
    size_t *at = ecalloc(net->ndevices + 1, sizeof *at);
    for (size_t s = 0; s < net->nsessions; s++)
        for (int side = 0; side < 2; side++)
            at[net->sessions[s].end[side].device + 1]++;
    for (size_t d = 0; d < net->ndevices; d++)
        at[d + 1] += at[d];
    struct session_ref *refs = ecalloc(net->nsessions * 2 + 1, sizeof *refs);
    size_t *fill = ecalloc(net->ndevices, sizeof *fill);
    for (size_t s = 0; s < net->nsessions; s++)
        for (int side = 0; side < 2; side++) {
            int d = net->sessions[s].end[side].device;
            refs[at[d] + fill[d]++] = (struct session_ref){(int)s, side};
        }
    free(fill);
    rt->device_sessions = refs;
    rt->device_sessions_at = at;
}

void routing_init(const struct network *net, struct routing *rt)
{
    memset(rt, 0, sizeof *rt);
    rt->net = net;
    rt->ndevices = net->ndevices;
    rt->fibs = ecalloc_sparse(net->ndevices + 1, sizeof *rt->fibs); /* built as looked up */
    index_prefixes(rt);
    index_sessions(rt);
}

void routing_free(struct routing *rt)
{
    exchange_free(rt);
    for (size_t k = 0; k < rt->nprefixes; k++) {
        const struct exchange_result *res = rt->prefixes[k].result;
        if (res) {
            free(res->route_of);
            free(res->more_links);
        }
    }
    pool_free(&rt->pool); /* the tables and the learned routes */
    free(rt->members);
    free(rt->prefixes);
    free(rt->prefix_slots);
    free_sparse(rt->fibs, rt->ndevices + 1, sizeof *rt->fibs);
    free(rt->device_sessions);
    free(rt->device_sessions_at);
    memset(rt, 0, sizeof *rt);
}

/* ---- lookups -------------------------------------------------------------- */

static struct exchange_prefix *computed(struct routing *rt, int k)
{
    struct exchange_prefix *x = &rt->prefixes[k];
    if (!x->result) {
        exchange_compute(rt, x);
        if (x->result->rounds > rt->max_rounds)
            rt->max_rounds = x->result->rounds;
    }
    return x;
}

/* DEVICE's learned route for X, made from the exchange's result (from the
 * pool, so that it lasts as long as the tables) the first time. */
static const struct route *learned_of(struct routing *rt, struct exchange_prefix *xp,
                                     int device)
{
    const struct exchange_result *x = xp->result;
    if (!x->route_of[device])
        return NULL;
    struct learned_route *l = &x->learned[x->route_of[device] - 1];
    if (!l->made) {
        struct route *r = pool_alloc(&rt->pool, sizeof *r);
        *r = (struct route){.dest = xp->p, .source = ROUTE_LEARNED, .iface = -1,
                            .nnexthops = l->nlinks, .local_pref = l->local_pref,
                            .as_path_len = l->as_path_len};
        r->nexthop_links[0] = l->link;
        for (unsigned k = 1; k < l->nlinks; k++)
            r->nexthop_links[k] = x->more_links[l->more + (int)k - 1];
        l->made = r;
    }
    return l->made;
}

void routing_prepare(struct routing *rt, struct addr a)
{
    int fam = a.family == FAMILY_V6;
    for (int len = addr_bits(a.family); len >= 0; len--) {
        int k = rt->lengths[fam][len] ? find_prefix(rt, prefix_of(a, len)) : -1;
        if (k >= 0)
            computed(rt, k);
    }
}

void routing_prepare_all(struct routing *rt)
{
    for (size_t k = 0; k < rt->nprefixes; k++)
        computed(rt, (int)k);
}

const struct route *routing_learned(struct routing *rt, int device, struct prefix p)
{
    int k = find_prefix(rt, p);
    return k >= 0 ? learned_of(rt, computed(rt, k), device) : NULL;
}

static const struct route *fib_lookup(const struct fib *f, struct addr dst)
{
    const struct route *best = NULL;
    for (size_t i = 0; i < f->n; i++) {
        const struct route *r = &f->routes[i];
        if (!prefix_contains(r->dest, dst))
            continue;
        if (!best || r->dest.len > best->dest.len ||
            (r->dest.len == best->dest.len && r->source < best->source))
            best = r;
    }
    return best;
}

const struct route *routing_lookup(struct routing *rt, int device, struct addr dst)
{
    const struct route *best = fib_lookup(routing_fib(rt, device), dst);
    int fam = dst.family == FAMILY_V6;
    /* a learned route wins only by being longer: ties go to the others */
    for (int len = addr_bits(dst.family); len > (best ? best->dest.len : -1); len--) {
        int k = rt->lengths[fam][len] ? find_prefix(rt, prefix_of(dst, len)) : -1;
        const struct route *r = k >= 0 ? learned_of(rt, computed(rt, k), device) : NULL;
        if (r)
            return r;
    }
    return best;
}
