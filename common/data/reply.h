/* reply.h - inside the data plane: which address a device's reply comes
 * from (reply_from), and the way a reply takes back to a source that a NAT
 * device translated on the way out. */
#ifndef NETMIMIC_REPLY_H
#define NETMIMIC_REPLY_H

#include "data/probe.h"

/* The address the device at step STEP of P answers from in family F, as
 * its reply_from chooses; FAMILY_NONE for the ingress interface (the
 * default) or when the choice has no address of that family. */
struct addr reply_chosen_addr(struct engine *e, const struct fwd_path *p, size_t step,
                              enum addr_family f);

/* The way back from FROM_DEVICE, replying from address FROM, to the source
 * of the probe that took path OUT, as the device at step UPTO of OUT saw
 * that source: toward the outside address of each NAT device passed on the
 * way out, which sends it on to the address it translated, in turn, until
 * the original source.  Without NAT on the way it is engine_path's path.
 * The pointer is valid until the next call. */
const struct fwd_path *reply_path(struct engine *e, const struct fwd_path *out, size_t upto,
                                  int from_device, struct addr from);

/* The NAT device of OUT that translated the probe's source to *TARGET, as
 * met at or before step *AT: it is where a reply to *TARGET goes on to the
 * address it translated, which *TARGET becomes (and *AT the device's
 * step); -1 if no device on OUT did.  reply_path's legs, one a call. */
int reply_translated_by(const struct fwd_path *out, size_t *at, struct addr *target);

/* The way an echo reply from FROM takes back from the device FROM_DEVICE
 * that owns the run's target DST (the inspector's return paths). */
const struct fwd_path *engine_echo_return(struct engine *e, struct addr dst, int from_device,
                                          struct addr from);

/* The TTL steps the transit segments of P's links take, from step FIRST on. */
unsigned path_segment_hops(const struct network *net, const struct fwd_path *p, size_t first);

#endif
