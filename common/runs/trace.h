/* trace.h - a tracert run: TTL 1, 2, ... with three probes each, until the
 * target answers, a router reports it unreachable, or the hop limit. */
#ifndef NETMIMIC_TRACE_H
#define NETMIMIC_TRACE_H

#include <stdint.h>

#include "model/model.h"
#include "model/resolve.h"
#include "render/out.h"
#include "data/probe.h"
#include "runs/interrupt.h"
#include "runs/sink.h"

#define TRACE_PROBES_PER_HOP 3

struct trace_request {
    struct resolved target;
    unsigned max_hops;
    unsigned timeout_ms;
    int resolve_names;     /* not -d */
    int realtime;          /* sleep each probe's RTT, or the timeout for '*' */
    const struct addr *via; /* -j: loose source route */
    size_t nvia;
    int round_trip;        /* -R: to the target and back to the source */
    const struct run_sink *sink; /* also told every probe and hop, or NULL */
    struct interrupt_plan *keys; /* Ctrl+C / Ctrl+Break after N probes, or NULL */
};

/* Probes through E and prints the whole trace, header to footer, on O;
 * a planned key ends it after its probe, the line cut where it stands
 * (keys->interrupted then set). */
void trace_run(struct engine *e, struct out *o, const struct trace_request *req);

#endif
