/* listing.c - `netmimic hosts`, `links`, `scenarios`: one line each. */
#include "inspect/inspect.h"

/* The addresses of DEVICE, comma-separated. */
static void print_addresses(FILE *fp, const struct network *net, const struct device *d)
{
    char at[ADDR_TEXT_MAX];
    int first = 1;
    for (size_t i = 0; i < d->nifaces; i++) {
        const struct iface *ifc = &net->ifaces[d->ifaces[i]];
        for (size_t k = 0; k < ifc->naddrs; k++) {
            fprintf(fp, "%s%s", first ? "" : ",", addr_format(ifc->addrs[k].addr, at));
            first = 0;
        }
    }
    if (first)
        fputc('-', fp);
}

void inspect_hosts(FILE *fp, const struct network *net)
{
    for (size_t i = 0; i < net->ndevices; i++) {
        const struct device *d = &net->devices[i];
        if (d->kind != KIND_HOST)
            continue;
        fprintf(fp, "%s ", d->id);
        print_addresses(fp, net, d);
        fprintf(fp, " names=");
        for (size_t k = 0; k < d->nnames; k++)
            fprintf(fp, "%s%s", k ? "," : "", d->names[k]);
        fprintf(fp, "%s site=%s%s\n", d->nnames ? "" : "-",
                d->site >= 0 ? net->sites[d->site].id : "-",
                (int)i == net->default_host ? " default" : "");
    }
}

static void print_end(FILE *fp, const struct network *net, int iface)
{
    const struct iface *ifc = &net->ifaces[iface];
    fprintf(fp, " %s.%s", net->devices[ifc->device].id, ifc->name);
}

void inspect_links(FILE *fp, const struct network *net)
{
    for (size_t i = 0; i < net->nlinks; i++) {
        const struct link *l = &net->links[i];
        fprintf(fp, "%s", l->id);
        print_end(fp, net, l->end[0]);
        print_end(fp, net, l->end[1]);
        fprintf(fp, " mtu=%u loss=%g %s\n", l->mtu, l->loss, l->up ? "up" : "down");
    }
}

void inspect_scenarios(FILE *fp, const struct network *net)
{
    for (size_t i = 0; i < net->nscenarios; i++) {
        const struct scenario *s = &net->scenarios[i];
        fprintf(fp, "%s down=", s->id);
        for (size_t k = 0; k < s->nlinks_down; k++)
            fprintf(fp, "%s%s", k ? "," : "", net->links[s->links_down[k]].id);
        fprintf(fp, "%s%s%s\n", s->nlinks_down ? "" : "-", s->description ? ": " : "",
                s->description ? s->description : "");
    }
}
