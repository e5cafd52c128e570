// --emit=check on a function with kinks and jumps: central differences
// whose step straddles a jump are recomputed at a 16x smaller step before
// they are compared (a wrong derivative is wrong at every step, a straddled
// jump is not). The staircase below has 1e-9 high steps every 2.5e-6, so
// central differences of step 1e-6 straddle one for most points; the old
// checker failed four of the five seeds below on a right derivative.
// RUN: %adgen %s --emit=check -o %t.check.cpp -- -std=c++17
// RUN: FileCheck %s --input-file=%t.check.cpp --check-prefix=GEN
// RUN: %cxx %t.check.cpp -o %t.1 && %t.1 | FileCheck %s --check-prefix=GOOD
// RUN: %cxx -DADGEN_CHECK_SEED=2 %t.check.cpp -o %t.2 && %t.2 | FileCheck %s --check-prefix=GOOD
// RUN: %cxx -DADGEN_CHECK_SEED=3 %t.check.cpp -o %t.3 && %t.3 | FileCheck %s --check-prefix=GOOD
// RUN: %clangxx -DADGEN_CHECK_SEED=4 %t.check.cpp -o %t.4 && %t.4 | FileCheck %s --check-prefix=GOOD
// RUN: %clangxx -DADGEN_CHECK_SEED=5 %t.check.cpp -o %t.5 && %t.5 | FileCheck %s --check-prefix=GOOD
// A derivative off by 1e-4 on the same staircase is still caught, at every seed.
// RUN: %adgen %s --emit=check -o %t.bad.cpp -- -std=c++17 -DWRONG
// RUN: %cxx -DWRONG %t.bad.cpp -o %t.b1 && not %t.b1 | FileCheck %s --check-prefix=BAD
// RUN: %cxx -DWRONG -DADGEN_CHECK_SEED=2 %t.bad.cpp -o %t.b2 && not %t.b2 | FileCheck %s --check-prefix=BAD
// RUN: %clangxx -DWRONG -DADGEN_CHECK_SEED=3 %t.bad.cpp -o %t.b3 && not %t.b3 | FileCheck %s --check-prefix=BAD
#include <adgen/adgen.h>
#include <cmath>

double lin(double v) { return v; }
ADGEN_CUSTOM double lin_pullback(double v, double d_ret, double *d_v) {
#ifdef WRONG
  *d_v += d_ret * 1.0001;
#else
  *d_v += d_ret;
#endif
  return lin(v);
}
ADGEN_CUSTOM adgen::Dual<double> lin_fwd(double v, double d_v) {
#ifdef WRONG
  return {lin(v), 1.0001 * d_v};
#else
  return {lin(v), d_v};
#endif
}

ADGEN_REVERSE() ADGEN_FORWARD()
double stairs(double x, double a) { return lin(x) * a + 1e-9 * std::floor(x * 4e5); }

// GEN: long double fdnoise = adgen_check::refine<double>(along, fd, h, e0, ADGEN_CHECK_TOL);
// GOOD: ok stairs
// GOOD: 1 passed, 0 failed
// BAD: FAIL stairs: forward vs central differences
// BAD: 0 passed, 1 failed
