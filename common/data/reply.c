/* reply.c - see reply.h. */
#include "data/reply.h"

#include <stdlib.h>
#include <string.h>

#include "base/util.h"

/* The interface DEVICE would send a packet to the source on: the egress of
 * its route back.  The flow for the equal-cost choice is the probe's own
 * (ingress address toward the source), as the reply's address is what is
 * being chosen. */
static int toward_source_iface(struct engine *e, const struct fwd_path *p, size_t step)
{
    const struct path_step *st = &p->steps[step];
    const struct iface_addr *in = iface_addr_of(e->net, st->in_iface, st->src.family);
    struct addr flow_src = in ? in->addr : st->src;
    int l = forward_next_link(e->net, &e->routing, st->device, flow_src, st->src);
    return l < 0 ? -1 : link_local_end(e->net, l, st->device);
}

struct addr reply_chosen_addr(struct engine *e, const struct fwd_path *p, size_t step,
                              enum addr_family f)
{
    const struct device *d = &e->net->devices[p->steps[step].device];
    const struct iface_addr *ia = NULL;
    int ifc;
    switch (d->reply_from) {
    case REPLY_FROM_TOWARD_SOURCE:
        ifc = toward_source_iface(e, p, step);
        ia = ifc >= 0 ? iface_addr_of(e->net, ifc, f) : NULL;
        break;
    case REPLY_FROM_IFACE:
        ia = iface_addr_of(e->net, d->reply_from_iface, f);
        break;
    case REPLY_FROM_ADDRESS:
        if (f != FAMILY_NONE)
            return device_extra(d)->reply_from_addr[f == FAMILY_V6];
        break;
    case REPLY_FROM_INGRESS:
        break;
    }
    return ia ? ia->addr : (struct addr){.family = FAMILY_NONE};
}

/* Appends SEG to OUT, leaving out SEG's first step (OUT's last device). */
static void append_steps(struct fwd_path *out, const struct fwd_path *seg)
{
    size_t add = seg->n - 1;
    out->steps = erealloc(out->steps, (out->n + add) * sizeof *out->steps);
    memcpy(out->steps + out->n, seg->steps + 1, add * sizeof *seg->steps);
    out->n += add;
    out->end = seg->end;
}

/* A reply to a NAT's outside address TARGET belongs to the state its
 * request made: the NAT device that owns TARGET receives it, even where its
 * destination NAT would send a new packet for TARGET on inside.  Cuts the
 * steps of P from FIRST on after that device. */
static void stop_at_owner(const struct network *net, struct fwd_path *p, size_t first,
                          struct addr target)
{
    for (size_t j = first; j < p->n; j++)
        if (device_owns(net, p->steps[j].device, target)) {
            p->n = j + 1;
            p->end = PATH_DELIVERED;
            return;
        }
}

/* The step of OUT, at or before *AT, where the source became TARGET: the
 * device before it translated; 0 if none (then *AT is left alone). */
static size_t translated_at(const struct fwd_path *out, size_t at, struct addr target)
{
    for (size_t j = at; j > 0; j--)
        if (addr_eq(out->steps[j].src, target) && !addr_eq(out->steps[j - 1].src, target))
            return j;
    return 0;
}

int reply_translated_by(const struct fwd_path *out, size_t *at, struct addr *target)
{
    size_t j = translated_at(out, *at, *target);
    if (!j)
        return -1;
    *at = j - 1;
    *target = out->steps[j - 1].src;
    return out->steps[j - 1].device;
}

const struct fwd_path *reply_path(struct engine *e, const struct fwd_path *out, size_t upto,
                                  int from_device, struct addr from)
{
    struct addr target = out->steps[upto].src, origin = out->steps[0].src;
    if (addr_eq(target, origin))
        return engine_path(e, from, from_device, target);
    struct fwd_path *back = &e->nat_back;
    fwd_path_free(back);
    back->steps = emalloc(sizeof *back->steps);
    back->steps[0] = (struct path_step){from_device, -1, -1, from};
    back->n = 1;
    for (size_t at = upto;;) {
        int dev = back->steps[back->n - 1].device;
        size_t leg = back->n;
        append_steps(back, engine_path(e, from, dev, target));
        stop_at_owner(e->net, back, leg, target);
        if (back->end != PATH_DELIVERED || addr_eq(target, origin))
            return back;
        /* Arrived at the NAT device that owns TARGET: its state sends the
         * reply on to the address it translated. */
        if (reply_translated_by(out, &at, &target) != back->steps[back->n - 1].device) {
            back->end = PATH_NO_ROUTE; /* no NAT state here for it */
            return back;
        }
    }
}

const struct fwd_path *engine_echo_return(struct engine *e, struct addr dst, int from_device,
                                          struct addr from)
{
    const struct fwd_path *out = engine_path(e, e->src_addr, e->src_device, dst);
    return reply_path(e, out, out->n - 1, from_device, from);
}

unsigned path_segment_hops(const struct network *net, const struct fwd_path *p, size_t first)
{
    unsigned n = 0;
    for (size_t j = first < 1 ? 1 : first; j < p->n; j++)
        n += link_ttl_hops(&net->links[p->steps[j].in_link]);
    return n;
}
