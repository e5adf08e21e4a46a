/* fmt_pathping.c - see fmt_pathping.h.  Texts and columns from real
 * captures (see ../shared/docs/windows-output.md section 3); the texts are
 * in the catalogues (render/lang/LANG.msg). */
#include "render/fmt_pathping.h"

#include "render/fmt_common.h"

#include <stdio.h>
#include <string.h>

void pathping_usage(struct out *o)
{
    fmt_msg(o, MSG_PATHPING_USAGE);
}

void pathping_invalid_option(struct out *o, const char *arg)
{
    fmt_invalid_option(o, arg);
    pathping_usage(o);
}

/* As tracert's header, without the empty line after it. */
void pathping_header(struct out *o, const char *addr_text, int named, unsigned max_hops)
{
    fmt_route_header(o, MSG_PATHPING_HEADER_NAMED, MSG_PATHPING_HEADER_ADDR, addr_text, named,
                     max_hops);
}

/* A lost try takes the 9-column field tracert prints for it. */
void pathping_path_hop(struct out *o, unsigned hop, unsigned lost_tries, const char *addr_text)
{
    char stars[PATHPING_MAX_LOST_FIELDS * 9 + 1] = "";
    for (unsigned i = 0; i < lost_tries && i < PATHPING_MAX_LOST_FIELDS; i++)
        memcpy(stars + 9 * i, "   *     ", 10);
    out_line(o, "%3u  %s%s", hop, stars, addr_text);
}

void pathping_path_silent(struct out *o, unsigned hop)
{
    out_line(o, "%3u     *        *        *     ", hop);
}

void pathping_computing(struct out *o, unsigned long seconds, int after_silent_hop)
{
    if (!after_silent_hop)
        out_line(o, "%s", "");
    char n[24];
    snprintf(n, sizeof n, "%lu", seconds);
    fmt_msg(o, MSG_PATHPING_COMPUTING, n);
}

void pathping_table_title(struct out *o)
{
    fmt_msg(o, MSG_PATHPING_TITLE);
}

void pathping_table_origin(struct out *o, const char *addr_text)
{
    out_line(o, "%3u%43s%s", 0u, "", addr_text);
}

static unsigned long percent(struct pathping_count c)
{
    return c.sent ? c.lost * 100 / c.sent : 0;
}

void pathping_table_link(struct out *o, struct pathping_count link)
{
    out_line(o, "%29s%4lu/%4lu =%3lu%%   |", "", link.lost, link.sent, percent(link));
}

void pathping_table_node(struct out *o, unsigned hop, int answered, unsigned long avg_ms,
                         struct pathping_count to_here, struct pathping_count node,
                         const char *addr_text)
{
    char rtt[16];
    if (answered)
        snprintf(rtt, sizeof rtt, "%5lums", avg_ms);
    else
        snprintf(rtt, sizeof rtt, "  ---  ");
    out_line(o, "%3u%s  %4lu/%4lu =%3lu%%  %4lu/%4lu =%3lu%%  %s", hop, rtt, to_here.lost,
             to_here.sent, percent(to_here), node.lost, node.sent, percent(node), addr_text);
}

void pathping_footer(struct out *o)
{
    out_line(o, "%s", "");
    fmt_msg(o, MSG_TRACE_COMPLETE);
}
