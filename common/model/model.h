/* model.h - the network model: what the profile describes, after loading.
 * Everything is addressed by index into the arrays of struct network. */
#ifndef NETMIMIC_MODEL_H
#define NETMIMIC_MODEL_H

#include <stddef.h>
#include <stdint.h>

#include "addr/addr.h"
#include "base/pool.h"
#include "base/strmap.h"
#include "model/dist.h"

enum device_kind { KIND_HOST, KIND_ROUTER };

/* What a device does with a packet it has no route for. */
enum no_route_action { NOROUTE_DROP, NOROUTE_HOST_UNREACH, NOROUTE_NET_UNREACH };

/* One address of an interface; an interface has any number, of both
 * families. */
struct iface_addr {
    struct addr addr;  /* the interface's own address */
    struct prefix net; /* its connected prefix */
    char *ptr;         /* reverse name, or NULL */
};

/* 48 bytes: the index beside the device fills what was a hole (56). */
struct iface {
    char *name;
    int device;
    uint32_t index;    /* NAME%INDEX: the zone of its link-local addresses; 0: none given */
    struct iface_addr *addrs;
    size_t naddrs;
    int *links;        /* links attached here (in network's iface_links) */
    size_t nlinks;
};

struct static_route {
    struct prefix dest;
    struct addr via;   /* next-hop address, of the prefix's family */
};

/* What a device does with a packet for an on-link address nobody owns (the
 * neighbour does not answer ARP or neighbour discovery). */
enum neighbor_miss_action { MISS_UNREACHABLE, MISS_DROP };

/* Which address a device's own replies (time exceeded, unreachable, echo
 * replies) come from. */
enum reply_from_mode {
    REPLY_FROM_INGRESS,       /* the interface the probe came in on (default) */
    REPLY_FROM_TOWARD_SOURCE, /* the interface its route back to the source leaves by */
    REPLY_FROM_IFACE,         /* a named interface, such as a loopback */
    REPLY_FROM_ADDRESS        /* fixed addresses, one per family at most */
};

/* The address index: open addressing over every interface address.  A
 * slot names the address, it does not copy it: 8 bytes, not 28 (the
 * index of a 1,000-device network was 28 pages, each a page fault). */
struct addr_slot {
    int iface;         /* -1: empty */
    int entry;         /* index into the interface's addrs */
};

/* What few devices have: fixed reply addresses, NAT's prefixes and
 * addresses.  Apart from struct device, made only for the devices that
 * have some (device_extra): they were 92 of its 312 bytes, and a
 * 1,000-device network's devices are 76 pages. */
struct device_extra {
    struct addr reply_from_addr[2]; /* REPLY_FROM_ADDRESS: [v4, v6], FAMILY_NONE if not given */
    /* Source NAT: a packet from one of these prefixes that leaves by the
     * outside interface leaves with that interface's address. */
    struct prefix *nat_inside;
    size_t nnat_inside;
    /* Destination NAT: a packet that comes in by the outside interface for
     * its address goes on to this inside address ([v4, v6]; FAMILY_NONE:
     * none of that family). */
    struct addr nat_forward[2];
};

/* The fields of 4 bytes are kept in pairs: a hole after each was 24 of
 * its bytes. */
struct device {
    char *id;              /* section name: lower case */
    enum device_kind kind;
    int site;              /* -1: none */
    char **names;          /* forward names, case kept; names[0] is canonical */
    size_t nnames;
    int *ifaces;
    size_t nifaces;
    struct static_route *statics;
    size_t nstatics;
    double reply_loss;     /* probability it drops its own reply (ICMP policing) */
    unsigned reply_limit;  /* rate limit: at most this many replies ... */
    unsigned reply_limit_ms; /* ... per this many ms (token bucket); 0: none */
    struct dist *reply_delay;
    struct dist *flow_setup; /* extra delay for the first packet of a flow, or NULL */
    int flow_one_way;      /* flow_table = one-way: each direction is a flow of its own */
    int initial_ttl;
    enum no_route_action no_route;
    enum neighbor_miss_action neighbor_miss;
    /* Neighbour state (data/neighbor.h): the time to resolve a neighbour
     * not resolved yet (ARP, neighbour discovery), or NULL: none; and how
     * long resolving an absent one goes on before it fails (0: known at
     * once). */
    struct dist *neighbor_resolve;
    double neighbor_timeout_ms;
    /* neighbor_cached: the addresses of neighbours (far ends of its links)
     * already in its cache when a run starts, each in its family's. */
    struct addr *neighbor_cached;
    size_t nneighbor_cached;
    int decrement_all;     /* decrements TTL whatever link the packet came in on */
    uint32_t asn;          /* 0: takes no part in route exchange */
    int *decrement_links;  /* else: only on these ingress links */
    size_t ndecrement_links;
    struct prefix *networks; /* prefixes it originates into route exchange */
    size_t nnetworks;
    enum reply_from_mode reply_from;
    int reply_from_iface;  /* REPLY_FROM_IFACE: the interface */
    int nat_outside;       /* the outside interface, -1: no NAT (struct device_extra) */
    int answers;           /* answers probes addressed to it or expiring at it */
    struct device_extra *extra; /* NULL: none of its fields (device_extra) */
    /* -r/-s as the destination: the stack also fills a slot with the
     * address a request arrived for, before adding its own to the reply
     * (Linux does; RFC 1122 asks for one entry only). */
    int record_on_arrival;
    /* reverse_first_lookup = fail: the first reverse lookup of one of its
     * addresses in a run finds no name, later ones do (model/resolve.h). */
    int reverse_first_fails;
    /* How far the device's clock is ahead of the network's time of day
     * (behind if negative), in ms: what its -s timestamps read. */
    double clock_offset_ms;
};

/* How the routers a link stands for (struct link's routers) treat the TTL. */
enum routers_ttl {
    ROUTERS_TTL_EACH, /* each decrements and answers: N visible hops */
    ROUTERS_TTL_ONE,  /* the segment takes one hop (MPLS without TTL propagation) */
    ROUTERS_TTL_NONE  /* the segment takes no hop at all */
};

#define LINK_MAX_ROUTERS 64

/* The addresses and names of the routers a link stands for (struct link's
 * routers), apart from the link: few links have them, and the 64 bytes
 * inside every link were a quarter of a 1,000-device network's links. */
struct segment {
    struct prefix router_pool[2]; /* [v4, v6]: router I answers from pool + I;
                                     family FAMILY_NONE: none of that family */
    char **router_ptr[2];  /* [v4, v6][I - 1]: reverse names, or NULL */
};

struct link {
    char *id;
    int end[2];            /* interface indexes: a, b */
    struct dist *latency;  /* one way, sampled per traversal */
    double loss;           /* probability a traversal loses the packet */
    int up;
    unsigned mtu;
    /* A transit segment: the link stands for this many routers between its
     * ends, numbered 1..routers from end a, not listed in the profile. */
    unsigned routers;
    enum routers_ttl routers_ttl;
    struct segment *segment; /* NULL: no addresses, no names (link_segment) */
};

/* One side of a route-exchange session: what it accepts and sends. */
struct session_end {
    int device;
    unsigned local_pref;   /* set on routes learned here (if has_local_pref) */
    unsigned prepend;      /* extra copies of own ASN on export */
    /* flags, a byte each: as ints, with the hole after them, they were 20
     * of the 80 bytes of an end */
    unsigned char has_local_pref;
    unsigned char export_local, export_connected, export_learned_all;
    int *export_sessions;  /* learned routes of these sessions pass */
    size_t nexport_sessions;
    struct prefix *export_filter; /* if set: only these or more specific */
    size_t nexport_filter;
    struct prefix *import_filter;
    size_t nimport_filter;
};

struct session {
    char *id;
    int link;
    struct session_end end[2];
};

struct scenario {
    char *id;
    char *description;
    int *links_down;
    size_t nlinks_down;
};

struct site {
    char *id;
    char *name;
    struct prefix *prefixes;
    size_t nprefixes;
};

struct network {
    char *path;            /* the profile file, for messages */
    char *name;
    uint64_t ecmp_seed;
    /* time_of_day: the time of day (UT, ms since midnight) at the start of
     * a run, for ping -s; if not set, the seed's or the real clock's. */
    int time_of_day_set;
    double time_of_day_ms;
    int default_host;
    struct device *devices; size_t ndevices;
    struct iface *ifaces;   size_t nifaces;
    int *iface_links;       /* every interface's links, one array (network_attach_links) */
    struct link *links;     size_t nlinks;
    struct session *sessions; size_t nsessions;
    struct scenario *scenarios; size_t nscenarios;
    struct site *sites;     size_t nsites;
    struct addr_slot *addr_index; size_t addr_index_cap; size_t naddr_index;
    /* Section name -> index into the arrays above, filled as the text
     * loader creates each object (its references and duplicate checks
     * look up every name).  A compiled profile's are left empty: its
     * finds scan the array (model.c's scan_ids). */
    struct strmap device_ids, link_ids, session_ids, scenario_ids, site_ids;
    /* A compiled profile's (profile/compiled.h): where the objects' small
     * arrays and distributions are (base/pool.h; its strings are in its
     * bytes), freed at once; NULL for a text profile, whose every one is a
     * malloc of its own.  The arrays above and iface_links are malloc's
     * either way. */
    struct pool *pool;
    /* A compiled profile read by compiled_load: its file's bytes, read
     * into an anonymous mapping of their own (a mapped file can be cut
     * under the run: compiled_read.c), where its strings are used in
     * place; unmapped by network_free.  NULL otherwise
     * (compiled_load_bytes: the caller's bytes, kept as long). */
    void *map;
    size_t map_size;
    /* The text file the network was read from, as a compiled profile's
     * header records it (profile/twin.h): its size and bytes_checksum of
     * its bytes.  SOURCE_KNOWN is 0 for a profile in parts. */
    int source_known;
    uint64_t source_size, source_sum;
    /* The compiled twin read in the text profile's place (profile/twin.h),
     * or NULL: what NETMIMIC_TIMING=1 names; PATH stays the text's. */
    char *twin;
};

void network_free(struct network *net);

/* The object of that id (without case), or -1. */
int network_find_device(const struct network *net, const char *id);
int network_find_link(const struct network *net, const char *id);
int network_find_scenario(const struct network *net, const char *id);
int network_find_session(const struct network *net, const char *id);
/* Enters address ENTRY of interface IFACE into the address index; returns
 * the interface that already owns the address, or -1. */
int network_index_address(struct network *net, int iface, int entry);
/* Enters every interface address into the address index, interface by
 * interface; returns 0, or -1 at the first address some interface already
 * has (*IFACE and *ENTRY: the address given again; *OWNER: the interface
 * that has it).  The text loader and a compiled profile's reader both
 * build the index so. */
int network_index_addresses(struct network *net, int *iface, int *entry, int *owner);
/* Fills every interface's links (none before) from the links' ends, in
 * the order of the links. */
void network_attach_links(struct network *net);
/* The interface address A, or NULL; *IFACE (if given) its interface. */
const struct iface_addr *network_addr_lookup(const struct network *net, struct addr a,
                                             int *iface);
/* The interface that owns address A, or -1. */
int network_iface_by_addr(const struct network *net, struct addr a);
/* Does the interface own A? */
int iface_has_addr(const struct iface *ifc, struct addr a);
/* The address of family F an interface answers from: its first address of
 * that family that is not link-local, else its first link-local; NULL if
 * it has none of that family. */
const struct iface_addr *iface_addr_of(const struct network *net, int iface,
                                       enum addr_family f);
/* The far end interface of LINK seen from interface IFACE. */
int link_other_end(const struct network *net, int link, int iface);
/* The interface of DEVICE that LINK is attached to. */
int link_local_end(const struct network *net, int link, int device);
/* The link of IFACE (of any interface of DEVICE) whose far end has address
 * A, or -1; with UP_ONLY, only a link that is up. */
int iface_link_to(const struct network *net, int iface, struct addr a, int up_only);
int device_link_to(const struct network *net, int device, struct addr a, int up_only);
/* Does DEVICE decrement the TTL of a packet that came in on LINK? */
int device_decrements(const struct device *d, int link);
/* The device's address of family F as a target or a source: that of its
 * first interface that has one (iface_addr_of); FAMILY_NONE if none. */
struct addr device_primary_addr(const struct network *net, int device, enum addr_family f);
/* Has the device a global address of family F (not link-local, not
 * loopback)?  For IPv6 that is "IPv6 connectivity", which decides whether a
 * name with both kinds of address is used over IPv6. */
int device_has_global(const struct network *net, int device, enum addr_family f);

/* ---- transit segments and NAT (segment.c) ---------------------------------- */

/* DEVICE's extra fields: its own, or ones with no address and no prefix. */
const struct device_extra *device_extra(const struct device *d);
/* DEVICE's own, made empty (zeroed) if it had none: a text profile's is
 * freed with the device, a compiled one's is its pool's. */
struct device_extra *device_extra_made(struct device *d, struct pool *pool);
/* LINK's segment: its own, or one without addresses or names. */
const struct segment *link_segment(const struct link *l);
/* LINK's own segment, made empty (zeroed) if it had none: a text profile's
 * is freed by link_free_segment, a compiled one's is its pool's. */
struct segment *link_segment_made(struct link *l, struct pool *pool);
/* How many TTL steps crossing LINK takes (0 for a plain link). */
unsigned link_ttl_hops(const struct link *l);
/* Whether the prefix POOL has an address for each of ROUTERS routers
 * (pool + 1 .. pool + ROUTERS). */
int segment_pool_has_room(const struct prefix *pool, unsigned routers);
/* The address router I (1..routers, from end a) of LINK answers from in
 * family F; FAMILY_NONE if the link has no pool of that family. */
struct addr link_router_addr(const struct link *l, unsigned i, enum addr_family f);
/* The link and router number whose pool address is A; 0 if none. */
int network_segment_router(const struct network *net, struct addr a, int *link, unsigned *i);
/* The first router of LINK whose address an interface also has: returns
 * that interface, with the router in *ROUTER and the address in *A; -1 if
 * none.  Reads the address index, so it is built first. */
int link_router_on_iface(const struct network *net, int link, unsigned *router,
                         struct addr *a);
/* Frees the link's segment (a text profile's) and what it owns (the
 * reverse names). */
void link_free_segment(struct link *l);
/* The source a packet from SRC has after DEVICE sends it out of interface
 * EGRESS: its NAT's outside address, or SRC unchanged. */
struct addr nat_source(const struct network *net, int device, int egress, struct addr src);
/* The destination a packet for DST has once DEVICE received it on
 * interface INGRESS: the nat_forward address if it came in by the outside
 * interface for that interface's address, else DST unchanged. */
struct addr nat_destination(const struct network *net, int device, int ingress, struct addr dst);

#endif
