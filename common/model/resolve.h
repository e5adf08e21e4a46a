/* resolve.h - the model's name service: forward names of devices (with
 * every address their interfaces have), the host's own names and
 * "localhost", and reverse names of interface addresses, as the profile
 * gives them. */
#ifndef NETMIMIC_RESOLVE_H
#define NETMIMIC_RESOLVE_H

#include <stddef.h>

#include "model/model.h"

/* The outcome of resolving a target as Windows would. */
struct resolved {
    struct addr addr;
    const char *canonical; /* the name's canonical form; NULL for a literal */
    unsigned long zone;    /* "%N" to print after a link-local address; 0: none */
};

/* TEXT is an address (the forms Windows accepts, see addr_parse_typed) or a
 * name (case-insensitive) of a device, of the host itself, or "localhost".
 * FAMILY is FAMILY_V4 (-4), FAMILY_V6 (-6) or FAMILY_NONE: then a name with
 * an IPv6 address is used over IPv6 when HOST has IPv6 connectivity, as
 * Windows prefers.  Returns 0, or -1 if it does not resolve in that family. */
int resolve_target(const struct network *net, int host, const char *text,
                   enum addr_family family, struct resolved *out);

/* The reverse name of A, or NULL. */
const char *resolve_reverse(const struct network *net, struct addr a);
/* The same seen from HOST: a loopback address, and an address of the host
 * with no reverse name of its own, is the host's own name, as Windows'
 * resolver answers for ::1, 127.0.0.1 and the computer's addresses. */
const char *resolve_reverse_at(const struct network *net, int host, struct addr a);

/* A run's record of which devices it has looked up a reverse name of, for
 * the devices whose first lookup fails (reverse_first_lookup = fail: a
 * computer name that NetBIOS or LLMNR does not give at the first query,
 * ja-tracert-003).  ASKED has one flag per device; all 0 at a run's start. */
struct reverse_log {
    unsigned char *asked;
    size_t n;
};

void reverse_log_start(struct reverse_log *log, size_t ndevices);
void reverse_log_free(struct reverse_log *log);

/* resolve_reverse_at, as the run's lookup: NULL the first time the run asks
 * for an address of a device whose first lookup fails.  LOG NULL: no run
 * state, every lookup answers. */
const char *resolve_reverse_run(const struct network *net, int host, struct addr a,
                                struct reverse_log *log);

/* A host named by device id, any of its names, or one of its addresses; -1 if none. */
int resolve_host(const struct network *net, const char *text);

/* The address HOST sends from toward DST: DST itself for a loopback
 * address; for IPv6 a link-local address toward a link-local destination,
 * else a global one; FAMILY_NONE when the host has none of that family. */
struct addr source_address(const struct network *net, int host, struct addr dst);

/* Text buffers for an address with a name: "name [addr%zone]". */
#define ADDR_NAME_TEXT_MAX 320

/* "name [addr]" when NAME is given, else "addr"; ZONE > 0 adds "%ZONE".
 * Returns BUF. */
char *format_addr_text(char *buf, size_t n, const char *name, struct addr a,
                       unsigned long zone);

/* A hop's address text: with its reverse name (the run's lookup, LOG) when
 * RESOLVE (not -d/-n). */
char *format_hop_text(const struct network *net, int host, struct reverse_log *log,
                      struct addr a, int resolve, char *buf, size_t n);

/* A header's target text: the typed name's canonical form, else (when
 * RESOLVE) the reverse name of the address.  Returns the name used, or NULL. */
const char *format_target_text(const struct network *net, int host, struct reverse_log *log,
                               const struct resolved *t, int resolve, char *buf, size_t n);

/* The target's address as the statistics line prints it (with the zone). */
char *format_target_addr(const struct resolved *t, char *buf, size_t n);

#endif
