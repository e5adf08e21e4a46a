/* addr.h - IPv4 addresses and prefixes. */
#ifndef NETMIMIC_ADDR_H
#define NETMIMIC_ADDR_H

#include <stdint.h>

struct prefix {
    uint32_t addr; /* host order, host bits cleared */
    int len;       /* 0..32 */
};

/* Dotted quad, strict (four decimal parts 0..255, no leading '+'). */
int addr_parse(const char *s, uint32_t *out);
/* "a.b.c.d/len"; with ALLOW_HOST_BITS the address part keeps its host bits
 * in *HOST (for interface addresses); otherwise host bits are an error. */
int prefix_parse(const char *s, struct prefix *p, uint32_t *host, int allow_host_bits);
/* Writes the dotted quad into BUF (at least 16 bytes) and returns BUF. */
char *addr_format(uint32_t a, char *buf);
uint32_t prefix_mask(int len);
int prefix_contains(struct prefix p, uint32_t a);
/* Is INNER equal to or more specific than OUTER? */
int prefix_within(struct prefix inner, struct prefix outer);

#endif
