/* tracert - Windows tracert, answered from the simulated network.
 * Windows options as -x or /x; netmimic's own options are long ones only. */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "fmt_tracert.h"
#include "resolve.h"
#include "trace.h"
#include "util.h"

#define DEFAULT_MAX_HOPS 30
#define MAX_HOPS_LIMIT 255
#define DEFAULT_TIMEOUT_MS 4000
#define MAX_SOURCE_ROUTE 9 /* what an IPv4 option has room for */

struct tracert_opts {
    struct ext_opts ext;
    const char *target;
    int windows_args;  /* arguments other than netmimic's long options */
    unsigned long max_hops, timeout_ms;
    int no_resolve, ipv6;
    const char *host_list[MAX_SOURCE_ROUTE];
    size_t nhosts;
};

/* Outcome of reading the command line when it does not lead to a trace. */
enum parse_outcome { PARSE_OK, PARSE_HELP, PARSE_FAILED };

static enum parse_outcome bad(struct out *o, const char *arg)
{
    tracert_invalid_option(o, arg);
    return PARSE_FAILED;
}

static int is_windows_option(const char *a)
{
    return (a[0] == '-' || a[0] == '/') && a[1] != '\0';
}

static enum parse_outcome number_value(struct out *o, int argc, char **argv, int *i,
                                       unsigned long lo, unsigned long hi, unsigned long *v)
{
    char letter = argv[*i][1];
    uint64_t n;
    if (*i + 1 >= argc) {
        tracert_missing_value(o, letter);
        return PARSE_FAILED;
    }
    if (parse_u64(argv[++*i], lo, hi, &n)) {
        tracert_bad_value(o, letter, lo, hi);
        return PARSE_FAILED;
    }
    *v = (unsigned long)n;
    return PARSE_OK;
}

/* -j takes the hosts that follow, up to the target (the last argument). */
static enum parse_outcome host_list(struct tracert_opts *t, struct out *o, int argc,
                                    char **argv, int *i)
{
    if (*i + 2 >= argc || is_windows_option(argv[*i + 1])) {
        tracert_missing_value(o, 'j');
        return PARSE_FAILED;
    }
    while (*i + 2 < argc && !is_windows_option(argv[*i + 1])) {
        if (t->nhosts == MAX_SOURCE_ROUTE) {
            tracert_bad_value(o, 'j', 1, MAX_SOURCE_ROUTE);
            return PARSE_FAILED;
        }
        t->host_list[t->nhosts++] = argv[++*i];
    }
    return PARSE_OK;
}

static enum parse_outcome windows_option(struct tracert_opts *t, struct out *o, int argc,
                                         char **argv, int *i)
{
    const char *a = argv[*i];
    if (a[2] != '\0')
        return bad(o, a);
    switch (a[1]) {
    case '?': return PARSE_HELP;
    case 'd': t->no_resolve = 1; return PARSE_OK;
    case 'h': return number_value(o, argc, argv, i, 1, MAX_HOPS_LIMIT, &t->max_hops);
    case 'w': return number_value(o, argc, argv, i, 1, 4294967295ul, &t->timeout_ms);
    case 'j': return host_list(t, o, argc, argv, i);
    case 'S':
        if (*i + 1 >= argc) {
            tracert_missing_value(o, 'S');
            return PARSE_FAILED;
        }
        ++*i; /* IPv6-only: no effect on an IPv4 trace */
        return PARSE_OK;
    case 'R': case '4': return PARSE_OK;
    case '6': t->ipv6 = 1; return PARSE_OK;
    default: return bad(o, a);
    }
}

static enum parse_outcome parse_args(struct tracert_opts *t, struct out *o, int argc, char **argv)
{
    for (int i = 1; i < argc; i++) {
        if (ext_parse(&t->ext, argc, argv, &i) == EXT_TAKEN)
            continue;
        t->windows_args++;
        enum parse_outcome r = PARSE_OK;
        if (strncmp(argv[i], "--", 2) == 0 || (t->target && !is_windows_option(argv[i])))
            r = bad(o, argv[i]);
        else if (is_windows_option(argv[i]))
            r = windows_option(t, o, argc, argv, &i);
        else
            t->target = argv[i];
        if (r != PARSE_OK)
            return r;
    }
    return PARSE_OK;
}

/* Resolves the target and the -j hosts; returns the first name that does
 * not resolve, or NULL.  The model is IPv4 only: with -6 nothing resolves. */
static const char *resolve_all(struct run *run, const struct tracert_opts *t,
                               struct trace_request *req, uint32_t *via)
{
    const char *canonical;
    if (t->ipv6 || resolve_target(&run->net, t->target, &req->dst, &req->canonical))
        return t->target;
    for (size_t i = 0; i < t->nhosts; i++)
        if (resolve_target(&run->net, t->host_list[i], &via[i], &canonical))
            return t->host_list[i];
    req->via = via;
    req->nvia = t->nhosts;
    return NULL;
}

/* Windows prints everything, usage included, on stdout. */
static int usage_exit(struct out *o, int status)
{
    return out_finish(o, status);
}

int main(int argc, char **argv)
{
    struct tracert_opts t = {.max_hops = DEFAULT_MAX_HOPS, .timeout_ms = DEFAULT_TIMEOUT_MS};
    struct out pre;
    prog_name = "tracert";
    out_init(&pre, stdout, 0);
    /* The form of the output is known only after reading the options. */
    for (int i = 1; i < argc; i++)
        if (strcmp(argv[i], "--crlf") == 0)
            pre.crlf = 1;
    ext_apply_env(&t.ext);
    pre.crlf |= t.ext.crlf;
    enum parse_outcome parsed = parse_args(&t, &pre, argc, argv);
    if (parsed == PARSE_OK && t.windows_args == 0) { /* bare "tracert" */
        tracert_usage(&pre);
        return usage_exit(&pre, EXIT_WINDOWS_FAIL);
    }
    if (parsed == PARSE_HELP) {
        tracert_usage(&pre);
        return usage_exit(&pre, EXIT_OK);
    }
    if (parsed == PARSE_FAILED)
        return usage_exit(&pre, EXIT_WINDOWS_FAIL);
    ext_apply_env(&t.ext);
    if (!t.target) {
        tracert_no_target(&pre);
        return usage_exit(&pre, EXIT_WINDOWS_FAIL);
    }
    struct run run;
    run_setup(&run, &t.ext);
    struct trace_request req = {.max_hops = (unsigned)t.max_hops,
                                .timeout_ms = (unsigned)t.timeout_ms,
                                .resolve_names = !t.no_resolve,
                                .realtime = t.ext.realtime};
    int status = EXIT_OK;
    uint32_t via[MAX_SOURCE_ROUTE];
    const char *unresolved = resolve_all(&run, &t, &req, via);
    if (unresolved) {
        tracert_unresolved(&run.out, unresolved);
        status = EXIT_WINDOWS_FAIL;
    } else {
        struct engine e;
        engine_init(&e, &run.net, run.host, run.host_addr, run.seed);
        trace_run(&e, &run.out, &req);
        engine_free(&e);
    }
    status = run_finish(&run, status);
    run_free(&run);
    return status;
}
