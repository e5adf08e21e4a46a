/* pathrun.h - a pathping run: phase 1 finds the path like tracert (one
 * answer per hop, stopping at the target or the first silent hop); phase 2
 * sends -q probes to every hop found and tells loss at a node (a router
 * dropping its own replies) from loss on a link (lost from there on). */
#ifndef NETMIMIC_PATHRUN_H
#define NETMIMIC_PATHRUN_H

#include <stdint.h>

#include "render/out.h"
#include "data/probe.h"

#define PATHPING_PHASE1_TRIES 3

struct pathping_request {
    uint32_t dst;
    const char *canonical;  /* the target's name, or NULL */
    const char *host_name;  /* the current host's name for hop 0, or NULL */
    uint32_t host_addr;
    unsigned max_hops;      /* -h */
    unsigned long period_ms; /* -p */
    unsigned long queries;  /* -q */
    unsigned timeout_ms;    /* -w */
    int resolve_names;      /* not -n */
    const uint32_t *via;    /* -g */
    size_t nvia;
    int source_is_ours;     /* -i names an address of the current host */
    int realtime;
};

void pathping_run(struct engine *e, struct out *o, const struct pathping_request *req);

#endif
