/* fmt_common.c - see fmt_common.h. */
#include "render/fmt_common.h"

void fmt_lines(struct out *o, const char *const *lines, size_t n)
{
    for (size_t i = 0; i < n; i++)
        out_line(o, "%s", lines[i]);
}

void fmt_invalid_option(struct out *o, const char *arg)
{
    out_line(o, "%s is not a valid command option.", arg);
}

void fmt_bad_value(struct out *o, char option, unsigned long lo, unsigned long hi)
{
    out_line(o, "Bad value for option -%c, valid range is from %lu to %lu.", option, lo, hi);
}

void fmt_missing_value(struct out *o, char option)
{
    out_line(o, "Value must be supplied for option -%c.", option);
}

void fmt_unresolved_system(struct out *o, const char *name)
{
    out_line(o, "Unable to resolve target system name %s.", name);
}

void fmt_route_header(struct out *o, const char *addr_text, int named, unsigned max_hops)
{
    out_line(o, "%s", "");
    if (named) {
        out_line(o, "Tracing route to %s", addr_text);
        out_line(o, "over a maximum of %u hops:", max_hops);
    } else {
        out_line(o, "Tracing route to %s over a maximum of %u hops", addr_text, max_hops);
    }
}

/* No capture: Windows refuses IPv4-only options (-f -r -s -j -k, tracert
 * -j, pathping -g) for an IPv6 target; this wording is our choice, kept
 * here in one place. */
void fmt_family_only(struct out *o, char option, int family)
{
    out_line(o, "Option -%c is only supported for IPv%d.", option, family);
}
