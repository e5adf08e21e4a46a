/* fmt_ping.h - the exact lines Windows ping prints, in the writer's
 * language and Windows version (render/msg.h). */
#ifndef NETMIMIC_FMT_PING_H
#define NETMIMIC_FMT_PING_H

#include <stddef.h>
#include <stdint.h>

#include "render/msg.h"
#include "render/out.h"

void ping_usage(struct out *o);
void ping_bad_option(struct out *o, const char *arg);
void ping_no_target(struct out *o);
void ping_unresolved(struct out *o, const char *name);

/* NAMED: ADDR_TEXT is "name [ip]".  FROM: the -S address, or NULL. */
void ping_header(struct out *o, const char *addr_text, int named, const char *from,
                 unsigned size);

void ping_echo_reply(struct out *o, const char *from, unsigned size, double rtt_ms, int ttl);
/* IPv6: "Reply from ADDR: time=12ms" (no bytes=, no TTL=). */
void ping_echo_reply6(struct out *o, const char *from, double rtt_ms);
/* "Reply from ROUTER: TEXT", TEXT one of the PING_ messages below. */
void ping_error_reply(struct out *o, const char *from, enum msg_id text);
/* A line of its own: a timeout, a local error, Control-C; over IPv6 also
 * PING_HOST_UNREACH and PING_GENERAL_FAILURE, without "Reply from". */
void ping_line(struct out *o, enum msg_id text);

/* -r and -s: the recorded addresses (and times) below the reply line;
 * ADDRS are address texts. */
void ping_route(struct out *o, const char *const *addrs, size_t n);
void ping_timestamps(struct out *o, const char *const *addrs, const uint32_t *ms, size_t n);

struct ping_stats {
    unsigned long sent, received;
    unsigned long echo_replies; /* real echo replies, for the round-trip lines */
    unsigned long unsent;       /* echoes that failed on the computer (never left it) */
    unsigned long min_ms, max_ms, sum_ms;
};

void ping_statistics(struct out *o, const char *addr, const struct ping_stats *s);

/* Replies and local errors, as Windows words them. */
#define PING_TIMED_OUT MSG_TIMED_OUT
#define PING_HOST_UNREACH MSG_HOST_UNREACH
#define PING_NET_UNREACH MSG_NET_UNREACH
#define PING_TTL_EXPIRED MSG_TTL_EXPIRED
#define PING_FRAG_NEEDED MSG_FRAG_NEEDED
#define PING_TRANSMIT_FAILED MSG_TRANSMIT_FAILED
#define PING_GENERAL_FAILURE MSG_GENERAL_FAILURE
#define PING_BAD_ROUTE MSG_BAD_ROUTE
#define PING_CONTROL_C MSG_CONTROL_C
#define PING_CONTROL_BREAK MSG_CONTROL_BREAK

#endif
