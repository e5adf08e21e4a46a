/* fuzz_addr.c - address parsing (addr/addr.c): the strict profile forms,
 * the forms typed on a command line, and prefixes.
 *
 * Checked for any input text:
 *  - a strict address reads back from its own text (addr_format) as the
 *    same address, and that text is a fixed point (RFC 5952 is canonical);
 *  - a strict IPv6 address is read as glibc's inet_pton reads it, and the
 *    two accept the same texts (both follow RFC 4291), but for one
 *    difference of the profile form: the parts of a dotted quad may have
 *    leading zeros (decimal all the same), which inet_pton refuses;
 *  - a strict dotted quad that inet_pton reads too gives the same bytes;
 *  - a typed IPv4 address that inet_aton reads too gives the same bytes
 *    (both take inet_addr's 1 to 4 parts, octal and hex);
 *  - a prefix reads back from prefix_format, contains its own address and
 *    is within itself; with host bits allowed, the host is in the prefix. */
#define _DEFAULT_SOURCE
#include <arpa/inet.h>
#include <stdlib.h>
#include <string.h>

#include "addr/addr.h"
#include "support.h"

/* S with the leading zeros of the parts of its dotted quad (the text
 * after the last ':') dropped, into BUF of N bytes (S is shorter). */
static const char *without_leading_zeros(const char *s, char *buf, size_t n)
{
    const char *colon = strrchr(s, ':'), *p = colon ? colon + 1 : s;
    if (!strchr(p, '.'))
        return s;
    size_t k = (size_t)(p - s);
    memcpy(buf, s, k);
    for (; *p && k + 1 < n; p++) {
        if (p[0] == '0' && p[1] >= '0' && p[1] <= '9' && (k == 0 || strchr(":.", buf[k - 1])))
            continue;
        buf[k++] = *p;
    }
    buf[k] = '\0';
    return buf;
}

static void check_strict(const char *s)
{
    struct addr a, b;
    char text[ADDR_TEXT_MAX], again[ADDR_TEXT_MAX];
    unsigned char bytes[16];
    int ours6 = addr_parse_v6(s, &a) == 0;
    char plain[256];
    int theirs6 = inet_pton(AF_INET6, s, bytes) == 1 ||
                  (ours6 && strlen(s) < sizeof plain &&
                   inet_pton(AF_INET6, without_leading_zeros(s, plain, sizeof plain), bytes) == 1);
    if (ours6 != theirs6)
        fuzz_fail("'%s': addr_parse_v6 %s it, inet_pton %s it", s, ours6 ? "takes" : "refuses",
                  theirs6 ? "takes" : "refuses");
    if (ours6 && memcmp(a.b, bytes, 16) != 0)
        fuzz_fail("'%s': addr_parse_v6 and inet_pton read different bytes", s);
    if (addr_parse_v4(s, &a) == 0 && inet_pton(AF_INET, s, bytes) == 1 &&
        memcmp(a.b, bytes, 4) != 0)
        fuzz_fail("'%s': addr_parse_v4 and inet_pton read different bytes", s);
    if (addr_parse(s, &a) != 0)
        return;
    addr_format(a, text);
    if (addr_parse(text, &b) != 0 || !addr_eq(a, b))
        fuzz_fail("'%s' is written '%s', which does not read back", s, text);
    addr_format(b, again);
    if (strcmp(text, again) != 0)
        fuzz_fail("'%s' is written '%s', then '%s'", s, text, again);
}

static void check_typed(const char *s)
{
    struct addr a;
    struct in_addr in;
    unsigned long zone;
    char text[ADDR_TEXT_MAX];
    if (addr_parse_typed(s, &a, &zone) != 0)
        return;
    addr_format(a, text);
    if (a.family == FAMILY_V4 && inet_aton(s, &in) == 1 && memcmp(a.b, &in, 4) != 0)
        fuzz_fail("'%s': addr_parse_typed reads %s, inet_aton %s", s, text, inet_ntoa(in));
}

static void check_prefix(const char *s, int allow_host_bits)
{
    struct prefix p, q;
    struct addr host;
    char text[PREFIX_TEXT_MAX];
    if (prefix_parse(s, &p, &host, allow_host_bits) != 0)
        return;
    prefix_format(p, text);
    if (prefix_parse(text, &q, NULL, 0) != 0 || !prefix_eq(p, q))
        fuzz_fail("prefix '%s' is written '%s', which does not read back", s, text);
    if (!prefix_contains(p, p.addr) || !prefix_within(p, p))
        fuzz_fail("prefix '%s' does not contain itself", s);
    if (allow_host_bits && !prefix_contains(p, host))
        fuzz_fail("'%s': the host is not in its prefix %s", s, text);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *s = malloc(size + 1);
    memcpy(s, data, size);
    s[size] = '\0';
    check_strict(s);
    check_typed(s);
    check_prefix(s, 0);
    check_prefix(s, 1);
    free(s);
    return 0;
}
