/* sink.h - what a run reports besides its Windows text: each probe with its
 * whole result, each hop as it is printed, the statistics.  A sink is a
 * table of functions (any may be NULL) with its context; the JSON recorder
 * (runs/record.c) is one.  The runs still call their Windows formatters
 * directly, so the text path is unchanged; the events carry the same
 * results the formatters were given, never a second computation. */
#ifndef NETMIMIC_SINK_H
#define NETMIMIC_SINK_H

#include <stddef.h>

#include "data/probe.h"
#include "render/fmt_ping.h"

/* One probe sent (or refused before sending). */
struct sink_probe {
    unsigned hop;        /* tracert, pathping: the TTL; ping: 0 */
    unsigned long index; /* from 1: probe within the hop, or echo number */
    int phase;           /* pathping: 1 (finding the path) or 2 (statistics); else 0 */
    int sent;            /* 0: nothing left the host (ping -S, pathping -i foreign) */
    int shown;           /* Windows shows it as an answer: tracert a time, ping
                            counts it as received, pathping as answered */
    const struct probe_spec *spec; /* what was sent, or NULL (nothing was) */
    const struct probe_result *r;
    /* ping: the address its reply line names when that is not r->from
     * (-R names the target, the echo came back from the host itself);
     * FAMILY_NONE (left out) otherwise */
    struct addr printed_from;
};

/* A hop as printed: tracert's end of line, pathping's phase-1 line. */
struct sink_hop {
    unsigned hop;
    int answered;          /* an address was printed */
    struct addr addr;      /* the address printed, if answered */
    const char *text;      /* the address text as printed ("name [addr]"), or NULL */
    int reports;           /* tracert's "reports: ... unreachable." */
};

/* A row of pathping's phase-2 table. */
struct sink_path_row {
    unsigned hop;
    struct addr addr;
    const char *text;
    int answered;
    unsigned long avg_ms;  /* as printed, if answered */
    unsigned long sent, lost, node_lost, link_lost;
};

struct run_sink {
    void *ctx;
    void (*probe)(void *ctx, const struct sink_probe *p);
    void (*hop)(void *ctx, const struct sink_hop *h);
    /* ping's final statistics; INTERRUPTED: Ctrl+C stopped the run */
    void (*ping_stats)(void *ctx, const struct ping_stats *st, int interrupted);
    void (*path_row)(void *ctx, const struct sink_path_row *row);
};

/* The calls the runs make: nothing happens without a sink. */
static inline void sink_probe(const struct run_sink *s, const struct sink_probe *p)
{
    if (s && s->probe)
        s->probe(s->ctx, p);
}

static inline void sink_hop(const struct run_sink *s, const struct sink_hop *h)
{
    if (s && s->hop)
        s->hop(s->ctx, h);
}

static inline void sink_ping_stats(const struct run_sink *s, const struct ping_stats *st,
                                   int interrupted)
{
    if (s && s->ping_stats)
        s->ping_stats(s->ctx, st, interrupted);
}

static inline void sink_path_row(const struct run_sink *s, const struct sink_path_row *row)
{
    if (s && s->path_row)
        s->path_row(s->ctx, row);
}

#endif
