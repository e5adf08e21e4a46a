/* fmt_common.h - writing catalogue messages, and the lines the Windows
 * tools share word for word. */
#ifndef NETMIMIC_FMT_COMMON_H
#define NETMIMIC_FMT_COMMON_H

#include <stddef.h>

#include "render/msg.h"
#include "render/out.h"

/* Message ID in the writer's language and Windows version, its {k} filled
 * with ARGS[k] (ARGS[0] unused); every line of it a line of output. */
void fmt_msg_args(struct out *o, enum msg_id id, const char *const *args, size_t nargs);
/* The same, the last line left open (a part of a line, for tracert). */
void fmt_msg_part_args(struct out *o, enum msg_id id, const char *const *args, size_t nargs);

#define FMT_ARGS_(...) (const char *const[]){NULL, __VA_ARGS__}
/* the NULL the macros below append is not counted */
#define FMT_NARGS_(...) (sizeof FMT_ARGS_(__VA_ARGS__) / sizeof(const char *) - 1)
/* fmt_msg(o, ID, "arg1", ...): the arguments are strings (none is fine). */
#define fmt_msg(o, ...) fmt_msg_first_((o), __VA_ARGS__, NULL)
#define fmt_msg_part(o, ...) fmt_msg_part_first_((o), __VA_ARGS__, NULL)
#define fmt_msg_first_(o, id, ...) fmt_msg_args(o, id, FMT_ARGS_(__VA_ARGS__), FMT_NARGS_(__VA_ARGS__))
#define fmt_msg_part_first_(o, id, ...) \
    fmt_msg_part_args(o, id, FMT_ARGS_(__VA_ARGS__), FMT_NARGS_(__VA_ARGS__))

/* tracert and pathping: "X is not a valid command option." */
void fmt_invalid_option(struct out *o, const char *arg);
/* ping's wording, which Windows prints; tracert and pathping have no
 * capture and use it too. */
void fmt_bad_value(struct out *o, char option, unsigned long lo, unsigned long hi);
void fmt_missing_value(struct out *o, char option);
/* tracert and pathping: "Unable to resolve target system name X." */
void fmt_unresolved_system(struct out *o, const char *name);
/* An option Windows refuses for the target's family: FAMILY is 4 or 6, the
 * family the option is for. */
void fmt_family_only(struct out *o, char option, int family);
/* tracert and pathping: the empty line and "Tracing route to ..." (the
 * named form on two lines, the unnamed on one without a colon): NAMED and
 * UNNAMED are the tool's two messages. */
void fmt_route_header(struct out *o, enum msg_id named_msg, enum msg_id unnamed_msg,
                      const char *addr_text, int named, unsigned max_hops);

#endif
