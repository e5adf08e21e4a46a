/* record.h - the JSON record of a run (--json FILE): a sink (runs/sink.h)
 * that writes, as the run goes, the run's setting, every probe with its
 * ground truth (who answered, from where, the RTT before Windows' rounding
 * and as printed, why a probe was lost) and the statistics.  Field names
 * follow jc's ping and traceroute schemas where jc has the same value; the
 * schema is man/netmimic-json.schema.json (schema_version below). */
#ifndef NETMIMIC_RECORD_H
#define NETMIMIC_RECORD_H

#include <stdint.h>
#include <stdio.h>

#include "model/model.h"
#include "model/resolve.h"
#include "render/json.h"
#include "runs/sink.h"

#define RECORD_SCHEMA_VERSION 1

enum record_tool { RECORD_TRACERT, RECORD_PING, RECORD_PATHPING };

/* What the run is, known before it starts. */
struct record_info {
    const char *tool;      /* "tracert", "ping" or "pathping" */
    int argc;              /* the arguments after the program's name */
    char **argv;
    const struct network *net;
    int host;
    uint64_t seed;
    const char *scenario;  /* --scenario, or NULL */
};

struct recorder {
    struct json j;
    struct run_sink sink;  /* hand &sink to the run */
    const struct network *net;
    int host;
    enum record_tool tool;
    int section;           /* the array of the document now open */
    unsigned open_hop;     /* the hop whose probes are open, or 0 */
    int have_bytes;        /* ping: an echo was sent, data_bytes is known */
    unsigned data_bytes;   /* ping: its payload size, for jc's data_bytes */
};

/* Starts the document on FP (the recorder closes it). */
void recorder_begin(struct recorder *r, FILE *fp, const struct record_info *info);
/* The target, as typed and resolved, and the source address. */
void recorder_target(struct recorder *r, const char *typed, const struct resolved *t,
                     struct addr src);
/* A run that did not happen: Windows' failure, in our words. */
void recorder_failure(struct recorder *r, const char *what);
/* Ends the document with the exit status; returns 0, or -1 if the file
 * could not be written. */
int recorder_end(struct recorder *r, int status);

#endif
