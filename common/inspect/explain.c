/* explain.c - `netmimic explain`: a flow hop by hop, from the probe
 * results and their loss reasons (see inspect.h). */
#include "inspect/inspect.h"

#include <string.h>

#include "base/util.h"
#include "data/reply.h"
#include "model/resolve.h"

void inspect_engine(struct engine *e, struct network *net, int host, struct addr dst)
{
    engine_init(e, net, host, source_address(net, host, dst), 0);
    e->certain = 1;
}

static int speaks_route_exchange(const struct network *net, int dev)
{
    for (size_t i = 0; i < net->nsessions; i++)
        if (net->sessions[i].end[0].device == dev || net->sessions[i].end[1].device == dev)
            return 1;
    return 0;
}

static int originated(const struct network *net, struct addr a)
{
    for (size_t d = 0; d < net->ndevices; d++)
        for (size_t i = 0; i < net->devices[d].nnetworks; i++)
            if (prefix_contains(net->devices[d].networks[i], a))
                return 1;
    return 0;
}

/* ", not advertised by D[ or E]" when no device originates a prefix
 * covering A (networks =) and D, E, which speak route exchange, sit on A's
 * subnet NET: the usual reason nobody else has a route to A.  "" when A is
 * originated, or nobody on its subnet could advertise it. */
static const char *unadvertised(const struct network *net, struct addr a, struct prefix sub,
                                char *buf, size_t n)
{
    size_t len = 0;
    *buf = '\0';
    if (originated(net, a))
        return buf;
    for (size_t i = 0; i < net->nifaces && len + 1 < n; i++) { /* cut when full */
        const struct iface *f = &net->ifaces[i];
        int on = 0;
        for (size_t k = 0; k < f->naddrs; k++)
            on |= prefix_eq(f->addrs[k].net, sub);
        if (on && speaks_route_exchange(net, f->device))
            len += (size_t)snprintf(buf + len, n - len, "%s%s",
                                    len ? " or " : ", not advertised by ",
                                    net->devices[f->device].id);
        if (len >= n)
            len = n - 1;
    }
    return buf;
}

/* "ADDR (PREFIX[, not advertised by D])" for an interface address, else
 * "ADDR". */
static char *addr_with_prefix(const struct network *net, struct addr a, char *buf, size_t n)
{
    char at[ADDR_TEXT_MAX], pt[PREFIX_TEXT_MAX], note[160];
    const struct iface_addr *ia = network_addr_lookup(net, a, NULL);
    if (ia)
        snprintf(buf, n, "%s (%s%s)", addr_format(a, at), prefix_format(ia->net, pt),
                 unadvertised(net, a, ia->net, note, sizeof note));
    else
        snprintf(buf, n, "%s", addr_format(a, at));
    return buf;
}

static const char *id_of(const struct device *d)
{
    return d ? d->id : "?";
}

char *explain_loss(const struct network *net, const struct probe_result *r, struct addr dst,
                   char *buf, size_t n)
{
    char a[ADDR_TEXT_MAX + PREFIX_TEXT_MAX + 168], t[ADDR_TEXT_MAX];
    const char *where = id_of(r->loss_device), *who = id_of(r->responder);
    addr_format(dst, t);
    switch (r->loss) {
    case LOSS_LINK:
        snprintf(buf, n, "lost on link %s (loss = %g)%s", r->loss_link->id, r->loss_link->loss,
                 r->loss_on_reply ? " on the way back" : "");
        break;
    case LOSS_REPLY_LOSS:
        snprintf(buf, n, "%s drops its reply (reply_loss = %g)", who, r->responder->reply_loss);
        break;
    case LOSS_RATE_LIMIT:
        snprintf(buf, n, "%s's replies are rate-limited (reply_limit)", who);
        break;
    case LOSS_SILENT:
        snprintf(buf, n, "%s never answers (answers = no)", who);
        break;
    case LOSS_NO_ROUTE_BACK:
        snprintf(buf, n, "reply has no route back: %s has no route to %s", where,
                 addr_with_prefix(net, r->from, a, sizeof a));
        break;
    case LOSS_NO_ROUTE_TO_SOURCE:
        snprintf(buf, n, "reply cannot reach the source: %s has no route back", where);
        break;
    case LOSS_REPLY_TTL:
        snprintf(buf, n, "the reply's TTL (initial_ttl = %d) runs out on the way back",
                 r->responder->initial_ttl);
        break;
    case LOSS_NO_ROUTE_OUT:
        snprintf(buf, n, "%s has no route to %s and drops it", where, t);
        break;
    case LOSS_NEIGHBOR_MISS:
        snprintf(buf, n, "nobody owns %s on %s's segment (neighbor_miss = drop)", t, where);
        break;
    case LOSS_BROADCAST:
        snprintf(buf, n, "%s is a broadcast address on %s's segment", t, where);
        break;
    case LOSS_NOT_FORWARDING:
        snprintf(buf, n, "the way leads into host %s, which does not forward", where);
        break;
    case LOSS_LOOP:
        snprintf(buf, n, "forwarding loop (through %s)", where);
        break;
    case LOSS_TOO_LATE:
        snprintf(buf, n, "the reply comes after the timeout");
        break;
    case LOSS_NONE:
        snprintf(buf, n, "no answer");
        break;
    }
    return buf;
}

/* The devices of PATH, "a > b > c", then how it ends. */
void print_path(FILE *fp, const struct network *net, const char *what, const struct fwd_path *p)
{
    static const char *const ends[] = {
        [PATH_DELIVERED] = "", [PATH_NO_ROUTE] = " (no route)",
        [PATH_NO_HOST] = " (no such address on the segment)",
        [PATH_BROADCAST] = " (broadcast)", [PATH_NOT_FORWARDING] = " (a host: not forwarded)",
        [PATH_TOO_LONG] = " (loop)", [PATH_BAD_ROUTE] = " (bad source route)"};
    fprintf(fp, "%s:", what);
    for (size_t i = 0; i < p->n && i < 64; i++)
        fprintf(fp, "%s%s", i ? " > " : " ", net->devices[p->steps[i].device].id);
    fprintf(fp, "%s%s\n", p->n > 64 ? " > ..." : "", ends[p->end]);
}

const char *explain_answer(enum probe_status s)
{
    switch (s) {
    case PROBE_ECHO_REPLY: return "echo reply";
    case PROBE_TTL_EXPIRED: return "time exceeded";
    case PROBE_HOST_UNREACH: return "reports destination host unreachable";
    case PROBE_NET_UNREACH: return "reports destination net unreachable";
    case PROBE_FRAG_NEEDED: return "reports fragmentation needed";
    case PROBE_BAD_ROUTE: return "reports the source route failed";
    default: return "answers";
    }
}

/* What could still lose the answer of R by chance: the responder's own
 * reply loss or rate limit. */
static void chance_notes(FILE *fp, const struct device *d)
{
    if (d && d->reply_loss > 0)
        fprintf(fp, " (drops %g of its replies)", d->reply_loss);
    if (d && d->reply_limit_ms)
        fprintf(fp, " (at most %u replies per %u ms)", d->reply_limit, d->reply_limit_ms);
}

/* One hop; returns 1 when the explanation is over. */
static int explain_hop(FILE *fp, struct engine *e, struct addr dst, unsigned ttl)
{
    char at[ADDR_TEXT_MAX], why[512];
    struct probe_spec spec = {.dst = dst, .ttl = (int)ttl, .size = 32, .timeout_ms = 4000};
    struct probe_result r = engine_probe(e, &spec);
    fprintf(fp, "hop %u", ttl);
    if (r.status == PROBE_TIMEOUT && !r.responder) {
        fprintf(fp, ": %s\n", explain_loss(e->net, &r, dst, why, sizeof why));
        return 1; /* the probe itself goes no further */
    }
    if (r.from.family != FAMILY_NONE)
        fprintf(fp, " %s", addr_format(r.from, at));
    if (r.segment) /* one of the routers a link stands for */
        fprintf(fp, " (router %u of link %s): ", r.segment_router, r.segment->id);
    else
        fprintf(fp, " (%s): ", id_of(r.responder));
    if (r.status == PROBE_TIMEOUT) {
        fprintf(fp, "%s\n", explain_loss(e->net, &r, dst, why, sizeof why));
        return 0;
    }
    fprintf(fp, "%s, the reply comes back (TTL %d)", explain_answer(r.status), r.reply_ttl);
    /* a link's routers always answer: the device that the probe entered
     * the link from (r.responder) does not police their replies */
    chance_notes(fp, r.segment ? NULL : r.responder);
    fputc('\n', fp);
    if (r.status == PROBE_TTL_EXPIRED)
        return 0;
    if (r.status == PROBE_ECHO_REPLY) {
        int from = (int)(r.responder - e->net->devices);
        print_path(fp, e->net, "return path", engine_echo_return(e, dst, from, r.from));
        explain_ecmp_return(fp, e, dst, from, r.from);
    }
    return 1;
}

/* Links on the way that lose packets by chance. */
static void lossy_links(FILE *fp, const struct network *net, const struct fwd_path *p)
{
    for (size_t i = 1; i < p->n; i++) {
        const struct link *l = &net->links[p->steps[i].in_link];
        if (l->loss > 0)
            fprintf(fp, "link %s loses %g of the packets it carries\n", l->id, l->loss);
    }
}

void inspect_explain(FILE *fp, struct network *net, int host, const char *target,
                     enum addr_family family, unsigned max_hops)
{
    struct resolved t;
    char at[ADDR_TEXT_MAX], st[ADDR_TEXT_MAX];
    struct engine e;
    if (resolve_target(net, host, target, family, &t))
        die(EXIT_SETUP, "explain: cannot resolve '%s' in %s", target, net->path);
    inspect_engine(&e, net, host, t.addr);
    int owner = network_iface_by_addr(net, t.addr);
    fprintf(fp, "from %s %s to %s%s%s%s\n", net->devices[host].id, addr_format(e.src_addr, st),
            addr_format(t.addr, at), owner >= 0 ? " (" : "",
            owner >= 0 ? net->devices[net->ifaces[owner].device].id : "", owner >= 0 ? ")" : "");
    const struct fwd_path *out = engine_path(&e, e.src_addr, host, t.addr);
    print_path(fp, net, "path", out);
    explain_ecmp(fp, &e, "", "this flow", host, e.src_addr, t.addr);
    lossy_links(fp, net, out);
    for (unsigned ttl = 1; ttl <= max_hops; ttl++)
        if (explain_hop(fp, &e, t.addr, ttl))
            break;
    engine_free(&e);
}
