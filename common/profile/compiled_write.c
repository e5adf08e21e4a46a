/* compiled_write.c - the network model into a compiled profile (see
 * compiled.h); compiled_read.c reads the fields in the same order. */
#define _POSIX_C_SOURCE 200809L
#include "profile/compiled.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/util.h"

#ifndef NETMIMIC_BUILD_ID
#define NETMIMIC_BUILD_ID "unknown"
#endif
#ifndef NETMIMIC_VERSION
#define NETMIMIC_VERSION "unknown"
#endif

const char compiled_build_id[] = NETMIMIC_BUILD_ID;
const char compiled_version[] = NETMIMIC_VERSION;

/* ---- values ---------------------------------------------------------------- */

static void put_addr(struct bytes_out *o, struct addr a)
{
    bytes_put_u8(o, a.family);
    bytes_put(o, a.b, sizeof a.b);
}

static void put_prefix(struct bytes_out *o, struct prefix p)
{
    put_addr(o, p.addr);
    bytes_put_i32(o, p.len);
}

static void put_prefixes(struct bytes_out *o, const struct prefix *p, size_t n)
{
    bytes_put_u32(o, (uint32_t)n);
    for (size_t i = 0; i < n; i++)
        put_prefix(o, p[i]);
}

static void put_indexes(struct bytes_out *o, const int *v, size_t n)
{
    bytes_put_u32(o, (uint32_t)n);
    for (size_t i = 0; i < n; i++)
        bytes_put_i32(o, v[i]);
}

/* A distribution that may be absent: a flag, then the tree. */
static void put_dist(struct bytes_out *o, const struct dist *d)
{
    bytes_put_u8(o, d != NULL);
    if (d)
        dist_write(o, d);
}

/* ---- objects --------------------------------------------------------------- */

static void put_device_routing(struct bytes_out *o, const struct device *d)
{
    bytes_put_u32(o, (uint32_t)d->nstatics);
    for (size_t i = 0; i < d->nstatics; i++) {
        put_prefix(o, d->statics[i].dest);
        put_addr(o, d->statics[i].via);
    }
    bytes_put_u8(o, (unsigned)d->decrement_all);
    put_indexes(o, d->decrement_links, d->ndecrement_links);
    bytes_put_u32(o, d->asn);
    put_prefixes(o, d->networks, d->nnetworks);
    bytes_put_u8(o, d->reply_from);
    bytes_put_i32(o, d->reply_from_iface);
    const struct device_extra *x = device_extra(d);
    put_addr(o, x->reply_from_addr[0]);
    put_addr(o, x->reply_from_addr[1]);
    put_prefixes(o, x->nat_inside, x->nnat_inside);
    bytes_put_i32(o, d->nat_outside);
    put_addr(o, x->nat_forward[0]);
    put_addr(o, x->nat_forward[1]);
}

static void put_device(struct bytes_out *o, const struct device *d)
{
    bytes_put_str(o, d->id);
    bytes_put_u8(o, d->kind);
    bytes_put_u32(o, (uint32_t)d->nnames);
    for (size_t i = 0; i < d->nnames; i++)
        bytes_put_str(o, d->names[i]);
    bytes_put_i32(o, d->site);
    put_indexes(o, d->ifaces, d->nifaces);
    bytes_put_u8(o, (unsigned)d->answers);
    bytes_put_f64(o, d->reply_loss);
    bytes_put_u32(o, d->reply_limit);
    bytes_put_u32(o, d->reply_limit_ms);
    put_dist(o, d->reply_delay);
    put_dist(o, d->flow_setup);
    bytes_put_u8(o, (unsigned)d->flow_one_way);
    bytes_put_i32(o, d->initial_ttl);
    bytes_put_u8(o, d->no_route);
    bytes_put_u8(o, d->neighbor_miss);
    put_dist(o, d->neighbor_resolve);
    bytes_put_f64(o, d->neighbor_timeout_ms);
    bytes_put_u32(o, (uint32_t)d->nneighbor_cached);
    for (size_t i = 0; i < d->nneighbor_cached; i++)
        put_addr(o, d->neighbor_cached[i]);
    put_device_routing(o, d);
    bytes_put_u8(o, (unsigned)d->record_on_arrival);
    bytes_put_f64(o, d->clock_offset_ms);
    bytes_put_u8(o, (unsigned)d->reverse_first_fails);
}

/* An interface's links are not written: they are rebuilt from the links'
 * ends (network_attach_links). */
static void put_iface(struct bytes_out *o, const struct iface *ifc)
{
    bytes_put_str(o, ifc->name);
    bytes_put_i32(o, ifc->device);
    bytes_put_u32(o, (uint32_t)ifc->naddrs);
    for (size_t i = 0; i < ifc->naddrs; i++) {
        put_addr(o, ifc->addrs[i].addr);
        put_prefix(o, ifc->addrs[i].net);
        bytes_put_str(o, ifc->addrs[i].ptr);
    }
    bytes_put_u64(o, ifc->index);
}

static void put_link(struct bytes_out *o, const struct link *l)
{
    bytes_put_str(o, l->id);
    bytes_put_i32(o, l->end[0]);
    bytes_put_i32(o, l->end[1]);
    put_dist(o, l->latency);
    bytes_put_f64(o, l->loss);
    bytes_put_u8(o, (unsigned)l->up);
    bytes_put_u32(o, l->mtu);
    bytes_put_u32(o, l->routers);
    bytes_put_u8(o, l->routers_ttl);
    const struct segment *s = link_segment(l);
    for (int f = 0; f < 2; f++) {
        put_prefix(o, s->router_pool[f]);
        bytes_put_u8(o, s->router_ptr[f] != NULL);
        for (unsigned r = 0; s->router_ptr[f] && r < l->routers; r++)
            bytes_put_str(o, s->router_ptr[f][r]);
    }
}

static void put_session_end(struct bytes_out *o, const struct session_end *e)
{
    bytes_put_i32(o, e->device);
    bytes_put_u8(o, (unsigned)e->has_local_pref);
    bytes_put_u32(o, e->local_pref);
    bytes_put_u32(o, e->prepend);
    bytes_put_u8(o, (unsigned)e->export_local);
    bytes_put_u8(o, (unsigned)e->export_connected);
    bytes_put_u8(o, (unsigned)e->export_learned_all);
    put_indexes(o, e->export_sessions, e->nexport_sessions);
    put_prefixes(o, e->export_filter, e->nexport_filter);
    put_prefixes(o, e->import_filter, e->nimport_filter);
}

static void put_session(struct bytes_out *o, const struct session *s)
{
    bytes_put_str(o, s->id);
    bytes_put_i32(o, s->link);
    put_session_end(o, &s->end[0]);
    put_session_end(o, &s->end[1]);
}

static void put_scenario(struct bytes_out *o, const struct scenario *s)
{
    bytes_put_str(o, s->id);
    bytes_put_str(o, s->description);
    put_indexes(o, s->links_down, s->nlinks_down);
}

static void put_site(struct bytes_out *o, const struct site *s)
{
    bytes_put_str(o, s->id);
    bytes_put_str(o, s->name);
    put_prefixes(o, s->prefixes, s->nprefixes);
}

/* Every count first, so that the reader knows the range of every index
 * it meets. */
static void put_body(struct bytes_out *o, const struct network *net)
{
    bytes_put_str(o, net->name);
    bytes_put_u64(o, net->ecmp_seed);
    bytes_put_u8(o, (unsigned)net->time_of_day_set);
    bytes_put_f64(o, net->time_of_day_ms);
    bytes_put_i32(o, net->default_host);
    size_t counts[] = {net->ndevices, net->nifaces, net->nlinks, net->nsessions,
                       net->nscenarios, net->nsites};
    for (size_t i = 0; i < sizeof counts / sizeof *counts; i++)
        bytes_put_u32(o, (uint32_t)counts[i]);
    for (size_t i = 0; i < net->ndevices; i++)
        put_device(o, &net->devices[i]);
    for (size_t i = 0; i < net->nifaces; i++)
        put_iface(o, &net->ifaces[i]);
    for (size_t i = 0; i < net->nlinks; i++)
        put_link(o, &net->links[i]);
    for (size_t i = 0; i < net->nsessions; i++)
        put_session(o, &net->sessions[i]);
    for (size_t i = 0; i < net->nscenarios; i++)
        put_scenario(o, &net->scenarios[i]);
    for (size_t i = 0; i < net->nsites; i++)
        put_site(o, &net->sites[i]);
}

/* The header's strings as format 1 wrote every string (its length plus
 * one, its bytes, no NUL): the header is the same in every format, so
 * that a file of another format is named as one, not found damaged. */
static void put_header_str(struct bytes_out *o, const char *s)
{
    size_t n = strlen(s);
    bytes_put_u32(o, (uint32_t)n + 1);
    bytes_put(o, s, n);
}

void compiled_encode(const struct network *net, struct bytes_out *o)
{
    bytes_put(o, COMPILED_MAGIC, COMPILED_MAGIC_LEN);
    bytes_put_u32(o, COMPILED_FORMAT);
    put_header_str(o, compiled_build_id);
    put_header_str(o, compiled_version);
    bytes_put_u8(o, (unsigned)net->source_known);
    bytes_put_u64(o, net->source_size);
    bytes_put_u64(o, net->source_sum);
    size_t length_at = o->len;
    bytes_put_u64(o, 0); /* the body's length, once known */
    size_t body = o->len;
    put_body(o, net);
    bytes_patch_u64(o, length_at, o->len - body);
    bytes_put_u64(o, bytes_checksum(o->buf + body, o->len - body));
}

/* ---- the file ---------------------------------------------------------------- */

static char *temporary_beside(const char *output)
{
    size_t n = strlen(output);
    char *tmp = emalloc(n + sizeof ".tmp.XXXXXX");
    memcpy(tmp, output, n);
    memcpy(tmp + n, ".tmp.XXXXXX", sizeof ".tmp.XXXXXX");
    return tmp;
}

static int write_all(int fd, const uint8_t *p, size_t n)
{
    while (n) {
        ssize_t got = write(fd, p, n);
        if (got < 0 && errno == EINTR)
            continue;
        if (got <= 0)
            return -1;
        p += got;
        n -= (size_t)got;
    }
    return 0;
}

/* mkstemp makes the file 0600; a profile is as readable as any file the
 * user writes. */
static void usual_mode(int fd)
{
    mode_t mask = umask(0);
    umask(mask);
    fchmod(fd, 0666 & ~mask);
}

void compiled_write(const struct network *net, const char *output)
{
    /* the rename would put a file in place of a directory's entry, a
     * device or a FIFO: only a regular file is replaced */
    struct stat st;
    if (stat(output, &st) == 0 && S_ISDIR(st.st_mode))
        die(EXIT_SETUP, "%s: cannot write compiled profile: is a directory", output);
    if (stat(output, &st) == 0 && !S_ISREG(st.st_mode))
        die(EXIT_SETUP, "%s: cannot write compiled profile: not a regular file", output);
    struct bytes_out o = {0};
    compiled_encode(net, &o);
    char *tmp = temporary_beside(output);
    int fd = mkstemp(tmp);
    if (fd < 0) {
        int e = errno;
        free(tmp);
        bytes_free(&o);
        die(EXIT_SETUP, "%s: cannot write compiled profile: %s", output, strerror(e));
    }
    usual_mode(fd);
    int failed = write_all(fd, o.buf, o.len) != 0;
    int e = errno;
    if (close(fd) != 0 && !failed) {
        failed = 1;
        e = errno;
    }
    if (!failed && rename(tmp, output) != 0) {
        failed = 1;
        e = errno;
    }
    if (failed)
        unlink(tmp);
    free(tmp);
    bytes_free(&o);
    if (failed)
        die(EXIT_SETUP, "%s: cannot write compiled profile: %s", output, strerror(e));
}
