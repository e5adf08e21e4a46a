/* out.c - see out.h. */
#include "render/out.h"

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "base/util.h"

void out_init(struct out *o, FILE *fp, int crlf)
{
    memset(o, 0, sizeof *o);
    o->fp = fp;
    o->crlf = crlf;
    o->lang = &msg_langs[0];
}

void out_set_codepage(struct out *o, const char *codepage)
{
    o->codepage = codepage;
}

static void failed(struct out *o)
{
    if (!o->failed)
        o->error = errno;
    o->failed = 1;
}

static void put_bytes(struct out *o, const char *s, size_t n)
{
    if (n && fwrite(s, 1, n, o->fp) != n)
        failed(o);
}

static int is_ascii(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if ((unsigned char)s[i] >= 0x80)
            return 0;
    return 1;
}

/* Length of the UTF-8 sequence starting with byte C (1 for a stray byte). */
static size_t utf8_len(unsigned char c)
{
    return c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc0 ? 2 : 1;
}

/* UTF-8 S into the code page; what iconv cannot convert, even by
 * transliteration, becomes '?'.  Text always reaches here in whole UTF-8
 * sequences (it is cut only at blanks and line ends). */
static void put_converted(struct out *o, const char *s, size_t n)
{
    char *in = (char *)s;
    while (n) {
        char buf[512], *outp = buf;
        size_t room = sizeof buf;
        size_t r = iconv(o->cd, &in, &n, &outp, &room);
        put_bytes(o, buf, (size_t)(outp - buf));
        if (r == (size_t)-1 && errno != E2BIG) {
            size_t skip = utf8_len((unsigned char)*in);
            skip = skip < n ? skip : n;
            in += skip;
            n -= skip;
            put_bytes(o, "?", 1);
        }
    }
}

static void put(struct out *o, const char *s, size_t n)
{
    if (!o->codepage || is_ascii(s, n)) {
        put_bytes(o, s, n);
        return;
    }
    if (!o->cd_open) {
        char to[64];
        snprintf(to, sizeof to, "%s//TRANSLIT", o->codepage);
        o->cd = iconv_open(to, "UTF-8");
        if (o->cd == (iconv_t)-1) {
            o->codepage = NULL; /* no such converter: write UTF-8 */
            put_bytes(o, s, n);
            return;
        }
        o->cd_open = 1;
    }
    put_converted(o, s, n);
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

/* A line of any length: most fit the buffer on the stack, a longer one
 * (a long name, say) is formatted again into one of its own size. */
static void vpart(struct out *o, const char *fmt, va_list ap)
{
    char buf[1024];
    va_list again;
    va_copy(again, ap);
    int n = vsnprintf(buf, sizeof buf, fmt, ap);
    if (n >= 0 && (size_t)n < sizeof buf) {
        write_part(o, buf);
    } else if (n >= 0) {
        char *big = emalloc((size_t)n + 1);
        vsnprintf(big, (size_t)n + 1, fmt, again);
        write_part(o, big);
        free(big);
    }
    va_end(again);
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

void out_flush(struct out *o)
{
    if (fflush(o->fp))
        failed(o);
}

int out_close(struct out *o)
{
    if (o->cd_open) {
        iconv_close(o->cd);
        o->cd_open = 0;
    }
    if (fflush(o->fp) || ferror(o->fp))
        failed(o);
    return o->failed ? -1 : 0;
}
