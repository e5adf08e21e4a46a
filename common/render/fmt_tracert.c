/* fmt_tracert.c - see fmt_tracert.h.  Texts from real captures (see
 * ../shared/docs/windows-output.md section 1); the blank after
 * "[-w timeout]" is really there in Windows' usage text. */
#include "render/fmt_tracert.h"

#include "render/fmt_common.h"

const char TRACERT_HOST_UNREACH[] = "Destination host unreachable.";
const char TRACERT_NET_UNREACH[] = "Destination net unreachable.";

static const char *const usage_lines[] = {
    "",
    "Usage: tracert [-d] [-h maximum_hops] [-j host-list] [-w timeout] ",
    "               [-R] [-S srcaddr] [-4] [-6] target_name",
    "",
    "Options:",
    "    -d                 Do not resolve addresses to hostnames.",
    "    -h maximum_hops    Maximum number of hops to search for target.",
    "    -j host-list       Loose source route along host-list (IPv4-only).",
    "    -w timeout         Wait timeout milliseconds for each reply.",
    "    -R                 Trace round-trip path (IPv6-only).",
    "    -S srcaddr         Source address to use (IPv6-only).",
    "    -4                 Force using IPv4.",
    "    -6                 Force using IPv6.",
};

void tracert_usage(struct out *o)
{
    fmt_lines(o, usage_lines, sizeof usage_lines / sizeof *usage_lines);
}

void tracert_invalid_option(struct out *o, const char *arg)
{
    fmt_invalid_option(o, arg);
    tracert_usage(o);
}

void tracert_no_target(struct out *o)
{
    out_line(o, "A target name or address must be specified.");
    tracert_usage(o);
}




void tracert_header(struct out *o, const char *addr_text, int named, unsigned max_hops)
{
    fmt_route_header(o, addr_text, named, max_hops);
    out_line(o, "%s", "");
}

void tracert_hop_start(struct out *o, unsigned hop)
{
    out_part(o, "%3u  ", hop);
}

void tracert_probe_field(struct out *o, int replied, double rtt_ms)
{
    if (!replied)
        out_part(o, "   *     ");
    else if (rtt_ms < 1.0)
        out_part(o, "  <1 ms  ");
    else
        out_part(o, "%4lu ms  ", (unsigned long)rtt_ms);
}

/* Windows ends an address line with one blank (seen in redirected files). */
void tracert_hop_address(struct out *o, const char *addr_text)
{
    out_part(o, "%s ", addr_text);
    out_end_line(o);
}

void tracert_hop_timed_out(struct out *o)
{
    out_part(o, "Request timed out.");
    out_end_line(o);
}

void tracert_hop_reports(struct out *o, const char *addr_text, const char *what)
{
    out_part(o, "%s  reports: %s", addr_text, what);
    out_end_line(o);
}

void tracert_footer(struct out *o)
{
    out_line(o, "%s", "");
    out_line(o, "Trace complete.");
}
