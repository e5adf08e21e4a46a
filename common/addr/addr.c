/* addr.c - see addr.h. */
#include "addr/addr.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

int addr_parse(const char *s, uint32_t *out)
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
    *out = a;
    return 0;
}

uint32_t prefix_mask(int len)
{
    return len <= 0 ? 0 : len >= 32 ? 0xffffffffu : ~(0xffffffffu >> len);
}

int prefix_parse(const char *s, struct prefix *p, uint32_t *host, int allow_host_bits)
{
    char buf[32];
    const char *slash = strchr(s, '/');
    if (!slash || (size_t)(slash - s) >= sizeof buf)
        return -1;
    memcpy(buf, s, (size_t)(slash - s));
    buf[slash - s] = '\0';
    uint32_t a;
    if (addr_parse(buf, &a))
        return -1;
    const char *l = slash + 1;
    int len = 0, digits = 0;
    while (isdigit((unsigned char)*l) && digits < 3) {
        len = len * 10 + (*l++ - '0');
        digits++;
    }
    if (!digits || *l || len > 32)
        return -1;
    if (!allow_host_bits && (a & ~prefix_mask(len)))
        return -1;
    p->addr = a & prefix_mask(len);
    p->len = len;
    if (host)
        *host = a;
    return 0;
}

char *addr_format(uint32_t a, char *buf)
{
    snprintf(buf, 16, "%u.%u.%u.%u", a >> 24, (a >> 16) & 255, (a >> 8) & 255, a & 255);
    return buf;
}

int prefix_contains(struct prefix p, uint32_t a)
{
    return (a & prefix_mask(p.len)) == p.addr;
}

int prefix_within(struct prefix inner, struct prefix outer)
{
    return inner.len >= outer.len && prefix_contains(outer, inner.addr);
}
