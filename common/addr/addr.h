/* addr.h - one address type for both families, and prefixes over it.
 *
 * struct addr is a struct, not an integer, so that mixing it with numbers
 * does not compile (BIRD's trick).  An IPv4 address keeps its four bytes in
 * b[0..3], network order, the rest zero; equal addresses are equal bytes. */
#ifndef NETMIMIC_ADDR_H
#define NETMIMIC_ADDR_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

enum addr_family { FAMILY_NONE = 0, FAMILY_V4 = 4, FAMILY_V6 = 6 };

struct addr {
    uint8_t family; /* enum addr_family */
    uint8_t b[16];
};

/* Room for any address text this project writes: a full IPv6 address, a
 * zone index ("%4294967295") and the terminating NUL. */
#define ADDR_TEXT_MAX 64

struct prefix {
    struct addr addr; /* host bits cleared */
    int len;          /* 0..32 or 0..128 */
};

struct addr addr_v4(uint32_t host_order);
uint32_t addr_v4_value(struct addr a);
/* 32 or 128 (0 for FAMILY_NONE). */
int addr_bits(enum addr_family f);
/* Inline: the routing index and the address index compare in their
 * probes, a call each across files. */
static inline int addr_eq(struct addr a, struct addr b)
{
    return a.family == b.family && memcmp(a.b, b.b, sizeof a.b) == 0;
}

uint64_t addr_hash(struct addr a);

/* Strict text forms, as a profile writes them: a dotted quad (four decimal
 * parts 0..255), or an IPv6 address in any RFC 4291 form (hex groups, one
 * "::", an embedded dotted quad at the end), without brackets or zone. */
int addr_parse(const char *s, struct addr *out);
int addr_parse_v4(const char *s, struct addr *out);
int addr_parse_v6(const char *s, struct addr *out);

/* A target typed on a Windows command line: the IPv4 forms inet_addr reads
 * (1 to 4 parts, decimal, octal with a leading 0, hex with 0x: "10.1" is
 * 10.0.0.1), or IPv6 optionally in brackets and with a zone "%N" (*ZONE,
 * 0 when none).  Returns 0, or -1 if TEXT is not an address. */
int addr_parse_typed(const char *text, struct addr *out, unsigned long *zone);

/* The address as Windows writes it: a dotted quad, or IPv6 in RFC 5952
 * form (lower case, no leading zeros, the longest run of two or more zero
 * groups as "::", the first on a tie).  BUF has ADDR_TEXT_MAX bytes. */
char *addr_format(struct addr a, char *buf);

int addr_is_loopback(struct addr a);   /* 127.0.0.0/8 or ::1 */
int addr_is_link_local(struct addr a); /* fe80::/10 */
int addr_is_unspecified(struct addr a);

/* "ADDRESS/LEN" of either family; with ALLOW_HOST_BITS the address part
 * keeps its host bits in *HOST (for interface addresses); otherwise host
 * bits are an error. */
int prefix_parse(const char *s, struct prefix *p, struct addr *host, int allow_host_bits);
/* The prefix of length LEN that contains A. */
struct prefix prefix_of(struct addr a, int len);
static inline int prefix_eq(struct prefix a, struct prefix b)
{
    return a.len == b.len && addr_eq(a.addr, b.addr);
}

int prefix_contains(struct prefix p, struct addr a);
/* Is INNER equal to or more specific than OUTER (same family)? */
int prefix_within(struct prefix inner, struct prefix outer);
/* "ADDRESS/LEN" into BUF (ADDR_TEXT_MAX + 4 bytes). */
char *prefix_format(struct prefix p, char *buf);
#define PREFIX_TEXT_MAX (ADDR_TEXT_MAX + 4)

#endif
