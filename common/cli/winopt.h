/* winopt.h - Windows command lines: options as -x or /x, each a single
 * letter, some taking a number, a text or a list of hosts; one target; and
 * netmimic's long options anywhere.  One table per tool drives parsing; the
 * tool's own formatter words the errors. */
#ifndef NETMIMIC_WINOPT_H
#define NETMIMIC_WINOPT_H

#include <stddef.h>

#include "cli/cli.h"
#include "render/out.h"

#define WINOPT_MAX_HOSTS 9 /* room in an IPv4 source-route option */

enum winopt_kind { WINOPT_FLAG, WINOPT_NUMBER, WINOPT_TEXT, WINOPT_HOSTS };

struct winopt {
    char letter;
    enum winopt_kind kind;
    unsigned long lo, hi;   /* WINOPT_NUMBER: the valid range */
    /* filled in by parsing */
    int seen;
    unsigned long number;
    const char *text;
    const char *hosts[WINOPT_MAX_HOSTS];
    size_t nhosts;
};

/* How the tool words its errors (Windows' own texts differ per tool). */
struct winopt_messages {
    void (*invalid_option)(struct out *o, const char *arg);
    void (*bad_value)(struct out *o, char option, unsigned long lo, unsigned long hi);
    void (*missing_value)(struct out *o, char option);
};

enum winopt_outcome { WINOPT_OK, WINOPT_HELP, WINOPT_BARE, WINOPT_FAILED };

struct winopt_line {
    struct winopt *table;
    size_t nopts;
    const struct winopt_messages *messages;
    struct ext_opts ext;
    const char *target;
};

/* Parses ARGV; errors are printed on O.  WINOPT_BARE: nothing but netmimic
 * options (Windows prints the usage); WINOPT_HELP: "/?" or "-?". */
enum winopt_outcome winopt_parse(struct winopt_line *w, struct out *o, int argc, char **argv);

/* The table entry for LETTER (which must be in the table). */
struct winopt *winopt_get(struct winopt_line *w, char letter);

/* Opens the writer for usage and option errors: the output form, language,
 * Windows version and encoding are known from the extension options and the
 * environment before anything else is parsed. */
void winopt_open_writer(struct out *o, int argc, char **argv);

#endif
