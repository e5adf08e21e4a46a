/* addr.c - see addr.h. */
#include "addr/addr.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

#define V6_GROUPS 8

struct addr addr_v4(uint32_t v)
{
    struct addr a = {.family = FAMILY_V4};
    a.b[0] = (uint8_t)(v >> 24);
    a.b[1] = (uint8_t)(v >> 16);
    a.b[2] = (uint8_t)(v >> 8);
    a.b[3] = (uint8_t)v;
    return a;
}

uint32_t addr_v4_value(struct addr a)
{
    return (uint32_t)a.b[0] << 24 | (uint32_t)a.b[1] << 16 | (uint32_t)a.b[2] << 8 | a.b[3];
}

int addr_bits(enum addr_family f)
{
    return f == FAMILY_V4 ? 32 : f == FAMILY_V6 ? 128 : 0;
}

uint64_t addr_hash(struct addr a)
{
    uint64_t h = 1469598103934665603ull ^ a.family; /* FNV-1a over the bytes */
    for (size_t i = 0; i < sizeof a.b; i++)
        h = (h ^ a.b[i]) * 1099511628211ull;
    return h;
}

int addr_parse_v4(const char *s, struct addr *out)
{
    uint32_t a = 0;
    for (int part = 0; part < 4; part++) {
        unsigned v = 0, digits = 0;
        while (isdigit((unsigned char)*s) && digits < 4) {
            v = v * 10 + (unsigned)(*s++ - '0');
            digits++;
        }
        if (digits == 0 || digits > 3 || v > 255)
            return -1;
        a = a << 8 | v;
        if (part < 3 && *s++ != '.')
            return -1;
    }
    if (*s)
        return -1;
    *out = addr_v4(a);
    return 0;
}

/* One group of 1 to 4 hex digits; returns the characters read, 0 if none. */
static int hex_group(const char *s, unsigned *v)
{
    int n = 0;
    *v = 0;
    while (n < 5 && isxdigit((unsigned char)s[n])) {
        int c = tolower((unsigned char)s[n]);
        *v = *v * 16 + (unsigned)(isdigit(c) ? c - '0' : c - 'a' + 10);
        n++;
    }
    return n <= 4 ? n : 0;
}

/* Reads groups separated by ':' from S into G (at most MAX, a trailing
 * dotted quad counting two); stops at "::" or the end.  Returns the groups
 * read and sets *END, or -1. */
static int v6_groups(const char *s, uint16_t *g, int max, const char **end)
{
    int n = 0;
    while (*s && !(s[0] == ':' && s[1] == ':')) {
        struct addr v4;
        const char *dot = strchr(s, '.'), *colon = strchr(s, ':');
        if (dot && (!colon || dot < colon) && n + 2 <= max && addr_parse_v4(s, &v4) == 0) {
            g[n++] = (uint16_t)(v4.b[0] << 8 | v4.b[1]);
            g[n++] = (uint16_t)(v4.b[2] << 8 | v4.b[3]);
            s += strlen(s);
            break;
        }
        unsigned v;
        int len = hex_group(s, &v);
        if (!len || n == max)
            return -1;
        g[n++] = (uint16_t)v;
        s += len;
        if (*s == ':' && s[1] != ':') {
            s++;
            if (!*s)
                return -1; /* a single trailing ':' */
        } else if (*s && *s != ':') {
            return -1;
        }
    }
    *end = s;
    return n;
}

int addr_parse_v6(const char *s, struct addr *out)
{
    uint16_t head[V6_GROUPS], tail[V6_GROUPS];
    const char *end;
    int nh = 0, nt = 0;
    if (s[0] == ':' && s[1] != ':')
        return -1;
    if ((nh = v6_groups(s, head, V6_GROUPS, &end)) < 0)
        return -1;
    int compressed = *end == ':';
    if (compressed) {
        const char *rest = end + 2;
        if (nh == V6_GROUPS || *rest == ':' ||
            (nt = v6_groups(rest, tail, V6_GROUPS - 1 - nh, &end)) < 0 || *end)
            return -1;
    } else if (nh != V6_GROUPS) {
        return -1;
    }
    struct addr a = {.family = FAMILY_V6};
    for (int i = 0; i < nh; i++) {
        a.b[2 * i] = (uint8_t)(head[i] >> 8);
        a.b[2 * i + 1] = (uint8_t)head[i];
    }
    for (int i = 0; i < nt; i++) {
        int at = V6_GROUPS - nt + i;
        a.b[2 * at] = (uint8_t)(tail[i] >> 8);
        a.b[2 * at + 1] = (uint8_t)tail[i];
    }
    *out = a;
    return 0;
}

int addr_parse(const char *s, struct addr *out)
{
    return strchr(s, ':') ? addr_parse_v6(s, out) : addr_parse_v4(s, out);
}

/* One part of an inet_addr address: decimal, 0-prefixed octal or 0x hex.
 * Returns the characters read, 0 if the part is malformed. */
static int inet_part(const char *s, unsigned long long *v)
{
    int base = 10, n = 0;
    if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
        base = 16;
        n = 2;
    } else if (s[0] == '0') {
        base = 8;
    }
    int start = n;
    *v = 0;
    for (; isxdigit((unsigned char)s[n]); n++) {
        int c = tolower((unsigned char)s[n]);
        int d = isdigit(c) ? c - '0' : c - 'a' + 10;
        if (d >= base || *v > 0xffffffffull)
            return 0;
        *v = *v * (unsigned)base + (unsigned)d;
    }
    return n > start || (base == 8 && n == 1) ? n : 0;
}

/* inet_addr's forms: a, a.b (8.24 bits), a.b.c (8.8.16), a.b.c.d. */
static int parse_inet_addr(const char *s, struct addr *out)
{
    unsigned long long part[4];
    int n = 0;
    for (;;) {
        int len = n < 4 ? inet_part(s, &part[n]) : 0;
        if (!len)
            return -1;
        s += len;
        n++;
        if (!*s)
            break;
        if (*s++ != '.')
            return -1;
    }
    uint32_t v = 0;
    for (int i = 0; i < n - 1; i++) {
        if (part[i] > 255)
            return -1;
        v |= (uint32_t)part[i] << (24 - 8 * i);
    }
    unsigned long long last_max = 0xffffffffull >> (8 * (n - 1));
    if (part[n - 1] > last_max)
        return -1;
    *out = addr_v4(v | (uint32_t)part[n - 1]);
    return 0;
}

int addr_parse_typed(const char *text, struct addr *out, unsigned long *zone)
{
    char buf[ADDR_TEXT_MAX];
    size_t len = strlen(text);
    *zone = 0;
    if (!strchr(text, ':'))
        return parse_inet_addr(text, out);
    if (text[0] == '[') {
        if (len < 2 || text[len - 1] != ']')
            return -1;
        text++;
        len -= 2;
    }
    if (len >= sizeof buf)
        return -1;
    memcpy(buf, text, len);
    buf[len] = '\0';
    char *pct = strchr(buf, '%');
    if (pct) {
        char *end;
        *pct = '\0';
        if (!isdigit((unsigned char)pct[1]) || strlen(pct + 1) > 10)
            return -1;
        unsigned long long z = 0;
        for (end = pct + 1; isdigit((unsigned char)*end); end++)
            z = z * 10 + (unsigned)(*end - '0');
        if (*end || z > 0xffffffffull)
            return -1;
        *zone = (unsigned long)z;
    }
    return addr_parse_v6(buf, out);
}

/* ::ffff:a.b.c.d, an IPv4-mapped address, which RFC 5952 section 5 writes
 * with its dotted quad. */
static int v4_mapped(struct addr a)
{
    static const uint8_t prefix[12] = {[10] = 0xff, [11] = 0xff};
    return memcmp(a.b, prefix, sizeof prefix) == 0;
}

static char *format_v6(struct addr a, char *buf)
{
    if (v4_mapped(a)) {
        snprintf(buf, ADDR_TEXT_MAX, "::ffff:%u.%u.%u.%u", a.b[12], a.b[13], a.b[14], a.b[15]);
        return buf;
    }
    unsigned g[V6_GROUPS];
    for (int i = 0; i < V6_GROUPS; i++)
        g[i] = (unsigned)a.b[2 * i] << 8 | a.b[2 * i + 1];
    int best = -1, best_len = 1; /* a single zero group stays "0" */
    for (int i = 0; i < V6_GROUPS;) {
        int j = i;
        while (j < V6_GROUPS && g[j] == 0)
            j++;
        if (j - i > best_len) {
            best = i;
            best_len = j - i;
        }
        i = j > i ? j : i + 1;
    }
    char *p = buf;
    for (int i = 0; i < V6_GROUPS; i++) {
        if (i == best) {
            p += sprintf(p, "::");
            i += best_len - 1;
            continue;
        }
        p += sprintf(p, "%s%x", i && i != best + best_len ? ":" : "", g[i]);
    }
    *p = '\0';
    return buf;
}

char *addr_format(struct addr a, char *buf)
{
    if (a.family == FAMILY_V6)
        return format_v6(a, buf);
    snprintf(buf, ADDR_TEXT_MAX, "%u.%u.%u.%u", a.b[0], a.b[1], a.b[2], a.b[3]);
    return buf;
}

int addr_is_loopback(struct addr a)
{
    static const uint8_t v6_loopback[16] = {[15] = 1};
    if (a.family == FAMILY_V4)
        return a.b[0] == 127;
    return a.family == FAMILY_V6 && memcmp(a.b, v6_loopback, 16) == 0;
}

int addr_is_link_local(struct addr a)
{
    return a.family == FAMILY_V6 && a.b[0] == 0xfe && (a.b[1] & 0xc0) == 0x80;
}

int addr_is_unspecified(struct addr a)
{
    static const uint8_t zero[16];
    return memcmp(a.b, zero, 16) == 0;
}

struct prefix prefix_of(struct addr a, int len)
{
    struct prefix p = {.addr = a, .len = len};
    for (int i = 0; i < 16; i++) {
        int keep = len - 8 * i; /* bits of byte i inside the prefix */
        if (keep <= 0)
            p.addr.b[i] = 0;
        else if (keep < 8)
            p.addr.b[i] &= (uint8_t)(0xff << (8 - keep));
    }
    return p;
}

int prefix_parse(const char *s, struct prefix *p, struct addr *host, int allow_host_bits)
{
    char buf[ADDR_TEXT_MAX];
    const char *slash = strchr(s, '/');
    if (!slash || (size_t)(slash - s) >= sizeof buf)
        return -1;
    memcpy(buf, s, (size_t)(slash - s));
    buf[slash - s] = '\0';
    struct addr a;
    if (addr_parse(buf, &a))
        return -1;
    const char *l = slash + 1;
    int len = 0, digits = 0;
    while (isdigit((unsigned char)*l) && digits < 4) {
        len = len * 10 + (*l++ - '0');
        digits++;
    }
    if (!digits || *l || len > addr_bits(a.family))
        return -1;
    struct prefix q = prefix_of(a, len);
    if (!allow_host_bits && !addr_eq(q.addr, a))
        return -1;
    *p = q;
    if (host)
        *host = a;
    return 0;
}

int prefix_contains(struct prefix p, struct addr a)
{
    return a.family == p.addr.family && addr_eq(prefix_of(a, p.len).addr, p.addr);
}

int prefix_within(struct prefix inner, struct prefix outer)
{
    return inner.len >= outer.len && prefix_contains(outer, inner.addr);
}

char *prefix_format(struct prefix p, char *buf)
{
    char a[ADDR_TEXT_MAX];
    snprintf(buf, PREFIX_TEXT_MAX, "%s/%d", addr_format(p.addr, a), p.len);
    return buf;
}
