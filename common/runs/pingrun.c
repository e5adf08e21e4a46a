/* pingrun.c - see pingrun.h. */
#define _POSIX_C_SOURCE 200809L
#include "runs/pingrun.h"

#include <math.h>

#include "addr/addr.h"
#include "cli/cli.h"
#include "render/fmt_ping.h"
#include "model/resolve.h"

#define ECHO_INTERVAL_MS 1000.0
#define MS_PER_DAY_D 86400000.0

volatile sig_atomic_t ping_stop_requested;
volatile sig_atomic_t ping_break_requested;

static void print_header(struct engine *e, struct out *o, const struct ping_request *req)
{
    char text[ADDR_NAME_TEXT_MAX];
    const char *name = format_target_text(e->net, e->src_device, &e->reverses,
                                          &req->target, req->resolve_names, text, sizeof text);
    ping_header(o, text, name != NULL, req->source, req->size);
}

static void count_echo(struct ping_stats *st, double rtt_ms)
{
    unsigned long ms = (unsigned long)rtt_ms; /* time<1ms counts as 0 */
    if (!st->echo_replies || ms < st->min_ms)
        st->min_ms = ms;
    if (!st->echo_replies || ms > st->max_ms)
        st->max_ms = ms;
    st->sum_ms += ms;
    st->echo_replies++;
}

/* What the clock of device BY (NULL: the network's) reads at the network's
 * time of day DAY_MS: whole milliseconds since midnight, truncated, as an
 * RFC 791 timestamp. */
static uint32_t clock_reading(double day_ms, const struct device *by)
{
    double t = floor(day_ms + (by ? by->clock_offset_ms : 0));
    t = fmod(t, MS_PER_DAY_D);
    return (uint32_t)(t < 0 ? t + MS_PER_DAY_D : t);
}

/* SENT_AT: when the echo left, in the run's simulated time. */
static void print_recorded(struct out *o, const struct ping_request *req,
                           const struct probe_result *r, double sent_at)
{
    char texts[PROBE_MAX_RECORD][ADDR_TEXT_MAX];
    const char *recorded[PROBE_MAX_RECORD];
    for (size_t i = 0; i < r->nrecorded; i++)
        recorded[i] = addr_format(r->recorded[i], texts[i]);
    if (req->record_route)
        ping_route(o, recorded, r->nrecorded < req->record_route ? r->nrecorded
                                                                 : req->record_route);
    if (req->timestamps) {
        uint32_t ms[PROBE_MAX_RECORD];
        size_t n = r->nrecorded < req->timestamps ? r->nrecorded : req->timestamps;
        for (size_t i = 0; i < n; i++)
            ms[i] = clock_reading(req->clock_ms + sent_at + r->recorded_at[i],
                                  r->recorded_by[i]);
        ping_timestamps(o, recorded, ms, n);
    }
}

static enum msg_id error_text(enum probe_status s)
{
    switch (s) {
    case PROBE_TTL_EXPIRED: return PING_TTL_EXPIRED;
    case PROBE_HOST_UNREACH: return PING_HOST_UNREACH;
    case PROBE_NET_UNREACH: return PING_NET_UNREACH;
    case PROBE_FRAG_NEEDED: return PING_FRAG_NEEDED;
    case PROBE_BAD_ROUTE: return PING_BAD_ROUTE;
    default: return MSG_NONE;
    }
}

/* An echo that failed on the computer itself: it never left. */
static int failed_locally(enum probe_status s)
{
    return s == PROBE_FRAG_LOCAL || s == PROBE_TRANSMIT_FAILED || s == PROBE_GENERAL_FAILURE;
}

/* How long an echo keeps ping waiting: its round trip, or the timeout. */
static double waited(const struct probe_result *r, const struct ping_request *req)
{
    if (failed_locally(r->status))
        return 0;
    return r->status == PROBE_TIMEOUT ? req->timeout_ms : r->rtt_ms;
}

/* The spec of one echo; with -R the echo goes via the target back to us. */
static struct probe_spec echo_spec(const struct engine *e, const struct ping_request *req)
{
    struct probe_spec spec = {.dst = req->target.addr, .ttl = req->ttl, .size = req->size,
                              .dont_fragment = req->dont_fragment,
                              .timeout_ms = req->timeout_ms, .via = req->via,
                              .nvia = req->nvia, .strict_route = req->strict_route,
                              .record = req->record_route > req->timestamps
                                            ? req->record_route : req->timestamps};
    if (req->round_trip) {
        spec.dst = e->src_addr;
        spec.via = &req->target.addr;
        spec.nvia = 1;
    }
    return spec;
}

/* Prints the line of an echo that came back with an answer; returns
 * whether Windows counts it as received.  Over IPv6 a reply line has no
 * bytes= and no TTL=, and the host's own "Destination host unreachable."
 * (no neighbour) is a bare line that counts as lost
 * (../shared/docs/windows-output.md section 4).  Router errors over IPv6
 * have no capture: they use the IPv4 line and count, as over IPv4. */
static int print_answer(struct out *o, const struct ping_request *req,
                        const struct probe_result *r, const char *from)
{
    int v6 = req->target.addr.family == FAMILY_V6;
    if (r->status == PROBE_ECHO_REPLY) {
        if (v6)
            ping_echo_reply6(o, from, r->rtt_ms);
        else
            ping_echo_reply(o, from, req->size, r->rtt_ms, r->reply_ttl);
        return 1;
    }
    if (v6 && r->from_source && r->status == PROBE_HOST_UNREACH) {
        ping_line(o, PING_HOST_UNREACH);
        return 0;
    }
    ping_error_reply(o, from, error_text(r->status));
    return 1;
}

/* The line of an echo that got no answer. */
static enum msg_id unanswered_text(enum probe_status s)
{
    switch (s) {
    case PROBE_FRAG_LOCAL: return PING_FRAG_NEEDED;
    case PROBE_TRANSMIT_FAILED: return PING_TRANSMIT_FAILED;
    case PROBE_GENERAL_FAILURE: return PING_GENERAL_FAILURE;
    default: return PING_TIMED_OUT;
    }
}

/* One echo: waits for it (with --realtime), prints its line(s) and counts
 * it; returns the time it took. */
static double one_echo(struct engine *e, struct out *o, const struct ping_request *req,
                       struct ping_stats *st)
{
    double sent_at = e->now_ms;
    st->sent++;
    if (req->source && !req->source_is_ours) {
        struct probe_result none = {.status = PROBE_TRANSMIT_FAILED};
        sink_probe(req->sink, &(struct sink_probe){0, st->sent, 0, 0, 0, NULL, &none, {0}});
        st->unsent++;
        ping_line(o, PING_TRANSMIT_FAILED);
        return 0;
    }
    struct probe_spec spec = echo_spec(e, req);
    struct probe_result r = engine_probe(e, &spec);
    double took = waited(&r, req);
    engine_elapse(e, took, 0);
    if (req->realtime)
        pace_ms(took); /* the line appears when the answer (or the timeout) does */
    char from[ADDR_NAME_TEXT_MAX];
    struct addr replier = req->round_trip ? req->target.addr : r.from;
    /* the target's zone, when a name gave one, shows on its replies too */
    format_addr_text(from, sizeof from, NULL, replier,
                     addr_eq(replier, req->target.addr) ? req->target.zone : 0);
    unsigned long received = st->received;
    if (r.status == PROBE_ECHO_REPLY || error_text(r.status)) {
        if (print_answer(o, req, &r, from))
            st->received++;
        if (r.status == PROBE_ECHO_REPLY) {
            count_echo(st, r.rtt_ms);
            print_recorded(o, req, &r, sent_at);
        }
    } else {
        if (failed_locally(r.status))
            st->unsent++;
        ping_line(o, unanswered_text(r.status));
    }
    sink_probe(req->sink, &(struct sink_probe){0, st->sent, 0, 1, st->received > received,
                                               &spec, &r, replier});
    return took;
}

/* Ctrl+Break shows the statistics and goes on; returns 1 on Ctrl+C. */
static int handle_signals(struct out *o, const char *addr, const struct ping_stats *st)
{
    for (; ping_break_requested > 0; ping_break_requested--) {
        ping_statistics(o, addr, st);
        ping_line(o, PING_CONTROL_BREAK);
    }
    return ping_stop_requested != 0;
}

/* The keys the plan presses after the echo just shown, as the signal
 * handlers would; returns whether any was pressed. */
static int press_planned_keys(struct interrupt_plan *keys)
{
    if (!keys)
        return 0;
    int stop = interrupt_result(keys);
    unsigned breaks = interrupt_breaks_due(keys);
    ping_break_requested += (sig_atomic_t)breaks;
    if (stop)
        ping_stop_requested = 1;
    return stop || breaks;
}

unsigned long ping_run(struct engine *e, struct out *o, const struct ping_request *req)
{
    struct ping_stats st = {0};
    char addr[ADDR_TEXT_MAX + 12];
    format_target_addr(&req->target, addr, sizeof addr);
    print_header(e, o, req);
    int stopped = 0;
    for (unsigned long seq = 0; req->forever || seq < req->count; seq++) {
        if ((stopped = handle_signals(o, addr, &st)) || o->failed)
            break; /* Ctrl+C, or nobody reads the output any more */
        double took = one_echo(e, o, req, &st);
        int more = req->forever || seq + 1 < req->count;
        /* a key after the last echo finds the run over: Windows prints the
         * statistics at once */
        int pressed = more && press_planned_keys(req->keys);
        /* Windows sends the next echo a second after this one was sent, or
         * at once after a wait as long as that.  A key cuts the real pause
         * short, as a signal does; the simulated time passes as with one. */
        if (more && took < ECHO_INTERVAL_MS) {
            engine_elapse(e, ECHO_INTERVAL_MS - took, 0);
            if (req->realtime && !pressed)
                pace_ms(ECHO_INTERVAL_MS - took);
        }
    }
    if (!stopped)
        stopped = handle_signals(o, addr, &st);
    ping_statistics(o, addr, &st);
    sink_ping_stats(req->sink, &st, stopped);
    if (stopped)
        ping_line(o, PING_CONTROL_C);
    return st.received;
}
