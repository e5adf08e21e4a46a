/* trace.c - see trace.h. */
#include "runs/trace.h"

#include "cli/cli.h"
#include "render/fmt_tracert.h"
#include "model/resolve.h"

static void print_header(struct engine *e, struct out *o, const struct trace_request *req)
{
    char text[ADDR_NAME_TEXT_MAX];
    const char *name = format_target_text(e->net, e->src_device, &e->reverses,
                                          &req->target, req->resolve_names, text, sizeof text);
    tracert_header(o, text, name != NULL, req->max_hops);
}

static int is_unreachable(enum probe_status s)
{
    return s == PROBE_HOST_UNREACH || s == PROBE_NET_UNREACH;
}

enum hop_end { HOP_NEXT, HOP_LAST, HOP_CUT };

/* One hop: HOP_LAST when the trace is over (target reached or reported),
 * HOP_CUT when a planned key ended it. */
static enum hop_end trace_hop(struct engine *e, struct out *o, const struct trace_request *req,
                     unsigned ttl)
{
    struct probe_spec spec = {.dst = req->target.addr, .ttl = (int)ttl, .size = 32,
                              .timeout_ms = req->timeout_ms, .via = req->via,
                              .nvia = req->nvia};
    if (req->round_trip) { /* a routing header: via the target, back to us */
        spec.dst = e->src_addr;
        spec.via = &req->target.addr;
        spec.nvia = 1;
    }
    int answered = 0, reached = 0;
    struct addr from = {0};
    char text[ADDR_NAME_TEXT_MAX];
    tracert_hop_start(o, ttl);
    for (int p = 0; p < TRACE_PROBES_PER_HOP; p++) {
        struct probe_result r = engine_probe(e, &spec);
        engine_elapse(e, r.status == PROBE_TIMEOUT ? req->timeout_ms : r.rtt_ms, req->realtime);
        int replied = r.status == PROBE_ECHO_REPLY || r.status == PROBE_TTL_EXPIRED;
        sink_probe(req->sink, &(struct sink_probe){ttl, (unsigned long)p + 1, 0, 1, replied,
                                                   &spec, &r, {0}});
        if (is_unreachable(r.status)) {
            format_hop_text(e->net, e->src_device, &e->reverses, r.from, req->resolve_names, text,
                            sizeof text);
            sink_hop(req->sink, &(struct sink_hop){ttl, 1, r.from, text, 1});
            tracert_hop_reports(o, text, r.status == PROBE_NET_UNREACH
                                             ? TRACERT_NET_UNREACH
                                             : TRACERT_HOST_UNREACH);
            return interrupt_ends_run(req->keys) ? HOP_CUT : HOP_LAST;
        }
        tracert_probe_field(o, replied, r.rtt_ms);
        if (interrupt_ends_run(req->keys))
            return HOP_CUT; /* the key comes before the hop's address */
        if (replied) {
            answered = 1;
            from = r.from;
            reached |= r.status == PROBE_ECHO_REPLY;
        }
    }
    if (!answered) {
        sink_hop(req->sink, &(struct sink_hop){ttl, 0, from, NULL, 0});
        tracert_hop_timed_out(o);
        return HOP_NEXT;
    }
    format_hop_text(e->net, e->src_device, &e->reverses, from, req->resolve_names, text,
                    sizeof text);
    sink_hop(req->sink, &(struct sink_hop){ttl, 1, from, text, 0});
    tracert_hop_address(o, text);
    return reached ? HOP_LAST : HOP_NEXT;
}

void trace_run(struct engine *e, struct out *o, const struct trace_request *req)
{
    print_header(e, o, req);
    for (unsigned ttl = 1; ttl <= req->max_hops; ttl++)
        switch (trace_hop(e, o, req, ttl)) {
        case HOP_NEXT: continue;
        case HOP_LAST: tracert_footer(o); return;
        case HOP_CUT: interrupt_cut_output(o); return;
        }
    tracert_footer(o);
}
