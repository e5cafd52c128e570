// ADGEN_CUSTOM derivatives of a library routine that writes an output array
// (an axpy-like lib_scale whose body adgen cannot see). Per the contract the
// custom lib_scale_pullback has lib_scale's effects and follows the in-out
// rules for y (adjoint of the final contents in, of the initial contents
// out), so the caller's derivative can use it.
// RUN: %adgen %s -o %t.gen.cpp -- -std=c++17
// RUN: FileCheck %s --input-file=%t.gen.cpp
// RUN: %cxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.gcc && %t.gcc
// RUN: %clangxx -DADGEN_TEST_DRIVER %t.gen.cpp -o %t.clang && %t.clang
#include <adgen/adgen.h>
#include <cmath>

// Body not visible to adgen.
void lib_scale(double a, const double *x, double *y, int n);

int custom_calls = 0;

ADGEN_CUSTOM void lib_scale_fwd(double a, const double *x, double *y, int n, double d_a,
                                const double *d_x, double *d_y) {
  ++custom_calls;
  for (int i = 0; i < n; ++i)
    d_y[i] = d_a * x[i] + a * d_x[i];
  lib_scale(a, x, y, n);
}
ADGEN_CUSTOM void lib_scale_pullback(double a, const double *x, double *y, int n, double *d_a,
                                     double *d_x, double *d_y) {
  ++custom_calls;
  lib_scale(a, x, y, n);
  for (int i = 0; i < n; ++i) {
    *d_a += d_y[i] * x[i];
    d_x[i] += d_y[i] * a;
    d_y[i] = 0;
  }
}

ADGEN_REVERSE() ADGEN_FORWARD()
double model(double x, const double *w) {
  double y[3];
  lib_scale(x, w, y, 3);
  double s = 0;
  for (int i = 0; i < 3; ++i)
    s += std::sin(y[i]) * w[i];
  return s;
}
// CHECK-LABEL: double model_pullback(double x, const double *w, double d_ret, double *d_x, double *d_w) {
// CHECK: lib_scale_pullback(
// CHECK-LABEL: double model_grad(double x, const double *w, double *d_x, double *d_w) {
// CHECK-LABEL: adgen::Dual<double> model_fwd(double x, const double *w, double d_x, const double *d_w) {
// CHECK: lib_scale_fwd(

#ifdef ADGEN_TEST_DRIVER
// "Another translation unit".
void lib_scale(double a, const double* x, double* y, int n) {
  for (int i = 0; i < n; ++i) y[i] = a * x[i];
}
double model_pullback(double x, const double* w, double d_ret, double* d_x, double* d_w);
double model_grad(double x, const double* w, double* d_x, double* d_w);
adgen::Dual<double> model_fwd(double x, const double* w, double d_x, const double* d_w);
#include "adgen_test.h"
int main() {
  using namespace adgen_test;
  const double p[4] = {0.7, 0.5, -1.5, 2.0}; // x, w[3]
  check_scalar_fn<double>("model", p, 4,
      [](const double* v) { return model(v[0], v + 1); },
      [](const double* v, double* g) { return model_grad(v[0], v + 1, &g[0], g + 1); },
      [](const double* v, const double* t) { return model_fwd(v[0], v + 1, t[0], t + 1); });
  int before = custom_calls;
  double g[4] = {};
  model_grad(p[0], p + 1, &g[0], g + 1);
  check_true("model_grad calls the custom pullback", custom_calls > before);
  return finish();
}
#endif
