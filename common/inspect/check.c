/* check.c - `netmimic check`: lints a loaded profile by sending probes
 * between every pair of hosts, in every family both have: a host that
 * cannot reach another, a hop that answers from an address the source's
 * network cannot reach (its replies never arrive: "Request timed out."),
 * and a reply that takes another way back than the echo took.  The
 * reasons are the engine's loss reasons.  Then forwarding loops toward the
 * prefixes the profile names, and objects nothing uses. */
#include "inspect/inspect.h"

#include <stdlib.h>

#include "base/util.h"
#include "data/reply.h"
#include "model/resolve.h"

#define CHECK_MAX_HOPS 30

/* Reply addresses already reported for one source, so each is told once. */
struct seen {
    struct addr *addrs;
    size_t n, cap;
};

static int seen_before(struct seen *s, struct addr a)
{
    for (size_t i = 0; i < s->n; i++)
        if (addr_eq(s->addrs[i], a))
            return 1;
    s->addrs = grow(s->addrs, s->n, &s->cap, sizeof *s->addrs);
    s->addrs[s->n++] = a;
    return 0;
}

/* Hops toward DST whose replies have no way back; returns the findings. */
static unsigned long check_hops(FILE *fp, struct engine *e, int dst_dev, struct addr dst,
                                struct seen *seen)
{
    const struct network *net = e->net;
    char at[ADDR_TEXT_MAX], why[512];
    unsigned long found = 0;
    for (int ttl = 1; ttl <= CHECK_MAX_HOPS; ttl++) {
        struct probe_spec spec = {.dst = dst, .ttl = ttl, .size = 32, .timeout_ms = 4000};
        struct probe_result r = engine_probe(e, &spec);
        if (r.status == PROBE_TIMEOUT && !r.responder)
            break;
        if (r.loss == LOSS_NO_ROUTE_BACK && !seen_before(seen, r.from)) {
            fprintf(fp, "not routable back: %s -> %s hop %d %s (%s): %s\n",
                    net->devices[e->src_device].id, net->devices[dst_dev].id, ttl,
                    addr_format(r.from, at), r.responder->id,
                    explain_loss(net, &r, dst, why, sizeof why));
            found++;
        }
        if (r.status != PROBE_TIMEOUT && r.status != PROBE_TTL_EXPIRED)
            break;
    }
    return found;
}

static void print_devices(FILE *fp, const struct network *net, const struct fwd_path *p)
{
    for (size_t i = 0; i < p->n; i++)
        fprintf(fp, "%s%s", i ? " > " : "", net->devices[p->steps[i].device].id);
}

/* Does the reply take the echo's way in reverse?  Reports it if not. */
static unsigned long check_symmetric(FILE *fp, struct engine *e, int dst, struct addr to)
{
    const struct network *net = e->net;
    const struct fwd_path *out = engine_path(e, e->src_addr, e->src_device, to);
    const struct fwd_path *back = engine_echo_return(e, to, dst, to); /* through NAT too */
    int same = out->n == back->n;
    for (size_t i = 0; same && i < out->n; i++)
        same = out->steps[i].device == back->steps[back->n - 1 - i].device;
    if (same)
        return 0;
    fprintf(fp, "asymmetric: %s -> %s: out ", net->devices[e->src_device].id,
            net->devices[dst].id);
    print_devices(fp, net, out);
    fputs(", back ", fp);
    print_devices(fp, net, back);
    fputc('\n', fp);
    return 1;
}

/* Can SRC reach host DST over family F?  Reports it if not. */
static unsigned long check_pair(FILE *fp, struct network *net, int src, int dst,
                                enum addr_family f, struct seen *seen)
{
    struct addr to = device_primary_addr(net, dst, f);
    char at[ADDR_TEXT_MAX], why[512];
    unsigned long found = 0;
    if (to.family == FAMILY_NONE || !device_has_global(net, src, f))
        return 0;
    struct engine e;
    inspect_engine(&e, net, src, to);
    struct probe_spec spec = {.dst = to, .ttl = 128, .size = 32, .timeout_ms = 4000};
    struct probe_result r = engine_probe(&e, &spec);
    if (r.status != PROBE_ECHO_REPLY) {
        if (r.loss != LOSS_NONE)
            explain_loss(net, &r, to, why, sizeof why);
        else
            snprintf(why, sizeof why, "%s %s", r.responder ? r.responder->id : "the network",
                     explain_answer(r.status));
        fprintf(fp, "unreachable: %s -> %s %s: %s\n", net->devices[src].id, net->devices[dst].id,
                addr_format(to, at), why);
        found++;
    } else {
        found += check_symmetric(fp, &e, dst, to);
    }
    found += check_hops(fp, &e, dst, to, seen);
    engine_free(&e);
    return found;
}

/* The prefixes the profile names: connected, static destinations, the
 * networks devices originate, the sites' prefixes (default routes aside). */
static struct prefix *named_prefixes(const struct network *net, size_t *n)
{
    struct prefix *p = NULL;
    size_t cap = 0;
    *n = 0;
#define ADD(x)                                                       \
    do {                                                             \
        if ((x).len > 0) {                                           \
            p = grow(p, *n, &cap, sizeof *p);                        \
            p[(*n)++] = (x);                                         \
        }                                                            \
    } while (0)
    for (size_t i = 0; i < net->nifaces; i++)
        for (size_t k = 0; k < net->ifaces[i].naddrs; k++)
            ADD(net->ifaces[i].addrs[k].net);
    for (size_t d = 0; d < net->ndevices; d++) {
        for (size_t k = 0; k < net->devices[d].nstatics; k++)
            ADD(net->devices[d].statics[k].dest);
        for (size_t k = 0; k < net->devices[d].nnetworks; k++)
            ADD(net->devices[d].networks[k]);
    }
    for (size_t s = 0; s < net->nsites; s++)
        for (size_t k = 0; k < net->sites[s].nprefixes; k++)
            ADD(net->sites[s].prefixes[k]);
#undef ADD
    return p;
}

/* Forwarding loops: from every device toward every prefix the profile
 * names, each prefix reported once. */
static unsigned long check_loops(FILE *fp, struct network *net)
{
    size_t n;
    struct prefix *p = named_prefixes(net, &n);
    char pt[PREFIX_TEXT_MAX];
    unsigned long found = 0;
    struct engine e;
    if (!net->ndevices || !n) {
        free(p);
        return 0;
    }
    inspect_engine(&e, net, 0, p[0].addr);
    for (size_t i = 0; i < n; i++) {
        size_t j = 0;
        while (j < i && !prefix_eq(p[j], p[i]))
            j++;
        if (j < i)
            continue; /* named twice: checked once */
        for (size_t d = 0; d < net->ndevices; d++) {
            const struct fwd_path *w = engine_path(&e, p[i].addr, (int)d, p[i].addr);
            if (w->end != PATH_TOO_LONG)
                continue;
            fprintf(fp, "loop: toward %s from %s:", prefix_format(p[i], pt),
                    net->devices[d].id);
            for (size_t k = 0; k < w->n && k < 8; k++)
                fprintf(fp, "%s%s", k ? " > " : " ", net->devices[w->steps[k].device].id);
            fputs(" > ...\n", fp);
            found++;
            break;
        }
    }
    engine_free(&e);
    free(p);
    return found;
}

/* Devices attached to no link, sites no device is in. */
static unsigned long check_unused(FILE *fp, const struct network *net)
{
    unsigned long found = 0;
    for (size_t i = 0; i < net->ndevices; i++) {
        const struct device *d = &net->devices[i];
        size_t links = 0;
        for (size_t k = 0; k < d->nifaces; k++)
            links += net->ifaces[d->ifaces[k]].nlinks;
        if (!links) {
            fprintf(fp, "unused: device %s is attached to no link\n", d->id);
            found++;
        }
    }
    for (size_t s = 0; s < net->nsites; s++) {
        size_t members = 0;
        for (size_t i = 0; i < net->ndevices; i++)
            members += net->devices[i].site == (int)s;
        if (!members) {
            fprintf(fp, "unused: site %s has no device\n", net->sites[s].id);
            found++;
        }
    }
    return found;
}

unsigned long inspect_check(FILE *fp, struct network *net)
{
    static const enum addr_family families[] = {FAMILY_V4, FAMILY_V6};
    unsigned long found = 0;
    for (size_t a = 0; a < net->ndevices; a++) {
        struct seen seen = {0};
        for (size_t b = 0; b < net->ndevices; b++) {
            if (a == b || net->devices[a].kind != KIND_HOST || net->devices[b].kind != KIND_HOST)
                continue;
            for (size_t f = 0; f < 2; f++)
                found += check_pair(fp, net, (int)a, (int)b, families[f], &seen);
        }
        free(seen.addrs);
    }
    found += check_loops(fp, net);
    return found + check_unused(fp, net);
}
