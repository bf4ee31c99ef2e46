// Swift-facing view of GNU GSL.
//
// Swift 6 refuses to touch mutable C globals such as `gsl_rng_mt19937` ("reference to
// var is not concurrency-safe"), so each generator type gets a static inline accessor
// here, in the style of swift-numerics' _NumericsShims. Link flags come from
// pkg-config (`-lgsl -lgslcblas -lm`).
#ifndef ONESTOP_CGSL_SHIM_H
#define ONESTOP_CGSL_SHIM_H

#include <gsl/gsl_cdf.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_qrng.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>

#define ONESTOP_SHIM static inline __attribute__((__always_inline__))

ONESTOP_SHIM const gsl_rng_type *cgsl_rng_mt19937(void) { return gsl_rng_mt19937; }
ONESTOP_SHIM const gsl_rng_type *cgsl_rng_taus2(void) { return gsl_rng_taus2; }
ONESTOP_SHIM const gsl_rng_type *cgsl_rng_ranlxd1(void) { return gsl_rng_ranlxd1; }

/// Sobol's quasi-random sequence (Antonov and Saleev 1979; at most 40 dimensions in GSL),
/// for the designs of variance-based sensitivity analysis.
ONESTOP_SHIM const gsl_qrng_type *cgsl_qrng_sobol(void) { return gsl_qrng_sobol; }

/// Asks the processor to bring the cache line at `p` in, for writing, without waiting
/// for it (`__builtin_prefetch`; no effect on any value). Swift has no prefetch of its own.
ONESTOP_SHIM void onestop_prefetch(const void *p) { __builtin_prefetch(p, 1, 3); }

#endif
