/* fmt_tracert.c - see fmt_tracert.h.  The texts are in the catalogues
 * (render/lang/LANG.msg), the probe fields too: their width is the
 * language's (zh-CN's "<1 毫秒" field is one character short). */
#include "render/fmt_tracert.h"

#include <stdio.h>

#include "render/fmt_common.h"

void tracert_usage(struct out *o)
{
    fmt_msg(o, MSG_TRACERT_USAGE);
}

void tracert_invalid_option(struct out *o, const char *arg)
{
    fmt_invalid_option(o, arg);
    tracert_usage(o);
}

void tracert_no_target(struct out *o)
{
    fmt_msg(o, MSG_TRACERT_NO_TARGET);
    tracert_usage(o);
}

void tracert_header(struct out *o, const char *addr_text, int named, unsigned max_hops)
{
    fmt_route_header(o, MSG_TRACERT_HEADER_NAMED, MSG_TRACERT_HEADER_ADDR, addr_text, named,
                     max_hops);
    out_line(o, "%s", "");
}

void tracert_hop_start(struct out *o, unsigned hop)
{
    out_part(o, "%3u  ", hop);
}

void tracert_probe_field(struct out *o, int replied, double rtt_ms)
{
    char ms[24];
    if (!replied) {
        fmt_msg_part(o, MSG_TRACERT_PROBE_LOST);
    } else if (rtt_ms < 1.0) {
        fmt_msg_part(o, MSG_TRACERT_PROBE_SUB1);
    } else {
        snprintf(ms, sizeof ms, "%4lu", (unsigned long)rtt_ms);
        fmt_msg_part(o, MSG_TRACERT_PROBE_MS, ms);
    }
}

/* Windows ends an address line with one blank (seen in redirected files). */
void tracert_hop_address(struct out *o, const char *addr_text)
{
    out_part(o, "%s ", addr_text);
    out_end_line(o);
}

void tracert_hop_timed_out(struct out *o)
{
    fmt_msg(o, MSG_TIMED_OUT);
}

void tracert_hop_reports(struct out *o, const char *addr_text, enum msg_id what)
{
    fmt_msg(o, MSG_TRACERT_REPORTS, addr_text, msg_text(o->lang, o->version, what));
}

void tracert_footer(struct out *o)
{
    out_line(o, "%s", "");
    fmt_msg(o, MSG_TRACE_COMPLETE);
}
