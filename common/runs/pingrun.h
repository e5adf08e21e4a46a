/* pingrun.h - a ping run: echo requests through the model, one line per
 * echo, then the statistics.  Signals reach it through two flags. */
#ifndef NETMIMIC_PINGRUN_H
#define NETMIMIC_PINGRUN_H

#include <signal.h>
#include <stdint.h>

#include "model/resolve.h"
#include "render/out.h"
#include "data/probe.h"
#include "runs/interrupt.h"
#include "runs/sink.h"

struct ping_request {
    struct resolved target;
    int resolve_names;       /* -a */
    unsigned long count;     /* -n */
    int forever;             /* -t */
    unsigned size;           /* -l */
    int dont_fragment;       /* -f */
    int ttl;                 /* -i */
    unsigned timeout_ms;     /* -w */
    const struct addr *via;  /* -j / -k */
    size_t nvia;
    int strict_route;        /* -k */
    unsigned record_route;   /* -r */
    unsigned timestamps;     /* -s */
    const char *source;      /* -S as given, or NULL */
    int source_is_ours;      /* -S names an address of the current host */
    int round_trip;          /* -R over IPv6: via the target back to the source */
    double clock_ms;         /* time of day (ms) at the start, for -s */
    int realtime;
    const struct run_sink *sink; /* also told every echo and the statistics, or NULL */
    struct interrupt_plan *keys; /* Ctrl+C / Ctrl+Break after N echoes, or NULL */
};

/* Set by the front end's signal handlers: SIGINT stops with the statistics
 * and "Control-C"; SIGQUIT prints them with "Control-Break" and goes on.
 * The request's plan of keys raises them too (--interrupt-after,
 * --break-after), between an echo's line and the next echo. */
extern volatile sig_atomic_t ping_stop_requested;
extern volatile sig_atomic_t ping_break_requested;

/* Returns the number of replies received (error replies included). */
unsigned long ping_run(struct engine *e, struct out *o, const struct ping_request *req);

#endif
