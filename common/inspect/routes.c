/* routes.c - `netmimic routes DEVICE [PREFIX]`: a device's forwarding
 * table as a router's show command prints it.  The one file of netmimic's
 * inspection that reads the control plane's tables: the connected and
 * static routes of the device's fib, then its learned route for every
 * prefix route exchange carries (all of them computed, as a router's table
 * holds them all). */
#include "inspect/inspect.h"

#include <string.h>

#include "base/util.h"
#include "control/exchange.h"

static const char *origin_code(enum route_source s)
{
    return s == ROUTE_CONNECTED ? "C" : s == ROUTE_STATIC ? "S" : "B";
}

/* The session over LINK that DEVICE takes part in, or NULL. */
static const struct session *session_on(const struct network *net, int link, int device)
{
    for (size_t i = 0; i < net->nsessions; i++) {
        const struct session *s = &net->sessions[i];
        if (s->link == link && (s->end[0].device == device || s->end[1].device == device))
            return s;
    }
    return NULL;
}

/* " via ADDR (DEVICE, link L[, session S])" for one next hop over LINK,
 * in family F; LEARNED names the session the route came over. */
static void print_nexthop(FILE *fp, const struct network *net, int device, int link,
                          enum addr_family f, int learned)
{
    char at[ADDR_TEXT_MAX];
    int far = link_other_end(net, link, link_local_end(net, link, device));
    const struct iface_addr *ia = iface_addr_of(net, far, f);
    const struct session *s = learned ? session_on(net, link, device) : NULL;
    fprintf(fp, " via %s (%s, link %s%s%s)", ia ? addr_format(ia->addr, at) : "?",
            net->devices[net->ifaces[far].device].id, net->links[link].id,
            s ? ", session " : "", s ? s->id : "");
}

/* MARK: "> " for the route an address filter selects, "  " for the others
 * it overlaps, "" without an address filter. */
static void print_route(FILE *fp, const struct network *net, int device, const struct route *r,
                        const char *mark)
{
    char pt[PREFIX_TEXT_MAX];
    fprintf(fp, "%s%s %-18s", mark, origin_code(r->source), prefix_format(r->dest, pt));
    if (r->source == ROUTE_CONNECTED) {
        fprintf(fp, " connected, interface %s\n", net->ifaces[r->iface].name);
        return;
    }
    if (r->source == ROUTE_LEARNED)
        fprintf(fp, " learned, local_pref %u, as_path_len %u", r->local_pref, r->as_path_len);
    else
        fputs(" static", fp);
    for (size_t i = 0; i < r->nnexthops; i++)
        print_nexthop(fp, net, device, r->nexthop_links[i], r->dest.addr.family,
                      r->source == ROUTE_LEARNED);
    fputc('\n', fp);
}

/* Does route destination D overlap FILTER (one within the other)? */
static int overlaps(struct prefix d, struct prefix filter)
{
    return prefix_within(d, filter) || prefix_within(filter, d);
}

void inspect_routes(FILE *fp, const struct network *net, const char *device,
                    const char *filter)
{
    int dev = network_find_device(net, device);
    struct prefix want;
    struct addr host;
    int by_addr = 0;
    if (dev < 0)
        die(EXIT_SETUP, "routes: no device '%s' in %s", device, net->path);
    if (filter && prefix_parse(filter, &want, &host, 1) != 0) {
        if (addr_parse(filter, &host) != 0)
            die(EXIT_SETUP, "routes: '%s' is not a prefix or an address", filter);
        want = prefix_of(host, addr_bits(host.family));
        by_addr = 1;
    }
    struct routing rt;
    routing_init(net, &rt);
    routing_prepare_all(&rt); /* exits, naming the sessions, if one oscillates */
    const struct fib *fib = routing_fib(&rt, dev);
    const struct route *used = by_addr ? routing_lookup(&rt, dev, host) : NULL;
    for (size_t i = 0; i < fib->n; i++)
        if (!filter || overlaps(fib->routes[i].dest, want))
            print_route(fp, net, dev, &fib->routes[i],
                        !by_addr ? "" : used == &fib->routes[i] ? "> " : "  ");
    for (size_t k = 0; k < rt.nprefixes; k++) {
        const struct route *r = routing_learned(&rt, dev, rt.prefixes[k].p);
        if (r && (!filter || overlaps(r->dest, want)))
            print_route(fp, net, dev, r, !by_addr ? "" : used == r ? "> " : "  ");
    }
    routing_free(&rt);
}

size_t routes_ecmp_links(struct routing *rt, int device, struct addr dst, const int **links)
{
    const struct route *r = routing_lookup(rt, device, dst);
    /* a connected route has one way: its segment (forward.c) */
    if (!r || r->source == ROUTE_CONNECTED || r->nnexthops < 2)
        return 0;
    *links = r->nexthop_links;
    return r->nnexthops;
}
