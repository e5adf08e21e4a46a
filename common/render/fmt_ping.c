/* fmt_ping.c - see fmt_ping.h.  Texts from real captures (see
 * ../shared/docs/windows-output.md section 2).  Where no capture exists the
 * choice is marked here, in one place. */
#include "render/fmt_ping.h"

#include "render/fmt_common.h"

const char PING_TIMED_OUT[] = "Request timed out.";
const char PING_HOST_UNREACH[] = "Destination host unreachable.";
const char PING_NET_UNREACH[] = "Destination net unreachable.";
const char PING_TTL_EXPIRED[] = "TTL expired in transit.";
const char PING_FRAG_NEEDED[] = "Packet needs to be fragmented but DF set.";
const char PING_TRANSMIT_FAILED[] = "PING: transmit failed. General failure.";
/* The stack's own refusal (127.0.0.0, ::): a bare line, counted as lost. */
const char PING_GENERAL_FAILURE[] = "General failure.";
/* No capture: the text of Windows' IP_BAD_ROUTE status, for a strict
 * source route (-k) that a router cannot follow. */
const char PING_BAD_ROUTE[] = "Bad route specified.";
const char PING_CONTROL_C[] = "Control-C";
const char PING_CONTROL_BREAK[] = "Control-Break";

static const char *const usage_lines[] = {
    "",
    "Usage: ping [-t] [-a] [-n count] [-l size] [-f] [-i TTL] [-v TOS]",
    "            [-r count] [-s count] [[-j host-list] | [-k host-list]]",
    "            [-w timeout] [-R] [-S srcaddr] [-c compartment] [-p]",
    "            [-4] [-6] target_name",
    "",
    "Options:",
    "    -t             Ping the specified host until stopped.",
    "                   To see statistics and continue - type Control-Break;",
    "                   To stop - type Control-C.",
    "    -a             Resolve addresses to hostnames.",
    "    -n count       Number of echo requests to send.",
    "    -l size        Send buffer size.",
    "    -f             Set Don't Fragment flag in packet (IPv4-only).",
    "    -i TTL         Time To Live.",
    "    -v TOS         Type Of Service (IPv4-only. This setting has been deprecated",
    "                   and has no effect on the type of service field in the IP",
    "                   Header).",
    "    -r count       Record route for count hops (IPv4-only).",
    "    -s count       Timestamp for count hops (IPv4-only).",
    "    -j host-list   Loose source route along host-list (IPv4-only).",
    "    -k host-list   Strict source route along host-list (IPv4-only).",
    "    -w timeout     Timeout in milliseconds to wait for each reply.",
    "    -R             Use routing header to test reverse route also (IPv6-only).",
    "                   Per RFC 5095 the use of this routing header has been",
    "                   deprecated. Some systems may drop echo requests if",
    "                   this header is used.",
    "    -S srcaddr     Source address to use.",
    "    -c compartment Routing compartment identifier.",
    "    -p             Ping a Hyper-V Network Virtualization provider address.",
    "    -4             Force using IPv4.",
    "    -6             Force using IPv6.",
    "",
};

void ping_usage(struct out *o)
{
    fmt_lines(o, usage_lines, sizeof usage_lines / sizeof *usage_lines);
}

void ping_bad_option(struct out *o, const char *arg)
{
    out_line(o, "Bad option %s.", arg);
    ping_usage(o);
}



void ping_no_target(struct out *o)
{
    out_line(o, "IP address must be specified.");
}

void ping_unresolved(struct out *o, const char *name)
{
    out_line(o, "Ping request could not find host %s. Please check the name and try again.",
             name);
}

void ping_header(struct out *o, const char *addr_text, const char *from, unsigned size)
{
    out_line(o, "%s", "");
    if (from)
        out_line(o, "Pinging %s from %s with %u bytes of data:", addr_text, from, size);
    else
        out_line(o, "Pinging %s with %u bytes of data:", addr_text, size);
}

void ping_echo_reply(struct out *o, const char *from, unsigned size, double rtt_ms, int ttl)
{
    if (rtt_ms < 1.0)
        out_line(o, "Reply from %s: bytes=%u time<1ms TTL=%d", from, size, ttl);
    else
        out_line(o, "Reply from %s: bytes=%u time=%lums TTL=%d", from, size,
                 (unsigned long)rtt_ms, ttl);
}

void ping_echo_reply6(struct out *o, const char *from, double rtt_ms)
{
    if (rtt_ms < 1.0)
        out_line(o, "Reply from %s: time<1ms ", from);
    else
        out_line(o, "Reply from %s: time=%lums ", from, (unsigned long)rtt_ms);
}

void ping_error_reply(struct out *o, const char *from, const char *text)
{
    out_line(o, "Reply from %s: %s", from, text);
}

void ping_line(struct out *o, const char *text)
{
    out_line(o, "%s", text);
}

/* No capture of -r or -s: the layout Windows is known for, one address a
 * line under the first, joined by " ->". */
void ping_route(struct out *o, const char *const *addrs, size_t n)
{
    for (size_t i = 0; i < n; i++)
        out_line(o, "%s%s%s", i ? "           " : "    Route: ", addrs[i],
                 i + 1 < n ? " ->" : "");
}

void ping_timestamps(struct out *o, const char *const *addrs, const uint32_t *ms, size_t n)
{
    for (size_t i = 0; i < n; i++)
        out_line(o, "%s%s : %u%s", i ? "               " : "    Timestamp: ",
                 addrs[i], ms[i], i + 1 < n ? " ->" : "");
}

void ping_statistics(struct out *o, const char *addr, const struct ping_stats *s)
{
    unsigned long lost = s->sent - s->received;
    out_line(o, "%s", "");
    out_line(o, "Ping statistics for %s:", addr);
    /* Windows truncates: 2 of 3 lost is 66%. */
    out_line(o, "    Packets: Sent = %lu, Received = %lu, Lost = %lu (%lu%% loss),", s->sent,
             s->received, lost, s->sent ? lost * 100 / s->sent : 0);
    if (!s->echo_replies)
        return;
    out_line(o, "Approximate round trip times in milli-seconds:");
    out_line(o, "    Minimum = %lums, Maximum = %lums, Average = %lums", s->min_ms, s->max_ms,
             s->sum_ms / s->echo_replies);
}
