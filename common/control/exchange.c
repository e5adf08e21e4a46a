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
 * interned (parent, device) chains, as FRR interns AS paths.  Whether a
 * long chain passed a device is asked of that device's few nodes, each
 * found on the chain or not by a jump-pointer walk (Myers' level ancestor,
 * logarithmic in the chain's length), not by walking the whole chain:
 * that walk made a ring of N routers cost N squared a prefix.
 *
 * The rounds are a deterministic function of the routes received, so a
 * state seen twice is a cycle: the exchange oscillates.  A hash of the whole
 * state, kept up to date with every change, finds the repeat.
 *
 * The working state is sized for the whole network but allocated once, at
 * the first prefix, and kept for the next ones: each prefix empties only
 * what it used (the devices and sessions its routes reached), so a prefix
 * costs what it carries, not the network's size.  A set of paths holds its
 * first path in place, as most hold one: no allocation for those. */
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
    int depth, jump;    /* 0 at the origin; an ancestor to skip to (see jump_of) */
    int same_device;    /* the next node of the same device, -1: the last */
};

/* A chain this long or shorter is walked to find a device on it. */
#define CHAIN_WALK_MAX 32

struct path {
    unsigned local_pref, as_path_len;
    int session, side; /* learned over session/side; session -1: local origin */
    int link;          /* next-hop link; -1: local origin */
    int chain;         /* the devices passed (a chain node), -1: none yet */
};

/* Paths in ONE while there is no more than one and HEAP is NULL; in HEAP
 * (CAP of room) from the first time a second one came. */
struct path_set {
    struct path *heap;
    unsigned n, cap;
    struct path one;
};

struct seen_state {
    uint64_t hash;  /* 0: an empty slot */
    unsigned round; /* the round after which the state had it */
};

/* The state of one prefix's exchange, kept in the routing between
 * prefixes (routing.h). */
struct exchange_work {
    struct routing *rt;
    const struct network *net;
    struct exchange_prefix *x;
    struct path_set *adj_in;  /* [session * 2 + side]: what that side received */
    struct path_set *best;    /* per device */
    struct chain_node *nodes; /* interned chains */
    size_t nnodes, cap_nodes;
    int *node_slots;
    size_t nslots;
    int last_parent, last_device, last_node; /* the last chain_add, again */
    int *device_nodes;        /* per device: its first chain node, -1: none */
    int *device_nnodes;       /* per device: how many nodes it has */
    char *dirty, *sends;      /* per device: recompute best; send again */
    char *origin;             /* per device: originates the prefix */
    int *dirty_list, *send_list;
    size_t ndirty, nsend;
    unsigned *changed_at;     /* per session: the last round it changed, 0: not */
    int *changed;             /* the sessions that changed, to empty after */
    size_t nchanged;
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

static size_t node_slot(const struct exchange_work *st, int parent, int device)
{
    size_t mask = st->nslots - 1, i = node_hash(parent, device) & mask;
    while (st->node_slots[i] >= 0 && (st->nodes[st->node_slots[i]].parent != parent ||
                                      st->nodes[st->node_slots[i]].device != device))
        i = (i + 1) & mask;
    return i;
}

static void grow_node_slots(struct exchange_work *st)
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
/* The jump pointer of a new node N under PARENT: the skew-binary rule, which
 * keeps every level-ancestor walk logarithmic.  An origin jumps to itself. */
static int jump_of(const struct exchange_work *st, int parent, int n)
{
    if (parent < 0)
        return n;
    const struct chain_node *p = &st->nodes[parent], *j = &st->nodes[p->jump];
    if (p->depth - j->depth == j->depth - st->nodes[j->jump].depth)
        return j->jump;
    return parent;
}

/* The node of CHAIN at DEPTH (at most CHAIN's own depth). */
static int ancestor_at(const struct exchange_work *st, int chain, int depth)
{
    while (st->nodes[chain].depth > depth) {
        const struct chain_node *c = &st->nodes[chain];
        chain = st->nodes[c->jump].depth < depth ? c->parent : c->jump;
    }
    return chain;
}

static int chain_add(struct exchange_work *st, int parent, int device)
{
    if (parent >= 0 && st->nodes[parent].device == device)
        return parent; /* the origin sending its own route */
    if (parent == st->last_parent && device == st->last_device)
        return st->last_node; /* a device sending one path on all its sessions */
    st->last_parent = parent;
    st->last_device = device;
    if (2 * (st->nnodes + 1) > st->nslots)
        grow_node_slots(st);
    size_t slot = node_slot(st, parent, device);
    if (st->node_slots[slot] >= 0)
        return st->last_node = st->node_slots[slot];
    st->nodes = grow(st->nodes, st->nnodes, &st->cap_nodes, sizeof *st->nodes);
    int n = (int)st->nnodes++;
    st->nodes[n] = (struct chain_node){device, parent, parent >= 0 ? st->nodes[parent].depth + 1 : 0,
                                       jump_of(st, parent, n), st->device_nodes[device]};
    st->device_nodes[device] = n;
    st->device_nnodes[device]++;
    st->node_slots[slot] = n;
    return st->last_node = n;
}

static int chain_walk_has(const struct exchange_work *st, int chain, int device)
{
    for (; chain >= 0; chain = st->nodes[chain].parent)
        if (st->nodes[chain].device == device)
            return 1;
    return 0;
}

/* Has CHAIN passed DEVICE?  A short chain, or a device with more nodes
 * than the chain is long, is walked; else each node of the device is
 * looked for on the chain at its depth. */
static int chain_has(const struct exchange_work *st, int chain, int device)
{
    if (chain < 0)
        return 0;
    int depth = st->nodes[chain].depth;
    if (depth <= CHAIN_WALK_MAX || st->device_nnodes[device] * CHAIN_WALK_MAX / 2 > depth)
        return chain_walk_has(st, chain, device);
    for (int n = st->device_nodes[device]; n >= 0; n = st->nodes[n].same_device)
        if (st->nodes[n].depth <= depth && ancestor_at(st, chain, st->nodes[n].depth) == n)
            return 1;
    return 0;
}

/* ---- path sets ------------------------------------------------------------ */

static const struct path *set_paths(const struct path_set *s)
{
    return s->heap ? s->heap : &s->one;
}

static void set_add(struct path_set *s, const struct path *p)
{
    if (!s->heap && s->n == 0) {
        s->one = *p;
        s->n = 1;
        return;
    }
    if (!s->heap) {
        s->cap = 4;
        s->heap = emalloc(s->cap * sizeof *s->heap);
        s->heap[0] = s->one;
    } else if (s->n == s->cap) {
        s->cap *= 2;
        s->heap = erealloc(s->heap, s->cap * sizeof *s->heap);
    }
    s->heap[s->n++] = *p;
}

/* DST becomes a copy of SRC's paths. */
static void set_copy(struct path_set *dst, const struct path_set *src)
{
    const struct path *v = set_paths(src);
    dst->n = 0;
    for (unsigned i = 0; i < src->n; i++)
        set_add(dst, &v[i]);
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
    const struct path *va = set_paths(a), *vb = set_paths(b);
    for (unsigned i = 0; i < a->n; i++)
        if (!path_equal(&va[i], &vb[i]))
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
static void hash_set(struct exchange_work *st, size_t slot, const struct path_set *s)
{
    const struct path *v = set_paths(s);
    for (unsigned i = 0; i < s->n; i++)
        st->hash ^= path_hash(slot, i, &v[i]);
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
    if (s->n && better(&set_paths(s)[0], p))
        return;
    if (s->n && better(p, &set_paths(s)[0]))
        s->n = 0;
    set_add(s, p);
}

/* What device D would choose from its origination and what it received. */
static void compute_best(struct exchange_work *st, int d, struct path_set *out)
{
    const struct device *dev = &st->net->devices[d];
    struct prefix p = st->x->p;
    out->n = 0;
    for (size_t i = 0; st->origin[d] && dev->asn && i < dev->nnetworks; i++) {
        if (!prefix_eq(dev->networks[i], p))
            continue;
        const struct fib *f = routing_fib(st->rt, d);
        if (!fib_exact(f, p, ROUTE_CONNECTED) && !fib_exact(f, p, ROUTE_STATIC))
            continue;
        struct path local = {.local_pref = DEFAULT_LOCAL_PREF, .session = -1, .link = -1,
                             .chain = chain_add(st, -1, d)};
        offer(out, &local);
    }
    const struct routing *rt = st->rt;
    for (size_t k = rt->device_sessions_at[d]; k < rt->device_sessions_at[d + 1]; k++) {
        const struct session_ref *ref = &rt->device_sessions[k];
        const struct path_set *in = &st->adj_in[(size_t)ref->session * 2 + (size_t)ref->side];
        const struct path *v = set_paths(in);
        for (unsigned i = 0; i < in->n; i++)
            offer(out, &v[i]);
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

static void send_path(struct exchange_work *st, int s, int side, const struct path *p,
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
static void export_session(struct exchange_work *st, int s, int side, struct path_set *out)
{
    const struct session_end *end = &st->net->sessions[s].end[side];
    const struct path_set *best = &st->best[end->device];
    const struct path *v = set_paths(best);
    for (unsigned i = 0; i < best->n; i++)
        if (source_allowed(end, &v[i], s)) {
            send_path(st, s, side, &v[i], out);
            break;
        }
    if (end->export_connected && fib_exact(routing_fib(st->rt, end->device), st->x->p,
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
static void update_best(struct exchange_work *st)
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
    free(fresh.heap);
    st->ndirty = 0;
}

static int session_up(const struct network *net, int s)
{
    return net->links[net->sessions[s].link].up;
}

/* Every device that sends again sends on all its sessions; returns whether
 * anything received changed. */
static int send_round(struct exchange_work *st, unsigned round)
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
            set_copy(&st->adj_in[slot], &fresh);
            hash_set(st, slot, &st->adj_in[slot]);
            if (!st->changed_at[ref->session])
                st->changed[st->nchanged++] = ref->session;
            st->changed_at[ref->session] = round;
            mark(st->dirty, st->dirty_list, &st->ndirty,
                 st->net->sessions[ref->session].end[!ref->side].device);
            changed = 1;
        }
    }
    free(fresh.heap);
    st->nsend = 0;
    return changed;
}

/* ---- oscillation ------------------------------------------------------------ */

/* Remembers that the state after ROUND has hash H; returns the round it
 * was first seen after, or 0 if it is new. */
static unsigned seen_before(struct exchange_work *st, uint64_t h, unsigned round)
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
_Noreturn static void report_oscillation(const struct exchange_work *st, unsigned first, unsigned round)
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

/* The working state for the network, empty; kept in RT for every prefix. */
static struct exchange_work *work_open(struct routing *rt)
{
    const struct network *net = rt->net;
    struct exchange_work *st = ecalloc(1, sizeof *st);
    st->rt = rt;
    st->net = net;
    st->adj_in = ecalloc(net->nsessions * 2 + 1, sizeof *st->adj_in);
    st->best = ecalloc(net->ndevices + 1, sizeof *st->best);
    st->dirty = ecalloc(net->ndevices + 1, 1);
    st->sends = ecalloc(net->ndevices + 1, 1);
    st->origin = ecalloc(net->ndevices + 1, 1);
    st->was_touched = ecalloc(net->ndevices + 1, 1);
    st->dirty_list = emalloc(net->ndevices * sizeof *st->dirty_list + 1);
    st->send_list = emalloc(net->ndevices * sizeof *st->send_list + 1);
    st->touched = emalloc(net->ndevices * sizeof *st->touched + 1);
    st->changed_at = ecalloc(net->nsessions + 1, sizeof *st->changed_at);
    st->changed = emalloc(net->nsessions * sizeof *st->changed + 1);
    st->device_nodes = emalloc(net->ndevices * sizeof *st->device_nodes + 1);
    for (size_t d = 0; d < net->ndevices; d++)
        st->device_nodes[d] = -1;
    st->device_nnodes = ecalloc(net->ndevices + 1, sizeof *st->device_nnodes);
    return st;
}

/* Starts prefix X on the empty working state. */
static void state_start(struct exchange_work *st, struct exchange_prefix *x)
{
    st->x = x;
    st->hash = 0;
    st->last_parent = st->last_device = st->last_node = -1;
}

/* Empties what prefix X used, for the next one (the buffers stay). */
static void state_end(struct exchange_work *st)
{
    for (size_t i = 0; i < st->nchanged; i++) {
        size_t s = (size_t)st->changed[i];
        st->adj_in[s * 2].n = st->adj_in[s * 2 + 1].n = 0;
        st->changed_at[s] = 0;
    }
    st->nchanged = 0;
    for (size_t i = 0; i < st->ntouched; i++) {
        st->best[st->touched[i]].n = 0;
        st->was_touched[st->touched[i]] = 0;
    }
    st->ntouched = 0;
    for (int m = st->x->origins; m >= 0; m = st->rt->members[m].next)
        st->origin[st->rt->members[m].device] = 0;
    for (size_t i = 0; i < st->nnodes; i++) {
        st->device_nodes[st->nodes[i].device] = -1;
        st->device_nnodes[st->nodes[i].device] = 0;
    }
    for (size_t i = 0; i < st->nslots; i++)
        st->node_slots[i] = -1;
    st->nnodes = 0;
    free(st->seen);
    st->seen = NULL;
    st->nseen_slots = st->nseen = 0;
    st->x = NULL;
}

void exchange_free(struct routing *rt)
{
    struct exchange_work *st = rt->work;
    if (!st)
        return;
    for (size_t i = 0; i < st->net->nsessions * 2; i++)
        free(st->adj_in[i].heap);
    for (size_t i = 0; i < st->net->ndevices; i++)
        free(st->best[i].heap);
    free(st->adj_in);
    free(st->best);
    free(st->nodes);
    free(st->node_slots);
    free(st->dirty);
    free(st->sends);
    free(st->origin);
    free(st->was_touched);
    free(st->dirty_list);
    free(st->send_list);
    free(st->touched);
    free(st->changed_at);
    free(st->changed);
    free(st->device_nodes);
    free(st->device_nnodes);
    free(st->seen);
    free(st);
    rt->work = NULL;
}

/* The learned route of device D, if it chose learned paths: their
 * next hops as route_add_nexthop keeps them (each once, at most 8). */
static void install_device(struct exchange_work *st, struct exchange_result *x, int d)
{
    const struct path_set *best = &st->best[d];
    const struct path *v = set_paths(best);
    struct route r = {.nnexthops = 0};
    unsigned local_pref = 0, as_path_len = 0;
    for (unsigned k = 0; k < best->n; k++) {
        const struct path *p = &v[k];
        if (p->session < 0)
            continue;
        if (!r.nnexthops) {
            local_pref = p->local_pref;
            as_path_len = p->as_path_len;
        }
        route_add_nexthop(&r, p->link);
    }
    if (!r.nnexthops)
        return;
    struct learned_route *l = &x->learned[x->nlearned];
    x->route_of[d] = (int)++x->nlearned;
    *l = (struct learned_route){local_pref, as_path_len, r.nexthop_links[0],
                                (unsigned)r.nnexthops, (int)x->nmore, NULL};
    for (size_t k = 1; k < r.nnexthops; k++) {
        x->more_links = grow(x->more_links, x->nmore, &x->cap_more, sizeof *x->more_links);
        x->more_links[x->nmore++] = r.nexthop_links[k];
    }
}

/* The learned routes, one per device that chose learned paths, as X's
 * result after ROUNDS rounds. */
static void install(struct exchange_work *st, unsigned rounds)
{
    struct exchange_result *x = pool_alloc(&st->rt->pool, sizeof *x);
    *x = (struct exchange_result){.rounds = rounds};
    /* zeroed: a large one is fresh pages, written only where a route is */
    x->route_of = ecalloc(st->net->ndevices + 1, sizeof *x->route_of);
    x->learned = pool_alloc(&st->rt->pool, (st->ntouched + 1) * sizeof *x->learned);
    for (size_t i = 0; i < st->ntouched; i++)
        install_device(st, x, st->touched[i]);
    st->x->result = x;
}

void exchange_compute(struct routing *rt, struct exchange_prefix *x)
{
    if (!rt->work)
        rt->work = work_open(rt);
    struct exchange_work *st = rt->work;
    state_start(st, x);
    for (int m = x->origins; m >= 0; m = rt->members[m].next) {
        st->origin[rt->members[m].device] = 1;
        mark(st->dirty, st->dirty_list, &st->ndirty, rt->members[m].device);
    }
    for (int m = x->senders; m >= 0; m = rt->members[m].next)
        mark(st->sends, st->send_list, &st->nsend, rt->members[m].device);
    unsigned round = 0, first;
    seen_before(st, st->hash, 0);
    for (;;) {
        if (++round > ROUND_LIMIT)
            report_oscillation(st, 0, round);
        update_best(st);
        if (!send_round(st, round))
            break;
        if ((first = seen_before(st, st->hash, round)) > 0)
            report_oscillation(st, first - 1, round);
    }
    update_best(st); /* nothing changed: already up to date */
    install(st, round);
    state_end(st);
}
