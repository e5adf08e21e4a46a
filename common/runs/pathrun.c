/* pathrun.c - see pathrun.h.
 *
 * The output is flushed where Windows' appears before a wait (each line of
 * phase 1, "Computing statistics..."): through a pipe, phase 1 is seen while
 * phase 2 runs, which with a large -q takes minutes even without
 * --realtime. */
#include "runs/pathrun.h"

#include <limits.h>
#include <stdlib.h>

#include "cli/cli.h"
#include "render/fmt_pathping.h"
#include "model/resolve.h"
#include "base/util.h"

struct hop {
    struct addr addr;
    unsigned long lost, answered;
    double sum_ms;
};

static int answered(enum probe_status s)
{
    return s == PROBE_ECHO_REPLY || s == PROBE_TTL_EXPIRED || s == PROBE_HOST_UNREACH ||
           s == PROBE_NET_UNREACH;
}

/* INDEX and PHASE only tell the sink which probe this is. */
static struct probe_result send_probe(struct engine *e, const struct pathping_request *req,
                                      unsigned ttl, unsigned long index, int phase)
{
    struct probe_spec spec = {.dst = req->target.addr, .ttl = (int)ttl, .size = 32,
                              .timeout_ms = req->timeout_ms, .via = req->via,
                              .nvia = req->nvia};
    struct probe_result r = {.status = PROBE_TRANSMIT_FAILED};
    if (req->source_is_ours)
        r = engine_probe(e, &spec);
    sink_probe(req->sink, &(struct sink_probe){ttl, index, phase, req->source_is_ours,
                                               answered(r.status),
                                               req->source_is_ours ? &spec : NULL, &r, {0}});
    return r;
}

/* Phase 1: fills HOPS; returns how many answered, *SILENT set when the
 * last one tried did not; a planned key stops it (keys->interrupted). */
static unsigned find_path(struct engine *e, struct out *o, const struct pathping_request *req,
                          struct hop *hops, int *silent)
{
    char text[ADDR_NAME_TEXT_MAX];
    *silent = 0;
    for (unsigned ttl = 1; ttl <= req->max_hops; ttl++) {
        struct probe_result r = {.status = PROBE_TIMEOUT};
        int cut = 0;
        unsigned t = 0;
        while (t < PATHPING_PHASE1_TRIES && !answered(r.status) && !cut) {
            r = send_probe(e, req, ttl, (unsigned long)++t, 1);
            engine_elapse(e, answered(r.status) ? r.rtt_ms : req->timeout_ms, req->realtime);
            cut = interrupt_ends_run(req->keys);
        }
        /* a hop's line shows its last try: a key after an earlier one
         * comes before the line */
        if (cut && !answered(r.status) && t < PATHPING_PHASE1_TRIES)
            return ttl - 1;
        if (!answered(r.status)) {
            sink_hop(req->sink, &(struct sink_hop){ttl, 0, r.from, NULL, 0});
            pathping_path_silent(o, ttl);
            out_flush(o);
            *silent = 1;
            return ttl - 1;
        }
        hops[ttl - 1].addr = r.from;
        format_hop_text(e->net, e->src_device, &e->reverses, r.from, req->resolve_names, text,
                        sizeof text);
        sink_hop(req->sink, &(struct sink_hop){ttl, 1, r.from, text, 0});
        pathping_path_hop(o, ttl, t - 1, text); /* t - 1 tries lost */
        out_flush(o);
        if (r.status != PROBE_TTL_EXPIRED || cut)
            return ttl; /* the target, or a router that says it is unreachable */
    }
    return req->max_hops;
}

/* Phase 2: -q probes to each hop, -p apart; returns 0 if a planned key
 * stopped it. */
static int measure(struct engine *e, const struct pathping_request *req, struct hop *hops,
                   unsigned n)
{
    for (unsigned k = 0; k < n; k++)
        for (unsigned long q = 0; q < req->queries; q++) {
            struct probe_result r = send_probe(e, req, k + 1, q + 1, 2);
            engine_elapse(e, (double)req->period_ms, req->realtime);
            int last = k + 1 == n && q + 1 == req->queries; /* the table follows at once */
            if (!last && interrupt_ends_run(req->keys))
                return 0;
            if (answered(r.status) && addr_eq(r.from, hops[k].addr)) {
                hops[k].answered++;
                hops[k].sum_ms += r.rtt_ms;
            } else {
                hops[k].lost++;
            }
        }
    return 1;
}

/* Loss that persists from hop K on (the least loss of K and every hop
 * after it) belongs to the links up to K; the rest of K's loss is K's own. */
static unsigned long persistent_loss(const struct hop *hops, unsigned n, unsigned k)
{
    unsigned long least = hops[k].lost;
    for (unsigned j = k + 1; j < n; j++)
        if (hops[j].lost < least)
            least = hops[j].lost;
    return least;
}

/* ORIGIN: hop 0's text, as phase 1 printed it. */
static void print_table(struct engine *e, struct out *o, const struct pathping_request *req,
                        const char *origin, const struct hop *hops, unsigned n)
{
    char text[ADDR_NAME_TEXT_MAX];
    unsigned long before = 0;
    pathping_table_title(o);
    pathping_table_origin(o, origin);
    for (unsigned k = 0; k < n; k++) {
        unsigned long from_here = persistent_loss(hops, n, k);
        struct pathping_count sent = {0, req->queries};
        pathping_table_link(o, (struct pathping_count){from_here - before, sent.sent});
        format_hop_text(e->net, e->src_device, &e->reverses, hops[k].addr, req->resolve_names, text,
                        sizeof text);
        sink_path_row(req->sink, &(struct sink_path_row){
            k + 1, hops[k].addr, text, hops[k].answered != 0,
            hops[k].answered ? (unsigned long)(hops[k].sum_ms / (double)hops[k].answered) : 0,
            req->queries, hops[k].lost, hops[k].lost - from_here, from_here - before});
        pathping_table_node(o, k + 1, hops[k].answered != 0,
                            /* the mean of the measured times, truncated */
                            hops[k].answered
                                ? (unsigned long)(hops[k].sum_ms / (double)hops[k].answered)
                                : 0,
                            (struct pathping_count){hops[k].lost, sent.sent},
                            (struct pathping_count){hops[k].lost - from_here, sent.sent}, text);
        before = from_here;
    }
    pathping_footer(o);
}

void pathping_run(struct engine *e, struct out *o, const struct pathping_request *req)
{
    char text[ADDR_NAME_TEXT_MAX], origin[ADDR_NAME_TEXT_MAX];
    const char *name = format_target_text(e->net, e->src_device, &e->reverses,
                                          &req->target, req->resolve_names, text, sizeof text);
    pathping_header(o, text, name != NULL, req->max_hops);
    format_addr_text(origin, sizeof origin, req->resolve_names ? req->host_name : NULL,
                     req->host_addr, 0);
    pathping_path_hop(o, 0, 0, origin);
    out_flush(o);
    struct hop *hops = ecalloc(req->max_hops, sizeof *hops);
    int silent;
    unsigned n = find_path(e, o, req, hops, &silent);
    if (req->keys && req->keys->interrupted) {
        free(hops);
        return;
    }
    /* Windows 7 and later count the hops that answered, not a silent one.
     * In long double: 255 hops x 2^32 queries x 2^32 ms would wrap. */
    long double seconds = (long double)n * req->queries * req->period_ms / 1000;
    pathping_computing(o, seconds < ULONG_MAX ? (unsigned long)seconds : ULONG_MAX, silent);
    out_flush(o);
    if (measure(e, req, hops, n))
        print_table(e, o, req, origin, hops, n);
    free(hops);
}
