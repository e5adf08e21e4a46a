/* probe.c - see probe.h. */
#include "data/probe.h"

#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "base/rng.h"
#include "base/util.h"
#include "data/reply.h"

/* Element ids for the generator: each link and device draws from its own
 * streams, so one element's draws never shift another's. */
#define ELEMENT_LINK_LATENCY 0x100000000ull
#define ELEMENT_LINK_LOSS 0x200000000ull
#define ELEMENT_REPLY_DELAY 0x300000000ull
#define ELEMENT_REPLY_LOSS 0x400000000ull
#define ELEMENT_FLOW_SETUP 0x500000000ull
#define ELEMENT_NEIGHBOR_RESOLVE 0x700000000ull
/* Draw numbers within a probe: out steps, then back steps. */
#define DRAWS_PER_PROBE 2048u
#define BACK_OFFSET 1024u
#define IP_ICMP_HEADERS 28u

struct flow_entry {
    int device;
    struct addr src, dst;
};

/* A device's replies under reply_limit: a token bucket in simulated time,
 * full at the start of the run (filled when the device first answers). */
struct reply_bucket {
    double tokens;
    double at_ms; /* when tokens was last brought up to date */
    int started;  /* 0: untouched this run, full */
};

struct path_cache_entry {
    int from_device;
    struct addr src, dst;
    struct fwd_path path;
};

void engine_init(struct engine *e, struct network *net, int src_device, struct addr src_addr,
                 uint64_t seed)
{
    memset(e, 0, sizeof *e);
    e->net = net;
    e->src_device = src_device;
    e->src_addr = src_addr;
    e->seed = seed;
    routing_init(net, &e->routing);
    engine_reseed(e, seed);
}

/* dist_reset_run without the call for the many absent distributions: the
 * pass goes over every link and device of the network. */
static inline void reset_run(struct dist *d)
{
    if (d)
        dist_reset_run(d);
}

void engine_reseed(struct engine *e, uint64_t seed)
{
    const struct network *net = e->net;
    e->seed = seed;
    e->probes_sent = 0;
    e->nflows = 0;
    neighbor_cache_start(&e->neighbors, net);
    e->now_ms = 0;
    reverse_log_start(&e->reverses, net->ndevices);
    free(e->buckets); /* made when a device with a reply_limit first answers */
    e->buckets = NULL;
    for (size_t i = 0; i < net->nlinks; i++)
        reset_run(net->links[i].latency);
    for (size_t i = 0; i < net->ndevices; i++) {
        const struct device *d = &net->devices[i];
        reset_run(d->reply_delay);
        reset_run(d->flow_setup);
        reset_run(d->neighbor_resolve);
    }
}

void engine_free(struct engine *e)
{
    for (size_t i = 0; i < e->ncache; i++) {
        fwd_path_free(&e->cache[i]->path);
        free(e->cache[i]);
    }
    free(e->cache);
    free(e->flows);
    neighbor_cache_free(&e->neighbors);
    reverse_log_free(&e->reverses);
    free(e->buckets);
    fwd_path_free(&e->routed);
    fwd_path_free(&e->nat_back);
    routing_free(&e->routing);
    memset(e, 0, sizeof *e);
}

const struct fwd_path *engine_path(struct engine *e, struct addr src, int from_device,
                                   struct addr dst)
{
    for (size_t i = 0; i < e->ncache; i++) {
        struct path_cache_entry *c = e->cache[i];
        if (c->from_device == from_device && addr_eq(c->src, src) && addr_eq(c->dst, dst))
            return &c->path;
    }
    /* Entries are allocated one by one so returned pointers stay valid. */
    e->cache = grow(e->cache, e->ncache, &e->cap_cache, sizeof *e->cache);
    struct path_cache_entry *c = emalloc(sizeof *c);
    e->cache[e->ncache++] = c;
    c->from_device = from_device;
    c->src = src;
    c->dst = dst;
    forward_path(e->net, &e->routing, from_device, src, dst, &c->path);
    return &c->path;
}

/* Appends SEG to OUT, leaving out SEG's first step (OUT's last device). */
static void append_segment(struct fwd_path *out, const struct fwd_path *seg)
{
    size_t add = seg->n - 1;
    out->steps = erealloc(out->steps, (out->n + add) * sizeof *out->steps);
    memcpy(out->steps + out->n, seg->steps + 1, add * sizeof *seg->steps);
    out->n += add;
    out->end = seg->end;
}

/* A loose source route: to each address of VIA in turn, then to DST.  The
 * packet's destination is the next address of the route, so each leg is
 * its own flow for the ECMP hash. */
static const struct fwd_path *routed_path(struct engine *e, const struct probe_spec *spec)
{
    if (e->routed.n && addr_eq(e->routed_dst, spec->dst))
        return &e->routed; /* one route per run: the front end sets it once */
    fwd_path_free(&e->routed);
    e->routed_dst = spec->dst;
    e->routed.steps = emalloc(sizeof *e->routed.steps);
    e->routed.steps[0] = (struct path_step){e->src_device, -1, -1, e->src_addr};
    e->routed.n = 1;
    e->routed.end = PATH_DELIVERED;
    for (size_t i = 0; i <= spec->nvia && e->routed.end == PATH_DELIVERED; i++) {
        struct addr leg_dst = i < spec->nvia ? spec->via[i] : spec->dst;
        int from = e->routed.steps[e->routed.n - 1].device;
        const struct fwd_path *leg = engine_path(e, e->src_addr, from, leg_dst);
        if (spec->strict_route && leg->n > 2) {
            /* strict: the first router of the leg cannot follow the route */
            append_segment(&e->routed, &(struct fwd_path){leg->steps, 2, PATH_BAD_ROUTE});
            break;
        }
        append_segment(&e->routed, leg);
    }
    return &e->routed;
}

void engine_prepare(struct engine *e, const struct probe_spec *spec)
{
    struct routing *rt = &e->routing;
    routing_prepare(rt, e->src_addr);
    routing_prepare(rt, spec->dst);
    for (size_t i = 0; i < spec->nvia; i++)
        routing_prepare(rt, spec->via[i]);
    for (size_t i = 0; i < e->net->ndevices; i++) /* where destination NAT sends packets */
        for (int f = 0; e->net->devices[i].extra && f < 2; f++)
            if (e->net->devices[i].extra->nat_forward[f].family != FAMILY_NONE)
                routing_prepare(rt, e->net->devices[i].extra->nat_forward[f]);
    if (spec->nvia)
        return; /* a source route's legs are computed as the run goes */
    const struct fwd_path *out = engine_path(e, e->src_addr, e->src_device, spec->dst);
    int ttl = spec->ttl;
    enum addr_family f = spec->dst.family;
    for (size_t k = 1; k < out->n && ttl > 0; k++) { /* the addresses hops answer from */
        const struct path_step *st = &out->steps[k];
        if (!addr_eq(st->src, out->steps[k - 1].src))
            routing_prepare(rt, st->src); /* a NAT's outside address: replies go there */
        ttl -= (int)link_ttl_hops(&e->net->links[st->in_link]);
        if (device_decrements(&e->net->devices[st->device], st->in_link))
            ttl--; /* beyond the TTL only the destination answers */
        const struct iface_addr *ia = iface_addr_of(e->net, st->in_iface, f);
        struct addr chosen = reply_chosen_addr(e, out, k, f);
        if (chosen.family != FAMILY_NONE)
            routing_prepare(rt, chosen);
        else if (ia)
            routing_prepare(rt, ia->addr);
    }
}

static double unit_draw(const struct engine *e, uint64_t element, uint64_t draw)
{
    struct rng_stream s = rng_stream_open(e->seed, rng_hash3(element, draw, 0x6c6f7373));
    return rng_next_unit(&s);
}

/* Is this the first packet between SRC and DST through DEVICE in this
 * run?  Remembers the flow either way (a flow table, as in Azure's hosts,
 * where the first packet of a flow takes the slow path).  A flow is known
 * in both directions, the reply belonging to the flow its request opened,
 * unless the device keeps a table per direction (flow_table = one-way). */
static int new_flow(struct engine *e, int device, struct addr src, struct addr dst)
{
    int two_way = !e->net->devices[device].flow_one_way;
    for (size_t i = 0; i < e->nflows; i++) {
        const struct flow_entry *f = &e->flows[i];
        if (f->device == device && ((addr_eq(f->src, src) && addr_eq(f->dst, dst)) ||
                                    (two_way && addr_eq(f->src, dst) && addr_eq(f->dst, src))))
            return 0;
    }
    e->flows = grow(e->flows, e->nflows, &e->cap_flows, sizeof *e->flows);
    e->flows[e->nflows++] = (struct flow_entry){device, src, dst};
    return 1;
}

/* The time SENDER spends resolving the neighbour across LINK before it
 * can send: its neighbor_resolve the first time, nothing once cached.  A
 * sender without one resolves at once, but is cached all the same when the
 * neighbour keeps a cache that matters (it learns the sender). */
static double resolve_time(struct engine *e, int sender, int link, enum addr_family family,
                           uint64_t draw)
{
    const struct network *net = e->net;
    struct dist *resolve = net->devices[sender].neighbor_resolve;
    const struct link *l = &net->links[link];
    if (!resolve && !net->devices[net->ifaces[l->end[0]].device].neighbor_resolve &&
        !net->devices[net->ifaces[l->end[1]].device].neighbor_resolve)
        return 0; /* nobody on the link takes time to resolve */
    if (!neighbor_resolve_needed(&e->neighbors, net, sender, link, family) || !resolve)
        return 0;
    return dist_sample(resolve, e->seed, ELEMENT_NEIGHBOR_RESOLVE + (uint64_t)sender, draw);
}

/* Walks the links of PATH (packets SRC->DST) from step 1 to step LAST,
 * adding neighbour resolution, link latency and first-packet flow setup to
 * *MS.  Returns -1, or the link that lost the packet. */
static int travel(struct engine *e, const struct fwd_path *path, size_t last, struct addr src,
                  struct addr dst, uint64_t draw_base, double *ms)
{
    for (size_t j = 1; j <= last; j++) {
        int l = path->steps[j].in_link, dev = path->steps[j].device;
        const struct link *lk = &e->net->links[l];
        const struct dist *setup = e->net->devices[dev].flow_setup;
        uint64_t draw = draw_base + j;
        *ms += resolve_time(e, path->steps[j - 1].device, l, dst.family, draw);
        if (!e->certain && lk->loss > 0 &&
            unit_draw(e, ELEMENT_LINK_LOSS + (uint64_t)l, draw) < lk->loss)
            return l;
        *ms += dist_sample(lk->latency, e->seed, ELEMENT_LINK_LATENCY + (uint64_t)l, draw);
        if (setup && new_flow(e, dev, src, dst))
            *ms += dist_sample(e->net->devices[dev].flow_setup, e->seed,
                               ELEMENT_FLOW_SETUP + (uint64_t)dev, draw);
    }
    return -1;
}

/* Where a probe stops: the step index of the device that answers (or drops
 * it), and with what. */
struct stop {
    size_t step;
    enum probe_status status;
    int answers; /* 0: dropped silently */
};

static struct stop unreachable_stop(const struct network *net, const struct fwd_path *p)
{
    size_t k = p->n - 1;
    const struct device *d = &net->devices[p->steps[k].device];
    struct stop s = {k, PROBE_TIMEOUT, 0};
    if (p->end == PATH_NO_ROUTE && k == 0)
        return (struct stop){0, PROBE_TRANSMIT_FAILED, 0};
    if (p->end == PATH_BAD_ROUTE)
        return (struct stop){k, PROBE_BAD_ROUTE, 1};
    if (p->end == PATH_NO_HOST) /* ARP or neighbour discovery found nobody */
        return d->neighbor_miss == MISS_DROP ? s : (struct stop){k, PROBE_HOST_UNREACH, 1};
    if (p->end != PATH_NO_ROUTE || d->no_route == NOROUTE_DROP)
        return s;
    s.answers = 1;
    s.status = d->no_route == NOROUTE_NET_UNREACH ? PROBE_NET_UNREACH : PROBE_HOST_UNREACH;
    return s;
}

/* *MET > 0: the TTL ran out at the MET-th router of the transit segment on
 * the link into the stop's step, counted as the probe met them. */
static struct stop find_stop(const struct network *net, const struct fwd_path *p,
                             const struct probe_spec *spec, unsigned *met)
{
    *met = 0;
    int ttl = spec->ttl;
    unsigned bytes = spec->size + IP_ICMP_HEADERS;
    if (p->end == PATH_DELIVERED && p->n == 1)
        return (struct stop){0, PROBE_ECHO_REPLY, 1};
    for (size_t k = 1; k < p->n; k++) {
        const struct path_step *st = &p->steps[k];
        if (spec->dont_fragment && bytes > net->links[st->in_link].mtu)
            return k == 1 ? (struct stop){0, PROBE_FRAG_LOCAL, 0}
                          : (struct stop){k - 1, PROBE_FRAG_NEEDED, 1};
        int segment = (int)link_ttl_hops(&net->links[st->in_link]);
        if (segment && ttl <= segment) {
            *met = (unsigned)ttl;
            return (struct stop){k, PROBE_TTL_EXPIRED, 1};
        }
        ttl -= segment;
        if (k == p->n - 1 && p->end == PATH_DELIVERED)
            return (struct stop){k, PROBE_ECHO_REPLY, 1};
        if (device_decrements(&net->devices[st->device], st->in_link) && --ttl <= 0)
            return (struct stop){k, PROBE_TTL_EXPIRED, 1};
    }
    return unreachable_stop(net, p);
}

/* The address a reply comes from: the source's own for its own errors and
 * echoes; else the one the device's reply_from chooses; else the
 * destination itself for an echo reply, and for an error the address of the
 * probe's family on the interface the probe came in on. */
static struct addr reply_source(struct engine *e, const struct fwd_path *p,
                                const struct stop *s, struct addr dst)
{
    int echo = s->status == PROBE_ECHO_REPLY;
    if (s->step == 0)
        return echo ? dst : e->src_addr;
    struct addr chosen = reply_chosen_addr(e, p, s->step, dst.family);
    if (chosen.family != FAMILY_NONE)
        return chosen; /* reply_from: another address than the ingress one */
    if (echo)
        return dst;
    int ifc = p->steps[s->step].in_iface;
    const struct iface_addr *ia = ifc >= 0 ? iface_addr_of(e->net, ifc, dst.family) : NULL;
    return ia ? ia->addr : device_primary_addr(e->net, p->steps[s->step].device, dst.family);
}

/* TTL left in a reply after the routers on its way back. */
static int reply_ttl_left(const struct network *net, const struct fwd_path *back, int initial)
{
    int ttl = initial - (int)path_segment_hops(net, back, 1);
    for (size_t j = 1; j + 1 < back->n; j++)
        if (device_decrements(&net->devices[back->steps[j].device], back->steps[j].in_link))
            ttl--;
    return ttl;
}

/* Does the device's rate limit let one more reply out now? */
static int bucket_allows(struct engine *e, int device)
{
    const struct device *d = &e->net->devices[device];
    if (!d->reply_limit_ms || e->certain)
        return 1;
    if (!e->buckets) /* zeroed: every bucket untouched, full */
        e->buckets = ecalloc(e->net->ndevices + 1, sizeof *e->buckets);
    struct reply_bucket *b = &e->buckets[device];
    if (!b->started)
        *b = (struct reply_bucket){.tokens = d->reply_limit, .at_ms = 0, .started = 1};
    b->tokens += (e->now_ms - b->at_ms) * d->reply_limit / d->reply_limit_ms;
    if (b->tokens > d->reply_limit)
        b->tokens = d->reply_limit;
    b->at_ms = e->now_ms;
    if (b->tokens < 1)
        return 0;
    b->tokens -= 1;
    return 1;
}

void engine_elapse(struct engine *e, double ms, int realtime)
{
    if (ms <= 0)
        return;
    e->now_ms += ms;
    if (realtime)
        pace_ms(ms);
}

/* Records why the probe in R was lost and where; returns 0 for the
 * callers' "lost". */
static int lose(struct probe_result *r, enum probe_loss why, const struct device *where,
                const struct link *link)
{
    r->loss = why;
    r->loss_device = where;
    r->loss_link = link;
    return 0;
}

/* The device a path that did not arrive ends at. */
static const struct device *path_last(const struct network *net, const struct fwd_path *p)
{
    return &net->devices[p->steps[p->n - 1].device];
}

/* The device of OUT whose destination NAT last translated DST, or -1. */
static int dnat_device(const struct network *net, const struct fwd_path *out, struct addr dst)
{
    int nat = -1;
    for (size_t k = 1; k < out->n; k++) {
        struct addr to = nat_destination(net, out->steps[k].device, out->steps[k].in_iface, dst);
        if (!addr_eq(to, dst))
            nat = out->steps[k].device;
        dst = to;
    }
    return nat;
}

/* Does BACK pass device NAT out of its outside interface?  Only there does
 * the state of a destination NAT give the inside host's reply the outside
 * address back; a reply that bypasses it keeps the inside address, which
 * the source does not take for the answer to its echo. */
static int leaves_outside(const struct network *net, const struct fwd_path *back, int nat)
{
    for (size_t j = 0; j + 1 < back->n; j++)
        if (back->steps[j].device == nat &&
            link_local_end(net, back->steps[j + 1].in_link, nat) == net->devices[nat].nat_outside)
            return 1;
    return 0;
}

/* The reply's way back from the device at step STEP of OUT; fills R and
 * returns 0 if it is lost. */
static int reply_returns(struct engine *e, const struct fwd_path *out, size_t step,
                         struct addr dst, uint64_t draw, struct probe_result *r)
{
    const struct network *net = e->net;
    int responder = out->steps[step].device;
    const struct device *d = &net->devices[responder];
    r->loss_on_reply = 1;
    if (!d->answers)
        return lose(r, LOSS_SILENT, d, NULL);
    if (!e->certain && d->reply_loss > 0 &&
        unit_draw(e, ELEMENT_REPLY_LOSS + (uint64_t)responder, draw) < d->reply_loss)
        return lose(r, LOSS_REPLY_LOSS, d, NULL);
    if (!bucket_allows(e, responder))
        return lose(r, LOSS_RATE_LIMIT, d, NULL);
    /* The source's network must know the way to the reply's address. */
    const struct fwd_path *to = engine_path(e, e->src_addr, e->src_device, r->from);
    if (to->end != PATH_DELIVERED)
        return lose(r, LOSS_NO_ROUTE_BACK, path_last(net, to), NULL);
    const struct fwd_path *back = reply_path(e, out, step, responder, r->from);
    if (back->end != PATH_DELIVERED)
        return lose(r, LOSS_NO_ROUTE_TO_SOURCE, path_last(net, back), NULL);
    int nat = step == out->n - 1 ? dnat_device(net, out, dst) : -1;
    if (nat >= 0 && !leaves_outside(net, back, nat))
        return lose(r, LOSS_NO_ROUTE_TO_SOURCE, &net->devices[nat], NULL);
    r->reply_ttl = reply_ttl_left(net, back, d->initial_ttl);
    if (r->reply_ttl <= 0)
        return lose(r, LOSS_REPLY_TTL, d, NULL);
    if (back->n == 1)
        return 1; /* the source answers itself: no link, no delay (time<1ms) */
    r->rtt_ms += dist_sample(d->reply_delay, e->seed, ELEMENT_REPLY_DELAY + (uint64_t)responder,
                             draw);
    int l = travel(e, back, back->n - 1, r->from, e->src_addr, draw + BACK_OFFSET, &r->rtt_ms);
    return l < 0 ? 1 : lose(r, LOSS_LINK, NULL, &net->links[l]);
}

/* The interface DEVICE sends on when it forwards over LINK. */
static struct addr egress_addr(const struct network *net, int device, int link)
{
    const struct iface_addr *ia = iface_addr_of(net, link_local_end(net, link, device),
                                                FAMILY_V4);
    return ia ? ia->addr : device_primary_addr(net, device, FAMILY_V4);
}

/* Adds the visible routers of the transit segment on LINK, crossed from
 * the device FROM, in the order it meets them. */
static void record_segment(const struct network *net, int link, int from, unsigned max,
                           double at_ms, struct probe_result *r)
{
    const struct link *l = &net->links[link];
    int from_a = net->ifaces[l->end[0]].device == from;
    if (!l->routers || l->routers_ttl != ROUTERS_TTL_EACH)
        return; /* hidden routers do not see the IP header */
    for (unsigned m = 1; m <= l->routers && r->nrecorded < max; m++) {
        struct addr a = link_router_addr(l, from_a ? m : l->routers + 1 - m, FAMILY_V4);
        if (a.family == FAMILY_NONE)
            return;
        r->recorded_at[r->nrecorded] = at_ms;
        r->recorded_by[r->nrecorded] = NULL;
        r->recorded[r->nrecorded++] = a;
    }
}

/* Adds the routers of PATH that forward it (those that decrement the TTL
 * and so process IP options) to the record, from step FIRST on. */
static void record_hops(const struct network *net, const struct fwd_path *p, size_t first,
                        unsigned max, double at_ms, struct probe_result *r)
{
    for (size_t k = first; k + 1 < p->n && r->nrecorded < max; k++) {
        const struct path_step *st = &p->steps[k];
        if (k == 0 || device_decrements(&net->devices[st->device], st->in_link)) {
            r->recorded_at[r->nrecorded] = at_ms;
            r->recorded_by[r->nrecorded] = &net->devices[st->device];
            r->recorded[r->nrecorded++] = egress_addr(net, st->device, p->steps[k + 1].in_link);
        }
        record_segment(net, p->steps[k + 1].in_link, st->device, max, at_ms, r);
    }
}

/* The destination address of a packet for DST as it arrives at the end of
 * OUT: DST, or the inside address a destination NAT on the way gave it. */
static struct addr arrival_dst(const struct network *net, const struct fwd_path *out,
                               struct addr dst)
{
    for (size_t k = 1; k < out->n; k++)
        dst = nat_destination(net, out->steps[k].device, out->steps[k].in_iface, dst);
    return dst;
}

/* -r/-s: the way out (routers), the destination (with record_on_arrival
 * once as the request arrives, then as it sends the reply), the way back
 * (routers); times are spread over the round trip. */
static void record_route(struct engine *e, const struct fwd_path *out,
                         const struct probe_spec *spec, struct probe_result *r)
{
    unsigned max = spec->record < PROBE_MAX_RECORD ? spec->record : PROBE_MAX_RECORD;
    const struct fwd_path *back =
        reply_path(e, out, out->n - 1, out->steps[out->n - 1].device, r->from);
    if (out->n > 1) /* the source records nothing, a segment on its link does */
        record_segment(e->net, out->steps[1].in_link, e->src_device, max, r->rtt_ms / 4, r);
    record_hops(e->net, out, 1, max, r->rtt_ms / 4, r);
    const struct device *dst = &e->net->devices[out->steps[out->n - 1].device];
    if (dst->record_on_arrival && r->nrecorded < max) {
        r->recorded_at[r->nrecorded] = r->rtt_ms / 2;
        r->recorded_by[r->nrecorded] = dst;
        r->recorded[r->nrecorded++] = arrival_dst(e->net, out, spec->dst);
    }
    record_hops(e->net, back, 0, max, r->rtt_ms / 2, r);
}

/* A router of the transit segment on the link into step S.step of OUT
 * answers time exceeded: it is the S.met-th the probe met, halfway along
 * the segment's latency in proportion (the one hop of a hidden segment, at
 * its far end, takes all of it).  Its address comes from the pool; it
 * always answers, at once, with TTL 255, and its reply goes back over the
 * rest of the segment and from the device the probe entered it from. */
static int segment_answers(struct engine *e, const struct fwd_path *out, const struct stop *s,
                           unsigned met, enum addr_family f, uint64_t draw,
                           struct probe_result *r)
{
    const struct network *net = e->net;
    int link = out->steps[s->step].in_link, entry = out->steps[s->step - 1].device;
    const struct link *lk = &net->links[link];
    int one = lk->routers_ttl == ROUTERS_TTL_ONE;
    met = one ? lk->routers : met;
    unsigned pos = net->ifaces[lk->end[0]].device == entry ? met : lk->routers + 1 - met;
    double share = one ? 1.0 : (double)met / (lk->routers + 1);
    r->responder = &net->devices[entry];
    r->segment = lk;
    r->segment_router = pos;
    r->from = link_router_addr(lk, pos, f);
    if (r->from.family == FAMILY_NONE)
        return lose(r, LOSS_SILENT, r->responder, NULL);
    if (!e->certain && lk->loss > 0 &&
        unit_draw(e, ELEMENT_LINK_LOSS + (uint64_t)link, draw + s->step) < lk->loss)
        return lose(r, LOSS_LINK, NULL, lk);
    r->rtt_ms += share * dist_sample(lk->latency, e->seed, ELEMENT_LINK_LATENCY + (uint64_t)link,
                                     draw + s->step);
    r->loss_on_reply = 1;
    const struct fwd_path *back = reply_path(e, out, s->step, entry, r->from);
    if (back->end != PATH_DELIVERED)
        return lose(r, LOSS_NO_ROUTE_TO_SOURCE, path_last(net, back), NULL);
    r->reply_ttl = 255 - (int)(one ? 0 : met - 1) - (int)path_segment_hops(net, back, 1);
    for (size_t j = 0; j + 1 < back->n; j++) /* the entry device forwards it too */
        if (device_decrements(&net->devices[back->steps[j].device],
                              j ? back->steps[j].in_link : link))
            r->reply_ttl--;
    if (r->reply_ttl <= 0)
        return lose(r, LOSS_REPLY_TTL, r->responder, NULL);
    r->rtt_ms += share * dist_sample(lk->latency, e->seed, ELEMENT_LINK_LATENCY + (uint64_t)link,
                                     draw + BACK_OFFSET);
    int l = travel(e, back, back->n - 1, r->from, e->src_addr, draw + BACK_OFFSET, &r->rtt_ms);
    return l < 0 ? 1 : lose(r, LOSS_LINK, NULL, &net->links[l]);
}

/* Destinations the stack refuses before sending: the loopback network's own
 * address and the unspecified IPv6 address (Windows: "General failure.").
 * The unspecified IPv4 address fails to transmit instead. */
static enum probe_status refused_destination(struct addr dst)
{
    if (dst.family == FAMILY_V4 && addr_is_unspecified(dst))
        return PROBE_TRANSMIT_FAILED;
    if (addr_is_unspecified(dst) || (dst.family == FAMILY_V4 && addr_is_loopback(dst) &&
                                     addr_v4_value(dst) == 0x7f000000u))
        return PROBE_GENERAL_FAILURE;
    return PROBE_TIMEOUT;
}

/* Why a way that ends without an answer loses the probe. */
static enum probe_loss silent_end(enum path_end end)
{
    switch (end) {
    case PATH_NO_HOST: return LOSS_NEIGHBOR_MISS;
    case PATH_BROADCAST: return LOSS_BROADCAST;
    case PATH_NOT_FORWARDING: return LOSS_NOT_FORWARDING;
    case PATH_TOO_LONG: return LOSS_LOOP;
    default: return LOSS_NO_ROUTE_OUT;
    }
}

/* A lost probe as the Windows views see it (no answer: only the status
 * counts), keeping the ground truth of R: who, from where, why. */
static struct probe_result lost(const struct probe_result *r)
{
    return (struct probe_result){.status = PROBE_TIMEOUT, .from = r->from,
                                 .responder = r->responder, .loss = r->loss,
                                 .loss_device = r->loss_device, .loss_link = r->loss_link,
                                 .loss_on_reply = r->loss_on_reply};
}

/* Does the probe stop at an on-link address nobody owns while the device
 * is still resolving it (neighbor_timeout)?  Then it is lost with the
 * incomplete entry.  `netmimic explain` shows the steady state, where the
 * miss is known. */
static int waits_on_neighbor(struct engine *e, const struct fwd_path *out, const struct stop *s,
                             struct addr dst)
{
    if (out->end != PATH_NO_HOST || s->step != out->n - 1 || e->certain)
        return 0;
    return !neighbor_miss_known(&e->neighbors, e->net, out->steps[s->step].device, dst,
                                e->now_ms);
}

struct probe_result engine_probe(struct engine *e, const struct probe_spec *spec)
{
    uint64_t draw = e->probes_sent++ * DRAWS_PER_PROBE;
    enum probe_status refused = refused_destination(spec->dst);
    if (refused != PROBE_TIMEOUT)
        return (struct probe_result){.status = refused};
    const struct fwd_path *out = spec->nvia ? routed_path(e, spec)
                                            : engine_path(e, e->src_addr, e->src_device, spec->dst);
    unsigned met;
    struct stop s = find_stop(e->net, out, spec, &met);
    if (waits_on_neighbor(e, out, &s, spec->dst))
        s = (struct stop){s.step, PROBE_TIMEOUT, 0};
    struct probe_result r = {.status = s.status};
    if (s.status == PROBE_TRANSMIT_FAILED) /* the source has no route */
        lose(&r, LOSS_NO_ROUTE_OUT, path_last(e->net, out), NULL);
    if (s.status == PROBE_FRAG_LOCAL || s.status == PROBE_TRANSMIT_FAILED)
        return r;
    if (!s.answers) {
        lose(&r, silent_end(out->end), path_last(e->net, out), NULL);
        return lost(&r);
    }
    r.responder = &e->net->devices[out->steps[s.step].device];
    int l = travel(e, out, met ? s.step - 1 : s.step, e->src_addr, spec->dst, draw, &r.rtt_ms);
    if (l >= 0) {
        lose(&r, LOSS_LINK, NULL, &e->net->links[l]);
        return lost(&r);
    }
    if (met) {
        if (!segment_answers(e, out, &s, met, spec->dst.family, draw, &r))
            return lost(&r);
    } else {
        r.from = reply_source(e, out, &s, spec->dst);
        r.from_source = s.step == 0;
        if (!reply_returns(e, out, s.step, spec->dst, draw, &r))
            return lost(&r);
    }
    if (r.rtt_ms > spec->timeout_ms) {
        lose(&r, LOSS_TOO_LATE, NULL, NULL);
        return lost(&r);
    }
    r.loss_on_reply = 0;
    if (spec->record && r.status == PROBE_ECHO_REPLY)
        record_route(e, out, spec, &r);
    return r;
}
