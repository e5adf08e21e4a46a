/* fmt_ping.c - see fmt_ping.h.  The texts are in the catalogues
 * (render/lang/LANG.msg); here only which message, and its arguments. */
#include "render/fmt_ping.h"

#include <stdio.h>

#include "render/fmt_common.h"

void ping_usage(struct out *o)
{
    fmt_msg(o, MSG_PING_USAGE);
}

void ping_bad_option(struct out *o, const char *arg)
{
    fmt_msg(o, MSG_PING_BAD_OPTION, arg);
    ping_usage(o);
}

void ping_no_target(struct out *o)
{
    fmt_msg(o, MSG_PING_NO_TARGET);
}

void ping_unresolved(struct out *o, const char *name)
{
    fmt_msg(o, MSG_PING_UNRESOLVED, name);
}

void ping_header(struct out *o, const char *addr_text, int named, const char *from,
                 unsigned size)
{
    char n[16];
    snprintf(n, sizeof n, "%u", size);
    out_line(o, "%s", "");
    if (from)
        fmt_msg(o, named ? MSG_PING_HEADER_NAMED_FROM : MSG_PING_HEADER_ADDR_FROM, addr_text,
                from, n);
    else
        fmt_msg(o, named ? MSG_PING_HEADER_NAMED : MSG_PING_HEADER_ADDR, addr_text, n);
}

/* The arguments of both reply forms: address, size, whole ms, TTL. */
static void reply(struct out *o, enum msg_id ms_msg, enum msg_id sub1_msg, const char *from,
                  unsigned size, double rtt_ms, int ttl)
{
    char n[16], ms[24], t[16];
    snprintf(n, sizeof n, "%u", size);
    snprintf(ms, sizeof ms, "%lu", (unsigned long)rtt_ms);
    snprintf(t, sizeof t, "%d", ttl);
    fmt_msg(o, rtt_ms < 1.0 ? sub1_msg : ms_msg, from, n, ms, t);
}

void ping_echo_reply(struct out *o, const char *from, unsigned size, double rtt_ms, int ttl)
{
    reply(o, MSG_PING_REPLY, MSG_PING_REPLY_SUB1, from, size, rtt_ms, ttl);
}

void ping_echo_reply6(struct out *o, const char *from, double rtt_ms)
{
    reply(o, MSG_PING_REPLY6, MSG_PING_REPLY6_SUB1, from, 0, rtt_ms, 0);
}

void ping_error_reply(struct out *o, const char *from, enum msg_id text)
{
    fmt_msg(o, MSG_PING_ERROR_REPLY, from, msg_text(o->lang, o->version, text));
}

void ping_line(struct out *o, enum msg_id text)
{
    fmt_msg(o, text);
}

static const char *arrow(const struct out *o, size_t i, size_t n)
{
    return i + 1 < n ? msg_text(o->lang, o->version, MSG_PING_ROUTE_ARROW) : "";
}

/* One address a line under the first, joined by " ->" (de-ping-008). */
void ping_route(struct out *o, const char *const *addrs, size_t n)
{
    for (size_t i = 0; i < n; i++)
        fmt_msg(o, i ? MSG_PING_ROUTE_NEXT : MSG_PING_ROUTE_FIRST, addrs[i], arrow(o, i, n));
}

void ping_timestamps(struct out *o, const char *const *addrs, const uint32_t *ms, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        char t[16];
        snprintf(t, sizeof t, "%u", ms[i]);
        fmt_msg(o, i ? MSG_PING_TIMESTAMP_NEXT : MSG_PING_TIMESTAMP_FIRST, addrs[i], t,
                arrow(o, i, n));
    }
}

static void number(char *buf, size_t size, unsigned long v)
{
    snprintf(buf, size, "%lu", v);
}

/* The packets line: a language may word it apart when no echo left the
 * computer (de-ping-007). */
static enum msg_id packets_msg(const struct out *o, const struct ping_stats *s)
{
    if (s->sent && s->unsent == s->sent &&
        msg_variant_applies(o->lang, o->version, MSG_PING_STATS_PACKETS_UNSENT,
                            MSG_PING_STATS_PACKETS))
        return MSG_PING_STATS_PACKETS_UNSENT;
    return MSG_PING_STATS_PACKETS;
}

void ping_statistics(struct out *o, const char *addr, const struct ping_stats *s)
{
    char sent[24], recv[24], lost[24], pct[24];
    unsigned long nlost = s->sent - s->received;
    number(sent, sizeof sent, s->sent);
    number(recv, sizeof recv, s->received);
    number(lost, sizeof lost, nlost);
    /* Windows truncates: 2 of 3 lost is 66%. */
    number(pct, sizeof pct, s->sent ? nlost * 100 / s->sent : 0);
    out_line(o, "%s", "");
    fmt_msg(o, MSG_PING_STATS_HEADER, addr);
    fmt_msg(o, packets_msg(o, s), sent, recv, lost, pct);
    if (!s->echo_replies)
        return;
    char min[24], max[24], avg[24];
    number(min, sizeof min, s->min_ms);
    number(max, sizeof max, s->max_ms);
    number(avg, sizeof avg, s->sum_ms / s->echo_replies);
    fmt_msg(o, MSG_PING_STATS_RTT_HEADER);
    fmt_msg(o, MSG_PING_STATS_RTT, min, max, avg);
}
