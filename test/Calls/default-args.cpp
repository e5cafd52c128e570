// Callees with default arguments, called with and without them; a default
// that is a floating-point constant, and one that is the active argument's
// partner in the call.
// RUN: %adgen %s -o %t.gen.cpp -- -std=c++17
// RUN: FileCheck %s --input-file=%t.gen.cpp
// RUN: %cxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.gcc && %t.gcc
// RUN: %clangxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.clang && %t.clang
#include <adgen/adgen.h>
#include <cmath>

double scale(double x, double k = 2.0, int p = 2) {
  double r = k;
  for (int i = 0; i < p; ++i)
    r *= x;
  return r;
}
double shifted_log(double x, double shift = 1.0) { return std::log(x + shift); }

ADGEN_REVERSE() ADGEN_FORWARD()
double defaults(double x, double y) {
  return scale(x) + scale(x, y) + scale(y, x, 3) + shifted_log(x * x) + shifted_log(y, x);
}
// CHECK-LABEL: double defaults_pullback(double x, double y, double d_ret, double *d_x, double *d_y) {
// CHECK-LABEL: double defaults_grad(double x, double y, double *d_x, double *d_y) {
// CHECK-LABEL: adgen::Dual<double> defaults_fwd(double x, double y, double d_x, double d_y) {

// The marked function has a default argument itself.
ADGEN_REVERSE() ADGEN_FORWARD()
double withdef(double x, double k = 3.0) { return k * x * x; }
// CHECK-LABEL: double withdef_grad(double x, double k, double *d_x, double *d_k) {
// CHECK-LABEL: adgen::Dual<double> withdef_fwd(double x, double k, double d_x, double d_k) {

#ifdef ADGEN_TEST_DRIVER
double defaults_pullback(double x, double y, double d_ret, double* d_x, double* d_y);
double defaults_grad(double x, double y, double* d_x, double* d_y);
adgen::Dual<double> defaults_fwd(double x, double y, double d_x, double d_y);
double withdef_grad(double x, double k, double* d_x, double* d_k);
adgen::Dual<double> withdef_fwd(double x, double k, double d_x, double d_k);
#include "adgen_test.h"
int main() {
  using namespace adgen_test;
  const double p[2] = {0.8, 1.4};
  check_scalar_fn<double>("defaults", p, 2,
      [](const double* v) { return defaults(v[0], v[1]); },
      [](const double* v, double* g) { return defaults_grad(v[0], v[1], &g[0], &g[1]); },
      [](const double* v, const double* t) { return defaults_fwd(v[0], v[1], t[0], t[1]); });
  // Hand-derived: 2x^2 + y x^2 + x y^3 + log(x^2 + 1) + log(y + x).
  double x = p[0], y = p[1], gx = 0, gy = 0;
  defaults_pullback(x, y, 1.0, &gx, &gy);
  check_close("defaults: d/dx", gx, 4 * x + 2 * x * y + y * y * y + 2 * x / (x * x + 1) + 1 / (y + x), 1e-14);
  check_close("defaults: d/dy", gy, x * x + 3 * x * y * y + 1 / (y + x), 1e-14);
  check_scalar_fn<double>("withdef", p, 2,
      [](const double* v) { return withdef(v[0], v[1]); },
      [](const double* v, double* g) { return withdef_grad(v[0], v[1], &g[0], &g[1]); },
      [](const double* v, const double* t) { return withdef_fwd(v[0], v[1], t[0], t[1]); });
  return finish();
}
#endif
