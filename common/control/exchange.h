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

/* A device in the list of a prefix's origins or of its connected senders:
 * an entry of routing's members, NEXT the index of the next, -1 the last. */
struct prefix_member {
    int device, next;
};

/* A device's learned route for a prefix, as the exchange leaves it: the
 * struct route a lookup returns is made from it the first time (MADE), so
 * that a prefix every device learns costs 32 bytes a device, not a full
 * route. */
struct learned_route {
    unsigned local_pref, as_path_len;
    int link;           /* the first equal-cost next hop */
    unsigned nlinks;    /* how many, up to ROUTE_MAX_NEXTHOPS */
    int more;           /* the others: more_links[more .. more + nlinks - 2] */
    struct route *made; /* NULL until a lookup needs it */
};

/* What route exchange computed for a prefix, from the pool: made only
 * for the prefixes a run looks up (three of a 1,000-device network's
 * thousand for a trace). */
struct exchange_result {
    int *route_of;           /* per device: index into learned + 1, or 0 */
    struct learned_route *learned;
    size_t nlearned;
    int *more_links;         /* next hops after the first, of all devices */
    size_t nmore, cap_more;
    unsigned rounds;
};

/* A prefix some device may send: originated (networks) or exported as
 * connected.  Its routes are computed the first time a lookup needs it.
 * 48 bytes: routing_init makes one for every prefix of the network, and
 * with the result inside it was 104, 25 pages at 1,000 devices. */
struct exchange_prefix {
    struct prefix p;
    int origins, last_origin;    /* devices with P in their networks: members */
    int senders, last_sender;    /* devices that export P as connected */
    struct exchange_result *result; /* NULL until computed */
};

/* Adds LINK to R's equal-cost next hops, once, up to ROUTE_MAX_NEXTHOPS. */
void route_add_nexthop(struct route *r, int link);

/* Looks for a connected or static route of F for exactly P. */
const struct route *fib_exact(const struct fib *f, struct prefix p, enum route_source src);

/* Runs route exchange for prefix X until it settles and stores every
 * device's learned route in X.  Exits with EXIT_SETUP, naming the sessions,
 * if it oscillates. */
void exchange_compute(struct routing *rt, struct exchange_prefix *x);
/* Frees what exchange_compute kept between prefixes (routing_free). */
void exchange_free(struct routing *rt);

#endif
