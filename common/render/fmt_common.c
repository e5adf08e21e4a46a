/* fmt_common.c - see fmt_common.h. */
#include "render/fmt_common.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/util.h"

/* Room for the longest message filled in: a usage text. */
#define MSG_BUF 8192

/* Writes TEXT line by line; the last line is ended only if END_LAST. */
static void write_lines(struct out *o, const char *text, int end_last)
{
    for (;;) {
        const char *nl = strchr(text, '\n');
        if (!nl) {
            out_part(o, "%s", text);
            if (end_last)
                out_end_line(o);
            return;
        }
        out_line(o, "%.*s", (int)(nl - text), text);
        text = nl + 1;
    }
}

/* A message filled with a longer argument (a name of any length from the
 * command line) than MSG_BUF holds is filled again, in a buffer twice as
 * large, until nothing is cut. */
static void emit(struct out *o, enum msg_id id, const char *const *args, size_t nargs,
                 int end_last)
{
    const char *template = msg_text(o->lang, o->version, id);
    char buf[MSG_BUF], *text = buf;
    size_t size = sizeof buf;
    msg_fill(text, size, template, args, nargs);
    while (strlen(text) == size - 1) {
        if (text != buf)
            free(text);
        size *= 2;
        text = emalloc(size);
        msg_fill(text, size, template, args, nargs);
    }
    write_lines(o, text, end_last);
    if (text != buf)
        free(text);
}

void fmt_msg_args(struct out *o, enum msg_id id, const char *const *args, size_t nargs)
{
    emit(o, id, args, nargs, 1);
}

void fmt_msg_part_args(struct out *o, enum msg_id id, const char *const *args, size_t nargs)
{
    emit(o, id, args, nargs, 0);
}

void fmt_invalid_option(struct out *o, const char *arg)
{
    fmt_msg(o, MSG_INVALID_OPTION, arg);
}

void fmt_bad_value(struct out *o, char option, unsigned long lo, unsigned long hi)
{
    char opt[2] = {option, '\0'}, a[24], b[24];
    snprintf(a, sizeof a, "%lu", lo);
    snprintf(b, sizeof b, "%lu", hi);
    fmt_msg(o, MSG_BAD_VALUE, opt, a, b);
}

void fmt_missing_value(struct out *o, char option)
{
    char opt[2] = {option, '\0'};
    fmt_msg(o, MSG_MISSING_VALUE, opt);
}

void fmt_unresolved_system(struct out *o, const char *name)
{
    fmt_msg(o, MSG_UNRESOLVED_SYSTEM, name);
}

void fmt_route_header(struct out *o, enum msg_id named_msg, enum msg_id unnamed_msg,
                      const char *addr_text, int named, unsigned max_hops)
{
    char hops[16];
    snprintf(hops, sizeof hops, "%u", max_hops);
    out_line(o, "%s", "");
    fmt_msg(o, named ? named_msg : unnamed_msg, addr_text, hops);
}

void fmt_family_only(struct out *o, char option, int family)
{
    char opt[2] = {option, '\0'}, fam[2] = {(char)('0' + family), '\0'};
    fmt_msg(o, MSG_FAMILY_ONLY, opt, fam);
}
