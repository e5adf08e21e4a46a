/* profile.c - reads the INI profile once into the network model.
 *
 * iniparser 4.1 traps (see design notes): names are lower-cased, typed getters
 * crash on section names, lookups scan the whole dictionary.  So the
 * dictionary is walked once, entry by entry, and every value is parsed here,
 * strictly.  Three passes: create one object per section, parse each key,
 * then resolve the references between objects. */
#define _POSIX_C_SOURCE 200809L
#include "profile.h"

#include <ctype.h>
#include <errno.h>
#include <iniparser.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util.h"

enum section_type { SEC_NETWORK, SEC_SITE, SEC_DEVICE, SEC_LINK, SEC_SESSION, SEC_SCENARIO };

static const char *const section_words[] = {"network", "site", "device", "link", "session", "scenario"};

/* References kept as text until every object exists. */
struct device_refs { const char *site, *decrement; };
struct link_refs { const char *end[2]; };
struct session_refs { const char *link, *export[2]; };
struct scenario_refs { const char *down; };

struct loader {
    const char *path;
    struct network *net;
    size_t cap_devices, cap_links, cap_sessions, cap_scenarios, cap_sites, cap_ifaces;
    struct device_refs *dev_refs;
    struct link_refs *link_refs;
    struct session_refs *sess_refs;
    struct scenario_refs *scen_refs;
    const char *default_host;
    int seen_network;
};

/* ---- messages ------------------------------------------------------------ */

static _Noreturn void fail(const struct loader *ld, const char *section, const char *key,
                           const char *fmt, ...) __attribute__((format(printf, 4, 5)));

static void fail(const struct loader *ld, const char *section, const char *key,
                 const char *fmt, ...)
{
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    if (key)
        die(EXIT_SETUP, "%s: [%s] %s: %s", ld->path, section, key, msg);
    die(EXIT_SETUP, "%s: [%s]: %s", ld->path, section, msg);
}

/* iniparser reports syntax errors through a printf-like callback; the text
 * is kept and turned into one line naming file and line. */
static char ini_error[1024];

static int capture_ini_error(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    if (!ini_error[0])
        vsnprintf(ini_error, sizeof ini_error, fmt, ap);
    va_end(ap);
    return 0;
}

static _Noreturn void fail_syntax(const char *path)
{
    const char *paren = strrchr(ini_error, '(');
    const char *arrow = strstr(ini_error, "-> ");
    long line = paren ? strtol(paren + 1, NULL, 10) : 0;
    char text[256] = "";
    if (arrow) {
        snprintf(text, sizeof text, "%s", arrow + 3);
        text[strcspn(text, "\n")] = '\0';
    }
    if (strstr(ini_error, "too long"))
        die(EXIT_SETUP, "%s: line %ld: line longer than 1024 characters", path, line);
    die(EXIT_SETUP, "%s: line %ld: syntax error: '%s'", path, line, text);
}

/* ---- value parsers ------------------------------------------------------- */

static double parse_probability(const struct loader *ld, const char *sec, const char *key,
                                const char *v)
{
    double p;
    if (parse_double(v, &p) || p < 0 || p > 1)
        fail(ld, sec, key, "'%s' is not a probability from 0 to 1", v);
    return p;
}

static uint64_t parse_range(const struct loader *ld, const char *sec, const char *key,
                            const char *v, uint64_t lo, uint64_t hi)
{
    uint64_t n;
    if (parse_u64(v, lo, hi, &n))
        fail(ld, sec, key, "'%s' is not a whole number from %llu to %llu", v,
             (unsigned long long)lo, (unsigned long long)hi);
    return n;
}

/* "COUNT/MS": at most COUNT replies per MS milliseconds. */
static void parse_rate(const struct loader *ld, const char *sec, const char *key,
                       const char *v, unsigned *count, unsigned *ms)
{
    const char *slash = strchr(v, '/');
    char num[32];
    uint64_t c, m;
    if (slash && (size_t)(slash - v) < sizeof num) {
        memcpy(num, v, (size_t)(slash - v));
        num[slash - v] = '\0';
        char den[32];
        snprintf(den, sizeof den, "%s", slash + 1);
        if (!parse_u64(trim(num), 1, 1000000, &c) && !parse_u64(trim(den), 1, 86400000, &m)) {
            *count = (unsigned)c;
            *ms = (unsigned)m;
            return;
        }
    }
    fail(ld, sec, key, "'%s' is not COUNT/MILLISECONDS, like 1/1000 (COUNT 1 to 1000000, "
                       "MILLISECONDS 1 to 86400000)", v);
}

static int parse_flag(const struct loader *ld, const char *sec, const char *key, const char *v)
{
    int b;
    if (parse_bool(v, &b))
        fail(ld, sec, key, "'%s' is not yes or no", v);
    return b;
}

static struct dist *parse_dist_value(const struct loader *ld, const char *sec,
                                     const char *key, const char *v)
{
    char err[256];
    struct dist *d = dist_parse(v, err, sizeof err);
    if (!d)
        fail(ld, sec, key, "%s", err);
    return d;
}

static struct prefix *parse_prefixes(const struct loader *ld, const char *sec,
                                     const char *key, const char *v, size_t *n)
{
    size_t count;
    char **items = split_list(v, ' ', &count);
    struct prefix *out = ecalloc(count, sizeof *out);
    for (size_t i = 0; i < count; i++)
        if (prefix_parse(items[i], &out[i], NULL, 0))
            fail(ld, sec, key, "'%s' is not a prefix like 10.1.0.0/16", items[i]);
    free_list(items, count);
    *n = count;
    return out;
}

#define MAX_NAME 63

static int valid_name(const char *s)
{
    if (!*s || strlen(s) > MAX_NAME)
        return 0;
    for (; *s; s++)
        if (!isalnum((unsigned char)*s) && !strchr(".-_", *s))
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
        fail(ld, sec, NULL, "unknown section type");
    memcpy(word, sec, wlen);
    word[wlen] = '\0';
    int type = section_type_of(word);
    if (type < 0)
        fail(ld, sec, NULL, "unknown section type '%s' (network, site, device, link, "
                            "session or scenario)", word);
    *name = space ? space + 1 : "";
    while (**name == ' ')
        (*name)++;
    if (type == SEC_NETWORK ? **name != '\0' : !valid_name(*name))
        fail(ld, sec, NULL, type == SEC_NETWORK ? "[network] takes no name"
                                                : "missing or invalid name after '%s' "
                                                  "(letters, digits, '.', '-', '_'; at most 63)",
             word);
    return type;
}

static void add_device(struct loader *ld, const char *name)
{
    struct network *net = ld->net;
    net->devices = grow(net->devices, net->ndevices, &ld->cap_devices, sizeof *net->devices);
    size_t cap = ld->cap_devices;
    ld->dev_refs = erealloc(ld->dev_refs, cap * sizeof *ld->dev_refs);
    struct device *d = &net->devices[net->ndevices];
    memset(d, 0, sizeof *d);
    memset(&ld->dev_refs[net->ndevices], 0, sizeof *ld->dev_refs);
    d->id = estrdup(name);
    d->kind = KIND_ROUTER;
    d->site = -1;
    d->answers = 1;
    d->initial_ttl = 0; /* set from the kind after parsing */
    d->decrement_all = 1;
    net->ndevices++;
}

static void add_link(struct loader *ld, const char *name)
{
    struct network *net = ld->net;
    net->links = grow(net->links, net->nlinks, &ld->cap_links, sizeof *net->links);
    ld->link_refs = erealloc(ld->link_refs, ld->cap_links * sizeof *ld->link_refs);
    struct link *l = &net->links[net->nlinks];
    memset(l, 0, sizeof *l);
    memset(&ld->link_refs[net->nlinks], 0, sizeof *ld->link_refs);
    l->id = estrdup(name);
    l->up = 1;
    l->mtu = 1500;
    net->nlinks++;
}

static void add_session(struct loader *ld, const char *name)
{
    struct network *net = ld->net;
    net->sessions = grow(net->sessions, net->nsessions, &ld->cap_sessions, sizeof *net->sessions);
    ld->sess_refs = erealloc(ld->sess_refs, ld->cap_sessions * sizeof *ld->sess_refs);
    struct session *s = &net->sessions[net->nsessions];
    memset(s, 0, sizeof *s);
    memset(&ld->sess_refs[net->nsessions], 0, sizeof *ld->sess_refs);
    s->id = estrdup(name);
    net->nsessions++;
}

static void add_scenario(struct loader *ld, const char *name)
{
    struct network *net = ld->net;
    net->scenarios = grow(net->scenarios, net->nscenarios, &ld->cap_scenarios,
                          sizeof *net->scenarios);
    ld->scen_refs = erealloc(ld->scen_refs, ld->cap_scenarios * sizeof *ld->scen_refs);
    memset(&net->scenarios[net->nscenarios], 0, sizeof *net->scenarios);
    memset(&ld->scen_refs[net->nscenarios], 0, sizeof *ld->scen_refs);
    net->scenarios[net->nscenarios++].id = estrdup(name);
}

static void add_site(struct loader *ld, const char *name)
{
    struct network *net = ld->net;
    net->sites = grow(net->sites, net->nsites, &ld->cap_sites, sizeof *net->sites);
    memset(&net->sites[net->nsites], 0, sizeof *net->sites);
    net->sites[net->nsites++].id = estrdup(name);
}

static int find_site(const struct network *net, const char *id)
{
    for (size_t i = 0; i < net->nsites; i++)
        if (str_ieq(net->sites[i].id, id))
            return (int)i;
    return -1;
}

/* Index of the object a section created, or -1. */
static int object_index(const struct loader *ld, int type, const char *name)
{
    switch (type) {
    case SEC_DEVICE: return network_find_device(ld->net, name);
    case SEC_LINK: return network_find_link(ld->net, name);
    case SEC_SESSION: return network_find_session(ld->net, name);
    case SEC_SCENARIO: return network_find_scenario(ld->net, name);
    case SEC_SITE: return find_site(ld->net, name);
    default: return 0;
    }
}

static void create_section(struct loader *ld, const char *sec)
{
    const char *name;
    int type = split_section(ld, sec, &name);
    if (type == SEC_NETWORK) {
        ld->seen_network = 1;
        return;
    }
    if (object_index(ld, type, name) >= 0)
        fail(ld, sec, NULL, "defined twice");
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
    else if (strcmp(key, "description") != 0)
        fail(ld, sec, key, "unknown key (name, description, default_host, ecmp_seed)");
}

static void site_key(struct loader *ld, struct site *s, const char *sec, const char *key,
                     const char *v)
{
    if (strcmp(key, "name") == 0) {
        free(s->name);
        s->name = estrdup(v);
    } else if (strcmp(key, "prefixes") == 0) {
        free(s->prefixes);
        s->prefixes = parse_prefixes(ld, sec, key, v, &s->nprefixes);
    } else if (strcmp(key, "description") != 0)
        fail(ld, sec, key, "unknown key (name, description, prefixes)");
}

static void add_iface(struct loader *ld, int device, const char *sec, const char *key,
                      const char *spec)
{
    struct network *net = ld->net;
    size_t n;
    char **f = split_list(spec, ' ', &n);
    if (n < 2 || n > 3)
        fail(ld, sec, key, "'%s' is not 'NAME ADDRESS/LENGTH [REVERSE-NAME]'", spec);
    if (!valid_name(f[0]))
        fail(ld, sec, key, "'%s' is not a valid interface name", f[0]);
    if (strchr(f[0], '.'))
        fail(ld, sec, key, "'%s' is not a valid interface name (no '.': links name "
                           "DEVICE.INTERFACE)", f[0]);
    struct iface ifc = {.device = device, .name = estrdup(f[0])};
    if (prefix_parse(f[1], &ifc.net, &ifc.addr, 1))
        fail(ld, sec, key, "'%s' is not an address with a length like 10.1.0.4/24", f[1]);
    if (n == 3) {
        if (!valid_name(f[2]))
            fail(ld, sec, key, "'%s' is not a valid reverse name", f[2]);
        ifc.ptr = estrdup(f[2]);
    }
    free_list(f, n);
    struct device *d = &net->devices[device];
    for (size_t i = 0; i < d->nifaces; i++)
        if (strcmp(net->ifaces[d->ifaces[i]].name, ifc.name) == 0)
            fail(ld, sec, key, "interface '%s' is named twice", ifc.name);
    net->ifaces = grow(net->ifaces, net->nifaces, &ld->cap_ifaces, sizeof *net->ifaces);
    net->ifaces[net->nifaces] = ifc;
    d->ifaces = erealloc(d->ifaces, (d->nifaces + 1) * sizeof *d->ifaces);
    d->ifaces[d->nifaces++] = (int)net->nifaces++;
}

static void parse_interfaces(struct loader *ld, int device, const char *sec, const char *key,
                             const char *v)
{
    size_t n;
    char **items = split_list(v, ',', &n);
    if (n == 0)
        fail(ld, sec, key, "no interface given");
    for (size_t i = 0; i < n; i++)
        add_iface(ld, device, sec, key, items[i]);
    free_list(items, n);
}

static void parse_routes(struct loader *ld, struct device *d, const char *sec, const char *key,
                         const char *v)
{
    size_t n;
    char **items = split_list(v, ',', &n);
    d->statics = ecalloc(n, sizeof *d->statics);
    for (size_t i = 0; i < n; i++) {
        size_t nf;
        char **f = split_list(items[i], ' ', &nf);
        struct static_route *r = &d->statics[i];
        if (nf != 3 || strcmp(f[1], "via") != 0 || prefix_parse(f[0], &r->dest, NULL, 0) ||
            addr_parse(f[2], &r->via))
            fail(ld, sec, key, "'%s' is not 'PREFIX via ADDRESS'", items[i]);
        free_list(f, nf);
    }
    d->nstatics = n;
    free_list(items, n);
}

static void parse_names(struct loader *ld, struct device *d, const char *sec, const char *key,
                        const char *v)
{
    d->names = split_list(v, ' ', &d->nnames);
    for (size_t i = 0; i < d->nnames; i++)
        if (!valid_name(d->names[i]))
            fail(ld, sec, key, "'%s' is not a valid host name", d->names[i]);
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
    fail(ld, sec, key, "'%s' is not drop, host-unreachable or net-unreachable", v);
}

static int device_key_simple(struct loader *ld, struct device *d, const char *sec,
                             const char *key, const char *v)
{
    if (strcmp(key, "kind") == 0) {
        if (strcmp(v, "host") != 0 && strcmp(v, "router") != 0)
            fail(ld, sec, key, "'%s' is not host or router", v);
        d->kind = strcmp(v, "host") == 0 ? KIND_HOST : KIND_ROUTER;
    } else if (strcmp(key, "answers") == 0)
        d->answers = parse_flag(ld, sec, key, v);
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
    else if (strcmp(key, "asn") == 0)
        d->asn = (uint32_t)parse_range(ld, sec, key, v, 1, 4294967295u);
    else
        return 0;
    return 1;
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
        d->networks = parse_prefixes(ld, sec, key, v, &d->nnetworks);
    else if (strcmp(key, "site") == 0)
        ld->dev_refs[idx].site = v;
    else if (strcmp(key, "decrement") == 0)
        ld->dev_refs[idx].decrement = v;
    else if (strcmp(key, "description") != 0)
        fail(ld, sec, key, "unknown key (kind, names, site, interfaces, routes, answers, "
                           "reply_delay, reply_loss, reply_limit, flow_setup, initial_ttl, no_route, decrement, asn, "
                           "networks, description)");
}

static void link_key(struct loader *ld, int idx, const char *sec, const char *key,
                     const char *v)
{
    struct link *l = &ld->net->links[idx];
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
            fail(ld, sec, key, "'%s' is not up or down", v);
        l->up = strcmp(v, "up") == 0;
    } else if (strcmp(key, "mtu") == 0)
        l->mtu = (unsigned)parse_range(ld, sec, key, v, 68, 65535);
    else if (strcmp(key, "description") != 0)
        fail(ld, sec, key, "unknown key (a, b, latency, loss, state, mtu, description)");
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
        e->export_filter = parse_prefixes(ld, sec, key, v, &e->nexport_filter);
    else if (strcmp(what, "import_prefixes") == 0)
        e->import_filter = parse_prefixes(ld, sec, key, v, &e->nimport_filter);
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
        fail(ld, sec, key, "unknown key (link, description, and for each side a_ and b_: "
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
        fail(ld, sec, key, "unknown key (down, description)");
}

static void parse_key(struct loader *ld, const char *entry, const char *v)
{
    const char *colon = strchr(entry, ':');
    char sec[256];
    size_t slen = (size_t)(colon - entry);
    if (slen >= sizeof sec)
        slen = sizeof sec - 1;
    memcpy(sec, entry, slen);
    sec[slen] = '\0';
    const char *key = colon + 1;
    if (!*sec)
        fail(ld, "", key, "key outside any section");
    const char *name;
    int type = split_section(ld, sec, &name);
    int idx = object_index(ld, type, name);
    if (idx < 0) /* a section name with ':' is not registered by iniparser */
        fail(ld, sec, key, "section name must not contain ':'");
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
}

/* ---- pass 3: references and checks --------------------------------------- */

static struct dist *zero_dist(void)
{
    char err[64];
    return dist_parse("0", err, sizeof err);
}

static char *section_of(const char *type, const char *id, char *buf, size_t n)
{
    snprintf(buf, n, "%s %s", type, id);
    return buf;
}

static int resolve_link(const struct loader *ld, const char *sec, const char *key,
                        const char *name)
{
    int l = network_find_link(ld->net, name);
    if (l < 0)
        fail(ld, sec, key, "no [link %s]", name);
    return l;
}

static int resolve_endpoint(const struct loader *ld, const char *sec, const char *key,
                            const char *ref)
{
    const struct network *net = ld->net;
    if (!ref)
        fail(ld, sec, key, "missing: every link names its two ends as DEVICE.INTERFACE");
    const char *dot = strrchr(ref, '.');
    char dev[128];
    if (!dot || (size_t)(dot - ref) >= sizeof dev)
        fail(ld, sec, key, "'%s' is not DEVICE.INTERFACE", ref);
    memcpy(dev, ref, (size_t)(dot - ref));
    dev[dot - ref] = '\0';
    int d = network_find_device(net, dev);
    if (d < 0)
        fail(ld, sec, key, "no [device %s]", dev);
    for (size_t i = 0; i < net->devices[d].nifaces; i++) {
        int ifc = net->devices[d].ifaces[i];
        if (str_ieq(net->ifaces[ifc].name, dot + 1))
            return ifc;
    }
    fail(ld, sec, key, "device '%s' has no interface '%s'", dev, dot + 1);
}

static void resolve_links(struct loader *ld)
{
    struct network *net = ld->net;
    char sec[300];
    for (size_t i = 0; i < net->nlinks; i++) {
        struct link *l = &net->links[i];
        section_of("link", l->id, sec, sizeof sec);
        for (int e = 0; e < 2; e++) {
            l->end[e] = resolve_endpoint(ld, sec, e ? "b" : "a", ld->link_refs[i].end[e]);
            struct iface *ifc = &net->ifaces[l->end[e]];
            ifc->links = erealloc(ifc->links, (ifc->nlinks + 1) * sizeof *ifc->links);
            ifc->links[ifc->nlinks++] = (int)i;
        }
        if (net->ifaces[l->end[0]].device == net->ifaces[l->end[1]].device)
            fail(ld, sec, "b", "a link joins two different devices");
        if (!l->latency)
            l->latency = zero_dist();
    }
}

static void resolve_decrement(struct loader *ld, struct device *d, const char *sec,
                              const char *v)
{
    if (!v)
        return;
    if (strcmp(v, "all") == 0)
        return;
    d->decrement_all = 0;
    if (strcmp(v, "none") == 0)
        return;
    size_t n;
    char **names = split_list(v, ' ', &n);
    d->decrement_links = ecalloc(n, sizeof *d->decrement_links);
    for (size_t i = 0; i < n; i++)
        d->decrement_links[i] = resolve_link(ld, sec, "decrement", names[i]);
    d->ndecrement_links = n;
    free_list(names, n);
}

/* A static route's next hop must be the far end of one of the device's links. */
static void check_static_routes(const struct loader *ld, int dev, const char *sec)
{
    const struct network *net = ld->net;
    const struct device *d = &net->devices[dev];
    for (size_t r = 0; r < d->nstatics; r++) {
        int found = 0;
        for (size_t i = 0; i < d->nifaces && !found; i++) {
            const struct iface *ifc = &net->ifaces[d->ifaces[i]];
            for (size_t k = 0; k < ifc->nlinks && !found; k++)
                found = net->ifaces[link_other_end(net, ifc->links[k], d->ifaces[i])].addr ==
                        d->statics[r].via;
        }
        char a[16];
        if (!found)
            fail(ld, sec, "routes", "next hop %s is not at the far end of any link of '%s'",
                 addr_format(d->statics[r].via, a), d->id);
    }
}

static void resolve_devices(struct loader *ld)
{
    struct network *net = ld->net;
    char sec[300];
    for (size_t i = 0; i < net->ndevices; i++) {
        struct device *d = &net->devices[i];
        section_of("device", d->id, sec, sizeof sec);
        if (d->nifaces == 0)
            fail(ld, sec, "interfaces", "missing: a device needs at least one interface");
        if (ld->dev_refs[i].site) {
            d->site = find_site(net, ld->dev_refs[i].site);
            if (d->site < 0)
                fail(ld, sec, "site", "no [site %s]", ld->dev_refs[i].site);
        }
        resolve_decrement(ld, d, sec, ld->dev_refs[i].decrement);
        if (!d->initial_ttl)
            d->initial_ttl = d->kind == KIND_HOST ? 128 : 255;
        if (!d->reply_delay)
            d->reply_delay = zero_dist();
        check_static_routes(ld, (int)i, sec);
    }
}

static void resolve_export(struct loader *ld, struct session_end *e, const char *sec,
                           const char *key, const char *v)
{
    if (!v) { /* default: like plain eBGP, everything it has */
        e->export_local = e->export_learned_all = 1;
        return;
    }
    size_t n;
    char **items = split_list(v, ' ', &n);
    e->export_sessions = ecalloc(n, sizeof *e->export_sessions);
    for (size_t i = 0; i < n; i++) {
        if (strcmp(items[i], "local") == 0)
            e->export_local = 1;
        else if (strcmp(items[i], "connected") == 0)
            e->export_connected = 1;
        else if (strcmp(items[i], "learned") == 0)
            e->export_learned_all = 1;
        else if (strcmp(items[i], "none") != 0) {
            int s = network_find_session(ld->net, items[i]);
            if (s < 0)
                fail(ld, sec, key, "'%s' is not local, connected, learned, none or a session",
                     items[i]);
            e->export_sessions[e->nexport_sessions++] = s;
        }
    }
    free_list(items, n);
}

/* A session's export list may only name sessions of the same device: the
 * routes it learned there are the ones it can pass on. */
static void check_export_sessions(const struct loader *ld)
{
    const struct network *net = ld->net;
    char sec[300];
    for (size_t i = 0; i < net->nsessions; i++)
        for (int e = 0; e < 2; e++) {
            const struct session_end *end = &net->sessions[i].end[e];
            for (size_t k = 0; k < end->nexport_sessions; k++) {
                const struct session *other = &net->sessions[end->export_sessions[k]];
                if (other->end[0].device != end->device && other->end[1].device != end->device)
                    fail(ld, section_of("session", net->sessions[i].id, sec, sizeof sec),
                         e ? "b_export" : "a_export",
                         "session '%s' does not involve device '%s'", other->id,
                         net->devices[end->device].id);
            }
        }
}

static void resolve_sessions(struct loader *ld)
{
    struct network *net = ld->net;
    char sec[300];
    for (size_t i = 0; i < net->nsessions; i++) {
        struct session *s = &net->sessions[i];
        section_of("session", s->id, sec, sizeof sec);
        if (!ld->sess_refs[i].link)
            fail(ld, sec, "link", "missing: a session runs over a link");
        s->link = resolve_link(ld, sec, "link", ld->sess_refs[i].link);
        for (int e = 0; e < 2; e++) {
            int dev = net->ifaces[net->links[s->link].end[e]].device;
            s->end[e].device = dev;
            if (!net->devices[dev].asn)
                fail(ld, sec, "link", "device '%s' has no asn", net->devices[dev].id);
            resolve_export(ld, &s->end[e], sec, e ? "b_export" : "a_export",
                           ld->sess_refs[i].export[e]);
        }
    }
}

static void resolve_scenarios(struct loader *ld)
{
    struct network *net = ld->net;
    char sec[300];
    for (size_t i = 0; i < net->nscenarios; i++) {
        struct scenario *s = &net->scenarios[i];
        section_of("scenario", s->id, sec, sizeof sec);
        size_t n;
        char **names = split_list(ld->scen_refs[i].down, ' ', &n);
        if (n == 0)
            fail(ld, sec, "down", "missing: a scenario names the links it takes down");
        s->links_down = ecalloc(n, sizeof *s->links_down);
        for (size_t k = 0; k < n; k++)
            s->links_down[k] = resolve_link(ld, sec, "down", names[k]);
        s->nlinks_down = n;
        free_list(names, n);
    }
}

static void check_duplicate_addresses(const struct loader *ld)
{
    const struct network *net = ld->net;
    char sec[300], a[16];
    for (size_t i = 0; i < net->nifaces; i++)
        for (size_t k = 0; k < i; k++)
            if (net->ifaces[i].addr == net->ifaces[k].addr) {
                const struct device *d = &net->devices[net->ifaces[i].device];
                fail(ld, section_of("device", d->id, sec, sizeof sec), "interfaces",
                     "address %s is already on '%s.%s'", addr_format(net->ifaces[i].addr, a),
                     net->devices[net->ifaces[k].device].id, net->ifaces[k].name);
            }
}

static void resolve_network(struct loader *ld)
{
    struct network *net = ld->net;
    if (!ld->seen_network)
        fail(ld, "network", NULL, "missing section");
    if (!ld->default_host)
        fail(ld, "network", "default_host", "missing");
    net->default_host = network_find_device(net, ld->default_host);
    if (net->default_host < 0)
        fail(ld, "network", "default_host", "no [device %s]", ld->default_host);
    if (net->devices[net->default_host].kind != KIND_HOST)
        fail(ld, "network", "default_host", "'%s' is not a host", ld->default_host);
}

/* ---- what iniparser hides ------------------------------------------------- */

/* iniparser merges a section given twice, keeps the last of two equal keys
 * and files '[a:b]' as a key: one pass over the raw lines catches these. */
struct seen_name {
    char *name;
    long line;
};

static int seen_before(struct seen_name **v, size_t *n, size_t *cap, const char *name,
                       long line, long *first)
{
    for (size_t i = 0; i < *n; i++)
        if (str_ieq((*v)[i].name, name)) {
            *first = (*v)[i].line;
            return 1;
        }
    *v = grow(*v, *n, cap, sizeof **v);
    (*v)[(*n)++] = (struct seen_name){estrdup(name), line};
    return 0;
}

static void forget_all(struct seen_name *v, size_t *n)
{
    for (size_t i = 0; i < *n; i++)
        free(v[i].name);
    *n = 0;
}

/* The section name of a "[...]" line (in BUF), or NULL for another line. */
static const char *section_header(char *line, char *buf, size_t n)
{
    char *t = trim(line), *close = strchr(t, ']');
    if (*t != '[' || !close)
        return NULL;
    *close = '\0';
    snprintf(buf, n, "%s", t + 1);
    return trim(buf);
}

static void prescan_line(struct loader *ld, char *line, long lineno, char *section,
                         struct seen_name **secs, size_t *nsecs, size_t *capsecs,
                         struct seen_name **keys, size_t *nkeys, size_t *capkeys)
{
    char name[1100];
    long first;
    const char *sec = section_header(line, name, sizeof name);
    if (sec) {
        if (strchr(sec, ':'))
            fail(ld, sec, NULL, "section name must not contain ':'");
        if (seen_before(secs, nsecs, capsecs, sec, lineno, &first))
            fail(ld, sec, NULL, "defined twice (lines %ld and %ld)", first, lineno);
        snprintf(section, 1100, "%s", sec);
        forget_all(*keys, nkeys);
        return;
    }
    char *t = trim(line), *eq = strchr(t, '=');
    if (!*t || *t == '#' || *t == ';' || !eq || !*section)
        return;
    *eq = '\0';
    if (seen_before(keys, nkeys, capkeys, trim(t), lineno, &first))
        fail(ld, section, trim(t), "given twice (lines %ld and %ld)", first, lineno);
}

static void prescan(struct loader *ld)
{
    struct stat st;
    FILE *f = fopen(ld->path, "r");
    if (!f)
        die(EXIT_SETUP, "%s: cannot read profile: %s", ld->path, strerror(errno));
    if (fstat(fileno(f), &st) == 0 && !S_ISREG(st.st_mode))
        die(EXIT_SETUP, "%s: cannot read profile: not a regular file", ld->path);
    struct seen_name *secs = NULL, *keys = NULL;
    size_t nsecs = 0, capsecs = 0, nkeys = 0, capkeys = 0;
    char *line = NULL, section[1100] = "";
    size_t cap = 0;
    long lineno = 0;
    while (getline(&line, &cap, f) > 0)
        prescan_line(ld, line, ++lineno, section, &secs, &nsecs, &capsecs, &keys, &nkeys,
                     &capkeys);
    free(line);
    forget_all(secs, &nsecs);
    forget_all(keys, &nkeys);
    free(secs);
    free(keys);
    fclose(f);
}

/* ---- the load ------------------------------------------------------------ */

static void walk_dictionary(struct loader *ld, const dictionary *dict)
{
    for (ssize_t i = 0; i < dict->size; i++)
        if (dict->key[i] && !strchr(dict->key[i], ':'))
            create_section(ld, dict->key[i]);
    for (ssize_t i = 0; i < dict->size; i++)
        if (dict->key[i] && strchr(dict->key[i], ':'))
            parse_key(ld, dict->key[i], dict->val[i]);
}

void profile_load(const char *path, struct network *net)
{
    struct loader ld = {.path = path, .net = net};
    memset(net, 0, sizeof *net);
    net->path = estrdup(path);
    prescan(&ld);
    ini_error[0] = '\0';
    iniparser_set_error_callback(capture_ini_error);
    dictionary *dict = iniparser_load(path);
    if (!dict)
        fail_syntax(path);
    walk_dictionary(&ld, dict);
    resolve_links(&ld);
    resolve_devices(&ld);
    resolve_sessions(&ld);
    check_export_sessions(&ld);
    resolve_scenarios(&ld);
    resolve_network(&ld);
    check_duplicate_addresses(&ld);
    iniparser_freedict(dict);
    free(ld.dev_refs);
    free(ld.link_refs);
    free(ld.sess_refs);
    free(ld.scen_refs);
}

/* ---- locating the profile ------------------------------------------------ */

static int readable(const char *p)
{
    return access(p, R_OK) == 0;
}

/* profiles/ beside the bin/ directory the program runs from (the build tree). */
static char *build_tree_profile(void)
{
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n <= 0)
        return NULL;
    exe[n] = '\0';
    for (int up = 0; up < 2; up++) {
        char *slash = strrchr(exe, '/');
        if (!slash)
            return NULL;
        *slash = '\0';
    }
    char path[PATH_MAX + 64];
    snprintf(path, sizeof path, "%s/profiles/%s", exe, NETMIMIC_DEFAULT_PROFILE);
    return readable(path) ? estrdup(path) : NULL;
}

char *profile_locate(const char *explicit_path)
{
    if (explicit_path)
        return estrdup(explicit_path);
    const char *env = getenv("NETMIMIC_PROFILE");
    if (env && *env)
        return estrdup(env);
    char *p = build_tree_profile();
    if (p)
        return p;
    char path[PATH_MAX];
    snprintf(path, sizeof path, "%s/%s", NETMIMIC_DATADIR, NETMIMIC_DEFAULT_PROFILE);
    return estrdup(path);
}
