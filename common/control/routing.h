/* routing.h - the control plane: each device's forwarding table, from
 * connected prefixes, static routes and route exchange between routers
 * (BGP-like sessions with ASNs, local preference, AS-path length and export
 * policies), given which links are up.
 *
 * A device's connected and static routes are built the first time a lookup
 * or the exchange needs them; exchanged routes are computed per destination
 * prefix, when a lookup first needs that prefix, and kept: a trace needs
 * the prefixes of its target and of the few addresses that answer, and the
 * tables of the devices on its way, not all of them.  Taking a link down
 * and computing again (a new routing_init) is the re-convergence. */
#ifndef NETMIMIC_ROUTING_H
#define NETMIMIC_ROUTING_H

#include <stddef.h>

#include "base/pool.h"
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

/* A device's connected and static routes. */
struct fib {
    struct route *routes;
    size_t n, cap;
    int built; /* routing.c builds it when first needed: see routing_fib */
};

struct exchange_prefix; /* exchange.h: a prefix that route exchange can carry */
struct prefix_member;   /* exchange.h: a device that sends a prefix */
struct exchange_work;   /* exchange.c: the working state, kept between prefixes */
struct prefix_slot;     /* routing.c: a slot of the prefix index */

struct routing {
    const struct network *net;
    struct fib *fibs;              /* one per device; see routing_fib */
    size_t ndevices;
    struct exchange_prefix *prefixes; /* every prefix some device may send */
    size_t nprefixes, cap_prefixes;
    struct prefix_slot *prefix_slots; /* hash index over prefixes */
    size_t nslots;
    struct prefix_member *members; /* the prefixes' origins and senders, linked */
    size_t nmembers, cap_members;
    unsigned char lengths[2][129]; /* [v4, v6][len]: some prefix has it */
    struct session_ref *device_sessions; /* per device: its session ends */
    size_t *device_sessions_at;    /* ndevices + 1 offsets */
    struct pool pool;              /* the tables' routes, freed with them */
    struct exchange_work *work;    /* NULL until a prefix is computed */
    unsigned max_rounds;           /* the most any prefix took, for tests */
};

/* Builds the index of the prefixes route exchange may carry; computes no
 * table and no exchange yet.  The links must not change until
 * routing_free: tables are built from them when first needed. */
void routing_init(const struct network *net, struct routing *rt);
void routing_free(struct routing *rt);

/* DEVICE's connected and static routes, built the first time. */
const struct fib *routing_fib(struct routing *rt, int device);

/* Computes the exchanged routes of every prefix that contains A, now.
 * Exits with EXIT_SETUP and one line on stderr, naming the sessions, if
 * route exchange for one of them oscillates.  The tools call it for every
 * address a run will look up before they print anything. */
void routing_prepare(struct routing *rt, struct addr a);
/* Every prefix, as the former full computation did (tests). */
void routing_prepare_all(struct routing *rt);

/* Longest-prefix match; for one prefix connected beats static beats learned.
 * NULL when the device has no route.  Computes what it needs. */
const struct route *routing_lookup(struct routing *rt, int device, struct addr dst);

/* The learned route of DEVICE for prefix P, computed if need be; NULL if
 * none (tests, and the inspector). */
const struct route *routing_learned(struct routing *rt, int device, struct prefix p);

#endif
