/* fmt_pathping.h - the exact lines Windows pathping prints. */
#ifndef NETMIMIC_FMT_PATHPING_H
#define NETMIMIC_FMT_PATHPING_H

#include "render/out.h"

/* Phase 1 tries a hop at most 3 times (runs/pathrun.h): at most 2 lost
 * tries come before an answer. */
#define PATHPING_MAX_LOST_FIELDS 2

void pathping_usage(struct out *o);
void pathping_invalid_option(struct out *o, const char *arg);

/* Phase 1.  LOST_TRIES: the tries of the hop that got no answer before one
 * did, each shown as a "*" field (zh-CN-pathping-001). */
void pathping_header(struct out *o, const char *addr_text, int named, unsigned max_hops);
void pathping_path_hop(struct out *o, unsigned hop, unsigned lost_tries, const char *addr_text);
void pathping_path_silent(struct out *o, unsigned hop);
void pathping_computing(struct out *o, unsigned long seconds, int after_silent_hop);

/* Phase 2. */
struct pathping_count {
    unsigned long lost, sent;
};

void pathping_table_title(struct out *o);
void pathping_table_origin(struct out *o, const char *addr_text);
void pathping_table_link(struct out *o, struct pathping_count link);
/* ANSWERED: at least one reply, so AVG_MS is meaningful. */
void pathping_table_node(struct out *o, unsigned hop, int answered, unsigned long avg_ms,
                         struct pathping_count to_here, struct pathping_count node,
                         const char *addr_text);
void pathping_footer(struct out *o);

#endif
