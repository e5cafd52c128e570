// p(x) = 3x^4 - 4x^3 - 12x^2 has p'(x) = 12x^3 - 12x^2 - 24x = 12x(x+1)(x-2):
// zero gradient at -1, 0 and 2 (exactly, in floating point too), and the
// polynomial's derivative elsewhere.
// RUN: %adgen %s -o %t.gen.cpp -- -std=c++17
// RUN: FileCheck %s --input-file=%t.gen.cpp
// RUN: %cxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.gcc && %t.gcc
// RUN: %clangxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.clang && %t.clang
#include <adgen/adgen.h>

ADGEN_REVERSE() ADGEN_FORWARD()
double p(double x) { return 3 * x * x * x * x - 4 * x * x * x - 12 * x * x; }
// CHECK-LABEL: double p_pullback(double x, double d_ret, double *d_x) {
// CHECK-LABEL: double p_grad(double x, double *d_x) {
// CHECK-LABEL: adgen::Dual<double> p_fwd(double x, double d_x) {

#ifdef ADGEN_TEST_DRIVER
double p_pullback(double x, double d_ret, double* d_x);
double p_grad(double x, double* d_x);
adgen::Dual<double> p_fwd(double x, double d_x);
#include "adgen_test.h"
int main() {
  using namespace adgen_test;
  // Small integers: every intermediate is exact, so the zeros are exact.
  for (double x : {-1.0, 0.0, 2.0}) {
    double g = 0;
    p_grad(x, &g);
    check_exact("p'(critical point) = 0", g, 0.0);
    check_exact("p'(critical point) = 0 (forward)", p_fwd(x, 1.0).tangent, 0.0);
  }
  for (double x : {-2.0, -0.5, 1.0, 3.0, 0.37}) {
    double g = 0;
    check_ulps("p: value", p_grad(x, &g), 3 * x * x * x * x - 4 * x * x * x - 12 * x * x);
    check_close("p' = 12x^3 - 12x^2 - 24x", g, 12 * x * x * x - 12 * x * x - 24 * x, 1e-14);
    check_close("p' (forward)", p_fwd(x, 1.0).tangent, 12 * x * x * x - 12 * x * x - 24 * x, 1e-14);
    check_scalar_fn<double>("p", &x, 1, [](const double* v) { return p(v[0]); },
        [](const double* v, double* gr) { return p_grad(v[0], gr); },
        [](const double* v, const double* t) { return p_fwd(v[0], t[0]); });
  }
  // Sign changes of p' around the critical points (min at -1, max at 0, min at 2).
  double a = 0, b = 0;
  p_grad(-1.01, &a);
  p_grad(-0.99, &b);
  check_true("p' changes sign - to + at -1", a < 0 && b > 0);
  return finish();
}
#endif
