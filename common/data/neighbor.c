/* neighbor.c - see neighbor.h. */
#include "data/neighbor.h"

#include <stdlib.h>

#include "base/util.h"

void neighbor_cache_free(struct neighbor_cache *c)
{
    free(c->entries);
    c->entries = NULL;
    c->n = c->cap = 0;
}

static struct neighbor_entry *find_present(struct neighbor_cache *c, int device, int link,
                                           enum addr_family family)
{
    for (size_t i = 0; i < c->n; i++)
        if (c->entries[i].device == device && c->entries[i].link == link &&
            c->entries[i].family == family)
            return &c->entries[i];
    return NULL;
}

static struct neighbor_entry *find_absent(struct neighbor_cache *c, int device, struct addr a)
{
    for (size_t i = 0; i < c->n; i++)
        if (c->entries[i].device == device && c->entries[i].link < 0 &&
            addr_eq(c->entries[i].addr, a))
            return &c->entries[i];
    return NULL;
}

static void add(struct neighbor_cache *c, struct neighbor_entry e)
{
    c->entries = grow(c->entries, c->n, &c->cap, sizeof *c->entries);
    c->entries[c->n++] = e;
}

int neighbor_resolve_needed(struct neighbor_cache *c, const struct network *net, int device,
                            int link, enum addr_family family)
{
    if (find_present(c, device, link, family))
        return 0;
    add(c, (struct neighbor_entry){device, link, family, {0}, 0});
    /* the solicitation carries the asker's address: the neighbour caches it */
    int mine = link_local_end(net, link, device);
    int neighbor = net->ifaces[link_other_end(net, link, mine)].device;
    if (!find_present(c, neighbor, link, family))
        add(c, (struct neighbor_entry){neighbor, link, family, {0}, 0});
    return 1;
}

int neighbor_miss_known(struct neighbor_cache *c, const struct network *net, int device,
                        struct addr addr, double now_ms)
{
    double timeout = net->devices[device].neighbor_timeout_ms;
    if (timeout <= 0)
        return 1;
    struct neighbor_entry *e = find_absent(c, device, addr);
    if (!e) { /* the first packet starts resolving it */
        add(c, (struct neighbor_entry){device, -1, addr.family, addr, now_ms + timeout});
        return 0;
    }
    return now_ms >= e->failed_at_ms;
}

void neighbor_cache_start(struct neighbor_cache *c, const struct network *net)
{
    c->n = 0;
    for (size_t dev = 0; dev < net->ndevices; dev++) {
        const struct device *d = &net->devices[dev];
        for (size_t i = 0; i < d->nneighbor_cached; i++) {
            struct addr a = d->neighbor_cached[i];
            /* resolved before the run, as in it: both ends learnt */
            neighbor_resolve_needed(c, net, (int)dev, device_link_to(net, (int)dev, a, 0),
                                    a.family); /* a neighbour's: checked at load */
        }
    }
}
