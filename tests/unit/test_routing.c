/* test_routing.c - the on-demand route computation (common/control/) gives
 * the same forwarding tables as the former computation of every prefix at
 * once (reference_routing.c), on every profile named on the command line,
 * with every link up and with each scenario's links down: for every device
 * and every address of the network (every interface address and the first
 * and last address of every exchanged prefix), the route a lookup finds, its
 * source, preference, AS-path length and equal-cost next hops in order.
 * Prints "N passed, M failed". */
#include <stdio.h>
#include <string.h>

#include "base/util.h"
#include "control/exchange.h"
#include "profile/profile.h"
#include "reference_routing.h"

static int passed, failed;

static int same_route(const struct route *a, const struct route *b)
{
    if (!a || !b)
        return a == b;
    return prefix_eq(a->dest, b->dest) && a->source == b->source &&
           a->nnexthops == b->nnexthops && a->iface == b->iface &&
           memcmp(a->nexthop_links, b->nexthop_links,
                  a->nnexthops * sizeof *a->nexthop_links) == 0 &&
           (a->source != ROUTE_LEARNED ||
            (a->local_pref == b->local_pref && a->as_path_len == b->as_path_len));
}

static void compare_at(struct routing *rt, const struct reference_routing *ref,
                       const char *what, int d, struct addr a)
{
    const struct route *got = routing_lookup(rt, d, a), *want = reference_lookup(ref, d, a);
    if (same_route(got, want)) {
        passed++;
        return;
    }
    char text[ADDR_TEXT_MAX];
    failed++;
    printf("FAIL: %s: %s toward %s: on demand %s, reference %s\n", what,
           rt->net->devices[d].id, addr_format(a, text), got ? "differs" : "none",
           want ? "has one" : "none");
}

/* Every prefix computed (compare looks each up): the prefix that took the
 * most rounds took as many as the full computation, which ends with the
 * last prefix to settle.  Loop prevention shows here where routes agree:
 * a path let back into a device it passed changes what that device
 * receives, and costs rounds, even when it never wins. */
static void compare_rounds(const struct routing *rt, const struct reference_routing *ref,
                           const char *what)
{
    if (rt->max_rounds == ref->rounds || (rt->nprefixes == 0 && ref->rounds <= 1)) {
        passed++;
        return;
    }
    failed++;
    printf("FAIL: %s: on demand the slowest prefix took %u rounds, the reference %u\n", what,
           rt->max_rounds, ref->rounds);
}

/* The last address of P. */
static struct addr last_of(struct prefix p)
{
    struct addr a = p.addr;
    for (int bit = p.len; bit < addr_bits(a.family); bit++)
        a.b[bit / 8] |= (uint8_t)(0x80 >> (bit % 8));
    return a;
}

static void compare(const struct network *net, const char *what)
{
    struct routing rt;
    struct reference_routing ref;
    reference_compute(net, &ref);
    routing_init(net, &rt);
    if (!ref.converged) {
        printf("skip: %s: the reference does not settle\n", what);
        reference_free(&ref);
        routing_free(&rt);
        return;
    }
    for (size_t d = 0; d < net->ndevices; d++) {
        for (size_t i = 0; i < net->nifaces; i++)
            for (size_t k = 0; k < net->ifaces[i].naddrs; k++)
                compare_at(&rt, &ref, what, (int)d, net->ifaces[i].addrs[k].addr);
        for (size_t k = 0; k < rt.nprefixes; k++) {
            struct prefix p = rt.prefixes[k].p;
            compare_at(&rt, &ref, what, (int)d, p.addr);
            compare_at(&rt, &ref, what, (int)d, last_of(p));
        }
    }
    compare_rounds(&rt, &ref, what);
    routing_free(&rt);
    reference_free(&ref);
}

int main(int argc, char **argv)
{
    prog_name = "test-routing";
    for (int i = 1; i < argc; i++) {
        struct network net;
        char what[600];
        profile_load(argv[i], &net);
        compare(&net, argv[i]);
        for (size_t s = 0; s < net.nscenarios; s++) {
            const struct scenario *sc = &net.scenarios[s];
            for (size_t k = 0; k < sc->nlinks_down; k++)
                net.links[sc->links_down[k]].up = 0;
            snprintf(what, sizeof what, "%s --scenario %s", argv[i], sc->id);
            compare(&net, what);
            for (size_t k = 0; k < sc->nlinks_down; k++)
                net.links[sc->links_down[k]].up = 1;
        }
        network_free(&net);
    }
    printf("%d passed, %d failed\n", passed, failed);
    return failed != 0;
}
