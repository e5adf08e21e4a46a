/* util.c - see util.h. */
#define _POSIX_C_SOURCE 200809L
#define _DEFAULT_SOURCE /* madvise, MADV_HUGEPAGE */
#include "base/util.h"

#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/mman.h>

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
void (*die_cleanup)(void);

void die(int status, const char *fmt, ...)
{
    va_list ap;
    if (die_cleanup) {
        void (*cleanup)(void) = die_cleanup;
        die_cleanup = NULL;
        cleanup();
    }
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

/* A large block (malloc maps it on its own) is asked to be backed by huge
 * pages: a 100,000-device network fills some 200 MB of arrays, and taking
 * them 4 KB page by page was 40,000 faults and a quarter of the load on
 * these virtual machines (what GLIBC_TUNABLES=glibc.malloc.hugetlb=1
 * does, for the blocks worth it).  Only the whole pages inside the block;
 * a kernel without transparent huge pages just says no. */
#define HUGE_ADVICE_MIN ((size_t)4 << 20)

static void *advise_huge(void *p, size_t n)
{
    if (p && n >= HUGE_ADVICE_MIN) {
        uintptr_t page = 4096;
        uintptr_t start = ((uintptr_t)p + page - 1) & ~(page - 1);
        uintptr_t end = ((uintptr_t)p + n) & ~(page - 1);
        (void)madvise((void *)start, end - start, MADV_HUGEPAGE);
    }
    return p;
}

void *emalloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (!p)
        die(EXIT_SETUP, "out of memory");
    return advise_huge(p, n);
}

void *ecalloc(size_t n, size_t size)
{
    void *p = calloc(n ? n : 1, size ? size : 1);
    if (!p)
        die(EXIT_SETUP, "out of memory");
    return advise_huge(p, n * size);
}

void *erealloc(void *p, size_t n)
{
    void *q = realloc(p, n ? n : 1);
    if (!q)
        die(EXIT_SETUP, "out of memory");
    return advise_huge(q, n);
}

/* Below this, calloc's clearing costs less than a mapping's system calls. */
#define SPARSE_MAP_MIN ((size_t)16 << 10)

void *ecalloc_sparse(size_t n, size_t size)
{
    if (size && n > SIZE_MAX / size)
        die(EXIT_SETUP, "out of memory");
    if (n * size < SPARSE_MAP_MIN)
        return ecalloc(n, size);
    void *p = mmap(NULL, n * size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED)
        die(EXIT_SETUP, "out of memory");
    return p;
}

void free_sparse(void *p, size_t n, size_t size)
{
    if (!p)
        return;
    if (n * size < SPARSE_MAP_MIN)
        free(p);
    else
        munmap(p, n * size);
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

/* isspace in the C locale, which the tools never leave, without its call
 * (the loader tests every byte of a profile). */
static int is_blank(char c)
{
    return c == ' ' || (c >= '\t' && c <= '\r');
}

char *trim(char *s)
{
    while (is_blank(*s))
        s++;
    size_t n = strlen(s);
    while (n && is_blank(s[n - 1]))
        s[--n] = '\0';
    return s;
}


/* Where the field that starts at S ends: its separator, or the end. */
static const char *field_end(const char *s, char sep)
{
    const char set[2] = {sep, '\0'};
    return s + strcspn(s, sep == ' ' ? " \t\n\v\f\r" : set);
}

/* The fields of S, at most: one more than its separators. */
static size_t most_fields(const char *s, char sep)
{
    size_t n = 1;
    for (s = field_end(s, sep); *s; s = field_end(s + 1, sep))
        n++;
    return n;
}

/* One allocation for the whole list: the array of pointers, then a copy of
 * S cut into the fields in place.  The loader splits every list of a large
 * profile, and a block a field was a third of its malloc and free. */
char **split_list(const char *s, char sep, size_t *n)
{
    *n = 0;
    if (!s || !*s)
        return NULL;
    size_t most = most_fields(s, sep), len = strlen(s);
    char **v = emalloc(most * sizeof *v + len + 1);
    char *text = memcpy((char *)(v + most), s, len + 1);
    for (int last_field = 0; !last_field;) {
        char *end = (char *)field_end(text, sep), *first = text, *last = end;
        last_field = !*end;
        text = end + 1;
        while (first < last && is_blank(*first))
            first++;
        while (last > first && is_blank(last[-1]))
            last--;
        if (last > first) {
            *last = '\0';
            v[(*n)++] = first;
        }
    }
    return v;
}

void free_list(char **v, size_t n)
{
    (void)n; /* the fields are in V's block */
    free(v);
}
