/* words.c - `netmimic words KIND`: the names of one kind of object of the
 * profile, one a line, for the shell completions.  The completions ask this
 * rather than read the profile themselves, so that they offer exactly what
 * the loader accepts, from the profile the tools beside netmimic would read
 * (--profile, NETMIMIC_PROFILE, the build tree, the installed default). */
#include <string.h>

#include "inspect/inspect.h"

/* Every name and address of every device, then localhost, which every
 * host answers itself: what a tool's target may be. */
static void print_targets(FILE *fp, const struct network *net)
{
    char at[ADDR_TEXT_MAX];
    for (size_t i = 0; i < net->ndevices; i++) {
        const struct device *d = &net->devices[i];
        for (size_t k = 0; k < d->nnames; k++)
            fprintf(fp, "%s\n", d->names[k]);
        for (size_t f = 0; f < d->nifaces; f++) {
            const struct iface *ifc = &net->ifaces[d->ifaces[f]];
            for (size_t k = 0; k < ifc->naddrs; k++)
                fprintf(fp, "%s\n", addr_format(ifc->addrs[k].addr, at));
        }
    }
    fputs("localhost\n", fp);
}

int inspect_words(FILE *fp, const struct network *net, const char *kind)
{
    if (strcmp(kind, "hosts") == 0 || strcmp(kind, "devices") == 0) {
        int hosts_only = kind[0] == 'h';
        for (size_t i = 0; i < net->ndevices; i++)
            if (!hosts_only || net->devices[i].kind == KIND_HOST)
                fprintf(fp, "%s\n", net->devices[i].id);
    } else if (strcmp(kind, "links") == 0) {
        for (size_t i = 0; i < net->nlinks; i++)
            fprintf(fp, "%s\n", net->links[i].id);
    } else if (strcmp(kind, "scenarios") == 0) {
        for (size_t i = 0; i < net->nscenarios; i++)
            fprintf(fp, "%s\n", net->scenarios[i].id);
    } else if (strcmp(kind, "targets") == 0) {
        print_targets(fp, net);
    } else if (strcmp(kind, "profile") == 0) {
        fprintf(fp, "%s\n", net->path);
    } else {
        return -1;
    }
    return 0;
}
