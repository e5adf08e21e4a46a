/* tools.c - see tools.h. */
#define _POSIX_C_SOURCE 200809L
#include "tools.h"

#include <signal.h>
#include <stddef.h>

#include "runs/pingrun.h"
#include "support.h"

const char *const fuzz_tool_names[FUZZ_NTOOLS] = {"tracert", "ping", "pathping", "netmimic"};

struct tool_call {
    int (*main)(int argc, char **argv);
    int argc;
    char **argv;
    int status;
};

static void call_main(void *arg)
{
    struct tool_call *c = arg;
    c->status = c->main(c->argc, c->argv);
}

int fuzz_run_tool(enum fuzz_tool tool, int argc, char **argv)
{
    static int (*const mains[FUZZ_NTOOLS])(int, char **) = {
        fuzz_tracert_main, fuzz_ping_main, fuzz_pathping_main, fuzz_netmimic_main};
    struct sigaction old_int, old_quit;
    sigaction(SIGINT, NULL, &old_int);
    sigaction(SIGQUIT, NULL, &old_quit);
    fuzz_tracert_reset();
    fuzz_ping_reset();
    fuzz_pathping_reset();
    ping_stop_requested = ping_break_requested = 0;
    struct tool_call c = {mains[tool], argc, argv, 0};
    int died = fuzz_call(call_main, &c);
    sigaction(SIGINT, &old_int, NULL);
    sigaction(SIGQUIT, &old_quit, NULL);
    return died == FUZZ_RETURNED ? c.status : died;
}
