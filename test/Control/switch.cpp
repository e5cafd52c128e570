// switch: cases with break, [[fallthrough]], a block case, default; and a
// switch inside a loop driven by an int array that carries no derivative.
// RUN: %adgen %s -o %t.gen.cpp -- -std=c++17
// RUN: FileCheck %s --input-file=%t.gen.cpp
// RUN: %cxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.gcc && %t.gcc
// RUN: %clangxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.clang && %t.clang
#include <adgen/adgen.h>
#include <cmath>

ADGEN_REVERSE() ADGEN_FORWARD()
double sw(double x, int k) {
  double r = 0;
  switch (k) {
  case 0:
    r = x * x;
    break;
  case 1:
    r = std::exp(x);
    [[fallthrough]];
  case 2:
    r += x;
    break;
  case 3: {
    double t = x * 3;
    r = t * t;
    break;
  }
  default:
    r = -x;
  }
  return r * x;
}
// CHECK-LABEL: double sw_pullback(double x, int k, double d_ret, double *d_x) {
// CHECK-LABEL: double sw_grad(double x, int k, double *d_x) {
// CHECK-LABEL: adgen::Dual<double> sw_fwd(double x, int k, double d_x) {

ADGEN_REVERSE() ADGEN_FORWARD()
double interp(double x, const int *ops, int n) {
  double s = x;
  for (int i = 0; i < n; ++i) {
    switch (ops[i]) {
    case 0:
      s = s * x;
      break;
    case 1:
      s = std::sin(s);
      break;
    case 2:
      continue;
    default:
      s += 1.0;
    }
    s = s + 0.1 * x;
  }
  return s;
}
// CHECK-LABEL: double interp_grad(double x, const int *ops, int n, double *d_x) {
// CHECK-LABEL: adgen::Dual<double> interp_fwd(double x, const int *ops, int n, double d_x) {

#ifdef ADGEN_TEST_DRIVER
double sw_pullback(double x, int k, double d_ret, double* d_x);
double sw_grad(double x, int k, double* d_x);
adgen::Dual<double> sw_fwd(double x, int k, double d_x);
double interp_grad(double x, const int* ops, int n, double* d_x);
adgen::Dual<double> interp_fwd(double x, const int* ops, int n, double d_x);
#include "adgen_test.h"
int main() {
  using namespace adgen_test;
  for (int k = -1; k <= 4; ++k)
    for (double x : {0.4, -1.3}) {
      check_scalar_fn<double>("sw", &x, 1,
          [k](const double* v) { return sw(v[0], k); },
          [k](const double* v, double* g) { return sw_grad(v[0], k, g); },
          [k](const double* v, const double* t) { return sw_fwd(v[0], k, t[0]); });
      // Hand-derived per case.
      double want = k == 0 ? 3 * x * x
                  : k == 1 ? std::exp(x) * (1 + x) + 2 * x
                  : k == 2 ? 2 * x
                  : k == 3 ? 27 * x * x
                  : -2 * x;
      double g = 0;
      sw_pullback(x, k, 1.0, &g);
      check_close("sw: hand-derived", g, want, 1e-14);
    }
  const int ops[] = {0, 1, 3, 2, 0, 1, 1, 3, 0};
  for (int n : {0, 1, 5, 9})
    for (double x : {0.8, 1.7})
      check_scalar_fn<double>("interp", &x, 1,
          [&](const double* v) { return interp(v[0], ops, n); },
          [&](const double* v, double* g) { return interp_grad(v[0], ops, n, g); },
          [&](const double* v, const double* t) { return interp_fwd(v[0], ops, n, t[0]); });
  return finish();
}
#endif
