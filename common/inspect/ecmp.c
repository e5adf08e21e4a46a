/* ecmp.c - every equal-cost path of a flow, for `netmimic explain` (see
 * inspect.h).  The data plane (data/forward.c) takes one next hop at each
 * device, by the flow's hash; here each other next hop of every split is
 * followed too: the branch takes that link as forward_step takes a link
 * (the source as a NAT device there leaves it) and goes on as
 * forward_continue walks (each hash with the source the packet has at that
 * device), so the paths are the data plane's, not a second forwarding.  A
 * path is made once: by the first split where it leaves the path it
 * branches from. */
#include "inspect/inspect.h"

#include <stdlib.h>
#include <string.h>

#include "base/util.h"

/* Listing stops here: a mesh of splits in a row multiplies its paths. */
#define ECMP_MAX_PATHS 32

struct ecmp_path {
    struct fwd_path p;
    int at;   /* the device where it leaves its parent; -1: the flow's own */
    int link; /* the link it takes there instead */
};

/* A device where the route splits, and the packet's source as it first
 * arrived there (behind a NAT device, the translated one): the hash that
 * picks among the links is of that source. */
struct ecmp_split {
    int device;
    struct addr src;
};

struct ecmp_walk {
    struct engine *e;
    struct addr dst;
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
    forward_continue(w->e->net, &w->e->routing, w->dst, &p);
    return p;
}

static void note_split(struct ecmp_walk *w, const struct path_step *at)
{
    for (size_t i = 0; i < w->nsplits; i++)
        if (w->splits[i].device == at->device)
            return;
    w->splits = grow(w->splits, w->nsplits, &w->cap_splits, sizeof *w->splits);
    w->splits[w->nsplits++] = (struct ecmp_split){at->device, at->src};
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
        const int *links;
        if (seen_on(q, i, dev))
            break; /* a loop: its splits were met the first time round */
        size_t n = routes_ecmp_links(&w->e->routing, dev, w->dst, &links);
        if (n)
            note_split(w, &q->steps[i]);
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
    size_t n = routes_ecmp_links(&w->e->routing, dev, w->dst, &links);
    int picked = forward_next_link(net, &w->e->routing, dev, split->src, w->dst);
    fprintf(fp, "%sequal-cost at %s:", label, net->devices[dev].id);
    for (size_t k = 0; k < n; k++)
        fprintf(fp, "%s %s (link %s%s%s%s)", k ? "," : "",
                net->devices[far_device(net, links[k], dev)].id, net->links[links[k]].id,
                links[k] == picked ? ", picked by " : "", links[k] == picked ? flow : "",
                links[k] == picked ? "'s hash" : "");
    fputc('\n', fp);
}

void explain_ecmp(FILE *fp, struct engine *e, const char *label, const char *flow, int from,
                  struct addr src, struct addr dst)
{
    struct ecmp_walk w = {.e = e, .dst = dst};
    const struct network *net = e->net;
    char what[160];
    struct fwd_path own;
    forward_path(net, &e->routing, from, src, dst, &own);
    branch_out(&w, own, -1, -1, 0);
    for (size_t i = 0; w.npaths > 1 && i < w.nsplits; i++)
        print_split(fp, &w, label, flow, &w.splits[i]);
    for (size_t i = 0; i < w.npaths; i++) {
        const struct ecmp_path *p = &w.paths[i];
        if (w.npaths > 1) {
            if (p->at < 0)
                snprintf(what, sizeof what, "%sequal-cost path %zu (%s)", label, i + 1, flow);
            else
                snprintf(what, sizeof what, "%sequal-cost path %zu (via %s at %s)", label, i + 1,
                         net->devices[far_device(net, p->link, p->at)].id,
                         net->devices[p->at].id);
            print_path(fp, net, what, &p->p);
        }
        fwd_path_free(&w.paths[i].p);
    }
    if (w.more)
        fprintf(fp, "%sequal-cost paths: more than %d, the first %d shown\n", label,
                ECMP_MAX_PATHS, ECMP_MAX_PATHS);
    free(w.paths);
    free(w.splits);
}
