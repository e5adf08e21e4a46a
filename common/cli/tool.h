/* tool.h - what every front end does around its own run: read the Windows
 * command line, answer usage and option errors as Windows would, load the
 * network, resolve the target and any source-route hosts, run, and turn a
 * failed write into an exit status.  A front end gives its table, its texts
 * and the run itself. */
#ifndef NETMIMIC_TOOL_H
#define NETMIMIC_TOOL_H

#include <stddef.h>
#include <stdint.h>

#include "cli/cli.h"
#include "data/probe.h"
#include "model/resolve.h"
#include "cli/winopt.h"

struct target {
    struct resolved dst;            /* address, canonical name, zone */
    struct addr via[WINOPT_MAX_HOSTS]; /* the source route's hosts */
    size_t nvia;
    struct addr src;                /* the address the probes leave from */
    int src_is_ours;                /* the source option (if any) is the host's */
};

struct tool {
    const char *name;
    struct winopt *table;
    size_t nopts;
    const struct winopt_messages *messages;
    void (*usage)(struct out *o);
    void (*no_target)(struct out *o);
    void (*unresolved)(struct out *o, const char *name);
    /* Host-list options giving a source route, in order of precedence. */
    const char *route_letters;
    /* The option naming the source address (ping and tracert -S, pathping
     * -i), or 0. */
    char source_letter;
    /* The option giving the largest TTL of the run, and its default. */
    char ttl_letter;
    unsigned default_ttl;
    /* Options Windows refuses over IPv6, and over IPv4. */
    const char *v4_only_letters, *v6_only_letters;
    /* The run; returns the exit status. */
    int (*run)(struct winopt_line *w, struct run *run, struct engine *e,
               const struct target *t);
};

int tool_main(const struct tool *tool, int argc, char **argv);

/* The value of a number option, or DFLT when it was not given. */
unsigned long tool_number(struct winopt_line *w, char letter, unsigned long dflt);

#endif
