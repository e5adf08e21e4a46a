/* inspect.h - what `netmimic` shows about a profile: its objects, a
 * device's routes, the explanation of a flow, a lint of the whole network
 * and a Graphviz drawing.  Explanations and the lint send probes through
 * the engine (data/probe.h) with chance losses off and read the loss
 * reasons it records: the same machinery as the Windows tools, not a
 * second one.  Everything writes to FP; errors in the request are one
 * line on stderr and EXIT_SETUP (die). */
#ifndef NETMIMIC_INSPECT_H
#define NETMIMIC_INSPECT_H

#include <stdio.h>

#include "data/probe.h"
#include "model/model.h"

/* One line per host, link or scenario. */
void inspect_hosts(FILE *fp, const struct network *net);
void inspect_links(FILE *fp, const struct network *net);
void inspect_scenarios(FILE *fp, const struct network *net);

/* `netmimic words KIND`: the section names of the hosts, devices, links or
 * scenarios, the targets (every device's names and addresses, localhost),
 * or the profile's path, one a line.  Returns -1 for an unknown KIND. */
int inspect_words(FILE *fp, const struct network *net, const char *kind);

/* The routes of DEVICE (a device's section name), all of them or those
 * overlapping FILTER (a prefix or an address; NULL: all).  routes.c is the
 * one file that reads the control plane's tables. */
void inspect_routes(FILE *fp, const struct network *net, const char *device,
                    const char *filter);

/* The equal-cost next-hop links DEVICE's route toward DST has, into
 * *LINKS; returns their number, 0 when it has one way (or none).  In
 * routes.c, with the other reads of the control plane. */
size_t routes_ecmp_links(struct routing *rt, int device, struct addr dst, const int **links);

/* Every equal-cost path of the flow SRC -> DST from device FROM (ecmp.c):
 * for each device on them where the route splits, its next hops and the one
 * the flow's hash picks, then each path, the flow's own first.  LABEL
 * prefixes the lines ("" or "return "), FLOW names the flow ("this flow",
 * "this reply").  Nothing when there is one path. */
void explain_ecmp(FILE *fp, struct engine *e, const char *label, const char *flow, int from,
                  struct addr src, struct addr dst);

/* The same for the echo reply from SRC, at device FROM, to the run's probe
 * toward DST ("return " lines, "this reply"), along the way reply_path
 * takes it back: through the NAT devices the probe crossed, in legs. */
void explain_ecmp_return(FILE *fp, struct engine *e, struct addr dst, int from,
                         struct addr src);

/* "WHAT: a > b > c" and how the path ends, one line (explain.c). */
void print_path(FILE *fp, const struct network *net, const char *what, const struct fwd_path *p);

/* Starts an engine on HOST toward DST with chance losses and rate limits
 * off, so a probe's outcome is the network's structure alone. */
void inspect_engine(struct engine *e, struct network *net, int host, struct addr dst);

/* Why the lost probe R (toward DST) got no answer, in words, into BUF. */
char *explain_loss(const struct network *net, const struct probe_result *r, struct addr dst,
                   char *buf, size_t n);

/* What an answer with status S says, in words ("time exceeded", ...). */
const char *explain_answer(enum probe_status s);

/* The flow from HOST to TARGET (as tracert takes it: name or address;
 * FAMILY as -4/-6, or FAMILY_NONE) hop by hop, up to MAX_HOPS. */
void inspect_explain(FILE *fp, struct network *net, int host, const char *target,
                     enum addr_family family, unsigned max_hops);

/* Lints the network; returns the number of findings printed. */
unsigned long inspect_check(FILE *fp, struct network *net);

/* The topology as Graphviz DOT; with PATH_FROM >= 0, the path of the flow
 * from that host to TARGET is highlighted. */
void inspect_graph(FILE *fp, struct network *net, int path_from, const char *target);

#endif
