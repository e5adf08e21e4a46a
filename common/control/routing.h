/* routing.h - the control plane: each device's forwarding table, computed
 * from connected prefixes, static routes and route exchange between routers
 * (BGP-like sessions with ASNs, local preference, AS-path length and export
 * policies), given which links are up.  Recomputing after taking a link down
 * is the re-convergence. */
#ifndef NETMIMIC_ROUTING_H
#define NETMIMIC_ROUTING_H

#include <stddef.h>

#include "model/model.h"

#define ROUTE_MAX_NEXTHOPS 8

enum route_source { ROUTE_CONNECTED, ROUTE_STATIC, ROUTE_LEARNED };

struct route {
    struct prefix dest;
    enum route_source source;
    int iface;                       /* connected: deliver on this interface */
    int nexthop_links[ROUTE_MAX_NEXTHOPS]; /* static and learned: equal-cost links */
    size_t nnexthops;
    unsigned local_pref, as_path_len; /* learned only */
};

struct fib {
    struct route *routes;
    size_t n, cap;
};

struct routing {
    struct fib *fibs;   /* one per device */
    size_t ndevices;
    unsigned rounds;    /* exchange rounds until nothing changed */
    int converged;
};

void routing_compute(const struct network *net, struct routing *rt);
void routing_free(struct routing *rt);

/* Longest-prefix match; for one prefix connected beats static beats learned.
 * NULL when the device has no route. */
const struct route *routing_lookup(const struct routing *rt, int device, struct addr dst);

#endif
