/* support.c - see support.h. */
#define _GNU_SOURCE
#include "support.h"

#include <fcntl.h>
#include <iconv.h>
#include <pthread.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sanitizer/allocator_interface.h>

#include "base/util.h"
#include "render/msg.h"

/* ---- allocations made during a call ----------------------------------- */

/* Open addressing over the pointers; a slot holds ~pointer, so that the
 * leak checker, which scans this table as a root, does not take a real leak
 * of a successful call for a reachable block.  USED lists the slots ever
 * filled since the last reset, so that a reset costs what the call did. */
#define TRACK_SLOTS (1u << 20)
#define TRACK_LIMIT (TRACK_SLOTS / 2)
#define SLOT_EMPTY 0
#define SLOT_GONE 1

static uintptr_t slots[TRACK_SLOTS];
static uint32_t used[TRACK_LIMIT];
static size_t nused;
static int overflowed; /* too many blocks: this call's are not all freed */

/* Only the thread that runs the call is tracked (libFuzzer has others),
 * and the threads it starts (the loader's part reader): TRACK_LOCK guards
 * the table and the open files against the two at once. */
static __thread int tracking;
static pthread_mutex_t track_lock = PTHREAD_MUTEX_INITIALIZER;

static size_t slot_of(uintptr_t p)
{
    return (size_t)((p >> 4) * 0x9E3779B97F4A7C15ull >> 44) & (TRACK_SLOTS - 1);
}

static void on_malloc(const volatile void *ptr, size_t size)
{
    (void)size;
    if (!tracking || !ptr)
        return;
    pthread_mutex_lock(&track_lock);
    if (nused == TRACK_LIMIT) {
        overflowed = 1;
    } else {
        size_t i = slot_of((uintptr_t)ptr);
        while (slots[i] != SLOT_EMPTY && slots[i] != SLOT_GONE)
            i = (i + 1) & (TRACK_SLOTS - 1);
        if (slots[i] == SLOT_EMPTY)
            used[nused++] = (uint32_t)i;
        slots[i] = ~(uintptr_t)ptr;
    }
    pthread_mutex_unlock(&track_lock);
}

static void on_free(const volatile void *ptr)
{
    if (!tracking || !ptr)
        return;
    uintptr_t key = ~(uintptr_t)ptr;
    pthread_mutex_lock(&track_lock);
    for (size_t i = slot_of((uintptr_t)ptr); slots[i] != SLOT_EMPTY;
         i = (i + 1) & (TRACK_SLOTS - 1))
        if (slots[i] == key) {
            slots[i] = SLOT_GONE;
            break;
        }
    pthread_mutex_unlock(&track_lock);
}

/* A thread the call starts is tracked as the call is: its allocations are
 * the call's (freed with them when die() ends it).  Not what the C library
 * allocates for the thread in pthread_create itself (its TLS vector, kept
 * with the stack in the library's cache when the thread ends): freed by a
 * failed call, it was freed again when a later thread got that stack
 * (a bad-free in get_cached_stack, tests/fuzz/regress/profile/cached-stack-*). */
struct tracked_start {
    void *(*start)(void *);
    void *arg;
};

static void *start_tracked(void *p)
{
    struct tracked_start t = *(struct tracked_start *)p;
    tracking = 1; /* before the free: P is a tracked block */
    free(p);
    return t.start(t.arg);
}

int __real_pthread_create(pthread_t *thread, const pthread_attr_t *attr,
                          void *(*start)(void *), void *arg);

int __wrap_pthread_create(pthread_t *thread, const pthread_attr_t *attr,
                          void *(*start)(void *), void *arg)
{
    if (!tracking)
        return __real_pthread_create(thread, attr, start, arg);
    struct tracked_start *t = malloc(sizeof *t);
    if (!t)
        return -1;
    *t = (struct tracked_start){start, arg};
    tracking = 0;
    int err = __real_pthread_create(thread, attr, start_tracked, t);
    tracking = 1;
    if (err)
        free(t);
    return err;
}

static void untrack_all(int free_them)
{
    for (size_t k = 0; k < nused; k++) {
        uintptr_t s = slots[used[k]];
        if (free_them && s != SLOT_EMPTY && s != SLOT_GONE)
            free((void *)~s);
        slots[used[k]] = SLOT_EMPTY;
    }
    nused = 0;
    overflowed = 0;
}

/* ---- files the core opens --------------------------------------------- */

#define MAX_OPEN 64
static FILE *open_files[MAX_OPEN];
static char open_names[MAX_OPEN][128];

FILE *__real_fopen(const char *path, const char *mode);
int __real_fclose(FILE *f);

FILE *__wrap_fopen(const char *path, const char *mode)
{
    FILE *f = __real_fopen(path, mode);
    if (!f || !tracking)
        return f;
    pthread_mutex_lock(&track_lock);
    for (int i = 0; i < MAX_OPEN; i++)
        if (!open_files[i]) {
            open_files[i] = f;
            snprintf(open_names[i], sizeof open_names[i], "%s", path);
            break;
        }
    pthread_mutex_unlock(&track_lock);
    return f;
}

int __wrap_fclose(FILE *f)
{
    pthread_mutex_lock(&track_lock);
    for (int i = 0; i < MAX_OPEN; i++)
        if (open_files[i] == f)
            open_files[i] = NULL;
    pthread_mutex_unlock(&track_lock);
    return __real_fclose(f);
}

/* ---- die() ------------------------------------------------------------ */

static jmp_buf *back;
static int die_status;
static char die_text[2048];

_Noreturn void __wrap_die(int status, const char *fmt, ...);

void __wrap_die(int status, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(die_text, sizeof die_text, fmt, ap);
    va_end(ap);
    if (!back) { /* outside a call (the harness's own use of the core) */
        fprintf(stderr, "%s: %s\n", prog_name, die_text);
        _Exit(status);
    }
    if (status != EXIT_SETUP)
        fuzz_fail("die() with status %d, not EXIT_SETUP: %s", status, die_text);
    die_status = status;
    if (die_cleanup) { /* as die() does: the loader's part reader joined */
        void (*cleanup)(void) = die_cleanup;
        die_cleanup = NULL;
        cleanup();
    }
    longjmp(*back, 1);
}

const char *fuzz_die_message(void)
{
    return die_text;
}

/* ---- the call --------------------------------------------------------- */

static FILE *null_stream;

int fuzz_call(void (*fn)(void *arg), void *arg)
{
    jmp_buf here;
    FILE *saved_stderr = stderr;
    volatile int result = FUZZ_RETURNED;
    die_text[0] = '\0';
    stderr = null_stream;
    back = &here;
    tracking = 1;
    if (setjmp(here) == 0) {
        fn(arg);
    } else {
        result = die_status;
        for (int i = 0; i < MAX_OPEN; i++)
            if (open_files[i])
                __wrap_fclose(open_files[i]); /* still tracked: its blocks untracked */
    }
    tracking = 0;
    back = NULL;
    fflush(stdout);
    stderr = saved_stderr;
    untrack_all(result != FUZZ_RETURNED);
    for (int i = 0; i < MAX_OPEN; i++)
        if (open_files[i])
            fuzz_fail("a run that succeeded left '%s' open", open_names[i]);
    return result;
}

/* ---- setup ------------------------------------------------------------ */

static char stdout_buf[1 << 16];

/* iconv's converters are found and cached on first use; the cache is
 * libc's, so it is filled here, outside any call.  The descriptors stay
 * open: a converter in use is never unloaded. */
static void warm_iconv(void)
{
    static iconv_t kept[MSG_NLANGS];
    for (size_t i = 0; i < MSG_NLANGS; i++) {
        char to[64];
        snprintf(to, sizeof to, "%s//TRANSLIT", msg_langs[i].codepage);
        iconv_t cd = iconv_open(to, "UTF-8");
        if (cd == (iconv_t)-1)
            continue;
        char text[] = "\xc3\xa9\xe2\x80\x99\xe4\xb8\xad", out[64];
        char *in = text, *o = out;
        size_t nin = strlen(text), nout = sizeof out;
        iconv(cd, &in, &nin, &o, &nout);
        kept[i] = cd;
    }
}

void fuzz_setup(void)
{
    static int done;
    if (done)
        return;
    done = 1;
    int devnull = open("/dev/null", O_WRONLY);
    if (devnull < 0 || dup2(devnull, STDOUT_FILENO) < 0)
        fuzz_fail("cannot send stdout to /dev/null");
    close(devnull);
    setvbuf(stdout, stdout_buf, _IOFBF, sizeof stdout_buf);
    null_stream = fopen("/dev/null", "w");
    if (!null_stream)
        fuzz_fail("cannot open /dev/null");
    setvbuf(null_stream, NULL, _IONBF, 0);
    static const char *const vars[] = {"NETMIMIC_PROFILE", "NETMIMIC_FROM", "NETMIMIC_SEED",
                                       "NETMIMIC_JSON", "NETMIMIC_CRLF", "NETMIMIC_LANG",
                                       "NETMIMIC_WINDOWS", "NETMIMIC_TIMING",
                                       "NETMIMIC_MSG_LOG"};
    for (size_t i = 0; i < sizeof vars / sizeof *vars; i++)
        unsetenv(vars[i]);
    warm_iconv();
    __sanitizer_install_malloc_and_free_hooks(on_malloc, on_free);
}

/* libFuzzer's start-up hook for every harness that needs only
 * fuzz_setup(); weak, so that a harness with more to set up (fuzz_cli.c)
 * defines its own. */
__attribute__((weak)) int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    fuzz_setup();
    return 0;
}

/* ---- inputs ----------------------------------------------------------- */

static char input_path[64];

static void remove_input(void)
{
    unlink(input_path);
}

const char *fuzz_write_file(const uint8_t *data, size_t size)
{
    char *path = input_path;
    static int fd = -1;
    if (fd < 0) {
        const char *dir = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp";
        snprintf(path, sizeof input_path, "%s/netmimic-fuzz-%ld.ini", dir, (long)getpid());
        fd = open(path, O_RDWR | O_CREAT | O_TRUNC, 0600);
        if (fd < 0)
            fuzz_fail("cannot create %s", path);
        atexit(remove_input);
    }
    if (ftruncate(fd, 0) != 0 || pwrite(fd, data, size, 0) != (ssize_t)size)
        fuzz_fail("cannot write %s", path);
    return path;
}

char **fuzz_split_args(const uint8_t *data, size_t size, const char *argv0, int max,
                       int *argc, char **text)
{
    char *buf = malloc(size + 1);
    char **argv = malloc(((size_t)max + 2) * sizeof *argv);
    if (!buf || !argv)
        fuzz_fail("out of memory");
    memcpy(buf, data, size);
    buf[size] = '\0';
    int n = 0;
    argv[n++] = (char *)argv0;
    for (size_t i = 0; i < size && n <= max;) {
        argv[n++] = buf + i;
        i += strlen(buf + i) + 1;
    }
    argv[n] = NULL;
    *argc = n;
    *text = buf;
    return argv;
}

void fuzz_free_args(char **argv, char *text)
{
    free(text);
    free(argv);
}

void fuzz_fail(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    dprintf(STDERR_FILENO, "netmimic fuzz: ");
    vdprintf(STDERR_FILENO, fmt, ap);
    va_end(ap);
    dprintf(STDERR_FILENO, "\n");
    abort();
}
