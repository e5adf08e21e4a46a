/* compiled_read.c - a compiled profile back into the network model (see
 * compiled.h), in the order compiled_write.c wrote it.  Every count is
 * checked against the bytes left before anything is allocated for it, and
 * every index and enumeration against its range as it is read; what spans
 * objects (an interface's device, a session's ends) is checked once all
 * are read (compiled_check.c).  A file with a good checksum may still be
 * crafted: nothing the engine follows is trusted. */
#define _GNU_SOURCE /* MAP_POPULATE */
#include "profile/compiled.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/util.h"
#include "profile/compiled_check.h"

/* ---- failing ----------------------------------------------------------------- */

static _Noreturn void damaged(const struct bytes_in *in, const char *reason)
{
    die(EXIT_SETUP, "%s: damaged compiled profile (%s at byte %zu)", (const char *)in->context,
        reason, bytes_offset(in));
}

/* A distribution already read, by its bytes (see get_dist). */
struct seen_dist {
    const uint8_t *at; /* NULL: an empty slot */
    size_t len;
    uint64_t hash;
    struct dist *d;
};

/* The bytes, the pool the strings and small arrays go to, and the
 * stateless distributions read so far: a reader of values finds them from
 * the bytes_in it is given (its first member). */
struct source {
    struct bytes_in in;
    struct pool *pool;
    struct seen_dist *seen; /* open addressing, at most half full */
    size_t nseen, cap_seen;
};

/* The source a reader's bytes_in is the first member of. */
static struct source *source_of(struct bytes_in *in)
{
    return (struct source *)(void *)in;
}

/* N bytes of the pool (NULL for none): the arrays are filled whole as
 * they are read, and network_free frees the pool at once. */
static void *take(struct bytes_in *in, size_t n)
{
    return n ? pool_alloc(source_of(in)->pool, n) : NULL;
}

/* A string where it is, in the file's bytes (NULL if NULL was written):
 * written with its NUL, it is used in place, not copied (the model's
 * strings are never written to). */
static char *get_str(struct bytes_in *in)
{
    size_t len;
    return (char *)bytes_get_text(in, &len);
}

/* What every object's reader needs: the bytes, and the counts of the
 * network (read first) that its indexes are checked against. */
struct reader {
    struct bytes_in *in;
    struct network *net;
};

/* ---- values ------------------------------------------------------------------ */

#define ADDR_BYTES (1 + 16)
#define PREFIX_BYTES (ADDR_BYTES + 4)

/* The bytes an address of family F has (addr.h: equal addresses are
 * equal bytes, so those after them are zero); 0 for FAMILY_NONE, -1 for a
 * family out of range. */
static int used_bytes(unsigned f)
{
    return f == FAMILY_V4 ? 4 : f == FAMILY_V6 ? 16 : f == FAMILY_NONE ? 0 : -1;
}

/* Are the bytes of the 16 at B from FROM (0..16) on all zero?  Two
 * loads and a shift, not a loop a byte: byte I is bits 8I.. of its word. */
static int zero_from(const uint8_t *b, size_t from)
{
    uint64_t lo = bytes_load_u64(b), hi = bytes_load_u64(b + 8);
    if (from >= 16)
        return 1;
    if (from >= 8)
        return (hi >> (8 * (from - 8))) == 0;
    return (lo >> (8 * from)) == 0 && hi == 0;
}

static void get_addr_to(struct bytes_in *in, struct addr *a)
{
    const uint8_t *p = bytes_get(in, ADDR_BYTES);
    int used = used_bytes(p[0]);
    if (used < 0) {
        in->p -= ADDR_BYTES;
        damaged(in, "an address family out of range");
    }
    if (!zero_from(p + 1, (size_t)used))
        damaged(in, "an address with bytes beyond its family's");
    a->family = p[0];
    memcpy(a->b, p + 1, sizeof a->b);
}

static struct addr get_addr(struct bytes_in *in)
{
    struct addr a;
    get_addr_to(in, &a);
    return a;
}

/* A prefix: its length in range, no host bit set (checked on the bytes,
 * not by building the prefix again: prefix_of was a twentieth of a load). */
static void get_prefix_to(struct bytes_in *in, struct prefix *p)
{
    get_addr_to(in, &p->addr);
    p->len = bytes_get_i32(in);
    if (p->len < 0 || p->len > 8 * used_bytes(p->addr.family))
        damaged(in, "a prefix length out of range");
    size_t whole = (size_t)p->len / 8;
    unsigned part = (unsigned)p->len % 8;
    if ((part && (p->addr.b[whole] & (0xffu >> part))) || !zero_from(p->addr.b, whole + !!part))
        damaged(in, "a prefix with host bits set");
}

static struct prefix get_prefix(struct bytes_in *in)
{
    struct prefix p;
    get_prefix_to(in, &p);
    return p;
}

static struct prefix *get_prefixes(struct bytes_in *in, size_t *n)
{
    *n = bytes_get_count(in, PREFIX_BYTES);
    struct prefix *v = take(in, *n * sizeof *v);
    for (size_t i = 0; i < *n; i++)
        get_prefix_to(in, &v[i]);
    return v;
}

/* A list of indexes into an array of LIMIT objects. */
static int *get_indexes(struct bytes_in *in, size_t limit, const char *what, size_t *n)
{
    *n = bytes_get_count(in, 4);
    int *v = take(in, *n * sizeof *v);
    for (size_t i = 0; i < *n; i++)
        v[i] = bytes_get_index(in, limit, 0, what);
    return v;
}

static char *get_name(struct bytes_in *in)
{
    char *s = get_str(in);
    if (!s)
        damaged(in, "a missing name");
    return s;
}

static int get_flag(struct bytes_in *in)
{
    return (int)bytes_get_enum(in, 2, "a flag");
}

/* A number in [LO, HI] (NaN is not). */
static double get_real(struct bytes_in *in, double lo, double hi, const char *what)
{
    double v = bytes_get_f64(in);
    if (!(v >= lo && v <= hi)) {
        char reason[96];
        snprintf(reason, sizeof reason, "%s out of range", what);
        damaged(in, reason);
    }
    return v;
}

static uint32_t get_u32_range(struct bytes_in *in, uint32_t lo, uint32_t hi, const char *what)
{
    uint32_t v = bytes_get_u32(in);
    if (v < lo || v > hi) {
        char reason[96];
        snprintf(reason, sizeof reason, "%s %u out of range", what, (unsigned)v);
        damaged(in, reason);
    }
    return v;
}

static void *take_for_dist(void *pool, size_t n)
{
    return pool_alloc(pool, n);
}

/* A hash of a distribution's LEN bytes at AT: its first four words and
 * its length (bytes_checksum's whole pass and avalanche cost five times
 * as much, and a collision only costs a comparison).  A leaf is 33
 * bytes: kind, index, its two numbers. */
static uint64_t span_hash(const uint8_t *at, size_t len)
{
    uint64_t h = len * 0x9e3779b97f4a7c15u;
    for (size_t i = 0; i + 8 <= len && i < 32; i += 8)
        h = (h ^ bytes_load_u64(at + i)) * 0xff51afd7ed558ccdu;
    return h ^ (h >> 32);
}

/* The slot of the LEN bytes at AT (of hash H) in SRC's table: its own, or
 * the empty one where it goes. */
static struct seen_dist *seen_slot(const struct source *src, const uint8_t *at, size_t len,
                                   uint64_t h)
{
    size_t mask = src->cap_seen - 1, i = (size_t)h & mask;
    for (;; i = (i + 1) & mask) {
        const struct seen_dist *s = &src->seen[i];
        if (!s->at || (s->hash == h && s->len == len && memcmp(s->at, at, len) == 0))
            return &src->seen[i];
    }
}

static void seen_grow(struct source *src)
{
    struct seen_dist *old = src->seen;
    size_t old_cap = src->cap_seen;
    src->cap_seen = old_cap ? 2 * old_cap : 64;
    src->seen = ecalloc(src->cap_seen, sizeof *src->seen);
    for (size_t i = 0; i < old_cap; i++)
        if (old[i].at)
            *seen_slot(src, old[i].at, old[i].len, old[i].hash) = old[i];
    free(old);
}

/* A distribution, in the pool.  One whose draws keep no state is read
 * once for all the elements that have its very bytes, and shared: most
 * of a network's devices and links have one of a few (a generated
 * 1,000-device network: three for 2,000 elements), and a tree each was
 * a seventh of a compiled load's instructions and fifty of its page
 * faults.  A replay or run keeps its position or cache in its nodes: one
 * of those is read for each element that has it. */
static struct dist *get_shared_dist(struct source *src)
{
    struct bytes_in *in = &src->in;
    const uint8_t *at = in->p;
    int state = dist_skip(in);
    size_t len = (size_t)(in->p - at);
    uint64_t h = span_hash(at, len);
    struct seen_dist *slot = NULL;
    if (!state) {
        if (2 * (src->nseen + 1) > src->cap_seen)
            seen_grow(src);
        slot = seen_slot(src, at, len, h);
        if (slot->at)
            return slot->d;
    }
    in->p = at; /* read again, as the skip checked it */
    struct dist_alloc m = {take_for_dist, src->pool};
    struct dist *d = dist_read(in, &m);
    if (slot) {
        *slot = (struct seen_dist){at, len, h, d};
        src->nseen++;
    }
    return d;
}

static struct dist *get_dist(struct bytes_in *in, int required)
{
    if (!get_flag(in)) {
        if (required)
            damaged(in, "a missing distribution");
        return NULL;
    }
    return get_shared_dist(source_of(in));
}

/* ---- objects ----------------------------------------------------------------- */

static void get_device_routing(struct reader *r, struct device *d)
{
    struct bytes_in *in = r->in;
    d->nstatics = bytes_get_count(in, PREFIX_BYTES + ADDR_BYTES);
    d->statics = take(in, d->nstatics * sizeof *d->statics);
    for (size_t i = 0; i < d->nstatics; i++) {
        d->statics[i].dest = get_prefix(in);
        d->statics[i].via = get_addr(in);
    }
    d->decrement_all = get_flag(in);
    d->decrement_links = get_indexes(in, r->net->nlinks, "decrement link",
                                     &d->ndecrement_links);
    d->asn = bytes_get_u32(in);
    d->networks = get_prefixes(in, &d->nnetworks);
    d->reply_from = (enum reply_from_mode)bytes_get_enum(in, REPLY_FROM_ADDRESS + 1,
                                                         "reply_from mode");
    d->reply_from_iface = bytes_get_index(in, r->net->nifaces, 1, "reply_from interface");
    struct device_extra x;
    x.reply_from_addr[0] = get_addr(in);
    x.reply_from_addr[1] = get_addr(in);
    x.nat_inside = get_prefixes(in, &x.nnat_inside);
    d->nat_outside = bytes_get_index(in, r->net->nifaces, 1, "nat_outside interface");
    x.nat_forward[0] = get_addr(in);
    x.nat_forward[1] = get_addr(in);
    /* made (in the pool) only for a device that has one of them */
    if (x.reply_from_addr[0].family || x.reply_from_addr[1].family || x.nnat_inside ||
        x.nat_forward[0].family || x.nat_forward[1].family)
        *device_extra_made(d, source_of(in)->pool) = x;
}

/* The names: an array in the pool, each name in place. */
static void get_device_names(struct bytes_in *in, struct device *d)
{
    d->nnames = bytes_get_count(in, 4);
    d->names = take(in, d->nnames * sizeof *d->names);
    for (size_t i = 0; i < d->nnames; i++)
        d->names[i] = get_name(in);
}

static void get_device(struct reader *r, struct device *d)
{
    struct bytes_in *in = r->in;
    d->id = get_name(in);
    d->kind = (enum device_kind)bytes_get_enum(in, KIND_ROUTER + 1, "device kind");
    get_device_names(in, d);
    d->site = bytes_get_index(in, r->net->nsites, 1, "site");
    d->ifaces = get_indexes(in, r->net->nifaces, "interface", &d->nifaces);
    d->answers = get_flag(in);
    d->reply_loss = get_real(in, 0, 1, "reply_loss");
    d->reply_limit = bytes_get_u32(in);
    d->reply_limit_ms = bytes_get_u32(in);
    d->reply_delay = get_dist(in, 1);
    d->flow_setup = get_dist(in, 0);
    d->flow_one_way = get_flag(in);
    d->initial_ttl = (int)get_u32_range(in, 1, 255, "initial_ttl");
    d->no_route = (enum no_route_action)bytes_get_enum(in, NOROUTE_NET_UNREACH + 1, "no_route");
    d->neighbor_miss = (enum neighbor_miss_action)bytes_get_enum(in, MISS_DROP + 1,
                                                                 "neighbor_miss");
    d->neighbor_resolve = get_dist(in, 0);
    d->neighbor_timeout_ms = get_real(in, 0, 3600000, "neighbor_timeout");
    d->nneighbor_cached = bytes_get_count(in, ADDR_BYTES);
    d->neighbor_cached = take(in, d->nneighbor_cached * sizeof *d->neighbor_cached);
    for (size_t i = 0; i < d->nneighbor_cached; i++)
        d->neighbor_cached[i] = get_addr(in);
    get_device_routing(r, d);
    d->record_on_arrival = get_flag(in);
    d->clock_offset_ms = get_real(in, -86400000.0, 86400000.0, "clock_offset");
    d->reverse_first_fails = get_flag(in);
}

static void get_iface(struct reader *r, struct iface *ifc)
{
    struct bytes_in *in = r->in;
    ifc->name = get_name(in);
    ifc->device = bytes_get_index(in, r->net->ndevices, 0, "device");
    size_t n = bytes_get_count(in, ADDR_BYTES + PREFIX_BYTES + 4);
    ifc->addrs = take(in, n * sizeof *ifc->addrs);
    for (; ifc->naddrs < n; ifc->naddrs++) {
        struct iface_addr *a = &ifc->addrs[ifc->naddrs];
        a->addr = get_addr(in);
        a->net = get_prefix(in);
        a->ptr = get_str(in);
        if (a->addr.family == FAMILY_NONE || a->net.addr.family != a->addr.family)
            damaged(in, "an interface address without a family");
    }
    uint64_t index = bytes_get_u64(in);
    if (index > 4294967295u)
        damaged(in, "an interface index out of range");
    ifc->index = (uint32_t)index;
}

/* A segment's reverse names: a flag, then one (or NULL) per router. */
static void get_router_names(struct bytes_in *in, struct link *l, int f)
{
    if (!get_flag(in))
        return;
    if (l->routers > bytes_left(in) / 4)
        damaged(in, "a count larger than the bytes left");
    struct pool *pool = source_of(in)->pool;
    char ***ptr = &link_segment_made(l, pool)->router_ptr[f];
    *ptr = take(in, (l->routers ? l->routers : 1) * sizeof **ptr);
    for (unsigned i = 0; i < l->routers; i++)
        (*ptr)[i] = get_str(in);
}

/* The segment, made (in the pool) only for a link that has an address
 * pool or names. */
static void get_segment(struct bytes_in *in, struct link *l)
{
    for (int f = 0; f < 2; f++) {
        struct prefix pool = get_prefix(in);
        if (pool.addr.family != FAMILY_NONE)
            link_segment_made(l, source_of(in)->pool)->router_pool[f] = pool;
        get_router_names(in, l, f);
    }
}

static void get_link(struct reader *r, struct link *l)
{
    struct bytes_in *in = r->in;
    l->id = get_name(in);
    l->end[0] = bytes_get_index(in, r->net->nifaces, 0, "link end");
    l->end[1] = bytes_get_index(in, r->net->nifaces, 0, "link end");
    l->latency = get_dist(in, 1);
    l->loss = get_real(in, 0, 1, "loss");
    l->up = get_flag(in);
    l->mtu = get_u32_range(in, 68, 65535, "mtu");
    l->routers = get_u32_range(in, 0, LINK_MAX_ROUTERS, "routers");
    l->routers_ttl = (enum routers_ttl)bytes_get_enum(in, ROUTERS_TTL_NONE + 1, "routers_ttl");
    get_segment(in, l);
}

static void get_session_end(struct reader *r, struct session_end *e)
{
    struct bytes_in *in = r->in;
    e->device = bytes_get_index(in, r->net->ndevices, 0, "session device");
    e->has_local_pref = get_flag(in);
    e->local_pref = bytes_get_u32(in);
    e->prepend = get_u32_range(in, 0, 16, "prepend");
    e->export_local = get_flag(in);
    e->export_connected = get_flag(in);
    e->export_learned_all = get_flag(in);
    e->export_sessions = get_indexes(in, r->net->nsessions, "export session",
                                     &e->nexport_sessions);
    e->export_filter = get_prefixes(in, &e->nexport_filter);
    e->import_filter = get_prefixes(in, &e->nimport_filter);
}

static void get_session(struct reader *r, struct session *s)
{
    s->id = get_name(r->in);
    s->link = bytes_get_index(r->in, r->net->nlinks, 0, "session link");
    get_session_end(r, &s->end[0]);
    get_session_end(r, &s->end[1]);
}

static void get_scenario(struct reader *r, struct scenario *s)
{
    s->id = get_name(r->in);
    s->description = get_str(r->in);
    s->links_down = get_indexes(r->in, r->net->nlinks, "scenario link", &s->nlinks_down);
}

static void get_site(struct reader *r, struct site *s)
{
    s->id = get_name(r->in);
    s->name = get_str(r->in);
    s->prefixes = get_prefixes(r->in, &s->nprefixes);
}

/* ---- the body ---------------------------------------------------------------- */

/* The smallest encoding of each object: a bound on its count. */
#define DEVICE_MIN_BYTES 100
#define IFACE_MIN_BYTES 20
#define LINK_MIN_BYTES 60
#define SESSION_MIN_BYTES 60
#define OTHER_MIN_BYTES 12

/* Every array at its full size, zeroed, before any object is read: an
 * object read halfway is still freed whole by network_free. */
static void get_counts(struct reader *r)
{
    struct bytes_in *in = r->in;
    struct network *net = r->net;
    net->ndevices = bytes_get_count(in, DEVICE_MIN_BYTES);
    net->nifaces = bytes_get_count(in, IFACE_MIN_BYTES);
    net->nlinks = bytes_get_count(in, LINK_MIN_BYTES);
    net->nsessions = bytes_get_count(in, SESSION_MIN_BYTES);
    net->nscenarios = bytes_get_count(in, OTHER_MIN_BYTES);
    net->nsites = bytes_get_count(in, OTHER_MIN_BYTES);
    net->devices = ecalloc(net->ndevices, sizeof *net->devices);
    net->ifaces = ecalloc(net->nifaces, sizeof *net->ifaces);
    net->links = ecalloc(net->nlinks, sizeof *net->links);
    net->sessions = ecalloc(net->nsessions, sizeof *net->sessions);
    net->scenarios = ecalloc(net->nscenarios, sizeof *net->scenarios);
    net->sites = ecalloc(net->nsites, sizeof *net->sites);
}

static void get_body(struct reader *r)
{
    struct bytes_in *in = r->in;
    struct network *net = r->net;
    net->name = bytes_get_str(in); /* network_free frees it, whatever the profile */
    net->ecmp_seed = bytes_get_u64(in);
    net->time_of_day_set = get_flag(in);
    net->time_of_day_ms = get_real(in, 0, 86399999, "time_of_day");
    int default_host = bytes_get_i32(in);
    get_counts(r);
    for (size_t i = 0; i < net->ndevices; i++)
        get_device(r, &net->devices[i]);
    for (size_t i = 0; i < net->nifaces; i++)
        get_iface(r, &net->ifaces[i]);
    for (size_t i = 0; i < net->nlinks; i++)
        get_link(r, &net->links[i]);
    for (size_t i = 0; i < net->nsessions; i++)
        get_session(r, &net->sessions[i]);
    for (size_t i = 0; i < net->nscenarios; i++)
        get_scenario(r, &net->scenarios[i]);
    for (size_t i = 0; i < net->nsites; i++)
        get_site(r, &net->sites[i]);
    if (default_host < 0 || (size_t)default_host >= net->ndevices)
        damaged(in, "default host out of range");
    net->default_host = default_host;
}

/* ---- the header -------------------------------------------------------------- */

static _Noreturn void another_build(const char *path, uint32_t format, const char *build,
                                    const char *version)
{
    die(EXIT_SETUP, "%s: compiled by another netmimic (format %u, build %s, version %s; this "
        "one: format %d, build %s, version %s); compile it again", path, (unsigned)format,
        build ? build : "?", version ? version : "?", COMPILED_FORMAT, compiled_build_id,
        compiled_version);
}

/* A header string (compiled_write.c's put_header_str): its length plus
 * one, its bytes without a NUL; a new string. */
static char *get_header_str(struct bytes_in *in)
{
    uint32_t n = bytes_get_u32(in);
    if (n == 0)
        return NULL;
    const uint8_t *p = bytes_get(in, n - 1);
    return estrndup((const char *)p, n - 1);
}

/* Reads the header into NET (the text it was compiled from); leaves IN
 * over the body alone, checked against the checksum after it unless
 * CHECK_SUM is 0. */
static void get_header(struct bytes_in *in, const char *path, int check_sum,
                       struct network *net)
{
    if (bytes_left(in) < COMPILED_MAGIC_LEN ||
        memcmp(bytes_get(in, COMPILED_MAGIC_LEN), COMPILED_MAGIC, COMPILED_MAGIC_LEN) != 0)
        damaged(in, "truncated in its magic bytes");
    uint32_t format = bytes_get_u32(in);
    char *build = get_header_str(in), *version = get_header_str(in);
    if (format != COMPILED_FORMAT || !build || strcmp(build, compiled_build_id) != 0 ||
        !version || strcmp(version, compiled_version) != 0)
        another_build(path, format, build, version);
    free(build);
    free(version);
    net->source_known = get_flag(in);
    net->source_size = bytes_get_u64(in);
    net->source_sum = bytes_get_u64(in);
    uint64_t length = bytes_get_u64(in);
    if (bytes_left(in) < 8 || length > bytes_left(in) - 8)
        damaged(in, "truncated: shorter than its body's length");
    if (length < bytes_left(in) - 8)
        damaged(in, "bytes after the checksum");
    in->end = in->p + length;
    uint64_t sum = bytes_load_u64(in->end);
    if (check_sum && sum != bytes_checksum(in->p, (size_t)length))
        damaged(in, "checksum mismatch");
}

void compiled_load_bytes(const char *path, const uint8_t *data, size_t size, int check_sum,
                         struct network *net)
{
    memset(net, 0, sizeof *net);
    net->path = estrdup(path);
    net->pool = ecalloc(1, sizeof *net->pool);
    pool_reserve(net->pool, size);
    struct source src = {.in = {.start = data, .p = data, .end = data + size, .fail = damaged,
                                .context = net->path},
                         .pool = net->pool};
    struct bytes_in *in = &src.in;
    get_header(in, path, check_sum, net);
    struct reader r = {in, net};
    get_body(&r);
    free(src.seen);
    if (bytes_left(in))
        damaged(in, "bytes after the last object");
    compiled_check(in, net);
    compiled_rebuild(in, net);
}

/* A header string of the SIZE bytes at DATA from *AT on, equal to S: the
 * same layout get_header_str reads, read here without failing. */
static int header_str_is(const uint8_t *data, size_t size, size_t *at, const char *s)
{
    size_t n = strlen(s);
    if (size - *at < 4 || bytes_load_u32(data + *at) != n + 1 || size - *at - 4 < n ||
        memcmp(data + *at + 4, s, n) != 0)
        return 0;
    *at += 4 + n;
    return 1;
}

int compiled_is_twin(const uint8_t *data, size_t size, uint64_t text_size, uint64_t text_sum)
{
    size_t at = COMPILED_MAGIC_LEN + 4;
    if (size < at || memcmp(data, COMPILED_MAGIC, COMPILED_MAGIC_LEN) != 0 ||
        bytes_load_u32(data + COMPILED_MAGIC_LEN) != COMPILED_FORMAT ||
        !header_str_is(data, size, &at, compiled_build_id) ||
        !header_str_is(data, size, &at, compiled_version) || size - at < 1 + 8 + 8 + 8 + 8)
        return 0;
    if (data[at] != 1 || bytes_load_u64(data + at + 1) != text_size ||
        bytes_load_u64(data + at + 9) != text_sum)
        return 0;
    at += 17;
    uint64_t length = bytes_load_u64(data + at);
    at += 8;
    /* the checksum read here, not by the load: a damaged twin is no twin */
    return length == size - at - 8 &&
           bytes_load_u64(data + size - 8) == bytes_checksum(data + at, (size_t)length);
}

/* ---- the file ---------------------------------------------------------------- */

enum profile_form compiled_sniff(const char *path)
{
    struct stat st;
    if (stat(path, &st) != 0 || !S_ISREG(st.st_mode))
        return PROFILE_TEXT;
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0)
        return PROFILE_TEXT; /* the text loader names the error */
    uint8_t head[512];
    ssize_t n = read(fd, head, sizeof head);
    close(fd);
    if (n <= 0)
        return PROFILE_TEXT;
    /* a compiled file cut inside its magic is a damaged one, not text */
    size_t cmp = (size_t)n < COMPILED_MAGIC_LEN ? (size_t)n : COMPILED_MAGIC_LEN;
    if (memcmp(head, COMPILED_MAGIC, cmp) == 0)
        return PROFILE_COMPILED;
    return memchr(head, '\0', (size_t)n) ? PROFILE_NEITHER : PROFILE_TEXT;
}

/* The file's bytes are read into memory of the process's own: its strings
 * are used in place for the whole run, and a mapped file took them with
 * it when it was cut or rewritten in place under a running tool (cp over
 * it while ping -t runs: SIGBUS, or other strings).  An anonymous mapping,
 * large ones asked for huge pages as emalloc's blocks are (base/util.c),
 * its page tables filled at once (MADV_POPULATE_WRITE; a kernel without
 * it takes the pages one fault at a time as read fills them): what
 * MAP_POPULATE did for the file's mapping.  Made read-only once filled:
 * the model's strings are never written to.  *GOT: what could be read (a
 * file cut meanwhile is read as far as it goes: the reader finds it short). */
void *compiled_read_whole(int fd, size_t size, size_t *got)
{
    uint8_t *data = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (data == MAP_FAILED)
        return NULL;
    if (size >= ((size_t)4 << 20))
        (void)madvise(data, size, MADV_HUGEPAGE);
    (void)madvise(data, size, MADV_POPULATE_WRITE);
    *got = 0;
    while (*got < size) {
        ssize_t n = read(fd, data + *got, size - *got);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            int err = errno;
            munmap(data, size);
            errno = err;
            return NULL;
        }
        if (n == 0)
            break;
        *got += (size_t)n;
    }
    (void)mprotect(data, size, PROT_READ);
    return data;
}

void compiled_load(const char *path, struct network *net)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    struct stat st;
    if (fd < 0 || fstat(fd, &st) != 0)
        die(EXIT_SETUP, "%s: cannot read profile: %s", path, strerror(errno));
    size_t mapped = (size_t)st.st_size, size = 0;
    void *data = mapped ? compiled_read_whole(fd, mapped, &size) : NULL;
    if (mapped && !data)
        die(EXIT_SETUP, "%s: cannot read profile: %s", path, strerror(errno));
    close(fd);
    /* a failure dies: the mapping goes with the process */
    compiled_load_bytes(path, data, size, 1, net);
    /* its strings are used in place: kept as long as the network */
    net->map = data;
    net->map_size = mapped;
}

void compiled_load_mapped(const char *path, void *data, size_t size, size_t mapped,
                          struct network *net)
{
    /* compiled_is_twin checked the checksum: not summed twice */
    compiled_load_bytes(path, data, size, 0, net);
    net->map = data;
    net->map_size = mapped;
}
