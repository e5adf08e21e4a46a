/* ecmp.c - every equal-cost path of a flow, for `netmimic explain` (see
 * inspect.h).  The data plane (data/forward.c) takes one next hop at each
 * device, by the flow's hash; here each other next hop of every split is
 * followed too, and the rest of each branch is again the way the data plane
 * forwards the flow from there (engine_path), so the paths are the
 * engine's, not a second forwarding.  A path is made once: by the first
 * split where it leaves the path it branches from. */
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

struct ecmp_walk {
    struct engine *e;
    struct addr src, dst;
    struct ecmp_path *paths;
    size_t npaths, cap;
    int more;           /* paths left out past ECMP_MAX_PATHS */
    int *splits;        /* devices where the route splits, as met */
    size_t nsplits, cap_splits;
};

static int far_device(const struct network *net, int link, int device)
{
    return net->ifaces[link_other_end(net, link, link_local_end(net, link, device))].device;
}

/* PREFIX's N steps, then the way on from its last device as the data
 * plane takes it; a branch into a host that is not the destination ends
 * there (hosts do not forward). */
static struct fwd_path complete(struct ecmp_walk *w, const struct path_step *prefix, size_t n)
{
    const struct network *net = w->e->net;
    int last = prefix[n - 1].device;
    const struct fwd_path *rest = NULL;
    size_t add = 0;
    if (n == 1 || net->devices[last].kind != KIND_HOST || device_owns(net, last, w->dst)) {
        rest = engine_path(w->e, w->src, last, w->dst);
        add = rest->n - 1;
    }
    if (n + add > PATH_MAX_STEPS)
        add = PATH_MAX_STEPS - n; /* a loop on a branch: cut as forward.c cuts one */
    struct fwd_path p = {emalloc((n + add) * sizeof *p.steps), n + add, PATH_NOT_FORWARDING};
    memcpy(p.steps, prefix, n * sizeof *prefix);
    if (rest) {
        memcpy(p.steps + n, rest->steps + 1, add * sizeof *p.steps);
        p.end = n + add == PATH_MAX_STEPS ? PATH_TOO_LONG : rest->end;
    }
    return p;
}

static void note_split(struct ecmp_walk *w, int device)
{
    for (size_t i = 0; i < w->nsplits; i++)
        if (w->splits[i] == device)
            return;
    w->splits = grow(w->splits, w->nsplits, &w->cap_splits, sizeof *w->splits);
    w->splits[w->nsplits++] = device;
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
            note_split(w, dev);
        for (size_t k = 0; k < n; k++) {
            if (links[k] == taken)
                continue;
            struct path_step *prefix = emalloc((i + 2) * sizeof *prefix);
            memcpy(prefix, w->paths[me].p.steps, (i + 1) * sizeof *prefix);
            int far = far_device(w->e->net, links[k], dev);
            int egress = link_local_end(w->e->net, links[k], dev);
            int in_iface = link_other_end(w->e->net, links[k], egress);
            /* the source the branch carries, as forwarding would leave it */
            struct addr src = nat_source(w->e->net, dev, egress, prefix[i].src);
            prefix[i + 1] = (struct path_step){far, links[k], in_iface, src};
            struct fwd_path branch = complete(w, prefix, i + 2);
            free(prefix);
            branch_out(w, branch, dev, links[k], i + 1);
        }
    }
}

/* "equal-cost at D: a (link L, picked by this flow's hash), b (link M)".
 * The hash mixes in the device, so the pick at D is the same whichever
 * branch reaches it. */
static void print_split(FILE *fp, struct ecmp_walk *w, const char *label, const char *flow,
                        int dev)
{
    const struct network *net = w->e->net;
    const int *links;
    size_t n = routes_ecmp_links(&w->e->routing, dev, w->dst, &links);
    struct fwd_path one = complete(w, &(struct path_step){dev, -1, -1, w->src}, 1);
    int picked = one.n > 1 ? one.steps[1].in_link : -1;
    fwd_path_free(&one);
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
    struct ecmp_walk w = {.e = e, .src = src, .dst = dst};
    const struct network *net = e->net;
    char what[160];
    branch_out(&w, complete(&w, &(struct path_step){from, -1, -1, src}, 1), -1, -1, 0);
    for (size_t i = 0; w.npaths > 1 && i < w.nsplits; i++)
        print_split(fp, &w, label, flow, w.splits[i]);
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
