/* parts.c - see parts.h.  The other thread takes the parts in order, from
 * the first one the loader has not taken; the loader reads a part itself
 * when it gets there first.  iniparser 4.1 keeps no state between calls
 * but its error callback, which is one for the whole program: the callback
 * writes into a buffer of the thread that runs it, and each part keeps the
 * message of its own failure, reported only when the loader takes that
 * part, so that the error a load reports is the first in part order. */
#define _POSIX_C_SOURCE 200809L
#include "profile/parts.h"

#include <ctype.h>
#include <iniparser.h>
#include <limits.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "profile/loader.h"
#include "base/util.h"

/* ---- iniparser's messages -------------------------------------------------- */

/* iniparser reports syntax errors through a printf-like callback; the text
 * is kept and turned into one line naming file and line. */
static _Thread_local char ini_error[2 * LOADER_LINE_MAX + PATH_MAX];

static int capture_ini_error(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    if (!ini_error[0])
        vsnprintf(ini_error, sizeof ini_error, fmt, ap);
    va_end(ap);
    return 0;
}

/* The line number in iniparser's message: "... in PATH (LINE):" or "...
 * in PATH (LINE)", read after the path it was given (a '(' may be in the
 * path, or in the quoted line after it). */
static long ini_error_line(const char *error, const char *path)
{
    size_t n = strlen(path);
    for (const char *at = strstr(error, path); at; at = strstr(at + 1, path))
        if (strncmp(at + n, " (", 2) == 0 && isdigit((unsigned char)at[n + 2]))
            return strtol(at + n + 2, NULL, 10);
    return 0;
}

static _Noreturn void fail_syntax(const char *path, const char *error)
{
    long line = ini_error_line(error, path);
    const char *arrow = strstr(error, "\n-> ");
    if (strstr(error, "too long"))
        die(EXIT_SETUP, "%s: line %ld: line longer than %d bytes", path, line,
            LOADER_LINE_MAX);
    const char *text = arrow ? arrow + 4 : "";
    die(EXIT_SETUP, "%s: line %ld: syntax error: '%.*s'", path, line,
        (int)strcspn(text, "\n"), text);
}

/* ---- the two readers ------------------------------------------------------- */

enum part_state { PART_FREE, PART_TAKEN, PART_READ };

struct part_slot {
    enum part_state state;
    dictionary *dict;
    char *error; /* iniparser's message, when it refused the part */
};

struct parts_reader {
    char *const *paths;
    size_t n;
    struct part_slot *slots;
    pthread_mutex_t lock; /* guards every state, and stop */
    pthread_cond_t read;  /* a part became PART_READ */
    pthread_t helper;
    int has_helper, stop;
};

static void read_part(struct part_slot *s, const char *path)
{
    ini_error[0] = '\0';
    s->dict = iniparser_load(path);
    if (!s->dict)
        s->error = estrdup(ini_error);
}

/* Takes part I unless the other reader did; 1 if it is this one's to read. */
static int claim(struct parts_reader *r, size_t i)
{
    pthread_mutex_lock(&r->lock);
    int mine = !r->stop && r->slots[i].state == PART_FREE;
    if (mine)
        r->slots[i].state = PART_TAKEN;
    pthread_mutex_unlock(&r->lock);
    return mine;
}

static int is_regular(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

/* The second thread.  A part that is not a regular file is left to the
 * loader, which refuses it (iniparser would wait on a FIFO for ever). */
static void *read_ahead(void *arg)
{
    struct parts_reader *r = arg;
    for (size_t i = 0; i < r->n; i++) {
        if (!is_regular(r->paths[i]) || !claim(r, i))
            continue;
        read_part(&r->slots[i], r->paths[i]);
        pthread_mutex_lock(&r->lock);
        r->slots[i].state = PART_READ;
        pthread_cond_broadcast(&r->read);
        pthread_mutex_unlock(&r->lock);
    }
    return NULL;
}

/* Sets R's stop and waits for its thread, unless it is that thread. */
static void stop_helper(struct parts_reader *r)
{
    if (!r->has_helper || pthread_equal(pthread_self(), r->helper))
        return;
    pthread_mutex_lock(&r->lock);
    r->stop = 1;
    pthread_mutex_unlock(&r->lock);
    pthread_join(r->helper, NULL);
    r->has_helper = 0;
}

/* The reader whose thread runs, for die: a bad part stops the program while
 * the other thread may still be reading, and a thread not joined at exit
 * is memory valgrind calls lost. */
static struct parts_reader *running;

static void stop_running(void)
{
    stop_helper(running);
}

struct parts_reader *parts_begin(char *const *paths, size_t n)
{
    struct parts_reader *r = ecalloc(1, sizeof *r);
    r->paths = paths;
    r->n = n;
    r->slots = ecalloc(n, sizeof *r->slots);
    pthread_mutex_init(&r->lock, NULL);
    pthread_cond_init(&r->read, NULL);
    iniparser_set_error_callback(capture_ini_error);
    /* Without a second thread the loader reads every part itself. */
    r->has_helper = n > 1 && pthread_create(&r->helper, NULL, read_ahead, r) == 0;
    if (r->has_helper) {
        running = r;
        die_cleanup = stop_running;
    }
    return r;
}

void *parts_take(struct parts_reader *r, size_t i)
{
    struct part_slot *s = &r->slots[i];
    if (claim(r, i)) {
        read_part(s, r->paths[i]);
    } else {
        pthread_mutex_lock(&r->lock);
        while (s->state != PART_READ)
            pthread_cond_wait(&r->read, &r->lock);
        pthread_mutex_unlock(&r->lock);
    }
    if (!s->dict)
        fail_syntax(r->paths[i], s->error);
    void *dict = s->dict;
    s->dict = NULL;
    return dict;
}

void parts_end(struct parts_reader *r)
{
    stop_helper(r);
    if (running == r) {
        running = NULL;
        die_cleanup = NULL;
    }
    for (size_t i = 0; i < r->n; i++) {
        if (r->slots[i].dict)
            iniparser_freedict(r->slots[i].dict);
        free(r->slots[i].error);
    }
    pthread_mutex_destroy(&r->lock);
    pthread_cond_destroy(&r->read);
    free(r->slots);
    free(r);
}
