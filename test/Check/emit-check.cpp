// --emit=check writes the derivatives plus a main() that checks them against
// central finite differences and forward against reverse. Correct
// derivatives pass; a deliberately wrong custom derivative is caught.
// RUN: %adgen %s --emit=check -o %t.check.cpp -- -std=c++17
// RUN: FileCheck %s --input-file=%t.check.cpp --check-prefix=GEN
// RUN: %cxx %t.check.cpp -o %t.good && %t.good | FileCheck %s --check-prefix=GOOD
// RUN: %clangxx %t.check.cpp -o %t.good.clang && %t.good.clang | FileCheck %s --check-prefix=GOOD
// RUN: %adgen %s --emit=check -o %t.bad.cpp -- -std=c++17 -DWRONG
// RUN: %cxx -DWRONG %t.bad.cpp -o %t.bad && not %t.bad | FileCheck %s --check-prefix=BAD
#include <adgen/adgen.h>
#include <cmath>

ADGEN_REVERSE("x[n]") ADGEN_FORWARD("x[n]")
double energy(const double *x, int n, double k) {
  double e = 0;
  for (int i = 0; i + 1 < n; ++i) {
    double d = x[i + 1] - x[i];
    e += k * d * d + std::exp(-x[i]);
  }
  return e;
}

ADGEN_REVERSE("x[n] -> y[n]") ADGEN_FORWARD("x[n] -> y[n]")
void smooth(const double *x, double *y, int n) {
  for (int i = 0; i < n; ++i)
    y[i] = std::tanh(x[i]) * (i > 0 ? x[i - 1] : 1.0);
}

// A "library" function with a user-written (custom) derivative.
double lib_sq(double v);
#ifdef WRONG
ADGEN_CUSTOM double lib_sq_pullback(double v, double d_ret, double *d_v) {
  *d_v += d_ret * 3 * v; // wrong: should be 2 v
  return lib_sq(v);
}
#else
ADGEN_CUSTOM double lib_sq_pullback(double v, double d_ret, double *d_v) {
  *d_v += d_ret * 2 * v;
  return lib_sq(v);
}
#endif
double lib_sq(double v) { return v * v; }

ADGEN_REVERSE()
double uses_lib(double a, double b) { return lib_sq(a) * b; }

// GEN: int main() {
// GOOD-DAG: ok   energy {{.*}}worst relative error
// GOOD-DAG: ok   smooth {{.*}}worst relative error
// GOOD-DAG: ok   uses_lib {{.*}}worst relative error
// GOOD: 3 passed, 0 failed
// BAD: FAIL uses_lib: reverse <J^T ybar, xdot> vs <ybar, central differences>: relative error
// BAD: FAIL uses_lib
// BAD: 2 passed, 1 failed
