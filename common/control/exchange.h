/* exchange.h - inside the control plane: the route exchange of one
 * destination prefix, between routing.c (tables, index, lookups) and
 * exchange.c (the path-vector computation). */
#ifndef NETMIMIC_EXCHANGE_H
#define NETMIMIC_EXCHANGE_H

#include "control/routing.h"

/* A session end of a device: session S, side SIDE (0: a, 1: b). */
struct session_ref {
    int session, side;
};

/* A prefix some device may send: originated (networks) or exported as
 * connected.  Its routes are computed the first time a lookup needs it. */
struct exchange_prefix {
    struct prefix p;
    int *origins;            /* devices with P in their networks */
    size_t norigins;
    int *connected_senders;  /* devices that export P as connected */
    size_t nconnected_senders;
    int computed;
    int *route_of;           /* per device: index into routes, or -1 */
    struct route *routes;
    size_t nroutes;
    unsigned rounds;
};

/* Adds LINK to R's equal-cost next hops, once, up to ROUTE_MAX_NEXTHOPS. */
void route_add_nexthop(struct route *r, int link);

/* Looks for a connected or static route of F for exactly P. */
const struct route *fib_exact(const struct fib *f, struct prefix p, enum route_source src);

/* Runs route exchange for prefix X until it settles and stores every
 * device's learned route in X.  Exits with EXIT_SETUP, naming the sessions,
 * if it oscillates. */
void exchange_compute(struct routing *rt, struct exchange_prefix *x);

#endif
