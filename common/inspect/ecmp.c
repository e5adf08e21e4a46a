/* ecmp.c - every equal-cost path of a flow, for `netmimic explain` (see
 * inspect.h).  The data plane (data/forward.c) takes one next hop at each
 * device, by the flow's hash; here each other next hop of every split is
 * followed too: the branch takes that link as forward_step takes a link
 * (the source as a NAT device there leaves it) and goes on as
 * forward_continue walks (each hash with the source the packet has at that
 * device), so the paths are the data plane's, not a second forwarding.  A
 * reply to a translated source goes in legs, as reply_path takes it: to
 * the outside address of each NAT device in turn, which sends it on to the
 * address it translated.  A path is made once: by the first split where it
 * leaves the path it branches from. */
#include "inspect/inspect.h"

#include <stdlib.h>
#include <string.h>

#include "base/util.h"
#include "data/reply.h"

/* Listing stops here: a mesh of splits in a row multiplies its paths. */
#define ECMP_MAX_PATHS 32

struct ecmp_path {
    struct fwd_path p;
    int at;   /* the device where it leaves its parent; -1: the flow's own */
    int link; /* the link it takes there instead */
};

/* A leg of the way: toward TARGET, until the NAT device that owns it (-1
 * for the last leg, toward the destination itself). */
struct ecmp_leg {
    struct addr target;
    int nat_device;
};

/* A device where the route splits, with the packet's source and
 * destination as it first arrived there (behind a NAT device, the
 * translated ones): the hash that picks among the links is of those. */
struct ecmp_split {
    int device;
    struct addr src, dst;
};

struct ecmp_walk {
    struct engine *e;
    struct ecmp_leg *legs;
    size_t nlegs;
    struct ecmp_path *paths;
    size_t npaths, cap;
    int more;           /* paths left out past ECMP_MAX_PATHS */
    struct ecmp_split *splits; /* as met */
    size_t nsplits, cap_splits;
};

static int far_device(const struct network *net, int link, int device)
{
    return net->ifaces[link_other_end(net, link, link_local_end(net, link, device))].device;
}

/* The leg the packet is on as it leaves step I of P: one more at each NAT
 * device of the legs it has come to. */
static size_t leg_of(const struct ecmp_walk *w, const struct fwd_path *p, size_t i)
{
    size_t leg = 0;
    for (size_t j = 1; j <= i && leg + 1 < w->nlegs; j++)
        if (p->steps[j].device == w->legs[leg].nat_device)
            leg++;
    return leg;
}

/* Walks P on from its last step as the data plane forwards, leg by leg:
 * delivered to a leg's target at its NAT device, it goes on toward the
 * next; delivered elsewhere, no NAT state sends it on (as reply_path). */
static void walk_on(struct ecmp_walk *w, struct fwd_path *p)
{
    for (;;) {
        size_t leg = leg_of(w, p, p->n - 1);
        forward_continue(w->e->net, &w->e->routing, w->legs[leg].target, p);
        if (p->end != PATH_DELIVERED || leg + 1 == w->nlegs)
            return;
        if (p->steps[p->n - 1].device != w->legs[leg].nat_device) {
            p->end = PATH_NO_ROUTE;
            return;
        }
    }
}

/* The branch that leaves PARENT at its step I by LINK instead: PARENT's
 * steps up to I, the step over LINK, and on from there as the data plane
 * forwards (a branch into a host that is not the destination ends there:
 * hosts do not forward). */
static struct fwd_path branch_by(struct ecmp_walk *w, const struct fwd_path *parent, size_t i,
                                 int link)
{
    struct fwd_path p = {emalloc((i + 2) * sizeof *p.steps), i + 2, PATH_NOT_FORWARDING};
    memcpy(p.steps, parent->steps, (i + 1) * sizeof *p.steps);
    p.steps[i + 1] = forward_step(w->e->net, &parent->steps[i], link);
    walk_on(w, &p);
    return p;
}

static void note_split(struct ecmp_walk *w, const struct path_step *at, struct addr dst)
{
    for (size_t i = 0; i < w->nsplits; i++)
        if (w->splits[i].device == at->device)
            return;
    w->splits = grow(w->splits, w->nsplits, &w->cap_splits, sizeof *w->splits);
    w->splits[w->nsplits++] = (struct ecmp_split){at->device, at->src, dst};
}

static int seen_on(const struct fwd_path *p, size_t before, int device)
{
    for (size_t i = 0; i < before; i++)
        if (p->steps[i].device == device)
            return 1;
    return 0;
}

/* Keeps path P, then branches off it at each split from step START on. */
static void branch_out(struct ecmp_walk *w, struct fwd_path p, int at, int link, size_t start)
{
    if (w->npaths == ECMP_MAX_PATHS) {
        w->more = 1;
        fwd_path_free(&p);
        return;
    }
    size_t me = w->npaths;
    w->paths = grow(w->paths, w->npaths, &w->cap, sizeof *w->paths);
    w->paths[w->npaths++] = (struct ecmp_path){p, at, link};
    for (size_t i = start; i + 1 < w->paths[me].p.n; i++) {
        const struct fwd_path *q = &w->paths[me].p; /* again: the array grows */
        int dev = q->steps[i].device, taken = q->steps[i + 1].in_link;
        struct addr dst = w->legs[leg_of(w, q, i)].target;
        const int *links;
        if (seen_on(q, i, dev))
            break; /* a loop: its splits were met the first time round */
        size_t n = routes_ecmp_links(&w->e->routing, dev, dst, &links);
        if (n)
            note_split(w, &q->steps[i], dst);
        for (size_t k = 0; k < n; k++)
            if (links[k] != taken)
                branch_out(w, branch_by(w, &w->paths[me].p, i, links[k]), dev, links[k], i + 1);
    }
}

/* "equal-cost at D: a (link L, picked by this flow's hash), b (link M)".
 * The hash mixes in the device, so the pick at D is the same whichever
 * branch reaches it (with the same source: a branch through a NAT device
 * that another does not cross would be picked for apart; the source first
 * met is the one shown). */
static void print_split(FILE *fp, struct ecmp_walk *w, const char *label, const char *flow,
                        const struct ecmp_split *split)
{
    const struct network *net = w->e->net;
    const int *links;
    int dev = split->device;
    size_t n = routes_ecmp_links(&w->e->routing, dev, split->dst, &links);
    int picked = forward_next_link(net, &w->e->routing, dev, split->src, split->dst);
    fprintf(fp, "%sequal-cost at %s:", label, net->devices[dev].id);
    for (size_t k = 0; k < n; k++)
        fprintf(fp, "%s %s (link %s%s%s%s)", k ? "," : "",
                net->devices[far_device(net, links[k], dev)].id, net->links[links[k]].id,
                links[k] == picked ? ", picked by " : "", links[k] == picked ? flow : "",
                links[k] == picked ? "'s hash" : "");
    fputc('\n', fp);
}

/* Every path from FROM, sending from SRC, over the legs of W. */
static void list_paths(FILE *fp, struct ecmp_walk *w, const char *label, const char *flow,
                       int from, struct addr src)
{
    const struct network *net = w->e->net;
    char what[160];
    struct fwd_path own = {emalloc(sizeof *own.steps), 1, PATH_NOT_FORWARDING};
    own.steps[0] = (struct path_step){from, -1, -1, src};
    walk_on(w, &own);
    branch_out(w, own, -1, -1, 0);
    for (size_t i = 0; w->npaths > 1 && i < w->nsplits; i++)
        print_split(fp, w, label, flow, &w->splits[i]);
    for (size_t i = 0; i < w->npaths; i++) {
        const struct ecmp_path *p = &w->paths[i];
        if (w->npaths > 1) {
            if (p->at < 0)
                snprintf(what, sizeof what, "%sequal-cost path %zu (%s)", label, i + 1, flow);
            else
                snprintf(what, sizeof what, "%sequal-cost path %zu (via %s at %s)", label, i + 1,
                         net->devices[far_device(net, p->link, p->at)].id,
                         net->devices[p->at].id);
            print_path(fp, net, what, &p->p);
        }
        fwd_path_free(&w->paths[i].p);
    }
    if (w->more)
        fprintf(fp, "%sequal-cost paths: more than %d, the first %d shown\n", label,
                ECMP_MAX_PATHS, ECMP_MAX_PATHS);
    free(w->paths);
    free(w->splits);
}

void explain_ecmp(FILE *fp, struct engine *e, const char *label, const char *flow, int from,
                  struct addr src, struct addr dst)
{
    struct ecmp_leg leg = {dst, -1};
    struct ecmp_walk w = {.e = e, .legs = &leg, .nlegs = 1};
    list_paths(fp, &w, label, flow, from, src);
}

void explain_ecmp_return(FILE *fp, struct engine *e, struct addr dst, int from,
                         struct addr src)
{
    const struct fwd_path *out = engine_path(e, e->src_addr, e->src_device, dst);
    struct addr origin = out->steps[0].src;
    size_t at = out->n - 1;
    /* the legs: to the source as the answering device saw it, then from
     * each NAT device to the address it translated, to the original */
    struct ecmp_walk w = {.e = e, .legs = emalloc(out->n * sizeof *w.legs)};
    w.legs[0] = (struct ecmp_leg){out->steps[at].src, -1};
    for (w.nlegs = 1; !addr_eq(w.legs[w.nlegs - 1].target, origin); w.nlegs++) {
        struct addr next = w.legs[w.nlegs - 1].target;
        int nat = reply_translated_by(out, &at, &next);
        if (nat < 0)
            break; /* cannot be: each target is a source the path shows */
        w.legs[w.nlegs - 1].nat_device = nat;
        w.legs[w.nlegs] = (struct ecmp_leg){next, -1};
    }
    list_paths(fp, &w, "return ", "this reply", from, src);
    free(w.legs);
}
