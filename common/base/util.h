/* util.h - small helpers: allocation that cannot fail silently, strict
 * number parsing, list splitting, and the exit statuses every tool shares. */
#ifndef NETMIMIC_UTIL_H
#define NETMIMIC_UTIL_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

/* Exit statuses (documented in every man page). */
enum {
    EXIT_OK = 0,
    EXIT_WINDOWS_FAIL = 1, /* what Windows itself reports as failure */
    EXIT_SETUP = 2,        /* netmimic's own: bad profile, bad extension option */
    EXIT_WRITE = 3         /* standard output could not be written */
};

/* The program name used in netmimic's own one-line error messages. */
extern const char *prog_name;

/* e-functions exit on failure (out of memory: EXIT_SETUP). */
void *emalloc(size_t n);
void *ecalloc(size_t n, size_t size);
void *erealloc(void *p, size_t n);
/* N zeroed elements of SIZE for an array a run touches in a few places (a
 * table for every device, built for the few a trace looks at): from a
 * few pages up, a mapping of its own, whose pages the kernel zeroes as
 * they are first touched; calloc clears a block it carves from the heap,
 * touching every page.  Freed by free_sparse with the same N and SIZE. */
void *ecalloc_sparse(size_t n, size_t size);
void free_sparse(void *p, size_t n, size_t size);
char *estrdup(const char *s);
char *estrndup(const char *s, size_t n);
/* The first LEN bytes of SRC (at most SIZE - 1 of them) into DST, terminated;
 * snprintf's "%s" without its cost, which shows in a large profile's load. */
char *copy_text(char *dst, size_t size, const char *src, size_t len);

/* FMT and AP formatted into a new string of the length they need. */
char *vformat(const char *fmt, va_list ap);

/* Prints "PROG: MESSAGE" on stderr (control bytes as \xNN) and exits with
 * STATUS, after calling die_cleanup if it is set. */
_Noreturn void die(int status, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* What die must undo before it exits, or NULL: the loader's second thread,
 * which is stopped and joined so that valgrind finds nothing of it. */
extern void (*die_cleanup)(void);

/* Strict unsigned parse: decimal digits only, whole string, within [lo, hi].
 * Returns 0 on success. */
int parse_u64(const char *s, uint64_t lo, uint64_t hi, uint64_t *out);
/* The same for the N bytes at S, blanks around them allowed. */
int parse_u64_span(const char *s, size_t n, uint64_t lo, uint64_t hi, uint64_t *out);
/* Strict decimal number (no hex, nan, inf), whole string. */
int parse_double(const char *s, double *out);
/* yes/no, true/false, on/off, 1/0 (case-insensitive). */
int parse_bool(const char *s, int *out);

/* Splits S at SEP into trimmed, non-empty fields (*N set): a new array,
 * which holds the fields too, freed by free_list (NULL for no field).  A
 * separator of ' ' splits on any run of blanks. */
char **split_list(const char *s, char sep, size_t *n);
void free_list(char **v, size_t n);

char *trim(char *s);
int str_ieq(const char *a, const char *b);

/* Growable array append: ARR of N elements of SIZE, capacity *CAP. */
void *grow(void *arr, size_t n, size_t *cap, size_t size);

#endif
