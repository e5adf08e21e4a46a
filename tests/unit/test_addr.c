/* test_addr.c - unit tests for common/addr/addr.c: parsing of both
 * families (strict profile forms and the forms Windows reads on a command
 * line), RFC 5952 formatting, prefixes.  The expected texts come from RFC
 * 4291 (forms), RFC 5952 (output rules, section 4) and inet_addr's
 * documented forms.  Prints "N passed, M failed". */
#include "addr/addr.h"

#include <stdio.h>
#include <string.h>

#include "check.h"

/* TEXT parses (strictly) and formats back as WANT. */
static void round_trip(const char *text, const char *want)
{
    struct addr a;
    char buf[ADDR_TEXT_MAX];
    int rc = addr_parse(text, &a);
    check(rc == 0, "parse '%s'", text);
    if (rc == 0)
        check(strcmp(addr_format(a, buf), want) == 0, "'%s' formats as '%s', not '%s'", text,
              buf, want);
}

static void rejected(const char *text)
{
    struct addr a;
    check(addr_parse(text, &a) != 0, "'%s' must not parse", text);
}

static void test_v6_format(void)
{
    round_trip("2001:0db8:0000:0000:0000:0000:0000:0001", "2001:db8::1");
    round_trip("2001:DB8::1", "2001:db8::1");
    round_trip("2001:db8:0:0:1:0:0:1", "2001:db8::1:0:0:1"); /* first of two equal runs */
    round_trip("2001:e60:e150:6001:0:1:1006:e", "2001:e60:e150:6001:0:1:1006:e"); /* one 0 */
    round_trip("2001:4860:482d:7700:0:0:0:0", "2001:4860:482d:7700::");
    round_trip("0:0:0:0:0:0:0:1", "::1");
    round_trip("::", "::");
    round_trip("fe80::0001", "fe80::1");
    round_trip("1:0:0:2:0:0:0:3", "1:0:0:2::3"); /* the longer run */
    round_trip("::ffff:10.1.2.3", "::ffff:10.1.2.3"); /* RFC 5952 section 5 */
    round_trip("::ffff:a01:203", "::ffff:10.1.2.3");
    round_trip("1:2:3:4:5:6:7::", "1:2:3:4:5:6:7:0");
    round_trip("2404:6800:4007:81c::200e", "2404:6800:4007:81c::200e");
}

static void test_v6_rejected(void)
{
    const char *bad[] = {"1:2:3:4:5:6:7:8:9", "1::2::3", ":1:2:3:4:5:6:7", "1:2:3:4:5:6:7:",
                         ":::", "12345::1", "g::1", "1:2:3:4:5:6:7", "::1.2.3", "1.2.3.4::",
                         "fe80::1%4", "[::1]", "1:2:3:4:5:6:7:8::", ""};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
        rejected(bad[i]);
}

static void test_v4(void)
{
    round_trip("10.11.30.4", "10.11.30.4");
    round_trip("0.0.0.0", "0.0.0.0");
    const char *bad[] = {"10.1", "256.1.1.1", "1.2.3.4.5", "1.2.3.", "01234.1.1.1", "+1.2.3.4",
                         "1.2.3.4 "};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
        rejected(bad[i]);
}

/* The forms a Windows command line accepts: TEXT is the address WANT. */
static void typed(const char *text, const char *want, unsigned long want_zone)
{
    struct addr a;
    unsigned long zone;
    char buf[ADDR_TEXT_MAX];
    int rc = addr_parse_typed(text, &a, &zone);
    check(rc == 0, "typed '%s' parses", text);
    if (rc == 0)
        check(strcmp(addr_format(a, buf), want) == 0 && zone == want_zone,
              "typed '%s' is '%s' zone %lu, not '%s' zone %lu", text, buf, zone, want,
              want_zone);
}

static void test_typed(void)
{
    typed("10.1", "10.0.0.1", 0);          /* a.b: 8 + 24 bits */
    typed("10.11.30", "10.11.0.30", 0);    /* a.b.c: 8 + 8 + 16 bits */
    typed("127.1", "127.0.0.1", 0);
    typed("167772161", "10.0.0.1", 0);     /* one 32-bit number */
    typed("0x0a.1", "10.0.0.1", 0);        /* hex */
    typed("012.1", "10.0.0.1", 0);         /* octal */
    typed("10.0.256", "10.0.1.0", 0);      /* the last part fills 16 bits */
    typed("[::1]", "::1", 0);
    typed("fe80::1%12", "fe80::1", 12);
    typed("[fe80::1%3]", "fe80::1", 3);
    const char *bad[] = {"10.256.1", "1.2.3.4.5", "4294967296", "08.1", "0x", "1..2", "name",
                         "[::1", "::1%", "::1%x", "[1.2.3.4]"};
    struct addr a;
    unsigned long zone;
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
        check(addr_parse_typed(bad[i], &a, &zone) != 0, "typed '%s' must not parse", bad[i]);
}

static void test_prefixes(void)
{
    struct prefix p, q;
    struct addr host, a;
    char buf[PREFIX_TEXT_MAX];
    check(prefix_parse("2001:db8::/32", &p, NULL, 0) == 0, "v6 prefix parses");
    check(strcmp(prefix_format(p, buf), "2001:db8::/32") == 0, "v6 prefix formats: %s", buf);
    check(prefix_parse("2001:db8::1/32", &p, NULL, 0) != 0, "host bits refused");
    check(prefix_parse("2001:db8::1/64", &p, &host, 1) == 0 &&
              strcmp(prefix_format(p, buf), "2001:db8::/64") == 0,
          "interface address keeps host bits apart: %s", buf);
    check(prefix_parse("::/129", &p, NULL, 0) != 0, "length 129 refused");
    check(prefix_parse("10.0.0.0/33", &p, NULL, 0) != 0, "length 33 refused");
    check(prefix_parse("10.0.0.0/8", &p, NULL, 0) == 0 &&
              prefix_parse("10.1.0.0/16", &q, NULL, 0) == 0 &&
              prefix_within(q, p) && !prefix_within(p, q),
          "v4 within");
    addr_parse("10.200.1.1", &a);
    check(prefix_contains(p, a), "10/8 contains 10.200.1.1");
    addr_parse("::a00:1", &a); /* the same low bytes in the other family */
    check(!prefix_contains(p, a), "a v4 prefix never contains a v6 address");
    prefix_parse("fe80::/10", &p, NULL, 0);
    addr_parse("febf::1", &a);
    check(prefix_contains(p, a) && addr_is_link_local(a), "febf::1 is link-local");
    addr_parse("fec0::1", &a);
    check(!prefix_contains(p, a) && !addr_is_link_local(a), "fec0::1 is not link-local");
    addr_parse("127.9.8.7", &a);
    check(addr_is_loopback(a), "127/8 is loopback");
    addr_parse("::1", &a);
    check(addr_is_loopback(a), "::1 is loopback");
    addr_parse("::2", &a);
    check(!addr_is_loopback(a), "::2 is not loopback");
}

int main(void)
{
    test_v6_format();
    test_v6_rejected();
    test_v4();
    test_typed();
    test_prefixes();
    return check_report();
}
