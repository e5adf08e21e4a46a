/* forward.h - the data plane: the way one packet takes through the network,
 * device by device, from the forwarding tables.  Equal-cost next hops are
 * chosen by a hash of the flow (source, destination) and the network's ECMP
 * seed, so one flow always takes one way. */
#ifndef NETMIMIC_FORWARD_H
#define NETMIMIC_FORWARD_H

#include <stddef.h>
#include <stdint.h>

#include "model/model.h"
#include "control/routing.h"

/* A loop shows as repeating hops; the walk stops after this many devices. */
#define PATH_MAX_STEPS 300

enum path_end {
    PATH_DELIVERED,      /* the last step owns the destination address */
    PATH_NO_ROUTE,       /* the last step has no route */
    PATH_NO_HOST,        /* connected prefix, but no such address on the segment */
    PATH_BROADCAST,      /* an IPv4 subnet's broadcast address: nobody answers it */
    PATH_NOT_FORWARDING, /* the last step is a host that does not forward */
    PATH_TOO_LONG,       /* PATH_MAX_STEPS reached: a forwarding loop */
    PATH_BAD_ROUTE       /* a strict source route's next host is not adjacent */
};

struct path_step {
    int device;
    int in_link;  /* -1 at the source */
    int in_iface; /* the interface the packet came in on; -1 at the source */
    struct addr src; /* the packet's source address as it arrives here: the
                        original one, or as a NAT device on the way left it */
};

struct fwd_path {
    struct path_step *steps;
    size_t n;
    enum path_end end;
};

void forward_path(const struct network *net, struct routing *rt, int src_device,
                  struct addr src, struct addr dst, struct fwd_path *out);
void fwd_path_free(struct fwd_path *p);

/* The step a packet at AT makes by going out over LINK: the device at the
 * far end, the interface it comes in on, and the source as a NAT device at
 * AT leaves it.  forward_path takes each step so. */
struct path_step forward_step(const struct network *net, const struct path_step *at, int link);

/* Walks P (one step or more, the first its source, the others as
 * forward_step makes them; its steps heap-allocated) on toward DST from its
 * last step, exactly as forward_path walks, and sets how it ends.  For a
 * path made to leave the data plane's way at some step, such as an
 * equal-cost branch. */
void forward_continue(const struct network *net, struct routing *rt, struct addr dst,
                      struct fwd_path *p);

/* The link DEVICE sends a packet SRC->DST out on, or -1 if it has none. */
int forward_next_link(const struct network *net, struct routing *rt, int device,
                      struct addr src, struct addr dst);

/* Does the device own address A (on any interface)? */
int device_owns(const struct network *net, int device, struct addr a);

/* The flow of a packet, for the ECMP hash and flow tables: for IPv4 the
 * two addresses side by side, as it always was (so recorded seeds keep
 * their paths); for IPv6 a hash of both. */
uint64_t flow_key(struct addr src, struct addr dst);

#endif
