/* resolve.h - the model's name service: forward names of devices and reverse
 * names of interface addresses, as the profile gives them. */
#ifndef NETMIMIC_RESOLVE_H
#define NETMIMIC_RESOLVE_H

#include <stdint.h>

#include "model/model.h"

/* TEXT is a dotted quad or a name (case-insensitive) of a device.  Sets *ADDR
 * and *CANONICAL (the canonical name for a name, NULL for an address).
 * Returns 0, or -1 if it does not resolve. */
int resolve_target(const struct network *net, const char *text, uint32_t *addr,
                   const char **canonical);

/* The reverse name of A, or NULL. */
const char *resolve_reverse(const struct network *net, uint32_t a);

/* A host named by device id, any of its names, or one of its addresses; -1 if none. */
int resolve_host(const struct network *net, const char *text);

/* "name [a.b.c.d]" when NAME is given, else "a.b.c.d"; returns BUF. */
char *format_addr_text(char *buf, size_t n, const char *name, uint32_t a);

/* A hop's address text: with its reverse name when RESOLVE (not -d/-n). */
char *format_hop_text(const struct network *net, uint32_t a, int resolve, char *buf, size_t n);

/* A header's target text: the typed name's CANONICAL form, else (when
 * RESOLVE) the reverse name of DST.  Returns the name used, or NULL. */
const char *format_target_text(const struct network *net, const char *canonical, uint32_t dst,
                               int resolve, char *buf, size_t n);

#endif
