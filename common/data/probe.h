/* probe.h - one probe through the model: who answers, whether the answer
 * gets back, and how long it takes.
 *
 * RTT = the link samples on the way out + the responder's reply delay + the
 * link samples on the way back.  Loss is drawn per link traversal and per
 * reply (the responder's reply_loss).  A reply only arrives if the source's
 * network has a route to the reply's source address: the data plane is walked
 * from the source towards that address and must reach its owner. */
#ifndef NETMIMIC_PROBE_H
#define NETMIMIC_PROBE_H

#include <stddef.h>
#include <stdint.h>

#include "data/forward.h"
#include "data/neighbor.h"
#include "model/model.h"
#include "model/resolve.h"
#include "control/routing.h"

enum probe_status {
    PROBE_TIMEOUT,        /* no answer within the timeout */
    PROBE_ECHO_REPLY,     /* the destination answered */
    PROBE_TTL_EXPIRED,    /* a router on the way answered "time exceeded" */
    PROBE_HOST_UNREACH,   /* a router answered "destination host unreachable" */
    PROBE_NET_UNREACH,    /* a router answered "destination net unreachable" */
    PROBE_FRAG_NEEDED,    /* too big with DF set, refused by a router on the way */
    PROBE_FRAG_LOCAL,     /* too big with DF set for the source's own link */
    PROBE_TRANSMIT_FAILED, /* the source itself cannot send it */
    PROBE_BAD_ROUTE,      /* a router could not follow a strict source route */
    PROBE_GENERAL_FAILURE /* the stack refuses the destination (127.0.0.0, ::) */
};

/* Why a probe got no answer (status PROBE_TIMEOUT; PROBE_TRANSMIT_FAILED
 * gives LOSS_NO_ROUTE_OUT at the source), set where probe.c loses it; the
 * JSON record and `netmimic explain` read it. */
enum probe_loss {
    LOSS_NONE,
    LOSS_LINK,          /* a link's loss draw: loss_link, loss_on_reply says which way */
    LOSS_REPLY_LOSS,    /* the responder dropped its own reply (reply_loss) */
    LOSS_RATE_LIMIT,    /* the responder's reply_limit had no token left */
    LOSS_SILENT,        /* the responder never answers (answers = no) */
    LOSS_NO_ROUTE_BACK, /* the source's network has no route to the reply's
                           address: loss_device is where the way to it ends */
    LOSS_NO_ROUTE_TO_SOURCE, /* the reply cannot reach the source: loss_device is
                                where its way back ends */
    LOSS_REPLY_TTL,     /* the reply's TTL ran out on the way back */
    LOSS_NO_ROUTE_OUT,  /* loss_device has no route to the target and drops */
    LOSS_NEIGHBOR_MISS, /* on-link target nobody owns, dropped (neighbor_miss = drop) */
    LOSS_BROADCAST,     /* the target is a subnet's broadcast address */
    LOSS_NOT_FORWARDING, /* the way leads into a host, which does not forward */
    LOSS_LOOP,          /* a forwarding loop: the way never ends */
    LOSS_TOO_LATE       /* the reply came back after the timeout */
};

#define PROBE_MAX_RECORD 9 /* room in the IPv4 options for addresses */

struct probe_spec {
    struct addr dst;
    int ttl;
    unsigned size;       /* payload bytes (ICMP echo data) */
    int dont_fragment;
    unsigned timeout_ms;
    const struct addr *via; /* source route (-j, -k): addresses to pass first */
    size_t nvia;
    int strict_route;     /* -k: each address must be the next hop */
    unsigned record;      /* -r / -s: how many hops to record (0: none) */
};

struct probe_result {
    enum probe_status status;
    struct addr from;    /* the reply's source address */
    int from_source;     /* the source host itself answered (a local error) */
    double rtt_ms;
    int reply_ttl;       /* TTL of the reply as it reaches the source */
    struct addr recorded[PROBE_MAX_RECORD]; /* -r/-s: addresses of the hops, in order */
    double recorded_at[PROBE_MAX_RECORD]; /* ms since sending, for -s */
    /* Who recorded each entry, for its clock (-s); NULL: a router of a
     * transit segment, whose clock is the network's. */
    const struct device *recorded_by[PROBE_MAX_RECORD];
    size_t nrecorded;
    /* Ground truth, for the JSON record and explanations (not printed). */
    const struct device *responder; /* who answered, or would have; NULL: none */
    enum probe_loss loss;            /* LOSS_NONE when an answer arrived */
    const struct device *loss_device; /* where it was lost, or NULL */
    const struct link *loss_link;    /* LOSS_LINK: the link, else NULL */
    int loss_on_reply;               /* lost on the reply's way back */
    /* A router of a transit segment answered: the segment's link and the
     * router's number from its end a (responder is then the device the
     * probe entered the segment from); NULL and 0 otherwise. */
    const struct link *segment;
    unsigned segment_router;
};

/* What is needed to send probes from one host in one run. */
struct engine {
    const struct network *net;
    struct routing routing;
    int src_device;
    struct addr src_addr;
    uint64_t seed;
    uint64_t probes_sent;  /* numbers every probe: the draw counter */
    struct path_cache_entry **cache;
    size_t ncache, cap_cache;
    struct flow_entry *flows;  /* flows seen this run, for flow_setup */
    size_t nflows, cap_flows;
    struct neighbor_cache neighbors; /* resolved and failing neighbours, this run */
    struct fwd_path routed;    /* the last loose-source-routed path */
    struct addr routed_dst;
    double now_ms;             /* simulated time since the run began */
    struct reply_bucket *buckets; /* per device, for reply_limit; NULL until used */
    struct fwd_path nat_back;  /* the last way back through NAT (reply.c) */
    int certain;               /* no chance losses or rate limits (explain) */
    struct reverse_log reverses; /* reverse lookups made, this run */
};

/* Builds the routing tables for the network as it is (links already taken
 * down by the caller) and starts a run with SEED.  Exchanged routes are
 * computed when first needed; see engine_prepare. */
void engine_init(struct engine *e, struct network *net, int src_device, struct addr src_addr,
                 uint64_t seed);
void engine_free(struct engine *e);
/* Starts a new run on the same routes (the seed search uses it). */
void engine_reseed(struct engine *e, uint64_t seed);

/* Computes, before anything is printed, the routes every probe of a run
 * toward SPEC's destination will look up: toward the source, the target,
 * the source route and every address a hop within SPEC's TTL answers from.  A
 * route exchange that oscillates ends the tool here (EXIT_SETUP, nothing on
 * stdout); anything else is computed when first needed. */
void engine_prepare(struct engine *e, const struct probe_spec *spec);

struct probe_result engine_probe(struct engine *e, const struct probe_spec *spec);

/* Lets MS of simulated time pass (rate limits refill); with REALTIME the
 * process really sleeps that long, to pace like the real tool. */
void engine_elapse(struct engine *e, double ms, int realtime);

/* The forward path from the source to DST (cached for the run). */
const struct fwd_path *engine_path(struct engine *e, struct addr src, int from_device,
                                   struct addr dst);

#endif
