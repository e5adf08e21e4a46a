/* profile_refs.c - the loader's third pass: the references between objects
 * (link ends, sessions, scenarios, the default host, decrement lists, export
 * lists, static next hops) and the checks across the whole network. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "profile/loader.h"
#include "base/util.h"

/* ---- pass 3: references and checks --------------------------------------- */

static struct dist *zero_dist(void)
{
    char err[64];
    return dist_parse("0", err, sizeof err);
}

char *loader_section(const char *type, const char *id, char *buf, size_t n)
{
    size_t type_len = strlen(type);
    copy_text(buf, n, type, type_len);
    if (type_len + 1 < n) {
        buf[type_len] = ' ';
        copy_text(buf + type_len + 1, n - type_len - 1, id, strlen(id));
    }
    return buf;
}

static int resolve_link(const struct loader *ld, const char *sec, const char *key,
                        const char *name)
{
    int l = network_find_link(ld->net, name);
    if (l < 0)
        loader_fail(ld, sec, key, "no [link %s]", name);
    return l;
}

static int resolve_endpoint(const struct loader *ld, const char *sec, const char *key,
                            const char *ref)
{
    const struct network *net = ld->net;
    if (!ref)
        loader_fail(ld, sec, key, "missing: every link names its two ends as DEVICE.INTERFACE");
    const char *dot = strrchr(ref, '.');
    char dev[LOADER_LINE_MAX + 1]; /* a value is never longer: never cut */
    if (!dot || (size_t)(dot - ref) >= sizeof dev)
        loader_fail(ld, sec, key, "'%s' is not DEVICE.INTERFACE", ref);
    memcpy(dev, ref, (size_t)(dot - ref));
    dev[dot - ref] = '\0';
    int d = network_find_device(net, dev);
    if (d < 0)
        loader_fail(ld, sec, key, "no [device %s]", dev);
    for (size_t i = 0; i < net->devices[d].nifaces; i++) {
        int ifc = net->devices[d].ifaces[i];
        if (str_ieq(net->ifaces[ifc].name, dot + 1))
            return ifc;
    }
    loader_fail(ld, sec, key, "device '%s' has no interface '%s'", dev, dot + 1);
}

/* A transit segment's pool must hold its routers (pool + 1 .. pool + N);
 * addresses without routers, or routers that answer without addresses of
 * either family, are mistakes. */
static void check_segment(struct loader *ld, int link, const char *sec)
{
    struct link *l = &ld->net->links[link];
    int pools = 0;
    for (int f = 0; f < 2; f++) {
        const struct prefix *p = &link_segment(l)->router_pool[f];
        if (p->addr.family == FAMILY_NONE)
            continue;
        pools++;
        if (!l->routers)
            loader_fail(ld, sec, "router_addresses", "the link stands for no routers (routers)");
        if (!segment_pool_has_room(p, l->routers))
            loader_fail(ld, sec, "router_addresses", "a /%d has no room for %u routers", p->len,
                        l->routers);
    }
    if (l->routers && l->routers_ttl != ROUTERS_TTL_NONE && !pools)
        loader_fail(ld, sec, "router_addresses", "missing: the %u routers answer from its "
                    "addresses (or routers_ttl = none)", l->routers);
    if (ld->link_refs[link].router_names)
        loader_router_names(ld, link, ld->link_refs[link].router_names);
}

static void resolve_links(struct loader *ld)
{
    struct network *net = ld->net;
    char sec[300];
    for (size_t i = 0; i < net->nlinks; i++) {
        struct link *l = &net->links[i];
        loader_section("link", l->id, sec, sizeof sec);
        for (int e = 0; e < 2; e++)
            l->end[e] = resolve_endpoint(ld, sec, e ? "b" : "a", ld->link_refs[i].end[e]);
        if (net->ifaces[l->end[0]].device == net->ifaces[l->end[1]].device)
            loader_fail(ld, sec, "b", "a link joins two different devices");
        if (!l->latency)
            l->latency = zero_dist();
        check_segment(ld, (int)i, sec);
    }
    network_attach_links(net);
}

static void resolve_decrement(struct loader *ld, struct device *d, const char *sec,
                              const char *v)
{
    if (!v)
        return;
    if (strcmp(v, "all") == 0)
        return;
    d->decrement_all = 0;
    if (strcmp(v, "none") == 0)
        return;
    size_t n;
    char **names = loader_split(ld, v, ' ', &n);
    d->decrement_links = ecalloc(n, sizeof *d->decrement_links);
    for (size_t i = 0; i < n; i++)
        d->decrement_links[i] = resolve_link(ld, sec, "decrement", names[i]);
    d->ndecrement_links = n;
}

/* A static route's next hop must be the far end of one of the device's links. */
static void check_static_routes(const struct loader *ld, int dev, const char *sec)
{
    const struct network *net = ld->net;
    const struct device *d = &net->devices[dev];
    for (size_t r = 0; r < d->nstatics; r++) {
        char a[ADDR_TEXT_MAX];
        if (device_link_to(net, dev, d->statics[r].via, 0) < 0)
            loader_fail(ld, sec, "routes", "next hop %s is not at the far end of any link of '%s'",
                 addr_format(d->statics[r].via, a), d->id);
    }
}

/* The interface of device DEV named NAME, or -1. */
static int device_iface_named(const struct network *net, int dev, const char *name)
{
    const struct device *d = &net->devices[dev];
    for (size_t i = 0; i < d->nifaces; i++)
        if (str_ieq(net->ifaces[d->ifaces[i]].name, name))
            return d->ifaces[i];
    return -1;
}

/* reply_from = ingress | toward-source | INTERFACE | ADDRESS [ADDRESS] */
static void resolve_reply_from(struct loader *ld, int dev, const char *sec, const char *v)
{
    struct device *d = &ld->net->devices[dev];
    if (!v || strcmp(v, "ingress") == 0)
        return;
    if (strcmp(v, "toward-source") == 0) {
        d->reply_from = REPLY_FROM_TOWARD_SOURCE;
        return;
    }
    d->reply_from_iface = device_iface_named(ld->net, dev, v);
    if (d->reply_from_iface >= 0) {
        d->reply_from = REPLY_FROM_IFACE;
        return;
    }
    size_t n;
    /* the loader's list: a loader_fail below leaves it reachable */
    char **items = loader_split(ld, v, ' ', &n);
    d->reply_from = REPLY_FROM_ADDRESS;
    for (size_t i = 0; i < n; i++) {
        struct addr a;
        if (addr_parse(items[i], &a))
            loader_fail(ld, sec, "reply_from", "'%s' is not ingress, toward-source, an interface "
                        "of '%s' or an address", items[i], d->id);
        struct addr *slot = &device_extra_made(d, NULL)->reply_from_addr[a.family == FAMILY_V6];
        if (slot->family != FAMILY_NONE)
            loader_fail(ld, sec, "reply_from", "two addresses of one family: one IPv4 and one "
                        "IPv6 at most");
        *slot = a;
    }
}

/* nat_outside goes with nat_inside (source NAT), nat_forward (destination
 * NAT) or both; nat_forward needs an outside address of its family. */
static void resolve_nat(struct loader *ld, int dev, const char *sec, const char *v)
{
    struct device *d = &ld->net->devices[dev];
    const struct device_extra *x = device_extra(d);
    int forwards = x->nat_forward[0].family != FAMILY_NONE ||
                   x->nat_forward[1].family != FAMILY_NONE;
    if (!v && !x->nnat_inside && !forwards)
        return;
    if (!v)
        loader_fail(ld, sec, "nat_outside", "missing: %s needs the outside interface",
                    x->nnat_inside ? "nat_inside" : "nat_forward");
    if (!x->nnat_inside && !forwards)
        loader_fail(ld, sec, "nat_inside", "missing: nat_outside needs the inside prefixes");
    d->nat_outside = device_iface_named(ld->net, dev, v);
    if (d->nat_outside < 0)
        loader_fail(ld, sec, "nat_outside", "device '%s' has no interface '%s'", d->id, v);
    for (int f = 0; f < 2; f++)
        if (x->nat_forward[f].family != FAMILY_NONE &&
            !iface_addr_of(ld->net, d->nat_outside, x->nat_forward[f].family))
            loader_fail(ld, sec, "nat_forward", "interface '%s' has no %s address to forward", v,
                        f ? "IPv6" : "IPv4");
}

/* A cached neighbour is at the far end of one of the device's links. */
static void check_neighbor_cached(const struct loader *ld, int dev, const char *sec)
{
    const struct device *d = &ld->net->devices[dev];
    char a[ADDR_TEXT_MAX];
    for (size_t i = 0; i < d->nneighbor_cached; i++)
        if (device_link_to(ld->net, dev, d->neighbor_cached[i], 0) < 0)
            loader_fail(ld, sec, "neighbor_cached", "%s is not at the far end of any link of '%s'",
                        addr_format(d->neighbor_cached[i], a), d->id);
}

static void resolve_devices(struct loader *ld)
{
    struct network *net = ld->net;
    char sec[300];
    for (size_t i = 0; i < net->ndevices; i++) {
        struct device *d = &net->devices[i];
        loader_section("device", d->id, sec, sizeof sec);
        if (d->nifaces == 0)
            loader_fail(ld, sec, "interfaces", "missing: a device needs at least one interface");
        if (ld->dev_refs[i].site) {
            d->site = loader_find_site(net, ld->dev_refs[i].site);
            if (d->site < 0)
                loader_fail(ld, sec, "site", "no [site %s]", ld->dev_refs[i].site);
        }
        resolve_decrement(ld, d, sec, ld->dev_refs[i].decrement);
        resolve_reply_from(ld, (int)i, sec, ld->dev_refs[i].reply_from);
        resolve_nat(ld, (int)i, sec, ld->dev_refs[i].nat_outside);
        if (!d->initial_ttl)
            d->initial_ttl = d->kind == KIND_HOST ? 128 : 255;
        if (!d->reply_delay)
            d->reply_delay = zero_dist();
        check_static_routes(ld, (int)i, sec);
        check_neighbor_cached(ld, (int)i, sec);
    }
}

static void resolve_export(struct loader *ld, struct session_end *e, const char *sec,
                           const char *key, const char *v)
{
    if (!v) { /* default: like plain eBGP, everything it has */
        e->export_local = e->export_learned_all = 1;
        return;
    }
    size_t n;
    char **items = loader_split(ld, v, ' ', &n);
    e->export_sessions = ecalloc(n, sizeof *e->export_sessions);
    for (size_t i = 0; i < n; i++) {
        if (strcmp(items[i], "local") == 0)
            e->export_local = 1;
        else if (strcmp(items[i], "connected") == 0)
            e->export_connected = 1;
        else if (strcmp(items[i], "learned") == 0)
            e->export_learned_all = 1;
        else if (strcmp(items[i], "none") != 0) {
            int s = network_find_session(ld->net, items[i]);
            if (s < 0)
                loader_fail(ld, sec, key, "'%s' is not local, connected, learned, none or a session",
                     items[i]);
            e->export_sessions[e->nexport_sessions++] = s;
        }
    }
}

/* A session's export list may only name sessions of the same device: the
 * routes it learned there are the ones it can pass on. */
static void check_export_sessions(const struct loader *ld)
{
    const struct network *net = ld->net;
    char sec[300];
    for (size_t i = 0; i < net->nsessions; i++)
        for (int e = 0; e < 2; e++) {
            const struct session_end *end = &net->sessions[i].end[e];
            for (size_t k = 0; k < end->nexport_sessions; k++) {
                const struct session *other = &net->sessions[end->export_sessions[k]];
                if (other->end[0].device != end->device && other->end[1].device != end->device)
                    loader_fail(ld, loader_section("session", net->sessions[i].id, sec, sizeof sec),
                         e ? "b_export" : "a_export",
                         "session '%s' does not involve device '%s'", other->id,
                         net->devices[end->device].id);
            }
        }
}

static void resolve_sessions(struct loader *ld)
{
    struct network *net = ld->net;
    char sec[300];
    for (size_t i = 0; i < net->nsessions; i++) {
        struct session *s = &net->sessions[i];
        loader_section("session", s->id, sec, sizeof sec);
        const char *link = ld->sess_refs[i].link;
        if (!link && network_find_link(net, s->id) >= 0)
            link = s->id; /* the default: the link the session is named after */
        if (!link)
            loader_fail(ld, sec, "link", "missing: a session runs over a link");
        s->link = resolve_link(ld, sec, "link", link);
        for (int e = 0; e < 2; e++) {
            int dev = net->ifaces[net->links[s->link].end[e]].device;
            s->end[e].device = dev;
            if (!net->devices[dev].asn)
                loader_fail(ld, sec, "link", "device '%s' has no asn", net->devices[dev].id);
            resolve_export(ld, &s->end[e], sec, e ? "b_export" : "a_export",
                           ld->sess_refs[i].export[e]);
        }
    }
}

static void resolve_scenarios(struct loader *ld)
{
    struct network *net = ld->net;
    char sec[300];
    for (size_t i = 0; i < net->nscenarios; i++) {
        struct scenario *s = &net->scenarios[i];
        loader_section("scenario", s->id, sec, sizeof sec);
        size_t n;
        char **names = loader_split(ld, ld->scen_refs[i].down, ' ', &n);
        if (n == 0)
            loader_fail(ld, sec, "down", "missing: a scenario names the links it takes down");
        s->links_down = ecalloc(n, sizeof *s->links_down);
        for (size_t k = 0; k < n; k++)
            s->links_down[k] = resolve_link(ld, sec, "down", names[k]);
        s->nlinks_down = n;
        }
}

/* Builds the address index, which also finds an address given twice. */
static void index_addresses(struct loader *ld)
{
    struct network *net = ld->net;
    char sec[300], a[ADDR_TEXT_MAX];
    int i, k, owner;
    if (network_index_addresses(net, &i, &k, &owner) == 0)
        return;
    const struct device *d = &net->devices[net->ifaces[i].device];
    loader_fail(ld, loader_section("device", d->id, sec, sizeof sec), "interfaces",
                "address %s is already on '%s.%s'", addr_format(net->ifaces[i].addrs[k].addr, a),
                net->devices[net->ifaces[owner].device].id, net->ifaces[owner].name);
}

/* A segment router answering from an interface's address would make one
 * address two hops: the router's replies and the interface's device could
 * not be told apart (network_segment_router, the address index). */
static void check_segment_addresses(const struct loader *ld)
{
    const struct network *net = ld->net;
    char sec[300], a[ADDR_TEXT_MAX];
    for (size_t i = 0; i < net->nlinks; i++) {
        unsigned router;
        struct addr ra;
        int ifc = net->links[i].routers ? link_router_on_iface(net, (int)i, &router, &ra) : -1;
        if (ifc >= 0)
            loader_fail(ld, loader_section("link", net->links[i].id, sec, sizeof sec),
                        "router_addresses", "router %u's address %s is already on '%s.%s'",
                        router, addr_format(ra, a), net->devices[net->ifaces[ifc].device].id,
                        net->ifaces[ifc].name);
    }
}

static void resolve_network(struct loader *ld)
{
    struct network *net = ld->net;
    if (!ld->seen_network)
        loader_fail(ld, "network", NULL, "missing section");
    if (!ld->default_host)
        loader_fail(ld, "network", "default_host", "missing");
    net->default_host = network_find_device(net, ld->default_host);
    if (net->default_host < 0)
        loader_fail(ld, "network", "default_host", "no [device %s]", ld->default_host);
    if (net->devices[net->default_host].kind != KIND_HOST)
        loader_fail(ld, "network", "default_host", "'%s' is not a host", ld->default_host);
}


void loader_resolve(struct loader *ld)
{
    resolve_links(ld);
    resolve_devices(ld);
    resolve_sessions(ld);
    check_export_sessions(ld);
    resolve_scenarios(ld);
    resolve_network(ld);
    index_addresses(ld);
    check_segment_addresses(ld);
    loader_release(ld);
}
