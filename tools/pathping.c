/* pathping - Windows pathping, answered from the simulated network.
 * Windows options as -x or /x; netmimic's own options are long ones only. */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "fmt_pathping.h"
#include "pathrun.h"
#include "resolve.h"
#include "util.h"
#include "winopt.h"

#define DEFAULT_MAX_HOPS 30
#define DEFAULT_PERIOD_MS 250
#define DEFAULT_QUERIES 100
#define DEFAULT_TIMEOUT_MS 3000

static const struct winopt_messages messages = {
    pathping_invalid_option, pathping_bad_value, pathping_missing_value};

/* -4 is what the model does anyway: accepted, with no effect. */
static struct winopt table[] = {
    {.letter = 'g', .kind = WINOPT_HOSTS},
    {.letter = 'h', .kind = WINOPT_NUMBER, .lo = 1, .hi = 255},
    {.letter = 'i', .kind = WINOPT_TEXT},
    {.letter = 'n', .kind = WINOPT_FLAG},
    {.letter = 'p', .kind = WINOPT_NUMBER, .lo = 1, .hi = 4294967295ul},
    {.letter = 'q', .kind = WINOPT_NUMBER, .lo = 1, .hi = 4294967295ul},
    {.letter = 'w', .kind = WINOPT_NUMBER, .lo = 1, .hi = 4294967295ul},
    {.letter = '4', .kind = WINOPT_FLAG},
    {.letter = '6', .kind = WINOPT_FLAG},
};

static unsigned long number_or(struct winopt_line *w, char letter, unsigned long dflt)
{
    struct winopt *o = winopt_get(w, letter);
    return o->seen ? o->number : dflt;
}

/* Resolves the target and the -g hosts; returns the first name that does
 * not resolve, or NULL.  The model is IPv4 only: with -6 nothing resolves. */
static const char *resolve_all(const struct network *net, struct winopt_line *w,
                               struct pathping_request *req, uint32_t *via)
{
    const char *canonical;
    const struct winopt *g = winopt_get(w, 'g');
    if (winopt_get(w, '6')->seen || resolve_target(net, w->target, &req->dst, &req->canonical))
        return w->target;
    for (size_t i = 0; i < g->nhosts; i++)
        if (resolve_target(net, g->hosts[i], &via[i], &canonical))
            return g->hosts[i];
    req->via = via;
    req->nvia = g->nhosts;
    return NULL;
}

/* A source address (-i) that is not the current host's: nothing is sent. */
static int source_is_ours(struct winopt_line *w, const struct run *run)
{
    const struct winopt *i = winopt_get(w, 'i');
    uint32_t a;
    return !i->seen || (addr_parse(i->text, &a) == 0 && device_owns(&run->net, run->host, a));
}

static int pathping(struct winopt_line *w)
{
    struct run run;
    run_setup(&run, &w->ext);
    const struct device *host = &run.net.devices[run.host];
    struct pathping_request req = {
        .host_name = host->nnames ? host->names[0] : resolve_reverse(&run.net, run.host_addr),
        .host_addr = run.host_addr,
        .max_hops = (unsigned)number_or(w, 'h', DEFAULT_MAX_HOPS),
        .period_ms = number_or(w, 'p', DEFAULT_PERIOD_MS),
        .queries = number_or(w, 'q', DEFAULT_QUERIES),
        .timeout_ms = (unsigned)number_or(w, 'w', DEFAULT_TIMEOUT_MS),
        .resolve_names = !winopt_get(w, 'n')->seen,
        .source_is_ours = source_is_ours(w, &run),
        .realtime = w->ext.realtime};
    uint32_t via[WINOPT_MAX_HOSTS];
    int status = EXIT_OK;
    const char *unresolved = resolve_all(&run.net, w, &req, via);
    if (unresolved) {
        pathping_unresolved(&run.out, unresolved);
        status = EXIT_WINDOWS_FAIL;
    } else {
        struct engine e;
        engine_init(&e, &run.net, run.host, run.host_addr, run.seed);
        pathping_run(&e, &run.out, &req);
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
    prog_name = "pathping";
    winopt_open_writer(&pre, argc, argv);
    switch (winopt_parse(&w, &pre, argc, argv)) {
    case WINOPT_HELP:
        pathping_usage(&pre);
        return out_finish(&pre, EXIT_OK);
    case WINOPT_BARE:
        pathping_usage(&pre);
        return out_finish(&pre, EXIT_WINDOWS_FAIL);
    case WINOPT_FAILED:
        return out_finish(&pre, EXIT_WINDOWS_FAIL);
    case WINOPT_OK:
        break;
    }
    if (!w.target) { /* no capture: Windows' pathping shows its usage */
        pathping_usage(&pre);
        return out_finish(&pre, EXIT_WINDOWS_FAIL);
    }
    return pathping(&w);
}
