/* neighbor.h - what each device knows of its neighbours in one run: the
 * neighbour cache of ARP (IPv4) and neighbour discovery (IPv6).
 *
 * A present neighbour: the first packet a device sends toward a neighbour
 * it has not resolved yet waits the device's neighbor_resolve time; the
 * solicitation also tells the neighbour who asked, so the answer back needs
 * no resolution of its own (both ends are cached).  A device's
 * neighbor_cached neighbours were resolved so just before the run: both
 * ends are cached from its start.
 *
 * An absent neighbour (an on-link address nobody owns): with a
 * neighbor_timeout the device keeps trying for that long after the first
 * packet toward it; packets sent meanwhile wait on the incomplete entry and
 * are dropped when it fails, and packets sent after that meet a failed
 * entry and get the device's neighbor_miss answer.  That is Windows'
 * "Request timed out." then "Destination host unreachable." (see
 * man/netmimic-profile.5, neighbor_timeout, for the rule and its
 * evidence).  Without one, the miss is known at once. */
#ifndef NETMIMIC_NEIGHBOR_H
#define NETMIMIC_NEIGHBOR_H

#include <stddef.h>
#include <stdint.h>

#include "addr/addr.h"
#include "model/model.h"

struct neighbor_entry {
    int device;         /* who resolves */
    int link;           /* toward the neighbour at its far end; -1: an absent one */
    enum addr_family family; /* ARP's cache and neighbour discovery's are apart */
    struct addr addr;   /* an absent neighbour's address */
    double failed_at_ms; /* absent: when resolving it fails */
};

struct neighbor_cache {
    struct neighbor_entry *entries;
    size_t n, cap;
};

/* Empties the cache for a new run, but for the neighbours each device's
 * neighbor_cached says were resolved before it. */
void neighbor_cache_start(struct neighbor_cache *c, const struct network *net);
void neighbor_cache_free(struct neighbor_cache *c);

/* DEVICE sends a packet of FAMILY over LINK to the neighbour at its far
 * end (links join two interfaces): returns 1 if it has to resolve it first
 * (and caches both ends), 0 if it knows it. */
int neighbor_resolve_needed(struct neighbor_cache *c, const struct network *net, int device,
                            int link, enum addr_family family);

/* DEVICE sends, at NOW_MS, toward ADDR, an on-link address nobody owns:
 * returns 1 if the miss is known (resolving it failed already, or the
 * device has no neighbor_timeout), 0 if the packet waits on an incomplete
 * entry and is lost with it. */
int neighbor_miss_known(struct neighbor_cache *c, const struct network *net, int device,
                        struct addr addr, double now_ms);

#endif
