/* fmt_tracert.h - the exact lines Windows tracert prints.  Knows nothing of
 * routes: it is handed results and writes text through the writer. */
#ifndef NETMIMIC_FMT_TRACERT_H
#define NETMIMIC_FMT_TRACERT_H

#include "render/msg.h"
#include "render/out.h"

void tracert_usage(struct out *o);
void tracert_invalid_option(struct out *o, const char *arg);
void tracert_no_target(struct out *o);

/* ADDR_TEXT is "name [a.b.c.d]" or "a.b.c.d"; NAMED says which. */
void tracert_header(struct out *o, const char *addr_text, int named, unsigned max_hops);

/* The hop number, then probe fields one at a time, then the end. */
void tracert_hop_start(struct out *o, unsigned hop);
void tracert_probe_field(struct out *o, int replied, double rtt_ms);
void tracert_hop_address(struct out *o, const char *addr_text); /* ends the line */
void tracert_hop_timed_out(struct out *o);                      /* ends the line */
void tracert_hop_reports(struct out *o, const char *addr_text, enum msg_id what);
void tracert_footer(struct out *o);

/* The message of an ICMP error as Windows words it. */
#define TRACERT_HOST_UNREACH MSG_HOST_UNREACH
#define TRACERT_NET_UNREACH MSG_NET_UNREACH

#endif
