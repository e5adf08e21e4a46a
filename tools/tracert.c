/* tracert - Windows tracert, answered from the simulated network.
 * Windows options as -x or /x; netmimic's own options are long ones only. */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "fmt_tracert.h"
#include "resolve.h"
#include "trace.h"
#include "util.h"
#include "winopt.h"

#define DEFAULT_MAX_HOPS 30
#define DEFAULT_TIMEOUT_MS 4000

static const struct winopt_messages messages = {
    tracert_invalid_option, tracert_bad_value, tracert_missing_value};

/* -R and -S are IPv6-only and -4 is what the model does anyway: accepted,
 * with no effect on an IPv4 trace. */
static struct winopt table[] = {
    {.letter = 'd', .kind = WINOPT_FLAG},
    {.letter = 'h', .kind = WINOPT_NUMBER, .lo = 1, .hi = 255},
    {.letter = 'j', .kind = WINOPT_HOSTS},
    {.letter = 'w', .kind = WINOPT_NUMBER, .lo = 1, .hi = 4294967295ul},
    {.letter = 'R', .kind = WINOPT_FLAG},
    {.letter = 'S', .kind = WINOPT_TEXT},
    {.letter = '4', .kind = WINOPT_FLAG},
    {.letter = '6', .kind = WINOPT_FLAG},
};

/* Resolves the target and the -j hosts; returns the first name that does
 * not resolve, or NULL.  The model is IPv4 only: with -6 nothing resolves. */
static const char *resolve_all(const struct network *net, struct winopt_line *w,
                               struct trace_request *req, uint32_t *via)
{
    const char *canonical;
    const struct winopt *j = winopt_get(w, 'j');
    if (winopt_get(w, '6')->seen || resolve_target(net, w->target, &req->dst, &req->canonical))
        return w->target;
    for (size_t i = 0; i < j->nhosts; i++)
        if (resolve_target(net, j->hosts[i], &via[i], &canonical))
            return j->hosts[i];
    req->via = via;
    req->nvia = j->nhosts;
    return NULL;
}

static int trace(struct winopt_line *w)
{
    struct run run;
    run_setup(&run, &w->ext);
    struct winopt *h = winopt_get(w, 'h'), *wait = winopt_get(w, 'w');
    struct trace_request req = {
        .max_hops = h->seen ? (unsigned)h->number : DEFAULT_MAX_HOPS,
        .timeout_ms = wait->seen ? (unsigned)wait->number : DEFAULT_TIMEOUT_MS,
        .resolve_names = !winopt_get(w, 'd')->seen,
        .realtime = w->ext.realtime};
    uint32_t via[WINOPT_MAX_HOSTS];
    int status = EXIT_OK;
    const char *unresolved = resolve_all(&run.net, w, &req, via);
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

int main(int argc, char **argv)
{
    struct winopt_line w = {.table = table, .nopts = sizeof table / sizeof *table,
                            .messages = &messages};
    struct out pre; /* usage and option errors, before any run */
    prog_name = "tracert";
    winopt_open_writer(&pre, argc, argv);
    switch (winopt_parse(&w, &pre, argc, argv)) {
    case WINOPT_HELP:
        tracert_usage(&pre);
        return out_finish(&pre, EXIT_OK);
    case WINOPT_BARE:
        tracert_usage(&pre);
        return out_finish(&pre, EXIT_WINDOWS_FAIL);
    case WINOPT_FAILED:
        return out_finish(&pre, EXIT_WINDOWS_FAIL);
    case WINOPT_OK:
        break;
    }
    if (!w.target) {
        tracert_no_target(&pre);
        return out_finish(&pre, EXIT_WINDOWS_FAIL);
    }
    return trace(&w);
}
