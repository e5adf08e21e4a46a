/* ping - Windows ping, answered from the simulated network.
 * Windows options as -x or /x; netmimic's own options are long ones only.
 * SIGINT stands for Ctrl+C, SIGQUIT (Ctrl+\) for Ctrl+Break. */
#define _POSIX_C_SOURCE 200809L
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "cli.h"
#include "fmt_ping.h"
#include "pingrun.h"
#include "resolve.h"
#include "rng.h"
#include "util.h"
#include "winopt.h"

#define DEFAULT_COUNT 4
#define DEFAULT_SIZE 32
#define DEFAULT_TTL 128
#define DEFAULT_TIMEOUT_MS 4000
#define MS_PER_DAY 86400000u

static const struct winopt_messages messages = {ping_bad_option, ping_bad_value,
                                                ping_missing_value};

/* -v (deprecated by Windows itself), -c, -p, -R and -4 are accepted with no
 * effect on the model. */
static struct winopt table[] = {
    {.letter = 't', .kind = WINOPT_FLAG},
    {.letter = 'a', .kind = WINOPT_FLAG},
    {.letter = 'n', .kind = WINOPT_NUMBER, .lo = 1, .hi = 4294967295ul},
    {.letter = 'l', .kind = WINOPT_NUMBER, .lo = 0, .hi = 65500},
    {.letter = 'f', .kind = WINOPT_FLAG},
    {.letter = 'i', .kind = WINOPT_NUMBER, .lo = 1, .hi = 255},
    {.letter = 'v', .kind = WINOPT_NUMBER, .lo = 0, .hi = 255},
    {.letter = 'r', .kind = WINOPT_NUMBER, .lo = 1, .hi = 9},
    {.letter = 's', .kind = WINOPT_NUMBER, .lo = 1, .hi = 4},
    {.letter = 'j', .kind = WINOPT_HOSTS},
    {.letter = 'k', .kind = WINOPT_HOSTS},
    {.letter = 'w', .kind = WINOPT_NUMBER, .lo = 1, .hi = 4294967295ul},
    {.letter = 'R', .kind = WINOPT_FLAG},
    {.letter = 'S', .kind = WINOPT_TEXT},
    {.letter = 'c', .kind = WINOPT_NUMBER, .lo = 0, .hi = 4294967295ul},
    {.letter = 'p', .kind = WINOPT_FLAG},
    {.letter = '4', .kind = WINOPT_FLAG},
    {.letter = '6', .kind = WINOPT_FLAG},
};

static void on_interrupt(int sig)
{
    (void)sig;
    ping_stop_requested = 1;
}

static void on_break(int sig)
{
    (void)sig;
    ping_break_requested = 1;
}

static void catch_signals(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sigemptyset(&sa.sa_mask);
    sa.sa_handler = on_interrupt;
    sigaction(SIGINT, &sa, NULL);
    sa.sa_handler = on_break;
    sigaction(SIGQUIT, &sa, NULL);
}

static unsigned long number_or(struct winopt_line *w, char letter, unsigned long dflt)
{
    struct winopt *o = winopt_get(w, letter);
    return o->seen ? o->number : dflt;
}

/* The time of day for -s: from the seed when there is one, so that the same
 * seed gives the same bytes; from the clock otherwise. */
static uint32_t clock_of_day(const struct run *run, const struct ext_opts *x)
{
    if (x->seed_text)
        return (uint32_t)(rng_mix64(run->seed) % MS_PER_DAY);
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    return (uint32_t)((uint64_t)(ts.tv_sec % 86400) * 1000 + (uint64_t)ts.tv_nsec / 1000000);
}

static void fill_request(struct winopt_line *w, struct run *run, struct ping_request *req)
{
    struct winopt *src = winopt_get(w, 'S');
    uint32_t addr;
    req->resolve_names = winopt_get(w, 'a')->seen;
    req->forever = winopt_get(w, 't')->seen;
    req->count = number_or(w, 'n', DEFAULT_COUNT);
    req->size = (unsigned)number_or(w, 'l', DEFAULT_SIZE);
    req->dont_fragment = winopt_get(w, 'f')->seen;
    req->ttl = (int)number_or(w, 'i', DEFAULT_TTL);
    req->timeout_ms = (unsigned)number_or(w, 'w', DEFAULT_TIMEOUT_MS);
    req->record_route = (unsigned)number_or(w, 'r', 0);
    req->timestamps = (unsigned)number_or(w, 's', 0);
    req->strict_route = winopt_get(w, 'k')->seen;
    req->source = src->seen ? src->text : NULL;
    req->source_is_ours = src->seen && addr_parse(src->text, &addr) == 0 &&
                          device_owns(&run->net, run->host, addr);
    req->clock_ms = clock_of_day(run, &w->ext);
    req->realtime = w->ext.realtime;
}

/* Resolves the target and the route's hosts; returns the first name that
 * does not resolve, or NULL.  The model is IPv4 only: with -6 none does. */
static const char *resolve_all(const struct network *net, struct winopt_line *w,
                               struct ping_request *req, uint32_t *via)
{
    const char *canonical;
    const struct winopt *route = winopt_get(w, winopt_get(w, 'k')->seen ? 'k' : 'j');
    if (winopt_get(w, '6')->seen || resolve_target(net, w->target, &req->dst, &req->canonical))
        return w->target;
    for (size_t i = 0; i < route->nhosts; i++)
        if (resolve_target(net, route->hosts[i], &via[i], &canonical))
            return route->hosts[i];
    req->via = via;
    req->nvia = route->nhosts;
    return NULL;
}

static int ping(struct winopt_line *w)
{
    struct run run;
    struct ping_request req = {0};
    uint32_t via[WINOPT_MAX_HOSTS];
    run_setup(&run, &w->ext);
    fill_request(w, &run, &req);
    int status = EXIT_WINDOWS_FAIL;
    const char *unresolved = resolve_all(&run.net, w, &req, via);
    if (unresolved) {
        ping_unresolved(&run.out, unresolved);
    } else {
        struct engine e;
        engine_init(&e, &run.net, run.host, run.host_addr, run.seed);
        catch_signals();
        /* Any reply, an error reply too, counts as success: Windows does so. */
        if (ping_run(&e, &run.out, &req) > 0)
            status = EXIT_OK;
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
    prog_name = "ping";
    winopt_open_writer(&pre, argc, argv);
    switch (winopt_parse(&w, &pre, argc, argv)) {
    case WINOPT_HELP:
        ping_usage(&pre);
        return out_finish(&pre, EXIT_OK);
    case WINOPT_BARE:
        ping_usage(&pre);
        return out_finish(&pre, EXIT_WINDOWS_FAIL);
    case WINOPT_FAILED:
        return out_finish(&pre, EXIT_WINDOWS_FAIL);
    case WINOPT_OK:
        break;
    }
    if (!w.target) {
        ping_no_target(&pre);
        return out_finish(&pre, EXIT_WINDOWS_FAIL);
    }
    return ping(&w);
}
