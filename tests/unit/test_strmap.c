/* test_strmap.c - unit tests for common/base/strmap.c.
 * Prints "N passed, M failed" and exits non-zero if anything failed. */
#include "base/strmap.h"

#include <stdio.h>
#include <string.h>

#include "check.h"

static void test_empty(void)
{
    struct strmap m = {0};
    check(strmap_get(&m, "x") == -1, "an empty table finds nothing");
    strmap_free(&m);
    check(m.cap == 0 && m.slots == NULL, "free leaves an empty table");
}

static void test_put_get(void)
{
    struct strmap m = {0};
    check(strmap_put(&m, "hub-vm", 7) == 7, "put returns the value it stores");
    check(strmap_get(&m, "hub-vm") == 7, "get finds it");
    check(strmap_get(&m, "HUB-VM") == 7, "keys compare without case");
    check(strmap_put(&m, "Hub-Vm", 9) == 7, "a second put keeps the first value");
    check(strmap_get(&m, "hub-vm") == 7, "... and get still says so");
    check(strmap_get(&m, "hub-v") == -1 && strmap_get(&m, "hub-vmx") == -1,
          "a prefix or an extension of a key is another key");
    check(m.used == 1, "one key stored, not %zu", m.used);
    strmap_free(&m);
}

/* The caller's buffer may change after a put: the table keeps a copy. */
static void test_owns_keys(void)
{
    struct strmap m = {0};
    char buf[16] = "link a";
    strmap_put(&m, buf, 1);
    strcpy(buf, "link b");
    check(strmap_get(&m, "link a") == 1, "the key was copied");
    check(strmap_get(&m, "link b") == -1, "the buffer's new text is not a key");
    strmap_free(&m);
}

/* Many keys: the table grows, stays at most half full, finds them all. */
static void test_growth(void)
{
    struct strmap m = {0};
    char key[32];
    enum { N = 100000 };
    for (long i = 0; i < N; i++) {
        snprintf(key, sizeof key, "device r%ld", i);
        strmap_put(&m, key, i);
    }
    int all = 1;
    for (long i = 0; i < N && all; i++) {
        snprintf(key, sizeof key, "DEVICE R%ld", i);
        all = strmap_get(&m, key) == i;
    }
    check(all, "every one of %d keys is found with its value", N);
    check(m.used == N, "%zu keys stored, want %d", m.used, N);
    check(2 * m.used <= m.cap && (m.cap & (m.cap - 1)) == 0,
          "at most half full and a power of two: %zu of %zu", m.used, m.cap);
    check(strmap_get(&m, "device r100000") == -1, "a key never put is not found");
    strmap_free(&m);
}

int main(void)
{
    test_empty();
    test_put_get();
    test_owns_keys();
    test_growth();
    return check_report();
}
