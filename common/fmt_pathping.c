/* fmt_pathping.c - see fmt_pathping.h.  Texts and columns from real
 * captures (see ../shared/docs/windows-output.md section 3); the blanks at
 * the end of three usage lines are really there. */
#include "fmt_pathping.h"

#include <stdio.h>

static const char *const usage_lines[] = {
    "",
    "Usage: pathping [-g host-list] [-h maximum_hops] [-i address] [-n] ",
    "                [-p period] [-q num_queries] [-w timeout] ",
    "                [-4] [-6] target_name",
    "",
    "Options:",
    "    -g host-list     Loose source route along host-list.",
    "    -h maximum_hops  Maximum number of hops to search for target.",
    "    -i address       Use the specified source address. ",
    "    -n               Do not resolve addresses to hostnames.",
    "    -p period        Wait period milliseconds between pings.",
    "    -q num_queries   Number of queries per hop.",
    "    -w timeout       Wait timeout milliseconds for each reply.",
    "    -4               Force using IPv4.",
    "    -6               Force using IPv6.",
};

void pathping_usage(struct out *o)
{
    for (size_t i = 0; i < sizeof usage_lines / sizeof *usage_lines; i++)
        out_line(o, "%s", usage_lines[i]);
}

void pathping_invalid_option(struct out *o, const char *arg)
{
    out_line(o, "%s is not a valid command option.", arg);
    pathping_usage(o);
}

/* No capture shows these: worded like ping's, which Windows does print. */
void pathping_bad_value(struct out *o, char option, unsigned long lo, unsigned long hi)
{
    out_line(o, "Bad value for option -%c, valid range is from %lu to %lu.", option, lo, hi);
}

void pathping_missing_value(struct out *o, char option)
{
    out_line(o, "Value must be supplied for option -%c.", option);
}

void pathping_unresolved(struct out *o, const char *name)
{
    out_line(o, "Unable to resolve target system name %s.", name);
}

/* As tracert's header, without the empty line after it. */
void pathping_header(struct out *o, const char *addr_text, int named, unsigned max_hops)
{
    out_line(o, "%s", "");
    if (named) {
        out_line(o, "Tracing route to %s", addr_text);
        out_line(o, "over a maximum of %u hops:", max_hops);
    } else {
        out_line(o, "Tracing route to %s over a maximum of %u hops", addr_text, max_hops);
    }
}

void pathping_path_hop(struct out *o, unsigned hop, const char *addr_text)
{
    out_line(o, "%3u  %s", hop, addr_text);
}

void pathping_path_silent(struct out *o, unsigned hop)
{
    out_line(o, "%3u     *        *        *     ", hop);
}

void pathping_computing(struct out *o, unsigned long seconds, int after_silent_hop)
{
    if (!after_silent_hop)
        out_line(o, "%s", "");
    out_line(o, "Computing statistics for %lu seconds...", seconds);
}

void pathping_table_title(struct out *o)
{
    out_line(o, "            Source to Here   This Node/Link");
    out_line(o, "Hop  RTT    Lost/Sent = Pct  Lost/Sent = Pct  Address");
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
    out_line(o, "Trace complete.");
}
