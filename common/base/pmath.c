/* pmath.c - see pmath.h.
 *
 * Reproducibility: a sample must be the same double on every machine.
 * libm's log, exp and cos are not correctly rounded and differ in the last
 * bit between libm versions and between the FMA and non-FMA code paths glibc
 * picks at run time.  IEEE 754 fixes the result of + - * / and sqrt, and
 * floor, frexp and ldexp are exact, so these are computed from those alone.
 * Two build conditions remain, both met by the project's flags on x86_64 and
 * aarch64: doubles are evaluated in double precision (FLT_EVAL_METHOD == 0,
 * not x87), and a*b+c is not fused into one FMA (GCC does not fuse under
 * -std=c11; clang is told so by the pragma below). */
#include "base/pmath.h"

#include <math.h>

#ifdef __clang__
#pragma STDC FP_CONTRACT OFF
#endif

/* ---- math from + - * / only (see the top of the file) ------------------ */

#define LN2_HI 6.93147180369123816490e-01 /* ln 2, low 32 bits zero: k*LN2_HI exact */
#define LN2_LO 1.90821492927058770002e-10 /* ln 2 - LN2_HI */
#define INV_LN2 1.44269504088896338700e+00
#define SQRT_HALF 0.70710678118654752440
#define HALF_PI 1.57079632679489661923

/* e^x.  Range reduction x = k ln2 + r, |r| <= ln2/2, then Taylor to r^13
 * (remainder below 1e-17 relative). */
double portable_exp(double x)
{
    if (isnan(x))
        return x;
    if (x > 709.8)
        return HUGE_VAL;
    if (x < -745.2)
        return 0.0;
    double k = floor(x * INV_LN2 + 0.5);
    double r = (x - k * LN2_HI) - k * LN2_LO;
    double p = 1.0;
    for (int n = 13; n >= 1; n--)
        p = 1.0 + r * p / n;
    return ldexp(p, (int)k);
}

/* ln x for finite x > 0.  x = m 2^e with m in [sqrt(1/2), sqrt(2)), then
 * ln m = 2 atanh(s), s = (m-1)/(m+1), |s| < 0.172: the series to s^23 is
 * exact to about 1e-17. */
double portable_log(double x)
{
    int e;
    double m = frexp(x, &e);
    if (m < SQRT_HALF) {
        m *= 2.0;
        e--;
    }
    double s = (m - 1.0) / (m + 1.0);
    double s2 = s * s;
    double series = 0.0;
    for (int k = 23; k >= 1; k -= 2)
        series = 1.0 / k + s2 * series;
    return e * LN2_HI + (e * LN2_LO + 2.0 * s * series);
}

/* sin x and cos x for 0 <= x <= pi/4: Taylor series to x^21 / x^20. */
static double sin_small(double x)
{
    double x2 = x * x, p = 1.0;
    for (int n = 20; n >= 2; n -= 2)
        p = 1.0 - x2 * p / (n * (n + 1));
    return x * p;
}

static double cos_small(double x)
{
    double x2 = x * x, p = 1.0;
    for (int n = 19; n >= 1; n -= 2)
        p = 1.0 - x2 * p / (n * (n + 1));
    return p;
}

/* cos and sin of r pi/2 for r in [0, 1), each from the series on [0, pi/4]
 * (1 - r is exact for r >= 1/2). */
static double cos_quarter_turn(double r)
{
    return r <= 0.5 ? cos_small(r * HALF_PI) : sin_small((1.0 - r) * HALF_PI);
}

static double sin_quarter_turn(double r)
{
    return r <= 0.5 ? sin_small(r * HALF_PI) : cos_small((1.0 - r) * HALF_PI);
}

/* cos(2 pi u) for u in [0, 1).  Reducing the turn fraction u, not an angle
 * in radians, keeps the reduction exact: 4u and its fractional part are
 * computed without rounding. */
double cos_two_pi(double u)
{
    double quarters = 4.0 * u;
    double quadrant = floor(quarters);
    double r = quarters - quadrant; /* the angle is (quadrant + r) pi/2 */
    switch ((int)quadrant) {
    case 0: return cos_quarter_turn(r);
    case 1: return -sin_quarter_turn(r);
    case 2: return -cos_quarter_turn(r);
    default: return sin_quarter_turn(r);
    }
}
