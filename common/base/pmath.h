/* pmath.h - exp, log and cos(2 pi u) that give the same double on every
 * machine (libm's do not), for the latency distributions. */
#ifndef NETMIMIC_PMATH_H
#define NETMIMIC_PMATH_H

/* e^x. */
double portable_exp(double x);
/* ln x for finite x > 0. */
double portable_log(double x);
/* cos(2 pi u) for u in [0, 1). */
double cos_two_pi(double u);

#endif
