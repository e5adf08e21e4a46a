/* record.c - see record.h. */
#include "runs/record.h"

#include <string.h>

#include "addr/addr.h"

enum section { SEC_NONE, SEC_HOPS, SEC_MEASUREMENTS, SEC_ROWS, SEC_RESPONSES };

static const char *const section_names[] = {NULL, "hops", "measurements", "statistics",
                                            "responses"};

/* jc's ping "type" where jc has one (its error type map), else our own. */
static const char *type_name(enum probe_status s)
{
    switch (s) {
    case PROBE_TIMEOUT: return "timeout";
    case PROBE_ECHO_REPLY: return "reply";
    case PROBE_TTL_EXPIRED: return "time_to_live_exceeded";
    case PROBE_HOST_UNREACH: return "destination_host_unreachable";
    case PROBE_NET_UNREACH: return "destination_net_unreachable";
    case PROBE_FRAG_NEEDED: return "frag_needed_and_df_set";
    case PROBE_FRAG_LOCAL: return "frag_needed_local";
    case PROBE_TRANSMIT_FAILED: return "transmit_failed";
    case PROBE_BAD_ROUTE: return "source_route_failed";
    case PROBE_GENERAL_FAILURE: return "general_failure";
    }
    return "unknown";
}

static const char *loss_name(enum probe_loss l)
{
    static const char *const names[] = {
        [LOSS_NONE] = "none", [LOSS_LINK] = "link_loss", [LOSS_REPLY_LOSS] = "reply_loss",
        [LOSS_RATE_LIMIT] = "rate_limit", [LOSS_SILENT] = "silent",
        [LOSS_NO_ROUTE_BACK] = "no_route_back",
        [LOSS_NO_ROUTE_TO_SOURCE] = "no_route_to_source", [LOSS_REPLY_TTL] = "reply_ttl_expired",
        [LOSS_NO_ROUTE_OUT] = "no_route_out", [LOSS_NEIGHBOR_MISS] = "neighbor_miss",
        [LOSS_BROADCAST] = "broadcast", [LOSS_NOT_FORWARDING] = "not_forwarding",
        [LOSS_LOOP] = "loop", [LOSS_TOO_LATE] = "too_late"};
    return names[l];
}

/* An answer came back (an error reply counts). */
static int answered(const struct probe_result *r)
{
    return r->status != PROBE_TIMEOUT && r->status != PROBE_FRAG_LOCAL &&
           r->status != PROBE_TRANSMIT_FAILED && r->status != PROBE_GENERAL_FAILURE;
}

static void addr_member(struct json *j, const char *key, struct addr a)
{
    char text[ADDR_TEXT_MAX];
    json_string(j, key, a.family == FAMILY_NONE ? NULL : addr_format(a, text));
}

static void device_member(struct json *j, const char *key, const struct device *d)
{
    json_string(j, key, d ? d->id : NULL);
}

/* The device that owns address A, as a member. */
static void owner_member(struct recorder *r, const char *key, struct addr a)
{
    int ifc = a.family == FAMILY_NONE ? -1 : network_iface_by_addr(r->net, a);
    json_string(&r->j, key, ifc < 0 ? NULL : r->net->devices[r->net->ifaces[ifc].device].id);
}

static void loss_member(struct json *j, const struct probe_result *pr)
{
    if (pr->loss == LOSS_NONE) {
        json_null(j, "loss");
        return;
    }
    json_begin_object(j, "loss");
    json_string(j, "reason", loss_name(pr->loss));
    device_member(j, "device", pr->loss_device);
    json_string(j, "link", pr->loss_link ? pr->loss_link->id : NULL);
    json_bool(j, "on_reply", pr->loss_on_reply);
    device_member(j, "responder", pr->responder);
    addr_member(j, "reply_ip", pr->from);
    json_end_object(j);
}

/* Closes the open hop of probes (the hop's own members are written by the
 * hop event, when there is one). */
static void close_hop(struct recorder *r)
{
    if (!r->open_hop)
        return;
    json_end_array(&r->j);
    json_end_object(&r->j);
    r->open_hop = 0;
}

static void open_section(struct recorder *r, enum section s)
{
    if (r->section == (int)s)
        return;
    close_hop(r);
    if (r->section != SEC_NONE)
        json_end_array(&r->j);
    r->section = s;
    if (s != SEC_NONE)
        json_begin_array(&r->j, section_names[s]);
}

static void open_hop(struct recorder *r, unsigned hop)
{
    if (r->open_hop == hop)
        return;
    close_hop(r);
    json_begin_object(&r->j, NULL);
    json_uint(&r->j, "hop", hop);
    json_begin_array(&r->j, "probes");
    r->open_hop = hop;
}

/* Windows truncates times; "<1 ms" is 0, as its own statistics count it. */
static unsigned long printed_ms(double rtt)
{
    return rtt < 1.0 ? 0 : (unsigned long)rtt;
}

/* What every probe has: the outcome, who answered, the ground truth. */
static void probe_common(struct recorder *r, const struct sink_probe *p)
{
    struct json *j = &r->j;
    const struct probe_result *pr = p->r;
    int got = answered(pr);
    json_string(j, "type", type_name(pr->status));
    json_bool(j, "sent", p->sent);
    if (p->spec)
        json_int(j, "sent_ttl", p->spec->ttl);
    else
        json_null(j, "sent_ttl");
    /* A router of a transit segment is no device of the profile: "device"
     * is null and "segment" names the link and the router's number. */
    device_member(j, "device", got && !pr->segment ? pr->responder : NULL);
    if (got && pr->segment) {
        json_begin_object(j, "segment");
        json_string(j, "link", pr->segment->id);
        json_int(j, "router", pr->segment_router);
        json_end_object(j);
    }
    if (got && !pr->from_source)
        json_int(j, "ttl", pr->reply_ttl);
    else
        json_null(j, "ttl");
    if (got)
        json_double(j, "rtt_exact_ms", pr->rtt_ms);
    else
        json_null(j, "rtt_exact_ms");
    loss_member(j, pr);
}

/* A probe of a hop: tracert's (with its printed field) or pathping's
 * (nothing printed per probe) in SECTION. */
static void hop_probe(struct recorder *r, const struct sink_probe *p, enum section section)
{
    struct json *j = &r->j;
    const struct probe_result *pr = p->r;
    char text[32] = "";
    open_section(r, section);
    open_hop(r, p->hop);
    json_begin_object(j, NULL);
    json_uint(j, "probe", p->index);
    addr_member(j, "ip", answered(pr) ? pr->from : (struct addr){0});
    json_string(j, "name", answered(pr) ? resolve_reverse_at(r->net, r->host, pr->from) : NULL);
    if (r->tool == RECORD_TRACERT && p->shown) {
        json_double(j, "rtt", (double)printed_ms(pr->rtt_ms));
        snprintf(text, sizeof text, pr->rtt_ms < 1.0 ? "<1 ms" : "%lu ms", printed_ms(pr->rtt_ms));
    } else {
        json_null(j, "rtt");
        if (r->tool == RECORD_TRACERT && !answered(pr))
            strcpy(text, "*");
    }
    json_string(j, "rtt_text", *text ? text : NULL);
    probe_common(r, p);
    json_end_object(j);
}

/* A ping echo, with jc's names: the printed time as time_ms. */
static void ping_response(struct recorder *r, const struct sink_probe *p)
{
    struct json *j = &r->j;
    const struct probe_result *pr = p->r;
    char text[32] = "";
    int reply = pr->status == PROBE_ECHO_REPLY;
    open_section(r, SEC_RESPONSES);
    if (p->spec && !r->have_bytes) {
        r->have_bytes = 1;
        r->data_bytes = p->spec->size;
    }
    json_begin_object(j, NULL);
    json_uint(j, "icmp_seq", p->index);
    /* as the line names it: -R shows the target, not the host the echo came back to */
    struct addr shown = p->printed_from.family != FAMILY_NONE ? p->printed_from : pr->from;
    addr_member(j, "response_ip", answered(pr) ? shown : (struct addr){0});
    if (reply && p->spec)
        json_uint(j, "bytes", p->spec->size);
    else
        json_null(j, "bytes");
    if (reply) {
        json_double(j, "time_ms", (double)printed_ms(pr->rtt_ms));
        snprintf(text, sizeof text, pr->rtt_ms < 1.0 ? "time<1ms" : "time=%lums",
                 printed_ms(pr->rtt_ms));
    } else {
        json_null(j, "time_ms");
    }
    json_string(j, "time_text", *text ? text : NULL);
    json_bool(j, "received", p->shown);
    probe_common(r, p);
    json_end_object(j);
}

static void on_probe(void *ctx, const struct sink_probe *p)
{
    struct recorder *r = ctx;
    if (r->tool == RECORD_PING)
        ping_response(r, p);
    else
        hop_probe(r, p, p->phase == 2 ? SEC_MEASUREMENTS : SEC_HOPS);
}

/* "name [addr]": the name part, into BUF; NULL when the text is only an
 * address. */
static const char *printed_name(const char *text, char *buf, size_t n)
{
    const char *open = text ? strstr(text, " [") : NULL;
    size_t len = open ? (size_t)(open - text) : 0;
    if (!open || len >= n)
        return NULL;
    memcpy(buf, text, len);
    buf[len] = '\0';
    return buf;
}

/* The members of a hop as printed. */
static void printed_members(struct recorder *r, int answered_hop, struct addr a,
                            const char *text)
{
    char name[ADDR_NAME_TEXT_MAX];
    addr_member(&r->j, "ip", answered_hop ? a : (struct addr){0});
    json_string(&r->j, "name", printed_name(text, name, sizeof name));
    json_string(&r->j, "printed", text);
    owner_member(r, "device", answered_hop ? a : (struct addr){0});
}

static void on_hop(void *ctx, const struct sink_hop *h)
{
    struct recorder *r = ctx;
    open_section(r, SEC_HOPS);
    open_hop(r, h->hop);
    json_end_array(&r->j); /* the probes */
    json_bool(&r->j, "answered", h->answered);
    printed_members(r, h->answered, h->addr, h->text);
    json_bool(&r->j, "reports", h->reports);
    json_end_object(&r->j);
    r->open_hop = 0;
}

static void on_path_row(void *ctx, const struct sink_path_row *row)
{
    struct recorder *r = ctx;
    struct json *j = &r->j;
    open_section(r, SEC_ROWS);
    json_begin_object(j, NULL);
    json_uint(j, "hop", row->hop);
    printed_members(r, 1, row->addr, row->text);
    if (row->answered)
        json_double(j, "rtt", (double)row->avg_ms);
    else
        json_null(j, "rtt");
    json_uint(j, "sent", row->sent);
    json_uint(j, "lost", row->lost);
    json_uint(j, "node_lost", row->node_lost);
    json_uint(j, "link_lost", row->link_lost);
    json_end_object(j);
}

/* jc's statistics members, as Windows prints them (truncated). */
static void on_ping_stats(void *ctx, const struct ping_stats *st, int interrupted)
{
    struct recorder *r = ctx;
    struct json *j = &r->j;
    unsigned long lost = st->sent - st->received;
    open_section(r, SEC_NONE);
    /* "with 32 bytes of data": the size every echo was sent with */
    if (r->have_bytes)
        json_uint(j, "data_bytes", r->data_bytes);
    else
        json_null(j, "data_bytes");
    json_uint(j, "packets_transmitted", st->sent);
    json_uint(j, "packets_received", st->received);
    json_double(j, "packet_loss_percent", st->sent ? (double)(lost * 100 / st->sent) : 0.0);
    if (st->echo_replies) {
        json_double(j, "round_trip_ms_min", (double)st->min_ms);
        json_double(j, "round_trip_ms_max", (double)st->max_ms);
        json_double(j, "round_trip_ms_avg", (double)(st->sum_ms / st->echo_replies));
    } else {
        json_null(j, "round_trip_ms_min");
        json_null(j, "round_trip_ms_max");
        json_null(j, "round_trip_ms_avg");
    }
    json_bool(j, "interrupted", interrupted);
}

static enum record_tool tool_of(const char *name)
{
    return strcmp(name, "ping") == 0       ? RECORD_PING
           : strcmp(name, "pathping") == 0 ? RECORD_PATHPING
                                           : RECORD_TRACERT;
}

void recorder_begin(struct recorder *r, FILE *fp, const struct record_info *info)
{
    const struct network *net = info->net;
    const struct device *host = &net->devices[info->host];
    memset(r, 0, sizeof *r);
    r->net = net;
    r->host = info->host;
    r->tool = tool_of(info->tool);
    r->sink = (struct run_sink){r, on_probe, on_hop, on_ping_stats, on_path_row};
    json_init(&r->j, fp);
    json_begin_object(&r->j, NULL);
    json_int(&r->j, "schema_version", RECORD_SCHEMA_VERSION);
    json_string(&r->j, "tool", info->tool);
    json_begin_array(&r->j, "arguments");
    for (int i = 0; i < info->argc; i++)
        json_string(&r->j, NULL, info->argv[i]);
    json_end_array(&r->j);
    json_string(&r->j, "profile", net->path);
    json_string(&r->j, "network", net->name);
    json_string(&r->j, "host", host->id);
    json_string(&r->j, "host_name", host->nnames ? host->names[0] : NULL);
    json_uint(&r->j, "seed", info->seed);
    json_string(&r->j, "scenario", info->scenario);
    json_begin_array(&r->j, "links_down");
    for (size_t i = 0; i < net->nlinks; i++)
        if (!net->links[i].up)
            json_string(&r->j, NULL, net->links[i].id);
    json_end_array(&r->j);
}

void recorder_target(struct recorder *r, const char *typed, const struct resolved *t,
                     struct addr src)
{
    json_string(&r->j, "destination", typed);
    addr_member(&r->j, "destination_ip", t->addr);
    json_string(&r->j, "destination_name", t->canonical);
    owner_member(r, "destination_device", t->addr);
    addr_member(&r->j, "source_ip", src);
}

void recorder_failure(struct recorder *r, const char *what)
{
    json_string(&r->j, "failure", what);
}

int recorder_end(struct recorder *r, int status)
{
    open_section(r, SEC_NONE);
    json_int(&r->j, "exit_status", status);
    json_end_object(&r->j);
    return json_close(&r->j);
}
