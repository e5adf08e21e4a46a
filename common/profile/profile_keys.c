/* profile_keys.c - the loader's first two passes: one object per section,
 * then every key of every section, each value parsed strictly.  References
 * to other objects are kept as text for profile_refs.c. */
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "profile/loader.h"
#include "base/util.h"

static const char *const section_words[] = {"network", "site", "device", "link", "session", "scenario"};

/* ---- messages ------------------------------------------------------------ */

void loader_fail(const struct loader *ld, const char *section, const char *key,
                 const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *msg = vformat(fmt, ap); /* a value may be as long as a line: not cut */
    va_end(ap);
    const char *file = loader_file(ld, section);
    if (key)
        die(EXIT_SETUP, "%s: [%s] %s: %s", file, section, key, msg);
    die(EXIT_SETUP, "%s: [%s]: %s", file, section, msg);
}

/* ---- value parsers ------------------------------------------------------- */

char **loader_split(struct loader *ld, const char *v, char sep, size_t *n)
{
    ld->held = grow(ld->held, ld->nheld, &ld->cap_held, sizeof *ld->held);
    struct held_list *h = &ld->held[ld->nheld++];
    *h = (struct held_list){NULL, 0};
    h->items = split_list(v, sep, &h->n);
    *n = h->n;
    return h->items;
}

void loader_release(struct loader *ld)
{
    for (size_t i = 0; i < ld->nheld; i++)
        free_list(ld->held[i].items, ld->held[i].n);
    ld->nheld = 0;
}

static double parse_probability(const struct loader *ld, const char *sec, const char *key,
                                const char *v)
{
    double p;
    if (parse_double(v, &p) || p < 0 || p > 1)
        loader_fail(ld, sec, key, "'%s' is not a probability from 0 to 1", v);
    return p;
}

static uint64_t parse_range(const struct loader *ld, const char *sec, const char *key,
                            const char *v, uint64_t lo, uint64_t hi)
{
    uint64_t n;
    if (parse_u64(v, lo, hi, &n))
        loader_fail(ld, sec, key, "'%s' is not a whole number from %llu to %llu", v,
             (unsigned long long)lo, (unsigned long long)hi);
    return n;
}

/* "HH:MM:SS" or "HH:MM:SS.FFF" (up to three decimals: milliseconds), a
 * time of day from 00:00:00 to 23:59:59.999; returns it in ms. */
static double parse_time_of_day(const struct loader *ld, const char *sec, const char *key,
                                const char *v)
{
    unsigned h, m, s, ms = 0;
    int end = 0, frac_start = 0, frac_end = 0;
    int ok = sscanf(v, "%2u:%2u:%2u%n.%n%3u%n", &h, &m, &s, &end, &frac_start, &ms,
                    &frac_end) >= 3 && end == 8 && isdigit((unsigned char)v[0]) &&
             isdigit((unsigned char)v[3]) && isdigit((unsigned char)v[6]);
    if (ok && v[end] == '.') {
        ok = frac_end > frac_start && isdigit((unsigned char)v[frac_start]);
        for (int k = frac_end - frac_start; ok && k < 3; k++)
            ms *= 10; /* ".5" is 500 ms */
        end = frac_end;
    }
    if (!ok || v[end] != '\0' || h > 23 || m > 59 || s > 59)
        loader_fail(ld, sec, key, "'%s' is not a time of day HH:MM:SS or HH:MM:SS.mmm "
                                  "(00:00:00 to 23:59:59.999)", v);
    return ((h * 60.0 + m) * 60.0 + s) * 1000.0 + ms;
}

/* "COUNT/MS": at most COUNT replies per MS milliseconds; blanks around
 * either number are allowed, nothing else. */
static void parse_rate(const struct loader *ld, const char *sec, const char *key,
                       const char *v, unsigned *count, unsigned *ms)
{
    const char *slash = strchr(v, '/');
    uint64_t c, m;
    if (slash && !parse_u64_span(v, (size_t)(slash - v), 1, 1000000, &c) &&
        !parse_u64_span(slash + 1, strlen(slash + 1), 1, 86400000, &m)) {
        *count = (unsigned)c;
        *ms = (unsigned)m;
        return;
    }
    loader_fail(ld, sec, key, "'%s' is not COUNT/MILLISECONDS, like 1/1000 (COUNT 1 to 1000000, "
                       "MILLISECONDS 1 to 86400000)", v);
}

static int parse_flag(const struct loader *ld, const char *sec, const char *key, const char *v)
{
    int b;
    if (parse_bool(v, &b))
        loader_fail(ld, sec, key, "'%s' is not yes or no", v);
    return b;
}

static struct dist *parse_dist_value(const struct loader *ld, const char *sec,
                                     const char *key, const char *v)
{
    char err[256];
    struct dist *d = dist_parse(v, err, sizeof err);
    if (!d)
        loader_fail(ld, sec, key, "%s", err);
    return d;
}

/* Into *OUT (set first, so that an error leaves it reachable). */
static void parse_one_prefix(const struct loader *ld, const char *sec, const char *key,
                             const char *text, struct prefix *out)
{
    if (prefix_parse(text, out, NULL, 0))
        loader_fail(ld, sec, key, "'%s' is not %s", text,
                    strchr(text, ':') ? "an IPv6 prefix like 2001:db8::/32"
                                      : "a prefix like 10.1.0.0/16");
}

static void parse_prefixes(struct loader *ld, const char *sec, const char *key, const char *v,
                           struct prefix **out, size_t *n)
{
    size_t count;
    char **items = loader_split(ld, v, ' ', &count);
    free(*out);
    *out = ecalloc(count, sizeof **out);
    *n = 0;
    for (size_t i = 0; i < count; i++)
        parse_one_prefix(ld, sec, key, items[i], &(*out)[i]);
    *n = count;
}

#define MAX_NAME 63

static int valid_name(const char *s)
{
    if (!*s || strlen(s) > MAX_NAME)
        return 0;
    for (; *s; s++)
        if (!isalnum((unsigned char)*s) && *s != '.' && *s != '-' && *s != '_')
            return 0;
    return 1;
}

/* ---- pass 1: one object per section -------------------------------------- */

static int section_type_of(const char *word)
{
    for (size_t i = 0; i < sizeof section_words / sizeof *section_words; i++)
        if (strcmp(word, section_words[i]) == 0)
            return (int)i;
    return -1;
}

/* Splits "device hub-vm" into its type and name; the name may be empty only
 * for [network]. */
static int split_section(const struct loader *ld, const char *sec, const char **name)
{
    const char *space = strchr(sec, ' ');
    size_t wlen = space ? (size_t)(space - sec) : strlen(sec);
    char word[32];
    if (wlen >= sizeof word)
        loader_fail(ld, sec, NULL, "unknown section type");
    memcpy(word, sec, wlen);
    word[wlen] = '\0';
    int type = section_type_of(word);
    if (type < 0)
        loader_fail(ld, sec, NULL, "unknown section type '%s' (network, site, device, link, "
                            "session or scenario)", word);
    *name = space ? space + 1 : "";
    while (**name == ' ')
        (*name)++;
    if (type == SEC_NETWORK ? **name != '\0' : !valid_name(*name))
        loader_fail(ld, sec, NULL, type == SEC_NETWORK ? "[network] takes no name"
                                                : "missing or invalid name after '%s' "
                                                  "(letters, digits, '.', '-', '_'; at most 63)",
             word);
    return type;
}

static void add_device(struct loader *ld, const char *name)
{
    struct network *net = ld->net;
    /* The refs follow the capacity only when it changed: a realloc to the
     * same size copies the whole array under ASan (quadratic in the devices;
     * so in add_link, add_session, add_scenario). */
    size_t old_cap = ld->cap_devices;
    net->devices = grow(net->devices, net->ndevices, &ld->cap_devices, sizeof *net->devices);
    if (ld->cap_devices != old_cap)
        ld->dev_refs = erealloc(ld->dev_refs, ld->cap_devices * sizeof *ld->dev_refs);
    struct device *d = &net->devices[net->ndevices];
    memset(d, 0, sizeof *d);
    memset(&ld->dev_refs[net->ndevices], 0, sizeof *ld->dev_refs);
    d->id = estrdup(name);
    d->kind = KIND_ROUTER;
    d->site = -1;
    d->answers = 1;
    d->initial_ttl = 0; /* set from the kind after parsing */
    d->decrement_all = 1;
    d->reply_from_iface = -1;
    d->nat_outside = -1;
    strmap_put(&net->device_ids, name, (long)net->ndevices);
    net->ndevices++;
}

static void add_link(struct loader *ld, const char *name)
{
    struct network *net = ld->net;
    size_t old_cap = ld->cap_links;
    net->links = grow(net->links, net->nlinks, &ld->cap_links, sizeof *net->links);
    if (ld->cap_links != old_cap)
        ld->link_refs = erealloc(ld->link_refs, ld->cap_links * sizeof *ld->link_refs);
    struct link *l = &net->links[net->nlinks];
    memset(l, 0, sizeof *l);
    memset(&ld->link_refs[net->nlinks], 0, sizeof *ld->link_refs);
    l->id = estrdup(name);
    l->up = 1;
    l->mtu = 1500;
    strmap_put(&net->link_ids, name, (long)net->nlinks);
    net->nlinks++;
}

static void add_session(struct loader *ld, const char *name)
{
    struct network *net = ld->net;
    size_t old_cap = ld->cap_sessions;
    net->sessions = grow(net->sessions, net->nsessions, &ld->cap_sessions, sizeof *net->sessions);
    if (ld->cap_sessions != old_cap)
        ld->sess_refs = erealloc(ld->sess_refs, ld->cap_sessions * sizeof *ld->sess_refs);
    struct session *s = &net->sessions[net->nsessions];
    memset(s, 0, sizeof *s);
    memset(&ld->sess_refs[net->nsessions], 0, sizeof *ld->sess_refs);
    s->id = estrdup(name);
    strmap_put(&net->session_ids, name, (long)net->nsessions);
    net->nsessions++;
}

static void add_scenario(struct loader *ld, const char *name)
{
    struct network *net = ld->net;
    size_t old_cap = ld->cap_scenarios;
    net->scenarios = grow(net->scenarios, net->nscenarios, &ld->cap_scenarios,
                          sizeof *net->scenarios);
    if (ld->cap_scenarios != old_cap)
        ld->scen_refs = erealloc(ld->scen_refs, ld->cap_scenarios * sizeof *ld->scen_refs);
    memset(&net->scenarios[net->nscenarios], 0, sizeof *net->scenarios);
    memset(&ld->scen_refs[net->nscenarios], 0, sizeof *ld->scen_refs);
    strmap_put(&net->scenario_ids, name, (long)net->nscenarios);
    net->scenarios[net->nscenarios++].id = estrdup(name);
}

static void add_site(struct loader *ld, const char *name)
{
    struct network *net = ld->net;
    net->sites = grow(net->sites, net->nsites, &ld->cap_sites, sizeof *net->sites);
    memset(&net->sites[net->nsites], 0, sizeof *net->sites);
    strmap_put(&net->site_ids, name, (long)net->nsites);
    net->sites[net->nsites++].id = estrdup(name);
}

int loader_find_site(const struct network *net, const char *id)
{
    return (int)strmap_get(&net->site_ids, id);
}

/* Index of the object a section created, or -1. */
static int object_index(const struct loader *ld, int type, const char *name)
{
    switch (type) {
    case SEC_DEVICE: return network_find_device(ld->net, name);
    case SEC_LINK: return network_find_link(ld->net, name);
    case SEC_SESSION: return network_find_session(ld->net, name);
    case SEC_SCENARIO: return network_find_scenario(ld->net, name);
    case SEC_SITE: return loader_find_site(ld->net, name);
    default: return 0;
    }
}

void loader_create_section(struct loader *ld, const char *sec)
{
    const char *name;
    int type = split_section(ld, sec, &name);
    if (type == SEC_NETWORK) {
        ld->seen_network = 1;
        return;
    }
    if (object_index(ld, type, name) >= 0)
        loader_fail(ld, sec, NULL, "defined twice");
    switch (type) {
    case SEC_DEVICE: add_device(ld, name); break;
    case SEC_LINK: add_link(ld, name); break;
    case SEC_SESSION: add_session(ld, name); break;
    case SEC_SCENARIO: add_scenario(ld, name); break;
    case SEC_SITE: add_site(ld, name); break;
    }
}

/* ---- pass 2: keys -------------------------------------------------------- */

static void network_key(struct loader *ld, const char *sec, const char *key, const char *v)
{
    struct network *net = ld->net;
    if (strcmp(key, "name") == 0) {
        free(net->name);
        net->name = estrdup(v);
    } else if (strcmp(key, "default_host") == 0)
        ld->default_host = v;
    else if (strcmp(key, "ecmp_seed") == 0)
        net->ecmp_seed = parse_range(ld, sec, key, v, 0, UINT64_MAX);
    else if (strcmp(key, "time_of_day") == 0) {
        net->time_of_day_ms = parse_time_of_day(ld, sec, key, v);
        net->time_of_day_set = 1;
    } else if (strcmp(key, "description") != 0)
        loader_fail(ld, sec, key, "unknown key (name, description, default_host, ecmp_seed, "
                                  "time_of_day)");
}

static void site_key(struct loader *ld, struct site *s, const char *sec, const char *key,
                     const char *v)
{
    if (strcmp(key, "name") == 0) {
        free(s->name);
        s->name = estrdup(v);
    } else if (strcmp(key, "prefixes") == 0)
        parse_prefixes(ld, sec, key, v, &s->prefixes, &s->nprefixes);
    else if (strcmp(key, "description") != 0)
        loader_fail(ld, sec, key, "unknown key (name, description, prefixes)");
}

static void iface_syntax_error(const struct loader *ld, const char *sec, const char *key,
                               const char *spec)
{
    loader_fail(ld, sec, key, "'%s' is not 'NAME ADDRESS/LENGTH [REVERSE-NAME]'", spec);
}

/* The addresses of one interface: ADDRESS/LENGTH, each optionally followed
 * by its reverse name, of either family, in any number. */
static void parse_iface_addrs(const struct loader *ld, struct iface *ifc, char **f, size_t n,
                              const char *sec, const char *key, const char *spec)
{
    ifc->addrs = ecalloc(n, sizeof *ifc->addrs);
    for (size_t i = 1; i < n; i++) {
        struct iface_addr *ia = &ifc->addrs[ifc->naddrs];
        if (strchr(f[i], '/') || i == 1) {
            if (prefix_parse(f[i], &ia->net, &ia->addr, 1))
                loader_fail(ld, sec, key, "'%s' is not %s", f[i],
                            strchr(f[i], ':') ? "an IPv6 address with a length like 2001:db8::4/64"
                                              : "an address with a length like 10.1.0.4/24");
            ifc->naddrs++;
            continue;
        }
        if (ifc->addrs[ifc->naddrs - 1].ptr)
            iface_syntax_error(ld, sec, key, spec); /* two names in a row */
        if (!valid_name(f[i]))
            loader_fail(ld, sec, key, "'%s' is not a valid reverse name", f[i]);
        ifc->addrs[ifc->naddrs - 1].ptr = estrdup(f[i]);
    }
}

/* NAME%INDEX: the interface's index (Windows' zone id), cut off NAME. */
static unsigned long parse_iface_index(const struct loader *ld, char *name, const char *sec,
                                       const char *key)
{
    char *pct = strchr(name, '%');
    uint64_t n;
    if (!pct)
        return 0;
    if (parse_u64(pct + 1, 1, 4294967295u, &n))
        loader_fail(ld, sec, key, "'%s' is not an interface index (NAME%%N, N from 1 to "
                                  "4294967295)", name);
    *pct = '\0';
    return (unsigned long)n;
}

/* The interface is built in place, after the device's last one: an error
 * on the way leaves what it holds reachable from the network. */
static void add_iface(struct loader *ld, int device, const char *sec, const char *key,
                      const char *spec)
{
    struct network *net = ld->net;
    size_t n;
    char **f = loader_split(ld, spec, ' ', &n);
    if (n < 2)
        iface_syntax_error(ld, sec, key, spec);
    unsigned long index = parse_iface_index(ld, f[0], sec, key);
    if (!valid_name(f[0]))
        loader_fail(ld, sec, key, "'%s' is not a valid interface name", f[0]);
    if (strchr(f[0], '.'))
        loader_fail(ld, sec, key, "'%s' is not a valid interface name (no '.': links name "
                           "DEVICE.INTERFACE)", f[0]);
    net->ifaces = grow(net->ifaces, net->nifaces, &ld->cap_ifaces, sizeof *net->ifaces);
    struct iface *ifc = &net->ifaces[net->nifaces];
    *ifc = (struct iface){.device = device, .name = estrdup(f[0]), .index = (uint32_t)index};
    parse_iface_addrs(ld, ifc, f, n, sec, key, spec);
    struct device *d = &net->devices[device];
    for (size_t i = 0; i < d->nifaces; i++)
        if (strcmp(net->ifaces[d->ifaces[i]].name, ifc->name) == 0)
            loader_fail(ld, sec, key, "interface '%s' is named twice", ifc->name);
    d->ifaces = erealloc(d->ifaces, (d->nifaces + 1) * sizeof *d->ifaces);
    d->ifaces[d->nifaces++] = (int)net->nifaces++;
}

static void parse_interfaces(struct loader *ld, int device, const char *sec, const char *key,
                             const char *v)
{
    size_t n;
    char **items = loader_split(ld, v, ',', &n);
    if (n == 0)
        loader_fail(ld, sec, key, "no interface given");
    for (size_t i = 0; i < n; i++)
        add_iface(ld, device, sec, key, items[i]);
}

static void parse_routes(struct loader *ld, struct device *d, const char *sec, const char *key,
                         const char *v)
{
    size_t n;
    char **items = loader_split(ld, v, ',', &n);
    free(d->statics);
    d->statics = ecalloc(n, sizeof *d->statics);
    for (size_t i = 0; i < n; i++) {
        size_t nf;
        char **f = loader_split(ld, items[i], ' ', &nf);
        struct static_route *r = &d->statics[i];
        if (nf != 3 || strcmp(f[1], "via") != 0 || prefix_parse(f[0], &r->dest, NULL, 0) ||
            addr_parse(f[2], &r->via))
            loader_fail(ld, sec, key, "'%s' is not 'PREFIX via ADDRESS'", items[i]);
        if (r->via.family != r->dest.addr.family)
            loader_fail(ld, sec, key, "'%s': the next hop is not of the prefix's family",
                        items[i]);
    }
    d->nstatics = n;
}

static void parse_names(struct loader *ld, struct device *d, const char *sec, const char *key,
                        const char *v)
{
    d->names = split_list(v, ' ', &d->nnames);
    for (size_t i = 0; i < d->nnames; i++)
        if (!valid_name(d->names[i]))
            loader_fail(ld, sec, key, "'%s' is not a valid host name", d->names[i]);
}

static enum no_route_action parse_no_route(struct loader *ld, const char *sec, const char *key,
                                           const char *v)
{
    if (strcmp(v, "drop") == 0)
        return NOROUTE_DROP;
    if (strcmp(v, "host-unreachable") == 0)
        return NOROUTE_HOST_UNREACH;
    if (strcmp(v, "net-unreachable") == 0)
        return NOROUTE_NET_UNREACH;
    loader_fail(ld, sec, key, "'%s' is not drop, host-unreachable or net-unreachable", v);
}

static enum neighbor_miss_action parse_neighbor_miss(struct loader *ld, const char *sec,
                                                     const char *key, const char *v)
{
    if (strcmp(v, "unreachable") == 0)
        return MISS_UNREACHABLE;
    if (strcmp(v, "drop") == 0)
        return MISS_DROP;
    loader_fail(ld, sec, key, "'%s' is not unreachable or drop", v);
}

/* neighbor_cached = ADDRESS...; that each is a neighbour's is checked once
 * the links are known (profile_refs.c). */
static void parse_neighbor_cached(struct loader *ld, struct device *d, const char *sec,
                                  const char *key, const char *v)
{
    size_t n;
    char **items = loader_split(ld, v, ' ', &n);
    if (n == 0)
        loader_fail(ld, sec, key, "empty value: the addresses of neighbours");
    free(d->neighbor_cached);
    d->neighbor_cached = ecalloc(n, sizeof *d->neighbor_cached);
    d->nneighbor_cached = 0;
    for (size_t i = 0; i < n; i++)
        if (addr_parse(items[i], &d->neighbor_cached[i]))
            loader_fail(ld, sec, key, "'%s' is not an address", items[i]);
    d->nneighbor_cached = n;
}

/* Neighbour and flow state (data/neighbor.h, data/probe.c):
 * neighbor_resolve, neighbor_timeout, neighbor_cached, flow_table. */
static int device_neighbor_key(struct loader *ld, struct device *d, const char *sec,
                               const char *key, const char *v)
{
    if (strcmp(key, "neighbor_cached") == 0)
        parse_neighbor_cached(ld, d, sec, key, v);
    else if (strcmp(key, "neighbor_resolve") == 0) {
        dist_free(d->neighbor_resolve);
        d->neighbor_resolve = parse_dist_value(ld, sec, key, v);
    } else if (strcmp(key, "neighbor_timeout") == 0)
        d->neighbor_timeout_ms = (double)parse_range(ld, sec, key, v, 0, 3600000);
    else if (strcmp(key, "flow_table") == 0) {
        if (strcmp(v, "two-way") != 0 && strcmp(v, "one-way") != 0)
            loader_fail(ld, sec, key, "'%s' is not two-way or one-way", v);
        d->flow_one_way = strcmp(v, "one-way") == 0;
    } else
        return 0;
    return 1;
}

/* A clock's offset in ms, a decimal with a sign or none, fractions of a ms
 * allowed (clocks are not set to the millisecond), within a day. */
static double parse_clock_offset(const struct loader *ld, const char *sec, const char *key,
                                 const char *v)
{
    double ms;
    if (parse_double(v, &ms) || ms < -86400000.0 || ms > 86400000.0)
        loader_fail(ld, sec, key, "'%s' is not a number of milliseconds from -86400000 to "
                                  "86400000", v);
    return ms;
}

/* Name service: reverse_first_lookup. */
static int device_name_key(struct loader *ld, struct device *d, const char *sec,
                           const char *key, const char *v)
{
    if (strcmp(key, "reverse_first_lookup") != 0)
        return 0;
    if (strcmp(v, "ok") != 0 && strcmp(v, "fail") != 0)
        loader_fail(ld, sec, key, "'%s' is not ok or fail", v);
    d->reverse_first_fails = strcmp(v, "fail") == 0;
    return 1;
}

static int device_key_simple(struct loader *ld, struct device *d, const char *sec,
                             const char *key, const char *v)
{
    if (strcmp(key, "kind") == 0) {
        if (strcmp(v, "host") != 0 && strcmp(v, "router") != 0)
            loader_fail(ld, sec, key, "'%s' is not host or router", v);
        d->kind = strcmp(v, "host") == 0 ? KIND_HOST : KIND_ROUTER;
    } else if (strcmp(key, "answers") == 0)
        d->answers = parse_flag(ld, sec, key, v);
    else if (strcmp(key, "record_on_arrival") == 0)
        d->record_on_arrival = parse_flag(ld, sec, key, v);
    else if (strcmp(key, "clock_offset") == 0)
        d->clock_offset_ms = parse_clock_offset(ld, sec, key, v);
    else if (strcmp(key, "reply_loss") == 0)
        d->reply_loss = parse_probability(ld, sec, key, v);
    else if (strcmp(key, "reply_limit") == 0)
        parse_rate(ld, sec, key, v, &d->reply_limit, &d->reply_limit_ms);
    else if (strcmp(key, "reply_delay") == 0) {
        dist_free(d->reply_delay);
        d->reply_delay = parse_dist_value(ld, sec, key, v);
    } else if (strcmp(key, "flow_setup") == 0) {
        dist_free(d->flow_setup);
        d->flow_setup = parse_dist_value(ld, sec, key, v);
    } else if (strcmp(key, "initial_ttl") == 0)
        d->initial_ttl = (int)parse_range(ld, sec, key, v, 1, 255);
    else if (strcmp(key, "no_route") == 0)
        d->no_route = parse_no_route(ld, sec, key, v);
    else if (strcmp(key, "neighbor_miss") == 0)
        d->neighbor_miss = parse_neighbor_miss(ld, sec, key, v);
    else if (strcmp(key, "asn") == 0)
        d->asn = (uint32_t)parse_range(ld, sec, key, v, 1, 4294967295u);
    else
        return device_neighbor_key(ld, d, sec, key, v) || device_name_key(ld, d, sec, key, v);
    return 1;
}

/* nat_forward = ADDRESS [ADDRESS]: the inside address of each family. */
static void parse_nat_forward(struct loader *ld, struct device *d, const char *sec,
                              const char *key, const char *v)
{
    size_t n;
    char **items = loader_split(ld, v, ' ', &n);
    if (n == 0)
        loader_fail(ld, sec, key, "empty: an inside address is needed");
    for (size_t i = 0; i < n; i++) {
        struct addr a;
        if (addr_parse(items[i], &a))
            loader_fail(ld, sec, key, "'%s' is not an address", items[i]);
        struct addr *slot = &device_extra_made(d, NULL)->nat_forward[a.family == FAMILY_V6];
        if (slot->family != FAMILY_NONE)
            loader_fail(ld, sec, key, "two addresses of one family: one IPv4 and one IPv6 at most");
        *slot = a;
    }
}

static void device_key(struct loader *ld, int idx, const char *sec, const char *key,
                       const char *v)
{
    struct device *d = &ld->net->devices[idx];
    if (device_key_simple(ld, d, sec, key, v))
        return;
    if (strcmp(key, "names") == 0)
        parse_names(ld, d, sec, key, v);
    else if (strcmp(key, "interfaces") == 0)
        parse_interfaces(ld, idx, sec, key, v);
    else if (strcmp(key, "routes") == 0)
        parse_routes(ld, d, sec, key, v);
    else if (strcmp(key, "networks") == 0)
        parse_prefixes(ld, sec, key, v, &d->networks, &d->nnetworks);
    else if (strcmp(key, "site") == 0)
        ld->dev_refs[idx].site = v;
    else if (strcmp(key, "decrement") == 0)
        ld->dev_refs[idx].decrement = v;
    else if (strcmp(key, "reply_from") == 0)
        ld->dev_refs[idx].reply_from = v;
    else if (strcmp(key, "nat_inside") == 0) {
        struct device_extra *x = device_extra_made(d, NULL);
        parse_prefixes(ld, sec, key, v, &x->nat_inside, &x->nnat_inside);
    }
    else if (strcmp(key, "nat_outside") == 0)
        ld->dev_refs[idx].nat_outside = v;
    else if (strcmp(key, "nat_forward") == 0)
        parse_nat_forward(ld, d, sec, key, v);
    else if (strcmp(key, "description") != 0)
        loader_fail(ld, sec, key, "unknown key (kind, names, site, interfaces, routes, answers, "
                           "reply_delay, reply_loss, reply_limit, flow_setup, flow_table, initial_ttl, no_route, "
                           "neighbor_miss, neighbor_resolve, neighbor_timeout, neighbor_cached, decrement, "
                           "asn, networks, reply_from, nat_inside, nat_outside, nat_forward, record_on_arrival, "
                           "clock_offset, reverse_first_lookup, description)");
}

static enum routers_ttl parse_routers_ttl(const struct loader *ld, const char *sec,
                                          const char *key, const char *v)
{
    if (strcmp(v, "each") == 0)
        return ROUTERS_TTL_EACH;
    if (strcmp(v, "one") == 0)
        return ROUTERS_TTL_ONE;
    if (strcmp(v, "none") == 0)
        return ROUTERS_TTL_NONE;
    loader_fail(ld, sec, key, "'%s' is not each, one or none", v);
}

/* router_addresses: one pool prefix per family at most. */
static void parse_router_pool(struct loader *ld, struct link *l, const char *sec,
                              const char *key, const char *v)
{
    size_t n;
    char **items = loader_split(ld, v, ' ', &n); /* held by the loader: no leak on errors */
    if (n == 0)
        loader_fail(ld, sec, key, "no prefix given");
    for (size_t i = 0; i < n; i++) {
        struct prefix p;
        parse_one_prefix(ld, sec, key, items[i], &p);
        struct prefix *slot = &link_segment_made(l, NULL)->router_pool[p.addr.family == FAMILY_V6];
        if (slot->addr.family != FAMILY_NONE)
            loader_fail(ld, sec, key, "two prefixes of one family: one IPv4 and one IPv6 at most");
        *slot = p;
    }
}

/* The keys of a transit segment: the routers a link stands for. */
static int link_segment_key(struct loader *ld, int idx, const char *sec, const char *key,
                            const char *v)
{
    struct link *l = &ld->net->links[idx];
    if (strcmp(key, "routers") == 0)
        l->routers = (unsigned)parse_range(ld, sec, key, v, 0, LINK_MAX_ROUTERS);
    else if (strcmp(key, "routers_ttl") == 0)
        l->routers_ttl = parse_routers_ttl(ld, sec, key, v);
    else if (strcmp(key, "router_addresses") == 0)
        parse_router_pool(ld, l, sec, key, v);
    else if (strcmp(key, "router_names") == 0)
        ld->link_refs[idx].router_names = v;
    else
        return 0;
    return 1;
}

/* Appends TEXT to OUT (of room N) at *AT; 0 when it does not fit. */
static int put_text(char *out, size_t n, size_t *at, const char *text)
{
    size_t len = strlen(text);
    if (*at + len >= n)
        return 0;
    memcpy(out + *at, text, len + 1);
    *at += len;
    return 1;
}

/* PATTERN with {n} as I and {addr} as A with its dots and colons as dashes;
 * 0 if the result does not fit in N. */
static int expand_router_name(const char *pattern, unsigned i, struct addr a, char *out,
                              size_t n)
{
    char num[16], text[ADDR_TEXT_MAX];
    size_t at = 0;
    out[0] = '\0';
    snprintf(num, sizeof num, "%u", i);
    addr_format(a, text);
    for (char *c = text; *c; c++)
        if (*c == '.' || *c == ':')
            *c = '-';
    for (const char *p = pattern; *p;) {
        const char *piece = NULL;
        if (strncmp(p, "{n}", 3) == 0)
            piece = num, p += 3;
        else if (strncmp(p, "{addr}", 6) == 0)
            piece = text, p += 6;
        char one[2] = {*p, '\0'};
        if (!piece)
            piece = one, p++;
        if (!put_text(out, n, &at, piece))
            return 0;
    }
    return 1;
}

void loader_router_names(struct loader *ld, int link, const char *pattern)
{
    struct link *l = &ld->net->links[link];
    char sec[300], name[256];
    loader_section("link", l->id, sec, sizeof sec);
    if (!l->routers)
        loader_fail(ld, sec, "router_names", "the link stands for no routers (routers)");
    int any = 0;
    for (int f = 0; f < 2; f++) {
        enum addr_family fam = f ? FAMILY_V6 : FAMILY_V4;
        if (link_segment(l)->router_pool[f].addr.family == FAMILY_NONE)
            continue;
        any = 1;
        char ***ptr = &link_segment_made(l, NULL)->router_ptr[f];
        *ptr = ecalloc(l->routers, sizeof **ptr);
        for (unsigned r = 1; r <= l->routers; r++) {
            struct addr a = link_router_addr(l, r, fam);
            if (!expand_router_name(pattern, r, a, name, sizeof name) || !valid_name(name))
                loader_fail(ld, sec, "router_names", "'%s' gives '%s' for router %u: not a valid "
                            "reverse name", pattern, name, r);
            (*ptr)[r - 1] = estrdup(name);
        }
    }
    if (!any)
        loader_fail(ld, sec, "router_names", "the routers have no addresses (router_addresses)");
}

static void link_key(struct loader *ld, int idx, const char *sec, const char *key,
                     const char *v)
{
    struct link *l = &ld->net->links[idx];
    if (link_segment_key(ld, idx, sec, key, v))
        return;
    if (strcmp(key, "a") == 0)
        ld->link_refs[idx].end[0] = v;
    else if (strcmp(key, "b") == 0)
        ld->link_refs[idx].end[1] = v;
    else if (strcmp(key, "latency") == 0) {
        dist_free(l->latency);
        l->latency = parse_dist_value(ld, sec, key, v);
    } else if (strcmp(key, "loss") == 0)
        l->loss = parse_probability(ld, sec, key, v);
    else if (strcmp(key, "state") == 0) {
        if (strcmp(v, "up") != 0 && strcmp(v, "down") != 0)
            loader_fail(ld, sec, key, "'%s' is not up or down", v);
        l->up = strcmp(v, "up") == 0;
    } else if (strcmp(key, "mtu") == 0)
        l->mtu = (unsigned)parse_range(ld, sec, key, v, 68, 65535);
    else if (strcmp(key, "description") != 0)
        loader_fail(ld, sec, key, "unknown key (a, b, latency, loss, state, mtu, routers, "
                    "routers_ttl, router_addresses, router_names, description)");
}

static int session_end_key(struct loader *ld, int idx, const char *sec, const char *key,
                           const char *v)
{
    if ((key[0] != 'a' && key[0] != 'b') || key[1] != '_')
        return 0;
    int side = key[0] == 'b';
    struct session_end *e = &ld->net->sessions[idx].end[side];
    const char *what = key + 2;
    if (strcmp(what, "local_pref") == 0) {
        e->has_local_pref = 1;
        e->local_pref = (unsigned)parse_range(ld, sec, key, v, 0, 4294967295u);
    } else if (strcmp(what, "prepend") == 0)
        e->prepend = (unsigned)parse_range(ld, sec, key, v, 0, 16);
    else if (strcmp(what, "export") == 0)
        ld->sess_refs[idx].export[side] = v;
    else if (strcmp(what, "export_prefixes") == 0)
        parse_prefixes(ld, sec, key, v, &e->export_filter, &e->nexport_filter);
    else if (strcmp(what, "import_prefixes") == 0)
        parse_prefixes(ld, sec, key, v, &e->import_filter, &e->nimport_filter);
    else
        return 0;
    return 1;
}

static void session_key(struct loader *ld, int idx, const char *sec, const char *key,
                        const char *v)
{
    if (session_end_key(ld, idx, sec, key, v))
        return;
    if (strcmp(key, "link") == 0)
        ld->sess_refs[idx].link = v;
    else if (strcmp(key, "description") != 0)
        loader_fail(ld, sec, key, "unknown key (link, description, and for each side a_ and b_: "
                           "local_pref, prepend, export, export_prefixes, import_prefixes)");
}

static void scenario_key(struct loader *ld, int idx, const char *sec, const char *key,
                         const char *v)
{
    struct scenario *s = &ld->net->scenarios[idx];
    if (strcmp(key, "down") == 0)
        ld->scen_refs[idx].down = v;
    else if (strcmp(key, "description") == 0) {
        free(s->description);
        s->description = estrdup(v);
    } else
        loader_fail(ld, sec, key, "unknown key (down, description)");
}

void loader_parse_key(struct loader *ld, const char *entry, const char *v)
{
    const char *colon = strchr(entry, ':');
    char sec[LOADER_LINE_MAX + 1]; /* an entry comes from one line: never cut */
    size_t slen = (size_t)(colon - entry);
    if (slen >= sizeof sec)
        slen = sizeof sec - 1;
    memcpy(sec, entry, slen);
    sec[slen] = '\0';
    const char *key = colon + 1;
    if (!*sec)
        loader_fail(ld, "", key, "key outside any section");
    int type = ld->last_type, idx = ld->last_index;
    if (!ld->last_section[0] || strcmp(sec, ld->last_section) != 0) {
        const char *name;
        type = split_section(ld, sec, &name);
        idx = object_index(ld, type, name);
        if (idx < 0) /* a section name with ':' is not registered by iniparser */
            loader_fail(ld, sec, key, "section name must not contain ':'");
        memcpy(ld->last_section, sec, slen + 1);
        ld->last_type = type;
        ld->last_index = idx;
    }
    if (!v)
        v = "";
    switch (type) {
    case SEC_NETWORK: network_key(ld, sec, key, v); break;
    case SEC_SITE: site_key(ld, &ld->net->sites[idx], sec, key, v); break;
    case SEC_DEVICE: device_key(ld, idx, sec, key, v); break;
    case SEC_LINK: link_key(ld, idx, sec, key, v); break;
    case SEC_SESSION: session_key(ld, idx, sec, key, v); break;
    case SEC_SCENARIO: scenario_key(ld, idx, sec, key, v); break;
    }
    loader_release(ld);
}
