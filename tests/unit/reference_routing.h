/* reference_routing.h - the former all-prefix route computation, kept as
 * a test reference (see reference_routing.c). */
#ifndef NETMIMIC_REFERENCE_ROUTING_H
#define NETMIMIC_REFERENCE_ROUTING_H

#include "control/routing.h"

struct reference_routing {
    struct fib *fibs;   /* one per device */
    size_t ndevices;
    unsigned rounds;    /* exchange rounds until nothing changed */
    int converged;
};

void reference_compute(const struct network *net, struct reference_routing *rt);
void reference_free(struct reference_routing *rt);
const struct route *reference_lookup(const struct reference_routing *rt, int device,
                                     struct addr dst);

#endif
