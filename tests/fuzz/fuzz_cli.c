/* fuzz_cli.c - the Windows command lines of tracert, ping and pathping,
 * with netmimic's extension options among them, run to the end.
 *
 * The input's first byte picks the tool (and one of the shipped profiles:
 * azure-interop.ini, IPv4, or home.ini, dual stack); the rest, cut at NUL
 * bytes, is the argument vector.  What would make a run endless or touch
 * the machine is taken out first: --realtime (real sleeps), ping -t, ping
 * -n and pathping -q above 20, --profile (always the chosen shipped one)
 * and --json (always /dev/null).  Everything else reaches winopt.c and
 * cli.c as a user would type it, then the run. */
#define _POSIX_C_SOURCE 200809L
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "support.h"
#include "tools.h"

#define MAX_ARGS 40
#define MAX_COUNT 20

static char profiles[2][PATH_MAX + 64];
static char profile_opt[2][PATH_MAX + 80];

static int is_option(const char *a, char letter)
{
    return (a[0] == '-' || a[0] == '/') && a[1] == letter && a[2] == '\0';
}

/* A count above MAX_COUNT (a whole number, as parse_u64 reads one) is
 * lowered to it; anything else is left for the parser to judge. */
static char *capped(char *v)
{
    static char max[] = "20";
    size_t n = strlen(v);
    if (n == 0 || strspn(v, "0123456789") != n)
        return v;
    return n > 2 || atoi(v) > MAX_COUNT ? max : v;
}

/* Rewrites ARGV in place (dropping arguments); returns the new count. */
static int sanitize(enum fuzz_tool tool, int which, int argc, char **argv)
{
    static char json_opt[] = "--json=/dev/null", dev_null[] = "/dev/null";
    char count = tool == FUZZ_PING ? 'n' : tool == FUZZ_PATHPING ? 'q' : 0;
    int n = 1;
    for (int i = 1; i < argc; i++) {
        char *a = argv[i];
        if (strcmp(a, "--realtime") == 0 || (tool == FUZZ_PING && is_option(a, 't')))
            continue;
        if (strncmp(a, "--profile=", 10) == 0)
            a = profile_opt[which];
        else if (strncmp(a, "--json=", 7) == 0)
            a = json_opt;
        argv[n++] = a;
        if (i + 1 >= argc)
            break;
        if (strcmp(a, "--profile") == 0)
            argv[n++] = profiles[which], i++;
        else if (strcmp(a, "--json") == 0)
            argv[n++] = dev_null, i++;
        else if (count && is_option(a, count))
            argv[n++] = capped(argv[++i]);
    }
    argv[n] = NULL;
    return n;
}

/* The shipped profiles, in profiles/ beside bin-fuzz/ (or $FUZZ_PROFILES). */
static void find_profiles(void)
{
    static const char *const names[2] = {"azure-interop.ini", "home.ini"};
    char dir[PATH_MAX] = "";
    const char *env = getenv("FUZZ_PROFILES");
    if (env) {
        snprintf(dir, sizeof dir, "%s", env);
    } else {
        ssize_t n = readlink("/proc/self/exe", dir, sizeof dir - 1);
        dir[n > 0 ? n : 0] = '\0';
        for (int up = 0; up < 2; up++) {
            char *slash = strrchr(dir, '/');
            if (slash)
                *slash = '\0';
        }
        strncat(dir, "/profiles", sizeof dir - strlen(dir) - 1);
    }
    for (int i = 0; i < 2; i++) {
        snprintf(profiles[i], sizeof profiles[i], "%s/%s", dir, names[i]);
        snprintf(profile_opt[i], sizeof profile_opt[i], "--profile=%s", profiles[i]);
        if (access(profiles[i], R_OK) != 0)
            fuzz_fail("no profile %s (set FUZZ_PROFILES to the profiles/ directory)",
                      profiles[i]);
    }
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    fuzz_setup();
    find_profiles();
    setenv("NETMIMIC_SEED", "1", 1); /* a run replays: no fresh seed */
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    enum fuzz_tool tool = (enum fuzz_tool)(data[0] % 3);
    int which = (data[0] / 3) % 2;
    int argc;
    char *text;
    char **argv =
        fuzz_split_args(data + 1, size - 1, fuzz_tool_names[tool], MAX_ARGS, &argc, &text);
    argc = sanitize(tool, which, argc, argv);
    setenv("NETMIMIC_PROFILE", profiles[which], 1);
    fuzz_run_tool(tool, argc, argv);
    fuzz_free_args(argv, text);
    return 0;
}
