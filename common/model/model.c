/* model.c - lookups over the loaded network model.  Names are compared
 * without case: iniparser lower-cases section names, not the values that
 * refer to them. */
#include "model/model.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "base/util.h"

/* The first of N objects of SIZE bytes at OBJECTS whose id (the char *
 * at ID_OFFSET) is ID, or -1: the find of a network whose table of ids
 * was not built (a compiled profile's).  A run looks up a name or two,
 * and a scan of them all costs less than building the table: that was a
 * twelfth of a compiled 1,000-device tracert's instructions and a tenth
 * of its page faults. */
static int scan_ids(const void *objects, size_t n, size_t size, size_t id_offset,
                    const char *id)
{
    for (size_t i = 0; i < n; i++)
        if (str_ieq(*(char *const *)((const char *)objects + i * size + id_offset), id))
            return (int)i;
    return -1;
}

/* Each find: the table if it was built (a text profile's loader fills it
 * as it creates each object), else the scan. */
int network_find_device(const struct network *net, const char *id)
{
    return net->device_ids.cap ? (int)strmap_get(&net->device_ids, id)
                               : scan_ids(net->devices, net->ndevices, sizeof *net->devices,
                                          offsetof(struct device, id), id);
}

int network_find_link(const struct network *net, const char *id)
{
    return net->link_ids.cap ? (int)strmap_get(&net->link_ids, id)
                             : scan_ids(net->links, net->nlinks, sizeof *net->links,
                                        offsetof(struct link, id), id);
}

int network_find_scenario(const struct network *net, const char *id)
{
    return net->scenario_ids.cap ? (int)strmap_get(&net->scenario_ids, id)
                                 : scan_ids(net->scenarios, net->nscenarios,
                                            sizeof *net->scenarios,
                                            offsetof(struct scenario, id), id);
}

int network_find_session(const struct network *net, const char *id)
{
    return net->session_ids.cap ? (int)strmap_get(&net->session_ids, id)
                                : scan_ids(net->sessions, net->nsessions, sizeof *net->sessions,
                                           offsetof(struct session, id), id);
}

/* A hash of A for the index: its two words mixed, a tenth of addr_hash's
 * byte-by-byte instructions (that one is the ECMP hash's, which the
 * output depends on: not changed). */
static size_t index_hash(struct addr a)
{
    uint64_t lo, hi;
    memcpy(&lo, a.b, 8);
    memcpy(&hi, a.b + 8, 8);
    uint64_t h = (lo ^ (hi << 32 | hi >> 32) ^ a.family) * 0x9e3779b97f4a7c15u;
    h = (h ^ (h >> 32)) * 0xd6e8feb86659fd93u;
    return (size_t)(h ^ (h >> 32));
}

/* The address a slot holds. */
static struct addr slot_addr(const struct network *net, struct addr_slot s)
{
    return net->ifaces[s.iface].addrs[s.entry].addr;
}

/* The slot of A in the index: its own or the empty one where it would go. */
static size_t addr_slot_of(const struct network *net, struct addr a)
{
    size_t mask = net->addr_index_cap - 1, i = index_hash(a) & mask;
    while (net->addr_index[i].iface >= 0 && !addr_eq(slot_addr(net, net->addr_index[i]), a))
        i = (i + 1) & mask;
    return i;
}

/* The table at CAP slots (a power of two), its entries moved over. */
static void addr_index_resize(struct network *net, size_t cap)
{
    struct addr_slot *old = net->addr_index;
    size_t old_cap = net->addr_index_cap;
    net->addr_index_cap = cap;
    net->addr_index = emalloc(net->addr_index_cap * sizeof *net->addr_index);
    for (size_t i = 0; i < net->addr_index_cap; i++)
        net->addr_index[i].iface = -1;
    for (size_t i = 0; i < old_cap; i++)
        if (old[i].iface >= 0)
            net->addr_index[addr_slot_of(net, slot_addr(net, old[i]))] = old[i];
    free(old);
}

static void addr_index_grow(struct network *net)
{
    addr_index_resize(net, net->addr_index_cap ? net->addr_index_cap * 2 : 64);
}

int network_index_address(struct network *net, int iface, int entry)
{
    if (2 * (net->naddr_index + 1) > net->addr_index_cap)
        addr_index_grow(net);
    struct addr a = net->ifaces[iface].addrs[entry].addr;
    struct addr_slot *slot = &net->addr_index[addr_slot_of(net, a)];
    if (slot->iface >= 0)
        return slot->iface;
    *slot = (struct addr_slot){iface, entry};
    net->naddr_index++;
    return -1;
}

int network_index_addresses(struct network *net, int *iface, int *entry, int *owner)
{
    size_t n = net->naddr_index;
    for (size_t i = 0; i < net->nifaces; i++)
        n += net->ifaces[i].naddrs;
    size_t cap = net->addr_index_cap ? net->addr_index_cap : 64;
    while (2 * (n + 1) > cap) /* sized once, not doubled on the way */
        cap *= 2;
    if (cap != net->addr_index_cap)
        addr_index_resize(net, cap);
    for (size_t i = 0; i < net->nifaces; i++)
        for (size_t k = 0; k < net->ifaces[i].naddrs; k++) {
            *owner = network_index_address(net, (int)i, (int)k);
            if (*owner >= 0) {
                *iface = (int)i;
                *entry = (int)k;
                return -1;
            }
        }
    return 0;
}

void network_attach_links(struct network *net)
{
    /* counted first: one allocation an interface, not a realloc a link */
    for (size_t i = 0; i < net->nlinks; i++)
        for (int e = 0; e < 2; e++)
            net->ifaces[net->links[i].end[e]].nlinks++;
    /* one array for every interface's: a malloc an interface was a
     * sixth of a compiled 100,000-device load */
    free(net->iface_links);
    net->iface_links = net->nlinks ? emalloc(2 * net->nlinks * sizeof *net->iface_links) : NULL;
    size_t at = 0;
    for (size_t i = 0; i < net->nifaces; i++) {
        struct iface *ifc = &net->ifaces[i];
        ifc->links = ifc->nlinks ? net->iface_links + at : NULL;
        at += ifc->nlinks;
        ifc->nlinks = 0;
    }
    for (size_t i = 0; i < net->nlinks; i++)
        for (int e = 0; e < 2; e++) {
            struct iface *ifc = &net->ifaces[net->links[i].end[e]];
            ifc->links[ifc->nlinks++] = (int)i;
        }
}

const struct iface_addr *network_addr_lookup(const struct network *net, struct addr a,
                                             int *iface)
{
    if (!net->addr_index_cap)
        return NULL;
    const struct addr_slot *slot = &net->addr_index[addr_slot_of(net, a)];
    if (slot->iface < 0)
        return NULL;
    if (iface)
        *iface = slot->iface;
    return &net->ifaces[slot->iface].addrs[slot->entry];
}

int network_iface_by_addr(const struct network *net, struct addr a)
{
    int ifc = -1;
    return network_addr_lookup(net, a, &ifc) ? ifc : -1;
}

int iface_has_addr(const struct iface *ifc, struct addr a)
{
    for (size_t i = 0; i < ifc->naddrs; i++)
        if (addr_eq(ifc->addrs[i].addr, a))
            return 1;
    return 0;
}

const struct iface_addr *iface_addr_of(const struct network *net, int iface,
                                       enum addr_family f)
{
    const struct iface *ifc = &net->ifaces[iface];
    const struct iface_addr *link_local = NULL;
    for (size_t i = 0; i < ifc->naddrs; i++) {
        const struct iface_addr *ia = &ifc->addrs[i];
        if (ia->addr.family != f)
            continue;
        if (!addr_is_link_local(ia->addr))
            return ia;
        if (!link_local)
            link_local = ia;
    }
    return link_local;
}

int link_other_end(const struct network *net, int link, int iface)
{
    const struct link *l = &net->links[link];
    return l->end[0] == iface ? l->end[1] : l->end[0];
}

int link_local_end(const struct network *net, int link, int device)
{
    const struct link *l = &net->links[link];
    return net->ifaces[l->end[0]].device == device ? l->end[0] : l->end[1];
}

int iface_link_to(const struct network *net, int iface, struct addr a, int up_only)
{
    const struct iface *ifc = &net->ifaces[iface];
    for (size_t i = 0; i < ifc->nlinks; i++) {
        int l = ifc->links[i];
        if ((!up_only || net->links[l].up) &&
            iface_has_addr(&net->ifaces[link_other_end(net, l, iface)], a))
            return l;
    }
    return -1;
}

int device_link_to(const struct network *net, int device, struct addr a, int up_only)
{
    const struct device *d = &net->devices[device];
    for (size_t i = 0; i < d->nifaces; i++) {
        int l = iface_link_to(net, d->ifaces[i], a, up_only);
        if (l >= 0)
            return l;
    }
    return -1;
}

int device_decrements(const struct device *d, int link)
{
    if (d->decrement_all)
        return 1;
    for (size_t i = 0; i < d->ndecrement_links; i++)
        if (d->decrement_links[i] == link)
            return 1;
    return 0;
}

struct addr device_primary_addr(const struct network *net, int device, enum addr_family f)
{
    const struct device *d = &net->devices[device];
    for (size_t i = 0; i < d->nifaces; i++) {
        const struct iface_addr *ia = iface_addr_of(net, d->ifaces[i], f);
        if (ia)
            return ia->addr;
    }
    return (struct addr){.family = FAMILY_NONE};
}

int device_has_global(const struct network *net, int device, enum addr_family f)
{
    const struct device *d = &net->devices[device];
    for (size_t i = 0; i < d->nifaces; i++) {
        const struct iface *ifc = &net->ifaces[d->ifaces[i]];
        for (size_t k = 0; k < ifc->naddrs; k++)
            if (ifc->addrs[k].addr.family == f && !addr_is_link_local(ifc->addrs[k].addr) &&
                !addr_is_loopback(ifc->addrs[k].addr))
                return 1;
    }
    return 0;
}

static void free_device(struct device *d)
{
    free(d->id);
    free_list(d->names, d->nnames);
    free(d->ifaces);
    free(d->statics);
    dist_free(d->reply_delay);
    dist_free(d->flow_setup);
    dist_free(d->neighbor_resolve);
    free(d->neighbor_cached);
    free(d->decrement_links);
    free(d->networks);
    if (d->extra)
        free(d->extra->nat_inside);
    free(d->extra);
}

static void free_session_end(struct session_end *e)
{
    free(e->export_sessions);
    free(e->export_filter);
    free(e->import_filter);
}

/* A text profile's objects: every string and array a malloc of its own. */
static void free_objects(struct network *net)
{
    for (size_t i = 0; i < net->ndevices; i++)
        free_device(&net->devices[i]);
    for (size_t i = 0; i < net->nifaces; i++) {
        free(net->ifaces[i].name);
        for (size_t k = 0; k < net->ifaces[i].naddrs; k++)
            free(net->ifaces[i].addrs[k].ptr);
        free(net->ifaces[i].addrs);
    }
    for (size_t i = 0; i < net->nlinks; i++) {
        free(net->links[i].id);
        dist_free(net->links[i].latency);
        link_free_segment(&net->links[i]);
    }
    for (size_t i = 0; i < net->nsessions; i++) {
        free(net->sessions[i].id);
        free_session_end(&net->sessions[i].end[0]);
        free_session_end(&net->sessions[i].end[1]);
    }
    for (size_t i = 0; i < net->nscenarios; i++) {
        free(net->scenarios[i].id);
        free(net->scenarios[i].description);
        free(net->scenarios[i].links_down);
    }
    for (size_t i = 0; i < net->nsites; i++) {
        free(net->sites[i].id);
        free(net->sites[i].name);
        free(net->sites[i].prefixes);
    }
}

/* A compiled profile's: its small arrays, the segments' names and the
 * distributions are the pool's (a distribution may be shared: only what
 * sampling added to one is freed), its strings in its bytes. */
static void free_pooled_objects(struct network *net)
{
    for (size_t i = 0; i < net->ndevices; i++) {
        dist_free_state(net->devices[i].reply_delay);
        dist_free_state(net->devices[i].flow_setup);
        dist_free_state(net->devices[i].neighbor_resolve);
    }
    for (size_t i = 0; i < net->nlinks; i++)
        dist_free_state(net->links[i].latency);
    pool_free(net->pool);
    free(net->pool);
}

void network_free(struct network *net)
{
    if (net->pool)
        free_pooled_objects(net);
    else
        free_objects(net);
    free(net->devices);
    free(net->ifaces);
    free(net->iface_links);
    free(net->links);
    free(net->sessions);
    free(net->scenarios);
    free(net->sites);
    free(net->addr_index);
    free(net->path);
    free(net->twin);
    free(net->name);
    if (net->map)
        munmap(net->map, net->map_size);
    strmap_free(&net->device_ids);
    strmap_free(&net->link_ids);
    strmap_free(&net->session_ids);
    strmap_free(&net->scenario_ids);
    strmap_free(&net->site_ids);
    memset(net, 0, sizeof *net);
}
