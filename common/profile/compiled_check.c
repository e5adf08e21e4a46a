/* compiled_check.c - see compiled_check.h.  A compiled file with a good
 * checksum may still be crafted: these are the invariants of the text
 * loader (profile_refs.c) that an index in range does not give. */
#include "profile/compiled_check.h"

#include <stdlib.h>

#include "base/util.h"

/* Every interface belongs to the device that lists it, and to one only. */
static void check_device_ifaces(struct bytes_in *in, const struct network *net)
{
    unsigned char *listed = ecalloc(net->nifaces, 1);
    for (size_t i = 0; i < net->ndevices; i++) {
        const struct device *d = &net->devices[i];
        if (d->nifaces == 0)
            bytes_fail(in, "a device without interfaces");
        for (size_t k = 0; k < d->nifaces; k++) {
            int ifc = d->ifaces[k];
            if (net->ifaces[ifc].device != (int)i || listed[ifc]++)
                bytes_fail(in, "an interface listed by a device it is not of");
        }
    }
    for (size_t i = 0; i < net->nifaces; i++)
        if (!listed[i])
            bytes_fail(in, "an interface no device lists");
    free(listed);
}

/* reply_from and nat_outside name an interface of the device itself. */
static void check_device_refs(struct bytes_in *in, const struct network *net)
{
    for (size_t i = 0; i < net->ndevices; i++) {
        const struct device *d = &net->devices[i];
        if ((d->reply_from == REPLY_FROM_IFACE) != (d->reply_from_iface >= 0) ||
            (d->reply_from_iface >= 0 && net->ifaces[d->reply_from_iface].device != (int)i))
            bytes_fail(in, "a reply_from interface of another device");
        if (d->nat_outside >= 0 && net->ifaces[d->nat_outside].device != (int)i)
            bytes_fail(in, "a nat_outside interface of another device");
    }
    if (net->devices[net->default_host].kind != KIND_HOST)
        bytes_fail(in, "a default host that is not a host");
}

/* A segment's pool holds its routers (profile_refs.c's check_segment). */
static int pool_holds(const struct link *l, int f)
{
    const struct prefix *p = &link_segment(l)->router_pool[f];
    if (p->addr.family == FAMILY_NONE)
        return 1;
    return l->routers && segment_pool_has_room(p, l->routers);
}

static void check_links(struct bytes_in *in, const struct network *net)
{
    for (size_t i = 0; i < net->nlinks; i++) {
        const struct link *l = &net->links[i];
        if (net->ifaces[l->end[0]].device == net->ifaces[l->end[1]].device)
            bytes_fail(in, "a link that joins a device to itself");
        if (!pool_holds(l, 0) || !pool_holds(l, 1))
            bytes_fail(in, "a segment pool without room for its routers");
        const struct segment *s = link_segment(l);
        if (s->router_pool[0].addr.family == FAMILY_V6 ||
            s->router_pool[1].addr.family == FAMILY_V4)
            bytes_fail(in, "a segment pool of the other family");
    }
}

/* A session's ends are the devices at its link's ends, each with an ASN,
 * and it exports only sessions of the same device. */
static void check_sessions(struct bytes_in *in, const struct network *net)
{
    for (size_t i = 0; i < net->nsessions; i++) {
        const struct session *s = &net->sessions[i];
        for (int e = 0; e < 2; e++) {
            const struct session_end *end = &s->end[e];
            if (end->device != net->ifaces[net->links[s->link].end[e]].device ||
                !net->devices[end->device].asn)
                bytes_fail(in, "a session end that is not its link's");
            for (size_t k = 0; k < end->nexport_sessions; k++) {
                const struct session *o = &net->sessions[end->export_sessions[k]];
                if (o->end[0].device != end->device && o->end[1].device != end->device)
                    bytes_fail(in, "an export session of another device");
            }
        }
    }
}

void compiled_check(struct bytes_in *in, const struct network *net)
{
    check_device_ifaces(in, net);
    check_device_refs(in, net);
    check_links(in, net);
    check_sessions(in, net);
}

/* Static next hops and cached neighbours are at the far end of a link;
 * nat_forward has an outside address of its family. */
static void check_neighbours(struct bytes_in *in, const struct network *net)
{
    for (size_t i = 0; i < net->ndevices; i++) {
        const struct device *d = &net->devices[i];
        for (size_t r = 0; r < d->nstatics; r++)
            if (device_link_to(net, (int)i, d->statics[r].via, 0) < 0)
                bytes_fail(in, "a static next hop at the end of no link");
        for (size_t k = 0; k < d->nneighbor_cached; k++)
            if (device_link_to(net, (int)i, d->neighbor_cached[k], 0) < 0)
                bytes_fail(in, "a cached neighbour at the end of no link");
        for (int f = 0; f < 2; f++)
            if (device_extra(d)->nat_forward[f].family != FAMILY_NONE &&
                (d->nat_outside < 0 ||
                 !iface_addr_of(net, d->nat_outside, device_extra(d)->nat_forward[f].family)))
                bytes_fail(in, "a nat_forward without an outside address");
    }
}

/* A segment router's address is no interface's (check_segment_addresses). */
static void check_segment_addresses(struct bytes_in *in, const struct network *net)
{
    for (size_t i = 0; i < net->nlinks; i++) {
        unsigned router;
        struct addr a;
        if (net->links[i].routers && link_router_on_iface(net, (int)i, &router, &a) >= 0)
            bytes_fail(in, "a segment router with an interface's address");
    }
}

void compiled_rebuild(struct bytes_in *in, struct network *net)
{
    network_attach_links(net);
    int ifc, entry, owner;
    if (network_index_addresses(net, &ifc, &entry, &owner) != 0)
        bytes_fail(in, "an address on two interfaces");
    check_neighbours(in, net);
    check_segment_addresses(in, net);
}
