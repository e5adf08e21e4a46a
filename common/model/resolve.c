/* resolve.c - see resolve.h. */
#include "model/resolve.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/util.h"

static int device_by_name(const struct network *net, const char *text)
{
    for (size_t d = 0; d < net->ndevices; d++)
        for (size_t i = 0; i < net->devices[d].nnames; i++)
            if (str_ieq(net->devices[d].names[i], text))
                return (int)d;
    return -1;
}

/* The name Windows prints for the computer itself: its first name. */
static const char *own_name(const struct network *net, int host)
{
    const struct device *d = &net->devices[host];
    return d->nnames ? d->names[0] : d->id;
}

/* Which family a name of DEVICE is used in, given what was asked. */
static enum addr_family pick_family(const struct network *net, int host, int device,
                                    enum addr_family asked)
{
    if (asked != FAMILY_NONE)
        return asked;
    int has6 = device_primary_addr(net, device, FAMILY_V6).family != FAMILY_NONE;
    int has4 = device_primary_addr(net, device, FAMILY_V4).family != FAMILY_NONE;
    if (has6 && (!has4 || device_has_global(net, host, FAMILY_V6)))
        return FAMILY_V6;
    return has4 ? FAMILY_V4 : FAMILY_NONE;
}

/* A link-local address found by name gets the zone of the host's first
 * interface with a link-local address: its index (NAME%INDEX), else its
 * place among the host's interfaces, from 1. */
static unsigned long zone_for(const struct network *net, int host, struct addr a)
{
    const struct device *d = &net->devices[host];
    if (!addr_is_link_local(a))
        return 0;
    for (size_t i = 0; i < d->nifaces; i++) {
        const struct iface_addr *ia = iface_addr_of(net, d->ifaces[i], FAMILY_V6);
        if (ia && addr_is_link_local(ia->addr))
            return net->ifaces[d->ifaces[i]].index ? net->ifaces[d->ifaces[i]].index : i + 1;
    }
    return 1;
}

static int resolve_literal(const char *text, enum addr_family family, struct resolved *out)
{
    if (addr_parse_typed(text, &out->addr, &out->zone))
        return 1; /* not a literal: a name */
    out->canonical = NULL;
    return family != FAMILY_NONE && out->addr.family != family ? -1 : 0;
}

int resolve_target(const struct network *net, int host, const char *text,
                   enum addr_family family, struct resolved *out)
{
    memset(out, 0, sizeof *out);
    int literal = resolve_literal(text, family, out);
    if (literal <= 0)
        return literal;
    if (str_ieq(text, "localhost")) {
        out->addr = family == FAMILY_V4 ? addr_v4(0x7f000001u) : (struct addr){
            .family = FAMILY_V6, .b = {[15] = 1}};
        out->canonical = own_name(net, host);
        return 0;
    }
    int d = device_by_name(net, text);
    if (d < 0)
        return -1;
    enum addr_family f = pick_family(net, host, d, family);
    out->addr = device_primary_addr(net, d, f); /* FAMILY_NONE: none */
    if (out->addr.family == FAMILY_NONE)
        return -1;
    out->canonical = net->devices[d].names[0];
    out->zone = zone_for(net, host, out->addr);
    return 0;
}

/* The reverse name of a transit segment's router address, or NULL. */
static const char *segment_reverse(const struct network *net, struct addr a)
{
    int l;
    unsigned i;
    if (!network_segment_router(net, a, &l, &i))
        return NULL;
    char **names = link_segment(&net->links[l])->router_ptr[a.family == FAMILY_V6];
    return names ? names[i - 1] : NULL;
}

const char *resolve_reverse(const struct network *net, struct addr a)
{
    const struct iface_addr *ia = network_addr_lookup(net, a, NULL);
    return ia ? ia->ptr : segment_reverse(net, a);
}

const char *resolve_reverse_at(const struct network *net, int host, struct addr a)
{
    int ifc;
    const struct iface_addr *ia = network_addr_lookup(net, a, &ifc);
    if (ia && ia->ptr)
        return ia->ptr;
    if (addr_is_loopback(a) || (ia && net->ifaces[ifc].device == host))
        return own_name(net, host); /* the computer's own addresses */
    return ia ? NULL : segment_reverse(net, a);
}

void reverse_log_start(struct reverse_log *log, size_t ndevices)
{
    free(log->asked);
    log->asked = ecalloc(ndevices ? ndevices : 1, 1);
    log->n = ndevices;
}

void reverse_log_free(struct reverse_log *log)
{
    free(log->asked);
    log->asked = NULL;
    log->n = 0;
}

const char *resolve_reverse_run(const struct network *net, int host, struct addr a,
                                struct reverse_log *log)
{
    const char *name = resolve_reverse_at(net, host, a);
    int ifc;
    if (!name || !log || !network_addr_lookup(net, a, &ifc))
        return name;
    int d = net->ifaces[ifc].device;
    int first = !log->asked[d];
    log->asked[d] = 1;
    return first && net->devices[d].reverse_first_fails ? NULL : name;
}

int resolve_host(const struct network *net, const char *text)
{
    int d = network_find_device(net, text);
    if (d < 0)
        d = device_by_name(net, text);
    struct addr a;
    if (d < 0 && addr_parse(text, &a) == 0) {
        int ifc = network_iface_by_addr(net, a);
        d = ifc >= 0 ? net->ifaces[ifc].device : -1;
    }
    return d >= 0 && net->devices[d].kind == KIND_HOST ? d : -1;
}

/* The host's address of DST's family on an interface whose connected
 * prefix holds DST, if any: an on-link destination is reached from there. */
static const struct iface_addr *on_link_source(const struct network *net, int host,
                                               struct addr dst)
{
    const struct device *d = &net->devices[host];
    for (size_t i = 0; i < d->nifaces; i++) {
        const struct iface *ifc = &net->ifaces[d->ifaces[i]];
        for (size_t k = 0; k < ifc->naddrs; k++)
            if (prefix_contains(ifc->addrs[k].net, dst))
                return &ifc->addrs[k];
    }
    return NULL;
}

struct addr source_address(const struct network *net, int host, struct addr dst)
{
    if (addr_is_loopback(dst))
        return dst;
    const struct iface_addr *ia = on_link_source(net, host, dst);
    if (ia && (dst.family == FAMILY_V4 || addr_is_link_local(dst) ||
               !addr_is_link_local(ia->addr)))
        return ia->addr;
    return device_primary_addr(net, host, dst.family);
}

char *format_addr_text(char *buf, size_t n, const char *name, struct addr a,
                       unsigned long zone)
{
    char ip[ADDR_TEXT_MAX], zoned[ADDR_TEXT_MAX + 24];
    addr_format(a, ip);
    if (zone)
        snprintf(zoned, sizeof zoned, "%s%%%lu", ip, zone);
    else
        snprintf(zoned, sizeof zoned, "%s", ip);
    if (name)
        snprintf(buf, n, "%s [%s]", name, zoned);
    else
        snprintf(buf, n, "%s", zoned);
    return buf;
}

char *format_hop_text(const struct network *net, int host, struct reverse_log *log,
                      struct addr a, int resolve, char *buf, size_t n)
{
    return format_addr_text(buf, n, resolve ? resolve_reverse_run(net, host, a, log) : NULL, a,
                            0);
}

const char *format_target_text(const struct network *net, int host, struct reverse_log *log,
                               const struct resolved *t, int resolve, char *buf, size_t n)
{
    const char *name = t->canonical ? t->canonical
                       : resolve    ? resolve_reverse_run(net, host, t->addr, log)
                                    : NULL;
    format_addr_text(buf, n, name, t->addr, t->zone);
    return name;
}

char *format_target_addr(const struct resolved *t, char *buf, size_t n)
{
    return format_addr_text(buf, n, NULL, t->addr, t->zone);
}
