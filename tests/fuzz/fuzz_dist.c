/* fuzz_dist.c - the distribution grammar (model/dist.c).
 *
 * The input is a profile value (its first line: a value is one line).  A
 * value the parser refuses must come with a reason; a value it accepts must draw only numbers that are not
 * negative and not NaN, and draw the same numbers again after
 * dist_reset_run (draws are a pure function of seed, element and draw
 * number).  Its mean must not be negative or NaN either. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "model/dist.h"
#include "support.h"

#define DRAWS 16

static void draw(struct dist *d, uint64_t seed, double *v)
{
    dist_reset_run(d);
    for (int i = 0; i < DRAWS; i++)
        v[i] = dist_sample(d, seed, (uint64_t)i % 3, (uint64_t)i);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *text = malloc(size + 1), err[200];
    memcpy(text, data, size);
    text[size] = '\0';
    text[strcspn(text, "\r\n")] = '\0';
    err[0] = '\0';
    struct dist *d = dist_parse(text, err, sizeof err);
    if (!d) {
        if (!err[0])
            fuzz_fail("refused with no reason");
        free(text);
        return 0;
    }
    double mean = dist_mean(d);
    if (isnan(mean) || mean < 0)
        fuzz_fail("mean %g", mean);
    double a[DRAWS], b[DRAWS];
    uint64_t seed = size ? data[0] * 0x9E3779B97F4A7C15ull : 1;
    draw(d, seed, a);
    draw(d, seed, b);
    for (int i = 0; i < DRAWS; i++) {
        if (isnan(a[i]) || a[i] < 0)
            fuzz_fail("draw %d is %g", i, a[i]);
        if (memcmp(&a[i], &b[i], sizeof a[i]) != 0)
            fuzz_fail("draw %d is %g, then %g after dist_reset_run", i, a[i], b[i]);
    }
    dist_free(d);
    free(text);
    return 0;
}
