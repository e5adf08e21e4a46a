/* model.c - lookups over the loaded network model.  Names are compared
 * without case: iniparser lower-cases section names, not the values that
 * refer to them. */
#include "model/model.h"

#include <stdlib.h>
#include <string.h>

int network_find_device(const struct network *net, const char *id)
{
    return (int)strmap_get(&net->device_ids, id);
}

int network_find_link(const struct network *net, const char *id)
{
    return (int)strmap_get(&net->link_ids, id);
}

int network_find_scenario(const struct network *net, const char *id)
{
    return (int)strmap_get(&net->scenario_ids, id);
}

int network_find_session(const struct network *net, const char *id)
{
    return (int)strmap_get(&net->session_ids, id);
}

int network_iface_by_addr(const struct network *net, uint32_t a)
{
    for (size_t i = 0; i < net->nifaces; i++)
        if (net->ifaces[i].addr == a)
            return (int)i;
    return -1;
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

int iface_link_to(const struct network *net, int iface, uint32_t a, int up_only)
{
    const struct iface *ifc = &net->ifaces[iface];
    for (size_t i = 0; i < ifc->nlinks; i++) {
        int l = ifc->links[i];
        if ((!up_only || net->links[l].up) && net->ifaces[link_other_end(net, l, iface)].addr == a)
            return l;
    }
    return -1;
}

int device_link_to(const struct network *net, int device, uint32_t a, int up_only)
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

uint32_t device_primary_addr(const struct network *net, int device)
{
    const struct device *d = &net->devices[device];
    return d->nifaces ? net->ifaces[d->ifaces[0]].addr : 0;
}

static void free_device(struct device *d)
{
    free(d->id);
    for (size_t i = 0; i < d->nnames; i++)
        free(d->names[i]);
    free(d->names);
    free(d->ifaces);
    free(d->statics);
    dist_free(d->reply_delay);
    dist_free(d->flow_setup);
    free(d->decrement_links);
    free(d->networks);
}

static void free_session_end(struct session_end *e)
{
    free(e->export_sessions);
    free(e->export_filter);
    free(e->import_filter);
}

void network_free(struct network *net)
{
    for (size_t i = 0; i < net->ndevices; i++)
        free_device(&net->devices[i]);
    for (size_t i = 0; i < net->nifaces; i++) {
        free(net->ifaces[i].name);
        free(net->ifaces[i].ptr);
        free(net->ifaces[i].links);
    }
    for (size_t i = 0; i < net->nlinks; i++) {
        free(net->links[i].id);
        dist_free(net->links[i].latency);
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
    free(net->devices);
    free(net->ifaces);
    free(net->links);
    free(net->sessions);
    free(net->scenarios);
    free(net->sites);
    free(net->path);
    free(net->name);
    strmap_free(&net->device_ids);
    strmap_free(&net->link_ids);
    strmap_free(&net->session_ids);
    strmap_free(&net->scenario_ids);
    strmap_free(&net->site_ids);
    memset(net, 0, sizeof *net);
}
