/* fmt_ping.h - the exact lines Windows ping prints (Windows 10/11). */
#ifndef NETMIMIC_FMT_PING_H
#define NETMIMIC_FMT_PING_H

#include <stdint.h>

#include "render/out.h"

void ping_usage(struct out *o);
void ping_bad_option(struct out *o, const char *arg);
void ping_no_target(struct out *o);
void ping_unresolved(struct out *o, const char *name);

/* NAMED: ADDR_TEXT is "name [ip]".  FROM: the -S address, or NULL. */
void ping_header(struct out *o, const char *addr_text, const char *from, unsigned size);

void ping_echo_reply(struct out *o, const char *from, unsigned size, double rtt_ms, int ttl);
/* Over IPv6: "Reply from ADDR: time=12ms " (no bytes=, no TTL=; the
 * trailing blank shows in the redirected form only). */
void ping_echo_reply6(struct out *o, const char *from, double rtt_ms);
void ping_error_reply(struct out *o, const char *from, const char *text);
void ping_line(struct out *o, const char *text);

/* -r and -s: the recorded addresses (and times) below the reply line. */
void ping_route(struct out *o, const char *const *addrs, size_t n);
void ping_timestamps(struct out *o, const char *const *addrs, const uint32_t *ms, size_t n);

struct ping_stats {
    unsigned long sent, received;
    unsigned long echo_replies; /* real echo replies, for the round-trip lines */
    unsigned long min_ms, max_ms, sum_ms;
};

void ping_statistics(struct out *o, const char *addr, const struct ping_stats *s);

/* Texts of replies and local errors, as Windows words them. */
extern const char PING_TIMED_OUT[];
extern const char PING_HOST_UNREACH[];
extern const char PING_NET_UNREACH[];
extern const char PING_TTL_EXPIRED[];
extern const char PING_FRAG_NEEDED[];
extern const char PING_TRANSMIT_FAILED[];
extern const char PING_GENERAL_FAILURE[];
extern const char PING_BAD_ROUTE[];
extern const char PING_CONTROL_C[];
extern const char PING_CONTROL_BREAK[];

#endif
