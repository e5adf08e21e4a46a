/* graph.c - `netmimic graph`: the topology as Graphviz DOT, one node per
 * device (hosts as ellipses, routers as boxes), one edge per link (dashed
 * when down); the path of one flow, as the engine forwards it, in red. */
#include "inspect/inspect.h"

#include <stdlib.h>

#include "base/util.h"
#include "model/resolve.h"

/* The inside of a DOT string: quotes and backslashes escaped. */
static void dot_chars(FILE *fp, const char *s)
{
    for (; *s; s++) {
        if (*s == '"' || *s == '\\')
            fputc('\\', fp);
        fputc(*s, fp);
    }
}

static void dot_string(FILE *fp, const char *s)
{
    fputc('"', fp);
    dot_chars(fp, s);
    fputc('"', fp);
}

/* Marks the devices and links of the flow from HOST to TARGET. */
static void mark_path(struct network *net, int host, const char *target, char *on_dev,
                      char *on_link)
{
    struct resolved t;
    struct engine e;
    if (resolve_target(net, host, target, FAMILY_NONE, &t))
        die(EXIT_SETUP, "graph: cannot resolve '%s' in %s", target, net->path);
    inspect_engine(&e, net, host, t.addr);
    const struct fwd_path *p = engine_path(&e, e.src_addr, host, t.addr);
    for (size_t i = 0; i < p->n; i++) {
        on_dev[p->steps[i].device] = 1;
        if (p->steps[i].in_link >= 0)
            on_link[p->steps[i].in_link] = 1;
    }
    engine_free(&e);
}

static void print_node(FILE *fp, const struct network *net, size_t i, int on_path)
{
    char at[ADDR_TEXT_MAX];
    const struct device *d = &net->devices[i];
    struct addr a = device_primary_addr(net, (int)i, FAMILY_V4);
    if (a.family == FAMILY_NONE)
        a = device_primary_addr(net, (int)i, FAMILY_V6);
    fputs("  ", fp);
    dot_string(fp, d->id);
    fprintf(fp, " [shape=%s, label=\"", d->kind == KIND_HOST ? "ellipse" : "box");
    dot_chars(fp, d->id);
    /* \n in a DOT label is a line break */
    fprintf(fp, "\\n%s\"%s];\n", a.family == FAMILY_NONE ? "" : addr_format(a, at),
            on_path ? ", color=red, penwidth=2" : "");
}

static void print_edge(FILE *fp, const struct network *net, size_t i, int on_path)
{
    const struct link *l = &net->links[i];
    fputs("  ", fp);
    dot_string(fp, net->devices[net->ifaces[l->end[0]].device].id);
    fputs(" -- ", fp);
    dot_string(fp, net->devices[net->ifaces[l->end[1]].device].id);
    fputs(" [label=", fp);
    dot_string(fp, l->id);
    fprintf(fp, "%s%s];\n", l->up ? "" : ", style=dashed",
            on_path ? ", color=red, penwidth=2" : "");
}

void inspect_graph(FILE *fp, struct network *net, int path_from, const char *target)
{
    char *on_dev = ecalloc(net->ndevices ? net->ndevices : 1, 1);
    char *on_link = ecalloc(net->nlinks ? net->nlinks : 1, 1);
    if (path_from >= 0 && target)
        mark_path(net, path_from, target, on_dev, on_link);
    fputs("graph ", fp);
    dot_string(fp, net->name ? net->name : "network");
    fputs(" {\n  node [fontname=\"monospace\"];\n  edge [fontname=\"monospace\"];\n", fp);
    for (size_t i = 0; i < net->ndevices; i++)
        print_node(fp, net, i, on_dev[i]);
    for (size_t i = 0; i < net->nlinks; i++)
        print_edge(fp, net, i, on_link[i]);
    fputs("}\n", fp);
    free(on_dev);
    free(on_link);
}
