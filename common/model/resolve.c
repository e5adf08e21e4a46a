/* resolve.c - see resolve.h. */
#include "model/resolve.h"

#include <stdio.h>
#include <string.h>

#include "base/util.h"

static int device_by_name(const struct network *net, const char *text)
{
    for (size_t d = 0; d < net->ndevices; d++)
        for (size_t i = 0; i < net->devices[d].nnames; i++)
            if (str_ieq(net->devices[d].names[i], text))
                return (int)d;
    return -1;
}

int resolve_target(const struct network *net, const char *text, uint32_t *addr,
                   const char **canonical)
{
    if (addr_parse(text, addr) == 0) {
        *canonical = NULL;
        return 0;
    }
    int d = device_by_name(net, text);
    if (d < 0)
        return -1;
    *addr = device_primary_addr(net, d);
    *canonical = net->devices[d].names[0];
    return 0;
}

const char *resolve_reverse(const struct network *net, uint32_t a)
{
    int ifc = network_iface_by_addr(net, a);
    return ifc >= 0 ? net->ifaces[ifc].ptr : NULL;
}

int resolve_host(const struct network *net, const char *text)
{
    int d = network_find_device(net, text);
    if (d < 0)
        d = device_by_name(net, text);
    uint32_t a;
    if (d < 0 && addr_parse(text, &a) == 0) {
        int ifc = network_iface_by_addr(net, a);
        d = ifc >= 0 ? net->ifaces[ifc].device : -1;
    }
    return d >= 0 && net->devices[d].kind == KIND_HOST ? d : -1;
}

char *format_hop_text(const struct network *net, uint32_t a, int resolve, char *buf, size_t n)
{
    return format_addr_text(buf, n, resolve ? resolve_reverse(net, a) : NULL, a);
}

const char *format_target_text(const struct network *net, const char *canonical, uint32_t dst,
                               int resolve, char *buf, size_t n)
{
    const char *name = canonical ? canonical : resolve ? resolve_reverse(net, dst) : NULL;
    format_addr_text(buf, n, name, dst);
    return name;
}

char *format_addr_text(char *buf, size_t n, const char *name, uint32_t a)
{
    char ip[16];
    addr_format(a, ip);
    if (name)
        snprintf(buf, n, "%s [%s]", name, ip);
    else
        snprintf(buf, n, "%s", ip);
    return buf;
}
