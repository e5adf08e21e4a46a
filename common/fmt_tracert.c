/* fmt_tracert.c - see fmt_tracert.h.  Texts from real captures (see
 * ../shared/docs/windows-output.md section 1); the blank after
 * "[-w timeout]" is really there in Windows' usage text. */
#include "fmt_tracert.h"

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
    for (size_t i = 0; i < sizeof usage_lines / sizeof *usage_lines; i++)
        out_line(o, "%s", usage_lines[i]);
}

void tracert_invalid_option(struct out *o, const char *arg)
{
    out_line(o, "%s is not a valid command option.", arg);
    tracert_usage(o);
}

void tracert_no_target(struct out *o)
{
    out_line(o, "A target name or address must be specified.");
    tracert_usage(o);
}

/* No capture shows these two: worded like ping's, which Windows does print. */
void tracert_bad_value(struct out *o, char option, unsigned long lo, unsigned long hi)
{
    out_line(o, "Bad value for option -%c, valid range is from %lu to %lu.", option, lo, hi);
}

void tracert_missing_value(struct out *o, char option)
{
    out_line(o, "Value must be supplied for option -%c.", option);
}

void tracert_unresolved(struct out *o, const char *name)
{
    out_line(o, "Unable to resolve target system name %s.", name);
}

void tracert_header(struct out *o, const char *addr_text, int named, unsigned max_hops)
{
    out_line(o, "%s", "");
    if (named) {
        out_line(o, "Tracing route to %s", addr_text);
        out_line(o, "over a maximum of %u hops:", max_hops);
    } else {
        out_line(o, "Tracing route to %s over a maximum of %u hops", addr_text, max_hops);
    }
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
