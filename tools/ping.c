/* ping - Windows ping, answered from the simulated network.
 * Windows options as -x or /x; netmimic's own options are long ones only.
 * SIGINT stands for Ctrl+C, SIGQUIT (Ctrl+\) for Ctrl+Break. */
#define _POSIX_C_SOURCE 200809L
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "render/fmt_ping.h"
#include "runs/pingrun.h"
#include "base/rng.h"
#include "render/fmt_common.h"
#include "cli/tool.h"
#include "base/util.h"

#define DEFAULT_COUNT 4
#define DEFAULT_SIZE 32
#define DEFAULT_TTL 128
#define DEFAULT_TIMEOUT_MS 4000
#define MS_PER_DAY 86400000u

static const struct winopt_messages messages = {ping_bad_option, fmt_bad_value,
                                                fmt_missing_value};

/* -v (deprecated by Windows itself), -c and -p are accepted with no effect
 * on the model; -R (IPv6's) too over IPv4.  -f -r -s -j -k are refused
 * over IPv6. */
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

/* The time of day for -s: the profile's time_of_day if it sets one; from
 * the seed when one was given or shown (NETMIMIC_SHOW_SEED), so that the
 * same seed gives the same bytes; from the clock otherwise. */
static double clock_of_day(const struct run *run)
{
    if (run->net.time_of_day_set)
        return run->net.time_of_day_ms;
    if (run->replayable)
        return (uint32_t)(rng_mix64(run->seed) % MS_PER_DAY);
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    return (uint32_t)((uint64_t)(ts.tv_sec % 86400) * 1000 + (uint64_t)ts.tv_nsec / 1000000);
}

static void fill_request(struct winopt_line *w, struct run *run, struct ping_request *req)
{
    struct winopt *src = winopt_get(w, 'S');
    req->resolve_names = winopt_get(w, 'a')->seen;
    req->forever = winopt_get(w, 't')->seen;
    req->count = tool_number(w, 'n', DEFAULT_COUNT);
    req->size = (unsigned)tool_number(w, 'l', DEFAULT_SIZE);
    req->dont_fragment = winopt_get(w, 'f')->seen;
    req->ttl = (int)tool_number(w, 'i', DEFAULT_TTL);
    req->timeout_ms = (unsigned)tool_number(w, 'w', DEFAULT_TIMEOUT_MS);
    req->record_route = (unsigned)tool_number(w, 'r', 0);
    req->timestamps = (unsigned)tool_number(w, 's', 0);
    req->strict_route = winopt_get(w, 'k')->seen;
    req->source = src->seen ? src->text : NULL;
    req->clock_ms = clock_of_day(run);
    req->realtime = w->ext.realtime;
}

static int ping(struct winopt_line *w, struct run *run, struct engine *e,
                const struct target *t)
{
    struct ping_request req = {.target = t->dst, .via = t->via, .nvia = t->nvia,
                               .source_is_ours = t->src_is_ours, .sink = run->sink,
                               .keys = &run->interrupt,
                               .round_trip = winopt_get(w, 'R')->seen &&
                                             t->dst.addr.family == FAMILY_V6};
    fill_request(w, run, &req);
    catch_signals();
    /* Any reply, an error reply too, counts as success: Windows does so. */
    return ping_run(e, &run->out, &req) > 0 ? EXIT_OK : EXIT_WINDOWS_FAIL;
}

int main(int argc, char **argv)
{
    static const struct tool ping_tool = {
        .name = "ping", .table = table, .nopts = sizeof table / sizeof *table,
        .messages = &messages, .usage = ping_usage, .no_target = ping_no_target,
        .unresolved = ping_unresolved, .route_letters = "kj",
        .ttl_letter = 'i', .default_ttl = DEFAULT_TTL,
        .source_letter = 'S',
        .v4_only_letters = "frsjk", .run = ping};
    return tool_main(&ping_tool, argc, argv);
}
