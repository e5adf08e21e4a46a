/* fmt_common.h - lines the Windows tools share word for word. */
#ifndef NETMIMIC_FMT_COMMON_H
#define NETMIMIC_FMT_COMMON_H

#include <stddef.h>

#include "render/out.h"

void fmt_lines(struct out *o, const char *const *lines, size_t n);
/* tracert and pathping: "X is not a valid command option." */
void fmt_invalid_option(struct out *o, const char *arg);
/* ping's wording, which Windows prints; tracert and pathping have no
 * capture and use it too. */
void fmt_bad_value(struct out *o, char option, unsigned long lo, unsigned long hi);
void fmt_missing_value(struct out *o, char option);
/* tracert and pathping: "Unable to resolve target system name X." */
void fmt_unresolved_system(struct out *o, const char *name);
/* tracert and pathping: the empty line and "Tracing route to ..." (the
 * named form on two lines, the unnamed on one without a colon). */
/* An option Windows refuses for the target's family: FAMILY is 4 or 6, the
 * family the option is for. */
void fmt_family_only(struct out *o, char option, int family);
void fmt_route_header(struct out *o, const char *addr_text, int named, unsigned max_hops);

#endif
