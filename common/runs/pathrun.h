/* pathrun.h - a pathping run: phase 1 finds the path like tracert (one
 * answer per hop, stopping at the target or the first silent hop); phase 2
 * sends -q probes to every hop found and tells loss at a node (a router
 * dropping its own replies) from loss on a link (lost from there on). */
#ifndef NETMIMIC_PATHRUN_H
#define NETMIMIC_PATHRUN_H

#include <stdint.h>

#include "model/resolve.h"
#include "render/out.h"
#include "data/probe.h"
#include "runs/interrupt.h"
#include "runs/sink.h"

#define PATHPING_PHASE1_TRIES 3

struct pathping_request {
    struct resolved target;
    const char *host_name;  /* the current host's name for hop 0, or NULL */
    struct addr host_addr;  /* the source address, for hop 0 */
    unsigned max_hops;      /* -h */
    unsigned long period_ms; /* -p */
    unsigned long queries;  /* -q */
    unsigned timeout_ms;    /* -w */
    int resolve_names;      /* not -n */
    const struct addr *via; /* -g */
    size_t nvia;
    int source_is_ours;     /* -i names an address of the current host */
    int realtime;
    const struct run_sink *sink; /* also told every probe, hop and row, or NULL */
    struct interrupt_plan *keys; /* Ctrl+C / Ctrl+Break after N probes, or NULL */
};

/* The whole run on O; a planned key ends it after its probe (phase 1's
 * tries and phase 2's queries count alike), with the lines printed so far
 * (keys->interrupted then set), as pathping catches neither key. */
void pathping_run(struct engine *e, struct out *o, const struct pathping_request *req);

#endif
