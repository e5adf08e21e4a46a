/* runstat.c - runs one command and reports its wall time and peak memory,
 * for tests/bench.sh (GNU time is not installed by default).
 *
 *   usage: netmimic-runstat [-t SECONDS] [-o FILE] COMMAND [ARG...]
 *
 * Writes one line to FILE (default: standard error):
 *   WALL_MICROSECONDS MAXRSS_KILOBYTES STATUS
 * where STATUS is the command's exit status, "signal N", or "timeout" when
 * it ran longer than SECONDS and was killed.  The command's own standard
 * streams are left as they are.  Exits 0 once the line is written, 2 on a
 * usage or system error. */
#define _POSIX_C_SOURCE 200809L
#define _DEFAULT_SOURCE /* wait4 */

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static volatile sig_atomic_t timed_out;
static volatile pid_t child;

/* kill is async-signal-safe: the handler ends the command itself, so no
 * window is left between a check of the flag and the wait. */
static void on_alarm(int sig)
{
    (void)sig;
    timed_out = 1;
    kill(child, SIGKILL);
}

static _Noreturn void usage(void)
{
    fputs("usage: netmimic-runstat [-t SECONDS] [-o FILE] COMMAND [ARG...]\n", stderr);
    exit(2);
}

static double now_us(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e6 + (double)ts.tv_nsec / 1e3;
}

static void arm_timeout(unsigned seconds)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_alarm;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGALRM, &sa, NULL);
    alarm(seconds);
}

static pid_t start(char **argv)
{
    pid_t pid = fork();
    if (pid < 0) {
        perror("netmimic-runstat: fork");
        exit(2);
    }
    if (pid == 0) {
        execvp(argv[0], argv);
        fprintf(stderr, "netmimic-runstat: %s: %s\n", argv[0], strerror(errno));
        _exit(127);
    }
    return pid;
}

static void reap(pid_t pid, int *status, struct rusage *ru)
{
    while (wait4(pid, status, 0, ru) < 0)
        if (errno != EINTR) {
            perror("netmimic-runstat: wait4");
            exit(2);
        }
}

static void report(FILE *out, double wall_us, const struct rusage *ru, int status)
{
    fprintf(out, "%.0f %ld ", wall_us, ru->ru_maxrss);
    if (timed_out)
        fputs("timeout\n", out);
    else if (WIFSIGNALED(status))
        fprintf(out, "signal %d\n", WTERMSIG(status));
    else
        fprintf(out, "%d\n", WEXITSTATUS(status));
}

int main(int argc, char **argv)
{
    unsigned seconds = 0;
    const char *path = NULL;
    int opt;
    while ((opt = getopt(argc, argv, "+t:o:")) != -1) {
        if (opt == 't')
            seconds = (unsigned)strtoul(optarg, NULL, 10);
        else if (opt == 'o')
            path = optarg;
        else
            usage();
    }
    if (optind >= argc)
        usage();
    FILE *out = path ? fopen(path, "w") : stderr;
    if (!out) {
        fprintf(stderr, "netmimic-runstat: %s: %s\n", path, strerror(errno));
        return 2;
    }
    double t0 = now_us();
    pid_t pid = start(argv + optind);
    child = pid;
    if (seconds)
        arm_timeout(seconds);
    int status = 0;
    struct rusage ru;
    reap(pid, &status, &ru);
    report(out, now_us() - t0, &ru, status);
    return fclose(out) == 0 ? 0 : 2;
}
