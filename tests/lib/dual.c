/* dual.c - runs each program of the suite under two builds: the plain one
 * as the test sees it, then the ASan+UBSan one, checked against it.
 *
 * Installed as bin-dual/netmimic-dual with a link per program (tracert,
 * ping, ..., test-*), so that one bats pass with NETMIMIC_BIN=bin-dual
 * covers what the plain and the sanitizer passes covered apart: the bats
 * and shell work of a test, most of the suite's time, is done once.
 *
 * A run of bin-dual/NAME ARG...:
 * 1. runs $NETMIMIC_DUAL_A/NAME with the same argv, environment, working
 *    directory and file descriptors (streaming, pipes, closed fds behave as
 *    if the test ran it directly), forwards SIGINT, SIGTERM, SIGQUIT and
 *    SIGHUP to it, and ends as it ended (its status, or its signal);
 * 2. unless a signal was forwarded or A was killed, runs
 *    $NETMIMIC_DUAL_B/NAME the same way, but with its standard output and
 *    error captured (a regular file or a pipe of A becomes a memfd; a
 *    character device such as /dev/full or /dev/null is shared; a closed
 *    fd stays closed), and the files it writes (--json FILE, runstat's
 *    -o FILE) redirected to temporary ones, so it never touches what A wrote;
 * 3. B must print no sanitizer report and exit as A did; for a seeded run
 *    (--seed, NETMIMIC_SEED; the inspector and the unit helpers always),
 *    each stream A wrote to a regular file (stderr not with
 *    NETMIMIC_TIMING=1: real durations) and each file it wrote must hold
 *    the same bytes in both runs.  Where a pipe of A lost its reader
 *    (ping -t | head), B's stdout is a pipe without one from the start (it
 *    ends as A did, on EPIPE) and only the sanitizers are checked: where A
 *    stopped depends on when the reader left.
 * A test that wants the plain build alone (a reference side, a repeat of a
 * path already run sanitized) runs $NETMIMIC_DUAL_A's program directly
 * (tests/lib/common.bash's PLAIN): no runner process at all.
 * On a difference: one line on stderr, the same line appended to
 * $NETMIMIC_DUAL_LOG, and exit 125 (tests/zz-dual.bats lists the log, so a
 * test that ignores the status still fails the suite).  Every B run adds a
 * line to $NETMIMIC_DUAL_LOG.runs: zz-dual.bats checks that B ran. */
#define _GNU_SOURCE

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#define DUAL_FAILED 125
/* B's exit status on a sanitizer report: no tool exits with it. */
#define SAN_EXIT 86

extern char **environ;

enum kind { CLOSED, REGULAR, DEVICE, PIPE };

/* One of A's standard streams, as found before A ran. */
struct stream {
    enum kind kind;
    dev_t dev;
    ino_t ino;
    off_t start; /* REGULAR: where A's bytes begin */
    int same_as; /* 2 for fd 1 when both name one open file, else -1 */
};

/* A file that the program writes, named by an option or a variable. */
struct out_file {
    int argi;          /* the argv index B gets rewritten, or -1: */
    const char *entry; /* the environ entry B gets rewritten */
    const char *prefix; /* "--json=", "NETMIMIC_JSON=" or "" */
    const char *path;   /* as A got it */
    char tmp[64];       /* B's, or "" when B writes where A did */
};

#define MAX_OUT 8

struct run {
    const char *name;
    char **argv;
    struct stream st[3];
    struct out_file out[MAX_OUT];
    int nout;
    int seeded;
    int reader_gone; /* a pipe of A's stdout or stderr lost its reader */
};

static volatile sig_atomic_t child_pid;
static volatile sig_atomic_t forwarded;
static const int forward_signals[] = {SIGINT, SIGTERM, SIGQUIT, SIGHUP};
#define NFORWARD (int)(sizeof forward_signals / sizeof forward_signals[0])
static struct sigaction original[NFORWARD];

static void on_signal(int sig)
{
    forwarded = 1;
    if (child_pid > 0)
        kill((pid_t)child_pid, sig);
}

/* ---- reporting ------------------------------------------------------------ */

static void log_line(const char *suffix, const char *line)
{
    const char *base = getenv("NETMIMIC_DUAL_LOG");
    if (!base || !*base)
        return;
    char path[4096];
    snprintf(path, sizeof path, "%s%s", base, suffix);
    int fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0644);
    if (fd < 0)
        return;
    /* one write: lines of parallel runs never interleave */
    if (write(fd, line, strlen(line)) < 0) {
    }
    close(fd);
}

/* The command line, for the diagnostics: "tracert --seed 1 10.0.0.1". */
static void describe(const struct run *r, char *buf, size_t size)
{
    size_t n = (size_t)snprintf(buf, size, "%s", r->name);
    for (int i = 1; r->argv[i] && n + 1 < size; i++)
        n += (size_t)snprintf(buf + n, size - n, " %s", r->argv[i]);
}

static _Noreturn void differs(const struct run *r, const char *fmt, ...)
{
    char what[512], cmd[1024], line[2048];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(what, sizeof what, fmt, ap);
    va_end(ap);
    describe(r, cmd, sizeof cmd);
    const char *test = getenv("BATS_TEST_FILENAME");
    snprintf(line, sizeof line, "netmimic-dual: %s: %s (%s)\n", cmd, what,
             test ? strrchr(test, '/') ? strrchr(test, '/') + 1 : test : "no test file");
    if (write(STDERR_FILENO, line, strlen(line)) < 0) {
    }
    log_line("", line);
    exit(DUAL_FAILED);
}

static _Noreturn void fail(const char *fmt, ...)
{
    char msg[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    fprintf(stderr, "netmimic-dual: %s\n", msg);
    exit(DUAL_FAILED);
}

/* ---- what the run is ------------------------------------------------------ */

static void probe_streams(struct run *r)
{
    for (int fd = 0; fd < 3; fd++) {
        struct stream *s = &r->st[fd];
        struct stat sb;
        s->same_as = -1;
        if (fstat(fd, &sb) != 0) {
            s->kind = CLOSED;
            continue;
        }
        s->dev = sb.st_dev;
        s->ino = sb.st_ino;
        s->kind = S_ISREG(sb.st_mode) ? REGULAR : S_ISCHR(sb.st_mode) ? DEVICE : PIPE;
        /* (>>: the offset is 0 until the first write moves it to the end) */
        if (s->kind == REGULAR)
            s->start = fcntl(fd, F_GETFL) & O_APPEND ? sb.st_size : lseek(fd, 0, SEEK_CUR);
    }
    struct stream *o = &r->st[1], *e = &r->st[2];
    if (o->kind != CLOSED && e->kind == o->kind && o->dev == e->dev && o->ino == e->ino)
        o->same_as = 2;
}

/* The tools draw from a fresh seed unless given one; the inspector and the
 * unit helpers draw nothing; runstat measures time. */
static int is_seeded(const char *name, char **argv)
{
    if (strcmp(name, "netmimic-runstat") == 0)
        return 0;
    if (strcmp(name, "tracert") != 0 && strcmp(name, "ping") != 0 && strcmp(name, "pathping") != 0)
        return 1;
    const char *env = getenv("NETMIMIC_SEED");
    if (env && *env)
        return 1;
    for (int i = 1; argv[i]; i++)
        if (strcmp(argv[i], "--seed") == 0 || strncmp(argv[i], "--seed=", 7) == 0)
            return 1;
    return 0;
}

static void add_out(struct run *r, int argi, const char *entry, const char *prefix,
                    const char *path)
{
    if (r->nout == MAX_OUT)
        fail("more than %d output files in one command", MAX_OUT);
    struct out_file *f = &r->out[r->nout++];
    f->argi = argi;
    f->entry = entry;
    f->prefix = prefix;
    f->path = path;
    f->tmp[0] = '\0';
}

/* The files the program is told to write: the tools' --json FILE and
 * NETMIMIC_JSON, runstat's -o FILE (among its options, before the command). */
static void find_out_files(struct run *r)
{
    if (strcmp(r->name, "netmimic-runstat") == 0) {
        for (int i = 1; r->argv[i] && r->argv[i][0] == '-'; i++)
            if (strcmp(r->argv[i], "-t") == 0 || strcmp(r->argv[i], "-o") == 0) {
                if (!r->argv[i + 1])
                    break;
                if (r->argv[i][1] == 'o')
                    add_out(r, i + 1, NULL, "", r->argv[i + 1]);
                i++;
            }
        return;
    }
    if (strcmp(r->name, "tracert") != 0 && strcmp(r->name, "ping") != 0 &&
        strcmp(r->name, "pathping") != 0)
        return;
    for (int i = 1; r->argv[i]; i++) {
        if (strcmp(r->argv[i], "--json") == 0 && r->argv[i + 1]) {
            add_out(r, i + 1, NULL, "", r->argv[i + 1]);
            i++;
        } else if (strncmp(r->argv[i], "--json=", 7) == 0) {
            add_out(r, i, NULL, "--json=", r->argv[i] + 7);
        }
    }
    for (char **e = environ; *e; e++)
        if (strncmp(*e, "NETMIMIC_JSON=", 14) == 0 && (*e)[14])
            add_out(r, -1, *e, "NETMIMIC_JSON=", *e + 14);
}

/* ---- running A ------------------------------------------------------------ */

static void catch_signals(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sigemptyset(&sa.sa_mask);
    for (int i = 0; i < NFORWARD; i++)
        sigaction(forward_signals[i], &sa, &original[i]);
}

/* In a child: the signal dispositions the runner was started with (an
 * ignored SIGINT of a background job stays ignored), and no orphan if the
 * runner is killed (a test's kill -KILL of "$!"). */
static void child_setup(const sigset_t *old_mask)
{
    for (int i = 0; i < NFORWARD; i++)
        sigaction(forward_signals[i], &original[i], NULL);
    sigprocmask(SIG_SETMASK, old_mask, NULL);
    prctl(PR_SET_PDEATHSIG, SIGKILL);
}

static void program_path(char *buf, size_t size, const char *var, const char *name)
{
    const char *dir = getenv(var);
    if (!dir || !*dir)
        fail("%s is not set (the directory of the build to run)", var);
    snprintf(buf, size, "%s/%s", dir, name);
}

/* Starts PATH with ARGV and ENVP; the streams set up by PREPARE (in the
 * child, may be NULL); returns its wait status. */
static int run_child(const char *path, char **argv, char **envp, void (*prepare)(void *), void *arg)
{
    sigset_t block, old;
    sigemptyset(&block);
    for (int i = 0; i < NFORWARD; i++)
        sigaddset(&block, forward_signals[i]);
    sigprocmask(SIG_BLOCK, &block, &old);
    pid_t pid = fork();
    if (pid < 0)
        fail("fork: %s", strerror(errno));
    if (pid == 0) {
        child_setup(&old);
        if (prepare)
            prepare(arg);
        execve(path, argv, envp);
        fprintf(stderr, "netmimic-dual: %s: %s\n", path, strerror(errno));
        _exit(DUAL_FAILED);
    }
    child_pid = pid;
    sigprocmask(SIG_SETMASK, &old, NULL);
    int status;
    while (waitpid(pid, &status, 0) < 0)
        if (errno != EINTR)
            fail("waitpid: %s", strerror(errno));
    child_pid = 0;
    return status;
}

/* Ends the runner as A ended. */
static _Noreturn void exit_like(int status)
{
    if (WIFEXITED(status))
        exit(WEXITSTATUS(status));
    int sig = WTERMSIG(status);
    signal(sig, SIG_DFL);
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, sig);
    sigprocmask(SIG_UNBLOCK, &set, NULL);
    raise(sig);
    exit(128 + sig);
}

/* ---- running B ------------------------------------------------------------ */

struct b_streams {
    int fd[3]; /* B's fd 0-2: -1 closed, else the fd to dup there */
};

static void place_streams(void *arg)
{
    struct b_streams *b = arg;
    int tmp[3];
    for (int i = 0; i < 3; i++)
        tmp[i] = b->fd[i] < 0 ? -1 : fcntl(b->fd[i], F_DUPFD_CLOEXEC, 10);
    for (int i = 0; i < 3; i++) {
        if (tmp[i] < 0)
            close(i);
        else if (dup2(tmp[i], i) < 0)
            _exit(DUAL_FAILED);
    }
}

static int new_memfd(const char *name)
{
    int fd = memfd_create(name, MFD_CLOEXEC);
    if (fd < 0)
        fail("memfd_create: %s", strerror(errno));
    return fd;
}

/* The write end of a pipe whose read end is closed: writes fail (EPIPE). */
static int broken_pipe(void)
{
    int p[2];
    if (pipe2(p, O_CLOEXEC) != 0)
        fail("pipe: %s", strerror(errno));
    close(p[0]);
    return p[1];
}

/* B's standard streams: see the head of the file. */
static void b_streams_for(const struct run *r, struct b_streams *b, int cap[3])
{
    b->fd[0] = r->st[0].kind == CLOSED ? -1 : 0;
    cap[1] = cap[2] = -1;
    for (int fd = 1; fd < 3; fd++) {
        const struct stream *s = &r->st[fd];
        if (s->kind == CLOSED || s->kind == DEVICE) {
            b->fd[fd] = s->kind == CLOSED ? -1 : fd;
            continue;
        }
        if (fd == 2 && r->st[1].same_as == 2) {
            cap[2] = cap[1];
        } else if (r->reader_gone && s->kind == PIPE && fd == 1) {
            cap[1] = broken_pipe();
        } else {
            cap[fd] = new_memfd(fd == 1 ? "dual-stdout" : "dual-stderr");
        }
        b->fd[fd] = cap[fd];
    }
}

/* The environment for B: the sanitizers' exit status set (a report is seen
 * even where stderr is not captured), the output files renamed. */
static char **b_environ(char *opts[2])
{
    size_t n = 0;
    while (environ[n])
        n++;
    char **env = calloc(n + 3, sizeof *env);
    if (!env)
        fail("out of memory");
    const char *names[2] = {"ASAN_OPTIONS", "UBSAN_OPTIONS"};
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        int skip = 0;
        for (int j = 0; j < 2; j++)
            if (strncmp(environ[i], names[j], strlen(names[j])) == 0 &&
                environ[i][strlen(names[j])] == '=')
                skip = 1;
        if (!skip)
            env[k++] = environ[i];
    }
    for (int j = 0; j < 2; j++) {
        const char *old = getenv(names[j]);
        if (asprintf(&opts[j], "%s=%s%sexitcode=%d", names[j], old ? old : "", old && *old ? ":" : "",
                     SAN_EXIT) < 0)
            fail("out of memory");
        env[k++] = opts[j];
    }
    env[k] = NULL;
    return env;
}

/* B writes to a temporary file where A wrote a regular file it could write;
 * elsewhere (/dev/full, a missing directory) B fails or writes as A did. */
static void redirect_out_files(struct run *r, char **b_argv, char **b_env)
{
    for (int i = 0; i < r->nout; i++) {
        struct out_file *f = &r->out[i];
        struct stat sb;
        if (stat(f->path, &sb) != 0 || !S_ISREG(sb.st_mode) || access(f->path, W_OK) != 0)
            continue;
        snprintf(f->tmp, sizeof f->tmp, "/tmp/netmimic-dual.XXXXXX");
        int fd = mkstemp(f->tmp);
        if (fd < 0)
            fail("mkstemp: %s", strerror(errno));
        close(fd);
        char *value;
        if (asprintf(&value, "%s%s", f->prefix, f->tmp) < 0)
            fail("out of memory");
        if (f->argi >= 0) {
            b_argv[f->argi] = value;
        } else {
            for (char **e = b_env; *e; e++)
                if (*e == f->entry)
                    *e = value;
        }
    }
}

/* ---- comparing ------------------------------------------------------------ */

/* The first differing offset of two fds' contents from their starts, or -1. */
static long first_difference(int a, off_t a_start, int b, off_t b_start)
{
    char x[8192], y[8192];
    long at = 0;
    for (;;) {
        ssize_t n = pread(a, x, sizeof x, a_start + at);
        ssize_t m = pread(b, y, sizeof y, b_start + at);
        if (n < 0 || m < 0)
            fail("read: %s", strerror(errno));
        ssize_t common = n < m ? n : m;
        for (ssize_t i = 0; i < common; i++)
            if (x[i] != y[i])
                return at + i;
        if (n != m)
            return at + common;
        if (n == 0)
            return -1;
        at += n;
    }
}

/* A's bytes on fd FD: the file reopened for reading, the part A appended. */
static void compare_stream(const struct run *r, int fd, int cap, const char *label)
{
    const struct stream *s = &r->st[fd];
    char proc[32];
    snprintf(proc, sizeof proc, "/proc/self/fd/%d", fd);
    int a = open(proc, O_RDONLY | O_CLOEXEC);
    if (a < 0)
        fail("%s: %s", proc, strerror(errno));
    off_t end = lseek(fd, 0, SEEK_CUR);
    off_t b_len = lseek(cap, 0, SEEK_END);
    long at = first_difference(a, s->start, cap, 0);
    close(a);
    if (at >= 0)
        differs(r, "%s differs between the builds at byte %ld (A wrote %lld bytes, B %lld)",
                label, at, (long long)(end - s->start), (long long)b_len);
}

static char *read_whole(const char *path, size_t *len)
{
    FILE *fp = fopen(path, "rb");
    if (!fp)
        return NULL;
    size_t cap = 8192, n = 0, got;
    char *buf = malloc(cap);
    while (buf && (got = fread(buf + n, 1, cap - n, fp)) > 0) {
        n += got;
        if (n == cap)
            buf = realloc(buf, cap *= 2);
    }
    fclose(fp);
    if (!buf)
        fail("out of memory");
    *len = n;
    return buf;
}

/* B's file with its own name (the JSON record lists the arguments) put
 * back to A's: an ASCII name needs no JSON escape, A's is checked to need
 * none either (else the files are not compared: no test names one so). */
static char *rename_back(char *text, size_t *len, const char *tmp, const char *path)
{
    for (const char *c = path; *c; c++)
        if (*c == '"' || *c == '\\' || (unsigned char)*c < 0x20)
            return NULL;
    size_t tl = strlen(tmp), pl = strlen(path), n = 0, i = 0;
    char *out = malloc(*len / (tl ? tl : 1) * (pl + 1) + *len + 1);
    if (!out)
        fail("out of memory");
    while (i < *len) {
        if (i + tl <= *len && memcmp(text + i, tmp, tl) == 0) {
            memcpy(out + n, path, pl);
            n += pl;
            i += tl;
        } else {
            out[n++] = text[i++];
        }
    }
    free(text);
    *len = n;
    return out;
}

static void compare_out_file(const struct run *r, const struct out_file *f)
{
    size_t a_len, b_len;
    char *a = read_whole(f->path, &a_len), *b = read_whole(f->tmp, &b_len);
    if (!a || !b)
        differs(r, "%s: written by one build only", f->path);
    b = rename_back(b, &b_len, f->tmp, f->path);
    if (!b)
        return;
    size_t at = 0;
    while (at < a_len && at < b_len && a[at] == b[at])
        at++;
    if (at < a_len || at < b_len)
        differs(r, "%s differs between the builds at byte %zu", f->path, at);
    free(a);
    free(b);
}

/* A sanitizer's report in B's captured stderr, or its exit status. */
static void check_sanitizers(const struct run *r, int status, int err)
{
    if (WIFEXITED(status) && WEXITSTATUS(status) == SAN_EXIT)
        differs(r, "the sanitizer build exited %d: a sanitizer report", SAN_EXIT);
    if (err < 0)
        return;
    off_t len = lseek(err, 0, SEEK_END);
    if (len <= 0)
        return;
    char *text = mmap(NULL, (size_t)len, PROT_READ, MAP_PRIVATE, err, 0);
    if (text == MAP_FAILED)
        fail("mmap: %s", strerror(errno));
    static const char *marks[] = {"ERROR: AddressSanitizer", "ERROR: LeakSanitizer",
                                  "runtime error:", "SUMMARY: UndefinedBehaviorSanitizer"};
    for (size_t i = 0; i < sizeof marks / sizeof marks[0]; i++)
        if (memmem(text, (size_t)len, marks[i], strlen(marks[i])))
            differs(r, "the sanitizer build reported \"%s\"", marks[i]);
    munmap(text, (size_t)len);
}

/* A pipe of A whose reader is gone: A may have seen EPIPE, B could not. */
static int pipe_reader_gone(const struct run *r)
{
    for (int fd = 1; fd < 3; fd++) {
        if (r->st[fd].kind != PIPE)
            continue;
        struct pollfd p = {.fd = fd, .events = 0};
        if (poll(&p, 1, 0) == 1 && (p.revents & POLLERR))
            return 1;
    }
    return 0;
}

/* NETMIMIC_TIMING=1: a line of real durations on stderr, never the same. */
static int stderr_timed(void)
{
    const char *v = getenv("NETMIMIC_TIMING");
    return v && strcmp(v, "1") == 0;
}

static void describe_status(int status, char *buf, size_t size)
{
    if (WIFEXITED(status))
        snprintf(buf, size, "exit %d", WEXITSTATUS(status));
    else
        snprintf(buf, size, "signal %d", WTERMSIG(status));
}

static void check_b(struct run *r, int a_status, int b_status, int cap[3])
{
    check_sanitizers(r, b_status, cap[2]);
    /* where A's reader went away (ping -t | head) B wrote into a pipe with
     * no reader from its start: only the sanitizers can be checked */
    if (r->reader_gone)
        return;
    if (a_status != b_status) {
        char a[32], b[32];
        describe_status(a_status, a, sizeof a);
        describe_status(b_status, b, sizeof b);
        differs(r, "the plain build ended with %s, the sanitizer build with %s", a, b);
    }
    if (!r->seeded)
        return;
    if (r->st[1].kind == REGULAR && (r->st[1].same_as != 2 || !stderr_timed()))
        compare_stream(r, 1, cap[1], r->st[1].same_as == 2 ? "stdout+stderr" : "stdout");
    if (r->st[2].kind == REGULAR && r->st[1].same_as != 2 && !stderr_timed())
        compare_stream(r, 2, cap[2], "stderr");
    for (int i = 0; i < r->nout; i++)
        if (r->out[i].tmp[0])
            compare_out_file(r, &r->out[i]);
}

static struct run *the_run; /* for the atexit handler */

static void remove_tmp_files(void)
{
    for (int i = 0; i < the_run->nout; i++)
        if (the_run->out[i].tmp[0])
            unlink(the_run->out[i].tmp);
}

static void run_b(struct run *r, int a_status)
{
    char path[4096], *opts[2];
    program_path(path, sizeof path, "NETMIMIC_DUAL_B", r->name);
    int argc = 0;
    while (r->argv[argc])
        argc++;
    char **b_argv = calloc((size_t)argc + 1, sizeof *b_argv);
    if (!b_argv)
        fail("out of memory");
    memcpy(b_argv, r->argv, (size_t)argc * sizeof *b_argv);
    char **b_env = b_environ(opts);
    redirect_out_files(r, b_argv, b_env);
    struct b_streams b;
    int cap[3];
    r->reader_gone = pipe_reader_gone(r);
    b_streams_for(r, &b, cap);
    int b_status = run_child(path, b_argv, b_env, place_streams, &b);
    char line[512], how[32];
    describe_status(b_status, how, sizeof how);
    snprintf(line, sizeof line, "%s %s\n", r->name, how);
    log_line(".runs", line);
    atexit(remove_tmp_files);
    check_b(r, a_status, b_status, cap);
}

int main(int argc, char **argv)
{
    (void)argc;
    struct run r;
    memset(&r, 0, sizeof r);
    const char *slash = strrchr(argv[0], '/');
    r.name = slash ? slash + 1 : argv[0];
    r.argv = argv;
    the_run = &r;
    if (strcmp(r.name, "netmimic-dual") == 0)
        fail("run through a link named after a program (bin-dual/tracert, ...)");
    r.seeded = is_seeded(r.name, argv);
    find_out_files(&r);
    probe_streams(&r);
    char path[4096];
    program_path(path, sizeof path, "NETMIMIC_DUAL_A", r.name);
    char b_dir_check[4096];
    program_path(b_dir_check, sizeof b_dir_check, "NETMIMIC_DUAL_B", r.name);
    catch_signals();
    int a_status = run_child(path, argv, environ, NULL, NULL);
    /* killed from outside (a test's Ctrl+C, timeout's TERM): the run is
     * the test's business, not a build's difference */
    if (!forwarded && !(WIFSIGNALED(a_status) && WTERMSIG(a_status) == SIGKILL))
        run_b(&r, a_status);
    exit_like(a_status);
}
