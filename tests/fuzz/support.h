/* support.h - what every fuzz harness needs around the core.
 *
 * The core ends the process on bad input (die(): one line on stderr, then
 * _Exit), which is right for a tool and wrong for a fuzzer.  The harnesses
 * link with -Wl,--wrap=die, so that a die() met inside fuzz_call() returns
 * to fuzz_call() instead (a longjmp), after the message is formatted as die
 * would print it.  What the core had allocated on the way to the error (the
 * tool drops it by exiting) is freed by fuzz_call(): allocations are
 * tracked through the sanitizer's malloc hooks while the call runs, and
 * files opened by the core (fopen, wrapped too) are closed.  So a failing
 * input costs no memory and no descriptor, and millions of runs fit in one
 * process.  Standard output goes to /dev/null, standard error (the stdio
 * stream only: the sanitizers' reports still reach fd 2) too, during a call. */
#ifndef NETMIMIC_FUZZ_SUPPORT_H
#define NETMIMIC_FUZZ_SUPPORT_H

#include <stddef.h>
#include <stdint.h>

/* fuzz_call()'s result when FN returned normally. */
#define FUZZ_RETURNED (-1)

/* Runs FN(ARG); returns FUZZ_RETURNED, or the status die() was given.
 * On a normal return, a file the core opened and did not close is a bug:
 * the harness aborts, naming it. */
int fuzz_call(void (*fn)(void *arg), void *arg);

/* The last die() message, as the tool would print it after "PROG: ". */
const char *fuzz_die_message(void);

/* Once per process: stdout to /dev/null, the environment cleared of
 * NETMIMIC_*, the lazily allocated parts of libc (stdio buffers, iconv's
 * converters) set up before any call, so that freeing a failed call's
 * allocations never frees libc's own. */
void fuzz_setup(void);
/* support.c defines LLVMFuzzerInitialize (weak) as a call of fuzz_setup. */

/* A file holding DATA (the same path each time, rewritten; removed at exit). */
const char *fuzz_write_file(const uint8_t *data, size_t size);

/* DATA cut at NUL bytes into at most MAX arguments after ARGV0, in a new
 * vector with room for MAX + 2 entries; the strings are in *TEXT.  *ARGC
 * counts ARGV0.  Both are freed by fuzz_free_args. */
char **fuzz_split_args(const uint8_t *data, size_t size, const char *argv0, int max,
                       int *argc, char **text);
void fuzz_free_args(char **argv, char *text);

/* Prints a message and aborts (a finding: libFuzzer keeps the input). */
_Noreturn void fuzz_fail(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
