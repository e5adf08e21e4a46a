/* check.h - the one assertion of the C unit tests: counts what passed and
 * prints what failed; each test program ends with check_report(). */
#ifndef NETMIMIC_CHECK_H
#define NETMIMIC_CHECK_H

#include <stdarg.h>
#include <stdio.h>

static int passed, failed;

__attribute__((format(printf, 2, 3)))
static void check(int ok, const char *fmt, ...)
{
    if (ok) {
        passed++;
        return;
    }
    failed++;
    va_list ap;
    va_start(ap, fmt);
    fputs("FAIL: ", stdout);
    vprintf(fmt, ap);
    va_end(ap);
    putchar('\n');
}

/* "N passed, M failed"; the exit status of the test program. */
static int check_report(void)
{
    printf("%d passed, %d failed\n", passed, failed);
    return failed != 0;
}

#endif
