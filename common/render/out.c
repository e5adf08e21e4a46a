/* out.c - see out.h. */
#include "render/out.h"

#include <errno.h>
#include <stdarg.h>
#include <string.h>

void out_init(struct out *o, FILE *fp, int crlf)
{
    memset(o, 0, sizeof *o);
    o->fp = fp;
    o->crlf = crlf;
}

static void failed(struct out *o)
{
    if (!o->failed)
        o->error = errno;
    o->failed = 1;
}

static void put(struct out *o, const char *s, size_t n)
{
    if (n && fwrite(s, 1, n, o->fp) != n)
        failed(o);
}

static void release_blanks(struct out *o)
{
    for (; o->held_blanks; o->held_blanks--)
        put(o, " ", 1);
}

static void write_part(struct out *o, const char *text)
{
    size_t n = strlen(text), body = n;
    while (body && text[body - 1] == ' ')
        body--;
    if (body) {
        release_blanks(o);
        put(o, text, body);
    }
    o->held_blanks += (unsigned)(n - body);
    if (o->flush_parts && fflush(o->fp))
        failed(o);
}

static void vpart(struct out *o, const char *fmt, va_list ap)
{
    char buf[1024];
    vsnprintf(buf, sizeof buf, fmt, ap);
    write_part(o, buf);
}

void out_part(struct out *o, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vpart(o, fmt, ap);
    va_end(ap);
}

void out_end_line(struct out *o)
{
    if (o->crlf) {
        release_blanks(o);
        put(o, "\r\n", 2);
    } else {
        o->held_blanks = 0; /* console copies lose trailing blanks */
        put(o, "\n", 1);
    }
    if (o->flush_parts && fflush(o->fp))
        failed(o);
}

void out_line(struct out *o, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vpart(o, fmt, ap);
    va_end(ap);
    out_end_line(o);
}

int out_close(struct out *o)
{
    if (fflush(o->fp) || ferror(o->fp))
        failed(o);
    return o->failed ? -1 : 0;
}
