/* exchange.c - route exchange for one destination prefix.
 *
 * A path-vector protocol run in synchronous rounds until no session's
 * received routes change.  Preference: local origin, then highest local
 * preference, then shortest AS path; paths equal on both are kept together
 * as equal-cost next hops.  Loops are prevented with the list of devices a
 * route has passed through (not the AS path), so several sites may share
 * an ASN, as Azure's gateways all use 65515.
 *
 * Rounds are those of a full computation over every prefix, but a round
 * only does work where something changed: a device's best routes are
 * recomputed only when what it received changed, and it sends again only
 * when its best routes changed (what it would send is a function of them),
 * so work grows with the routes that move, not with the network's size
 * times its diameter.  The lists of devices a route passed are shared,
 * interned (parent, device) chains, as FRR interns AS paths.
 *
 * The rounds are a deterministic function of the routes received, so a
 * state seen twice is a cycle: the exchange oscillates.  A hash of the whole
 * state, kept up to date with every change, finds the repeat. */
#include "control/exchange.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/rng.h"
#include "base/util.h"

#define DEFAULT_LOCAL_PREF 100
/* A last resort: a network that neither settles nor repeats a state. */
#define ROUND_LIMIT 1000000u
#define REPORTED_SESSIONS 6

struct chain_node {
    int device, parent; /* parent: index of the node before, -1 at the origin */
};

struct path {
    unsigned local_pref, as_path_len;
    int session, side; /* learned over session/side; session -1: local origin */
    int link;          /* next-hop link; -1: local origin */
    int chain;         /* the devices passed (a chain node), -1: none yet */
};

struct path_set {
    struct path *v;
    size_t n, cap;
};

struct seen_state {
    uint64_t hash;  /* 0: an empty slot */
    unsigned round; /* the round after which the state had it */
};

struct state {
    struct routing *rt;
    const struct network *net;
    struct exchange_prefix *x;
    struct path_set *adj_in;  /* [session * 2 + side]: what that side received */
    struct path_set *best;    /* per device */
    struct chain_node *nodes; /* interned chains */
    size_t nnodes, cap_nodes;
    int *node_slots;
    size_t nslots;
    char *dirty, *sends;      /* per device: recompute best; send again */
    int *dirty_list, *send_list;
    size_t ndirty, nsend;
    unsigned *changed_at;     /* per session: the last round it changed */
    uint64_t hash;            /* of everything received, see state_hash */
    struct seen_state *seen;  /* the state hashes after each round */
    size_t nseen_slots, nseen;
    int *touched;             /* devices that have had a best route */
    size_t ntouched;
    char *was_touched;
};

/* ---- interned chains ------------------------------------------------------- */

static size_t node_hash(int parent, int device)
{
    return (size_t)rng_mix64((uint64_t)(uint32_t)parent << 32 | (uint32_t)device);
}

static size_t node_slot(const struct state *st, int parent, int device)
{
    size_t mask = st->nslots - 1, i = node_hash(parent, device) & mask;
    while (st->node_slots[i] >= 0 && (st->nodes[st->node_slots[i]].parent != parent ||
                                      st->nodes[st->node_slots[i]].device != device))
        i = (i + 1) & mask;
    return i;
}

static void grow_node_slots(struct state *st)
{
    free(st->node_slots);
    st->nslots = st->nslots ? st->nslots * 2 : 256;
    st->node_slots = emalloc(st->nslots * sizeof *st->node_slots);
    for (size_t i = 0; i < st->nslots; i++)
        st->node_slots[i] = -1;
    for (size_t k = 0; k < st->nnodes; k++)
        st->node_slots[node_slot(st, st->nodes[k].parent, st->nodes[k].device)] = (int)k;
}

/* The chain PARENT followed by DEVICE, shared with every equal one. */
static int chain_add(struct state *st, int parent, int device)
{
    if (parent >= 0 && st->nodes[parent].device == device)
        return parent; /* the origin sending its own route */
    if (2 * (st->nnodes + 1) > st->nslots)
        grow_node_slots(st);
    size_t slot = node_slot(st, parent, device);
    if (st->node_slots[slot] >= 0)
        return st->node_slots[slot];
    st->nodes = grow(st->nodes, st->nnodes, &st->cap_nodes, sizeof *st->nodes);
    st->nodes[st->nnodes] = (struct chain_node){device, parent};
    st->node_slots[slot] = (int)st->nnodes;
    return (int)st->nnodes++;
}

static int chain_has(const struct state *st, int chain, int device)
{
    for (; chain >= 0; chain = st->nodes[chain].parent)
        if (st->nodes[chain].device == device)
            return 1;
    return 0;
}

/* ---- path sets ------------------------------------------------------------ */

static void set_add(struct path_set *s, const struct path *p)
{
    s->v = grow(s->v, s->n, &s->cap, sizeof *s->v);
    s->v[s->n++] = *p;
}

/* What makes two paths the same route (as the full computation compared
 * them: not the session it came over). */
static int path_equal(const struct path *a, const struct path *b)
{
    return a->local_pref == b->local_pref && a->as_path_len == b->as_path_len &&
           a->link == b->link && a->chain == b->chain;
}

static int sets_equal(const struct path_set *a, const struct path_set *b)
{
    if (a->n != b->n)
        return 0;
    for (size_t i = 0; i < a->n; i++)
        if (!path_equal(&a->v[i], &b->v[i]))
            return 0;
    return 1;
}

static uint64_t path_hash(size_t slot, size_t i, const struct path *p)
{
    uint64_t h = rng_hash3((uint64_t)slot << 8 | i, (uint64_t)p->local_pref << 32 | p->as_path_len,
                           (uint64_t)(uint32_t)p->link << 32 | (uint32_t)p->chain);
    return rng_mix64(h);
}

/* The state hash is the XOR of the hashes of every received path. */
static void hash_set(struct state *st, size_t slot, const struct path_set *s)
{
    for (size_t i = 0; i < s->n; i++)
        st->hash ^= path_hash(slot, i, &s->v[i]);
}

/* ---- best paths of one device --------------------------------------------- */

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

/* Adds candidate P to S: replaces worse paths, joins equal ones. */
static void offer(struct path_set *s, const struct path *p)
{
    if (s->n && better(&s->v[0], p))
        return;
    if (s->n && better(p, &s->v[0]))
        s->n = 0;
    set_add(s, p);
}

/* What device D would choose from its origination and what it received. */
static void compute_best(struct state *st, int d, struct path_set *out)
{
    const struct device *dev = &st->net->devices[d];
    const struct fib *f = &st->rt->fibs[d];
    struct prefix p = st->x->p;
    out->n = 0;
    for (size_t i = 0; dev->asn && i < dev->nnetworks; i++) {
        if (!prefix_eq(dev->networks[i], p) || (!fib_exact(f, p, ROUTE_CONNECTED) &&
                                                !fib_exact(f, p, ROUTE_STATIC)))
            continue;
        struct path local = {.local_pref = DEFAULT_LOCAL_PREF, .session = -1, .link = -1,
                             .chain = chain_add(st, -1, d)};
        offer(out, &local);
    }
    const struct routing *rt = st->rt;
    for (size_t k = rt->device_sessions_at[d]; k < rt->device_sessions_at[d + 1]; k++) {
        const struct session_ref *ref = &rt->device_sessions[k];
        const struct path_set *in = &st->adj_in[(size_t)ref->session * 2 + (size_t)ref->side];
        for (size_t i = 0; i < in->n; i++)
            offer(out, &in->v[i]);
    }
}

/* ---- sending -------------------------------------------------------------- */

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

static void send_path(struct state *st, int s, int side, const struct path *p,
                      struct path_set *out)
{
    const struct network *net = st->net;
    const struct session *ses = &net->sessions[s];
    const struct session_end *from = &ses->end[side], *to = &ses->end[!side];
    const struct device *fd = &net->devices[from->device], *td = &net->devices[to->device];
    struct prefix dest = st->x->p;
    if (!passes_filter(from->export_filter, from->nexport_filter, dest) ||
        !passes_filter(to->import_filter, to->nimport_filter, dest) ||
        chain_has(st, p->chain, to->device))
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
    q.chain = chain_add(st, p->chain, from->device);
    set_add(out, &q);
}

/* What the device at SIDE of session S sends: the first of its best paths
 * the export policy allows, and its connected route if it sends those. */
static void export_session(struct state *st, int s, int side, struct path_set *out)
{
    const struct session_end *end = &st->net->sessions[s].end[side];
    const struct path_set *best = &st->best[end->device];
    for (size_t i = 0; i < best->n; i++)
        if (source_allowed(end, &best->v[i], s)) {
            send_path(st, s, side, &best->v[i], out);
            break;
        }
    if (end->export_connected && fib_exact(&st->rt->fibs[end->device], st->x->p,
                                           ROUTE_CONNECTED)) {
        struct path conn = {.local_pref = DEFAULT_LOCAL_PREF, .session = -1, .link = -1,
                            .chain = -1};
        send_path(st, s, side, &conn, out);
    }
}

/* ---- rounds ---------------------------------------------------------------- */

static void mark(char *flags, int *list, size_t *n, int d)
{
    if (!flags[d]) {
        flags[d] = 1;
        list[(*n)++] = d;
    }
}

/* Recomputes the best paths of the dirty devices; those that changed will
 * send again. */
static void update_best(struct state *st)
{
    struct path_set fresh = {0};
    for (size_t i = 0; i < st->ndirty; i++) {
        int d = st->dirty_list[i];
        st->dirty[d] = 0;
        compute_best(st, d, &fresh);
        if (sets_equal(&fresh, &st->best[d]))
            continue;
        struct path_set old = st->best[d];
        st->best[d] = fresh;
        fresh = old;
        mark(st->sends, st->send_list, &st->nsend, d);
        if (!st->was_touched[d]) {
            st->was_touched[d] = 1;
            st->touched[st->ntouched++] = d;
        }
    }
    free(fresh.v);
    st->ndirty = 0;
}

static int session_up(const struct network *net, int s)
{
    return net->links[net->sessions[s].link].up;
}

/* Every device that sends again sends on all its sessions; returns whether
 * anything received changed. */
static int send_round(struct state *st, unsigned round)
{
    const struct routing *rt = st->rt;
    int changed = 0;
    struct path_set fresh = {0};
    for (size_t i = 0; i < st->nsend; i++) {
        int d = st->send_list[i];
        st->sends[d] = 0;
        for (size_t k = rt->device_sessions_at[d]; k < rt->device_sessions_at[d + 1]; k++) {
            const struct session_ref *ref = &rt->device_sessions[k];
            fresh.n = 0;
            if (session_up(st->net, ref->session))
                export_session(st, ref->session, ref->side, &fresh);
            size_t slot = (size_t)ref->session * 2 + (size_t)!ref->side;
            if (sets_equal(&fresh, &st->adj_in[slot]))
                continue;
            hash_set(st, slot, &st->adj_in[slot]);
            st->adj_in[slot].n = 0;
            for (size_t j = 0; j < fresh.n; j++)
                set_add(&st->adj_in[slot], &fresh.v[j]);
            hash_set(st, slot, &st->adj_in[slot]);
            st->changed_at[ref->session] = round;
            mark(st->dirty, st->dirty_list, &st->ndirty,
                 st->net->sessions[ref->session].end[!ref->side].device);
            changed = 1;
        }
    }
    free(fresh.v);
    st->nsend = 0;
    return changed;
}

/* ---- oscillation ------------------------------------------------------------ */

/* Remembers that the state after ROUND has hash H; returns the round it
 * was first seen after, or 0 if it is new. */
static unsigned seen_before(struct state *st, uint64_t h, unsigned round)
{
    h |= 1; /* 0 marks an empty slot */
    if (2 * (st->nseen + 1) > st->nseen_slots) {
        struct seen_state *old = st->seen;
        size_t n = st->nseen_slots;
        st->nseen_slots = n ? n * 2 : 256;
        st->seen = ecalloc(st->nseen_slots, sizeof *st->seen);
        st->nseen = 0;
        for (size_t i = 0; i < n; i++)
            if (old[i].hash)
                seen_before(st, old[i].hash, old[i].round);
        free(old);
    }
    size_t mask = st->nseen_slots - 1;
    for (size_t j = (size_t)(h >> 1) & mask;; j = (j + 1) & mask) {
        if (st->seen[j].hash == h)
            return st->seen[j].round + 1; /* +1: round 0 is the start */
        if (!st->seen[j].hash) {
            st->seen[j] = (struct seen_state){h, round};
            st->nseen++;
            return 0;
        }
    }
}

/* The sessions that changed after round FIRST: those of the cycle. */
_Noreturn static void report_oscillation(const struct state *st, unsigned first, unsigned round)
{
    const struct network *net = st->net;
    char names[400] = "", pfx[PREFIX_TEXT_MAX];
    size_t len = 0, listed = 0, more = 0;
    for (size_t s = 0; s < net->nsessions; s++) {
        if (st->changed_at[s] <= first)
            continue;
        if (listed == REPORTED_SESSIONS) {
            more++;
            continue;
        }
        len += (size_t)snprintf(names + len, sizeof names - len, "%s%s", listed ? ", " : "",
                                net->sessions[s].id);
        if (len >= sizeof names)
            len = sizeof names - 1;
        listed++;
    }
    if (more)
        snprintf(names + len, sizeof names - len, " and %zu more", more);
    die(EXIT_SETUP, "%s: routes toward %s never settle: after %u rounds they repeat, the "
                    "sessions %s changing in turn (preferences that chase each other)",
        net->path, prefix_format(st->x->p, pfx), round, names);
}

/* ---- one prefix -------------------------------------------------------------- */

static void state_open(struct state *st, struct routing *rt, struct exchange_prefix *x)
{
    const struct network *net = rt->net;
    memset(st, 0, sizeof *st);
    st->rt = rt;
    st->net = net;
    st->x = x;
    st->adj_in = ecalloc(net->nsessions * 2 + 1, sizeof *st->adj_in);
    st->best = ecalloc(net->ndevices, sizeof *st->best);
    st->dirty = ecalloc(net->ndevices, 1);
    st->sends = ecalloc(net->ndevices, 1);
    st->was_touched = ecalloc(net->ndevices, 1);
    st->dirty_list = emalloc(net->ndevices * sizeof *st->dirty_list + 1);
    st->send_list = emalloc(net->ndevices * sizeof *st->send_list + 1);
    st->touched = emalloc(net->ndevices * sizeof *st->touched + 1);
    st->changed_at = ecalloc(net->nsessions + 1, sizeof *st->changed_at);
}

static void state_close(struct state *st)
{
    for (size_t i = 0; i < st->net->nsessions * 2; i++)
        free(st->adj_in[i].v);
    for (size_t i = 0; i < st->ntouched; i++)
        free(st->best[st->touched[i]].v);
    free(st->adj_in);
    free(st->best);
    free(st->nodes);
    free(st->node_slots);
    free(st->dirty);
    free(st->sends);
    free(st->was_touched);
    free(st->dirty_list);
    free(st->send_list);
    free(st->touched);
    free(st->changed_at);
    free(st->seen);
}

/* The learned routes, one per device that chose learned paths. */
static void install(struct state *st)
{
    struct exchange_prefix *x = st->x;
    x->route_of = emalloc(st->net->ndevices * sizeof *x->route_of + 1);
    for (size_t d = 0; d < st->net->ndevices; d++)
        x->route_of[d] = -1;
    x->routes = ecalloc(st->ntouched + 1, sizeof *x->routes);
    for (size_t i = 0; i < st->ntouched; i++) {
        int d = st->touched[i];
        const struct path_set *best = &st->best[d];
        struct route *r = NULL;
        for (size_t k = 0; k < best->n; k++) {
            const struct path *p = &best->v[k];
            if (p->session < 0)
                continue;
            if (!r) {
                r = &x->routes[x->nroutes];
                x->route_of[d] = (int)x->nroutes++;
                *r = (struct route){.dest = x->p, .source = ROUTE_LEARNED, .iface = -1,
                                    .local_pref = p->local_pref,
                                    .as_path_len = p->as_path_len};
            }
            route_add_nexthop(r, p->link);
        }
    }
}

void exchange_compute(struct routing *rt, struct exchange_prefix *x)
{
    struct state st;
    state_open(&st, rt, x);
    for (size_t i = 0; i < x->norigins; i++)
        mark(st.dirty, st.dirty_list, &st.ndirty, x->origins[i]);
    for (size_t i = 0; i < x->nconnected_senders; i++)
        mark(st.sends, st.send_list, &st.nsend, x->connected_senders[i]);
    unsigned round = 0, first;
    seen_before(&st, st.hash, 0);
    for (;;) {
        if (++round > ROUND_LIMIT)
            report_oscillation(&st, 0, round);
        update_best(&st);
        if (!send_round(&st, round))
            break;
        if ((first = seen_before(&st, st.hash, round)) > 0)
            report_oscillation(&st, first - 1, round);
    }
    update_best(&st); /* nothing changed: already up to date */
    x->rounds = round;
    install(&st);
    x->computed = 1;
    state_close(&st);
}
