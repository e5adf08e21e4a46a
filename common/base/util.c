/* util.c - see util.h. */
#define _POSIX_C_SOURCE 200809L
#include "base/util.h"

#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

const char *prog_name = "netmimic";

char *vformat(const char *fmt, va_list ap)
{
    va_list again;
    va_copy(again, ap);
    int n = vsnprintf(NULL, 0, fmt, ap);
    if (n < 0)
        n = 0; /* an encoding error: an empty text rather than none */
    char *s = emalloc((size_t)n + 1);
    if (vsnprintf(s, (size_t)n + 1, fmt, again) < 0)
        s[0] = '\0';
    va_end(again);
    return s;
}

/* S on stderr with its control bytes as \xNN: a message quotes the
 * profile's text, which must not move the cursor or end the line. */
static void put_escaped(const char *s)
{
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c < 0x20 || c == 0x7f)
            fprintf(stderr, "\\x%02x", c);
        else
            fputc(c, stderr);
    }
}

/* Ends at once: what was allocated on the way to the error is the
 * process's to drop, so the exit handlers are skipped.  (What the loader
 * holds stays reachable from its state, so valgrind counts no leak.) */
void die(int status, const char *fmt, ...)
{
    va_list ap;
    fflush(stdout);
    va_start(ap, fmt);
    char *msg = vformat(fmt, ap);
    va_end(ap);
    fprintf(stderr, "%s: ", prog_name);
    put_escaped(msg);
    free(msg);
    fputc('\n', stderr);
    fflush(stderr);
    _Exit(status);
}

void *emalloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (!p)
        die(EXIT_SETUP, "out of memory");
    return p;
}

void *ecalloc(size_t n, size_t size)
{
    void *p = calloc(n ? n : 1, size ? size : 1);
    if (!p)
        die(EXIT_SETUP, "out of memory");
    return p;
}

void *erealloc(void *p, size_t n)
{
    void *q = realloc(p, n ? n : 1);
    if (!q)
        die(EXIT_SETUP, "out of memory");
    return q;
}

char *estrdup(const char *s)
{
    return estrndup(s, strlen(s));
}

char *copy_text(char *dst, size_t size, const char *src, size_t len)
{
    if (len >= size)
        len = size - 1;
    memcpy(dst, src, len);
    dst[len] = '\0';
    return dst;
}

char *estrndup(const char *s, size_t n)
{
    char *p = emalloc(n + 1);
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

void *grow(void *arr, size_t n, size_t *cap, size_t size)
{
    if (n < *cap)
        return arr;
    *cap = *cap ? *cap * 2 : 8;
    return erealloc(arr, *cap * size);
}

/* The N bytes at S as a number from LO to HI: digits only. */
static int u64_of(const char *s, size_t n, uint64_t lo, uint64_t hi, uint64_t *out)
{
    uint64_t v = 0;
    if (!s || !n)
        return -1;
    for (size_t i = 0; i < n; i++) {
        if (!isdigit((unsigned char)s[i]))
            return -1;
        unsigned d = (unsigned)(s[i] - '0');
        if (v > (UINT64_MAX - d) / 10)
            return -1;
        v = v * 10 + d;
    }
    if (v < lo || v > hi)
        return -1;
    *out = v;
    return 0;
}

int parse_u64(const char *s, uint64_t lo, uint64_t hi, uint64_t *out)
{
    return u64_of(s, s ? strlen(s) : 0, lo, hi, out);
}

int parse_u64_span(const char *s, size_t n, uint64_t lo, uint64_t hi, uint64_t *out)
{
    while (n && isspace((unsigned char)*s))
        s++, n--;
    while (n && isspace((unsigned char)s[n - 1]))
        n--;
    return u64_of(s, n, lo, hi, out);
}

int parse_double(const char *s, double *out)
{
    char *end;
    if (!s || !*s)
        return -1;
    /* strtod accepts hex, inf and nan: only plain decimals are allowed here. */
    for (const char *p = s; *p; p++)
        if (!isdigit((unsigned char)*p) && !strchr("+-.eE", *p))
            return -1;
    errno = 0;
    double v = strtod(s, &end);
    if (errno || *end)
        return -1;
    *out = v;
    return 0;
}

int parse_bool(const char *s, int *out)
{
    static const char *yes[] = {"yes", "true", "on", "1"};
    static const char *no[] = {"no", "false", "off", "0"};
    for (size_t i = 0; i < 4; i++) {
        if (str_ieq(s, yes[i])) {
            *out = 1;
            return 0;
        }
        if (str_ieq(s, no[i])) {
            *out = 0;
            return 0;
        }
    }
    return -1;
}

int str_ieq(const char *a, const char *b)
{
    return strcasecmp(a, b) == 0;
}

char *trim(char *s)
{
    while (isspace((unsigned char)*s))
        s++;
    size_t n = strlen(s);
    while (n && isspace((unsigned char)s[n - 1]))
        s[--n] = '\0';
    return s;
}

static int is_sep(char c, char sep)
{
    return sep == ' ' ? isspace((unsigned char)c) : c == sep;
}

char **split_list(const char *s, char sep, size_t *n)
{
    char **v = NULL;
    size_t cap = 0;
    *n = 0;
    while (s && *s) {
        const char *end = s;
        while (*end && !is_sep(*end, sep))
            end++;
        /* the field trimmed in place: one allocation a field, as the loader
         * splits every list of a large profile */
        const char *first = s, *last = end;
        while (first < last && isspace((unsigned char)*first))
            first++;
        while (last > first && isspace((unsigned char)last[-1]))
            last--;
        if (last > first) {
            v = grow(v, *n, &cap, sizeof *v);
            v[(*n)++] = estrndup(first, (size_t)(last - first));
        }
        s = *end ? end + 1 : end;
    }
    return v;
}

void free_list(char **v, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(v[i]);
    free(v);
}
