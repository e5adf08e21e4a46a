/* reference_routing.c - the control plane as it was before routes were
 * computed on demand: every prefix of every device, in synchronous rounds,
 * all at once.  Kept word for word (only renamed) as the reference the
 * on-demand computation of common/control/routing.c is checked against by
 * tests/unit/test_routing.c.
 *
 * Route exchange is a path-vector protocol run in synchronous rounds until no
 * session's received set changes.  Preference: local origin, then highest
 * local preference, then shortest AS path; paths equal on both are kept
 * together as equal-cost next hops.  Loops are prevented with the list of
 * devices a route has passed through (not the AS path), so several sites may
 * share an ASN, as Azure's gateways all use 65515. */
#include "reference_routing.h"

#include <stdlib.h>
#include <string.h>

#include "base/util.h"

#define DEFAULT_LOCAL_PREF 100
#define MAX_ROUNDS 200

struct path {
    struct prefix dest;
    unsigned local_pref, as_path_len;
    int session, side;   /* learned over session/side; session -1: local origin */
    int link;            /* next-hop link; -1: local origin */
    uint64_t *visited;   /* bitset of devices the route passed through */
};

struct path_set {
    struct path *v;
    size_t n, cap;
};

struct exchange {
    const struct network *net;
    const struct reference_routing *rt; /* connected and static routes, for origination */
    size_t words;             /* bitset words */
    struct path_set *adj_in;  /* [session * 2 + side]: what side received */
    struct path_set *best;    /* per device */
};

/* ---- connected and static routes ----------------------------------------- */

static struct route *fib_add(struct fib *f)
{
    f->routes = grow(f->routes, f->n, &f->cap, sizeof *f->routes);
    struct route *r = &f->routes[f->n++];
    memset(r, 0, sizeof *r);
    r->iface = -1;
    return r;
}

static struct route *fib_find(struct fib *f, struct prefix p, enum route_source src)
{
    for (size_t i = 0; i < f->n; i++)
        if (f->routes[i].source == src && prefix_eq(f->routes[i].dest, p))
            return &f->routes[i];
    return NULL;
}

static void add_nexthop(struct route *r, int link)
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
            if (fib_find(f, ifc->addrs[k].net, ROUTE_CONNECTED))
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
        struct route *r = fib_find(f, d->statics[i].dest, ROUTE_STATIC);
        if (!r) {
            r = fib_add(f);
            r->dest = d->statics[i].dest;
            r->source = ROUTE_STATIC;
        }
        add_nexthop(r, l);
    }
}

/* ---- path sets ------------------------------------------------------------ */

static void path_set_clear(struct path_set *s)
{
    for (size_t i = 0; i < s->n; i++)
        free(s->v[i].visited);
    s->n = 0;
}

static void path_set_free(struct path_set *s)
{
    path_set_clear(s);
    free(s->v);
    memset(s, 0, sizeof *s);
}

static struct path *path_set_add(struct path_set *s, const struct path *p, size_t words)
{
    s->v = grow(s->v, s->n, &s->cap, sizeof *s->v);
    struct path *q = &s->v[s->n++];
    *q = *p;
    q->visited = ecalloc(words, sizeof *q->visited);
    if (p->visited)
        memcpy(q->visited, p->visited, words * sizeof *q->visited);
    return q;
}

static int visited(const struct path *p, int dev)
{
    return (int)(p->visited[dev / 64] >> (dev % 64) & 1);
}

static void mark_visited(struct path *p, int dev)
{
    p->visited[dev / 64] |= (uint64_t)1 << (dev % 64);
}

static int path_equal(const struct path *a, const struct path *b, size_t words)
{
    return prefix_eq(a->dest, b->dest) && a->local_pref == b->local_pref &&
           a->as_path_len == b->as_path_len && a->link == b->link &&
           memcmp(a->visited, b->visited, words * sizeof *a->visited) == 0;
}

static int path_sets_equal(const struct path_set *a, const struct path_set *b, size_t words)
{
    if (a->n != b->n)
        return 0;
    for (size_t i = 0; i < a->n; i++)
        if (!path_equal(&a->v[i], &b->v[i], words))
            return 0;
    return 1;
}

/* ---- best paths per device ------------------------------------------------ */

/* Is A preferred to B?  Local origin first, then local preference, then the
 * shorter AS path. */
static int better(const struct path *a, const struct path *b)
{
    if ((a->session < 0) != (b->session < 0))
        return a->session < 0;
    if (a->local_pref != b->local_pref)
        return a->local_pref > b->local_pref;
    return a->as_path_len < b->as_path_len;
}

static int equally_good(const struct path *a, const struct path *b)
{
    return !better(a, b) && !better(b, a);
}

/* Adds candidate P to the best set of device D: replaces worse paths for the
 * same prefix, joins equal ones. */
static void offer_best(struct exchange *x, int d, const struct path *p)
{
    struct path_set *s = &x->best[d];
    for (size_t i = 0; i < s->n; i++) {
        if (!prefix_eq(s->v[i].dest, p->dest))
            continue;
        if (better(&s->v[i], p))
            return;
        if (better(p, &s->v[i])) { /* drop every path of this prefix */
            size_t k = 0;
            for (size_t j = 0; j < s->n; j++) {
                if (prefix_eq(s->v[j].dest, p->dest))
                    free(s->v[j].visited);
                else
                    s->v[k++] = s->v[j];
            }
            s->n = k;
            break;
        }
        if (equally_good(p, &s->v[i]))
            break;
    }
    path_set_add(s, p, x->words);
}

/* A device originates the networks it has a connected or static route for. */
static void originate(struct exchange *x, int d)
{
    const struct device *dev = &x->net->devices[d];
    struct fib *f = &x->rt->fibs[d];
    for (size_t i = 0; i < dev->nnetworks; i++) {
        if (!fib_find(f, dev->networks[i], ROUTE_CONNECTED) &&
            !fib_find(f, dev->networks[i], ROUTE_STATIC))
            continue;
        struct path p = {.dest = dev->networks[i], .local_pref = DEFAULT_LOCAL_PREF,
                         .session = -1, .link = -1};
        offer_best(x, d, &p);
        mark_visited(&x->best[d].v[x->best[d].n - 1], d);
    }
}

static void compute_best(struct exchange *x)
{
    const struct network *net = x->net;
    for (size_t d = 0; d < net->ndevices; d++) {
        path_set_clear(&x->best[d]);
        if (net->devices[d].asn)
            originate(x, (int)d);
    }
    for (size_t s = 0; s < net->nsessions; s++)
        for (int side = 0; side < 2; side++) {
            struct path_set *in = &x->adj_in[s * 2 + (size_t)side];
            for (size_t i = 0; i < in->n; i++)
                offer_best(x, net->sessions[s].end[side].device, &in->v[i]);
        }
}

/* ---- export --------------------------------------------------------------- */

static int passes_filter(const struct prefix *filter, size_t n, struct prefix p)
{
    if (n == 0)
        return 1;
    for (size_t i = 0; i < n; i++)
        if (prefix_within(p, filter[i]))
            return 1;
    return 0;
}

/* May END send a path learned over SESSION (or a local one) on session THIS? */
static int source_allowed(const struct session_end *end, const struct path *p, int this)
{
    if (p->session < 0)
        return end->export_local;
    if (p->session == this)
        return 0; /* never back where it came from */
    if (end->export_learned_all)
        return 1;
    for (size_t i = 0; i < end->nexport_sessions; i++)
        if (end->export_sessions[i] == p->session)
            return 1;
    return 0;
}

static void send_path(struct exchange *x, int s, int side, const struct path *p,
                      struct path_set *out)
{
    const struct network *net = x->net;
    const struct session *ses = &net->sessions[s];
    const struct session_end *from = &ses->end[side], *to = &ses->end[!side];
    const struct device *fd = &net->devices[from->device], *td = &net->devices[to->device];
    if (!passes_filter(from->export_filter, from->nexport_filter, p->dest) ||
        !passes_filter(to->import_filter, to->nimport_filter, p->dest) ||
        (p->visited && visited(p, to->device)))
        return;
    int external = fd->asn != td->asn;
    struct path q = *p;
    q.session = s;
    q.side = !side;
    q.link = ses->link;
    q.as_path_len = p->as_path_len + (external ? 1 + from->prepend : 0);
    q.local_pref = to->has_local_pref ? to->local_pref
                   : external         ? DEFAULT_LOCAL_PREF
                                      : p->local_pref;
    struct path *added = path_set_add(out, &q, x->words);
    mark_visited(added, from->device);
}

static void export_connected(struct exchange *x, int s, int side, struct path_set *out)
{
    const struct fib *f = &x->rt->fibs[x->net->sessions[s].end[side].device];
    for (size_t i = 0; i < f->n; i++) {
        if (f->routes[i].source != ROUTE_CONNECTED)
            continue;
        struct path p = {.dest = f->routes[i].dest, .local_pref = DEFAULT_LOCAL_PREF,
                         .session = -1, .link = -1};
        send_path(x, s, side, &p, out);
    }
}

/* What the device at SIDE of session S sends to the other side. */
static void export_session(struct exchange *x, int s, int side, struct path_set *out)
{
    const struct session_end *end = &x->net->sessions[s].end[side];
    const struct path_set *best = &x->best[end->device];
    for (size_t i = 0; i < best->n; i++) {
        const struct path *p = &best->v[i];
        int first_of_prefix = 1;
        for (size_t k = 0; k < i; k++)
            if (prefix_eq(best->v[k].dest, p->dest) && source_allowed(end, &best->v[k], s))
                first_of_prefix = 0;
        if (first_of_prefix && source_allowed(end, p, s))
            send_path(x, s, side, p, out);
    }
    if (end->export_connected)
        export_connected(x, s, side, out);
}

static int session_up(const struct network *net, int s)
{
    return net->links[net->sessions[s].link].up;
}

/* One round: every up session sends; returns whether anything changed. */
static int exchange_round(struct exchange *x)
{
    const struct network *net = x->net;
    int changed = 0;
    compute_best(x);
    for (size_t s = 0; s < net->nsessions; s++)
        for (int side = 0; side < 2; side++) {
            struct path_set fresh = {0};
            if (session_up(net, (int)s))
                export_session(x, (int)s, side, &fresh);
            struct path_set *in = &x->adj_in[s * 2 + (size_t)!side];
            if (!path_sets_equal(&fresh, in, x->words))
                changed = 1;
            path_set_free(in);
            *in = fresh;
        }
    return changed;
}

/* ---- the forwarding tables ------------------------------------------------ */

static void install_learned(struct exchange *x, struct reference_routing *rt)
{
    for (size_t d = 0; d < x->net->ndevices; d++) {
        const struct path_set *best = &x->best[d];
        for (size_t i = 0; i < best->n; i++) {
            const struct path *p = &best->v[i];
            if (p->session < 0)
                continue;
            struct route *r = fib_find(&rt->fibs[d], p->dest, ROUTE_LEARNED);
            if (!r) {
                r = fib_add(&rt->fibs[d]);
                r->dest = p->dest;
                r->source = ROUTE_LEARNED;
                r->local_pref = p->local_pref;
                r->as_path_len = p->as_path_len;
            }
            add_nexthop(r, p->link);
        }
    }
}

void reference_compute(const struct network *net, struct reference_routing *rt)
{
    memset(rt, 0, sizeof *rt);
    rt->ndevices = net->ndevices;
    rt->fibs = ecalloc(net->ndevices, sizeof *rt->fibs);
    for (size_t d = 0; d < net->ndevices; d++) {
        add_connected(net, (int)d, &rt->fibs[d]);
        add_static(net, (int)d, &rt->fibs[d]);
    }
    struct exchange x = {.net = net, .rt = rt, .words = (net->ndevices + 63) / 64};
    x.adj_in = ecalloc(net->nsessions * 2, sizeof *x.adj_in);
    x.best = ecalloc(net->ndevices, sizeof *x.best);
    while (rt->rounds < MAX_ROUNDS) {
        rt->rounds++;
        if (!exchange_round(&x)) {
            rt->converged = 1;
            break;
        }
    }
    compute_best(&x);
    install_learned(&x, rt);
    for (size_t i = 0; i < net->nsessions * 2; i++)
        path_set_free(&x.adj_in[i]);
    for (size_t d = 0; d < net->ndevices; d++)
        path_set_free(&x.best[d]);
    free(x.adj_in);
    free(x.best);
}

void reference_free(struct reference_routing *rt)
{
    for (size_t d = 0; d < rt->ndevices; d++)
        free(rt->fibs[d].routes);
    free(rt->fibs);
    memset(rt, 0, sizeof *rt);
}

const struct route *reference_lookup(const struct reference_routing *rt, int device, struct addr dst)
{
    const struct fib *f = &rt->fibs[device];
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
